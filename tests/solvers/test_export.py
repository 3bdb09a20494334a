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


@pytest.mark.parametrize("fmt", ["lp", "mps"])
@pytest.mark.parametrize("example", ["nurse_roster", "production_plan"])
def test_rosters_and_linear_models_export_to_what_highs_solves_alike(tmp_path, fmt, example):
    from ordino.models import load_model
    from tests.conftest import EXAMPLES

    model = load_model(EXAMPLES / f"{example}.json")
    path = tmp_path / f"model.{fmt}"
    text = export_model(model, path)
    assert path.read_text() == text and "obj" in text.lower()
    assert highs_objective(path) == pytest.approx(solve(model, time_limit=30).objective)


def test_names_an_lp_file_cannot_hold_are_made_safe_and_kept_apart():
    from ordino.models import LinearModel

    model = LinearModel.model_validate({"family": "linear", "variables": [
        {"name": "x[a|b]", "upper": 1}, {"name": "x(a b)", "upper": 1}, {"name": "2nd", "upper": 1}],
        "constraints": [{"terms": {"x[a|b]": 1, "x(a b)": 1, "2nd": 1}, "sense": "<=", "rhs": 2}],
        "objective": {"sense": "max", "terms": {"x[a|b]": 1, "x(a b)": 2, "2nd": 3}}})
    lp = export_model(model, "lp")
    assert "x_a_b_ " in lp and "x_a_b__2" in lp and "_2nd" in lp and lp.splitlines()[1] == "max"
    with pytest.raises(InputError, match="md describes scheduling models"):
        export_model(model, "md")
