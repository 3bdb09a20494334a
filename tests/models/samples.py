"""Small models of every family, shared by the solver and verifier tests."""

from __future__ import annotations

from ordino.models import Problem
from ordino.models.assignment import RosterProblem
from ordino.models.linear import LinearModel


def landing() -> Problem:
    """Three landings (instants) with order-dependent separations, weighted tardiness and earliness."""
    tasks = [{"id": f"A{i}", "modes": [{"duration": 0}], "release": r, "deadline": d, "due": t, "weight": late,
              "earliness_weight": early}
             for i, (r, d, t, late, early) in enumerate([(0, 20, 5, 3, 1), (0, 20, 5, 1, 5), (0, 20, 6, 2, 2)])]
    gaps = [[0, 4, 1], [4, 0, 1], [1, 1, 0]]
    return Problem.model_validate({"tasks": tasks, "constraints": [{"type": "separation", "tasks": ["A0", "A1", "A2"],
                                                                   "gaps": gaps}],
                                   "objective": [{"term": "total_weighted_tardiness"},
                                                 {"term": "total_weighted_earliness"}]})


def post_office(demand: list[int]) -> RosterProblem:
    """Staff on a cyclic week, five days on and two off, covering each day's demand."""
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return RosterProblem.model_validate({
        "family": "assignment", "staff": [{"id": "W", "copies": 30}], "shifts": [{"id": "day"}], "days": days,
        "cyclic": True, "cover": [{"day": d, "min": k} for d, k in zip(days, demand, strict=True)],
        "rules": [{"type": "cyclic_pattern", "on": 5, "off": 2}], "objective": [{"term": "staff_count"}]})


def relation_roster() -> RosterProblem:
    """`a` works d2 exactly when it works d1; d1 needs one person; `a` is the cheaper one (optimum 2)."""
    return RosterProblem.model_validate({
        "family": "assignment", "staff": [{"id": "a"}, {"id": "b"}], "shifts": [{"id": "s"}], "days": ["d1", "d2"],
        "cover": [{"day": "d1", "min": 1}],
        "rules": [{"type": "relation", "terms": [{"staff": ["a"], "days": ["d1"]},
                                                 {"staff": ["a"], "days": ["d2"], "coef": -1}], "min": 0, "max": 0}],
        "costs": [{"staff": ["a"], "cost": 1}, {"staff": ["b"], "cost": 3}],
        "objective": [{"term": "total_cost"}]})


def small_integer_programme() -> LinearModel:
    """max 3x + 4y with x + 2y <= 14, 3x - y >= 0, x and y integers in [0, 10]: optimum 38 at (10, 2)."""
    return LinearModel.model_validate({
        "family": "linear",
        "variables": [{"name": "x", "kind": "integer", "upper": 10}, {"name": "y", "kind": "integer", "upper": 10}],
        "constraints": [{"terms": {"x": 1, "y": 2}, "sense": "<=", "rhs": 14},
                        {"terms": {"x": 3, "y": -1}, "sense": ">=", "rhs": 0}],
        "objective": {"sense": "max", "terms": {"x": 3, "y": 4}}})
