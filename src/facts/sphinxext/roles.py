"""Inline roles: a fact's date or year, a figure's value, citations, and as-of dates.

Each role takes one record id (``{facts:date}`kyiv-visit-2022```).  An unknown id warns at the
role's location with the closest known ids and leaves the id visible in the page.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from facts.dates import PartialDate
from facts.model import Event, Figure
from facts.sphinxext import _render
from facts.sphinxext.directives import FactsMixin
from facts.text import format_figure


class FactsRole(FactsMixin, SphinxRole):
    #: what the role accepts, for messages
    accepts = "fact"

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        record_id = self.text.strip()
        node = self.render(record_id) if record_id else None
        if node is None:
            if not record_id:
                self.warn(f"{self.name} role needs a {self.accepts} id", "empty")
            node = nodes.literal(self.rawtext, record_id, classes=["facts-unknown"])
        else:
            self.use(record_id)
        self.set_source_info(node)
        return [node], []

    def fact(self, record_id: str) -> Event | Figure | None:
        pool = self.data.dated()
        return pool[record_id] if self.known(record_id, self.accepts, pool) else None

    def render(self, record_id: str) -> nodes.Node | None:
        raise NotImplementedError


class DateRole(FactsRole):
    """The date (or span) of an event or figure, at its own precision."""

    def render(self, record_id: str) -> nodes.Node | None:
        fact = self.fact(record_id)
        if fact is None:
            return None
        return _render.date(fact.date, fact.end if isinstance(fact, Event) else None)


class YearRole(FactsRole):
    """Just the year of an event's start: for phrases such as "the 2020 war"."""

    def render(self, record_id: str) -> nodes.Node | None:
        fact = self.fact(record_id)
        return None if fact is None else _render.date(PartialDate(fact.date.year))


class ValueRole(FactsRole):
    """A figure's value; several estimates are each attributed."""

    accepts = "figure"

    def render(self, record_id: str) -> nodes.Node | None:
        if not self.known(record_id, "figure", self.data.figures):
            return None
        return _render.text(format_figure(self.data.figures[record_id]), "facts-value")


class CiteRole(FactsRole):
    """Cite a source, or every source of a fact or table."""

    accepts = "fact or source"

    def render(self, record_id: str) -> nodes.Node | None:
        pool = {**self.data.sources, **self.data.events, **self.data.figures, **self.data.tables}
        if not self.known(record_id, self.accepts, pool):
            return None
        more = record_id if record_id in self.data.events else ""
        return _render.cite(self.data, self.data.sources_of(record_id), more)


class AsOfRole(FactsRole):
    """The date a fact was last checked; ``site`` gives the site's as-of date."""

    accepts = "fact id or 'site'"

    def render(self, record_id: str) -> nodes.Node | None:
        if record_id == "site":
            self.env.note_dependency(self.data.root / "site.toml")
            return _render.date(PartialDate.from_date(self.data.site.as_of))
        fact = self.fact(record_id)
        return None if fact is None else _render.date(PartialDate.from_date(fact.as_of))

    def use(self, *record_ids: str) -> None:
        super().use(*(r for r in record_ids if r != "site"))


ROLES: dict[str, type[FactsRole]] = {
    "date": DateRole,
    "year": YearRole,
    "value": ValueRole,
    "cite": CiteRole,
    "asof": AsOfRole,
}
