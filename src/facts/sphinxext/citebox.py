""""Cite this section": a one-line box at the end of each section that has text of its own.

It gives the section's permalink pinned to the released version (``facts_cite_url``, with
``{version}``) and copyable plain-text, BibTeX and CSL-JSON citations.  It is a node with an HTML
visitor (a collapsed ``<details>``); other formats leave it out.  It carries the ``no-search``
class, so Sphinx's search index skips it, and it comes after the section's text, so search
snippets start with the text.  Pages listed in ``facts_cite_skip`` get no boxes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from facts.dates import PartialDate
from facts.sphinxext.domain import facts_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

STATIC = Path(__file__).parent / "static"


class citebox(nodes.General, nodes.Element):  # noqa: N801 -- docutils node classes are lowercase
    """A citation box: ``url`` and ``formats`` (label -> text) as attributes."""


def citation_formats(*, author: str, site: str, page: str, section: str, version: str,
                     as_of: PartialDate, url: str, key: str) -> dict[str, str]:
    """Plain text, BibTeX and CSL-JSON citations of one section."""
    title = section if section == page else f"{page}: {section}"
    checked = as_of.display()
    text = f"{author}. “{title}.” {site}, version {version}, facts as of {checked}. {url}"
    bibtex = "\n".join([
        f"@online{{{key},",
        f"  author = {{{{{author}}}}},",
        f"  title = {{{title}}},",
        f"  organization = {{{site}}},",
        f"  version = {{{version}}},",
        f"  date = {{{as_of.iso()}}},",
        f"  url = {{{url}}},",
        f"  note = {{Facts as of {checked}}},",
        "}",
    ])
    csl = json.dumps({
        "id": key, "type": "webpage", "title": title, "container-title": site,
        "author": [{"literal": author}], "version": version, "URL": url,
        "issued": {"date-parts": [[as_of.year, as_of.month or 1, as_of.day or 1]]},
        "note": f"Facts as of {checked}",
    }, ensure_ascii=False, indent=1)
    return {"Plain text": text, "BibTeX": bibtex, "CSL-JSON": csl}


def has_own_text(section: nodes.section) -> bool:
    """True if the section has a paragraph of its own, not only subsections or cards."""
    return any(isinstance(child, nodes.paragraph) for child in section.children)


def add_cite_boxes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: a box at the end of each labelled section with text of its own
    (HTML only)."""
    config = app.config
    if (not config.facts_cite_url or app.builder.format != "html"
            or docname in config.facts_cite_skip):
        return
    base = config.facts_cite_url.format(version=config.version)
    page_uri = app.builder.get_target_uri(docname)
    as_of = PartialDate.from_date(facts_domain(app.env).dataset.site.as_of)
    sections = list(doctree.findall(nodes.section))
    first = sections[0].next_node(nodes.title) if sections else None
    page_title = first.astext() if first is not None else docname
    for number, section in enumerate(sections):
        title = section.next_node(nodes.title)
        if title is None or not section["ids"] or not has_own_text(section):
            continue
        anchor = section["ids"][0]
        url = f"{base}{page_uri}" + ("" if number == 0 else f"#{anchor}")
        formats = citation_formats(
            author=config.author, site=config.project, page=page_title,
            section=title.astext(), version=config.version, as_of=as_of, url=url,
            key=f"{config.facts_cite_key}-{anchor}")
        box = citebox(url=url, formats=formats, anchor=anchor, whole_page=number == 0,
                      classes=["no-search"])
        subsection = next((i for i, c in enumerate(section.children)
                           if isinstance(c, nodes.section)), len(section.children))
        section.insert(subsection, box)


def visit_citebox(self: HTML5Translator, node: citebox) -> None:
    what = "page" if node["whole_page"] else "section"
    self.body.append(self.starttag(node, "details", "", CLASS="facts facts-cite-box"))
    self.body.append(f"<summary>Cite this {what}</summary>")
    url = self.encode(node["url"])
    self.body.append(f'<p>Link to this version: <a class="facts-pinned" href="{url}">{url}</a>'
                     "</p>")
    for label, text in node["formats"].items():
        block = f"cite-{node['anchor']}-{label.lower().replace(' ', '-')}"
        self.body.append(
            f'<div class="facts-cite-format"><span class="facts-cite-label">{label}</span>'
            f'<button type="button" class="facts-copy" data-copy="{block}" '
            f'aria-label="Copy the {label} citation">Copy</button>'
            f'<pre id="{block}" tabindex="0">{self.encode(text)}</pre></div>')
    self.body.append("</details>")
    raise nodes.SkipNode


def skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup_citebox(app: Sphinx) -> None:
    app.add_config_value("facts_cite_url", "", "html", types=frozenset({str}))
    app.add_config_value("facts_cite_key", "facts", "html", types=frozenset({str}))
    app.add_config_value("facts_cite_skip", [], "html", types=frozenset({list, tuple}))
    app.add_node(citebox, html=(visit_citebox, None), latex=(skip, None), text=(skip, None),
                 man=(skip, None), texinfo=(skip, None))
    app.connect("doctree-resolved", add_cite_boxes)
    app.add_js_file("facts-cite.js", loading_method="defer")
