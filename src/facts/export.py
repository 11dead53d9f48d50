"""The dataset as JSON and CSV for download, and the record of published values.

``python -m facts.export OUTDIR`` writes ``facts.json`` (valid against ``facts.schema.json``, which
it copies beside it) and one CSV file per record type.  Both are derived from the record types'
declarations in :mod:`facts.model`, so a new field appears in every download by itself.  Output
is sorted and has no timestamps: two exports of the same data are byte-identical.

``python -m facts.export --record`` rewrites ``data/published.json``: the value of every fact as
readers see it, against which the tests demand a correction entry for every later change.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from facts import __version__, model
from facts.dates import PartialDate
from facts.fields import Field, exported
from facts.load import load
from facts.text import format_figure

SCHEMA = "facts.schema.json"
#: CSV files by record type; tables are shown on the site only
CSV_KINDS = ("events", "figures", "sources", "corrections")
CSV_FILES = tuple(f"{kind}.csv" for kind in CSV_KINDS)
#: every download file, in the order the site lists them
FILES = ("facts.json", SCHEMA, *CSV_FILES)
#: how list fields are joined in a CSV cell
LIST_SEPARATOR = "; "
#: cells starting with these could run as spreadsheet formulas (OWASP's list)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def schema_path() -> Path:
    return Path(str(resources.files("facts") / "schema" / SCHEMA))


def plain(value: Any) -> Any:  # noqa: PLR0911 -- one case per type
    """A record or value as JSON-ready data: dates as ISO strings, records as objects."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        return dict(value)  # table cells
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.key: plain(getattr(value, f.name)) for f in exported(type(value))}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def ordered(data: model.Dataset, kind: str) -> list[Any]:
    """A kind's records in their download order: events by date, the rest by id."""
    if kind == "events":
        return data.timeline()
    records: dict[str, Any] = getattr(data, kind)
    return [records[k] for k in sorted(records)]


def to_json(data: model.Dataset) -> dict[str, Any]:
    return {"version": __version__, "as_of": data.site.as_of.isoformat(),
            "answer": plain(data.site.answer),
            **{kind: [plain(r) for r in ordered(data, kind)] for kind in model.KINDS}}


# -- CSV ------------------------------------------------------------------------------------------

def columns(cls: type) -> list[str]:
    """CSV columns of a record type: its fields, nested records flattened with a prefix, and
    for a list of records (a figure's estimates) one row per item, keyed ``id:n``."""
    found: list[str] = []
    for f in exported(cls):
        if f.shape == "record":
            found += [f"{f.key}_{c}" for c in columns(_record(f))]
        elif f.shape == "records":
            found += ["key", f.key, *(c for c in columns(_record(f)) if c not in found)]
        else:
            found.append(f.key)
    return found


def _record(f: Field) -> type:
    assert f.record is not None
    return f.record


def rows(record: Any) -> Iterator[dict[str, Any]]:
    """The CSV rows of one record."""
    base: dict[str, Any] = {}
    items: tuple[Field, tuple[Any, ...]] | None = None
    for f in exported(type(record)):
        value = getattr(record, f.name)
        if f.shape == "record":
            nested = next(rows(value)) if value is not None else {}
            base |= {f"{f.key}_{c}": nested.get(c) for c in columns(_record(f))}
        elif f.shape == "records":
            items = (f, value)
        else:
            base[f.key] = plain(value)
    if items is None:
        yield base
        return
    f, values = items
    for number, item in enumerate(values, 1):
        yield {**base, "key": f"{base['id']}:{number}", f.key: number, **next(rows(item))}


def cell(value: Any) -> Any:
    """A CSV cell: lists joined, text that a spreadsheet would run as a formula quoted."""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(map(str, value))
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(data: model.Dataset) -> dict[str, str]:
    """File name -> CSV text."""
    files = {}
    for kind in CSV_KINDS:
        cls = model.KINDS[kind]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns(cls), lineterminator="\n")
        writer.writeheader()
        for record in ordered(data, kind):
            for row in rows(record):
                writer.writerow({k: cell(v) for k, v in row.items()})
        files[f"{kind}.csv"] = out.getvalue()
    return files


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` unless the file already holds it (so a no-op build writes nothing)."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def write(data: model.Dataset, outdir: Path) -> list[Path]:
    """Write the download files into ``outdir`` (only those whose content changed); return
    their paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    files = {"facts.json": json.dumps(to_json(data), ensure_ascii=False, indent=1) + "\n",
             SCHEMA: schema_path().read_text(encoding="utf-8"), **to_csv(data)}
    for name in FILES:
        write_if_changed(outdir / name, files[name])
    return [outdir / name for name in FILES]


# -- published values --------------------------------------------------------------------------

def published_values(data: model.Dataset) -> dict[str, str]:
    """Every fact's value as a reader sees it: date, span and statement, or the figure text."""
    values = {e.id: f"{e.date.iso()}/{e.end.iso() if e.end else ''}: {e.statement}"
              for e in data.events.values()}
    values |= {f.id: f"{f.date.iso()}: {format_figure(f)}" for f in data.figures.values()}
    return dict(sorted(values.items()))


def uncorrected_changes(data: model.Dataset, record: dict[str, Any]) -> list[str]:
    """Ids of facts whose value differs from ``record`` (a ``published.json``) or that it has
    and the data lacks, with no correction, clarification or update since the record's as-of
    date that names them and quotes what the site said before."""
    since = record.get("as_of", "")
    noted = {f for c in data.corrections.values() if c.date.isoformat() >= since and c.previous
             for f in (*c.facts, *c.withdrawn)}
    current = published_values(data)
    return sorted(fid for fid, value in record.get("values", {}).items()
                  if current.get(fid) != value and fid not in noted)


def record_path(data: model.Dataset) -> Path:
    return data.root / "published.json"


def read_record(data: model.Dataset) -> dict[str, Any]:
    return dict(json.loads(record_path(data).read_text(encoding="utf-8")))


def write_record(data: model.Dataset) -> Path:
    doc = {"version": __version__, "as_of": data.site.as_of.isoformat(),
           "values": published_values(data)}
    path = record_path(data)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m facts.export", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", nargs="?", type=Path, help="folder for the download files")
    parser.add_argument("--record", action="store_true",
                        help="rewrite data/published.json from the current data")
    args = parser.parse_args(argv)
    if not (args.record or args.outdir):
        parser.error("give OUTDIR, --record or both")
    data = load()
    if args.record:
        print(f"recorded the published values in {write_record(data)}")
    if args.outdir:
        for path in write(data, args.outdir):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
