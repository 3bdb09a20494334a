"""Compile a Problem into an OR-Tools CP-SAT model: interval variables per mode, no-overlap per machine,
cumulative per renewable resource, circuits for setups, and the objective as a weighted sum."""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from ordino.models import (
    Blocking,
    DifferentResource,
    NoWait,
    Problem,
    SameResource,
    Schedule,
    SelectExactlyOne,
    Separation,
    Synchronize,
    TimeWindow,
)
from ordino.models.constraints import PRECEDENCE_TYPES

IntVar = cp_model.IntVar


@dataclass
class TaskVars:
    """Variables of one task: start, end, presence, and per mode its literal and interval."""

    start: IntVar
    end: IntVar
    present: IntVar | int
    mode_lits: list[IntVar | int]
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
        self.uses: dict[str, list[tuple[int, int, int]]] = {}
        for i, t in enumerate(problem.tasks):
            for k, mode in enumerate(t.modes):
                for j, rid in enumerate(mode.resources):
                    self.uses.setdefault(rid, []).append((i, k, mode.demand(j)))

    def group(self, name: str) -> list[IntVar]:
        """Enforcement literal of a constraint group (only when diagnosing infeasibility)."""
        if not self.diagnose:
            return []
        if name not in self.groups:
            self.groups[name] = self.m.NewBoolVar(name)
        return [self.groups[name]]

    def add(self, ct: cp_model.Constraint, group: str, *presence: IntVar | int) -> None:
        lits = [x for x in presence if not isinstance(x, int)] + self.group(group)
        if lits:
            ct.OnlyEnforceIf(lits)

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
            s = m.NewIntVar(0, h, f"s[{t.id}]")
            e = m.NewIntVar(0, h, f"e[{t.id}]")
            present: IntVar | int = m.NewBoolVar(f"p[{t.id}]") if t.optional else 1
            if lo:
                self.add(m.Add(s >= lo), "release dates", present)
            deadline = self.p.latest_end(t)
            if deadline is not None:
                self.add(m.Add(e <= deadline), "deadlines and horizon", present)
            lits: list[IntVar | int] = []
            intervals = []
            for k, mode in enumerate(t.modes):
                lit = present if len(t.modes) == 1 else m.NewBoolVar(f"x[{t.id},{k}]")
                if isinstance(lit, int):
                    iv = m.NewIntervalVar(s, mode.duration, e, f"iv[{t.id},{k}]")
                else:
                    iv = m.NewOptionalIntervalVar(s, mode.duration, e, lit, f"iv[{t.id},{k}]")
                lits.append(lit)
                intervals.append(iv)
            if len(t.modes) > 1:
                m.Add(sum(lits) == present)
            self.vars.append(TaskVars(s, e, present, lits, intervals))

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
                    out[i] = self.m.NewIntVar(0, self.h, f"blocked[{c.first}]")
                    self.m.Add(out[i] >= self.vars[i].end)
                then = self.vars[idx[c.then]]
                self.add(self.m.Add(out[i] >= then.start), "blocking", then.present)
        return out

    # --- resources -------------------------------------------------------------------------------

    def down_intervals(self, resource) -> list[cp_model.IntervalVar]:
        """The resource's down times as fixed intervals, overlapping ones merged (optional while diagnosing)."""
        merged: list[list[int]] = []
        for a, b in sorted(resource.unavailable):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        if self.diagnose and merged:  # unavailability can then be switched off to name a conflict
            lit = self.group("resource unavailability")[0]
            return [self.m.NewOptionalFixedSizeIntervalVar(a, b - a, lit, f"down?[{resource.id},{a}]")
                    for a, b in merged]
        return [self.m.NewFixedSizeIntervalVar(a, b - a, f"down[{resource.id},{a}]") for a, b in merged]

    def instants_outside_down_times(self, resource, uses: list[tuple[int, int]]) -> None:
        """A zero-duration mode occupies no time, but may not happen strictly inside a down time [a, b)."""
        for i, k in uses:
            if self.p.tasks[i].modes[k].duration:
                continue
            tv = self.vars[i]
            for a, b in resource.unavailable:
                if b - a < 2:
                    continue
                before = self.m.NewBoolVar("")
                self.add(self.m.Add(tv.start <= a), "resource unavailability", before, tv.mode_lits[k])
                self.add(self.m.Add(tv.start >= b), "resource unavailability", before.Not(), tv.mode_lits[k])

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
                    size = m.NewIntVar(0, self.h, f"occ[{i},{k}]")
                    m.Add(size >= self.p.tasks[i].modes[k].duration)
                    lit = tv.mode_lits[k]
                    if isinstance(lit, int):
                        intervals.append(m.NewIntervalVar(tv.start, size, blocked[i], f"blk[{i},{k}]"))
                    else:
                        intervals.append(m.NewOptionalIntervalVar(tv.start, size, blocked[i], lit, f"blk[{i},{k}]"))
                else:
                    intervals.append(tv.intervals[k])
            m.AddNoOverlap(intervals + self.down_intervals(r))
            if r.setups:
                self.setup_circuit(r, uses)

    def setup_circuit(self, resource, uses: list[tuple[int, int]]) -> None:
        """A circuit over the tasks on the machine; arc i->j forces the setup between them."""
        m = self.m
        families = [self.p.tasks[i].setup_family for i, _ in uses]
        table = resource.setup_table
        arcs = []
        terms = []
        if all(not isinstance(self.vars[i].mode_lits[k], int) for i, k in uses):
            empty = m.NewBoolVar(f"idle[{resource.id}]")  # no task on the machine: the depot loops on itself
            arcs.append((0, 0, empty))
            for i, k in uses:
                m.AddImplication(empty, self.vars[i].mode_lits[k].Not())
        for a, (i, k) in enumerate(uses):
            lit_a = self.vars[i].mode_lits[k]
            arcs.append((0, a + 1, m.NewBoolVar("")))
            arcs.append((a + 1, 0, m.NewBoolVar("")))
            if isinstance(lit_a, int):
                pass  # always present: no self loop
            else:
                arcs.append((a + 1, a + 1, lit_a.Not()))
            for b, (j, _q) in enumerate(uses):
                if a == b:
                    continue
                lit = m.NewBoolVar(f"arc[{resource.id},{i},{j}]")
                arcs.append((a + 1, b + 1, lit))
                gap = table.get((families[a], families[b]), 0)
                m.Add(self.vars[j].start >= self.vars[i].end + gap).OnlyEnforceIf(lit)
                if gap:
                    terms.append(gap * lit)
        if uses:
            m.AddCircuit(arcs)
        self.setup_terms = getattr(self, "setup_terms", []) + terms

    def renewables(self) -> None:
        for r in self.p.resources:
            if r.kind != "renewable":
                continue
            uses = [(i, k, d) for i, k, d in self.mode_uses(r.id) if d > 0]
            self.instants_outside_down_times(r, [(i, k) for i, k, _ in uses])
            uses = [(i, k, d) for i, k, d in uses if self.p.tasks[i].modes[k].duration]
            intervals = [self.vars[i].intervals[k] for i, k, _ in uses]
            demands = [d for _, _, d in uses]
            down = self.down_intervals(r)
            self.m.AddCumulative(intervals + down, demands + [r.capacity] * len(down), r.capacity)

    def consumables(self) -> None:
        for r in self.p.resources:
            if r.kind == "consumable":
                use = [d * self.vars[i].mode_lits[k] for i, k, d in self.mode_uses(r.id)]
                self.add(self.m.Add(sum(use) <= r.capacity), "consumable budgets")

    # --- constraints -----------------------------------------------------------------------------

    def constraints(self) -> None:
        m, idx = self.m, self.p.task_index
        for c in self.p.constraints:
            if isinstance(c, (PRECEDENCE_TYPES, Blocking)):
                a, b = self.vars[idx[c.first]], self.vars[idx[c.then]]
                if isinstance(c, Blocking):
                    self.add(m.Add(b.start >= a.end), "blocking", a.present, b.present)
                    continue
                side_a, side_b = c.anchors()
                ta = a.start if side_a == "start" else a.end
                tb = b.start if side_b == "start" else b.end
                self.add(m.Add(tb >= ta + c.min_lag), "precedences", a.present, b.present)
                if c.max_lag is not None:
                    self.add(m.Add(tb <= ta + c.max_lag), "maximum lags", a.present, b.present)
            elif isinstance(c, NoWait):
                chain = [self.vars[idx[t]] for t in c.tasks]
                for x, a in enumerate(chain):  # each task that runs starts when the previous one that runs ends
                    for y in range(x + 1, len(chain)):
                        between = chain[x + 1:y]
                        if any(isinstance(v.present, int) for v in between):
                            break
                        self.add(m.Add(chain[y].start == a.end), "no-wait", a.present, chain[y].present,
                                 *(v.present.Not() for v in between))
            elif isinstance(c, Synchronize):
                at = m.NewIntVar(0, self.h, "sync")
                for t in c.tasks:
                    v = self.vars[idx[t]]
                    self.add(m.Add(v.start == at), "synchronize", v.present)
            elif isinstance(c, TimeWindow):
                v = self.vars[idx[c.task]]
                for var, lo, hi in ((v.start, c.start_min, c.start_max), (v.end, c.end_min, c.end_max)):
                    if lo is not None:
                        self.add(m.Add(var >= lo), "time windows", v.present)
                    if hi is not None:
                        self.add(m.Add(var <= hi), "time windows", v.present)
            elif isinstance(c, SelectExactlyOne):
                self.add(m.Add(sum(self.vars[idx[t]].present for t in c.tasks) == 1), "select exactly one")
            elif isinstance(c, SameResource | DifferentResource):
                self.resource_relation(c)
            elif isinstance(c, Separation):
                self.separation(c)

    def separation(self, c: Separation) -> None:
        """Order every pair of the tasks with a literal; the order fixes the separation gap."""
        m, idx = self.m, self.p.task_index
        for a, x in enumerate(c.tasks):
            for b in range(a + 1, len(c.tasks)):
                u, v = self.vars[idx[x]], self.vars[idx[c.tasks[b]]]
                first = m.NewBoolVar(f"sep[{x}<{c.tasks[b]}]")
                self.add(m.Add(v.start >= u.end + c.gap(a, b)), "separation", first, u.present, v.present)
                self.add(m.Add(u.start >= v.end + c.gap(b, a)), "separation", first.Not(), u.present, v.present)

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
                        self.add(self.m.Add(uses[t] == uses[u]), "same resource", self.vars[idx[t]].present,
                                 self.vars[idx[u]].present)
            else:
                self.add(self.m.Add(sum(uses.values()) <= 1), "different resource")

    # --- objective -------------------------------------------------------------------------------

    def objective(self) -> None:
        m, h = self.m, self.h
        completion = {}
        for view in self.p.job_views:
            ends = []
            for tid in view.tasks:
                v = self.vars[self.p.task_index[tid]]
                if isinstance(v.present, int):
                    ends.append(v.end)
                else:
                    end = m.NewIntVar(0, h, f"e'[{tid}]")
                    m.Add(end == v.end).OnlyEnforceIf(v.present)
                    m.Add(end == 0).OnlyEnforceIf(v.present.Not())
                    ends.append(end)
            c = m.NewIntVar(0, h, f"C[{view.id}]")
            m.AddMaxEquality(c, ends)
            completion[view.id] = (c, view)
        expr = 0
        for term in self.p.objective:
            expr += term.weight * self.term(term.term, completion)
        m.Minimize(expr)

    def term(self, name: str, completion: dict) -> cp_model.LinearExprT:
        m, h = self.m, self.h
        due = [(c, v) for c, v in completion.values() if v.due is not None]
        if name == "makespan":
            cmax = m.NewIntVar(0, h, "Cmax")
            m.AddMaxEquality(cmax, [v.end for v in self.vars])
            return cmax
        if name in ("total_completion_time", "total_weighted_completion_time"):
            weighted = name.startswith("total_weighted")
            return sum((v.weight if weighted else 1) * c for c, v in completion.values())
        if name in ("total_tardiness", "total_weighted_tardiness", "total_earliness", "total_weighted_earliness"):
            out = 0
            for c, v in due:
                x = m.NewIntVar(0, h + abs(v.due), f"{name}[{v.id}]")
                m.AddMaxEquality(x, [c - v.due, 0] if "tardiness" in name else [v.due - c, 0])
                weight = (v.weight if "tardiness" in name else v.early_weight) if "weighted" in name else 1
                out += weight * x
            return out
        if name == "maximum_lateness":
            lmax = m.NewIntVar(-max(abs(v.due) for _, v in due) - 1, h, "Lmax")
            m.AddMaxEquality(lmax, [c - v.due for c, v in due])
            return lmax
        if name in ("number_tardy", "weighted_number_tardy"):
            out = 0
            for c, v in due:
                late = m.NewBoolVar(f"U[{v.id}]")
                m.Add(c <= v.due).OnlyEnforceIf(late.Not())
                m.Add(c > v.due).OnlyEnforceIf(late)
                out += (v.weight if name.startswith("weighted") else 1) * late
            return out
        if name == "total_setup_time":
            return sum(getattr(self, "setup_terms", []))
        if name == "total_cost":
            out = 0
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
            built.model.AddHint(v.present, e is not None)
        if e is None:
            continue
        built.model.AddHint(v.start, e.start)
        built.model.AddHint(v.end, e.end)
        for k, lit in enumerate(v.mode_lits):
            if not isinstance(lit, int) and len(v.mode_lits) > 1:
                built.model.AddHint(lit, k == e.mode)
