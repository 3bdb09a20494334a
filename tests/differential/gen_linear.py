"""Seeded generator of tiny random LinearModels for the differential tests.

`gen_linear(seed)` is a pure function of the seed (`random.Random(seed)`). Shapes: pure integer/binary models
(1-4 variables, often with integer data so CP-SAT applies), mixed models (1-2 integer + 1-2 continuous) and
LPs (1-3 continuous). Integer variables always get finite bounds (possibly fractional) so the oracle can
enumerate them; continuous ones get finite, one-sided, free or fixed bounds; binaries sometimes carry written
bounds (ignored by definition). Constraints use every sense, sometimes decimal coefficients (0.1, 0.2) or a
row scaled by 1e-3 .. 1e6, and are built around a random point so most models are feasible; some get a
contradiction (infeasible, also integer-infeasible but LP-feasible) and free directions plus the objective's
sense make some unbounded.
"""

from __future__ import annotations

import random
from typing import Any

from ordino.models.linear import LinearModel


def _coef(rng: random.Random, halves: bool) -> float:
    c = float(rng.choice([-3, -2, -1, -1, 1, 1, 2, 3, 0]) if rng.random() < 0.97 else 0)
    if halves and rng.random() < 0.4:
        c += rng.choice([-0.5, 0.5])
    return c


def _variable(rng: random.Random, name: str, kind: str, halves: bool) -> tuple[dict[str, Any], float]:
    """A variable entry and a point inside its bounds (integral for integer kinds)."""
    var: dict[str, Any] = {"name": name}
    if kind != "continuous":
        var["kind"] = kind
    if kind == "binary":
        style = rng.random()
        if style < 0.15:
            var["lower"], var["upper"] = -2.0, 3.0  # ignored: a binary is [0, 1] whatever is written
        elif style < 0.3:
            var["lower"] = None
        elif style < 0.33:
            var["lower"], var["upper"] = 0.5, 0.75
        return var, float(rng.randint(0, 1))
    if kind == "integer":
        lo = rng.randint(-3, 2)
        hi = lo + rng.randint(0, 4)
        var["lower"], var["upper"] = float(lo), float(hi)
        if halves and rng.random() < 0.3:
            var["lower"], var["upper"] = lo - 0.5, hi + 0.5
        return var, float(rng.randint(lo, hi))
    style = rng.choice(["default", "free", "box", "upper", "lower", "fixed"])
    lo, hi = float(rng.randint(-3, 1)), float(rng.randint(1, 4))
    if style == "free":
        var["lower"] = None
        point = float(rng.randint(-3, 3))
    elif style == "box":
        var["lower"], var["upper"] = lo, hi
        point = rng.uniform(lo, hi)
    elif style == "upper":
        var["lower"], var["upper"] = None, hi
        point = hi - rng.randint(0, 3)
    elif style == "lower":
        var["lower"] = lo
        point = lo + rng.randint(0, 3)
    elif style == "fixed":
        var["lower"] = var["upper"] = lo
        point = lo
    else:
        point = float(rng.randint(0, 3))
    if halves and style in ("box", "upper", "lower") and rng.random() < 0.3:
        key = "upper" if style == "upper" else "lower"
        var[key] += -0.5 if style == "box" else 0.5  # keeps lower <= upper
        point = max(point, var["lower"]) if var.get("lower") is not None else point
        point = min(point, var["upper"]) if var.get("upper") is not None else point
    return var, point


