"""Why a model is infeasible, in the user's terms: a small set of requirements that cannot all hold.

The model is split into removable items, each a requirement a user could relax: for a schedule each constraint,
task and job deadline, task and job release, down interval of a resource, the horizon and each resource's
capacity; for a roster each cover requirement, each hard rule and the limit of shifts per day. Deletion filtering
(in blocks that halve, ending one item at a time) keeps only items that are needed: the model with just the kept
items is proven infeasible by CP-SAT, and when the result is `minimal`, relaxing any one kept item makes it
feasible. A check that CP-SAT cannot settle within the budget stops the search; it is never taken as an answer.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field

from ordino.errors import OrdinoError
from ordino.explain.text import names
from ordino.models import Problem, RosterProblem
from ordino.models.assignment import (
    Count,
    Cover,
    CyclicPattern,
    ForbiddenSequence,
    MaxConsecutiveDays,
    Meet,
    Preference,
    Relation,
    Rule,
    Selection,
    Unavailable,
)
from ordino.models.base import OntologyModel
from ordino.models.constraints import (
    PRECEDENCE_TYPES,
    Blocking,
    Constraint,
    DifferentResource,
    NoWait,
    Permutation,
    SameResource,
    SelectExactlyOne,
    Separation,
    Synchronize,
    TimeWindow,
)
from ordino.models.tasks import Task
from ordino.solve import solve

ItemKind = Literal["constraint", "task_deadline", "job_deadline", "task_release", "job_release", "down_time",
                   "calendar", "horizon", "capacity", "cover", "rule", "shifts_per_day"]
Data = dict[str, Any]
"""A model dumped to plain data (`model_dump(by_alias=True)`), which a relaxation edits."""

MACHINE_USERS = (Permutation, SameResource, DifferentResource, Blocking)
"""Constraints that speak of machines: a machine they could concern is not relaxed into a pool."""


class ConflictItem(OntologyModel):
    """One requirement of the model: a stable `id` (``deadline:job:J3``, ``down:M2:0``, ``cover:1``...), its
    `kind`, the ids it `names` (tasks, jobs, resources; shifts, days, skills, staff), the numbers it sets
    (`values`: a deadline, a window, a down interval...) and the requirement in plain words (`text`)."""

    id: str
    kind: ItemKind
    names: list[str] = Field(default_factory=list)
    values: list[int] = Field(default_factory=list)
    text: str


class Conflict(OntologyModel):
    """Requirements of an infeasible model that cannot all hold together. `minimal`: relaxing any one of them
    makes the model feasible (False when the budget ended the search first). No items: the model's own data
    (durations, modes, demands) cannot fit even with every item relaxed. `checks` counts the solves made."""

    family: Literal["scheduling", "assignment"]
    items: list[ConflictItem]
    minimal: bool
    summary: str
    checks: int
    runtime: float


@dataclass(frozen=True)
class Relaxable:
    """An item and how to relax it in the model's data (it edits the data in place; list entries it drops are
    set to None and removed after every relaxation ran, so the other items' positions stay valid)."""

    item: ConflictItem
    relax: Callable[[Data], None]


class Undecided(Exception):
    """A check the solver could not settle (time out, error): the search stops with this reason."""


def conflict(model: Problem | RosterProblem, time_limit: float = 10.0) -> Conflict | None:
    """A small set of conflicting requirements of an infeasible model; None when the model is feasible or the
    search could not isolate one within `time_limit` seconds (`find_conflict` says why)."""
    found = find_conflict(model, time_limit)
    return found if isinstance(found, Conflict) else None


def find_conflict(model: Problem | RosterProblem, time_limit: float = 10.0) -> Conflict | str:
    """A small set of conflicting requirements, or the reason there is none to show (the model is feasible, or
    a check was not settled within `time_limit` seconds)."""
    items = schedule_items(model) if isinstance(model, Problem) else roster_items(model)
    search = Search(model, items, time_limit)
    try:
        if not search.infeasible(items):
            return "the model is feasible: there is no conflict to explain"
        if search.infeasible([]):
            return search.result([], minimal=True)
    except Undecided as stop:
        return f"the conflict could not be isolated: {stop}"
    kept, reason = search.filtered(items)
    return search.result(kept, minimal=reason is None, reason=reason)


