"""Page weight: every page's HTML, CSS and JavaScript stay within a budget derived from Furo's own
weight, and nothing is fetched from elsewhere (no web fonts, no third-party files)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from htmlpage import parse
from sitebuild import Build

from facts.model import Dataset
from facts.urls import NOT_CONTENT

#: A page may weigh this many times Furo's own one-paragraph page (HTML, CSS and JavaScript).
BUDGET_FACTOR = 5
#: The three complete listings grow with the data; each listed record may add this many bytes.
#: A timeline event is listed twice (drawn, then as a table row with its sources and their
#: descriptions), about 2,700 bytes in all; a source entry about 800; a correction, which lists or
#: cites every record it names with their sources, about 7,500 on average (61, 460 kB).
PER_RECORD = {"timeline.html": ("events", 3_000), "sources.html": ("sources", 1_000),
              "corrections.html": ("corrections", 7_500)}
#: the 404 page links its assets absolutely, under the site's path (see conf.py)
SITE_PATH = "/en/stable/"


def weight(outdir: Path, page: str) -> tuple[int, list[str]]:
    """Bytes of the page and of every stylesheet and script it loads; and any remote assets."""
    path = outdir / page
    total, remote = path.stat().st_size, []
    for href in parse(path).assets:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            remote.append(href)
            continue
        local = (outdir / parts.path.removeprefix(SITE_PATH) if parts.path.startswith("/")
                 else (outdir / page).parent / parts.path)
        total += local.resolve().stat().st_size
    return total, remote


@pytest.fixture(scope="module")
def theme_baseline(tmp_path_factory: pytest.TempPathFactory) -> int:
    """Furo's own weight: a one-paragraph page in a plain Furo project."""
    src = tmp_path_factory.mktemp("furo")
    (src / "conf.py").write_text('html_theme = "furo"\n', encoding="utf-8")
    (src / "index.rst").write_text("Title\n=====\n\nOne paragraph.\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src),
                    str(src / "_build")], check=True, capture_output=True)
    return weight(src / "_build", "index.html")[0]


def test_every_page_is_within_budget(site_html: Build, site_data: Dataset, theme_baseline: int):
    budget = BUDGET_FACTOR * theme_baseline
    pages = sorted(p.name for p in site_html.outdir.glob("*.html") if p.name not in NOT_CONTENT)
    heavy = {}
    for page in pages:
        kind, each = PER_RECORD.get(page, ("", 0))
        allowed = budget + each * (len(getattr(site_data, kind)) if kind else 0)
        if (w := weight(site_html.outdir, page)[0]) > allowed:
            heavy[page] = (w, allowed)
    assert heavy == {}, f"budget {budget:,} bytes ({BUDGET_FACTOR} x Furo's {theme_baseline:,})"


def test_nothing_is_loaded_from_elsewhere(site_html: Build):
    pages = sorted(site_html.outdir.glob("*.html"))
    assert {p.name: r for p in pages if (r := weight(site_html.outdir, p.name)[1])} == {}
    fonts = [css.name for css in site_html.outdir.rglob("*.css")
             if re.search(r"@font-face|@import\s+url\(\s*['\"]?https?:", css.read_text("utf-8"))]
    assert fonts == []
