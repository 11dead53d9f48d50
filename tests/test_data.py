"""The site's real data: integrity, sourcing, the short answer, and changes since publication."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from facts import evidence, export
from facts.model import Dataset

#: hosts that serve copies of other sites' pages, never the original
MIRRORS = ("cloudfront.net", "pages.dev", "kiwix", "wikimili.com", "explained.today",
           "docslib.org", "redlib", "menafn.com", "newsbreak.com", "en.m.wikipedia.org",
           "wikiwand.com", "archive.ph", "scribd.com")


def test_every_source_supports_a_fact(site_data: Dataset):
    assert [sid for sid, facts in site_data.citing().items() if not facts] == []


def test_sources_are_originals(site_data: Dataset):
    copies = [f"{s.id}: {s.url}" for s in site_data.sources.values()
              if any(host in (urlsplit(s.url).hostname or "") for host in MIRRORS)]
    assert copies == []


def test_source_urls_are_unique(site_data: Dataset):
    seen: dict[str, str] = {}
    duplicates = []
    for source in site_data.sources.values():
        key = source.url.rstrip("/")
        if key in seen:
            duplicates.append(f"{source.id} = {seen[key]}")
        seen[key] = source.id
    assert duplicates == []


def test_every_dimension_weighs_items(site_data: Dataset):
    """Each rule has something to weigh (the loader checks that the universes are complete and
    that the answer agrees with the findings)."""
    found = evidence.findings(site_data)
    assert set(found) == set(site_data.dimensions)
    assert [dim for dim, f in found.items() if not f.items] == []


def test_article_errors_are_all_sourced(site_data: Dataset):
    article = [c for c in site_data.corrections.values() if c.article_said]
    assert len(article) >= 15
    assert [c.id for c in article if not any(site_data.sources_of(f) for f in c.facts)] == []


def test_changed_facts_have_a_correction(site_data: Dataset):
    """Every published value that changed has a dated correction, clarification or update that
    names the fact and quotes the previous value (``python -m facts.export --record`` resets the
    record at a release)."""
    record = export.read_record(site_data)
    assert export.uncorrected_changes(site_data, record) == []


@pytest.mark.parametrize(("today", "code"), [("2026-11-27", 0), ("2031-01-01", 1)])
def test_stale_lists_facts_past_review(capsys, today, code):
    from facts.stale import main

    assert main(["--today", today]) == code
    out = capsys.readouterr()
    assert (out.out == "") is (code == 0)
    assert f"due for review on {today}" in out.err


#: words that describe how a source was found rather than what it is
FINDING_NOTES = re.compile(r"slug|stored copy|headline not|not shown|from url|search result|"
                           r"placeholder|untitled", re.I)


def test_titles_are_headlines_or_descriptions(site_data: Dataset):
    """A title is the work's own headline, or a bracketed description of the work in citation
    style; never a note about how the source was found."""
    bad = [f"{s.id}: {s.title}" for s in site_data.sources.values()
           if FINDING_NOTES.search(s.title)
           or (s.title.startswith("[") and not (s.title.endswith("]") and s.title[1].isupper()))]
    assert bad == []
