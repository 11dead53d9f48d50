"""The release flow: one version names the package, the citation file, the tag and the pinned
URL; Read the Docs installs only the docs' part of the lock file."""

from __future__ import annotations

import re

import release_check
from docslock import DOCS, FULL, docs_lock
from helpers import DOCS as DOCS_DIR
from helpers import REPO

from facts import __version__


def test_docs_lock_is_the_docs_part_of_the_full_lock():
    assert DOCS.read_text(encoding="utf-8") == docs_lock(FULL.read_text(encoding="utf-8"))
    full = {line for line in FULL.read_text(encoding="utf-8").splitlines() if "==" in line}
    docs = {line for line in DOCS.read_text(encoding="utf-8").splitlines() if "==" in line}
    assert docs < full
    assert not any(line.split("==")[0].lower() in {"pytest", "playwright", "mypy", "ruff"}
                   for line in docs)


def test_read_the_docs_installs_the_docs_lock():
    config = (REPO / ".readthedocs.yaml").read_text(encoding="utf-8")
    assert "requirements: requirements-docs.lock" in config
    assert re.search(r"formats:\n  - epub\n  - htmlzip\n  - pdf\n", config)


def test_pinned_url_is_the_version_read_the_docs_serves_for_the_tag():
    """The README tags the bare version; Read the Docs serves tag T at /en/T/; the cite box
    pins /en/<version>/."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "tag the version itself, with no prefix" in readme
    assert "`v<version>`" not in readme
    conf = (DOCS_DIR / "conf.py").read_text(encoding="utf-8")
    pinned = re.search(r'facts_cite_url = "([^"]+)"', conf)
    assert pinned is not None
    assert pinned[1].format(version=__version__).endswith(f"/en/{__version__}/")


def test_release_check_finds_a_version_out_of_step(monkeypatch, tmp_path):
    monkeypatch.setattr(release_check, "citation_version", lambda: "1999.1.0")
    results = dict(release_check.checks(tmp_path / "no-build"))
    assert "1999.1.0" in results["CITATION.cff has the version"]
    assert results["the URL contract lists every URL"].startswith("no HTML build in ")
