"""Bench and batch take scheduling instances: a model of another family is refused with the loader's one line
(exit code 2 through the CLI); an evolved heuristic saved by `ordino evolve` is a method like any other."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ordino.batching import batch, expand
from ordino.batching.bench import bench
from ordino.cli import app
from ordino.datasets import OtherFamilyError, iter_instances
from ordino.errors import InputError
from tests.conftest import EXAMPLES

runner = CliRunner()
ROSTER = EXAMPLES / "nurse_roster.json"
LINEAR = EXAMPLES / "production_plan.json"
EVOLVED = EXAMPLES / "evolved_smtt_rule.py"  # saved by `ordino evolve`
SMTT = EXAMPLES / "single_machine_weighted_tardiness.json"


def family_line(path: Path) -> str:
    """The one line the loader raises for a model of another family."""
    with pytest.raises(OtherFamilyError) as caught:
        list(iter_instances(path))
    return str(caught.value)


@pytest.mark.parametrize(("path", "family"), [(ROSTER, "assignment"), (LINEAR, "linear")])
def test_bench_and_batch_raise_the_loaders_line(path: Path, family: str, tmp_path: Path) -> None:
    line = family_line(path)
    assert f"{family!r} family" in line and isinstance(OtherFamilyError(line), InputError)
    with pytest.raises(OtherFamilyError) as from_bench:
        bench(iter_instances(path), ["cpsat"], time_limit=1, progress=False)
    with pytest.raises(OtherFamilyError) as from_expand:
        expand([path])
    with pytest.raises(OtherFamilyError) as from_batch:
        batch([path], method="cpsat", time_limit=1, results=tmp_path / "runs.db")
    assert str(from_bench.value) == str(from_expand.value) == str(from_batch.value) == line


def test_a_roster_in_a_folder_stops_the_batch_before_solving(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(EXAMPLES / "ft06_job_shop.json", folder / "ft06.json")
    shutil.copy(ROSTER, folder / "roster.json")
    db = tmp_path / "runs.db"
    result = runner.invoke(app, ["batch", str(folder), "-m", "cpsat", "--results", str(db)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "'assignment' family" in lines[0], result.output


@pytest.mark.parametrize("command", ["batch", "bench"])
def test_cli_refuses_a_linear_model_with_exit_2(command: str, tmp_path: Path) -> None:
    args = [command, str(LINEAR)] + (["--results", str(tmp_path / "runs.db")] if command == "batch" else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert family_line(LINEAR) in " ".join(result.output.split())


def test_batch_runs_an_evolved_heuristic(tmp_path: Path, data_mirror: Path) -> None:
    method = f"evolved:{EVOLVED}"
    wt40 = data_mirror / "orlib-wt" / "wt40.txt"
    rows = batch([SMTT, f"{wt40}#1"], method=[method, "cpsat"], time_limit=5, workers=1,
                 results=tmp_path / "runs.db")
    by_key = {(r.instance, r.method): r for r in rows}
    names = ("single machine weighted tardiness", "wt40#1")
    assert set(by_key) == {(name, m) for name in names for m in (method, "cpsat")}
    for instance in names:
        evolved, exact = by_key[(instance, method)], by_key[(instance, "cpsat")]
        assert evolved.status == "feasible" and evolved.verified and evolved.error is None
        assert exact.verified and evolved.objective is not None and exact.objective is not None
        assert evolved.objective >= exact.objective if exact.status == "optimal" else evolved.objective > 0
    assert by_key[("wt40#1", method)].gap is not None and by_key[("wt40#1", method)].gap >= 0  # to the optimum 913


def test_cli_batch_takes_evolved_path_and_refuses_a_missing_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["batch", str(SMTT), "-m", f"evolved:{EVOLVED}", "-t", "5", "--workers", "1",
                                 "--results", str(tmp_path / "runs.db"), "--json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)["rows"]
    assert row["method"] == f"evolved:{EVOLVED}" and row["status"] == "feasible" and row["verified"]
    missing = runner.invoke(app, ["batch", str(SMTT), "-m", f"evolved:{tmp_path / 'none.py'}",
                                  "--results", str(tmp_path / "other.db")])
    assert missing.exit_code == 2 and "no evolved heuristic" in missing.output
