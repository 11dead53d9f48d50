"""The records that frame the evidence and the site: an item's ``[evidence]`` table, each
dimension's universe and its gaps, the short answer, the eras of the timeline and the words
that name each party."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facts.dates import PartialDate
from facts.fields import spec
from facts.vocabulary import (
    Arrangement,
    Delivery,
    Dimension,
    Direction,
    Finding,
    Lean,
    Party,
    SanctionsAction,
    Sector,
    Side,
    Stance,
    Strength,
    Target,
    Vote,
)


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
class Gap:
    """A member of a dimension's universe that no source found was able to settle, or a
    reported item that no citable source confirms."""

    member: str = spec("The member, in the dimension's member notation (or a short name).")
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
    gaps: tuple[Gap, ...] = spec("Members no source settles (or, where no members are listed, "
                                 "reported items no citable source confirms), with what is "
                                 "missing.", key="gap", default=())
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
    strength: Strength = spec("How firmly it leans; it must match the evidence, and the "
                              "headline's words may claim no other strength.")
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
