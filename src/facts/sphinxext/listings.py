"""Directives that list records: timeline, tables, sources, estimates.

A malformed invocation raises ``self.error``; a reference to data that does not exist warns at
the page location with the closest known ids (:class:`~facts.sphinxext._base.Picker`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, get_args

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from facts.dates import PartialDate
from facts.model import Event, Row, Source, Table, name_of
from facts.sphinxext import render
from facts.sphinxext._base import FactsDirective, Picker, View
from facts.sphinxext.render import Cell
from facts.text import format_estimate
from facts.vocabulary import SOURCE_KINDS, TOPICS, StandsBehind

STANDS_BEHIND: tuple[str, ...] = get_args(StandsBehind)
LANGUAGES = {"en": "English", "ru": "Russian", "az": "Azerbaijani", "uk": "Ukrainian",
             "hy": "Armenian", "tr": "Turkish", "de": "German", "fr": "French", "it": "Italian",
             "nl": "Dutch", "lv": "Latvian", "fa": "Persian", "ka": "Georgian", "es": "Spanish",
             "el": "Greek", "hu": "Hungarian", "pl": "Polish", "ro": "Romanian",
             "bg": "Bulgarian", "kk": "Kazakh", "ar": "Arabic", "da": "Danish", "uz": "Uzbek"}


def choices(options: Sequence[str]) -> Callable[[str | None], tuple[str, ...]]:
    """Option converter: a comma-separated subset of ``options``."""

    def convert(argument: str | None) -> tuple[str, ...]:
        values = tuple(v.strip() for v in (argument or "").split(",") if v.strip())
        if not values:
            raise ValueError(f"expected one or more of: {', '.join(options)}")
        for value in values:
            if value not in options:
                raise ValueError(f"{value!r} is not one of: {', '.join(options)}")
        return values

    return convert


def partial_date(argument: str | None) -> PartialDate:
    return PartialDate.parse((argument or "").strip())


class TimelineDirective(FactsDirective):
    """Events in date order, filtered by topic and by date range or era.

    ``:visual:`` adds the drawn timeline in HTML; ``:compact:`` lists only dates and titles,
    each linking to its entry on the timeline page (for topic pages); with both, HTML shows the
    drawn timeline in place of the list.  ``:collapsed: <summary>`` shows a compact list
    collapsed under that summary line in HTML.
    """

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "topics": choices(TOPICS),
        "since": partial_date,
        "until": partial_date,
        "era": directives.unchanged_required,
        "visual": directives.flag,
        "compact": directives.flag,
        "collapsed": directives.unchanged_required,
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def select(self, pick: Picker) -> list[Event] | None:
        since: PartialDate | None = self.options.get("since")
        until: PartialDate | None = self.options.get("until")
        if since and until and until.last_day() < since.first_day():
            raise self.error(f":until: {until} is before :since: {since}")
        start, stop = since.iso() if since else "", until.iso() if until else ""
        if "era" in self.options:
            eras = [e.id for e in pick.site().eras]
            if self.options["era"] not in eras:
                raise self.error(f":era: {self.options['era']!r} is not one of "
                                 f"{', '.join(eras)} (site.toml)")
            start, stop = pick.query("era", self.options["era"])
        ids = pick.query("timeline", self.options.get("topics", TOPICS), start, stop)
        if not ids:
            self.warn("no events match this timeline's filters", "empty")
            return None
        return [pick.data.events[i] for i in ids]

    def render(self, events: list[Event], view: View) -> list[nodes.Node]:
        if "compact" in self.options:
            items = [("", [render.date(e.date, e.end), nodes.Text(" "), _event_link(e)])
                     for e in events]
            compact = render.bullet_list(items, "facts-compact-timeline",
                                         *self.options.get("class", []))
            if "visual" in self.options:  # HTML draws it instead of the list
                compact["facts_visual"] = [e.id for e in events]
                compact["facts_replace"] = True
            return self.collapse([compact], len(events), "events")
        document = self.state.document
        rows: list[tuple[str, Sequence[Cell]]] = []
        for event in events:
            # An event listed twice on one page is anchored once.
            anchor = "" if f"event-{event.id}" in document.ids else f"event-{event.id}"
            if anchor:
                self.domain.note_target("event", event.id, self.env.docname, anchor, len(events),
                                        name_of(event))
            rows.append((anchor, [
                [render.date(event.date, event.end)],
                [render.paragraph(nodes.strong(event.title, event.title)),
                 render.paragraph(nodes.Text(event.statement),
                                  render.cite(view, event.sources))],
            ]))
        table = render.table([("Date", 2), ("Event and sources", 9)], rows,
                             classes=["facts-timeline", *self.options.get("class", [])])
        for row in table.findall(nodes.row):
            for anchor in row["ids"]:
                document.ids[anchor] = row
        if "visual" in self.options:
            table["facts_visual"] = [e.id for e in events]
        return [table]


def _event_link(event: Event) -> addnodes.pending_xref:
    """The event's title, linking to its entry on the timeline page."""
    xref = addnodes.pending_xref("", refdomain="facts", reftype="event", reftarget=event.id,
                                 refexplicit=True, refwarn=True)
    xref += nodes.inline(event.title, event.title, classes=["facts", "facts-title"])
    return xref


