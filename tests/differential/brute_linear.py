"""Brute-force oracle for the linear family; shares no code with `ordino` (it reads the model's fields only).

Integer and binary variables must have finite bounds: every integer point of their box is enumerated. For each
such point the continuous variables (at most a handful) solve a small LP, done exactly by vertex enumeration:

- The LP is min c.y over P = {y : G y <= h, E y = e} (senses and finite bounds turned into rows). Let L be the
  null space of all rows (the lineality space of P; P = P + L).
- Unboundedness: min c.y is unbounded below on a non-empty P iff some direction r with G r <= 0, E r = 0 has
  c.r < 0 (the recession cone of P). Scaling r into the box [-1, 1]^n keeps c.r < 0, so it suffices to minimise
  c.r over that cone intersected with the box, a bounded pointed polytope, whose minimum is at a vertex. The
  cone does not depend on the integer point, so the mixed problem is unbounded iff some integer point gives a
  non-empty P and this minimum is negative (integer variables are bounded, so they add no directions).
- Otherwise c is orthogonal to L (a direction d in L with c.d != 0 would make d or -d improving), so the LP has
  the same optimum over P' = P intersected with L's orthogonal complement (rows L^T y = 0 added). P' has no
  lines, so if it is non-empty it has a vertex and the minimum of a bounded-below linear function is attained
  at one. A vertex is the unique solution of n linearly independent rows taken as equalities, so solving every
  non-singular n x n subsystem and keeping the feasible solutions finds every vertex, hence the optimum.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from ordino.models.linear import LinearModel

TOL = 1e-7


@dataclass
class BruteLinear:
    """The oracle's answer: 'optimal' (objective, witness values), 'infeasible' or 'unbounded'."""

    status: str
    objective: float | None
    witness: dict[str, float] | None
    points: int


def _bounds(v) -> tuple[float, float]:  # noqa: ANN001
    """Effective bounds: binaries are [0, 1] whatever is written, None is infinite."""
    if v.kind == "binary":
        return 0.0, 1.0
    return (-math.inf if v.lower is None else float(v.lower)), (math.inf if v.upper is None else float(v.upper))


