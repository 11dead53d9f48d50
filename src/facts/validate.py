"""Typed, located reading of one TOML record: every problem names the file, the line and the id.

:class:`Reader` wraps a parsed TOML table.  Its accessors return a usable value even when the
data is wrong and file a :class:`Problem` instead of raising, so that loading reports every
problem at once::

    src/facts/data/events/kyiv-visit.toml:3: kyiv-visit: 'date': '2022-13-01' is not a valid date
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from facts.dates import PartialDate


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    line: int
    record: str
    message: str

    def __str__(self) -> str:
        return f"{show(self.path)}:{self.line}: {self.record}: {self.message}"


class FactsError(Exception):
    """Invalid data; ``problems`` lists every one found, each with file, line and id."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def show(path: Path) -> str:
    """A path as an editor types it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


#: Publishers whose cited pages were read at plain http addresses (archives of closed or
#: http-only sites); every other source must use https.
HTTP_ONLY = frozenset({
    "cecnkr.am",           # the former Karabakh election commission's archive
    "nkrusa.org",          # the former Karabakh representation in Washington
    "today.az",            # Today.Az news archive
    "www.today.az",
    "uatoday.tv",          # UA|TV archive (the service has closed)
    "www.virtualkarabakh.az",  # Azerbaijani state information portal
    "www.life.az",         # LIFE.az archive
    "www.aniarc.am",       # ANI Armenian Research Center, read at http
})
#: query parameters that track a click, not part of the work's address
_TRACKING = re.compile(r"(?:^|&)(utm_[a-z]+|ysclid|fbclid|gclid|yclid)=", re.IGNORECASE)
#: listing pages: a tag, category or search, which change and are not a work
_LISTING = re.compile(r"/(?:tags?|categor(?:y|ies)|search)(?:/|$)", re.IGNORECASE)

#: Invisible characters that may stay: joiners that Persian and Indic scripts need.
_JOINERS = frozenset({"\u200c", "\u200d"})
_ANCHOR = re.compile(r"^[A-Za-z0-9_.:-]*$")


def hidden_characters(value: str) -> list[str]:
    """Control and invisible format characters (bidi overrides, zero-width spaces) in ``value``,
    as ``U+XXXX`` names."""
    if value.isprintable():  # no character of categories C or Z but the space: the usual case
        return []
    found = []
    for char in value:
        category = unicodedata.category(char)
        if (category == "Cc" and char not in "\n\t") or (category == "Cf" and
                                                          char not in _JOINERS):
            found.append(f"U+{ord(char):04X}")
    return sorted(set(found))


def url_problem(url: str) -> str:  # noqa: PLR0911 -- one rule per return
    """Why ``url`` cannot be cited, or ``""``."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in {"https", "http"} or not host:
        return f"{url!r} is not an absolute https URL"
    if parts.username is not None or parts.password is not None:
        return f"{url!r} carries a user name or password"
    if _is_ip(host):
        return f"{url!r} points at an IP address; cite the publisher's own host"
    if "." not in host or host == "localhost" or host.endswith((".localhost", ".local")):
        return f"{url!r} names a local host; cite the publisher's public address"
    try:
        port = parts.port
    except ValueError:
        return f"{url!r} has a port that is not a number"
    if port == {"https": 443, "http": 80}[parts.scheme]:
        return f"{url!r} spells out the default port; cite the address without ':{port}'"
    if not _ANCHOR.match(parts.fragment):
        return f"{url!r} has a fragment that is not a page anchor"
    if tracking := _TRACKING.search(parts.query):
        return f"{url!r} carries a tracking parameter ({tracking[1]}); cite the address without it"
    if _LISTING.search(parts.path):
        return f"{url!r} is a tag, category or search page; cite the work itself"
    if parts.scheme == "http" and host not in HTTP_ONLY:
        return (f"{url!r} uses http; cite the https address (or add {host!r} to HTTP_ONLY in "
                "facts/validate.py if the publisher serves only http)")
    return ""


