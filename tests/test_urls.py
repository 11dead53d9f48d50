"""Citable URLs: the contract, the inventory, citations, and what search engines read."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import DOCS, REPO
from sitebuild import Build
from sphinx.util.inventory import InventoryFile

from facts.urls import ContractError, Entry, check, parse, published, unlisted

CONTRACT = DOCS / "stable-urls.txt"
BASE = "https://azerbaijan-russia-ukraine.readthedocs.io/en/stable/"


@pytest.fixture(scope="module")
def contract() -> list[Entry]:
    return parse(CONTRACT.read_text(encoding="utf-8"))


def test_built_site_keeps_every_contracted_url(site_html: Build, contract):
    assert check(site_html.outdir, contract) == []


def test_contract_lists_every_published_url(site_html: Build, contract):
    """New pages and sections must be added with `make urls` before they are published."""
    assert unlisted(site_html.outdir, contract) == []


def test_contract_lines_are_checked():
    with pytest.raises(ContractError, match=r"line 2: 'Russia.html' is not"):
        parse("index.html\nRussia.html\n")
    with pytest.raises(ContractError, match=r"line 2: 'index.html' is listed twice"):
        parse("index.html\nindex.html\n")


def test_moved_urls_must_keep_working(tmp_path):
    site = tmp_path / "html"
    site.mkdir()
    (site / "a.html").write_text('<section id="a-new"></section><span id="a-old"></span>')
    (site / "b.html").write_text('<noscript><meta http-equiv="refresh" content="0; url=a.html">'
                                 "</noscript>")
    entries = parse("a.html#a-old -> a.html#a-new\nb.html -> a.html\nb.html#a-new -> a.html#a-new\n"
                    "a.html#gone -> a.html#a-new\nc.html\n")
    assert check(site, entries) == [
        "a.html#gone: moved to a.html#a-new, but the old URL does not resolve (no redirect "
        "page or alias)",
        "c.html: no longer published; restore it or map it to its new home in the contract "
        "(OLD -> NEW)",
    ]


def test_removing_a_label_breaks_the_contract_naming_the_url(site_no_label: Build, contract):
    """A scratch copy of the about page without one label: the contract names the lost URL."""
    assert site_no_label.returncode == 1
    line = next(e.line for e in contract if e.url == "about.html#about-cite")
    errors = [w.split("/docs/", 1)[-1] for w in site_no_label.warnings() if "[facts.url]" in w]
    assert errors == [f"stable-urls.txt:{line}: ERROR: about.html#about-cite: no longer "
                      "published; restore it or map it to its new home in the contract "
                      "(OLD -> NEW) [facts.url]"]
    assert any("section 'How to cite' has no explicit label" in w
               for w in site_no_label.warnings())


def test_inventory_lists_every_contracted_section(site_html: Build, contract):
    with (site_html.outdir / "objects.inv").open("rb") as f:
        inventory = InventoryFile.load(f, "", lambda base, uri: uri)
    labels = {name: item.uri for name, item in inventory["std:label"].items()}
    sections = {e.url for e in contract if e.fragment and e.moved_to is None}
    for url in sections:
        assert labels.get(url.partition("#")[2]) == url, url
    # and nothing else: every label in the inventory is a contracted section (or Sphinx's own)
    extra = {f"{uri}" for name, uri in labels.items()
             if name not in {"genindex", "search"}} - sections
    assert extra == set()


def test_inventory_titles_stand_alone(site_html: Build):
    """Every section's title in objects.inv names its page, so no two entries read alike, and
    no index the site does not build is listed."""
    with (site_html.outdir / "objects.inv").open("rb") as f:
        inventory = InventoryFile.load(f, "", lambda base, uri: uri)
    names = [item.display_name for item in inventory["std:label"].values()]
    assert sorted({n for n in names if names.count(n) > 1}) == []
    assert not {"modindex", "py-modindex"} & set(inventory["std:label"])
    events = [item.display_name for item in inventory.get("facts:event", {}).values()]
    assert events and all(name for name in events)


def test_citation_file_is_valid_and_matches_the_package():
    subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                    "vendor.citation-file-format", str(REPO / "CITATION.cff")], check=True,
                   capture_output=True)
    from facts import __version__

    text = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{__version__}"' in text


def test_readthedocs_config_is_valid():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.readthedocs", str(REPO / ".readthedocs.yaml")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_sitemap_and_robots(site_html: Build):
    tree = ET.parse(site_html.outdir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = sorted(el.text or "" for el in tree.getroot().findall("s:url/s:loc", ns))
    pages = sorted(f"{BASE}{url}" for url in published(site_html.outdir) if "#" not in url)
    assert locs == pages  # every page, and no search, index or 404 page
    robots = (site_html.outdir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}sitemap.xml" in robots.splitlines()


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        if tag == "meta" and attr.get("property"):
            self.meta[attr["property"]] = attr.get("content") or ""
        self._in_ld = tag == "script" and attr.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._in_ld = False


def _head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_open_graph_per_page(site_html: Build):
    for url in published(site_html.outdir):
        if "#" in url:
            continue
        meta = _head(site_html.outdir / url).meta
        assert meta["og:url"] == f"{BASE}{url}", url
        assert meta["og:title"] and meta["og:type"] == "website", url
        assert "og:image" not in meta, url  # no generated images


def test_json_ld_article_and_events(site_html: Build, site_data):
    for url in published(site_html.outdir):
        if "#" in url:
            continue
        blocks = _head(site_html.outdir / url).json_ld
        assert len(blocks) == 1, url
        doc = json.loads(blocks[0])
        assert doc["@context"] == "https://schema.org" and doc["@type"] == "Article", url
        assert doc["url"] == f"{BASE}{url}" and doc["headline"], url
        assert doc["dateModified"] == site_data.site.as_of.isoformat(), url
        for event in doc.get("about", []):
            assert event["@type"] == "Event" and event["name"], url
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", event["startDate"]), event
    timeline = json.loads(_head(site_html.outdir / "timeline.html").json_ld[0])
    assert len(timeline["about"]) == len(site_data.events)


def test_not_found_page_uses_absolute_links(site_html: Build):
    html = (site_html.outdir / "404.html").read_text(encoding="utf-8")
    assert 'href="/en/stable/_static/' in html
    assert 'href="_static/' not in html
