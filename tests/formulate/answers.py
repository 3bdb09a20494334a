"""Canned texts and answers shared by the pipeline and CLI tests (served by `tests.llm.scripted_server`)."""

from __future__ import annotations

import copy
from typing import Any

TEXT = ("Three jobs wait for one machine. Job J1 takes 3 hours, J2 takes 2 hours and J3 takes 4 hours. "
        "Their due dates are 4, 3 and 9 hours. Minimize the total tardiness.")
OPTIMUM = 1  # J2, J1, J3: tardiness 0 + 1 + 0

CLASSIFY_OK = {"scheduling": True, "class": "single_machine", "unsupported": [], "reason": "one machine"}
CRITIC_OK = {"ok": True, "issues": []}
GOOD: dict[str, Any] = {
    "schema": "ordino/1", "time_unit": "h",
    "resources": [{"id": "M", "kind": "machine"}],
    "tasks": [
        {"id": "J1", "modes": [{"resources": ["M"], "duration": 3}], "due": 4},
        {"id": "J2", "modes": [{"resources": ["M"], "duration": 2}], "due": 3},
        {"id": "J3", "modes": [{"resources": ["M"], "duration": 4}], "due": 9},
    ],
    "objective": [{"term": "total_tardiness"}],
}


def variant(**changes: Any) -> dict[str, Any]:
    """A deep copy of GOOD with top-level keys replaced."""
    out = copy.deepcopy(GOOD)
    out.update(changes)
    return out


def dangling() -> dict[str, Any]:
    """J3 runs on a machine that is not declared."""
    out = copy.deepcopy(GOOD)
    out["tasks"][2]["modes"][0]["resources"] = ["M2"]
    return out


def infeasible() -> dict[str, Any]:
    """Every job has a hard deadline of 4 on the one machine: no schedule exists."""
    out = copy.deepcopy(GOOD)
    for task in out["tasks"]:
        task["deadline"] = 4
    return out


WRONG_OBJECTIVE = variant(objective=[{"term": "makespan"}])
CRITIC_WRONG = {"ok": False, "issues": ["the text asks to minimize the total tardiness, the model minimizes the "
                                        "makespan; use the objective term total_tardiness"]}
