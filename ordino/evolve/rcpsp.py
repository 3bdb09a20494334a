"""RCPSP adapter: a candidate is a priority rule over activity features, scored through the serial SGS.

The candidate scores every activity once in the sandbox (a static priority list, lowest first, ties by
index); here, in the parent, the project package's `ordino.heuristics.project.sgs.serial_sgs` turns the list
into a schedule. Score = mean gap of the makespan to the best known value of the set's label file (j30:
proven optima).

Sets: ``psplib-j30``, ``psplib-j60`` (``:train`` / ``:test`` alternate within each parameter group of 10).
"""

from __future__ import annotations

import numpy as np

from ordino.datasets import load_suite
from ordino.errors import InputError
from ordino.evolve.adapter_base import ClassicRulesAdapter
from ordino.evolve.data import EvalInstance, in_split, spec_parts
from ordino.evolve.gp import Tree
from ordino.heuristics.project.data import ProjectData, project_from_problem
from ordino.heuristics.project.sgs import critical_path_times, priority_values

__all__ = ["RcpspAdapter", "RCPSP_ARGS", "rcpsp_features"]

RCPSP_ARGS: tuple[str, ...] = ("duration", "es", "ls", "n_succ", "n_desc", "work_succ", "demand", "horizon")

RCPSP_DESCRIPTION = """\
Resource-constrained project scheduling (single mode), minimise the makespan. A candidate is a priority
rule: every activity gets one score, and the serial schedule generation scheme repeatedly starts the
eligible activity (all predecessors scheduled) with the LOWEST score as early as precedences and resource
capacities allow. Arguments are numpy float arrays with one entry per activity: duration, es / ls (earliest
and latest start from the critical path), n_succ (immediate successors), n_desc (all descendants),
work_succ (duration plus the durations of the immediate successors), demand (resource demand relative to
capacity, summed over resources), horizon (critical path length, the same for all). Return an array of the
same length of finite floats. Only numpy (as np) and math may be imported; no files, no I/O, no try/except."""

_SEEDS: dict[str, Tree] = {
    "lft": ["add", ["ls"], ["duration"]],
    "lst": ["ls"],
    "mslk": ["sub", ["ls"], ["es"]],
    "mts": ["neg", ["n_desc"]],
    "grpw": ["neg", ["work_succ"]],
    "spt": ["duration"],
}


class RcpspAdapter(ClassicRulesAdapter):
    """Priority rules for the serial SGS on PSPLIB instances."""

    name = "rcpsp"
    entry = "priority"
    kind = "rcpsp"
    signature = f"def priority({', '.join(RCPSP_ARGS)}):"
    description = RCPSP_DESCRIPTION
    goal = "A shorter makespan is better."
    gp_args = RCPSP_ARGS
    gp_derived = {"slack": "ls - es"}
    gp_doc = "Evolved priority rule for the serial SGS: the eligible activity with the lowest score goes first."
    classic_rules = _SEEDS  # LFT, LST, MSLK, MTS, GRPW and SPT
    classic_doc = "Classic priority rule."
    default_train = "psplib-j30:train"
    default_test = "psplib-j30:test"

    def load(self, spec: str) -> list[EvalInstance]:
        """Instances of ``psplib-j30`` / ``psplib-j60`` with an optional ``:train`` / ``:test`` split."""
        out: list[EvalInstance] = []
        for name, split in spec_parts(spec):
            if name not in ("psplib-j30", "psplib-j60"):
                raise InputError(f"unknown RCPSP set {name!r}; use psplib-j30 or psplib-j60")
            for k, inst in enumerate(load_suite(name)):
                if inst.best_known is None or not in_split(k, split):
                    continue
                extra = rcpsp_payload(project_from_problem(inst.problem))
                group = inst.name.split("_")[0]  # j301 .. j3048: the parameter group
                out.append(EvalInstance(f"{name}#{inst.name}", group, [], [], None, float(inst.best_known), extra))
        if not out:
            raise InputError(f"set spec {spec!r} selects no RCPSP instance with a best known value")
        return out


def rcpsp_payload(data: ProjectData) -> dict:
    """What a candidate rule reads of one project: its arrays, size and the features of `rcpsp_features`."""
    return {"duration": data.duration.tolist(), "demand": data.demand.tolist(), "capacity": data.capacity.tolist(),
            "successors": data.succs, "size": data.n, "features": rcpsp_features(data)}


def rcpsp_features(data: ProjectData) -> list[list[float]]:
    """The candidate's arguments, in `RCPSP_ARGS` order, computed here so the sandbox needs no ordino code."""
    es, ls, length = critical_path_times(data)
    cap = np.maximum(data.capacity.astype(float), 1.0)
    demand = (data.demand / cap).sum(axis=1) if data.demand.size else np.zeros(data.n)
    feats = (data.duration.astype(float), es.astype(float), ls.astype(float),
             np.array([len(s) for s in data.succs], dtype=float), -priority_values(data, "MTS"),
             -priority_values(data, "GRPW"), demand, np.full(data.n, float(length)))
    return [np.asarray(f, dtype=float).tolist() for f in feats]
