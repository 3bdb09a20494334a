"""Run candidate code in a locked-down child process and read back JSON numbers.

Each evaluation batch is a fresh ``python -I`` child (isolated mode: no user site, no ``PYTHON*`` variables,
no current directory on the path) in its own session and process group, with

- ``RLIMIT_CPU``, ``RLIMIT_AS``, ``RLIMIT_FSIZE`` (0: no file may be written) and ``RLIMIT_NPROC`` set before
  ``exec``;
- a wall-clock limit after which the whole process group gets ``SIGKILL``;
- a minimal environment (no API keys or other secrets) and a fresh empty working directory;
- where the parent is root: its own network namespace (no network) and, when the interpreter is reachable
  for that user, ``nobody`` as the user;
- candidate code that has passed `ordino.heuristics.evolve.guard.check_code`.

The child answers with one line prefixed by a random nonce; anything else it prints is ignored, so a
candidate cannot forge results, and the answer is parsed as JSON and validated as numbers (never pickle).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import math
import os
import resource
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ordino.heuristics.evolve.guard import CodeRejected, check_code

__all__ = ["Limits", "ChildOutcome", "CandidateResult", "run_child", "evaluate_candidates", "sandbox_info"]

CHILD_SCRIPT = Path(__file__).with_name("_child.py")
_NOBODY = 65534
_CLONE_NEWNET = 0x40000000


@dataclass(frozen=True)
class Limits:
    """Resource limits of one sandbox child.

    Attributes
    ----------
    wall_seconds : float
        Wall-clock limit of the whole child; the process group is killed after it.
    cpu_seconds : int
        ``RLIMIT_CPU`` of the child.
    memory_mb : int
        ``RLIMIT_AS`` (address space) in MiB.
    per_candidate_seconds : float
        Alarm per candidate inside the child (so one slow candidate does not sink the batch).
    max_output_bytes : int
        Longest answer read back from the child.
    """

    wall_seconds: float = 60.0
    cpu_seconds: int = 60
    memory_mb: int = 1024
    per_candidate_seconds: float = 10.0
    max_output_bytes: int = 20_000_000


@dataclass
class ChildOutcome:
    """What a child process did: its output, exit status and whether it was killed."""

    stdout: bytes
    stderr: bytes
    returncode: int | None
    killed: bool
    seconds: float


@dataclass
class CandidateResult:
    """The sandbox's verdict on one candidate: objective per instance, or an error with its reason."""

    id: str
    ok: bool
    objectives: list[float] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    sequences: list[list[int]] | None = None


_probe_cache: dict[str, bool] = {}


def _libc_unshare_net() -> None:
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).unshare(_CLONE_NEWNET)


def _can_drop_to_nobody() -> bool:
    """True when we are root and ``nobody`` can run this interpreter (probed once)."""
    if os.geteuid() != 0:
        return False
    if "nobody" not in _probe_cache:
        def demote() -> None:
            os.setgroups([])
            os.setgid(_NOBODY)
            os.setuid(_NOBODY)

        try:
            proc = subprocess.run([sys.executable, "-I", "-c", "import numpy"], preexec_fn=demote, cwd="/",
                                  env={"PATH": "/usr/bin:/bin"}, capture_output=True, timeout=30)
            _probe_cache["nobody"] = proc.returncode == 0
        except (OSError, subprocess.SubprocessError):
            _probe_cache["nobody"] = False
    return _probe_cache["nobody"]


def sandbox_info() -> dict[str, Any]:
    """How the sandbox isolates children on this machine (for logs and reports)."""
    root = os.geteuid() == 0
    return {"python": sys.executable, "isolated_mode": True, "process_group": True,
            "rlimits": ["CPU", "AS", "FSIZE", "NPROC"], "network_namespace": root,
            "drops_to_nobody": _can_drop_to_nobody(),
            "note": "" if not root or _can_drop_to_nobody() else
            "running as root: the interpreter is not reachable for 'nobody', so the child keeps uid 0 "
            "(rlimits, network namespace and the AST check still apply)"}