def linear_dict(seed: int) -> dict[str, Any]:
    """The JSON-like dict of the model for `seed`."""
    rng = random.Random(seed)
    shape = rng.choice(["integer", "integer", "mixed", "lp"])
    halves = rng.random() < 0.3
    if shape == "integer":
        kinds = [rng.choice(["integer", "binary"]) for _ in range(rng.randint(1, 4))]
    elif shape == "mixed":
        kinds = [rng.choice(["integer", "binary"]) for _ in range(rng.randint(1, 2))]
        kinds += ["continuous"] * rng.randint(1, 2)
    else:
        kinds = ["continuous"] * rng.randint(1, 3)
    variables, point = [], {}
    for i, kind in enumerate(kinds):
        var, p = _variable(rng, f"x{i + 1}", kind, halves)
        variables.append(var)
        point[var["name"]] = p
    names = list(point)
    constraints = []
    for _ in range(rng.choice([0, 1, 2, 2, 3, 3, 4])):
        chosen = rng.sample(names, rng.randint(1, len(names)))
        terms = {n: _coef(rng, halves) for n in chosen}
        sense = rng.choice(["<=", ">=", "=="])
        at = sum(a * point[n] for n, a in terms.items())
        if sense == "==" and any(v["name"] in terms and v.get("kind") is None for v in variables) \
                and rng.random() < 0.5:
            rhs = float(round(at))  # a continuous variable can usually adjust
        elif rng.random() < 0.8:
            slack = rng.choice([0, 0, 1, 2]) + (0.5 if halves and rng.random() < 0.3 else 0)
            rhs = at + slack if sense == "<=" else at - slack if sense == ">=" else at
        else:
            rhs = at + rng.choice([-3, -2, -1, 1, 2, 3])
        rhs = float(round(rhs * 2) / 2)
        style = rng.random()
        if style < 0.08:  # decimals that binary floating point cannot hold exactly
            terms = {n: a + rng.choice([0.1, 0.2, -0.3]) for n, a in terms.items()}
            rhs = round(sum(a * point[n] for n, a in terms.items()) + (rhs - at), 1)
        elif style < 0.16:  # a badly scaled row: same set, other units
            factor = rng.choice([1e-3, 1e3, 1e6])
            terms = {n: a * factor for n, a in terms.items()}
            rhs *= factor
        constraints.append({"terms": terms, "sense": sense, "rhs": rhs})
    trick = rng.random()
    if trick < 0.06:  # a contradiction
        n = rng.choice(names)
        constraints += [{"terms": {n: 1.0}, "sense": ">=", "rhs": 2.0}, {"terms": {n: 1.0}, "sense": "<=", "rhs": 1.0}]
    elif trick < 0.12 and any(k != "continuous" for k in kinds):  # LP-feasible, integer-infeasible
        n = names[kinds.index("integer")] if "integer" in kinds else names[kinds.index("binary")]
        constraints.append({"name": "odd", "terms": {n: 2.0}, "sense": "==", "rhs": 1.0})
    objective: dict[str, Any] = {"sense": rng.choice(["min", "max"])}
    if rng.random() < 0.9:
        objective["terms"] = {n: _coef(rng, halves) for n in rng.sample(names, rng.randint(1, len(names)))}
    if rng.random() < 0.4:
        objective["constant"] = float(rng.randint(-5, 5)) + (0.5 if halves and rng.random() < 0.5 else 0.0)
    return {"schema": "ordino/1", "family": "linear", "name": f"linear-{seed}", "variables": variables,
            "constraints": constraints, "objective": objective}


def gen_linear(seed: int) -> LinearModel:
    """The random tiny LinearModel for `seed`."""
    return LinearModel.model_validate(linear_dict(seed))


def pure_integer_data(model: LinearModel) -> bool:
    """True when every variable is integer or binary with finite integral bounds and all data is integral
    (the models CP-SAT is expected to take)."""
    numbers = [model.objective.constant, *model.objective.terms.values()]
    numbers += [x for c in model.constraints for x in (c.rhs, *c.terms.values())]
    for v in model.variables:
        if v.kind == "continuous":
            return False
        if v.kind == "integer":
            if v.lower is None or v.upper is None:
                return False
            numbers += [v.lower, v.upper]
    return all(float(x).is_integer() for x in numbers)


def linear_tags(model: LinearModel) -> set[str]:
    """The features a model exercises (for coverage counts)."""
    tags = {f"var:{v.kind}" for v in model.variables}
    tags |= {f"sense:{c.sense}" for c in model.constraints}
    tags.add(f"objective:{model.objective.sense}")
    if not model.objective.terms:
        tags.add("objective:constant only")
    if model.objective.constant:
        tags.add("objective:constant")
    if any(abs(a) >= 1e3 or 0 < abs(a) <= 1e-3 for c in model.constraints for a in c.terms.values()):
        tags.add("badly scaled row")
    if any(not float(a * 2).is_integer() for c in model.constraints for a in c.terms.values()):
        tags.add("decimal coefficients")
    for v in model.variables:
        if v.kind == "continuous":
            tags.add("bounds:" + ("free" if v.lower is None and v.upper is None else
                                  "fixed" if v.lower == v.upper else
                                  "upper only" if v.lower is None else
                                  "lower only" if v.upper is None else "box"))
        if v.kind != "continuous" and any(b is not None and not float(b).is_integer() for b in (v.lower, v.upper)):
            tags.add("bounds:fractional on integer")
        if v.kind == "binary" and (v.lower, v.upper) != (0.0, None):
            tags.add("bounds:written on binary")
        if v.lower is not None and v.lower < 0:
            tags.add("bounds:negative lower")
    if not model.constraints:
        tags.add("no constraints")
    if any(a == 0 for c in model.constraints for a in c.terms.values()):
        tags.add("zero coefficient")
    kinds = {v.kind for v in model.variables}
    tags.add("shape:" + ("lp" if kinds == {"continuous"} else "mixed" if "continuous" in kinds else "integer"))
    if pure_integer_data(model):
        tags.add("cpsat applies")
    return tags
