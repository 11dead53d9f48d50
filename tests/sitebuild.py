"""Full builds of docs/, run as subprocesses two at a time and shared by every test that needs one.

Each build is a named recipe.  ``conftest.py`` starts the recipes the selected tests need as soon
as collection ends, so builds overlap with the quick tests instead of queueing behind them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import DOCS, REPO
from sphinx.util.console import strip_colors

#: Read the Docs' canonical URL for the stable version, which these builds imitate
RTD_CANONICAL = "https://azerbaijan-russia-ukraine.readthedocs.io/en/stable/"


@dataclass(frozen=True)
class Build:
    name: str
    outdir: Path
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    srcdir: Path = DOCS
    env: tuple[tuple[str, str], ...] = ()

    def warnings(self) -> list[str]:
        return [ln for ln in strip_colors(self.stderr).splitlines()
                if "WARNING" in ln or "ERROR" in ln]


def _epoch() -> str:
    """The last commit's time, as conf.py would derive it (and as CI's clone has it)."""
    out = subprocess.run(["git", "log", "-1", "--format=%ct"], capture_output=True, text=True,
                         cwd=REPO, check=False).stdout.strip()
    return out or "1780000000"


def _sphinx(name: str, out: Path, args: list[str], *, cwd: Path,
            env: tuple[tuple[str, str], ...] = ()) -> Build:
    # CI services often set FORCE_COLOR; the tests read the messages as plain text.
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("READTHEDOCS", "FORCE_COLO"))}
    environ["NO_COLOR"] = "1"
    environ.update({"SOURCE_DATE_EPOCH": _epoch(), **dict(env)})
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "sphinx", *args], cwd=cwd, env=environ,
                          capture_output=True, text=True, check=False)
    return Build(name, out, proc.returncode, proc.stdout, proc.stderr,
                 time.perf_counter() - start, cwd, env)


def _checkout(tmp: Path) -> Path:
    """A copy of docs/ in the repository's layout (Read the Docs writes doctrees into it)."""
    src = tmp / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build"))
    (tmp / "src").symlink_to(REPO / "src")  # pages include data files from src/
    return src


def build_like_read_the_docs(tmp: Path, *extra: str) -> Build:
    """Read the Docs' exact command for the stable version, on a fresh copy of docs/."""
    src = _checkout(tmp)
    output = tmp / "_readthedocs"
    args = ["-T", "-W", "--keep-going", *extra, "-b", "html", "-d", "_build/doctrees",
            "-D", "language=en", ".", f"{output}/html"]
    env = (("READTHEDOCS", "True"), ("READTHEDOCS_CANONICAL_URL", RTD_CANONICAL),
           ("READTHEDOCS_OUTPUT", str(output)))
    return _sphinx("html", output / "html", args, cwd=src, env=env)


def build_without_label(tmp: Path, page: str = "about", label: str = "about-cite") -> Build:
    """A scratch copy of one page of docs/ with one section label removed (no -W, so that the
    contract check at the end is what fails it; the other pages and their URLs are left out to
    keep it quick)."""
    src = _checkout(tmp)
    for other in src.glob("*.md"):
        if other.stem not in {"index", page}:
            other.unlink()
    path = src / f"{page}.md"
    path.write_text(path.read_text(encoding="utf-8").replace(f"({label})=\n", ""),
                    encoding="utf-8")
    contract = src / "stable-urls.txt"  # only the kept pages' URLs
    kept = [line for line in contract.read_text(encoding="utf-8").splitlines()
            if line.startswith(("#", "index.html", f"{page}.html")) or not line.strip()]
    contract.write_text("\n".join(kept) + "\n", encoding="utf-8")
    out = tmp / "html"
    return _sphinx("no-label", out, ["-b", "html", "-d", str(tmp / "doctrees"), ".", str(out)],
                   cwd=src)


#: Read the Docs' other formats (and the text builder), built after the html build in its
#: checkout and with its doctrees, as Read the Docs does (its PDF build has no -W), two at a time
OTHER_BUILDERS = ("epub", "htmlzip", "pdf", "text")
#: the PDF's file name: Read the Docs' project slug
PDF_NAME = "azerbaijan-russia-ukraine"