def _vertex_min(g: np.ndarray, h: np.ndarray, e: np.ndarray, f: np.ndarray, c: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """min c.y over {g y <= h[:, k], e y = f[:, k]} for each column k, assuming that set has no lines and c is
    bounded below on it: (values with +inf where infeasible, argmin points (K, n))."""
    rows = np.vstack([g, e])
    rhs = np.vstack([h, f])
    n, k = rows.shape[1], rhs.shape[1]
    best = np.full(k, np.inf)
    arg = np.zeros((k, n))
    subsets = [list(s) for s in itertools.combinations(range(len(rows)), n)]
    if not subsets:
        return best, arg
    mats = rows[np.array(subsets)]  # (S, n, n)
    ok = np.abs(np.linalg.det(mats)) > 1e-9
    if not ok.any():
        return best, arg
    mats, idx = mats[ok], np.array(subsets)[ok]
    ys = np.linalg.solve(mats, rhs[idx])  # (S, n, K)
    scale = 1.0 + np.abs(rhs)[None]
    feasible = np.ones((len(ys), k), dtype=bool)
    if len(g):
        feasible &= (np.einsum("mn,snk->smk", g, ys) <= h[None] + TOL * scale[:, : len(g)]).all(axis=1)
    if len(e):
        feasible &= (np.abs(np.einsum("mn,snk->smk", e, ys) - f[None]) <= TOL * scale[:, len(g):]).all(axis=1)
    values = np.where(feasible, np.einsum("n,snk->sk", c, ys), np.inf)
    at = values.argmin(axis=0)
    best = values[at, np.arange(k)]
    arg = ys[at, :, np.arange(k)]
    return best, arg


def _integer_points(model: LinearModel) -> tuple[list[str], np.ndarray]:
    """Names of the integer variables and every integer point of their box, (K, ni)."""
    names, ranges = [], []
    for v in model.variables:
        if v.kind == "continuous":
            continue
        lo, hi = _bounds(v)
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise ValueError(f"the oracle needs finite bounds on integer variable {v.name!r}")
        names.append(v.name)
        ranges.append(range(math.ceil(lo - 1e-9), math.floor(hi + 1e-9) + 1))
    points = np.array(list(itertools.product(*ranges)), dtype=float).reshape(-1, len(names)) if names \
        else np.zeros((1, 0))
    return names, points


def brute_linear(model: LinearModel) -> BruteLinear:
    """The exact optimum of a small LinearModel (see the module docstring for why it is exact)."""
    ints, points = _integer_points(model)
    conts = [v for v in model.variables if v.kind == "continuous"]
    cnames = [v.name for v in conts]
    sign = 1.0 if model.objective.sense == "min" else -1.0
    c_int = np.array([sign * model.objective.terms.get(n, 0.0) for n in ints])
    c_cont = np.array([sign * model.objective.terms.get(n, 0.0) for n in cnames])
    k, nc = len(points), len(cnames)
    if k == 0:
        return BruteLinear("infeasible", None, None, 0)
    g_rows, h_rows, e_rows, f_rows = [], [], [], []
    for con in model.constraints:
        a_int = np.array([con.terms.get(n, 0.0) for n in ints])
        a_cont = np.array([con.terms.get(n, 0.0) for n in cnames])
        rest = con.rhs - points @ a_int  # (K,)
        if con.sense in ("<=", "=="):
            (g_rows if con.sense == "<=" else e_rows).append(a_cont)
            (h_rows if con.sense == "<=" else f_rows).append(rest)
        if con.sense == ">=":
            g_rows.append(-a_cont)
            h_rows.append(-rest)
    for i, v in enumerate(conts):
        lo, hi = _bounds(v)
        unit = np.eye(nc)[i]
        if math.isfinite(lo):
            g_rows.append(-unit)
            h_rows.append(np.full(k, -lo))
        if math.isfinite(hi):
            g_rows.append(unit)
            h_rows.append(np.full(k, hi))
    g = np.array(g_rows, dtype=float).reshape(len(g_rows), nc)
    h = np.array(h_rows, dtype=float).reshape(len(h_rows), k)
    e = np.array(e_rows, dtype=float).reshape(len(e_rows), nc)
    f = np.array(f_rows, dtype=float).reshape(len(f_rows), k)
    if nc == 0:
        feasible = (h >= -TOL * (1 + np.abs(h))).all(axis=0) & (np.abs(f) <= TOL * (1 + np.abs(f))).all(axis=0)
        cont_value, cont_arg = np.where(feasible, 0.0, np.inf), np.zeros((k, 0))
        unbounded_direction = False
    else:
        _, sv, vt = np.linalg.svd(np.vstack([g, e]) if len(g) + len(e) else np.zeros((1, nc)))
        rank = int((sv > 1e-9).sum())
        lines = vt[rank:]  # orthonormal basis of the lineality space
        box = np.vstack([np.eye(nc), -np.eye(nc)])
        ray, _ = _vertex_min(np.vstack([g, box]), np.vstack([np.zeros((len(g), 1)), np.ones((2 * nc, 1))]),
                             e, np.zeros((len(e), 1)), c_cont)
        unbounded_direction = bool(ray[0] < -1e-9)
        cont_value, cont_arg = _vertex_min(g, h, np.vstack([e, lines]), np.vstack([f, np.zeros((len(lines), k))]),
                                           c_cont)
    feasible = np.isfinite(cont_value)
    if not feasible.any():
        return BruteLinear("infeasible", None, None, k)
    if unbounded_direction:
        return BruteLinear("unbounded", None, None, k)
    total = np.where(feasible, points @ c_int + cont_value, np.inf)
    best = int(total.argmin())
    witness = dict(zip(ints, points[best].tolist(), strict=True)) | dict(zip(cnames, cont_arg[best].tolist(),
                                                                              strict=True))
    return BruteLinear("optimal", model.objective.constant + sign * float(total[best]), witness, k)


def evaluate_linear(model: LinearModel, values: dict[str, float], tol: float = 1e-6) -> tuple[bool, float | None, str]:
    """Feasibility (relative tolerance `tol`) and objective of given values; a reason when infeasible."""
    for v in model.variables:
        if v.name not in values:
            return False, None, f"no value for {v.name!r}"
        x = values[v.name]
        lo, hi = _bounds(v)
        if x < lo - tol * max(1.0, abs(lo)) or x > hi + tol * max(1.0, abs(hi)):
            return False, None, f"{v.name}={x} outside [{lo}, {hi}]"
        if v.kind != "continuous" and abs(x - round(x)) > tol:
            return False, None, f"{v.name}={x} is not integral"
    if set(values) - {v.name for v in model.variables}:
        return False, None, f"values for undeclared variables {set(values) - {v.name for v in model.variables}}"
    for i, con in enumerate(model.constraints):
        parts = [a * values[n] for n, a in con.terms.items()]
        lhs, slack = sum(parts), tol * max(1.0, abs(con.rhs), sum(abs(p) for p in parts))
        if (con.sense == "<=" and lhs > con.rhs + slack) or (con.sense == ">=" and lhs < con.rhs - slack) or \
                (con.sense == "==" and abs(lhs - con.rhs) > slack):
            return False, None, f"constraint {i}: {lhs} {con.sense} {con.rhs} fails"
    return True, model.objective.constant + sum(a * values[n] for n, a in model.objective.terms.items()), ""
