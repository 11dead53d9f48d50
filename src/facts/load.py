"""Read the TOML data into :mod:`facts.model` records, validating everything on the way.

One record per file: ``data/events/<id>.toml`` and so on, so that a fact has exactly one place to
edit and a page can depend on exactly the files it shows.  Every problem is reported with the
file, the line and the record id, all at once, and loading fails::

    src/facts/data/events/kyiv-visit.toml:3: kyiv-visit: 'date': '2022-13-01' is not a valid date
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import ipaddress
import pickle
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from facts import __version__, model
from facts.dates import PartialDate

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = ("sources", "events", "figures", "tables", "corrections")


def default_data_dir() -> Path:
    """The data shipped inside the package (an editable install points at ``src/``)."""
    return Path(str(resources.files("facts") / "data"))


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    line: int
    record: str
    message: str

    def __str__(self) -> str:
        return f"{_show(self.path)}:{self.line}: {self.record}: {self.message}"


class FactsError(Exception):
    """Invalid data; ``problems`` lists every one found, each with file, line and id."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _Record:
    """Typed access to one parsed TOML table that files a problem instead of raising."""

    def __init__(
        self, path: Path, record_id: str, data: dict[str, Any], lines: list[str],
        problems: list[Problem], section: str = "", index: int = 0,
    ) -> None:
        self.path, self.id, self.data, self.lines = path, record_id, data, lines
        self.problems, self.section, self.index = problems, section, index

    def line_of(self, key: str) -> int:
        """Line of ``key`` in the file (inside the ``index``-th ``section`` if set); 1 if not
        found."""
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
        problem = Problem(self.path, self.line_of(key), self.id, f"{where!r}: {message}")
        self.problems.append(problem)

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
        elif any(ord(c) < 32 and c not in "\n\t" for c in value):
            self.fail(key, "contains control characters")
        return " ".join(value.split())

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

    def day(self, key: str) -> dt.date:
        """A required date known to the day (review dates, access dates)."""
        date = self.partial(key)
        if date is not None and date.precision != "day":
            self.fail(key, f"{date.iso()!r} must be a full date YYYY-MM-DD")
        return date.first_day() if date is not None else dt.date.min

    def choice(self, key: str, options: tuple[str, ...]) -> Any:
        value = self.data.get(key)
        if value not in options:
            self.fail(key, f"{value!r} is not one of {', '.join(options)}")
            return options[0]
        return value

    def ids(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "must be a list of id strings")
            return ()
        if required and not value:
            self.fail(key, "needs at least one id")
        if len(set(value)) != len(value):
            self.fail(key, "lists an id twice")
        return tuple(value)

    def number(self, key: str) -> float:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(key, "must be a number")
            return 0.0
        return float(value)

    def nested(self, key: str) -> _Record | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(key, "must be a table")
            return None
        return _Record(self.path, self.id, value, self.lines, self.problems, key)

    def nested_list(self, key: str) -> list[_Record]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(key, "must be an array of tables ([[...]])")
            return []
        return [_Record(self.path, self.id, v, self.lines, self.problems, key, i)
                for i, v in enumerate(value)]


def _url(rec: _Record, key: str, *, required: bool = True) -> str | None:
    url = rec.text(key, required=required)
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        rec.fail(key, f"{url!r} is not an absolute http(s) URL")
        return url
    try:
        ipaddress.ip_address(parts.hostname)
    except ValueError:
        return url
    rec.fail(key, f"{url!r} points at an IP address; cite the publisher's own host")
    return url


def _source(rec: _Record) -> model.Source:
    rec.check_keys({"publisher", "title", "url", "published", "accessed", "kind", "language",
                    "archive_url"})
    return model.Source(
        id=rec.id, publisher=rec.text("publisher"), title=rec.text("title"),
        url=_url(rec, "url") or "", accessed=rec.day("accessed"),
        kind=rec.choice("kind", model.SOURCE_KINDS), language=rec.text("language"),
        published=rec.partial("published", required=False),
        archive_url=_url(rec, "archive_url", required=False),
    )


def _review(rec: _Record) -> tuple[dt.date, dt.date]:
    as_of, review_by = rec.day("as_of"), rec.day("review_by")
    if dt.date.min not in (as_of, review_by) and review_by <= as_of:
        rec.fail("review_by", f"{review_by} must be after as_of {as_of}")
    return as_of, review_by


def _span(rec: _Record) -> tuple[PartialDate, PartialDate | None]:
    start = rec.partial("date") or PartialDate(1)
    end = rec.partial("end", required=False)
    if end is not None and end.last_day() < start.first_day():
        rec.fail("end", f"{end.iso()} is before the start date {start.iso()}")
    return start, end


