"""The editors' page examples (docs/snippets/) are fixtures: each builds warning-free on the frozen
fixture data, and its doctree before and after post-transforms matches the committed snapshot.

Regenerate snapshots after an intended change with ``pytest tests/test_snippets.py --force-regen``
and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import DOCS

SNIPPETS = sorted((DOCS / "snippets").glob("*.md"))
#: citations link to the bibliography, so every root has one
SOURCES_PAGE = "---\norphan: true\n---\n(sources)=\n# Sources\n\n:::{facts:sources}\n:::\n"


def normalise(pformat: str, srcdir: Path) -> str:
    return re.sub(rf'\s(source|docname)="{re.escape(str(srcdir))}[^"]*"', "", pformat)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[p.stem for p in SNIPPETS])
def test_snippet_doctree(snippet, make_root, make_app, file_regression):
    body = f"(snippet-page)=\n# Snippet\n\n{snippet.read_text(encoding='utf-8')}"
    src = make_root(body, sources=SOURCES_PAGE)
    app = make_app("html", srcdir=src)
    app.build()
    assert app.warning.getvalue() == ""
    pre = app.env.get_doctree("index").pformat()
    post = app.env.get_and_resolve_doctree("index", app.builder, tags=app.tags).pformat()
    file_regression.check(normalise(pre, src), basename=f"{snippet.stem}-pre", extension=".xml")
    file_regression.check(normalise(post, src), basename=f"{snippet.stem}-post", extension=".xml")
