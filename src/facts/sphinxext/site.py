"""Site features for citers and search engines: ``extensions = ["facts.sphinxext.site"]``.

"Cite this section" boxes (:mod:`.citebox`), schema.org JSON-LD (:mod:`.json_ld`),
``robots.txt`` with a complete, stably ordered sitemap (:mod:`.sitemap`), and compiled templates
kept between builds (:mod:`.templates`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facts import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    from facts.sphinxext.citebox import setup_citebox
    from facts.sphinxext.json_ld import setup_json_ld
    from facts.sphinxext.sitemap import setup_sitemap
    from facts.sphinxext.templates import setup_templates

    app.setup_extension("facts.sphinxext")
    setup_citebox(app)
    setup_json_ld(app)
    setup_sitemap(app)
    setup_templates(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
