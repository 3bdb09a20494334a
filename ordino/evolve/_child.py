"""Sandbox runner: each candidate's decisions on the instances; runs in the jail as ``python -I _child.py``.

Reads one JSON document on stdin (``kind``, ``entry``, ``per_candidate_seconds``, ``answer_bytes``,
``instances``, ``codes``), prepares the instances once, then forks one worker per candidate. The worker
runs the candidate with reduced builtins and writes its decisions (a job sequence per instance, or
priorities per activity) to a private pipe; what it prints goes to another pipe that is only counted. This
process, pid 1 of the jail's pid namespace, reads both with size caps, kills the worker at its deadline,
and afterwards kills whatever the worker left running (a candidate that leaves processes behind fails).
It writes one line per candidate: ``{"i", "ok", "decisions" | "error", "seconds"}``. It computes no score:
the parent checks the decisions and evaluates them with its own code.
"""

import builtins
import ctypes
import json
import math
import os
import resource
import select
import signal
import sys
import time

import numpy as np

PRINT_CAP = 1 << 20
TAIL = 2000
PR_SET_DUMPABLE = 4

_SAFE_BUILTINS = {
    name: getattr(builtins, name)
    for name in (
        "abs", "all", "any", "bool", "dict", "enumerate", "filter", "float", "int", "isinstance", "len", "list",
        "map", "max", "min", "pow", "print", "range", "reversed", "round", "set", "sorted", "sum", "tuple", "zip",
        "ValueError", "ZeroDivisionError", "ArithmeticError", "Exception",
    )
}


_NUMPY_INTERNALS = ("numpy._core._methods", "numpy.core._methods")
"""Modules numpy's array methods (``a.any()``, ``a.sum()``) import through the caller's ``__import__``."""


def _safe_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and name in ("numpy", "math"):
        return {"numpy": np, "math": math}[name]
    if level == 0 and name in _NUMPY_INTERNALS and name in sys.modules:  # already loaded: no file is opened
        return sys.modules[name] if fromlist else np
    raise ImportError(f"import of {name!r} is not allowed")


def _load(code, entry):
    allowed = dict(_SAFE_BUILTINS)
    allowed["__import__"] = _safe_import
    env = {"__builtins__": allowed, "np": np, "numpy": np, "math": math, "__name__": "candidate"}
    exec(compile(code, "<candidate>", "exec"), env)
    func = env.get(entry)
    if not callable(func):
        raise ValueError(f"candidate defines no function {entry!r}")
    return func


# preparation (once, before the workers) and decisions (in a worker) per kind -----------------------------
def _prepare_priority(instances):
    """Instances grouped by size: (indices, P, D, W, order) with rows sorted by due date then processing time."""
    by_n: dict[int, list[int]] = {}
    for i, inst in enumerate(instances):
        by_n.setdefault(len(inst["p"]), []).append(i)
    out = []
    for n, idx in sorted(by_n.items()):
        p = np.array([instances[i]["p"] for i in idx], dtype=float).reshape(len(idx), n)
        d = np.array([instances[i]["d"] for i in idx], dtype=float).reshape(len(idx), n)
        w = np.array([instances[i].get("w") or [1] * n for i in idx], dtype=float).reshape(len(idx), n)
        order = np.lexsort((p, d), axis=-1)
        out.append((idx, np.take_along_axis(p, order, 1), np.take_along_axis(d, order, 1),
                    np.take_along_axis(w, order, 1), order))
    return out, len(instances)


def _priority(func, prepared):
    """Greedy dispatch: at each step the unscheduled job with the lowest score goes next (ties: EDD order)."""
    groups, total = prepared
    sequences = [None] * total
    code = getattr(func, "__code__", None)  # a rule that names a `left` argument gets the remaining-jobs mask
    takes_left = code is not None and "left" in code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    for idx, p, d, w, order in groups:
        m, n = p.shape
        left = np.ones((m, n), dtype=bool)
        t = np.zeros((m, 1))
        rows = np.arange(m)
        picks = np.zeros((m, n), dtype=np.int64)
        for step in range(n):
            rem = (p * left).sum(axis=1, keepdims=True)
            pmean = rem / (n - step)
            pmax = np.where(left, p, -np.inf).max(axis=1, keepdims=True)
            extra = {"left": left.copy()} if takes_left else {}
            s = np.asarray(func(p.copy(), d.copy(), w.copy(), t.copy(), rem, pmean, pmax, **extra), dtype=float)
            if s.shape != (m, n):
                try:
                    s = np.broadcast_to(s, (m, n))
                except ValueError:
                    raise ValueError(f"priority returned shape {s.shape}, expected {(m, n)}") from None
            if np.isnan(s[left]).any():
                raise ValueError("priority returned NaN for an unscheduled job")
            j = np.where(left, np.clip(s, -1e300, 1e300), np.inf).argmin(axis=1)
            picks[:, step] = j
            left[rows, j] = False
            t[:, 0] += p[rows, j]
        for k, i in enumerate(idx):
            sequences[i] = order[k][picks[k]].tolist()
    return sequences


