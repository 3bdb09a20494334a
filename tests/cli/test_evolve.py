"""`ordino evolve` and `ordino evolve show`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ordino.cli import app

runner = CliRunner()


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
