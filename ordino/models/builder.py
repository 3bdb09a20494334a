"""A fluent builder for problems in the Python API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ordino.models import constraints as c
from ordino.models.calendar import Calendar
from ordino.models.objective import ObjectiveTerm
from ordino.models.problem import Problem
from ordino.models.resources import SetupTime
from ordino.models.tasks import Mode

_PRECEDENCE = {
    "end_before_start": c.EndBeforeStart,
    "start_before_start": c.StartBeforeStart,
    "end_before_end": c.EndBeforeEnd,
    "start_before_end": c.StartBeforeEnd,
}


class ProblemBuilder:
    """Collects resources, jobs, tasks, constraints and objective terms, then validates them at `build`.

    Example
    -------
    >>> p = (Problem.builder().machine("M1")
    ...      .task("a", 3, on="M1", due=4).task("b", 2, on="M1", due=3)
    ...      .minimize("total_tardiness").build())

    With a `start`, times may be dates or clock times and machines may follow calendars:
    >>> p = (Problem.builder(start="2026-12-07 08:00", time_unit="min")
    ...      .calendar("day", {"mon-fri": ["08:00-12:00", "13:00-17:00"]}, holidays=["2026-12-24"])
    ...      .machine("M1", calendar="day").task("a", 300, on="M1", due="2026-12-08 12:00").build())
    """

    def __init__(self, name: str = "", time_unit: str = "min", start: str | datetime | None = None) -> None:
        self._data: dict[str, Any] = {"name": name, "time_unit": time_unit, "start": start, "calendars": [],
                                      "resources": [], "jobs": [], "tasks": [], "constraints": [], "objective": []}

    def calendar(self, calendar_id: str, week: dict[str, list[str]], holidays: list[str | date] | None = None,
                 closed: list[tuple[str | datetime, str | datetime]] | None = None) -> ProblemBuilder:
        """Add a working calendar: weekly windows (`{"mon-fri": ["08:00-16:00"]}`), holidays, closed periods."""
        self._data["calendars"].append(
            Calendar.model_validate({"id": calendar_id, "week": week, "holidays": holidays or [],
                                     "closed": closed or []}))
        return self

    def machine(self, resource_id: str, unavailable: list[tuple[Any, Any]] | None = None,
                setups: dict[tuple[str, str], int] | None = None, calendar: str | None = None,
                initial_family: str | None = None) -> ProblemBuilder:
        """Add a machine (one task at a time), with optional down intervals, setup times (from the family it is
        set up for at time 0 too) and calendar."""
        setup_list = [SetupTime(before=a, after=b, time=t).model_dump() for (a, b), t in (setups or {}).items()]
        self._data["resources"].append({"id": resource_id, "kind": "machine", "unavailable": list(unavailable or []),
                                        "setups": setup_list, "calendar": calendar,
                                        "initial_family": initial_family})
        return self

    def renewable(self, resource_id: str, capacity: int, unavailable: list[tuple[Any, Any]] | None = None,
                  calendar: str | None = None) -> ProblemBuilder:
        """Add a renewable resource with `capacity` units available at every moment."""
        self._data["resources"].append({"id": resource_id, "kind": "renewable", "capacity": capacity,
                                        "unavailable": list(unavailable or []), "calendar": calendar})
        return self

    def consumable(self, resource_id: str, capacity: int) -> ProblemBuilder:
        """Add a consumable resource with a total budget of `capacity` units."""
        self._data["resources"].append({"id": resource_id, "kind": "consumable", "capacity": capacity})
        return self

    def job(self, job_id: str, **fields: Any) -> ProblemBuilder:
        """Add a job (release, due, deadline, weight; times as numbers, or as text with a `start`)."""
        self._data["jobs"].append({"id": job_id, **fields})
        return self

    def task(self, task_id: str, duration: int | None = None, on: str | list[str] | None = None,
             modes: list[Mode | dict[str, Any]] | None = None, **fields: Any) -> ProblemBuilder:
        """Add a task: either `duration` and `on` (a resource or list) for one mode, or explicit `modes`; its
        times (release, due, deadline) as numbers, or as text with a `start`."""
        if modes is None:
            if duration is None:
                raise ValueError(f"task {task_id!r}: give a duration or a list of modes")
            resources = [on] if isinstance(on, str) else list(on or [])
            modes = [Mode(resources=resources, duration=duration)]
        built = [(m if isinstance(m, Mode) else Mode(**m)).model_dump() for m in modes]
        self._data["tasks"].append({"id": task_id, "modes": built, **fields})
        return self

    def precedence(self, first: str, then: str, kind: str = "end_before_start", min_lag: int = 0,
                   max_lag: int | None = None) -> ProblemBuilder:
        """`then` after `first` (end-before-start by default) with optional lags."""
        self._data["constraints"].append(_PRECEDENCE[kind](first=first, then=then, min_lag=min_lag,
                                                           max_lag=max_lag))
        return self

    def constraint(self, constraint: c.Constraint) -> ProblemBuilder:
        """Add any constraint object."""
        self._data["constraints"].append(constraint)
        return self

    def minimize(self, term: str, weight: int = 1) -> ProblemBuilder:
        """Add an objective term (the terms are summed)."""
        self._data["objective"].append(ObjectiveTerm(term=term, weight=weight))
        return self

    def horizon(self, horizon: int | str) -> ProblemBuilder:
        """Set a hard upper bound on every end time."""
        self._data["horizon"] = horizon
        return self

    def build(self) -> Problem:
        """Validate and return the Problem."""
        data = {k: v for k, v in self._data.items() if v is not None}
        if not data["objective"]:
            data.pop("objective")
        return Problem.model_validate(data)
