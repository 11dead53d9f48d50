"""Directives that show the evidence and the answer it gives (see :mod:`facts.evidence`).

``answer``       the short answer: headline and one sentence per dimension, with its lean
``findings``     one row per dimension: what it counts, its finding, its lean
``evidence``     one dimension: its universe, rule and finding, its items and its gaps
``sensitivity``  which dimensions decide the answer, and what would change each
``case``         the strongest case that Baku leans toward one side, dimension by dimension
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from facts.evidence import ANSWER_RULE, RULES, Finding
from facts.model import Event, Figure
from facts.site_records import Evidence
from facts.sphinxext import render
from facts.sphinxext._base import FactsDirective, Picker, View
from facts.sphinxext.render import Cell
from facts.vocabulary import DIMENSIONS, LEAN_LABELS, SIDES

SIDE_NAMES = {"russia": "Moscow", "ukraine": "Kyiv"}
COUNTRY = {"russia": "Russia", "ukraine": "Ukraine"}


def _dimension_link(dimension: str, title: str) -> addnodes.pending_xref:
    """A link to the section labelled ``evidence-<dimension>``, wherever it is; plain text in
    a project without one (see :meth:`.FactsDomain.resolve_xref`)."""
    xref = addnodes.pending_xref("", refdomain="facts", reftype="dimension",
                                 reftarget=dimension, refexplicit=True)
    xref += nodes.inline(title, title)
    return xref


class AnswerDirective(FactsDirective):
    """The short answer from ``site.toml``; the loader has checked it against the evidence."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}

    def select(self, pick: Picker) -> Any:
        return pick.query("verdict")

    def render(self, selected: Any, view: View) -> list[nodes.Node]:
        (lean, _strength), answer, firmness = selected
        box = nodes.container(classes=["facts", "facts-answer", f"facts-lean-{lean}"])
        box += render.paragraph(render.text(answer.headline, "facts-headline"))
        points = nodes.bullet_list(classes=["facts", "facts-points"])
        for point in answer.points:
            item = nodes.list_item()
            item += render.paragraph(render.lean(point.lean, point.strength), nodes.Text(" "),
                                     nodes.Text(point.text))
            points += item
        box += points
        box += self._firmness(firmness, view)
        return [box]

    @staticmethod
    def _firmness(groups: Any, view: View) -> nodes.paragraph:
        """How firm the answer is: which one dimension leaning neither way would change it."""
        para = render.paragraph(nodes.strong("How firm: ", "How firm: "),
                                classes=["facts-firmness"])
        if not groups:
            para += nodes.Text("no one dimension leaning neither way would change it.")
        for i, ((lean, strength), dims) in enumerate(groups):
            para += nodes.Text("it would read " if i == 0 else "; it would read ")
            para += render.lean(lean, strength)
            para += nodes.Text(" if any one of " if len(dims) > 1 else " if ")
            for j, dim in enumerate(dims):
                if j:
                    para += nodes.Text(" or " if j == len(dims) - 1 else ", ")
                title = view.get("dimensions", dim).title
                para += _dimension_link(dim, title[0].lower() + title[1:])
            para += nodes.Text(" leaned neither way")
        para += nodes.Text(".")
        return para


