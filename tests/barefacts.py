"""Find dates and figures in built pages that the facts extension did not emit.

Every element the extension emits carries the ``facts`` class; this strips those (and code, which
shows markup rather than claims) from each page's main content and reports what is left that
looks like a date or a figure.  Run it on a build: ``python tests/barefacts.py docs/_build/html``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from htmlpage import parse, parse_html

MONTH = ("January|February|March|April|May|June|July|August|September|October|November|"
         "December")
UNITS = (r"%|percent|per cent|km²|km2|square kilomet(?:re|er)s?|bcm|cubic met(?:re|er)s|billion|"
         r"million|thousand|troops|soldiers|servicemen|people|persons|deaths|dead|killed|"
         r"casualties|refugees|tonnes|tons|manats?|roubles|rubles|dollars|euros|points|articles|"
         r"stations|years|days|months|weeks|hours|km|kilomet(?:re|er)s|miles|votes|states|"
         r"countries|members|documents|agreements|nations")
PATTERNS = {
    "date": re.compile(
        rf"\b\d{{1,2}}(?:–\d{{1,2}})? (?:{MONTH}) \d{{4}}\b|\b(?:{MONTH}) \d{{1,2}}, \d{{4}}\b"
        rf"|\b(?:{MONTH}) \d{{4}}\b|\b\d{{4}}-\d{{2}}(?:-\d{{2}})?\b"),
    "year": re.compile(r"(?<![\w/.-])(?:19|20)\d{2}(?![\w/-])"),
    "figure": re.compile(rf"(?:US\$|\$|€|£)\s?\d|\b\d[\d,.]*(?:\s|-)?(?:{UNITS})(?!\w)", re.I),
}
#: Text that looks like a figure but is a name; each entry says why it is allowed.
ALLOW = (
    "44-day war",  # the conventional name of the 2020 war, not a figure the site asserts
)


def page_text(html: str) -> str:
    """The main article's text without facts-emitted elements and code."""
    return parse_html(html).prose


def scan_text(text: str) -> list[tuple[str, str]]:
    """``(kind, match in context)`` for every bare date or figure in ``text``."""
    for allowed in ALLOW:
        text = text.replace(allowed, "")
    found = []
    for line in text.splitlines():
        for kind, pattern in PATTERNS.items():
            for match in pattern.finditer(line):
                start = max(0, match.start() - 30)
                found.append((kind, line[start:match.end() + 30].strip()))
    return found


def scan(outdir: Path) -> list[str]:
    problems = []
    for page in sorted(outdir.rglob("*.html")):
        if page.name in {"genindex.html", "search.html"}:
            continue
        for kind, context in scan_text(parse(page).prose):
            problems.append(f"{page.relative_to(outdir)}: bare {kind}: …{context}…")
    return problems


if __name__ == "__main__":
    found = scan(Path(sys.argv[1]))
    print("\n".join(found) or "no bare facts")
    raise SystemExit(1 if found else 0)
