"""The ``facts`` domain: the loaded data for this build, and what each document used.

The dataset itself is loaded at most once per build, when first used (:mod:`.data` sets the
loader at ``builder-inited``), and kept on the domain object, which Sphinx recreates for every
build and forked parallel readers inherit.  Only
per-document state goes into ``self.data``, which is pickled with the environment and merged
after parallel reads:

``uses``     docname -> {record id: digest of its file when the document was read}, for the
             records the document shows, their sources and the sources' publishers: when a
             digest changes, the document is re-read (record by record, so touching a file
             or editing a record no page shows re-reads nothing)
``queries``  docname -> [(query, params, result)] for listings (:mod:`facts.queries`): when a
             query's result changes, the document is re-read
``missing``  docname -> ids the document named that did not exist: re-read when one appears
``targets``  "kind:id" -> [(docname, anchor, weight, display name)]: where an event or source
             is listed
``homes``    docname -> the "kind:id" targets it links to, to re-write when a target moves
``today``    the clock of the previous build, to re-read pages whose review flags change
``key``      the data files, code and clock the previous build saw (by file sizes and times):
             when all are unchanged, none of the checks above run and the data is not loaded
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.domains import Domain, ObjType
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.util.nodes import make_refnode

from facts import queries
from facts.model import Dataset
from facts.sphinxext.misspelt import misspelt_directive, misspelt_role

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction


class FactsDomain(Domain):
    """Directives and roles that print facts, and the references between them."""

    name = "facts"
    label = "Facts"
    data_version = 6
    initial_data: ClassVar[dict[str, Any]] = {"uses": {}, "queries": {}, "missing": {},
                                              "targets": {}, "links": {}, "today": ""}
    object_types: ClassVar[dict[str, ObjType]] = {
        "event": ObjType(_("event"), "date"),
        "source": ObjType(_("source"), "cite"),
    }

    _dataset: Dataset | None = None
    #: loads the dataset on first use (set at ``builder-inited``): a rebuild in which no data
    #: file changed and no page is read never unpickles it
    loader: Callable[[], Dataset] | None = None
    #: the data files' and the code's state, from file sizes and times (cheap to take)
    fingerprint: str = ""
    today: dt.date = dt.date.min
    #: whether this build re-reads or removes any document (Sphinx clears each one first)
    cleared: bool = False

    @property
    def data_changed(self) -> bool:
        """Whether the data files or the code differ from the previous build's."""
        return bool(self.data.get("key", ("",))[0] != self.fingerprint)

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            if self.loader is None:
                raise ExtensionError("facts data requested before the builder was initialised")
            self._dataset = self.loader()
        return self._dataset

    def _map(self, key: str) -> dict[str, Any]:
        return cast("dict[str, Any]", self.data[key])

    @property
    def uses(self) -> dict[str, dict[str, str]]:
        return self._map("uses")

    @property
    def queries(self) -> dict[str, list[tuple[str, tuple[Any, ...], Any]]]:
        return self._map("queries")

    @property
    def targets(self) -> dict[str, list[tuple[str, str, int, str]]]:
        return self._map("targets")

    # -- recording, called through facts.sphinxext._base.Picker -------------------------------

    def note_use(self, docname: str, record_ids: Iterable[str]) -> None:
        """Record that ``docname`` shows these records: re-read it when one of them, their
        sources or those sources' publishers change."""
        data = self.dataset
        used = self.uses.setdefault(docname, {})
        for rid in record_ids:
            for dep in (rid, *data.sources_of(rid)):
                if dep in used or dep not in data.digests:
                    continue
                used[dep] = data.digests[dep]
                source = data.sources.get(dep)
                for publisher in (source.publisher, source.via) if source else ():
                    if publisher is not None:
                        used[publisher] = data.digests[publisher]

    def note_query(self, docname: str, name: str, *params: Any) -> Any:
        """Run a listing's query, remember its result for ``docname`` and return it."""
        result = queries.run(self.dataset, name, params)
        self.queries.setdefault(docname, []).append((name, params, result))
        return result

    def note_missing(self, docname: str, record_id: str) -> None:
        self._map("missing").setdefault(docname, set()).add(record_id)

    def note_target(self, kind: str, record_id: str, docname: str, anchor: str,
                    weight: int, display: str) -> None:
        """A listing entry: ``display`` is the record's name in ``objects.inv``."""
        self.targets.setdefault(f"{kind}:{record_id}", []).append(
            (docname, anchor, weight, display))

    def note_link(self, docname: str, kind: str, record_id: str) -> None:
        self._map("links").setdefault(docname, set()).add(f"{kind}:{record_id}")

    def due(self, record_ids: Iterable[str], today: dt.date | None = None) -> list[str]:
        """Ids among ``record_ids`` whose review date has passed by ``today`` (default: the
        build's clock)."""
        return [f.id for f in self.dataset.due(today or self.today, record_ids)]

    # -- Domain API ---------------------------------------------------------------------------

    def role(self, name: str) -> RoleFunction | None:
        """The role, or one that reports a misspelt name with the closest ones."""
        return super().role(name) or misspelt_role(name, sorted(self.roles))

    def directive(self, name: str) -> type[Directive] | None:
        """The directive, or one that reports a misspelt name with the closest ones."""
        return super().directive(name) or misspelt_directive(name, sorted(self.directives))

    def clear_doc(self, docname: str) -> None:
        self.cleared = True
        for key in ("uses", "queries", "missing", "links"):
            self._map(key).pop(docname, None)
        for key, places in list(self.targets.items()):
            if any(p[0] == docname for p in places):
                kept = [p for p in places if p[0] != docname]
                if kept:
                    self.targets[key] = kept
                else:
                    del self.targets[key]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("uses", "queries", "missing", "links"):
            for docname in docnames:
                if docname in otherdata[key]:
                    self._map(key)[docname] = otherdata[key][docname]
        for key, places in otherdata["targets"].items():
            mine = self.targets.setdefault(key, [])
            mine.extend(p for p in places if p[0] in docnames)
            mine.sort()

    def target(self, kind: str, record_id: str) -> tuple[str, str] | None:
        """The home of a record: its listing on the configured home page
        (``facts_homes``), else the listing with the most entries, then the first docname."""
        places = self.targets.get(f"{kind}:{record_id}")
        if not places:
            return None
        place = self._home(kind, places)
        return place[0], place[1]

    def _home(self, kind: str, places: list[tuple[str, str, int, str]]
              ) -> tuple[str, str, int, str]:
        home = self.env.config.facts_homes.get(kind)
        preferred = [p for p in places if p[0] == home] or places
        return min(preferred, key=lambda p: (-p[2], p[0], p[1]))

    def resolve_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str,
        node: pending_xref, contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == "dimension":
            label = env.domains.standard_domain.labels.get(f"evidence-{target}")
            if label is None:
                return None
            return make_refnode(builder, fromdocname, label[0], label[1], contnode)
        if typ == "event" and self.target(typ, target) is None and target in self.dataset.events:
            # No timeline lists the event: cite its first source instead.
            typ, target = "source", self.dataset.events[target].sources[0]
        home = self.target(typ, target)
        tip = node.get("facts_tip") or None
        if home is not None:
            return make_refnode(builder, fromdocname, home[0], home[1], contnode, tip)
        if typ == "source" and target in self.dataset.sources:
            # No page lists the sources: link to the source itself.
            ref = nodes.reference("", "", internal=False, refuri=self.dataset.sources[target].url,
                                  reftitle=tip or "")
            ref += contnode
            return ref
        return None

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
        node: pending_xref, contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Events and sources at their homes, with their titles as display names (for
        ``objects.inv``; from the listings, so that a rebuild need not load the data)."""
        for key in sorted(self.targets):
            kind, record_id = key.split(":", 1)
            docname, anchor, _weight, display = self._home(kind, self.targets[key])
            yield record_id, display, kind, docname, anchor, 1


def quiet_dimensions(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """``warn-missing-reference``: a dimension without an ``evidence-<dimension>`` section
    stays plain text; a project need not have an evidence page."""
    if domain is not None and domain.name == "facts" and node["reftype"] == "dimension":
        return True
    return None


def facts_domain(env: BuildEnvironment) -> FactsDomain:
    return cast("FactsDomain", env.domains["facts"])


def _changed(data: Dataset, name: str, params: tuple[Any, ...], result: Any) -> bool:
    try:
        return bool(queries.run(data, name, params) != result)
    except (KeyError, TypeError, ValueError, StopIteration):  # no longer exists or fits
        return True


def get_outdated(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: re-read listings whose query result changed, pages that named an
    unknown id (fixed or not), and pages whose review flags change because the clock moved."""
    domain = facts_domain(env)
    # a page that named an unknown id is read again until it is fixed, so its warning repeats
    outdated = {docname for docname, ids in domain.data["missing"].items() if ids}
    key = (domain.fingerprint, domain.today.isoformat())
    if domain.data.get("key") != key:  # something changed: find the pages it touches
        data = domain.dataset
        outdated |= {docname for docname, used in domain.uses.items()
                     if any(data.digests.get(rid) != digest for rid, digest in used.items())}
        outdated |= {docname for docname, recorded in domain.queries.items()
                     if any(_changed(data, *query) for query in recorded)}
        previous = domain.data.get("today") or ""
        if previous and previous != domain.today.isoformat():
            before = dt.date.fromisoformat(previous)
            outdated |= {doc for doc, used in domain.uses.items()
                         if domain.due(used, before) != domain.due(used)}
    domain.data["today"] = domain.today.isoformat()
    domain.data["key"] = key
    return sorted((outdated & set(env.found_docs)) - set(removed))


def rewrite_moved_links(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: pages whose citations point at a record whose home moved in this
    build are written again (their text is unchanged, so they need not be re-read)."""
    domain = facts_domain(env)
    if not domain.cleared and "homes" in domain.data:
        return []  # no listing was read again or removed, so no home moved
    before: dict[str, tuple[str, str] | None] = domain.data.setdefault("homes", {})
    now = {key: domain.target(*key.split(":", 1)) for key in domain.targets}
    moved = {key for key in set(before) | set(now) if before.get(key) != now.get(key)}
    domain.data["homes"] = now
    return sorted(doc for doc, links in domain.data["links"].items()
                  if links & moved and doc in env.found_docs)


def setup_domain(app: Sphinx) -> None:
    app.add_domain(FactsDomain)
    app.add_config_value("facts_homes", {"source": "sources", "event": "timeline"}, "env",
                         types=frozenset({dict}))
    app.connect("env-get-outdated", get_outdated)
    app.connect("env-updated", rewrite_moved_links)
    app.connect("warn-missing-reference", quiet_dimensions)
