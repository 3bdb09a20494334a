"""Independent verifier of the assignment family: rechecks every rule on a Roster, recomputes the objective.

It shares no code with the CP-SAT or MILP compilers; it reads the RosterProblem's definitions only.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from ordino.models import assignment as rules
from ordino.models.assignment import Roster, RosterProblem
from ordino.models.results import Verification, Violation


def verify_roster(problem: RosterProblem, roster: Roster) -> Verification:
    """Every violation of `problem`'s rules in `roster`, and the objective recomputed from the assignments."""
    bad: list[Violation] = []
    people = set(problem.people)
    shifts = {s.id for s in problem.shifts}
    days = list(problem.days)
    worked: set[tuple[str, str, str]] = set()
    for assignment in roster.assignments:
        cell = (assignment.staff, assignment.shift, assignment.day)
        if assignment.staff not in people or assignment.shift not in shifts or assignment.day not in days:
            bad.append(Violation(kind="unknown", message=f"assignment {cell} names an undeclared staff, shift or day"))
        elif cell in worked:
            bad.append(Violation(kind="duplicate", message=f"assignment {cell} is listed twice"))
        else:
            worked.add(cell)
    per_day = Counter((p, d) for p, _, d in worked)
    for (p, d), n in per_day.items():
        if n > problem.max_shifts_per_day:
            bad.append(Violation(kind="shifts_per_day", message=f"{p!r} works {n} shifts on {d!r} "
                                 f"(at most {problem.max_shifts_per_day})"))
    entry = problem.person_entry()
    shift_periods = {s.id: set(s.periods) for s in problem.shifts}
    penalty = 0
    for k, c in enumerate(problem.cover):
        for d in ([c.day] if c.day is not None else days):
            n = sum(1 for p, s, dd in worked if dd == d
                    and (c.shift is None or s == c.shift)
                    and (c.period is None or c.period in shift_periods[s])
                    and (c.skill is None or c.skill in entry[p].skills))
            what = f"cover[{k}] on {d!r}" + (f" shift {c.shift!r}" if c.shift else "") + \
                   (f" period {c.period!r}" if c.period else "") + (f" skill {c.skill!r}" if c.skill else "")
            if n < c.min:
                if c.shortfall_penalty is None:
                    bad.append(Violation(kind="cover", message=f"{what}: {n} staff, at least {c.min} needed"))
                else:
                    penalty += c.shortfall_penalty * (c.min - n)
            if c.max is not None and n > c.max:
                bad.append(Violation(kind="cover", message=f"{what}: {n} staff, at most {c.max} allowed"))
    works_on = {(p, d) for p, _, d in worked}
    nd = len(days)
    for r in problem.rules:
        if isinstance(r, rules.Unavailable):
            for cell in set(problem.cells(r)) & worked:
                bad.append(Violation(kind="unavailable", message=f"{cell[0]!r} is unavailable for {cell[1]!r} on "
                                     f"{cell[2]!r}"))
        elif isinstance(r, rules.Count):
            groups: Counter = Counter()
            keys = set()
            for p, s, d in problem.cells(r):
                key = tuple({"staff": p, "shift": s, "day": d}[dim] for dim in r.per)
                keys.add(key)
                groups[key] += (p, s, d) in worked
            for key in keys:
                n = groups[key]
                if n < r.min or (r.max is not None and n > r.max):
                    bad.append(Violation(kind="count", message=f"count per {r.per} {key}: {n} assignments, "
                                         f"allowed [{r.min}, {r.max}]"))
        elif isinstance(r, rules.MaxConsecutiveDays):
            for p in problem.expand_staff(r.staff):
                on = [(p, d) in works_on for d in days]
                if all(on) and problem.cyclic:
                    bad.append(Violation(kind="consecutive", message=f"{p!r} works every day of a cyclic roster, "
                                         f"a run that never ends (at most {r.max_on})"))
                    continue
                run, best = 0, 0
                for x in on + on if problem.cyclic else on:
                    run = run + 1 if x else 0
                    best = max(best, run)
                run = min(best, nd)
                if run > r.max_on:
                    bad.append(Violation(kind="consecutive", message=f"{p!r} works {run} consecutive days "
                                         f"(at most {r.max_on})"))
        elif isinstance(r, rules.ForbiddenSequence):
            for p in problem.expand_staff(r.staff):
                for i in range(nd if problem.cyclic else nd - 1):
                    d, nxt = days[i], days[(i + 1) % nd]
                    if (p, r.first, d) in worked and (p, r.then, nxt) in worked:
                        bad.append(Violation(kind="sequence", message=f"{p!r} works {r.then!r} on {nxt!r} right "
                                             f"after {r.first!r} on {d!r}"))
        elif isinstance(r, rules.CyclicPattern):
            for p in problem.expand_staff(r.staff):
                on = [(p, d) in works_on for d in days]
                if not any(on):
                    continue
                ok = any(all(on[(start + i) % nd] == (i < r.on) for i in range(nd)) for start in range(nd))
                if not ok:
                    bad.append(Violation(kind="pattern", message=f"{p!r} does not work {r.on} consecutive days "
                                         f"then {r.off} off: works {[d for d, x in zip(days, on, strict=False) if x]}"))
        elif isinstance(r, rules.Meet):
            slots: dict[str, set[tuple[str, str]]] = {}
            for p, s, d in worked:
                slots.setdefault(p, set()).add((s, d))
            for a, b in combinations(problem.expand_staff(r.staff), 2):
                n = len(slots.get(a, set()) & slots.get(b, set()))
                if n > r.max:
                    bad.append(Violation(kind="meet", message=f"{a!r} and {b!r} share a shift {n} times "
                                         f"(at most {r.max})"))
        elif isinstance(r, rules.Relation):
            value = sum(t.coef * len(set(problem.cells(t)) & worked) for t in r.terms)
            if (r.min is not None and value < r.min) or (r.max is not None and value > r.max):
                bad.append(Violation(kind="relation", message=f"relation value {value} outside [{r.min}, {r.max}]"))
        elif isinstance(r, rules.Preference):
            cells = set(problem.cells(r))
            hit = len(cells & worked) if r.kind == "avoid" else len(cells - worked)
            penalty += r.penalty * hit
    scale = problem.cost_scale
    units = 0  # the total cost in 1/scale of the money unit, exact in integers
    for priced in problem.costs:
        units += round(priced.cost * scale) * len(set(problem.cells(priced)) & worked)
    used = {p for p, _, _ in worked}
    units += sum(round(entry[p].hire_cost * scale) for p in used)
    terms = {"total_cost": units if scale == 1 else units / scale, "total_penalty": penalty, "staff_count": len(used)}
    for t in problem.objective:
        if t.term in ("max_shifts", "shift_spread"):
            counted = set(t.shifts or [s.id for s in problem.shifts])
            loads = [sum(1 for q, s, _ in worked if q == p and s in counted) for p in problem.people]
            terms[t.key] = max(loads) - (min(loads) if t.term == "shift_spread" else 0)
    objective = sum(t.weight * terms[t.key] for t in problem.objective)
    return Verification(violations=bad, objective=objective, terms=terms)
