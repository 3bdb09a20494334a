"""Build the ontology dictionary for each problem class from the extracted facts."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ordino.formulate.offline.facts import Facts
from ordino.formulate.offline.step_lags import step_machine, step_number
from ordino.formulate.offline.text import MACHINE_NOUN, stem
from ordino.formulate.offline.units import SECONDS, TimeScale, TimeVal, choose_scale
from ordino.formulate.questions import Question
from ordino.models.objective import DUE_DATE_TERMS

_ATTR_WORDS = {"due": "due date", "release": "release date", "weight": "weight", "deadline": "deadline"}


class Incomplete(Exception):
    """Raised inside assembly with the questions that would complete the model."""

    def __init__(self, questions: list[Question]) -> None:
        super().__init__("; ".join(q.text for q in questions))
        self.questions = questions


def job_names(facts: Facts) -> list[str]:
    """Jobs named in the text, or J1..Jn from a count or from the length of the data lists."""
    numbered = [int(j[1:]) for j in facts.jobs if re.fullmatch(r"J\d+", j)]
    lengths = {len(v) for k, v in facts.lists.items() if not k.endswith("_each")}
    if facts.jobs and len(numbered) == len(facts.jobs):
        n = facts.n_jobs if facts.n_jobs is not None else (max(lengths) if len(lengths) == 1 else None)
        if n is not None and max(numbered) <= n and len(facts.jobs) < n:
            return [f"J{i}" for i in range(1, n + 1)]
    if facts.n_jobs is not None and len(lengths) == 1 and facts.n_jobs not in lengths and not facts.jobs:
        raise Incomplete([Question(key="n_jobs", text=f"The text says {facts.n_jobs} jobs but lists "
                                   f"{lengths.pop()} values per job. How many jobs are there?")])
    if facts.jobs:
        if facts.n_jobs is not None and facts.n_jobs != len(facts.jobs) and not facts.matrix:
            raise Incomplete([Question(key="n_jobs", text=f"The text says {facts.n_jobs} jobs but describes "
                                       f"{len(facts.jobs)} ({', '.join(facts.jobs)}). How many jobs are there?")])
        return facts.jobs
    n = facts.n_jobs
    if facts.matrix is not None:
        lengths.add(len(facts.matrix))
    if n is None and len(lengths) == 1:
        n = lengths.pop()
    if n is None:
        raise Incomplete([Question(key="n_jobs", text="How many jobs are there?")])
    return [f"J{i}" for i in range(1, n + 1)]


def per_job(facts: Facts, names: list[str], attr: str) -> dict[str, TimeVal]:
    """One attribute for every job that has it: stated per job, by a list in job order, or for all jobs."""
    out: dict[str, TimeVal] = {}
    listed = facts.lists.get(attr)
    if listed is not None:
        if len(listed) != len(names):
            word = "processing time" if attr == "p" else _ATTR_WORDS[attr]
            raise Incomplete([Question(key=_key(attr), text=f"I found {len(listed)} values for the {word}s but "
                                       f"{len(names)} jobs. Give one {word} per job, in job order.")])
        out.update(zip(names, listed, strict=True))
    each = facts.lists.get(f"{attr}_each")
    if each:
        out.update({n: each[0] for n in names if n not in out})
    for n in names:
        if attr in facts.attrs.get(n, {}):
            stated = facts.attrs[n][attr]
            if listed is not None and out[n] != stated:
                word = "processing time" if attr == "p" else _ATTR_WORDS[attr]
                raise Incomplete([Question(key=_key(attr), text=f"The {word} of {n} is {out[n].value} in the list but "
                                           f"{stated.value} where {n} is described. Which is right?")])
            out[n] = stated
    return out


def _key(attr: str) -> str:
    return "processing_times" if attr == "p" else attr


def due_needed(facts: Facts) -> bool:
    """Whether the objective needs due dates."""
    return any(t in DUE_DATE_TERMS for t, _ in facts.objective)


_WEIGHTED_FORM = {"total_tardiness": "total_weighted_tardiness", "total_completion_time":
                  "total_weighted_completion_time", "number_tardy": "weighted_number_tardy"}


def _fees_as_weights(rates: dict[str, TimeVal], names: list[str], weights: dict[str, TimeVal],
                     scale: TimeScale) -> dict[str, TimeVal]:
    """Each job's fee per unit of time late ('$2 per minute late') as its weight in the model's time unit: a fee
    per minute over a model counted in hours weighs 60 times as much, so the weighted tardiness is the fee."""
    lacking = [n for n in names if n not in rates]
    if lacking or weights:
        raise Incomplete([Question(key="weight", text="A fee per time late is given for some jobs only, or beside "
                                   f"weights: give the fee of {', '.join(lacking or names)}.")])
    out = {}
    for n, fee in rates.items():
        assert fee.unit is not None  # read with the unit it is charged per
        weight = fee.value * SECONDS[scale.base] / (SECONDS[fee.unit] * scale.factor) if scale.base else None
        if weight is None or weight.denominator != 1:
            raise Incomplete([Question(key="weight", text=f"The fee of {n} per {fee.unit} late does not come to a "
                                       f"whole amount per {scale.unit}: give it per {scale.unit}.")])
        out[n] = TimeVal(weight)
    return out


def build_problem(facts: Facts, kind: str) -> dict[str, Any]:
    """The Problem as a dictionary (validated by the caller), its times in the scale `choose_scale` picks."""
    names = _names(facts, kind)
    scaled = [TimeVal(tv.value * f, tv.unit) for tv in per_job(facts, names, "p").values() for f in
              (facts.speeds.factors.values() if facts.speeds else ())]  # a slower machine's times are whole too
    scale = choose_scale(facts.time_values() + scaled, facts.default_unit)
    if scale.note and scale.note not in facts.notes:
        facts.notes.append(scale.note)

    def t(tv: TimeVal) -> int:
        return scale.convert(tv, facts.default_unit)

    numbered = sorted(int(n[1:]) for n in names if re.fullmatch(r"J\d+", n))
    if len(numbered) == len(names) and numbered and max(numbered) <= len(names) + 2 and \
            numbered != list(range(1, len(names) + 1)):  # J2, J3 with no J1 (not orders 1101, 1102, ...)
        absent = sorted(set(range(1, max(numbered) + 1)) - set(numbered))
        raise Incomplete([Question(key="n_jobs", text=f"The jobs are numbered {', '.join(names)}: what about "
                                   f"{', '.join(f'J{k}' for k in absent)}?")])
    if facts.n_jobs is not None and len(names) != facts.n_jobs:  # 'J3 || C_max, 4 jobs' with three routes
        raise Incomplete([Question(key="n_jobs", text=f"The text says {facts.n_jobs} jobs but gives data for "
                                   f"{len(names)} ({', '.join(names)}). How many jobs are there?")])
    counts = {j: len(facts.routes.get(j, [])) for j in names} if facts.routes else \
        {j: len(row) for j, row in zip(names, facts.matrix or [], strict=False)}  # (a table of times: a step a column)
    if facts.ops_per_job is not None and any(counts.get(j) != facts.ops_per_job for j in names):
        raise Incomplete([Question(key="n_ops", text=f"The text says each job has {facts.ops_per_job} operations, "
                                   "but not every job's route has that many. How many operations has each job?")])
    single_stage = kind in ("single_machine", "parallel_machines", "rcpsp")
    values = {a: per_job(facts, names, a) for a in ("due", "release", "weight", "deadline", "start_min", "start_max")}
    if rates := per_job(facts, names, "late_rate"):
        values["weight"] = _fees_as_weights(rates, names, values["weight"], scale)
    if due_needed(facts) and values["deadline"] and not set(values["deadline"]) & set(values["due"]):
        values["due"], values["deadline"] = {**values["due"], **values["deadline"]}, {}
        facts.notes.append("the 'done by' times are read as due dates: the objective counts lateness against them")
    if facts.releases_said and not values["release"]:  # '1 | r_j | ...' with no release time read
        raise Incomplete([Question(key="release", text="The notation says jobs have release times (r_j): give one "
                                   f"per job ({', '.join(names)}).")])
    if due_needed(facts) and not values["due"]:
        raise Incomplete([Question(key="due", text=f"The objective needs due dates: give one per job "
                                   f"({', '.join(names)}).")])
    weighted = any("weighted" in term for term, _ in facts.objective)
    if weighted and not values["weight"]:  # a weighted goal with no weight given: asked, never all 1
        raise Incomplete([Question(key="weight", text=f"The objective is weighted: give a weight per job "
                                   f"({', '.join(names)}), or minimise the unweighted sum.")])
    if any(term == "total_setup_time" for term, _ in facts.objective) and not (
            facts.setup_const or facts.setup_pairs or facts.setup_matrix or facts.setup_first):
        raise Incomplete([Question(key="objective", text="The objective was read as the total setup time, but the "
                                   "text gives no setup times. What should be minimised?", choices=["makespan"])])
    plain = [term for term, _ in facts.objective if term in _WEIGHTED_FORM]
    if plain and any(w.value != 1 for w in values["weight"].values()):  # weights read, and the objective drops them
        form = _WEIGHTED_FORM[plain[0]]
        raise Incomplete([Question(key="objective", text=f"The text gives weights, but the objective was read as "
                                   f"{plain[0]}, which does not use them. Minimise {form} instead?",
                                   choices=[form, plain[0]])])
    for attr, needed in (("due", due_needed(facts)), ("weight", weighted)):
        lacking = [n for n in names if n not in values[attr]]
        if attr == "due" and facts.some_due and values[attr] and lacking:  # 'some tasks have a due day'
            facts.notes.append(f"{', '.join(lacking)} {'has' if len(lacking) == 1 else 'have'} no due time: never late")
            continue
        if needed and values[attr] and lacking:  # some jobs have one: the others' were left out, not zero
            raise Incomplete([Question(key=attr, text=f"{_ATTR_WORDS[attr].capitalize()} of "
                                       f"{', '.join(lacking)}?")])
    strangers = sorted((set(facts.eligible) | set(facts.ineligible)) - set(names))
    if strangers:  # 'J6 can only run on M1' with no J6 among the jobs
        raise Incomplete([Question(key="eligible", text=f"Machines are named for {', '.join(strangers)}, which is not "
                                   f"among the jobs ({', '.join(names)}). Which job is meant?")])
    machines = _machines(facts, kind)
    if len(machines) == 1:  # 'the press is broken ...' on the only machine there is
        facts.down = [(None, a, b) for _, a, b in facts.down]
    else:  # 'the Bambu is getting a nozzle swap': the machine its clause names
        called = {facts.names.get(m, m): m for m in machines}  # the machines as the text names them
        facts.down = [(who if who or k not in facts.down_said else
                       called.get(_named_in(facts.down_said[k], list(called)) or ""), a, b)
                      for k, (who, a, b) in enumerate(facts.down)]
    by_name = {m.lower(): m for m in machines}  # 'the polar is being serviced' of the Polar
    facts.down = [(by_name.get(who.lower(), by_name.get(facts.names.get(who, who).lower(), who)) if who else who, a, b)
                  for who, a, b in facts.down]  # 'machine 2' of machines a table names 'A', 'B': B
    resources: list[dict[str, Any]] = [{"id": m, "kind": "machine"} for m in machines]
    for m in resources:
        m["unavailable"] = sorted({(t(a), t(b)) for who, a, b in facts.down if who in (None, m["id"])})  # (said
        # twice: 'unavailable on [8, 11)', 'no job may be in process during [8, 11)')
        m["setups"] = _setups(facts, names, t)
        if facts.initial_family is not None:
            m["initial_family"] = facts.initial_family
    unknown_down = {who for who, _, _ in facts.down if who is not None} - set(machines)
    if unknown_down:
        raise Incomplete([Question(key="downtime", text=f"Downtime is given for {', '.join(sorted(unknown_down))} "
                                   f"but the machines are {', '.join(machines)}. Which machine is down when?")])
    for r, cap in facts.capacities.items():
        resources.append({"id": r, "kind": "renewable", "capacity": cap})
    tasks: list[dict[str, Any]] = []
    jobs: list[dict[str, Any]] = []
    constraints: list[dict[str, Any]] = []
    first_task: dict[str, str] = {}
    last_task: dict[str, str] = {}
    steps: list[list[str]] = []  # each job's tasks in route order
    routes: dict[str, list[list[tuple[str, TimeVal]]]] = {}
    if single_stage:
        p = per_job(facts, names, "p")
        missing = [n for n in names if n not in p]
        if missing:
            raise Incomplete([Question(key="processing_times", text="Processing time of each job, in order "
                                       f"({', '.join(names)})?" if len(missing) == len(names) else
                                       f"Processing time of {', '.join(missing)}?")])
        setup = per_job(facts, names, "setup")
        if facts.setup_first and facts.setup_const is not None:
            setup = {n: setup.get(n, facts.setup_const) for n in names}
        if setup:
            facts.notes.append("each job's own setup, done right before it, is counted in its time on the machine")
        for n in names:
            duration = t(p[n]) + (t(setup[n]) if n in setup else 0)
            task: dict[str, Any] = {"id": n, "modes": _single_modes(facts, kind, n, duration, machines)}
            speeds = facts.speeds.factors if facts.speeds else {}
            for mode in task["modes"] if speeds else ():  # each machine's time at its speed
                own = TimeVal(p[n].value * speeds[mode["resources"][0]], p[n].unit)
                mode["duration"] = t(own) + (t(setup[n]) if n in setup else 0)
            if facts.family_setups:
                task["family"] = _kind_of(facts, n)
            for a in ("due", "release", "deadline"):
                if n in values[a]:
                    task[a] = t(values[a][n])
            if n in values["weight"]:
                task["weight"] = int(values["weight"][n].value)
            tasks.append(task)
            first_task[n] = last_task[n] = n
    else:
        if facts.setup_first or any("setup" in a for a in facts.attrs.values()):
            raise Incomplete([Question(key="setups", text="A setup of each job's own before its first operation is "
                                       "read for one-stage problems only; give the setups between jobs per machine.")])
        routes = _routes(facts, kind, names, machines)
        for n in names:
            job: dict[str, Any] = {"id": n}
            for a in ("due", "release", "deadline"):
                if n in values[a]:
                    job[a] = t(values[a][n])
            if n in values["weight"]:
                job["weight"] = int(values["weight"][n].value)
            jobs.append(job)
            ids: list[str] = []
            steps.append(ids)
            for k, op in enumerate(routes[n], start=1):
                tid = f"{n}.{k}"
                ids.append(tid)
                tasks.append({"id": tid, "job": n, "family": n,
                              "modes": [{"resources": [m], "duration": t(d)} for m, d in op]})
            constraints += [{"type": "end_before_start", "first": a, "then": b} for a, b in zip(ids, ids[1:],
                                                                                                 strict=False)]
            first_task[n], last_task[n] = ids[0], ids[-1]
    if facts.same_order and not single_stage and len(names) > 1:  # 'no overtaking': one order on every machine
        constraints.append({"type": "permutation"})
    constraints += _waiting(facts, steps)
    for n in names:
        lo, hi = values["start_min"].get(n), values["start_max"].get(n)
        if lo is not None or hi is not None:
            c: dict[str, Any] = {"type": "time_window", "task": first_task[n]}
            if lo is not None:
                c["start_min"] = t(lo)
            if hi is not None:
                c["start_max"] = t(hi)
            constraints.append(c)
    unknown = sorted({x for pr in facts.precedences for x in (pr.first, pr.then)} - set(names))
    if unknown:
        raise Incomplete([Question(key="precedences", text=f"Precedences name {', '.join(unknown)}, which are not "
                                   f"among the jobs ({', '.join(names)}). Restate the precedences.")])
    for pr in facts.precedences:
        first = first_task[pr.first] if pr.kind.startswith("start") else last_task[pr.first]
        c = {"type": pr.kind, "first": first, "then": first_task[pr.then]}
        if pr.lag is not None:
            c["min_lag"] = t(pr.lag)
        if pr.max_lag is not None:
            c["max_lag"] = t(pr.max_lag)
        constraints.append(c)
    constraints += _ties(facts, names, steps, single_stage)
    constraints += _step_lags(facts, names, steps, routes, t)
    for task in tasks:  # the work pauses over down times and resumes after
        if facts.resumable or task.get("job", task["id"]) in facts.resumable_jobs:
            task["resumable"] = True
    data = {"schema": "ordino/1", "time_unit": scale.unit, "resources": resources, "jobs": jobs, "tasks": tasks,
            "constraints": constraints, "objective": [{"term": term, "weight": w} for term, w in facts.objective]}
    if facts.calendar is not None:
        _with_calendar(facts, data)
    return data


def _ties(facts: Facts, names: list[str], steps: list[list[str]], single_stage: bool) -> list[dict[str, Any]]:
    """The rules tying jobs to each other as constraints: jobs kept apart in time as a separation of all their
    tasks (no gap); jobs on one machine, or on different ones, for jobs of one step (of several: asked which)."""
    groups = [*facts.apart, *facts.same_machine, *facts.different_machines]
    unknown = sorted({n for group in groups for n in group} - set(names))
    if unknown:
        raise Incomplete([Question(key="ties", text=f"A rule tying jobs together names {', '.join(unknown)}, which "
                                   f"are not among the jobs ({', '.join(names)}). Restate it.")])
    tasks_of = {n: [n] if single_stage else ids for n, ids in zip(names, steps or [[n] for n in names], strict=True)}
    out = []
    for group in facts.apart:
        ids = [tid for n in group for tid in tasks_of[n]]
        out.append({"type": "separation", "tasks": ids, "gaps": [[0] * len(ids) for _ in ids]})
        facts.notes.append(f"{_listed(facts, group)} never run at the same time")
    for kind, tied, said in (("same_resource", facts.same_machine, "on one machine"),
                             ("different_resource", facts.different_machines, "on different machines")):
        for group in tied:
            if not single_stage:
                raise Incomplete([Question(key="ties", text=f"The text puts {_listed(facts, group)} {said}, but they "
                                           "have several steps: which steps does the rule bind? Restate it for "
                                           "the steps (e.g. 'the first steps of A and B on one machine').")])
            out.append({"type": kind, "tasks": list(group)})
            facts.notes.append(f"{_listed(facts, group)} run {said}")
    return out


def _step_lags(facts: Facts, names: list[str], steps: list[list[str]],
               routes: dict[str, list[list[tuple[str, TimeVal]]]], t: Callable[[TimeVal], int]) -> list[dict[str, Any]]:
    """Each limited wait between two steps of a job as a precedence with a longest or shortest lag, for the job
    named or for every job whose route has both steps; a rule that fits no job's route is asked."""
    out = []
    machines = sorted({m for ops in routes.values() for op in ops for m, _ in op})
    for lag in facts.step_lags:
        first = step_machine(lag.first, facts.names, machines)
        then = step_machine(lag.then, facts.names, machines)
        a, b = step_number(lag.first), step_number(lag.then)  # 'op 1' to 'op 2' of J2: steps by number
        fitted = 0
        for n, ids in zip(names, steps, strict=False):
            i: int | None = None
            j: int | None = None
            if lag.job == n and a is not None and b is not None:
                i, j = (a, b) if a < b < len(ids) else (None, None)
            elif lag.job in (None, n) and first is not None and then is not None:
                on = [{m for m, _ in op} for op in routes.get(n, [])]
                if any(len(ms) > 1 and {first, then} & ms for ms in on):
                    fitted = 0  # a step that may or may not use the machine: which wait applies is asked
                    break
                i = next((k for k, ms in enumerate(on) if ms == {first}), None)
                j = next((k for k, ms in enumerate(on) if ms == {then} and i is not None and k > i), None)
            if i is not None and j is not None:
                out.append({"type": "end_before_start", "first": ids[i], "then": ids[j],
                            "min_lag" if lag.shortest else "max_lag": t(lag.lag)})
                fitted += 1
        if not fitted or lag.job is not None and fitted != 1:
            raise Incomplete([Question(key="step_lags", text=f"The text says {lag.quote!r}, but I could not place it "
                                       "on the routes: no job has those two steps in that order, or one of them may "
                                       "run on another machine. Restate it with the machines' names (e.g. 'job 2 must "
                                       "start on M3 within 15 minutes after it leaves M2').")])
        facts.notes.append(f"waits limited as said: {lag.quote!r}")
    return out


