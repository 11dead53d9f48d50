"""The extension's own nodes, each with a visitor per output format.

Data reaches the output only as text nodes inside these, so escaping is the writers' job:

* :class:`time` — a date; ``<time datetime>`` in HTML, plain text elsewhere;
* :class:`marker` — a citation marker, numbered per page (:class:`NumberMarkers`): a
  superscript number in HTML and LaTeX, ``[n]`` in text.  In HTML it carries what it points to
  (publisher, title, date) as ``data-tip``, which the stylesheet shows on hover and keyboard
  focus, and its link carries the same text as its ``title`` for assistive technology; the
  description is not page text, so it stays out of search and word counts;
* :class:`collapsible` — content collapsed under a summary line in HTML (``<details>``);
* :class:`celllabel` — a cell's column name, shown by the phone layout of tables, left out
  elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator


class time(nodes.inline):  # noqa: N801 -- docutils node classes are lowercase
    """An inline date that HTML writes as ``<time datetime>``."""


class marker(nodes.inline):  # noqa: N801
    """A citation marker; its number is set per page."""


class collapsible(nodes.General, nodes.Element):  # noqa: N801
    """Content that HTML shows collapsed under a one-line ``summary``; other formats show it
    as it is."""


def _visit_collapsible_html(self: HTML5Translator, node: collapsible) -> None:
    self.body.append(self.starttag(node, "details", "", CLASS="facts-more"))
    self.body.append(f"<summary>{self.encode(node['summary'])}</summary>")


def _depart_collapsible_html(self: HTML5Translator, node: collapsible) -> None:
    self.body.append("</details>")


def _visit_collapsible_other(self: Any, node: collapsible) -> None:
    pass


class celllabel(nodes.inline):  # noqa: N801
    """A table cell's column name, for the stacked phone layout."""


def _visit_time(self: HTML5Translator, node: time) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def _depart_time(self: HTML5Translator, node: time) -> None:
    self.body.append("</time>")


def _visit_marker_html(self: HTML5Translator, node: marker) -> None:
    attrs: dict[str, Any] = {"data-tip": node.get("tip", "")}
    self.body.append(self.starttag(node, "sup", "", CLASS="facts-marker", **attrs))
    self.body.append(self.encode(str(node.get("number", "?"))))
    self.body.append("</sup>")
    raise nodes.SkipNode


def _visit_marker_latex(self: LaTeXTranslator, node: marker) -> None:
    self.body.append(r"\textsuperscript{" + self.encode(str(node.get("number", "?"))) + "}")
    raise nodes.SkipNode


def _visit_marker_text(self: TextTranslator, node: marker) -> None:
    self.add_text(f"[{node.get('number', '?')}]")
    raise nodes.SkipNode


def _visit_label_html(self: HTML5Translator, node: celllabel) -> None:
    attrs: dict[str, Any] = {"aria-hidden": "true"}
    self.body.append(self.starttag(node, "span", "", CLASS="facts-label", **attrs))


def _depart_label_html(self: HTML5Translator, node: celllabel) -> None:
    self.body.append("</span>")


def _skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


class HtmlTimes(SphinxPostTransform):
    """Turn dated inlines into :class:`time` nodes, for HTML builders only."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.inline)):
            if "datetime" in node and not isinstance(node, time):
                node.replace_self(time(node.rawsource, "", *node.children, **node.attributes))


class OneIdPerTable(SphinxPostTransform):
    """Furo wraps each table in a container and copies every attribute to it, ids included, so
    a table with an anchor would have its id twice on the page; the table keeps it."""

    default_priority = 510  # after Furo's wrapping (500)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            inner = wrapper.children[0] if wrapper.children else None
            if "table-wrapper" in wrapper["classes"] and isinstance(inner, nodes.table):
                shared = set(inner["ids"])
                wrapper["ids"] = [i for i in wrapper["ids"] if i not in shared]


class NumberMarkers(SphinxTransform):
    """Number the citation markers of a page in reading order (all formats)."""

    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        for number, node in enumerate(self.document.findall(marker), 1):
            node["number"] = number


def setup_nodes(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(time, html=(_visit_time, _depart_time))
    app.add_node(marker, html=(_visit_marker_html, None), latex=(_visit_marker_latex, None),
                 text=(_visit_marker_text, None), man=(_visit_marker_text, None),
                 texinfo=(_visit_marker_text, None))
    app.add_node(celllabel, html=(_visit_label_html, _depart_label_html), latex=skip, text=skip,
                 man=skip, texinfo=skip)
    other = (_visit_collapsible_other, _visit_collapsible_other)
    app.add_node(collapsible, html=(_visit_collapsible_html, _depart_collapsible_html),
                 latex=other, text=other, man=other, texinfo=other, markdown=other)
    app.add_post_transform(HtmlTimes)
    app.add_post_transform(OneIdPerTable)
    app.add_transform(NumberMarkers)
