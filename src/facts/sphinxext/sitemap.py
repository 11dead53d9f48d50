"""``sitemap.xml`` and ``robots.txt`` pointing at it, for the HTML builders.

The sitemap lists every page of the site (not the search, index and 404 pages, which search
engines should not list), sorted by URL, so that an incremental build writes the same file as a
clean one.  Both files are written only when their text changes, so a build that changed
nothing leaves them as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree

from facts.export import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITE_BUILDERS = frozenset({"html", "dirhtml"})


def write_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: ``sitemap.xml``, one URL per document, at ``html_baseurl``."""
    if (exception is not None or app.builder.name not in SITE_BUILDERS
            or not app.config.html_baseurl):
        return
    base = app.config.html_baseurl.rstrip("/") + "/"
    ElementTree.register_namespace("", SITEMAP_NS)
    out = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for link in sorted(base + app.builder.get_target_uri(doc) for doc in app.env.found_docs):
        url = ElementTree.SubElement(out, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = link
    write_if_changed(app.outdir / "sitemap.xml", '<?xml version="1.0" encoding="utf-8"?>\n'
                     + ElementTree.tostring(out, encoding="unicode") + "\n")


def write_robots(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: ``robots.txt`` that points at the sitemap."""
    if exception is None and app.builder.name in SITE_BUILDERS and app.config.html_baseurl:
        base = app.config.html_baseurl.rstrip("/") + "/"
        write_if_changed(app.outdir / "robots.txt",
                         f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n")


def setup_sitemap(app: Sphinx) -> None:
    app.connect("build-finished", write_sitemap)
    app.connect("build-finished", write_robots)
