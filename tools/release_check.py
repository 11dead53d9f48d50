"""Checks to run before tagging a release: ``make release-check``.

One version string, ``facts.__version__``, names the release everywhere: CITATION.cff, the data
record (``data/published.json``), the git tag (the version itself, no prefix) and so the Read the
Docs version whose URL "Cite this section" pins (``/en/<version>/``).  The checks:

* CITATION.cff and the data record carry the version, and the record was taken on the site's
  as-of date (``python -m facts.export --record``);
* the URL contract lists every page and section of a fresh build (``make urls``);
* every value that changed since the last release tag has a dated correction, clarification or
  update that names it;
* the tag does not exist yet.

Each check prints ``ok`` or what to do; the exit status is 1 if any failed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from facts import __version__, export
from facts.load import load
from facts.urls import parse, unlisted

REPO = Path(__file__).resolve().parent.parent

NOTE = "no earlier release tag"


def _git(*args: str) -> str:
    out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return out.stdout.strip() if out.returncode == 0 else ""


def citation_version() -> str:
    for line in (REPO / "CITATION.cff").read_text(encoding="utf-8").splitlines():
        if line.startswith("version:"):
            return line.split(":", 1)[1].strip().strip('"')
    return ""


def checks(build: Path) -> list[tuple[str, str]]:
    """``(check, problem)`` pairs; an empty problem means the check passed."""
    data = load()
    record = export.read_record(data)
    found = [("CITATION.cff has the version",
              "" if citation_version() == __version__ else
              f"CITATION.cff says {citation_version()!r}; set version: \"{__version__}\""),
             ("the data record is this release's",
              "" if (record.get("version"), record.get("as_of")) == (
                  __version__, data.site.as_of.isoformat()) else
              f"published.json is {record.get('version')} of {record.get('as_of')}; run "
              "python -m facts.export --record")]
    contract = parse((REPO / "docs/stable-urls.txt").read_text(encoding="utf-8"))
    if not build.is_dir():
        found.append(("the URL contract lists every URL", f"no HTML build in {build}"))
    else:
        new = unlisted(build, contract)
        found.append(("the URL contract lists every URL",
                      "" if not new else f"{len(new)} URLs missing; run make urls"))
    previous = _git("describe", "--tags", "--abbrev=0")
    if previous:
        old = json.loads(_git("show", f"{previous}:src/facts/data/published.json") or "{}")
        missing = export.uncorrected_changes(data, old)
        found.append((f"changes since {previous} have corrections",
                      "" if not missing else f"no correction for {', '.join(missing[:5])}"))
    else:
        found.append(("changes since the last release have corrections",
                      "no earlier release tag; the tests check changes against published.json"))
    found.append((f"tag {__version__} is new",
                  "" if not _git("tag", "--list", __version__) else "the tag already exists"))
    return found


def main(argv: list[str]) -> int:
    build = Path(argv[0]) if argv else REPO / "docs/_build/html"
    results = checks(build)
    failed = [p for _n, p in results if p and not p.startswith(NOTE)]
    for name, problem in results:
        mark = "ok  " if not problem else "note" if problem.startswith(NOTE) else "FAIL"
        print(f"{mark}  {name}" + (f": {problem}" if problem else ""))
    print(f"release {__version__}: " + ("ready to tag" if not failed else
                                         f"{len(failed)} check(s) failed"))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
