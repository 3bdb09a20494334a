"""Hostile candidates are stopped or rejected with a reason, and the good ones in the batch still score."""

from __future__ import annotations

import os
import socket
import time

import pytest

from ordino.heuristics.evolve.sandbox import Limits, clean_env, evaluate_candidates, run_child

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


def test_infinite_loop_is_stopped_and_others_still_score() -> None:
    loop = "def priority(p, d, w, t, rem, pmean, pmax):\n    while True:\n        pass\n"
    out = run({"loop": loop, "mdd": MDD}, per_candidate_seconds=1.0)
    assert not out["loop"].ok and out["loop"].error.startswith("timeout")
    assert out["mdd"].ok


def test_c_level_hang_is_killed_by_the_wall_clock() -> None:
    # the alarm cannot interrupt a loop inside C code: the whole child is killed, then the batch is split
    hang = "def priority(p, d, w, t, rem, pmean, pmax):\n    return p + sum(range(10 ** 11))\n"
    began = time.perf_counter()
    out = run({"hang": hang, "mdd": MDD}, per_candidate_seconds=0.5, wall_seconds=1.5)
    assert out["mdd"].ok
    assert not out["hang"].ok and out["hang"].error.split(":")[0] in ("timeout", "cpu")
    assert time.perf_counter() - began < 30


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
    text = out.stdout.decode()
    assert "sk-test-secret-123" not in text and "sk-other-secret" not in text
    assert "API_KEY" not in text
    assert set(clean_env("/tmp")) >= {"PATH", "HOME"}


def test_file_writes_are_blocked_by_the_size_limit(tmp_path) -> None:
    target = tmp_path / "out.txt"
    script = f"f = open({str(target)!r}, 'w')\nf.write('x' * 1000)\nf.close()"
    out = run_child(["-c", script], b"", Limits(wall_seconds=20))
    assert out.returncode != 0
    assert not target.exists() or target.stat().st_size == 0


def test_wall_clock_kills_the_whole_process_group() -> None:
    script = ("import os, time\npid = os.fork()\nif pid == 0:\n    time.sleep(600)\nelse:\n"
              "    print(pid, flush=True)\n    time.sleep(600)\n")
    out = run_child(["-c", script], b"", Limits(wall_seconds=1.5))
    assert out.killed
    grandchild = int(out.stdout.split()[0])
    assert _gone(grandchild)


def _gone(pid: int, wait: float = 5.0) -> bool:
    """True once `pid` no longer runs (gone, or a zombie waiting for its new parent to reap it)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                state = fh.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_no_network_in_the_child_when_root() -> None:
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
    if os.geteuid() == 0:
        assert out.stdout.strip() == b"BLOCKED"
    else:  # without root there is no network namespace; the AST guard is the wall (tested above)
        assert out.stdout.strip() in (b"BLOCKED", b"CONNECTED")
