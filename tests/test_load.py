"""Bad data fails loading with every problem named by file, line and record id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import copy_data, edit

from facts.load import FactsError, load

KYIV = "events/kyiv-joint-declaration-2022.toml"
WAR = "events/first-karabakh-war.toml"
PEACE = "figures/peacekeepers-deployed.toml"
SHARE = "figures/territory-lost-1994.toml"
WIRE = "sources/example-wire-2022.toml"
WIRE_URL = "https://wire.example.org/2022/02/22/declaration"


def _problems(data, monkeypatch) -> list[str]:
    """The located problems loading ``data`` fails with, paths relative to it."""
    monkeypatch.chdir(data)
    with pytest.raises(FactsError) as excinfo:
        load(data)
    return [str(p) for p in excinfo.value.problems]


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
        pytest.param(PEACE, "low = 1960", "low = -120000",
                     f"{PEACE}:9: peacekeepers-deployed: 'estimate.low': -120000 must not be "
                     "negative", id="negative-count"),
        pytest.param(PEACE, "low = 1960", "low = nan",
                     f"{PEACE}:9: peacekeepers-deployed: 'estimate.low': nan is not a finite "
                     "number", id="nan"),
        pytest.param(PEACE, "high = 1960", "high = inf",
                     f"{PEACE}:10: peacekeepers-deployed: 'estimate.high': inf is not a finite "
                     "number", id="inf-without-knock-on"),
        pytest.param(PEACE, "low = 1960\nhigh = 1960", "low = 1960.5\nhigh = 1960.5",
                     [f"{PEACE}:9: peacekeepers-deployed: 'estimate.low': 1960.5 must be a whole "
                      "number: the unit is 'troops'",
                      f"{PEACE}:10: peacekeepers-deployed: 'estimate.high': 1960.5 must be a "
                      "whole number: the unit is 'troops'"], id="fractional-count"),
        pytest.param(SHARE, "low = 20\nhigh = 20", "low = 20\nhigh = 120",
                     f"{SHARE}:10: territory-lost-1994: 'estimate.high': 120 is not a "
                     "percentage between 0 and 100", id="percent-over-100"),
        pytest.param(WIRE, WIRE_URL, "http://2130706433/x",
                     f"{WIRE}:3: example-wire-2022: 'url': 'http://2130706433/x' points at an "
                     "IP address; cite the publisher's own host", id="decimal-ip"),
        pytest.param(WIRE, WIRE_URL, "https://localhost/x",
                     f"{WIRE}:3: example-wire-2022: 'url': 'https://localhost/x' names a local "
                     "host; cite the publisher's public address", id="localhost"),
        pytest.param(WIRE, WIRE_URL, "https://user:pw@wire.example.org/x",
                     f"{WIRE}:3: example-wire-2022: 'url': 'https://user:pw@wire.example.org/x' "
                     "carries a user name or password", id="user-info"),
        pytest.param(WIRE, WIRE_URL, "http://wire.example.org/x",
                     f"{WIRE}:3: example-wire-2022: 'url': 'http://wire.example.org/x' uses "
                     "http; cite the https address (or add 'wire.example.org' to HTTP_ONLY in "
                     "facts/validate.py if the publisher serves only http)", id="plain-http"),
        pytest.param(WIRE, WIRE_URL, WIRE_URL + "?utm_source=feed",
                     f"{WIRE}:3: example-wire-2022: 'url': '{WIRE_URL}?utm_source=feed' carries a "
                     "tracking parameter (utm_source); cite the address without it",
                     id="tracking-parameter"),
        pytest.param(WIRE, WIRE_URL, "https://wire.example.org:443/x",
                     f"{WIRE}:3: example-wire-2022: 'url': 'https://wire.example.org:443/x' "
                     "spells out the default port; cite the address without ':443'",
                     id="default-port"),
        pytest.param(WIRE, WIRE_URL, "https://wire.example.org/tag/declarations",
                     f"{WIRE}:3: example-wire-2022: 'url': 'https://wire.example.org/tag/"
                     "declarations' is a tag, category or search page; cite the work itself",
                     id="tag-page"),
        pytest.param(KYIV, 'title = "Joint declaration signed in Kyiv"',
                     'title = "Joint \u202edeclaration"',
                     f"{KYIV}:2: kyiv-joint-declaration-2022: 'title': contains invisible or "
                     "control characters (U+202E)", id="bidi-override"),
        pytest.param("site.toml", 'headline = "On balance, it leans toward Ukraine."',
                     'headline = "Yes: Azerbaijan backs Russia."',
                     "site.toml:7: site: 'answer.headline': its words claim a lean toward "
                     "russia, but the answer is 'ukraine'", id="headline-claims-a-lean"),
        pytest.param("site.toml", 'headline = "On balance, it leans toward Ukraine."',
                     'headline = "Clearly, it leans toward Ukraine."',
                     "site.toml:7: site: 'answer.headline': its words claim a clear lean, but "
                     "the answer's is 'slight'", id="headline-claims-a-strength"),
        pytest.param("site.toml", '[answer]\nlean = "ukraine"\nstrength = "slight"',
                     '[answer]\nlean = "ukraine"\nstrength = "clear"',
                     "site.toml:6: site: 'answer.strength': is 'clear', but the evidence's "
                     "lean is 'slight'", id="answer-strength-not-the-verdict"),
    ],
)
def test_bad_record_is_located(tmp_path, monkeypatch, path, old, new, message):
    data = copy_data(tmp_path / "data")
    edit(data / path, old, new)
    expected = message if isinstance(message, list) else [message]
    assert _problems(data, monkeypatch) == expected


def test_a_document_is_one_source_and_every_publisher_is_named(tmp_path, monkeypatch):
    data = copy_data(tmp_path / "data")
    edit(data / "sources/example-encyclopedia.toml",
         "https://encyclopedia.example.org/wiki/First_Nagorno-Karabakh_War", WIRE_URL + "/")
    (data / "publishers/nobody.toml").write_text(
        'name = "Nobody"\ndescription = "cited nowhere"\nstands_behind = "independent"\n',
        encoding="utf-8")
    assert _problems(data, monkeypatch) == [
        "sources/example-wire-2022.toml:3: example-wire-2022: 'url': the same address as source "
        "'example-encyclopedia'; cite that one",
        "publishers/nobody.toml:1: nobody: 'name': no source names this publisher; delete it or "
        "cite one of its works"]


def test_duplicate_id_across_kinds(tmp_path, monkeypatch):
    data = copy_data(tmp_path / "data")
    (data / "figures/first-karabakh-war.toml").write_text(
        (data / "figures/peacekeepers-deployed.toml").read_text())
    assert _problems(data, monkeypatch) == [
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


def test_after_an_edit_only_the_changed_file_is_read_and_all_are_checked(tmp_path,
                                                                          monkeypatch):
    """An incremental load reads again only the files that changed; the checks across records
    still see every record, so removing a source that an unchanged event cites is caught."""
    import facts.load
    from facts.cache import load_cached

    data = copy_data(tmp_path / "data")
    cache = tmp_path / "cache.pickle"
    first = load_cached(data, cache)
    read: list[str] = []
    real = facts.load._read_file

    def reading(path: Path, *rest: Any) -> Any:
        read.append(path.name)
        return real(path, *rest)

    monkeypatch.setattr(facts.load, "_read_file", reading)
    edit(data / KYIV, 'title = "Joint declaration signed in Kyiv"', 'title = "Edited"')
    second = load_cached(data, cache)
    assert read == ["kyiv-joint-declaration-2022.toml"]
    assert second.events["kyiv-joint-declaration-2022"].title == "Edited"
    assert {i: e for i, e in second.events.items() if i != "kyiv-joint-declaration-2022"} == {
        i: e for i, e in first.events.items() if i != "kyiv-joint-declaration-2022"}
    assert second.digests != first.digests and load(data) == second
    (data / "sources/example-wire-2022.toml").unlink()
    with pytest.raises(FactsError, match="allied-interaction-declaration-2022"):
        load_cached(data, cache)


def test_a_gap_must_be_a_listed_member_where_members_are_listed(tmp_path, monkeypatch):
    """Where a dimension lists its members a gap names one of them; a dimension found through
    ``candidates`` may list reported items that no citable source confirms."""
    data = copy_data(tmp_path / "data")
    gap = '\n[[gap]]\nmember = "{}"\nnote = "Reported only in a copy without a headline."\n'
    with (data / "dimensions/agreements.toml").open("a", encoding="utf-8") as f:
        f.write(gap.format("2024 memorandum"))
    assert [g.member for g in load(data).dimensions["agreements"].gaps] == ["2024 memorandum"]
    with (data / "dimensions/un-votes.toml").open("a", encoding="utf-8") as f:
        f.write('members = ["A/RES/ES-11/1"]\n' + gap.format("A/RES/ES-11/9"))
    assert _problems(data, monkeypatch) == [
        "dimensions/un-votes.toml:8: un-votes: 'members': member 'A/RES/ES-11/1' has no item "
        "and no gap; it needs exactly one",
        "dimensions/un-votes.toml:1: un-votes: 'gap': gap 'A/RES/ES-11/9' is not a listed member"]
