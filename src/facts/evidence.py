"""The evidence behind the short answer: one rule per dimension, and the answer they give.

Each dimension of the evidence has a universe (``data/dimensions/<id>.toml``: what it counts,
listed member by member) and a rule here, stated in one sentence on the evidence page.  A rule
reads the dimension's items (events and figures whose ``[evidence]`` names the dimension) and
returns a :class:`Finding`: a lean, its strength, the numbers it rests on and what it would take
to change it.  The short answer is the side more dimensions lean toward (:func:`verdict`), and
:func:`sensitivity` shows which dimensions decide it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from facts.finding import Finding, Item, evidence_of, items, member
from facts.model import Dataset
from facts.rules import ANSWER_RULE, RULES
from facts.site_records import Universe
from facts.vocabulary import DIMENSIONS, Lean, Strength

__all__ = ["ANSWER_RULE", "RULES", "Finding", "Item", "Sensitivity", "combine", "completeness",
           "evidence_of", "finding", "findings", "items", "member", "sensitivity", "tokens",
           "verdict"]


def completeness(data: Dataset) -> list[tuple[str, str, str]]:
    """Problems with the dimensions' universes, as ``(dimension, field, message)``.

    Each listed member needs exactly one item or one gap, and every item and gap must be a
    listed member; a dimension that lists no members (its items are found by ``candidates``)
    may still list gaps: reported items that no citable source confirms.  Every event since a
    dimension's start whose text matches its ``candidates`` must be an item of some dimension
    or be exempt, so that evidence cannot be left out unnoticed.
    """
    problems = []
    classified = {i.id for dim in DIMENSIONS for i in items(data, dim)}
    for dim in DIMENSIONS:
        universe = data.dimensions.get(dim)
        if universe is None:
            continue  # the loader reports the missing file
        problems += [(dim, key, message) for key, message in _members(universe, items(data, dim))]
        problems += [(dim, key, message)
                     for key, message in _candidates(data, universe, classified)]
    return problems


def _members(universe: Universe, found: list[Item]) -> Iterator[tuple[str, str]]:
    keys = Counter(member(i) for i in found)
    gaps = Counter(g.member for g in universe.gaps)
    listed = set(universe.members)
    for key in universe.members:
        count = keys[key] + gaps[key]
        if count != 1:
            what = "no item and no gap" if not count else f"{count} items or gaps"
            yield "members", f"member {key!r} has {what}; it needs exactly one"
    if listed:
        for key in sorted(set(keys) - listed):
            yield "members", f"item {key!r} is not a listed member; add it to members"
        for key in sorted(set(gaps) - listed):
            yield "gap", f"gap {key!r} is not a listed member"
    for key in sorted(g.member for g in universe.gaps if keys[g.member]):
        yield "gap", f"{key!r} has an item; remove its gap"


def _candidates(data: Dataset, universe: Universe,
                classified: set[str]) -> Iterator[tuple[str, str]]:
    if universe.candidates:
        pattern = re.compile(universe.candidates)
        start = universe.since.first_day()
        for event in data.timeline():
            if (event.date.last_day() >= start and event.id not in classified
                    and event.id not in universe.exempt
                    and pattern.search(f"{event.title} {event.statement}")):
                yield "candidates", (f"event {event.id!r} matches the candidates but is in no "
                                     "dimension; give it [evidence] or add it to exempt")
    for rid in universe.exempt:
        if rid in classified:
            yield "exempt", f"{rid!r} is an item of a dimension; it need not be exempt"


def finding(data: Dataset, dimension: str) -> Finding:
    return RULES[dimension].apply(data.dimensions[dimension], items(data, dimension))


def findings(data: Dataset) -> dict[str, Finding]:
    """Every dimension's finding, in the evidence page's order."""
    order = sorted(DIMENSIONS, key=lambda d: (data.dimensions[d].order, d))
    return {d: finding(data, d) for d in order}


def combine(leans: Iterable[Lean]) -> tuple[Lean, Strength]:
    counts = Counter(leans)
    ru, ua = counts["russia"], counts["ukraine"]
    if ru == ua:
        return "neither", "none"
    lean: Lean = "russia" if ru > ua else "ukraine"
    return lean, "clear" if abs(ru - ua) >= 3 else "slight"


def verdict(data: Dataset) -> tuple[Lean, Strength]:
    return combine(f.lean for f in findings(data).values())


@dataclass(frozen=True, slots=True)
class Sensitivity:
    dimension: str
    lean: Lean
    #: alternative lean of the dimension -> the answer it would give
    answers: dict[str, tuple[Lean, Strength]]
    change: str

    @property
    def decisive(self) -> bool:
        """True if some other lean of this dimension alone would change the answer's lean."""
        return any(a[0] != self.base[0] for a in self.answers.values())

    base: tuple[Lean, Strength] = ("neither", "none")


def sensitivity(data: Dataset) -> list[Sensitivity]:
    """For each dimension, the answer if it alone leaned each other way."""
    found = findings(data)
    base = combine(f.lean for f in found.values())
    rows = []
    for dim, f in found.items():
        answers = {}
        for alt in ("russia", "ukraine", "neither"):
            if alt != f.lean:
                leans = [alt if d == dim else g.lean for d, g in found.items()]
                answers[alt] = combine(leans)
        rows.append(Sensitivity(dim, f.lean, answers, f.change, base))
    return rows


def firmness(data: Dataset) -> tuple[tuple[tuple[Lean, Strength], tuple[str, ...]], ...]:
    """The dimensions whose leaning neither way, on its own, would change the short answer,
    grouped by the answer each would give: ``((answer, (dimension, ...)), ...)``."""
    groups: dict[tuple[Lean, Strength], list[str]] = {}
    for row in sensitivity(data):
        alt = row.answers.get("neither")
        if alt is not None and alt != row.base:
            groups.setdefault(alt, []).append(row.dimension)
    return tuple((answer, tuple(dims)) for answer, dims in groups.items())


def tokens(text: str) -> list[str]:
    """The ``{n:name}``, ``{value:id}``, ``{date:id}`` and ``{year:id}`` tokens in data text."""
    return re.findall(r"\{([a-z]+:[a-z0-9-]+)\}", text)