class FindingsDirective(FactsDirective):
    """What each dimension counts and which way it leans, by its rule."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}

    def select(self, pick: Picker) -> Any:
        return pick.query("findings")

    def render(self, found: tuple[Finding, ...], view: View) -> list[nodes.Node]:
        rows: list[tuple[str, Sequence[Cell]]] = []
        for f in found:
            universe = view.get("dimensions", f.dimension)
            rows.append(("", [
                [render.paragraph(_dimension_link(f.dimension, universe.title))],
                [render.paragraph(render.text(f.summary))],
                [render.lean(f.lean, f.strength)],
            ]))
        return [render.table([("Dimension", 3), ("What the evidence shows", 8), ("Leans", 2)],
                             rows, classes=["facts-findings"])]


class EvidenceDirective(FactsDirective):
    """One dimension: what it counts, how it is weighed, what it shows, every item and every
    member no source settles."""

    argument = ("a dimension", "dimensions")
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}

    def select(self, pick: Picker) -> Any:
        return pick.query("evidence", self.choice_argument("dimension", DIMENSIONS))

    def render(self, selected: Any, view: View) -> list[nodes.Node]:
        f, universe = selected
        out: list[nodes.Node] = [
            render.paragraph(nodes.strong("What counts: ", "What counts: "),
                             render.text(universe.universe)),
            render.paragraph(nodes.strong("How it is weighed: ", "How it is weighed: "),
                             render.text(RULES[f.dimension].sentence)),
            render.paragraph(nodes.strong("Finding: ", "Finding: "), render.lean(f.lean,
                                                                                 f.strength),
                             nodes.Text(" "), render.text(f.summary), nodes.Text(" "),
                             render.text(f.change)),
        ]
        rows: list[tuple[str, Sequence[Cell]]] = []
        everything = [view.get_any(i) for i in f.items]
        for item in everything:
            ev = item.evidence
            title = item.title if isinstance(item, Event) else item.label
            what: list[nodes.Node] = [render.paragraph(nodes.strong(title, title))]
            if isinstance(item, Figure):
                what.append(render.paragraph(render.value(item)))
            what.append(render.paragraph(render.text(ev.reason)))
            cite = (render.cite_event(view, item) if isinstance(item, Event)
                    else render.cite(view, item.sources))
            rows.append(("", [[render.date(item.date, getattr(item, "end", None))],
                              what, [render.text(_recorded(ev) + ". ", "facts-detail"), cite]]))
        if rows:
            noun = "item" if len(rows) == 1 else "items"
            out.append(render.collapsed(
                f"The {len(rows)} {noun}, with their sources",
                render.table([("Date", 2), ("Item", 7), ("Recorded", 3)], rows,
                             classes=["facts-evidence"])))
        if universe.gaps:
            items = [("", [render.text(g.member, "facts-title"), nodes.Text(": "),
                           render.text(g.note)]) for g in universe.gaps]
            out.append(render.collapsed(f"Not settled by any source found ({len(items)})",
                                        render.bullet_list(items, "facts-gaps")))
        return out


def _recorded(ev: Evidence) -> str:  # noqa: PLR0911 -- one case per dimension
    """What the rule reads from an item, in a few words."""
    country = COUNTRY[ev.side]
    match ev.dimension:
        case "un-votes":
            return f"Vote: {ev.vote}"
        case "leaders":
            return f"{ev.counterpart}, {ev.format}"
        case "statements":
            return str(ev.stance).replace("-", " ").capitalize()
        case "agreements":
            count = (f"{ev.documents} document{'s' if ev.documents != 1 else ''}"
                     if ev.documents else "counted as one document")
            return f"With {country}: {ev.instrument}; {count}"
        case "trade":
            return f"{country}, {ev.year}"
        case "energy-transit":
            return f"{country}: {ev.sector}, {ev.status}"
        case "aid":
            return f"To {country}: {ev.delivery}"
        case "arms":
            return f"{str(ev.direction).replace('-', ' ')}: {ev.finding}"
        case _:
            return str(ev.action).replace("-", " ").capitalize()


class SensitivityDirective(FactsDirective):
    """For each dimension: its lean, what would change it, and the answer if it leaned each
    other way.  ``:collapsed: SUMMARY`` shows the table under a one-line summary."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "collapsed": directives.unchanged_required, "name": directives.unchanged}

    def select(self, pick: Picker) -> Any:
        return pick.query("sensitivity")

    def render(self, rows_: Any, view: View) -> list[nodes.Node]:
        rows: list[tuple[str, Sequence[Cell]]] = []
        for row in rows_:
            universe = view.get("dimensions", row.dimension)
            if_other: list[nodes.Node] = []
            for alt, (lean, strength) in row.answers.items():
                if if_other:
                    if_other.append(nodes.Text("; "))
                words = LEAN_LABELS[alt]  # "Toward Russia": the country keeps its capital
                label = ("If it leaned neither way: " if alt == "neither" else
                         f"If it leaned {words[0].lower()}{words[1:]}: ")
                if_other += [nodes.Text(label), render.lean(lean, strength)]
            rows.append(("", [[render.paragraph(_dimension_link(row.dimension, universe.title))],
                              [render.lean(row.lean)],
                              [render.paragraph(render.text(row.change))],
                              [render.paragraph(*if_other)]]))
        decisive = sum(1 for row in rows_ if row.decisive)
        note = render.paragraph(render.text(
            f"{ANSWER_RULE} On the present evidence, {decisive} of the {len(rows_)} dimensions "
            "would change the answer's lean by leaning another way on their own."))
        return [note, *self.collapse([render.table(
            [("Dimension", 3), ("Leans", 2), ("What would change it", 5),
             ("The answer would then be", 4)], rows, classes=["facts-sensitivity"])], len(rows))]


class CaseDirective(FactsDirective):
    """The strongest case that Baku leans toward one side, as those who make it put it, one
    point per dimension, the dimensions that lean that way first.  ``:collapsed: SUMMARY``
    shows the list under a one-line summary."""

    argument = ("a side, russia or ukraine", "")
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "collapsed": directives.unchanged_required, "name": directives.unchanged}

    def select(self, pick: Picker) -> Any:
        side = self.choice_argument("side", SIDES)
        found = pick.query("findings")
        for f in found:
            text = getattr(pick.data.dimensions[f.dimension], f"case_{side}")
            for kind, key in render.token_keys(text):
                if kind != "n":
                    pick.record(("events", "figures"), key)
        return found

    def render(self, found: tuple[Finding, ...], view: View) -> list[nodes.Node]:
        side = self.arguments[0]
        ordered = sorted(found, key=lambda f: (f.lean != side, f.lean == "neither"))
        items = []
        for f in ordered:
            universe = view.get("dimensions", f.dimension)
            text = getattr(universe, f"case_{side}")
            body: list[nodes.Node] = [
                _dimension_link(f.dimension, universe.title), nodes.Text(" "),
                render.lean(f.lean, f.strength), nodes.Text(". "),
                *render.interpolate(text, f.numbers, view),
            ]
            items.append(("", body))
        return self.collapse([render.bullet_list(items, "facts-case")], len(items))


DIRECTIVES: dict[str, type[FactsDirective]] = {
    "answer": AnswerDirective,
    "findings": FindingsDirective,
    "evidence": EvidenceDirective,
    "sensitivity": SensitivityDirective,
    "case": CaseDirective,
}
