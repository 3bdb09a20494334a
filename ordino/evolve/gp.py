"""Genetic programming over expression trees of priority functions (the offline engine's genome).

A tree is JSON-friendly nested lists: ``["add", ["t"], ["p"]]``, ``["c", 1.1]``. Operators come from a
white-list (+, -, *, protected /, max, min, neg, sqrt of the absolute value, abs, square, positive part)
and terminals are the priority function's arguments plus ``slack = d - t - p`` and constants. Every tree
turns into readable Python source (`to_source`), and that source, not the tree, is what the sandbox runs,
so the saved file behaves exactly as the evaluated candidate did.
"""

from __future__ import annotations

import copy
import math
import random
from typing import Any

__all__ = ["TERMINALS", "OPERATORS", "random_tree", "mutate", "crossover", "to_expr", "to_source", "size",
           "depth", "simplify", "check_tree", "Tree"]

Tree = list[Any]

TERMINALS = ("p", "d", "w", "t", "slack", "rem", "pmean", "pmax", "r", "q", "mddt", "nleft")
OPERATORS: dict[str, int] = {"add": 2, "sub": 2, "mul": 2, "div": 2, "max": 2, "min": 2, "neg": 1, "sqrt": 1,
                             "abs": 1, "sq": 1, "pos": 1}
_CONSTS = (0.5, 1.0, 1.1, 1.5, 2.0, 3.0, 0.1)
MAX_DEPTH = 9
MAX_SIZE = 60


def _const(rng: random.Random) -> Tree:
    if rng.random() < 0.6:
        return ["c", rng.choice(_CONSTS)]
    return ["c", round(rng.uniform(-2.0, 3.0), 3)]


def _leaf(rng: random.Random, terminals: tuple[str, ...]) -> Tree:
    if rng.random() < 0.15:
        return _const(rng)
    return [rng.choice(terminals)]


def random_tree(rng: random.Random, max_depth: int = 4, grow: bool = True,
                terminals: tuple[str, ...] = TERMINALS) -> Tree:
    """A random tree of depth at most `max_depth` (ramped half-and-half when `grow` alternates)."""
    if max_depth <= 1 or (grow and rng.random() < 0.3):
        return _leaf(rng, terminals)
    op = rng.choice(list(OPERATORS))
    return [op, *(random_tree(rng, max_depth - 1, grow, terminals) for _ in range(OPERATORS[op]))]


def check_tree(tree: Any, terminals: tuple[str, ...] | frozenset[str]) -> None:
    """ValueError unless `tree` is in the grammar: known operators with their arity, the given terminals,
    ``["c", finite number]``, within `MAX_DEPTH` and `MAX_SIZE` (so no tree can smuggle code into the source)."""
    nodes = 0

    def walk(node: Any, level: int) -> None:
        nonlocal nodes
        nodes += 1
        if level > MAX_DEPTH or nodes > MAX_SIZE:
            raise ValueError(f"deeper than {MAX_DEPTH} or larger than {MAX_SIZE} nodes")
        if not isinstance(node, list) or not node or not isinstance(node[0], str):
            raise ValueError(f"not an expression node: {str(node)[:80]!r}")
        head = node[0]
        if head == "c":
            if len(node) != 2 or type(node[1]) not in (int, float) or not math.isfinite(node[1]):
                raise ValueError(f"constant must be a finite number: {str(node)[:80]!r}")
        elif head in OPERATORS:
            if len(node) != 1 + OPERATORS[head]:
                raise ValueError(f"operator {head!r} takes {OPERATORS[head]} arguments")
            for child in node[1:]:
                walk(child, level + 1)
        elif head not in terminals or len(node) != 1:
            raise ValueError(f"unknown terminal or operator {head[:80]!r}")

    walk(tree, 1)


def size(tree: Tree) -> int:
    """Number of nodes."""
    if tree[0] in OPERATORS:
        return 1 + sum(size(c) for c in tree[1:])
    return 1


def depth(tree: Tree) -> int:
    """Depth (a leaf has depth 1)."""
    if tree[0] in OPERATORS:
        return 1 + max(depth(c) for c in tree[1:])
    return 1


def _paths(tree: Tree, prefix: tuple[int, ...] = ()) -> list[tuple[int, ...]]:
    out = [prefix]
    if tree[0] in OPERATORS:
        for i, c in enumerate(tree[1:], 1):
            out.extend(_paths(c, (*prefix, i)))
    return out