def _preexec(limits: Limits, drop: bool):
    mem = limits.memory_mb * 1024 * 1024

    def setup() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if os.geteuid() == 0:
            _libc_unshare_net()
        if drop:
            os.setgroups([])
            os.setgid(_NOBODY)
            os.setuid(_NOBODY)
        # NPROC counts processes of the real user; the child may keep its own thread but not fork a tree
        resource.setrlimit(resource.RLIMIT_NPROC, (_nproc_limit(drop), _nproc_limit(drop)))

    return setup


def _nproc_limit(drop: bool) -> int:
    # as root the limit is not enforced by the kernel; as nobody it caps forks at a few processes
    return 8 if drop else 4096


def clean_env(home: str) -> dict[str, str]:
    """The child's whole environment: no inherited variables, so no secrets."""
    return {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "NUMEXPR_NUM_THREADS": "1"}


def run_child(args: list[str], stdin: bytes, limits: Limits) -> ChildOutcome:
    """Run ``python -I <args>`` under the sandbox limits and return what happened.

    This is the low level: it does not check code. `evaluate_candidates` checks code first.
    """
    drop = _can_drop_to_nobody()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ordino-sbx-") as work:
        if drop:
            os.chown(work, _NOBODY, _NOBODY)
        proc = subprocess.Popen(
            [sys.executable, "-I", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=work, env=clean_env(work), start_new_session=True, preexec_fn=_preexec(limits, drop),
            close_fds=True,
        )
        killed = False
        try:
            out, err = proc.communicate(stdin, timeout=limits.wall_seconds)
        except subprocess.TimeoutExpired:
            killed = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
        finally:
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        # anything the child left behind in its group goes too
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    return ChildOutcome(out[: limits.max_output_bytes], err[-20_000:], proc.returncode, killed,
                        time.perf_counter() - began)


def _valid_sequences(seqs: object, instances: list[dict]) -> bool:
    if not isinstance(seqs, list) or len(seqs) != len(instances):
        return False
    for s, inst in zip(seqs, instances, strict=True):
        if not isinstance(s, list) or not all(isinstance(x, int) and not isinstance(x, bool) for x in s):
            return False
        if sorted(s) != list(range(len(inst["p"]))):
            return False
    return True


def _parse_answer(outcome: ChildOutcome, nonce: str, ids: list[str], instances: list[dict],
                  want_sequences: bool = False) -> list[CandidateResult]:
    """Validate the child's JSON answer: known ids, finite numbers, one objective per instance."""
    line = next((ln for ln in outcome.stdout.decode("utf-8", "replace").splitlines() if ln.startswith(nonce)), None)
    if line is None:
        raise ValueError("no answer from the sandbox child")
    data = json.loads(line[len(nonce):])
    rows = data.get("results") if isinstance(data, dict) else None
    if not isinstance(rows, list) or len(rows) != len(ids):
        raise ValueError("malformed answer from the sandbox child")
    out = []
    for cid, row in zip(ids, rows, strict=True):
        if not isinstance(row, dict) or row.get("id") != cid:
            raise ValueError("answer does not match the candidates sent")
        seconds = float(row.get("seconds", 0.0))
        if row.get("ok") is True:
            objs = row.get("objectives")
            if (not isinstance(objs, list) or len(objs) != len(instances)
                    or not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                               for v in objs)):
                out.append(CandidateResult(cid, False, seconds=seconds, error="invalid objectives returned"))
            elif want_sequences and not _valid_sequences(row.get("sequences"), instances):
                out.append(CandidateResult(cid, False, seconds=seconds, error="invalid sequences returned"))
            elif want_sequences:
                out.append(CandidateResult(cid, True, [float(v) for v in objs], seconds, sequences=row["sequences"]))
            else:
                out.append(CandidateResult(cid, True, [float(v) for v in objs], seconds))
        else:
            out.append(CandidateResult(cid, False, seconds=seconds, error=str(row.get("error"))[:2000]))
    return out


