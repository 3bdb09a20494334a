"""A batch with a corrupt file, an infeasible instance, a hang, a SIGKILLed worker and a crash: nothing lost."""

from __future__ import annotations

import sqlite3

from ordino.batching import Row, batch
from ordino.models import Schedule, load_problem
from ordino.verify import verify


def test_faulty_batch_records_every_instance_with_its_status(tmp_path, problem_file, plugin):
    files = {
        "a": problem_file("a.json"),
        "b": problem_file("b.json"),
        "corrupt": problem_file("corrupt.json", text='{"schema": "ordino/1", "tasks": ['),
        "infeasible": problem_file("infeasible.json", deadline=5),
        "hang": problem_file("hang.json"),
        "sigkill": problem_file("sigkill.json"),
        "crash": problem_file("crash.json"),
    }
    db = tmp_path / "results.db"
    seen: list[Row] = []
    rows = batch([tmp_path / "problems"], method="test-faulty", time_limit=1.0, grace=1.5, workers=2,
                 results=db, plugins=[plugin], on_result=seen.append)

    by_name = {row.instance: row for row in rows}
    assert sorted(by_name) == sorted(files)
    assert len(seen) == len(files)
    for name in ("a", "b"):
        row = by_name[name]
        assert (row.status, row.objective, row.verified, row.error) == ("optimal", 7, True, None)
        report = verify(load_problem(files[name]), Schedule.model_validate_json(row.schedule))
        assert report.violations == [] and report.objective == 7
        assert row.wall >= row.runtime > 0
    assert by_name["corrupt"].status == "error" and "malformed JSON" in by_name["corrupt"].error
    assert by_name["infeasible"].status == "infeasible" and by_name["infeasible"].schedule is None
    assert by_name["hang"].status == "timeout" and "worker killed" in by_name["hang"].error
    assert 2.0 <= by_name["hang"].wall < 6.0  # killed at time limit 1 s + grace 1.5 s, not left to hang
    assert by_name["sigkill"].status == "error" and "SIGKILL" in by_name["sigkill"].error
    assert by_name["crash"].status == "error" and "deliberate crash" in by_name["crash"].error
    for row in rows:
        assert row.file == str(files[row.instance].resolve())
        assert not row.verified or row.status in ("optimal", "feasible")

    with sqlite3.connect(db) as con:
        stored = dict(con.execute("SELECT instance, status FROM results WHERE method = 'test-faulty'"))
    assert stored == {row.instance: row.status for row in rows}


def test_memory_blowup_is_an_error_row_and_the_rest_goes_on(problem_file, plugin):
    problem_file("hog.json")
    problem_file("ok.json")
    rows = batch([problem_file("ok.json").parent], method="test-faulty", time_limit=2.0, grace=20.0, workers=1,
                 memory_mb=1024, plugins=[plugin])
    by_name = {row.instance: row for row in rows}
    assert by_name["hog"].status == "error"
    assert "MemoryError" in by_name["hog"].error or "memory" in by_name["hog"].error.lower()
    assert by_name["ok"].status == "optimal" and by_name["ok"].verified
