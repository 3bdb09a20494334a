"""Seeded generator of tiny random RosterProblems for the differential tests, and a greedy JSON shrinker.

`gen_roster(seed)` is a pure function of the seed (`random.Random(seed)`). Across seeds it draws every rule kind
of the assignment family, every cover variant (shift, period, any shift, one day, skill, max, soft minimum),
assignment and hire costs, copies, cyclic horizons, two shifts a day, every objective term and empty
objectives (satisfaction), a term listed twice, day ids not in sorted order, selections that are null or
partial, copies named one by one (`a#2`). Sizes stay within what the
brute-force oracle enumerates quickly: 1-3 people, 1-2 shifts, 2-4 days.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from ordino.models.assignment import RosterProblem

RULE_KINDS = ("unavailable", "count", "max_consecutive_days", "forbidden_sequence", "cyclic_pattern", "meet",
              "preference", "relation")
MAX_BITS = 19.1  # log2 of the number of raw rosters the oracle may enumerate

STAFF_LAYOUTS = {1: [[1]], 2: [[1, 1], [2]], 3: [[1, 1, 1], [2, 1], [1, 2], [3]]}


def _subset(rng: random.Random, pool: list[str], p_all: float = 0.45) -> list[str] | None:
    """None (all), else a random non-empty subset in pool order (an empty selection is refused by the model)."""
    if rng.random() < p_all:
        return None
    k = rng.randint(1, len(pool))
    chosen = set(rng.sample(pool, k))
    return [x for x in pool if x in chosen]


def _selection(rng: random.Random, staff_pool: list[str], shifts: list[str], days: list[str]) -> dict[str, Any]:
    sel: dict[str, Any] = {}
    for key, pool in (("staff", staff_pool), ("shifts", shifts), ("days", days)):
        v = _subset(rng, pool)
        if v is not None or rng.random() < 0.5:  # null written out or omitted: both mean all
            sel[key] = v
    return sel


def _bounds(rng: random.Random, top: int) -> tuple[int, int | None]:
    lo = 0 if rng.random() < 0.5 else rng.randint(1, top)
    hi = None if rng.random() < 0.4 else lo + rng.randint(0, 2)
    return lo, hi


def _dims(rng: random.Random) -> tuple[list[int], int, int, int]:
    """Copies per staff entry, shifts, days and shifts per day, within the enumeration budget."""
    while True:
        people = rng.choices([1, 2, 3], weights=[1, 8, 8])[0]
        layout = rng.choice(STAFF_LAYOUTS[people])
        n_shifts = rng.choice([1, 2])
        n_days = rng.choice([2, 3, 4])
        cap = 2 if n_shifts == 2 and rng.random() < 0.3 else 1
        per_day = sum(math.comb(n_shifts, k) for k in range(cap + 1))
        if people * n_days * math.log2(per_day) <= MAX_BITS:
            return layout, n_shifts, n_days, cap


def roster_dict(seed: int) -> dict[str, Any]:
    """The JSON-like dict of the problem for `seed`."""
    rng = random.Random(seed)
    layout, n_shifts, n_days, cap = _dims(rng)
    skills = ["k1", "k2"][: rng.randint(0, 2)]
    staff, staff_pool = [], []
    for i, copies in enumerate(layout):
        sid = "abc"[i]
        entry: dict[str, Any] = {"id": sid}
        if skills and rng.random() < 0.7:
            entry["skills"] = sorted(rng.sample(skills, rng.randint(0, len(skills))))
        if copies > 1:
            entry["copies"] = copies
        if rng.random() < 0.25:
            entry["hire_cost"] = rng.randint(0, 5)
        staff.append(entry)
        staff_pool += [sid] + ([f"{sid}#{k}" for k in range(1, copies + 1)] if copies > 1 else [])
    used_skills = sorted({k for e in staff for k in e.get("skills", [])})
    shift_ids = [f"s{k}" for k in range(1, n_shifts + 1)]
    shifts = []
    for s in shift_ids:
        entry = {"id": s}
        if rng.random() < 0.5:
            entry["periods"] = sorted(rng.sample(["p1", "p2"], rng.randint(1, 2)))
        shifts.append(entry)
    periods = sorted({p for s in shifts for p in s.get("periods", [])})
    days = [f"d{k}" for k in range(1, n_days + 1)]
    if rng.random() < 0.25:  # ids whose sorted order is not the horizon's order
        days = rng.sample(["mon", "tue", "wed", "thu", "fri"], n_days)
    kinds = [rng.choice(RULE_KINDS) for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4]))]
    cyclic = "cyclic_pattern" in kinds or rng.random() < 0.3
    problem: dict[str, Any] = {"schema": "ordino/1", "family": "assignment", "name": f"roster-{seed}",
                               "staff": staff, "shifts": shifts, "days": days}
    if cyclic:
        problem["cyclic"] = True
    if cap > 1:
        problem["max_shifts_per_day"] = cap
    cover = []
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        c: dict[str, Any] = {}
        target = rng.choice(["any", "shift", "period"])
        if target == "shift":
            c["shift"] = rng.choice(shift_ids)
        elif target == "period" and periods:
            c["period"] = rng.choice(periods)
        if rng.random() < 0.4:
            c["day"] = rng.choice(days)
        if used_skills and rng.random() < 0.3:
            c["skill"] = rng.choice(used_skills)
        lo, hi = _bounds(rng, 2)
        c["min"] = lo
        if hi is not None:
            c["max"] = hi
        if rng.random() < 0.35:
            c["shortfall_penalty"] = rng.randint(0, 5)
        cover.append(c)
    problem["cover"] = cover
    problem["costs"] = [{**_selection(rng, staff_pool, shift_ids, days), "cost": rng.randint(0, 4)}
                        for _ in range(rng.choice([0, 0, 1, 2]))]
    rules = []
    for kind in kinds:
        r: dict[str, Any] = {"type": kind}
        if kind in ("unavailable", "count", "preference"):
            r.update(_selection(rng, staff_pool, shift_ids, days))
        elif kind in ("max_consecutive_days", "forbidden_sequence", "cyclic_pattern", "meet"):
            staff_sel = _subset(rng, staff_pool, p_all=0.5)
            if staff_sel is not None or rng.random() < 0.5:
                r["staff"] = staff_sel
        if kind == "count":
            r["per"] = rng.sample(["staff", "shift", "day"], rng.randint(0, 3))
            lo, hi = _bounds(rng, 2)
            r["min"] = lo
            if hi is not None:
                r["max"] = hi
        elif kind == "max_consecutive_days":
            r["max_on"] = rng.randint(1, n_days)
        elif kind == "forbidden_sequence":
            r["first"], r["then"] = rng.choice(shift_ids), rng.choice(shift_ids)
        elif kind == "cyclic_pattern":
            r["on"] = rng.randint(1, n_days - 1)
            r["off"] = n_days - r["on"]
        elif kind == "meet":
            r["max"] = rng.randint(0, 2)
        elif kind == "preference":
            r["kind"] = rng.choice(["avoid", "want"])
            r["penalty"] = rng.randint(1, 5)
        elif kind == "relation":
            r["terms"] = [{**_selection(rng, staff_pool, shift_ids, days), "coef": rng.choice([-2, -1, -1, 0, 1, 1, 2])}
                          for _ in range(rng.randint(1, 3))]
            lo = rng.randint(-2, 2)
            hi = lo + rng.randint(0, 3)
            which = rng.random()
            if which < 0.7:
                r["min"] = lo
            if which > 0.3:
                r["max"] = hi
        rules.append(r)
    problem["rules"] = rules
    terms = [t for t in ("total_cost", "total_penalty", "staff_count") if rng.random() < 0.45]
    if terms and rng.random() < 0.1:  # a term listed twice: its weights add up
        terms.append(rng.choice(terms))
    problem["objective"] = [{"term": t, "weight": rng.randint(1, 3)} for t in terms]
    for load in ("max_shifts", "shift_spread"):  # the loads of the busiest (and idlest) person
        if rng.random() < 0.2:
            term: dict[str, Any] = {"term": load, "weight": rng.randint(1, 3)}
            if rng.random() < 0.5:
                term["shifts"] = [rng.choice(problem["shifts"])["id"]]
            problem["objective"].append(term)
    return problem


def gen_roster(seed: int) -> RosterProblem:
    """The random tiny RosterProblem for `seed`."""
    return RosterProblem.model_validate(roster_dict(seed))


def roster_tags(problem: RosterProblem) -> set[str]:
    """The features a problem exercises (for coverage counts)."""
    tags = {f"rule:{r.type}" for r in problem.rules}
    tags |= {f"preference:{r.kind}" for r in problem.rules if r.type == "preference"}
    tags |= {f"count:per={len(r.per)}" for r in problem.rules if r.type == "count"}
    tags |= {f"objective:{t.term}" for t in problem.objective}
    tags |= {f"objective:{t.term} of some shifts" for t in problem.objective if t.shifts}
    if len({t.term for t in problem.objective}) < len(problem.objective):
        tags.add("objective:term twice")
    if sorted(problem.days) != list(problem.days):
        tags.add("days not in sorted order")
    if not problem.objective:
        tags.add("objective:none (satisfaction)")
    for c in problem.cover:
        tags.add("cover:" + ("shift" if c.shift else "period" if c.period else "any shift"))
        tags |= {name for name, on in (("cover:day", c.day), ("cover:skill", c.skill),
                                       ("cover:max", c.max is not None),
                                       ("cover:soft", c.shortfall_penalty is not None)) if on}
    if problem.costs:
        tags.add("costs")
    if any(s.hire_cost for s in problem.staff):
        tags.add("hire_cost")
    if any(s.copies > 1 for s in problem.staff):
        tags.add("copies")
    if problem.cyclic:
        tags.add("cyclic")
    if problem.max_shifts_per_day > 1:
        tags.add("max_shifts_per_day=2")
    return tags


def shrink(data: dict[str, Any], still_fails: Callable[[dict[str, Any]], bool], validate: Callable[[dict], Any],
           rounds: int = 400) -> dict[str, Any]:
    """Greedily drop list items and optional keys from a model dict while it stays valid and `still_fails`."""
    def candidates(node: Any, path: tuple) -> list[tuple]:
        out: list[tuple] = []
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in ("schema", "family"):
                    out.append((*path, k))
                    out += candidates(v, (*path, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                out.append((*path, i))
                out += candidates(v, (*path, i))
        return out

    def without(node: Any, path: tuple) -> Any:
        copy = json.loads(json.dumps(node))
        parent = copy
        for step in path[:-1]:
            parent = parent[step]
        del parent[path[-1]]
        return copy

    current, changed = data, True
    while changed and rounds > 0:
        changed = False
        for path in candidates(current, ()):
            rounds -= 1
            if rounds <= 0:
                break
            trial = without(current, path)
            try:
                validate(trial)
            except (ValidationError, ValueError):
                continue
            if still_fails(trial):
                current, changed = trial, True
                break
    return current
