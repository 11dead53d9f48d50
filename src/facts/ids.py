"""Suggestions for an unknown id: the closest ids, and what an id is if it exists elsewhere."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

#: a record kind in messages: "an event", "a figure"
ARTICLES = {"sources": "a source", "events": "an event", "figures": "a figure",
            "tables": "a table", "corrections": "a correction", "publishers": "a publisher",
            "dimensions": "a dimension"}


def closest(name: str, known: Iterable[str]) -> str:
    """`` (closest: 'a', 'b')`` for an unknown id, or nothing when no id is close.

    Ids that start with ``name`` come first (a truncated id), then similar spellings.
    """
    known = sorted(known)
    close = [k for k in known if k.startswith(name)][:3]
    close += [k for k in difflib.get_close_matches(name, known, n=3, cutoff=0.6)
              if k not in close]
    return f" (closest: {', '.join(map(repr, close[:3]))})" if close else ""


def unknown(name: str, wanted: str, pool: Iterable[str],
            elsewhere: Mapping[str, Iterable[str]] = {}, taker: str = "") -> str:
    """The message for an id that ``pool`` lacks: the kind it really is, if it exists as another
    kind (``taker``, such as ``:facts:value:``, says what takes the wanted kind), else the
    closest ids of the wanted kind."""
    pool = list(pool)
    for kind, ids in elsewhere.items():
        if name in ids:
            needed = (f"{taker} takes {_article(wanted)}" if taker
                      else f"{_article(wanted)} is needed here")
            return f"{name!r} is {ARTICLES.get(kind, kind)}; {needed}{closest(name, pool)}"
    return f"unknown {wanted} {name!r}{closest(name, pool)}"


def _article(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"
