"""Compiled page templates kept between builds.

Sphinx compiles the theme's Jinja templates anew in every build, about a tenth of a second, most
of a rebuild that changes nothing.  Jinja's bytecode cache keeps them in the doctree folder,
keyed by template name and source checksum, so an edited template is compiled again and the
output never changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache

from facts.sphinxext.sitemap import SITE_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def cache_templates(app: Sphinx) -> None:
    """``builder-inited``: give the HTML builder's Jinja environment a bytecode cache on disk
    (only the site's own builders: the other formats share its doctrees and leave them be)."""
    if app.builder.name not in SITE_BUILDERS:
        return
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is not None and environment.bytecode_cache is None:
        folder = app.doctreedir / "facts-templates"
        folder.mkdir(parents=True, exist_ok=True)
        environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def setup_templates(app: Sphinx) -> None:
    app.connect("builder-inited", cache_templates)
