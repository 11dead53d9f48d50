"""Sphinx extension that prints the facts data: ``extensions = ["facts.sphinxext"]``.

Directives (MyST: ``:::{facts:timeline}``): ``timeline``, ``table``, ``sources``,
``estimates`` (:mod:`.listings`); ``corrections`` (:mod:`.corrections`); ``downloads``,
``project`` (:mod:`.project`); ``dictionary`` (:mod:`.dictionary`); ``answer``, ``findings``,
``evidence``, ``sensitivity``, ``case`` (:mod:`.evidence`).  Roles (``{facts:date}`id```):
``date``, ``year``, ``value``, ``cite``, ``asof``, ``finding`` (:mod:`.roles`).

Configuration:

``facts_data_dir``      folder of the data (default: the data shipped in the package)
``facts_today``         ISO date used to flag facts due for review (default: the date of
                        SOURCE_DATE_EPOCH, else the data's as-of date; never the wall clock)
``facts_homes``         the page where citations of each kind link: ``{"source": "sources",
                        "event": "timeline"}``
``facts_topic_legend``  the drawn timeline's topics: ``{topic: (label, shape)}``
``facts_set_aside``     hide the insides of the extension's tables and lists from transforms
                        that cannot apply to them (default ``True``; the output is the same)

``facts.sphinxext.site`` adds "Cite this section", JSON-LD and the sitemap;
``facts.sphinxext.anchors`` keeps section URLs and the URL contract.  The editors' page of the
documentation shows every directive and role with its output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facts import __version__

if TYPE_CHECKING:
    from docutils.parsers.rst import Directive
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the domain with its directives and roles, the nodes, and the handlers that
    load the data, record dependencies and write the downloads."""
    from facts.sphinxext import corrections, dictionary, evidence, listings, project, roles
    from facts.sphinxext.collector import setup_collector
    from facts.sphinxext.data import setup_data
    from facts.sphinxext.domain import setup_domain
    from facts.sphinxext.downloads import setup_downloads
    from facts.sphinxext.nodes import setup_nodes
    from facts.sphinxext.status import setup_status
    from facts.sphinxext.visual import setup_visual

    setup_data(app)
    setup_domain(app)
    app.add_config_value("facts_repository_url", "", "html", types=frozenset({str}))
    directives: dict[str, type[Directive]] = {
                  "timeline": listings.TimelineDirective, "table": listings.TableDirective,
                  "sources": listings.SourcesDirective,
                  "corrections": corrections.CorrectionsDirective,
                  "estimates": listings.EstimatesDirective,
                  "downloads": project.DownloadsDirective,
                  "project": project.ProjectDirective,
                  "dictionary": dictionary.DictionaryDirective, **evidence.DIRECTIVES}
    for name, directive in directives.items():
        app.add_directive_to_domain("facts", name, directive)
    for name, role in roles.ROLES.items():
        app.add_role_to_domain("facts", name, role())
    setup_nodes(app)
    setup_status(app)
    setup_visual(app)
    setup_downloads(app)
    setup_collector(app)
    return {
        "version": __version__,
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