def _latexmk(latex: Path) -> Build:
    start = time.perf_counter()
    proc = subprocess.run(["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-",
                           f"-jobname={PDF_NAME}", "-interaction=nonstopmode"], cwd=latex,
                          capture_output=True, text=True, check=False)
    return Build("pdf", latex, proc.returncode, proc.stdout, proc.stderr,
                 time.perf_counter() - start, latex)


def _other(tmp: Path, html: Build, builder: str, flags: list[str], sphinx_builder: str) -> Build:
    out = tmp / builder
    args = [*flags, "-b", sphinx_builder, "-T", "-d", "_build/doctrees", "-D", "language=en", ".",
            str(out)]
    result = _sphinx(builder, out, args, cwd=html.srcdir, env=html.env)
    if builder == "htmlzip" and result.returncode == 0:
        shutil.make_archive(str(tmp / PDF_NAME), "zip", out)
    if builder == "pdf" and result.returncode == 0 and shutil.which("latexmk"):
        made = _latexmk(out)
        result = Build("pdf", out, made.returncode, result.stdout + made.stdout,
                       result.stderr + made.stderr, result.seconds + made.seconds,
                       html.srcdir, html.env)
    return result


def build_others(tmp: Path, html: Build) -> dict[str, Build]:
    """The other formats, two at a time (the PDF, the longest, first).  They share the html
    build's doctrees as Read the Docs' commands do; that is safe because none of them reads a
    page again, so none writes there (``test_other_formats_reuse_the_html_doctrees``)."""
    jobs: tuple[tuple[str, list[str], str], ...] = (
        ("pdf", [], "latex"), ("epub", ["-W", "--keep-going"], "epub"),
        ("htmlzip", ["-W", "--keep-going"], "singlehtml"),
        ("text", ["-n", "-W", "--keep-going"], "text"))
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="formats") as pool:
        running = {name: pool.submit(_other, tmp, html, name, flags, sphinx_builder)
                   for name, flags, sphinx_builder in jobs}
        return {name: job.result() for name, job in running.items()}


RECIPES = {
    "html": build_like_read_the_docs,
    # two processes, and the extension's tables not set aside (facts.sphinxext.nodes.set_aside)
    "html-j2": lambda tmp: build_like_read_the_docs(tmp, "-j", "2", "-D", "facts_set_aside=0"),
    "no-label": build_without_label,
}


class BuildPool:
    """Runs recipes at most two at a time (one per core); each recipe runs once per session."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sphinx")
        self.side = ThreadPoolExecutor(max_workers=1, thread_name_prefix="browser")
        self.futures: dict[str, Future[Any]] = {}

    def start(self, name: str) -> Future[Any]:
        if name not in self.futures:
            tmp = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.base))
            if name == "others":
                self.futures[name] = self.after_html(self.executor,
                                                     lambda html: build_others(tmp, html))
            else:
                self.futures[name] = self.executor.submit(RECIPES[name], tmp)
        return self.futures[name]

    def after_html(self, executor: ThreadPoolExecutor, job: Any) -> Future[Any]:
        """Queue ``job(html_build)`` once the html build is done, without a thread waiting."""
        chained: Future[Any] = Future()

        def settle(done: Future[Any]) -> None:
            error = done.exception()
            if error is not None:
                chained.set_exception(error)
            else:
                chained.set_result(done.result())

        def queue(html: Future[Any]) -> None:
            if html.exception() is not None:
                settle(html)
            else:
                executor.submit(job, html.result()).add_done_callback(settle)

        self.start("html").add_done_callback(queue)
        return chained

    def start_page_checks(self, chromium: str, pages: list[str]) -> Future[Any]:
        """Browser checks of every page, in their own thread once the html build is done."""
        if "pages" not in self.futures:
            from pagecheck import check_pages

            self.futures["pages"] = self.after_html(
                self.side, lambda html: check_pages(chromium, html.outdir, pages))
        return self.futures["pages"]

    def get(self, name: str) -> Build:
        if name in OTHER_BUILDERS:
            return self.start("others").result()[name]  # type: ignore[no-any-return]
        return self.start(name).result()  # type: ignore[no-any-return]

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.side.shutdown(wait=True, cancel_futures=True)