def _listed(facts: Facts, group: list[str]) -> str:
    """The jobs of a group by the names the text gives them."""
    return ", ".join(facts.names.get(n, n) for n in group)


def _waiting(facts: Facts, steps: list[list[str]]) -> list[dict[str, Any]]:
    """The text's rule on waiting between each job's `steps` (their task ids, in route order) as constraints;
    words on waiting the model cannot place (some steps only, or jobs of one step) are asked about."""
    said = facts.waiting
    if said is None:
        return []
    if said.rule is None or not any(len(ids) > 1 for ids in steps):
        raise Incomplete([Question(key="waiting", text=f"The text says {said.quote!r}: may a job wait between "
                                   "its steps (may wait), must each step start the moment the one before ends "
                                   "(no wait), or does a job hold its machine until the next one is free "
                                   "(blocking)?", choices=["may wait", "no wait", "blocking"])])
    if said.rule == "no_wait":
        facts.notes.append("no job waits between its steps: each starts the moment the one before ends")
        return [{"type": "no_wait", "tasks": ids} for ids in steps if len(ids) > 1]
    facts.notes.append("no buffer between steps: a job holds its machine until the next one is free")
    return [{"type": "blocking", "first": a, "then": b} for ids in steps for a, b in zip(ids, ids[1:], strict=False)]


