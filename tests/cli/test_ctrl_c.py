"""Ctrl-C (SIGINT to the process group, as a terminal sends it) stops solve, bench and batch, also while
or after CP-SAT has run in the process: the work done is kept, the summary printed, and the exit code is 130."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ordino.datasets.generators import taillard_jssp
from tests.conftest import EXAMPLES, as_in_a_terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
FT06 = str(EXAMPLES / "ft06_job_shop.json")


@pytest.fixture(scope="module")
def hard(tmp_path_factory) -> str:
    """A 30x15 job shop CP-SAT does not prove within a minute on one thread."""
    path = tmp_path_factory.mktemp("ctrl_c") / "hard.json"
    path.write_text(taillard_jssp(30, 15, 1, 2).problem.to_json())
    return str(path)


def _interrupt(args: list[str], after: float, cwd: Path) -> tuple[int, str, str, float]:
    """Run `ordino ARGS`, send SIGINT to its process group after `after` s; exit code, output, seconds to exit."""
    command = [sys.executable, "-c", "from ordino.cli import main; main()", *args]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd,
                            start_new_session=True, env={**os.environ, "COLUMNS": "200"},
                            preexec_fn=as_in_a_terminal)
    time.sleep(after)
    assert proc.poll() is None, "the command ended before Ctrl-C: " + proc.communicate()[1]
    os.killpg(proc.pid, signal.SIGINT)
    sent = time.perf_counter()
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out, err, time.perf_counter() - sent


def test_solve_keeps_the_best_schedule(hard, tmp_path):
    code, out, err, took = _interrupt(["solve", hard, "-m", "cpsat", "-t", "120", "--workers", "1"], 6, tmp_path)
    assert code == 130 and took < 5, (code, took, err)
    assert "feasible objective" in out and "stopped by Ctrl-C" in out
    assert "interrupted" in err and "Traceback" not in err


def test_bench_after_a_cpsat_solve_prints_the_summary(hard, tmp_path):
    code, out, err, took = _interrupt(["bench", FT06, hard, "-m", "cpsat", "-t", "120", "--workers", "1"], 8,
                                      tmp_path)
    assert code == 130 and took < 5, (code, took, err)
    assert "ft06" in out and "optimal" in out and "summary" in out
    assert "interrupted" in err and "Traceback" not in err


def test_batch_keeps_finished_rows(hard, tmp_path):
    db = tmp_path / "results.db"
    code, out, err, took = _interrupt(["batch", FT06, hard, "-m", "cpsat", "-t", "120", "--threads", "1",
                                       "-w", "2", "--results", str(db)], 10, tmp_path)
    assert code == 130 and took < 10, (code, took, err)
    assert "batch summary" in out and "--resume" in err and "Traceback" not in err
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT instance, status FROM results").fetchall()
    assert rows == [("ft06", "optimal")]
