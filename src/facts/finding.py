"""What a dimension's rule returns, and the items it reads.

An item is an event or figure whose ``[evidence]`` names a dimension; its member is what the
dimension's universe lists for it (a resolution, ``YEAR side``, ``DATE counterpart`` or its id).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from facts.model import Dataset, Event, Figure
from facts.site_records import Evidence, Universe
from facts.vocabulary import Lean, Strength

Item = Event | Figure


@dataclass(frozen=True, slots=True)
class Finding:
    """What one dimension shows, by its rule."""

    dimension: str
    lean: Lean
    strength: Strength
    #: the numbers the rule weighed, by name (``russia``, ``ukraine``, ``recorded``, …); the
    #: dimension's texts refer to them as ``{n:name}``
    numbers: dict[str, int] = field(default_factory=dict)
    #: the finding in one sentence
    summary: str = ""
    #: what would change the lean, in one sentence
    change: str = ""
    #: the items weighed, in date order
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    sentence: str
    apply: Callable[[Universe, list[Item]], Finding]


def items(data: Dataset, dimension: str) -> list[Item]:
    """A dimension's items, events and figures, in date order."""
    found: list[Item] = [e for e in data.events.values()
                         if e.evidence is not None and e.evidence.dimension == dimension]
    found += [f for f in data.figures.values()
              if f.evidence is not None and f.evidence.dimension == dimension]
    return sorted(found, key=lambda r: (r.date.sort_key(), r.id))


def evidence_of(item: Item) -> Evidence:
    assert item.evidence is not None
    return item.evidence


def member(item: Item) -> str:
    """The item's member of its universe: a resolution, ``YEAR side``, ``DATE counterpart`` or
    its id."""
    ev = evidence_of(item)
    if ev.dimension == "un-votes":
        return ev.resolution
    if ev.dimension == "trade":
        return f"{ev.year} {ev.side}"
    if ev.dimension == "leaders":
        return f"{item.date.iso()} {ev.counterpart}"
    return item.id


def since(universe: Universe, found: Iterable[Item]) -> list[Item]:
    """Items that may fall on or after the universe's start (a year-precise date counts when
    the year reaches it)."""
    start = universe.since.first_day()
    return [i for i in found if i.date.last_day() >= start]


