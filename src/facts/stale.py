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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m facts.stale", description=__doc__)
    parser.add_argument("--today", type=dt.date.fromisoformat,
                        default=os.environ.get("FACTS_TODAY") or dt.date.today().isoformat(),
                        help="the date to check against (default: FACTS_TODAY or today)")
    parser.add_argument("--data", default=None, help="data folder (default: the package's)")
    args = parser.parse_args(argv)
    today = args.today if isinstance(args.today, dt.date) else dt.date.fromisoformat(args.today)
    rows = load(args.data).due(today)
    for fact in rows:
        print(f"{fact.review_by}  {fact.id}  {name_of(fact)}")
    print(f"{len(rows)} fact(s) due for review on {today}.", file=sys.stderr)
    return 1 if rows else 0


if __name__ == "__main__":
    raise SystemExit(main())
