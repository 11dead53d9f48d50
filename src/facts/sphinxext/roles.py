"""Inline roles: a fact's date or year, a figure's value, citations, as-of dates, findings and
how far a topic's records run.

Each role takes one id (``{facts:date}`kyiv-visit-2022```).  An unknown id warns at the role's
location, naming what the id is if it exists as another kind, or the closest ids of the right
kind, and leaves the id visible in the page.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from facts.dates import PartialDate
from facts.model import CITABLE, Event, Figure
from facts.sphinxext import render
from facts.sphinxext._base import FactsRole, Picker, View, warn
from facts.vocabulary import DIMENSIONS, TOPICS


class DateRole(FactsRole):
    """The date (or span) of an event or figure, at its own precision."""

    def select(self, pick: Picker, record_id: str) -> Any:
        return pick.record(("events", "figures"), record_id)

    def render(self, fact: Event | Figure, view: View) -> nodes.Node:
        return render.date(fact.date, fact.end if isinstance(fact, Event) else None)


class YearRole(DateRole):
    """Just the year of an event's start: for phrases such as "the 2020 war"."""

    def render(self, fact: Event | Figure, view: View) -> nodes.Node:
        return render.date(PartialDate(fact.date.year))


class ValueRole(FactsRole):
    """A figure's headline value; the other estimates are shown by ``{facts:estimates}``."""

    def select(self, pick: Picker, record_id: str) -> Any:
        return pick.record(("figures",), record_id)

    def render(self, figure: Figure, view: View) -> nodes.Node:
        return render.value(figure)


class CiteRole(FactsRole):
    """Cite a source, or every source of a fact or table: an event by one marker to its
    timeline entry, anything else by one marker per source."""

    def select(self, pick: Picker, record_id: str) -> Any:
        return pick.record(CITABLE, record_id)

    def render(self, record: Any, view: View) -> nodes.Node:
        if isinstance(record, Event):
            return render.cite_event(view, record)
        return render.cite(view, view.sources_of(record.id))


class AsOfRole(FactsRole):
    """The date a fact was last checked; ``site`` gives the site's as-of date."""

    def select(self, pick: Picker, record_id: str) -> Any:
        if record_id == "site":
            return pick.site()
        return pick.record(("events", "figures", "tables"), record_id)

    def render(self, record: Any, view: View) -> nodes.Node:
        return render.date(PartialDate.from_date(record.as_of))


class FindingRole(FactsRole):
    """A dimension's lean and strength by its rule, as a badge: ``{facts:finding}`aid```."""

    def select(self, pick: Picker, record_id: str) -> Any:
        if record_id not in DIMENSIONS:
            warn(f"unknown dimension {record_id!r}; one of {', '.join(DIMENSIONS)}",
                 self.get_location(), "unknown-id")
            return None
        return pick.query("evidence", record_id)

    def render(self, selected: Any, view: View) -> nodes.Node:
        f, _universe = selected
        return render.lean(f.lean, f.strength)


class LatestRole(FactsRole):
    """The date of the newest event on a topic, or on any with ``site``: for "the records here
    run to ...", which then follows every event added."""

    def select(self, pick: Picker, topic: str) -> Any:
        if topic != "site" and topic not in TOPICS:
            warn(f"unknown topic {topic!r}; one of site, {', '.join(TOPICS)}",
                 self.get_location(), "unknown-id")
            return None
        newest = pick.query("latest", topic)
        return pick.data.events[newest] if newest else None

    def render(self, event: Event, view: View) -> nodes.Node:
        return render.date(event.date)


ROLES: dict[str, type[FactsRole]] = {
    "date": DateRole,
    "year": YearRole,
    "value": ValueRole,
    "cite": CiteRole,
    "asof": AsOfRole,
    "finding": FindingRole,
    "latest": LatestRole,
}
