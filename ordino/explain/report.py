"""The Explanation: what binds a solved schedule or roster, as structured, JSON-serialisable fields.

Every field is a fact computed from the model and the solution (and the verifier's report), never an estimate:
a reader can check each one against the solution by hand.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ordino.models.assignment import Assignment
from ordino.models.base import OntologyModel
from ordino.models.results import Violation

ReasonKind = Literal["precedence", "machine", "resource", "release", "time_window", "unavailable", "start", "rule",
                     "slack"]


class TermCost(OntologyModel):
    """One objective term: its value in the solution, its weight, and `cost` = weight x value, its share of the
    objective (the costs of all terms sum to the verifier's objective)."""

    key: str
    term: str
    meaning: str
    value: int | float
    weight: int
    cost: int | float


class Reason(OntologyModel):
    """Why a task could not start one time unit earlier, all other tasks staying where they are.

    `kind`: `precedence` (a constraint to task `after`, of type `detail`, with `lag`; `since` is the time of the
    end or start of `after` it counts from), `machine` (`after` runs before it on machine `resource` and ends at
    `since`; `lag` is the setup time between them), `resource` (renewable `resource` is too full one unit
    earlier; `after` frees it at `at`; `detail` gives the load), `release` (it starts at its release),
    `time_window` (its window opens at `at`; `detail` names the bound), `unavailable` (`resource` is down until
    `at`; `detail` is the interval), `start` (it starts at time 0), `rule` (moving it earlier breaks the rule the
    verifier names in `detail`), `slack` (it could start earlier: nothing above holds it). `at` is the earliest
    start the reason allows (the task's start), None for slack."""

    kind: ReasonKind
    at: int | None
    after: str | None = None
    resource: str | None = None
    since: int | None = None
    lag: int = 0
    detail: str = ""


class ChainStep(OntologyModel):
    """One task of the critical chain: when and where it runs, and why it could not start earlier."""

    task: str
    mode: int
    resources: list[str]
    start: int
    end: int
    reason: Reason


class ResourceLoad(OntologyModel):
    """How busy a machine or renewable resource is up to the makespan: `busy` = sum of demand x duration of the
    tasks using it, `available` = capacity x makespan, `load` = busy / available."""

    resource: str
    kind: str
    capacity: int
    busy: int
    available: int
    load: float


class TardyJob(OntologyModel):
    """A job that completes after its due date: `lateness` = completion - due; `last_task` is the task that ends
    it (None when none of its tasks runs) and `before` the tasks that ran before it on its `machines`, in order."""

    job: str
    due: int
    completion: int
    lateness: int
    weight: int
    last_task: str | None = None
    machines: list[str] = Field(default_factory=list)
    before: list[str] = Field(default_factory=list)


class CoverState(OntologyModel):
    """One cover requirement (`cover`, its position in the model) on one `day`: how many staff meet it (`count`)
    against its `minimum` (and `maximum`), the assignments that meet it, and the `penalty` paid for a soft
    shortfall."""

    cover: str
    day: str
    shift: str | None = None
    period: str | None = None
    skill: str | None = None
    minimum: int
    maximum: int | None = None
    count: int
    penalty: int = 0
    assignments: list[Assignment] = Field(default_factory=list)


class PreferenceCost(OntologyModel):
    """A preference rule (`rule`, its position in the model) that costs: the cells it charges (assignments it
    wanted avoided, or wanted cells left unassigned), `penalty` each, `cost` in all."""

    rule: str
    kind: str
    penalty: int
    cost: int
    cells: list[Assignment] = Field(default_factory=list)


class RuleAtLimit(OntologyModel):
    """A work rule (`rule`, its position in the model, of type `type`) met exactly at its `bound` (`min` or
    `max`) `limit` by the `subjects` listed (a person, a person and day, ... as the rule counts them)."""

    rule: str
    type: str
    bound: Literal["min", "max"]
    limit: int
    subjects: list[str]


class Explanation(OntologyModel):
    """What binds a solution of a schedule or roster.

    Both families: the verifier's `objective`, its `violations` (empty when `feasible`) and the cost of each
    objective term. Schedules: the `makespan`, the `critical_chain` that ends at it (earliest task first), each
    resource's `loads` and the `bottleneck` (highest load), the `tardy_jobs` among the `due_jobs` that have a due
    date. Rosters: the `binding_cover` (met exactly at its minimum), the `short_cover` (below it), the
    `preference_costs` and the `rules_at_limit`."""

    family: Literal["scheduling", "assignment"]
    name: str = ""
    objective: int | float | None
    feasible: bool
    violations: list[Violation] = Field(default_factory=list)
    terms: list[TermCost] = Field(default_factory=list)
    time_unit: str = ""
    makespan: int | None = None
    makespan_is_term: bool = False
    critical_chain: list[ChainStep] = Field(default_factory=list)
    loads: list[ResourceLoad] = Field(default_factory=list)
    bottleneck: ResourceLoad | None = None
    due_jobs: int = 0
    tardy_jobs: list[TardyJob] = Field(default_factory=list)
    binding_cover: list[CoverState] = Field(default_factory=list)
    short_cover: list[CoverState] = Field(default_factory=list)
    preference_costs: list[PreferenceCost] = Field(default_factory=list)
    rules_at_limit: list[RuleAtLimit] = Field(default_factory=list)
