"""The implied round-robin structure of the CP-SAT roster compiler: recognised on the ACC record, sound on a
small double round robin (the same solution count with and without it), and the ACC timetable solved on
several seeds."""

from __future__ import annotations

import json
from itertools import permutations
from pathlib import Path

import pytest
from ortools.sat.python import cp_model

from ordino.models.assignment import RosterProblem
from ordino.models.io import model_from_dict
from ordino.solve import solve
from ordino.solvers.assignment.cpsat import build_roster_cpsat
from ordino.solvers.assignment.implied import _day_groups, _exactly_once, _mirror

ACC = Path(__file__).parents[1] / "dev_records" / "dcpbench_csplib_011_acc_basketball_schedule.json"


def acc() -> RosterProblem:
    return model_from_dict(json.loads(ACC.read_text(encoding="utf-8"))["model"])


def test_acc_structure_is_recognised() -> None:
    problem = acc()
    m = cp_model.CpModel()
    x = {(p, "play", d): m.new_bool_var("") for p in problem.people for d in problem.days}
    assert len(_exactly_once(problem)) == 72
    assert len(_day_groups(problem)) == 9
    assert _mirror(m, problem, x, _exactly_once(problem)) == 36 * 9


def small_round_robin(teams: int, mirror: bool) -> RosterProblem:
    """A double round robin of `teams` teams on 2 * teams dates (one bye a date when odd), mirrored halves."""
    names = [f"t{i}" for i in range(teams)]
    games = [f"{a}-{b}" for a, b in permutations(names, 2)]
    days = [f"d{k}" for k in range(1, 2 * teams + 1)]
    rules: list[dict] = [{"type": "count", "per": ["staff"], "min": 1, "max": 1}]
    for t in names:
        rules.append({"type": "count", "staff": [g for g in games if t in g.split("-")], "per": ["day"], "max": 1})
        rules.append({"type": "count", "staff": [g for g in games if g.startswith(f"{t}-")], "days": days[:3],
                      "max": 2})
    if mirror:
        for a, b in permutations(names, 2):
            if a < b:
                for k in range(teams):
                    rules.append({"type": "relation", "min": 0, "max": 0, "terms": [
                        {"staff": [f"{a}-{b}", f"{b}-{a}"], "days": [days[k]]},
                        {"staff": [f"{a}-{b}", f"{b}-{a}"], "days": [days[k + teams]], "coef": -1}]})
    return model_from_dict({"schema": "ordino/1", "family": "assignment", "staff": [{"id": g} for g in games],
                            "shifts": [{"id": "play"}], "days": days, "rules": rules})


def count_solutions(problem: RosterProblem, implied: bool, monkeypatch: pytest.MonkeyPatch) -> int:
    if not implied:
        monkeypatch.setattr("ordino.solvers.assignment.cpsat.add_implied_structure", lambda *a: None)
    m, x = build_roster_cpsat(problem)
    monkeypatch.undo()
    solver = cp_model.CpSolver()
    solver.parameters.enumerate_all_solutions = True
    solver.parameters.num_workers = 1
    seen: set[frozenset] = set()

    class Collect(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            seen.add(frozenset(k for k, v in x.items() if self.boolean_value(v)))

    solver.solve(m, Collect())
    return len(seen)


@pytest.mark.parametrize("mirror", [True, False])
def test_implied_constraints_keep_every_solution(mirror: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    problem = small_round_robin(3, mirror)
    with_implied = count_solutions(problem, True, monkeypatch)
    without = count_solutions(problem, False, monkeypatch)
    assert with_implied == without > 0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_acc_timetable_solves_on_several_seeds(seed: int) -> None:
    result = solve(acc(), "cpsat", time_limit=60, seed=seed, workers=2)
    assert result.status in ("optimal", "feasible") and result.roster is not None
    assert not result.violations and result.runtime < 60