def _is_ip(host: str) -> bool:
    """IP literals in any notation browsers accept: dotted, decimal, hex, octal, IPv6."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    parts = host.split(".")
    numeric = re.compile(r"^(0x[0-9a-f]+|\d+)$", re.I)
    return bool(parts) and len(parts) <= 4 and all(numeric.match(p) for p in parts)


class Reader:
    """Typed access to one parsed TOML table that files a problem instead of raising."""

    def __init__(
        self, path: Path, record_id: str, data: dict[str, Any], lines: list[str],
        problems: list[Problem], section: str = "", index: int = 0,
    ) -> None:
        self.path, self.id, self.data, self.lines = path, record_id, data, lines
        self.problems, self.section, self.index = problems, section, index

    def line_of(self, key: str) -> int:
        """Line of ``key`` in the file (inside the ``index``-th ``section`` if set); the
        section's first line, or 1, if not found."""
        start = 0
        if self.section:
            header = re.compile(rf"^\s*\[+\s*{re.escape(self.section)}\s*\]+")
            starts = [i for i, ln in enumerate(self.lines) if header.match(ln)]
            start = starts[self.index] if self.index < len(starts) else 0
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for i in range(start, len(self.lines)):
            if pattern.match(self.lines[i]):
                return i + 1
        return start + 1 if self.section else 1

    def fail(self, key: str, message: str) -> None:
        where = f"{self.section}.{key}" if self.section else key
        self.problems.append(Problem(self.path, self.line_of(key), self.id,
                                     f"{where!r}: {message}"))

    def check_keys(self, allowed: set[str]) -> None:
        for key in sorted(set(self.data) - allowed):
            self.fail(key, f"unknown field; expected one of {', '.join(sorted(allowed))}")

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.data.get(key, "")
        if not isinstance(value, str):
            self.fail(key, f"must be a string, not {type(value).__name__}")
            return ""
        value = value.strip()
        if required and not value:
            self.fail(key, "is required and must not be empty")
        elif hidden := hidden_characters(value):
            self.fail(key, f"contains invisible or control characters ({', '.join(hidden)})")
        return " ".join(value.split())

    def url(self, key: str, *, required: bool = True) -> str | None:
        url = self.text(key, required=required)
        if url and (problem := url_problem(url)):
            self.fail(key, problem)
        return url or None

    def partial(self, key: str, *, required: bool = True) -> PartialDate | None:
        raw = self.data.get(key)
        if raw is None:
            if required:
                self.fail(key, "is required (a date YYYY, YYYY-MM or YYYY-MM-DD)")
            return None
        if not isinstance(raw, str):
            self.fail(key, "must be a quoted date string such as \"2022-02-22\"")
            return None
        try:
            return PartialDate.parse(raw)
        except ValueError as exc:
            self.fail(key, str(exc))
            return None

    def day(self, key: str, *, required: bool = True) -> dt.date | None:
        """A date known to the day (review dates, access dates)."""
        date = self.partial(key, required=required)
        if date is None:
            return None
        if date.precision != "day":
            self.fail(key, f"{date.iso()!r} must be a full date YYYY-MM-DD")
        return date.first_day()

    def choice(self, key: str, options: tuple[str, ...]) -> Any:
        value = self.data.get(key)
        if value not in options:
            self.fail(key, f"{value!r} is not one of {', '.join(options)}")
            return options[0]
        return value

    def choices(self, key: str, options: tuple[str, ...], *, required: bool = True) -> Any:
        values = self.ids(key, required=required)
        for value in values:
            if value not in options:
                self.fail(key, f"{value!r} is not one of {', '.join(options)}")
        return tuple(v for v in values if v in options)

    def ids(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "must be a list of strings")
            return ()
        if required and not value:
            self.fail(key, "needs at least one id")
        if len(set(value)) != len(value):
            self.fail(key, "lists an id twice")
        return tuple(value)

    def number(self, key: str, checks: tuple[str, ...] = (), *, required: bool = True,
               integer: bool = False) -> float | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(key, "must be a number")
            return 0
        return self._checked(key, value, checks, integer=integer)

    def numbers(self, key: str, checks: tuple[str, ...] = (), *, required: bool = True,
                integer: bool = False) -> tuple[float, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in value):
            self.fail(key, "must be a list of numbers")
            return ()
        if required and not value:
            self.fail(key, "needs at least one number")
        return tuple(self._checked(key, v, checks, integer=integer) for v in value)

    def _checked(self, key: str, value: float, checks: tuple[str, ...], *,
                 integer: bool) -> float:
        if not math.isfinite(value):
            self.fail(key, f"{value} is not a finite number")
            return 0
        if (integer or "integer" in checks) and value != int(value):
            self.fail(key, f"{value:g} must be a whole number")
        if "non-negative" in checks and value < 0:
            self.fail(key, f"{value:g} must not be negative")
        if "percent" in checks and not 0 <= value <= 100:
            self.fail(key, f"{value:g} is not a percentage between 0 and 100")
        return int(value) if integer else value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
            return False
        return value

    def nested(self, key: str) -> Reader | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(key, "must be a table")
            return None
        return Reader(self.path, self.id, value, self.lines, self.problems, key)

    def nested_list(self, key: str) -> list[Reader]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(key, "must be an array of tables ([[...]])")
            return []
        return [Reader(self.path, self.id, v, self.lines, self.problems, key, i)
                for i, v in enumerate(value)]
