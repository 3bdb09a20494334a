"""The assignment family: rostering and timetabling as staff x shifts x days assignment.

A roster decides, for every staff member, shift and day, whether that person works that shift that day.
Cover requirements, availability, work rules and preferences restrict or price those decisions. Timetabling
fits the same cube: teams or games play the role of staff, rooms or periods of shifts, weeks or rounds of days.
Every rule below is a definition: the compilers and the verifier implement exactly its docstring.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Literal

from pydantic import Field, model_validator

from ordino.models.base import SCHEMA_VERSION, Id, NonNegAmount, NonNegInt, OntologyModel, PosInt, amount_scale
from ordino.models.results import BaseResult


class Staff(OntologyModel):
    """A person (or team, or game) that can be assigned. `skills` feed skill-specific cover requirements.

    `copies` > 1 declares that many interchangeable people at once; they are named `<id>#1` .. `<id>#copies`
    in rosters and count separately everywhere. `hire_cost` is paid once if the person works at all (a money
    amount like a cost: whole or with at most 4 decimals).
    """

    id: Id
    skills: list[Id] = Field(default_factory=list)
    copies: PosInt = 1
    hire_cost: NonNegAmount = 0

    def names(self) -> list[str]:
        """The individual names this entry stands for."""
        return [self.id] if self.copies == 1 else [f"{self.id}#{k}" for k in range(1, self.copies + 1)]


class Shift(OntologyModel):
    """A shift (or slot, room, group). `periods` lists the demand periods it covers (for period cover)."""

    id: Id
    periods: list[Id] = Field(default_factory=list)


class Selection(OntologyModel):
    """A set of (staff, shift, day) cells: `staff`, `shifts`, `days` each list ids; null or omitted = all.

    Staff ids may name a `copies` entry (all its copies) or one copy (`<id>#k`).
    """

    staff: list[Id] | None = None
    shifts: list[Id] | None = None
    days: list[Id] | None = None

    @model_validator(mode="after")
    def _check_not_empty(self) -> Selection:
        for what in ("staff", "shifts", "days"):
            if getattr(self, what) == []:
                raise ValueError(f"{what} is an empty list, which selects nothing; omit it (or null) to select all")
        return self


class Cover(OntologyModel):
    """On `day` (every day if null), the number of staff working `shift` (any shift if null), or working
    any shift whose `periods` include `period`, and having `skill` (if given), is at least `min` and at most
    `max`. With `shortfall_penalty`, the minimum is soft: each missing person costs that penalty (counted in
    the `total_penalty` objective term) instead of making the roster infeasible."""

    shift: Id | None = None
    period: Id | None = None
    day: Id | None = None
    skill: Id | None = None
    min: NonNegInt = 0
    max: NonNegInt | None = None
    shortfall_penalty: NonNegInt | None = None

    @model_validator(mode="after")
    def _check(self) -> Cover:
        if self.shift is not None and self.period is not None:
            raise ValueError("cover: give a shift or a period, not both")
        if self.max is not None and self.max < self.min:
            raise ValueError(f"cover: max {self.max} < min {self.min}")
        return self


class AssignmentCost(Selection):
    """Each assignment in the selected cells costs `cost` (the `total_cost` objective term): a whole number or
    a decimal with at most 4 places, in the money unit of the text (10.59 for £10.59)."""

    cost: NonNegAmount


class Unavailable(Selection):
    """Nobody in the selected cells may be assigned: staff x shifts x days of the selection are forbidden."""

    type: Literal["unavailable"] = "unavailable"


class Count(Selection):
    """The number of assignments in the selected cells lies in [`min`, `max`], counted separately for each
    combination of the dimensions in `per` (e.g. per=["staff"]: each person's own count; per=["staff",
    "day"]: each person on each day; per=[]: one total). Covers max/min shifts per horizon, days off,
    "each team plays once a week", "each game is played exactly once"."""

    type: Literal["count"] = "count"
    per: list[Literal["staff", "shift", "day"]] = Field(default_factory=list)
    min: NonNegInt = 0
    max: NonNegInt | None = None

    @model_validator(mode="after")
    def _check(self) -> Count:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"count: max {self.max} < min {self.min}")
        if len(set(self.per)) != len(self.per):
            raise ValueError(f"count: per lists a dimension twice: {self.per}")
        return self


class MaxConsecutiveDays(OntologyModel):
    """Each of the `staff` (all if null) works (any shift) on at most `max_on` consecutive days. On a
    cyclic horizon the run may wrap from the last day to the first, and working every day is an unbroken
    run that never ends (it breaks any `max_on`)."""

    type: Literal["max_consecutive_days"] = "max_consecutive_days"
    staff: list[Id] | None = None
    max_on: PosInt


class ForbiddenSequence(OntologyModel):
    """Nobody among `staff` (all if null) works shift `then` on the day after working shift `first`
    (e.g. rest after a night shift: first=night, then=morning). On a cyclic horizon the last day is
    followed by the first."""

    type: Literal["forbidden_sequence"] = "forbidden_sequence"
    staff: list[Id] | None = None
    first: Id
    then: Id


class CyclicPattern(OntologyModel):
    """Each of the `staff` (all if null) who works at all works exactly `on` consecutive days and then is
    off `off` consecutive days, repeated over the horizon, on cyclic days ("5 days on, 2 off": on=5, off=2,
    any start day). The day it starts is the solver's choice. Idle staff (no work at all) are allowed."""

    type: Literal["cyclic_pattern"] = "cyclic_pattern"
    staff: list[Id] | None = None
    on: PosInt
    off: PosInt


