"""Name the structure of a problem (single machine, job shop, RCPSP...) so methods can be chosen by it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TypeVar, cast

from ordino.models.constraints import Constraint, EndBeforeStart, Permutation
from ordino.models.problem import Problem
from ordino.models.tasks import Task

T = TypeVar("T")
ProblemClass = Literal["single_machine", "parallel_machines", "flow_shop", "job_shop", "flexible_job_shop",
                       "rcpsp", "multi_mode_rcpsp", "general"]


def _relations(problem: Problem, ignore_permutation: bool) -> list[Constraint]:
    return [c for c in problem.constraints if not (ignore_permutation and isinstance(c, Permutation))]


def _plain(problem: Problem, ignore_permutation: bool = False) -> bool:
    """No feature beyond plain tasks, jobs and zero-lag end-before-start precedences."""
    if any(not isinstance(c, EndBeforeStart) or c.min_lag or c.max_lag is not None
           for c in _relations(problem, ignore_permutation)):
        return False
    if any(r.unavailable or r.calendar or r.setups or r.kind == "consumable" for r in problem.resources):
        return False
    if problem.horizon is not None or any(j.deadline is not None for j in problem.jobs):
        return False
    return not any(t.optional or t.deadline is not None or any(m.cost for m in t.modes)
                   for t in problem.tasks)


def memoised(problem: Problem, find: Callable[[Problem, bool], T], flag: bool = False) -> T:
    """`find(problem, flag)`, computed once per problem (it is immutable): a solve asks about its structure
    several times, and each look at 50,000 tasks takes a few tenths of a second."""
    key = (find, flag)
    if key not in problem.memo:
        problem.memo[key] = find(problem, flag)
    return cast(T, problem.memo[key])


def job_chains(problem: Problem, ignore_permutation: bool = False) -> list[list[str]] | None:
    """Tasks of each job in precedence-chain order, when precedences are exactly per-job chains (and there
    is no other constraint, but for `permutation` ones when `ignore_permutation`). Callers must not change
    the lists (they are kept for the next call)."""
    return memoised(problem, _job_chains, ignore_permutation)


def _job_chains(problem: Problem, ignore_permutation: bool) -> list[list[str]] | None:
    nxt: dict[str, str] = {}
    has_pred: set[str] = set()
    job_of = {t.id: t.job or t.id for t in problem.tasks}
    for c in _relations(problem, ignore_permutation):
        if not isinstance(c, EndBeforeStart):
            return None
        if job_of[c.first] != job_of[c.then] or c.first in nxt or c.then in has_pred:
            return None
        nxt[c.first] = c.then
        has_pred.add(c.then)
    chains = []
    for view in problem.job_views:
        heads = [t for t in view.tasks if t not in has_pred]
        if len(heads) != 1:
            return None
        chain = [heads[0]]
        while chain[-1] in nxt:
            chain.append(nxt[chain[-1]])
        if len(chain) != len(view.tasks):
            return None
        chains.append(chain)
    return chains


def classify(problem: Problem, ignore_permutation: bool = False) -> ProblemClass:
    """The most specific class the problem belongs to; 'general' when no special structure applies.

    A `permutation` constraint makes a problem 'general' (the shop methods would not keep its order); with
    `ignore_permutation`, the class the problem would have without its permutation constraints (for
    methods that build permutation schedules, which satisfy every permutation constraint of a flow shop)."""
    return memoised(problem, _classify, ignore_permutation)


def _classify(problem: Problem, ignore_permutation: bool) -> ProblemClass:
    kinds = {r.kind for r in problem.resources}
    single_mode = all(len(t.modes) == 1 for t in problem.tasks)
    if not _plain(problem, ignore_permutation):
        return "general"
    if kinds == {"renewable"} or (kinds == {"renewable", "machine"} and not single_mode):
        return "rcpsp" if single_mode else "multi_mode_rcpsp"
    if kinds != {"machine"}:
        return "rcpsp" if kinds and single_mode and "consumable" not in kinds else "general"
    one_machine_modes = all(len(m.resources) == 1 for t in problem.tasks for m in t.modes)
    if not one_machine_modes:
        return "general"
    chains = job_chains(problem, ignore_permutation)
    if chains is None:
        return "general"
    if all(len(ch) == 1 for ch in chains):
        if len(problem.resources) == 1:
            return "single_machine"
        return "parallel_machines" if all(len(t.modes) == 1 or _distinct_machines(t) for t in problem.tasks) \
            else "general"
    if not single_mode:
        return "flexible_job_shop"
    routes = {tuple(problem.task(t).modes[0].resources[0] for t in ch) for ch in chains}
    machines = [r.id for r in problem.resources]
    if len(routes) == 1 and sorted(next(iter(routes))) == sorted(machines):
        return "flow_shop"
    return "job_shop"


def _distinct_machines(task: Task) -> bool:
    machines = [m.resources[0] for m in task.modes]
    return len(set(machines)) == len(machines)
