"""The parent's side of every score: strict checks of a candidate's decisions and the objective values
computed from them with ordino's own code. The sandbox child returns decisions only, never a number
that is taken as a score.

Decisions per instance, by kind: ``priority`` and ``sequence`` (single machine) a permutation of the jobs;
``jssp`` the job of each operation in the order they were scheduled (every job as often as it has
operations), replayed by appending each operation at its earliest start; ``rcpsp`` one finite priority
per activity, turned into a schedule by the serial SGS.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ordino.heuristics.single_machine.evaluate import total_weighted_tardiness

__all__ = ["KINDS", "decision_items", "check_decisions", "objective", "replay_job_order"]

KINDS = ("priority", "sequence", "jssp", "rcpsp")


def decision_items(kind: str, instances: list[dict]) -> int:
    """How many numbers the decisions on `instances` hold (to size the answer channel)."""
    if kind == "jssp":
        return sum(len(row) for inst in instances for row in inst["durations"])
    return sum(len(inst["duration"] if kind == "rcpsp" else inst["p"]) for inst in instances)


def _ints(values: Any, n: int, what: str) -> list[int]:
    if not isinstance(values, list) or len(values) != n:
        raise ValueError(f"{what}: expected a list of {n} job indices")
    if not all(type(x) is int for x in values):
        raise ValueError(f"{what}: job indices must be integers")
    return values


def _check_one(kind: str, dec: Any, inst: dict, what: str) -> None:
    if kind in ("priority", "sequence"):
        n = len(inst["p"])
        if sorted(_ints(dec, n, what)) != list(range(n)):
            raise ValueError(f"{what}: not a permutation of the jobs 0..{n - 1}")
    elif kind == "jssp":
        ops = [len(row) for row in inst["durations"]]
        seq = _ints(dec, sum(ops), what)
        counts = [0] * len(ops)
        for j in seq:
            if not 0 <= j < len(ops):
                raise ValueError(f"{what}: job {j} does not exist")
            counts[j] += 1
        if counts != ops:
            raise ValueError(f"{what}: every job must appear once per operation")
    else:
        n = len(inst["duration"])
        if not isinstance(dec, list) or len(dec) != n:
            raise ValueError(f"{what}: expected {n} priorities")
        if not all((type(x) is float and math.isfinite(x)) or (type(x) is int and abs(x) <= 2**53) for x in dec):
            raise ValueError(f"{what}: priorities must be finite numbers")


def check_decisions(kind: str, decisions: Any, instances: list[dict]) -> list:
    """The decisions if they are well formed for `instances`, else ValueError saying what is wrong."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if not isinstance(decisions, list) or len(decisions) != len(instances):
        raise ValueError(f"expected decisions for {len(instances)} instances")
    for k, (dec, inst) in enumerate(zip(decisions, instances, strict=True)):
        _check_one(kind, dec, inst, f"instance {k}")
    return decisions


def replay_job_order(durations: list[list[int]], machines: list[list[int]], order: list[int],
                     release: list[list[int]] | None = None) -> list[list[int]]:
    """Start times, per job and operation, of a job shop's `order` (the job of each operation in turn): each
    operation at its earliest start after its job's previous one, its machine's last one and its release."""
    nxt = [0] * len(durations)
    job_ready = [0] * len(durations)
    machine_ready = [0] * (1 + max((m for row in machines for m in row), default=0))
    starts = [[0] * len(row) for row in durations]
    for j in order:
        k = nxt[j]
        m = machines[j][k]
        begin = max(job_ready[j], machine_ready[m], release[j][k] if release is not None else 0)
        starts[j][k] = begin
        job_ready[j] = machine_ready[m] = begin + durations[j][k]
        nxt[j] = k + 1
    return starts


def objective(kind: str, decision: list, inst: dict) -> float:
    """The objective value of one checked decision on one instance."""
    if kind in ("priority", "sequence"):
        return float(total_weighted_tardiness(inst["p"], inst["d"], decision, inst.get("w")))
    if kind == "jssp":
        dur = inst["durations"]
        starts = replay_job_order(dur, inst["machines"], decision)
        return float(max((s[-1] + d[-1] for s, d in zip(starts, dur, strict=True) if d), default=0))
    from ordino.heuristics.project.data import ProjectData
    from ordino.heuristics.project.sgs import project_makespan, serial_sgs

    data = ProjectData.from_arrays(inst["duration"], inst["demand"], inst["capacity"], inst["successors"])
    return float(project_makespan(data, serial_sgs(data, np.asarray(decision, dtype=float))))
