"""One parser for built pages, shared by the tests that read HTML.

:func:`parse` reads a page once and keeps what the tests ask of it: every id, every link (and
whether it is a citation), the stylesheets and scripts it loads, and the text of its main
article without what the facts extension emitted (for the bare-facts scan).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

#: elements whose text is markup or code, not claims
CODE_TAGS = {"pre", "code", "script", "style", "kbd", "samp"}
VOID_TAGS = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col"}
BLOCK_TAGS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "dt", "dd", "div", "br"}


@dataclass
class Link:
    href: str
    #: inside a citation (``.facts-cite``)
    cite: bool


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    #: ids that occur more than once
    repeated: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    #: the main article's text, leaving out facts-emitted elements and code
    prose: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[tuple[str, bool, bool]] = []  # (tag, in a citation, text skipped)
        self.in_main = False
        self.prose: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        classes = attr.get("class", "").split()
        if attr.get("id"):
            if attr["id"] in self.page.ids:
                self.page.repeated.add(attr["id"])
            self.page.ids.add(attr["id"])
        if tag == "link" and attr.get("rel") == "stylesheet" and attr.get("href"):
            self.page.assets.append(attr["href"])
        elif tag == "script" and attr.get("src"):
            self.page.assets.append(attr["src"])
        cite = bool(self.open and self.open[-1][1]) or "facts-cite" in classes
        if tag == "a" and attr.get("href"):
            self.page.links.append(Link(attr["href"], cite))
        if tag == "article" and attr.get("role") == "main":
            self.in_main = True
        skipped = bool(self.open and self.open[-1][2]) or (
            tag in CODE_TAGS or "facts" in classes or "headerlink" in classes)
        if self.in_main and not skipped and tag in BLOCK_TAGS:
            self.prose.append("\n")
        if tag not in VOID_TAGS:
            self.open.append((tag, cite, skipped))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_main = False
        for i in range(len(self.open) - 1, -1, -1):  # tolerate unclosed elements
            if self.open[i][0] == tag:
                del self.open[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.in_main and not (self.open and self.open[-1][2]):
            self.prose.append(data)


def parse_html(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    parser.page.prose = "".join(parser.prose)
    return parser.page


@cache
def parse(path: Path) -> Page:
    """A built page, parsed once per session."""
    return parse_html(path.read_text(encoding="utf-8"))
