"""`ordino solve`, `ordino verify`, `ordino schema`, `ordino methods`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

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
from ordino.errors import Interrupted
from ordino.models import Problem, Result, load_schedule, problem_json_schema
from ordino.models.assignment import RosterProblem, RosterResult
from ordino.models.inputs import parse_json, read_text
from ordino.models.io import model_from_dict
from ordino.models.linear import LinearModel, LinearResult
from ordino.plot import gantt_png, gantt_text
from ordino.solve import methods, solve
from ordino.verify import verify


def load_any(path: Path) -> Problem:
    """A scheduling problem from any supported file: ordino JSON or a benchmark format."""
    from ordino.datasets import load_instance

    return load_instance(path).problem


def load_any_family(path: Path) -> Problem | RosterProblem | LinearModel:
    """Like `load_any`, but an ordino JSON file of the assignment or linear family loads as that family."""
    if path.suffix.lower() == ".json" and path.is_file():
        data = parse_json(read_text(path), str(path))
        if isinstance(data, dict) and data.get("family") in ("assignment", "linear"):
            return model_from_dict(data, str(path))
    return load_any(path)


def result_json(result: Result | RosterResult | LinearResult) -> dict:
    """The stable `--json` document of a solve (a roster or the variable values for the other families)."""
    if not isinstance(result, Result):
        data = result.model_dump(mode="json")
        data["runtime"] = round(result.runtime, 4)
        data.setdefault("gap", None)
        return data
    return {
        "status": result.status,
        "objective": result.objective,
        "bound": result.bound,
        "gap": result.gap,
        "runtime": round(result.runtime, 4),
        "method": result.method,
        "violations": [v.model_dump() for v in result.violations],
        "schedule": result.schedule.model_dump() if result.schedule else None,
        "log": result.log,
    }


def print_family_result(result: RosterResult | LinearResult) -> None:
    """A roster as a table of who works which shift on which day, or the non-zero variable values."""
    colour = {"optimal": "green", "feasible": "yellow"}.get(result.status, "red")
    console.print(f"[bold {colour}]{result.status}[/] objective {result.objective} ({escape(result.method)}, "
                  f"{result.runtime:.2f}s)", highlight=False)
    for v in result.violations:
        console.print(f"  [red]violation[/] {v.kind}: {escape(v.message)}", highlight=False)
    if isinstance(result, RosterResult) and result.roster is not None:
        table = Table("day", "shift", "staff")
        cells: dict[tuple[str, str], list[str]] = {}
        for a in result.roster.assignments:
            cells.setdefault((a.day, a.shift), []).append(a.staff)
        for (day, shift), staff in cells.items():
            table.add_row(escape(day), escape(shift), escape(", ".join(staff)))
        console.print(table)
    elif isinstance(result, LinearResult) and result.solution is not None:
        table = Table("variable", "value")
        for name, value in result.solution.values.items():
            if abs(value) > 1e-9:
                table.add_row(escape(name), f"{value:g}")
        console.print(table)


def print_result(problem: Problem, result: Result) -> None:
    """A readable summary: status line, schedule table (small problems) and a text Gantt chart."""
    colour = {"optimal": "green", "feasible": "yellow"}.get(result.status, "red")
    bound = f", bound {result.bound:g}" if result.bound is not None else ""
    gap = f", gap {result.gap:.2f}%" if result.gap is not None else ""
    console.print(f"[bold {colour}]{result.status}[/] objective {result.objective}{bound}{gap} "
                  f"({escape(result.method)}, {result.runtime:.2f}s)", highlight=False)
    for line in result.log:
        console.print(f"  {line}", style="dim", markup=False, highlight=False)
    for v in result.violations:
        console.print(f"  [red]violation[/] {v.kind}: {escape(v.message)}", highlight=False)
    if result.schedule is None:
        return
    if len(result.schedule.tasks) <= 30:
        table = Table("task", "mode", "resources", "start", "end")
        for e in sorted(result.schedule.tasks, key=lambda e: (e.start, e.task)):
            res = problem.task(e.task).modes[e.mode].resources
            table.add_row(escape(e.task), str(e.mode), escape(", ".join(res)), str(e.start), str(e.end))
        console.print(table)
    console.print(gantt_text(problem, result.schedule), markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the app."""

    @app.command("solve")
    @handle_errors
    def solve_cmd(
        file: Annotated[Path, typer.Argument(help="Problem file: ordino JSON or a benchmark format.")],
        method: Annotated[str, typer.Option("--method", "-m", help="auto, cpsat, milp or a heuristic.")] = "auto",
        time_limit: Annotated[float, typer.Option("--time-limit", "-t", help="Seconds.")] = 10.0,
        workers: Annotated[int, typer.Option(help="Solver threads (0 = all cores).")] = 0,
        seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
        gantt: Annotated[Path | None, typer.Option(help="Write a Gantt chart PNG here.")] = None,
        out: Annotated[Path | None, typer.Option(help="Write the schedule JSON here.")] = None,
    ) -> None:
        """Solve a problem file and print the verified schedule (or roster, or variable values)."""
        problem = load_any_family(file)
        interrupted = False
        try:
            result = solve(problem, method=method, time_limit=time_limit, workers=workers, seed=seed)
        except Interrupted as stop:
            if stop.result is None:
                raise
            result, interrupted = stop.result, True
        if not isinstance(problem, Problem):
            print_json(result_json(result)) if as_json else print_family_result(result)
            exit_for_status(result.status, time_limit)
            return
        if out is not None and result.schedule is not None:
            out.write_text(json.dumps(result.schedule.model_dump(), indent=2) + "\n")
        if gantt is not None and result.schedule is not None:
            gantt_png(problem, result.schedule, gantt, title=f"{problem.name or file.stem}: {result.objective}")
        if as_json:
            print_json(result_json(result))
        else:
            print_result(problem, result)
        if interrupted:
            err_console.print(f"[yellow]interrupted[/] (Ctrl-C): the best schedule found so far is shown "
                              f"({result.status})", markup=True, highlight=False)
            raise typer.Exit(EXIT_INTERRUPTED)
        exit_for_status(result.status, time_limit)

    @app.command("verify")
    @handle_errors
    def verify_cmd(
        file: Annotated[Path, typer.Argument(help="Problem file.")],
        schedule: Annotated[Path, typer.Argument(help="Schedule JSON ({'tasks': [...]}).")],
        as_json: Annotated[bool, typer.Option("--json")] = False,
    ) -> None:
        """Check a schedule against a problem and recompute its objective."""
        problem = load_any(file)
        report = verify(problem, load_schedule(schedule))
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
    def methods_cmd(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
        """List the solve methods by name."""
        found = methods()
        if as_json:
            print_json([{"name": m.name, "description": m.description, "exact": m.exact} for m in found.values()])
            return
        table = Table("method", "exact", "description")
        for m in found.values():
            table.add_row(escape(m.name), "yes" if m.exact else "", escape(m.description))
        console.print(table)