def _prepare_sequence(instances):
    return [tuple(np.asarray(inst.get(key) or [1] * len(inst["p"]), dtype=float) for key in ("p", "d", "w"))
            for inst in instances]


def _sequence(func, prepared):
    out = []
    for p, d, w in prepared:
        seq = np.asarray(func(p.copy(), d.copy(), w.copy()))
        if seq.shape != p.shape or not np.all(seq == np.round(seq)):
            raise ValueError("sequence is not a permutation of the job indices")
        out.append(seq.astype(np.int64).tolist())
    return out


def _prepare_jssp(instances):
    from ordino.heuristics.shop.data import ShopData
    from ordino.heuristics.shop.gt import FEATURES, generate

    cols = [FEATURES.index(n) for n in ("duration", "work_remaining", "ops_remaining", "est", "ect",
                                         "machine_ready", "work_total", "arrival")]
    extra = {n: FEATURES.index(n) for n in ("machine_work_left", "next_duration", "next_machine_ready",
                                            "next_machine_work_left")}
    return generate, cols, extra, [ShopData.from_matrices(inst["durations"], inst["machines"]) for inst in instances]


def _jssp(func, prepared):
    """Per instance, the jobs in the order Giffler-Thompson with the candidate's rule scheduled their operations;
    a rule naming the look-ahead arguments (`next_duration`, ...) gets them as keywords."""
    generate, cols, extra, shops = prepared
    code = getattr(func, "__code__", None)
    named = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount] if code is not None else ()
    wanted = {n: c for n, c in extra.items() if n in named}

    def rule(feats):
        more = {n: feats[:, c].copy() for n, c in wanted.items()}
        s = np.asarray(func(*(feats[:, c].copy() for c in cols), **more), dtype=float)
        s = np.broadcast_to(s, (feats.shape[0],)) if s.shape != (feats.shape[0],) else s
        if np.isnan(s).any():
            raise ValueError("priority returned NaN")
        return s

    out = []
    for data in shops:
        starts, _ = generate(data, rule)
        ops = sorted((starts[o], k, j) for j, ops in enumerate(data.job_ops) for k, o in enumerate(ops))
        out.append([j for _, _, j in ops])
    return out


def _prepare_rcpsp(instances):
    return [[np.asarray(f, dtype=float) for f in inst["features"]] for inst in instances]


def _rcpsp(func, prepared):
    """Per instance, one priority per activity (the parent runs the serial SGS with them)."""
    out = []
    for feats in prepared:
        n = len(feats[0])
        s = np.asarray(func(*(f.copy() for f in feats)), dtype=float)
        s = np.broadcast_to(s, (n,)) if s.shape != (n,) else s
        if not np.isfinite(s).all():
            raise ValueError("priority returned NaN or an infinite value")
        out.append(s.tolist())
    return out


KINDS = {"priority": (_prepare_priority, _priority), "sequence": (_prepare_sequence, _sequence),
         "jssp": (_prepare_jssp, _jssp), "rcpsp": (_prepare_rcpsp, _rcpsp)}


# one worker per candidate -------------------------------------------------------------------------------
def _worker(code, entry, decide, prepared, answer_fd, print_fd, cpu_seconds):
    """Run one candidate and write its decisions (or its error) to `answer_fd`; never returns."""
    quiet = os.open(os.devnull, os.O_RDONLY)
    os.dup2(quiet, 0)
    os.dup2(print_fd, 1)
    os.dup2(print_fd, 2)
    os.closerange(3, answer_fd)
    os.closerange(answer_fd + 1, 1 << 16)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    try:
        with np.errstate(all="ignore"):
            answer = {"decisions": decide(_load(code, entry), prepared)}
    except MemoryError:
        answer = {"error": "memory: allocation beyond the sandbox limit"}
    except RecursionError:
        answer = {"error": "recursion: too deep"}
    except Exception as exc:  # the candidate's own failure, reported back as text
        tb, line = exc.__traceback__, None
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == "<candidate>":
                line = tb.tb_lineno
            tb = tb.tb_next
        where = f" (candidate line {line})" if line else ""
        answer = {"error": f"{type(exc).__name__}: {exc}{where}"[:TAIL]}
    try:
        data = json.dumps(answer, allow_nan=False).encode()
    except (TypeError, ValueError):
        data = b'{"error": "the decisions are not plain numbers"}'
    while data:
        data = data[os.write(answer_fd, data):]
    os._exit(0)


