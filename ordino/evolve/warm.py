"""A saved heuristic run on a problem: the schedule an evolved rule builds, as a solve method's answer
(`evolved_method`, ``--method evolved:best.py``) or as the warm start of the local searches and CP-SAT
(``ordino solve --warm-start best.py``).

The rule runs in the sandbox like during evolution; the sandbox returns decisions only (a job sequence, the
order of a job shop's operations, or one priority per activity), and the schedule is built here from them:
back to back on a single machine, each operation at its earliest start in the job shop, and the serial SGS for
a project. Every schedule is verified by whoever uses it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ordino.errors import ModelError, SandboxError
from ordino.evolve.output import EvolvedHeuristic, load_heuristic
from ordino.evolve.rcpsp import rcpsp_payload
from ordino.evolve.sandbox import Limits, evaluate_candidates
from ordino.evolve.scoring import replay_job_order
from ordino.heuristics.budget import OutOfTime
from ordino.heuristics.methods_single_machine import arrays, sequence_schedule, supports_tardiness
from ordino.heuristics.project.data import project_from_problem, project_reason, project_schedule
from ordino.heuristics.project.sgs import serial_sgs
from ordino.heuristics.shop.data import shop_from_problem, shop_reason, shop_schedule
from ordino.models import Problem, Result, Schedule, SolveOptions
from ordino.models.method import Method

__all__ = ["evolved_method", "rule_schedule", "rule_supports"]


def rule_supports(kind: str, problem: Problem) -> str | None:
    """None when a rule of this kind can build a schedule for `problem`, else why not."""
    if kind in ("priority", "sequence"):
        return supports_tardiness(problem)
    if kind == "jssp":
        reason = shop_reason(problem, ("job_shop", "flow_shop"))
        if reason is None and shop_from_problem(problem).flexible:
            return "a dispatching rule evolved for job shops needs one machine per operation"
        return reason
    if kind == "rcpsp":
        return project_reason(problem)
    return f"unknown heuristic kind {kind!r}"


def _job_shop(problem: Problem) -> tuple[dict, Callable[[Any], Schedule]]:
    data = shop_from_problem(problem)
    durations = [[data.options[o][0][1] for o in ops] for ops in data.job_ops]
    machines = [[data.options[o][0][0] for o in ops] for ops in data.job_ops]
    release = [[data.release[o] for o in ops] for ops in data.job_ops]

    def build(order: list[int]) -> Schedule:  # each operation at its earliest start, in the rule's order
        starts = [0] * data.n_ops
        for ops, begins in zip(data.job_ops, replay_job_order(durations, machines, order, release), strict=True):
            for o, begin in zip(ops, begins, strict=True):
                starts[o] = begin
        return shop_schedule(data, starts, [0] * data.n_ops)

    return {"durations": durations, "machines": machines, "size": data.n_ops}, build


def _project(problem: Problem) -> tuple[dict, Callable[[Any], Schedule]]:
    data = project_from_problem(problem)
    return rcpsp_payload(data), lambda order: project_schedule(data, serial_sgs(data, np.asarray(order, dtype=float)))


def _single_machine(problem: Problem) -> tuple[dict, Callable[[Any], Schedule]]:
    p, d, w = arrays(problem)
    return {"p": p.tolist(), "d": d.tolist(), "w": w.tolist()}, lambda seq: sequence_schedule(problem, seq)


def rule_schedule(heuristic: EvolvedHeuristic, problem: Problem, seconds: float,
                  checked: bool = False) -> Schedule:
    """The schedule `heuristic` builds for `problem` within `seconds` from now, in the sandbox (the time taken to
    check the problem and build the rule's input counts; `checked` skips the check when the caller made it).

    Raises ModelError when the rule does not fit the problem, OutOfTime when it runs out of time, and
    SandboxError when it fails.
    """
    began = time.perf_counter()
    reason = None if checked else rule_supports(heuristic.kind, problem)
    if reason is not None:
        raise ModelError(f"evolved heuristic {heuristic.path} ({heuristic.kind}) cannot schedule this problem: "
                         f"{reason}")
    build = {"jssp": _job_shop, "rcpsp": _project}.get(heuristic.kind, _single_machine)
    payload, decode = build(problem)
    left = seconds - (time.perf_counter() - began)
    res = evaluate_candidates([("h", heuristic.code)], [payload], heuristic.kind, heuristic.entry,
                              Limits(per_candidate_seconds=max(0.5, left)))[0]
    if not res.ok and (res.error or "").startswith("timeout"):
        raise OutOfTime(f"evolved heuristic {heuristic.path}: no schedule after {time.perf_counter() - began:.1f} s")
    if not res.ok or not res.decisions:
        raise SandboxError(f"evolved heuristic {heuristic.path} failed: {res.error}")
    return decode(res.decisions[0])


def evolved_method(path: str | Path, name: str | None = None) -> Method:
    """A solve method that runs a saved heuristic in the sandbox and builds the schedule from its decisions
    (`ordino.evolve.warm.rule_schedule`); the front door's verifier recomputes the objective from it."""
    from ordino.heuristics.budget import deadline

    heuristic = load_heuristic(path)
    method_name = name or f"evolved:{heuristic.path}"

    def run(problem: Problem, options: SolveOptions) -> Result:
        began = time.perf_counter()
        try:
            schedule = rule_schedule(heuristic, problem, deadline(began, problem, options) - time.perf_counter(),
                                     checked=True)  # the front door asked `supports` already
        except OutOfTime as exc:
            return Result(status="unknown", method=method_name, runtime=time.perf_counter() - began,
                          log=[f"{method_name}: no schedule within the time limit ({exc})"])
        return Result(status="feasible", schedule=schedule, method=method_name, runtime=time.perf_counter() - began)

    desc = f"evolved heuristic from {heuristic.path}"
    if heuristic.meta.get("test_gap") is not None:
        desc += f" (held-out gap {float(heuristic.meta['test_gap']):.3f} %)"
    return Method(method_name, run, desc, lambda problem: rule_supports(heuristic.kind, problem))