class Meet(OntologyModel):
    """Any two of the `staff` (all if null) work the same shift on the same day at most `max` times over
    the horizon (social golfers: no two golfers share a group more than once)."""

    type: Literal["meet"] = "meet"
    staff: list[Id] | None = None
    max: NonNegInt = 1


class Preference(Selection):
    """A soft rule: each assignment in the selected cells costs `penalty` (`kind`=avoid), or each selected
    cell left unassigned costs `penalty` (`kind`=want). Penalties form the `total_penalty` objective term."""

    type: Literal["preference"] = "preference"
    kind: Literal["avoid", "want"] = "avoid"
    penalty: PosInt


class WeightedSelection(Selection):
    """A selection of cells with a coefficient: contributes `coef` times its number of assignments."""

    coef: int = 1


class Relation(OntologyModel):
    """sum over `terms` of coef * (number of assignments in the term's cells) lies in [`min`, `max`]
    (omitted bounds are free). Links counts across cells that are not one staff x shifts x days block:
    mirrored rounds (pair plays on date r1 exactly when on r2: terms +1 @r1, -1 @r2, min=max=0) or
    forbidden sequences of opponents (game a on day d plus game b on day d+1 at most 1)."""

    type: Literal["relation"] = "relation"
    terms: list[WeightedSelection] = Field(min_length=1)
    min: int | None = None
    max: int | None = None

    @model_validator(mode="after")
    def _check(self) -> Relation:
        if self.min is None and self.max is None:
            raise ValueError("relation: give min, max or both")
        if self.min is not None and self.max is not None and self.max < self.min:
            raise ValueError(f"relation: max {self.max} < min {self.min}")
        return self


Rule = Annotated[
    Unavailable | Count | MaxConsecutiveDays | ForbiddenSequence | CyclicPattern | Meet | Preference | Relation,
    Field(discriminator="type"),
]
RULE_TYPES = (Unavailable, Count, MaxConsecutiveDays, ForbiddenSequence, CyclicPattern, Meet, Preference, Relation)

RosterTermName = Literal["total_cost", "total_penalty", "staff_count", "max_shifts", "shift_spread"]
ROSTER_TERM_DEFINITIONS: dict[str, str] = {
    "total_cost": "sum of assignment costs plus hire costs of staff who work at all",
    "total_penalty": "sum of cover shortfall penalties and preference penalties",
    "staff_count": "number of staff (copies counted one by one) with at least one assignment",
    "max_shifts": "the largest number of shifts (of `shifts`, when given) any one person works",
    "shift_spread": "the largest minus the smallest number of shifts (of `shifts`, when given) of any two staff, "
                    "those without any counted",
}


class RosterTerm(OntologyModel):
    """One objective term, `weight` times a named measure (see ROSTER_TERM_DEFINITIONS); minimised. `shifts`
    narrows the shift counts of max_shifts and shift_spread to those shifts."""

    term: RosterTermName
    weight: PosInt = 1
    shifts: list[Id] | None = None

    @model_validator(mode="after")
    def _check(self) -> RosterTerm:
        if self.shifts is not None and self.term not in ("max_shifts", "shift_spread"):
            raise ValueError(f"objective term {self.term}: 'shifts' narrows max_shifts and shift_spread only")
        return self

    @property
    def key(self) -> str:
        """The term's name, with the shifts it counts: 'max_shifts[N]'."""
        return f"{self.term}[{','.join(self.shifts)}]" if self.shifts else self.term


