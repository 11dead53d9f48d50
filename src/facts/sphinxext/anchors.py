"""Section URLs that come only from explicit labels: ``extensions = ["facts.sphinxext.anchors"]``.

Docutils gives every section an id made from its heading text (or ``id3`` for duplicates), and a
citation that uses it breaks when the heading is reworded.  This extension

* warns, at the heading's line, about any section without an explicit ``(label)=`` or with a
  label that is not lowercase and hyphenated (``facts.anchor``), and
* drops the heading-derived ids, so the only ids a reader can copy are the labels.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from facts import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
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


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("doctree-read", keep_label_ids)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
