"""Words that claim a lean, and the check that the short answer and the key facts say no more
than the evidence."""

from __future__ import annotations

import re
from collections import Counter

from facts.evidence import findings, verdict
from facts.model import Dataset
from facts.site_records import Answer

_RU = r"(?:Russia|Moscow|the Kremlin|Putin)"
_UA = r"(?:Ukraine|Kyiv|Zelensky)"
_CLAIM = (r"\b(?:backs?|backing|supports?|supporting|sides? with|siding with|leans?(?: more)? "
          r"(?:toward|towards)|leaning (?:toward|towards)|favou?rs?|is (?:an? )?ally of|"
          r"stands? with|on the side of)\s+")
_CLAIMS = {"russia": re.compile(_CLAIM + _RU, re.I), "ukraine": re.compile(_CLAIM + _UA, re.I)}
#: qualifiers that turn a claim into a claim about something narrower than the answer
_NARROW = re.compile(r"\b(?:territorial integrity|sovereignty|borders?|position on|in aid|"
                     r"with aid)\b", re.I)
#: words that claim how firmly the answer leans
_STRENGTHS = {"slight": re.compile(r"\b(?:slight(?:ly)?|marginal(?:ly)?|narrow(?:ly)?)\b", re.I),
              "clear": re.compile(r"\b(?:clear(?:ly)?|firm(?:ly)?|strong(?:ly)?|decisive(?:ly)?)\b",
                                  re.I)}


def claimed_strengths(text: str) -> set[str]:
    """The strengths a headline claims by its words: ``"Slightly toward Russia"`` claims slight."""
    return {strength for strength, pattern in _STRENGTHS.items() if pattern.search(text)}


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


def _headline_problems(answer: Answer, lean: str, strength: str
                       ) -> list[tuple[str, str, str, int, str]]:
    """The answer's lean and strength against the verdict, and the headline's words against
    both."""
    problems = []
    if answer.lean != lean:
        problems.append(("site", "lean", "answer", 0, f"is {answer.lean!r}, but the evidence "
                         f"leans {lean!r}"))
    if answer.strength != strength:
        problems.append(("site", "strength", "answer", 0, f"is {answer.strength!r}, but the "
                         f"evidence's lean is {strength!r}"))
    if extra := claimed_strengths(answer.headline) - {answer.strength}:
        problems.append(("site", "headline", "answer", 0, "its words claim a "
                         f"{' and '.join(sorted(extra))} lean, but the answer's is "
                         f"{answer.strength!r}"))
    allowed = set() if answer.lean == "neither" else {answer.lean}
    if extra := claimed_leans(answer.headline) - allowed:
        problems.append(("site", "headline", "answer", 0, "its words claim a lean toward "
                         f"{' and '.join(sorted(extra))}, but the answer is {answer.lean!r}"))
    return problems


def summary_problems(data: Dataset) -> list[tuple[str, str, str, int, str]]:
    """Where the short answer or a key-facts row says more than the evidence: ``(record,
    field, section, index, message)``.

    The answer's lean must be the verdict; each point's lean must be its dimension's finding
    and its strength no more than the finding's, one point per dimension; and the words of the
    headline, the points and the table rows must not claim a lean their data does not have.
    """
    found = findings(data)
    answer = data.site.answer
    problems = _headline_problems(answer, *verdict(data))
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

