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
from facts.fields import spec

Topic = Literal[
    "ukraine", "russia", "nagorno-karabakh", "peace-process", "turkey", "iran", "eu", "energy", "un"
]
#: The dimensions of the evidence; each has a universe (data/dimensions/) and a rule
#: (:mod:`facts.evidence`).
Dimension = Literal[
    "un-votes", "leaders", "statements", "agreements", "trade", "energy-transit", "aid", "arms",
    "sanctions",
]
Side = Literal["russia", "ukraine"]
Lean = Literal["russia", "ukraine", "neither"]
Strength = Literal["clear", "slight", "none"]
SourceKind = Literal["official", "document", "wire", "news", "encyclopedia", "analysis", "database"]
#: who stands behind a publisher: a party's government or state media, an outlet aligned with a
#: government, an independent outlet, or a body that speaks for none of the parties
StandsBehind = Literal["government", "state-media", "pro-government", "advocacy", "independent",
                       "intergovernmental", "encyclopedia", "think-tank", "academic", "database"]
Party = Literal["azerbaijan", "russia", "ukraine", "armenia", "nagorno-karabakh", "turkey", "iran",
                "georgia", "kazakhstan", "latvia", "united-states", "united-kingdom",
                "european-union"]
CorrectionKind = Literal["correction", "clarification", "update"]
ColumnKind = Literal["text", "date", "sources", "lean"]
#: how exact an estimate is; printed before the number
Qualifier = Literal["", "about", "at least", "more than", "up to"]
#: the units a figure may count in; facts.text prints each, the data dictionary explains each
Unit = Literal["usd", "eur", "azn", "rub", "uah", "percent", "km2", "bcm", "cubic-metres",
               "tonnes", "people", "deaths", "troops", "states", "stations", "points",
               "articles", "documents", "years"]
#: units that count whole things: their estimates must be whole numbers
COUNT_UNITS = frozenset({"people", "deaths", "troops", "states", "stations", "points", "articles",
                         "documents", "years"})
Vote = Literal["yes", "no", "abstain", "non-voting", "unconfirmed"]
Sector = Literal["gas", "oil", "electricity", "transport"]
Arrangement = Literal["in force", "ended", "announced"]
Delivery = Literal["delivered", "pledged"]
Direction = Literal["to-ukraine", "to-russia", "from-russia", "from-ukraine"]
Finding = Literal["reported", "denied", "confirmed"]
SanctionsAction = Literal["refusal", "joined", "compliance", "circumvention-report", "designation",
                          "response"]
Target = Literal["state", "private"]
Stance = Literal["supports-ukraine", "supports-russia", "balanced", "no-reaction"]

TOPICS: tuple[str, ...] = get_args(Topic)
DIMENSIONS: tuple[str, ...] = get_args(Dimension)
SIDES: tuple[str, ...] = get_args(Side)
LEANS: tuple[str, ...] = get_args(Lean)
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
CORRECTION_KINDS: tuple[str, ...] = get_args(CorrectionKind)
COLUMN_KINDS: tuple[str, ...] = get_args(ColumnKind)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
#: publishers that speak for one party, whose claims the site attributes
PARTISAN: frozenset[str] = frozenset({"government", "state-media", "pro-government", "advocacy"})

