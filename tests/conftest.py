"""Shared fixtures: Sphinx's testing plugin, the frozen fixture data and small generated roots."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
from browser import find_chromium
from helpers import FIXTURE_DATA, ROOT_CONF, SHIPPED, TESTS
from sitebuild import OTHER_BUILDERS, RECIPES, Build, BuildPool
from sphinx.jinja2glue import BuiltinTemplateLoader

from facts.load import load
from facts.model import Dataset

pytest_plugins = ["sphinx.testing.fixtures"]
collect_ignore = ["roots"]


class _Memory(jinja2.BytecodeCache):
    """Jinja's bytecode cache, kept in this process."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Memory()
_init_templates = BuiltinTemplateLoader.init


def _init_with_cache(self: BuiltinTemplateLoader, *args: Any, **kwargs: Any) -> None:
    """The many small builds in one test session share compiled templates: Sphinx compiles the
    theme's templates anew for each application, about 0.6 s of each small build.  Jinja keys
    the cache by template file and source checksum, so output is unchanged."""
    _init_templates(self, *args, **kwargs)
    self.environment.bytecode_cache = _COMPILED


BuiltinTemplateLoader.init = _init_with_cache  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


@pytest.fixture(scope="session")
def fixture_data() -> Dataset:
    return load(FIXTURE_DATA)


@pytest.fixture(scope="session")
def site_data() -> Dataset:
    """The site's real data, loaded once for the session."""
    return load()


@pytest.fixture
def make_root(tmp_path: Path) -> Callable[..., Path]:
    """Write a one-page MyST project (plus extra pages) under ``tmp_path`` and return its path."""

    def make(body: str, *, conf: str = ROOT_CONF, **pages: str) -> Path:
        src = tmp_path / "src"
        src.mkdir(exist_ok=True)
        (src / "conf.py").write_text(conf, encoding="utf-8")
        (src / "index.md").write_text(textwrap.dedent(body), encoding="utf-8")
        for name, text in pages.items():
            (src / f"{name}.md").write_text(textwrap.dedent(text), encoding="utf-8")
        return src

    return make


# -- full builds of docs/ -------------------------------------------------------------------------

_POOL: BuildPool | None = None


def _pool(tmp_path_factory: pytest.TempPathFactory) -> BuildPool:
    global _POOL  # noqa: PLW0603 -- one pool per session, also reached from a collection hook
    if _POOL is None:
        _POOL = BuildPool(tmp_path_factory.mktemp("site"))
    return _POOL


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: their page checks run in the background meanwhile."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the builds the selected tests will ask for, so they run while other tests do."""
    wanted = {f.removeprefix("site_").replace("_", "-")
              for item in session.items for f in getattr(item, "fixturenames", ())
              if f.startswith("site_") and f != "site_data"}
    params = (getattr(getattr(item, "callspec", None), "params", {}) for item in session.items)
    wanted |= {p["builder"] for p in params if "builder" in p}
    names = [n for n in RECIPES if n in wanted]
    if wanted & set(OTHER_BUILDERS):
        names.append("others")
    if names:
        pool = _pool(session.config._tmp_path_factory)  # type: ignore[attr-defined]
        for name in names:
            pool.start(name)
    chromium = find_chromium()
    if chromium and any("page_reports" in getattr(i, "fixturenames", ()) for i in session.items):
        _pool(session.config._tmp_path_factory).start_page_checks(  # type: ignore[attr-defined]
            chromium, list(SHIPPED))


def _required(found: str | None, message: str, variable: str) -> str:
    """A tool the tests need: without it, skip with ``message``, or fail where CI sets
    ``variable=1`` (so a missing tool never passes unnoticed there)."""
    if found:
        return found
    if os.environ.get(variable) == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium for the browser tests."""
    return _required(find_chromium(), "browser tests need Debian's Chromium: apt-get install "
                     "chromium (or set FACTS_CHROMIUM to a Chromium binary)",
                     "FACTS_REQUIRE_BROWSER")


@pytest.fixture(scope="session")
def page_reports(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Browser checks of every page (see pagecheck.py), started at collection."""
    return dict(_pool(tmp_path_factory).start_page_checks(chromium, list(SHIPPED)).result())


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _POOL is not None:
        _POOL.close()


def _site_fixture(name: str) -> Callable[[pytest.TempPathFactory], Build]:
    @pytest.fixture(scope="session")
    def fixture(tmp_path_factory: pytest.TempPathFactory) -> Build:
        return _pool(tmp_path_factory).get(name)

    fixture.__doc__ = f"The {name!r} build of docs/ (see sitebuild.RECIPES)."
    return fixture


site_html = _site_fixture("html")
site_html_j2 = _site_fixture("html-j2")
site_epub = _site_fixture("epub")
site_htmlzip = _site_fixture("htmlzip")
site_pdf = _site_fixture("pdf")
site_text = _site_fixture("text")


@pytest.fixture(scope="session")
def latexmk() -> str:
    """TeX Live's latexmk with XeLaTeX for the PDF test."""
    import shutil

    found = shutil.which("latexmk") if shutil.which("xelatex") else None
    return _required(found, "the PDF test needs XeLaTeX: apt-get install texlive-xetex "
                     "texlive-latex-extra latexmk fonts-freefont-otf poppler-utils",
                     "FACTS_REQUIRE_PDF")
site_no_label = _site_fixture("no-label")
