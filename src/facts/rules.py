"""The rule of each dimension of the evidence, stated in one sentence and applied here.

Each rule reads the dimension's items (:mod:`facts.finding`) since the universe's start and
returns a :class:`~facts.finding.Finding`; the sentences are printed on the evidence page.
"""

from __future__ import annotations

from collections import Counter

from facts.finding import Finding, Item, Rule, evidence_of, since
from facts.model import Figure
from facts.site_records import Universe
from facts.vocabulary import SIDES, Lean, Strength


def _n(count: int, one: str, many: str) -> str:
    """A count with its noun in the right number: "1 abstention", "2 abstentions"."""
    return f"{count} {one if count == 1 else many}"


def _ratio(universe: Universe, found: list[Item], counts: Counter[str], noun: str,
           *, after: str, one: str) -> Finding:
    """Lean toward the side with at least twice the other's count (clear at three times)."""
    ru, ua = counts["russia"], counts["ukraine"]
    names = {"russia": "Russia", "ukraine": "Ukraine"}
    lean: Lean = "neither"
    strength: Strength = "none"
    for side, mine, theirs in (("russia", ru, ua), ("ukraine", ua, ru)):
        if mine > theirs and mine >= 2 * theirs:
            lean = "russia" if side == "russia" else "ukraine"
            strength = "clear" if mine >= 3 * max(theirs, 1) else "slight"
    summary = (f"{_n(ru, one, noun)} with Russia and {ua} with Ukraine {after} "
               f"{universe.since.display()}.")
    if lean == "neither":
        to_ru, to_ua = max(2 * ua - ru, 1), max(2 * ru - ua, 1)
        change = (f"It would lean toward Russia with {to_ru} more {one if to_ru == 1 else noun} "
                  f"with Russia, or toward Ukraine with {to_ua} more with Ukraine.")
    else:
        other = "ukraine" if lean == "russia" else "russia"
        mine, theirs = counts[lean], counts[other]
        needed = mine // 2 + 1 - theirs
        change = (f"It would lean neither way with {needed} more {one if needed == 1 else noun} "
                  f"with {names[other]}.")
    return Finding(universe.id, lean, strength, {"russia": ru, "ukraine": ua},
                   summary, change, tuple(i.id for i in found))


def _votes(universe: Universe, found: list[Item]) -> Finding:
    weighed = since(universe, found)
    votes = Counter(evidence_of(i).vote for i in weighed)
    start = universe.since.first_day()
    votes["unconfirmed"] += sum(1 for g in universe.gaps
                                if g.date is not None and g.date.last_day() >= start)
    recorded = sum(n for v, n in votes.items() if v != "unconfirmed")
    yes, no = votes["yes"], votes["no"]
    lean: Lean = "neither"
    strength: Strength = "none"
    if recorded and yes * 2 > recorded:
        lean, strength = "ukraine", "clear" if yes * 4 >= recorded * 3 else "slight"
    elif recorded and no * 2 > recorded:
        lean, strength = "russia", "clear" if no * 4 >= recorded * 3 else "slight"
    numbers = {"resolutions": recorded + votes["unconfirmed"], "recorded": recorded, "yes": yes,
               "no": no, "abstain": votes["abstain"], "non-voting": votes["non-voting"],
               "unconfirmed": votes["unconfirmed"]}
    summary = (f"Of the {numbers['resolutions']} resolutions adopted since "
               f"{universe.since.display()}, "
               f"Azerbaijan's vote is on record for {recorded}: {yes} in favour, {no} against, "
               f"{_n(votes['abstain'], 'abstention', 'abstentions')} and "
               f"{_n(votes['non-voting'], 'time', 'times')} it did not vote.")
    need = recorded // 2 + 1
    change = (f"It would lean toward Ukraine with {need - yes} more votes in favour, or toward "
              f"Russia with {need - no} votes against, of those on record."
              if lean == "neither" else
              "It would lean neither way if most recorded votes were not in favour."
              if lean == "ukraine" else
              "It would lean neither way if most recorded votes were not against.")
    return Finding(universe.id, lean, strength, numbers, summary, change,
                   tuple(i.id for i in weighed))


def _meetings(universe: Universe, found: list[Item]) -> Finding:
    weighed = since(universe, found)
    return _ratio(universe, weighed, Counter(evidence_of(i).side for i in weighed),
                  "meetings and visits", after="since",
                  one="meeting or visit")


def _documents(universe: Universe, found: list[Item]) -> Finding:
    weighed = since(universe, found)
    counts: Counter[str] = Counter()
    for item in weighed:
        counts[evidence_of(item).side] += evidence_of(item).documents or 1
    return _ratio(universe, weighed, counts, "documents signed", after="since",
                  one="document signed")


def _arrangements(universe: Universe, found: list[Item]) -> Finding:
    # every arrangement is listed, with its status; only those in force are counted
    live = [i for i in found if evidence_of(i).status == "in force"]
    return _ratio(universe, found, Counter(evidence_of(i).side for i in live),
                  "arrangements in force", after="that began or were in force since",
                  one="arrangement in force")


