"""Per-page browser checks, run in the background while the rest of the suite runs.

For each page: load it from 127.0.0.1 (recording console errors, failed requests and any request
that would leave localhost) and run axe-core's structural rules on the whole page; then, as a
phone shows it at 390 px, count the words of the body text a reader sees (collapsed parts closed)
and the page's height, and with every collapsed part open, in light and dark, find any table
wider than its container, any text that runs past its column, and any sideways scrolling
at 360 px.  Last, on the desktop layout with the collapsed parts closed again, the colour
rules in light and in dark mode, on the page cut down to the first items of each long list
(see SAMPLE).
Pages are checked two at a time (one per core) with Playwright's async API, in a thread of its
own; the tests then only read the reports.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axe_playwright_python.async_playwright import Axe
from browser import CHROMIUM_ARGS, serve
from playwright.async_api import async_playwright

LOCAL = ("http://127.0.0.1", "data:", "blob:", "about:")
#: The rules that depend on colour: the only ones run again in dark mode, where only colours
#: change.  They are also the slowest (seconds per thousand elements).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
COLOUR = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": COLOUR_RULES}}
#: every other rule, run on the whole page
STRUCTURE = {"resultTypes": ["violations"],
             "rules": {rule: {"enabled": False} for rule in COLOUR_RULES}}
#: Colour rules read the first 5 items of each list and table in the article: the timeline's
#: and bibliography's hundreds of entries repeat the same few styles.  The rest are removed
#: from the page, once every other check is done: excluding them through axe's context instead
#: cost more than checking them (axe matches every element against every excluded one).
SAMPLE = ("() => { document.querySelectorAll('article li:nth-child(n+6), "
          "article tr:nth-child(n+6)').forEach(e => e.remove()); "
          "document.querySelectorAll('details').forEach(d => { d.open = false; }); }")


@dataclass
class PageReport:
    status: int = 0
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    axe: dict[str, str] = field(default_factory=dict)  # scheme -> report, "" when clean
    theme: dict[str, tuple[str, bool]] = field(default_factory=dict)
    overflow: int = 0
    #: scheme -> tables whose content is wider than their container at phone widths
    wide: dict[str, list[str]] = field(default_factory=dict)
    #: scheme -> paragraphs and list items whose text runs past their own width at phone widths
    spill: dict[str, list[str]] = field(default_factory=dict)
    words: int = 0  # body text a phone reader sees at 390 px, collapsed parts closed
    height: int = 0  # page height in CSS pixels at 390 px


#: Every table (collapsed ones opened) whose content is wider than the box it sits in.
WIDE_TABLES = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  return [...document.querySelectorAll('article table')]
    .filter(t => t.scrollWidth > t.parentElement.clientWidth + 1)
    .map(t => `${t.id || t.className}: ${t.scrollWidth} > ${t.parentElement.clientWidth} px`);
}"""
#: Every paragraph or list item (collapsed ones opened) with a run of text that cannot wrap
#: and sticks out past its own box: the theme clips it, so the page does not scroll sideways
#: and the rest of the run is out of reach.
SPILLING_TEXT = """() => [...document.querySelectorAll('article :is(p, li, dt, dd)')]
  .filter(e => e.scrollWidth > e.clientWidth + 1 && !e.querySelector('table, pre'))
  .map(e => `${e.tagName.toLowerCase()}: ${e.textContent.trim().slice(0, 60)}`)"""
BODY_WORDS = """() => {
  const main = document.querySelector('article[role=main]') || document.body;
  return main.innerText.split(/\\s+/).filter(w => /\\w/.test(w)).length;
}"""


async def _check(browser: Any, url: str) -> PageReport:
    report = PageReport()
    context = await browser.new_context(viewport={"width": 1280, "height": 800},
                                        color_scheme="light")

    async def route(r: Any) -> None:
        if r.request.url.startswith(LOCAL):
            await r.continue_()
        else:
            report.offsite.append(r.request.url)
            await r.abort()

    await context.route("**/*", route)
    page = await context.new_page()
    def console(message: Any) -> None:
        # a 404 page's own status is logged as an error; it is the point, not a fault
        if message.type == "error" and message.location.get("url") != url:
            report.errors.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda e: report.errors.append(str(e)))
    page.on("requestfailed", lambda r: report.failed.append(r.url))
    response = await page.goto(url, wait_until="load")
    report.status = response.status if response else 0
    axe = Axe()
    found: dict[str, list[Any]] = {"light": [await axe.run(page, options=STRUCTURE)], "dark": []}
    await page.set_viewport_size({"width": 390, "height": 800})
    report.words = await page.evaluate(BODY_WORDS)
    report.height = await page.evaluate("document.documentElement.scrollHeight")
    for width, scheme in ((390, "light"), (360, "dark")):
        await page.emulate_media(color_scheme=scheme)
        await page.set_viewport_size({"width": width, "height": 800})
        report.wide[scheme] = await page.evaluate(WIDE_TABLES)
        report.spill[scheme] = await page.evaluate(SPILLING_TEXT)
    report.overflow = await page.evaluate(
        "document.documentElement.scrollWidth - window.innerWidth")
    await page.set_viewport_size({"width": 1280, "height": 800})
    await page.evaluate(SAMPLE)
    for scheme in ("light", "dark"):
        await page.emulate_media(color_scheme=scheme)
        report.theme[scheme] = (
            await page.evaluate("document.body.dataset.theme"),
            await page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches"))
        found[scheme].append(await axe.run(page, options=COLOUR))
    report.axe = {scheme: "".join(r.generate_report() for r in runs if r.violations_count)
                  for scheme, runs in found.items()}
    await context.close()
    return report


async def _check_all(chromium: str, base: str, paths: dict[str, str]) -> dict[str, PageReport]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        gate = asyncio.Semaphore(2)

        async def one(name: str, path: str) -> tuple[str, PageReport]:
            async with gate:
                return name, await _check(browser, base + path)

        results = dict(await asyncio.gather(*(one(n, p) for n, p in paths.items())))
        await browser.close()
    return results


#: a URL deep inside the site that does not exist: the 404 page must work there
NOT_FOUND = "some/deep/path/that-does-not-exist.html"


def check_pages(chromium: str, site: Path, pages: list[str]) -> dict[str, PageReport]:
    """Reports by page name, and under ``"not-found"`` for :data:`NOT_FOUND`."""
    paths = {page: f"{page}.html" for page in pages} | {"not-found": NOT_FOUND}
    with serve(site) as base:
        return asyncio.run(_check_all(chromium, base, paths))