def _with_calendar(facts: Facts, data: dict[str, Any]) -> None:
    """The start and working hours read (`offline.calendar`), each on the machines it is said of (hours said of no
    machine in particular: every other one)."""
    cal = facts.calendar
    assert cal is not None
    if cal.missing or cal.start is None:
        raise Incomplete([Question(key="start", text=cal.missing or "When does the schedule start?")])
    data["start"] = cal.start.isoformat(sep=" ", timespec="minutes")
    machines = [r for r in data["resources"] if r["kind"] == "machine"]
    claimed: set[str] = set()
    calendars: list[dict[str, Any]] = []
    for k, hours in enumerate(cal.hours):
        name = hours.subject or "working hours"
        cid = name if name not in {c["id"] for c in calendars} else f"{name} {k + 1}"
        calendars.append({"id": cid, "week": hours.week, "holidays": [d.isoformat() for d in hours.holidays],
                          "closed": [[a.isoformat(sep=" "), b.isoformat(sep=" ")] for a, b in hours.closed]})
        if hours.subject is None:
            continue
        said = [r for r in machines if _same_thing(hours.subject, facts.names.get(r["id"], r["id"]))]
        if not said and len(machines) == 1 and len(cal.hours) == 1:
            said = machines
            if machines[0]["id"] not in facts.names:  # 'the booth works ...' of the only machine: its name
                facts.names[machines[0]["id"]] = hours.subject
        if not said:
            known = ", ".join(facts.names.get(r["id"], r["id"]) for r in machines)
            raise Incomplete([Question(key="calendar", text=f"Working hours are given for '{hours.subject}', which is "
                                       f"not one of the machines ({known}). Which machine works those hours?")])
        for r in said:
            r["calendar"] = cid
            claimed.add(r["id"])
    for hours, c in zip(cal.hours, calendars, strict=True):
        if hours.subject is None:
            for r in machines:
                if r["id"] not in claimed:
                    r["calendar"] = c["id"]
    data["calendars"] = [c for c in calendars if any(r.get("calendar") == c["id"] for r in machines)]
    if cal.quotes:
        facts.notes.append(f"dates and working hours: {'; '.join(cal.quotes)}")


