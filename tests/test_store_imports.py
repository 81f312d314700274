"""The store's modules import one another one way: no cycle, and none hidden in a function."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import referat.store

STORE = Path(referat.store.__file__).parent
PACKAGE = "referat.store"


def store_imports(tree: ast.AST) -> list[tuple[str, ast.stmt]]:
    """Each store module an import names, with the import statement (at any depth of the module)."""
    found: list[tuple[str, ast.stmt]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node) for alias in node.names if alias.name.startswith(PACKAGE + ".")]
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.module == PACKAGE:  # from referat.store import schema, facets
                found += [(f"{PACKAGE}.{alias.name}", node) for alias in node.names]
            elif node.module.startswith(PACKAGE + "."):
                found.append((node.module, node))
    return found


def import_graph() -> dict[str, set[str]]:
    modules = {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in STORE.glob("*.py")}
    return {
        name: {imported.removeprefix(PACKAGE + ".") for imported, _ in store_imports(tree)} - {name}
        for name, tree in modules.items()
    }


def test_the_store_modules_import_one_another_without_a_cycle() -> None:
    graph = import_graph()
    assert {"ingest", "migrations", "reindex", "index", "db"} <= graph.keys()
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        raise AssertionError(f"import cycle in referat/store: {' -> '.join(exc.args[1])}") from None
    # What migrations and ingest both call comes before them; opening the database (db) migrates it.
    assert order.index("reindex") < min(order.index("ingest"), order.index("migrations"))
    assert order.index("migrations") < order.index("db")


def test_no_store_module_imports_another_inside_a_function() -> None:
    for path in STORE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = set(tree.body)
        hidden = [f"{path.name}:{node.lineno} {name}" for name, node in store_imports(tree) if node not in top_level]
        assert not hidden, hidden
