"""The corrections directive: what the original article got wrong, and every change of
substance to a fact this site has published."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from facts.dates import PartialDate
from facts.sphinxext import render
from facts.sphinxext._base import FactsDirective, Picker, View
from facts.sphinxext.listings import choices, fact_link
from facts.vocabulary import CORRECTION_KINDS, TOPICS


class CorrectionsDirective(FactsDirective):
    """Corrections, clarifications and updates, newest first.

    ``:of: article`` lists what the original article got wrong; ``:of: site`` lists changes to
    facts this site published.  ``:topics:`` keeps the entries on those topics.  ``:empty:`` gives
    the text to show when nothing matches (otherwise an empty list warns).
    """

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "kinds": choices(CORRECTION_KINDS),
        "of": lambda arg: directives.choice(arg, ("article", "site")),
        "topics": choices(TOPICS),
        "empty": directives.unchanged_required,
        "collapsed": directives.unchanged_required,
        "name": directives.unchanged,
    }

    def select(self, pick: Picker) -> Any:
        ids = pick.query("corrections", self.options.get("kinds", CORRECTION_KINDS),
                         self.options.get("of", ""), self.options.get("topics", ()))
        chosen = sorted((pick.data.corrections[i] for i in ids),
                        key=lambda c: (-c.date.toordinal(), c.id))
        for corr in chosen:
            for fid in corr.facts:
                pick.record(("events", "figures", "tables", "sources"), fid)
        if not chosen and "empty" not in self.options:
            self.warn("no corrections of these kinds", "empty")
            return None
        return chosen

    def render(self, chosen: list[Any], view: View) -> list[nodes.Node]:
        if not chosen:  # an expected empty list says so in the page
            return [render.paragraph(nodes.Text(self.options["empty"]))]
        items = []
        for corr in chosen:
            kind = corr.kind.capitalize()
            body: list[nodes.Node] = [render.paragraph(
                nodes.strong(kind, kind), nodes.Text(", "),
                render.date(PartialDate.from_date(corr.date)), nodes.Text("."))]
            if corr.article_said:
                body.append(render.paragraph(
                    nodes.Text(f"The original article said: “{corr.article_said}”")))
            if corr.previous:
                body.append(render.paragraph(nodes.Text(f"Previously: {corr.previous}")))
            if corr.article_said or len(corr.facts) == 1:
                sources = dict.fromkeys(s for f in corr.facts for s in view.sources_of(f))
                body.append(render.paragraph(nodes.Text(corr.statement),
                                             render.cite(view, sources)))
            else:  # a change to several of the site's records: each with its own sources
                body += [render.paragraph(nodes.Text(corr.statement)), render.bullet_list(
                    [("", [fact_link(view.get_any(f)), render.cite(view, view.sources_of(f))])
                     for f in corr.facts], "facts-corrected")]
            items.append((f"correction-{corr.id}", body))
        listing = render.bullet_list(items, "facts-corrections")
        return self.collapse([listing], len(items))