def _event(rec: _Record) -> model.Event:
    rec.check_keys({"date", "end", "title", "statement", "topics", "sources", "as_of",
                    "review_by", "evidence"})
    start, end = _span(rec)
    as_of, review_by = _review(rec)
    topics = rec.ids("topics")
    for topic in topics:
        if topic not in model.TOPICS:
            rec.fail("topics", f"{topic!r} is not one of {', '.join(model.TOPICS)}")
    evidence = None
    if (ev := rec.nested("evidence")) is not None:
        ev.check_keys({"dimension", "lean", "reason"})
        evidence = model.Evidence(dimension=ev.choice("dimension", model.DIMENSIONS),
                                  lean=ev.choice("lean", model.LEANS), reason=ev.text("reason"))
    return model.Event(
        id=rec.id, date=start, end=end, title=rec.text("title"), statement=rec.text("statement"),
        topics=topics,  # type: ignore[arg-type]  # checked against TOPICS above
        sources=rec.ids("sources"), as_of=as_of, review_by=review_by, evidence=evidence,
    )


def _figure(rec: _Record) -> model.Figure:
    rec.check_keys({"label", "statement", "date", "unit", "estimate", "as_of", "review_by"})
    estimates = []
    for est in rec.nested_list("estimate"):
        est.check_keys({"low", "high", "by", "sources", "qualifier"})
        low, high = est.number("low"), est.number("high")
        if high < low:
            est.fail("high", f"{high:g} is below low {low:g}")
        qualifier: model.Qualifier = (est.choice("qualifier", model.QUALIFIERS)
                                      if "qualifier" in est.data else "")
        estimates.append(model.Estimate(low=low, high=high, by=est.text("by"),
                                        sources=est.ids("sources"), qualifier=qualifier))
    if not estimates:
        rec.fail("estimate", "needs at least one [[estimate]]")
    as_of, review_by = _review(rec)
    return model.Figure(
        id=rec.id, label=rec.text("label"), statement=rec.text("statement"),
        date=rec.partial("date") or PartialDate(1), unit=rec.text("unit"),
        estimates=tuple(estimates), as_of=as_of, review_by=review_by,
    )


def _table(rec: _Record) -> model.Table:
    rec.check_keys({"caption", "columns", "row", "as_of", "review_by"})
    columns = []
    for col in rec.nested_list("columns"):
        col.check_keys({"key", "label", "width", "kind"})
        width = col.data.get("width", 1)
        if not isinstance(width, int) or isinstance(width, bool) or width < 1:
            col.fail("width", "must be a positive integer")
            width = 1
        columns.append(model.Column(key=col.text("key"), label=col.text("label"), width=width,
                                    kind=col.choice("kind", model.COLUMN_KINDS)
                                    if "kind" in col.data else "text"))
    if not columns:
        rec.fail("columns", "needs at least one column")
    text_keys = {c.key for c in columns if c.kind == "text"}
    rows = []
    for row in rec.nested_list("row"):
        row.check_keys(text_keys | {"facts"})
        cells = tuple((key, row.text(key)) for key in sorted(text_keys))
        rows.append(model.Row(cells=cells, facts=row.ids("facts")))
    as_of, review_by = _review(rec)
    return model.Table(id=rec.id, caption=rec.text("caption"), columns=tuple(columns),
                       rows=tuple(rows), as_of=as_of, review_by=review_by)


def _correction(rec: _Record) -> model.Correction:
    rec.check_keys({"kind", "date", "statement", "facts", "article_said", "previous", "topics"})
    topics = rec.ids("topics", required=False)
    for topic in topics:
        if topic not in model.TOPICS:
            rec.fail("topics", f"{topic!r} is not one of {', '.join(model.TOPICS)}")
    return model.Correction(
        id=rec.id, kind=rec.choice("kind", model.CORRECTION_KINDS), date=rec.day("date"),
        statement=rec.text("statement"), facts=rec.ids("facts"),
        article_said=rec.text("article_said", required=False),
        previous=rec.text("previous", required=False),
        topics=topics,  # type: ignore[arg-type]  # checked against TOPICS above
    )


_BUILDERS = {"sources": _source, "events": _event, "figures": _figure, "tables": _table,
             "corrections": _correction}


def _read(path: Path, record_id: str, problems: list[Problem]) -> _Record | None:
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
        problems.append(Problem(path, line, record_id, f"invalid TOML: {exc}"))
        return None
    return _Record(path, record_id, data, text.splitlines(), problems)


def load(data_dir: Path | None = None) -> model.Dataset:
    """Load and validate every record under ``data_dir``; raise :class:`FactsError` on problems."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    if not (root / "site.toml").is_file():
        raise FactsError([Problem(root / "site.toml", 1, "site", "missing: a data folder needs "
                                  "site.toml beside events/, figures/, sources/ and tables/")])
    problems: list[Problem] = []
    paths: dict[str, Path] = {}
    broken: set[str] = set()  # unreadable files: not reported again as unknown references
    records: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    for kind in KINDS:
        for path in sorted((root / kind).glob("*.toml")):
            rid = path.stem
            if not ID_RE.match(rid):
                problems.append(Problem(path, 1, rid, "file name must be a lowercase, "
                                        "hyphenated id such as 'kyiv-visit-2022'"))
            if rid in paths:
                problems.append(Problem(path, 1, rid, f"duplicate id; also {_show(paths[rid])}"))
                continue
            rec = _read(path, rid, problems)
            if rec is None:
                broken.add(rid)
            else:
                paths[rid] = path
                records[kind][rid] = _BUILDERS[kind](rec)
    site_path = root / "site.toml"
    site = _site(_read(site_path, "site", problems), problems, site_path)
    data = model.Dataset(site=site, paths=paths, root=root, **records)
    problems.extend(_cross_check(data, broken))
    if problems:
        raise FactsError(problems)
    return data


def load_cached(data_dir: Path | None, cache: Path) -> model.Dataset:
    """:func:`load`, reusing the result of the last load while no data file has changed.

    The cache is keyed by every data file's path, size and modification time, and by the
    loader's own code, so a change to either reloads and revalidates everything.  It saves the
    parsing of several hundred files on every incremental build.
    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    key = _fingerprint(root)
    try:
        cached_key, dataset = pickle.loads(cache.read_bytes())
        if cached_key == key:
            return cast("model.Dataset", dataset)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
        pass  # no cache yet, or one from other code: load afresh
    dataset = load(root)
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps((key, dataset), protocol=pickle.HIGHEST_PROTOCOL))
    return dataset


