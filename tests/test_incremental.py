"""Incremental builds equal clean builds, byte for byte, after every kind of edit.

A small project on a copy of the fixture data is built once; then each step edits the data, a
page, the URL contract or the clock, builds incrementally in the same output folder, builds
again from scratch in a fresh one, and compares the two: every output file and every warning the
extension gives.  The fixed sequence covers each kind of edit once; Hypothesis draws further
sequences from the same steps.
"""

from __future__ import annotations

import filecmp
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import copy_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

CONF = """\
extensions = ["myst_parser", "sphinx_reredirects", "facts.sphinxext",
              "facts.sphinxext.anchors", "facts.sphinxext.site"]
myst_enable_extensions = ["colon_fence"]
facts_data_dir = {data!r}
facts_today = {today!r}
facts_url_contract = "urls.txt"
facts_cite_url = "https://example.org/"
html_baseurl = "https://example.org/"
"""
PAGES = {
    "index": "(home)=\n# Home\n\n```{toctree}\na\nb\nc\ntimeline\nsources\n```\n",
    "a": ("(a)=\n# A\n\nKyiv {facts:date}`kyiv-joint-declaration-2022` "
          "{facts:cite}`kyiv-joint-declaration-2022`; {facts:value}`peacekeepers-deployed`.\n"),
    "b": "(b)=\n# B\n\nLater {facts:value}`new-figure-2024`.\n",
    "c": "(c)=\n# C\n\nNo listing here yet.\n",
    "timeline": "(timeline)=\n# Timeline\n\n:::{facts:timeline}\n:::\n",
    "sources": "(sources)=\n# Sources\n\n:::{facts:sources}\n:::\n",
}
CONTRACT = "index.html\nindex.html#home\na.html\na.html#a\n"
#: Sphinx's own files that record when or in what order they were written, not what the reader
#: gets: the build info hash is the same, the search index orders its entries by read order
#: in plain Sphinx too.
NOT_COMPARED = {".buildinfo", "searchindex.js"}
#: what plain Sphinx writes again on a build that changed nothing
SPHINX_REWRITES = [".buildinfo", "_static/basic.css", "_static/documentation_options.js",
                   "_static/language_data.js", "_static/pygments.css", "genindex.html",
                   "objects.inv", "search.html", "searchindex.js"]


class Project:
    """The small project: its sources, data and clock, and one incremental output folder."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.data = copy_data(base / "data")
        self.src = base / "src"
        self.src.mkdir()
        self.today = "2026-11-27"
        for name, text in PAGES.items():
            (self.src / f"{name}.md").write_text(text, encoding="utf-8")
        (self.src / "urls.txt").write_text(CONTRACT, encoding="utf-8")
        self.write_conf()
        self.incremental = base / "incremental"
        self.clean_count = 0

    def write_conf(self) -> None:
        (self.src / "conf.py").write_text(CONF.format(data=str(self.data), today=self.today),
                                          encoding="utf-8")

    def build(self, out: Path) -> list[str]:
        app = SphinxTestApp("html", srcdir=self.src, builddir=out)
        try:
            app.build()
            text = app.warning.getvalue()  # type: ignore[attr-defined]
        finally:
            app.cleanup()
        return sorted(line for line in text.splitlines() if "[facts." in line)

    def check(self) -> None:
        """Build incrementally, then from scratch, and compare."""
        warned = self.build(self.incremental)
        self.clean_count += 1
        clean = self.base / f"clean-{self.clean_count}"
        assert self.build(clean) == warned
        assert _differences(clean / "html", self.incremental / "html") == []
        shutil.rmtree(clean)


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(c: filecmp.dircmp[str], prefix: str) -> None:
        names = c.left_only + c.right_only + c.diff_files + c.funny_files
        found.extend(f"{prefix}{n}" for n in names if n not in NOT_COMPARED)
        for name, sub in sorted(c.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return found


# -- the steps ------------------------------------------------------------------------------------

def change_a_value(p: Project) -> None:
    path = p.data / "events/kyiv-joint-declaration-2022.toml"
    text = path.read_text(encoding="utf-8")
    old, new = (("2022-01-14", "2022-01-15") if 'date = "2022-01-14"' in text
                else ("2022-01-15", "2022-01-14"))
    path.write_text(text.replace(f'date = "{old}"', f'date = "{new}"'), encoding="utf-8")


def add_a_record(p: Project) -> None:
    path = p.data / "events/new-event-2023.toml"
    if path.exists():
        return
    kyiv = (p.data / "events/kyiv-joint-declaration-2022.toml").read_text(encoding="utf-8")
    path.write_text(kyiv.split("[evidence]")[0].replace("Joint declaration signed in Kyiv",
                                                        "A new event")
                    .replace('date = "2022-01-1', 'date = "2023-05-1'), encoding="utf-8")


def delete_a_record(p: Project) -> None:
    (p.data / "events/nkao-established-1923.toml").unlink(missing_ok=True)


def add_a_missing_id(p: Project) -> None:
    path = p.data / "figures/new-figure-2024.toml"
    if not path.exists():
        path.write_text((p.data / "figures/peacekeepers-deployed.toml").read_text(
            encoding="utf-8").replace("Russian peacekeepers deployed", "A new figure")
            .replace('date = "2020-11-10"', 'date = "2024"'), encoding="utf-8")


def move_a_listing(p: Project) -> None:
    """The timeline moves from its page to page C: citations of events follow it."""
    timeline, c = p.src / "timeline.md", p.src / "c.md"
    if ":::{facts:timeline}" in timeline.read_text(encoding="utf-8"):
        timeline.write_text("(timeline)=\n# Timeline\n\nMoved to C.\n", encoding="utf-8")
        c.write_text("(c)=\n# C\n\n:::{facts:timeline}\n:::\n", encoding="utf-8")
    else:
        timeline.write_text(PAGES["timeline"], encoding="utf-8")
        c.write_text(PAGES["c"], encoding="utf-8")


def rename_a_publisher(p: Project) -> None:
    """A publisher's name shows wherever its sources are cited, not only in its own file."""
    path = p.data / "publishers/president-az.toml"
    text = path.read_text(encoding="utf-8")
    old, new = ('name = "President of the Republic of Azerbaijan"', 'name = "Presidency"')
    path.write_text(text.replace(old, new) if old in text else text.replace(new, old),
                    encoding="utf-8")


