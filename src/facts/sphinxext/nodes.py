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

It also sets the insides of those tables and lists aside while transforms that cannot apply to
them run (:func:`set_aside`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import normalize_language_tag
from docutils.utils.smartquotes import educate_tokens, smartchars
from sphinx.transforms import SphinxSmartQuotes, SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import is_smartquotable

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


def set_aside(document: nodes.document) -> None:
    """Detach the insides of the extension's tables and lists until :func:`put_back`.

    Nine in ten of the site's nodes are in them, and most transforms walk the whole tree for
    nodes that never occur there (pending references, footnotes, code, sphinx-design
    components).  Setting them aside for those transforms is most of what makes a build of this
    site quicker than the same pages written by hand; a test builds the site with and without
    it (``facts_set_aside = False``) and compares every file.
    """
    aside: list[tuple[nodes.Element, list[nodes.Node]]] = []
    for node in _blocks(document, inside=False):
        aside.append((node, node.children))
        node.children = []
    document["facts_aside"] = aside


def _blocks(parent: nodes.Element, *, inside: bool) -> Iterator[nodes.Element]:
    """The outermost tables and lists in the extension's output, except a captioned table
    without an id, which Sphinx numbers by its caption."""
    for child in parent.children:
        if not isinstance(child, nodes.Element):
            continue
        ours = inside or "facts" in child["classes"]
        numbered = (isinstance(child, nodes.table) and not child["ids"]
                    and isinstance(child.next_node(), nodes.title))
        if ours and isinstance(child, nodes.bullet_list | nodes.table) and not numbered:
            yield child
        elif not ours or not isinstance(child, nodes.Inline | nodes.TextElement):
            yield from _blocks(child, inside=ours)


def put_back(document: nodes.document) -> list[nodes.Element]:
    """Undo :func:`set_aside`; return the nodes whose insides came back."""
    aside = document.attributes.pop("facts_aside", ())
    for node, children in aside:
        node.children = children
    return [node for node, _ in aside]


class SetAsideWhileReading(SphinxTransform):
    """:func:`set_aside` for the transforms of the reading phase that follow."""

    default_priority = 5  # first

    def apply(self, **kwargs: Any) -> None:
        if self.config.facts_set_aside:
            set_aside(self.document)


class PutBackAfterReading(SphinxTransform):
    """:func:`put_back`, then the smart quotes that were skipped, with Sphinx's settings and
    algorithm: ``educate_tokens`` on each text that has a character it can change, given the
    last character of the text before it in its paragraph, which is all the context that
    algorithm carries from one text to the next."""

    default_priority = 870  # before doctree-read (880), where the domain takes note of links

    def apply(self, **kwargs: Any) -> None:
        back = put_back(self.document)
        quotes = SphinxSmartQuotes(self.document, self.startnode)
        if not quotes.is_available():
            return
        for node in back:
            for block in node.findall(nodes.TextElement):
                if not (isinstance(block, quotes.nodes_to_skip)
                        or isinstance(block.parent, nodes.TextElement)):
                    self._educate(block)

    def _educate(self, block: nodes.TextElement) -> None:
        before, lang = " ", None
        for text in block.findall(nodes.Text):
            value = str(text)
            if _EDUCABLE.search(value) and is_smartquotable(text):
                if lang is None:
                    lang = self._language(block)
                if lang:
                    plain = _ESCAPED.sub(r"\\\1", value)  # as SphinxSmartQuotes.get_tokens
                    tokens = [("literal", before), ("plain", plain)]
                    new = list(educate_tokens(tokens, attr=self.config.smartquotes_action,
                                              language=lang))[1]
                    if new != value:
                        text.parent.replace(text, nodes.Text(new))
            before = value[-1:] or before

    def _language(self, block: nodes.TextElement) -> str:
        lang = block.get_language_code(self.document.settings.language_code)
        return next((tag for tag in normalize_language_tag(lang) if tag in smartchars.quotes), "")


#: what smart quotes can change: quotes, backticks, escapes, dashes, ellipses, &quot;
_EDUCABLE = re.compile(r"['\"`\\]|--|\.\.\.|\. \. \.|&quot;")
_ESCAPED = re.compile(r"(?<=\x00)([-\\'\".`])")


class SetAside(SphinxPostTransform):
    """:func:`set_aside` for the post-transforms that follow; they are put back at
    ``doctree-resolved`` (:func:`put_back_resolved`), before the page is indexed and written.
    The one later post-transform that does apply to them, the theme's wrapper around tables,
    still sees each table."""

    default_priority = 13  # after references (10) and sphinx-design's grafts (11, 12)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if self.config.facts_set_aside:
            set_aside(self.document)


def put_back_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``, after the other handlers (none of which needs the tables):
    :func:`put_back`."""
    put_back(doctree)


class NumberMarkers(SphinxTransform):
    """Number the citation markers of a page in reading order (all formats)."""

    default_priority = 875  # after the tables set aside are back (870)

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
    app.add_post_transform(OneIdPerTable)
    app.add_config_value("facts_set_aside", True, "", types=frozenset({bool}))
    app.add_transform(SetAsideWhileReading)
    app.add_transform(PutBackAfterReading)
    app.add_post_transform(SetAside)
    app.connect("doctree-resolved", put_back_resolved, priority=900)
    app.add_transform(NumberMarkers)
