"""Whose account a fact is: facts that rest only on one party's officials, state media or aligned
outlets must say so in their own words.

A publisher's ``stands_behind`` and ``party`` (``data/publishers/``) say whom it speaks for.  When
every source of an event, or of one estimate of a figure, speaks for the same party, the event
carries ``account = "<party>"`` and its statement names that party in a sentence that attributes
the claim ("according to Azerbaijan's Foreign Ministry", "Aliyev said"); an estimate's ``by``
names the party.  The words that name each party are data (``site.toml``, ``[parties]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from facts.model import Dataset, Event, Figure
from facts.vocabulary import PARTISAN

_VERBS = re.compile(r"\b(?:according to|as reported by|reported|reports|said|says|told|tells|"
                    r"announced|announces|stated|states|claimed|claims|put|puts|gave|gives|"
                    r"called|calls|described|describes|wrote|writes|by (?:its|their|his|her) "
                    r"(?:own )?count|as (?:given|stated|quoted) by|in the words of)\b", re.I)


def parties(data: Dataset, source_ids: Iterable[str]) -> set[str | None]:
    """The parties the sources speak for; ``None`` for any source that speaks for none."""
    found: set[str | None] = set()
    for sid in source_ids:
        publisher = data.publishers[data.sources[sid].publisher]
        found.add(publisher.party if publisher.stands_behind in PARTISAN else None)
    return found


def account_of(data: Dataset, source_ids: Iterable[str]) -> str | None:
    """The one party all the sources speak for, if there is one."""
    found = parties(data, source_ids)
    return next(iter(found)) if len(found) == 1 and None not in found else None


def names(data: Dataset, party: str) -> re.Pattern[str]:
    words = data.site.names(party)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if words else re.compile(
        r"(?!)")


def attributes(data: Dataset, text: str, party: str) -> bool:
    """True if a sentence of ``text`` names ``party`` and attributes a claim."""
    pattern = names(data, party)
    return any(pattern.search(s) and _VERBS.search(s)
               for s in re.split(r"(?<=[.;])\s+", text))


def problems(data: Dataset) -> Iterator[tuple[str, str, str, int, str]]:
    """``(record id, field, section, index, message)`` for each fact that does not say whose
    account it is."""
    for event in data.events.values():
        yield from _event(data, event)
    for figure in data.figures.values():
        yield from _figure(data, figure)


def _event(data: Dataset, event: Event) -> Iterator[tuple[str, str, str, int, str]]:
    party = account_of(data, event.sources)
    if party != event.account:
        if party is None:
            yield (event.id, "account", "", 0, f"is {event.account!r}, but the sources do not all "
                   "speak for that party; remove it")
        else:
            yield (event.id, "account", "", 0, f"every source speaks for {party!r}: set "
                   f"account = {party!r} and say whose account the statement is")
    if party is not None and not attributes(data, event.statement, party):
        yield (event.id, "statement", "", 0, f"rests only on {party!r} sources: attribute the "
               "claim to that party in the statement (\"according to …\", \"… said\")")


def _figure(data: Dataset, figure: Figure) -> Iterator[tuple[str, str, str, int, str]]:
    for index, estimate in enumerate(figure.estimates):
        party = account_of(data, estimate.sources)
        if party is not None and not names(data, party).search(estimate.by):
            yield (figure.id, "by", "estimate", index, f"rests only on {party!r} sources: name "
                   "the party in 'by' (\"Azerbaijan's Foreign Ministry\", \"the Azerbaijani "
                   "agency Trend\")")
