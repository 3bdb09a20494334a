"""Explain a solved schedule or roster: what binds it, in structured fields and in plain words.

`explain(model, solution)` returns an `Explanation`: for both families the verifier's violations and the cost of
each objective term; for a schedule the critical chain that ends at the makespan (each task with why it could
not start earlier), the bottleneck resource and its load, and each late job with what ran before it on its
machines; for a roster the cover met exactly at its minimum (and who meets it), cover below its minimum, the
preferences that cost and the rules met at a limit. `explanation_lines` says it in short lines with the model's
own names. Linear models are refused (they have no schedule or roster to explain).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ordino.errors import InputError
from ordino.explain.report import Explanation
from ordino.explain.roster import explain_roster
from ordino.explain.schedule import explain_schedule
from ordino.explain.text import explanation_lines
from ordino.models.families import Family, Model, Solution, family_of

EXPLAINERS: dict[str, Callable[[Any, Any], Explanation]] = {
    "scheduling": explain_schedule, "assignment": explain_roster}


def explained_family(model: Model) -> Family:
    """The model's family, or an InputError when explain does not cover it (linear models)."""
    family = family_of(model)
    if family.name not in EXPLAINERS:
        raise InputError(f"explain covers schedules and rosters; this is a model of the {family.name} family "
                         "(check its solution with `ordino verify`)")
    return family


def explain(model: Model, solution: Solution) -> Explanation:
    """What binds `solution` (a Schedule of a Problem, or a Roster of a RosterProblem)."""
    family = explained_family(model)
    if not isinstance(solution, family.solution):
        raise InputError(f"{family.name} models are explained with a {family.solution.__name__}, "
                         f"not a {type(solution).__name__}")
    return EXPLAINERS[family.name](model, solution)


__all__ = ["EXPLAINERS", "Explanation", "explain", "explained_family", "explanation_lines"]
