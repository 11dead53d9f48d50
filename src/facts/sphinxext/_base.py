"""What every directive and role of the extension shares: selection, dependencies and warnings.

A directive or role works in two steps, and the base classes run them (``run()`` is final):

1. ``select(pick)`` looks up the data through a :class:`Picker`, which records every record and
   every listing query the page used, so that editing one of them re-reads the page;
2. ``render(view)`` builds nodes from a :class:`View`, which answers only for the records that
   were picked (and their sources and publishers).

So a directive cannot show data without recording it as a dependency of its page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, final

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from facts import queries
from facts.ids import closest, unknown
from facts.model import KINDS, Dataset
from facts.sphinxext import nodes as fnodes
from facts.sphinxext.domain import FactsDomain, facts_domain
from facts.sphinxext.lines import role_line

logger = logging.getLogger(__name__)

#: ``suppress_warnings`` type of every warning the extension emits; the subtypes say what went
#: wrong: ``unknown-id``, ``empty`` (a listing with nothing in it), ``data`` (the data files),
#: ``anchor`` (a heading without a label), ``url`` (the URL contract), ``config``
WARNING_TYPE = "facts"
SUBTYPES = ("unknown-id", "empty", "data", "anchor", "url", "config")

#: the kinds a record of each record type is, in messages
KIND_NAMES = {"sources": "source", "events": "event", "figures": "figure", "tables": "table",
              "corrections": "correction", "publishers": "publisher", "dimensions": "dimension"}


def warn(message: str, location: Any, subtype: str) -> None:
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)


class View:
    """Read access to the records a directive or role picked, and to what they cite."""

    def __init__(self, data: Dataset, picked: Iterable[str]) -> None:
        self._data = data
        allowed = set(picked)
        for rid in list(allowed):
            allowed.update(data.sources_of(rid))
        cited = [data.sources[s] for s in allowed if s in data.sources]
        allowed.update(s.publisher for s in cited)
        allowed.update(s.via for s in cited if s.via)
        self._allowed = frozenset(allowed)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._allowed

    def get(self, kind: str, record_id: str) -> Any:
        if record_id not in self._allowed:
            raise KeyError(f"{record_id!r} was not selected by this directive or role")
        return getattr(self._data, kind)[record_id]

    def source(self, record_id: str) -> Any:
        return self.get("sources", record_id)

    def publisher(self, record_id: str) -> Any:
        return self.get("publishers", record_id)

    def sources_of(self, record_id: str) -> tuple[str, ...]:
        self.get_any(record_id)
        return self._data.sources_of(record_id)

    def get_any(self, record_id: str) -> Any:
        for kind in KINDS:
            records = getattr(self._data, kind)
            if record_id in records:
                return self.get(kind, record_id)
        raise KeyError(record_id)

    @property
    def site(self) -> Any:
        return self._data.site


class Picker:
    """Looks records and listings up for one page, recording each as a dependency."""

    def __init__(self, domain: FactsDomain, docname: str, location: Any, taker: str = "") -> None:
        self.domain, self.docname, self.location = domain, docname, location
        self.taker = taker  # the directive or role, for messages
        self.picked: list[str] = []

    @property
    def data(self) -> Dataset:
        return self.domain.dataset

    def record(self, kinds: Sequence[str], record_id: str) -> Any:
        """The record ``record_id`` of one of ``kinds``, or ``None`` after a located warning
        that names the kind it really is, or the closest ids of the right kind."""
        for kind in kinds:
            records = getattr(self.data, kind)
            if record_id in records:
                self.picked.append(record_id)
                return records[record_id]
        names = [KIND_NAMES[k] for k in kinds]
        wanted = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        pool = [rid for k in kinds for rid in getattr(self.data, k)]
        others = {k: getattr(self.data, k) for k in KINDS if k not in kinds}
        self.domain.note_missing(self.docname, record_id)
        warn(unknown(record_id, wanted, pool, others, self.taker), self.location, "unknown-id")
        return None

    def query(self, name: str, *params: Any) -> Any:
        """A listing's query result, re-checked before every build (see :mod:`facts.queries`)."""
        result = self.domain.note_query(self.docname, name, *params)
        self.picked.extend(queries.ids(name, result))
        return result

    def site(self) -> Any:
        """site.toml: the as-of date, the short answer, the eras."""
        self.picked.append("site")
        return self.data.site

    def commit(self) -> View:
        self.domain.note_use(self.docname, self.picked)
        return View(self.data, self.picked)


