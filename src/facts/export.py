"""The dataset as JSON and CSV for download, and the record of published values.

``python -m facts.export OUTDIR`` writes ``facts.json`` (valid against ``facts.schema.json``, which
it copies beside it), ``events.csv``, ``figures.csv`` and ``sources.csv``.  Output is sorted and
has no timestamps, so two exports of the same data are byte-identical.

``python -m facts.export --record`` rewrites ``data/published.json``: the value of every fact as
readers see it, against which the tests demand a correction entry for every later change.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from facts import __version__
from facts.load import load
from facts.model import Dataset, Event, Figure, Source
from facts.text import format_estimate, format_figure

SCHEMA = "facts.schema.json"
CSV_FILES = ("events.csv", "figures.csv", "sources.csv")


def schema_path() -> Path:
    return Path(str(resources.files("facts") / "schema" / SCHEMA))


def _source(s: Source) -> dict[str, Any]:
    return {"id": s.id, "publisher": s.publisher, "title": s.title, "url": s.url,
            "published": s.published.iso() if s.published else None,
            "accessed": s.accessed.isoformat(), "kind": s.kind, "language": s.language,
            "archive_url": s.archive_url}


def _event(e: Event) -> dict[str, Any]:
    evidence = None
    if e.evidence is not None:
        evidence = {"dimension": e.evidence.dimension, "lean": e.evidence.lean,
                    "reason": e.evidence.reason}
    return {"id": e.id, "date": e.date.iso(), "precision": e.date.precision,
            "end": e.end.iso() if e.end else None, "title": e.title, "statement": e.statement,
            "topics": list(e.topics), "sources": list(e.sources), "evidence": evidence,
            "as_of": e.as_of.isoformat(), "review_by": e.review_by.isoformat()}


def _figure(f: Figure) -> dict[str, Any]:
    return {"id": f.id, "label": f.label, "statement": f.statement, "date": f.date.iso(),
            "unit": f.unit, "text": format_figure(f),
            "estimates": [{"low": e.low, "high": e.high, "qualifier": e.qualifier, "by": e.by,
                           "sources": list(e.sources), "text": format_estimate(e, f.unit)}
                          for e in f.estimates],
            "as_of": f.as_of.isoformat(), "review_by": f.review_by.isoformat()}


def to_json(data: Dataset) -> dict[str, Any]:
    answer = data.site.answer
    return {
        "version": __version__,
        "as_of": data.site.as_of.isoformat(),
        "answer": {"lean": answer.lean, "headline": answer.headline, "summary": answer.summary},
        "events": [_event(e) for e in data.timeline()],
        "figures": [_figure(data.figures[k]) for k in sorted(data.figures)],
        "sources": [_source(data.sources[k]) for k in sorted(data.sources)],
        "corrections": [
            {"id": c.id, "kind": c.kind, "date": c.date.isoformat(), "statement": c.statement,
             "article_said": c.article_said or None, "previous": c.previous or None,
             "facts": list(c.facts), "topics": list(c.topics)}
            for c in sorted(data.corrections.values(), key=lambda c: (c.date, c.id))
        ],
    }


EVENT_COLUMNS = ("id", "date", "precision", "end", "title", "statement", "topics", "sources",
                 "as_of", "review_by", "dimension", "lean")
FIGURE_COLUMNS = ("id", "label", "date", "unit", "low", "high", "qualifier", "by", "sources",
                  "text")
SOURCE_COLUMNS = ("id", "publisher", "title", "url", "published", "accessed", "kind", "language",
                  "archive_url")


def _csv(columns: Sequence[str], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return out.getvalue()


def to_csv(data: Dataset) -> dict[str, str]:
    """File name -> CSV text; lists are joined with ``;``."""
    doc = to_json(data)
    events = [{**{k: v for k, v in e.items() if k != "evidence"},
               "dimension": (e["evidence"] or {}).get("dimension"),
               "lean": (e["evidence"] or {}).get("lean")} for e in doc["events"]]
    figures = [{"id": f["id"], "label": f["label"], "date": f["date"], "unit": f["unit"],
                **{k: v for k, v in est.items()}}
               for f in doc["figures"] for est in f["estimates"]]
    return {"events.csv": _csv(EVENT_COLUMNS, events),
            "figures.csv": _csv(FIGURE_COLUMNS, figures),
            "sources.csv": _csv(SOURCE_COLUMNS, doc["sources"])}


def write(data: Dataset, outdir: Path) -> list[Path]:
    """Write the download files into ``outdir``; return their paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    files = {"facts.json": json.dumps(to_json(data), ensure_ascii=False, indent=1) + "\n",
             **to_csv(data)}
    written = []
    for name, text in files.items():
        (outdir / name).write_text(text, encoding="utf-8")
        written.append(outdir / name)
    written.append(Path(shutil.copyfile(schema_path(), outdir / SCHEMA)))
    return written


# -- published values --------------------------------------------------------------------------

def published_values(data: Dataset) -> dict[str, str]:
    """Every fact's value as a reader sees it: date, span and statement, or the figure text."""
    values = {e.id: f"{e.date.iso()}/{e.end.iso() if e.end else ''}: {e.statement}"
              for e in data.events.values()}
    values |= {f.id: f"{f.date.iso()}: {format_figure(f)}" for f in data.figures.values()}
    return dict(sorted(values.items()))


def record_path(data: Dataset) -> Path:
    return data.root / "published.json"


def read_record(data: Dataset) -> dict[str, Any]:
    return dict(json.loads(record_path(data).read_text(encoding="utf-8")))


def write_record(data: Dataset) -> Path:
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
    data = load()
    if args.record:
        print(write_record(data))
    if args.outdir:
        for path in write(data, args.outdir):
            print(path)
    if not (args.record or args.outdir):
        parser.error("give OUTDIR, --record or both")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
