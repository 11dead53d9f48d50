"""Files the HTML build adds to the site: the extension's CSS and script, and the dataset
download (``data/``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.osutil import relative_uri

from facts import export
from facts.sphinxext.domain import facts_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

#: builders whose output folder is the published site
SITE_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})
DATA_DIR = "data"
STATIC = Path(__file__).parent / "static"
FILES = ("facts.json", export.SCHEMA, *export.CSV_FILES)


def download_uri(builder: Builder, fromdocname: str, name: str) -> str:
    """Link to a download file: relative on the site, absolute from other formats."""
    if builder.name in SITE_BUILDERS:
        return relative_uri(builder.get_target_uri(fromdocname), f"{DATA_DIR}/{name}")
    return f"{builder.config.html_baseurl.rstrip('/')}/{DATA_DIR}/{name}"


def download_reference(builder: Builder, fromdocname: str, name: str,
                       contnode: nodes.Element) -> nodes.reference:
    ref = nodes.reference("", "", internal=False, refuri=download_uri(builder, fromdocname, name))
    ref += contnode
    return ref


def write_downloads(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the dataset into the site's ``data/`` folder."""
    if exception is None and app.builder.name in SITE_BUILDERS:
        export.write(facts_domain(app.env).dataset, app.outdir / DATA_DIR)


def add_static(app: Sphinx) -> None:
    """``builder-inited``: the extension's own CSS and script (no third-party files)."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("facts.css")
        app.add_js_file("facts.js", loading_method="defer")
