"""`ordino explain`: every fact of an explanation recomputed here, independently, on real solves of the shipped
examples (schedules and the nurse roster), and the command line (text, --json, solve --explain, bad input)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

import ordino
from ordino.cli import app
from ordino.errors import InputError
from ordino.explain import Explanation, explain, explanation_lines
from ordino.models import LinearSolution, Problem, RosterProblem, Schedule, ScheduledTask, load_model
from ordino.models.assignment import Roster
from tests.conftest import EXAMPLES

runner = CliRunner()
SCHEDULING_EXAMPLES = ["single_machine_weighted_tardiness", "parallel_machines", "ft06_job_shop",
                       "flexible_job_shop", "rcpsp_project", "setups_and_breaks", "calendar_workshop"]
FT06 = str(EXAMPLES / "ft06_job_shop.json")
NURSES = str(EXAMPLES / "nurse_roster.json")


@pytest.fixture(scope="module")
def solved() -> dict[str, tuple[Problem, Schedule]]:
    """Each scheduling example with the schedule CP-SAT finds for it."""
    out = {}
    for name in SCHEDULING_EXAMPLES:
        problem = load_model(EXAMPLES / f"{name}.json")
        assert isinstance(problem, Problem)
        result = ordino.solve(problem, method="cpsat", time_limit=10, workers=2)
        assert result.status in ("optimal", "feasible") and result.schedule is not None, name
        out[name] = (problem, result.schedule)
    return out


@pytest.fixture(scope="module")
def roster() -> tuple[RosterProblem, Roster]:
    """The nurse roster example and a roster CP-SAT finds for it."""
    problem = load_model(NURSES)
    assert isinstance(problem, RosterProblem)
    result = ordino.solve(problem, method="cpsat", time_limit=10, workers=2)
    assert result.status in ("optimal", "feasible") and result.roster is not None
    return problem, result.roster


# --- helpers that recompute what the explanation claims ----------------------------------------------------

def mode_of(problem: Problem, entry: ScheduledTask):
    return problem.task(entry.task).modes[entry.mode]


def demand_on(problem: Problem, entry: ScheduledTask, rid: str) -> int:
    mode = mode_of(problem, entry)
    return mode.demand(mode.resources.index(rid)) if rid in mode.resources else 0


def link_time(problem: Problem, by_task: dict[str, ScheduledTask], step, previous) -> int:
    """The earliest start the step's reason allows, recomputed from the model (the previous step's task is the
    one it names)."""
    reason, before, entry = step.reason, by_task[previous.task], by_task[step.task]
    if reason.kind == "precedence":
        [c] = [c for c in problem.constraints if getattr(c, "first", None) == before.task
               and getattr(c, "then", None) == entry.task and c.type == reason.detail]
        first_side, then_side = c.anchors()
        anchor = before.start if first_side == "start" else before.end
        return anchor + c.min_lag - (entry.end - entry.start if then_side == "end" else 0)
    if reason.kind == "machine":
        resource = problem.resource(reason.resource)
        assert resource.kind == "machine" and demand_on(problem, before, resource.id) > 0
        family = {t.id: t.family or t.id for t in problem.tasks}
        setup = {(s.before, s.after): s.time for s in resource.setups}.get((family[before.task],
                                                                            family[entry.task]), 0)
        return before.end + setup
    assert reason.kind == "resource", reason
    resource = problem.resource(reason.resource)
    in_use = sum(demand_on(problem, e, resource.id) for e in by_task.values()
                 if e.task != entry.task and e.start <= entry.start - 1 < e.end)
    assert in_use + demand_on(problem, entry, resource.id) > resource.capacity
    assert demand_on(problem, before, resource.id) > 0
    return before.end


def check_chain(problem: Problem, schedule: Schedule, explanation: Explanation) -> None:
    """The chain is contiguous and ends at the makespan: each step after the first is held by the step before
    it, exactly at its start; the first is held by no task."""
    by_task = schedule.by_task()
    chain = explanation.critical_chain
    assert chain and chain[-1].end == schedule.makespan == explanation.makespan
    for step in chain:
        assert (by_task[step.task].start, by_task[step.task].end) == (step.start, step.end)
        assert step.reason.kind == "slack" or step.reason.at == step.start
    first = chain[0]
    assert first.reason.after is None
    if first.reason.kind == "start":
        assert first.start == 0
    if first.reason.kind == "release":
        assert first.start == problem.earliest_start(problem.task(first.task))
    if first.reason.kind == "unavailable":
        assert any(b == first.start for _, b in problem.down_times(first.reason.resource))
    for previous, step in zip(chain, chain[1:], strict=False):
        assert step.reason.after == previous.task
        assert link_time(problem, by_task, step, previous) == step.start


def loads(problem: Problem, schedule: Schedule) -> dict[str, float]:
    makespan = schedule.makespan
    return {r.id: sum(demand_on(problem, e, r.id) * (e.end - e.start) for e in schedule.tasks)
            / (r.capacity * makespan) for r in problem.resources if r.kind != "consumable" and r.capacity}


def late_jobs(problem: Problem, schedule: Schedule) -> dict[str, int]:
    by_task = schedule.by_task()
    out = {}
    for view in problem.job_views:
        completion = max((by_task[t].end for t in view.tasks if t in by_task), default=0)
        if view.due is not None and completion > view.due:
            out[view.id] = completion - view.due
    return out


# --- schedules ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", SCHEDULING_EXAMPLES)
def test_every_fact_of_a_schedule_recomputed(solved, name):
    problem, schedule = solved[name]
    explanation = explain(problem, schedule)
    report = ordino.verify(problem, schedule)
    assert explanation.feasible and not explanation.violations
    assert sum(t.cost for t in explanation.terms) == report.objective == explanation.objective
    assert [(t.key, t.cost) for t in explanation.terms] == [(t.key, t.weight * report.terms[t.key])
                                                          for t in problem.objective]
    check_chain(problem, schedule, explanation)
    expected = loads(problem, schedule)
    assert explanation.bottleneck is not None
    assert explanation.bottleneck.load == pytest.approx(max(expected.values()))
    assert explanation.bottleneck.load == pytest.approx(expected[explanation.bottleneck.resource])
    late = late_jobs(problem, schedule)
    assert {j.job: j.lateness for j in explanation.tardy_jobs} == late
    by_task = schedule.by_task()
    for job in explanation.tardy_jobs:
        last = by_task[job.last_task]
        shared = [e for e in schedule.tasks if e.task != last.task and e.end <= last.start
                  and any(m in mode_of(problem, e).resources for m in job.machines)]
        assert sorted(job.before) == sorted(e.task for e in shared)
    assert Explanation.model_validate_json(explanation.model_dump_json()) == explanation


def test_the_examples_show_each_kind_of_fact(solved):
    """The examples together exercise late jobs, the three links of a chain and a renewable bottleneck, so the
    checks above do not pass for want of cases."""
    explanations = {name: explain(*solved[name]) for name in SCHEDULING_EXAMPLES}
    assert explanations["single_machine_weighted_tardiness"].tardy_jobs
    kinds = {step.reason.kind for x in explanations.values() for step in x.critical_chain}
    assert {"precedence", "machine", "resource"} <= kinds
    assert explanations["rcpsp_project"].bottleneck.kind == "renewable"
    assert explanations["ft06_job_shop"].makespan == 55


def test_a_task_moved_later_for_nothing_has_slack(solved):
    problem, schedule = solved["ft06_job_shop"]
    last = next(e for e in schedule.tasks if e.end == schedule.makespan)
    later = Schedule(tasks=[e.model_copy(update={"start": e.start + 5, "end": e.end + 5}) if e is last else e
                            for e in schedule.tasks])
    explanation = explain(problem, later)
    assert explanation.feasible and explanation.makespan == schedule.makespan + 5
    assert [(s.task, s.reason.kind) for s in explanation.critical_chain] == [(last.task, "slack")]
    assert "could start earlier (slack)" in "\n".join(explanation_lines(explanation))


def test_a_rule_the_chain_has_no_word_for_is_named_by_the_verifier():
    problem = Problem.model_validate({
        "resources": [{"id": "M1"}, {"id": "M2"}],
        "tasks": [{"id": "a", "release": 3, "modes": [{"resources": ["M1"], "duration": 1}]},
                  {"id": "b", "modes": [{"resources": ["M2"], "duration": 5}]}],
        "constraints": [{"type": "synchronize", "tasks": ["a", "b"]}]})
    schedule = Schedule(tasks=[ScheduledTask(task="a", start=3, end=4), ScheduledTask(task="b", start=3, end=8)])
    [step] = explain(problem, schedule).critical_chain
    assert step.task == "b" and step.reason.kind == "rule" and step.reason.detail.startswith("synchronize")


def test_a_broken_schedule_is_explained_after_its_violations(solved):
    problem, schedule = solved["ft06_job_shop"]
    first = schedule.tasks[0]
    broken = Schedule(tasks=[first, *schedule.tasks])  # one task twice
    explanation = explain(problem, broken)
    report = ordino.verify(problem, broken)
    assert not explanation.feasible and explanation.violations == report.violations
    lines = explanation_lines(explanation)
    assert lines[0] == "This solution breaks 1 rule(s) of the model:"
    assert lines[1] == f"  {report.violations[0].kind}: {report.violations[0].message}"
    check_chain(problem, schedule, explanation)


def test_a_linear_model_is_refused_in_one_line():
    model = load_model(EXAMPLES / "production_plan.json")
    with pytest.raises(InputError, match="explain covers schedules and rosters; this is a model of the linear"):
        explain(model, LinearSolution(values={"bread": 1.0}))


# --- rosters -----------------------------------------------------------------------------------------------

def check_roster(problem: RosterProblem, solution: Roster) -> Explanation:
    """The term costs, the binding cover (recounted here), the penalties and the count rule at its limit."""
    explanation = explain(problem, solution)
    report = ordino.verify(problem, solution)
    assert explanation.family == "assignment" and explanation.feasible == report.feasible
    assert sum(t.cost for t in explanation.terms) == report.objective == explanation.objective
    worked = {(a.staff, a.shift, a.day) for a in solution.assignments}
    cover_at_min = set()
    for k, cover in enumerate(problem.cover):
        for day in problem.days:
            who = {(p, s) for p, s, d in worked if d == day and s == cover.shift}
            if len(who) == cover.min > 0:
                cover_at_min.add((f"cover[{k}]", day, frozenset(who)))
    listed = {(c.cover, c.day, frozenset((a.staff, a.shift) for a in c.assignments)) for c in explanation.binding_cover}
    assert listed == cover_at_min and listed
    assert all(c.count == c.minimum == len(c.assignments) for c in explanation.binding_cover)
    penalty = sum(p.cost for p in explanation.preference_costs) + sum(c.penalty for c in explanation.short_cover)
    assert penalty == report.terms["total_penalty"]
    shifts_each = Counter(p for p, _, _ in worked)  # the example's count rule: at most 5 shifts per person
    at_five = [s for r in explanation.rules_at_limit if r.type == "count" for s in r.subjects]
    assert sorted(at_five) == sorted(p for p in problem.people if shifts_each[p] == 5)
    assert Explanation.model_validate_json(explanation.model_dump_json()) == explanation
    return explanation


def test_every_fact_of_a_roster_recomputed(roster):
    problem, solution = roster
    assert check_roster(problem, solution).feasible


def test_cover_above_its_minimum_is_not_binding(roster):
    problem, solution = roster
    first = solution.assignments[0]
    free = next(p for p in problem.people
                if not any(a.staff == p and a.day == first.day for a in solution.assignments))
    extra = Roster(assignments=[*solution.assignments, first.model_copy(update={"staff": free})])
    explanation = check_roster(problem, extra)
    assert (first.shift, first.day) not in {(c.shift, c.day) for c in explanation.binding_cover}


def test_roster_lines_name_the_binding_cover(roster):
    problem, solution = roster
    lines = explanation_lines(explain(problem, solution))
    assert lines[0].startswith("Objective ")
    cover_lines = [line for line in lines if line.startswith("  cover[0] early, at least 1: ")]
    assert len(cover_lines) == 1 and "Mon " in cover_lines[0]


# --- the command line --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ft06_solution(tmp_path_factory) -> str:
    """The output of `ordino solve --json` on ft06, as a file."""
    result = runner.invoke(app, ["solve", FT06, "--json", "-t", "10", "--workers", "2"])
    assert result.exit_code == 0, result.output
    path = tmp_path_factory.mktemp("ft06") / "solved.json"
    path.write_text(result.stdout)
    return str(path)


def test_explain_prints_the_chain_and_the_bottleneck(ft06_solution):
    result = runner.invoke(app, ["explain", FT06, ft06_solution])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == ["Objective 55:", "  makespan 55 x weight 1 = 55",
                         "Makespan 55 min; the chain of tasks that ends then, from its start:"]
    assert any(line.startswith("Bottleneck: M") and line.endswith(" %).") for line in lines)


def test_explain_json(ft06_solution):
    result = runner.invoke(app, ["explain", FT06, ft06_solution, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["family"] == "scheduling" and data["objective"] == 55 and data["makespan"] == 55
    assert data["critical_chain"][-1]["end"] == 55 and data["bottleneck"]["resource"].startswith("M")


def test_solve_explain_text_and_json():
    result = runner.invoke(app, ["solve", FT06, "--explain", "-t", "10", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "optimal objective 55" in result.stdout and "Makespan 55 min; the chain" in result.stdout
    result = runner.invoke(app, ["solve", NURSES, "--explain", "--json", "-t", "10", "--workers", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["explanation"]["family"] == "assignment"
    assert data["explanation"]["objective"] == data["objective"]


def test_explain_a_roster_file(tmp_path, roster):
    path = tmp_path / "roster.json"
    path.write_text(roster[1].model_dump_json())
    result = runner.invoke(app, ["explain", NURSES, str(path)])
    assert result.exit_code == 0, result.output
    assert "Cover met exactly at its minimum (one person fewer would fall short):" in result.stdout


def test_a_broken_solution_says_its_violations_first(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"tasks": [{"task": "J1.1", "start": 0, "end": 1}]}))
    result = runner.invoke(app, ["explain", FT06, str(path)])
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    assert lines[0] == "This solution breaks 35 rule(s) of the model:"
    assert lines[1].startswith("  missing_task: ") and "Traceback" not in result.output


def test_names_are_printed_literally(tmp_path):
    problem = tmp_path / "p.json"
    problem.write_text(json.dumps({"resources": [{"id": "[M]"}],
                                   "tasks": [{"id": "[bold]a", "modes": [{"resources": ["[M]"], "duration": 2}]}]}))
    schedule = tmp_path / "s.json"
    schedule.write_text(json.dumps({"tasks": [{"task": "[bold]a", "start": 0, "end": 2}]}))
    result = runner.invoke(app, ["explain", str(problem), str(schedule)])
    assert result.exit_code == 0, result.output
    assert "  [bold]a on [M] 0-2: starts at 0" in result.stdout
    assert "Bottleneck: [M], busy 2 of 2 min (100.0 %)." in result.stdout


@pytest.mark.parametrize("args", [
    ["explain", str(EXAMPLES / "production_plan.json"), str(EXAMPLES / "production_plan.json")],
    ["solve", str(EXAMPLES / "production_plan.json"), "--explain"],
    ["explain", FT06, "no-such-schedule.json"],
    ["explain", "no-such-model.json", FT06],
])
def test_bad_input_is_one_line_and_exit_2(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: ")
    assert "Traceback" not in result.output and result.stdout == ""
    if "production_plan" in args[1]:
        assert "explain covers schedules and rosters; this is a model of the linear family" in result.stderr
