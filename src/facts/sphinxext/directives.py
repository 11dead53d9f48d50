"""Directives that print whole views of the data: timeline, tables, sources, evidence, corrections.

Each ``run()`` looks records up, records what the page used (for incremental rebuilds), and hands
plain docutils nodes back from :mod:`._render`.  A malformed invocation raises ``self.error``; a
reference to data that does not exist warns with the page location and the closest known ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from facts import evidence
from facts.dates import PartialDate
from facts.ids import closest
from facts.model import (
    CORRECTION_KINDS,
    DIMENSION_LABELS,
    DIMENSIONS,
    LEAN_LABELS,
    SOURCE_KINDS,
    TOPICS,
    Dataset,
    Event,
    Table,
)
from facts.sphinxext import _render
from facts.sphinxext.domain import FactsDomain, facts_domain
from facts.text import format_estimate

logger = logging.getLogger(__name__)


def _choices(options: Sequence[str]) -> Callable[[str | None], tuple[str, ...]]:
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


def _date(argument: str | None) -> PartialDate:
    return PartialDate.parse((argument or "").strip())


class FactsMixin:
    """Look-ups and located warnings shared by the directives and the roles."""

    env: Any
    get_location: Callable[[], str]

    @property
    def domain(self) -> FactsDomain:
        return facts_domain(self.env)

    @property
    def data(self) -> Dataset:
        return self.domain.dataset

    def use(self, *record_ids: str) -> None:
        self.domain.note_use(self.env.docname, record_ids)

    def warn(self, message: str, subtype: str) -> None:
        logger.warning(message, location=self.get_location(), type="facts", subtype=subtype)

    def known(self, record_id: str, kind: str, pool: dict[str, Any]) -> bool:
        """True if ``record_id`` is in ``pool``; otherwise warn, naming the closest ids."""
        if record_id in pool:
            return True
        self.warn(f"unknown {kind} {record_id!r}{closest(record_id, pool)}", "unknown-id")
        return False


class FactsDirective(FactsMixin, SphinxDirective):
    def finish(self, node: nodes.Element) -> list[nodes.Node]:
        self.set_source_info(node)
        self.add_name(node)
        return [node]


class TimelineDirective(FactsDirective):
    """Events in date order, filtered by topic and date range.

    ``:visual:`` adds the drawn timeline in HTML; every builder gets the table.
    """

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "topics": _choices(TOPICS),
        "since": _date,
        "until": _date,
        "visual": directives.flag,
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        since: PartialDate | None = self.options.get("since")
        until: PartialDate | None = self.options.get("until")
        if since and until and until.last_day() < since.first_day():
            raise self.error(f":until: {until} is before :since: {since}")
        ids = self.domain.note_query(self.env.docname, "timeline",
                                     self.options.get("topics", TOPICS),
                                     since.iso() if since else "", until.iso() if until else "")
        events = [self.data.events[i] for i in ids]
        if not events:
            self.warn("no events match this timeline's filters", "empty")
            return []
        self.use(*(e.id for e in events))
        document = self.state.document
        rows = []
        for event in events:
            # An event listed twice on one page is anchored once.
            anchor = "" if f"event-{event.id}" in document.ids else f"event-{event.id}"
            if anchor:
                self.domain.note_target("event", event.id, self.env.docname, anchor, len(events))
            rows.append((anchor, self._cells(event)))
        table = _render.table([("Date", 3), ("Event", 8), ("Sources", 3)], rows,
                              classes=["facts-timeline", *self.options.get("class", [])])
        for row in table.findall(nodes.row):
            for anchor in row["ids"]:
                document.ids[anchor] = row
        if "visual" in self.options:
            table["facts_visual"] = [e.id for e in events]
        return self.finish(table)

    def _cells(self, event: Event) -> list[_render.Cell]:
        return [
            [_render.date(event.date, event.end)],
            [_render.paragraph(nodes.strong(event.title, event.title)),
             _render.paragraph(nodes.Text(event.statement))],
            [_render.cite(self.data, event.sources)],
        ]


class TableDirective(FactsDirective):
    """A table held in the data (``data/tables/<id>.toml``)."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        table_id = self.arguments[0]
        if not self.known(table_id, "table", self.data.tables):
            return []
        table: Table = self.data.tables[table_id]
        self.use(table_id, *(f for row in table.rows for f in row.facts))
        headers = [(c.label, c.width) for c in table.columns]
        rows = [("", [self._cell(col.kind, col.key, row) for col in table.columns])
                for row in table.rows]
        node = _render.table(headers, rows, caption=table.caption, anchor=f"table-{table_id}",
                             classes=[f"facts-table-{table_id}", *self.options.get("class", [])])
        return self.finish(node)

    def _cell(self, kind: str, key: str, row: Any) -> _render.Cell:
        if kind == "date":
            dated = self.data.dated()
            spans = [(dated[f].date, getattr(dated[f], "end", None)) for f in row.facts]
            cell: list[nodes.Node] = []
            for i, (start, end) in enumerate(spans):
                if i:
                    cell.append(nodes.Text("; "))
                cell.append(_render.date(start, end))
            return cell
        if kind == "sources":
            ids = dict.fromkeys(s for f in row.facts for s in self.data.sources_of(f))
            return [_render.cite(self.data, ids)]
        return [nodes.Text(row.cell(key))]


