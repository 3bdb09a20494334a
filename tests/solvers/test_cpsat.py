"""CP-SAT back end: warm start, naming the conflicting constraint groups, and bad options (the behaviour every
exact method shares is tested in test_exact_methods.py)."""

from __future__ import annotations

import pytest

from ordino import InputError, ModelError, solve, verify
from ordino.models import Problem
from tests.conftest import example


def run(problem, **kw):
    result = solve(problem, method="cpsat", time_limit=kw.pop("time_limit", 20), workers=2, **kw)
    assert result.status == "optimal", result.log
    assert verify(problem, result.schedule).feasible
    return result


def test_warm_start_is_accepted():
    problem = example("ft06_job_shop")
    first = run(problem)
    again = run(problem, warm_start=first.schedule)
    assert again.objective == first.objective == 55


def test_infeasible_names_conflicting_groups():
    b = Problem.builder().machine("M").task("a", 5, on="M", deadline=6).task("b", 5, on="M", deadline=6)
    result = solve(b.build(), method="cpsat", time_limit=5, workers=1)
    assert result.status == "infeasible" and result.schedule is None
    assert any("deadlines" in line for line in result.log)


def test_bad_options_and_unknown_method():
    problem = example("ft06_job_shop")
    with pytest.raises(InputError, match="time_limit"):
        solve(problem, time_limit=0)
    with pytest.raises(InputError, match="unknown method 'magic'"):
        solve(problem, method="magic")
    assert isinstance(InputError("x"), Exception) and not issubclass(ModelError, InputError)


@pytest.mark.parametrize("delay", [0.01, 0.03, 0.1, 0.3])
def test_a_ctrl_c_at_any_moment_of_the_start_stops_the_search(delay: float) -> None:
    """Ctrl-C arriving while CP-SAT is still setting its search up was lost, and the search ran to its limit."""
    import _thread
    import threading
    import time

    from ordino.datasets.generators import taillard_jssp
    from ordino.errors import Interrupted
    from ordino.solvers.cpsat.model import build_cpsat
    from ordino.solvers.cpsat.run import cpsat_solver, run_cpsat

    built = build_cpsat(taillard_jssp(30, 15, 1, 2).problem)  # not proven optimal within a minute
    solver = cpsat_solver(60, workers=1)
    timer = threading.Timer(delay, _thread.interrupt_main)
    began = time.perf_counter()
    try:
        with pytest.raises(Interrupted):
            timer.start()
            run_cpsat(solver, built.model)
    finally:
        timer.cancel()
    assert time.perf_counter() - began < 10


def test_the_first_task_waits_for_the_setup_from_the_machines_state_at_time_0():
    setups = {("White", "Black"): 20, ("Black", "White"): 30, ("clean", "White"): 5, ("clean", "Black"): 10}
    problem = (Problem.builder().machine("Booth", setups=setups, initial_family="clean")
               .task("w", 10, on="Booth", family="White").task("k", 10, on="Booth", family="Black")
               .minimize("makespan").build())
    result = run(problem)
    assert result.objective == 45  # clean -> White 5, 10, White -> Black 20, 10 (Black first: 10 + 10 + 30 + 10)
    ready = problem.model_copy(update={"resources": [problem.resources[0].model_copy(
        update={"initial_family": "White"})]})
    assert run(ready).objective == 40  # set up for White already: 10 + 20 + 10
