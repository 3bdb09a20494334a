"""The shipped heuristic: readable file with lineage, guarded loading, a verified solve method, a plot."""

from __future__ import annotations

import pytest

from ordino.datasets.build import single_machine_problem
from ordino.errors import InputError
from ordino.evolve import (
    CandidateRow,
    evolved_method,
    load_heuristic,
    plot_convergence,
    save_heuristic,
)
from ordino.evolve.output import convergence_figure
from ordino.solve import register_method, solve
from ordino.verify import verify

CODE = "import numpy as np\n\n\ndef priority(p, d, w, t, rem, pmean, pmax):\n    return np.maximum(t + p, d)\n"


def _saved(tmp_path):
    parent = CandidateRow("g0", 0, 0, "gp", "seed:mdd", CODE, train_gap=1.5)
    best = CandidateRow("g1", 1, 0, "gp", "mutation:scale", CODE, "score = max(t + p, d)", parents=["g0"],
                        train_gap=1.4, by_class={"TF0.6/RDD0.2": 5.0})
    return save_heuristic(tmp_path / "best.py", best, [best, parent], train="smtt-paper-20:train",
                          test="smtt-paper-100:test", train_gap=1.4, test_gap=1.6)


def test_saved_file_has_header_and_loads(tmp_path) -> None:
    path = _saved(tmp_path)
    text = path.read_text()
    assert "# Lineage" in text and "g0  gen 0  seed:mdd" in text and "1.6000 %" in text
    h = load_heuristic(path)
    assert h.entry == "priority" and h.meta["test_gap"] == 1.6


def test_evolved_method_solves_and_verifies(tmp_path) -> None:
    path = _saved(tmp_path)
    method = evolved_method(path, "evolved-test")
    register_method(method, replace=True)
    problem = single_machine_problem([3, 2, 4], [9, 2, 1])
    result = solve(problem, "evolved-test")
    assert result.status == "feasible" and result.objective == 5
    assert not verify(problem, result.schedule).violations
    assert method.supports(problem) is None
    weighted = single_machine_problem([5, 1], [1, 1], [2, 1])
    assert solve(weighted, "evolved-test").objective == 10


def test_hostile_saved_file_is_refused(tmp_path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n\ndef priority(p, d, w, t, rem, pmean, pmax):\n    return d\n")
    with pytest.raises(InputError, match="rejected"):
        evolved_method(bad)
    with pytest.raises(InputError, match="no evolved heuristic"):
        load_heuristic(tmp_path / "missing.py")


def test_convergence_chart_draws_both_gaps_per_generation(tmp_path) -> None:
    gens = [{"generation": g, "best_gap": 2.0 / (g + 1), "mean_gap": 5.0 / (g + 1)} for g in range(5)]
    (ax,) = convergence_figure(gens, "smtt run").axes
    best, mean = ax.get_lines()
    assert list(best.get_xdata()) == [0, 1, 2, 3, 4] and list(best.get_ydata()) == [g["best_gap"] for g in gens]
    assert list(mean.get_ydata()) == [g["mean_gap"] for g in gens]
    assert ax.get_yscale() == "log" and ax.get_title() == "smtt run"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["best gap", "mean gap of the islands"]
    out = plot_convergence(gens, tmp_path / "conv.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(InputError, match="no generations"):
        convergence_figure([])


def test_saved_heuristic_is_a_method_by_path(tmp_path) -> None:
    path = _saved(tmp_path)
    problem = single_machine_problem([3, 2, 4], [9, 2, 1])
    result = solve(problem, f"evolved:{path}")
    assert result.status == "feasible" and result.objective == 5 and not result.violations
    with pytest.raises(InputError, match="no evolved heuristic"):
        solve(problem, f"evolved:{tmp_path / 'missing.py'}")
