"""The package's import rules (docs/architecture.md): layers point one way and no modules import each other
in a circle. Every `import` counts, also the ones inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ordino"

LAYERS = {
    "errors": 0,
    "models": 1,
    "heuristics": 2, "verify": 2, "datasets": 2, "llm": 2,
    "solvers": 3, "evolve": 3, "plot": 3,
    "solve": 4,
    "formulate": 5, "batching": 5, "reschedule": 5, "explain": 5, "report": 5,
    "cli": 6,
    "__init__": 7,
}
"""The layer of each top-level module or package: a module imports only from lower layers or its own part."""

FORBIDDEN_SIDEWAYS = {("heuristics", "solvers")}
"""Imports between two parts that the layers would allow but the design does not."""

JUSTIFIED = {
    ("ordino.models.problem", "ordino.models.builder"):
        "`Problem.builder()` hands out the builder that makes Problems; it imports it when called",
}
"""Imports inside a function that close a circle, each with the reason it is kept."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> list[tuple[str, str | None]]:
    """(module, name) for every import in `path` at any depth of its code; name is None for `import module`.
    Relative imports are resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: list[tuple[str, str | None]] = []
    for block in ast.walk(tree):  # imports for the type checker only are not imports at run time
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test):
            block.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, None) for a in node.names if a.name.startswith("ordino")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            if base.startswith("ordino"):
                found += [(base, a.name) for a in node.names]
    return found


def graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports. `from package import name` counts as an import of the
    submodule `name`, or of the submodule the package's `__init__` takes `name` from (a package that only
    hands names on is not a module of its own here), else of the package itself."""
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    handed_on = {(module_name(p), name): source for p in PACKAGE.rglob("__init__.py")
                 for source, name in imported_names(p) if name is not None and source in files}

    def target(module: str, name: str | None) -> str:
        if name is not None and f"{module}.{name}" in files:
            return f"{module}.{name}"
        seen = set()
        while name is not None and (module, name) in handed_on and (module, name) not in seen:
            seen.add((module, name))
            module = handed_on[(module, name)]
        return module

    return {name: {t for m, n in imported_names(path) if (t := target(m, n)) in files and t != name}
            for name, path in files.items()}


def part(module: str) -> str:
    """The top-level part a module belongs to ('ordino' itself is '__init__')."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "__init__"


def test_every_part_has_a_layer():
    parts = {part(m) for m in graph()}
    assert parts <= LAYERS.keys(), f"parts without a layer here and in docs/architecture.md: {parts - LAYERS.keys()}"


def test_imports_point_down_the_layers():
    wrong = []
    for module, targets in graph().items():
        for target in targets:
            a, b = part(module), part(target)
            if a != b and (LAYERS[b] >= LAYERS[a] and (a, b) != ("__init__", b) or (a, b) in FORBIDDEN_SIDEWAYS):
                wrong.append(f"{module} -> {target}")
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_no_import_circles():
    edges = {m: {t for t in targets if (m, t) not in JUSTIFIED} for m, targets in graph().items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    assert not circles, f"modules importing each other in a circle: {circles}"


def test_the_kept_circle_import_runs_only_when_called():
    for module, target in JUSTIFIED:
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = {node.module for node in tree.body if isinstance(node, ast.ImportFrom)}
        inside = {node.module for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef)
                  for node in ast.walk(fn) if isinstance(node, ast.ImportFrom)}
        assert target not in top_level and target in inside, f"{module} must import {target} inside a function"
