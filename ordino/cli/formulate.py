"""`ordino formulate`: plain-language text -> validated problem -> verified schedule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from ordino.cli.common import console, err_console, exit_for_status, fail, handle_errors, print_json
from ordino.cli.report import REPORT_HELP, save_report
from ordino.errors import InputError, OrdinoError
from ordino.models import Problem, Schedule, family_of
from ordino.models.families import LINEAR

if TYPE_CHECKING:
    from ordino.formulate.formulation import Formulation


def _read_text(text: str | None, file: Path | None) -> str:
    if file is not None and text:
        raise InputError("give the description either as TEXT or with -f FILE, not both")
    if file is not None:
        from ordino.models.inputs import read_text

        return read_text("/dev/stdin" if str(file) == "-" else file)
    if not text:
        raise InputError('give a description: ordino formulate "TEXT" or ordino formulate -f FILE')
    return text


def _print_formulation(formulation: Any, show_math: bool, time_limit: float) -> None:
    from rich.markup import escape

    from ordino.cli.solve import infeasibility, print_conflict, print_result
    from ordino.explain.conflict import source_of
    from ordino.formulate.summary import math_text, sources_table, summary_tables

    problem = formulation.problem
    line = f"engine {formulation.engine}, {formulation.rounds} round(s)"
    if formulation.usage.get("total_tokens"):
        line += f", {formulation.usage['total_tokens']} tokens in {formulation.usage['calls']} call(s)"
    if problem is None:
        console.print(f"[bold yellow]{formulation.status.replace('_', ' ')}[/] ({line})", highlight=False)
    else:
        console.print(f"[bold]formulated[/] {escape(problem.name or 'problem')} ({line})", highlight=False)
        for table in summary_tables(problem):
            console.print(table)
        if formulation.sources:
            console.print(sources_table(formulation.sources))
        if show_math:
            console.print(math_text(problem), highlight=False, markup=False)
    for warning in formulation.warnings:
        console.print(f"[yellow]warning[/] {escape(warning)}", highlight=False)
    for assumption in formulation.assumptions:
        console.print(f"[cyan]assumed[/] {escape(assumption)}", highlight=False)
    for question in formulation.questions:
        where = getattr(question, "where", None)
        about = f' (about "{escape(where)}")' if where else ""
        console.print(f"[yellow]open question[/] {escape(str(getattr(question, 'text', question)))}{about}",
                      highlight=False)
    if formulation.result is not None:
        print_result(problem, formulation.result)
        found = infeasibility(problem, formulation.result, time_limit)
        if found is not None:  # each item with the words of the description it was read from, when known
            read = [(s.element, s.quote) for s in formulation.sources if s.found]
            print_conflict(found, lambda item: source_of(item, read))
        if formulation.result.objective is not None:
            units = f" ({formulation.objective_units})" if formulation.objective_units else ""
            console.print(f"[bold]objective[/] {formulation.result.objective}{units}", highlight=False)
    if formulation.error:
        console.print(f"[red]{escape(formulation.error)}[/]", highlight=False)


def _save_report(formulation: Formulation, path: Path) -> None:
    """The report of a formulated and solved schedule or roster; a note when there is nothing to draw."""
    from ordino.llm.client import scrub
    from ordino.report import solution_sections

    problem, result = formulation.problem, formulation.result
    solution = family_of(problem).solution_of(result) if problem is not None and result is not None else None
    if problem is None or result is None or solution is None or family_of(problem) is LINEAR:
        err_console.print("[yellow]no report:[/] it draws a solved schedule or roster; this run has none",
                          highlight=False, soft_wrap=True)
        return
    sections = solution_sections(problem, solution, problem.name or "formulated", result.status)
    save_report(scrub(sections), path, "ordino formulate")


def register(app: typer.Typer) -> None:
    """Add `ordino formulate` to the app."""

    @app.command("formulate")
    @handle_errors
    def formulate_cmd(
        text: Annotated[str | None, typer.Argument(help="The problem in plain language.")] = None,
        file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the description from a file "
                                                   "('-' for stdin).")] = None,
        llm: Annotated[bool | None, typer.Option("--llm/--offline", help="Force the LLM or the offline engine "
                                                  "(default: the LLM when one is configured).")] = None,
        model: Annotated[str | None, typer.Option(help="LLM model name.")] = None,
        base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint URL.")] = None,
        llm_timeout: Annotated[float | None, typer.Option(help="Wall-clock seconds per LLM request, the whole "
                                                           "reply included (default 120).")] = None,
        llm_run_timeout: Annotated[float | None, typer.Option(help="Wall-clock seconds from the start of the run "
                                                               "after which no LLM call runs (default 600; 0 = "
                                                               "none).")] = None,
        solve: Annotated[bool, typer.Option("--solve/--no-solve", help="Solve the formulated problem.")] = True,
        time_limit: Annotated[float, typer.Option("--time-limit", "-t", help="Solver seconds.")] = 10.0,
        max_rounds: Annotated[int, typer.Option(help="Cap on LLM extract/fix rounds.")] = 4,
        critic: Annotated[bool, typer.Option("--critic/--no-critic", help="LLM review of the model.")] = True,
        ask: Annotated[bool, typer.Option("--ask", help="Offline: ask for missing information.")] = False,
        out: Annotated[Path | None, typer.Option(help="Write the problem JSON here.")] = None,
        show_math: Annotated[bool, typer.Option("--show-math", help="Print the model as mathematics.")] = False,
        gantt: Annotated[Path | None, typer.Option(help="Write a Gantt chart PNG here.")] = None,
        report: Annotated[Path | None, typer.Option(help=REPORT_HELP)] = None,
        transcript: Annotated[Path | None, typer.Option(help="Write every round of the run as JSON here.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    ) -> None:
        """Turn a scheduling problem described in plain language into a verified schedule."""
        from ordino.formulate import formulate
        from ordino.llm.client import load_config, scrub, scrubbed_errors

        with scrubbed_errors():  # every message, like every output below, is scrubbed of secrets
            description = _read_text(text, file)
            config = load_config(model=model, base_url=base_url, timeout=llm_timeout, run_timeout=llm_run_timeout)
            engine: Literal["auto", "llm", "offline"] = "auto" if llm is None else ("llm" if llm else "offline")
            if engine == "auto" and not config.configured:
                err_console.print("engine: offline (no LLM configured; set ORDINO_LLM_BASE_URL or OPENAI_API_KEY, "
                                  "or pass --base-url)", style="dim", highlight=False)
            asker = (lambda q: typer.prompt(q.describe(), err=True)) if ask else None
            try:
                formulation = formulate(description, engine=engine, solve=solve, time_limit=time_limit,
                                        max_rounds=max_rounds, ask=asker, config=config, critic=critic)
            except OrdinoError as exc:
                partial = getattr(exc, "formulation", None)
                if partial is None:
                    raise
                if transcript is not None:
                    transcript.write_text(partial.transcript_json(config.api_key) + "\n", encoding="utf-8")
                if as_json:
                    print_json(partial.to_json())
                    raise typer.Exit(exc.exit_code) from None
                fail(scrub(str(exc)), exc.exit_code)
            if transcript is not None:
                transcript.write_text(formulation.transcript_json(config.api_key) + "\n", encoding="utf-8")
            problem = formulation.problem
            if out is not None and problem is not None:
                from ordino.formulate.formulation import model_json

                out.write_text(json.dumps(scrub(model_json(problem)), indent=2) + "\n", encoding="utf-8")
            schedule = getattr(formulation.result, "schedule", None)
            if gantt is not None and isinstance(problem, Problem) and isinstance(schedule, Schedule):
                from ordino.plot import gantt_png

                gantt_png(problem, schedule, gantt, title=scrub(problem.name or "formulated"))
            elif gantt is not None and problem is not None and not isinstance(problem, Problem):
                err_console.print(f"[yellow]no Gantt chart:[/] --gantt draws schedules over time; the text was "
                                  f"formulated as a model of the {family_of(problem).name} family",
                                  highlight=False, soft_wrap=True)
            if report is not None:
                _save_report(formulation, report)
            if as_json:
                print_json(formulation.to_json())
            else:
                with console.capture() as captured:
                    _print_formulation(formulation, show_math, time_limit)
                console.file.write(scrub(captured.get()))
            solved = formulation.result.status if formulation.result is not None else "formulated"
            status = solved if formulation.status == "disputed" else formulation.status  # a verified answer
            exit_for_status(status, time_limit if solve else None)
