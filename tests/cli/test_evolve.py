"""`ordino evolve` and `ordino evolve show`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ordino.cli import app

runner = CliRunner()


@pytest.mark.mirror
def test_evolve_json_writes_heuristic_plot_and_archive(tmp_path) -> None:
    res = runner.invoke(app, ["evolve", "-g", "1", "-n", "6", "--islands", "2", "--train", "smtt-paper-20:train",
                              "--test", "smtt-paper-100:test", "--run-dir", str(tmp_path), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {"run", "best_id", "train_gap", "test_gap", "generations", "code", "out", "plot"} <= set(data)
    assert (tmp_path / "best.py").is_file() and (tmp_path / "convergence.png").is_file()
    show = runner.invoke(app, ["evolve", "show", str(tmp_path), "--json"])
    assert show.exit_code == 0, show.output
    shown = json.loads(show.stdout)
    assert shown["best"][0]["id"] == data["best_id"] and len(shown["generations"]) == 2


def test_bad_input_exits_2(tmp_path) -> None:
    assert runner.invoke(app, ["evolve", "--engine", "magic"]).exit_code == 2
    assert runner.invoke(app, ["evolve", "--train", "nope"]).exit_code == 2
    assert runner.invoke(app, ["evolve", "--problem", "vrp"]).exit_code == 2
    assert runner.invoke(app, ["evolve", "--resume"]).exit_code == 2
    assert runner.invoke(app, ["evolve", "show", str(tmp_path / "none.db")]).exit_code == 2


@pytest.mark.mirror
@pytest.mark.parametrize("problem", ["smtt", "jssp", "rcpsp"])
def test_every_problem_runs_with_its_own_default_sets(problem: str, tmp_path) -> None:
    res = runner.invoke(app, ["evolve", "--problem", problem, "-g", "0", "-n", "2", "--islands", "1",
                              "--archive", str(tmp_path / "run.db"), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["test_gap"] is not None and data["train_gap"] >= 0


def test_settings_are_checked_before_the_progress_bar() -> None:
    res = runner.invoke(app, ["evolve", "--problem", "jssp", "--train", "nope"])
    assert res.exit_code == 2
    assert "unknown job shop set 'nope'" in res.stderr and "best" not in res.stderr
    res = runner.invoke(app, ["evolve", "--population", "1"])
    assert res.exit_code == 2 and "--population" in res.stderr and "best" not in res.stderr


def test_evolve_finds_sets_in_the_download_cache_as_bench_does(tmp_path, monkeypatch) -> None:
    """A set file in the cache (where `ordino datasets fetch` puts it) is used without a mirror."""
    from tests.datasets.samples import SMTT_JSONL

    cache = tmp_path / "cache"
    (cache / "smtt-paper").mkdir(parents=True)
    path = cache / "smtt-paper" / "smtt20_800.jsonl"
    path.write_text(SMTT_JSONL)
    monkeypatch.delenv("ORDINO_DATA_MIRROR", raising=False)
    monkeypatch.setenv("ORDINO_CACHE_DIR", str(cache))
    monkeypatch.setattr("ordino.datasets.sources.checksums", lambda: {})  # our small file, not the public one
    from ordino.evolve.data import load_set

    assert [i.name for i in load_set("smtt-paper-20")] == ["smtt-paper-20#0", "smtt-paper-20#1"]
