"""LP/MPS export that HiGHS reads back to the same optimum; Markdown that names every constraint."""

from __future__ import annotations

import highspy
import pyomo.environ as pyo
import pytest
from test_milp import flow_shop, parallel, rcpsp, single_machine

from ordino.errors import InputError, ModelError
from ordino.models import Problem
from ordino.solve import solve
from ordino.solvers.export import export_model
from ordino.solvers.milp import build_milp


def setup_problem() -> Problem:
    b = Problem.builder("setups").machine("M", setups={("a", "b"): 3, ("b", "a"): 2}).renewable("crew", 2)
    b.task("a", 2, on="M").task("b", 3, on="M", optional=True)
    b.task("c", modes=[{"resources": ["crew"], "duration": 4, "demands": [1]}])
    b.precedence("a", "c", kind="start_before_start", min_lag=1)
    return b.build()


def highs_objective(path) -> float:
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    assert h.readModel(str(path)) == highspy.HighsStatus.kOk
    h.run()
    assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return h.getInfo().objective_function_value


@pytest.mark.parametrize("fmt", ["lp", "mps"])
@pytest.mark.parametrize("make", [single_machine, lambda: parallel(True), flow_shop, rcpsp],
                         ids=["single", "parallel", "flow", "rcpsp"])
def test_highs_reads_the_file_back_to_the_same_objective(tmp_path, fmt, make):
    problem = make()
    path = tmp_path / f"model.{fmt}"
    text = export_model(problem, path)
    assert path.read_text() == text
    expected = solve(problem, method="milp", time_limit=30).objective
    assert round(highs_objective(path)) == expected


def test_format_only_returns_text_and_names_constraints():
    lp = export_model(single_machine(n=4), "lp")
    assert "one_start" in lp and "capacity" in lp and "min" in lp


@pytest.mark.parametrize("make", [single_machine, lambda: parallel(False), flow_shop, rcpsp],
                         ids=["single", "parallel", "flow", "rcpsp"])
def test_markdown_lists_every_constraint_of_the_model(make):
    problem = make()
    md = export_model(problem, "md")
    built = build_milp(problem)
    names = [c.name for c in built.model.component_objects(ctype=pyo.Constraint)]
    assert names
    for name in names:
        assert f"### `{name}`" in md, name
    assert f"MILP ({built.formulation.replace('_', '-')})" in md
    assert "## Data" in md and problem.tasks[0].id in md


def test_markdown_describes_the_cp_model_when_milp_does_not_apply(tmp_path):
    problem = setup_problem()
    path = tmp_path / "model.md"
    md = export_model(problem, path)
    assert path.read_text() == md
    for name in ("no_overlap", "circuit", "cumulative", "start_before_start"):
        assert f"### `{name}`" in md, name
    assert "optional tasks" in md and "CP-SAT" in md


def test_lp_of_unsupported_problem_names_the_feature():
    with pytest.raises(ModelError, match="sequence-dependent setup times"):
        export_model(setup_problem(), "lp")


def test_unknown_format_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="unknown export format 'txt'"):
        export_model(single_machine(n=3), tmp_path / "model.txt")
