"""The site's real data: integrity, sourcing, the short answer, and changes since publication."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from urllib.parse import urlsplit

import pytest

from facts import claims, evidence, export
from facts.model import Dataset, Fact

#: hosts that serve copies of other sites' pages, never the original
MIRRORS = ("cloudfront.net", "pages.dev", "kiwix", "wikimili.com", "explained.today",
           "docslib.org", "redlib", "menafn.com", "newsbreak.com", "en.m.wikipedia.org",
           "wikiwand.com", "archive.ph", "scribd.com")


def test_every_fact_has_a_source(site_data: Dataset):
    assert [fid for fid, fact in site_data.dated().items() if not fact.sources] == []


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


def test_timeline_is_in_date_order(site_data: Dataset):
    """By year, then month, then day; within a month, events dated only to the month last."""
    timeline = site_data.timeline()
    assert [e.date.sort_key() for e in timeline] == sorted(e.date.sort_key() for e in timeline)
    for before, after in pairwise(timeline):
        assert before.date.first_day() <= after.date.last_day(), (before.id, after.id)


def test_eras_follow_each_other(site_data: Dataset):
    eras = site_data.site.eras
    assert eras, "the drawn timeline needs eras"
    for before, after in pairwise(eras):
        assert before.end is not None and before.end.last_day() < after.start.first_day()


def test_every_fact_is_checked_by_the_as_of_date(site_data: Dataset):
    records: list[Fact] = [*site_data.dated().values(), *site_data.tables.values()]
    assert [r.id for r in records if r.as_of > site_data.site.as_of] == []
    assert [r.id for r in records if r.review_by <= r.as_of] == []


def test_short_answer_agrees_with_the_evidence(site_data: Dataset):
    assert claims.summary_problems(site_data) == []
    assert site_data.site.answer.lean == evidence.verdict(site_data)[0]


def test_every_dimension_weighs_items(site_data: Dataset):
    """Each rule has something to weigh, and every weighed item is listed in its universe."""
    found = evidence.findings(site_data)
    assert set(found) == set(site_data.dimensions)
    assert [dim for dim, f in found.items() if not f.items] == []
    assert evidence.completeness(site_data) == []


def test_article_errors_are_all_sourced(site_data: Dataset):
    article = [c for c in site_data.corrections.values() if c.article_said]
    assert len(article) >= 15
    assert [c.id for c in article if not any(site_data.sources_of(f) for f in c.facts)] == []


def test_changed_facts_have_a_correction(site_data: Dataset):
    """Every published value that changed has a dated correction, clarification or update that
    names the fact and quotes the previous value (``python -m facts.export --record`` resets the
    record at a release)."""
    record = export.read_record(site_data)
    published = dt.date.fromisoformat(record["as_of"])
    noted = {f for c in site_data.corrections.values() if c.date >= published and c.previous
             for f in (*c.facts, *c.withdrawn)}
    current = export.published_values(site_data)
    changed = sorted(fid for fid, value in record["values"].items()
                     if fid in current and current[fid] != value)
    removed = sorted(fid for fid in record["values"] if fid not in current)
    assert [fid for fid in changed + removed if fid not in noted] == []


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
