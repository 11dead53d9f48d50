"""A record full of hostile strings, through every builder and every download.

Text from the data must stay text in every output context: HTML text and attributes, JSON inside
``<script>``, the JSON and CSV downloads (where a cell must not run as a spreadsheet formula),
LaTeX, EPUB's XHTML and plain text.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from helpers import FIXTURE_DATA, ROOT_CONF, copy_data, edit

#: one string per context it attacks
HOSTILE = {
    "script": "<!--<script>alert(1)</script>",
    "end-script": "</script><script>alert(2)</script>",
    "attribute": "\" onmouseover=\"alert(3)\" '",
    "formula": '=HYPERLINK("https://evil.example","click")',
    "plus": "+1+2",
    "at": "@SUM(A1)",
    "latex": r"\input{/etc/passwd} $x$ % & # _ ^ ~ {}",
    "separator": "line\u2028separator",
    "cdata": "]]><x>",
}
TITLE = " ".join(HOSTILE.values())
#: as loaded: whitespace runs, U+2028 among them, become single spaces
LOADED = " ".join(TITLE.split())
EVENT = "events/kyiv-joint-declaration-2022.toml"
SOURCE = "sources/example-wire-2022.toml"
PAGES = {
    "sources": "(sources)=\n# Sources\n\n:::{facts:sources}\n:::\n",
    "data": "(data)=\n# Data\n\n:::{facts:downloads}\n:::\n",
}
INDEX = ("(home)=\n# Home\n\n{facts:date}`kyiv-joint-declaration-2022` "
         "{facts:cite}`kyiv-joint-declaration-2022`\n\n:::{facts:timeline}\n:topics: ukraine\n"
         ":::\n\n```{toctree}\nsources\ndata\n```\n")
CONF = ROOT_CONF.replace('["myst_parser", "facts.sphinxext"]',
                         '["myst_parser", "facts.sphinxext", "facts.sphinxext.site"]') + (
    'html_baseurl = "https://example.org/"\nfacts_cite_url = "https://example.org/"\n'
    'version = "1"\ncopyright = "2026, Example"\n')


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    data = copy_data(base / "data")
    edit(data / EVENT, 'title = "Joint declaration signed in Kyiv"', f"title = {_toml(TITLE)}")
    edit(data / SOURCE, 'title = "Leaders sign a declaration in Moscow"',
         f"title = {_toml(TITLE)}")
    src = base / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF.replace(repr(str(FIXTURE_DATA)), repr(str(data))),
                                 encoding="utf-8")
    (src / "index.md").write_text(INDEX, encoding="utf-8")
    for name, text in PAGES.items():
        (src / f"{name}.md").write_text(text, encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def outputs(hostile_root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from sphinx.testing.util import SphinxTestApp

    out = {}
    for builder in ("html", "dirhtml", "singlehtml", "epub", "latex", "text"):
        app = SphinxTestApp(builder, srcdir=hostile_root,
                            builddir=tmp_path_factory.mktemp(builder))
        try:
            app.build()
            assert app.warning.getvalue() == "", builder  # type: ignore[attr-defined]
            out[builder] = Path(app.outdir)
        finally:
            app.cleanup()
    return out


def test_html_keeps_data_as_text(outputs: dict[str, Path]):
    for builder in ("html", "dirhtml", "singlehtml"):
        for page in outputs[builder].rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert "<script>alert" not in html, page
            assert "onmouseover=\"alert" not in html, page
            assert html.count("</head>") == 1, page


def test_json_ld_parses_and_round_trips(outputs: dict[str, Path]):
    html = (outputs["html"] / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    assert not re.search(r"[<>&\u2028\u2029]", blocks[0])
    events = json.loads(blocks[0])["about"]
    assert LOADED in [e["name"] for e in events]


def test_script_json_escapes_what_ends_or_breaks_a_script():
    from facts.sphinxext.json_ld import script_json

    text = script_json({"x": "</script><!-- & \u2028 \u2029"})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"x": "</script><!-- & \u2028 \u2029"}


def test_json_download_round_trips(outputs: dict[str, Path]):
    data = json.loads((outputs["html"] / "data" / "facts.json").read_text(encoding="utf-8"))
    assert LOADED in [e["title"] for e in data["events"]]
    assert LOADED in [s["title"] for s in data["sources"]]


def test_csv_cells_never_run_as_formulas(outputs: dict[str, Path]):
    for name in ("events.csv", "sources.csv"):
        with (outputs["html"] / "data" / name).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        titles = [r["title"] for r in rows]
        assert LOADED in titles  # starts with "<", not a formula character: kept as it is
        cells = [cell for row in rows for cell in row.values() if cell]
        assert [c for c in cells if c[0] in "=+-@\t\r"] == [], name


def test_csv_neutralises_a_leading_formula():
    from facts.export import cell

    for value in (HOSTILE["formula"], HOSTILE["plus"], HOSTILE["at"], "-1", "\t=1", "\r=1"):
        assert cell(value) == "'" + value


def test_epub_pages_are_well_formed_xhtml(outputs: dict[str, Path]):
    epub = next(outputs["epub"].glob("*.epub"))
    with zipfile.ZipFile(epub) as z:
        pages = [n for n in z.namelist() if n.endswith(".xhtml")]
        assert pages
        for name in pages:
            text = z.read(name).decode("utf-8")
            ET.fromstring(text)  # raises on markup that escaped
            assert "<script>alert" not in text


def test_latex_escapes_every_special_character(outputs: dict[str, Path]):
    tex = next(outputs["latex"].glob("*.tex")).read_text(encoding="utf-8")
    assert r"\input{/etc/passwd}" not in tex
    assert r"\textbackslash{}input\{/etc/passwd\}" in tex
    assert r"\$x\$ \% \& \# \_ \textasciicircum{} \textasciitilde{} \{\}" in tex


def test_text_shows_the_string_as_written(outputs: dict[str, Path]):
    text = "".join((outputs["text"] / "sources.txt").read_text(encoding="utf-8").split())
    assert "".join(LOADED.split()) in text
