"""Disjunctive big-M formulation for machine shops (flow shop, job shop, flexible job shop, general).

For every pair of tasks that may share a machine, z[i,j] = 1 orders i before j. The big-M of each pair is
the tightest the time bounds allow: i's latest end minus j's earliest start. With mode choice, the pair's
constraint on machine r is relaxed unless both tasks run on r.
"""

from __future__ import annotations

from collections import defaultdict

import pyomo.environ as pyo

from ordino.models import EndBeforeStart
from ordino.solvers.milp.core import MilpBuilder


class DisjunctiveBuilder(MilpBuilder):
    """Pairwise order binaries on each machine."""

    formulation = "disjunctive"

    def resources(self) -> None:
        p, m, b = self.p, self.m, self.b
        on: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(p.tasks):
            occupied = {rid for md in t.modes for j, rid in enumerate(md.resources)
                        if p.resource(rid).kind == "machine" and md.demand(j) > 0 and md.duration > 0}
            for r in sorted(occupied):
                on[r].append(i)
        ordered = {(p.task_index[c.first], p.task_index[c.then]) for c in p.constraints
                   if isinstance(c, EndBeforeStart) and c.min_lag >= 0}
        pairs: dict[tuple[int, int], list[str]] = defaultdict(list)
        for r, tasks in on.items():
            for a, i in enumerate(tasks):
                for j in tasks[a + 1:]:
                    if (i, j) in ordered or (j, i) in ordered:
                        continue
                    if b.earliest_start[j] >= b.latest_end[i] or b.earliest_start[i] >= b.latest_end[j]:
                        continue  # the time bounds already separate them
                    pairs[(i, j)].append(r)
        m.z = pyo.Var(list(pairs), within=pyo.Binary)
        self.var_doc("z", r"z_{ij} \in \{0,1\}", "task i precedes task j on the machine they share", len(pairs))
        before, after = [], []
        es, le = b.earliest_start, b.latest_end
        for (i, j), machines in pairs.items():
            m_ij = max(0, le[i] - es[j])
            m_ji = max(0, le[j] - es[i])
            for r in machines:
                slack = 2 - self.uses(i, r) - self.uses(j, r)
                before.append(m.S[j] >= self.end(i) - m_ij * (1 - m.z[i, j] + slack))
                after.append(m.S[i] >= self.end(j) - m_ji * (m.z[i, j] + slack))
        self.add("order_ij", before, r"S_j \ge S_i + p_i - M_{ij}(1 - z_{ij} + 2 - u_{ir} - u_{jr})",
                 "if i precedes j on machine r, j starts after i ends (M_ij = LE_i - ES_j)")
        self.add("order_ji", after, r"S_i \ge S_j + p_j - M_{ji}(z_{ij} + 2 - u_{ir} - u_{jr})",
                 "otherwise i starts after j ends")

    def resource_hint(self, starts: list[int], modes: list[int]) -> list:
        return [(self.m.z[i, j], float((starts[i], i) < (starts[j], j))) for i, j in self.m.z]
