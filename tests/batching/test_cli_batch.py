"""`ordino batch` on the command line, path expansion and the oversubscription warning."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from ordino.batching import expand, oversubscription

runner = CliRunner()
BENCH_KEYS = {"instance", "method", "status", "objective", "best_known", "gap", "runtime", "verified"}


def test_batch_json_rows_have_bench_keys_plus_file_and_error(tmp_path, problem_file, data_mirror):
    from ordino.cli import app

    problem_file("a.json")
    problem_file("infeasible.json", deadline=5)
    archive = data_mirror / "rcpsp" / "psplib_j30.sm.tar.gz"
    db = tmp_path / "out.db"
    result = runner.invoke(app, ["batch", str(tmp_path / "problems" / "*.json"), f"{archive}#j301_1", "--method",
                                 "cpsat", "-t", "5", "--workers", "2", "--results", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    rows = {row["instance"]: row for row in data["rows"]}
    assert set(rows) == {"a", "infeasible", "j301_1"}
    for row in rows.values():
        assert BENCH_KEYS | {"file", "error"} <= set(row)
    assert (rows["a"]["status"], rows["a"]["objective"], rows["a"]["verified"]) == ("optimal", 7, True)
    assert rows["infeasible"]["status"] == "infeasible" and rows["infeasible"]["verified"] is False
    assert Path(rows["j301_1"]["file"]).resolve() == archive.resolve() and rows["j301_1"]["verified"] is True
    assert rows["j301_1"]["objective"] == 43  # the published optimum of j301_1
    summary = data["summary"][0]
    assert summary["method"] == "cpsat" and summary["instances"] == 3 and summary["solved"] == 2
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM results WHERE schedule IS NOT NULL").fetchone()[0] == 2


def test_batch_text_output_has_summary_and_failures(tmp_path, problem_file):
    from ordino.cli import app

    problem_file("a.json")
    problem_file("broken.json", text="not json at all")
    result = runner.invoke(app, ["batch", str(tmp_path / "problems"), "-m", "cpsat", "-t", "2",
                                 "--results", str(tmp_path / "r.db")])
    assert result.exit_code == 0, result.output
    assert "batch summary" in result.stdout and "errors and timeouts" in result.stdout
    assert "broken" in result.stdout and "2 row(s)" in result.stdout


def test_batch_bad_input_exits_2_with_one_line(tmp_path, problem_file):
    from ordino.cli import app

    missing = runner.invoke(app, ["batch", str(tmp_path / "nope.json"), "--results", str(tmp_path / "r.db")])
    assert missing.exit_code == 2 and "no such file or folder" in missing.output
    path = str(problem_file("a.json"))
    unknown = runner.invoke(app, ["batch", path, "-m", "nosuch", "--results", str(tmp_path / "r.db")])
    assert unknown.exit_code == 2 and "unknown method 'nosuch'" in unknown.output
    address = runner.invoke(app, ["batch", path, "--ray-address", "auto", "--results", str(tmp_path / "r.db")])
    assert address.exit_code == 2 and "--executor ray" in address.output
    for result in (missing, unknown, address):
        assert "Traceback" not in result.output


def test_expand_walks_folders_skips_label_files_and_reads_archives(tmp_path, problem_file, data_mirror):
    folder = problem_file("a.json").parent
    (folder / "README.md").write_text("notes")
    (folder / "bks.json").write_text("{}")
    sub = folder / "more"
    sub.mkdir()
    (sub / "b.json").write_text((folder / "a.json").read_text().replace('"a"', '"b"'))
    items = expand([folder, str(folder / "a.json")])
    assert [item.instance for item in items] == ["a", "b"]
    j30 = expand([data_mirror / "rcpsp" / "psplib_j30.sm.tar.gz"])
    assert len(j30) == 480 and len({item.key for item in j30}) == 480
    assert all(item.problem is not None and item.error is None for item in j30)


def test_oversubscription_warning():
    assert oversubscription(2, 1, available=2) is None
    assert oversubscription(1, 0, available=2) is None
    assert "4 threads on 2 cores" in oversubscription(4, 1, available=2)
    assert "4 threads on 2 cores" in oversubscription(2, 0, available=2)