def _get(tree: Tree, path: tuple[int, ...]) -> Tree:
    for i in path:
        tree = tree[i]
    return tree


def _put(tree: Tree, path: tuple[int, ...], sub: Tree) -> Tree:
    if not path:
        return copy.deepcopy(sub)
    out = copy.deepcopy(tree)
    node = out
    for i in path[:-1]:
        node = node[i]
    node[path[-1]] = copy.deepcopy(sub)
    return out


def _ok(tree: Tree) -> bool:
    return depth(tree) <= MAX_DEPTH and size(tree) <= MAX_SIZE


def mutate(tree: Tree, rng: random.Random, terminals: tuple[str, ...] = TERMINALS,
           kind: str | None = None) -> tuple[Tree, str]:
    """A mutated copy and the mutation's name (subtree, point, constant, hoist, wrap, scale, shift, tilt)."""
    kinds = ["subtree", "point", "constant", "hoist", "wrap", "scale", "shift", "tilt"]
    for _ in range(20):
        k = kind or rng.choices(kinds, weights=[2, 2, 2, 1, 1, 2, 2, 2])[0]
        paths = _paths(tree)
        path = rng.choice(paths)
        node = _get(tree, path)
        if k == "subtree":
            new = _put(tree, path, random_tree(rng, rng.randint(1, 3), True, terminals))
        elif k == "point":
            if node[0] in OPERATORS:
                same = [o for o, a in OPERATORS.items() if a == OPERATORS[node[0]] and o != node[0]]
                new = _put(tree, path, [rng.choice(same), *node[1:]])
            else:
                new = _put(tree, path, _leaf(rng, terminals))
        elif k == "constant":
            consts = [p for p in paths if _get(tree, p)[0] == "c"]
            if not consts:
                continue
            path = rng.choice(consts)
            v = _get(tree, path)[1]
            nv = v * (1 + rng.gauss(0, 0.15)) if abs(v) > 1e-6 else rng.gauss(0, 0.3)
            new = _put(tree, path, ["c", float(f"{nv:.4g}")])
        elif k == "hoist":
            if node[0] not in OPERATORS:
                continue
            new = _put(tree, path, rng.choice(node[1:]))
        elif k == "scale":  # node -> node * c, c near 1: a small step for a good rule
            new = _put(tree, path, ["mul", node, ["c", float(f"{1 + rng.gauss(0, 0.15):.3g}")]])
        elif k == "shift":  # node -> node + c * terminal, c small
            term = [rng.choice(terminals)]
            new = _put(tree, path, ["add", node, ["mul", ["c", float(f"{rng.gauss(0, 0.3):.3g}")], term]])
        elif k == "tilt":  # node -> node * (1 + c * a / b): a state-dependent factor (scaling alone ranks the same)
            pool = terminals
            ratio = ["div", [rng.choice(pool)], ["add", [rng.choice(pool)], [rng.choice(pool)]]]
            factor = ["add", ["c", 1.0], ["mul", ["c", float(f"{rng.gauss(0, 0.3):.3g}")], ratio]]
            new = _put(tree, path, ["mul", node, factor])
        else:  # wrap: node -> op(node, new leaf)
            op = rng.choice(["add", "mul", "max", "min", "sub"])
            leaf = _leaf(rng, terminals)
            pair = [node, leaf] if rng.random() < 0.5 else [leaf, node]
            new = _put(tree, path, [op, *pair])
        new = simplify(new)
        if _ok(new) and new != tree:
            return new, k
    return copy.deepcopy(tree), "none"


def crossover(a: Tree, b: Tree, rng: random.Random) -> Tree:
    """Subtree crossover: a random subtree of `a` replaced by a random subtree of `b`."""
    for _ in range(20):
        pa = rng.choice(_paths(a))
        sub = _get(b, rng.choice(_paths(b)))
        child = simplify(_put(a, pa, sub))
        if _ok(child):
            return child
    return copy.deepcopy(a)


