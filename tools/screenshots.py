"""Screenshots for the README: ``python tools/screenshots.py BUILD_DIR OUT_DIR``.

Three pages (the front page, the timeline and a section of the Russia page), each in light mode,
dark mode and at phone width, and a topic page, the evidence page and the sources page at phone
width, taken with Debian's Chromium through Playwright.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from browser import CHROMIUM_ARGS, find_chromium, serve
from playwright.sync_api import ViewportSize, sync_playwright

ALL = ("light", "dark", "phone")
SHOTS = [("index", "index.html", ALL), ("timeline", "timeline.html", ALL),
         ("russia-azal-8243", "russia.html#russia-azal-8243", ALL),
         ("ukraine", "ukraine.html", ("phone",)), ("evidence", "evidence.html", ("phone",)),
         ("sources", "sources.html", ("phone",))]
VARIANTS: list[tuple[str, ViewportSize, Literal["light", "dark"]]] = [
    ("light", {"width": 1280, "height": 900}, "light"),
    ("dark", {"width": 1280, "height": 900}, "dark"),
    ("phone", {"width": 390, "height": 844}, "light"),
]


def main(build: Path, out: Path) -> int:
    chromium = find_chromium()
    if chromium is None:
        print("screenshots need Debian's Chromium: apt-get install chromium", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    with serve(build) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for name, path, wanted in SHOTS:
            for variant, viewport, scheme in VARIANTS:
                if variant not in wanted:
                    continue
                context = browser.new_context(viewport=viewport, color_scheme=scheme,
                                              device_scale_factor=1)
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                if "#" in path:  # the theme scrolls smoothly: jump at once, then take the shot
                    page.add_style_tag(content="html { scroll-behavior: auto !important; }")
                    page.evaluate("id => document.getElementById(id).scrollIntoView()",
                                  path.split("#", 1)[1])
                target = out / f"{name}-{variant}.png"
                page.screenshot(path=str(target))
                print(target)
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
