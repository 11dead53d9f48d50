"""The typed records behind every date, figure, table and source on the site.

Everything here is frozen and free of Sphinx, so the data can be loaded, validated, exported and
tested without a documentation build.  Records refer to each other by id; :class:`Dataset` holds
them all and answers the look-ups the pages need.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from facts.dates import PartialDate
from facts.fields import spec
from facts.site_records import (
    Evidence,
    Site,
    Universe,
)
from facts.vocabulary import (
    ColumnKind,
    CorrectionKind,
    Dimension,
    Lean,
    Party,
    Qualifier,
    SourceKind,
    StandsBehind,
    Topic,
    Unit,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Publisher:
    """Who publishes the cited documents, and whom they speak for."""

    id: str
    name: str = spec("The publisher's name as readers know it.")
    description: str = spec("What the publisher is, in a few words: a state news agency, an "
                            "independent outlet, a think tank.")
    stands_behind: StandsBehind = spec("Who stands behind the publisher: a party's government "
                                       "or state media, an aligned outlet, or no party.")
    party: Party | None = spec("The party a government, state or pro-government publisher "
                               "speaks for.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A document the site cites: who published what, where, and when it was read."""

    id: str
    publisher: str = spec("Who published the document (a publisher id).", ref="publishers")
    title: str = spec("The document's own headline or title; a work without one has a short "
                      "description in square brackets.")
    url: str = spec("Where the document was read: the publisher's own address.", url=True)
    accessed: dt.date = spec("The day the document was last read for this site.")
    kind: SourceKind = spec("What sort of document it is.")
    language: str = spec("The document's language, as an ISO 639-1 code such as en or ru.")
    published: PartialDate | None = spec("When the document was published, to the known "
                                         "precision.", default=None)
    archive_url: str | None = spec("A copy in a web archive, if one was made.", default=None,
                                   url=True)
    via: str | None = spec("The wire service or publisher of record whose text this copy "
                           "carries (a publisher id), if not the publisher itself.",
                           default=None, ref="publishers")


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Something that happened on a date (or over a span), with its sources."""

    id: str
    date: PartialDate = spec("When it happened (or began), to the precision the sources "
                             "support.")
    title: str = spec("A short title.")
    statement: str = spec("What happened, in one to three sentences, with attribution where a "
                          "claim rests on one party.")
    topics: tuple[Topic, ...] = spec("The topics the event belongs to; they choose the "
                                     "timelines that list it.")
    sources: tuple[str, ...] = spec("The sources that support the statement.", ref="sources")
    as_of: dt.date = spec("The day the statement was last checked against its sources.")
    review_by: dt.date = spec("The day by which it must be checked again.")
    end: PartialDate | None = spec("When it ended, for a span.", default=None)
    account: Party | None = spec("Whose account the statement is, when every source speaks for "
                                 "one party.", default=None)
    evidence: Evidence | None = spec("The dimension of the evidence the event belongs to, if "
                                     "any.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Estimate:
    """One party's figure; ``low == high`` for a single value."""

    low: float = spec("The lowest value given (the value itself for a single number).",
                      checks=("finite", "non-negative"))
    high: float = spec("The highest value given (the value itself for a single number).",
                       checks=("finite", "non-negative"))
    by: str = spec("Who gives the figure.")
    sources: tuple[str, ...] = spec("The sources that report it.", ref="sources")
    qualifier: Qualifier = spec("How exact the figure is, printed before the number.",
                                default="")


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A number the site states, with every estimate and who gives it."""

    id: str
    label: str = spec("What the number counts, as a short label.")
    statement: str = spec("What the number measures and who reports it.")
    date: PartialDate = spec("The date the number refers to.")
    unit: Unit = spec("The unit of every estimate.")
    estimates: tuple[Estimate, ...] = spec("Every estimate, one per party that gives one; the "
                                           "first is the headline value the pages show.",
                                           key="estimate")
    as_of: dt.date = spec("The day the estimates were last checked against their sources.")
    review_by: dt.date = spec("The day by which they must be checked again.")
    quantity: str = spec("The quantity the figure measures, shared by the figures of one series "
                         "(such as cumulative aid at different dates); the latest is its "
                         "current value.", default="")
    evidence: Evidence | None = spec("The dimension of the evidence the figure belongs to, if "
                                     "any.", default=None)

    @property
    def headline(self) -> Estimate:
        """The value pages show; the other estimates are alternatives, named as such."""
        return self.estimates[0]

    @property
    def series(self) -> str:
        return self.quantity or self.id

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for e in self.estimates for s in e.sources))


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    key: str = spec("The key of the rows' cells in this column.")
    label: str = spec("The column heading.")
    width: int = spec("The column's relative width.", default=1, checks=("integer",))
    kind: ColumnKind = spec("What the cells hold: text from the row, or the dates or sources of "
                            "the row's facts.", default="text")


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """A table row: plain-text cells plus the facts whose dates and sources it shows."""

    cells: tuple[tuple[str, str], ...] = spec("The text of each text column, by column key.")
    facts: tuple[str, ...] = spec("The facts whose dates and sources the row shows.",
                                  ref="facts")
    dimension: Dimension | None = spec("The dimension whose finding the row reports, if it "
                                       "claims a lean.", default=None)
    lean: Lean | None = spec("The lean the row claims; it must match the dimension's "
                             "finding.", default=None)

    def cell(self, key: str) -> str:
        return dict(self.cells).get(key, "")


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    id: str
    caption: str = spec("The table's caption.")
    columns: tuple[Column, ...] = spec("The columns, in order.")
    rows: tuple[Row, ...] = spec("The rows, in order.", key="row")
    as_of: dt.date = spec("The day the rows were last checked.")
    review_by: dt.date = spec("The day by which they must be checked again.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    """A dated, public change of substance: to the original article or to a published fact."""

    id: str
    kind: CorrectionKind = spec("A correction (it was wrong), a clarification (it misled) or an "
                                "update (it is out of date).")
    date: dt.date = spec("The day the correction was made.")
    statement: str = spec("What is right, in the site's words.")
    facts: tuple[str, ...] = spec("The facts (or sources) that establish it.", ref="facts")
    article_said: str = spec("What the original article said, quoted.", default="")
    previous: str = spec("What this site said before, for a change to a published fact.",
                         default="")
    withdrawn: tuple[str, ...] = spec("Published facts this change removes, by the id they had "
                                      "in data/published.json.", default=())
    topics: tuple[Topic, ...] = spec("The topic pages that show the correction.", default=())



Fact = Event | Figure | Table

#: Record types by the folder that holds them, one TOML file per record.  The loader, the
#: exports and the schema go through this table, so a new record type is declared here, in its
#: dataclass and as a :class:`Dataset` field, and nowhere else.
KINDS: dict[str, type] = {
    "sources": Source,
    "events": Event,
    "figures": Figure,
    "tables": Table,
    "corrections": Correction,
    "publishers": Publisher,
    "dimensions": Universe,
}
#: kinds whose ids a citation may name
CITABLE = ("sources", "events", "figures", "tables")


@dataclass(frozen=True, slots=True, kw_only=True)
class Dataset:
    """All records, validated, with the file each came from."""

    site: Site
    sources: dict[str, Source]
    events: dict[str, Event]
    figures: dict[str, Figure]
    tables: dict[str, Table]
    corrections: dict[str, Correction]
    publishers: dict[str, Publisher]
    dimensions: dict[str, Universe]
    paths: dict[str, Path] = field(repr=False)
    root: Path = field(repr=False)
    digests: dict[str, str] = field(repr=False, default_factory=dict)
    """Record id (``site`` for site.toml) -> a digest of its file's text: what incremental
    builds compare to find the records an edit changed."""

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


def digest_of(parts: Iterable[str]) -> str:
    """A short, stable digest of some text (the same in every process, unlike ``hash``)."""
    h = hashlib.blake2b(digest_size=8)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def name_of(fact: Fact) -> str:
    """A fact's human-readable name: an event's title, a figure's label, a table's caption."""
    if isinstance(fact, Event):
        return fact.title
    return fact.label if isinstance(fact, Figure) else fact.caption
