"""Read the TOML data into :mod:`facts.model` records, validating everything on the way.

One record per file: ``data/events/<id>.toml`` and so on, so that a fact has exactly one place to
edit and a page can depend on exactly the files it shows.  How each field is read follows from
its declaration in the model (:mod:`facts.fields`); every problem is reported with the file, the
line and the record id, all at once, and loading fails with :class:`FactsError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, cast

from facts import checks, model
from facts.dates import PartialDate
from facts.fields import Field, fields_of
from facts.ids import ARTICLES, unknown
from facts.site_records import Answer, Site
from facts.validate import FactsError, Problem, Reader, show

__all__ = ["FactsError", "Problem", "default_data_dir", "load"]

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: files in the data folder that are not records
NOT_RECORDS = frozenset({"site.toml", "published.json"})


def default_data_dir() -> Path:
    """The data shipped inside the package (an editable install points at ``src/``)."""
    return Path(str(resources.files("facts") / "data"))


# -- one record, from its declaration ----------------------------------------------------------

_PLACEHOLDER: dict[str, Any] = {"text": "", "partial": PartialDate(1), "day": dt.date.min,
                                "number": 0, "ids": (), "choices": (), "numbers": (),
                                "records": (), "cells": (), "flag": False}


def build(cls: type, rec: Reader) -> Any:
    """A ``cls`` record from ``rec``, every field read as its declaration says; problems are
    filed on ``rec`` and placeholders keep the record usable for the remaining checks."""
    declared = fields_of(cls)
    cells = any(f.shape == "cells" for f in declared)
    if not cells:
        rec.check_keys({f.key for f in declared if f.shape != "id"})
    values = {}
    for f in declared:
        if f.shape != "id" and f.key not in rec.data and not f.required and f.shape != "cells":
            continue  # the dataclass default
        values[f.name] = _read(rec, f, declared)
    record = cls(**values)
    for check in _CHECKS:
        check(record, rec)
    return record


def _read(rec: Reader, f: Field, declared: tuple[Field, ...]) -> Any:  # noqa: PLR0912 -- one case per shape
    value: Any
    match f.shape:
        case "id":
            value = rec.id
        case "text":
            value = rec.url(f.key, required=f.required) if f.url else rec.text(f.key,
                                                                                required=f.required)
        case "choice":
            value = rec.choice(f.key, f.options)
        case "choices":
            value = rec.choices(f.key, f.options, required=f.required)
        case "ids":
            value = rec.ids(f.key, required=f.required)
        case "number":
            value = rec.number(f.key, f.checks, integer=f.integer)
        case "numbers":
            value = rec.numbers(f.key, f.checks, integer=f.integer)
        case "partial":
            value = rec.partial(f.key, required=f.required)
        case "day":
            value = rec.day(f.key, required=f.required)
        case "flag":
            value = rec.flag(f.key)
        case "record":
            nested = rec.nested(f.key)
            if nested is None:
                rec.fail(f.key, "is required: a table [" + f.key + "]")
                return None
            value = build(_record_type(f), nested)
        case "records":
            items = [build(_record_type(f), r) for r in rec.nested_list(f.key)]
            if f.required and not items:
                rec.fail(f.key, f"needs at least one [[{f.key}]]")
            value = tuple(items)
        case "cells":
            keys = {d.key for d in declared if d.shape != "cells"}
            value = tuple((k, rec.text(k)) for k in sorted(set(rec.data) - keys))
    if value is None and f.required:
        return _PLACEHOLDER[f.shape]
    return value


def _record_type(f: Field) -> type:
    assert f.record is not None
    return f.record


# Checks across the fields of one record.  Each applies to every record type that has the
# fields it names, so a new type or field needs no new check.

def _span_in_order(record: Any, rec: Reader) -> None:
    start, end = getattr(record, "date", None), getattr(record, "end", None)
    if isinstance(start, PartialDate) and isinstance(end, PartialDate) and (
            end.last_day() < start.first_day()):
        rec.fail("end", f"{end.iso()} is before the start date {start.iso()}")


def _review_after_check(record: Any, rec: Reader) -> None:
    as_of, review_by = getattr(record, "as_of", None), getattr(record, "review_by", None)
    if (isinstance(as_of, dt.date) and isinstance(review_by, dt.date)
            and dt.date.min not in (as_of, review_by) and review_by <= as_of):
        rec.fail("review_by", f"{review_by} must be after as_of {as_of}")


def _range_in_order(record: Any, rec: Reader) -> None:
    low, high = rec.data.get("low"), rec.data.get("high")  # as written: a bad value is reported
    numbers = tuple(v for v in (low, high) if isinstance(v, int | float)
                    and not isinstance(v, bool) and math.isfinite(v))
    if len(numbers) == 2 and numbers[1] < numbers[0]:
        rec.fail("high", f"{high:g} is below low {low:g}")


def _cells_are_columns(record: Any, rec: Reader) -> None:
    if isinstance(record, model.Table):
        text_columns = ", ".join(sorted(c.key for c in record.columns if c.kind == "text"))
        for i, row in enumerate(record.rows):
            for key, _text in row.cells:
                if key not in text_columns.split(", "):
                    Reader(rec.path, rec.id, {}, rec.lines, rec.problems, "row", i).fail(
                        key, f"unknown field; expected a text column ({text_columns}) or facts")
        if not record.columns:
            rec.fail("columns", "needs at least one column")


def _eras_follow_each_other(record: Any, rec: Reader) -> None:
    if isinstance(record, Site):
        for i, (before, after) in enumerate(zip(record.eras, record.eras[1:], strict=False)):
            if before.end is None or after.start.first_day() <= before.end.last_day():
                Reader(rec.path, rec.id, {}, rec.lines, rec.problems, "era", i + 1).fail(
                    "start", f"{after.start} overlaps the previous era {before.id!r}")


_CHECKS: tuple[Callable[[Any, Reader], None], ...] = (
    _span_in_order, _review_after_check, _range_in_order, _cells_are_columns,
    _eras_follow_each_other)


# -- the whole dataset ---------------------------------------------------------------------------

def _read_file(path: Path, record_id: str, problems: list[Problem]) -> Reader | None:
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
        problems.append(Problem(path, line, record_id, f"invalid TOML: {exc}"))
        return None
    return Reader(path, record_id, data, text.splitlines(), problems)


def load(data_dir: Path | None = None, *,
         known: Mapping[Path, tuple[Any, str]] | None = None) -> model.Dataset:
    """Load and validate every record under ``data_dir``; raise :class:`FactsError` on problems.

    ``known`` maps files that have not changed since an earlier load to the record built from
    each and its digest (:func:`facts.cache.load_cached`); they are not read again, but every
    check across records runs on all of them.
    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    known = known or {}
    if not (root / "site.toml").is_file():
        raise FactsError([Problem(root / "site.toml", 1, "site", "missing: a data folder needs "
                                  "site.toml beside events/, figures/, sources/ and tables/")])
    problems: list[Problem] = []
    paths: dict[str, Path] = {}
    digests: dict[str, str] = {}
    broken: set[str] = set()  # unusable files: their ids are not reported again as unknown
    records: dict[str, dict[str, Any]] = {kind: {} for kind in model.KINDS}
    for entry in sorted(root.iterdir()):
        if entry.name not in model.KINDS and entry.name not in NOT_RECORDS:
            problems.append(Problem(entry, 1, entry.stem, "not a record folder; expected one of "
                                    f"{', '.join(model.KINDS)}, site.toml and published.json"))
    for kind, cls in model.KINDS.items():
        for path in sorted((root / kind).glob("*")):
            rid = path.stem
            if path.suffix != ".toml" or not ID_RE.match(rid):
                problems.append(Problem(path, 1, rid, "file name must be a lowercase, hyphenated "
                                        "id with .toml, such as 'kyiv-visit-2022.toml'"))
                broken.add(rid)
                continue
            if rid in paths:
                problems.append(Problem(path, 1, rid, f"duplicate id; also {show(paths[rid])}"))
                continue
            paths[rid] = path
            if path in known:
                records[kind][rid], digests[rid] = known[path]
                continue
            rec = _read_file(path, rid, problems)
            if rec is None:
                broken.add(rid)
            else:
                records[kind][rid] = build(cls, rec)
                digests[rid] = model.digest_of(rec.lines)
    site = _load_site(root / "site.toml", known, problems, digests)
    data = model.Dataset(site=site, paths=paths, root=root, digests=digests, **records)
    problems.extend(_cross_check(data, broken, sound=not problems))
    if problems:
        raise FactsError(problems)
    return data


