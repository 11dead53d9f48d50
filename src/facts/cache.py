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
    changed, and the records of the files that have not changed when some have.

    The cache is keyed by every data file's path, size and modification time, and by the
    loader's own code, so a change to the code reloads and revalidates everything.  When only
    data files changed, only they are read again; the checks across records run on all of
    them.  ``key`` is the data's :func:`fingerprint` when the caller has already taken it.
    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    code, files = _code(), _stats(root, depth=2, suffix="")
    key = key or _digest(code, files)
    known: dict[Path, tuple[object, str]] = {}
    try:
        cached_key, cached_code, cached_files, dataset = pickle.loads(cache.read_bytes())
        if cached_key == key:
            return cast("model.Dataset", dataset)
        if cached_code == code:
            known = _unchanged(dataset, {Path(f[0]) for f in set(cached_files) & set(files)})
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
        pass  # no cache yet, or one from other code: load afresh
    dataset = load(root, known=known)
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps((key, code, files, dataset),
                                       protocol=pickle.HIGHEST_PROTOCOL))
    return dataset


def _unchanged(dataset: model.Dataset, same: set[Path]) -> dict[Path, tuple[object, str]]:
    """The records of ``dataset`` whose files are in ``same``, with their digests."""
    known: dict[Path, tuple[object, str]] = {}
    for kind in model.KINDS:
        for rid, record in getattr(dataset, kind).items():
            if dataset.paths[rid] in same:
                known[dataset.paths[rid]] = (record, dataset.digests[rid])
    if dataset.root / "site.toml" in same:
        known[dataset.root / "site.toml"] = (dataset.site, dataset.digests["site"])
    return known


def fingerprint(root: Path) -> str:
    """What the loaded dataset depends on, as one digest: every data file's path, size and
    modification time, and the package's version and modules (a change to the code that reads
    or queries the data is a change to what the pages show)."""
    return _digest(_code(), _stats(root, depth=2, suffix=""))


Stats = tuple[tuple[str, int, int], ...]


def _code() -> tuple[str, Stats]:
    return __version__, _stats(Path(__file__).parent, depth=1, suffix=".py")


def _digest(code: tuple[str, Stats], files: Stats) -> str:
    return hashlib.sha256(repr((code, files)).encode()).hexdigest()


def _stats(folder: Path, depth: int, suffix: str) -> Stats:
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