class SourcesDirective(FactsDirective):
    """The bibliography: one anchored entry per source, sorted, with how many facts it supports."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "kinds": _choices(SOURCE_KINDS),
        "name": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        kinds = self.options.get("kinds", SOURCE_KINDS)
        listed = self.domain.note_query(self.env.docname, "sources", kinds)
        if not listed:
            self.warn("no sources of these kinds", "empty")
            return []
        self.use(*(sid for sid, _ in listed))
        items = []
        for sid, count in listed:
            source = self.data.sources[sid]
            anchor = f"source-{source.id}"
            self.domain.note_target("source", source.id, self.env.docname, anchor, len(listed))
            link = nodes.reference(source.title, source.title, refuri=source.url,
                                   classes=["facts-source-title"])
            body: list[nodes.Node] = [
                nodes.Text(f"{source.publisher}. "),
                link, nodes.Text(". "),
            ]
            if source.published:
                body += [nodes.Text("Published "), _render.date(source.published),
                         nodes.Text("; ")]
            body += [nodes.Text("accessed "), _render.date(PartialDate.from_date(source.accessed)),
                     nodes.Text(". "),
                     nodes.Text(f"Supports {count} fact{'s' if count != 1 else ''}.")]
            items.append((anchor, body))
        return self.finish(_render.bullet_list(items, "facts-sources"))


class EvidenceDirective(FactsDirective):
    """Azerbaijan's actions and statements on one dimension, each marked with its lean."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "dimension": lambda arg: directives.choice(arg, DIMENSIONS),
        "name": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        dimension = self.options.get("dimension", "")
        ids = self.domain.note_query(self.env.docname, "evidence", dimension)
        found = [self.data.events[i] for i in ids]
        if not found:
            self.warn(f"no evidence for dimension {dimension!r}", "empty")
            return []
        self.use(*(e.id for e in found))
        rows: list[tuple[str, list[_render.Cell]]] = []
        for event in found:
            assert event.evidence is not None
            lean = event.evidence.lean
            rows.append(("", [
                [_render.date(event.date, event.end)],
                [_render.paragraph(nodes.strong(event.title, event.title)),
                 _render.paragraph(nodes.Text(event.evidence.reason))],
                [_render.text(LEAN_LABELS[lean], "facts-lean", f"facts-lean-{lean}")],
                [_render.cite(self.data, event.sources, event.id)],
            ]))
        headers = [("Date", 3), ("Action or statement", 8), ("Leans", 2), ("Sources", 3)]
        return self.finish(_render.table(headers, rows, classes=["facts-evidence"]))


class TallyDirective(FactsDirective):
    """Counts per dimension and lean, and the lean each dimension gets by the stated rule."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        tally = self.domain.note_query(self.env.docname, "tally")
        rows: list[tuple[str, list[_render.Cell]]] = []
        for dim, counts in tally.items():
            lean = evidence.dimension_lean(counts)
            rows.append(("", [
                [nodes.Text(DIMENSION_LABELS[dim])],
                *([nodes.Text(str(counts[k]))] for k in LEAN_LABELS),
                [_render.text(LEAN_LABELS[lean], "facts-lean", f"facts-lean-{lean}")],
            ]))
        headers = [("Dimension", 4), *((label, 2) for label in LEAN_LABELS.values()),
                   ("Dimension leans", 3)]
        return self.finish(_render.table(headers, rows, classes=["facts-tally"]))


class AnswerDirective(FactsDirective):
    """The short answer from ``site.toml``, checked against the evidence."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        computed, answer = self.domain.note_query(self.env.docname, "verdict")
        self.env.note_dependency(self.data.root / "site.toml")
        if computed != answer.lean:
            self.warn(f"the short answer leans {answer.lean!r} but the evidence leans "
                      f"{computed!r}; update [answer] in site.toml", "answer")
        box = nodes.container(classes=["facts", "facts-answer", f"facts-lean-{answer.lean}"])
        box += _render.paragraph(_render.text(answer.headline, "facts-headline"))
        box += _render.paragraph(nodes.Text(answer.summary))
        return self.finish(box)


