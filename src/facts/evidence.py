"""The evidence behind the short answer, and the rule that turns it into a lean.

Each event may carry an :class:`~facts.model.Evidence` marking: a dimension (statements, UN votes,
…) and a lean (toward Russia, toward Ukraine, neither).  The rule is deliberately simple enough
to state on the page:

1. a dimension leans the way most of its entries lean; a tie between Russia and Ukraine, or a
   majority of "neither", makes it "neither";
2. the overall answer is the side with more leaning dimensions; "neither" when they are equal.

The short answer in ``site.toml`` must agree with :func:`verdict`; the build and the tests check it.
"""

from __future__ import annotations

from collections import Counter

from facts.model import DIMENSIONS, Dataset, Event, Lean


def entries(data: Dataset, dimension: str | None = None) -> list[Event]:
    """Events with evidence, in date order, optionally for one dimension."""
    return [e for e in data.timeline()
            if e.evidence is not None and (dimension is None or e.evidence.dimension == dimension)]


def tally(data: Dataset) -> dict[str, Counter[str]]:
    """Dimension -> counts of each lean, for every dimension (empty ones included)."""
    counts: dict[str, Counter[str]] = {dim: Counter() for dim in DIMENSIONS}
    for event in entries(data):
        assert event.evidence is not None
        counts[event.evidence.dimension][event.evidence.lean] += 1
    return counts


def dimension_lean(counts: Counter[str]) -> Lean:
    ranked = counts.most_common()
    if not ranked or ranked[0][0] == "neither":
        return "neither"
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return "neither"
    return "russia" if ranked[0][0] == "russia" else "ukraine"


def verdict(data: Dataset) -> Lean:
    leans = Counter(dimension_lean(c) for c in tally(data).values())
    if leans["ukraine"] == leans["russia"]:
        return "neither"
    return "ukraine" if leans["ukraine"] > leans["russia"] else "russia"