def _stances(universe: Universe, found: list[Item]) -> Finding:
    weighed = since(universe, found)
    stances = Counter(evidence_of(i).stance for i in weighed)
    ua, ru = stances["supports-ukraine"], stances["supports-russia"]
    other = stances["balanced"] + stances["no-reaction"]
    lean: Lean = "neither"
    if ua > max(ru, other):
        lean = "ukraine"
    elif ru > max(ua, other):
        lean = "russia"
    top = max(ua, ru)
    strength: Strength = ("none" if lean == "neither" else
                          "clear" if top * 2 > len(weighed) else "slight")
    summary = (f"Of {len(weighed)} official statements and reactions since "
               f"{universe.since.display()}, {ua} support Ukraine's position, {ru} Russia's, and "
               f"{other} are balanced or silent.")
    change = ("It would lean toward a side if statements supporting it outnumbered each other "
              "group." if lean == "neither" else
              "It would lean neither way if the other statements matched those supporting "
              f"{'Ukraine' if lean == 'ukraine' else 'Russia'}.")
    return Finding(universe.id, lean, strength, {"russia": ru, "ukraine": ua, "other": other},
                   summary, change, tuple(i.id for i in weighed))


def _trade(universe: Universe, found: list[Item]) -> Finding:
    """Growth of each side's trade from the base year (the universe's start) to its latest
    full year."""
    base = universe.since.year
    values: dict[str, dict[int, float]] = {side: {} for side in SIDES}
    for item in found:
        assert isinstance(item, Figure)
        ev = evidence_of(item)
        if ev.year is not None:
            values[ev.side][ev.year] = item.headline.low
    growth: dict[str, int] = {}
    latest: dict[str, int] = {}
    for side, years in values.items():
        later = [y for y in years if y > base]
        if base in years and later:
            latest[side] = max(later)
            growth[side] = round(100 * (years[latest[side]] / years[base] - 1))
    lean: Lean = "neither"
    strength: Strength = "none"
    if len(growth) == 2:
        gap = growth["russia"] - growth["ukraine"]
        if abs(gap) >= 10:
            lean = "russia" if gap > 0 else "ukraine"
            strength = "clear" if abs(gap) >= 25 else "slight"
    parts = [f"trade with {side.capitalize()} changed by {growth[side]:+d}% from {base} to "
             f"{latest[side]}" for side in SIDES if side in growth]
    missing = [side.capitalize() for side in SIDES if side not in growth]
    summary = ("; ".join(parts) + "." if parts else "")
    summary = summary[:1].upper() + summary[1:] + (
        f" No full-year figure after {base} was found for {' or '.join(missing)}, so the two "
        "cannot be compared." if missing else "")
    change = ("It would lean toward the side whose trade grew faster by 10 percentage points or "
              "more, once both have a full-year figure." if lean == "neither" else
              "It would lean neither way if the two growth rates came within 10 percentage "
              "points.")
    numbers = {f"growth-{side}": g for side, g in growth.items()}
    numbers |= {f"latest-{side}": year for side, year in latest.items()}
    return Finding(universe.id, lean, strength, numbers, summary.strip(), change,
                   tuple(i.id for i in found))


def _aid(universe: Universe, found: list[Item]) -> Finding:
    weighed = [i for i in since(universe, found) if evidence_of(i).delivery == "delivered"]
    counts = Counter(evidence_of(i).side for i in weighed)
    ru, ua = counts["russia"], counts["ukraine"]
    lean: Lean = "neither"
    strength: Strength = "none"
    if ua and not ru:
        lean, strength = "ukraine", "clear" if ua > 1 else "slight"
    elif ru and not ua:
        lean, strength = "russia", "clear" if ru > 1 else "slight"
    summary = (f"{_n(ua, 'delivery', 'deliveries')} of state aid to Ukraine and {ru} to Russia "
               f"since {universe.since.display()}.")
    change = ("It would lean neither way if Azerbaijan's state also sent aid to "
              f"{'Russia' if lean == 'ukraine' else 'Ukraine'}."
              if lean != "neither" else "It would lean toward the only side receiving aid.")
    return Finding(universe.id, lean, strength, {"russia": ru, "ukraine": ua}, summary, change,
                   tuple(i.id for i in weighed))


_TOWARD = {"to-ukraine": "ukraine", "from-ukraine": "ukraine", "to-russia": "russia",
           "from-russia": "russia"}


