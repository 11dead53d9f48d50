"""Checks of the data that need every record: the evidence, the history of published facts,
the units of figures and one record per source.

Each check reports through ``fail(record_id, key, message, section="", index=0)``, which the
loader turns into a located problem.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from facts import attribution, claims, model
from facts.evidence import completeness
from facts.validate import FactsError, Problem
from facts.vocabulary import COUNT_UNITS, DIMENSION_FIELDS, DIMENSIONS


def units(data: model.Dataset, fail: Callable[..., None]) -> None:
    """Values that fit their unit: whole numbers for counts, 0 to 100 for percentages."""
    for fid, fig in data.figures.items():
        for i, est in enumerate(fig.estimates):
            for key, value in (("low", est.low), ("high", est.high)):
                if fig.unit in COUNT_UNITS and value != int(value):
                    fail(fid, key, f"{value:g} must be a whole number: the unit is "
                         f"{fig.unit!r}", "estimate", i)
                elif fig.unit == "percent" and not 0 <= value <= 100:
                    fail(fid, key, f"{value:g} is not a percentage between 0 and 100",
                         "estimate", i)


def sources(data: model.Dataset, fail: Callable[..., None]) -> None:
    """One record per cited document, and no publisher that no source names."""
    seen: dict[str, str] = {}
    for rid in sorted(data.sources):
        key = data.sources[rid].url.rstrip("/")
        if key in seen:
            fail(rid, "url", f"the same address as source {seen[key]!r}; cite that one")
        seen.setdefault(key, rid)
    named = {s.publisher for s in data.sources.values()}
    named |= {s.via for s in data.sources.values() if s.via}
    for pid in sorted(set(data.publishers) - named):
        fail(pid, "name", "no source names this publisher; delete it or cite one of its works")


def history(data: model.Dataset, facts: set[str], fail: Callable[..., None]) -> None:
    """Dates of reading and publishing, and facts a correction says were withdrawn."""
    published = _published_ids(data.root)
    for rid, corr in data.corrections.items():
        for fid in corr.withdrawn:
            if fid in facts:
                fail(rid, "withdrawn", f"{fid!r} is still in the data; list it under 'facts'")
            elif fid not in published:
                fail(rid, "withdrawn", f"{fid!r} was never published (not in published.json)")
    for rid, source in data.sources.items():
        if source.accessed > data.site.as_of:
            fail(rid, "accessed", f"{source.accessed} is after the site's as-of date")
        if source.published and source.published.first_day() > source.accessed:
            fail(rid, "published", f"{source.published} is after the access date {source.accessed}")


def _published_ids(root: Path) -> set[str]:
    path = root / "published.json"
    if not path.exists():
        return set()
    return set(json.loads(path.read_text(encoding="utf-8")).get("values", {}))


def evidence(data: model.Dataset, fail: Callable[..., None]) -> None:
    """Every dimension has its universe, every item the fields its dimension needs, and every
    universe is complete (:func:`facts.evidence.completeness`)."""

    for dim in DIMENSIONS:
        if dim not in data.dimensions:
            fail_at = data.root / "dimensions" / f"{dim}.toml"
            raise FactsError([Problem(fail_at, 1, dim, "missing: every dimension of the evidence "
                                      "needs its universe file")])
    for kind in ("events", "figures"):
        for rid, record in getattr(data, kind).items():
            ev = record.evidence
            if ev is None:
                continue
            for name in DIMENSION_FIELDS[ev.dimension]:
                if getattr(ev, name) in (None, ""):
                    fail(rid, name, f"is required for the {ev.dimension!r} dimension",
                         "evidence")
    for dim, key, message in completeness(data):
        fail(dim, key, message)
    for rid, key, section, index, message in claims.summary_problems(data):
        fail(rid, key, message, section, index)
    for rid, key, section, index, message in attribution.problems(data):
        fail(rid, key, message, section, index)
    series: dict[tuple[str, str], str] = {}
    for fid, fig in sorted(data.figures.items()):
        other = series.setdefault((fig.series, fig.date.iso()), fid)
        if other != fid:
            fail(fid, "quantity", f"{other!r} measures the same quantity at the same date; "
                 "make them one figure with two estimates")
