"""Shared fixtures: Sphinx's testing plugin, the frozen fixture data and small generated roots."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from facts.load import load
from facts.model import Dataset
from helpers import FIXTURE_DATA, ROOT_CONF, TESTS

pytest_plugins = ["sphinx.testing.fixtures"]
collect_ignore = ["roots"]



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
