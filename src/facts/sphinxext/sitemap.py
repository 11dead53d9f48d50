"""``robots.txt`` pointing at the sitemap, and a sitemap that lists every page, in one order.

sphinx-sitemap lists only the pages written in the current build, in the order they were
written, so an incremental build would shrink ``sitemap.xml`` and reorder it.  After it runs,
every document is listed and the entries are sorted by URL.  sphinx-sitemap writes the file on
every build; when the result is what the last build wrote, the file gets its old modification
time back, so a build that changed nothing leaves it as it was.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from facts.export import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITE_BUILDERS = frozenset({"html", "dirhtml"})


def _sitemap_path(app: Sphinx) -> Path | None:
    if app.builder.name not in SITE_BUILDERS or "sitemap_filename" not in app.config:
        return None
    return Path(app.outdir) / str(app.config.sitemap_filename)


def remember_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``, before sphinx-sitemap: the last build's sitemap and its mtime."""
    path = _sitemap_path(app)
    app.facts_sitemap = (  # type: ignore[attr-defined]
        (path.read_text(encoding="utf-8"), path.stat().st_mtime_ns)
        if path is not None and path.is_file() else None)


def complete_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``, after sphinx-sitemap: every page, sorted by URL."""
    path = _sitemap_path(app)
    if exception is not None or path is None or not path.is_file():
        return
    base = app.config.html_baseurl.rstrip("/") + "/"
    ElementTree.register_namespace("", SITEMAP_NS)
    root = ElementTree.parse(path).getroot()
    urls = {loc.text or "" for loc in root.iter(f"{{{SITEMAP_NS}}}loc")}
    urls |= {base + app.builder.get_target_uri(doc) for doc in app.env.found_docs}
    out = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for link in sorted(urls):
        url = ElementTree.SubElement(out, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = link
    text = ('<?xml version="1.0" encoding="utf-8"?>\n'
            + ElementTree.tostring(out, encoding="unicode", xml_declaration=False) + "\n")
    write_if_changed(path, text)
    before = getattr(app, "facts_sitemap", None)
    if before is not None and before[0] == text:
        os.utime(path, ns=(before[1], before[1]))


def write_robots(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: ``robots.txt`` that points at the sitemap."""
    if exception is None and app.builder.name in SITE_BUILDERS and app.config.html_baseurl:
        base = app.config.html_baseurl.rstrip("/") + "/"
        write_if_changed(app.outdir / "robots.txt",
                         f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n")


def setup_sitemap(app: Sphinx) -> None:
    app.connect("build-finished", write_robots)
    app.connect("build-finished", remember_sitemap, priority=400)
    app.connect("build-finished", complete_sitemap, priority=600)  # sphinx-sitemap runs at 500
