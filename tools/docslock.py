"""The docs-only lock file: the lines of requirements.lock that building the site needs.

``python tools/docslock.py`` rewrites ``requirements-docs.lock`` from ``requirements.lock``: the
project's ``docs`` extra and everything it requires, followed through the metadata of the
packages installed in this environment (which ``make`` installs from the full lock file, so the
two agree).  Read the Docs installs this file; a test keeps it in step with the full one.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parent.parent
FULL = REPO / "requirements.lock"
DOCS = REPO / "requirements-docs.lock"
HEADER = ("# Exact versions for the Read the Docs build: the part of requirements.lock that the\n"
          "# docs extra needs; regenerate with 'make lock' (tools/docslock.py).\n")


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def closure(extra: str = "docs") -> set[str]:
    """Names of the packages the project's ``extra`` needs, directly or not."""
    project = metadata.metadata("azerbaijan-russia-ukraine")
    wanted = [Requirement(r) for r in project.get_all("Requires-Dist") or []]
    todo = [r for r in wanted if r.marker is not None and r.marker.evaluate({"extra": extra})]
    found: set[str] = set()
    while todo:
        req = todo.pop()
        name = _name(req.name)
        if name in found or name == "azerbaijan-russia-ukraine":
            continue
        found.add(name)
        for text in metadata.requires(req.name) or []:
            sub = Requirement(text)
            if sub.marker is None or sub.marker.evaluate({"extra": ""}):
                todo.append(sub)
    return found


def docs_lock(full: str) -> str:
    needed = closure()
    lines = [line for line in full.splitlines()
             if line and not line.startswith("#") and _name(line.split("==")[0]) in needed]
    return HEADER + "\n".join(lines) + "\n"


def main() -> int:
    DOCS.write_text(docs_lock(FULL.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DOCS.relative_to(REPO)}: {len(closure())} packages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
