"""Objectives: a weighted sum of terms, minimised."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from ordino.models.base import Id, OntologyModel, PosInt
from ordino.models.schedule import ScheduledTask

TermName = Literal[
    "makespan",
    "total_completion_time",
    "total_weighted_completion_time",
    "total_flow_time",
    "total_weighted_flow_time",
    "total_tardiness",
    "total_weighted_tardiness",
    "maximum_lateness",
    "maximum_tardiness",
    "number_tardy",
    "weighted_number_tardy",
    "total_earliness",
    "total_weighted_earliness",
    "total_setup_time",
    "total_cost",
    "span",
    "deviation",
]

TERM_DEFINITIONS: dict[str, str] = {
    "makespan": "the time the last task ends",
    "total_completion_time": "sum over jobs of the completion time C_j (end of the job's last task)",
    "total_weighted_completion_time": "sum over jobs of w_j * C_j",
    "total_flow_time": "sum over jobs of the flow time F_j = C_j - r_j (completion minus the job's release: the "
                       "time it spends in the shop; r_j is a declared job's own `release`, a lone task's own)",
    "total_weighted_flow_time": "sum over jobs of w_j * (C_j - r_j)",
    "total_tardiness": "sum over jobs of T_j = max(0, C_j - due_j)",
    "total_weighted_tardiness": "sum over jobs of w_j * T_j",
    "maximum_lateness": "max over jobs with a due date of L_j = C_j - due_j",
    "maximum_tardiness": "max over jobs with a due date of T_j = max(0, C_j - due_j): 0 when every job is on time",
    "number_tardy": "number of jobs with C_j > due_j",
    "weighted_number_tardy": "sum of w_j over jobs with C_j > due_j",
    "total_earliness": "sum over jobs of E_j = max(0, due_j - C_j)",
    "total_weighted_earliness": "sum over jobs of e_j * E_j, e_j the job's earliness_weight (else its weight)",
    "total_setup_time": "sum of the setup times incurred between consecutive tasks on each machine",
    "total_cost": "sum of chosen mode costs plus absence penalties of optional tasks left out",
    "span": "max(0, latest end among the term's `end_of` tasks - earliest start among its `start_of` tasks), "
            "counting performed tasks only; the weight is the cost per time unit (e.g. rent of equipment "
            "from the start of one task to the end of another)",
    "deviation": "sum over the term's `baseline` entries of the performed tasks: 1 if the task starts at another "
                 "time or runs in another mode than in the baseline, plus |start - baseline start| (how many "
                 "tasks a new plan moves, and how far; used by rescheduling to keep a plan stable)",
}

TIME_TERMS = frozenset({"makespan", "total_completion_time", "total_flow_time", "total_tardiness", "maximum_lateness",
                        "maximum_tardiness", "total_earliness", "total_setup_time"})
"""Terms whose value is a time (or a sum of times) in the problem's `time_unit`."""

DUE_DATE_TERMS = frozenset(
    {"total_tardiness", "total_weighted_tardiness", "maximum_lateness", "maximum_tardiness", "number_tardy",
     "weighted_number_tardy", "total_earliness", "total_weighted_earliness"}
)


class ObjectiveTerm(OntologyModel):
    """One term of the objective, `weight` times a named measure (see TERM_DEFINITIONS); minimised.

    A `span` term also names its tasks: `start_of` (the span opens at the earliest start among them) and
    `end_of` (it closes at the latest end among them); its weight is the cost per time unit. Example: a crane
    rented at 5 per hour from the start of `lift` to the end of `fit` is
    `{"term": "span", "weight": 5, "start_of": ["lift"], "end_of": ["fit"]}`."""

    term: TermName
    weight: PosInt = 1
    start_of: list[Id] | None = None
    """`span` only: the span opens at the earliest start among these tasks."""
    end_of: list[Id] | None = None
    """`span` only: the span closes at the latest end among these tasks."""
    baseline: list[ScheduledTask] | None = None
    """`deviation` only: the plan to stay close to (each task's start and mode; its end is not used)."""

    @model_validator(mode="after")
    def _span_fields(self) -> ObjectiveTerm:
        if self.term == "span" and not (self.start_of and self.end_of):
            raise ValueError("objective term 'span' needs 'start_of' and 'end_of', each a non-empty list of task "
                             "ids (the span runs from the earliest start of the first to the latest end of the "
                             "second)")
        if self.term != "span" and (self.start_of is not None or self.end_of is not None):
            raise ValueError(f"objective term {self.term!r} takes no 'start_of' or 'end_of' (only 'span' does)")
        if (self.term == "deviation") != (self.baseline is not None):
            raise ValueError("objective term 'deviation' needs a 'baseline' (a list of schedule entries: task, "
                             "mode, start, end), and only it takes one")
        if self.baseline is not None and len({e.task for e in self.baseline}) != len(self.baseline):
            raise ValueError("objective term 'deviation': a task is listed twice in its baseline")
        return self

    @property
    def key(self) -> str:
        """The term's name, for a span with its tasks: `span(A..B)`; names its value in a Verification."""
        if self.term != "span":
            return self.term
        return f"span({','.join(self.start_of or [])}..{','.join(self.end_of or [])})"

    @property
    def tasks(self) -> list[str]:
        """The tasks the term names (a span's `start_of` and `end_of`, a deviation's baseline; none for the
        other terms)."""
        return [*(self.start_of or []), *(self.end_of or []), *(e.task for e in self.baseline or [])]