def _same_thing(said: str, name: str) -> bool:
    """Whether the words of a subject ('paint booth') name a machine ('booth', 'Paint booth', 'M2')."""
    a, b = said.lower().strip(), name.lower().strip()
    return a == b or a in b or b in a or bool(set(a.split()) & set(b.split()) - {"machine", "the", "station"})


def _names(facts: Facts, kind: str) -> list[str]:
    if kind in ("job_shop", "flexible_job_shop") and facts.routes:  # a job with no route is asked, never dropped
        return [*facts.routes, *(j for j in facts.jobs if j not in facts.routes)]
    return job_names(facts)


def _named_in(clause: str, machines: list[str]) -> str | None:
    """The one machine a down time's clause names by its name or a form of it ('the Bambu is getting a nozzle swap',
    'the laminator is booked' of 'Laminate'); none named is every machine ('the shop is closed'); two named, or a
    machine the text has under no such name ('the kiln' among 'Press' and 'Oven'), is asked."""
    low = clause.lower()
    said = {stem(w) for w in re.findall(r"[a-z][a-z-]{3,}", low)}
    stems = {m: stem(m.lower()) for m in machines}
    named = [m for m in machines if re.search(rf"(?<!\w){re.escape(m.lower())}(?!\w)", low) or " " not in m and any(
        w == stems[m] or min(len(w), len(stems[m])) >= 5 and (w.startswith(stems[m]) or stems[m].startswith(w))
        for w in said)]  # ('the welding station' of 'Weld')
    if len(named) > 1:
        raise Incomplete([Question(key="downtime", text=f"'{clause.strip()}' names {', '.join(named)}: which of them "
                                   "is down then?")])
    subject = re.search(rf"\b(?:the|our)\s+(?:[a-z-]+\s+)?({MACHINE_NOUN})\b|\b(?:the|our)\s+([a-z-]{{3,}})\b", low)
    noun = subject.group(1) or subject.group(2) if subject else ""
    if not named and noun and not re.fullmatch(_EVERY_MACHINE, noun) and (
            re.fullmatch(MACHINE_NOUN, noun) or re.search(r"(?:or|er|ine)$", noun)):
        raise Incomplete([Question(key="downtime", text=f"'{clause.strip()}': which machine is that? The machines are "
                                   f"{', '.join(machines)}.")])
    return named[0] if named else None


