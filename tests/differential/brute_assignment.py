"""Brute-force oracle for the assignment family; shares no code with `ordino` (it reads the model's fields only).

A roster is a 0/1 cube x[person, shift, day]. Each person's row (shifts x days) is enumerated on its own (at
most `max_shifts_per_day` shifts a day) and filtered by the rules about one person only (unavailability,
consecutive days, forbidden sequences, cyclic patterns). Every other rule is a linear function of x (cover
counts, counts, relations, costs, preferences), a clipped linear function (soft cover shortfall) or a pairwise
product (meets), so it is evaluated on every combination of the surviving rows at once with numpy.

Readings taken from the docstrings (the verifier was consulted only where they leave a choice open):
- a cover counts assignments (a person working two matching shifts on a day counts twice), as the verifier;
- selections are sets of cells (null means all; the model refuses an empty list);
- a Count group is every combination of the selection's values in the `per` dimensions; with `per` = [] there
  is exactly one group;
- on a cyclic horizon a person working every day has a run that never ends (it breaks any `max_on`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from ordino.models.assignment import RosterProblem

BIG = 10**9
CHUNK = 1 << 16


@dataclass
class BruteRoster:
    """The oracle's answer: 'optimal' with the minimum and one optimal roster, or 'infeasible'."""

    status: str
    objective: int | None
    witness: list[tuple[str, str, str]] | None
    combos: int
    feasible_rosters: int


@dataclass
class _Data:
    """Everything the enumeration needs, as index arrays."""

    people: list[str]
    shifts: list[str]
    days: list[str]
    weights: np.ndarray  # (R, P, S, D) linear features
    lo: np.ndarray  # (R,)
    hi: np.ndarray  # (R,)
    obj: np.ndarray  # (P, S, D) linear objective coefficients
    obj_used: np.ndarray  # (P,) objective paid once if the person works
    obj_const: int
    shortfall: list[tuple[int, int, int]]  # (feature, min, weighted penalty per missing person)
    meets: list[tuple[int, int, int]]  # (person a, person b, max shared slots)
    loads: list[tuple[np.ndarray, int, bool]]  # (counted shifts mask, weight, spread) of max_shifts / shift_spread


class _Index:
    """Names of individuals, shifts and days, and set-semantics cell masks."""

    def __init__(self, problem: RosterProblem) -> None:
        self.people: list[str] = []
        self.entry_of: dict[str, str] = {}
        self.skills: dict[str, set[str]] = {}
        self.hire: dict[str, int] = {}
        for s in problem.staff:
            names = [s.id] if s.copies == 1 else [f"{s.id}#{k}" for k in range(1, s.copies + 1)]
            for n in names:
                self.people.append(n)
                self.entry_of[n] = s.id
                self.skills[n] = set(s.skills)
                self.hire[n] = s.hire_cost
        self.shifts = [s.id for s in problem.shifts]
        self.periods = {s.id: set(s.periods) for s in problem.shifts}
        self.days = list(problem.days)
        self.shape = (len(self.people), len(self.shifts), len(self.days))

    def persons(self, ids: list[str] | None) -> list[int]:
        """Indices of the individuals named by staff ids (an entry id names all its copies); None = all."""
        if ids is None:
            return list(range(len(self.people)))
        return [i for i, n in enumerate(self.people) if n in ids or self.entry_of[n] in ids]

    def axis(self, given: list[str] | None, names: list[str]) -> list[int]:
        """Indices of the named shifts or days (None = all), each once."""
        return list(range(len(names))) if given is None else [i for i, n in enumerate(names) if n in given]

    def mask(self, staff: list[str] | None, shifts: list[str] | None, days: list[str] | None) -> np.ndarray:
        """The selected cells as a (P, S, D) boolean mask."""
        m = np.zeros(self.shape, dtype=bool)
        m[np.ix_(self.persons(staff), self.axis(shifts, self.shifts), self.axis(days, self.days))] = True
        return m


