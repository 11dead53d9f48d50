"""The URL contract: every page and section URL the site has ever published.

``docs/stable-urls.txt`` has one URL per line, ``page.html`` or ``page.html#section-label``.  Lines
are only ever added.  A URL whose content moved keeps its line, with its new home after ``->``::

    faq.html#faq-old-question -> faq.html#faq-new-question
    old-page.html -> new-page.html

``python -m facts.urls BUILD_DIR CONTRACT`` adds the URLs of a fresh HTML build to the contract;
:func:`check` lists every contracted URL the build no longer serves.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HEADER = """\
# Every page and section URL this site has published; see the README, "Stable URLs".
# Lines are only ever added ('make urls'). A moved URL keeps its line: OLD -> NEW.
"""
#: generated pages that are not citable content
NOT_CONTENT = frozenset({"genindex.html", "search.html", "404.html"})


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    moved_to: str | None
    line: int

    @property
    def page(self) -> str:
        return self.url.partition("#")[0]

    @property
    def fragment(self) -> str:
        return self.url.partition("#")[2]


class ContractError(ValueError):
    """A malformed contract line, with its line number."""


_URL = re.compile(r"^[a-z0-9][a-z0-9/-]*\.html(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?$")


def parse(text: str) -> list[Entry]:
    entries, seen = [], set()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        url, _, target = (part.strip() for part in line.partition("->"))
        for part in filter(None, (url, target)):
            if not _URL.match(part):
                raise ContractError(f"line {number}: {part!r} is not 'page.html' or "
                                    "'page.html#label'")
        if url in seen:
            raise ContractError(f"line {number}: {url!r} is listed twice")
        seen.add(url)
        entries.append(Entry(url, target or None, number))
    return entries


@dataclass(frozen=True)
class _Ids:
    """Section ids, every id, and the redirect target of one built page."""

    sections: tuple[str, ...]
    ids: frozenset[str]
    refresh: str | None


#: start tags with an id (Sphinx and the redirect pages quote attributes with ")
_ID = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\sid="([^"]*)"')
_REFRESH = re.compile(r'<meta\b[^>]*http-equiv="refresh"[^>]*content="[^"]*?url=([^"]*)"',
                      re.IGNORECASE)


@lru_cache(maxsize=256)
def _parse_cached(path: str, mtime_ns: int, size: int) -> _Ids:
    text = Path(path).read_text(encoding="utf-8")
    found = _ID.findall(text)
    refresh = _REFRESH.search(text)
    return _Ids(tuple(i for tag, i in found if tag == "section"),
                frozenset(i for _tag, i in found), refresh[1] if refresh else None)


def _parse_page(path: Path) -> _Ids:
    """A page's ids, read once per version of the file (the contract checks every URL)."""
    stat = path.stat()
    return _parse_cached(str(path), stat.st_mtime_ns, stat.st_size)


def published(outdir: Path) -> list[str]:
    """Every page and section URL of an HTML build, in a stable order."""
    urls = []
    for page in sorted(outdir.glob("*.html")):
        if page.name in NOT_CONTENT:
            continue
        parsed = _parse_page(page)
        if parsed.refresh is not None:
            continue  # a redirect page is not content
        urls.append(page.name)
        urls.extend(f"{page.name}#{sid}" for sid in parsed.sections)
    return urls


def serves(outdir: Path, url: str) -> bool:
    """True if the build has the page, and the fragment's id on it."""
    page, _, fragment = url.partition("#")
    path = outdir / page
    if not path.is_file():
        return False
    return not fragment or fragment in _parse_page(path).ids


def _redirected(outdir: Path, entry: Entry) -> bool:
    """A section of a page that became a redirect page: the redirect keeps the fragment."""
    path = outdir / entry.page
    if not entry.fragment or not path.is_file():
        return False
    target = _parse_page(path).refresh
    return target is not None and entry.moved_to == f"{target}#{entry.fragment}"


def broken(outdir: Path, entries: Iterable[Entry]) -> list[tuple[Entry, str]]:
    """Each contracted URL the build breaks, with a message."""
    problems = []
    for entry in entries:
        if entry.moved_to is None:
            if not serves(outdir, entry.url):
                problems.append((entry, f"{entry.url}: no longer published; restore it or map "
                                 "it to its new home in the contract (OLD -> NEW)"))
            continue
        if not serves(outdir, entry.moved_to):
            problems.append((entry, f"{entry.url}: moved to {entry.moved_to}, which is not "
                             "published"))
        if not (serves(outdir, entry.url) or _redirected(outdir, entry)):
            problems.append((entry, f"{entry.url}: moved to {entry.moved_to}, but the old URL "
                             "does not resolve (no redirect page or alias)"))
    return problems


def check(outdir: Path, entries: Iterable[Entry]) -> list[str]:
    """One message per contracted URL the build breaks."""
    return [message for _entry, message in broken(outdir, entries)]


def unlisted(outdir: Path, entries: Iterable[Entry]) -> list[str]:
    """Published URLs the contract does not list yet ('make urls' adds them).  A moved URL's
    new home is published too, so it gets a line of its own."""
    known = {e.url for e in entries}
    return [url for url in published(outdir) if url not in known]


def update(outdir: Path, contract: Path) -> list[str]:
    """Append the build's new URLs to the contract; return them."""
    text = contract.read_text(encoding="utf-8") if contract.exists() else HEADER
    new = unlisted(outdir, parse(text))
    if new:
        contract.write_text(text.rstrip("\n") + "\n" + "\n".join(new) + "\n", encoding="utf-8")
    return new


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m facts.urls BUILD_DIR CONTRACT", file=sys.stderr)
        return 2
    outdir, contract = Path(args[0]), Path(args[1])
    added = update(outdir, contract)
    for url in added:
        print(f"added {url}")
    print(f"{contract}: {len(added)} URL(s) added" if added else
          f"{contract}: lists every URL of the build; nothing added")
    problems = check(outdir, parse(contract.read_text(encoding="utf-8")))
    print("\n".join(problems), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