def _load_site(path: Path, known: Mapping[Path, tuple[Any, str]], problems: list[Problem],
               digests: dict[str, str]) -> Site:
    if path in known:
        site, digests["site"] = known[path]
        return cast("Site", site)
    rec = _read_file(path, "site", problems)
    if rec is None:
        return Site(as_of=dt.date.min, answer=Answer(lean="neither", headline="", points=()))
    digests["site"] = model.digest_of(rec.lines)
    return cast("Site", build(Site, rec))


def _walk(record: Any, section: str = "", index: int = 0) -> Iterator[tuple[Field, Any, str, int]]:
    """Every field value of a record, nested ones too, with the section that locates it."""
    for f in fields_of(type(record)):
        value = getattr(record, f.name)
        if f.shape == "record" and value is not None:
            yield from _walk(value, f.key, 0)
        elif f.shape == "records":
            for i, item in enumerate(value):
                yield from _walk(item, f.key, i)
        else:
            yield f, value, section, index


def _cross_check(data: model.Dataset, broken: set[str], *, sound: bool) -> list[Problem]:
    """Checks that need every record: references resolve, nothing is dated after the as-of.
    The evidence checks run only on ``sound`` data, where no record was left out, so that one
    bad record does not also show up as a wrong answer."""
    problems: list[Problem] = []

    def fail(rid: str, key: str, message: str, section: str = "", index: int = 0) -> None:
        path = data.paths[rid] if rid != "site" else data.root / "site.toml"
        lines = path.read_text(encoding="utf-8").splitlines()
        Reader(path, rid, {}, lines, problems, section, index).fail(key, message)

    kinds = {kind: getattr(data, kind) for kind in model.KINDS}
    pools = {kind: set(records) for kind, records in kinds.items()}
    pools["facts"] = {*data.events, *data.figures, *data.tables}
    for kind in model.KINDS:
        for rid, record in kinds[kind].items():
            for f, value, section, index in _walk(record):
                if f.ref:
                    wanted = ARTICLES.get(f.ref, "a fact").split(" ", 1)[1]
                    pool = pools[f.ref] | (pools["sources"] if kind == "corrections" else set())
                    refs = value if isinstance(value, tuple) else (value,) if value else ()
                    for ref in refs:
                        if ref not in pool and ref not in broken:
                            fail(rid, f.key, unknown(ref, wanted, pool, kinds), section, index)
                if f.name == "as_of" and value > data.site.as_of:
                    fail(rid, "as_of", f"{value} is after the site's as-of date "
                         f"{data.site.as_of}")
    if sound and not problems:
        checks.evidence(data, fail)
    checks.history(data, pools["facts"], fail)
    checks.units(data, fail)
    checks.sources(data, fail)
    return problems


def record_fields(cls: type) -> list[str]:
    """The TOML keys a record type accepts, for messages and the editors' page."""
    return [f.key for f in fields_of(cls) if f.shape != "id"]


def replace(record: Any, **changes: Any) -> Any:
    """A copy of a frozen record with some fields changed (for tests and tools)."""
    return dataclasses.replace(record, **changes)
