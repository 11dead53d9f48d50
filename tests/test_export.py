"""The downloadable dataset: valid against its schema, complete, and stable."""

from __future__ import annotations

import csv
import json
from typing import Any

import jsonschema
from sitebuild import Build

from facts import export
from facts.model import Dataset


def test_download_is_valid_against_its_schema(site_html: Build, site_data: Dataset):
    folder = site_html.outdir / "data"
    schema = json.loads((folder / export.SCHEMA).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert len(doc["events"]) == len(site_data.events)
    assert len(doc["sources"]) == len(site_data.sources)


def test_csv_files_have_one_row_per_record(site_html: Build, site_data: Dataset):
    folder = site_html.outdir / "data"
    rows = {name: list(csv.DictReader((folder / name).read_text(encoding="utf-8").splitlines()))
            for name in export.CSV_FILES}
    assert len(rows["events.csv"]) == len(site_data.events)
    assert len(rows["sources.csv"]) == len(site_data.sources)
    assert len(rows["figures.csv"]) == sum(len(f.estimates) for f in site_data.figures.values())


def test_export_is_deterministic(tmp_path, fixture_data: Dataset):
    first = export.write(fixture_data, tmp_path / "a")
    second = export.write(fixture_data, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_fixture_export_validates(fixture_data: Dataset):
    schema = json.loads(export.schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(export.to_json(fixture_data))


def test_checked_in_schema_is_generated_from_the_model():
    """``python -m facts.schema`` regenerates it; the model's declarations are the source."""
    from facts import schema

    assert export.schema_path().read_text(encoding="utf-8") == schema.text()


def test_every_schema_property_is_described():
    from facts import schema

    def undescribed(node: object, path: str) -> list[str]:
        if not isinstance(node, dict):
            return []
        found = []
        for name, prop in node.get("properties", {}).items():
            if not prop.get("description"):
                found.append(f"{path}.{name}")
            found += undescribed(prop, f"{path}.{name}")
        for name, sub in node.get("$defs", {}).items():
            found += undescribed(sub, f"$defs.{name}")
        return found

    assert undescribed(schema.schema(), "") == []


def test_a_field_declared_in_the_model_reaches_every_output():
    """The worked example of the editors' page: a field added to a record's dataclass is read
    by the loader and appears in the CSV columns, the JSON Schema and the data dictionary,
    with nothing else changed."""
    import dataclasses
    from pathlib import Path

    from facts.fields import spec
    from facts.load import build, record_fields
    from facts.model import Event
    from facts.schema import _definition
    from facts.sphinxext.dictionary import type_of
    from facts.validate import Reader

    @dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
    class PlacedEvent(Event):
        place: str = spec("Where it happened, as the sources name it.", default="")

    assert "place" in record_fields(PlacedEvent)
    assert export.columns(PlacedEvent)[-1] == "place"
    schema = _definition(PlacedEvent, {})
    assert schema["properties"]["place"]["description"] == ("Where it happened, as the sources "
                                                            "name it.")
    from facts.fields import fields_of

    assert type_of(next(f for f in fields_of(PlacedEvent) if f.key == "place")) == "text"
    data = {"date": "2022-01-14", "title": "T", "statement": "S.", "topics": ["ukraine"],
            "sources": ["s"], "as_of": "2026-11-27", "review_by": "2027-11-27", "place": "Kyiv"}
    problems: list[Any] = []
    record = build(PlacedEvent, Reader(Path("e.toml"), "e", data, [], problems))
    assert problems == [] and record.place == "Kyiv"
