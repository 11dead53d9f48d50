"""The ``facts`` domain: the loaded data for this build, and what each document used.

The dataset itself is loaded once per build (``builder-inited``) and kept on the domain object,
which Sphinx recreates for every build and forked parallel readers inherit.  Only per-document
state goes into ``self.data``, which is pickled with the environment and merged after parallel
reads:

``uses``     docname -> ids of the records the document shows (its files are dependencies)
``queries``  docname -> [(query, params, result)] for listings (see :mod:`facts.queries`): when
             a query's result changes, the document is re-read
``targets``  "kind:id" -> [(docname, anchor, weight)]: where an event or source is listed
``today``    the clock of the previous build, to re-read pages whose review flags change
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from facts import queries
from facts.cache import load_cached
from facts.load import FactsError
from facts.model import Dataset

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

class FactsDomain(Domain):
    """Directives and roles that print facts, and the references between them."""

    name = "facts"
    label = "Facts"
    data_version = 2
    initial_data: ClassVar[dict[str, Any]] = {"uses": {}, "queries": {}, "targets": {},
                                              "today": ""}
    object_types: ClassVar[dict[str, ObjType]] = {
        "event": ObjType(_("event"), "date"),
        "source": ObjType(_("source"), "cite"),
    }

    _dataset: Dataset | None = None
    today: dt.date = dt.date.min

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            raise ExtensionError("facts data requested before the builder was initialised")
        return self._dataset

    @property
    def uses(self) -> dict[str, set[str]]:
        return cast("dict[str, set[str]]", self.data["uses"])

    @property
    def queries(self) -> dict[str, list[tuple[str, tuple[Any, ...], Any]]]:
        return cast("dict[str, list[tuple[str, tuple[Any, ...], Any]]]", self.data["queries"])

    @property
    def targets(self) -> dict[str, list[tuple[str, str, int]]]:
        return cast("dict[str, list[tuple[str, str, int]]]", self.data["targets"])

    # -- recording, called by directives and roles -------------------------------------------

    def note_use(self, docname: str, record_ids: Iterable[str]) -> None:
        """Record that ``docname`` shows these records: re-read it when one of their files
        changes."""
        data = self.dataset
        used = self.uses.setdefault(docname, set())
        for rid in record_ids:
            for dep in (rid, *data.sources_of(rid)):
                if dep in data.paths and dep not in used:
                    used.add(dep)
                    self.env.note_dependency(data.paths[dep], docname=docname)

    def note_query(self, docname: str, name: str, *params: Any) -> Any:
        """Run a listing's query, remember its result for ``docname`` and return it."""
        result = queries.run(self.dataset, name, params)
        self.queries.setdefault(docname, []).append((name, params, result))
        return result

    def note_target(self, kind: str, record_id: str, docname: str, anchor: str,
                    weight: int) -> None:
        self.targets.setdefault(f"{kind}:{record_id}", []).append((docname, anchor, weight))

    def due(self, record_ids: Iterable[str], today: dt.date | None = None) -> list[str]:
        """Ids among ``record_ids`` whose review date has passed by ``today`` (default: the
        build's clock)."""
        return [f.id for f in self.dataset.due(today or self.today, record_ids)]

    # -- Domain API ---------------------------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        self.uses.pop(docname, None)
        self.queries.pop(docname, None)
        for key, places in list(self.targets.items()):
            kept = [p for p in places if p[0] != docname]
            if kept:
                self.targets[key] = kept
            else:
                del self.targets[key]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["uses"]:
                self.uses[docname] = otherdata["uses"][docname]
            if docname in otherdata["queries"]:
                self.queries[docname] = otherdata["queries"][docname]
        for key, places in otherdata["targets"].items():
            mine = self.targets.setdefault(key, [])
            mine.extend(p for p in places if p[0] in docnames)
            mine.sort()

    def target(self, kind: str, record_id: str) -> tuple[str, str] | None:
        """The home of a record: the listing with the most entries, then the first docname."""
        places = self.targets.get(f"{kind}:{record_id}")
        if not places:
            return None
        docname, anchor, _weight = min(places, key=lambda p: (-p[2], p[0], p[1]))
        return docname, anchor

    def resolve_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str,
        node: pending_xref, contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == "download":
            from facts.sphinxext.outputs import download_reference

            return download_reference(builder, fromdocname, target, contnode)
        if typ == "event" and self.target(typ, target) is None and target in self.dataset.events:
            # No timeline lists the event: cite its first source instead.
            typ, target = "source", self.dataset.events[target].sources[0]
        home = self.target(typ, target)
        if home is not None:
            return make_refnode(builder, fromdocname, home[0], home[1], contnode, target)
        if typ == "source" and target in self.dataset.sources:
            # No page lists the sources: link to the source itself.
            ref = nodes.reference("", "", internal=False, refuri=self.dataset.sources[target].url)
            ref += contnode
            return ref
        return None

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
        node: pending_xref, contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for key in sorted(self.targets):
            kind, record_id = key.split(":", 1)
            home = self.target(kind, record_id)
            if home is not None:
                yield record_id, record_id, kind, home[0], home[1], 1


def facts_domain(env: BuildEnvironment) -> FactsDomain:
    return cast("FactsDomain", env.domains["facts"])


def load_data(app: Sphinx) -> None:
    """``builder-inited``: load and validate the data once for the whole build."""
    domain = facts_domain(app.env)
    try:
        configured = app.config.facts_data_dir
        domain._dataset = load_cached(app.confdir / configured if configured else None,
                                      app.doctreedir / "facts-data.pickle")
    except FactsError as exc:
        raise ExtensionError(f"invalid facts data:\n{exc}") from None
    domain.today = _today(app.config.facts_today, domain.dataset)


def _today(configured: str | None, data: Dataset) -> dt.date:
    """The clock for review flags: configured, else SOURCE_DATE_EPOCH, else the as-of date.

    Never the wall clock, so two builds of one commit are identical.
    """
    if configured:
        return dt.date.fromisoformat(configured)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return data.site.as_of


def _changed(data: Dataset, name: str, params: tuple[Any, ...], result: Any) -> bool:
    try:
        return bool(queries.run(data, name, params) != result)
    except (KeyError, TypeError, ValueError):  # a query that no longer exists or fits: re-read
        return True


def get_outdated(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: re-read listings whose query result changed, and pages whose
    review flags change because the clock moved."""
    domain = facts_domain(env)
    data = domain.dataset
    outdated = {docname for docname, recorded in domain.queries.items()
                if any(_changed(data, *query) for query in recorded)}
    previous = domain.data.get("today") or ""
    if previous and previous != domain.today.isoformat():
        before = dt.date.fromisoformat(previous)
        outdated |= {doc for doc, used in domain.uses.items()
                     if domain.due(used, before) != domain.due(used)}
    domain.data["today"] = domain.today.isoformat()
    return sorted(outdated - set(removed))
