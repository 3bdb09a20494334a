"""The CP-SAT portfolio on shops: it proves what CP-SAT proves, and keeps the bound it found."""

from __future__ import annotations

from pathlib import Path

from ordino import solve
from tests.conftest import classic_job_shop


def test_portfolio_reports_cpsat_bound(jssp: dict) -> None:
    result = solve(classic_job_shop(jssp, "la01"), method="portfolio", time_limit=4, workers=1)
    assert not result.violations
    assert result.objective == 666 and result.bound == 666 and result.status == "optimal"


def test_portfolio_on_a_brandimarte_instance(data_mirror: Path) -> None:
    from ordino.datasets import load_instance

    problem = load_instance(data_mirror / "fjsp" / "Brandimarte1993" / "mk01.txt").problem
    result = solve(problem, method="portfolio", time_limit=4, workers=1, seed=0)
    assert not result.violations and result.bound is not None
    assert 36 <= result.bound <= result.objective <= 42  # optimum 40