def _fold(op: str, vals: list[float]) -> float | None:
    try:
        if op == "add":
            return vals[0] + vals[1]
        if op == "sub":
            return vals[0] - vals[1]
        if op == "mul":
            return vals[0] * vals[1]
        if op == "div":
            return vals[0] / vals[1] if abs(vals[1]) >= 1e-9 else vals[0]
        if op == "max":
            return max(vals)
        if op == "min":
            return min(vals)
        if op == "neg":
            return -vals[0]
        if op == "sqrt":
            return abs(vals[0]) ** 0.5
        if op == "abs":
            return abs(vals[0])
        if op == "sq":
            return vals[0] ** 2
        if op == "pos":
            return max(vals[0], 0.0)
    except (OverflowError, ValueError):
        return None
    return None


def simplify(tree: Tree) -> Tree:
    """Constant folding and a few identities (x - x = 0, x * 1 = x, x + 0 = x, neg neg x = x)."""
    if tree[0] not in OPERATORS:
        return tree
    kids = [simplify(c) for c in tree[1:]]
    op = tree[0]
    if all(k[0] == "c" for k in kids):
        v = _fold(op, [k[1] for k in kids])
        if v is not None and abs(v) < 1e12:
            return ["c", float(f"{v:.6g}")]
    if op == "sub" and kids[0] == kids[1]:
        return ["c", 0.0]
    if op in ("max", "min") and kids[0] == kids[1]:
        return kids[0]
    if op == "mul":
        for i in (0, 1):
            if kids[i] == ["c", 1.0]:
                return kids[1 - i]
    if op == "add":
        for i in (0, 1):
            if kids[i] == ["c", 0.0]:
                return kids[1 - i]
    if op == "neg" and kids[0][0] == "neg":
        return kids[0][1]
    return [op, *kids]


def to_expr(tree: Tree) -> str:
    """The tree as a numpy expression."""
    op = tree[0]
    if op == "c":
        return repr(float(tree[1]))
    if op not in OPERATORS:
        return op
    a = [to_expr(c) for c in tree[1:]]
    binary = {"add": "+", "sub": "-", "mul": "*"}
    if op in binary:
        return f"({a[0]} {binary[op]} {a[1]})"
    return {
        "div": lambda: f"pdiv({a[0]}, {a[1]})",
        "max": lambda: f"np.maximum({a[0]}, {a[1]})",
        "min": lambda: f"np.minimum({a[0]}, {a[1]})",
        "neg": lambda: f"(-{a[0]})",
        "sqrt": lambda: f"np.sqrt(np.abs({a[0]}))",
        "abs": lambda: f"np.abs({a[0]})",
        "sq": lambda: f"np.square({a[0]})",
        "pos": lambda: f"np.maximum({a[0]}, 0.0)",
    }[op]()


def _uses(tree: Tree, name: str) -> bool:
    if tree[0] == name:
        return True
    return tree[0] in OPERATORS and any(_uses(c, name) for c in tree[1:])


SMTT_ARGS: tuple[str, ...] = ("p", "d", "w", "t", "rem", "pmean", "pmax")
SMTT_DERIVED = {
    "slack": "d - t - p",  # time to spare if the job started now
    "r": "p / (t + pmax)",  # MDDC's ratio: the job's length against the time horizon (in (0, 1])
    "q": "p / (t + pmean)",  # MDDC's tie-breaking term
    "mddt": "np.maximum(t + p, d)",  # the modified due date
    "nleft": "rem / pmean",  # number of unscheduled jobs
}


def to_source(tree: Tree, doc: str = "Evolved priority rule: the unscheduled job with the lowest score runs next.",
              args: tuple[str, ...] = SMTT_ARGS, derived: dict[str, str] | None = None) -> str:
    """A standalone module defining ``priority(*args)`` for the tree (``derived`` terminals become locals).

    The tree is checked against the grammar first (`check_tree`): ValueError for anything else.
    """
    derived = SMTT_DERIVED if derived is None else derived
    check_tree(tree, (*args, *derived))
    lines = ["import numpy as np", "", ""]
    if _uses(tree, "div"):
        lines += ["def pdiv(a, b):", '    """Protected division: a / b, and a where |b| < 1e-9."""',
                  "    return a / np.where(np.abs(b) < 1e-9, 1.0, b)", "", ""]
    lines += [f"def priority({', '.join(args)}):", f'    """{doc}"""']
    for name, expr in derived.items():
        if _uses(tree, name):
            lines.append(f"    {name} = {expr}")
    expr = to_expr(tree)
    if not any(_uses(tree, x) for x in (*args, *derived)):
        expr = f"{expr} + 0.0 * {args[0]}"
    lines.append(f"    return {expr}")
    return "\n".join(lines) + "\n"
