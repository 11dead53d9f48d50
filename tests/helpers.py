"""Paths and small helpers shared by the tests (importable: pytest puts tests/ on the path)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TESTS = Path(__file__).parent
REPO = TESTS.parent
DOCS = REPO / "docs"
FIXTURE_DATA = TESTS / "data"
#: every page of the site (file names are public URLs)
PAGES = ("index", "foreign-policy", "evidence", "ukraine", "russia", "nagorno-karabakh",
         "regional-partners", "timeline", "faq", "sources", "corrections", "data", "about",
         "editing")
#: every HTML page the site ships that a reader can open: the pages and Sphinx's own
SHIPPED = (*PAGES, "search", "genindex")

#: conf.py of a generated root: the extension on the frozen fixture data with a fixed clock.
ROOT_CONF = f"""\
extensions = ["myst_parser", "facts.sphinxext"]
myst_enable_extensions = ["colon_fence"]
facts_data_dir = {str(FIXTURE_DATA)!r}
facts_today = "2026-11-27"
"""


def copy_data(dest: Path) -> Path:
    """A writable copy of the fixture data, for tests that break or edit it."""
    import shutil

    shutil.copytree(FIXTURE_DATA, dest)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of ``old`` in ``path``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def warning_lines(app: object) -> list[str]:
    """The build's warnings without colours, with paths relative to the source folder."""
    from sphinx.util.console import strip_colors

    text = strip_colors(app.warning.getvalue())  # type: ignore[attr-defined]
    return text.replace(f"{app.srcdir}/", "").splitlines()  # type: ignore[attr-defined]


def stopped_build(make_app: Any, **kwargs: Any) -> tuple[str, list[str]]:
    """Start an app that must stop on bad data: the stop sentence and the error lines.

    The stop is a ``SystemExit`` from ``builder-inited``, which Sphinx's test app does not
    clean up after (it catches ``Exception`` only), so the global state is reset here.
    """
    import io

    import pytest
    from sphinx.testing.util import _clean_up_global_state
    from sphinx.util.console import strip_colors

    warnings = io.StringIO()
    try:
        with pytest.raises(SystemExit) as excinfo:
            make_app(warning=warnings, **kwargs)
    finally:
        _clean_up_global_state()
    return str(excinfo.value), strip_colors(warnings.getvalue()).splitlines()
