"""The facts extension on small roots: located errors, escaping, clocks, rebuilds and -j 2."""

from __future__ import annotations

import gc
import os
import re
from pathlib import Path

import pytest
from helpers import FIXTURE_DATA, ROOT_CONF, copy_data, edit, stopped_build, warning_lines
from sphinx.util.parallel import parallel_available

SOURCES_PAGE = "---\norphan: true\n---\n(sources)=\n# Sources\n\n:::{facts:sources}\n:::\n"


@pytest.mark.sphinx("html", testroot="unknown-id")
def test_unknown_ids_warn_with_location_and_closest_ids(app):
    app.build()
    assert warning_lines(app) == [
        "index.md:4: WARNING: unknown event or figure 'kyiv-joint-declaration-2021' (closest: "
        "'kyiv-joint-declaration-2022', 'allied-interaction-declaration-2022') [facts.unknown-id]",
        "index.md:6: WARNING: unknown figure 'peacekeepers-deploy' (closest: "
        "'peacekeepers-deployed') [facts.unknown-id]",
        "index.md:8: WARNING: unknown source, event, figure or table 'nothing-like-this' "
        "[facts.unknown-id]",
        "index.md:10: WARNING: unknown table 'key-fact' (closest: 'key-facts') [facts.unknown-id]",
        "index.md:13: WARNING: unknown figure 'territory-lost' (closest: 'territory-lost-1994') "
        "[facts.unknown-id]",
        # an id of another kind is named as what it is, not as unknown
        "index.md:16: WARNING: 'kyiv-joint-declaration-2022' is an event; {facts:value} takes a "
        "figure [facts.unknown-id]",
        "index.md:18: ERROR: unknown role 'facts:valeu' (closest: 'facts:value', 'facts:date', "
        "'facts:latest') [docutils]",
        "index.md:20: ERROR: unknown directive 'facts:tabel' (closest: 'facts:table', "
        "'facts:case', 'facts:timeline') [docutils]",
        # the role's own line, not the paragraph's first
        "index.md:24: WARNING: unknown source, event, figure or table "
        "'kyiv-joint-declaration-2020' (closest: 'kyiv-joint-declaration-2022', "
        "'allied-interaction-declaration-2022') [facts.unknown-id]",
    ]
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    # never silently dropped: the bad id stays visible
    assert ('<code class="facts-unknown docutils literal notranslate"><span class="pre">'
            "kyiv-joint-declaration-2021") in html


@pytest.mark.sphinx("html", testroot="bad-invocation")
def test_bad_invocations_are_errors_at_their_line(app):
    app.build()
    assert warning_lines(app) == [
        "index.md:4: ERROR: the facts:table directive needs a table id: key-facts [docutils]",
        "index.md:8: WARNING: 'facts:timeline': Invalid option value for 'topics': ukrain: "
        "'ukrain' is not one of: ukraine, russia, nagorno-karabakh, peace-process, turkey, iran, "
        "eu, energy, un [myst.directive_option]",
        "index.md:11: ERROR: :until: 2022 is before :since: 2024 [docutils]",
        "index.md:16: ERROR: unknown dimension 'votes' (closest: 'un-votes'); choose from "
        "un-votes, leaders, statements, agreements, trade, energy-transit, aid, arms, sanctions "
        "[docutils]",
        "index.md:20: WARNING: 'facts:timeline': Invalid option value for 'since': 2022-13: "
        "'2022-13' is not a valid date: month must be in 1..12 [myst.directive_option]",
    ]


def _over(data: Path, today: str = "2026-11-27") -> dict[str, str]:
    """Settings for a root on another copy of the data, or with another clock."""
    return {"facts_data_dir": str(data), "facts_today": today}