class RosterProblem(OntologyModel):
    """A rostering or timetabling problem: staff x shifts x days, at most `max_shifts_per_day` shifts per
    person per day, with cover requirements, costs, rules and an objective (minimised; no objective terms =
    any feasible roster). `cyclic`: the day after the last day is the first day (weekly patterns)."""

    schema_: Literal["ordino/1"] = Field(SCHEMA_VERSION, alias="schema")
    family: Literal["assignment"] = "assignment"
    name: str = ""
    staff: list[Staff] = Field(min_length=1)
    shifts: list[Shift] = Field(min_length=1)
    days: list[Id] = Field(min_length=1)
    cyclic: bool = False
    max_shifts_per_day: PosInt = 1
    cover: list[Cover] = Field(default_factory=list)
    costs: list[AssignmentCost] = Field(default_factory=list)
    rules: list[Rule] = Field(default_factory=list)
    objective: list[RosterTerm] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_references(self) -> RosterProblem:
        errors: list[str] = []
        for what, ids in (("staff", [s.id for s in self.staff]), ("shift", [s.id for s in self.shifts]),
                          ("day", list(self.days))):
            if len(set(ids)) != len(ids):
                errors.append(f"a {what} id is used twice in {ids}")
        clash = [n for n, k in Counter(self.people).items() if k > 1]
        if clash:
            errors.append(f"staff name(s) {clash} are declared twice (an id equals another entry's copy name "
                          "<id>#k); rename one")
        people = set(self.people) | {s.id for s in self.staff}
        shifts = {s.id for s in self.shifts}
        days = set(self.days)
        periods = {p for s in self.shifts for p in s.periods}
        skills = {k for s in self.staff for k in s.skills}

        def refs(where: str, staff: list[str] | None, shift_ids: list[str] | None, day_ids: list[str] | None) -> None:
            for kind, given, known in (("staff", staff, people), ("shift", shift_ids, shifts),
                                       ("day", day_ids, days)):
                for x in given or []:
                    if x not in known:
                        errors.append(f"{where}: {kind} {x!r} is not declared")

        for k, cover in enumerate(self.cover):
            refs(f"cover[{k}]", None, [cover.shift] if cover.shift else None, [cover.day] if cover.day else None)
            if cover.period is not None and cover.period not in periods:
                errors.append(f"cover[{k}]: period {cover.period!r} is covered by no shift's periods")
            if cover.skill is not None and cover.skill not in skills:
                errors.append(f"cover[{k}]: no staff has skill {cover.skill!r}")
        for k, cost in enumerate(self.costs):
            refs(f"costs[{k}]", cost.staff, cost.shifts, cost.days)
        for k, r in enumerate(self.rules):
            where = f"rules[{k}]({r.type})"
            if isinstance(r, Selection):
                refs(where, r.staff, r.shifts, r.days)
            elif isinstance(r, Relation):
                for t in r.terms:
                    refs(where, t.staff, t.shifts, t.days)
            else:
                refs(where, r.staff, None, None)
            if isinstance(r, ForbiddenSequence):
                refs(where, None, [r.first, r.then], None)
            if isinstance(r, CyclicPattern) and r.on + r.off != len(self.days):
                errors.append(f"{where}: on + off = {r.on + r.off} must equal the number of days "
                              f"({len(self.days)}); repeat the pattern by listing one cycle of days")
            if isinstance(r, CyclicPattern) and not self.cyclic:
                errors.append(f"{where}: a cyclic pattern needs cyclic days (set cyclic: true)")
        for k, term in enumerate(self.objective):
            refs(f"objective[{k}]({term.term})", None, term.shifts, None)
        if errors:
            raise ValueError("; ".join(errors))
        return self

    @property
    def people(self) -> list[str]:
        """Every individual (copies expanded), in declaration order."""
        return [n for s in self.staff for n in s.names()]

    @property
    def cost_scale(self) -> int:
        """The least power of ten that makes every cost and hire cost a whole number (solvers counting in
        integers multiply the amounts by it)."""
        return amount_scale([c.cost for c in self.costs] + [s.hire_cost for s in self.staff])

    def interchangeable_copies(self) -> list[list[str]]:
        """The copy names of each `copies` entry whose copies no cost or rule names one by one: such copies
        are truly interchangeable, so a solver may order them (copy k+1 works only if copy k does)."""
        named: set[str] = set()
        for item in [*self.costs, *self.rules]:
            for sel in getattr(item, "terms", None) or [item]:
                named.update(getattr(sel, "staff", None) or [])
        return [s.names() for s in self.staff if s.copies > 1 and not named & set(s.names())]

    def person_entry(self) -> dict[str, Staff]:
        """The Staff entry of each individual."""
        return {n: s for s in self.staff for n in s.names()}

    def expand_staff(self, ids: list[str] | None) -> list[str]:
        """Individuals named by a list of staff ids (null = everybody), copies expanded, in order."""
        if ids is None:
            return self.people
        wanted = set(ids)
        return [n for s in self.staff for n in s.names() if s.id in wanted or n in wanted]

    def cells(self, sel: Selection) -> list[tuple[str, str, str]]:
        """The (person, shift, day) cells of a selection."""
        shifts = [s.id for s in self.shifts] if sel.shifts is None else list(sel.shifts)
        days = list(self.days) if sel.days is None else list(sel.days)
        return [(p, s, d) for p in self.expand_staff(sel.staff) for s in shifts for d in days]


class Assignment(OntologyModel):
    """One person working one shift on one day."""

    staff: Id
    shift: Id
    day: Id


class Roster(OntologyModel):
    """A roster: the list of assignments (everything not listed is not worked)."""

    assignments: list[Assignment] = Field(default_factory=list)

    def cells(self) -> dict[tuple[str, str], list[str]]:
        """The shifts of each (person, day) worked, in the order of the assignments: the staff x day grid."""
        grid: dict[tuple[str, str], list[str]] = {}
        for a in self.assignments:
            grid.setdefault((a.staff, a.day), []).append(a.shift)
        return grid


class RosterResult(BaseResult):
    """The outcome of solving a RosterProblem: the shared result fields and the roster."""

    objective: int | float | None = None
    roster: Roster | None = None
