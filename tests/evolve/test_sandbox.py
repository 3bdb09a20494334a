"""Hostile candidates are stopped or rejected with a reason, and the good ones in the batch still score."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest

from ordino.errors import SandboxError
from ordino.evolve import sandbox
from ordino.evolve.sandbox import Limits, clean_env, evaluate_candidates, run_child
from ordino.evolve.scoring import check_decisions, objective

INST = [{"p": [3, 2, 4], "d": [9, 2, 1], "w": None}, {"p": [5, 1], "d": [1, 1], "w": [2, 1]}]
MDD = "import numpy as np\n\ndef priority(p, d, w, t, rem, pmean, pmax):\n    return np.maximum(t + p, d)\n"


def run(codes: dict[str, str], kind: str = "priority", entry: str = "priority", **limits) -> dict:
    res = evaluate_candidates(list(codes.items()), INST, kind, entry, Limits(**limits))
    return {r.id: r for r in res}


def test_good_candidate_scores_exactly() -> None:
    res = run({"mdd": MDD})["mdd"]
    assert res.ok, res.error
    # instance 1: 1, 2, 0 -> tardiness 5; instance 2: job 1 (C=1, on time) then job 0 (C=6, 5 late, weight 2)
    assert res.objectives == [5.0, 10.0]


def test_a_rule_naming_left_gets_the_remaining_jobs_mask() -> None:
    head = "import numpy as np\n\ndef priority(p, d, w, t, rem, pmean, pmax, left):\n"
    # latest due date first while `left` agrees with `rem`; a wrong mask would flip it to earliest due date first;
    # `left.any()` also checks that array methods work (numpy imports their helpers through the candidate)
    checked = (head + "    ok = ((p * left).sum(axis=1, keepdims=True) == rem) & left.any(axis=1, keepdims=True)\n"
               "    return np.where(ok, -d, d)\n")
    res = run({"left": checked, "mdd": MDD})
    assert res["left"].ok, res["left"].error
    assert res["left"].decisions == [[0, 1, 2], [1, 0]]  # latest due date first (a wrong mask: [2, 1, 0])
    assert res["mdd"].ok and res["mdd"].objectives == [5.0, 10.0]  # rules without `left` keep working


def test_infinite_loop_is_stopped_and_others_still_score() -> None:
    loop = "def priority(p, d, w, t, rem, pmean, pmax):\n    while True:\n        pass\n"
    out = run({"loop": loop, "mdd": MDD}, per_candidate_seconds=1.0)
    assert not out["loop"].ok and out["loop"].error.startswith("timeout")
    assert out["mdd"].ok


def test_c_level_hang_is_killed_at_its_deadline() -> None:
    # no Python-level alarm interrupts a loop inside C code: the runner kills the worker, the others still score
    hang = "def priority(p, d, w, t, rem, pmean, pmax):\n    return p + sum(range(10 ** 11))\n"
    began = time.perf_counter()
    out = run({"hang": hang, "mdd": MDD}, per_candidate_seconds=0.5)
    assert out["mdd"].ok
    assert not out["hang"].ok and out["hang"].error.split(":")[0] in ("timeout", "cpu")
    assert time.perf_counter() - began < 10


def test_long_per_candidate_limits_work() -> None:
    assert run({"mdd": MDD}, per_candidate_seconds=120.0, cpu_seconds=5)["mdd"].objectives == [5.0, 10.0]


def test_memory_bomb_is_limited() -> None:
    bomb = "import numpy as np\ndef priority(p, *a):\n    x = np.ones(10 ** 10)\n    return p + x[0]\n"
    out = run({"bomb": bomb, "mdd": MDD}, memory_mb=1024)
    assert not out["bomb"].ok and out["bomb"].error.startswith("memory")
    assert out["mdd"].ok


def test_forbidden_code_is_rejected_before_running() -> None:
    out = run({"os": "import os\ndef priority(p, *a):\n    os.fork()\n    return p\n",
               "sock": "import socket\ndef priority(p, *a):\n    return p\n",
               "ctypes": "import ctypes\ndef priority(p, *a):\n    return p\n",
               "file": "def priority(p, *a):\n    open('/tmp/ordino-pwn', 'w').write('x')\n    return p\n"})
    for res in out.values():
        assert not res.ok and res.error.startswith("rejected")
    assert not os.path.exists("/tmp/ordino-pwn")


def test_nan_and_bad_shape_are_errors() -> None:
    nan = "import numpy as np\ndef priority(p, *a):\n    return p * np.nan\n"
    shape = "import numpy as np\ndef priority(p, *a):\n    return np.ones(7)\n"
    out = run({"nan": nan, "shape": shape})
    assert "NaN" in out["nan"].error
    assert "shape" in out["shape"].error


def test_non_permutation_sequence_is_an_error() -> None:
    dup = "import numpy as np\ndef sequence(p, d, w):\n    return np.zeros(len(p), dtype=int)\n"
    good = "import numpy as np\ndef sequence(p, d, w):\n    return np.argsort(d, kind='stable')\n"
    out = run({"dup": dup, "good": good}, kind="sequence", entry="sequence")
    assert not out["dup"].ok and "permutation" in out["dup"].error
    assert out["good"].ok and out["good"].objectives == [7.0, 13.0]  # EDD: 2, 1, 0 and 0, 1


def test_printed_fake_results_are_ignored() -> None:
    fake = ('import numpy as np\ndef priority(p, d, w, t, rem, pmean, pmax):\n'
            '    print(\'{"results": [{"id": "fake", "ok": true, "objectives": [0, 0]}]}\')\n'
            '    return np.maximum(t + p, d)\n')
    res = run({"fake": fake})["fake"]
    assert res.ok and res.objectives == [5.0, 10.0]


def test_child_environment_has_no_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-secret-123")
    monkeypatch.setenv("ORDINO_LLM_API_KEY", "sk-other-secret")
    out = run_child(["-c", "import os, json; print(json.dumps(dict(os.environ)))"], b"", Limits(wall_seconds=20))
    assert out.returncode == 0
    assert json.loads(out.stdout) == clean_env()


def test_file_writes_are_blocked(tmp_path) -> None:
    target = tmp_path / "out.txt"
    script = f"f = open({str(target)!r}, 'w')\nf.write('x' * 1000)\nf.close()"
    out = run_child(["-c", script], b"", Limits(wall_seconds=20))
    assert out.returncode != 0
    assert not target.exists()


def test_the_jail_is_a_read_only_view_without_proc_or_privileges() -> None:
    script = ("import json, os, sys\n"
              "print(json.dumps([os.getpid(), os.getppid(), os.getuid(), os.path.exists('/proc'), os.listdir('/')]))\n"
              "for path in ('/x', '/dev/x', sys.prefix + '/x', os.path.dirname(os.__file__) + '/x'):\n"
              "    try:\n        open(path, 'w')\n        print('WROTE', path)\n    except OSError as exc:\n"
              "        print(exc.errno)\n")
    out = run_child(["-c", script], b"", Limits(wall_seconds=20))
    first, *rest = out.stdout.decode().splitlines()
    pid, ppid, uid, proc, top = json.loads(first)
    assert (pid, ppid, proc) == (1, 0, False)  # pid 1 of its own namespace, no /proc
    assert uid == (65534 if os.geteuid() == 0 else os.geteuid())
    binds, links = sandbox._view()
    assert set(top) == {b.split("/")[1] for b in binds} | {name[1:] for name in links} | {"dev"}
    assert rest == ["30"] * 4  # EROFS everywhere


def test_deadline_kills_every_process_of_the_jail() -> None:
    token = f"779.{os.getpid()}{int(time.time() * 1000) % 100000}"
    script = ("import os, time\nif os.fork() == 0:\n    os.setsid()\n"
              f"    os.execv('/bin/sleep', ['sleep', '{token}'])\ntime.sleep(600)\n")
    began = time.monotonic()
    out = run_child(["-c", script], b"", Limits(wall_seconds=1.5))
    assert out.stopped and out.stopped.startswith("timeout") and time.monotonic() - began < 5
    assert not _running(token)


def _running(token: str) -> bool:
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if token.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                return True
        except OSError:
            continue
    return False


def test_no_network_in_the_child() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    script = ("import socket\ns = socket.socket()\ntry:\n"
              f"    s.connect(('127.0.0.1', {port}))\n    print('CONNECTED')\nexcept OSError:\n    print('BLOCKED')\n")
    try:
        out = run_child(["-c", script], b"", Limits(wall_seconds=20))
    finally:
        server.close()
    assert out.stdout.strip() == b"BLOCKED"


def test_without_namespaces_candidate_code_is_refused_unless_opted_in(monkeypatch, capfd) -> None:
    monkeypatch.setattr(sandbox, "_broken", ["no user namespaces here (test)"])
    monkeypatch.setattr(sandbox, "_warned", [])
    monkeypatch.delenv("ORDINO_SANDBOX", raising=False)
    with pytest.raises(SandboxError, match="no user namespaces here.*ORDINO_SANDBOX=rlimits"):
        run({"mdd": MDD})
    monkeypatch.setenv("ORDINO_SANDBOX", "rlimits")
    assert run({"mdd": MDD})["mdd"].objectives == [5.0, 10.0]
    run({"mdd": MDD})
    assert capfd.readouterr().err.count("WARNING: ORDINO_SANDBOX=rlimits") == 1
    assert sandbox.sandbox_info()["isolation"] == "rlimits"


def test_parent_refuses_malformed_decisions() -> None:
    inst = INST
    good = [[1, 2, 0], [1, 0]]
    assert check_decisions("priority", good, inst) == good
    for bad in ([[1, 2, 0]], [[1, 1, 0], [1, 0]], [[1, 2, 0], [1, 0, 2]], [[True, 2, 0], [1, 0]],
                [[1.0, 2, 0], [1, 0]], [[1, 2, 3], [1, 0]], "12", None):
        with pytest.raises(ValueError):
            check_decisions("priority", bad, inst)
    shop = [{"durations": [[1, 2], [3, 4]], "machines": [[0, 1], [1, 0]]}]
    assert objective("jssp", check_decisions("jssp", [[0, 1, 1, 0]], shop)[0], shop[0]) == 7.0
    for bad in ([[0, 0, 1, 1, 1]], [[0, 0, 0, 1]], [[0, 1, 2, 1]]):
        with pytest.raises(ValueError):
            check_decisions("jssp", bad, shop)
    proj = [{"duration": [1, 2]}]
    check_decisions("rcpsp", [[0.5, 1]], proj)
    for bad in ([[0.5]], [[float("nan"), 1.0]], [[float("inf"), 1.0]], [[10**400, 1.0]], [["a", 1.0]]):
        with pytest.raises(ValueError):
            check_decisions("rcpsp", bad, proj)


def test_answer_lines_are_parsed_strictly() -> None:
    lines = [b'{"i": 0, "ok": true, "decisions": [], "seconds": 0.1}', b'{"i": 0, "ok": true, "decisions": [1]}',
             b'{"i": 1, "ok": true, "decisions": [], "seconds": NaN}', b'{"i": 2, "ok": 1, "error": "x", "seconds": 0}',
             b'{"i": 3, "ok": false, "seconds": 0}', b"[" * 100000,
             b'{"i": 9, "ok": false, "error": "x", "seconds": 0}', b'{"i": true, "ok": false, "error": "x"}']
    assert set(sandbox._answers(b"\n".join(lines), 5)) == {0}
