"""One batch per results database at a time (a second one is refused, naming the holder), and a stored row is
never replaced by a worse one."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ordino.batching import Row, batch
from ordino.batching.store import ResultStore
from ordino.errors import InputError


def _row(status: str, objective: float | None = None, verified: bool | None = None) -> Row:
    return Row(file="f", instance="la20", method="cpsat", status=status, objective=objective,
               verified=objective is not None if verified is None else verified)


def _stored(db: Path) -> list[tuple[str]]:
    try:
        with sqlite3.connect(db) as con:
            return con.execute("SELECT instance FROM results").fetchall()
    except sqlite3.Error:
        return []


def test_a_second_batch_on_a_database_in_use_is_refused(tmp_path, problem_file, plugin):
    folder = problem_file("a.json").parent
    problem_file("slow.json")
    db = tmp_path / "results.db"
    command = [sys.executable, "-c", "from ordino.cli import main; main()", "batch", str(folder), "--method",
               "test-faulty", "--plugin", plugin, "--time-limit", "1", "--grace", "120", "--workers", "1",
               "--results", str(db)]
    first = subprocess.Popen(command, env={**os.environ, "ORDINO_TEST_SLOW": "1"}, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)  # `slow` sleeps 60 s: the first batch holds the db
    try:
        deadline = time.monotonic() + 60
        while _stored(db) != [("a",)]:  # `a` is done, `slow` is sleeping
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first batch never wrote its first row"
            time.sleep(0.1)
        assert (tmp_path / "results.db.lock").read_text().startswith(f"pid {first.pid}, since ")
        second = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert second.returncode == 2, second.stderr
        assert re.fullmatch(rf"error: {re.escape(str(db))}: in use by another ordino batch \(pid {first.pid}, since "
                            r"\S+\); wait for it to finish and run again with --resume, or give another --results "
                            r"file", second.stderr.strip()), second.stderr
        assert first.poll() is None
    finally:
        first.kill()  # SIGKILL: the kernel drops the lock with the process
        first.communicate()
    assert _stored(db) == [("a",)]  # the second batch wrote nothing
    with ResultStore(db) as store:
        assert set(store.rows()) == {(str((folder / "a.json").resolve()), "a", "test-faulty")}


def test_one_process_cannot_open_a_store_twice(tmp_path: Path) -> None:
    with ResultStore(tmp_path / "r.db"), pytest.raises(InputError, match=f"in use by another ordino batch "
                                                                           rf"\(pid {os.getpid()}, since "):
        ResultStore(tmp_path / "r.db")
    with ResultStore(tmp_path / "r.db"):  # released on close
        pass


def test_a_better_row_is_never_replaced_by_a_worse_one(tmp_path: Path) -> None:
    with ResultStore(tmp_path / "r.db") as store:
        assert store.write(_row("feasible", 907)).objective == 907
        assert store.write(_row("feasible", 902)).objective == 902  # better: replaces
        assert store.write(_row("feasible", 907)).objective == 902  # la20 keeps 902
        assert store.write(_row("timeout")).objective == 902
        assert store.write(_row("error", 900, verified=False)).objective == 902  # an unverified schedule proves nothing
        assert store.write(_row("optimal", 902)).status == "optimal"  # same value, now proven
        assert store.write(_row("feasible", 902)).status == "optimal"
        assert [(r.status, r.objective) for r in store.rows().values()] == [("optimal", 902)]


def test_rows_without_a_schedule_rank_proven_unknown_failed(tmp_path: Path) -> None:
    with ResultStore(tmp_path / "r.db") as store:
        assert store.write(_row("error")).status == "error"
        assert store.write(_row("timeout")).status == "timeout"  # equal rank: the newer row (--retry-errors)
        assert store.write(_row("unknown")).status == "unknown"
        assert store.write(_row("infeasible")).status == "infeasible"
        assert store.write(_row("unknown")).status == "infeasible"
        assert store.write(_row("feasible", 5)).status == "feasible"  # a verified schedule beats any claim


def test_batch_keeps_and_returns_a_better_stored_row(tmp_path, problem_file):
    path = problem_file("a.json")
    db = tmp_path / "results.db"
    with ResultStore(db) as store:
        store.write(Row(file=str(path.resolve()), instance="a", method="cpsat", status="optimal", objective=1.0,
                        verified=True))
    seen: list[Row] = []
    rows = batch([path], method="cpsat", time_limit=5, results=db, on_result=seen.append)  # finds 7
    assert [(r.status, r.objective) for r in rows] == [("optimal", 1.0)] == [(r.status, r.objective) for r in seen]
    with ResultStore(db) as store:
        assert [r.objective for r in store.rows().values()] == [1.0]