LEAN_LABELS: dict[str, str] = {
    "russia": "Toward Russia",
    "ukraine": "Toward Ukraine",
    "neither": "Neither",
}
#: the fields of [evidence] each dimension needs, beyond dimension, side and reason
DIMENSION_FIELDS: dict[str, tuple[str, ...]] = {
    "un-votes": ("resolution", "vote"),
    "leaders": ("counterpart",),
    "statements": ("stance",),
    "agreements": ("instrument",),
    "trade": ("year",),
    "energy-transit": ("sector", "status"),
    "aid": ("delivery",),
    "arms": ("direction", "finding"),
    "sanctions": ("action",),
}


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
class Evidence:
    """How an event or figure belongs to one dimension of the evidence.

    Beyond the dimension, the side it concerns and a reason, each dimension has its own fields
    (:data:`DIMENSION_FIELDS`), which its rule in :mod:`facts.evidence` weighs.
    """

    dimension: Dimension = spec("The dimension of the evidence the item belongs to.")
    side: Side = spec("The country the item concerns: Russia or Ukraine.")
    reason: str = spec("What the item shows about Baku's stance, in one neutral sentence.")
    resolution: str = spec("UN votes: the resolution's symbol, such as A/RES/ES-11/1.",
                           default="")
    vote: Vote | None = spec("UN votes: Azerbaijan's recorded vote.", default=None)
    tally: tuple[int, ...] = spec("UN votes: the votes in favour, against and abstaining, as "
                                  "the UN recorded them.", default=(), checks=("non-negative",))
    counterpart: str = spec("Leaders: whom Aliyev met, or who visited.", default="")
    format: str = spec("Leaders: the kind of meeting or visit.", default="")
    place: str = spec("Leaders: where it took place.", default="")
    instrument: str = spec("Agreements: what was signed (declaration, agreement, memorandum, "
                           "protocol).", default="")
    documents: int | None = spec("Agreements: how many documents were signed on the occasion.",
                                 default=None, checks=("non-negative",))
    sector: Sector | None = spec("Energy and transit: the sector.", default=None)
    status: Arrangement | None = spec("Energy and transit: whether the arrangement is in force, "
                                      "has ended or was only announced.", default=None)
    figure: str = spec("Aid: the figure that gives the item's value, if one is reported.",
                       default="", ref="figures")
    delivery: Delivery | None = spec("Aid: delivered, or only pledged.", default=None)
    direction: Direction | None = spec("Arms: which way the reported goods went.", default=None)
    finding: Finding | None = spec("Arms: whether the transfer was only reported, denied, or "
                                   "confirmed.", default=None)
    action: SanctionsAction | None = spec("Sanctions: a refusal to join, joining, a step to "
                                          "comply, a report of circumvention, a designation by a "
                                          "sanctioning government, or Baku's response.",
                                          default=None)
    target: Target | None = spec("Sanctions: whether a designation targets the Azerbaijani state "
                                 "(a state body, a state company or an asset it owns) or private "
                                 "parties.", default=None)
    stance: Stance | None = spec("Statements: whose position the statement supports.",
                                 default=None)
    occasion: str = spec("Statements: the turning point of the war it answers.", default="")
    year: int | None = spec("Trade: the calendar year the figure covers.", default=None)


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
                      checks=("finite",))
    high: float = spec("The highest value given (the value itself for a single number).",
                       checks=("finite",))
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Gap:
    """A member of a dimension's universe that no source found was able to settle."""

    member: str = spec("The member, in the dimension's member notation.")
    note: str = spec("What was looked for, and what is missing.")
    date: PartialDate | None = spec("When the member happened, if known.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Universe:
    """What one dimension of the evidence counts, listed so that a test keeps it complete.

    The file name is the dimension.  ``members`` lists the universe as far as it is known (UN
    resolution symbols, ``YEAR side`` for trade, ``DATE counterpart`` for leaders' meetings,
    otherwise the ids of the items); each member needs exactly one item or a gap.  Events
    since ``since`` whose text matches ``candidates`` must be items of the dimension or be listed
    in ``exempt``, so an item cannot be left out unnoticed.
    """

    id: str
    title: str = spec("The dimension's heading.")
    order: int = spec("Where the dimension comes in the evidence page.", checks=("integer",))
    question: str = spec("The question the dimension answers.")
    universe: str = spec("What the dimension counts, in one sentence.")
    since: PartialDate = spec("The start of the period the rule weighs.")
    members: tuple[str, ...] = spec("The universe member by member, where an outside record lists "
                                    "it (resolutions, years, meetings); otherwise the items are "
                                    "kept complete through ``candidates``.", default=())
    gaps: tuple[Gap, ...] = spec("Members no source settles, with what is missing.", key="gap",
                                 default=())
    candidates: str = spec("A regular expression: events since ``since`` whose title or "
                           "statement match must be items of the dimension or exempt.",
                           default="")  # checked with re.search, case-sensitive
    exempt: tuple[str, ...] = spec("Events that match ``candidates`` but are not items.",
                                   default=(), ref="facts")
    case_russia: str = spec("The strongest case that this dimension shows Baku leaning toward "
                            "Moscow, in the words of those who make it.")
    case_ukraine: str = spec("The strongest case that it shows Baku leaning toward Kyiv.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Point:
    """One sentence of the short answer, with the lean and strength it claims."""

    text: str = spec("The sentence.")
    dimension: Dimension = spec("The dimension whose finding the sentence reports.")
    lean: Lean = spec("The lean the sentence claims; it must match the finding.")
    strength: Strength = spec("How strong a lean the sentence claims; at most the finding's.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """The short answer to the title question, which must agree with the evidence."""

    lean: Lean = spec("The answer's lean; it must match the evidence.")
    headline: str = spec("The answer in one sentence; its words must not claim another lean.")
    points: tuple[Point, ...] = spec("The sentences that sum up the evidence, each with its "
                                     "claimed lean.", key="point")


@dataclass(frozen=True, slots=True, kw_only=True)
class Era:
    """A stretch of the history, for grouping the drawn timeline; eras follow each other."""

    id: str = spec("The era's id.")
    title: str = spec("The era's title.")
    start: PartialDate = spec("When the era begins.")
    end: PartialDate | None = spec("When it ends; none for the present era.", default=None)

    def contains(self, date: PartialDate) -> bool:
        after_start = date.first_day() >= self.start.first_day()
        return after_start and (self.end is None or date.first_day() <= self.end.last_day())


@dataclass(frozen=True, slots=True, kw_only=True)
class PartyNames:
    """The words that name one party in a statement: its country, capital and officials."""

    id: Party = spec("The party.")
    words: tuple[str, ...] = spec("Words that name it, matched as whole words.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    as_of: dt.date = spec("The site's as-of date: no fact is checked later, and every page "
                          "shows it.")
    answer: Answer = spec("The short answer on the front page.")
    eras: tuple[Era, ...] = spec("The eras of the drawn timeline, in order.", key="era",
                                 default=())
    parties: tuple[PartyNames, ...] = spec("Words that name each party, for checking that a "
                                           "fact resting on one party's sources says so.",
                                           key="party", default=())

    def names(self, party: str) -> tuple[str, ...]:
        return next((p.words for p in self.parties if p.id == party), ())


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
