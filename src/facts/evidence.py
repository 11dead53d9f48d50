"""The evidence behind the short answer: one rule per dimension, and the answer they give.

Each dimension of the evidence has a universe (``data/dimensions/<id>.toml``: what it counts,
listed member by member) and a rule here, stated in one sentence on the evidence page.  A rule
reads the dimension's items (events and figures whose ``[evidence]`` names the dimension) and
returns a :class:`Finding`: a lean, its strength, the numbers it rests on and what it would take
to change it.  The short answer is the side more dimensions lean toward (:func:`verdict`), and
:func:`sensitivity` shows which dimensions decide it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from facts.model import (
    DIMENSIONS,
    SIDES,
    Dataset,
    Event,
    Evidence,
    Figure,
    Lean,
    Strength,
    Universe,
)

Item = Event | Figure


@dataclass(frozen=True, slots=True)
class Finding:
    """What one dimension shows, by its rule."""

    dimension: str
    lean: Lean
    strength: Strength
    #: the numbers the rule weighed, by name (``russia``, ``ukraine``, ``recorded``, …); the
    #: dimension's texts refer to them as ``{n:name}``
    numbers: dict[str, int] = field(default_factory=dict)
    #: the finding in one sentence
    summary: str = ""
    #: what would change the lean, in one sentence
    change: str = ""
    #: the items weighed, in date order
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    sentence: str
    apply: Callable[[Universe, list[Item]], Finding]


def items(data: Dataset, dimension: str) -> list[Item]:
    """A dimension's items, events and figures, in date order."""
    found: list[Item] = [e for e in data.events.values()
                         if e.evidence is not None and e.evidence.dimension == dimension]
    found += [f for f in data.figures.values()
              if f.evidence is not None and f.evidence.dimension == dimension]
    return sorted(found, key=lambda r: (r.date.sort_key(), r.id))


def evidence_of(item: Item) -> Evidence:
    assert item.evidence is not None
    return item.evidence


def member(item: Item) -> str:
    """The item's member of its universe: a resolution, ``YEAR side``, ``DATE counterpart`` or
    its id."""
    ev = evidence_of(item)
    if ev.dimension == "un-votes":
        return ev.resolution
    if ev.dimension == "trade":
        return f"{ev.year} {ev.side}"
    if ev.dimension == "leaders":
        return f"{item.date.iso()} {ev.counterpart}"
    return item.id


def _since(universe: Universe, found: Iterable[Item]) -> list[Item]:
    """Items that may fall on or after the universe's start (a year-precise date counts when
    the year reaches it)."""
    start = universe.since.first_day()
    return [i for i in found if i.date.last_day() >= start]


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
    summary = (f"{ru} {one if ru == 1 else noun} with Russia and {ua} with Ukraine {after} "
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
    weighed = _since(universe, found)
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
               f"{votes['abstain']} abstentions and {votes['non-voting']} times it did not vote.")
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
    weighed = _since(universe, found)
    return _ratio(universe, weighed, Counter(evidence_of(i).side for i in weighed),
                  "meetings and visits", after="since",
                  one="meeting or visit")


def _documents(universe: Universe, found: list[Item]) -> Finding:
    weighed = _since(universe, found)
    counts: Counter[str] = Counter()
    for item in weighed:
        counts[evidence_of(item).side] += evidence_of(item).documents or 1
    return _ratio(universe, weighed, counts, "documents signed", after="since",
                  one="document signed")


def _arrangements(universe: Universe, found: list[Item]) -> Finding:
    live = [i for i in found if evidence_of(i).status == "in force"]
    return _ratio(universe, live, Counter(evidence_of(i).side for i in live),
                  "arrangements in force", after="that began or were in force since",
                  one="arrangement in force")


