"""Benchmark the site's builds against plain Sphinx, side by side: ``make bench``.

The baseline is a plain Sphinx + MyST project with the same theme, generated here with the same
number of pages and the same amount of text as the site (measured from a build of docs/).  Each
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
WORDS = (
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "was",
    "at", "from", "this", "it", "an", "be", "are", "which", "government", "ministry", "agreement",
    "declaration", "president", "minister", "region", "war", "gas", "border", "treaty",
    "statement", "security", "cooperation", "energy", "relations", "peace", "talks", "support",
)


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


def site_size(html: Path) -> tuple[int, int]:
    """Pages and characters of article text in a build of the site."""
    pages = [p for p in html.glob("*.html") if p.name not in {"genindex.html", "search.html",
                                                             "404.html"}]
    text = 0
    for page in pages:
        body = page.read_text(encoding="utf-8")
        article = body[body.find("<article"):body.find("</article>")]
        text += len(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)))
    return len(pages), text


def make_baseline(root: Path, pages: int, chars: int) -> Path:
    """A plain Sphinx + MyST project (Furo theme) with ``pages`` pages of ``chars`` text in all."""
    rng = random.Random(20261127)
    src = root / "baseline"
    src.mkdir()
    (src / "conf.py").write_text('project = "Baseline"\nextensions = ["myst_parser"]\n'
                                 'html_theme = "furo"\n', encoding="utf-8")
    per_page = chars // pages
    names = [f"page{i:02d}" for i in range(1, pages)]
    for name in ["index", *names]:
        lines = [f"({name})=", f"# {name.capitalize()}", ""]
        written, section = 0, 0
        while written < per_page:
            if written // 1200 >= section:
                section += 1
                lines += [f"({name}-s{section})=", f"## Section {section}", ""]
            para = " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "."
            lines += [para, ""]
            written += len(para)
        if name == "index":
            lines += ["```{toctree}", ":hidden:", "", *names, "```", ""]
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
        pages, chars = site_size(probe / "html")
        base_src = make_baseline(root, pages, chars)
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
            test_times = []
            for _ in range(args.tests):
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                               cwd=REPO, check=True, capture_output=True)
                test_times.append(time.perf_counter() - start)
            results["tests"] = (test_times, None, "pytest, whole suite")

        print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
              f"Python {platform.python_version()}, {platform.system()}")
        print(f"site: {pages} pages, {chars:,} characters of text; baseline generated to match; "
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
