"""The selections behind listing directives, as pure functions of the data.

A page that lists "events on Ukraine since 2022" depends not only on the events it shows but on
which events match.  The Sphinx extension records each query and its result per page and, before
the next build, re-runs it: a page is re-read when its result changes (an event added, or one
whose topics or dates now match), and otherwise only when a record it shows is edited.

Every query returns a comparable, picklable value; :func:`ids` gives the records it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


def latest(data: Dataset, topic: str) -> str:
    """The id of the newest event on ``topic`` (``site``: on any topic), or ``""``.

    Events compare by their first possible day, so an event known only to the year ("2026")
    does not hide a later one known to the day; ties go to the more precise date.
    """
    found = [e for e in data.events.values() if topic == "site" or topic in e.topics]
    newest = max(found, key=lambda e: (e.date.first_day(), -e.date.last_day().toordinal(),
                                       e.id), default=None)
    return newest.id if newest else ""


def era_bounds(data: Dataset, era: str) -> tuple[str, str]:
    """``(since, until)`` of an era of site.toml, for :func:`timeline`."""
    found = next(e for e in data.site.eras if e.id == era)
    return found.start.iso(), found.end.iso() if found.end else ""


def sources(data: Dataset, kinds: tuple[str, ...], groups: tuple[str, ...]) -> list[Source]:
    """Sources of ``kinds`` whose publishers stand behind one of ``groups`` (all when empty),
    sorted by publisher name, date and title."""
    def name(s: Source) -> str:
        return data.publishers[s.publisher].name.casefold()

    return sorted((s for s in data.sources.values() if s.kind in kinds and (
        not groups or data.publishers[s.publisher].stands_behind in groups)),
        key=lambda s: (name(s), s.published.iso() if s.published else "", s.title.casefold(),
                       s.id))


def _counted(data: Dataset, listed: list[Source]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(source id, ids of the facts it supports)``."""
    citing = data.citing()
    return tuple((s.id, tuple(sorted(citing[s.id]))) for s in listed)


def _ids(records: Iterable[Any]) -> tuple[str, ...]:
    return tuple(r.id for r in records)


def _finding(data: Dataset, dimension: str) -> tuple[Any, ...]:
    f = evidence.finding(data, dimension)
    return (f, data.dimensions[dimension])


#: query name -> function of (data, *params) giving a comparable, picklable result
QUERIES: dict[str, Callable[..., Any]] = {
    "timeline": lambda data, *params: _ids(timeline(data, *params)),
    "era": era_bounds,
    "latest": latest,
    "evidence": _finding,
    "findings": lambda data: tuple(evidence.findings(data).values()),
    "verdict": lambda data: (evidence.verdict(data), data.site.answer, evidence.firmness(data)),
    "sensitivity": lambda data: tuple(evidence.sensitivity(data)),
    "sources": lambda data, kinds, groups: _counted(data, sources(data, kinds, groups)),
    "corrections": lambda data, kinds, of, topics: tuple(
        sorted(c.id for c in data.corrections.values()
               if c.kind in kinds and (not of or (of == "article") == bool(c.article_said))
               and (not topics or set(topics).intersection(c.topics)))),
}


def run(data: Dataset, name: str, params: tuple[Any, ...]) -> Any:
    return QUERIES[name](data, *params)


def _items(result: Any) -> list[str]:
    finding, universe = result
    return [*finding.items, universe.id]


#: query name -> the record ids its result shows (none for the others)
_SHOWN: dict[str, Callable[[Any], list[str]]] = {
    "timeline": list,
    "corrections": list,
    "latest": lambda newest: [newest] if newest else [],
    "sources": lambda result: [sid for sid, _facts in result],
    "evidence": _items,
    "findings": lambda result: [i for f in result for i in (*f.items, f.dimension)],
    "sensitivity": lambda result: [row.dimension for row in result],
    "verdict": lambda result: [dim for _answer, dims in result[2] for dim in dims],
}


def ids(name: str, result: Any) -> list[str]:
    """The record ids a query's result shows, for the page's dependencies."""
    shown = _SHOWN.get(name)
    return shown(result) if shown else []