class FactsDirective(SphinxDirective):
    """Base of the extension's directives: ``select`` then ``render``.

    A directive that takes one argument declares ``argument = (what, kind)``; without it the
    error names what is needed and, for a record kind, the ids there are.
    """

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {}
    argument: ClassVar[tuple[str, str] | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.argument:  # optional for docutils, so that the message can be ours
            cls.required_arguments, cls.optional_arguments = 0, 1

    def _check_argument(self) -> None:
        if self.argument and not self.arguments:
            what, kind = self.argument
            ids = sorted(getattr(self.domain.dataset, kind)) if kind else []
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            raise self.error(f"the {self.name} directive needs {what}"
                             + (f": {shown}" if shown else ""))

    @property
    def domain(self) -> FactsDomain:
        return facts_domain(self.env)

    def warn(self, message: str, subtype: str) -> None:
        warn(message, self.get_location(), subtype)

    def collapse(self, shown: list[nodes.Node], count: int, noun: str = "") -> list[nodes.Node]:
        """``shown`` under a one-line summary when the directive has ``:collapsed: SUMMARY``;
        the summary ends with the count, ``(9)`` or ``(9 events)``."""
        if "collapsed" not in self.options:
            return shown
        counted = f"{count} {noun}" if noun else str(count)
        box = fnodes.collapsible(summary=f"{self.options['collapsed']} ({counted})",
                                 classes=["facts"])
        box.extend(shown)
        return [box]

    def choice_argument(self, what: str, choices: Sequence[str]) -> str:
        """The directive's argument, which must be one of ``choices``; otherwise an error at
        the directive that lists them."""
        value = self.arguments[0]
        if value not in choices:
            raise self.error(f"unknown {what} {value!r}{closest(value, choices)}; choose from "
                             f"{', '.join(choices)}")
        return value

    @final
    def run(self) -> list[nodes.Node]:
        self._check_argument()
        pick = Picker(self.domain, self.env.docname, self.get_location(), f"{{{self.name}}}")
        selected = self.select(pick)
        view = pick.commit()
        if selected is None:
            return []
        result = self.render(selected, view)
        for node in result:
            if isinstance(node, nodes.Element):
                self.set_source_info(node)
                self.add_name(node)
        return result

    def select(self, pick: Picker) -> Any:
        """Look the data up through ``pick``; ``None`` renders nothing (after a warning)."""
        raise NotImplementedError

    def render(self, selected: Any, view: View) -> list[nodes.Node]:
        raise NotImplementedError


class FactsRole(SphinxRole):
    """Base of the extension's roles: one record id, ``select`` then ``render``."""

    @property
    def domain(self) -> FactsDomain:
        return facts_domain(self.env)

    @final
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        record_id = self.text.strip()
        source, _line = self.get_source_info()
        if source:
            self.lineno = role_line(source, self.lineno, self.rawtext)
        location = self.get_location()
        pick = Picker(self.domain, self.env.docname, location, f"{{{self.name}}}")
        selected = self.select(pick, record_id) if record_id else None
        if not record_id:
            warn(f"the {self.name} role needs an id", location, "unknown-id")
        view = pick.commit()
        if selected is None:
            node: nodes.Node = nodes.literal(self.rawtext, record_id, classes=["facts-unknown"])
        else:
            node = self.render(selected, view)
        if isinstance(node, nodes.Element):
            self.set_source_info(node)
        return [node], []

    def select(self, pick: Picker, record_id: str) -> Any:
        raise NotImplementedError

    def render(self, selected: Any, view: View) -> nodes.Node:
        raise NotImplementedError