class TableDirective(FactsDirective):
    """A table held in the data (``data/tables/<id>.toml``)."""

    argument = ("a table id", "tables")
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def select(self, pick: Picker) -> Table | None:
        table: Table | None = pick.record(("tables",), self.arguments[0])
        if table is not None:
            for row in table.rows:
                for fid in row.facts:
                    pick.record(("events", "figures"), fid)
        return table

    def render(self, table: Table, view: View) -> list[nodes.Node]:
        headers = [(c.label, c.width) for c in table.columns]
        rows = [("", [self._cell(view, col.kind, col.key, row) for col in table.columns])
                for row in table.rows]
        node = render.table(headers, rows, caption=table.caption, anchor=f"table-{table.id}",
                            classes=[f"facts-table-{table.id}", *self.options.get("class", [])])
        return [node]

    def _cell(self, view: View, kind: str, key: str, row: Row) -> Cell:
        if kind == "date":
            cell: list[nodes.Node] = []
            for i, fid in enumerate(row.facts):
                fact = view.get_any(fid)
                if i:
                    cell.append(nodes.Text("; "))
                cell.append(render.date(fact.date, getattr(fact, "end", None)))
            return cell
        if kind == "sources":
            return [render.cite(view, dict.fromkeys(s for f in row.facts
                                                    for s in view.sources_of(f)))]
        if kind == "lean":
            return [render.lean(row.lean)] if row.lean else [nodes.Text("")]
        return [nodes.Text(row.cell(key))]


class SourcesDirective(FactsDirective):
    """The bibliography: one anchored entry per source, sorted by publisher, with the facts
    each one supports."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "kinds": choices(SOURCE_KINDS),
        "stands-behind": choices(STANDS_BEHIND),
        "name": directives.unchanged,
    }

    def select(self, pick: Picker) -> Any:
        listed = pick.query("sources", self.options.get("kinds", SOURCE_KINDS),
                            self.options.get("stands-behind", ()))
        if not listed:
            self.warn("no sources of these kinds", "empty")
            return None
        for _sid, facts in listed:
            for fid in facts:
                pick.record(("events", "figures"), fid)
        return listed

    def render(self, listed: Any, view: View) -> list[nodes.Node]:
        items = []
        for sid, facts in listed:
            source = view.source(sid)
            publisher = view.publisher(source.publisher)
            anchor = f"source-{source.id}"
            name = publisher.name
            self.domain.note_target("source", source.id, self.env.docname, anchor, len(listed),
                                    f"{name}: {source.title}")
            if source.via:
                name += f" (carrying {view.publisher(source.via).name})"
            body: list[nodes.Node] = [
                nodes.Text(f"{name}. "),
                nodes.reference(source.title, source.title, refuri=source.url,
                                classes=["facts-source-title"]),
                nodes.Text("."),
            ]
            if source.language != "en":
                language = LANGUAGES.get(source.language, source.language)
                body.append(nodes.Text(f" In {language}."))
            if source.published:
                body += [nodes.Text(" Published "), render.date(source.published),
                         nodes.Text(".")]
            body += [nodes.Text(" Accessed "),
                     render.date(PartialDate.from_date(source.accessed)), nodes.Text(".")]
            body.append(nodes.Text(" Supports: "))
            for i, fid in enumerate(facts):
                if i:
                    body.append(nodes.Text("; "))
                fact = view.get_any(fid)
                body.append(fact_link(fact))
            body.append(nodes.Text("."))
            items.append((anchor, body))
        return [render.bullet_list(items, "facts-sources")]


def fact_link(record: Any) -> nodes.Node:
    """A record's name: an event's title linked to its timeline entry; a figure's label, a
    table's caption or a source's title as text."""
    if isinstance(record, Event):
        return _event_link(record)
    return render.text(record.title if isinstance(record, Source) else name_of(record),
                       "facts-title")


class EstimatesDirective(FactsDirective):
    """Every estimate of one figure, with who gives it; the first is the headline value."""

    argument = ("a figure id", "figures")
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}

    def select(self, pick: Picker) -> Any:
        return pick.record(("figures",), self.arguments[0])

    def render(self, figure: Any, view: View) -> list[nodes.Node]:
        rows: list[tuple[str, Sequence[Cell]]] = []
        for i, e in enumerate(figure.estimates):
            shown = format_estimate(e, figure.unit)
            value = (render.value(figure) if i == 0 else
                     render.text(shown, "facts-alternative"))
            rows.append(("", [[value], [nodes.Text(e.by + (" (headline)" if i == 0 else ""))],
                              [render.cite(view, e.sources)]]))
        node = render.table([("Figure", 3), ("According to", 5), ("Sources", 2)], rows,
                            caption=figure.label, anchor=f"figure-{figure.id}",
                            classes=["facts-estimates"])
        return [node]
