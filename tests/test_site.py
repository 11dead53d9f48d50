"""The whole site, built from scratch the way `make html` and Read the Docs build it."""

from __future__ import annotations

import filecmp
import posixpath
import re
import runpy
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from barefacts import scan
from helpers import DOCS, PAGES
from htmlpage import parse
from sitebuild import PDF_NAME, RTD_CANONICAL, Build

LOCAL_CANONICAL = "https://azerbaijan-russia-ukraine.readthedocs.io/en/stable/"


def html_pages(outdir: Path) -> list[str]:
    return sorted(str(p.relative_to(outdir).with_suffix("")) for p in outdir.glob("*.html")
                  if p.stem not in {"genindex", "search", "404"})


def test_html_build_has_no_warnings(site_html: Build):
    """Read the Docs' command, from a fresh copy of docs/, warns about nothing."""
    assert site_html.returncode == 0, site_html.stderr
    assert site_html.warnings() == []


def test_every_page_is_built(site_html: Build):
    assert html_pages(site_html.outdir) == sorted(PAGES)


def test_no_page_repeats_an_id(site_html: Build):
    """An id twice on a page breaks its links and screen readers' table navigation (Furo
    copies a table's id to the wrapper it adds; the extension takes it off again)."""
    repeated = {page: sorted(parse(site_html.outdir / f"{page}.html").repeated)
                for page in html_pages(site_html.outdir)}
    assert {page: ids for page, ids in repeated.items() if ids} == {}


@pytest.mark.parametrize("builder", ["epub", "htmlzip", "text"])
def test_other_formats_have_no_warnings(builder: str, request: pytest.FixtureRequest):
    """Read the Docs' epub and htmlzip commands (and the text builder) warn about nothing."""
    build: Build = request.getfixturevalue(f"site_{builder}")
    assert build.returncode == 0, build.stderr
    assert build.warnings() == []


#: what a build must not print: a note from an import, MyST's configuration dump, and a
#: configuration change reported by a build whose configuration did not change
NOISE = re.compile(r"matplotlib|myst v\d|configuration has changed", re.I)


@pytest.mark.parametrize("builder", ["html", "epub", "htmlzip", "text"])
def test_builds_print_progress_only(builder: str, request: pytest.FixtureRequest):
    """The other formats load the html build's environment, so they would report any option
    that the html build registered late (Furo's ``pygments_dark_style``) as changed."""
    build: Build = request.getfixturevalue(f"site_{builder}")
    assert [line for line in (build.stdout + build.stderr).splitlines()
            if NOISE.search(line)] == []


@pytest.mark.parametrize("builder", ["epub", "htmlzip", "pdf", "text"])
def test_other_formats_reuse_the_html_doctrees(builder: str, request: pytest.FixtureRequest):
    """Each other format reads no page again: it reuses the html build's doctrees, as Read the
    Docs does, and writes nothing there, which lets the tests build them two at a time."""
    build: Build = request.getfixturevalue(f"site_{builder}")
    assert "updating environment: 0 added, 0 changed, 0 removed" in build.stdout


def test_html_build_keeps_its_compiled_templates(site_html: Build):
    """The templates are compiled once and kept beside the doctrees, so that a rebuild does not
    compile them again (Jinja checks each against its source)."""
    assert list((site_html.srcdir / "_build/doctrees/facts-templates").glob("*.cache"))