def _fingerprint(root: Path) -> tuple[object, ...]:
    code = Path(__file__).parent
    files = [*sorted(root.glob("*/*.toml")), root / "site.toml",
             *(code / name for name in ("load.py", "model.py", "dates.py"))]
    stats = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        stats.append((str(path), st.st_mtime_ns, st.st_size))
    return (__version__, tuple(stats))


def _site(rec: _Record | None, problems: list[Problem], path: Path) -> model.Site:
    answer = model.Answer(lean="neither", headline="", summary="")
    if rec is None:
        return model.Site(as_of=dt.date.min, answer=answer)
    rec.check_keys({"as_of", "answer", "era"})
    as_of = rec.day("as_of")
    eras: list[model.Era] = []
    for era in rec.nested_list("era"):
        era.check_keys({"id", "title", "start", "end"})
        start = era.partial("start") or PartialDate(1)
        end = era.partial("end", required=False)
        if eras and (eras[-1].end is None or start.first_day() <= eras[-1].end.last_day()):
            era.fail("start", f"{start} overlaps the previous era {eras[-1].id!r}")
        eras.append(model.Era(id=era.text("id"), title=era.text("title"), start=start, end=end))
    if (ans := rec.nested("answer")) is not None:
        ans.check_keys({"lean", "headline", "summary"})
        answer = model.Answer(lean=ans.choice("lean", model.LEANS), headline=ans.text("headline"),
                              summary=ans.text("summary"))
    else:
        rec.fail("answer", "is required: [answer] with lean, headline and summary")
    return model.Site(as_of=as_of, answer=answer, eras=tuple(eras))


def _cross_check(data: model.Dataset, broken: set[str]) -> list[Problem]:
    """Checks that need every record: references resolve, nothing is dated after the as-of."""
    problems: list[Problem] = []

    def fail(rid: str, key: str, message: str, section: str = "", index: int = 0) -> None:
        path = data.paths[rid]
        lines = path.read_text(encoding="utf-8").splitlines()
        _Record(path, rid, {}, lines, problems, section, index).fail(key, message)

    reviewed: dict[str, model.Fact] = {**data.dated(), **data.tables}
    for rid, record in reviewed.items():
        if record.as_of > data.site.as_of:
            fail(rid, "as_of", f"{record.as_of} is after the site's as-of date {data.site.as_of}")
    _check_references(data, broken, fail)
    for rid, source in data.sources.items():
        if source.accessed > data.site.as_of:
            fail(rid, "accessed", f"{source.accessed} is after the site's as-of date")
        if source.published and source.published.first_day() > source.accessed:
            fail(rid, "published", f"{source.published} is after the access date {source.accessed}")
    return problems


def _check_references(data: model.Dataset, broken: set[str], fail: Callable[..., None]) -> None:
    """Every id a record names exists (ids of unreadable files count as existing)."""
    facts = data.dated()
    known_sources = set(data.sources) | broken
    known_facts = set(facts) | broken
    for rid, fact in facts.items():
        for sid in fact.sources:
            if sid not in known_sources:
                fail(rid, "sources", f"unknown source {sid!r}{closest(sid, data.sources)}")
    for rid, table in data.tables.items():
        for i, row in enumerate(table.rows):
            for fid in row.facts:
                if fid not in known_facts:
                    fail(rid, "facts", f"unknown fact {fid!r}{closest(fid, facts)}", "row", i)
    for rid, corr in data.corrections.items():
        for fid in corr.facts:
            if fid not in known_facts | known_sources and fid not in data.tables:
                fail(rid, "facts", f"unknown fact {fid!r}{closest(fid, facts)}")


def closest(name: str, known: Iterable[str]) -> str:
    """`` (closest: 'a', 'b')`` for an unknown id, or nothing when no id is close.

    Ids that start with ``name`` come first (a truncated id), then similar spellings.
    """
    known = sorted(known)
    close = [k for k in known if k.startswith(name)][:3]
    close += [k for k in difflib.get_close_matches(name, known, n=3, cutoff=0.6)
              if k not in close]
    return f" (closest: {', '.join(map(repr, close[:3]))})" if close else ""