def change_the_contract(p: Project) -> None:
    path = p.src / "urls.txt"
    text = path.read_text(encoding="utf-8")
    line = "a.html#old-a -> a.html#a\n"
    path.write_text(text.replace(line, "") if line in text else text + line, encoding="utf-8")


def change_the_clock(p: Project) -> None:
    p.today = "2026-05-31" if p.today != "2026-05-31" else "2026-11-27"
    p.write_conf()


def touch_nothing(p: Project) -> None:
    """A build with nothing changed (after a failed one, warnings must repeat)."""


STEPS: dict[str, Callable[[Project], None]] = {
    "change a value": change_a_value,
    "add a record": add_a_record,
    "delete a record": delete_a_record,
    "add a missing id": add_a_missing_id,
    "move a listing": move_a_listing,
    "rename a publisher": rename_a_publisher,
    "change the contract": change_the_contract,
    "change the clock": change_the_clock,
    "nothing": touch_nothing,
}


def _files(project: Project) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in [*project.src.rglob("*"), *project.data.rglob("*")]
            if path.is_file() and "_build" not in path.parts}


def _bump(project: Project, before: dict[Path, bytes]) -> None:
    """Move the mtime of each file the step wrote forward, so that an edit within one clock tick
    is seen (and only those: the others must look unchanged to Sphinx)."""
    import os

    for path, content in _files(project).items():
        if before.get(path) != content:
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def run(project: Project, steps: list[str]) -> None:
    project.check()
    for step in steps:
        before = _files(project)
        STEPS[step](project)
        _bump(project, before)
        project.check()


def test_fixed_sequence(tmp_path: Path):
    """Each kind of edit once, in an order where each one matters (the unknown id is used
    before it exists; the timeline moves after events were added)."""
    run(Project(tmp_path), ["nothing", "change a value", "add a record", "add a missing id",
                            "delete a record", "move a listing", "rename a publisher",
                            "change the contract",
                            "change the clock", "move a listing"])


@settings(max_examples=3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(STEPS)), min_size=2, max_size=3))
def test_drawn_sequences(tmp_path_factory: pytest.TempPathFactory, steps: list[str]):
    run(Project(tmp_path_factory.mktemp("drawn")), steps)


def test_a_rebuild_with_nothing_changed_writes_nothing_of_ours(tmp_path: Path):
    """The downloads, the sitemap, robots.txt and the extension's static files keep their
    mtimes; Sphinx rewrites its own index pages, search index, inventory and templated
    static files on every build, as it does without this extension."""
    project = Project(tmp_path)
    add_a_missing_id(project)  # a page in error is read again on every build, by design
    project.build(project.incremental)
    out = project.incremental / "html"
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    project.build(project.incremental)
    rewritten = sorted(str(p.relative_to(out)) for p, mtime in before.items()
                       if p.stat().st_mtime_ns != mtime)
    assert rewritten == SPHINX_REWRITES
