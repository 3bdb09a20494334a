"""Run candidate code isolated by the operating system, and read back only its decisions.

What is enforced where
----------------------
This module (the parent):

- the AST allow-list (`ordino.evolve.guard.check_code`) turns away obvious attempts early with a
  readable reason. It is a first filter only: nothing below relies on it;
- one jail per batch, started with an empty environment (PATH, HOME=/, LANG and one thread for the numeric
  libraries; no variable of the parent, so no API key), in its own session, with a total deadline;
- the jail's stdout and stderr are read with size caps (``max_output_bytes``, 64 KiB): past a cap or the
  deadline the whole process group is killed and reading stops, so neither a flood nor a process holding
  the pipes can grow or block the parent;
- every answer line is parsed strictly and every decision checked (`scoring.check_decisions`: the right
  length, a valid permutation, finite numbers); the objective values are computed here, by
  `scoring.objective` with ordino's own code. Nothing a candidate prints or writes can set a score.

The jail (`_jail.py`), with Linux namespaces:

- user: one unprivileged id is mapped (65534, nobody, when ordino runs as root; the user's own id
  otherwise; root never); every capability is dropped, bounding set included, no-new-privs is set, and the
  namespace may create no nested user namespace. RLIMIT_NPROC therefore holds;
- pid: the runner is pid 1; when it exits or is killed, the kernel kills every process of the namespace,
  daemons included. The parent's processes are invisible, and no ``/proc`` is mounted at all;
- network: only a loopback that is down, so no connection anywhere, 127.0.0.1 included;
- mount: the root is an empty read-only skeleton with read-only binds of /usr, the Python installation
  (with its site-packages and numpy) and the ordino package, and /dev/null, zero, random, urandom. No
  /proc, /sys, /tmp, home or other writable folder;
- IPC, UTS and cgroup namespaces; rlimits on CPU, address space, file size (0), open files, processes
  and core dumps.

The runner (`_child.py`, pid 1 of the jail) forks one worker per candidate with its own CPU limit, kills it
at its deadline (SIGKILL: a loop inside C code is stopped too), caps the worker's answer and printed
output, and kills what the worker left running; a candidate that leaves processes behind fails.

Without namespaces
------------------
Where the jail cannot be set up (not Linux, unprivileged user namespaces disabled, a container that
forbids ``unshare`` or ``mount``), candidate code is refused: `SandboxError` names the reason. Setting
``ORDINO_SANDBOX=rlimits`` runs it anyway with the rlimits (but not RLIMIT_NPROC, which outside a user
namespace counts every process of the user), the clean environment, the process group, one worker per
candidate and the strict parent-side scoring only: no isolation from the files, network, processes and
secrets your user can reach, and a daemon can survive. Every process that does so prints a warning on
stderr once. Use it for trusted code only, such as the gp engine's own expressions.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ordino.errors import SandboxError
from ordino.evolve import scoring
from ordino.evolve.guard import CodeRejected, check_code

__all__ = ["Limits", "ChildOutcome", "CandidateResult", "run_child", "evaluate_candidates", "sandbox_info",
           "clean_env"]

CHILD_SCRIPT = Path(__file__).with_name("_child.py")
JAIL_SCRIPT = Path(__file__).with_name("_jail.py")
NOBODY = 65534
SETUP_FAILED = 125
ERR_CAP = 64 * 1024
WEAK_ENV = "ORDINO_SANDBOX"
DEVICES = ("/dev/null", "/dev/zero", "/dev/random", "/dev/urandom")
SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


@dataclass(frozen=True)
class Limits:
    """Resource limits of the sandbox.

    Attributes
    ----------
    per_candidate_seconds : float
        Wall-clock limit of one candidate on all the batch's instances; its worker is killed after it.
    wall_seconds : float
        Allowance of one sandbox run on top of the candidates' time (start-up, reading instances); the
        whole limit of `run_child`.
    cpu_seconds : int
        ``RLIMIT_CPU`` of the jail's main process (each worker has about ``per_candidate_seconds``).
    memory_mb : int
        ``RLIMIT_AS`` (address space) of each process, in MiB.
    processes : int
        ``RLIMIT_NPROC``: processes and threads of the jail's user.
    max_output_bytes : int
        Most the parent reads from the jail's stdout.
    """

    per_candidate_seconds: float = 10.0
    wall_seconds: float = 30.0
    cpu_seconds: int = 60
    memory_mb: int = 1024
    processes: int = 16
    max_output_bytes: int = 64_000_000


@dataclass
class ChildOutcome:
    """What a sandbox run did: its output (capped), exit status, and why it was stopped, if it was."""

    stdout: bytes
    stderr: bytes
    returncode: int | None
    stopped: str | None
    seconds: float


@dataclass
class CandidateResult:
    """The verdict on one candidate: its checked decisions and the objective this process computed from them,
    per instance, or the error that stopped it."""

    id: str
    ok: bool
    objectives: list[float] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    decisions: list | None = None


_broken: list[str] = []  # why the jail cannot be set up here (filled once)
_warned: list[bool] = []


def clean_env() -> dict[str, str]:
    """The jail's whole environment: no inherited variable, so no secret."""
    return {"PATH": "/usr/bin:/bin", "HOME": "/", "LANG": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "NUMEXPR_NUM_THREADS": "1"}


