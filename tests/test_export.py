"""The downloadable dataset: valid against its schema, complete, and stable."""

from __future__ import annotations

import csv
import json

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
