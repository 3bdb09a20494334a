"""Compile a Problem into an OR-Tools CP-SAT model: interval variables per mode, no-overlap per machine,
cumulative per renewable resource, circuits for setups, and the objective as a weighted sum."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from ordino.models import (
    Blocking,
    DifferentResource,
    JobView,
    NoWait,
    ObjectiveTerm,
    Permutation,
    Problem,
    Resource,
    SameResource,
    Schedule,
    SelectExactlyOne,
    Separation,
    Synchronize,
    Task,
    TimeWindow,
)
from ordino.models.constraints import PRECEDENCE_TYPES
from ordino.models.downtime import merged

IntVar = cp_model.IntVar
BoolLit = cp_model.BoolVarT
Presence = BoolLit | int
"""Whether a task (or one of its modes) runs: a Boolean literal, or the constant 1 when it always does."""
Expr = cp_model.LinearExpr | int
"""A linear expression over the model's variables (a plain sum may still be the number 0)."""


@dataclass
class TaskVars:
    """Variables of one task: start, end, presence, and per mode its literal and interval."""

    start: IntVar
    end: IntVar
    present: Presence
    mode_lits: list[Presence]
    intervals: list[cp_model.IntervalVar]


@dataclass
class CpsatModel:
    """A built CP-SAT model with the handles needed to read a schedule back."""

    model: cp_model.CpModel
    tasks: list[TaskVars]
    horizon: int
    groups: dict[str, IntVar] = field(default_factory=dict)
    objective_scale: int = 1