def _row_filters(problem: RosterProblem, ix: _Index) -> list[list]:
    """For each person, predicates on an array of rows (k, S, D) -> (k,) keeping only the allowed rows."""
    nd = len(ix.days)
    cyclic = problem.cyclic
    checks: list[list] = [[] for _ in ix.people]
    cap = problem.max_shifts_per_day
    for p in range(len(ix.people)):
        checks[p].append(lambda r, cap=cap: (r.sum(axis=1) <= cap).all(axis=1))
    for rule in problem.rules:
        kind = rule.type
        if kind == "unavailable":
            m = ix.mask(rule.staff, rule.shifts, rule.days)
            for p in range(len(ix.people)):
                if m[p].any():
                    checks[p].append(lambda r, m=m[p]: ~(r & m).any(axis=(1, 2)))
        elif kind == "max_consecutive_days":
            length = rule.max_on + 1  # a run this long is forbidden
            if cyclic and length <= nd:
                windows = [[(s + i) % nd for i in range(length)] for s in range(nd)]
            elif not cyclic and length <= nd:
                windows = [list(range(s, s + length)) for s in range(nd - length + 1)]
            elif cyclic:  # working every day of a cyclic roster is a run that never ends
                windows = [list(range(nd))]
            else:
                windows = []
            for p in ix.persons(rule.staff):
                for w in windows:
                    checks[p].append(lambda r, w=w: ~r.any(axis=1)[:, w].all(axis=1))
        elif kind == "forbidden_sequence":
            a, b = ix.shifts.index(rule.first), ix.shifts.index(rule.then)
            pairs = [(d, (d + 1) % nd) for d in range(nd if cyclic else nd - 1)]
            for p in ix.persons(rule.staff):
                for d, e in pairs:
                    checks[p].append(lambda r, a=a, b=b, d=d, e=e: ~(r[:, a, d] & r[:, b, e]))
        elif kind == "cyclic_pattern":
            base = [True] * rule.on + [False] * rule.off
            allowed = np.array([[False] * nd] + [base[-s:] + base[:-s] if s else base for s in range(nd)])

            def pattern_ok(r: np.ndarray, allowed: np.ndarray = allowed) -> np.ndarray:
                on = r.any(axis=1)
                return (on[:, None, :] == allowed[None, :, :]).all(axis=2).any(axis=1)

            for p in ix.persons(rule.staff):
                checks[p].append(pattern_ok)
    return checks


def _data(problem: RosterProblem, ix: _Index) -> _Data:
    """Linear features with their bounds, the objective, soft shortfalls and meet pairs."""
    weights: list[np.ndarray] = []
    lo: list[int] = []
    hi: list[int] = []
    shortfall: list[tuple[int, int, int]] = []
    meets: list[tuple[int, int, int]] = []
    wt = {"total_cost": 0, "total_penalty": 0, "staff_count": 0}
    loads = []
    for t in problem.objective:
        if t.term in wt:
            wt[t.term] += t.weight
        else:  # the busiest person's count of the named shifts (all when none), less the idlest one's for a spread
            counted = np.array([t.shifts is None or s in t.shifts for s in ix.shifts])
            loads.append((counted, t.weight, t.term == "shift_spread"))
    obj = np.zeros(ix.shape, dtype=np.int64)
    obj_const = 0
    for c in problem.cover:
        skilled = [c.skill is None or c.skill in ix.skills[n] for n in ix.people]
        matching = [(c.shift is None or s == c.shift) and (c.period is None or c.period in ix.periods[s])
                    for s in ix.shifts]
        for d in ix.axis(None if c.day is None else [c.day], ix.days):
            w = np.zeros(ix.shape, dtype=np.int64)
            w[np.ix_(np.flatnonzero(skilled), np.flatnonzero(matching), [d])] = 1
            weights.append(w)
            lo.append(c.min if c.shortfall_penalty is None else 0)
            hi.append(BIG if c.max is None else c.max)
            if c.shortfall_penalty is not None:
                shortfall.append((len(weights) - 1, c.min, c.shortfall_penalty * wt["total_penalty"]))
    for c in problem.costs:
        obj += wt["total_cost"] * c.cost * ix.mask(c.staff, c.shifts, c.days)
    for rule in problem.rules:
        kind = rule.type
        if kind == "count":
            dims = {"staff": ix.persons(rule.staff), "shift": ix.axis(rule.shifts, ix.shifts),
                    "day": ix.axis(rule.days, ix.days)}
            for key in itertools.product(*(dims[dim] for dim in rule.per)):
                sel = dict(dims)
                sel.update({dim: [v] for dim, v in zip(rule.per, key, strict=True)})
                w = np.zeros(ix.shape, dtype=np.int64)
                w[np.ix_(sel["staff"], sel["shift"], sel["day"])] = 1
                weights.append(w)
                lo.append(rule.min)
                hi.append(BIG if rule.max is None else rule.max)
        elif kind == "relation":
            w = np.zeros(ix.shape, dtype=np.int64)
            for t in rule.terms:
                w += t.coef * ix.mask(t.staff, t.shifts, t.days)
            weights.append(w)
            lo.append(-BIG if rule.min is None else rule.min)
            hi.append(BIG if rule.max is None else rule.max)
        elif kind == "preference":
            m = ix.mask(rule.staff, rule.shifts, rule.days)
            pen = rule.penalty * wt["total_penalty"]
            if rule.kind == "avoid":
                obj += pen * m
            else:  # each selected cell left empty costs pen: pen * (|cells| - assigned cells)
                obj_const += pen * int(m.sum())
                obj -= pen * m
        elif kind == "meet":
            for a, b in itertools.combinations(ix.persons(rule.staff), 2):
                meets.append((a, b, rule.max))
    obj_used = np.array([wt["total_cost"] * ix.hire[n] + wt["staff_count"] for n in ix.people], dtype=np.int64)
    r = np.stack(weights) if weights else np.zeros((0, *ix.shape), dtype=np.int64)
    return _Data(ix.people, ix.shifts, ix.days, r, np.array(lo, dtype=np.int64), np.array(hi, dtype=np.int64),
                 obj, obj_used, obj_const, shortfall, meets, loads)


