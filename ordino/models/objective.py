"""Objectives: a weighted sum of terms, minimised."""

from __future__ import annotations

from typing import Literal

from ordino.models.base import OntologyModel, PosInt

TermName = Literal[
    "makespan",
    "total_completion_time",
    "total_weighted_completion_time",
    "total_tardiness",
    "total_weighted_tardiness",
    "maximum_lateness",
    "number_tardy",
    "weighted_number_tardy",
    "total_earliness",
    "total_weighted_earliness",
    "total_setup_time",
    "total_cost",
]

TERM_DEFINITIONS: dict[str, str] = {
    "makespan": "the time the last task ends",
    "total_completion_time": "sum over jobs of the completion time C_j (end of the job's last task)",
    "total_weighted_completion_time": "sum over jobs of w_j * C_j",
    "total_tardiness": "sum over jobs of T_j = max(0, C_j - due_j)",
    "total_weighted_tardiness": "sum over jobs of w_j * T_j",
    "maximum_lateness": "max over jobs with a due date of L_j = C_j - due_j",
    "number_tardy": "number of jobs with C_j > due_j",
    "weighted_number_tardy": "sum of w_j over jobs with C_j > due_j",
    "total_earliness": "sum over jobs of E_j = max(0, due_j - C_j)",
    "total_weighted_earliness": "sum over jobs of e_j * E_j, e_j the job's earliness_weight (else its weight)",
    "total_setup_time": "sum of the setup times incurred between consecutive tasks on each machine",
    "total_cost": "sum of chosen mode costs plus absence penalties of optional tasks left out",
}

DUE_DATE_TERMS = frozenset(
    {"total_tardiness", "total_weighted_tardiness", "maximum_lateness", "number_tardy",
     "weighted_number_tardy", "total_earliness", "total_weighted_earliness"}
)


class ObjectiveTerm(OntologyModel):
    """One term of the objective, `weight` times a named measure (see TERM_DEFINITIONS); minimised."""

    term: TermName
    weight: PosInt = 1
