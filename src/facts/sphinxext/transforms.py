"""Page-wide additions and the HTML-only enrichment of the plain nodes.

* every page opens with the date its facts were checked, and names its facts that are due for
  review (``doctree-read``, so all builders show it);
* in HTML, dates become ``<time datetime="…">`` (a post-transform limited to HTML builders, so
  other formats keep the plain text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from facts.dates import PartialDate
from facts.model import name_of
from facts.sphinxext import _render
from facts.sphinxext.domain import facts_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


class time(nodes.inline):  # noqa: N801 -- docutils node classes are lowercase
    """An inline date that HTML writes as ``<time datetime>``."""


def visit_time(self: HTML5Translator, node: time) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def depart_time(self: HTML5Translator, node: time) -> None:
    self.body.append("</time>")


class HtmlTimes(SphinxPostTransform):
    """Turn dated inlines into :class:`time` nodes, for HTML builders only."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.inline)):
            if "datetime" in node and not isinstance(node, time):
                replacement = time(node.rawsource, "", *node.children, **node.attributes)
                node.replace_self(replacement)


def add_page_status(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: the as-of line, and the page's facts that are due for review."""
    domain = facts_domain(app.env)
    data = domain.dataset
    docname = app.env.docname
    app.env.note_dependency(data.root / "site.toml")
    box = nodes.container(classes=["facts", "facts-status"])
    box += _render.paragraph(nodes.Text("Facts checked as of "),
                             _render.date(PartialDate.from_date(data.site.as_of)),
                             nodes.Text("."))
    due = data.due(domain.today, domain.uses.get(docname, ()))
    if due:
        box += _render.paragraph(
            nodes.Text("Due for review: " + "; ".join(map(name_of, due)) + "."),
            classes=["facts-due"])
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        doctree.insert(0, box)
        return
    title = next(iter(section.findall(nodes.title)), None)
    section.insert(section.index(title) + 1 if title is not None else 0, box)