def test_markup_in_data_renders_as_text(tmp_path, make_root, make_app):
    data = copy_data(tmp_path / "data")
    edit(data / "events/kyiv-joint-declaration-2022.toml",
         'title = "Joint declaration signed in Kyiv"',
         "title = \"<script>alert('x')</script> & <b>bold</b> *emphasis* `code`\"")
    src = make_root(":::{facts:timeline}\n:topics: ukraine\n:::\n", sources=SOURCES_PAGE)
    app = make_app("html", srcdir=src, confoverrides=_over(data))
    app.build()
    assert app.warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b>bold" not in html
    assert ("&lt;script&gt;alert(‘x’)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; "
            "*emphasis* `code`") in html


def test_bad_data_fails_the_build_naming_file_line_and_id(tmp_path, make_root, make_app):
    """One located error line per problem, then a one-sentence stop: no traceback."""
    data = copy_data(tmp_path / "data")
    edit(data / "events/first-karabakh-war.toml", 'end = "1994-05-12"', 'end = "1987"')
    src = make_root("text\n")
    stop, errors = stopped_build(make_app, buildername="html", srcdir=src,
                                 confoverrides=_over(data))
    assert stop == "The build stopped: the facts data has 1 problem (listed above)."
    path = data / "events/first-karabakh-war.toml"
    shown = os.path.relpath(path) if str(path).startswith(os.getcwd()) else str(path)
    assert errors == [
        f"{shown}:2: ERROR: first-karabakh-war: 'end': 1987 is before the start date "
        "1988-02-20 [facts.data]"]


@pytest.mark.parametrize(("option", "value", "message"), [
    ("facts_today", "27 November 2026", "facts_today = '27 November 2026' is not a date "
     "YYYY-MM-DD"),
    ("facts_data_dir", "no-such-folder", "facts_data_dir = 'no-such-folder' is not a folder"),
])
def test_bad_configuration_names_the_option(make_root, make_app, option, value, message):
    """A bad option stops the build with one line naming it: no crash report."""
    src = make_root("text\n")
    stop, lines = stopped_build(make_app, buildername="html", srcdir=src,
                                confoverrides={option: value})
    assert stop == "The build stopped: fix the configuration in conf.py."
    assert [line.split("ERROR: ", 1)[1][:len(message)] for line in lines] == [message]


def test_answer_that_disagrees_with_evidence_stops_the_build(tmp_path, make_root, make_app):
    data = copy_data(tmp_path / "data")
    edit(data / "site.toml", '[answer]\nlean = "ukraine"', '[answer]\nlean = "russia"')
    src = make_root("(p)=\n# P\n\n:::{facts:answer}\n:::\n")
    _stop, lines = stopped_build(make_app, buildername="html", srcdir=src,
                                 confoverrides=_over(data))
    assert [line.split(": ERROR: ", 1)[1] for line in lines] == [
        "site: 'answer.lean': is 'russia', but the evidence leans 'ukraine' [facts.data]",
        "site: 'answer.headline': its words claim a lean toward ukraine, but the answer is "
        "'russia' [facts.data]"]
    assert [line.split(": ERROR: ")[0].rsplit("/", 1)[-1] for line in lines] == [
        "site.toml:5", "site.toml:7"]


@pytest.mark.parametrize(("today", "flagged"), [("2026-05-31", False), ("2026-06-01", True)])
def test_review_flag_follows_the_injected_clock(today, flagged, make_root, make_app):
    """The fixture's aid event is due on 2026-06-01: flagged from that day, not before."""
    src = make_root("(p)=\n# P\n\nAid in {facts:date}`humanitarian-aid-2022`.\n")
    app = make_app("html", srcdir=src, confoverrides=_over(FIXTURE_DATA, today))
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert ("Due for review: Medical aid flown to Ukraine." in html) is flagged


