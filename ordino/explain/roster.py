"""Explaining a roster: the cost of each objective term, the cover met exactly at its minimum (and who meets it)
or below it, the preferences that cost, and the count and consecutive-days rules met exactly at a limit.

Each fact is counted from the model's definitions (`ordino.models.assignment`) on the assignments the verifier
reads: known staff, shift and day, each cell once.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from ordino.explain.report import CoverState, Explanation, PreferenceCost, RuleAtLimit, TermCost
from ordino.models.assignment import (
    ROSTER_TERM_DEFINITIONS,
    Assignment,
    Count,
    Cover,
    MaxConsecutiveDays,
    Preference,
    Roster,
    RosterProblem,
)
from ordino.verify import verify_roster

Cell = tuple[str, str, str]
"""(person, shift, day)."""


def explain_roster(problem: RosterProblem, roster: Roster) -> Explanation:
    """What binds `roster`: term costs, binding and short cover, preference costs, rules at a limit; with the
    verifier's violations when it breaks a rule."""
    report = verify_roster(problem, roster)
    worked = worked_cells(problem, roster)
    states = [state for k, c in enumerate(problem.cover) for state in cover_states(problem, worked, k, c)]
    return Explanation(
        family="assignment", name=problem.name, objective=report.objective, feasible=report.feasible,
        violations=report.violations,
        terms=[TermCost(key=t.key, term=t.term, meaning=ROSTER_TERM_DEFINITIONS[t.term], value=report.terms[t.key],
                        weight=t.weight, cost=t.weight * report.terms[t.key]) for t in problem.objective],
        binding_cover=[s for s in states if s.count == s.minimum > 0],
        short_cover=[s for s in states if s.count < s.minimum],
        preference_costs=preference_costs(problem, worked), rules_at_limit=rules_at_limit(problem, worked))


def worked_cells(problem: RosterProblem, roster: Roster) -> list[Cell]:
    """The roster's cells with a declared person, shift and day, each once, in the model's order of people,
    shifts and days."""
    people = {name: k for k, name in enumerate(problem.people)}
    shifts = {s.id: k for k, s in enumerate(problem.shifts)}
    days = {day: k for k, day in enumerate(problem.days)}
    cells = {(a.staff, a.shift, a.day) for a in roster.assignments}
    known = [(p, s, d) for p, s, d in cells if p in people and s in shifts and d in days]
    return sorted(known, key=lambda c: (people[c[0]], shifts[c[1]], days[c[2]]))


def _assignments(cells: list[Cell]) -> list[Assignment]:
    """The cells as the model's Assignment entries."""
    return [Assignment(staff=p, shift=s, day=d) for p, s, d in cells]


def cover_states(problem: RosterProblem, worked: list[Cell], index: int, cover: Cover) -> list[CoverState]:
    """How a cover requirement is met on each of its days: the assignments counting towards it (working its shift,
    or a shift covering its period, with its skill if given)."""
    entry = problem.person_entry()
    periods = {s.id: s.periods for s in problem.shifts}
    states = []
    for day in [cover.day] if cover.day is not None else problem.days:
        meeting = [(p, s, d) for p, s, d in worked if d == day and (cover.shift is None or s == cover.shift)
                   and (cover.period is None or cover.period in periods[s])
                   and (cover.skill is None or cover.skill in entry[p].skills)]
        short = max(0, cover.min - len(meeting))
        states.append(CoverState(cover=f"cover[{index}]", day=day, shift=cover.shift, period=cover.period,
                                 skill=cover.skill, minimum=cover.min, maximum=cover.max, count=len(meeting),
                                 penalty=(cover.shortfall_penalty or 0) * short, assignments=_assignments(meeting)))
    return states


def preference_costs(problem: RosterProblem, worked: list[Cell]) -> list[PreferenceCost]:
    """Each preference rule that costs something: the assignments it wanted avoided, or the cells it wanted
    worked that are not."""
    done = set(worked)
    out = []
    for k, rule in enumerate(problem.rules):
        if isinstance(rule, Preference):
            cells = list(dict.fromkeys(problem.cells(rule)))  # each cell once, as the verifier counts them
            charged = [c for c in cells if c in done] if rule.kind == "avoid" else [c for c in cells if c not in done]
            if charged:
                out.append(PreferenceCost(rule=f"rules[{k}]", kind=rule.kind, penalty=rule.penalty,
                                          cost=rule.penalty * len(charged), cells=_assignments(charged)))
    return out


def rules_at_limit(problem: RosterProblem, worked: list[Cell]) -> list[RuleAtLimit]:
    """The count rules whose groups sit exactly at a minimum above 0 or a maximum above 0, and the consecutive-days
    rules someone works exactly up to."""
    out = []
    for k, rule in enumerate(problem.rules):
        if isinstance(rule, Count):
            out += count_at_limit(problem, worked, f"rules[{k}]", rule)
        elif isinstance(rule, MaxConsecutiveDays):
            full = [p for p in problem.expand_staff(rule.staff) if longest_run(problem, worked, p) == rule.max_on]
            if full:
                out.append(RuleAtLimit(rule=f"rules[{k}]", type=rule.type, bound="max", limit=rule.max_on,
                                       subjects=full))
    return out


def count_at_limit(problem: RosterProblem, worked: list[Cell], name: str, rule: Count) -> list[RuleAtLimit]:
    """The groups of a count rule (one per combination of its `per` dimensions) whose number of assignments
    equals its minimum or its maximum (each above 0)."""
    done = set(worked)
    groups: Counter[tuple[str, ...]] = Counter()
    for p, s, d in problem.cells(rule):
        key = tuple({"staff": p, "shift": s, "day": d}[dim] for dim in rule.per)
        groups[key] += (p, s, d) in done
    limits: list[tuple[Literal["min", "max"], int | None]] = [("min", rule.min), ("max", rule.max)]
    out = []
    for bound, limit in limits:
        hit = [" ".join(key) or "all" for key, n in groups.items() if n == limit]
        if limit and hit:
            out.append(RuleAtLimit(rule=name, type=rule.type, bound=bound, limit=limit, subjects=hit))
    return out


def longest_run(problem: RosterProblem, worked: list[Cell], person: str) -> int | None:
    """The most consecutive days `person` works (any shift); on a cyclic horizon runs wrap from the last day to
    the first, and working every day is a run that never ends (None)."""
    on_days = {d for p, _, d in worked if p == person}
    on = [d in on_days for d in problem.days]
    if problem.cyclic and all(on):
        return None
    run = best = 0
    for works in on + on if problem.cyclic else on:
        run = run + 1 if works else 0
        best = max(best, run)
    return min(best, len(on))