def _failure_reason(outcome: ChildOutcome, limits: Limits) -> str:
    if outcome.killed:
        return f"timeout: killed after {limits.wall_seconds:g} s wall clock"
    rc = outcome.returncode
    if rc is not None and rc < 0:
        try:
            sig = signal.Signals(-rc).name
        except ValueError:
            sig = str(-rc)
        if sig in ("SIGXCPU", "SIGKILL"):
            return f"cpu: killed by {sig} (limit {limits.cpu_seconds} s)"
        return f"crash: killed by {sig}"
    tail = outcome.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
    if "MemoryError" in tail[0]:
        return "memory: allocation beyond the sandbox limit"
    return f"crash: exit code {rc}: {tail[0][:500]}"


def evaluate_candidates(candidates: list[tuple[str, str]], instances: list[dict], kind: str, entry: str,
                        limits: Limits | None = None, return_sequences: bool = False) -> list[CandidateResult]:
    """Check and run candidates on instances in one sandbox child; isolate culprits if the batch dies.

    Parameters
    ----------
    candidates : list of (id, code)
        Candidate programs.
    instances : list of dict
        ``{"p": [...], "d": [...], "w": [...] or None}`` each.
    kind : {"priority", "sequence"}
        How the child runs the entry function.
    entry : str
        Name of the function to call.
    limits : Limits, optional
        Sandbox limits.
    return_sequences : bool
        Also return each instance's job sequence (validated as a permutation).

    Returns
    -------
    list of CandidateResult
        One per candidate, in order; rejected or failing candidates carry the reason.
    """
    limits = limits or Limits()
    results: dict[str, CandidateResult] = {}
    runnable: list[tuple[str, str]] = []
    for cid, code in candidates:
        try:
            check_code(code, entry)
            runnable.append((cid, code))
        except CodeRejected as exc:
            results[cid] = CandidateResult(cid, False, error=f"rejected: {exc}")
    if runnable:
        for res in _run_batch(runnable, instances, kind, entry, limits, return_sequences):
            results[res.id] = res
    return [results[cid] for cid, _ in candidates]


def _run_batch(batch: list[tuple[str, str]], instances: list[dict], kind: str, entry: str,
               limits: Limits, seqs: bool = False) -> list[CandidateResult]:
    nonce = "ORDINO-" + secrets.token_hex(16) + ":"
    payload = {"nonce": nonce, "kind": kind, "entry": entry, "per_candidate_seconds": limits.per_candidate_seconds,
               "return_sequences": seqs,
               "instances": instances, "candidates": [{"id": cid, "code": code} for cid, code in batch]}
    batch_limits = Limits(
        wall_seconds=limits.wall_seconds + limits.per_candidate_seconds * len(batch),
        cpu_seconds=int(limits.cpu_seconds + limits.per_candidate_seconds * len(batch)),
        memory_mb=limits.memory_mb, per_candidate_seconds=limits.per_candidate_seconds,
        max_output_bytes=limits.max_output_bytes)
    outcome = run_child([str(CHILD_SCRIPT)], json.dumps(payload).encode(), batch_limits if len(batch) > 1 else limits)
    try:
        return _parse_answer(outcome, nonce, [cid for cid, _ in batch], instances, seqs)
    except (ValueError, TypeError, KeyError):
        pass
    if len(batch) == 1:
        return [CandidateResult(batch[0][0], False, seconds=outcome.seconds, error=_failure_reason(outcome, limits))]
    # the batch died as a whole: split it to find the culprit(s), the others still get scores
    mid = len(batch) // 2
    return [*_run_batch(batch[:mid], instances, kind, entry, limits, seqs),
            *_run_batch(batch[mid:], instances, kind, entry, limits, seqs)]