class Search:
    """Feasibility checks of the model with some items relaxed, within one time budget."""

    def __init__(self, model: Problem | RosterProblem, items: list[Relaxable], time_limit: float) -> None:
        self.model, self.items, self.time_limit = model, items, time_limit
        self.began = time.perf_counter()
        self.checks = 0

    def infeasible(self, kept: list[Relaxable]) -> bool:
        """Whether the model holding only the `kept` items (every other one relaxed) is proven infeasible;
        Undecided when the solver does not settle it in the time left."""
        left = self.time_limit - (time.perf_counter() - self.began)
        if left < 0.05:
            raise Undecided(f"the time budget of {self.time_limit:g}s ran out")
        kept_ids = {r.item.id for r in kept}
        self.checks += 1
        try:
            relaxed = relaxed_model(self.model, [r for r in self.items if r.item.id not in kept_ids])
            status = solve(relaxed, method="cpsat", time_limit=left, workers=1).status
        except (OrdinoError, ValueError) as exc:  # a relaxed model the solver refuses, or (a bug) an invalid one
            raise Undecided(str(exc).splitlines()[0]) from None
        if status in ("optimal", "feasible"):
            return False
        if status == "infeasible":
            return True
        raise Undecided(f"a check ended '{status}' within the {self.time_limit:g}s budget")

    def filtered(self, kept: list[Relaxable]) -> tuple[list[Relaxable], str | None]:
        """Deletion filtering of an infeasible item set: drop blocks of items (halving the block size down to
        one) while the rest stays infeasible. Returns the kept items, and the reason when the search stopped
        before every item was checked alone (the kept set is then infeasible but maybe not minimal)."""
        size = max(1, len(kept) // 2)
        try:
            while True:
                kept = self.drop_blocks(kept, size)
                if size == 1:
                    return kept, None
                size = max(1, size // 2)
        except Undecided as stop:
            return kept, str(stop)

    def drop_blocks(self, kept: list[Relaxable], size: int) -> list[Relaxable]:
        """One pass over `kept` in blocks of `size`, each block dropped when the rest stays infeasible (the empty
        rest is known feasible). A dropped item is gone for good: fewer requirements never make a model
        infeasible again, so an item found needed stays needed."""
        start = 0
        while start < len(kept):
            rest = kept[:start] + kept[start + size:]
            if rest and self.infeasible(rest):
                kept = rest
            else:
                start += size
        return kept

    def result(self, kept: list[Relaxable], minimal: bool, reason: str | None = None) -> Conflict:
        """The Conflict of the kept items with its summary sentence."""
        family: Literal["scheduling", "assignment"] = "scheduling" if isinstance(self.model, Problem) \
            else "assignment"
        items = [r.item for r in kept]
        return Conflict(family=family, items=items, minimal=minimal, summary=summary(family, items, reason),
                        checks=self.checks, runtime=round(time.perf_counter() - self.began, 3))


def summary(family: str, items: list[ConflictItem], reason: str | None) -> str:
    """One sentence on the conflict."""
    what = "schedule" if family == "scheduling" else "roster"
    if not items:
        relaxed = ("deadline, release, time window, down time, capacity limit and constraint" if what == "schedule"
                   else "cover requirement and rule")
        return (f"No {what} exists even with every {relaxed} relaxed: the model's own data (durations, modes, "
                "resource needs) cannot fit.")
    if reason is not None:
        return (f"These {len(items)} requirements cannot all hold together (not reduced further, {reason}; some "
                "may not be needed for the conflict).")
    if len(items) == 1:
        return f"This requirement cannot be met; without it a {what} exists."
    return f"These {len(items)} requirements cannot all hold together; relax any one of them and a {what} exists."


def conflict_lines(found: Conflict | str) -> list[str]:
    """The conflict as short lines: its summary, then one line per item (or the reason there is none)."""
    if isinstance(found, str):
        return [f"No conflict shown: {found}."]
    return [found.summary, *(f"  - {item.text}" for item in found.items)]


def relaxed_model(model: Problem | RosterProblem, relax: list[Relaxable]) -> Problem | RosterProblem:
    """The model with these items relaxed and a plain objective (feasibility is all a check asks)."""
    data = model.model_dump(by_alias=True)
    for r in relax:
        r.relax(data)
    data["objective"] = [{"term": "makespan"}] if isinstance(model, Problem) else []
    return type(model).model_validate(_without_dropped(data))


def _without_dropped(value: Any) -> Any:
    """The data with the list entries a relaxation set to None removed, at any depth."""
    if isinstance(value, dict):
        return {k: _without_dropped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_dropped(v) for v in value if v is not None]
    return value


def _drop(key: str, index: int) -> Callable[[Data], None]:
    """A relaxation that drops entry `index` of the top-level list `key`."""
    def relax(data: Data) -> None:
        data[key][index] = None
    return relax


def _drop_down(resource: int, index: int) -> Callable[[Data], None]:
    """A relaxation that drops down interval `index` of a resource."""
    def relax(data: Data) -> None:
        data["resources"][resource]["unavailable"][index] = None
    return relax


def _set(path: tuple[str | int, ...], **fields: Any) -> Callable[[Data], None]:
    """A relaxation that sets `fields` of the entry at `path` (keys and list positions; () is the model)."""
    def relax(data: Data) -> None:
        target: Any = data
        for step in path:
            target = target[step]
        target.update(fields)
    return relax


# --- schedules ----------------------------------------------------------------------------------------------

def schedule_items(p: Problem) -> list[Relaxable]:
    """The relaxable requirements of a schedule, those least worth keeping first (deletion filtering drops early
    items first when several minimal sets exist): capacities, the horizon, releases, constraints, down times,
    calendars, then deadlines."""
    return [*capacity_items(p), *horizon_items(p), *release_items(p), *constraint_items(p), *down_items(p),
            *calendar_items(p), *deadline_items(p)]


def duration(p: Problem, d: int) -> str:
    """A duration with the problem's time unit."""
    return f"{d} {p.time_unit}" if p.time_unit else str(d)


def work(p: Problem, task: Task) -> str:
    """A task's own data in words: its duration (shortest mode, when several) and where it runs."""
    shortest = min(task.modes, key=lambda m: m.duration)
    where = f" on {', '.join(shortest.resources)}" if shortest.resources else ""
    choice = f" in its shortest of {len(task.modes)} modes" if len(task.modes) > 1 else ""
    return f"{task.id} takes {duration(p, shortest.duration)}{where}{choice}"


def job_tasks(p: Problem, job: str) -> list[Task]:
    """The tasks of a declared job, in the model's order."""
    return [t for t in p.tasks if t.job == job]


def job_work(p: Problem, job: str) -> str:
    """A job's own data: how long its tasks take in all, and each task's duration and resources in order."""
    tasks = job_tasks(p, job)
    total = sum(min(m.duration for m in t.modes) for t in tasks)
    steps = [f"{t.id} {min(m.duration for m in t.modes)}" + (f" on {', '.join(t.modes[0].resources)}"
                                                                if len(t.modes) == 1 and t.modes[0].resources
                                                                else "") for t in tasks]
    counted = "its task takes" if len(tasks) == 1 else f"its {len(tasks)} tasks take"
    return f"{counted} {duration(p, total)} in all: {names(steps)}"


def deadline_items(p: Problem) -> list[Relaxable]:
    """Each task deadline and each job deadline."""
    out = [Relaxable(ConflictItem(id=f"deadline:task:{t.id}", kind="task_deadline", names=[t.id],
                                  values=[t.deadline], text=f"{t.id} must end by {t.deadline} ({work(p, t)})"),
                     _set(("tasks", i), deadline=None))
           for i, t in enumerate(p.tasks) if t.deadline is not None]
    out += [Relaxable(ConflictItem(id=f"deadline:job:{j.id}", kind="job_deadline",
                                   names=[j.id, *(t.id for t in job_tasks(p, j.id))], values=[j.deadline],
                                   text=f"job {j.id} must be finished by {j.deadline} ({job_work(p, j.id)})"),
                      _set(("jobs", i), deadline=None))
            for i, j in enumerate(p.jobs) if j.deadline is not None]
    return out


def release_items(p: Problem) -> list[Relaxable]:
    """Each task release and each job release."""
    out = [Relaxable(ConflictItem(id=f"release:task:{t.id}", kind="task_release", names=[t.id], values=[t.release],
                                  text=f"{t.id} cannot start before {t.release} ({work(p, t)})"),
                     _set(("tasks", i), release=0))
           for i, t in enumerate(p.tasks) if t.release > 0]
    out += [Relaxable(ConflictItem(id=f"release:job:{j.id}", kind="job_release",
                                   names=[j.id, *(t.id for t in job_tasks(p, j.id))], values=[j.release],
                                   text=f"job {j.id} cannot start before {j.release} ({job_work(p, j.id)})"),
                      _set(("jobs", i), release=0))
            for i, j in enumerate(p.jobs) if j.release > 0]
    return out


def down_items(p: Problem) -> list[Relaxable]:
    """Each down interval of each resource."""
    return [Relaxable(ConflictItem(id=f"down:{r.id}:{k}", kind="down_time", names=[r.id], values=[a, b],
                                   text=f"{r.id} is down during [{a}, {b})"),
                      _drop_down(i, k))
            for i, r in enumerate(p.resources) if r.kind != "consumable" for k, (a, b) in enumerate(r.unavailable)]


def calendar_items(p: Problem) -> list[Relaxable]:
    """Each resource that follows a working calendar (relaxed, it works at any time)."""
    out = []
    for i, r in enumerate(p.resources):
        calendar = p.calendar(r.id)
        if calendar is not None:
            longest = max((b - a for a, b in _working(p.down_times(r.id), p.effective_horizon)), default=0)
            too_long = [f"{t.id} needs {d} without a pause" for t in p.tasks if not t.resumable
                        for d in [min(m.duration for m in t.modes)] if d > longest
                        and all(r.id in m.resources for m in t.modes)]
            out.append(Relaxable(
                ConflictItem(id=f"calendar:{r.id}", kind="calendar", names=[r.id, calendar.id], values=[longest],
                             text=f"{r.id} works only when calendar {calendar.id} is open (its longest stretch of "
                                  f"working time is {longest} {p.time_unit}" + "".join(f"; {x}" for x in too_long)
                                  + ")"),
                _set(("resources", i), calendar=None)))
    return out


def _working(down: list[tuple[int, int]], end: int) -> list[tuple[int, int]]:
    """The stretches of [0, end) outside the merged `down` times."""
    edges = [0, *(x for a, b in down for x in (a, b)), end]
    return [(a, b) for a, b in zip(edges[::2], edges[1::2], strict=True) if a < b]


def horizon_items(p: Problem) -> list[Relaxable]:
    """The horizon, when the model gives one."""
    if p.horizon is None:
        return []
    return [Relaxable(ConflictItem(id="horizon", kind="horizon", values=[p.horizon],
                                   text=f"every task must end by the horizon {p.horizon}"), _set((), horizon=None))]


def capacity_items(p: Problem) -> list[Relaxable]:
    """Each resource whose capacity can bind (its tasks could need more of it than it has): relaxed, it holds
    whatever its tasks need. A machine with setup times, or one that constraints on machines may concern, stays
    a machine."""
    out = []
    machine_rules = any(isinstance(c, MACHINE_USERS) for c in p.constraints)
    for i, r in enumerate(p.resources):
        needs = {t.id: max((m.demand(m.resources.index(r.id)) for m in t.modes if r.id in m.resources), default=0)
                 for t in p.tasks}
        needs = {tid: n for tid, n in needs.items() if n}
        total = sum(needs.values())
        if total <= r.capacity or (r.kind == "machine" and (r.setups or machine_rules)):
            continue
        users = names([f"{tid} {n}" for tid, n in needs.items()])
        text = {"machine": f"{r.id} runs one task at a time (it is needed by {names(list(needs))})",
                "renewable": f"{r.id} has {r.capacity} units at any moment (tasks need: {users})",
                "consumable": f"{r.id} has {r.capacity} units in all (tasks need: {users})"}[r.kind]
        out.append(Relaxable(ConflictItem(id=f"capacity:{r.id}", kind="capacity", names=[r.id, *needs],
                                          values=[r.capacity], text=text),
                             _set(("resources", i), kind="renewable" if r.kind == "machine" else r.kind,
                                  capacity=total)))
    return out


def constraint_items(p: Problem) -> list[Relaxable]:
    """Each constraint of the model."""
    out = []
    for k, c in enumerate(p.constraints):
        involved = list(dict.fromkeys(_constraint_names(c)))
        context = "; ".join(work(p, p.task(tid)) for tid in involved if tid in p.task_index)
        text = constraint_text(c) + (f" ({context})" if context and len(involved) <= 3 else "")
        out.append(Relaxable(ConflictItem(id=f"constraint:{k}", kind="constraint", names=involved,
                                          values=_constraint_values(c), text=text), _drop("constraints", k)))
    return out


def _constraint_names(c: Constraint) -> list[str]:
    """The ids a constraint names: its tasks, or the jobs and machines of a permutation."""
    if isinstance(c, Permutation):
        return [*(c.jobs or []), *(c.resources or [])]
    if isinstance(c, TimeWindow):
        return [c.task]
    if isinstance(c, (Blocking, *PRECEDENCE_TYPES)):
        return [c.first, c.then]
    return list(c.tasks)


def _constraint_values(c: Constraint) -> list[int]:
    """The numbers a constraint sets (lags, window bounds)."""
    if isinstance(c, TimeWindow):
        return [v for v in (c.start_min, c.start_max, c.end_min, c.end_max) if v is not None]
    if isinstance(c, PRECEDENCE_TYPES):
        return [v for v in (c.min_lag, c.max_lag) if v]
    return []


def constraint_text(c: Constraint) -> str:
    """A constraint in words, with the model's ids."""
    if isinstance(c, PRECEDENCE_TYPES):
        a, b = c.anchors()
        lag = f" at least {c.min_lag} after" if c.min_lag else " after"
        upto = f", and at most {c.max_lag} after" if c.max_lag is not None else ""
        return f"{c.then} {b}s{lag} {c.first} {a}s{upto}"
    if isinstance(c, TimeWindow):
        return f"time window of {c.task}: " + ", ".join(_bounds(c))
    if isinstance(c, Blocking):
        return f"{c.then} starts after {c.first} ends, and {c.first}'s machine stays blocked until it starts"
    if isinstance(c, Permutation):
        jobs = names(c.jobs) if c.jobs else "every job"
        machines = names(c.resources) if c.resources else "every machine"
        return f"{jobs} pass {machines} in one common order"
    listed = names(list(c.tasks))
    return {NoWait: f"{listed} run back to back, in this order",
            SameResource: f"{listed} run on the same machine(s)",
            DifferentResource: f"no two of {listed} share a machine",
            Synchronize: f"{listed} start together",
            SelectExactlyOne: f"exactly one of {listed} is performed",
            Separation: f"{listed} do not overlap and keep their separation times"}[type(c)]


def _bounds(c: TimeWindow) -> list[str]:
    """The given bounds of a time window in words."""
    out = []
    for what, lo, hi in (("start", c.start_min, c.start_max), ("end", c.end_min, c.end_max)):
        if lo is not None and hi is not None:
            out.append(f"{what} in [{lo}, {hi}]")
        elif lo is not None:
            out.append(f"{what} at {lo} or later")
        elif hi is not None:
            out.append(f"{what} by {hi}")
    return out


# --- rosters ------------------------------------------------------------------------------------------------

def roster_items(p: RosterProblem) -> list[Relaxable]:
    """The relaxable requirements of a roster, those least worth keeping first: the shifts-per-day limit, the
    hard rules (preferences are soft, never part of a conflict), then the cover requirements."""
    out = []
    if p.max_shifts_per_day < len(p.shifts):
        out.append(Relaxable(ConflictItem(id="max_shifts_per_day", kind="shifts_per_day",
                                          values=[p.max_shifts_per_day],
                                          text=f"each person works at most {p.max_shifts_per_day} shift(s) a day"),
                             _set((), max_shifts_per_day=len(p.shifts))))
    out += [Relaxable(ConflictItem(id=f"rule:{k}", kind="rule", names=_rule_names(r), values=_rule_values(r),
                                   text=rule_text(p, r)), _drop("rules", k))
            for k, r in enumerate(p.rules) if not isinstance(r, Preference)]
    out += [Relaxable(ConflictItem(id=f"cover:{k}", kind="cover", names=[x for x in (c.shift, c.period, c.day,
                                                                                      c.skill) if x is not None],
                                   values=[c.min] + ([c.max] if c.max is not None else []), text=cover_text(p, c)),
                      _drop("cover", k))
            for k, c in enumerate(p.cover) if _hard_min(c) or c.max is not None]
    return out


def cover_text(p: RosterProblem, c: Cover) -> str:
    """A cover requirement in words, with who could meet it."""
    day = f"on {c.day}" if c.day is not None else "every day"
    where = (f"on {c.shift}" if c.shift is not None else f"on a shift covering {c.period}" if c.period is not None
             else "on any shift")
    skill = f" with skill {c.skill}" if c.skill is not None else ""
    amount = _amount(_hard_min(c), c.max)
    who = [n for s in p.staff if c.skill is None or c.skill in s.skills for n in s.names()]
    return f"{day}, {amount} staff{skill} {where} ({len(who)} could: {names(who)})"


def _hard_min(c: Cover) -> int:
    """The least number a cover requires for sure (a soft minimum requires nothing)."""
    return c.min if c.shortfall_penalty is None else 0


def _amount(least: int, most: int | None) -> str:
    """A count between bounds in words."""
    if most is None:
        return f"at least {least}"
    if not least:
        return f"at most {most}"
    return f"exactly {most}" if least == most else f"between {least} and {most}"


def _rule_names(r: Rule) -> list[str]:
    """The ids a rule names."""
    sels: list[Selection] = list(r.terms) if isinstance(r, Relation) else [r] if isinstance(r, Selection) else []
    found = [x for s in sels for x in (s.staff or []) + (s.shifts or []) + (s.days or [])]
    if isinstance(r, (MaxConsecutiveDays, ForbiddenSequence, CyclicPattern, Meet)):
        found += r.staff or []
    if isinstance(r, ForbiddenSequence):
        found += [r.first, r.then]
    return list(dict.fromkeys(found))


def _rule_values(r: Rule) -> list[int]:
    """The numbers a rule sets."""
    if isinstance(r, (Count, Relation)):
        return [v for v in (r.min, r.max) if v is not None]
    if isinstance(r, MaxConsecutiveDays):
        return [r.max_on]
    if isinstance(r, CyclicPattern):
        return [r.on, r.off]
    if isinstance(r, Meet):
        return [r.max]
    return []


def _who(staff: list[str] | None) -> str:
    """The staff a rule applies to in words."""
    return "everybody" if staff is None else names(staff)


def _cells(s: Selection) -> str:
    """A selection of cells in words."""
    shifts = "any shift" if s.shifts is None else f"shift {names(s.shifts)}"
    days = "any day" if s.days is None else f"day {names(s.days)}"
    return f"{_who(s.staff)} on {shifts}, {days}"


def rule_text(p: RosterProblem, r: Rule) -> str:
    """A hard rule in words, with the model's ids."""
    if isinstance(r, Unavailable):
        shifts = "any shift" if r.shifts is None else names(r.shifts)
        days = "any day" if r.days is None else names(r.days)
        who = "nobody works" if r.staff is None else f"{names(r.staff)} cannot work"
        return f"{who} {shifts} on {days}"
    if isinstance(r, Count):
        per = f" per {' and '.join(r.per)}" if r.per else " in all"
        return f"{_amount(r.min, r.max)} assignments{per} among {_cells(r)}"
    if isinstance(r, MaxConsecutiveDays):
        return f"{_who(r.staff)} works at most {r.max_on} consecutive days"
    if isinstance(r, ForbiddenSequence):
        return f"{_who(r.staff)} never works {r.then} the day after {r.first}"
    if isinstance(r, CyclicPattern):
        return f"{_who(r.staff)} works {r.on} days on, then {r.off} off, in a cycle of {len(p.days)} days"
    if isinstance(r, Meet):
        return f"any two of {_who(r.staff)} share a shift at most {r.max} time(s)"
    if isinstance(r, Relation):
        bound = " and ".join(x for x in (f"at least {r.min}" if r.min is not None else "",
                                         f"at most {r.max}" if r.max is not None else "") if x)
        return f"a weighted sum of assignments over {len(r.terms)} selection(s) is {bound}"
    return f"{r.kind} preference among {_cells(r)}"


# --- where an item was read from ----------------------------------------------------------------------------

KIND_WORDS: dict[str, set[str]] = {
    "constraint": {"constraint", "precedence", "window", "time_window"}, "task_deadline": {"task"},
    "job_deadline": {"job"}, "task_release": {"task"}, "job_release": {"job"},
    "down_time": {"resource", "machine", "unavailable", "down", "maintenance"},
    "calendar": {"resource", "machine", "calendar", "shift", "holiday", "working"},
    "capacity": {"resource", "machine", "capacity"}, "horizon": {"horizon"},
    "cover": {"cover", "requirement", "rule", "constraint"}, "rule": {"rule", "constraint"},
    "shifts_per_day": {"rule", "max_shifts_per_day"}}
"""Words a source's element names an item's kind with."""


def _words(text: str) -> set[str]:
    """The lower-cased words of a text, ids like ``J1.2`` or ``a#1`` kept whole."""
    return {w.strip(".") for w in re.split(r"[^\w.#-]+", text.lower()) if w.strip(".")}


def source_of(item: ConflictItem, sources: list[tuple[str, str]]) -> str | None:
    """The quote, among (element, quote) sources of a formulation, that an item was read from: the first whose
    element names the item's kind and every id the item names, and whose quote holds every number the item
    sets (a deadline, a down interval); None when no source says it for sure."""
    for element, quote in sources:
        words, said = _words(element), _words(quote)
        named = item.names if item.kind == "constraint" else item.names[:1]
        if (words & KIND_WORDS[item.kind] and all(n.lower() in words | said for n in named)
                and all(str(v) in said for v in item.values)):
            return quote
    return None
