"""Each dimension's rule, and the rule that combines them, on small hand-made sets of items.

The site's own data exercises the rules only at the values it happens to have; these cases sit on
each threshold, so that a change to a rule's arithmetic fails here before it moves the answer.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from facts.dates import PartialDate
from facts.evidence import combine, firmness
from facts.finding import Item
from facts.model import Estimate, Event, Figure
from facts.rules import RULES
from facts.site_records import Evidence, Gap, Universe

DAY = dt.date(2026, 1, 1)
_ids = itertools.count()


def universe(dimension: str, since: str = "2022-02-24", gaps: tuple[Gap, ...] = ()) -> Universe:
    return Universe(id=dimension, title=dimension, order=1, question="?", universe="all",
                    since=PartialDate.parse(since), members=(), gaps=gaps, candidates="",
                    exempt=(), case_russia="", case_ukraine="")


def event(dimension: str, date: str = "2023-05-01", **evidence: Any) -> Event:
    evidence.setdefault("side", "ukraine")
    return Event(id=f"item-{next(_ids)}", date=PartialDate.parse(date), title="t",
                 statement="s", topics=("ukraine",), sources=("s",), as_of=DAY, review_by=DAY,
                 evidence=Evidence(dimension=dimension, reason="r", **evidence))  # type: ignore[arg-type]


def trade(side: str, year: int, value: float) -> Figure:
    return Figure(id=f"trade-{side}-{year}", label="l", statement="s",
                  date=PartialDate.parse(str(year)), unit="usd",
                  estimates=(Estimate(low=value, high=value, by="b", sources=("s",)),),
                  as_of=DAY, review_by=DAY,
                  evidence=Evidence(dimension="trade", side=side, reason="r", year=year))  # type: ignore[arg-type]


def apply(dimension: str, items: list[Any], **kwargs: Any) -> tuple[str, str]:
    found = RULES[dimension].apply(universe(dimension, **kwargs), items)
    return found.lean, found.strength


def votes(*values: str) -> list[Item]:
    return [event("un-votes", vote=v, resolution=f"A/RES/{i}") for i, v in enumerate(values)]


@pytest.mark.parametrize(("recorded", "expected"), [
    (("yes", "yes", "abstain"), ("ukraine", "slight")),          # most in favour
    (("yes", "yes", "yes", "abstain"), ("ukraine", "clear")),    # three in four
    (("yes", "abstain"), ("neither", "none")),                   # half is not most
    (("no", "no", "non-voting"), ("russia", "slight")),
    (("non-voting",) * 9 + ("abstain",), ("neither", "none")),   # the site's record today
    ((), ("neither", "none")),                                   # nothing on record
])
def test_un_votes_lean_on_most_recorded_votes(recorded, expected):
    assert apply("un-votes", votes(*recorded)) == expected


def test_un_votes_count_gaps_as_unconfirmed_not_as_votes():
    gap = Gap(member="A/RES/x", note="n", date=PartialDate.parse("2023-02-23"))
    found = RULES["un-votes"].apply(universe("un-votes", gaps=(gap,)), votes("yes", "yes"))
    assert (found.lean, found.numbers["recorded"], found.numbers["unconfirmed"]) == (
        "ukraine", 2, 1)


def meetings(ru: int, ua: int, dimension: str = "leaders") -> list[Event]:
    return ([event(dimension, side="russia") for _ in range(ru)]
            + [event(dimension, side="ukraine") for _ in range(ua)])


@pytest.mark.parametrize(("ru", "ua", "expected"), [
    (15, 7, ("russia", "slight")),     # more than twice, less than three times
    (14, 7, ("russia", "slight")),     # exactly twice
    (13, 7, ("neither", "none")),
    (21, 7, ("russia", "clear")),      # three times
    (2, 0, ("russia", "slight")),      # an empty side counts as one: clear needs three
    (3, 0, ("russia", "clear")),
    (0, 0, ("neither", "none")),
    (3, 6, ("ukraine", "slight")),
])
def test_meetings_lean_at_twice_the_other_side(ru, ua, expected):
    assert apply("leaders", meetings(ru, ua)) == expected


def test_meetings_before_the_start_are_not_weighed():
    early = [event("leaders", date="2021-12-01", side="russia") for _ in range(5)]
    assert apply("leaders", early + meetings(1, 1), since="2022-01-01") == ("neither", "none")


def test_agreements_count_documents_not_occasions():
    kyiv = event("agreements", side="ukraine", documents=6)
    moscow = [event("agreements", side="russia") for _ in range(3)]
    assert apply("agreements", [kyiv, *moscow]) == ("ukraine", "slight")


def test_arrangements_count_only_those_in_force():
    ended = [event("energy-transit", side="russia", status="ended") for _ in range(4)]
    live = [event("energy-transit", side="ukraine", status="in force")]
    assert apply("energy-transit", ended + live) == ("ukraine", "slight")


def test_arrangements_list_every_item_they_weigh():
    """Ended and announced arrangements are shown with their status, as the page says."""
    items: list[Item] = [event("energy-transit", side="russia", status=s)
             for s in ("ended", "announced", "in force")]
    found = RULES["energy-transit"].apply(universe("energy-transit"), items)
    assert found.items == tuple(i.id for i in items)
    assert found.numbers == {"russia": 1, "ukraine": 0}


def stances(ua: int, ru: int, other: int) -> list[Event]:
    return ([event("statements", stance="supports-ukraine") for _ in range(ua)]
            + [event("statements", stance="supports-russia", side="russia") for _ in range(ru)]
            + [event("statements", stance="balanced") for _ in range(other)])


@pytest.mark.parametrize(("ua", "ru", "other", "expected"), [
    (12, 12, 9, ("neither", "none")),    # the site's record today: a tie
    (13, 12, 9, ("ukraine", "slight")),  # one more tips it
    (5, 1, 5, ("neither", "none")),      # must also outnumber the balanced ones
    (6, 1, 4, ("ukraine", "clear")),     # more than half
    (1, 3, 2, ("russia", "slight")),
])
def test_statements_lean_when_one_side_outnumbers_each_other_group(ua, ru, other, expected):
    assert apply("statements", stances(ua, ru, other)) == expected


@pytest.mark.parametrize(("russia_2025", "ukraine_2025", "expected"), [
    (167, 100, ("russia", "clear")),     # +67% against 0%
    (115, 100, ("russia", "slight")),    # 15 points apart
    (105, 100, ("neither", "none")),     # within 10 points
    (100, 130, ("ukraine", "clear")),
    (167, None, ("neither", "none")),    # no figure for one side: no comparison
])
def test_trade_compares_growth_since_the_base_year(russia_2025, ukraine_2025, expected):
    figures = [trade("russia", 2021, 100), trade("russia", 2025, russia_2025),
               trade("ukraine", 2021, 100)]
    if ukraine_2025 is not None:
        figures.append(trade("ukraine", 2025, ukraine_2025))
    assert apply("trade", figures, since="2021") == expected


@pytest.mark.parametrize(("items", "expected"), [
    ([("ukraine", "delivered")] * 2, ("ukraine", "clear")),
    ([("ukraine", "delivered")], ("ukraine", "slight")),
    ([("ukraine", "pledged")] * 3, ("neither", "none")),       # pledges are not deliveries
    ([("ukraine", "delivered"), ("russia", "delivered")], ("neither", "none")),
])
def test_aid_leans_only_when_one_side_alone_received_deliveries(items, expected):
    found = [event("aid", side=side, delivery=delivery) for side, delivery in items]
    assert apply("aid", found) == expected


@pytest.mark.parametrize(("items", "expected"), [
    ([("to-ukraine", "reported")] * 5, ("neither", "none")),   # reports alone do not count
    ([("to-ukraine", "confirmed")], ("ukraine", "clear")),
    ([("from-russia", "confirmed"), ("to-ukraine", "denied")], ("russia", "clear")),
])
def test_arms_lean_only_on_confirmed_transfers(items, expected):
    found = [event("arms", direction=d, finding=f) for d, f in items]
    assert apply("arms", found) == expected


@pytest.mark.parametrize(("items", "expected", "change"), [
    ([("refusal", None), ("designation", "private")], ("neither", "none"), "toward Ukraine if"),
    ([("designation", "state")], ("russia", "slight"), "if the designation of state property"),
    ([("designation", "state")] * 2, ("russia", "clear"), "if both designations of state"),
    ([("designation", "state")] * 3, ("russia", "clear"), "if all 3 designations of state"),
    ([("joined", None), ("designation", "state")], ("ukraine", "clear"), "left the sanctions"),
])
def test_sanctions_lean_on_joining_or_state_designations(items, expected, change):
    found: list[Item] = [event("sanctions", action=a, target=t) for a, t in items]
    result = RULES["sanctions"].apply(universe("sanctions"), found)
    assert ((result.lean, result.strength), change in result.change) == (expected, True)


@pytest.mark.parametrize(("leans", "expected"), [
    (["russia", "russia", "ukraine", "neither"], ("russia", "slight")),  # the site today
    (["russia", "ukraine", "neither"], ("neither", "none")),
    (["ukraine"] * 3 + ["neither"] * 6, ("ukraine", "clear")),
    (["russia"] * 4 + ["ukraine"], ("russia", "clear")),
    (["neither"] * 9, ("neither", "none")),
])
def test_the_answer_follows_the_count_of_leaning_dimensions(leans, expected):
    assert combine(leans) == expected


def test_firmness_names_the_dimensions_that_would_change_the_answer(fixture_data):
    """The fixture leans toward Ukraine on aid alone: without it the answer would be neither."""
    assert firmness(fixture_data) == ((("neither", "none"), ("aid",)),)
