"""Pure builders of plain docutils nodes from facts records.

Nothing here touches the environment: directives and roles pick records, then call these with
the resulting :class:`~facts.sphinxext._base.View`.  Every node the extension emits carries the
``facts`` class, which is how the no-bare-facts test tells data-driven text from prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from docutils import nodes
from sphinx import addnodes

from facts.dates import PartialDate, range_parts, range_separator
from facts.model import Event, Figure
from facts.sphinxext import nodes as fnodes
from facts.sphinxext._base import View
from facts.text import format_estimate
from facts.vocabulary import LEAN_LABELS

Cell = Sequence[nodes.Node]


def date(start: PartialDate, end: PartialDate | None = None) -> nodes.inline:
    """A date or span; each date is a :class:`~facts.sphinxext.nodes.time` that keeps its ISO
    value, so HTML can say ``<time datetime=…>``."""
    parts = range_parts(start, end)
    if len(parts) == 1:
        return fnodes.time(parts[0][1], parts[0][1], classes=["facts", "facts-date"],
                           datetime=start.iso())
    outer = nodes.inline(classes=["facts", "facts-span"])
    for i, (value, text) in enumerate(parts):
        if i:
            outer += nodes.Text(range_separator(parts))
        outer += fnodes.time(text, text, classes=["facts-date"], datetime=value.iso())
    return outer


def text(value: str, *classes: str) -> nodes.inline:
    """Data text as a text node: markup in the data is never interpreted."""
    return nodes.inline(value, value, classes=["facts", *classes])


def value(figure: Figure) -> nodes.inline:
    """A figure's headline value, marked with its quantity so tests can check that a quantity
    shows one value across the site."""
    shown = format_estimate(figure.headline, figure.unit)
    return nodes.inline(shown, shown, classes=["facts", "facts-value",
                                               f"facts-q-{figure.series}",
                                               f"facts-f-{figure.id}"])


def lean(value_: str, strength: str = "") -> nodes.inline:
    """A lean as a badge: its words say it (colour is a second cue, never the only one)."""
    words = LEAN_LABELS[value_] + (f" ({strength})" if strength and strength != "none" else "")
    return nodes.inline(words, words, classes=["facts", "facts-lean", f"facts-lean-{value_}"])


def _xref(kind: str, target: str, *children: nodes.Node, tip: str = "") -> addnodes.pending_xref:
    xref = addnodes.pending_xref("", refdomain="facts", reftype=kind, reftarget=target,
                                 refexplicit=True, refwarn=True, facts_tip=tip)
    xref.extend(children)
    return xref


def _marker(kind: str, target: str, description: str) -> addnodes.pending_xref:
    return _xref(kind, target, fnodes.marker("", "", tip=description), tip=description)


def source_tip(view: View, source_id: str) -> str:
    source = view.source(source_id)
    when = f", {source.published.display()}" if source.published else ""
    return f"{view.publisher(source.publisher).name}: {source.title}{when}"


def cite(view: View, source_ids: Iterable[str]) -> nodes.inline:
    """A citation marker per source, each linking to the source's entry on the sources
    page and describing it on hover and focus."""
    node = nodes.inline(classes=["facts", "facts-cite"])
    for sid in dict.fromkeys(source_ids):
        node += _marker("source", sid, source_tip(view, sid))
    return node


def cite_event(view: View, event: Event) -> nodes.inline:
    """One marker for an event, linking to its timeline entry, which lists every source."""
    count = len(event.sources)
    description = (f"Timeline: {event.title}, {event.date.display()} "
                   f"({count} source{'s' if count != 1 else ''})")
    node = nodes.inline(classes=["facts", "facts-cite"])
    node += _marker("event", event.id, description)
    return node


def collapsed(summary: str, *children: nodes.Node) -> fnodes.collapsible:
    """Children that HTML shows under a one-line summary, closed until opened."""
    node = fnodes.collapsible(summary=summary, classes=["facts"])
    node.extend(children)
    return node


def paragraph(*children: nodes.Node, classes: Sequence[str] = ()) -> nodes.paragraph:
    para = nodes.paragraph(classes=list(classes))
    para.extend(children)
    return para


def table(
    headers: Sequence[tuple[str, int]],
    rows: Iterable[tuple[str, Sequence[Cell]]],
    *,
    classes: Sequence[str] = (),
    caption: str = "",
    anchor: str = "",
) -> nodes.table:
    """A table with widths on every column (the text builder needs them).

    ``rows`` yields ``(anchor, cells)``; a non-empty anchor becomes the row's id.  Each cell
    starts with its column's name (:class:`~facts.sphinxext.nodes.celllabel`), which only the
    stacked phone layout shows.
    """
    tbl = nodes.table(classes=["facts", "facts-table", *classes])
    if anchor:  # a captioned table would otherwise get a positional id
        tbl["ids"].append(anchor)
    if caption:
        tbl += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for _, width in headers:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row([[nodes.Text(label)] for label, _ in headers], ())
    body = nodes.tbody()
    group += body
    for row_anchor, cells in rows:
        row = _row(cells, [label for label, _ in headers])
        if row_anchor:
            row["ids"].append(row_anchor)
        body += row
    return tbl


def _row(cells: Iterable[Cell], labels: Sequence[str]) -> nodes.row:
    row = nodes.row()
    for i, cell in enumerate(cells):
        entry = _fill(nodes.entry(), cell)
        if labels:
            first = entry.children[0] if entry.children else None
            tag = fnodes.celllabel(labels[i], labels[i])
            if isinstance(first, nodes.paragraph):
                first.insert(0, tag)
            else:
                entry.insert(0, paragraph(tag))
        row += entry
    return row


def bullet_list(items: Iterable[tuple[str, Cell]], *classes: str) -> nodes.bullet_list:
    """A list whose items may carry anchors: ``(anchor, children)``."""
    lst = nodes.bullet_list(classes=["facts", *classes])
    for anchor, children in items:
        item = _fill(nodes.list_item(), children)
        if anchor:
            item["ids"].append(anchor)
        lst += item
    return lst


def _fill(container: nodes.Element, children: Cell) -> nodes.Element:
    """Block children go in as they are; inline ones are wrapped in a paragraph."""
    if children and all(isinstance(n, nodes.Body) for n in children):
        container.extend(children)
    else:
        container += paragraph(*children)
    return container


_TOKEN = re.compile(r"\{(n|value|date|year):([a-z0-9-]+)\}")


def interpolate(template: str, numbers: Mapping[str, int], view: View) -> list[nodes.Node]:
    """Data text with ``{n:name}`` (a number the rule weighed), ``{value:figure}``,
    ``{date:event}`` and ``{year:event}`` filled in from the data, as nodes."""
    out: list[nodes.Node] = []
    pos = 0
    for match in _TOKEN.finditer(template):
        if match.start() > pos:
            out.append(nodes.Text(template[pos:match.start()]))
        kind, key = match.groups()
        out.append(_token(kind, key, numbers, view))
        pos = match.end()
    if pos < len(template):
        out.append(nodes.Text(template[pos:]))
    return out


def _token(kind: str, key: str, numbers: Mapping[str, int], view: View) -> nodes.Node:
    if kind == "n":
        shown = str(numbers[key])
        return nodes.inline(shown, shown, classes=["facts", "facts-number"])
    record: Any = view.get_any(key)
    if kind == "value":
        return value(record)
    if kind == "year":
        return date(PartialDate(record.date.year))
    return date(record.date, getattr(record, "end", None))


def token_keys(template: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in _TOKEN.finditer(template)]
