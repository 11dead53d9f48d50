"""Pure builders of plain docutils nodes from facts records.

Nothing here touches the environment: directives and roles look records up, then call these.
Every node the extension emits carries the ``facts`` class, which is how the no-bare-facts test
tells data-driven text from prose.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx import addnodes

from facts.dates import PartialDate, range_parts, range_separator
from facts.model import Dataset

Cell = Sequence[nodes.Node]


def date(start: PartialDate, end: PartialDate | None = None) -> nodes.inline:
    """A date or span; each date keeps its ISO value so HTML can say ``<time datetime=…>``."""
    parts = range_parts(start, end)
    if len(parts) == 1:
        return nodes.inline(parts[0][1], parts[0][1], classes=["facts", "facts-date"],
                            datetime=start.iso())
    outer = nodes.inline(classes=["facts", "facts-span"])
    for i, (value, text) in enumerate(parts):
        if i:
            outer += nodes.Text(range_separator(parts))
        outer += nodes.inline(text, text, classes=["facts-date"], datetime=value.iso())
    return outer


def text(value: str, *classes: str) -> nodes.inline:
    """Data text as a text node: markup in the data is never interpreted."""
    return nodes.inline(value, value, classes=["facts", *classes])


#: most publishers a citation names before "and N more"
CITE_LIMIT = 3


def short_publisher(publisher: str) -> str:
    """``AZERTAC (Azerbaijan State News Agency)`` -> ``AZERTAC``."""
    return publisher.split(" (", 1)[0]


def cite(data: Dataset, source_ids: Iterable[str], event_id: str = "") -> nodes.inline:
    """``[Reuters; BBC]``, naming each publisher once.

    Without ``event_id`` each publisher links to its entry on the sources page.  With it, the
    whole citation is one link to the event's entry, which lists every source: one link per
    citation keeps the prose readable, also for screen readers moving from link to link, and
    past ``CITE_LIMIT`` publishers the text ends "and N more".
    """
    by_publisher: dict[str, str] = {}
    for sid in source_ids:
        by_publisher.setdefault(short_publisher(data.sources[sid].publisher), sid)
    node = nodes.inline(classes=["facts", "facts-cite"])
    if event_id:
        names = list(by_publisher)
        if len(names) > CITE_LIMIT + 1:
            names = [*names[:CITE_LIMIT], f"and {len(names) - CITE_LIMIT} more"]
        node += _xref("event", event_id, "[" + "; ".join(names) + "]")
        return node
    node += nodes.Text("[")
    for i, (name, sid) in enumerate(by_publisher.items()):
        if i:
            node += nodes.Text("; ")
        node += _xref("source", sid, name)
    node += nodes.Text("]")
    return node


def _xref(kind: str, target: str, text: str) -> addnodes.pending_xref:
    xref = addnodes.pending_xref("", refdomain="facts", reftype=kind, reftarget=target,
                                 refexplicit=True, refwarn=True)
    xref += nodes.Text(text)
    return xref


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

    ``rows`` yields ``(anchor, cells)``; a non-empty anchor becomes the row's id.
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
    head += _row([[nodes.Text(label)] for label, _ in headers])
    body = nodes.tbody()
    group += body
    for row_anchor, cells in rows:
        row = _row(cells)
        if row_anchor:
            row["ids"].append(row_anchor)
        body += row
    return tbl


def _row(cells: Iterable[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += _fill(nodes.entry(), cell)
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