_EVERY_MACHINE = (r"line|lines|shop|floor|plant|factory|workshop|site|building|power|team|crew|whole|everything|"
                  r"machines|stations|equipment|kit|lab|kitchen|bakery|office|yard|outer|order|other")
"""Subjects of a down time that stop every machine ('the line is down from 2 to 3', 'the shop is closed')."""


def _machines(facts: Facts, kind: str) -> list[str]:
    if kind == "rcpsp":
        return []
    if kind == "single_machine":
        return ["M1"]
    if kind == "parallel_machines" and facts.speeds is not None:
        return _speed_machines(facts)
    if kind == "parallel_machines":
        if facts.n_machines is None:
            raise Incomplete([Question(key="n_machines", text="How many identical machines are there?")])
        return [f"M{i}" for i in range(1, facts.n_machines + 1)]
    if kind == "flow_shop":
        if facts.machine_order:
            return facts.machine_order
        if facts.matrix_machines:
            return facts.matrix_machines
        if facts.matrix is None:
            raise Incomplete([Question(key="matrix", text="Processing times per job and machine: one row per job, "
                                       "one column per machine (rows separated by ';')?")])
        return [f"M{i}" for i in range(1, len(facts.matrix[0]) + 1)]
    used = list(dict.fromkeys(m for ops in facts.routes.values() for op in ops for m, _ in op))  # first seen first
    return sorted(used, key=lambda m: int(m[1:])) if all(re.fullmatch(r"M\d+", m) for m in used) else used


