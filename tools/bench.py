"""Benchmark the site's builds against the same site written by hand, side by side: ``make bench``.

The fairest baseline is the hand-written site: the site's own pages exported to plain MyST by
sphinx-markdown-builder (every fact, table and citation typed out as text) and built with MyST,
sphinx-design and Furo, as an author without the facts layer would.  A second baseline is a
plain Sphinx + MyST project with the same number of pages and the same words shuffled into plain
paragraphs.  Each scenario runs the commands alternately, several times, in fresh folders, and
reports the median, the minimum and the maximum of each and the ratio of the medians:

clean     a full build into empty folders
no-op     a rebuild with nothing changed (three times as many runs: it takes under a second, so
          one slow run moves its median more)
edit      a rebuild after editing one fact (site) or one page (baseline); also shows how many
          documents each rebuild read
tests     the wall time of the test suite (site only; ``--tests 0`` skips it)

Then the scale: the site built on a generated dataset ten times the real one (every event,
figure and source copied under synthetic ids, in a temporary folder), clean and after editing
one fact, against the same at 1x; and the same edit with the two pages that list every record
(the timeline and the sources page) left out of the build, which shows how much of the growth
is theirs.

Only public packages are used: the project's own dependencies and sphinx-markdown-builder.
"""

from __future__ import annotations

import argparse
import ast
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
#: the pages that list every record, left out of the build for the scale's last row
LISTINGS = ("timeline.md", "sources.md")


def without_listings() -> str:
    """A ``-D`` value: the site's own ``exclude_patterns`` plus the listing pages."""
    tree = ast.parse((DOCS / "conf.py").read_text(encoding="utf-8"))
    patterns = next(ast.literal_eval(node.value) for node in tree.body
                    if isinstance(node, ast.Assign)
                    and getattr(node.targets[0], "id", "") == "exclude_patterns")
    return "exclude_patterns=" + ",".join([*patterns, *LISTINGS])


def sphinx(src: Path, out: Path, *extra: str) -> tuple[float, int]:
    """Run one build; return seconds and how many documents it read."""
    # Python caches compiled modules, as on Read the Docs; PYTHONDONTWRITEBYTECODE would make
    # every run recompile this project's modules (installed packages come compiled) and so
    # charge the site, not the baselines, for it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"
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


def make_hand_written(root: Path) -> Path:
    """The site exported to plain MyST, with a conf.py of MyST, sphinx-design and Furo."""
    src = root / "hand"
    proc = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "markdown", "-d",
                           str(root / "hand-doctrees"), str(DOCS), str(src)],
                          capture_output=True, text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"markdown export failed (pip install sphinx-markdown-builder):\n"
                         f"{proc.stderr}")
    # The export keeps the links but not the anchors the facts directives make (event-…,
    # source-…), so about 2,000 references cannot resolve; a site written by hand would have
    # them, so the baseline is not charged for logging those warnings.
    (src / "conf.py").write_text('project = "Hand-written"\nextensions = ["myst_parser", '
                                 '"sphinx_design"]\nhtml_theme = "furo"\n'
                                 'suppress_warnings = ["myst.xref_missing", "myst.header"]\n',
                                 encoding="utf-8")
    pages = sorted(p.stem for p in src.glob("*.md") if p.stem != "index")
    index = src / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n```{toctree}\n:hidden:\n\n"
                     + "\n".join(pages) + "\n```\n", encoding="utf-8")
    return src


def make_scaled(root: Path, factor: int) -> Path:
    """A copy of the data with every event, figure and source ``factor`` times (copies under
    synthetic ids, outside the evidence, citing the copied sources)."""
    data = root / f"data-x{factor}"
    shutil.copytree(REPO / "src/facts/data", data)
    for universe in (data / "dimensions").glob("*.toml"):  # copies are not evidence items
        universe.write_text(re.sub(r"(?m)^candidates = .*\n", "", universe.read_text(
            encoding="utf-8")), encoding="utf-8")
    source_ids = {p.stem for p in (data / "sources").glob("*.toml")}

    def renamed(text: str, n: int) -> str:
        text = re.sub(r'"([a-z0-9][a-z0-9-]*)"',
                      lambda m: f'"{m[1]}-x{n}"' if m[1] in source_ids else m[0], text)
        # one record per address: each copied source points at its own (made-up) anchor
        return re.sub(r'(?m)^(url = "[^"#]*)(?:#[^"]*)?"', rf'\1#copy-{n}"', text)

    for kind in ("sources", "events", "figures"):
        for path in sorted((data / kind).glob("*.toml")):
            text = re.sub(r"(?ms)^\[evidence\]\n.*?(?=^\[|\Z)", "",
                          path.read_text(encoding="utf-8"))
            text = re.sub(r"(?m)^quantity = .*\n", "", text)
            for n in range(2, factor + 1):
                (data / kind / f"{path.stem}-x{n}.toml").write_text(renamed(text, n),
                                                                    encoding="utf-8")
    return data


