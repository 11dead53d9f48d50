"""Bad data fails loading with every problem named by file, line and record id."""

from __future__ import annotations

import pytest
from helpers import copy_data, edit

from facts.load import FactsError, load

KYIV = "events/kyiv-joint-declaration-2022.toml"
WAR = "events/first-karabakh-war.toml"


@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        pytest.param(KYIV, 'date = "2022-01-14"', 'date = "2022-13-01"',
                     f"{KYIV}:1: kyiv-joint-declaration-2022: 'date': '2022-13-01' is not a valid "
                     "date: month must be in 1..12", id="invalid-date"),
        pytest.param(KYIV, 'date = "2022-01-14"', 'date = "14 January 2022"',
                     f"{KYIV}:1: kyiv-joint-declaration-2022: 'date': '14 January 2022' is not a "
                     "date of the form YYYY, YYYY-MM or YYYY-MM-DD", id="date-format"),
        pytest.param(WAR, 'end = "1994-05-12"', 'end = "1987-05-12"',
                     f"{WAR}:2: first-karabakh-war: 'end': 1987-05-12 is before the start date "
                     "1988-02-20", id="end-before-start"),
        pytest.param(KYIV, '"president-az-2022-01-14-press-statements"', '"president-az-2022"',
                     f"{KYIV}:5: kyiv-joint-declaration-2022: 'sources': unknown source "
                     "'president-az-2022' (closest: 'president-az-2022-01-14-press-statements')",
                     id="unknown-source"),
        pytest.param(KYIV, 'title = "Joint declaration signed in Kyiv"', 'title = "  "',
                     f"{KYIV}:2: kyiv-joint-declaration-2022: 'title': is required and must not "
                     "be empty", id="empty-title"),
        pytest.param(KYIV, 'sources = ["president-az-2022-01-14-press-statements"]', "sources = []",
                     f"{KYIV}:5: kyiv-joint-declaration-2022: 'sources': needs at least one id",
                     id="no-source"),
        pytest.param(KYIV, 'side = "ukraine"', 'side = "kyiv"',
                     f"{KYIV}:12: kyiv-joint-declaration-2022: 'evidence.side': 'kyiv' is not one "
                     "of russia, ukraine", id="bad-side"),
        pytest.param(KYIV, 'topics = ["ukraine"]', 'topic = ["ukraine"]',
                     [f"{KYIV}:4: kyiv-joint-declaration-2022: 'topic': unknown field; expected "
                      "one of account, as_of, date, end, evidence, review_by, sources, statement, "
                      "title, topics",
                      f"{KYIV}:1: kyiv-joint-declaration-2022: 'topics': needs at least one id"],
                     id="unknown-field"),
        pytest.param("sources/example-wire-2022.toml", "https://wire.example.org/2022/02/22/declaration",
                     "http://192.0.2.7/declaration",
                     "sources/example-wire-2022.toml:3: example-wire-2022: 'url': "
                     "'http://192.0.2.7/declaration' points at an IP address; cite the "
                     "publisher's own host", id="ip-url"),
        pytest.param("figures/territory-lost-1994.toml", "low = 13.6", "low = 26",
                     "figures/territory-lost-1994.toml:16: territory-lost-1994: 'estimate.high': "
                     "16 is below low 26", id="range-inverted"),
        pytest.param(KYIV, 'review_by = "2029-11-27"', 'review_by = "2026-11-27"',
                     f"{KYIV}:8: kyiv-joint-declaration-2022: 'review_by': 2026-11-27 must be "
                     "after as_of 2026-11-27", id="review-before-as-of"),
        pytest.param(KYIV, 'as_of = "2026-11-27"', 'as_of = "2026-12-01"\nx = [',
                     f"{KYIV}:9: kyiv-joint-declaration-2022: invalid TOML: Invalid value (at line "
                     "9, column 1)", id="invalid-toml"),
        pytest.param("tables/key-facts.toml", 'facts = ["allied-interaction-declaration-2022"]',
                     'facts = ["allied-declaration"]',
                     "tables/key-facts.toml:19: key-facts: 'row.facts': unknown fact "
                     "'allied-declaration' (closest: 'allied-interaction-declaration-2022')",
                     id="table-unknown-fact"),
    ],
)
def test_bad_record_is_located(tmp_path, monkeypatch, path, old, new, message):
    data = copy_data(tmp_path / "data")
    edit(data / path, old, new)
    monkeypatch.chdir(data)
    with pytest.raises(FactsError) as excinfo:
        load(data)
    expected = message if isinstance(message, list) else [message]
    assert [str(p) for p in excinfo.value.problems] == expected


def test_duplicate_id_across_kinds(tmp_path, monkeypatch):
    data = copy_data(tmp_path / "data")
    (data / "figures/first-karabakh-war.toml").write_text(
        (data / "figures/peacekeepers-deployed.toml").read_text())
    monkeypatch.chdir(data)
    with pytest.raises(FactsError) as excinfo:
        load(data)
    assert [str(p) for p in excinfo.value.problems] == [
        "figures/first-karabakh-war.toml:1: first-karabakh-war: duplicate id; also "
        "events/first-karabakh-war.toml"]


def test_every_problem_is_reported_at_once(tmp_path, monkeypatch):
    data = copy_data(tmp_path / "data")
    edit(data / KYIV, 'date = "2022-01-14"', 'date = "2022-02-30"')
    edit(data / WAR, 'title = "First Nagorno-Karabakh War"', 'title = ""')
    monkeypatch.chdir(data)
    with pytest.raises(FactsError) as excinfo:
        load(data)
    assert str(excinfo.value).splitlines() == [
        f"{WAR}:3: first-karabakh-war: 'title': is required and must not be empty",
        f"{KYIV}:1: kyiv-joint-declaration-2022: 'date': '2022-02-30' is not a valid date: "
        "day is out of range for month",
    ]


def test_missing_site_file(tmp_path):
    with pytest.raises(FactsError, match=r"site\.toml:1: site: missing"):
        load(tmp_path)


def test_fixture_data_loads(fixture_data):
    assert sorted(fixture_data.events) == [
        "allied-interaction-declaration-2022", "first-karabakh-war", "humanitarian-aid-2022",
        "kyiv-joint-declaration-2022", "nkao-established-1923"]


def test_cache_is_reused_until_a_file_changes(tmp_path):
    from facts.cache import load_cached

    data = copy_data(tmp_path / "data")
    cache = tmp_path / "cache.pickle"
    first = load_cached(data, cache)
    assert cache.exists()
    assert load_cached(data, cache) == first
    path = data / KYIV
    edit(path, 'title = "Joint declaration signed in Kyiv"', 'title = "Edited"')
    assert load_cached(data, cache).events["kyiv-joint-declaration-2022"].title == "Edited"
    edit(path, 'date = "2022-01-14"', 'date = "2022-01-32"')
    with pytest.raises(FactsError, match="2022-01-32"):
        load_cached(data, cache)
