"""Sphinx extension that prints the facts data: ``extensions = ["facts.sphinxext"]``.

Directives (MyST: ``:::{facts:timeline}``): ``timeline``, ``table``, ``sources``, ``evidence``,
``tally``, ``answer``, ``corrections``, ``estimates``, ``downloads``.  Roles
(``{facts:date}`id```): ``date``, ``year``, ``value``, ``cite``, ``asof``.  Configuration:

``facts_data_dir``  folder of the data (default: the data shipped in the package)
``facts_today``     ISO date used to flag facts due for review (default: SOURCE_DATE_EPOCH's
                    date, else the data's as-of date; never the wall clock)

The editors' page of the documentation shows every directive and role with its output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facts import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register config values, the domain with its directives and roles, the ``time`` node and
    the HTML post-transform; connect loading, incremental-build and page-status handlers."""
    from facts.sphinxext import (
        directives,
        domain,
        outputs,
        roles,
        transforms,
        visual,
    )

    app.add_config_value("facts_data_dir", None, "env", types=frozenset({str, type(None)}))
    app.add_config_value("facts_today", None, "env", types=frozenset({str, type(None)}))
    app.add_domain(domain.FactsDomain)
    for name, directive in directives.DIRECTIVES.items():
        app.add_directive_to_domain("facts", name, directive)
    for name, role in roles.ROLES.items():
        app.add_role_to_domain("facts", name, role())
    app.add_node(transforms.time, html=(transforms.visit_time, transforms.depart_time))
    app.add_post_transform(transforms.HtmlTimes)
    app.add_post_transform(visual.DrawTimelines)
    app.connect("builder-inited", domain.load_data)
    app.connect("builder-inited", outputs.add_static)
    app.connect("env-get-outdated", domain.get_outdated)
    app.connect("doctree-read", transforms.add_page_status)
    app.connect("build-finished", outputs.write_downloads)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
