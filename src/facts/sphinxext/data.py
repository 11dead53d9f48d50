"""Loading the data once per build, the build's clock and date, and stopping on bad input.

Bad data or configuration stops the build like a compiler: one ``path:line: id: message`` line
per problem, then one sentence, no traceback (Sphinx would otherwise print a crash report and
ask for a bug report about a mistake in our data).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from sphinx.util import logging

from facts.cache import fingerprint, load_cached
from facts.load import default_data_dir
from facts.model import Dataset
from facts.sphinxext._base import WARNING_TYPE
from facts.sphinxext.domain import facts_domain
from facts.validate import FactsError, show

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


def stop(lines: list[tuple[str, str]], sentence: str) -> NoReturn:
    """Log each ``(location, message)`` as an error, then end the build with ``sentence``."""
    for location, message in lines:
        logger.error(message, location=location or None, type=WARNING_TYPE, subtype="data")
    raise SystemExit(sentence)


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: the extension's options, each error naming the option."""
    problems = []
    if config.facts_today:
        try:
            dt.date.fromisoformat(config.facts_today)
        except (TypeError, ValueError):
            problems.append(("", f"facts_today = {config.facts_today!r} is not a date "
                             "YYYY-MM-DD"))
    if config.facts_data_dir and not (app.confdir / config.facts_data_dir).is_dir():
        problems.append(("", f"facts_data_dir = {config.facts_data_dir!r} is not a folder "
                         f"(relative to {show(app.confdir)})"))
    if problems:
        stop(problems, "The build stopped: fix the configuration in conf.py.")
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = last_commit_time(app.confdir)
        if epoch:
            # Date the build by the last commit, so that two builds of one commit are
            # identical; Read the Docs does not set SOURCE_DATE_EPOCH.
            os.environ["SOURCE_DATE_EPOCH"] = epoch


def last_commit_time(folder: Path) -> str:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], capture_output=True,
                             text=True, cwd=folder, check=False, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def load_data(app: Sphinx) -> None:
    """``builder-inited``: take the data's fingerprint and the build's clock; the data itself
    is loaded and validated once, when first used (a rebuild with nothing changed never is)."""
    domain = facts_domain(app.env)
    configured = app.config.facts_data_dir
    root = app.confdir / configured if configured else default_data_dir()
    domain.fingerprint = fingerprint(root)
    domain.loader = lambda: _load(root, app.doctreedir / "facts-data.pickle",
                                  domain.fingerprint)
    if domain.data_changed:
        domain.dataset  # noqa: B018 -- changed since the last build: validate before anything
    domain.today = today(app.config.facts_today, lambda: domain.dataset.site.as_of)


def _load(root: Path, cache: Path, key: str) -> Dataset:
    try:
        return load_cached(root, cache, key)
    except FactsError as exc:
        stop([(f"{show(p.path)}:{p.line}", f"{p.record}: {p.message}") for p in exc.problems],
             f"The build stopped: the facts data has {len(exc.problems)} problem"
             f"{'s' if len(exc.problems) != 1 else ''} (listed above).")


def today(configured: str | None, as_of: Callable[[], dt.date]) -> dt.date:
    """The clock for review flags: configured, else SOURCE_DATE_EPOCH, else the as-of date.

    Never the wall clock, so two builds of one commit are identical.
    """
    if configured:
        return dt.date.fromisoformat(configured)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return as_of()


def setup_data(app: Sphinx) -> None:
    app.add_config_value("facts_data_dir", None, "env", types=frozenset({str, type(None)}))
    app.add_config_value("facts_today", None, "env", types=frozenset({str, type(None)}))
    app.connect("config-inited", check_config, priority=100)
    app.connect("builder-inited", load_data)
