"""Semantic checks of a formulated problem against its text, shared by the LLM and the offline engines.

`check_problem` returns the issues that make a model wrong or certainly infeasible (they are sent back to be
fixed); `check_hints` returns softer observations (numbers not found in the text, unit mix-ups, unused
resources) that a reviewer should look at.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from ordino.models import (
    Blocking,
    LinearModel,
    Model,
    NoWait,
    Problem,
    RosterProblem,
    Synchronize,
    TimeWindow,
    family_of,
)
from ordino.models.constraints import PRECEDENCE_TYPES
from ordino.models.objective import DUE_DATE_TERMS

_NUMBER = re.compile(r"(?<![A-Za-z_.\d])\d+(?:[.,]\d+)?")  # not the 1 of an id like J1
_UNIT_WORDS = {
    "second": re.compile(r"\bsec(?:ond)?s?\b", re.I),
    "minute": re.compile(r"\bmin(?:ute)?s?\b", re.I),
    "hour": re.compile(r"\b(?:hours?|hrs?)\b", re.I),
    "day": re.compile(r"\bdays?\b", re.I),
    "week": re.compile(r"\bweeks?\b", re.I),
}
_OBJECTIVE_WORDS = {
    "tardiness": ("total_tardiness", "total_weighted_tardiness"),
    "makespan": ("makespan",),
    "lateness": ("maximum_lateness", "total_tardiness", "total_weighted_tardiness"),
    "earliness": ("total_earliness", "total_weighted_earliness"),
    "completion time": ("total_completion_time", "total_weighted_completion_time", "makespan"),
    "tardy": ("number_tardy", "weighted_number_tardy", "total_tardiness", "total_weighted_tardiness"),
    "setup": ("total_setup_time",),
}
_SCALES = (1, 60, 24, 10, 100, 1000, 1440, 3600)


def check_problem(problem: Problem, text: str = "") -> list[str]:
    """Issues that make the model certainly infeasible or inconsistent, each naming the place and the fix.

    Parameters
    ----------
    problem
        A validated problem.
    text
        The description it came from (used for nothing that could reject a correct model).
    """
    issues = _precedence_issues(problem)
    issues += _capacity_issues(problem)
    return issues


def check_hints(problem: Problem, text: str) -> list[str]:
    """Softer observations for a reviewer: unit mix-ups, numbers absent from the text, unused parts."""
    hints: list[str] = []
    units = [u for u, pattern in _UNIT_WORDS.items() if pattern.search(text)]
    if len(units) > 1:
        hints.append(f"the text mentions several time units ({', '.join(units)}); every time value must be "
                     f"converted to time_unit {problem.time_unit!r}")
    missing = _numbers_not_in_text(problem, text)
    if missing:
        hints.append(f"these values of the model do not appear in the text: {', '.join(missing)}")
    used = {r for t in problem.tasks for m in t.modes for r in m.resources}
    unused = [r.id for r in problem.resources if r.id not in used]
    if unused:
        hints.append(f"resources never used by any task: {', '.join(unused)}")
    if any(t.term in DUE_DATE_TERMS for t in problem.objective):
        dues = [j.due for j in problem.job_views if j.due is not None]
        if len(dues) > 1 and all(d == 0 for d in dues):
            hints.append("every due date is 0; were the due dates read from the text?")
    lowered = text.lower()
    terms = {t.term for t in problem.objective}
    for word, fitting in _OBJECTIVE_WORDS.items():
        if re.search(rf"\b(minimi[sz]e|minimum|min|reduce|lowest|least)\b[^.]{{0,60}}{word}", lowered) \
                and not terms & set(fitting):
            hints.append(f"the text asks to minimise something about {word!r} but the objective is "
                         f"{', '.join(sorted(terms))}")
    return hints


# --- time reasoning without resources -----------------------------------------------------------------


def _durations(problem: Problem) -> tuple[dict[str, int], dict[str, int]]:
    shortest = {t.id: min(m.duration for m in t.modes) for t in problem.tasks}
    longest = {t.id: max(m.duration for m in t.modes) for t in problem.tasks}
    return shortest, longest


def _edges(problem: Problem) -> list[tuple[str, str, int, str]]:
    """(a, b, lag, label): start(b) >= start(a) + lag, a relaxation of the temporal constraints."""
    dmin, dmax = _durations(problem)
    edges = []
    for c in problem.constraints:
        if isinstance(c, PRECEDENCE_TYPES):
            a_anchor, b_anchor = c.anchors()
            lag = c.min_lag + (dmin[c.first] if a_anchor == "end" else 0)
            lag -= dmax[c.then] if b_anchor == "end" else 0
            edges.append((c.first, c.then, lag, f"{c.type} {c.first}->{c.then}"))
        elif isinstance(c, Blocking):
            edges.append((c.first, c.then, dmin[c.first], f"blocking {c.first}->{c.then}"))
        elif isinstance(c, NoWait):
            for a, b in zip(c.tasks, c.tasks[1:], strict=False):
                edges.append((a, b, dmin[a], f"no_wait {a}->{b}"))
        elif isinstance(c, Synchronize):
            for a, b in zip(c.tasks, c.tasks[1:], strict=False):
                edges += [(a, b, 0, f"synchronize {a},{b}"), (b, a, 0, f"synchronize {a},{b}")]
    return edges


def _precedence_issues(problem: Problem) -> list[str]:
    dmin, _ = _durations(problem)
    earliest = {t.id: problem.earliest_start(t) for t in problem.tasks}
    for c in problem.constraints:
        if isinstance(c, TimeWindow) and c.start_min is not None:
            earliest[c.task] = max(earliest[c.task], c.start_min)
    edges = _edges(problem)
    cause: dict[str, str] = {}
    for _ in range(len(problem.tasks) + 1):
        changed = False
        for a, b, lag, label in edges:
            if earliest[a] + lag > earliest[b]:
                earliest[b] = earliest[a] + lag
                cause[b] = label
                changed = True
        if not changed:
            break
    else:
        loop = sorted({label for _, b, _, label in edges if b in cause})[:6]
        return [f"the precedence constraints form a cycle that no schedule can satisfy (involving: "
                f"{'; '.join(loop)}); remove or reverse one of them"]
    issues = []
    optional = {t.id for t in problem.tasks if t.optional}
    for t in problem.tasks:
        if t.id in optional:
            continue
        end = earliest[t.id] + dmin[t.id]
        latest = problem.latest_end(t)
        why = f" (because of {cause[t.id]})" if t.id in cause else ""
        if latest is not None and end > latest:
            issues.append(f"task {t.id!r} cannot end before {end}{why} but must end by {latest} "
                          f"(deadline/horizon); check the deadline, the horizon and the time unit")
    for c in problem.constraints:
        if isinstance(c, TimeWindow) and c.task not in optional:
            if c.start_max is not None and earliest[c.task] > c.start_max:
                issues.append(f"time_window on {c.task!r}: it cannot start before {earliest[c.task]} but "
                              f"start_max is {c.start_max}")
            if c.end_max is not None and earliest[c.task] + dmin[c.task] > c.end_max:
                issues.append(f"time_window on {c.task!r}: it cannot end before "
                              f"{earliest[c.task] + dmin[c.task]} but end_max is {c.end_max}")
    return issues


def _capacity_issues(problem: Problem) -> list[str]:
    issues = []
    dmin, _ = _durations(problem)
    for r in problem.resources:
        mandatory = [t for t in problem.tasks if not t.optional and all(r.id in m.resources for m in t.modes)]
        if r.kind == "consumable":
            need = sum(min(m.demands[m.resources.index(r.id)] if m.demands else 1 for m in t.modes)
                       for t in mandatory)
            if need > r.capacity:
                issues.append(f"consumable {r.id!r}: the tasks need at least {need} units but the budget "
                              f"(capacity) is {r.capacity}")
        elif r.kind == "machine" and problem.horizon is not None:
            work = sum(dmin[t.id] for t in mandatory)
            down = sum(max(0, min(b, problem.horizon) - a) for a, b in r.unavailable if a < problem.horizon)
            if work > problem.horizon - down:
                issues.append(f"machine {r.id!r} has {work} {problem.time_unit} of work but the horizon "
                              f"{problem.horizon} leaves only {problem.horizon - down}; check the horizon and units")
    return issues


# --- numbers --------------------------------------------------------------------------------------------


def _text_numbers(text: str) -> set[float]:
    out = set()
    for token in _NUMBER.findall(text):
        try:
            out.add(float(token.replace(",", ".")))
        except ValueError:
            continue
    return out


def _model_numbers(problem: Problem) -> dict[int, str]:
    found: dict[int, str] = {}

    def add(value: int | None, where: str) -> None:
        if value is not None and value > 1:
            found.setdefault(value, where)

    for t in problem.tasks:
        for m in t.modes:
            add(m.duration, f"duration of {t.id}")
        add(t.release, f"release of {t.id}")
        add(t.due, f"due of {t.id}")
        add(t.deadline, f"deadline of {t.id}")
    for j in problem.jobs:
        add(j.release, f"release of {j.id}")
        add(j.due, f"due of {j.id}")
        add(j.deadline, f"deadline of {j.id}")
    for c in problem.constraints:
        if isinstance(c, PRECEDENCE_TYPES):
            add(c.min_lag, f"min_lag {c.first}->{c.then}")
    return found


def _numbers_not_in_text(problem: Problem, text: str) -> list[str]:
    numbers = _text_numbers(text)
    if not numbers:
        return []
    missing = []
    for value, where in _model_numbers(problem).items():
        if not any(value / k in numbers or value * k in numbers for k in _SCALES):
            missing.append(f"{value} ({where})")
    return missing[:10]


# --- the other families ---------------------------------------------------------------------------------


def _roster_issues(problem: RosterProblem, text: str = "") -> list[str]:
    people = problem.person_entry()
    issues = []
    per_day = problem.max_shifts_per_day
    for k, c in enumerate(problem.cover):
        able = [p for p, s in people.items() if c.skill is None or c.skill in s.skills]
        limit = len(able) * (per_day if c.shift is None and c.period is None else 1)
        if c.shortfall_penalty is None and c.min > limit:
            issues.append(f"cover[{k}] needs at least {c.min} people on {c.day or 'every day'} but only {limit} "
                          "can work it; raise the staff copies or check the requirement")
    return issues


def _linear_issues(model: LinearModel, text: str = "") -> list[str]:
    issues = []
    for k, c in enumerate(model.constraints):
        if all(v == 0 for v in c.terms.values()):
            issues.append(f"constraints[{k}]{' (' + c.name + ')' if c.name else ''} has only zero coefficients")
    return issues


def _roster_values(problem: RosterProblem) -> list[tuple[float, str]]:
    values = [(float(c.min), f"cover min on {c.day or 'every day'}") for c in problem.cover]
    return values + [(float(c.max), f"cover max on {c.day or 'every day'}") for c in problem.cover
                     if c.max is not None]


def _linear_values(model: LinearModel) -> list[tuple[float, str]]:
    values = [(abs(v), f"coefficient of {n} in {c.name or 'a constraint'}")
              for c in model.constraints for n, v in c.terms.items()]
    values += [(abs(c.rhs), f"right-hand side of {c.name or 'a constraint'}") for c in model.constraints]
    return values + [(abs(v), f"objective coefficient of {n}") for n, v in model.objective.terms.items()]


def _value_hints(values: list[tuple[float, str]], text: str) -> list[str]:
    """The model values above 1 that appear in the text neither as they are nor as a percentage."""
    numbers = _text_numbers(text)
    if not numbers:
        return []
    missing = [f"{v:g} ({where})" for v, where in values
               if v > 1 and not any(math.isclose(v, t) or math.isclose(v * 100, t) for t in numbers)]
    return [f"these values of the model do not appear in the text: {', '.join(missing[:10])}"] if missing else []


class Checks(NamedTuple):
    """A family's semantic checks: `issues(model, text)` and `hints(model, text)`."""

    issues: Callable[[Any, str], list[str]]
    hints: Callable[[Any, str], list[str]]


CHECKS: dict[str, Checks] = {
    "scheduling": Checks(check_problem, check_hints),
    "assignment": Checks(_roster_issues, lambda problem, text: _value_hints(_roster_values(problem), text)),
    "linear": Checks(_linear_issues, lambda model, text: _value_hints(_linear_values(model), text)),
}


def check_model(model: Model, text: str = "") -> list[str]:
    """`check_problem` for any family: issues that make a schedule, roster or linear model certainly wrong."""
    return CHECKS[family_of(model).name].issues(model, text)


def check_model_hints(model: Model, text: str) -> list[str]:
    """`check_hints` for any family; for rosters and linear models, their numbers that do not appear in the text."""
    return CHECKS[family_of(model).name].hints(model, text)