def _stances(universe: Universe, found: list[Item]) -> Finding:
    weighed = _since(universe, found)
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
    weighed = [i for i in _since(universe, found) if evidence_of(i).delivery == "delivered"]
    counts = Counter(evidence_of(i).side for i in weighed)
    ru, ua = counts["russia"], counts["ukraine"]
    lean: Lean = "neither"
    strength: Strength = "none"
    if ua and not ru:
        lean, strength = "ukraine", "clear" if ua > 1 else "slight"
    elif ru and not ua:
        lean, strength = "russia", "clear" if ru > 1 else "slight"
    summary = (f"{ua} deliveries of state aid to Ukraine and {ru} to Russia since "
               f"{universe.since.display()}.")
    change = ("It would lean neither way if Azerbaijan's state also sent aid to "
              f"{'Russia' if lean == 'ukraine' else 'Ukraine'}."
              if lean != "neither" else "It would lean toward the only side receiving aid.")
    return Finding(universe.id, lean, strength, {"russia": ru, "ukraine": ua}, summary, change,
                   tuple(i.id for i in weighed))


_TOWARD = {"to-ukraine": "ukraine", "from-ukraine": "ukraine", "to-russia": "russia",
           "from-russia": "russia"}


def _arms(universe: Universe, found: list[Item]) -> Finding:
    weighed = _since(universe, found)
    confirmed = Counter(_TOWARD[str(evidence_of(i).direction)] for i in weighed
                        if evidence_of(i).finding == "confirmed")
    reported = sum(1 for i in weighed if evidence_of(i).finding != "confirmed")
    ru, ua = confirmed["russia"], confirmed["ukraine"]
    lean: Lean = "ukraine" if ua > ru else "russia" if ru > ua else "neither"
    strength: Strength = "none" if lean == "neither" else "clear"
    summary = (f"{ru + ua} confirmed transfers ({ua} involving Ukraine, {ru} involving Russia) "
               f"and {reported} reports or denials since {universe.since.display()}.")
    change = ("It would lean toward a side if a transfer of arms with that side were confirmed "
              "by a government involved or by independent investigators." if lean == "neither"
              else "It would lean neither way if transfers with the other side were confirmed "
              "as well.")
    return Finding(universe.id, lean, strength, {"russia": ru, "ukraine": ua,
                                                 "reports": reported}, summary, change,
                   tuple(i.id for i in weighed))


def _sanctions(universe: Universe, found: list[Item]) -> Finding:
    weighed = _since(universe, found)
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
        change = ("It would lean neither way if the designation of state property were lifted or "
                  "shown not to concern the Azerbaijani state.")
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
        "times).", _meetings),
    "statements": Rule(
        "It leans toward the side whose position most of Baku's official statements at the "
        "war's turning points support; neither when balanced statements and silences are the "
        "largest group.", _stances),
    "agreements": Rule(
        "It leans toward the side with which Azerbaijan signed at least twice as many "
        "documents since the invasion's eve as with the other (clear at three times).",
        _documents),
    "trade": Rule(
        "It leans toward the side whose trade with Azerbaijan grew faster from 2021 to the "
        "latest full year reported, by at least 10 percentage points (clear at 25); neither if "
        "either side lacks a figure.", _trade),
    "energy-transit": Rule(
        "It leans toward the side with at least twice as many energy and transit arrangements "
        "in force as the other (clear at three times).", _arrangements),
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


def completeness(data: Dataset) -> list[tuple[str, str, str]]:
    """Problems with the dimensions' universes, as ``(dimension, field, message)``.

    Each listed member needs exactly one item or one gap, and every item must be a listed
    member; every event since a dimension's start whose text matches its ``candidates`` must be
    an item of some dimension or be exempt, so that evidence cannot be left out unnoticed.
    """
    problems = []
    classified = {i.id for dim in DIMENSIONS for i in items(data, dim)}
    for dim in DIMENSIONS:
        universe = data.dimensions.get(dim)
        if universe is None:
            continue  # the loader reports the missing file
        problems += [(dim, key, message) for key, message in _members(universe, items(data, dim))]
        problems += [(dim, key, message)
                     for key, message in _candidates(data, universe, classified)]
    return problems