def row(name: str, site: list[float], base: list[float] | None, note: str = "") -> str:
    def stats(xs: list[float]) -> str:
        return f"{statistics.median(xs):7.2f} {min(xs):6.2f} {max(xs):6.2f}"

    if base is None:
        return f"{name:<10} {stats(site)}   {'-':>7} {'-':>6} {'-':>6}   {'-':>6}  {note}"
    ratio = statistics.median(site) / statistics.median(base)
    return f"{name:<10} {stats(site)}   {stats(base)}   {ratio:5.2f}x  {note}"


def _median(xs: list[float]) -> float:
    return statistics.median(xs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per scenario (default 5)")
    parser.add_argument("--tests", type=int, default=1, help="test-suite runs (default 1)")
    parser.add_argument("--scale", type=int, default=10, help="data scale factor (default 10)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        probe = root / "probe"
        sphinx(DOCS, probe, "-q")
        pages, words = site_text(probe / "html")
        sources = {"site": DOCS, "hand": make_hand_written(root),
                   "plain": make_baseline(root, pages, words)}
        chars = sum(len(w) + 1 for w in words)
        counter = iter(range(10_000))
        times: dict[str, dict[str, list[float]]] = {name: {} for name in sources}

        for _ in range(args.runs):  # alternate, so load on the machine hits all alike
            for name, src in sources.items():
                seconds = sphinx(src, root / f"clean-{next(counter)}", "-q")[0]
                times[name].setdefault("clean", []).append(seconds)

        warm = {name: root / f"{name}-warm" for name in sources}
        for name, src in sources.items():
            sphinx(src, warm[name], "-q")
        for _ in range(3 * args.runs):
            for name, src in sources.items():
                times[name].setdefault("no-op", []).append(sphinx(src, warm[name])[0])

        original = FACT.read_text(encoding="utf-8")
        pages_to_edit = {"hand": sources["hand"] / "ukraine.md",
                         "plain": sources["plain"] / "page01.md"}
        texts = {name: path.read_text(encoding="utf-8") for name, path in pages_to_edit.items()}
        read: dict[str, set[int]] = {name: set() for name in sources}
        try:
            for i in range(args.runs):
                FACT.write_text(original.replace('statement = "', f'statement = "({i}) ', 1),
                                encoding="utf-8")
                for name, path in pages_to_edit.items():
                    path.write_text(texts[name] + f"\nEdit {i}.\n", encoding="utf-8")
                for name, src in sources.items():
                    seconds, count = sphinx(src, warm[name])
                    times[name].setdefault("edit", []).append(seconds)
                    read[name].add(count)
        finally:
            FACT.write_text(original, encoding="utf-8")

        scale: dict[str, list[float]] = {}
        if args.scale > 1:
            for factor in (1, args.scale):
                data = make_scaled(root, factor) if factor > 1 else REPO / "src/facts/data"
                fact = data / "events" / FACT.name
                text = fact.read_text(encoding="utf-8")
                flags = {"": ["-D", f"facts_data_dir={data}"]}
                flags["lean"] = [*flags[""], "-D", without_listings()]
                for i in range(max(1, args.runs // 2)):
                    for kind, extra in flags.items():
                        out = root / f"scale-{factor}-{kind}{i}"
                        scale.setdefault(f"clean{kind} {factor}x", []).append(
                            sphinx(DOCS, out, "-q", *extra)[0])
                        fact.write_text(text.replace('statement = "', 'statement = "(e) ', 1),
                                        encoding="utf-8")
                        try:
                            scale.setdefault(f"edit{kind} {factor}x", []).append(
                                sphinx(DOCS, out, "-q", *extra)[0])
                        finally:
                            fact.write_text(text, encoding="utf-8")

        tests: list[float] = []
        outcome = "not run"
        for _ in range(args.tests):
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p",
                                   "no:cacheprovider"], cwd=REPO, capture_output=True,
                                  check=False)
            tests.append(time.perf_counter() - start)
            outcome = "passed" if proc.returncode == 0 else "FAILED"

        print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
              f"Python {platform.python_version()}, {platform.system()}")
        print(f"site: {pages} pages, {len(words):,} words ({chars:,} characters) of text; "
              f"{args.runs} runs each ({3 * args.runs} of the no-op)")
        for base, label in (("hand", "the same site written by hand (exported with "
                                     "sphinx-markdown-builder)"),
                            ("plain", "plain paragraphs of the same words")):
            print()
            print(f"against {label}:")
            print(f"{'scenario':<10} {'site: median    min    max':>26}   "
                  f"{'baseline: median min  max':>26}   ratio")
            for scenario in ("clean", "no-op", "edit"):
                note = (f"documents read: site {sorted(read['site'])}, baseline "
                        f"{sorted(read[base])}" if scenario == "edit" else "")
                print(row(scenario, times["site"][scenario], times[base][scenario], note))
        if scale:
            print()
            print(f"scale: the site on {args.scale}x the data")
            for kind, label, note in (("clean", "clean", ""), ("edit", "edit", ""),
                                      ("editlean", "edit", "  without the timeline and sources")):
                one, many = scale[f"{kind} 1x"], scale[f"{kind} {args.scale}x"]
                print(f"{label:<10} 1x {_median(one):6.2f} s   {args.scale}x {_median(many):6.2f} s"
                      f"   growth {_median(many) / _median(one):5.2f}x{note}")
        if tests:
            print()
            print(row("tests", tests, None, f"pytest, whole suite ({outcome})"))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
