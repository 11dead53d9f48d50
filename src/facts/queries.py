"""The selections behind listing directives, as pure functions of the data.

A page that lists "events on Ukraine since 2022" depends not only on the events it shows but on
which events match.  The Sphinx extension records each query and its result per page and, before
the next build, re-runs it: a page is re-read when its result changes (an event added, or one
whose topics or dates now match), and otherwise only when a record it shows is edited.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from facts import evidence
from facts.dates import PartialDate
from facts.model import Dataset, Event, Source


def timeline(data: Dataset, topics: tuple[str, ...], since: str, until: str) -> list[Event]:
    """Events with any of ``topics`` that overlap ``since``..``until`` (ISO, may be empty)."""
    start = PartialDate.parse(since).first_day() if since else None
    stop = PartialDate.parse(until).last_day() if until else None
    return [
        e for e in data.timeline()
        if set(topics).intersection(e.topics)
        and (start is None or (e.end or e.date).last_day() >= start)
        and (stop is None or e.date.first_day() <= stop)
    ]


def sources(data: Dataset, kinds: tuple[str, ...]) -> list[Source]:
    """Sources of ``kinds``, sorted by publisher, date and title."""
    return sorted((s for s in data.sources.values() if s.kind in kinds),
                  key=lambda s: (s.publisher.casefold(), s.published.iso() if s.published else "",
                                 s.title.casefold(), s.id))


def _counted(data: Dataset, listed: list[Source]) -> tuple[tuple[str, int], ...]:
    """``(source id, number of facts it supports)``, counting the citations once."""
    citing = data.citing()
    return tuple((s.id, len(citing[s.id])) for s in listed)


def _ids(records: list[Any]) -> tuple[str, ...]:
    return tuple(r.id for r in records)


#: query name -> function of (data, *params) giving a comparable, picklable result
QUERIES: dict[str, Callable[..., object]] = {
    "timeline": lambda data, *params: _ids(timeline(data, *params)),
    "evidence": lambda data, dimension: _ids(evidence.entries(data, dimension or None)),
    "tally": evidence.tally,
    "verdict": lambda data: (evidence.verdict(data), data.site.answer),
    "sources": lambda data, kinds: _counted(data, sources(data, kinds)),
    "corrections": lambda data, kinds, of, topics: tuple(
        sorted(c.id for c in data.corrections.values()
               if c.kind in kinds and (not of or (of == "article") == bool(c.article_said))
               and (not topics or set(topics).intersection(c.topics)))),
}


def run(data: Dataset, name: str, params: tuple[Any, ...]) -> object:
    return QUERIES[name](data, *params)
