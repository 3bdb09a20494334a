"""The scheduling verifier: rechecks every rule of a Problem on a Schedule and recomputes the objective."""

from __future__ import annotations

import itertools
from collections import defaultdict
from functools import cached_property

from ordino.models.constraints import (
    Blocking,
    DifferentResource,
    NoWait,
    Permutation,
    SameResource,
    SelectExactlyOne,
    Separation,
    Synchronize,
    TimeWindow,
)
from ordino.models.problem import Problem
from ordino.models.results import Verification, Violation
from ordino.models.schedule import Schedule, ScheduledTask


def verify_schedule(problem: Problem, schedule: Schedule) -> Verification:
    """Every violation of `problem`'s rules in `schedule`, and the objective recomputed from start times."""
    checker = _Checker(problem, schedule)
    checker.run()
    terms = _objective_terms(problem, checker.entries, checker.setup_total)
    for term in problem.objective:
        if term.term == "span":
            terms[term.key] = _span(term.start_of or [], term.end_of or [], checker.entries)
        if term.term == "deviation":
            terms[term.key] = _deviation(term.baseline or [], checker.entries)
    total = sum(term.weight * terms[term.key] for term in problem.objective)
    return Verification(violations=checker.violations, objective=total, terms=terms)


class _Checker:
    def __init__(self, problem: Problem, schedule: Schedule) -> None:
        self.problem = problem
        self.schedule = schedule
        self.violations: list[Violation] = []
        self.entries: dict[str, ScheduledTask] = {}
        self.setup_total = 0
        self.jobs = {j.id: j for j in problem.jobs}
        self.until = 1 + max((e.end for e in schedule.tasks), default=0)  # calendars' down time is read up to here

    def down_times(self, resource_id: str) -> list[tuple[int, int]]:
        """The resource's down times over the whole schedule (a calendar's, too, wherever the schedule ends)."""
        return self.problem.down_times(resource_id, self.until)

    def bad(self, kind: str, message: str, tasks: list[str] | None = None, resource: str | None = None) -> None:
        self.violations.append(Violation(kind=kind, message=message, tasks=tasks or [], resource=resource))

    def run(self) -> None:
        self.check_entries()
        self.check_machines()
        self.check_renewables()
        self.check_consumables()
        self.check_constraints()

    # --- each task on its own ---------------------------------------------------------------------

    def check_entries(self) -> None:
        p = self.problem
        known = {t.id: t for t in p.tasks}
        for listed in self.schedule.tasks:
            if listed.task not in known:
                self.bad("unknown_task", f"schedule lists task {listed.task!r}, which the problem does not have",
                         [listed.task])
                continue
            if listed.task in self.entries:
                self.bad("duplicate_task", f"task {listed.task!r} is scheduled twice", [listed.task])
                continue
            self.entries[listed.task] = listed
        for t in p.tasks:
            e = self.entries.get(t.id)
            if e is None:
                if not t.optional:
                    self.bad("missing_task", f"task {t.id!r} is not scheduled", [t.id])
                continue
            if e.mode >= len(t.modes):
                self.bad("mode", f"task {t.id!r}: mode {e.mode} does not exist ({len(t.modes)} modes)", [t.id])
                del self.entries[t.id]
                continue
            duration = t.modes[e.mode].duration
            breaks = self.pauses(t.id, e.mode) if t.resumable and duration else []
            inside = next(((a, b) for a, b in breaks if a <= e.start < b), None)
            if inside is not None:
                self.bad("unavailable", f"resumable task {t.id!r} starts at {e.start}, inside the down time "
                         f"[{inside[0]}, {inside[1]}) of its resources", [t.id])
            elif e.end != _resumed(e.start, duration, breaks):
                paused = " with its pauses" if breaks else ""
                self.bad("duration", f"task {t.id!r}: runs {e.start} to {e.end}, mode {e.mode} takes {duration}"
                         f"{paused} (to {_resumed(e.start, duration, breaks)})", [t.id])
            release = t.release
            deadline = [b for b in (t.deadline, p.horizon) if b is not None]
            if t.job is not None:
                job = self.jobs[t.job]
                release = max(release, job.release)
                if job.deadline is not None:
                    deadline.append(job.deadline)
            if e.start < release:
                self.bad("release", f"task {t.id!r} starts at {e.start}, before its release {release}", [t.id])
            if deadline and e.end > min(deadline):
                self.bad("deadline", f"task {t.id!r} ends at {e.end}, after its deadline {min(deadline)}",
                         [t.id])

    def pauses(self, task_id: str, mode: int) -> list[tuple[int, int]]:
        """The down times a resumable task in this mode pauses over: those of every resource it needs some of
        (not consumables), merged where they overlap."""
        m = self.problem.task(task_id).modes[mode]
        spans = sorted((a, b) for k, rid in enumerate(m.resources) if m.demand(k)
                       if self.problem.resource(rid).kind != "consumable" for a, b in self.down_times(rid))
        merged: list[tuple[int, int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return merged

    @cached_property
    def uses(self) -> dict[str, list[tuple[ScheduledTask, int]]]:
        """Per resource id: the entries using it and their demand (once `check_entries` has run)."""
        out: dict[str, list[tuple[ScheduledTask, int]]] = defaultdict(list)
        for e in self.entries.values():
            mode = self.problem.task(e.task).modes[e.mode]
            for i, rid in enumerate(mode.resources):
                out[rid].append((e, 1 if mode.demands is None else mode.demands[i]))
        return out

    # --- resources --------------------------------------------------------------------------------

    def check_machines(self) -> None:
        blocked_until: dict[str, int] = {}
        for c in self.problem.constraints:
            if isinstance(c, Blocking) and c.first in self.entries and c.then in self.entries:
                until = max(self.entries[c.first].end, self.entries[c.then].start)
                blocked_until[c.first] = max(blocked_until.get(c.first, until), until)
        uses = self.uses
        families = {t.id: t.setup_family for t in self.problem.tasks}
        resumable = {t.id: t.resumable for t in self.problem.tasks}
        for r in self.problem.resources:
            if r.kind == "consumable":
                continue
            busy = [(e.start, blocked_until.get(e.task, e.end), e) for e, demand in uses.get(r.id, []) if demand]
            for e_start, e_end, e in busy:
                if resumable[e.task] and e.end > e.start:  # its work pauses over down times (a start inside one
                    e_start = e.end                        # is checked with its end); not the time it waits blocked
                    if e_start >= e_end:
                        continue
                for down_start, down_end in self.down_times(r.id):
                    if e_start < down_end and down_start < e_end:
                        self.bad("unavailable", f"task {e.task!r} [{e_start}, {e_end}) runs on {r.id!r} while "
                                 f"it is unavailable [{down_start}, {down_end})", [e.task], r.id)
            if r.kind != "machine":
                continue
            busy = sorted((x for x in busy if x[1] > x[0] or r.setups), key=lambda x: (x[0], x[1]))
            setup = {(s.before, s.after): s.time for s in r.setups}
            if r.setups:
                busy = _setup_order(busy, setup, families, r.initial_family)
            if busy and r.initial_family and (gap := setup.get((r.initial_family, families[busy[0][2].task]), 0)):
                self.setup_total += gap  # the setup from the state the machine is in at time 0
                if busy[0][0] < gap:
                    self.bad("setup", f"on machine {r.id!r}: task {busy[0][2].task!r} starts {busy[0][0]}, but the "
                             f"setup from {r.initial_family!r} takes {gap}", [busy[0][2].task], r.id)
            for (s1, e1, a), (s2, _e2, b) in zip(busy, busy[1:], strict=False):
                gap = setup.get((families[a.task], families[b.task]), 0)
                self.setup_total += gap
                if s2 < e1 + gap:
                    what = "overlap" if s2 < e1 else "setup"
                    detail = f"overlaps {a.task!r} [{s1}, {e1})" if s2 < e1 else \
                        f"starts {s2}, but {a.task!r} ends {e1} and the setup takes {gap}"
                    self.bad(what, f"on machine {r.id!r}: task {b.task!r} {detail}", [a.task, b.task], r.id)

    def check_renewables(self) -> None:
        uses = self.uses
        for r in self.problem.resources:
            if r.kind != "renewable":
                continue
            events: list[tuple[int, int, str]] = []
            for e, demand in uses.get(r.id, []):
                if demand and e.end > e.start:
                    events += [(e.start, demand, e.task), (e.end, -demand, e.task)]
            level = 0
            for time, delta, task in sorted(events, key=lambda x: (x[0], x[1])):
                level += delta
                if level > r.capacity:
                    self.bad("capacity", f"resource {r.id!r} uses {level} > capacity {r.capacity} at time "
                             f"{time} (when {task!r} starts)", [task], r.id)

    def check_consumables(self) -> None:
        uses = self.uses
        for r in self.problem.resources:
            if r.kind == "consumable":
                used = sum(d for _, d in uses.get(r.id, []))
                if used > r.capacity:
                    self.bad("budget", f"consumable {r.id!r}: {used} used > budget {r.capacity}", [], r.id)

    # --- constraints ------------------------------------------------------------------------------

    def check_constraints(self) -> None:
        en = self.entries
        for c in self.problem.constraints:
            if isinstance(c, TimeWindow):
                e = en.get(c.task)
                if e is None:
                    continue
                for value, lo, hi, what in ((e.start, c.start_min, c.start_max, "start"),
                                            (e.end, c.end_min, c.end_max, "end")):
                    if (lo is not None and value < lo) or (hi is not None and value > hi):
                        self.bad("time_window", f"task {c.task!r}: {what} {value} outside [{lo}, {hi}]",
                                 [c.task])
            elif isinstance(c, NoWait | Synchronize):
                present = [en[t] for t in c.tasks if t in en]
                for a, b in zip(present, present[1:], strict=False):
                    if isinstance(c, NoWait) and b.start != a.end:
                        self.bad("no_wait", f"task {b.task!r} starts {b.start}, not when {a.task!r} ends "
                                 f"({a.end})", [a.task, b.task])
                    if isinstance(c, Synchronize) and b.start != a.start:
                        self.bad("synchronize", f"tasks {a.task!r} and {b.task!r} start at {a.start} and "
                                 f"{b.start}", [a.task, b.task])
            elif isinstance(c, SameResource | DifferentResource):
                self.check_resource_relation(c)
            elif isinstance(c, Separation):
                self.check_separation(c)
            elif isinstance(c, Permutation):
                self.check_permutation(c)
            elif isinstance(c, SelectExactlyOne):
                chosen = [t for t in c.tasks if t in en]
                if len(chosen) != 1:
                    self.bad("select_exactly_one", f"exactly one of {c.tasks} must run, {len(chosen)} do",
                             list(c.tasks))
            elif isinstance(c, Blocking):
                if c.first in en and c.then in en and en[c.then].start < en[c.first].end:
                    self.bad("precedence", f"blocking: {c.then!r} starts {en[c.then].start} before {c.first!r} "
                             f"ends {en[c.first].end}", [c.first, c.then])
            else:
                self.check_precedence(c)

    def check_precedence(self, c) -> None:
        a, b = self.entries.get(c.first), self.entries.get(c.then)
        if a is None or b is None:
            return
        first_side, then_side = c.type.split("_before_")
        t1 = a.start if first_side == "start" else a.end
        t2 = b.start if then_side == "start" else b.end
        lag = t2 - t1
        if lag < c.min_lag or (c.max_lag is not None and lag > c.max_lag):
            self.bad("precedence", f"{c.type} {c.first!r} -> {c.then!r}: {then_side} of {c.then!r} is {lag} "
                     f"after {first_side} of {c.first!r}, allowed [{c.min_lag}, {c.max_lag}]", [c.first, c.then])

    def check_separation(self, c: Separation) -> None:
        placed = [(i, self.entries[t]) for i, t in enumerate(c.tasks) if t in self.entries]
        for x, (i, a) in enumerate(placed):
            for j, b in placed[x + 1:]:
                ok = b.start >= a.end + c.gaps[i][j] or a.start >= b.end + c.gaps[j][i]
                if not ok:
                    self.bad("separation", f"tasks {a.task!r} [{a.start}, {a.end}) and {b.task!r} [{b.start}, "
                             f"{b.end}) are closer than their separation ({c.gaps[i][j]} if {a.task!r} first, "
                             f"{c.gaps[j][i]} if {b.task!r} first)", [a.task, b.task])

    def check_permutation(self, c: Permutation) -> None:
        """Two jobs must keep one order on every listed machine where both run a task."""
        en = self.entries
        visits = self.problem.permutation_tasks(c)
        jobs = list(visits)
        for a, x in enumerate(jobs):
            for y in jobs[a + 1:]:
                shared = [(r, en[visits[x][r]], en[visits[y][r]]) for r in visits[x]
                          if r in visits[y] and visits[x][r] in en and visits[y][r] in en]
                x_first = [r for r, u, v in shared if u.end <= v.start]
                y_first = [r for r, u, v in shared if v.end <= u.start]
                if len(x_first) == len(shared) or len(y_first) == len(shared):
                    continue
                overlap = [r for r, u, v in shared if r not in x_first and r not in y_first]
                detail = [f"{x!r} first on {sorted(set(x_first) - set(y_first))}",
                          f"{y!r} first on {sorted(set(y_first) - set(x_first))}"]
                if overlap:
                    detail.append(f"overlapping on {overlap}")
                self.bad("permutation", f"permutation: jobs {x!r} and {y!r} must run in one order on machines "
                         f"{[r for r, _, _ in shared]}, but run {', '.join(detail)}",
                         [t for r, u, v in shared for t in (u.task, v.task)])

    def check_resource_relation(self, c) -> None:
        machines = {r.id for r in self.problem.resources if r.kind == "machine"}
        sets = {}
        for t in c.tasks:
            if t in self.entries:
                e = self.entries[t]
                sets[t] = set(self.problem.task(t).modes[e.mode].resources) & machines
        ids = list(sets)
        for i, x in enumerate(ids):
            for y in ids[i + 1:]:
                if isinstance(c, SameResource) and sets[x] != sets[y]:
                    self.bad("same_resource", f"tasks {x!r} and {y!r} must share machines, run on "
                             f"{sorted(sets[x])} and {sorted(sets[y])}", [x, y])
                if isinstance(c, DifferentResource) and sets[x] & sets[y]:
                    self.bad("different_resource", f"tasks {x!r} and {y!r} both run on "
                             f"{sorted(sets[x] & sets[y])}", [x, y])


def _resumed(start: int, duration: int, breaks: list[tuple[int, int]]) -> int:
    """When `duration` units of work starting at `start` are done, pausing over `breaks` (sorted, disjoint)."""
    now, left = start, duration
    for a, b in breaks:
        if b <= now:
            continue
        if now + left <= a:
            break
        left -= a - now
        now = b
    return now + left


def _span(start_of: list[str], end_of: list[str], entries: dict[str, ScheduledTask]) -> int:
    """Latest end among the performed `end_of` tasks minus earliest start among the performed `start_of` ones,
    at least 0 (0 when either set has no performed task)."""
    starts = [entries[t].start for t in start_of if t in entries]
    ends = [entries[t].end for t in end_of if t in entries]
    return max(0, max(ends) - min(starts)) if starts and ends else 0


def _deviation(baseline: list[ScheduledTask], entries: dict[str, ScheduledTask]) -> int:
    """Over the performed baseline tasks: 1 for each that starts at another time or runs in another mode, plus
    how far each start moved."""
    total = 0
    for old in baseline:
        new = entries.get(old.task)
        if new is not None and (new.start, new.mode) != (old.start, old.mode):
            total += 1 + abs(new.start - old.start)
    return total


def _setup_order(busy: list[tuple[int, int, ScheduledTask]], setup: dict[tuple[str, str], int],
                 families: dict[str, str], initial: str | None) -> list[tuple[int, int, ScheduledTask]]:
    """A machine's tasks in time order, those starting at one instant taken in the order that breaks the fewest
    setups and then takes the least setup time (a task of no length may go between two others at its instant)."""
    out: list[tuple[int, int, ScheduledTask]] = []
    i = 0
    while i < len(busy):
        j = i
        while j < len(busy) and busy[j][0] == busy[i][0]:
            j += 1
        group = busy[i:j]
        if 1 < len(group) <= 6:
            orders = [[*out[-1:], *order, *busy[j:j + 1]] for order in itertools.permutations(group)]
            costs = [_setup_cost(seq, setup, families, None if out else initial) for seq in orders]
            best = orders[costs.index(min(costs))]
            group = best[len(out[-1:]):len(best) - len(busy[j:j + 1])]
        out += group
        i = j
    return out


def _setup_cost(seq: list[tuple[int, int, ScheduledTask]], setup: dict[tuple[str, str], int],
                families: dict[str, str], initial: str | None) -> tuple[int, int]:
    """(setups broken, setup time) of a machine's tasks in this order, from the state `initial` at time 0."""
    broken = total = 0
    if initial is not None:
        gap = setup.get((initial, families[seq[0][2].task]), 0)
        broken, total = int(seq[0][0] < gap), gap
    for (_, e1, a), (s2, _, b) in zip(seq, seq[1:], strict=False):
        gap = setup.get((families[a.task], families[b.task]), 0)
        broken += s2 < e1 + gap
        total += gap
    return broken, total


def _objective_terms(problem: Problem, entries: dict[str, ScheduledTask], setup_total: int) -> dict[str, int]:
    completion = {}
    for view in problem.job_views:
        ends = [entries[t].end for t in view.tasks if t in entries]
        completion[view.id] = max(ends, default=0)
    jobs = problem.job_views
    due = [(v, completion[v.id] - v.due) for v in jobs if v.due is not None]
    cost = 0
    for t in problem.tasks:
        if t.id in entries:
            cost += t.modes[entries[t.id].mode].cost if entries[t.id].mode < len(t.modes) else 0
        else:
            cost += t.absence_penalty
    return {
        "makespan": max((e.end for e in entries.values()), default=0),
        "total_completion_time": sum(completion.values()),
        "total_weighted_completion_time": sum(v.weight * completion[v.id] for v in jobs),
        "total_flow_time": sum(completion[v.id] - v.release for v in jobs),
        "total_weighted_flow_time": sum(v.weight * (completion[v.id] - v.release) for v in jobs),
        "total_tardiness": sum(max(0, late) for _, late in due),
        "total_weighted_tardiness": sum(v.weight * max(0, late) for v, late in due),
        "maximum_lateness": max((late for _, late in due), default=0),
        "maximum_tardiness": max((max(0, late) for _, late in due), default=0),
        "number_tardy": sum(1 for _, late in due if late > 0),
        "weighted_number_tardy": sum(v.weight for v, late in due if late > 0),
        "total_earliness": sum(max(0, -late) for _, late in due),
        "total_weighted_earliness": sum((v.weight if v.earliness_weight is None else v.earliness_weight)
                                        * max(0, -late) for v, late in due),
        "total_setup_time": setup_total,
        "total_cost": cost,
    }
