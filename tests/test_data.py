"""The site's real data: integrity, sourcing, the short answer, and changes since publication."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from helpers import DOCS, copy_data, edit

from facts import evidence, export
from facts.model import Dataset, Event, Figure

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


def test_stale_blames_the_setting_it_read(monkeypatch):
    from facts.stale import main

    monkeypatch.setenv("FACTS_TODAY", "tomorrow")
    with pytest.raises(SystemExit) as env:
        main([])
    with pytest.raises(SystemExit) as flag:
        main(["--today", "soon"])
    assert [str(env.value), str(flag.value)] == [
        "FACTS_TODAY = 'tomorrow' is not a date YYYY-MM-DD",
        "--today = 'soon' is not a date YYYY-MM-DD"]


def test_stale_reports_bad_data_in_lines_not_a_traceback(tmp_path, capsys):
    from facts.stale import main

    data = copy_data(tmp_path / "data")
    edit(data / "events/first-karabakh-war.toml", 'end = "1994-05-12"', 'end = "1987"')
    with pytest.raises(SystemExit) as stop:
        main(["--today", "2026-11-27", "--data", str(data)])
    assert str(stop.value) == "stopped: the facts data has 1 problem (listed above)"
    assert capsys.readouterr().err.strip().endswith(
        "first-karabakh-war.toml:2: first-karabakh-war: 'end': 1987 is before the start date "
        "1988-02-20")


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


#: the same notes as they would read in a sentence rather than a title
PROCESS_NOTES = re.compile(r"slug|stored cop(?:y|ies)|headline not|not shown|from url|"
                           r"search results?|placeholder", re.I)


def test_public_text_says_nothing_of_how_it_was_researched(site_data: Dataset):
    """Statements, estimates, gap notes, corrections and pages speak of the facts, never of
    how their sources were found ("the stored copy shows no headline")."""
    files = [p for p in sorted(site_data.root.rglob("*.toml")) if p.parent.name != "sources"]
    bad = [f"{path}:{number}: {match[0]!r}"
           for path in [*files, *sorted(DOCS.glob("*.md"))]
           for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
           for match in [PROCESS_NOTES.search(line)] if match]
    assert bad == []


#: the short names prose uses for publishers whose full name is longer
SHORT_NAMES = {"rferl": "RFE/RL", "ap": "AP", "afp": "AFP", "spiegel": "Spiegel"}


def _outlets(data: Dataset) -> dict[str, str]:
    """Publisher name, and its short form ("Trend" for "Trend News Agency") -> publisher id."""
    names: dict[str, str] = {}
    for pid, publisher in data.publishers.items():
        full = re.sub(r"^The ", "", publisher.name)
        short = re.sub(r" \(.*\)$| (?:News |Information )?Agency$", "", full)
        names |= {full: pid, short: pid}
        if pid in SHORT_NAMES:
            names[SHORT_NAMES[pid]] = pid
    return names


#: "X, as reported by Y" anywhere later in the clause: X is the origin and Y is cited
_RELAYED = re.compile(r"[^;.]*?\bas (?:reported|quoted|carried|relayed) by\b")


def _named_as_source(text: str, outlets: dict[str, str]) -> set[str]:
    """Publishers a text gives as the source of a claim: the first outlet named after "according
    to" or "reported by", descriptions allowed ("according to the Azerbaijani news site
    Metbuat.az"); not "X's report" or "X, as reported by Y" (X the origin, Y the one cited)."""
    found = set()
    for m in re.finditer(r"\b(?:according to|reported by) ", text):
        window = text[m.end():m.end() + 90]
        hits = [(at.start(), -len(name), name, pid) for name, pid in outlets.items()
                for at in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", window)]
        if not hits:
            continue
        # the first outlet named; at one place the longest ("Kyiv Independent", not "Independent")
        start, _longest, name, pid = min(hits)
        after = text[m.end() + start + len(name):]
        if not (re.match(r"['’]s\b", after) or _RELAYED.match(after)):
            found.add(pid)
    return found


def _publishers_of(data: Dataset, source_ids: list[str]) -> set[str]:
    return {p for sid in source_ids for p in (data.sources[sid].publisher, data.sources[sid].via)
            if p}


def test_a_named_outlet_is_a_cited_one(site_data: Dataset):
    """A statement that says "according to X" cites X (sources get replaced; their names in the
    text must follow)."""
    outlets = _outlets(site_data)
    stale = []
    facts: list[Event | Figure] = [*site_data.events.values(), *site_data.figures.values()]
    for fact in facts:
        texts = [fact.statement, *(e.by for e in getattr(fact, "estimates", ()))]
        named = set().union(*(_named_as_source(t, outlets) for t in texts))
        stale += [f"{fact.id}: {pid}" for pid in sorted(named - _publishers_of(
            site_data, list(fact.sources)))]
    assert stale == []


def test_a_page_names_only_outlets_it_cites(site_data: Dataset):
    """The same for the pages: a paragraph that says "according to X" cites a source of X."""
    outlets = _outlets(site_data)
    stale = []
    for page in sorted(DOCS.glob("*.md")):
        for paragraph in page.read_text(encoding="utf-8").split("\n\n"):
            text = paragraph.replace("\n", " ")
            named = _named_as_source(text.replace("According to", "according to"), outlets)
            cited = re.findall(r"\{facts:cite\}`([^`]+)`", text)
            if not named or not cited:
                continue
            sources = [s for fid in cited for s in (
                [fid] if fid in site_data.sources else site_data.dated()[fid].sources)]
            stale += [f"{page.name}: {pid} in {text[:60]!r}"
                      for pid in sorted(named - _publishers_of(site_data, sources))]
    assert stale == []


def test_the_neutrality_answer_names_every_dimension_that_leans(site_data: Dataset):
    """The FAQ's "Is Azerbaijan neutral?" lists the dimensions that lean, by their findings,
    and says the others do not: the list must follow the evidence when a finding moves."""
    faq = (DOCS / "faq.md").read_text(encoding="utf-8")
    section = faq.split("(faq-neutral)=", 1)[1].split("\n(", 1)[0]
    named = set(re.findall(r"\{facts:finding\}`([a-z-]+)`", section))
    leaning = {d for d, f in evidence.findings(site_data).items() if f.lean != "neither"}
    assert "no lean in the other dimensions" in section
    assert named == leaning