def _speed_machines(facts: Facts) -> list[str]:
    """The two machines of a ratio of speeds, once the text says whose times it lists."""
    assert facts.speeds is not None and facts.speeds.ratio is not None
    slow, fast, ratio = facts.speeds.ratio
    k = int(ratio) if ratio.denominator == 1 else float(ratio)
    if not facts.speeds.factors:
        raise Incomplete([Question(key="speed_base", text=f"The text says {slow} takes {k} times as long as {fast}: "
                                   f"are the times it lists those of {fast} or of {slow}?", choices=[fast, slow])])
    if facts.n_machines not in (None, 2):
        raise Incomplete([Question(key="n_machines", text=f"The text says {facts.n_machines} machines but gives "
                                   f"speeds for two ({slow}, {fast}). How many machines are there?")])
    facts.notes.append(f"{slow} takes {k} times as long as {fast}; the times listed are those of {facts.speeds.base}")
    return list(facts.speeds.factors)


def _single_modes(facts: Facts, kind: str, name: str, duration: int, machines: list[str]) -> list[dict[str, Any]]:
    if kind == "rcpsp":
        unknown = sorted({r for d in facts.demands.values() for r in d} - set(facts.capacities))
        if unknown:  # a need of a resource whose capacity the text never gives: asked, never dropped
            plural = [r if r.endswith("s") else r + "s" for r in unknown]
            raise Incomplete([Question(key="capacity", text=f"How many {', '.join(plural)} are available at once? "
                                       "(e.g. '4 stagehands available')")])
        idle = [r for r in facts.capacities
                if r not in facts.each_needs and not any(d.get(r) for d in facts.demands.values())]
        if idle or not (facts.demands or facts.each_needs):
            raise Incomplete([Question(key="demands", text=f"How much of {', '.join(idle or list(facts.capacities))} "
                                       "does each task need? (e.g. 'task A needs 2 workers')")])
        if facts.demands and name not in facts.demands and not facts.each_needs:  # the others' needs are given,
            raise Incomplete([Question(key="demands", text=f"How much of {', '.join(facts.capacities)} does "  # not
                                       f"{facts.names.get(name, name)} need? (0 if none)")])  # this one's: asked
        demand = {**facts.each_needs, **facts.demands.get(name, {})}
        res = [r for r in facts.capacities if demand.get(r)]
        mode: dict[str, Any] = {"resources": res, "duration": duration}
        if res:
            mode["demands"] = [demand[r] for r in res]
        return [mode]
    allowed = [m for m in machines if m in facts.eligible.get(name, set(machines))
               and m not in facts.ineligible.get(name, set())]
    named = facts.eligible.get(name, set()) | facts.ineligible.get(name, set())
    if not allowed or named - set(machines) or named and kind != "parallel_machines" and allowed != machines:
        raise Incomplete([Question(key="eligible", text=f"Which machines may {name} run on? (the text allows "
                                   f"{', '.join(allowed) or 'none'} of {', '.join(machines)})")])
    return [{"resources": [m], "duration": duration} for m in allowed]