def _view() -> tuple[list[str], dict[str, str]]:
    """Folders bound read-only into the jail (system libraries, Python, ordino) and top-level symlinks."""
    ordino_dir = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # ordino/evolve/sandbox.py
    links = {p: os.readlink(p) for p in SYSTEM if os.path.islink(p)}
    wanted = {p for p in SYSTEM if os.path.isdir(p) and p not in links}
    for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.realpath(sys.executable)),
              ordino_dir):
        wanted.add(os.path.realpath(p))
    wanted.discard("/")
    binds = sorted(p for p in wanted if not any(p.startswith(q + "/") for q in wanted))
    return binds, links


def _config(root: str, limits: Limits, isolate: bool) -> dict[str, Any]:
    binds, links = _view()
    mem = limits.memory_mb * 1024 * 1024
    cpu_hard = max(limits.cpu_seconds, math.ceil(limits.per_candidate_seconds) + 2) + 1  # room for each worker's
    rlimits = {"CPU": [limits.cpu_seconds, cpu_hard], "AS": [mem, mem], "FSIZE": [0, 0], "NOFILE": [64, 64],
               "CORE": [0, 0]}
    if isolate:  # counted per user namespace; outside one it would count every process of the user
        rlimits["NPROC"] = [limits.processes, limits.processes]
    return {"root": root, "binds": binds, "links": links, "devices": list(DEVICES), "uid": NOBODY,
            "isolate": isolate, "parent": os.getpid(), "env": clean_env(), "rlimits": rlimits}


def _exchange(proc: subprocess.Popen, data: bytes, deadline: float, cap: int) -> tuple[bytes, bytes, str | None]:
    """Feed stdin and read stdout/stderr until both close, a cap is passed or the deadline comes."""
    assert proc.stdin and proc.stdout and proc.stderr
    out, err = bytearray(), bytearray()
    sel = selectors.DefaultSelector()
    os.set_blocking(proc.stdin.fileno(), False)
    if data:
        sel.register(proc.stdin, selectors.EVENT_WRITE)
    else:
        proc.stdin.close()
    sel.register(proc.stdout, selectors.EVENT_READ)
    sel.register(proc.stderr, selectors.EVENT_READ)
    view, sent, stopped = memoryview(data), 0, None
    try:
        while stopped is None and sel.get_map():
            left = deadline - time.monotonic()
            if left <= 0:
                stopped = "timeout"
                break
            for key, _ in sel.select(left):
                f = key.fileobj
                if f is proc.stdin:
                    try:
                        sent += os.write(proc.stdin.fileno(), view[sent:sent + 65536])
                    except BlockingIOError:
                        continue
                    except BrokenPipeError:
                        sent = len(data)
                    if sent >= len(data):
                        sel.unregister(f)
                        proc.stdin.close()
                    continue
                chunk = os.read(f.fileno(), 65536)  # type: ignore[union-attr]
                if not chunk:
                    sel.unregister(f)
                    continue
                (out if f is proc.stdout else err).extend(chunk)
                if len(out) > cap or len(err) > ERR_CAP:
                    stopped = "output"
                    break
    finally:
        sel.close()
    return bytes(out[:cap]), bytes(err[-ERR_CAP:]), stopped


