"""Hostile candidates (tests/evolve/hostile/, one file per exploit of issue 14) are stopped or scored as failed,
and forged scores have no effect, while a benign control in the same batch keeps its true score.

Every candidate runs twice: with the AST check (the first filter) and with it switched off, which shows that
the operating system's isolation and the parent's own scoring hold without it.
"""

from __future__ import annotations

import ast
import itertools
import json
import os
import random
import resource
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ordino.errors import InputError
from ordino.evolve import Archive, EvolveConfig, evolve, gp, sandbox
from ordino.evolve.sandbox import CHILD_SCRIPT, CandidateResult, Limits, clean_env, evaluate_candidates

HOSTILE = Path(__file__).parent / "hostile"
ROOT = Path(__file__).resolve().parents[2]
INST = [{"p": [3, 2, 4], "d": [9, 2, 1], "w": None}, {"p": [5, 1], "d": [1, 1], "w": [2, 1]}]
MDD = "import numpy as np\n\ndef priority(p, d, w, t, rem, pmean, pmax):\n    return np.maximum(t + p, d)\n"
TRUE_MDD = [5.0, 10.0]
LIMITS = Limits(per_candidate_seconds=3.0)
FAKE_KEY = "sk-ordino-fake-4242-do-not-leak"


@pytest.fixture(params=["guarded", "unguarded"])
def guarded(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run with the AST check, or with it replaced by a bare parse (the wall must hold alone)."""
    if request.param == "unguarded":
        monkeypatch.setattr(sandbox, "check_code", lambda code, entry: ast.parse(code))
    return request.param == "guarded"


def hostile(name: str, **fill: object) -> str:
    code = (HOSTILE / name).read_text()
    for key, value in fill.items():
        code = code.replace(f"@{key}@", str(value))
    return code


def batch(code: str, limits: Limits = LIMITS) -> CandidateResult:
    """The hostile candidate's result; the control after it in the same batch keeps its true score."""
    res, control = evaluate_candidates([("hostile", code), ("control", MDD)], INST, "priority", "priority", limits)
    assert control.ok and control.objectives == TRUE_MDD, control.error
    return res


def stopped(res: CandidateResult, guarded: bool) -> None:
    """Failed; with the AST check on, already rejected by it."""
    assert not res.ok and res.error
    if guarded:
        assert res.error.startswith("rejected") and "is not allowed" in res.error, res.error


def running(token: str) -> list[int]:
    """Pids of live processes whose command line holds `token`."""
    out = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if token.encode() in cmdline and state not in ("Z", "X"):
            out.append(int(pid))
    return out


@pytest.fixture()
def precious(tmp_path: Path) -> Path:
    target = tmp_path / "precious.txt"
    target.write_text("precious data\n")
    return target


@pytest.fixture()
def evaluator_source():
    """The sandbox runner's own source, which candidates try to change; restored (and the test failed) if they do."""
    before = CHILD_SCRIPT.read_bytes()
    yield
    after = CHILD_SCRIPT.read_bytes() if CHILD_SCRIPT.exists() else None
    if after != before:
        CHILD_SCRIPT.write_bytes(before)
        pytest.fail("a candidate changed the sandbox runner's source")


def test_frame_walk_reaches_only_a_read_only_jail(guarded: bool, tmp_path: Path) -> None:
    target = tmp_path / "pwned.txt"
    stopped(batch(hostile("frame_walk.py", TARGET=target)), guarded)
    assert not target.exists()


def test_numpy_ma_builtins_reaches_only_a_read_only_jail(guarded: bool, tmp_path: Path) -> None:
    target = tmp_path / "pwned.txt"
    stopped(batch(hostile("numpy_ma_builtins.py", TARGET=target)), guarded)
    assert not target.exists()


def test_format_string_leaks_nothing_secret(guarded: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDINO_LLM_API_KEY", FAKE_KEY)
    res = batch(hostile("format_string_leak.py"))
    stopped(res, guarded)
    if not guarded:  # what leaks is the jail's own environment: the clean one
        assert "leak" in res.error and "PATH" in res.error
        assert FAKE_KEY not in res.error and "API_KEY" not in res.error


def test_proc_environ_is_not_readable(guarded: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDINO_LLM_API_KEY", FAKE_KEY)
    res = batch(hostile("proc_environ.py"))
    stopped(res, guarded)
    if not guarded:
        found = bytes.fromhex(res.error.split("environ ", 1)[1].split()[0]).decode()
        assert "No such file or directory" in found  # no /proc in the jail at all
        assert FAKE_KEY not in found and "API_KEY" not in found


def test_no_connection_to_localhost(guarded: bool) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        res = batch(hostile("connect_localhost.py", PORT=server.getsockname()[1]))
        server.settimeout(0.5)
        with pytest.raises(TimeoutError):
            server.accept()
    stopped(res, guarded)
    if not guarded:
        assert "Network is unreachable" in res.error


def test_no_daemon_survives(guarded: bool) -> None:
    token = f"777.{random.randrange(10**8, 10**9)}"
    res = batch(hostile("daemon_setsid.py", TOKEN=token))
    stopped(res, guarded)
    if not guarded:
        assert res.error.startswith("processes:")
    assert not running(token)


KILLED_DRIVER = """
import ast, sys
from ordino.evolve import sandbox
sandbox.check_code = lambda code, entry: ast.parse(code)
code = sys.argv[1]
sandbox.evaluate_candidates([("h", code)], [{"p": [3, 2], "d": [1, 1], "w": None}], "priority", "priority",
                            sandbox.Limits(per_candidate_seconds=60))
"""


def test_no_daemon_survives_ordino_killed_mid_run() -> None:
    token = f"780.{random.randrange(10**8, 10**9)}"
    code = hostile("daemon_setsid.py", TOKEN=token).replace("return np.maximum(t + p, d)",
                                                            "return np.maximum(t + p, d) + sum(range(10**13))")
    driver = subprocess.Popen([sys.executable, "-c", KILLED_DRIVER, code])
    try:
        deadline = time.monotonic() + 30
        while not running(token) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert running(token), "the daemon never started"
    finally:
        driver.kill()
        driver.wait()
    deadline = time.monotonic() + 5
    while running(token) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(token)


def test_mmap_cannot_rewrite_files(guarded: bool, precious: Path, evaluator_source: None) -> None:
    res = batch(hostile("mmap_rewrite.py", TARGET=precious))
    stopped(res, guarded)
    if not guarded:  # the user's file is not in the jail; the evaluator's source is read-only (and not ours)
        assert "No such file or directory" in res.error
        assert "Read-only file system" in res.error or "Permission denied" in res.error
    assert precious.read_text() == "precious data\n"


def test_files_cannot_be_deleted(guarded: bool, precious: Path, evaluator_source: None) -> None:
    res = batch(hostile("delete_file.py", TARGET=precious))
    stopped(res, guarded)
    if not guarded:
        assert "No such file or directory" in res.error and "Read-only file system" in res.error
    assert precious.read_text() == "precious data\n"


def test_forking_40_processes_is_refused(guarded: bool) -> None:
    token = f"778.{random.randrange(10**8, 10**9)}"
    res = batch(hostile("fork_40.py", TOKEN=token))
    stopped(res, guarded)
    if not guarded:
        assert "Resource temporarily unavailable" in res.error
    assert not running(token)


def test_output_flood_fails_and_the_parent_stays_small(guarded: bool) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    res = batch(hostile("stdout_flood.py"))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    stopped(res, guarded)
    if not guarded:
        assert res.error.startswith("output:")
    assert grown_mb < 50


def test_grandchild_holding_the_pipes_does_not_block(guarded: bool) -> None:
    limits = Limits(per_candidate_seconds=2.0)
    began = time.monotonic()
    res = batch(hostile("grandchild_pipes.py"), limits)
    assert time.monotonic() - began < 2 * limits.per_candidate_seconds + 5  # two candidates, start-up, grace
    stopped(res, guarded)
    if not guarded:
        assert res.error.startswith("processes:")


@pytest.mark.slow
def test_c_level_loops_cost_their_own_limit_only() -> None:
    loop = hostile("c_level_loop.py")
    codes = [(f"loop{k}", loop) if k % 2 == 0 else (f"mdd{k}", MDD) for k in range(8)]
    limits = Limits(per_candidate_seconds=1.0)
    began = time.monotonic()
    res = evaluate_candidates(codes, INST, "priority", "priority", limits)
    assert time.monotonic() - began < 4 * limits.per_candidate_seconds + 6
    for r in res:
        if r.id.startswith("loop"):
            assert not r.ok and r.error.startswith("timeout"), r.error
        else:
            assert r.ok and r.objectives == TRUE_MDD


def test_the_runner_cannot_be_attached_or_signalled(guarded: bool) -> None:
    res = batch(hostile("attack_runner.py"))  # the control after it keeps its score (checked in batch)
    stopped(res, guarded)
    if not guarded:
        assert "ptrace attach -1 errno 1" in res.error  # EPERM: the runner is not dumpable


def test_garbage_on_the_answer_channel_fails_only_its_writer(guarded: bool) -> None:
    res = batch(hostile("answer_channel_garbage.py"))  # the control after it keeps its score (checked in batch)
    stopped(res, guarded)
    if not guarded:
        assert res.error.startswith("invalid:")


def _optimum(inst: dict) -> float:
    from ordino.evolve.scoring import objective

    return min(objective("priority", list(perm), inst) for perm in itertools.permutations(range(len(inst["p"]))))


def forged(res: CandidateResult, guarded: bool) -> None:
    """A forger is rejected, fails, or gets the parent's value of its own decisions (never better than optimal)."""
    from ordino.evolve.scoring import objective

    if guarded or not res.ok:
        return stopped(res, guarded)
    assert res.objectives == [objective("priority", dec, inst) for dec, inst in zip(res.decisions, INST, strict=True)]
    assert all(v >= _optimum(inst) > 0 for v, inst in zip(res.objectives, INST, strict=True))


def test_forging_through_the_evaluators_frame_has_no_effect(guarded: bool) -> None:
    forged(batch(hostile("forge_frame_locals.py")), guarded)


def test_forging_by_patching_numpy_has_no_effect(guarded: bool) -> None:
    forged(batch(hostile("forge_np_maximum.py")), guarded)


def test_printed_result_markers_have_no_effect(guarded: bool) -> None:
    res = batch(hostile("forge_result_marker.py"))  # the control after it keeps its score (checked in batch)
    assert res.ok and res.objectives == TRUE_MDD  # its own true score, not the printed 0


def test_tampered_gene_is_refused_on_resume(tmp_path: Path) -> None:
    target = tmp_path / "pwned.txt"
    gene = json.loads(hostile("tampered_gene.json", TARGET=target))
    with pytest.raises(ValueError, match="unknown terminal"):
        gp.to_source(gene)
    db = tmp_path / "run.db"
    evolve(EvolveConfig(generations=0, population=6, islands=1, train="pvw-20x40:train",
                        test="pvw-20x40:test"), db)
    store = Archive(db)
    victim = store.best(1)[0].id
    store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE candidates SET genome = ? WHERE id = ?", (json.dumps(gene), victim))
    with pytest.raises(InputError, match=f"candidate '{victim}' has a genome outside the gp grammar"):
        evolve(EvolveConfig(generations=1), db, resume=True)
    assert not target.exists()


DRIVER = """
import json, sys
from pathlib import Path
from ordino.evolve import EvolveConfig, evolve, output, sandbox
sandbox.check_code = output.check_code = lambda code, entry: None  # the wall must hold without the first filter
hostile, example, run = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
code = hostile.read_text()
raw = sandbox.evaluate_candidates([("h", code)], [{"p": [3, 2], "d": [1, 1], "w": None}], "priority", "priority")
(run / "raw.txt").write_text(repr(raw))

class Reply:
    def __init__(self):
        self.data, self.text, self.prompt_tokens, self.completion_tokens = {"thought": "t", "code": code}, "", 1, 1

class Client:
    def chat_json(self, messages, **kw):
        return Reply()

cfg = EvolveConfig(engine="llm", generations=0, population=7, islands=1, train="pvw-20x40:train",
                   test="pvw-20x40:test", max_repairs=0)
report = evolve(cfg, run / "run.db", client=Client())
print(json.dumps(report.as_dict()))
from ordino.cli import app
app(["solve", example, "--method", "evolved:" + str(hostile)])
"""


@pytest.mark.slow
def test_api_key_in_the_parents_environment_shows_up_nowhere(tmp_path: Path) -> None:
    env = {**os.environ, "ORDINO_LLM_API_KEY": FAKE_KEY, "OPENAI_API_KEY": FAKE_KEY}
    example = ROOT / "examples" / "single_machine_weighted_tardiness.json"
    proc = subprocess.run([sys.executable, "-c", DRIVER, str(HOSTILE / "proc_environ.py"), str(example), str(tmp_path)],
                          env=env, capture_output=True, timeout=300)
    assert proc.returncode == 1, proc.stderr.decode()[-2000:]  # the solve fails: the heuristic raised
    raw = (tmp_path / "raw.txt").read_text()
    assert "RuntimeError: environ" in raw and "RuntimeError: environ" in proc.stderr.decode()
    store = Archive(tmp_path / "run.db")
    assert any(c.status == "error" and "environ" in (c.error or "") for c in store.candidates(1))
    store.close()
    forms = [FAKE_KEY.encode(), FAKE_KEY.encode().hex().encode(), b"API_KEY"]
    blobs = [proc.stdout, proc.stderr] + [p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()]
    for blob in blobs:
        assert not any(form in blob for form in forms)
    assert set(clean_env()) == {"PATH", "HOME", "LANG", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                                "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"}


def test_hostile_files_cover_every_exploit() -> None:
    names = {p.name for p in HOSTILE.iterdir() if p.suffix in (".py", ".json")}
    assert len(names) == 18
    tests = Path(__file__).read_text()
    assert all(n in tests for n in names)
