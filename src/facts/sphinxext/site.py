"""Site features for citers and search engines: ``extensions = ["facts.sphinxext.site"]``.

* "Cite this section" under every heading, in HTML: a permalink pinned to the released version,
  and copyable plain-text, BibTeX and CSL-JSON citations (an HTML-only post-transform; other
  formats are unchanged);
* schema.org JSON-LD in every page: an ``Article`` dated by the data's as-of date, plus an
  ``Event`` for every event anchored on the page;
* ``robots.txt`` pointing at the sitemap, and a sitemap that lists every page even after an
  incremental build.

``facts_cite_url`` is the base URL of a released version, with ``{version}`` in it.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from facts import __version__
from facts.dates import PartialDate
from facts.sphinxext.domain import facts_domain
from facts.sphinxext.outputs import SITE_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

def citation_formats(*, author: str, site: str, page: str, section: str, version: str,
                     as_of: PartialDate, url: str, key: str) -> dict[str, str]:
    """Plain text, BibTeX and CSL-JSON citations of one section."""
    title = section if section == page else f"{page}: {section}"
    checked = as_of.display()
    text = (f"{author}. “{title}.” {site}, version {version}, facts as of {checked}. {url}")
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


class CiteSections(SphinxPostTransform):
    """Add a "Cite this section" box under each labelled heading (HTML builders only)."""

    default_priority = 210
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        config, env = self.config, self.env
        if not config.facts_cite_url:
            return
        docname = env.docname
        base = config.facts_cite_url.format(version=config.version)
        page_uri = self.app.builder.get_target_uri(docname)
        as_of = PartialDate.from_date(facts_domain(env).dataset.site.as_of)
        sections = list(self.document.findall(nodes.section))
        first = sections[0].next_node(nodes.title) if sections else None
        page_title = first.astext() if first is not None else docname
        for number, section in enumerate(sections):
            title = section.next_node(nodes.title)
            if title is None or not section["ids"]:
                continue
            anchor = section["ids"][0]
            url = f"{base}{page_uri}" + ("" if number == 0 else f"#{anchor}")
            formats = citation_formats(
                author=config.author, site=config.project, page=page_title,
                section=title.astext(), version=config.version, as_of=as_of, url=url,
                key=f"aru-{anchor}")
            raw = nodes.raw("", _cite_box(anchor, url, formats, whole_page=number == 0),
                            format="html")
            section.insert(section.index(title) + 1, raw)


def _cite_box(anchor: str, url: str, formats: dict[str, str], *, whole_page: bool) -> str:
    what = "page" if whole_page else "section"
    parts = [f'<details class="facts facts-cite-box"><summary>Cite this {what}</summary>',
             f'<p>Link to this version: <a class="facts-pinned" href="{html.escape(url)}">'
             f"{html.escape(url)}</a></p>"]
    for label, text in formats.items():
        slug = label.lower().replace(" ", "-")
        block = f"cite-{anchor}-{slug}"
        parts.append(
            f'<div class="facts-cite-format"><span class="facts-cite-label">{label}</span>'
            f'<button type="button" class="facts-copy" data-copy="{block}" '
            f'aria-label="Copy the {label} citation">Copy</button>'
            f'<pre id="{block}" tabindex="0">{html.escape(text)}</pre></div>')
    parts.append("</details>")
    return "".join(parts)


def add_json_ld(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                doctree: nodes.document | None) -> None:
    """``html-page-context``: schema.org ``Article`` (and ``Event`` items) for the page."""
    if doctree is None or not context.get("pageurl"):
        return
    domain = facts_domain(app.env)
    data = domain.dataset
    url = context["pageurl"]
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": html.unescape(context.get("title", "")),
        "url": url,
        "inLanguage": app.config.language or "en",
        "dateModified": data.site.as_of.isoformat(),
        "version": app.config.version,
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "author": {"@type": "Organization", "name": app.config.author},
        "publisher": {"@type": "Organization", "name": app.config.author},
        "isPartOf": {"@type": "WebSite", "name": app.config.project,
                     "url": app.config.html_baseurl},
    }
    events = []
    for key in sorted(domain.targets):
        kind, record_id = key.split(":", 1)
        home = domain.target(kind, record_id)
        if kind != "event" or home is None or home[0] != pagename:
            continue
        event = data.events[record_id]
        item = {"@type": "Event", "name": event.title, "description": event.statement,
                "startDate": event.date.iso(), "url": f"{url}#{home[1]}"}
        if event.end is not None:
            item["endDate"] = event.end.iso()
        events.append(item)
    if events:
        article["about"] = sorted(events, key=lambda e: (e["startDate"], e["url"]))
    payload = json.dumps(article, ensure_ascii=False, separators=(",", ":"))
    context["metatags"] = (context.get("metatags", "")
                           + '<script type="application/ld+json">'
                           + payload.replace("</", "<\\/") + "</script>\n")


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def complete_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``, after sphinx-sitemap: add the pages this build did not rewrite.

    sphinx-sitemap lists the pages written in the current build, so an incremental build would
    shrink ``sitemap.xml`` to the pages it re-read.  Every document belongs in it.
    """
    path = app.outdir / app.config.sitemap_filename if "sitemap_filename" in app.config else None
    if exception is not None or path is None or not path.is_file():
        return
    base = app.config.html_baseurl.rstrip("/") + "/"
    tree = ElementTree.parse(path)
    root = tree.getroot()
    listed = {loc.text for loc in root.iter(f"{{{SITEMAP_NS}}}loc")}
    missing = sorted(base + app.builder.get_target_uri(doc) for doc in app.env.found_docs
                     if base + app.builder.get_target_uri(doc) not in listed)
    if missing:
        for link in missing:
            url = ElementTree.SubElement(root, f"{{{SITEMAP_NS}}}url")
            ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = link
        ElementTree.register_namespace("", SITEMAP_NS)
        tree.write(path, xml_declaration=True, encoding="utf-8", method="xml")


def write_robots(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: ``robots.txt`` that points at the sitemap."""
    if exception is None and app.builder.name in SITE_BUILDERS and app.config.html_baseurl:
        base = app.config.html_baseurl.rstrip("/") + "/"
        (app.outdir / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n", encoding="utf-8")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("facts.sphinxext")
    app.add_config_value("facts_cite_url", "", "html", types=frozenset({str}))
    app.add_post_transform(CiteSections)
    app.connect("html-page-context", add_json_ld)
    app.connect("build-finished", write_robots)
    app.connect("build-finished", complete_sitemap, priority=600)  # sphinx-sitemap runs at 500
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
