"""Page-wide additions, on every builder: the date a page's facts were checked, and the facts
on it that are due for review; and the record of which citations a page makes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from facts.dates import PartialDate
from facts.model import name_of
from facts.sphinxext import render
from facts.sphinxext.domain import facts_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def add_page_status(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: the as-of line, and the page's facts that are due for review."""
    domain = facts_domain(app.env)
    data = domain.dataset
    docname = app.env.docname
    domain.note_use(docname, ["site"])
    box = nodes.container(classes=["facts", "facts-status"])
    box += render.paragraph(nodes.Text("Facts checked as of "),
                            render.date(PartialDate.from_date(data.site.as_of)),
                            nodes.Text("."))
    due = data.due(domain.today, domain.uses.get(docname, ()))
    if due:
        box += render.paragraph(
            nodes.Text("Due for review: " + "; ".join(map(name_of, due)) + "."),
            classes=["facts-due"])
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        doctree.insert(0, box)
        return
    title = next(iter(section.findall(nodes.title)), None)
    section.insert(section.index(title) + 1 if title is not None else 0, box)


def note_links(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: the records this page links to, so that it is written again when one
    of them moves to another page."""
    domain = facts_domain(app.env)
    for xref in doctree.findall(addnodes.pending_xref):
        if xref.get("refdomain") == "facts" and xref.get("reftype") in {"event", "source"}:
            domain.note_link(app.env.docname, xref["reftype"], xref["reftarget"])


def setup_status(app: Sphinx) -> None:
    app.connect("doctree-read", add_page_status)
    app.connect("doctree-read", note_links)
