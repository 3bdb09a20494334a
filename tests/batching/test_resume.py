"""Interrupting `ordino batch` (Ctrl-C or SIGKILL) keeps the written rows; --resume runs only the rest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ordino.batching import Row, batch
from tests.conftest import as_in_a_terminal


def _children(pid: int) -> set[int]:
    """Every live descendant of `pid` (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def _stored(db: Path) -> dict[str, str]:
    try:
        with sqlite3.connect(db) as con:
            return dict(con.execute("SELECT instance, status FROM results"))
    except sqlite3.Error:
        return {}


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "sigkill"])
def test_interrupted_batch_resumes_only_the_unfinished(tmp_path, problem_file, plugin, how):
    folder = problem_file("a.json").parent
    for name in ("b", "c", "slow"):
        problem_file(f"{name}.json")
    db = tmp_path / "results.db"
    command = [sys.executable, "-c", "from ordino.cli import main; main()", "batch", str(folder), "--method",
               "test-faulty", "--plugin", plugin, "--time-limit", "1", "--grace", "120", "--workers", "1",
               "--results", str(db)]
    env = {**os.environ, "ORDINO_TEST_SLOW": "1"}  # `slow` sleeps 60 s in this run only
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=as_in_a_terminal)
    try:
        deadline = time.monotonic() + 120
        while len(_stored(db)) < 3:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the first three rows never arrived"
            time.sleep(0.2)
        time.sleep(0.5)  # `slow` is now sleeping in its worker
        workers = _children(proc.pid)
        assert workers, "expected a fork server and a worker below the batch process"
        proc.send_signal(how)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if how == signal.SIGINT:
        assert proc.returncode == 130 and "--resume" in err
    else:
        assert proc.returncode == -signal.SIGKILL
    gone_by = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < gone_by:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), "a worker outlived the interrupted batch"
    assert _stored(db) == {"a": "optimal", "b": "optimal", "c": "optimal"}

    fresh: list[Row] = []
    rows = batch([folder], method="test-faulty", time_limit=1.0, results=db, resume=True, plugins=[plugin],
                 on_result=fresh.append)
    assert [row.instance for row in fresh] == ["slow"]
    assert [(row.instance, row.status, row.verified) for row in rows] == [
        (name, "optimal", True) for name in ("a", "b", "c", "slow")]
    assert _stored(db) == {name: "optimal" for name in ("a", "b", "c", "slow")}


def test_resume_with_retry_errors_runs_failed_rows_again(tmp_path, problem_file, plugin):
    folder = problem_file("ok.json").parent
    problem_file("crash.json")
    db = tmp_path / "results.db"
    first = batch([folder], method="test-faulty", time_limit=1.0, results=db, plugins=[plugin])
    assert {r.instance: r.status for r in first} == {"crash": "error", "ok": "optimal"}
    again: list[Row] = []
    batch([folder], method="test-faulty", time_limit=1.0, results=db, resume=True, plugins=[plugin],
          on_result=again.append)
    assert again == []
    batch([folder], method="test-faulty", time_limit=1.0, results=db, resume=True, retry_errors=True,
          plugins=[plugin], on_result=again.append)
    assert [r.instance for r in again] == ["crash"]
