"""Where in its source file a role sits.

MyST gives an inline role the line of its paragraph; a warning should point at the role itself.
"""

from __future__ import annotations

import re
from pathlib import Path

_LINES: dict[str, tuple[float, list[str]]] = {}


def role_line(source: str, lineno: int, rawtext: str) -> int:
    """The line of ``rawtext`` in ``source`` at or after ``lineno``.

    MyST gives an inline role the line of its paragraph; a warning should point at the role.
    """
    path = Path(source)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return lineno
    cached = _LINES.get(source)
    if cached is None or cached[0] != mtime:
        cached = _LINES[source] = (mtime, path.read_text(encoding="utf-8").splitlines())
    lines = cached[1]
    # MyST hands the role its rST spelling, :name:`text`; the page has {name}`text`
    rst = re.match(r"^:([\w.:-]+):(`.*)$", rawtext, re.S)
    written = f"{{{rst[1]}}}{rst[2]}" if rst else rawtext
    first = written.splitlines()[0] if written else ""
    for number in range(max(lineno, 1), min(lineno + 200, len(lines) + 1)):
        if first and first in lines[number - 1]:
            return number
    return lineno