def test_pdf_has_every_page_and_every_glyph(latexmk: str, site_pdf: Build):
    """Read the Docs' pdf commands (latex, then latexmk with XeLaTeX) make a PDF whose text has
    every page's title, and TeX reports no missing glyph: Azerbaijani, Cyrillic and Armenian
    letters are all set."""
    import subprocess

    assert site_pdf.returncode == 0, site_pdf.stderr[-3000:]
    pdf = site_pdf.outdir / f"{PDF_NAME}.pdf"
    log = (site_pdf.outdir / f"{PDF_NAME}.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    text = " ".join(text.replace("’", "'").split())  # typeset quotes; lines joined
    titles = [re.search(r"^# (.+)$", (DOCS / f"{p}.md").read_text(encoding="utf-8"), re.M)
              for p in PAGES]
    missing = [t[1] for t in titles if t is not None and t[1] not in text]
    assert missing == []
    for script, letters in SCRIPTS.items():  # each script the data uses reaches the PDF
        assert re.search(letters, text), script


#: scripts the site's sources are written in, beyond basic Latin
SCRIPTS = {"Azerbaijani": "[əƏğşıİ]", "Cyrillic": "[\u0400-\u04ff]",
           "Armenian": "[\u0530-\u058f]"}


def test_parallel_build_is_byte_identical(site_html: Build, site_html_j2: Build):
    """-j 2 warns about nothing and writes exactly the serial build's files (from another folder,
    so this also shows the output does not depend on where it was built).  It also builds with
    ``facts_set_aside = False``: hiding the extension's tables from the transforms that cannot
    apply to them changes no byte either, smart quotes in the data included."""
    assert site_html_j2.returncode == 0, site_html_j2.stderr
    assert site_html_j2.warnings() == []
    differ = _diff(site_html.outdir, site_html_j2.outdir)
    assert differ == []


def _diff(left: Path, right: Path) -> list[str]:
    cmp = filecmp.dircmp(left, right)
    found: list[str] = []

    def walk(c: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"{prefix}{n}" for n in c.left_only + c.right_only + c.diff_files)
        found.extend(f"{prefix}{n} (unreadable)" for n in c.funny_files)
        for name, sub in sorted(c.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(cmp, "")
    # dircmp compares size and mtime first; recheck every common file byte by byte
    for path in sorted(left.rglob("*")):
        rel = path.relative_to(left)
        other = right / rel
        if path.is_file() and other.is_file() and path.read_bytes() != other.read_bytes():
            found.append(f"{rel} (content)")
    return sorted(set(found))


def test_every_page_is_canonical_at_its_version(site_html: Build):
    """The build is Read the Docs' exact command: each page names its own URL as canonical."""
    for page in html_pages(site_html.outdir):
        html = (site_html.outdir / f"{page}.html").read_text(encoding="utf-8")
        assert _canonical(html) == f"{RTD_CANONICAL}{page}.html", page


def test_local_builds_point_canonical_at_stable(monkeypatch: pytest.MonkeyPatch):
    """Without Read the Docs' variables (make html), conf.py falls back to the stable URL."""
    for key in ("READTHEDOCS", "READTHEDOCS_CANONICAL_URL"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # conf.py would otherwise set it for the run
    conf = runpy.run_path(str(DOCS / "conf.py"))
    assert conf["html_baseurl"] == LOCAL_CANONICAL
    assert conf["nitpicky"] is True


def _canonical(html: str) -> str | None:
    found = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
    assert len(found) == 1
    return found[0]


def test_no_bare_facts(site_html: Build):
    """Dates and figures in the pages all come from the facts (see tests/barefacts.py)."""
    assert scan(site_html.outdir) == []


def test_every_internal_link_and_fragment_resolves(site_html: Build):
    out = site_html.outdir
    broken = []
    for path in sorted(out.glob("*.html")):
        if path.name == "404.html":  # its links are absolute, for any depth (tested in a browser)
            continue
        for href in (link.href for link in parse(path).links):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = posixpath.normpath(unquote(parts.path)) if parts.path else path.name
            if (out / target).is_dir():
                target = posixpath.join(target, "index.html")
            if not (out / target).is_file():
                broken.append(f"{path.name}: {href} (no such file)")
            elif parts.fragment and target.endswith(".html") and (
                    parts.fragment not in parse(out / target).ids):
                broken.append(f"{path.name}: {href} (no such id)")
    assert broken == []


#: pages for readers; the editors' page lists records only as examples
READER_PAGES = [p for p in PAGES if p != "editing"]


@pytest.mark.parametrize("page", READER_PAGES)
def test_citations_go_to_the_sources_or_the_timeline(site_html: Build, page: str):
    """Every citation marker on a reader page leads to the source's entry on the sources page
    or the event's row on the timeline, and that entry exists."""
    out = site_html.outdir
    cites = [link.href for link in parse(out / f"{page}.html").links if link.cite]
    assert cites or page in {"sources", "data", "about"}, "a page of claims cites its sources"
    wrong = []
    for href in cites:
        target, _, fragment = href.partition("#")
        target = target or f"{page}.html"
        kind = {"sources.html": "source-", "timeline.html": "event-"}.get(target)
        if kind is None or not fragment.startswith(kind) or fragment not in parse(out / target).ids:
            wrong.append(href)
    assert wrong == []


def test_no_reader_page_links_into_the_editors_page(site_html: Build):
    """Only the two pages for editors (and the navigation) may lead to the editors' page."""
    out = site_html.outdir
    found = {page: hrefs for page in READER_PAGES if page not in {"index", "about"}
             if (hrefs := [link.href for link in parse(out / f"{page}.html").links
                           if link.href.startswith("editing.html#")])}
    assert found == {}


#: pages that sum up: a quantity with several dated figures shows its latest there
SUMMARY_PAGES = ["index", "faq", "foreign-policy", "evidence"]
_VALUE = re.compile(r'class="[^"]*\bfacts-q-([a-z0-9-]+) facts-f-([a-z0-9-]+)[^"]*"[^>]*>'
                    r"([^<]*)<")


def test_one_value_per_figure_and_the_latest_in_summaries(site_html: Build, site_data):
    """A figure's headline value reads the same on every page; where a quantity has a series of
    figures (cumulative aid at several dates), the summary pages show the latest of them."""
    shown: dict[str, set[str]] = {}
    on_summaries: dict[str, set[str]] = {}
    for page in PAGES:
        html = (site_html.outdir / f"{page}.html").read_text(encoding="utf-8")
        for quantity, figure, text in _VALUE.findall(html):
            shown.setdefault(figure, set()).add(text)
            if page in SUMMARY_PAGES:
                on_summaries.setdefault(quantity, set()).add(figure)
    assert {f: texts for f, texts in shown.items() if len(texts) > 1} == {}
    latest: dict[str, Any] = {}
    for fig in site_data.figures.values():
        best = latest.get(fig.series)
        if best is None or fig.date.sort_key() > best.date.sort_key():
            latest[fig.series] = fig
    stale = {q: sorted(figs - {latest[q].id}) for q, figs in on_summaries.items()
             if figs - {latest[q].id}}
    assert stale == {}


def test_a_change_to_several_records_lists_each_with_its_sources(site_html: Build, site_data):
    """A site correction that names several records lists each one, linked, with its own
    sources; an article correction keeps one run of markers after the corrected statement."""
    html = (site_html.outdir / "corrections.html").read_text(encoding="utf-8")
    site, article = html.split('id="corrections-article"', 1)
    several = [c for c in site_data.corrections.values() if not c.article_said and len(c.facts) > 1]
    lists = re.findall(r'<ul class="[^"]*\bfacts-corrected\b[^"]*">(.*?)</ul>', site, re.S)
    assert len(lists) == len(several) > 0
    items = [item for found in lists for item in found.split("<li")[1:]]
    assert len(items) == sum(len(c.facts) for c in several)
    assert all("<a " in item and "facts-marker" in item for item in items)
    assert "facts-corrected" not in article
