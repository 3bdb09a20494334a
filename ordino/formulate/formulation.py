"""What `formulate` returns, and the steps both engines (LLM and offline) share: solving the formulated model,
reading its conflicts, attaching the partial result to an error, and writing the model as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ordino.errors import OrdinoError
from ordino.formulate.check import text_units
from ordino.formulate.offline.units import SECONDS, UNIT_WORDS
from ordino.formulate.sources import Source
from ordino.llm.client import scrub
from ordino.models import BaseResult, Model, Problem, family_of
from ordino.models.families import SCHEDULING
from ordino.models.objective import TIME_TERMS
from ordino.solve import solve

E = TypeVar("E", bound=OrdinoError)

SOLUTION_JSON: dict[str, Callable[[Any], Any]] = {
    "scheduling": lambda schedule: schedule.model_dump(),
    "assignment": lambda roster: roster.model_dump(),
    "linear": lambda solution: solution.values,
}
"""How the `--json` document shows the solution of each family (under the family's solution field)."""


class Formulation(BaseModel):
    """What `formulate` produced: the model, the solve result, and how it got there.

    `problem` is a scheduling Problem, a RosterProblem or a LinearModel (`family` says which); `result` the
    verified result of that family. `status` is the solve status (optimal, feasible, infeasible, unknown,
    error), `formulated` when not solved, `needs_input` when data is missing (`questions` lists what to answer),
    `unsupported` when a part cannot be expressed (`error` names it), `disputed` when the critic objects to a
    model it was shown unchanged (model and result kept), or `failed`. `assumptions` lists every value the
    model chose itself, with its reason; `sources` the words of the description each part was read from.
    `transcript` holds every stage of every round; `usage` the LLM tokens.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    status: str
    engine: Literal["llm", "offline"]
    rounds: int = 0
    problem: Model | None = None
    result: BaseResult | None = None
    transcript: list[dict[str, Any]] = Field(default_factory=list)
    questions: list[Any] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    error: str | None = None
    warnings: list[str] = Field(default_factory=list)
    usage: dict[str, int | float] = Field(default_factory=dict)
    problem_class: str | None = None
    objective_units: str | None = None
    """The objective in the other time units the description speaks of, e.g. `846 min = 14.1 h`, when the
    objective is a time (unweighted time terms) and the model counts time in a unit the text did not ask in."""

    @property
    def objective(self) -> int | float | None:
        """The verified objective of the schedule, roster or linear solution, when solved."""
        return self.result.objective if self.result is not None else None

    @property
    def family(self) -> str | None:
        """scheduling, assignment or linear (None without a model)."""
        return family_of(self.problem).name if self.problem is not None else None

    def to_json(self) -> dict[str, Any]:
        """The stable `--json` document (DESIGN.md) plus extra keys (`family`, `roster`, `solution`), scrubbed of
        secrets."""
        doc: dict[str, Any] = {
            "status": self.status, "engine": self.engine, "rounds": self.rounds, "objective": self.objective,
            "problem": model_json(self.problem) if self.problem is not None else None,
            "questions": [q.model_dump() if isinstance(q, BaseModel) else q for q in self.questions],
            "assumptions": self.assumptions, "sources": [s.model_dump() for s in self.sources],
            "objective_units": self.objective_units,
            "error": self.error, "warnings": self.warnings, "usage": self.usage, "class": self.problem_class,
            "family": self.family, "schedule": None, "roster": None, "solution": None,
        }
        if self.problem is not None and self.result is not None:
            family = family_of(self.problem)
            solution = family.solution_of(self.result)
            if solution is not None:
                doc[family.solution_field] = SOLUTION_JSON[family.name](solution)
        return scrub(doc)

    def transcript_json(self, secret: str | None = None) -> str:
        """The transcript as JSON text, scrubbed of `secret` and every registered secret."""
        doc = {"engine": self.engine, "status": self.status, "rounds": self.rounds, "error": self.error,
               "usage": self.usage, "transcript": self.transcript}
        return scrub(json.dumps(scrub(doc, secret), indent=2, default=str), secret)


def model_json(model: Model) -> dict[str, Any]:
    """A model of any family as its JSON document (a Problem through its own writer, which omits defaults)."""
    if isinstance(model, Problem):
        return json.loads(model.to_json())
    return {"schema": "ordino/1", "family": family_of(model).name, **model.model_dump(mode="json", by_alias=True)}


def objective_units(model: Model | None, objective: float | None, text: str) -> str | None:
    """`846 min = 14.1 h`: a time-valued objective in each other time unit the text speaks of (None when the
    objective is not a time, its unit is not a known one, or the text speaks of no other unit)."""
    if not isinstance(model, Problem) or objective is None:
        return None
    if any(t.term not in TIME_TERMS or t.weight != 1 for t in model.objective):
        return None
    unit = UNIT_WORDS.get(model.time_unit.strip().lower())
    others = [u for u in (UNIT_WORDS[word] for word in text_units(text)) if u != unit]
    if unit is None or not others:
        return None
    return " = ".join([f"{objective:g} {unit}",
                       *(f"{objective * SECONDS[unit] / SECONDS[u]:.4g} {u}" for u in others)])


def with_formulation(exc: E, formulation: Formulation) -> E:
    """The error carrying the partial Formulation as `.formulation` (read by the CLI for `--json`)."""
    exc.formulation = formulation
    return exc


def solve_formulated(model: Model, method: str, time_limit: float) -> BaseResult:
    """Solve a formulated model: a schedule with `method` (a scheduling method name), the other families with
    their own default ('auto'), since a scheduling method name means nothing to them."""
    return solve(model, method=method if family_of(model) is SCHEDULING else "auto", time_limit=time_limit)


def conflicts(result: BaseResult) -> list[str]:
    """The solver's explanation lines of an infeasible result ('conflict: ...')."""
    return [line for line in result.log if line.startswith("conflict")]