class CorrectionsDirective(FactsDirective):
    """Corrections, clarifications and updates, newest first.

    ``:of: article`` lists what the original article got wrong; ``:of: site`` lists changes to
    facts this site published.  ``:topics:`` keeps the entries on those topics.  ``:empty:`` gives
    the text to show when nothing matches
    (otherwise an empty list warns).
    """

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "kinds": _choices(CORRECTION_KINDS),
        "of": lambda arg: directives.choice(arg, ("article", "site")),
        "topics": _choices(TOPICS),
        "empty": directives.unchanged_required,
        "name": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        kinds = self.options.get("kinds", CORRECTION_KINDS)
        ids = self.domain.note_query(self.env.docname, "corrections", kinds,
                                     self.options.get("of", ""), self.options.get("topics", ()))
        chosen = sorted((self.data.corrections[i] for i in ids),
                        key=lambda c: (-c.date.toordinal(), c.id))
        if not chosen:
            if "empty" in self.options:  # an expected empty list says so in the page
                return self.finish(_render.paragraph(nodes.Text(self.options["empty"])))
            self.warn("no corrections of these kinds", "empty")
            return []
        items = []
        for corr in chosen:
            self.use(corr.id, *corr.facts)
            body: list[nodes.Node] = [
                _render.paragraph(
                    nodes.strong(corr.kind.capitalize(), corr.kind.capitalize()), nodes.Text(", "),
                    _render.date(PartialDate.from_date(corr.date)), nodes.Text(".")),
            ]
            if corr.article_said:
                body.append(_render.paragraph(
                    nodes.Text(f"The original article said: “{corr.article_said}”")))
            if corr.previous:
                body.append(_render.paragraph(nodes.Text(f"Previously: {corr.previous}")))
            sources = dict.fromkeys(s for f in corr.facts for s in self.data.sources_of(f))
            body.append(_render.paragraph(nodes.Text(corr.statement),
                                          nodes.Text(" "), _render.cite(self.data, sources)))
            items.append((f"correction-{corr.id}", body))
        return self.finish(_render.bullet_list(items, "facts-corrections"))


class EstimatesDirective(FactsDirective):
    """Every estimate of one figure, with who gives it."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        figure_id = self.arguments[0]
        if not self.known(figure_id, "figure", self.data.figures):
            return []
        figure = self.data.figures[figure_id]
        self.use(figure_id)
        rows: list[tuple[str, list[_render.Cell]]] = [
            ("", [[nodes.Text(format_estimate(e, figure.unit))], [nodes.Text(e.by)],
                  [_render.cite(self.data, e.sources)]])
            for e in figure.estimates]
        node = _render.table([("Figure", 3), ("According to", 5), ("Sources", 3)], rows,
                             caption=figure.label, anchor=f"figure-{figure_id}",
                             classes=["facts-estimates"])
        return self.finish(node)


class DownloadsDirective(FactsDirective):
    """Links to the dataset as JSON (with its schema) and CSV, written by the HTML build."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}
    DESCRIPTIONS: ClassVar[dict[str, str]] = {
        "facts.json": "every event, figure, source and correction, with the short answer",
        "facts.schema.json": "the JSON Schema that facts.json follows",
        "events.csv": "one row per event",
        "figures.csv": "one row per estimate of each figure",
        "sources.csv": "one row per source",
    }

    def run(self) -> list[nodes.Node]:
        items = []
        for name, description in self.DESCRIPTIONS.items():
            xref = addnodes.pending_xref("", refdomain="facts", reftype="download",
                                         reftarget=name, refexplicit=True)
            xref += nodes.literal(name, name)
            items.append(("", [xref, nodes.Text(f": {description}.")]))
        return self.finish(_render.bullet_list(items, "facts-downloads"))


DIRECTIVES: dict[str, type[FactsDirective]] = {
    "downloads": DownloadsDirective,
    "timeline": TimelineDirective,
    "table": TableDirective,
    "sources": SourcesDirective,
    "evidence": EvidenceDirective,
    "tally": TallyDirective,
    "answer": AnswerDirective,
    "corrections": CorrectionsDirective,
    "estimates": EstimatesDirective,
}
