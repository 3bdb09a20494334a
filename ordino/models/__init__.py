"""The ontology: pydantic types of the three model families (scheduling problems, rosters, linear models),
their solutions and results. Imports no solver."""

from ordino.models.assignment import Roster, RosterProblem, RosterResult
from ordino.models.base import SCHEMA_VERSION
from ordino.models.builder import ProblemBuilder
from ordino.models.classify import ProblemClass, classify
from ordino.models.constraints import (
    CONSTRAINT_TYPES,
    Blocking,
    Constraint,
    DifferentResource,
    EndBeforeEnd,
    EndBeforeStart,
    NoWait,
    Permutation,
    SameResource,
    SelectExactlyOne,
    Separation,
    StartBeforeEnd,
    StartBeforeStart,
    Synchronize,
    TimeWindow,
)
from ordino.models.events import Event, Events
from ordino.models.families import FAMILIES, Family, Model, Solution, family_of
from ordino.models.io import (
    events_from_dict,
    load_events,
    load_model,
    load_problem,
    load_schedule,
    model_from_dict,
    problem_from_dict,
    problem_json_schema,
    save_problem,
)
from ordino.models.linear import LinearModel, LinearResult, LinearSolution
from ordino.models.objective import TERM_DEFINITIONS, ObjectiveTerm
from ordino.models.options import SolveOptions
from ordino.models.problem import Problem
from ordino.models.resources import Resource, SetupTime
from ordino.models.results import BaseResult, Status, Verification, Violation, gap_percent
from ordino.models.schedule import Result, Schedule, ScheduledTask
from ordino.models.tasks import Job, JobView, Mode, Task

__all__ = [
    "FAMILIES", "BaseResult", "Family", "LinearSolution", "Model", "Roster", "Solution", "family_of", "gap_percent",
    "CONSTRAINT_TYPES", "SCHEMA_VERSION", "TERM_DEFINITIONS", "Blocking", "Constraint", "DifferentResource",
    "EndBeforeEnd", "EndBeforeStart", "Job", "JobView", "Mode", "NoWait", "ObjectiveTerm", "Permutation", "Problem",
    "ProblemBuilder", "ProblemClass", "Resource", "Result", "SameResource", "Schedule", "ScheduledTask",
    "SelectExactlyOne", "Separation", "SetupTime", "SolveOptions", "Task", "StartBeforeEnd", "StartBeforeStart",
    "Status", "Synchronize",
    "TimeWindow", "Verification", "Violation", "classify", "load_problem", "load_schedule",
    "problem_from_dict", "problem_json_schema", "save_problem",
    "LinearModel", "LinearResult", "RosterProblem", "RosterResult", "load_model", "model_from_dict",
    "Event", "Events", "events_from_dict", "load_events",
]
