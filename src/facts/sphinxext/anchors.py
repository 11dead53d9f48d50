"""Section URLs that come only from explicit labels: ``extensions = ["facts.sphinxext.anchors"]``.

Docutils gives every section an id made from its heading text (or ``id3`` for duplicates), and a
citation that uses it breaks when the heading is reworded.  This extension

* warns, at the heading's line, about any section without an explicit ``(label)=`` or with a
  label that is not lowercase and hyphenated (``facts.anchor``),
* drops the heading-derived ids, so the only ids a reader can copy are the labels, and
* keeps moved URLs working, from the URL contract (``facts_url_contract``, see
  :mod:`facts.urls`): a moved page gets a redirect page through sphinx-reredirects (which keeps
  the ``#fragment``); a moved section keeps its old id on its old page, with a one-line script
  that sends readers to the new URL;
* fails the HTML build when a URL the contract lists would no longer resolve, so the command
  Read the Docs runs keeps the contract too.

A page is re-read when the contract's entries for it change.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.util import logging

from facts import __version__
from facts.sphinxext.json_ld import script_json
from facts.urls import ContractError, broken, parse

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)
LABEL_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def keep_label_ids(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: check each section's label and remove every other id."""
    for section in doctree.findall(nodes.section):
        labels = [name for name in section["names"] if doctree.nametypes.get(name)]
        title = section.next_node(nodes.title)
        location = title or section
        heading = title.astext() if title else ""
        if not labels:
            logger.warning("section %r has no explicit label; add '(a-label)=' above the heading",
                           heading, location=location, type="facts", subtype="anchor")
            continue
        for label in labels:
            if not LABEL_RE.match(label):
                logger.warning("label %r must be lowercase and hyphenated", label,
                               location=location, type="facts", subtype="anchor")
        keep = [nodes.make_id(label) for label in labels]
        for node_id in section["ids"]:
            if node_id not in keep:
                doctree.ids.pop(node_id, None)
        section["ids"] = [i for i in section["ids"] if i in keep]
        section["names"] = labels


def read_contract(app: Sphinx, config: Config) -> None:
    """``config-inited``: read the contract; moved pages become sphinx-reredirects redirects."""
    app.facts_moved = {}  # type: ignore[attr-defined]
    app.facts_contract = []  # type: ignore[attr-defined]
    if not config.facts_url_contract:
        return
    path = app.confdir / config.facts_url_contract
    try:
        entries = parse(path.read_text(encoding="utf-8"))
    except (OSError, ContractError) as exc:
        raise ConfigError(f"facts_url_contract {str(path)!r}: {exc}") from None
    app.facts_contract = entries  # type: ignore[attr-defined]
    sections: dict[str, list[tuple[str, str]]] = {}
    for entry in entries:
        if entry.moved_to is None:
            continue
        if entry.fragment:
            sections.setdefault(entry.page.removesuffix(".html"), []).append(
                (entry.fragment, entry.moved_to))
        else:
            config.redirects = {**getattr(config, "redirects", {}),
                                entry.page.removesuffix(".html"): entry.moved_to}
    app.facts_moved = sections  # type: ignore[attr-defined]


def _moved(app: Sphinx, docname: str) -> list[tuple[str, str]]:
    return list(getattr(app, "facts_moved", {}).get(docname, []))


def keep_moved_ids(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: an empty target keeps each moved section's old id on its old page."""
    for old_id, _target in _moved(app, app.env.docname):
        if old_id not in doctree.ids:
            target = nodes.inline(classes=["facts-moved"], ids=[old_id])
            doctree.ids[old_id] = target
            section = next(iter(doctree.findall(nodes.section)), doctree)
            section.insert(0, target)


def redirect_moved(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                   doctree: nodes.document | None) -> None:
    """``html-page-context``: send readers of an old fragment on to the section's new home."""
    moved = dict(_moved(app, pagename))
    if moved:
        script = ("<script>(function(m){var t=m[location.hash.slice(1)];"
                  f"if(t)location.replace(t);}})({script_json(moved)});</script>")
        context["metatags"] = context.get("metatags", "") + script


def reread_moved(app: Sphinx, env: Any, added: Any, changed: Any, removed: Any) -> list[str]:
    """``env-get-outdated``: pages whose moved sections changed in the contract."""
    now = {doc: sorted(moved) for doc, moved in getattr(app, "facts_moved", {}).items()}
    before = getattr(env, "facts_moved", None)
    env.facts_moved = now
    if before is None:
        return []
    return sorted(doc for doc in set(now) | set(before)
                  if now.get(doc) != before.get(doc) and doc in env.found_docs)


def name_sections_for_the_inventory(app: Sphinx) -> list[Any]:
    """``html-collect-pages``, after every page is written and before ``objects.inv``: a section's
    inventory title names its page ("Azerbaijan and Russia: Timeline"), so it stands alone; the
    module indexes, which this site does not build, are left out."""
    std = app.env.domains.standard_domain
    app.facts_labels = (dict(std.labels), dict(std.anonlabels))  # type: ignore[attr-defined]
    if not app.env.domains["py"].data.get("modules"):
        for name in ("modindex", "py-modindex"):
            std.labels.pop(name, None)
            std.anonlabels.pop(name, None)
    for name, (docname, labelid, title) in list(std.labels.items()):
        page = app.env.titles.get(docname)
        page_title = page.astext() if page is not None else ""
        if labelid and page_title and page_title not in title:
            std.labels[name] = (docname, labelid, f"{page_title}: {title}")
    return []


def restore_labels(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the labels as the pages use them, for the next build."""
    saved = getattr(app, "facts_labels", None)
    if saved is not None:
        std = app.env.domains.standard_domain
        std.labels.clear()
        std.labels.update(saved[0])
        std.anonlabels.clear()
        std.anonlabels.update(saved[1])


def keep_contract(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: an HTML build that no longer serves a contracted URL fails."""
    entries = getattr(app, "facts_contract", [])
    if exception is not None or not entries or app.builder.name != "html":
        return
    contract = app.confdir / app.config.facts_url_contract
    # The pages and the contract as last checked and found whole: nothing to parse again.
    stamp = app.doctreedir / "facts-contract.stamp"
    state = repr((entries, sorted((p.name, hashlib.sha1(p.read_bytes()).hexdigest())
                                  for p in app.outdir.glob("*.html"))))
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == state:
        return
    problems = broken(app.outdir, entries)
    for entry, problem in problems:
        logger.error(problem, location=f"{contract}:{entry.line}", type="facts", subtype="url")
        app.statuscode = 1
    if not problems:
        stamp.write_text(state, encoding="utf-8")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("facts_url_contract", "", "env", types=frozenset({str}))
    app.connect("config-inited", read_contract)
    app.connect("env-get-outdated", reread_moved)
    app.connect("doctree-read", keep_label_ids)
    app.connect("doctree-read", keep_moved_ids)
    app.connect("html-page-context", redirect_moved)
    app.connect("html-collect-pages", name_sections_for_the_inventory)
    app.connect("build-finished", keep_contract)
    app.connect("build-finished", restore_labels, priority=100)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
