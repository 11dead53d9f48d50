"""List facts whose review date has passed: ``python -m facts.stale [--today YYYY-MM-DD]``.

Exits 1 when any fact is due, so a scheduled job can open an issue; the clock is injectable
(``--today`` or ``FACTS_TODAY``) so tests never depend on the real date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence

from facts.load import load
from facts.model import name_of
from facts.validate import FactsError


def _day(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SystemExit(f"{where} = {value!r} is not a date YYYY-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m facts.stale", description=__doc__)
    parser.add_argument("--today", help="the date to check against (default: FACTS_TODAY or "
                        "today)")
    parser.add_argument("--data", default=None, help="data folder (default: the package's)")
    args = parser.parse_args(argv)
    if args.today:
        today = _day(args.today, "--today")
    elif os.environ.get("FACTS_TODAY"):
        today = _day(os.environ["FACTS_TODAY"], "FACTS_TODAY")
    else:
        today = dt.date.today()
    try:
        data = load(args.data)
    except FactsError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(f"stopped: the facts data has {len(exc.problems)} problem"
                         f"{'s' if len(exc.problems) != 1 else ''} (listed above)") from None
    rows = data.due(today)
    for fact in rows:
        print(f"{fact.review_by}  {fact.id}  {name_of(fact)}")
    print(f"{len(rows)} fact(s) due for review on {today}.", file=sys.stderr)
    return 1 if rows else 0


if __name__ == "__main__":
    raise SystemExit(main())
