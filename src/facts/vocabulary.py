"""The controlled vocabularies of the data: topics, dimensions, leans, units, kinds of source and
the other closed lists a field may take, with the tables derived from them."""

from __future__ import annotations

from typing import Literal, get_args

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
