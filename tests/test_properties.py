"""Properties that must hold for any input, checked on records and strings Hypothesis generates.

* The loader returns a dataset or raises the project's own error, whose every problem names a
  file, a line and a record id; never another exception.
* Text from the data never becomes markup in a built page, in element text or in attributes.
* Every figure value survives the JSON and CSV downloads unchanged.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, get_args

import pytest
from helpers import FIXTURE_DATA, ROOT_CONF, copy_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facts import export
from facts.load import FactsError, load
from facts.model import Dataset, Estimate
from facts.vocabulary import Unit

FAST = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

# -- the loader -----------------------------------------------------------------------------------

EVENT_KEYS = ["date", "end", "title", "statement", "topics", "sources", "as_of", "review_by",
              "account", "evidence", "colour"]
SCALARS = st.one_of(
    st.text(max_size=20), st.integers(-10**12, 10**12), st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["2022-01-14", "2022-13", "2026-11-27", "ukraine", "example-wire-2022"]),
    st.lists(st.sampled_from(["ukraine", "eu", "example-wire-2022", "nope", ""]), max_size=3),
)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") if math.isinf(
            value) else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value)  # a JSON string is a TOML basic string


def _located(exc: FactsError, data: Path) -> None:
    assert exc.problems
    for problem in exc.problems:
        assert problem.line >= 1 and problem.record and problem.message
        assert Path(problem.path).resolve().is_relative_to(data.resolve())


@FAST
@given(st.dictionaries(st.sampled_from(EVENT_KEYS), SCALARS, max_size=9))
def test_generated_records_load_or_fail_located(tmp_path_factory: pytest.TempPathFactory,
                                                 fields: dict[str, Any]):
    data = copy_data(tmp_path_factory.mktemp("gen") / "data")
    text = "".join(f"{key} = {toml_value(value)}\n" for key, value in fields.items())
    (data / "events" / "generated-2022.toml").write_text(text, encoding="utf-8")
    try:
        loaded = load(data)
    except FactsError as exc:
        _located(exc, data)
    else:
        assert "generated-2022" in loaded.events


@FAST
@given(st.text(max_size=200))
def test_any_file_text_loads_or_fails_located(tmp_path_factory: pytest.TempPathFactory,
                                              text: str):
    data = copy_data(tmp_path_factory.mktemp("raw") / "data")
    (data / "sources" / "generated-source.toml").write_text(text, encoding="utf-8")
    with pytest.raises(FactsError) as excinfo:  # no source file is complete by chance
        load(data)
    _located(excinfo.value, data)


# -- downloads ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fixture() -> Dataset:
    return load(FIXTURE_DATA)


VALUES = st.one_of(st.integers(0, 10**13).map(float),
                   st.floats(0, 1e13, allow_nan=False, allow_infinity=False))


@FAST
@given(unit=st.sampled_from(get_args(Unit)), pairs=st.lists(st.tuples(VALUES, VALUES),
                                                             min_size=1, max_size=3))
def test_figure_values_survive_the_downloads(fixture: Dataset, unit: Unit,
                                             pairs: list[tuple[float, float]]):
    estimates = tuple(Estimate(low=min(a, b), high=max(a, b), by=f"party {i}",
                               sources=("example-wire-2022",)) for i, (a, b) in enumerate(pairs))
    figure = dataclasses.replace(fixture.figures["peacekeepers-deployed"], unit=unit,
                                 estimates=estimates)
    data = dataclasses.replace(fixture, figures={**fixture.figures, figure.id: figure})
    shown = json.loads(json.dumps(export.to_json(data)))
    got = next(f for f in shown["figures"] if f["id"] == figure.id)
    assert [(e["low"], e["high"]) for e in got["estimate"]] == [(e.low, e.high)
                                                               for e in estimates]
    rows = list(csv.DictReader(io.StringIO(export.to_csv(data)["figures.csv"])))
    mine = [r for r in rows if r["id"] == figure.id]
    assert [(float(r["low"]), float(r["high"])) for r in mine] == [(e.low, e.high)
                                                                   for e in estimates]


# -- escaping -------------------------------------------------------------------------------------

class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _value in attrs)


HOSTILE = st.text(alphabet=st.sampled_from(list("<>&\"'=/ ax`*_[]{}:")), max_size=12)


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(middle=HOSTILE)
def test_data_never_becomes_markup(tmp_path_factory: pytest.TempPathFactory, make_app: Any,
                                   middle: str):
    """A title wrapped in a made-up tag, and a source title that tries to close an attribute
    and open another: neither the tag nor the attribute appears in the page."""
    base = tmp_path_factory.mktemp("esc")
    data = copy_data(base / "data")
    event = data / "events/kyiv-joint-declaration-2022.toml"
    event.write_text(event.read_text(encoding="utf-8").replace(
        '"Joint declaration signed in Kyiv"', json.dumps(f"<zq9 {middle}></zq9>")),
        encoding="utf-8")
    source = data / "sources/president-az-2022-01-14-press-statements.toml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        '"The Presidents of Azerbaijan and Ukraine made press statements"',
        json.dumps(f'x" zq9attr="1 {middle}')), encoding="utf-8")
    src = base / "src"
    src.mkdir()
    (src / "conf.py").write_text(ROOT_CONF.replace(repr(str(FIXTURE_DATA)), repr(str(data))),
                                 encoding="utf-8")
    (src / "index.md").write_text(
        "(p)=\n# P\n\n{facts:cite}`kyiv-joint-declaration-2022`\n\n:::{facts:timeline}\n"
        ":topics: ukraine\n:::\n", encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    parser = _Markup()
    parser.feed((Path(app.outdir) / "index.html").read_text(encoding="utf-8"))
    assert "zq9" not in parser.tags
    assert "zq9attr" not in parser.attributes