def test_dates_keep_their_precision_in_html_and_text(make_root, make_app):
    body = ("(p)=\n# P\n\n{facts:date}`nkao-established-1923` | {facts:date}`first-karabakh-war`"
            " | {facts:year}`kyiv-joint-declaration-2022`\n")
    src = make_root(body)
    html_app = make_app("html", srcdir=src)
    html_app.build()
    html = (html_app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<time class="facts facts-date" datetime="1923-07">July 1923</time>' in html
    assert ('<time class="facts-date" datetime="1988-02-20">20 February 1988</time> – '
            '<time class="facts-date" datetime="1994-05-12">12 May 1994</time>') in html
    assert '<time class="facts facts-date" datetime="2022">2022</time>' in html
    text_app = make_app("text", srcdir=src, builddir=src / "_text")
    text_app.build()
    text = (text_app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "July 1923 | 20 February 1988 – 12 May 1994 | 2022" in text
    assert "<time" not in text


PAGES = {
    "a": "(a)=\n# A\n\nKyiv: {facts:date}`kyiv-joint-declaration-2022`.\n",
    "b": "(b)=\n# B\n\nMoscow: {facts:date}`allied-interaction-declaration-2022`.\n",
    "c": "(c)=\n# C\n\nNo facts here.\n",
    "timeline": "(timeline)=\n# Timeline\n\n:::{facts:timeline}\n:::\n",
    "sources": "(sources)=\n# Sources\n\n:::{facts:sources}\n:::\n",
}
INDEX = "(home)=\n# Home\n\n```{toctree}\na\nb\nc\ntimeline\nsources\n```\n"


def _touch_forward(path: Path) -> None:
    """Move the mtime forward, so the edit is seen even within one clock tick."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_editing_one_fact_rereads_only_the_pages_that_use_it(tmp_path, make_root, make_app):
    data = copy_data(tmp_path / "data")
    src = make_root(INDEX, **PAGES)
    app = make_app("html", srcdir=src, confoverrides=_over(data))
    app.build()
    assert app.warning.getvalue() == ""
    app.cleanup()

    event = data / "events/kyiv-joint-declaration-2022.toml"
    edit(event, 'date = "2022-01-14"', 'date = "2022-01-15"')
    _touch_forward(event)
    reread: list[str] = []
    app2 = make_app("html", srcdir=src, confoverrides=_over(data))
    app2.connect("env-before-read-docs", lambda _app, _env, docnames: reread.extend(docnames))
    app2.build()
    # the sources page links each source to the facts it supports, by their titles
    assert sorted(reread) == ["a", "sources", "timeline"]
    assert "15 January 2022" in (app2.outdir / "a.html").read_text(encoding="utf-8")
    assert "15 January 2022" in (app2.outdir / "timeline.html").read_text(encoding="utf-8")
    assert app2.warning.getvalue() == ""


def test_adding_an_event_rereads_the_listings(tmp_path, make_root, make_app):
    data = copy_data(tmp_path / "data")
    src = make_root(INDEX, **PAGES)
    first = make_app("html", srcdir=src, confoverrides=_over(data))
    first.build()
    first.cleanup()
    new = data / "events/new-event-2023.toml"
    kyiv = (data / "events/kyiv-joint-declaration-2022.toml").read_text(encoding="utf-8")
    new.write_text(kyiv.split("[evidence]")[0].replace("Joint declaration signed in Kyiv",
                                                       "A new event"), encoding="utf-8")
    reread: list[str] = []
    app2 = make_app("html", srcdir=src, confoverrides=_over(data))
    app2.connect("env-before-read-docs", lambda _app, _env, docnames: reread.extend(docnames))
    app2.build()
    # the timeline lists events; the sources page counts the facts each source supports
    assert sorted(reread) == ["sources", "timeline"]
    assert "A new event" in (app2.outdir / "timeline.html").read_text(encoding="utf-8")


def _text(page: Path) -> str:
    return re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))


def test_latest_follows_a_newer_event_and_names_bad_topics(tmp_path, make_root, make_app):
    """"The records here run to ..." is the newest event on the topic, after every edit."""
    data = copy_data(tmp_path / "data")
    pages = {**PAGES, "c": "(c)=\n# C\n\nRuns to {facts:latest}`ukraine`; all to "
                           "{facts:latest}`site`; {facts:latest}`ukrain`.\n"}
    src = make_root(INDEX, **pages)
    first = make_app("html", srcdir=src, confoverrides=_over(data))
    first.build()
    first.cleanup()
    assert warning_lines(first) == [
        "c.md:4: WARNING: unknown topic 'ukrain'; one of site, ukraine, russia, "
        "nagorno-karabakh, peace-process, turkey, iran, eu, energy, un [facts.unknown-id]"]
    assert "Runs to March 2022; all to March 2022;" in _text(first.outdir / "c.html")
    kyiv = (data / "events/kyiv-joint-declaration-2022.toml").read_text(encoding="utf-8")
    (data / "events/newer-2023.toml").write_text(
        kyiv.split("[evidence]")[0].replace('date = "2022-01-14"', 'date = "2023-05-02"'),
        encoding="utf-8")
    second = make_app("html", srcdir=src, confoverrides=_over(data))
    second.build()
    assert "Runs to 2 May 2023; all to 2 May 2023;" in _text(second.outdir / "c.html")


@pytest.mark.skipif(not parallel_available, reason="Sphinx cannot build in parallel here (no fork)")
def test_parallel_read_merges_domain_data_and_matches_serial(tmp_path, make_root, make_app):
    pages = {**PAGES, **{f"p{i}": f"(p{i})=\n# P{i}\n\n{{facts:cite}}`kyiv-joint-declaration-2022`"
                         f" {{facts:value}}`peacekeepers-deployed`\n" for i in range(8)}}
    extra = "".join(f"p{i}\n" for i in range(8))
    index = INDEX.replace("sources\n```", f"sources\n{extra}```")
    src = make_root(index, **pages)
    serial = make_app("html", srcdir=src, builddir=tmp_path / "serial")
    serial.build()
    serial.cleanup()
    parallel = make_app("html", srcdir=src, builddir=tmp_path / "parallel", parallel=2)
    parallel.build()
    assert parallel.warning.getvalue() == ""
    domain = parallel.env.domains["facts"]
    assert sorted(domain.uses) == sorted(parallel.env.found_docs)  # every page shows site.toml
    assert all("kyiv-joint-declaration-2022" in domain.uses[f"p{i}"] for i in range(8))
    assert domain.target("source", "example-wire-2022") == ("sources", "source-example-wire-2022")
    for page in ["a", "timeline", "sources", "p0", "p7"]:
        left = (serial.outdir / f"{page}.html").read_bytes()
        right = (parallel.outdir / f"{page}.html").read_bytes()
        assert left == right, page


def test_sitemap_lists_every_page_after_an_incremental_build(tmp_path, make_root, make_app):
    extensions = '["myst_parser", "facts.sphinxext.site"]'
    conf = ROOT_CONF.replace('["myst_parser", "facts.sphinxext"]', extensions)
    conf += 'html_baseurl = "https://example.org/en/stable/"\n'
    src = make_root(INDEX, conf=conf, **PAGES)
    first = make_app("html", srcdir=src)
    first.build()
    first.cleanup()
    _touch_forward(src / "c.md")
    again = make_app("html", srcdir=src)
    again.build()
    sitemap = (again.outdir / "sitemap.xml").read_text(encoding="utf-8")
    locs = sorted(re.findall(r"<loc>https://example.org/en/stable/([^<]*)</loc>", sitemap))
    assert locs == sorted(f"{p}.html" for p in ["index", *PAGES])  # no search or index page


def test_moved_page_and_section_keep_working(make_root, make_app):
    """The contract's OLD -> NEW lines become a redirect page and an alias with a redirect."""
    from facts.urls import check, parse

    contract = ("index.html\nindex.html#home\nold-page.html -> index.html\n"
                "index.html#old-label -> index.html#home\n")
    conf = ('extensions = ["myst_parser", "sphinx_reredirects", "facts.sphinxext.anchors"]\n'
            'facts_url_contract = "urls.txt"\n')
    src = make_root("(home)=\n# Home\n\nText.\n", conf=conf)
    (src / "urls.txt").write_text(contract, encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert app.warning.getvalue() == ""
    assert check(app.outdir, parse(contract)) == []
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'id="old-label"' in index and '{"old-label":"index.html#home"}' in index
    assert "index.html" in (app.outdir / "old-page.html").read_text(encoding="utf-8")


def test_build_freezes_its_long_lived_objects_and_releases_them(make_root, make_app):
    """The collector skips what lives through the build (see facts.sphinxext.collector) and
    gets it back afterwards, so a process that runs many builds can free them."""
    from facts.sphinxext.collector import THRESHOLDS

    frozen_while_writing: list[int] = []
    thresholds_while_writing: list[tuple[int, int, int]] = []
    # taken before the app, whose builder-inited freezes and raises them
    before, thresholds = gc.get_freeze_count(), gc.get_threshold()
    app = make_app("html", srcdir=make_root(":::{facts:timeline}\n:topics: ukraine\n:::\n"))
    app.connect("html-page-context", lambda *_: frozen_while_writing.append(gc.get_freeze_count()))
    app.connect("html-page-context", lambda *_: thresholds_while_writing.append(gc.get_threshold()))
    app.build()
    assert frozen_while_writing and min(frozen_while_writing) > before
    assert set(thresholds_while_writing) == {THRESHOLDS} != {thresholds}
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == thresholds


def test_process_ends_with_the_builds_objects_frozen(make_root):
    """sphinx-build's process skips Python's last collection of the build's objects: the
    extension freezes them at exit (a handler registered before the build runs after it)."""
    import subprocess
    import sys

    src = make_root(":::{facts:timeline}\n:topics: ukraine\n:::\n")
    script = ("import atexit, gc, sys\n"
              "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count()))\n"
              "from sphinx.cmd.build import main\n"
              f"sys.exit(main(['-q', '-b', 'html', {str(src)!r}, {str(src / '_build')!r}]))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    frozen = int(proc.stdout.rsplit("frozen at exit:", 1)[1])
    assert frozen > 10_000  # the build's objects, not a handful (0 without the handler)


def test_tables_are_set_aside_from_later_transforms_and_come_back_whole(make_root, make_app):
    """Transforms between the set-aside and its undoing, in both phases, see the extension's
    tables but not their rows; the page still has every row, its data's quotes made smart."""
    from docutils import nodes
    from sphinx.transforms import SphinxTransform
    from sphinx.transforms.post_transforms import SphinxPostTransform

    seen: dict[str, tuple[int, int]] = {}

    def count(document: nodes.document) -> tuple[int, int]:
        return len(list(document.findall(nodes.table))), len(list(document.findall(nodes.row)))

    class WhileReading(SphinxTransform):
        default_priority = 500

        def apply(self, **kwargs: object) -> None:
            seen["reading"] = count(self.document)

    class WhileWriting(SphinxPostTransform):
        default_priority = 400

        def run(self, **kwargs: object) -> None:
            seen["writing"] = count(self.document)

    src = make_root("(p)=\n# P\n\n:::{facts:timeline}\n:topics: ukraine\n:::\n")
    for set_aside, out in ((True, "on"), (False, "off")):
        app = make_app("html", srcdir=src, builddir=src / f"_{out}",
                       confoverrides={"facts_set_aside": set_aside})
        app.add_transform(WhileReading)
        app.add_post_transform(WhileWriting)
        app.build()
        html = (app.outdir / "index.html").read_text(encoding="utf-8")
        rows = html.count("<tr")
        assert rows > 1 and "Azerbaijan’s presidency" in html
        tables, seen_rows = seen["reading"]
        assert tables == 1 and (seen_rows == 0) is set_aside
        assert seen["writing"][0] == 1 and (seen["writing"][1] == 0) is set_aside
        assert set_aside or seen_rows == rows  # shown, they are every row of the page