def _arms(universe: Universe, found: list[Item]) -> Finding:
    weighed = since(universe, found)
    confirmed = Counter(_TOWARD[str(evidence_of(i).direction)] for i in weighed
                        if evidence_of(i).finding == "confirmed")
    reported = sum(1 for i in weighed if evidence_of(i).finding != "confirmed")
    ru, ua = confirmed["russia"], confirmed["ukraine"]
    lean: Lean = "ukraine" if ua > ru else "russia" if ru > ua else "neither"
    strength: Strength = "none" if lean == "neither" else "clear"
    reports = _n(reported, "report or denial", "reports or denials")
    summary = (f"{_n(ru + ua, 'confirmed transfer', 'confirmed transfers')} ({ua} involving "
               f"Ukraine, {ru} involving Russia) and {reports} since {universe.since.display()}.")
    change = ("It would lean toward a side if a transfer of arms with that side were confirmed "
              "by a government involved or by independent investigators." if lean == "neither"
              else "It would lean neither way if transfers with the other side were confirmed "
              "as well.")
    return Finding(universe.id, lean, strength, {"russia": ru, "ukraine": ua,
                                                 "reports": reported}, summary, change,
                   tuple(i.id for i in weighed))


def _sanctions(universe: Universe, found: list[Item]) -> Finding:
    weighed = since(universe, found)
    actions = Counter(evidence_of(i).action for i in weighed)
    state = sum(1 for i in weighed if evidence_of(i).action == "designation"
                and evidence_of(i).target == "state")
    lean: Lean = "neither"
    strength: Strength = "none"
    if actions["joined"]:
        lean, strength = "ukraine", "clear"
    elif state:
        lean, strength = "russia", "clear" if state > 1 else "slight"
    numbers = {"refusals": actions["refusal"], "reports": actions["circumvention-report"],
               "designations": actions["designation"], "state": state,
               "compliance": actions["compliance"]}
    summary = (("Azerbaijan has joined sanctions on Russia. " if actions["joined"] else
                "Azerbaijan has joined no sanctions on Russia. ")
               + f"On record: {actions['refusal']} statements refusing them, "
               f"{actions['compliance']} steps by state companies to comply with them, "
               f"{actions['circumvention-report']} reports of circumvention through Azerbaijan and "
               f"{actions['designation']} designations by sanctioning governments, {state} of them "
               "of a state body, state company or state-owned asset.")
    if lean == "russia":
        which = {1: "the designation", 2: "both designations"}.get(
            state, f"all {state} designations")
        change = (f"It would lean neither way if {which} of state property were lifted or shown "
                  "not to concern the Azerbaijani state.")
    elif lean == "ukraine":
        change = "It would lean neither way if Azerbaijan left the sanctions it joined."
    else:
        change = ("It would lean toward Ukraine if Azerbaijan joined any sanctions on Russia, or "
                  "toward Russia if a sanctioning government designated an Azerbaijani state "
                  "body, state company or state-owned asset.")
    return Finding(universe.id, lean, strength, numbers, summary, change,
                   tuple(i.id for i in weighed))


RULES: dict[str, Rule] = {
    "un-votes": Rule(
        "Of the resolutions adopted since the invasion, the dimension leans toward Ukraine if "
        "most of Azerbaijan's recorded votes were in favour, toward Russia if most were "
        "against, and neither otherwise (clear at three in four).", _votes),
    "leaders": Rule(
        "It leans toward the side whose leaders Aliyev met, or whose capital exchanged "
        "top-level visits with Baku, at least twice as often as the other's (clear at three "
        "times, a side with none counting as one).", _meetings),
    "statements": Rule(
        "It leans toward the side whose position more of Baku's official statements support "
        "than support the other side's, and than are balanced or silent; neither otherwise "
        "(clear when they are more than half).", _stances),
    "agreements": Rule(
        "It leans toward the side with which Azerbaijan signed at least twice as many "
        "documents since the invasion's eve as with the other (clear at three times, a side "
        "with none counting as one).",
        _documents),
    "trade": Rule(
        "It leans toward the side whose trade with Azerbaijan grew faster from 2021 to the "
        "latest full year reported, by at least 10 percentage points (clear at 25); neither if "
        "either side lacks a figure.", _trade),
    "energy-transit": Rule(
        "It leans toward the side with at least twice as many energy and transit arrangements "
        "in force as the other (clear at three times, a side with none counting as one).",
        _arrangements),
    "aid": Rule(
        "It leans toward the side that received Azerbaijani state aid, if only one did (clear "
        "after more than one delivery).", _aid),
    "arms": Rule(
        "It leans toward a side only if a transfer of arms with that side since the invasion "
        "is confirmed by a government involved or by independent investigators; reports and "
        "denials alone do not count.", _arms),
    "sanctions": Rule(
        "It leans toward Ukraine if Azerbaijan has joined sanctions on Russia, toward Russia if "
        "a sanctioning government has found an Azerbaijani state body or state company helping "
        "Russia evade them, and neither otherwise; refusing sanctions, as most governments do, "
        "and designations of private traders are recorded but not counted.", _sanctions),
}
#: how the findings make the short answer
ANSWER_RULE = ("The short answer leans toward the side more dimensions lean toward, whatever "
               "the strength of each, and neither when the two sides have as many; it is clear "
               "when the difference is three dimensions or more.")


