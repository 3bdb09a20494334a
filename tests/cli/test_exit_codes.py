"""Honest exit codes: no solution within the limit is exit 4 (not success), a method's crash is one line
with its cause and exit 1, and neither prints a traceback."""

from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

from ordino import solve
from ordino.cli import app
from ordino.datasets.generators import taillard_jssp
from ordino.errors import SolverError
from ordino.models import Result
from ordino.models.method import Method
from ordino.solve import _registry, register_method
from tests.conftest import EXAMPLES

runner = CliRunner()


def _explode(problem, options) -> Result:
    raise ZeroDivisionError("the method divided by zero")


@pytest.fixture
def crashing_method(monkeypatch) -> str:
    """A registered method that crashes, registered only for the test using it."""
    monkeypatch.setattr(sys.modules["ordino.solve"], "_REGISTRY", dict(_registry()))
    register_method(Method("test-crash", _explode, "raises on purpose"))
    return "test-crash"


def test_no_solution_within_the_limit_exits_4(tmp_path):
    big = tmp_path / "big.json"
    big.write_text(taillard_jssp(100, 20, 1, 2).problem.to_json())
    result = runner.invoke(app, ["solve", str(big), "-m", "cpsat", "-t", "0.01", "--workers", "1", "--json"])
    assert result.exit_code == 4, result.output
    assert json.loads(result.stdout)["status"] == "unknown"
    assert "no solution found within the time limit of 0.01 s" in result.stderr


def test_a_crash_is_an_error_naming_its_cause(crashing_method):
    ft06 = str(EXAMPLES / "ft06_job_shop.json")
    result = runner.invoke(app, ["solve", ft06, "-m", crashing_method])
    assert result.exit_code == 1
    assert "method 'test-crash' crashed: ZeroDivisionError: the method divided by zero" in result.stderr
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1


def test_the_api_raises_the_crash_with_its_cause(crashing_method):
    from ordino.models import load_problem

    with pytest.raises(SolverError, match="divided by zero") as info:
        solve(load_problem(EXAMPLES / "ft06_job_shop.json"), method=crashing_method)
    assert isinstance(info.value.__cause__, ZeroDivisionError)
