"""Benchmark the site's builds against plain Sphinx, side by side: ``make bench``.

The baseline is a plain Sphinx + MyST project with the same theme, generated here with the same
number of pages and the same text as the site (the words of a build of docs/, shuffled into plain
paragraphs, so that the amount of text and its vocabulary match).  Each
scenario runs the two commands alternately, several times, in fresh folders, and reports the
median, the minimum and the maximum of each and the ratio of the medians:

clean     a full build into empty folders
no-op     a rebuild with nothing changed
edit      a rebuild after editing one fact (site) or one page (baseline); also shows how many
          documents each rebuild read
tests     the wall time of the test suite (site only; ``--tests 0`` skips it)

Only the standard library and the project's own dependencies are used.
"""

from __future__ import annotations

import argparse
import html as html_lib
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
FACT = REPO / "src/facts/data/events/kyiv-joint-declaration-2022.toml"
def sphinx(src: Path, out: Path, *extra: str) -> tuple[float, int]:
    """Run one build; return seconds and how many documents it read."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-d",
                           str(out / "doctrees"), *extra, str(src), str(out / "html")],
                          capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"build of {src} failed:\n{proc.stderr}")
    match = re.search(r"(\d+) added, (\d+) changed", proc.stdout)
    return seconds, (int(match[1]) + int(match[2])) if match else 0


def site_text(html: Path) -> tuple[int, list[str]]:
    """Pages, and the words of the article text, of a build of the site."""
    pages = [p for p in html.glob("*.html") if p.name not in {"genindex.html", "search.html",
                                                             "404.html"}]
    words: list[str] = []
    for page in sorted(pages):
        body = page.read_text(encoding="utf-8")
        article = body[body.find("<article"):body.find("</article>")]
        words += html_lib.unescape(re.sub(r"<[^>]+>", " ", article)).split()
    return len(pages), words


def make_baseline(root: Path, pages: int, words: list[str]) -> Path:
    """A plain Sphinx + MyST project (Furo theme): ``pages`` pages of plain paragraphs made of
    the site's own words, shuffled, so the amount of text and its vocabulary match."""
    rng = random.Random(20261127)
    shuffled = words[:]
    rng.shuffle(shuffled)
    src = root / "baseline"
    src.mkdir()
    (src / "conf.py").write_text('project = "Baseline"\nextensions = ["myst_parser"]\n'
                                 'html_theme = "furo"\n', encoding="utf-8")
    names = ["index", *(f"page{i:02d}" for i in range(1, pages))]
    per_page = len(shuffled) // pages + 1
    for number, name in enumerate(names):
        chunk = shuffled[number * per_page:(number + 1) * per_page]
        lines = [f"({name})=", f"# {name.capitalize()}", ""]
        for start in range(0, len(chunk), 80):
            if start % 800 == 0:
                lines += [f"({name}-s{start // 800})=", f"## Section {start // 800}", ""]
            lines += [" ".join(chunk[start:start + 80]).replace("`", "'").replace("*", "")
                      .replace("{", "(").replace("}", ")").replace("<", "(").replace(">", ")")
                      .replace("[", "(").replace("]", ")").replace("_", " ").replace("#", "")
                      .replace("|", "/").replace("$", "S").replace("\\", "/"), ""]
        if name == "index":
            lines += ["```{toctree}", ":hidden:", "", *names[1:], "```", ""]
        (src / f"{name}.md").write_text("\n".join(lines), encoding="utf-8")
    return src


def row(name: str, site: list[float], base: list[float] | None, note: str = "") -> str:
    def stats(xs: list[float]) -> str:
        return f"{statistics.median(xs):7.2f} {min(xs):6.2f} {max(xs):6.2f}"

    if base is None:
        return f"{name:<10} {stats(site)}   {'-':>7} {'-':>6} {'-':>6}   {'-':>6}  {note}"
    ratio = statistics.median(site) / statistics.median(base)
    return f"{name:<10} {stats(site)}   {stats(base)}   {ratio:5.2f}x  {note}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per scenario (default 5)")
    parser.add_argument("--tests", type=int, default=1, help="test-suite runs (default 1)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        probe = root / "probe"
        sphinx(DOCS, probe, "-q")
        pages, words = site_text(probe / "html")
        base_src = make_baseline(root, pages, words)
        chars = sum(len(w) + 1 for w in words)
        results: dict[str, tuple[list[float], list[float] | None, str]] = {}

        counter = iter(range(10_000))

        def clean(src: Path) -> float:
            return sphinx(src, root / f"clean-{next(counter)}", "-q")[0]

        site_clean, base_clean = [], []
        for _ in range(args.runs):  # alternate, so load on the machine hits both alike
            site_clean.append(clean(DOCS))
            base_clean.append(clean(base_src))
        results["clean"] = (site_clean, base_clean, "")

        site_out, base_out = root / "site-warm", root / "base-warm"
        sphinx(DOCS, site_out, "-q")
        sphinx(base_src, base_out, "-q")
        site_noop, base_noop = [], []
        for _ in range(args.runs):
            site_noop.append(sphinx(DOCS, site_out)[0])
            base_noop.append(sphinx(base_src, base_out)[0])
        results["no-op"] = (site_noop, base_noop, "")

        original = FACT.read_text(encoding="utf-8")
        page = base_src / "page01.md"
        page_text = page.read_text(encoding="utf-8")
        site_edit, base_edit, site_read, base_read = [], [], set(), set()
        try:
            for i in range(args.runs):
                FACT.write_text(original.replace("statement = \"", f"statement = \"({i}) ", 1),
                                encoding="utf-8")
                seconds, read = sphinx(DOCS, site_out)
                site_edit.append(seconds)
                site_read.add(read)
                page.write_text(page_text + f"\nEdit {i}.\n", encoding="utf-8")
                seconds, read = sphinx(base_src, base_out)
                base_edit.append(seconds)
                base_read.add(read)
        finally:
            FACT.write_text(original, encoding="utf-8")
            sphinx(DOCS, site_out, "-q")
        results["edit"] = (site_edit, base_edit, f"documents read: site {sorted(site_read)}, "
                                                 f"baseline {sorted(base_read)}")

        if args.tests:
            test_times, outcome = [], "passed"
            for _ in range(args.tests):
                start = time.perf_counter()
                proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p",
                                       "no:cacheprovider"], cwd=REPO, capture_output=True,
                                      check=False)
                test_times.append(time.perf_counter() - start)
                outcome = "passed" if proc.returncode == 0 else "FAILED"
            results["tests"] = (test_times, None, f"pytest, whole suite ({outcome})")

        print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
              f"Python {platform.python_version()}, {platform.system()}")
        print(f"site: {pages} pages, {len(words):,} words ({chars:,} characters) of text; "
              "baseline generated from the same words; "
              f"{args.runs} runs each")
        print()
        print(f"{'scenario':<10} {'site: median    min    max':>26}   "
              f"{'baseline: median min  max':>26}   ratio")
        for name, (site, base, note) in results.items():
            print(row(name, site, base, note))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
