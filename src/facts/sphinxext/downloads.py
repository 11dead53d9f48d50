"""The dataset in the site's ``data/`` folder, links to it, and the extension's static files.

Download links are ``facts:download`` references that the domain leaves unresolved; they are
resolved here on ``missing-reference``: relative on the site, absolute from other formats.
Files are written only when their content changes, so a no-op build writes none of them.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.osutil import relative_uri

from facts import export
from facts.sphinxext.domain import facts_domain

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: builders whose output folder is the published site
SITE_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})
DATA_DIR = "data"
STATIC = Path(__file__).parent / "static"
STATIC_FILES = ("facts.css", "facts-cite.js")


def resolve_download(app: Sphinx, env: BuildEnvironment, node: pending_xref,
                     contnode: nodes.Element) -> nodes.reference | None:
    """``missing-reference``: a link to a download file."""
    if node.get("refdomain") != "facts" or node.get("reftype") != "download":
        return None
    name = node["reftarget"]
    builder = app.builder
    if builder.name in SITE_BUILDERS:
        uri = relative_uri(builder.get_target_uri(node["refdoc"]), f"{DATA_DIR}/{name}")
    else:
        uri = f"{builder.config.html_baseurl.rstrip('/')}/{DATA_DIR}/{name}"
    ref = nodes.reference("", "", internal=False, refuri=uri)
    ref += contnode
    return ref


def write_downloads(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the dataset into the site's ``data/`` folder.  When neither
    the data nor the files written last time changed (a stamp in the doctree folder says), the
    export is not even computed."""
    if exception is not None or app.builder.name not in SITE_BUILDERS:
        return
    domain = facts_domain(app.env)
    folder = Path(app.outdir) / DATA_DIR
    stamp = Path(app.doctreedir) / "facts-downloads.stamp"

    def state() -> str:
        files = [(name, (folder / name).stat().st_mtime_ns) if (folder / name).is_file()
                 else (name, None) for name in export.FILES]
        return repr((domain.fingerprint, files))

    if stamp.is_file() and stamp.read_text(encoding="utf-8") == state():
        return
    export.write(domain.dataset, folder)
    stamp.write_text(state(), encoding="utf-8")


def copy_static(app: Sphinx) -> None:
    """``builder-inited``: the extension's CSS and script, copied into ``_static`` before any
    page is written (pages link them with a checksum of their content)."""
    if app.builder.format != "html":
        return
    target = app.outdir / "_static"
    target.mkdir(parents=True, exist_ok=True)
    for name in STATIC_FILES:
        source, dest = STATIC / name, target / name
        if not dest.is_file() or dest.read_bytes() != source.read_bytes():
            shutil.copyfile(source, dest)


def setup_downloads(app: Sphinx) -> None:
    app.add_css_file("facts.css")
    app.connect("builder-inited", copy_static)
    app.connect("missing-reference", resolve_download)
    app.connect("build-finished", write_downloads)
