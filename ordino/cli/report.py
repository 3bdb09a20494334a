"""`ordino report`: a self-contained HTML page of a solved model, a bench CSV, a batch database or an evolve run."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ordino.cli.common import err_console, handle_errors
from ordino.errors import InputError
from ordino.models import Model, Problem, Roster, RosterProblem, Schedule

if TYPE_CHECKING:
    from ordino.report.tables import Sheet

REPORT_HELP = "Also write a self-contained HTML report here (open it in any browser)."
CSV_HELP = "Also write the result as CSV here (a row per task, assignment or run)."
XLSX_HELP = "Also write the result as an Excel workbook here (rosters also as a staff x day grid)."


def save_report(sections: list[dict[str, Any]], path: Path, title: str) -> None:
    """Write the report and say where it is."""
    from ordino.report import write_report

    write_report(sections, path, title)
    err_console.print(f"report written to {path}", markup=False, highlight=False, soft_wrap=True)


def save_tables(sheets: list[Sheet], csv: Path | None, xlsx: Path | None) -> None:
    """Write the tables as CSV (the first) and as a workbook (all), and say where."""
    from ordino.report.tables import write_csv, write_xlsx

    if csv is not None:
        write_csv(sheets[0], csv)
        err_console.print(f"CSV written to {csv}", markup=False, highlight=False, soft_wrap=True)
    if xlsx is not None:
        write_xlsx(sheets, xlsx)
        err_console.print(f"workbook written to {xlsx}", markup=False, highlight=False, soft_wrap=True)


def solution_sheets(model: Model, solution: object) -> list[Sheet]:
    """The tables of a schedule or a roster; an InputError for any other solution."""
    from ordino.report.tables import roster_sheets, schedule_sheet

    if isinstance(model, Problem) and isinstance(solution, Schedule):
        return [schedule_sheet(model, solution)]
    if isinstance(model, RosterProblem) and isinstance(solution, Roster):
        return roster_sheets(model, solution)
    raise InputError("--csv and --xlsx write schedules and rosters; a linear model's values are written with --out")


def register(app: typer.Typer) -> None:
    """Add the `report` command."""

    @app.command("report")
    @handle_errors
    def report_cmd(
        source: Annotated[Path, typer.Argument(help="A model file (with --solution), a bench CSV (bench --out), a "
                                                    "batch results database, or an evolve archive or run folder.")],
        out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("report.html"),
        solution: Annotated[Path | None, typer.Option(help="The solution of a model file (solve --out or solve "
                                                           "--json).")] = None,
        title: Annotated[str | None, typer.Option(help="Page title (default: the source's name).")] = None,
    ) -> None:
        """Write one HTML file to look at a result: an interactive Gantt chart (zoom, hover), resource profiles,
        a roster grid, the gap table and chart of bench or batch runs, or an evolution's convergence."""
        from ordino.report import report_sections

        save_report(report_sections(source, solution), out, title or f"ordino report: {source.name}")
