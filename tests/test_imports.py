"""The package's shape: no import loops, and modules small enough to read in one sitting.

Imports are read from the source (``ast``), leaving out those under ``if TYPE_CHECKING``.  A
module imports the others at its top; the only imports inside functions are in the ``setup``
functions that register the extension with Sphinx, so that importing :mod:`facts` (the data
model alone) never loads Sphinx.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from helpers import REPO

PACKAGE = REPO / "src" / "facts"
#: about 300 lines; a module past it does more than one job
MAX_LINES = 310


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> list[tuple[str, str]]:
    """``(module imported, function it is imported in or "")`` for each import of the package."""
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            inner = child.name if isinstance(child, ast.FunctionDef) else function
            if isinstance(child, ast.ImportFrom) and (child.module or "").startswith("facts"):
                module = str(child.module)
                names = [f"{module}.{a.name}" for a in child.names]
                found.extend((n, inner) for n in names if n in MODULES)
                if not all(n in MODULES for n in names):
                    found.append((module, inner))
            elif isinstance(child, ast.Import):
                found.extend((a.name, inner) for a in child.names if a.name in MODULES)
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def test_no_import_loops():
    graph = {name: {m for m, function in _imports(path) if not function}
             for name, path in MODULES.items()}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:  # pragma: no cover - the message is the point
        raise AssertionError(f"import loop: {' -> '.join(exc.args[1])}") from None
    assert set(order) == set(MODULES)


def test_imports_inside_functions_are_only_in_setup():
    late = [f"{name}: {module} in {function}()" for name, path in MODULES.items()
            for module, function in _imports(path)
            if function and not function.startswith("setup")]
    assert late == []


def test_the_data_model_does_not_need_sphinx():
    """facts.model, facts.load and the modules they import use the standard library only."""
    graph = {name: {m for m, function in _imports(path) if not function}
             for name, path in MODULES.items()}
    needed, todo = set(), ["facts.load", "facts.model", "facts.evidence", "facts.export"]
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo.extend(graph[name])
    uses_sphinx = [n for n in needed
                   if any(isinstance(node, ast.ImportFrom | ast.Import) and "sphinx" in
                          ast.unparse(node) for node in ast.walk(ast.parse(
                              MODULES[n].read_text(encoding="utf-8"))))]
    assert uses_sphinx == []


def test_modules_stay_small():
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
