"""RCPSP: serial and parallel SGS, priority rules, justification and the `sgs` method."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from ordino import solve
from ordino.datasets import iter_instances
from ordino.datasets.build import project_problem
from ordino.errors import ModelError
from ordino.heuristics.project import (
    RULES,
    ProjectData,
    justify,
    parallel_sgs,
    project_from_problem,
    project_schedule,
    serial_sgs,
)
from ordino.heuristics.project.sgs import critical_path_times, project_makespan
from ordino.models import Problem
from ordino.verify import verify


def _random_project(seed: int, n: int = 14, k: int = 2):
    rng = np.random.default_rng(seed)
    caps = [int(c) for c in rng.integers(4, 9, size=k)]
    modes = [[(int(rng.integers(0, 8)), [int(rng.integers(0, c + 1)) for c in caps])] for _ in range(n)]
    successors = [[int(s) for s in range(i + 1, n) if rng.random() < 0.2] for i in range(n)]
    return project_problem(caps, modes, successors)


@pytest.mark.parametrize("seed", range(6))
def test_every_rule_and_scheme_is_feasible(seed: int) -> None:
    problem = _random_project(seed)
    data = project_from_problem(problem)
    for rule in RULES:
        for scheme in (serial_sgs, parallel_sgs):
            start = scheme(data, rule)
            report = verify(problem, project_schedule(data, start))
            assert report.feasible, (rule, scheme.__name__, report.violations[:2])
            assert report.objective >= critical_path_times(data)[2]
        improved = justify(data, serial_sgs(data, rule))
        assert verify(problem, project_schedule(data, improved)).feasible
        assert project_makespan(data, improved) <= project_makespan(data, serial_sgs(data, rule))


def test_sgs_method_on_psplib_j30(data_mirror: Path) -> None:
    optimum = {row["problem"].removesuffix(".sm"): int(row["optimum"])
               for row in csv.DictReader((data_mirror / "rcpsp" / "j30_optimum_kobe.csv").open())}
    for inst in iter_instances(data_mirror / "rcpsp" / "psplib_j30.sm.tar.gz", limit=4):
        result = solve(inst.problem, method="sgs", time_limit=0.5, seed=0)
        assert result.status in ("feasible", "optimal") and not result.violations
        best = optimum[inst.name.rpartition("#")[2].removesuffix(".sm")]
        assert best <= result.objective <= best * 1.05


def test_arrays_api_and_cycle_error() -> None:
    data = ProjectData.from_arrays([3, 2, 4], [[2], [2], [3]], [4], [[2], [], []])
    start = serial_sgs(data, "LFT")
    assert start[2] >= start[0] + 3  # precedence 0 -> 2
    assert start[0] == start[1] == 0  # demands 2 + 2 fit the capacity 4 together
    assert start[2] >= 3  # demand 3 fits next to neither
    cyclic = ProjectData.from_arrays([1, 1], [[0], [0]], [1], [[1], [0]])
    with pytest.raises(ModelError, match="cycle"):
        serial_sgs(cyclic, "LFT")


def test_releases_and_portfolio() -> None:
    problem = (Problem.builder().renewable("R", 2)
               .task("a", 3, on="R", release=4).task("b", 2, on="R").task("c", 2, on="R")
               .precedence("b", "c").build())
    for method in ("sgs", "portfolio"):
        result = solve(problem, method=method, time_limit=1, workers=1)
        assert not result.violations and result.schedule.by_task()["a"].start >= 4
    assert solve(problem, method="portfolio", time_limit=2, workers=1).status == "optimal"


def test_bad_project_arrays_give_input_errors() -> None:
    from ordino.errors import InputError

    with pytest.raises(InputError, match="successor 5"):
        ProjectData.from_arrays([1, 2], [[1], [1]], [2], [[5], []])
    with pytest.raises(InputError, match="one column per resource"):
        ProjectData.from_arrays([1, 2], [[1, 1], [1, 1]], [2], [[1], []])