def _run(args: list[str], stdin: bytes, limits: Limits, timeout: float, isolate: bool) -> ChildOutcome:
    began = time.monotonic()
    root = tempfile.mkdtemp(prefix="ordino-jail-")
    try:
        cmd = [sys.executable, "-I", str(JAIL_SCRIPT), json.dumps(_config(root, limits, isolate)), "--",
               sys.executable, "-I", *args]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd="/",
                                env=clean_env(), start_new_session=True, close_fds=True)
        try:
            out, err, stopped = _exchange(proc, stdin, began + timeout, limits.max_output_bytes)
            if stopped is None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=max(0.5, began + timeout - time.monotonic()))
        finally:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)  # the jail's pid 1 goes, and with it every process it holds
            for f in (proc.stdin, proc.stdout, proc.stderr):
                with contextlib.suppress(OSError):
                    f.close()  # type: ignore[union-attr]
            proc.wait()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if stopped == "timeout":
        stopped = f"timeout: the sandbox run passed its {timeout:g} s deadline"
    elif stopped == "output":
        stopped = f"output: the sandbox wrote more than {limits.max_output_bytes} bytes"
    return ChildOutcome(out, err, proc.returncode, stopped, time.monotonic() - began)


def _weak_allowed(reason: str) -> None:
    """Return if the explicit weak mode is on (warning once); else raise `SandboxError` with `reason`."""
    if os.environ.get(WEAK_ENV) != "rlimits":
        raise SandboxError(f"cannot isolate candidate code on this machine ({reason}). ordino runs candidate "
                           "code only in a jail of Linux user, pid, network and mount namespaces. To run it with "
                           f"resource limits only, for trusted code, set {WEAK_ENV}=rlimits.")
    if not _warned:
        _warned.append(True)
        print(f"ordino: WARNING: {WEAK_ENV}=rlimits: candidate code runs WITHOUT isolation ({reason}); it can "
              "read your files and secrets, use the network and leave processes behind.", file=sys.stderr)


def run_child(args: list[str], stdin: bytes, limits: Limits, timeout: float | None = None) -> ChildOutcome:
    """Run ``python -I <args>`` in the jail (stdin given, stdout and stderr capped) and return what happened.

    This is the low level: it checks no code. `timeout` defaults to ``limits.wall_seconds``.
    """
    timeout = limits.wall_seconds if timeout is None else timeout
    if not _broken and sys.platform != "linux":
        _broken.append(f"namespaces need Linux, this is {sys.platform}")
    if not _broken:
        out = _run(args, stdin, limits, timeout, True)
        if out.returncode != SETUP_FAILED or b"ordino-jail:" not in out.stderr:
            return out
        _broken.append(out.stderr.decode("utf-8", "replace").split("ordino-jail:", 1)[1].strip())
    _weak_allowed(_broken[0])
    return _run(args, stdin, limits, timeout, False)


def sandbox_info() -> dict[str, Any]:
    """How this machine isolates candidate code: ``namespaces``, ``rlimits`` (weak, opted in) or ``none``."""
    with contextlib.suppress(SandboxError):
        run_child(["-c", "pass"], b"", Limits())
    binds, _ = _view()
    mode = "namespaces" if not _broken else "rlimits" if os.environ.get(WEAK_ENV) == "rlimits" else "none"
    return {"isolation": mode, "reason": _broken[0] if _broken else "", "python": sys.executable,
            "read_only": binds, "uid": NOBODY if os.geteuid() == 0 else os.geteuid()}


