"""What every MILP formulation shares: start variables, mode choice, the side constraints, the objective.

A formulation (positional, disjunctive, time-indexed) subclasses `MilpBuilder` and adds only its
resource constraints. Each model component is recorded with its mathematics and meaning, so the Markdown
export describes exactly the model that is solved.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

import pyomo.environ as pyo

from ordino.models import (
    DifferentResource,
    NoWait,
    ObjectiveTerm,
    Problem,
    SameResource,
    Schedule,
    Synchronize,
    TimeWindow,
)
from ordino.models.constraints import PRECEDENCE_TYPES
from ordino.solvers.milp.data import TimeBounds, job_sinks
from ordino.solvers.model_doc import Doc


@dataclass
class MilpModel:
    """A built MILP with the handles needed to solve it, read a schedule back and describe it."""

    model: pyo.ConcreteModel
    formulation: str
    problem: Problem
    bounds: TimeBounds
    builder: MilpBuilder
    sets: list[Doc] = field(default_factory=list)
    parameters: list[Doc] = field(default_factory=list)
    variables: list[Doc] = field(default_factory=list)
    constraints: list[Doc] = field(default_factory=list)
    objective: list[Doc] = field(default_factory=list)
    infeasible: str | None = None

    def read_schedule(self) -> Schedule:
        """The schedule in the loaded solution."""
        return self.builder.read()


class MilpBuilder(ABC):
    """Base of the formulations. Subclasses set `formulation` and implement `resources()`."""

    formulation = ""

    def __init__(self, problem: Problem, bounds: TimeBounds) -> None:
        self.p = problem
        self.b = bounds
        self.h = bounds.horizon
        self.m = pyo.ConcreteModel(name=problem.name or "ordino")
        self.out = MilpModel(self.m, self.formulation, problem, bounds, self)
        self.n = len(problem.tasks)
        self.pmin = [min(md.duration for md in t.modes) for t in problem.tasks]

    # --- registry of documented components ---------------------------------------------------------

    def add(self, name: str, exprs: list[Any], math: str, text: str) -> None:
        """Add an indexed constraint `name` from a list of relations (constants are checked, not added)."""
        kept = []
        for e in exprs:
            if isinstance(e, bool):
                if not e and self.out.infeasible is None:
                    self.out.infeasible = f"constraint {name} ({text}) cannot hold for the given data"
                continue
            kept.append(e)
        if not kept:
            return
        self.m.add_component(name, pyo.Constraint(range(len(kept)), rule=lambda _m, k: kept[k]))
        self.out.constraints.append(Doc(name, math, text, len(kept)))

    def var_doc(self, name: str, math: str, text: str, size: int) -> None:
        self.out.variables.append(Doc(name, math, text, size))

    # --- common variables ------------------------------------------------------------------------

    def build(self) -> MilpModel:
        """Variables, resource constraints (by the formulation), side constraints and the objective."""
        self.sets_and_parameters()
        self.variables()
        self.resources()
        self.relations()
        self.objective()
        return self.out

    def sets_and_parameters(self) -> None:
        p = self.p
        modes = sum(len(t.modes) for t in p.tasks)
        self.out.sets += [
            Doc("I", r"I = \{1,\dots," + f"{self.n}" + r"\}", "tasks", self.n),
            Doc("K_i", r"K_i", f"modes of task i ({modes} in all)", modes),
            Doc("R", r"R", "resources (" + ", ".join(f"{r.id}: {r.kind}" for r in p.resources[:8])
                + (" ..." if len(p.resources) > 8 else "") + ")", len(p.resources)),
            Doc("J", r"J", "jobs (a job completes when its last task ends)", len(p.job_views)),
        ]
        self.out.parameters += [
            Doc("p", r"p_{ik}", "duration of task i in mode k", modes),
            Doc("ES", r"ES_i", "earliest start (releases, windows, longest path over precedences)", self.n),
            Doc("LE", r"LE_i", "latest end (deadlines, windows, horizon, longest path to the end)", self.n),
            Doc("H", f"H = {self.h}", f"horizon: {self.b.source}", 1),
        ]

    def variables(self) -> None:
        m, b = self.m, self.b
        m.S = pyo.Var(range(self.n), within=pyo.NonNegativeReals,
                      bounds=lambda _m, i: (b.earliest_start[i], b.latest_end[i] - self.pmin[i]))
        self.var_doc("S", r"S_i \in [ES_i, LE_i - \min_k p_{ik}]", "start time of task i", self.n)
        # a row per task keeps every start in the solver's model, also when nothing else mentions it
        self.add("earliest_start", [m.S[i] >= b.earliest_start[i] for i in range(self.n)], r"S_i \ge ES_i",
                 "each task starts no earlier than its earliest start")
        self.multi = [(i, k) for i, t in enumerate(self.p.tasks) if len(t.modes) > 1 for k in range(len(t.modes))]
        if self.multi:
            m.y = pyo.Var(self.multi, within=pyo.Binary)
            self.var_doc("y", r"y_{ik} \in \{0,1\}", "task i runs in mode k", len(self.multi))
            tasks = sorted({i for i, _ in self.multi})
            self.add("one_mode", [sum(m.y[i, k] for k in range(len(self.p.tasks[i].modes))) == 1 for i in tasks],
                     r"\sum_{k \in K_i} y_{ik} = 1", "each task runs in exactly one mode")
            self.add("end_in_horizon", [self.end(i) <= b.latest_end[i] for i in tasks],
                     r"S_i + \sum_k p_{ik} y_{ik} \le LE_i", "a multi-mode task ends by its latest end")

    def y(self, i: int, k: int) -> Any:
        """Mode literal (the constant 1 for single-mode tasks)."""
        return self.m.y[i, k] if len(self.p.tasks[i].modes) > 1 else 1

    def duration(self, i: int) -> Any:
        modes = self.p.tasks[i].modes
        if len(modes) == 1:
            return modes[0].duration
        return sum(md.duration * self.m.y[i, k] for k, md in enumerate(modes))

    def end(self, i: int) -> Any:
        return self.m.S[i] + self.duration(i)

    def finish(self, i: int, k: int, start: int) -> int:
        """When task i ends if it starts at `start` in mode k."""
        return start + self.p.tasks[i].modes[k].duration

    def uses(self, i: int, resource_id: str) -> Any:
        """1 (or the mode literals' sum) when task i runs on the resource."""
        return sum(self.y(i, k) for k, md in enumerate(self.p.tasks[i].modes) if resource_id in md.resources)

    @abstractmethod
    def resources(self) -> None:
        """The resource constraints: what distinguishes one formulation from another."""

    # --- side constraints -------------------------------------------------------------------------

    def relations(self) -> None:
        p, idx = self.p, self.p.task_index
        lo, hi, nowait, sync, window, same, diff = [], [], [], [], [], [], []
        for c in p.constraints:
            if isinstance(c, PRECEDENCE_TYPES):
                a, b = idx[c.first], idx[c.then]
                side_a, side_b = c.anchors()
                ta = self.m.S[a] if side_a == "start" else self.end(a)
                tb = self.m.S[b] if side_b == "start" else self.end(b)
                lo.append(tb >= ta + c.min_lag)
                if c.max_lag is not None:
                    hi.append(tb <= ta + c.max_lag)
            elif isinstance(c, NoWait):
                nowait += [self.m.S[idx[y]] == self.end(idx[x]) for x, y in zip(c.tasks, c.tasks[1:], strict=False)]
            elif isinstance(c, Synchronize):
                sync += [self.m.S[idx[y]] == self.m.S[idx[x]] for x, y in zip(c.tasks, c.tasks[1:], strict=False)]
            elif isinstance(c, TimeWindow):
                i = idx[c.task]
                for var, low, high in ((self.m.S[i], c.start_min, c.start_max), (self.end(i), c.end_min, c.end_max)):
                    if low is not None:
                        window.append(var >= low)
                    if high is not None:
                        window.append(var <= high)
            elif isinstance(c, SameResource | DifferentResource):
                for r in p.resources:
                    if r.kind != "machine":
                        continue
                    use = [self.uses(idx[t], r.id) for t in c.tasks]
                    if isinstance(c, SameResource):
                        same += [u == use[0] for u in use[1:]]
                    else:
                        diff.append(sum(use) <= 1)
        self.add("precedence", lo, r"T^b_j \ge T^a_i + \ell^{\min}_{ij}",
                 "precedence with minimum lag (T is the start S or the end S + p, by the constraint's type)")
        self.add("max_lag", hi, r"T^b_j \le T^a_i + \ell^{\max}_{ij}", "precedence maximum lag")
        self.add("no_wait", nowait, r"S_j = S_i + p_i", "no-wait: each task starts when the previous ends")
        self.add("synchronize", sync, r"S_j = S_i", "synchronized starts")
        self.add("time_window", window, r"a \le S_i \le b,\ a' \le S_i + p_i \le b'", "time windows")
        self.add("same_resource", same, r"u_{ir} = u_{jr}", "tasks share their machines (u = mode literals)")
        self.add("different_resource", diff, r"\sum_{i} u_{ir} \le 1", "no two tasks share a machine")
        budgets = []
        for r in p.resources:
            if r.kind == "consumable":
                use = [md.demand(j) * self.y(i, k) for i, t in enumerate(p.tasks) for k, md in enumerate(t.modes)
                       for j, rid in enumerate(md.resources) if rid == r.id]
                budgets.append(sum(use) <= r.capacity)
        self.add("consumable", budgets, r"\sum_{i,k} d_{ikr} y_{ik} \le B_r", "consumable budgets")

    # --- objective --------------------------------------------------------------------------------

    def completions(self) -> dict[str, Any]:
        """Per job its completion: the end of its last task, or a variable above all its task ends."""
        m, sinks = self.m, job_sinks(self.p)
        views = self.p.job_views
        loose = [v for v in views if sinks[v.id] is None]
        out: dict[str, Any] = {}
        if loose:
            m.C = pyo.Var([v.id for v in loose], within=pyo.NonNegativeReals, bounds=(0, self.h))
            self.var_doc("C", r"C_j \ge 0", "completion time of a job with several last tasks", len(loose))
            self.add("completion", [m.C[v.id] >= self.end(self.p.task_index[t]) for v in loose for t in v.tasks],
                     r"C_j \ge S_i + p_i \quad \forall i \in j", "a job completes after each of its tasks")
            out.update({v.id: m.C[v.id] for v in loose})
        for v in views:
            if (sink := sinks[v.id]) is not None:
                out[v.id] = self.end(self.p.task_index[sink])
        return out

    def objective(self) -> None:
        comp = self.completions()
        expr: Any = 0
        for k, term in enumerate(self.p.objective):
            expr += term.weight * (self.span(k, term) if term.term == "span" else self.term(term.term, comp))
        self.m.obj = pyo.Objective(expr=expr, sense=pyo.minimize)
        self.out.objective.append(Doc("obj", r"\min " + " + ".join(
            (f"{t.weight}\\," if t.weight != 1 else "") + _TERM_MATH[t.term] for t in self.p.objective),
            " + ".join(f"{t.weight} x {t.key}" if t.weight != 1 else t.key for t in self.p.objective)))

    def span(self, k: int, term: ObjectiveTerm) -> Any:
        """Span variable D >= 0 with D >= C_b - O for every `end_of` task b, O <= S_a for every `start_of` task a
        (minimised, so O is the earliest start and D the span)."""
        m, idx = self.m, self.p.task_index
        if not hasattr(m, "O"):
            spans = [j for j, t in enumerate(self.p.objective) if t.term == "span"]
            m.O = pyo.Var(spans, within=pyo.NonNegativeReals, bounds=(0, self.h))
            m.D = pyo.Var(spans, within=pyo.NonNegativeReals, bounds=(0, self.h))
            self.var_doc("O", r"O_k", "opening time of span term k", len(spans))
            self.var_doc("D", r"D_k \ge 0", "length of span term k", len(spans))
        self.add(f"span_open_{k}", [m.O[k] <= m.S[idx[t]] for t in term.start_of or []],
                 r"O_k \le S_a \quad \forall a \in \text{start\_of}_k", "a span opens by its first start")
        self.add(f"span_close_{k}", [m.D[k] >= self.end(idx[t]) - m.O[k] for t in term.end_of or []],
                 r"D_k \ge C_b - O_k \quad \forall b \in \text{end\_of}_k", "a span lasts to its last end")
        return m.D[k]

    def term(self, name: str, comp: dict[str, Any]) -> Any:
        m, h = self.m, self.h
        views = self.p.job_views
        due = [(v, v.due) for v in views if v.due is not None]
        weighted = "weighted" in name
        if name == "makespan":
            m.Cmax = pyo.Var(within=pyo.NonNegativeReals, bounds=(0, h))
            self.var_doc("Cmax", r"C_{\max}", "makespan", 1)
            self.add("makespan", [m.Cmax >= comp[v.id] for v in views], r"C_{\max} \ge C_j", "makespan bound")
            return m.Cmax
        if name in ("total_completion_time", "total_weighted_completion_time"):
            return sum((v.weight if weighted else 1) * comp[v.id] for v in views)
        if name in ("total_flow_time", "total_weighted_flow_time"):
            return sum((v.weight if weighted else 1) * (comp[v.id] - v.release) for v in views)
        if name in ("total_tardiness", "total_weighted_tardiness"):
            if not hasattr(m, "T"):
                m.T = pyo.Var([v.id for v, _ in due], within=pyo.NonNegativeReals)
                self.var_doc("T", r"T_j \ge 0", "tardiness of job j", len(due))
                self.add("tardiness", [m.T[v.id] >= comp[v.id] - d for v, d in due], r"T_j \ge C_j - d_j",
                         "tardiness is at least the lateness")
            return sum((v.weight if weighted else 1) * m.T[v.id] for v, _ in due)
        if name in ("total_earliness", "total_weighted_earliness"):
            if not hasattr(m, "E"):
                m.E = pyo.Var([v.id for v, _ in due], within=pyo.NonNegativeReals)
                self.var_doc("E", r"E_j \ge 0", "earliness of job j", len(due))
                self.add("earliness", [m.E[v.id] >= d - comp[v.id] for v, d in due], r"E_j \ge d_j - C_j",
                         "earliness is at least the time left to the due date")
            return sum((v.early_weight if weighted else 1) * m.E[v.id] for v, _ in due)
        if name == "maximum_lateness":
            spread = max(abs(d) for _, d in due) + 1
            m.Lmax = pyo.Var(within=pyo.Reals, bounds=(-spread, h + spread))
            self.var_doc("Lmax", r"L_{\max}", "maximum lateness", 1)
            self.add("lateness", [m.Lmax >= comp[v.id] - d for v, d in due], r"L_{\max} \ge C_j - d_j",
                     "maximum lateness bound")
            return m.Lmax
        if name == "maximum_tardiness":
            m.Tmax = pyo.Var(within=pyo.NonNegativeReals, bounds=(0, h + max(abs(d) for _, d in due) + 1))
            self.var_doc("Tmax", r"T_{\max} \ge 0", "maximum tardiness", 1)
            self.add("tardiness bound", [m.Tmax >= comp[v.id] - d for v, d in due], r"T_{\max} \ge C_j - d_j",
                     "maximum tardiness bound")
            return m.Tmax
        if name in ("number_tardy", "weighted_number_tardy"):
            if not hasattr(m, "U"):
                m.U = pyo.Var([v.id for v, _ in due], within=pyo.Binary)
                self.var_doc("U", r"U_j \in \{0,1\}", "job j is tardy", len(due))
                self.add("tardy", [comp[v.id] - d <= max(0, h - d) * m.U[v.id] for v, d in due],
                         r"C_j - d_j \le (H - d_j)\, U_j", "a job ending after its due date is tardy")
            return sum((v.weight if weighted else 1) * m.U[v.id] for v, _ in due)
        if name == "total_cost":
            return sum(md.cost * self.y(i, k) for i, t in enumerate(self.p.tasks) for k, md in enumerate(t.modes)
                       if md.cost)
        if name == "total_setup_time":
            return 0  # the MILP route accepts no setups, so none are incurred
        raise ValueError(f"unknown objective term {name!r}")

    # --- warm start --------------------------------------------------------------------------------

    def hint(self, starts: list[int], modes: list[int]) -> list[tuple[Any, float]]:
        """Values of the integer variables for a known schedule (HiGHS completes the continuous ones)."""
        m = self.m
        out: list[tuple[Any, float]] = [(m.y[i, k], float(modes[i] == k)) for i, k in self.multi]
        if hasattr(m, "U"):
            ends = [self.finish(i, modes[i], starts[i]) for i in range(self.n)]
            for v in self.p.job_views:
                if v.due is not None:
                    done = max(ends[self.p.task_index[t]] for t in v.tasks)
                    out.append((m.U[v.id], float(done > v.due)))
        return out + self.resource_hint(starts, modes)

    def resource_hint(self, starts: list[int], modes: list[int]) -> list[tuple[Any, float]]:
        return []

    # --- reading a solution -----------------------------------------------------------------------

    def mode_of(self, i: int) -> int:
        if len(self.p.tasks[i].modes) == 1:
            return 0
        values = [pyo.value(self.m.y[i, k]) for k in range(len(self.p.tasks[i].modes))]
        return max(range(len(values)), key=values.__getitem__)

    def start_of(self, i: int) -> int:
        return round(pyo.value(self.m.S[i]))

    def read(self) -> Schedule:
        rows = []
        for i, t in enumerate(self.p.tasks):
            k = self.mode_of(i)
            s = self.start_of(i)
            rows.append((t.id, k, s, self.finish(i, k, s)))
        return Schedule.of(rows)


_TERM_MATH = {
    "makespan": r"C_{\max}",
    "total_completion_time": r"\sum_j C_j",
    "total_weighted_completion_time": r"\sum_j w_j C_j",
    "total_flow_time": r"\sum_j (C_j - r_j)",
    "total_weighted_flow_time": r"\sum_j w_j (C_j - r_j)",
    "total_tardiness": r"\sum_j T_j",
    "total_weighted_tardiness": r"\sum_j w_j T_j",
    "maximum_lateness": r"L_{\max}",
    "maximum_tardiness": r"T_{\max}",
    "number_tardy": r"\sum_j U_j",
    "weighted_number_tardy": r"\sum_j w_j U_j",
    "total_earliness": r"\sum_j E_j",
    "total_weighted_earliness": r"\sum_j w_j E_j",
    "total_setup_time": "0",
    "total_cost": r"\sum_{i,k} c_{ik} y_{ik}",
    "span": r"D_k",
}
