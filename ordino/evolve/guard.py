"""Static check of candidate code before it may run: an AST walk with an allow-list.

Candidate code may import only ``numpy`` and ``math``, define functions, and use plain expressions and
control flow. Everything that reaches outside the computation is rejected: other imports, ``open``,
``eval``, ``exec``, ``compile``, ``__import__``, ``getattr``-style reflection, any dunder name or attribute,
assignment to attributes (``np.maximum = ...`` would change what the evaluator computes), frame, code
and generator internals (``gi_frame``, ``f_back``, ``f_globals``, ...), modules reached as attributes
(``np.ma.extras.ma.builtins``), ``str.format`` (its fields reach attributes: ``'{0.__class__}'``),
``global``/``nonlocal``, ``try``, classes, ``with``, ``async`` and generators.

The check is a first filter only, which gives a readable reason early; the wall is the operating
system's isolation of the sandbox (`ordino.evolve.sandbox`), and every score is computed by the
parent from the candidate's decisions.
"""

from __future__ import annotations

import ast

__all__ = ["ALLOWED_MODULES", "check_code", "CodeRejected"]

ALLOWED_MODULES = frozenset({"numpy", "math"})

_FORBIDDEN_NAMES = frozenset({
    "open", "eval", "exec", "compile", "__import__", "getattr", "setattr", "delattr", "globals", "locals",
    "vars", "dir", "input", "breakpoint", "help", "memoryview", "type", "object", "super", "classmethod",
    "staticmethod", "property", "exit", "quit", "os", "sys", "subprocess", "socket", "ctypes", "builtins",
    "importlib", "shutil", "pathlib", "signal", "resource", "threading", "multiprocessing", "pickle",
})

_FORBIDDEN_NODES: tuple[type[ast.AST], ...] = (
    ast.Global, ast.Nonlocal, ast.Try, ast.ClassDef, ast.With, ast.AsyncWith, ast.AsyncFunctionDef,
    ast.AsyncFor, ast.Await, ast.Yield, ast.YieldFrom, ast.Delete,
)
if hasattr(ast, "TryStar"):
    _FORBIDDEN_NODES = (*_FORBIDDEN_NODES, ast.TryStar)

# numpy attributes that reach files, the OS or arbitrary code
_FORBIDDEN_ATTRS = frozenset({
    "load", "save", "savez", "savez_compressed", "savetxt", "loadtxt", "genfromtxt", "fromfile", "tofile",
    "memmap", "ctypeslib", "lib", "testing", "distutils", "f2py", "os", "sys", "DataSource", "frompyfunc",
    "vectorize", "fromregex", "dump", "dumps", "system", "info", "source", "lookfor", "core",
})

# reflection that walks from any object to frames, globals, builtins or modules
_REFLECTION_ATTRS = frozenset({
    "gi_frame", "gi_code", "gi_yieldfrom", "cr_frame", "cr_code", "cr_await", "ag_frame", "ag_code",
    "f_back", "f_globals", "f_locals", "f_builtins", "f_code", "f_trace", "tb_frame", "tb_next",
    "co_code", "co_consts", "func_globals", "builtins", "modules", "mro", "format", "format_map",
})

MAX_CODE_CHARS = 20_000


class CodeRejected(ValueError):
    """Candidate code failed the static check; the message says what and where."""


def check_code(code: str, entry: str) -> ast.Module:
    """Parse and check candidate code; return the module AST or raise `CodeRejected`.

    Parameters
    ----------
    code : str
        Python source of the candidate.
    entry : str
        Name of the function the candidate must define at top level.
    """
    if len(code) > MAX_CODE_CHARS:
        raise CodeRejected(f"code is {len(code)} characters, more than {MAX_CODE_CHARS}")
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        raise CodeRejected(f"syntax error at line {exc.lineno}: {exc.msg}") from None
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.Import | ast.ImportFrom | ast.Assign | ast.AnnAssign
                          | ast.Expr):
            raise CodeRejected(f"line {node.lineno}: only imports, constants and functions at top level")
        if isinstance(node, ast.Expr) and not isinstance(node.value, ast.Constant):
            raise CodeRejected(f"line {node.lineno}: top-level expressions other than docstrings are not allowed")
    for sub in ast.walk(tree):
        _check_node(sub)
    if not any(isinstance(n, ast.FunctionDef) and n.name == entry for n in tree.body):
        raise CodeRejected(f"no top-level function named {entry!r}")
    return tree


def _where(node: ast.AST) -> str:
    return f"line {getattr(node, 'lineno', '?')}"


def _check_node(node: ast.AST) -> None:
    if isinstance(node, _FORBIDDEN_NODES):
        raise CodeRejected(f"{_where(node)}: {type(node).__name__} statements are not allowed")
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] not in ALLOWED_MODULES or "." in alias.name:
                raise CodeRejected(f"{_where(node)}: import of {alias.name!r} is not allowed (only numpy, math)")
    elif isinstance(node, ast.ImportFrom):
        if node.level or node.module not in ALLOWED_MODULES:
            raise CodeRejected(f"{_where(node)}: import from {node.module!r} is not allowed (only numpy, math)")
        for alias in node.names:
            if alias.name == "*" or alias.name.startswith("_") or alias.name in _FORBIDDEN_ATTRS:
                raise CodeRejected(f"{_where(node)}: importing {alias.name!r} is not allowed")
    elif isinstance(node, ast.Name):
        if node.id.startswith("__") or node.id in _FORBIDDEN_NAMES:
            raise CodeRejected(f"{_where(node)}: name {node.id!r} is not allowed")
    elif isinstance(node, ast.Attribute):
        if node.attr.startswith("_") or node.attr in _FORBIDDEN_ATTRS or node.attr in _REFLECTION_ATTRS:
            raise CodeRejected(f"{_where(node)}: attribute {node.attr!r} is not allowed")
        if not isinstance(node.ctx, ast.Load):  # np.maximum = ... would change what the evaluator computes
            raise CodeRejected(f"{_where(node)}: assigning to attribute {node.attr!r} is not allowed")
    elif isinstance(node, ast.FunctionDef | ast.Lambda):
        args = node.args
        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if a is not None and a.arg.startswith("__"):
                raise CodeRejected(f"{_where(node)}: argument {a.arg!r} is not allowed")
        if isinstance(node, ast.FunctionDef) and node.name.startswith("__"):
            raise CodeRejected(f"{_where(node)}: function name {node.name!r} is not allowed")
    elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("__"):
        raise CodeRejected(f"{_where(node)}: dunder strings are not allowed")