def evaluate_candidates(candidates: list[tuple[str, str]], instances: list[dict], kind: str, entry: str,
                        limits: Limits | None = None) -> list[CandidateResult]:
    """Check candidates, run them in one jail, and score their decisions in this process.

    Parameters
    ----------
    candidates : list of (id, code)
        Candidate programs.
    instances : list of dict
        Instance data as the kind needs it (see `scoring`).
    kind : {"priority", "sequence", "jssp", "rcpsp"}
        How the child runs the entry function and what the decisions are.
    entry : str
        Name of the function to call.
    limits : Limits, optional
        Sandbox limits.

    Returns
    -------
    list of CandidateResult
        One per candidate, in order; rejected or failing candidates carry the reason.
    """
    if kind not in scoring.KINDS:
        raise ValueError(f"unknown candidate kind {kind!r}")
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
        for res in _run_batch(runnable, instances, kind, entry, limits):
            results[res.id] = res
    return [results[cid] for cid, _ in candidates]


def _answers(stdout: bytes, n: int) -> dict[int, dict]:
    """The runner's answer lines by candidate index; anything malformed is dropped."""
    rows: dict[int, dict] = {}
    for line in stdout.splitlines():
        try:
            row = json.loads(line, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            continue
        if (isinstance(row, dict) and type(row.get("i")) is int and 0 <= row["i"] < n and row["i"] not in rows
                and type(row.get("ok")) is bool and isinstance(row.get("seconds"), int | float)
                and (("decisions" in row) if row["ok"] else isinstance(row.get("error"), str))):
            rows[row["i"]] = row
    return rows


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number")


def _score(cid: str, row: dict, kind: str, instances: list[dict], limit: float) -> CandidateResult:
    seconds = float(min(max(row["seconds"], 0.0), limit + 1.0))
    if not row["ok"]:
        return CandidateResult(cid, False, seconds=seconds, error=row["error"][:2000])
    try:
        decisions = scoring.check_decisions(kind, row["decisions"], instances)
    except ValueError as exc:
        return CandidateResult(cid, False, seconds=seconds, error=f"invalid: {exc}")
    objectives = [scoring.objective(kind, dec, inst) for dec, inst in zip(decisions, instances, strict=True)]
    return CandidateResult(cid, True, objectives, seconds, decisions=decisions)


def _run_batch(batch: list[tuple[str, str]], instances: list[dict], kind: str, entry: str,
               limits: Limits) -> list[CandidateResult]:
    answer_bytes = 4096 + 32 * scoring.decision_items(kind, instances)
    payload = {"kind": kind, "entry": entry, "per_candidate_seconds": limits.per_candidate_seconds,
               "answer_bytes": answer_bytes, "instances": instances, "codes": [code for _, code in batch]}
    run_limits = replace(limits, max_output_bytes=min(limits.max_output_bytes, len(batch) * (answer_bytes + 4096)))
    timeout = limits.wall_seconds + len(batch) * (limits.per_candidate_seconds + 0.5)
    outcome = run_child([str(CHILD_SCRIPT)], json.dumps(payload).encode(), run_limits, timeout)
    rows = _answers(outcome.stdout, len(batch))
    missing = outcome.stopped or _crash(outcome)
    return [_score(cid, rows[i], kind, instances, limits.per_candidate_seconds) if i in rows
            else CandidateResult(cid, False, seconds=0.0, error=missing) for i, (cid, _) in enumerate(batch)]


def _crash(outcome: ChildOutcome) -> str:
    tail = outcome.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
    return f"crash: the sandbox runner ended with code {outcome.returncode} before this candidate: {tail[0][:500]}"