def _routes(facts: Facts, kind: str, names: list[str], machines: list[str]) -> dict[str, list]:
    if facts.routes:
        missing = [n for n in names if n not in facts.routes]
        if missing:
            raise Incomplete([Question(key="routes", text=f"Route of {', '.join(missing)} (e.g. 'M1 3, M2 2')?")])
        single = all(len(op) == 1 for ops in facts.routes.values() for op in ops)  # no choice of machines
        order = (facts.machine_order or []) if single else []
        skipped = {n: [m for m in order if m not in {m for op in facts.routes[n] for m, _ in op}] for n in names}
        if set(order) == {m for ops in facts.routes.values() for op in ops for m, _ in op} and any(skipped.values()):
            gaps = [f"{n} on {', '.join(facts.names.get(m, m) for m in left)}" for n, left in skipped.items() if left]
            raise Incomplete([Question(key="routes", text=f"Every job goes through {', '.join(order)} in that "
                                       f"order, but the text gives no time of {'; '.join(gaps)}. What is it (0 if it "
                                       "skips)?")])
        return facts.routes
    if facts.matrix is None:
        raise Incomplete([Question(key="matrix", text="Processing times per job and machine: one row per job, "
                                   "one column per machine (rows separated by ';')?")])
    short = [n for n, r in zip(names, facts.matrix, strict=False) if len(r) != len(machines)]
    if len(facts.matrix) == len(names) and short:  # 'J3 = 5, 2' among rows of three
        raise Incomplete([Question(key="matrix", text=f"{', '.join(short)}: give one time per machine "
                                   f"({', '.join(machines)}); the text gives "
                                   f"{', '.join(str(len(facts.matrix[names.index(n)])) for n in short)}.")])
    if len(facts.matrix) != len(names) or short:
        raise Incomplete([Question(key="matrix", text=f"The table of times is {len(facts.matrix)} x "
                                   f"{len(facts.matrix[0])} but there are {len(names)} jobs and {len(machines)} "
                                   "machines. Give one row per job, one column per machine.")])
    return {n: [[(m, d)] for m, d in zip(machines, row, strict=True)] for n, row in zip(names, facts.matrix,
                                                                                          strict=True)}


