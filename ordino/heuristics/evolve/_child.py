"""Sandbox child: evaluate candidate heuristics on single-machine instances; run as ``python -I _child.py``.

Reads one JSON document on stdin, writes one line ``<nonce><json>`` on stdout. Self-contained (numpy,
math and the standard library only) so nothing of the parent's package or environment is needed. The
parent has already checked each candidate's AST; here candidates run with a reduced set of builtins, with
stdout captured, and with a per-candidate alarm.
"""

import builtins
import io
import json
import math
import signal
import sys
import time

import numpy as np


class CandidateTimeout(BaseException):
    """Raised by the alarm when a candidate runs out of time."""


def _alarm(signum, frame):
    raise CandidateTimeout()


_SAFE_BUILTINS = {
    name: getattr(builtins, name)
    for name in (
        "abs", "all", "any", "bool", "dict", "enumerate", "filter", "float", "int", "isinstance", "len", "list",
        "map", "max", "min", "pow", "print", "range", "reversed", "round", "set", "sorted", "sum", "tuple", "zip",
        "ValueError", "ZeroDivisionError", "ArithmeticError", "Exception",
    )
}


def _safe_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and name in ("numpy", "math"):
        return {"numpy": np, "math": math}[name]
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


def _groups(instances):
    """Instances grouped by size: (indices, P, D, W) with rows sorted by due date then processing time."""
    by_n = {}
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
    return out


def _run_priority(func, groups, total, sequences=None):
    """Greedy dispatch: at each step the unscheduled job with the lowest score goes next (ties: EDD order)."""
    values = [0.0] * total
    for idx, p, d, w, order in groups:
        m, n = p.shape
        left = np.ones((m, n), dtype=bool)
        t = np.zeros((m, 1))
        obj = np.zeros(m)
        rows = np.arange(m)
        picks = np.zeros((m, n), dtype=np.int64)
        for step in range(n):
            rem = (p * left).sum(axis=1, keepdims=True)
            pmean = rem / (n - step)
            pmax = np.where(left, p, -np.inf).max(axis=1, keepdims=True)
            s = func(p.copy(), d.copy(), w.copy(), t.copy(), rem, pmean, pmax)
            s = np.asarray(s, dtype=float)
            if s.shape != (m, n):
                try:
                    s = np.broadcast_to(s, (m, n))
                except ValueError:
                    raise ValueError(f"priority returned shape {s.shape}, expected {(m, n)}") from None
            if np.isnan(s[left]).any():
                raise ValueError("priority returned NaN for an unscheduled job")
            key = np.where(left, np.clip(s, -1e300, 1e300), np.inf)
            j = key.argmin(axis=1)
            picks[:, step] = j
            left[rows, j] = False
            t[:, 0] += p[rows, j]
            obj += w[rows, j] * np.maximum(t[:, 0] - d[rows, j], 0.0)
        for k, i in enumerate(idx):
            values[i] = float(obj[k])
            if sequences is not None:
                sequences[i] = order[k][picks[k]].tolist()
    return values


def _run_sequence(func, instances, sequences=None):
    values = []
    for inst in instances:
        p = np.asarray(inst["p"], dtype=float)
        d = np.asarray(inst["d"], dtype=float)
        w = np.asarray(inst.get("w") or [1] * len(inst["p"]), dtype=float)
        seq = np.asarray(func(p.copy(), d.copy(), w.copy()))
        if seq.shape != p.shape or not np.issubdtype(seq.dtype, np.integer) and not np.all(seq == np.round(seq)):
            raise ValueError("sequence is not a permutation of the job indices")
        seq = seq.astype(np.int64)
        if sorted(seq.tolist()) != list(range(p.size)):
            raise ValueError("sequence is not a permutation of the job indices")
        c = np.cumsum(p[seq])
        values.append(float((w[seq] * np.maximum(c - d[seq], 0.0)).sum()))
        if sequences is not None:
            sequences[len(values) - 1] = seq.tolist()
    return values


