"""The dataset cache for incremental builds: :func:`load`, reused while no data file changed."""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path
from typing import cast

from facts import __version__, model
from facts.load import default_data_dir, load


def load_cached(data_dir: Path | None, cache: Path) -> model.Dataset:
    """:func:`~facts.load.load`, reusing the result of the last load while no data file has
    changed.

    The cache is keyed by every data file's path, size and modification time, and by the
    loader's own code, so a change to either reloads and revalidates everything.  It saves the
    parsing of several hundred files on every incremental build.
    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    key = fingerprint(root)
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


def fingerprint(root: Path) -> tuple[object, ...]:
    """What the loaded dataset depends on: every data file and the loader's code."""
    code = Path(__file__).parent
    files = [*sorted(root.glob("*/*")), *sorted(root.glob("*.toml")),
             *sorted(code.glob("*.py"))]
    stats = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        stats.append((str(path), st.st_mtime_ns, st.st_size))
    return (__version__, tuple(stats))
