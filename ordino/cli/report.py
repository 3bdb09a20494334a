"""`ordino report`: a self-contained HTML page of a solved model, a bench CSV, a batch database or an evolve run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ordino.cli.common import err_console, handle_errors

REPORT_HELP = "Also write a self-contained HTML report here (open it in any browser)."


def save_report(sections: list[dict[str, Any]], path: Path, title: str) -> None:
    """Write the report and say where it is."""
    from ordino.report import write_report

    write_report(sections, path, title)
    err_console.print(f"report written to {path}", markup=False, highlight=False, soft_wrap=True)


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