def _run_jssp(func, instances, sequences=None):
    """Makespan of the Giffler-Thompson schedule the candidate's dispatching rule builds, per instance."""
    from ordino.heuristics.shop.data import ShopData
    from ordino.heuristics.shop.gt import FEATURES, generate, makespan_of

    cols = [FEATURES.index(n) for n in ("duration", "work_remaining", "ops_remaining", "est", "ect",
                                         "machine_ready", "work_total", "arrival")]

    def rule(feats):
        s = np.asarray(func(*(feats[:, c].copy() for c in cols)), dtype=float)
        s = np.broadcast_to(s, (feats.shape[0],)) if s.shape != (feats.shape[0],) else s
        if np.isnan(s).any():
            raise ValueError("priority returned NaN")
        return s

    values = []
    for inst in instances:
        data = ShopData.from_matrices(inst["durations"], inst["machines"])
        starts, choice = generate(data, rule)
        values.append(float(makespan_of(data, starts, choice)))
    return values


def _run_rcpsp(func, instances):
    """Makespan of the serial SGS schedule of the candidate's priority list, per instance."""
    from ordino.heuristics.project.data import ProjectData
    from ordino.heuristics.project.sgs import critical_path_times, priority_values, project_makespan, serial_sgs

    values = []
    for inst in instances:
        data = ProjectData.from_arrays(inst["duration"], inst["demand"], inst["capacity"], inst["successors"])
        es, ls, length = critical_path_times(data)
        dur = data.duration.astype(float)
        cap = np.maximum(data.capacity.astype(float), 1.0)
        feats = (dur, es.astype(float), ls.astype(float), np.array([len(s) for s in data.succs], dtype=float),
                 -priority_values(data, "MTS"), -priority_values(data, "GRPW"),
                 (data.demand / cap).sum(axis=1) if data.demand.size else np.zeros(data.n),
                 np.full(data.n, float(length)))
        s = np.asarray(func(*(f.copy() for f in feats)), dtype=float)
        s = np.broadcast_to(s, (data.n,)) if s.shape != (data.n,) else s
        if np.isnan(s).any():
            raise ValueError("priority returned NaN")
        values.append(float(project_makespan(data, serial_sgs(data, s))))
    return values


def main():
    real_out = sys.stdout
    payload = json.loads(sys.stdin.read())
    nonce = payload["nonce"]
    kind = payload["kind"]
    entry = payload["entry"]
    limit = float(payload.get("per_candidate_seconds", 10.0))
    instances = payload["instances"]
    groups = _groups(instances) if kind == "priority" else None
    signal.signal(signal.SIGALRM, _alarm)
    results = []
    for cand in payload["candidates"]:
        began = time.perf_counter()
        res = {"id": cand["id"], "ok": False, "objectives": [], "seconds": 0.0, "error": None}
        sys.stdout = io.StringIO()
        try:
            signal.setitimer(signal.ITIMER_REAL, limit, 0.25)
            try:
                func = _load(cand["code"], entry)
                with np.errstate(all="ignore"):
                    seqs = [None] * len(instances) if payload.get("return_sequences") else None
                    if kind == "priority":
                        vals = _run_priority(func, groups, len(instances), seqs)
                    elif kind == "jssp":
                        vals = _run_jssp(func, instances)
                    elif kind == "rcpsp":
                        vals = _run_rcpsp(func, instances)
                    else:
                        vals = _run_sequence(func, instances, seqs)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0, 0)
            if not all(math.isfinite(v) for v in vals):
                raise ValueError("objective is not finite")
            res["ok"] = True
            res["objectives"] = vals
            if seqs is not None:
                res["sequences"] = seqs
        except CandidateTimeout:
            res["error"] = f"timeout: more than {limit:g} s"
        except MemoryError:
            res["error"] = "memory: allocation beyond the sandbox limit"
        except RecursionError:
            res["error"] = "recursion: too deep"
        except Exception as exc:  # the candidate's own failure, reported back as text
            tb = exc.__traceback__
            line = None
            while tb is not None:
                if tb.tb_frame.f_code.co_filename == "<candidate>":
                    line = tb.tb_lineno
                tb = tb.tb_next
            where = f" (candidate line {line})" if line else ""
            res["error"] = f"{type(exc).__name__}: {exc}{where}"[:2000]
        finally:
            sys.stdout = real_out
        res["seconds"] = time.perf_counter() - began
        results.append(res)
    real_out.write(nonce + json.dumps({"results": results}) + "\n")
    real_out.flush()


if __name__ == "__main__":
    main()
