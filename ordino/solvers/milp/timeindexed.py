"""Time-indexed (pulse) formulation for renewable resources, machines and unavailable periods.

x[i,k,t] = 1 starts task i in mode k at time t. Start times run over [ES_i, LE_i - p_ik], skipping those
that would overlap a down period of a resource the mode uses. At each time unit, the demand of the tasks
running on a resource stays within its capacity (machines have capacity 1). A resumable task pauses over the
down periods instead: its starts skip only those inside one, each start has its own end (`downtime.resumed_end`),
and it holds its resources over the whole span.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyomo.environ as pyo

from ordino.models.downtime import pauses, resumed_end
from ordino.solvers.milp.core import MilpBuilder


class TimeIndexedBuilder(MilpBuilder):
    """Pulse variables per task, mode and start time."""

    formulation = "time_indexed"

    def finish(self, i: int, k: int, start: int) -> int:
        return resumed_end(start, self.p.tasks[i].modes[k].duration, pauses(self.p, i, k))

    def duration(self, i: int) -> Any:
        """A resumable task's span depends on its start: the sum over its pulses (once they exist; before, the
        plain duration, a weaker bound)."""
        if not self.p.tasks[i].resumable or not hasattr(self.m, "x"):
            return super().duration(i)
        return sum((self.finish(i, k, t) - t) * self.m.x[i, k, t] for k, t in self.by_task[i])

    def start_times(self, i: int, k: int) -> range | list[int]:
        md = self.p.tasks[i].modes[k]
        first, last = self.b.earliest_start[i], self.b.latest_end[i] - md.duration
        times = range(first, last + 1)
        breaks = pauses(self.p, i, k)
        if breaks:
            return [t for t in times if not any(a <= t < c for a, c in breaks)
                    and self.finish(i, k, t) <= self.b.latest_end[i]]
        down = [(a, c) for j, rid in enumerate(md.resources) if md.demand(j)
                and self.p.resource(rid).kind != "consumable" for a, c in self.p.down_times(rid)]
        if not down:
            return times
        if md.duration == 0:  # an instant may not fall strictly inside a down period
            return [t for t in times if not any(a < t < c for a, c in down)]
        return [t for t in times if not any(t < c and a < t + md.duration for a, c in down)]

    def resources(self) -> None:
        p, m = self.p, self.m
        index = [(i, k, t) for i, task in enumerate(p.tasks) for k in range(len(task.modes))
                 for t in self.start_times(i, k)]
        m.x = pyo.Var(index, within=pyo.Binary)
        self.var_doc("x", r"x_{ikt} \in \{0,1\}", "task i starts at time t in mode k", len(index))
        by_task: dict[int, list] = defaultdict(list)
        for i, k, t in index:
            by_task[i].append((k, t))
        self.by_task = by_task
        missing = [p.tasks[i].id for i in range(self.n) if not by_task[i]]
        if missing:
            self.out.infeasible = f"task {missing[0]!r} has no start time that fits its window and down periods"
        self.add("one_start", [sum(m.x[i, k, t] for k, t in by_task[i]) == 1 for i in range(self.n) if by_task[i]],
                 r"\sum_{k,t} x_{ikt} = 1", "each task starts exactly once")
        self.add("start_def", [m.S[i] == sum(t * m.x[i, k, t] for k, t in by_task[i]) for i in range(self.n)
                               if by_task[i]],
                 r"S_i = \sum_{k,t} t\, x_{ikt}", "the start time is the chosen pulse")
        self.add("mode_link", [m.y[i, k] == sum(m.x[i, q, t] for q, t in by_task[i] if q == k) for i, k in self.multi],
                 r"y_{ik} = \sum_t x_{ikt}", "the chosen pulse fixes the mode")
        running: dict[tuple[str, int], list] = defaultdict(list)
        for i, k, t in index:
            md = p.tasks[i].modes[k]
            for j, rid in enumerate(md.resources):
                d = md.demand(j)
                if d and p.resource(rid).kind != "consumable":
                    for u in range(t, self.finish(i, k, t)):
                        running[(rid, u)].append((i, d, m.x[i, k, t]))
        caps = []
        for (rid, _u), terms in running.items():
            peak: dict[int, int] = {}
            for i, d, _ in terms:
                peak[i] = max(peak.get(i, 0), d)
            if sum(peak.values()) > p.resource(rid).capacity:
                caps.append(sum(d * x for _, d, x in terms) <= p.resource(rid).capacity)
        self.add("capacity", caps, r"\sum_{i,k} d_{ikr} \sum_{t' = t - p_{ik} + 1}^{t} x_{ikt'} \le Q_r",
                 "at each time t the running demand on resource r stays within its capacity")

    def resource_hint(self, starts: list[int], modes: list[int]) -> list:
        return [(self.m.x[i, k, t], float(modes[i] == k and starts[i] == t)) for i, k, t in self.m.x]
