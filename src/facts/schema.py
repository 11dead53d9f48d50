"""The JSON Schema of the download, generated from the record types' declarations.

``python -m facts.schema`` rewrites ``facts/schema/facts.schema.json``; a test fails when the
checked-in file differs from what the model declares, so the schema never drifts from the data.
Every property carries the description written beside its field in :mod:`facts.model`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from facts import model
from facts.export import schema_path
from facts.fields import Field, exported
from facts.load import ID_RE
from facts.site_records import Answer

BASE = "https://azerbaijan-russia-ukraine.readthedocs.io/en/stable/data/"
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DAY = r"^\d{4}-\d{2}-\d{2}$"


def _property(f: Field) -> dict[str, Any]:  # noqa: PLR0912 -- one case per shape
    prop: dict[str, Any]
    match f.shape:
        case "id":
            prop = {"type": "string", "pattern": ID_RE.pattern.replace("(?:", "(")}
        case "text":
            prop = {"type": "string", "format": "uri"} if f.url else {"type": "string"}
        case "choice":
            prop = {"enum": list(f.options)}
        case "choices":
            prop = {"type": "array", "items": {"enum": list(f.options)}}
        case "ids":
            prop = {"type": "array", "items": {"type": "string"}}
        case "number" | "numbers":
            item: dict[str, Any] = {"type": "integer" if f.integer else "number"}
            if "non-negative" in f.checks:
                item["minimum"] = 0
            if "percent" in f.checks:
                item |= {"minimum": 0, "maximum": 100}
            prop = item if f.shape == "number" else {"type": "array", "items": item}
        case "partial":
            prop = {"type": "string", "pattern": PARTIAL_DATE}
        case "day":
            prop = {"type": "string", "pattern": DAY}
        case "flag":
            prop = {"type": "boolean"}
        case "record":
            prop = {"$ref": f"#/$defs/{_name(f.record)}"}
        case "records":
            prop = {"type": "array", "items": {"$ref": f"#/$defs/{_name(f.record)}"}}
        case "cells":
            prop = {"type": "object", "additionalProperties": {"type": "string"}}
    if f.nullable:
        prop = {"anyOf": [prop, {"type": "null"}]}
    return {"description": f.doc, **prop}


def _name(cls: type | None) -> str:
    assert cls is not None
    return cls.__name__.lower()


def _definition(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    props = {}
    for f in exported(cls):
        if f.record is not None and _name(f.record) not in defs:
            defs[_name(f.record)] = {}  # reserve the name before recursing
            defs[_name(f.record)] = _definition(f.record, defs)
        props[f.key] = _property(f)
    return {"type": "object", "description": " ".join((cls.__doc__ or cls.__name__).split()),
            "additionalProperties": False, "required": list(props), "properties": props}


def schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    for cls in (Answer, *model.KINDS.values()):
        defs[_name(cls)] = _definition(cls, defs)
    kinds = {kind: {"description": f"Every {kind[:-1]} record, "
                    + ("in date order." if kind == "events" else "by id."),
                    "type": "array", "items": {"$ref": f"#/$defs/{_name(cls)}"}}
             for kind, cls in model.KINDS.items()}
    properties = {
        "version": {"description": "The release of the site the data belongs to.",
                    "type": "string"},
        "as_of": {"description": "The day up to which the facts were checked.",
                  "type": "string", "pattern": DAY},
        "answer": {"description": "The short answer on the front page.",
                   "$ref": "#/$defs/answer"},
        **kinds,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE}facts.schema.json",
        "title": "Does Azerbaijan support Russia or Ukraine? - facts dataset",
        "description": "Every dated, sourced fact behind the site. Dates are ISO 8601 at the "
                       "precision the sources support; records refer to each other by id.",
        "type": "object", "additionalProperties": False, "required": list(properties),
        "properties": properties, "$defs": dict(sorted(defs.items())),
    }


def text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=1) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    path = schema_path()
    path.write_text(text(), encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
