"""`ordino reschedule`: repair a schedule after events, from `now` on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ordino.cli.common import EXIT_NEEDS_INPUT, console, err_console, exit_for_status, handle_errors, print_json
from ordino.cli.solve import print_schedule, print_status, result_json
from ordino.errors import InputError
from ordino.models import Events, Problem, load_events, load_schedule

if TYPE_CHECKING:
    from ordino.reschedule import Repair


def repair_json(repair: Repair) -> dict:
    """The `--json` document: the result as `ordino solve --json` gives it, with `objective` the total the repair
    minimises (and `bound` on the same scale), then its two parts, what moved and every task's change."""
    data = result_json(repair.result)
    bound = data["bound"] / repair.scale if data["bound"] is not None else None
    return {**data, "objective": repair.total, "bound": bound, "now": repair.now, "objective_part": repair.objective,
            "stability_part": repair.stability, "deviation": repair.deviation, "moved": repair.moved,
            "shifted": repair.shifted, "resource_changes": repair.resource_changes,
            "changes": [c.model_dump() for c in repair.changes], "notes": repair.notes}


def print_repair(repair: Repair) -> None:
    """Status, the two parts of the objective, the tasks that changed, then the new schedule."""
    print_status(repair.result, repair.scale)
    if repair.result.schedule is None:
        return
    console.print(f"total {repair.total:g} = objective {repair.objective} + stability {repair.stability:g}: "
                  f"{repair.moved} task(s) moved by {repair.shifted} in all, {repair.resource_changes} on other "
                  "resources", highlight=False)
    for note in repair.notes:
        console.print(f"  {escape(note)}", style="dim", highlight=False)
    changed = [c for c in repair.changes if c.change not in ("kept", "started")]
    if changed:
        table = Table("task", "change", "planned", "now", "resources")
        for c in changed:
            before = f"{c.old_start}-{c.old_end}" if c.old_start is not None else ""
            after = f"{c.new_start}-{c.new_end}" if c.new_start is not None else ""
            where = ", ".join(c.new_resources or c.old_resources)
            if c.old_resources and c.new_resources and c.old_resources != c.new_resources:
                where = f"{', '.join(c.old_resources)} -> {', '.join(c.new_resources)}"
            table.add_row(escape(c.task), c.change, before, after, escape(where))
        console.print(table)
    print_schedule(repair.problem, repair.result.schedule)


def _read_said(say: str, problem: Problem, now: int, zero: str | None, llm: bool, model: str | None,
               base_url: str | None, as_json: bool) -> Events:
    """The events of --say, or its questions printed and exit 5."""
    if llm:
        from ordino.llm.client import load_config
        from ordino.reschedule.llm import read_events_llm

        config = load_config(model=model, base_url=base_url)
        if not config.configured:
            raise InputError("--llm needs an endpoint: set ORDINO_LLM_BASE_URL or OPENAI_API_KEY, or pass "
                             "--base-url (or read --say offline)")
        reading = read_events_llm(say, problem, now, config)
    else:
        from ordino.reschedule.text import read_events

        reading = read_events(say, problem, now, zero)
    if as_json and reading.events is None:
        print_json({"status": "needs_input", "questions": reading.questions, "ignored": reading.ignored})
    elif reading.events is None:
        for question in reading.questions:
            console.print(f"? {escape(question)}", highlight=False)
    for part in reading.ignored if not as_json else []:
        console.print(f"  ignored: {escape(part)}", style="dim", highlight=False)
    if reading.events is None:
        err_console.print("[bold yellow]the events leave data out:[/] answer the questions above in --say",
                          markup=True, highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_NEEDS_INPUT)
    return reading.events


def register(app: typer.Typer) -> None:
    """Add the command of this module to the app."""

    @app.command("reschedule")
    @handle_errors
    def reschedule_cmd(
        problem_file: Annotated[Path, typer.Argument(help="The problem the schedule was made for.")],
        schedule_file: Annotated[Path, typer.Argument(help="The schedule: {'tasks': [...]}, or the output of "
                                                      "`ordino solve --json`.")],
        now: Annotated[int, typer.Option("--now", help="The current time: what started before it stays, nothing "
                                         "new starts before it.")],
        events: Annotated[Path | None, typer.Option(help="Events JSON: breakdowns, new jobs, cancellations, "
                                                    "changed durations, due dates, releases, rushes.")] = None,
        say: Annotated[str | None, typer.Option(help="The events in plain words ('M2 breaks down at 10 for 2 "
                                                "hours; cancel J4'), instead of --events.")] = None,
        zero: Annotated[str | None, typer.Option(help="The clock time of the schedule's time 0 (HH:MM), for "
                                                 "clock times in --say.")] = None,
        llm: Annotated[bool, typer.Option("--llm/--offline", help="Read --say with the configured LLM, or "
                                          "offline (default).")] = False,
        model: Annotated[str | None, typer.Option(help="LLM model name (with --llm).")] = None,
        base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint URL (with --llm).")] = None,
        method: Annotated[str, typer.Option("--method", "-m", help="auto (right-shift, then CP-SAT from it), "
                                            "right_shift, cpsat, or another scheduling method.")] = "auto",
        time_limit: Annotated[float, typer.Option("--time-limit", "-t", help="Seconds.")] = 10.0,
        stability: Annotated[int, typer.Option(help="Weight of keeping the plan: per moved task 1 plus how far it "
                                               "moved, averaged over the tasks that may move and added to the "
                                               "objective (0: ignore the plan).")] = 1,
        seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
        out: Annotated[Path | None, typer.Option(help="Write the new schedule JSON here.")] = None,
        gantt: Annotated[Path | None, typer.Option(help="Write a Gantt chart PNG of the new schedule here.")] = None,
    ) -> None:
        """Repair a schedule after events: keep what started, obey every event, move as little as worth it."""
        from ordino.datasets import read_model
        from ordino.plot import gantt_png
        from ordino.reschedule import reschedule

        problem = read_model(problem_file)
        if not isinstance(problem, Problem):
            raise InputError("rescheduling repairs schedules over time; this is not a scheduling problem",
                             file=str(problem_file))
        plan = load_schedule(schedule_file)
        if events is not None and say is not None:
            raise InputError("give the events once: --events FILE or --say TEXT")
        happened = load_events(events) if events is not None else Events()
        if say is not None:
            happened = _read_said(say, problem, now, zero, llm, model, base_url, as_json)
        repair = reschedule(problem, plan, now, happened, method=method, time_limit=time_limit,
                            stability=stability, seed=seed)
        schedule = repair.result.schedule
        if out is not None and schedule is not None:
            out.write_text(json.dumps(schedule.model_dump(mode="json"), indent=2) + "\n")
        if gantt is not None and schedule is not None:
            gantt_png(repair.problem, schedule, gantt, title=f"{problem.name or problem_file.stem}, from {now}")
        if as_json:
            print_json(repair_json(repair))
        else:
            print_repair(repair)
        exit_for_status(repair.result.status, time_limit)