class _Builder:
    def __init__(self, problem: Problem, diagnose: bool) -> None:
        self.p = problem
        self.m = cp_model.CpModel()
        self.h = problem.effective_horizon
        self.diagnose = diagnose
        self.groups: dict[str, IntVar] = {}
        self.vars: list[TaskVars] = []
        self.setup_terms: list[Expr] = []
        self.uses: dict[str, list[tuple[int, int, int]]] = {}
        self.spanned: dict[str, dict[int, list[tuple[BoolLit, int]]]] = defaultdict(lambda: defaultdict(list))
        """Per resource and down time (index into its `merged` down times): (literal, demand) of each resumable task
        that spans it."""
        for i, t in enumerate(problem.tasks):
            for k, mode in enumerate(t.modes):
                for j, rid in enumerate(mode.resources):
                    self.uses.setdefault(rid, []).append((i, k, mode.demand(j)))

    def group(self, name: str) -> list[BoolLit]:
        """Enforcement literal of a constraint group (only when diagnosing infeasibility)."""
        if not self.diagnose:
            return []
        if name not in self.groups:
            self.groups[name] = self.m.new_bool_var(name)
        return [self.groups[name]]

    def add(self, ct: cp_model.Constraint, group: str, *presence: Presence) -> None:
        lits = [x for x in presence if not isinstance(x, int)] + self.group(group)
        if lits:
            ct.only_enforce_if(lits)

    def build(self) -> CpsatModel:
        self.task_variables()
        self.machines()
        self.renewables()
        self.consumables()
        self.constraints()
        self.objective()
        return CpsatModel(self.m, self.vars, self.h, self.groups)

    # --- variables -------------------------------------------------------------------------------

    def task_variables(self) -> None:
        m, h = self.m, self.h
        for t in self.p.tasks:
            lo = self.p.earliest_start(t)
            s = m.new_int_var(0, h, f"s[{t.id}]")
            e = m.new_int_var(0, h, f"e[{t.id}]")
            present: Presence = m.new_bool_var(f"p[{t.id}]") if t.optional else 1
            if lo:
                self.add(m.add(s >= lo), "release dates", present)
            deadline = self.p.latest_end(t)
            if deadline is not None:
                self.add(m.add(e <= deadline), "deadlines and horizon", present)
            lits: list[Presence] = []
            intervals = []
            for k, mode in enumerate(t.modes):
                lit = present if len(t.modes) == 1 else m.new_bool_var(f"x[{t.id},{k}]")
                size: IntVar | int = self.resumed_size(t, k, s, e, lit) if t.resumable else mode.duration
                if isinstance(lit, int):
                    iv = m.new_interval_var(s, size, e, f"iv[{t.id},{k}]")
                else:
                    iv = m.new_optional_interval_var(s, size, e, lit, f"iv[{t.id},{k}]")
                lits.append(lit)
                intervals.append(iv)
            if len(t.modes) > 1:
                m.add(sum(lits) == present)
            self.vars.append(TaskVars(s, e, present, lits, intervals))

    def resumed_size(self, task: Task, k: int, s: IntVar, e: IntVar, lit: Presence) -> IntVar | int:
        """The span of a resumable task in mode k: its duration plus each down time it spans (those of all the
        resources the mode needs, merged). It may not start inside a down time; it spans down time j exactly
        when it starts before it and its work is not done by the time j begins (then it ends after j). Each
        resource's own down times inside a spanned one are held by the task (`down_intervals`, `renewables`)."""
        mode, m = task.modes[k], self.m
        used = [(rid, mode.demand(i)) for i, rid in enumerate(mode.resources)
                if mode.demand(i) and self.p.resource(rid).kind != "consumable"]
        breaks = merged([(a, b) for rid, _ in used for a, b in self.p.down_times(rid)])
        if not breaks or not mode.duration:
            return mode.duration
        when = [] if isinstance(lit, int) else [lit]
        spans = []
        for a, b in breaks:
            before, late, spanned = m.new_bool_var(""), m.new_bool_var(""), m.new_bool_var("")
            m.add(s <= a - 1).only_enforce_if([before, *when])
            m.add(s >= b).only_enforce_if([before.negated(), *when])
            m.add(e >= a + 1).only_enforce_if(late)
            m.add(e <= a).only_enforce_if(late.negated())
            m.add_implication(spanned, before)
            m.add(e >= b + 1).only_enforce_if(spanned)
            m.add_bool_or([before.negated(), late.negated(), spanned]).only_enforce_if(when)
            for w in when:
                m.add_implication(spanned, w)
            for rid, demand in used:
                for j, (a2, b2) in enumerate(self.p.down_times(rid)):
                    if a <= a2 and b2 <= b:
                        self.spanned[rid][j].append((spanned, demand))
            spans.append((b - a) * spanned)
        size = m.new_int_var(mode.duration, mode.duration + sum(b - a for a, b in breaks), f"span[{task.id},{k}]")
        m.add(size == mode.duration + sum(spans)).only_enforce_if(when)
        return size

    def mode_uses(self, resource_id: str) -> list[tuple[int, int, int]]:
        """(task index, mode index, demand) for every mode that uses the resource."""
        return self.uses.get(resource_id, [])

    def blocking_end(self) -> dict[int, IntVar]:
        """For tasks followed by blocking successors: the end of their occupation, the latest start among the
        successors that run (and no earlier than the task's own end)."""
        out: dict[int, IntVar] = {}
        idx = self.p.task_index
        for c in self.p.constraints:
            if isinstance(c, Blocking):
                i = idx[c.first]
                if i not in out:
                    out[i] = self.m.new_int_var(0, self.h, f"blocked[{c.first}]")
                    self.m.add(out[i] >= self.vars[i].end)
                then = self.vars[idx[c.then]]
                self.add(self.m.add(out[i] >= then.start), "blocking", then.present)
        return out

    # --- resources -------------------------------------------------------------------------------

    def down_intervals(self, resource: Resource) -> list[cp_model.IntervalVar]:
        """The resource's down times as fixed intervals, overlapping ones merged (optional while diagnosing,
        and absent where a resumable task spans them: it holds the machine then)."""
        down = self.p.down_times(resource.id)
        lit: Presence = self.group("resource unavailability")[0] if self.diagnose and down else 1
        out = []
        for j, (a, b) in enumerate(down):
            spanned = self.spanned[resource.id][j]
            if isinstance(lit, int) and not spanned:
                out.append(self.m.new_fixed_size_interval_var(a, b - a, f"down[{resource.id},{a}]"))
                continue
            here = self.m.new_bool_var(f"down?[{resource.id},{a}]")
            self.m.add(here + sum(x for x, _ in spanned) == lit)  # while diagnosing, it can be switched off
            out.append(self.m.new_optional_fixed_size_interval_var(a, b - a, here, f"down[{resource.id},{a}]"))
        return out

    def instants_outside_down_times(self, resource: Resource, uses: list[tuple[int, int]]) -> None:
        """A zero-duration mode occupies no time, but may not happen strictly inside a down time [a, b)."""
        for i, k in uses:
            if self.p.tasks[i].modes[k].duration:
                continue
            tv = self.vars[i]
            for a, b in self.p.down_times(resource.id):
                if b - a < 2:
                    continue
                before = self.m.new_bool_var("")
                self.add(self.m.add(tv.start <= a), "resource unavailability", before, tv.mode_lits[k])
                self.add(self.m.add(tv.start >= b), "resource unavailability", before.negated(), tv.mode_lits[k])

    def machines(self) -> None:
        m = self.m
        blocked = self.blocking_end()
        for r in self.p.resources:
            if r.kind != "machine":
                continue
            uses = [(i, k) for i, k, d in self.mode_uses(r.id) if d > 0]
            self.instants_outside_down_times(r, uses)
            intervals = []
            for i, k in uses:
                tv = self.vars[i]
                if not self.p.tasks[i].modes[k].duration and i not in blocked and not r.setups:
                    continue  # an instant occupies no machine time (the circuit orders it when there are setups)
                if i in blocked:
                    size = m.new_int_var(0, self.h, f"occ[{i},{k}]")
                    m.add(size >= self.p.tasks[i].modes[k].duration)
                    lit = tv.mode_lits[k]
                    if isinstance(lit, int):
                        intervals.append(m.new_interval_var(tv.start, size, blocked[i], f"blk[{i},{k}]"))
                    else:
                        intervals.append(m.new_optional_interval_var(tv.start, size, blocked[i], lit, f"blk[{i},{k}]"))
                else:
                    intervals.append(tv.intervals[k])
            m.add_no_overlap(intervals + self.down_intervals(r))
            if r.setups:
                self.setup_circuit(r, uses, blocked)

    def setup_circuit(self, resource: Resource, uses: list[tuple[int, int]], blocked: dict[int, IntVar]) -> None:
        """A circuit over the tasks on the machine; arc i->j forces the setup between them, after i releases the
        machine (its end, or for a blocked task the start of its blocking successor)."""
        m = self.m
        families = [self.p.tasks[i].setup_family for i, _ in uses]
        table = resource.setup_table
        arcs: list[tuple[int, int, BoolLit]] = []
        terms: list[Expr] = []
        optional = [mode_lit for i, k in uses if not isinstance(mode_lit := self.vars[i].mode_lits[k], int)]
        if len(optional) == len(uses):
            empty = m.new_bool_var(f"idle[{resource.id}]")  # no task on the machine: the depot loops on itself
            arcs.append((0, 0, empty))
            for lit in optional:
                m.add_implication(empty, lit.negated())
        for a, (i, k) in enumerate(uses):
            lit_a = self.vars[i].mode_lits[k]
            first = m.new_bool_var("")
            arcs.append((0, a + 1, first))
            if (initial := table.get((resource.initial_family, families[a]), 0) if resource.initial_family else 0):
                m.add(self.vars[i].start >= initial).only_enforce_if(first)  # the setup from the state at time 0
                terms.append(initial * first)
            arcs.append((a + 1, 0, m.new_bool_var("")))
            if isinstance(lit_a, int):
                pass  # always present: no self loop
            else:
                arcs.append((a + 1, a + 1, lit_a.negated()))
            for b, (j, _q) in enumerate(uses):
                if a == b:
                    continue
                lit = m.new_bool_var(f"arc[{resource.id},{i},{j}]")
                arcs.append((a + 1, b + 1, lit))
                gap = table.get((families[a], families[b]), 0)
                m.add(self.vars[j].start >= blocked.get(i, self.vars[i].end) + gap).only_enforce_if(lit)
                if gap:
                    terms.append(gap * lit)
        if uses:
            m.add_circuit(arcs)
        self.setup_terms += terms

    def renewables(self) -> None:
        for r in self.p.resources:
            if r.kind != "renewable":
                continue
            uses = [(i, k, d) for i, k, d in self.mode_uses(r.id) if d > 0]
            self.instants_outside_down_times(r, [(i, k) for i, k, _ in uses])
            uses = [(i, k, d) for i, k, d in uses if self.p.tasks[i].modes[k].duration]
            intervals = [self.vars[i].intervals[k] for i, k, _ in uses]
            demands: list[Expr] = [d for _, _, d in uses]
            for j, (a, b) in enumerate(self.p.down_times(r.id)):
                held = self.spanned[r.id][j]  # resumable tasks spanning it keep their share; the rest is down
                if self.diagnose:
                    lit = self.group("resource unavailability")[0]
                    intervals.append(self.m.new_optional_fixed_size_interval_var(a, b - a, lit, f"down?[{r.id},{a}]"))
                else:
                    intervals.append(self.m.new_fixed_size_interval_var(a, b - a, f"down[{r.id},{a}]"))
                if held:  # cumulative takes one variable per demand
                    left = self.m.new_int_var(0, r.capacity, f"down_demand[{r.id},{a}]")
                    self.m.add(left == r.capacity - sum(d * x for x, d in held))
                    demands.append(left)
                else:
                    demands.append(r.capacity)
            self.m.add_cumulative(intervals, demands, r.capacity)

    def consumables(self) -> None:
        for r in self.p.resources:
            if r.kind == "consumable":
                use = [d * self.vars[i].mode_lits[k] for i, k, d in self.mode_uses(r.id)]
                self.add(self.m.add(sum(use) <= r.capacity), "consumable budgets")

    # --- constraints -----------------------------------------------------------------------------

    def constraints(self) -> None:
        m, idx = self.m, self.p.task_index
        for c in self.p.constraints:
            if isinstance(c, (PRECEDENCE_TYPES, Blocking)):
                a, b = self.vars[idx[c.first]], self.vars[idx[c.then]]
                if isinstance(c, Blocking):
                    self.add(m.add(b.start >= a.end), "blocking", a.present, b.present)
                    continue
                side_a, side_b = c.anchors()
                ta = a.start if side_a == "start" else a.end
                tb = b.start if side_b == "start" else b.end
                self.add(m.add(tb >= ta + c.min_lag), "precedences", a.present, b.present)
                if c.max_lag is not None:
                    self.add(m.add(tb <= ta + c.max_lag), "maximum lags", a.present, b.present)
            elif isinstance(c, NoWait):
                chain = [self.vars[idx[t]] for t in c.tasks]
                for x, a in enumerate(chain):  # each task that runs starts when the previous one that runs ends
                    for y in range(x + 1, len(chain)):
                        between = chain[x + 1:y]
                        absent = [v.present.negated() for v in between if not isinstance(v.present, int)]
                        if len(absent) < len(between):  # a task in between always runs
                            break
                        self.add(m.add(chain[y].start == a.end), "no-wait", a.present, chain[y].present, *absent)
            elif isinstance(c, Synchronize):
                at = m.new_int_var(0, self.h, "sync")
                for t in c.tasks:
                    v = self.vars[idx[t]]
                    self.add(m.add(v.start == at), "synchronize", v.present)
            elif isinstance(c, TimeWindow):
                v = self.vars[idx[c.task]]
                for var, lo, hi in ((v.start, c.start_min, c.start_max), (v.end, c.end_min, c.end_max)):
                    if lo is not None:
                        self.add(m.add(var >= lo), "time windows", v.present)
                    if hi is not None:
                        self.add(m.add(var <= hi), "time windows", v.present)
            elif isinstance(c, SelectExactlyOne):
                self.add(m.add(sum(self.vars[idx[t]].present for t in c.tasks) == 1), "select exactly one")
            elif isinstance(c, SameResource | DifferentResource):
                self.resource_relation(c)
            elif isinstance(c, Separation):
                self.separation(c)
            elif isinstance(c, Permutation):
                self.permutation(c)

    def permutation(self, c: Permutation) -> None:
        """One literal per pair of jobs that share a listed machine, shared by all their machines: true puts
        the first job's task before the second's on each of them (among the tasks that run)."""
        m, idx = self.m, self.p.task_index
        visits = self.p.permutation_tasks(c)
        jobs = list(visits)
        for a, x in enumerate(jobs):
            for y in jobs[a + 1:]:
                shared = [r for r in visits[x] if r in visits[y]]
                if not shared:
                    continue
                first = m.new_bool_var(f"perm[{x}<{y}]")
                for r in shared:
                    u, v = self.vars[idx[visits[x][r]]], self.vars[idx[visits[y][r]]]
                    self.add(m.add(v.start >= u.end), "permutation", first, u.present, v.present)
                    self.add(m.add(u.start >= v.end), "permutation", first.negated(), u.present, v.present)

    def separation(self, c: Separation) -> None:
        """Order every pair of the tasks with a literal; the order fixes the separation gap."""
        m, idx = self.m, self.p.task_index
        for a, x in enumerate(c.tasks):
            for b in range(a + 1, len(c.tasks)):
                u, v = self.vars[idx[x]], self.vars[idx[c.tasks[b]]]
                first = m.new_bool_var(f"sep[{x}<{c.tasks[b]}]")
                self.add(m.add(v.start >= u.end + c.gap(a, b)), "separation", first, u.present, v.present)
                self.add(m.add(u.start >= v.end + c.gap(b, a)), "separation", first.negated(), u.present, v.present)

    def resource_relation(self, c: SameResource | DifferentResource) -> None:
        idx = self.p.task_index
        for r in self.p.resources:
            if r.kind != "machine":
                continue
            uses = {}
            for t in c.tasks:
                i = idx[t]
                uses[t] = sum(self.vars[i].mode_lits[k] for k, mode in enumerate(self.p.tasks[i].modes)
                              if r.id in mode.resources)
            if isinstance(c, SameResource):  # among the tasks that run
                for a, t in enumerate(c.tasks):
                    for u in c.tasks[a + 1:]:
                        self.add(self.m.add(uses[t] == uses[u]), "same resource", self.vars[idx[t]].present,
                                 self.vars[idx[u]].present)
            else:
                self.add(self.m.add(sum(uses.values()) <= 1), "different resource")

    # --- objective -------------------------------------------------------------------------------

    def objective(self) -> None:
        m, h = self.m, self.h
        completion: dict[str, tuple[IntVar, JobView]] = {}
        for view in self.p.job_views:
            ends = []
            for tid in view.tasks:
                v = self.vars[self.p.task_index[tid]]
                ends.append(v.end if isinstance(v.present, int) else self.when_present(v.end, v.present, 0))
            c = m.new_int_var(0, h, f"C[{view.id}]")
            m.add_max_equality(c, ends)
            completion[view.id] = (c, view)
        expr: Expr = 0
        for term in self.p.objective:
            expr += term.weight * self.term(term, completion)
        m.minimize(expr)

    def span(self, term: ObjectiveTerm) -> IntVar:
        """max(0, latest end of `end_of` - earliest start of `start_of`), over performed tasks."""
        m, h = self.m, self.h
        starts, ends = [], []
        for tid in term.start_of or []:
            v = self.vars[self.p.task_index[tid]]
            starts.append(v.start if isinstance(v.present, int) else self.when_present(v.start, v.present, h))
        for tid in term.end_of or []:
            v = self.vars[self.p.task_index[tid]]
            ends.append(v.end if isinstance(v.present, int) else self.when_present(v.end, v.present, 0))
        first, last = m.new_int_var(0, h, f"open[{term.key}]"), m.new_int_var(0, h, f"close[{term.key}]")
        m.add_min_equality(first, starts)
        m.add_max_equality(last, ends)
        span = m.new_int_var(0, h, term.key)
        m.add_max_equality(span, [last - first, 0])
        return span

    def deviation(self, term: ObjectiveTerm) -> Expr:
        """Per performed baseline task: 1 when it moved (another start or mode), plus |start - baseline start|.
        Written as lower bounds, which the minimisation makes tight."""
        m, out = self.m, cp_model.LinearExpr.constant(0)
        for e in term.baseline or []:
            v = self.vars[self.p.task_index[e.task]]
            when = [] if isinstance(v.present, int) else [v.present]
            shift, moved = m.new_int_var(0, self.h + e.start, f"shift[{e.task}]"), m.new_bool_var(f"moved[{e.task}]")
            m.add(shift >= v.start - e.start).only_enforce_if(when)
            m.add(shift >= e.start - v.start).only_enforce_if(when)
            m.add(shift == 0).only_enforce_if(moved.negated())
            old_mode = v.mode_lits[e.mode]
            if not isinstance(old_mode, int):
                m.add(moved == 1).only_enforce_if([*when, old_mode.negated()])
            out += shift + moved
        return out

    def when_present(self, value: IntVar, present: BoolLit, absent: int) -> IntVar:
        """A variable equal to `value` when the task is performed, else to `absent`."""
        out = self.m.new_int_var(0, self.h, "")
        self.m.add(out == value).only_enforce_if(present)
        self.m.add(out == absent).only_enforce_if(present.negated())
        return out

    def term(self, term: ObjectiveTerm, completion: dict[str, tuple[IntVar, JobView]]) -> Expr:
        m, h, name = self.m, self.h, term.term
        if name == "span":
            return self.span(term)
        if name == "deviation":
            return self.deviation(term)
        due = [(c, view, view.due) for c, view in completion.values() if view.due is not None]
        out: Expr = 0
        if name == "makespan":
            cmax = m.new_int_var(0, h, "Cmax")
            m.add_max_equality(cmax, [v.end for v in self.vars])
            return cmax
        if name in ("total_completion_time", "total_weighted_completion_time"):
            weighted = name.startswith("total_weighted")
            return sum((view.weight if weighted else 1) * c for c, view in completion.values())
        if name in ("total_flow_time", "total_weighted_flow_time"):
            weighted = name.startswith("total_weighted")
            return sum((view.weight if weighted else 1) * (c - view.release) for c, view in completion.values())
        if name in ("total_tardiness", "total_weighted_tardiness", "total_earliness", "total_weighted_earliness"):
            for c, view, d in due:
                x = m.new_int_var(0, h + abs(d), f"{name}[{view.id}]")
                m.add_max_equality(x, [c - d, 0] if "tardiness" in name else [d - c, 0])
                weight = (view.weight if "tardiness" in name else view.early_weight) if "weighted" in name else 1
                out += weight * x
            return out
        if name == "maximum_lateness":
            lmax = m.new_int_var(-max(abs(d) for _, _, d in due) - 1, h, "Lmax")
            m.add_max_equality(lmax, [c - d for c, _, d in due])
            return lmax
        if name == "maximum_tardiness":
            tmax = m.new_int_var(0, h + max(abs(d) for _, _, d in due), "Tmax")
            m.add_max_equality(tmax, [0, *(c - d for c, _, d in due)])
            return tmax
        if name in ("number_tardy", "weighted_number_tardy"):
            for c, view, d in due:
                late = m.new_bool_var(f"U[{view.id}]")
                m.add(c <= d).only_enforce_if(late.negated())
                m.add(c > d).only_enforce_if(late)
                out += (view.weight if name.startswith("weighted") else 1) * late
            return out
        if name == "total_setup_time":
            return sum(self.setup_terms)
        if name == "total_cost":
            for t, v in zip(self.p.tasks, self.vars, strict=True):
                out += sum(mode.cost * lit for mode, lit in zip(t.modes, v.mode_lits, strict=True) if mode.cost)
                if t.optional and t.absence_penalty:
                    out += t.absence_penalty * (1 - v.present)
            return out
        raise ValueError(f"unknown objective term {name!r}")


def build_cpsat(problem: Problem, diagnose: bool = False) -> CpsatModel:
    """Build the CP-SAT model; with `diagnose`, every constraint group gets an enforcement literal."""
    return _Builder(problem, diagnose).build()


def add_hint(built: CpsatModel, problem: Problem, schedule: Schedule) -> None:
    """Hint start, end, presence and mode of every task from a schedule (a warm start)."""
    entries = schedule.by_task()
    for t, v in zip(problem.tasks, built.tasks, strict=True):
        e = entries.get(t.id)
        if not isinstance(v.present, int):
            built.model.add_hint(v.present, e is not None)
        if e is None:
            continue
        built.model.add_hint(v.start, e.start)
        built.model.add_hint(v.end, e.end)
        for k, lit in enumerate(v.mode_lits):
            if not isinstance(lit, int) and len(v.mode_lits) > 1:
                built.model.add_hint(lit, k == e.mode)
