"""The dataset cache for incremental builds: :func:`load`, reused while no data file changed."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path
from typing import cast

from facts import __version__, model
from facts.load import default_data_dir, load


def load_cached(data_dir: Path | None, cache: Path, key: str = "") -> model.Dataset:
    """:func:`~facts.load.load`, reusing the result of the last load while no data file has
    changed.

    The cache is keyed by every data file's path, size and modification time, and by the
    loader's own code, so a change to either reloads and revalidates everything.  It saves the
    parsing of several hundred files on every incremental build.  ``key`` is the data's
    :func:`fingerprint` when the caller has already taken it.
    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    key = key or fingerprint(root)
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


def fingerprint(root: Path) -> str:
    """What the loaded dataset depends on, as one digest: every data file's path, size and
    modification time, and the package's version and modules (a change to the code that reads
    or queries the data is a change to what the pages show)."""
    stats = (__version__, _stats(Path(__file__).parent, depth=1, suffix=".py"),
             _stats(root, depth=2, suffix=""))
    return hashlib.sha256(repr(stats).encode()).hexdigest()


def _stats(folder: Path, depth: int, suffix: str) -> tuple[tuple[str, int, int], ...]:
    # os.scandir, not pathlib: this runs on every build over every data file
    found: list[tuple[str, int, int]] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir() and depth > 1:
                found.extend(_stats(Path(entry.path), depth - 1, suffix))
            elif entry.is_file() and entry.name.endswith(suffix):
                st = entry.stat()
                found.append((entry.path, st.st_mtime_ns, st.st_size))
    return tuple(sorted(found))