def _members(universe: Universe, found: list[Item]) -> Iterator[tuple[str, str]]:
    keys = Counter(member(i) for i in found)
    gaps = Counter(g.member for g in universe.gaps)
    listed = set(universe.members)
    for key in universe.members:
        count = keys[key] + gaps[key]
        if count != 1:
            what = "no item and no gap" if not count else f"{count} items or gaps"
            yield "members", f"member {key!r} has {what}; it needs exactly one"
    if listed:
        for key in sorted(set(keys) - listed):
            yield "members", f"item {key!r} is not a listed member; add it to members"
    for key in sorted(set(gaps) - listed):
        yield "gap", f"gap {key!r} is not a listed member"
    for key in sorted(g.member for g in universe.gaps if keys[g.member]):
        yield "gap", f"{key!r} has an item; remove its gap"


def _candidates(data: Dataset, universe: Universe,
                classified: set[str]) -> Iterator[tuple[str, str]]:
    if universe.candidates:
        pattern = re.compile(universe.candidates)
        start = universe.since.first_day()
        for event in data.timeline():
            if (event.date.last_day() >= start and event.id not in classified
                    and event.id not in universe.exempt
                    and pattern.search(f"{event.title} {event.statement}")):
                yield "candidates", (f"event {event.id!r} matches the candidates but is in no "
                                     "dimension; give it [evidence] or add it to exempt")
    for rid in universe.exempt:
        if rid in classified:
            yield "exempt", f"{rid!r} is an item of a dimension; it need not be exempt"


def finding(data: Dataset, dimension: str) -> Finding:
    return RULES[dimension].apply(data.dimensions[dimension], items(data, dimension))


def findings(data: Dataset) -> dict[str, Finding]:
    """Every dimension's finding, in the evidence page's order."""
    order = sorted(DIMENSIONS, key=lambda d: (data.dimensions[d].order, d))
    return {d: finding(data, d) for d in order}


def combine(leans: Iterable[Lean]) -> tuple[Lean, Strength]:
    counts = Counter(leans)
    ru, ua = counts["russia"], counts["ukraine"]
    if ru == ua:
        return "neither", "none"
    lean: Lean = "russia" if ru > ua else "ukraine"
    return lean, "clear" if abs(ru - ua) >= 3 else "slight"


def verdict(data: Dataset) -> tuple[Lean, Strength]:
    return combine(f.lean for f in findings(data).values())


@dataclass(frozen=True, slots=True)
class Sensitivity:
    dimension: str
    lean: Lean
    #: alternative lean of the dimension -> the answer it would give
    answers: dict[str, tuple[Lean, Strength]]
    change: str

    @property
    def decisive(self) -> bool:
        """True if some other lean of this dimension alone would change the answer's lean."""
        return any(a[0] != self.base[0] for a in self.answers.values())

    base: tuple[Lean, Strength] = ("neither", "none")


def sensitivity(data: Dataset) -> list[Sensitivity]:
    """For each dimension, the answer if it alone leaned each other way."""
    found = findings(data)
    base = combine(f.lean for f in found.values())
    rows = []
    for dim, f in found.items():
        answers = {}
        for alt in ("russia", "ukraine", "neither"):
            if alt != f.lean:
                leans = [alt if d == dim else g.lean for d, g in found.items()]
                answers[alt] = combine(leans)
        rows.append(Sensitivity(dim, f.lean, answers, f.change, base))
    return rows


# -- words that claim a lean ----------------------------------------------------------------------

_RU = r"(?:Russia|Moscow|the Kremlin|Putin)"
_UA = r"(?:Ukraine|Kyiv|Zelensky)"
_CLAIM = (r"\b(?:backs?|backing|supports?|supporting|sides? with|siding with|leans?(?: more)? "
          r"(?:toward|towards)|leaning (?:toward|towards)|favou?rs?|is (?:an? )?ally of|"
          r"stands? with|on the side of)\s+")
