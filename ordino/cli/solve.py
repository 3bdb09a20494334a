"""`ordino solve`, `ordino verify`, `ordino schema`, `ordino methods`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from ordino.cli.common import (
    EXIT_INFEASIBLE,
    EXIT_INTERRUPTED,
    console,
    err_console,
    exit_for_status,
    handle_errors,
    print_json,
)
from ordino.cli.explain import print_explanation
from ordino.cli.report import CSV_HELP, REPORT_HELP, XLSX_HELP, save_report, save_tables, solution_sheets
from ordino.datasets import read_model
from ordino.errors import InputError, Interrupted
from ordino.explain import explain, explained_family
from ordino.explain.conflict import Conflict, ConflictItem, conflict_lines, find_conflict
from ordino.models import (
    BaseResult,
    LinearModel,
    LinearSolution,
    Model,
    Problem,
    Roster,
    RosterProblem,
    Schedule,
    Solution,
    family_of,
    problem_json_schema,
)
from ordino.models.clock import wall_label
from ordino.models.families import LINEAR, SCHEDULING, family_named
from ordino.models.io import load_solution
from ordino.plot import gantt_png, gantt_text
from ordino.solve import all_methods, methods, solve
from ordino.verify import verify


def result_json(result: BaseResult) -> dict:
    """The stable `--json` document of a solve: the shared result fields, then the family's solution (a
    schedule, a roster or the variable values) under its own key."""
    data: dict[str, Any] = {
        "status": result.status, "objective": result.objective, "bound": result.bound, "gap": result.gap,
        "runtime": round(result.runtime, 4), "method": result.method,
        "violations": [v.model_dump() for v in result.violations]}
    for name in type(result).model_fields.keys() - BaseResult.model_fields.keys():
        value = getattr(result, name)
        data[name] = value.model_dump(mode="json") if value is not None else None
    data["log"] = result.log
    return data


def print_status(result: BaseResult, scale: int = 1) -> None:
    """The status line of any family's result, its log and its violations; objective and bound divided by
    `scale` (a repair's objective is `scale` times the total it minimises)."""
    colour = {"optimal": "green", "feasible": "yellow"}.get(result.status, "red")
    bound = f", bound {result.bound / scale:g}" if result.bound is not None else ""
    gap = f", gap {result.gap:.2f}%" if result.gap is not None else ""
    objective = f"{result.objective / scale:g}" if result.objective is not None and scale != 1 else result.objective
    console.print(f"[bold {colour}]{result.status}[/] objective {objective}{bound}{gap} "
                  f"({escape(result.method)}, {result.runtime:.2f}s)", highlight=False)
    for line in result.log:
        console.print(f"  {line}", style="dim", markup=False, highlight=False)
    for v in result.violations:
        console.print(f"  [red]violation[/] {v.kind}: {escape(v.message)}", highlight=False)


CONFLICT_BUDGET = 5.0
"""At most this many seconds (and never more than the solve's time limit) go into isolating a conflict."""


def infeasibility(model: Model, result: BaseResult, time_limit: float) -> Conflict | str | None:
    """The conflicting requirements of a schedule or roster proved infeasible (or why none is shown); None for
    any other result or family."""
    if result.status != "infeasible" or not isinstance(model, (Problem, RosterProblem)):
        return None
    return find_conflict(model, min(CONFLICT_BUDGET, time_limit))


def print_conflict(found: Conflict | str, quotes: Callable[[ConflictItem], str | None] = lambda item: None) -> None:
    """The conflict under the status line, the model's names printed literally; `quotes` gives the words of the
    description an item was read from, when known."""
    lines = conflict_lines(found)
    console.print(f"[bold red]{escape(lines[0])}[/]", highlight=False)
    items = found.items if isinstance(found, Conflict) else []
    for line, item in zip(lines[1:], items, strict=True):
        quote = quotes(item)
        console.print(escape(line) + (f' [dim](from "{escape(quote)}")[/]' if quote else ""), highlight=False)


def print_roster(problem: RosterProblem, roster: Roster) -> None:
    """A roster as a staff x day grid: the shifts each person works each day."""
    cells = roster.cells()
    table = Table("staff", *(escape(d) for d in problem.days))
    for person in problem.people:
        if any((person, d) in cells for d in problem.days):
            table.add_row(escape(person), *(escape(", ".join(cells.get((person, d), []))) for d in problem.days))
    console.print(table)


def print_values(model: LinearModel, solution: LinearSolution) -> None:
    """The non-zero variable values of a linear model's solution."""
    table = Table("variable", "value")
    for name, value in solution.values.items():
        if abs(value) > 1e-9:
            table.add_row(escape(name), f"{value:g}")
    console.print(table)


def print_schedule(problem: Problem, schedule: Schedule) -> None:
    """A schedule table (small problems) and a text Gantt chart."""
    if len(schedule.tasks) <= 30:
        clock = problem.wall_start
        table = Table("task", "mode", "resources", "start", "end", *(("from", "until") if clock else ()))
        for e in sorted(schedule.tasks, key=lambda e: (e.start, e.task)):
            res = problem.task(e.task).modes[e.mode].resources
            when = [wall_label(x, clock, problem.time_unit) for x in (e.start, e.end)] if clock else []
            table.add_row(escape(e.task), str(e.mode), escape(", ".join(res)), str(e.start), str(e.end), *when)
        console.print(table)
    console.print(gantt_text(problem, schedule), markup=False, highlight=False)


PRINTERS: dict[str, Callable[[Any, Any], None]] = {
    "scheduling": print_schedule, "assignment": print_roster, "linear": print_values}
"""How each family's solution is shown under the status line."""


def print_result(model: Model, result: BaseResult) -> None:
    """A readable summary of any family's result: status line, then the solution as a table or chart."""
    print_status(result)
    family = family_of(model)
    solution = family.solution_of(result)
    if solution is not None:
        PRINTERS[family.name](model, solution)


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the app."""

    @app.command("solve")
    @handle_errors
    def solve_cmd(
        file: Annotated[Path, typer.Argument(help="Problem file: ordino JSON or a benchmark format.")],
        method: Annotated[str, typer.Option("--method", "-m", help="auto, or a method of the model's family "
                                            "(`ordino methods`).")] = "auto",
        time_limit: Annotated[float, typer.Option("--time-limit", "-t", help="Seconds.")] = 10.0,
        workers: Annotated[int, typer.Option(help="Solver threads (0 = all cores).")] = 0,
        seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
        gantt: Annotated[Path | None, typer.Option(help="Write a Gantt chart PNG here.")] = None,
        out: Annotated[Path | None, typer.Option(help="Write the solution JSON here (schedule, roster or "
                                                     "variable values).")] = None,
        explain_it: Annotated[bool, typer.Option("--explain", help="Then say what binds the answer, as `ordino "
                                                 "explain` (schedules and rosters).")] = False,
        report: Annotated[Path | None, typer.Option(help=REPORT_HELP)] = None,
        csv: Annotated[Path | None, typer.Option(help=CSV_HELP)] = None,
        xlsx: Annotated[Path | None, typer.Option(help=XLSX_HELP)] = None,
        warm_start: Annotated[Path | None, typer.Option(help="Start from this solution: a solution JSON (as --out "
                                                        "writes) or a heuristic saved by `ordino evolve` (.py), "
                                                        "run on the problem first.")] = None,
    ) -> None:
        """Solve a problem file and print the verified schedule (or roster, or variable values)."""
        problem = read_model(file)
        family = family_of(problem)
        warm = None if warm_start is None else _warm_start(warm_start, problem, time_limit)
        if explain_it:
            explained_family(problem)  # refuse a linear model before solving it
        if gantt is not None and family is not SCHEDULING:
            raise InputError(f"--gantt draws schedules over time; this is a model of the {family.name} family "
                             "(write its solution with --out, or read it with --json)")
        if family is LINEAR and (report or csv or xlsx):
            raise InputError("--report, --csv and --xlsx show schedules and rosters; a linear model's values are "
                             "printed (or written with --out)")
        interrupted = False
        try:
            result = solve(problem, method=method, time_limit=time_limit, workers=workers, seed=seed,
                           warm_start=warm)
        except Interrupted as stop:
            if not isinstance(stop.result, BaseResult):
                raise
            result, interrupted = stop.result, True
        solution = family.solution_of(result)
        if out is not None and solution is not None:
            out.write_text(json.dumps(solution.model_dump(mode="json"), indent=2) + "\n")
        if gantt is not None and isinstance(problem, Problem) and isinstance(solution, Schedule):
            gantt_png(problem, solution, gantt, title=problem.name or file.stem)
        if report is not None and solution is not None:
            from ordino.report import solution_sections

            save_report(solution_sections(problem, solution, problem.name or file.stem, result.status), report,
                        f"ordino solve {file.name}")
        if solution is not None and (csv or xlsx):
            save_tables(solution_sheets(problem, solution), csv, xlsx)
        explanation = explain(problem, solution) if explain_it and solution is not None else None
        found = infeasibility(problem, result, time_limit)
        if as_json:
            data = result_json(result)
            data["conflict"] = found.model_dump(mode="json") if isinstance(found, Conflict) else None
            if explain_it:  # null when the solve found no solution
                data["explanation"] = explanation.model_dump(mode="json") if explanation is not None else None
            print_json(data)
        else:
            print_result(problem, result)
            if found is not None:
                print_conflict(found)
            if explanation is not None:
                print_explanation(explanation)
        if interrupted:
            err_console.print(f"[yellow]interrupted[/] (Ctrl-C): the best solution found so far is shown "
                              f"({result.status})", markup=True, highlight=False)
            raise typer.Exit(EXIT_INTERRUPTED)
        exit_for_status(result.status, time_limit)

    @app.command("verify")
    @handle_errors
    def verify_cmd(
        file: Annotated[Path, typer.Argument(help="Model file of any family.")],
        solution: Annotated[Path, typer.Argument(help="Its solution as JSON: a schedule ({'tasks': [...]}), a "
                                                  "roster ({'assignments': [...]}), variable values "
                                                  "({'values': {...}}), or the output of `solve --json`.")],
        as_json: Annotated[bool, typer.Option("--json")] = False,
    ) -> None:
        """Check a solution against a model and recompute its objective."""
        model = read_model(file)
        report = verify(model, load_solution(solution, family_of(model)))
        if as_json:
            print_json(report.model_dump())
        else:
            state = "[green]feasible[/]" if report.feasible else f"[red]{len(report.violations)} violation(s)[/]"
            console.print(f"{state}, objective {report.objective}", highlight=False)
            for v in report.violations:
                console.print(f"  {v.kind}: {v.message}", markup=False, highlight=False)
        if not report.feasible:
            raise typer.Exit(EXIT_INFEASIBLE)

    @app.command("schema")
    def schema_cmd() -> None:
        """Print the JSON Schema of the ontology."""
        print_json(problem_json_schema())

    @app.command("methods")
    @handle_errors
    def methods_cmd(
        family: Annotated[str | None, typer.Option(help="Only this family: scheduling, assignment or linear.")
                          ] = None,
        as_json: Annotated[bool, typer.Option("--json")] = False,
    ) -> None:
        """List the solve methods of every family ('auto' picks one by the model's structure)."""
        found = all_methods() if family is None else list(methods(family_named(family).name).values())
        if as_json:
            print_json([{"name": m.name, "family": m.family, "description": m.description, "exact": m.exact}
                        for m in found])
            return
        table = Table("family", "method", "exact", "description")
        for m in found:
            table.add_row(m.family, escape(m.name), "yes" if m.exact else "", escape(m.description))
        console.print(table)


def _warm_start(path: Path, model: Model, time_limit: float) -> Solution:
    """The verified solution to start from: read from a solution file, or built by a saved evolved heuristic."""
    family = family_of(model)
    if path.suffix == ".py":
        from ordino.evolve import load_heuristic
        from ordino.evolve.warm import rule_schedule

        if not isinstance(model, Problem):
            raise InputError(f"an evolved heuristic builds schedules; this is a {family.name} model", file=str(path))
        solution: Solution = rule_schedule(load_heuristic(path), model, min(time_limit, 60.0))
    else:
        solution = load_solution(path, family)
    report = verify(model, solution)
    if report.violations:
        raise InputError(f"the warm start breaks {len(report.violations)} rule(s), e.g. "
                         f"{report.violations[0].message}; fix it or leave --warm-start out", file=str(path))
    err_console.print(f"warm start: objective {report.objective:g} from {path}", highlight=False)
    return solution
