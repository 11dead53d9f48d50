"""Directives about the project itself: links to the downloads and to the repository."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from facts import export
from facts.sphinxext import render
from facts.sphinxext._base import FactsDirective, Picker, View


class DownloadsDirective(FactsDirective):
    """Links to the dataset as JSON (with its schema) and CSV, written by the HTML build."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}
    DESCRIPTIONS: ClassVar[dict[str, str]] = {
        "facts.json": "every record, with the short answer",
        export.SCHEMA: "the JSON Schema that facts.json follows, describing every field",
        "events.csv": "one row per event",
        "figures.csv": "one row per estimate of each figure, keyed figure:number",
        "sources.csv": "one row per source",
        "corrections.csv": "one row per correction",
    }

    def select(self, pick: Picker) -> Any:
        return export.FILES

    def render(self, files: Sequence[str], view: View) -> list[nodes.Node]:
        items = []
        for name in files:
            xref = addnodes.pending_xref("", refdomain="facts", reftype="download",
                                         reftarget=name, refexplicit=True)
            xref += nodes.literal(name, name)
            items.append(("", [xref, nodes.Text(f": {self.DESCRIPTIONS[name]}.")]))
        return [render.bullet_list(items, "facts-downloads")]


class ProjectDirective(FactsDirective):
    """Links to the project's repository, issue tracker and citation file
    (``facts_repository_url``), or a note when the build does not know the repository."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}

    def select(self, pick: Picker) -> str:
        return str(self.config.facts_repository_url or "").rstrip("/")

    def render(self, url: str, view: View) -> list[nodes.Node]:
        if not url:
            return [render.paragraph(nodes.Text(
                "The repository's address is given on the published site; this build was made "
                "without it."))]
        items = [("", [nodes.Text("Repository: "), nodes.reference(url, url, refuri=url)])]
        if url.startswith(("https://github.com/", "https://gitlab.com/")):
            for label, path in (("Issue tracker", "/issues"),
                                ("Citation file", "/blob/HEAD/CITATION.cff")):
                items.append(("", [nodes.Text(f"{label}: "),
                                   nodes.reference(url + path, url + path, refuri=url + path)]))
        return [render.bullet_list(items, "facts-project")]
