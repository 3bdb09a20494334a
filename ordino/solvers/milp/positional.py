"""Positional (assignment) formulation for single and parallel machines.

Each machine has as many positions as tasks that may run on it; x[i,k,q] = 1 puts task i, in mode k (which
names its machine), at position q of that machine. Position q starts at g[r,q], after the previous position's
task ends; big-M links the task's start to the start of the position it takes.
"""

from __future__ import annotations

from collections import defaultdict

import pyomo.environ as pyo

from ordino.solvers.milp.core import MilpBuilder


class PositionalBuilder(MilpBuilder):
    """Assignment of tasks to machine positions (every mode uses exactly one machine)."""

    formulation = "positional"

    def resources(self) -> None:
        p, m, h = self.p, self.m, self.h
        slots: dict[str, list[tuple[int, int]]] = defaultdict(list)  # machine -> (task, mode)
        for i, t in enumerate(p.tasks):
            for k, md in enumerate(t.modes):
                slots[md.resources[0]].append((i, k))
        positions = {r: len({i for i, _ in uses}) for r, uses in slots.items()}
        index = [(i, k, q) for r, uses in slots.items() for i, k in uses for q in range(positions[r])]
        gidx = [(r, q) for r in slots for q in range(positions[r])]
        m.x = pyo.Var(index, within=pyo.Binary)
        m.g = pyo.Var(gidx, within=pyo.NonNegativeReals, bounds=(0, h))
        self.var_doc("x", r"x_{ikq} \in \{0,1\}", "task i in mode k takes position q on the mode's machine",
                     len(index))
        self.var_doc("g", r"g_{rq} \ge 0", "start time of position q on machine r", len(gidx))
        by_task: dict[int, list] = defaultdict(list)
        for i, k, q in index:
            by_task[i].append((k, q))
        self.add("assign", [sum(m.x[i, k, q] for k, q in by_task[i]) == 1 for i in range(self.n)],
                 r"\sum_{k,q} x_{ikq} = 1", "each task takes exactly one position")
        self.add("mode_link", [m.y[i, k] == sum(m.x[i, k, q] for q in range(positions[p.tasks[i].modes[k]
                                                                                       .resources[0]]))
                               for i, k in self.multi],
                 r"y_{ik} = \sum_q x_{ikq}", "the chosen position fixes the mode")

        def load(r: str, q: int):
            return sum(m.x[i, k, q] for i, k in slots[r])

        self.add("slot", [load(r, q) <= 1 for r, q in gidx], r"\sum_{(i,k) \to r} x_{ikq} \le 1",
                 "a position holds at most one task")
        self.add("fill", [load(r, q) <= load(r, q - 1) for r, q in gidx if q > 0],
                 r"\sum x_{ik,q} \le \sum x_{ik,q-1}", "positions are filled from the first on")
        self.add("sequence", [m.g[r, q] >= m.g[r, q - 1] + sum(p.tasks[i].modes[k].duration * m.x[i, k, q - 1]
                                                                  for i, k in slots[r])
                              for r, q in gidx if q > 0],
                 r"g_{rq} \ge g_{r,q-1} + \sum_{i,k} p_{ik} x_{ik,q-1}", "a position starts after the previous ends")
        self.slots = slots
        releases = [self.b.earliest_start[i] for i in range(self.n)]
        if any(releases):
            self.add("release", [m.g[r, q] >= sum(releases[i] * m.x[i, k, q] for i, k in slots[r] if releases[i])
                                 for r, q in gidx],
                     r"g_{rq} \ge \sum_{i,k} ES_i\, x_{ikq}", "a position starts after its task's release")
        big = {i: self.b.latest_end[i] for i in range(self.n)}
        link_lo = []
        link_hi = []
        for i, k, q in index:
            r = p.tasks[i].modes[k].resources[0]
            link_lo.append(m.S[i] >= m.g[r, q] - h * (1 - m.x[i, k, q]))
            link_hi.append(m.S[i] <= m.g[r, q] + big[i] * (1 - m.x[i, k, q]))
        self.add("start_lo", link_lo, r"S_i \ge g_{rq} - H(1 - x_{ikq})", "a task starts no earlier than its position")
        self.add("start_hi", link_hi, r"S_i \le g_{rq} + LE_i(1 - x_{ikq})", "a task starts no later than its position")

    def resource_hint(self, starts: list[int], modes: list[int]) -> list:
        on: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(self.p.tasks):
            on[t.modes[modes[i]].resources[0]].append(i)
        hint = {key: 0.0 for key in self.m.x}
        for tasks in on.values():
            for q, i in enumerate(sorted(tasks, key=lambda i: (starts[i], i))):
                hint[(i, modes[i], q)] = 1.0
        return [(self.m.x[key], value) for key, value in hint.items()]
