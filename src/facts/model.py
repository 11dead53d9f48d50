"""The typed records behind every date, figure, table and source on the site.

Everything here is frozen and free of Sphinx, so the data can be loaded, validated, exported and
tested without a documentation build.  Records refer to each other by id; :class:`Dataset` holds
them all and answers the look-ups the pages need.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from facts.dates import PartialDate

Topic = Literal[
    "ukraine", "russia", "nagorno-karabakh", "peace-process", "turkey", "iran", "eu", "energy", "un"
]
Dimension = Literal[
    "statements", "un-votes", "sanctions", "aid", "arms", "treaties", "trade-energy"
]
Lean = Literal["russia", "ukraine", "neither"]
SourceKind = Literal["official", "document", "wire", "news", "encyclopedia", "analysis", "database"]
CorrectionKind = Literal["correction", "clarification", "update"]
ColumnKind = Literal["text", "date", "sources"]
#: how exact an estimate is; printed before the number
Qualifier = Literal["", "about", "at least", "more than", "up to"]

TOPICS: tuple[str, ...] = get_args(Topic)
DIMENSIONS: tuple[str, ...] = get_args(Dimension)
LEANS: tuple[str, ...] = get_args(Lean)
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
CORRECTION_KINDS: tuple[str, ...] = get_args(CorrectionKind)
COLUMN_KINDS: tuple[str, ...] = get_args(ColumnKind)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)

#: Headings for the evidence view and the data download, in display order.
DIMENSION_LABELS: dict[str, str] = {
    "statements": "Statements",
    "un-votes": "UN votes",
    "sanctions": "Sanctions",
    "aid": "Humanitarian and energy aid",
    "arms": "Arms",
    "treaties": "Treaties and declarations",
    "trade-energy": "Trade and energy",
}
LEAN_LABELS: dict[str, str] = {
    "russia": "Toward Russia",
    "ukraine": "Toward Ukraine",
    "neither": "Neither",
}
SOURCE_KIND_LABELS: dict[str, str] = {
    "document": "Primary documents",
    "official": "Official statements and sites",
    "wire": "Wire services",
    "news": "News outlets",
    "analysis": "Research and analysis",
    "database": "Databases",
    "encyclopedia": "Encyclopedias",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A document the site cites: who published what, where, and when it was read."""

    id: str
    publisher: str
    title: str
    url: str
    accessed: dt.date
    kind: SourceKind
    language: str
    published: PartialDate | None = None
    archive_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """How one action or statement bears on the title question."""

    dimension: Dimension
    lean: Lean
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Something that happened on a date (or over a span), with its sources."""

    id: str
    date: PartialDate
    title: str
    statement: str
    topics: tuple[Topic, ...]
    sources: tuple[str, ...]
    as_of: dt.date
    review_by: dt.date
    end: PartialDate | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Estimate:
    """One party's figure; ``low == high`` for a single value."""

    low: float
    high: float
    by: str
    sources: tuple[str, ...]
    qualifier: Qualifier = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A number the site states, with every estimate and who gives it."""

    id: str
    label: str
    statement: str
    date: PartialDate
    unit: str
    estimates: tuple[Estimate, ...]
    as_of: dt.date
    review_by: dt.date

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for e in self.estimates for s in e.sources))


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    key: str
    label: str
    width: int = 1
    kind: ColumnKind = "text"


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """A table row: plain-text cells plus the facts whose dates and sources it shows."""

    cells: tuple[tuple[str, str], ...]
    facts: tuple[str, ...]

    def cell(self, key: str) -> str:
        return dict(self.cells).get(key, "")


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    as_of: dt.date
    review_by: dt.date


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    """A dated, public change of substance: to the original article or to a published fact."""

    id: str
    kind: CorrectionKind
    date: dt.date
    statement: str
    facts: tuple[str, ...]
    article_said: str = ""
    previous: str = ""
    topics: tuple[Topic, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """The short answer to the title question, which must agree with the evidence."""

    lean: Lean
    headline: str
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Era:
    """A stretch of the history, for grouping the drawn timeline; eras follow each other."""

    id: str
    title: str
    start: PartialDate
    end: PartialDate | None  # None: ongoing

    def contains(self, date: PartialDate) -> bool:
        after_start = date.first_day() >= self.start.first_day()
        return after_start and (self.end is None or date.first_day() <= self.end.last_day())


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    as_of: dt.date
    answer: Answer
    eras: tuple[Era, ...] = ()


Fact = Event | Figure | Table
Record = Source | Event | Figure | Table | Correction


@dataclass(frozen=True, slots=True, kw_only=True)
class Dataset:
    """All records, validated, with the file each came from."""

    site: Site
    sources: dict[str, Source]
    events: dict[str, Event]
    figures: dict[str, Figure]
    tables: dict[str, Table]
    corrections: dict[str, Correction]
    paths: dict[str, Path] = field(repr=False)
    root: Path = field(repr=False)

    def dated(self) -> dict[str, Event | Figure]:
        """Events and figures by id: the facts that have a date and sources of their own."""
        return {**self.events, **self.figures}

    def fact(self, fact_id: str) -> Fact | None:
        return self.events.get(fact_id) or self.figures.get(fact_id) or self.tables.get(fact_id)

    def sources_of(self, record_id: str) -> tuple[str, ...]:
        """Source ids behind a fact or table (tables cite through their rows' facts)."""
        if record_id in self.sources:
            return (record_id,)
        fact = self.fact(record_id)
        if isinstance(fact, Table):
            ids = (s for row in fact.rows for f in row.facts for s in self.sources_of(f))
            return tuple(dict.fromkeys(ids))
        return fact.sources if fact is not None else ()

    def timeline(self) -> list[Event]:
        """Events in date order, ties broken by id so output is stable."""
        return sorted(self.events.values(), key=lambda e: (e.date.sort_key(), e.id))

    def citing(self) -> dict[str, list[str]]:
        """Source id -> ids of the facts it supports."""
        counts: dict[str, list[str]] = {sid: [] for sid in self.sources}
        for fid, fact in self.dated().items():
            for sid in fact.sources:
                counts[sid].append(fid)
        return counts

    def due(self, today: dt.date, ids: Iterable[str] | None = None) -> list[Fact]:
        """Facts and tables (among ``ids``, if given) whose review date is on or before
        ``today``, oldest first."""
        pool: Iterable[Fact] = (*self.events.values(), *self.figures.values(),
                                *self.tables.values())
        if ids is not None:
            pool = (f for f in map(self.fact, ids) if f is not None)
        return sorted((f for f in pool if f.review_by <= today),
                      key=lambda f: (f.review_by, f.id))


def name_of(fact: Fact) -> str:
    """A fact's human-readable name: an event's title, a figure's label, a table's caption."""
    if isinstance(fact, Event):
        return fact.title
    return fact.label if isinstance(fact, Figure) else fact.caption
