"""Readers' experience in a real browser: Playwright driving Debian's Chromium on 127.0.0.1.

The built site is served under ``/en/stable/``, as on Read the Docs.  Chromium is never
downloaded: it is Debian's (``apt-get install chromium``), found on the PATH or through
``FACTS_CHROMIUM``.  Without it these tests are skipped with that instruction, except where
``FACTS_REQUIRE_BROWSER=1`` (CI), where a missing browser fails them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser import CHROMIUM_ARGS, serve
from helpers import PAGES, SHIPPED
from pagecheck import NOT_FOUND, check_pages
from sitebuild import Build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def base_url(site_html: Build) -> Iterator[str]:
    with serve(site_html.outdir) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A page opened in a fresh light-mode context, for the keyboard and link checks."""

    def __init__(self, browser: Any, url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 800},
                                           color_scheme="light")
        self.page = self.context.new_page()
        self.response = self.page.goto(url, wait_until="load")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any, base_url: str) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_page(path: str) -> Visit:
        v = Visit(browser, base_url + path)
        opened.append(v)
        return v

    yield open_page
    for v in opened:
        v.close()


def test_the_page_checks_find_faint_text_in_a_long_list(chromium: str, tmp_path):
    """The colour rules read a sample of long lists: faint text among the sampled items, and a
    missing page title, are still reported."""
    items = "".join(f"<li>item {i}</li>" for i in range(40))
    (tmp_path / "faint.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><main>'
        '<article role="main"><h1>Faint</h1><ul><li style="color: #ddd; background: #fff">'
        f"faint item</li>{items}</ul></article></main></body></html>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<!DOCTYPE html><title>Not found</title>",
                                       encoding="utf-8")
    report = check_pages(chromium, tmp_path, ["faint"])["faint"]
    assert "color-contrast" in report.axe["light"] and "color-contrast" in report.axe["dark"]
    assert "document-title" in report.axe["light"]


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_locally_with_no_errors(page_reports, page):
    report = page_reports[page]
    assert report.status == 200
    assert (report.errors, report.failed, report.offsite) == ([], [], [])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", SHIPPED)
def test_no_accessibility_violations(page_reports, page, scheme):
    report = page_reports[page]
    assert report.theme[scheme] == ("auto", scheme == "dark")  # the theme follows the system
    assert report.axe[scheme] == ""


@pytest.mark.parametrize("page", SHIPPED)
def test_phone_width_does_not_scroll_sideways(page_reports, page):
    assert page_reports[page].overflow <= 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_every_table_fits_a_phone(page_reports, page, scheme):
    """At 390 px (light) and 360 px (dark), with every collapsed part open, no table is wider
    than the column it sits in: its content is reachable without scrolling sideways."""
    assert page_reports[page].wide[scheme] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", SHIPPED)
def test_no_text_runs_past_its_column_on_a_phone(page_reports, page, scheme):
    """No run that cannot wrap (a cluster of citation markers, a long link) sticks out of its
    paragraph or list item at 390 and 360 px, where the theme would clip it."""
    assert page_reports[page].spill[scheme] == []


#: the complete listings, and the editors' documentation, are not read from top to bottom
LONG_PAGES = {"timeline", "sources", "editing"}


@pytest.mark.parametrize("page", sorted(set(PAGES) - LONG_PAGES))
def test_reader_pages_are_short(page_reports, page):
    """About 3,000 words of body text at most, as a phone shows the page (collapsed parts
    closed)."""
    assert 0 < page_reports[page].words <= 3_000


def test_not_found_page_works_at_any_depth(page_reports, visit):
    report = page_reports["not-found"]
    assert report.status == 404
    assert (report.errors, report.failed, report.offsite) == ([], [], [])
    assert report.axe == {"light": "", "dark": ""}
    v = visit(NOT_FOUND)
    assert v.page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert v.page.locator("a[href='/en/stable/index.html']").count() >= 1


def test_cite_box_opens_and_copies_from_the_keyboard(visit):
    v = visit("russia.html")
    v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    summary = v.page.locator("#russia-azal-8243 details.facts-cite-box > summary")
    summary.focus()
    v.page.keyboard.press("Enter")
    assert v.page.locator("#russia-azal-8243 details.facts-cite-box").evaluate("d => d.open")
    v.page.keyboard.press("Tab")  # the pinned link
    v.page.keyboard.press("Tab")  # the first Copy button
    focused = v.page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Copy the Plain text citation"
    v.page.keyboard.press("Enter")
    v.page.wait_for_function("document.activeElement.textContent === 'Copied'")
    copied = v.page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("/russia.html#russia-azal-8243")
    assert "Azerbaijan and Russia: " in copied


def test_theme_switch_works_from_the_keyboard(visit):
    v = visit("index.html")
    before = v.page.evaluate("document.body.dataset.theme")
    button = v.page.locator(".content-icon-container .theme-toggle").first
    button.focus()
    v.page.keyboard.press("Enter")
    after = v.page.evaluate("document.body.dataset.theme")
    assert before != after


def test_drawn_timeline_links_to_its_entries(visit):
    v = visit("timeline.html")
    links = v.page.locator(".facts-visual a")
    assert links.count() > 10
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    for href in hrefs:
        target = href.split("#", 1)[1]
        if href.startswith("#"):
            assert v.page.locator(f"[id='{target}']").count() == 1, href
    legend = v.page.locator(".facts-visual .facts-visual-legend li").all_inner_texts()
    assert "◆ Ukraine" in legend and "■ Russia" in legend  # a shape besides the colour