def _all_rows(n_shifts: int, n_days: int, cap: int) -> np.ndarray:
    """Every row (k, S, D) with at most `cap` shifts a day."""
    day_choices = [c for c in itertools.product([False, True], repeat=n_shifts) if sum(c) <= cap]
    rows = [np.array(combo, dtype=bool).T for combo in itertools.product(day_choices, repeat=n_days)]
    return np.array(rows, dtype=bool).reshape(-1, n_shifts, n_days)


def _search(data: _Data, rows: list[np.ndarray]) -> tuple[int | None, tuple[int, ...] | None, int, int]:
    """Minimum objective over all combinations of rows (one per person), the argmin, combos and feasible count."""
    n_people = len(rows)
    flat = [r.reshape(len(r), -1).astype(np.int64) for r in rows]
    cells = len(data.shifts) * len(data.days)
    feats = [f @ data.weights[:, p].reshape(len(data.weights), cells).T for p, f in enumerate(flat)]
    objs = [f @ data.obj[p].reshape(-1) + data.obj_used[p] * (f.sum(axis=1) > 0) for p, f in enumerate(flat)]
    shared = {(a, b): flat[a] @ flat[b].T for a, b, _ in data.meets}
    counts = [[r[:, counted, :].sum(axis=(1, 2)) for r in rows] for counted, _, _ in data.loads]
    sizes = [len(r) for r in rows]
    total = int(np.prod(sizes)) if n_people else 1
    best: int | None = None
    best_at: tuple[int, ...] | None = None
    count = 0
    for start in range(0, total, CHUNK):
        flat_ids = np.arange(start, min(total, start + CHUNK))
        idx = np.unravel_index(flat_ids, sizes)
        f = sum(feats[p][idx[p]] for p in range(n_people))
        ok = ((f >= data.lo) & (f <= data.hi)).all(axis=1)
        for a, b, mx in data.meets:
            ok &= shared[a, b][idx[a], idx[b]] <= mx
        value = data.obj_const + sum(objs[p][idx[p]] for p in range(n_people))
        for feature, need, pen in data.shortfall:
            value = value + pen * np.maximum(0, need - f[:, feature])
        for (_, weight, spread), per_person in zip(data.loads, counts, strict=True):
            load = np.stack([per_person[p][idx[p]] for p in range(n_people)])
            value = value + weight * (load.max(axis=0) - (load.min(axis=0) if spread else 0))
        count += int(ok.sum())
        if ok.any():
            k = int(np.argmin(np.where(ok, value, np.iinfo(np.int64).max)))
            if best is None or int(value[k]) < best:
                best, best_at = int(value[k]), tuple(int(i[k]) for i in idx)
    return best, best_at, total, count


def _filtered(problem: RosterProblem, ix: _Index, rows: list[np.ndarray]) -> list[np.ndarray]:
    """Each person's rows that pass the one-person rules."""
    out = []
    for p, checks in enumerate(_row_filters(problem, ix)):
        r = rows[p]
        for check in checks:
            r = r[check(r)]
        out.append(r)
    return out


def brute_roster(problem: RosterProblem) -> BruteRoster:
    """Enumerate every roster of a tiny problem: the exact optimum (or infeasibility) and one optimal roster."""
    ix = _Index(problem)
    base = _all_rows(len(ix.shifts), len(ix.days), problem.max_shifts_per_day)
    rows = _filtered(problem, ix, [base] * len(ix.people))
    data = _data(problem, ix)
    best, at, total, count = _search(data, rows)
    if best is None or at is None:
        return BruteRoster("infeasible", None, None, total, 0)
    witness = [(ix.people[p], ix.shifts[s], ix.days[d]) for p in range(len(ix.people))
               for s, d in zip(*np.nonzero(rows[p][at[p]]), strict=True)]
    return BruteRoster("optimal", best, witness, total, count)


def evaluate_roster(problem: RosterProblem, cells: list[tuple[str, str, str]]) -> tuple[bool, int | None, str]:
    """Feasibility and objective of one roster under the oracle's reading; a reason when infeasible."""
    ix = _Index(problem)
    row = np.zeros(ix.shape, dtype=bool)
    seen = set()
    for p, s, d in cells:
        if p not in ix.people or s not in ix.shifts or d not in ix.days:
            return False, None, f"unknown cell {(p, s, d)}"
        if (p, s, d) in seen:
            return False, None, f"cell {(p, s, d)} listed twice"
        seen.add((p, s, d))
        row[ix.people.index(p), ix.shifts.index(s), ix.days.index(d)] = True
    rows = _filtered(problem, ix, [row[p][None] for p in range(len(ix.people))])
    bad = [ix.people[p] for p, r in enumerate(rows) if len(r) == 0]
    if bad:
        return False, None, f"one-person rule broken for {bad}"
    best, _, _, _ = _search(_data(problem, ix), rows)
    if best is None:
        return False, None, "a cover, count, relation or meet is broken"
    return True, best, ""