def _kind_of(facts: Facts, job: str) -> str:
    """The kind of a job for the changeovers between kinds: its own ('Colour' column), or the job itself when the
    changeovers name it ('White' of a line of colours, order 'A' of a table between orders); asked otherwise."""
    kinds = {b for _, b in facts.family_setups}
    said = [kind.lower() for kind in (facts.families.get(job), facts.names.get(job, job)) if kind]
    found = next((k for kind in said for k in kinds if k.lower() == kind), None)
    if found is None:
        raise Incomplete([Question(key="setups", text=f"The changeovers are between {', '.join(sorted(kinds))}; "
                                   f"which of them is {facts.names.get(job, job)}?")])
    return found


def _setups(facts: Facts, names: list[str], t: Callable[[TimeVal], int]) -> list[dict[str, Any]]:
    if facts.family_setups:
        if facts.setup_matrix is not None or facts.setup_pairs or facts.setup_const is not None:
            raise Incomplete([Question(key="setups", text="The changeovers are given twice (a table between kinds "
                                       "and between jobs); which holds?")])
        return [{"before": a, "after": b, "time": t(v)} for (a, b), v in facts.family_setups.items() if t(v)]
    if facts.setup_matrix is not None:
        grid = facts.setup_matrix
        if len(grid) != len(names) or any(len(r) != len(names) for r in grid):
            raise Incomplete([Question(key="setups", text=f"The setup table must be {len(names)} x {len(names)} "
                                       "(from job in rows, to job in columns).")])
        return [{"before": a, "after": b, "time": t(grid[i][j])} for i, a in enumerate(names)
                for j, b in enumerate(names) if i != j and t(grid[i][j])]
    if facts.setup_pairs:  # named changeovers, then 'from A to any other', then the usual one
        unknown = sorted({x for pair in facts.setup_pairs for x in pair if x is not None} - set(names))
        if unknown:
            raise Incomplete([Question(key="setups", text=f"Changeovers name {', '.join(unknown)}, which are not "
                                       f"among the jobs ({', '.join(names)}); restate the changeovers")])
        usual = facts.setup_const
        out = []
        for a in names:
            for b in names:
                tv = facts.setup_pairs.get((a, b), facts.setup_pairs.get((a, None), usual))
                if a != b and tv is not None and t(tv):
                    out.append({"before": a, "after": b, "time": t(tv)})
        return out
    if facts.setup_const is not None and t(facts.setup_const) and not facts.setup_first:
        return [{"before": a, "after": b, "time": t(facts.setup_const)} for a in names for b in names if a != b]
    return []
