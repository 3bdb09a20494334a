"""Redundant constraints implied by a RosterProblem's rules, added to the CP-SAT model to help the search.

They change no solution set; they make structure that the rules state only as linear counts visible to the
SAT search (timetabling records such as round robins with mirrored halves need them to solve in seconds):

- mirrored pairs: with `a` and `b` each assigned exactly once over the horizon and a relation "a or b on day
  r1 exactly when a or b on day r2", `a` on r1 is `b` on r2 and `b` on r1 is `a` on r2;
- day capacity: when every person lies in at least `k` at-most-one-per-day groups, at most floor(groups / k)
  people work on a day (each game occupies two teams);
- aggregate literals: a count over a set of people that can work at most once a day together gets one
  Boolean per day ("team t plays at home on d"); aggregates of disjoint sets inside one group exclude each
  other.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from ordino.models.assignment import Count, Relation, RosterProblem

Cell = tuple[str, str, str]


def _exactly_once(problem: RosterProblem) -> set[str]:
    """People assigned exactly once over all shifts and days."""
    out: set[str] = set()
    for r in problem.rules:
        if (isinstance(r, Count) and r.per == ["staff"] and r.min == 1 and r.max == 1 and r.shifts is None
                and r.days is None):
            out |= set(problem.expand_staff(r.staff))
    return out


def _day_groups(problem: RosterProblem) -> list[frozenset[str]]:
    """Sets of people of whom at most one works on any day (count rules per day with max 1 on all days)."""
    groups = []
    for r in problem.rules:
        if isinstance(r, Count) and r.per == ["day"] and r.max == 1 and r.shifts is None and r.days is None:
            groups.append(frozenset(problem.expand_staff(r.staff)))
    return groups


def _mirror(m: cp_model.CpModel, problem: RosterProblem, x: dict[Cell, cp_model.IntVar], once: set[str]) -> int:
    """Equalities between the two halves of mirrored pairs; returns how many relations were recognised."""
    if len(problem.shifts) != 1:
        return 0
    shift = problem.shifts[0].id
    found = 0
    for r in problem.rules:
        if not (isinstance(r, Relation) and r.min == 0 and r.max == 0 and len(r.terms) == 2):
            continue
        t1, t2 = r.terms
        if {t1.coef, t2.coef} != {1, -1} or not t1.days or not t2.days or len(t1.days) != 1 or len(t2.days) != 1:
            continue
        pair1, pair2 = problem.expand_staff(t1.staff), problem.expand_staff(t2.staff)
        r1, r2 = t1.days[0], t2.days[0]
        if set(pair1) != set(pair2) or len(pair1) != 2 or r1 == r2 or not set(pair1) <= once:
            continue
        a, b = pair1
        m.add(x[a, shift, r1] == x[b, shift, r2])
        m.add(x[b, shift, r1] == x[a, shift, r2])
        found += 1
    return found


def _day_capacity(m: cp_model.CpModel, problem: RosterProblem, x: dict[Cell, cp_model.IntVar],
                  groups: list[frozenset[str]]) -> None:
    """Rounded sum of the at-most-one groups: at most floor(len(groups) / k) people a day."""
    if not groups:
        return
    k = min(sum(p in g for g in groups) for p in problem.people)
    cap = len(groups) // k if k >= 2 else len(problem.people)
    if cap >= len(problem.people):
        return
    shifts = [s.id for s in problem.shifts]
    for d in problem.days:
        m.add(sum(x[p, s, d] for p in problem.people for s in shifts) <= cap)


def _aggregates(m: cp_model.CpModel, problem: RosterProblem, x: dict[Cell, cp_model.IntVar],
                groups: list[frozenset[str]]) -> None:
    """One literal per (set of people inside a group, day) for the count rules over such sets."""
    shifts = [s.id for s in problem.shifts]
    agg: dict[tuple[frozenset[str], str], cp_model.IntVar] = {}
    for r in problem.rules:
        if not (isinstance(r, Count) and r.per == [] and r.shifts is None and r.staff is not None):
            continue
        people = frozenset(problem.expand_staff(r.staff))
        if not any(people < g for g in groups):
            continue
        lits = []
        for d in r.days if r.days is not None else problem.days:
            if (people, d) not in agg:
                v = m.new_bool_var(f"agg[{len(agg)}]")
                m.add(v == sum(x[p, s, d] for p in people for s in shifts))
                agg[people, d] = v
            lits.append(agg[people, d])
        m.add(sum(lits) >= r.min)
        if r.max is not None:
            m.add(sum(lits) <= r.max)
    by_day: dict[str, list[frozenset[str]]] = {}
    for people, d in agg:
        by_day.setdefault(d, []).append(people)
    for d, sets in by_day.items():
        for g in groups:
            inside = [s for s in sets if s < g]
            for i, a in enumerate(inside):
                for b in inside[i + 1:]:
                    if not a & b:
                        m.add_bool_or([agg[a, d].negated(), agg[b, d].negated()])


def add_implied_structure(m: cp_model.CpModel, problem: RosterProblem, x: dict[Cell, cp_model.IntVar]) -> None:
    """Add the redundant constraints described in the module docstring."""
    groups = _day_groups(problem)
    _mirror(m, problem, x, _exactly_once(problem))
    _day_capacity(m, problem, x, groups)
    _aggregates(m, problem, x, groups)