def _collect(pid, answer_fd, print_fd, deadline, cap):
    """Read the worker's answer and printed output until it exits, a cap is passed or the deadline comes."""
    answer, tail, printed = bytearray(), b"", 0
    fds, status, reason, nap = [answer_fd, print_fd], None, None, 0.001
    while reason is None:
        if status is None:
            done, st = os.waitpid(pid, os.WNOHANG)
            status = st if done else None
        if status is not None and not fds:
            break
        left = deadline - time.monotonic()
        if left <= 0 and status is None:
            reason = "timeout"
            break
        # once the worker has exited, take what is in the pipes without waiting on processes it left behind
        ready = select.select(fds, [], [], 0 if status is not None else min(max(left, 0), nap))[0]
        if status is not None and not ready:
            break
        nap = 0.001 if ready else min(2 * nap, 0.05)
        for fd in ready:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                fds.remove(fd)
            elif fd == answer_fd:
                answer += chunk
                if len(answer) > cap:
                    reason = f"output: answer longer than {cap} bytes"
            else:
                printed += len(chunk)
                tail = (tail + chunk)[-TAIL:]
                if printed > PRINT_CAP:
                    reason = f"output: printed more than {PRINT_CAP} bytes"
    if status is None:
        os.kill(pid, signal.SIGKILL)
        status = os.waitpid(pid, 0)[1]
    return bytes(answer), tail.decode("utf-8", "replace"), status, reason


def _left_behind():
    """Kill every other process of the jail; True if there was one (only as pid 1 of its own namespace)."""
    if os.getpid() != 1:
        return False
    while True:  # reap the worker's finished children first
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0:
                break
        except ChildProcessError:
            break
    try:
        os.kill(-1, 0)
    except ProcessLookupError:
        return False
    for _ in range(200):  # until none is left: a process killed elsewhere in the tree may reach us late
        os.kill(-1, signal.SIGKILL)
        while True:
            try:
                os.waitpid(-1, 0)
            except ChildProcessError:
                break
        try:
            os.kill(-1, 0)
        except ProcessLookupError:
            break
        time.sleep(0.01)
    return True


def _verdict(answer, tail, status, reason, limit):
    if reason == "timeout":
        return {"error": f"timeout: more than {limit:g} s"}
    if reason is not None:
        return {"error": reason}
    code = os.waitstatus_to_exitcode(status)
    if code < 0:
        sig = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        return {"error": f"cpu: killed by {sig}" if sig == "SIGXCPU" else f"crash: killed by {sig}"}
    if code != 0 or not answer:
        last = tail.strip().splitlines()[-1:] or ["no output"]
        return {"error": f"crash: exit code {code} without an answer: {last[0][:500]}"}
    try:
        data = json.loads(answer, parse_constant=_no_constant)
        json.dumps(data, allow_nan=False)  # what this process writes on must serialise again
    except (ValueError, RecursionError):
        return {"error": "invalid: the answer channel holds no readable answer"}
    if not isinstance(data, dict) or not ("decisions" in data) ^ ("error" in data):
        return {"error": "invalid: the answer is not decisions or an error"}
    return {"decisions": data["decisions"]} if "decisions" in data else {"error": str(data["error"])[:TAIL]}


def _no_constant(name):
    raise ValueError(f"{name} is not a number")


def main():
    """Evaluate every candidate of the payload on stdin; one answer line each on stdout."""
    # no worker may ptrace this process or interrupt it (as pid 1 it gets only signals it handles)
    ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    payload = json.loads(sys.stdin.buffer.read())
    prepare, decide = KINDS[payload["kind"]]
    prepared = prepare(payload["instances"])
    limit = float(payload["per_candidate_seconds"])
    for i, code in enumerate(payload["codes"]):
        began = time.monotonic()
        answer_r, answer_w = os.pipe()
        print_r, print_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                _worker(code, payload["entry"], decide, prepared, answer_w, print_w, math.ceil(limit) + 1)
            finally:
                os._exit(1)
        os.close(answer_w)
        os.close(print_w)
        answer, tail, status, reason = _collect(pid, answer_r, print_r, began + limit, payload["answer_bytes"])
        os.close(answer_r)
        os.close(print_r)
        row = _verdict(answer, tail, status, reason, limit)
        if _left_behind() and "decisions" in row:
            row = {"error": "processes: the candidate left processes running; they were killed"}
        row.update(i=i, ok="decisions" in row, seconds=time.monotonic() - began)
        sys.stdout.write(json.dumps(row, allow_nan=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
