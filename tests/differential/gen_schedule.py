"""Seeded generator of tiny random scheduling Problems for the differential tests, and a greedy shrinker.

`gen_schedule(seed)` is a pure function of the seed (`random.Random(seed)`). About half the problems are "general":
every constraint type (`permutation` also on flow shops), every objective term and weighted sums of them, task and
job releases, deadlines and due dates (also on jobs of several tasks, sometimes negative), earliness weights,
machine breaks, sequence-dependent setups with families, renewables of capacity > 1 with demands, consumables,
multi-mode tasks (choice of machine, mode costs), optional tasks with absence penalties, zero durations and a user
horizon. The rest are the classic structures the specialised methods accept (single machine tardiness,
single/parallel machines, flow, job and flexible job shops, RCPSP). Sizes: 2-5 tasks, durations 0-5, other numbers
below about 25, and a brute-force grid bound of at most `MAX_BOUND`.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from brute_schedule import BruteResult, TooLarge, brute_force, start_bound

from ordino.models import Problem, classify

TERMS = ("makespan", "total_completion_time", "total_weighted_completion_time", "total_tardiness",
         "total_weighted_tardiness", "maximum_lateness", "number_tardy", "weighted_number_tardy",
         "total_earliness", "total_weighted_earliness", "total_setup_time", "total_cost", "total_flow_time",
         "total_weighted_flow_time")
DUE_TERMS = frozenset(TERMS[3:10]) | {"maximum_tardiness"}
CONSTRAINTS = ("end_before_start", "start_before_start", "end_before_end", "start_before_end", "no_wait",
               "same_resource", "different_resource", "time_window", "synchronize", "blocking",
               "select_exactly_one", "separation", "permutation")
CLASSIC = ("single_tardiness", "single", "parallel", "flow_shop", "job_shop", "flexible_job_shop", "rcpsp")
MAX_BOUND = 40  # start_bound above this is drawn again (the oracle's grid grows with it)
MAX_CALENDAR_BOUND = 130  # the same for problems with calendars (whose bound counts whole weeks)
MAX_ROWS = 300_000  # so is a problem whose brute-force join would hold more rows at some step


def gen_schedule(seed: int) -> tuple[Problem, BruteResult]:
    """The problem of a seed and its brute-force answer (drawn again, with the same generator, until the
    problem is valid and small enough for the oracle)."""
    rng = random.Random(seed)
    spans = random.Random(f"span {seed}")  # its own stream, so the other draws of a seed stay as they were
    plans = random.Random(f"deviation {seed}")
    pausing = random.Random(f"resumable {seed}")
    weeks = random.Random(f"calendar {seed}")
    for _ in range(500):
        kind = "general" if rng.random() < 0.55 else rng.choice(CLASSIC)
        data = _general(rng) if kind == "general" else _classic(rng, kind)
        if spans.random() < 0.15:
            ids = [t["id"] for t in data["tasks"]]
            data["objective"] = [*data["objective"], {"term": "span", "weight": spans.randint(1, 3),
                                                      "start_of": spans.sample(ids, spans.randint(1, 2)),
                                                      "end_of": spans.sample(ids, spans.randint(1, 2))}]
        if plans.random() < 0.15:  # a plan to stay close to, as rescheduling gives one
            chosen = plans.sample(data["tasks"], plans.randint(1, len(data["tasks"])))
            data["objective"] = [*data["objective"], {"term": "deviation", "weight": plans.randint(1, 3), "baseline": [
                {"task": t["id"], "mode": plans.randrange(len(t["modes"])), "start": (s := plans.randint(0, 8)),
                 "end": s + 1} for t in chosen]}]
        if any(r.get("unavailable") for r in data["resources"]) and pausing.random() < 0.5:
            for t in data["tasks"]:  # some tasks pause over the down times instead of avoiding them
                t["resumable"] = pausing.random() < 0.6
        if weeks.random() < 0.15 and len(data["tasks"]) <= 3:
            _calendars(weeks, data)
        try:
            problem = Problem.model_validate(data)
        except ValueError:
            continue
        if start_bound(problem) > (MAX_CALENDAR_BOUND if problem.calendars else MAX_BOUND):
            continue
        try:
            return problem, brute_force(problem, max_rows=MAX_ROWS)
        except TooLarge:
            continue
    raise RuntimeError(f"seed {seed}: no valid, small problem in 500 draws")


# --- general problems ------------------------------------------------------------------------------------

def _general(rng: random.Random) -> dict[str, Any]:
    n = rng.choice([2, 3, 3, 4, 4, 5])
    ids = [f"t{k}" for k in range(n)]
    machines = [f"M{k}" for k in range(rng.choice([0, 1, 1, 2, 2, 3]))]
    resources: list[dict[str, Any]] = [{"id": m} for m in machines]
    families = ["A", "B"]
    for r in resources:
        if rng.random() < 0.2:
            r["unavailable"] = _breaks(rng)
        if rng.random() < 0.25:
            r["setups"] = [{"before": rng.choice([*families, rng.choice(ids)]), "after": rng.choice(families),
                            "time": rng.randint(0, 3)} for _ in range(rng.randint(1, 3))]
            own = random.Random(repr(r))  # drawn apart, so that every other draw (and seed) stays as it was
            if own.random() < 0.4:  # the state at time 0: a family of the tasks, or one of its own ('clean')
                r["initial_family"] = own.choice([*families, "clean"])
                r["setups"] += [{"before": "clean", "after": f, "time": own.randint(1, 3)} for f in families]
    renewable = rng.random() < 0.3
    if renewable:
        resources.append({"id": "R", "kind": "renewable", "capacity": rng.randint(1, 3)})
        if rng.random() < 0.2:
            resources[-1]["unavailable"] = _breaks(rng)
    consumable = rng.random() < 0.15
    if consumable:
        resources.append({"id": "C", "kind": "consumable", "capacity": rng.randint(1, 6)})
    cap = {r["id"]: r.get("capacity", 1) for r in resources}
    jobs: list[dict[str, Any]] = []
    job_of: dict[str, str] = {}
    if n >= 2 and rng.random() < 0.4:
        members = rng.sample(ids, rng.randint(2, n))
        split = rng.randint(1, len(members)) if len(members) > 2 and rng.random() < 0.4 else len(members)
        for j, part in enumerate((members[:split], members[split:])):
            if part:
                jobs.append(_job(rng, f"J{j}"))
                job_of.update({t: f"J{j}" for t in part})
    terms = _objective(rng)
    names = {t["term"] for t in terms}
    tasks = []
    for tid in ids:
        task: dict[str, Any] = {"id": tid, "modes": [_mode(rng, machines, renewable, consumable, cap, terms)
                                                    for _ in range(rng.choice([1, 1, 1, 1, 2, 2, 3]))]}
        if tid in job_of:
            task["job"] = job_of[tid]
        if rng.random() < 0.3:
            task["release"] = rng.randint(1, 6)
        if rng.random() < 0.15:
            task["deadline"] = task.get("release", 0) + min(m["duration"] for m in task["modes"]) + rng.randint(0, 8)
        if tid not in job_of and rng.random() < (0.7 if DUE_TERMS & names else 0.2):
            task["due"] = _due(rng)
        if rng.random() < 0.4:
            task["weight"] = rng.choice([0, 2, 3, 4])
        if rng.random() < 0.25:
            task["earliness_weight"] = rng.randint(0, 3)
        if rng.random() < 0.12:
            task["optional"] = True
            task["absence_penalty"] = rng.randint(0, 8)
        if any("setups" in r for r in resources) and rng.random() < 0.7:
            task["family"] = rng.choice(families)
        tasks.append(task)
    if DUE_TERMS & names and not any("due" in t for t in tasks) and not any("due" in j for j in jobs):
        target = rng.choice(tasks)
        if "job" in target:
            next(j for j in jobs if j["id"] == target["job"])["due"] = _due(rng)
        else:
            target["due"] = _due(rng)
    constraints = [_constraint(rng, rng.choice(CONSTRAINTS), tasks, cap, jobs)
                   for _ in range(rng.choice([0, 1, 1, 2, 2, 3]))]
    data: dict[str, Any] = {"resources": resources, "jobs": jobs, "tasks": tasks,
                            "constraints": [c for c in constraints if c], "objective": terms}
    if rng.random() < 0.15:
        data["horizon"] = rng.randint(4, 30)
    return data


def _calendars(rng: random.Random, data: dict[str, Any]) -> None:
    """Time in days from a random date; some resources work only on some weekdays, with a holiday or a closure."""
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    data["time_unit"] = "day"
    start = date(2026, 1, 5) + timedelta(days=rng.randrange(7))
    data["start"] = start.isoformat()
    data["calendars"] = []
    for k in range(rng.randint(1, 2)):
        first = rng.randrange(7)
        week = {f"{days[first]}-{days[(first + rng.randint(1, 5)) % 7]}": ["00:00-24:00"]}
        if rng.random() < 0.3:
            week[days[(first + 6) % 7]] = ["00:00-24:00"]
        cal: dict[str, Any] = {"id": f"cal{k}", "week": week}
        if rng.random() < 0.4:
            cal["holidays"] = [(start + timedelta(days=rng.randint(0, 10))).isoformat()]
        if rng.random() < 0.2:
            a = start + timedelta(days=rng.randint(0, 10))
            cal["closed"] = [[a.isoformat(), (a + timedelta(days=rng.randint(1, 3))).isoformat()]]
        data["calendars"].append(cal)
    for r in data["resources"]:
        if r.get("kind", "machine") != "consumable" and rng.random() < 0.8:
            r["calendar"] = rng.choice(data["calendars"])["id"]
    if rng.random() < 0.5:
        for t in data["tasks"]:
            t["resumable"] = rng.random() < 0.6


def _breaks(rng: random.Random) -> list[list[int]]:
    out = []
    for _ in range(rng.randint(1, 2)):
        a = rng.randint(0, 12)
        out.append([a, a + rng.randint(1, 5)])
    return out


def _due(rng: random.Random) -> int:
    return rng.randint(-3, 0) if rng.random() < 0.05 else rng.randint(0, 16)


def _job(rng: random.Random, jid: str) -> dict[str, Any]:
    job: dict[str, Any] = {"id": jid}
    if rng.random() < 0.3:
        job["release"] = rng.randint(1, 4)
    if rng.random() < 0.6:
        job["due"] = _due(rng)
    if rng.random() < 0.15:
        job["deadline"] = rng.randint(8, 25)
    if rng.random() < 0.5:
        job["weight"] = rng.randint(0, 3)
    if rng.random() < 0.3:
        job["earliness_weight"] = rng.randint(0, 3)
    return job


def _objective(rng: random.Random) -> list[dict[str, Any]]:
    k = rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
    out = []
    for term in rng.sample(TERMS, k):
        if term == "maximum_lateness" and random.Random(repr(rng.getstate())).random() < 0.5:
            term = "maximum_tardiness"  # drawn apart, so that every other draw (and seed) stays as it was
        entry: dict[str, Any] = {"term": term}
        if rng.random() < 0.35:
            entry["weight"] = rng.randint(2, 3)
        out.append(entry)
    return out


def _mode(rng: random.Random, machines: list[str], renewable: bool, consumable: bool, cap: dict[str, int],
          terms: list[dict[str, Any]]) -> dict[str, Any]:
    used: list[str] = []
    if machines and rng.random() < 0.85:
        used += rng.sample(machines, 2 if len(machines) > 1 and rng.random() < 0.1 else 1)
    demands = [1] * len(used)
    if renewable and rng.random() < 0.6:
        used.append("R")
        demands.append(rng.randint(0 if rng.random() < 0.05 else 1, cap["R"]))
    if consumable and rng.random() < 0.6:
        used.append("C")
        demands.append(rng.randint(1, 3))
    mode: dict[str, Any] = {"resources": used, "duration": 0 if rng.random() < 0.1 else rng.randint(1, 5)}
    if any(d != 1 for d in demands) or rng.random() < 0.1:
        mode["demands"] = demands
    if rng.random() < (0.6 if any(t["term"] == "total_cost" for t in terms) else 0.15):
        mode["cost"] = rng.randint(0, 5)
    return mode


def _constraint(rng: random.Random, kind: str, tasks: list[dict[str, Any]], cap: dict[str, int],
                jobs: list[dict[str, Any]]) -> dict | None:
    ids = [t["id"] for t in tasks]
    if "_before_" in kind:
        first, then = rng.sample(ids, 2)
        c: dict[str, Any] = {"type": kind, "first": first, "then": then}
        if rng.random() < 0.5:
            c["min_lag"] = rng.randint(-3, 4)
        if rng.random() < 0.4:
            c["max_lag"] = c.get("min_lag", 0) + rng.randint(0, 5)
        return c
    if kind == "time_window":
        task = rng.choice(tasks)
        c = {"type": kind, "task": task["id"]}
        for lo, hi in (("start_min", "start_max"), ("end_min", "end_max")):
            low = rng.randint(0, 8)
            if rng.random() < 0.5:
                c[lo] = low
            if rng.random() < 0.5:
                c[hi] = max(low + rng.randint(0, 10), task.get("release", 0) if hi == "start_max" else 0)
        return c
    if kind == "permutation":
        loose = [t for t in tasks if "job" not in t]
        for k in range(0, len(loose) if len({t.get("job") for t in tasks} - {None}) < 2 else 0, 2):
            jobs.append({"id": f"P{k}"} | ({"due": loose[k].pop("due")} if "due" in loose[k] else {}))
            for t in loose[k:k + 2]:  # job-less tasks become jobs of two (the second's due date is dropped)
                t["job"] = f"P{k}"
                t.pop("due", None)
        return _permutation(rng, tasks, [r for r in cap if r.startswith("M")])
    if kind == "blocking":
        firsts = [t["id"] for t in tasks if all(set(m["resources"]) <= {r for r in cap if r.startswith("M")}
                                                for m in t["modes"])]
        if not firsts:
            return None
        first = rng.choice(firsts)
        return {"type": kind, "first": first, "then": rng.choice([x for x in ids if x != first])}
    chosen = rng.sample(ids, rng.randint(2, min(3, len(ids))))
    c = {"type": kind, "tasks": chosen}
    if kind == "select_exactly_one":
        for t in tasks:
            if t["id"] in chosen and rng.random() < 0.9:
                t["optional"] = True
                t["absence_penalty"] = rng.randint(0, 6)
    if kind == "separation":
        c["gaps"] = [[0 if i == j else rng.randint(0, 3) for j in range(len(chosen))] for i in range(len(chosen))]
    return c


def _permutation(rng: random.Random, tasks: list[dict[str, Any]], machines: list[str]) -> dict | None:
    """A permutation over machines each job visits at most once and every task uses in all or none of its
    modes (None when there is no such machine or fewer than two jobs)."""
    jobbed = [t for t in tasks if "job" in t]
    jobs = sorted({t["job"] for t in jobbed})

    def fits(m: str) -> bool:
        uses = {t["id"]: [m in mode["resources"] for mode in t["modes"]] for t in jobbed}
        if any(any(u) and not all(u) for u in uses.values()):
            return False
        return all(sum(any(uses[t["id"]]) for t in jobbed if t["job"] == j) <= 1 for j in jobs)

    usable = [m for m in machines if fits(m)]
    if len(jobs) < 2 or not usable:
        return None
    c: dict[str, Any] = {"type": "permutation"}
    if len(usable) < len(machines) or rng.random() < 0.5:
        c["resources"] = rng.sample(usable, rng.randint(1, len(usable)))
    if rng.random() < 0.3:
        c["jobs"] = jobs
    return c


# --- classic structures ----------------------------------------------------------------------------------

def _classic(rng: random.Random, kind: str) -> dict[str, Any]:
    if kind in ("single_tardiness", "single", "parallel"):
        n = rng.randint(2, 5)
        machines = ["M0"] if kind != "parallel" else ["M0", "M1"]
        tasks = []
        for k in range(n):
            modes = [{"resources": [m], "duration": rng.randint(1 if kind == "single_tardiness" else 0, 5)}
                     for m in (machines if len(machines) == 1 or rng.random() < 0.8 else [rng.choice(machines)])]
            task: dict[str, Any] = {"id": f"j{k}", "modes": modes, "due": rng.randint(0, 14)}
            if rng.random() < 0.5:
                task["weight"] = rng.randint(1, 4)
            if kind != "single_tardiness" and rng.random() < 0.3:
                task["release"] = rng.randint(1, 6)
            tasks.append(task)
        if kind == "single_tardiness":
            terms = [{"term": rng.choice(["total_tardiness", "total_weighted_tardiness"])}]
        else:
            terms = _objective(rng)
        return {"resources": [{"id": m} for m in machines], "tasks": tasks,
                "objective": [t for t in terms if t["term"] not in ("total_setup_time",)] or [{"term": "makespan"}]}
    if kind == "rcpsp":
        n = rng.randint(3, 5)
        caps = [rng.randint(1, 3) for _ in range(rng.randint(1, 2))]
        resources = [{"id": f"R{k}", "kind": "renewable", "capacity": c} for k, c in enumerate(caps)]
        tasks = [{"id": f"a{k}", "modes": [{"resources": [r["id"] for r in resources],
                                           "duration": rng.randint(0, 5),
                                           "demands": [rng.randint(0, c) for c in caps]}]} for k in range(n)]
        pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
        constraints = [{"type": "end_before_start", "first": f"a{a}", "then": f"a{b}"}
                       for a, b in rng.sample(pairs, rng.randint(0, min(3, len(pairs))))]
        return {"resources": resources, "tasks": tasks, "constraints": constraints,
                "objective": [{"term": "makespan"}] if rng.random() < 0.8 else _objective(rng)}
    machines = [f"M{k}" for k in range(2 if kind == "flow_shop" else rng.randint(2, 3))]
    lengths = [2, 2] if kind == "flow_shop" else rng.choice([[2, 2], [2, 3], [3, 2], [1, 3], [2, 1]])
    tasks, constraints, jobs = [], [], []
    for j, length in enumerate(lengths):
        jobs.append({"id": f"J{j}"} | ({"release": rng.randint(1, 3)} if rng.random() < 0.2 else {}))
        route = machines if kind == "flow_shop" else rng.sample(machines, min(length, len(machines)))
        route = (route * 2)[:length]
        for k, m in enumerate(route):
            options = [m] if kind != "flexible_job_shop" or rng.random() < 0.5 else rng.sample(machines, 2)
            tasks.append({"id": f"J{j}o{k}", "job": f"J{j}",
                          "modes": [{"resources": [x], "duration": rng.randint(1, 5)} for x in options]})
            if k:
                constraints.append({"type": "end_before_start", "first": f"J{j}o{k - 1}", "then": f"J{j}o{k}"})
    if kind == "flow_shop" and rng.random() < 0.6:  # a permutation flow shop (or one machine pair of it)
        constraints.append({"type": "permutation"} if rng.random() < 0.7 else
                           {"type": "permutation", "resources": machines[:1], "jobs": ["J0", "J1"]})
    return {"resources": [{"id": m} for m in machines], "jobs": jobs, "tasks": tasks, "constraints": constraints,
            "objective": [{"term": "makespan"}] if rng.random() < 0.8 else _objective(rng)}


# --- coverage tags and shrinking ---------------------------------------------------------------------------

def schedule_tags(problem: Problem) -> set[str]:
    """Features of a problem, for the coverage report."""
    tags = {f"class:{classify(problem)}"}
    tags |= {f"constraint:{c.type}" for c in problem.constraints}
    tags |= {f"term:{t.term}" for t in problem.objective}
    if len(problem.objective) > 1:
        tags.add("weighted sum")
    if any(t.weight > 1 for t in problem.objective):
        tags.add("term weight > 1")
    for c in problem.constraints:
        if getattr(c, "min_lag", 0) < 0:
            tags.add("negative min_lag")
        if getattr(c, "max_lag", None) is not None:
            tags.add("max_lag")
    job_size = {j.id: sum(t.job == j.id for t in problem.tasks) for j in problem.jobs}
    checks = {
        "task release": any(t.release for t in problem.tasks),
        "job release": any(j.release for j in problem.jobs),
        "task deadline": any(t.deadline is not None for t in problem.tasks),
        "job deadline": any(j.deadline is not None for j in problem.jobs),
        "task due": any(t.due is not None for t in problem.tasks),
        "job due (several tasks)": any(j.due is not None and job_size[j.id] > 1 for j in problem.jobs),
        "negative due": any((x.due or 0) < 0 for x in [*problem.tasks, *problem.jobs]),
        "earliness_weight": any(x.earliness_weight is not None for x in [*problem.tasks, *problem.jobs]),
        "unavailable": any(r.unavailable for r in problem.resources),
        "resumable over a down time": any(t.resumable for t in problem.tasks) and any(
            r.unavailable for r in problem.resources),
        "calendar": any(r.calendar for r in problem.resources),
        "resumable over a calendar": any(t.resumable for t in problem.tasks) and any(
            r.calendar for r in problem.resources),
        "setups": any(r.setups for r in problem.resources),
        "family": any(t.family for t in problem.tasks),
        "renewable capacity > 1": any(r.kind == "renewable" and r.capacity > 1 for r in problem.resources),
        "demands": any(m.demands for t in problem.tasks for m in t.modes),
        "consumable": any(r.kind == "consumable" for r in problem.resources),
        "multi-mode": any(len(t.modes) > 1 for t in problem.tasks),
        "choice of machine": any(len({tuple(m.resources) for m in t.modes}) > 1 for t in problem.tasks),
        "mode cost": any(m.cost for t in problem.tasks for m in t.modes),
        "zero duration": any(m.duration == 0 for t in problem.tasks for m in t.modes),
        "optional": any(t.optional for t in problem.tasks),
        "absence_penalty": any(t.absence_penalty for t in problem.tasks),
        "horizon": problem.horizon is not None,
    }
    return tags | {k for k, v in checks.items() if v}


def shrink(data: dict[str, Any], still_fails: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """Greedily drop list items and fields (and lower numbers) while the problem stays valid and failing."""
    current = json.loads(json.dumps(data))
    changed = True
    while changed:
        changed = False
        for candidate in _smaller(current):
            try:
                Problem.model_validate(candidate)
            except Exception:  # invalid (a KeyError too: a dangling job reference can raise one)
                continue
            if still_fails(candidate):
                current, changed = candidate, True
                break
    return current


def _smaller(data: Any) -> list[Any]:
    """Every one-step simplification of a JSON value (drop an item or key, decrease a number)."""
    out: list[Any] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in ("schema", "id", "type", "term"):
                out.append({k: v for k, v in data.items() if k != key})
            out += [{**data, key: smaller} for smaller in _smaller(value)]
    elif isinstance(data, list):
        for i in range(len(data)):
            out.append(data[:i] + data[i + 1:])
            out += [data[:i] + [smaller] + data[i + 1:] for smaller in _smaller(data[i])]
    elif isinstance(data, int) and not isinstance(data, bool) and data > 0:
        out += [0, data - 1] if data > 1 else [0]
    return out