_CLAIMS = {"russia": re.compile(_CLAIM + _RU, re.I), "ukraine": re.compile(_CLAIM + _UA, re.I)}
#: qualifiers that turn a claim into a claim about something narrower than the answer
_NARROW = re.compile(r"\b(?:territorial integrity|sovereignty|borders?|position on|in aid|"
                     r"with aid)\b", re.I)


def claimed_leans(text: str) -> set[str]:
    """The sides a sentence says Azerbaijan leans toward or backs, by its words.

    ``"Yes: Azerbaijan firmly backs Russia."`` claims Russia; support for Ukraine's territorial
    integrity is a narrower claim and does not count as backing Ukraine.
    """
    found = set()
    for sentence in re.split(r"(?<=[.;:])\s+", text):
        for side, pattern in _CLAIMS.items():
            for match in pattern.finditer(sentence):
                rest = sentence[match.end():match.end() + 40]
                if not _NARROW.search(rest.split(",")[0]):
                    found.add(side)
    return found


_ORDER = {"none": 0, "slight": 1, "clear": 2}


def summary_problems(data: Dataset) -> list[tuple[str, str, str, int, str]]:
    """Where the short answer or a key-facts row says more than the evidence: ``(record,
    field, section, index, message)``.

    The answer's lean must be the verdict; each point's lean must be its dimension's finding
    and its strength no more than the finding's, one point per dimension; and the words of the
    headline, the points and the table rows must not claim a lean their data does not have.
    """
    found = findings(data)
    answer = data.site.answer
    problems = []
    lean, _strength = verdict(data)
    if answer.lean != lean:
        problems.append(("site", "lean", "answer", 0, f"is {answer.lean!r}, but the evidence "
                         f"leans {lean!r}"))
    allowed = set() if answer.lean == "neither" else {answer.lean}
    if extra := claimed_leans(answer.headline) - allowed:
        problems.append(("site", "headline", "answer", 0, "its words claim a lean toward "
                         f"{' and '.join(sorted(extra))}, but the answer is {answer.lean!r}"))
    seen: Counter[str] = Counter()
    for i, point in enumerate(answer.points):
        seen[point.dimension] += 1
        f = found[point.dimension]
        if point.lean != f.lean:
            problems.append(("site", "lean", "answer.point", i, f"{point.dimension}: claims "
                             f"{point.lean!r}, but the finding is {f.lean!r}"))
        elif _ORDER[point.strength] > _ORDER[f.strength]:
            problems.append(("site", "strength", "answer.point", i, f"{point.dimension}: claims "
                             f"a {point.strength} lean, but the finding is {f.strength}"))
        words = claimed_leans(point.text) - ({point.lean} - {"neither"})
        if words:
            problems.append(("site", "text", "answer.point", i, f"{point.dimension}: its words "
                             f"claim a lean toward {' and '.join(sorted(words))}"))
    for dim in found:
        if seen[dim] != 1:
            problems.append(("site", "point", "answer", 0, f"needs exactly one point for "
                             f"{dim!r}, not {seen[dim]}"))
    for tid, table in data.tables.items():
        for i, row in enumerate(table.rows):
            text = " ".join(t for _k, t in row.cells)
            claimed = {row.lean} - {"neither", None} if row.lean else set()
            if row.dimension is not None and row.lean != found[row.dimension].lean:
                problems.append((tid, "lean", "row", i, f"claims {row.lean!r} for "
                                 f"{row.dimension!r}, but the finding is "
                                 f"{found[row.dimension].lean!r}"))
            if words := claimed_leans(text) - claimed:
                problems.append((tid, "facts", "row", i, "its words claim a lean toward "
                                 f"{' and '.join(sorted(words))}; give the row the dimension "
                                 "and lean it reports"))
    return problems


def tokens(text: str) -> list[str]:
    """The ``{n:name}``, ``{value:id}``, ``{date:id}`` and ``{year:id}`` tokens in data text."""
    return re.findall(r"\{([a-z]+:[a-z0-9-]+)\}", text)
