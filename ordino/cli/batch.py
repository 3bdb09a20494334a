"""`ordino batch`: solve every instance in files, folders, globs and archives; rows in SQLite as they finish."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ordino.cli.common import EXIT_INTERRUPTED, console, err_console, handle_errors, print_json
from ordino.cli.report import REPORT_HELP, save_report, save_tables

if TYPE_CHECKING:
    from ordino.batching.rows import Summary


def _fmt(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "-"
    return f"{value:.{digits}f}" if isinstance(value, float) and not float(value).is_integer() else f"{value:g}"


def _summary_table(summary: list[Summary]) -> Table:
    table = Table(title="batch summary")
    for name in ("method", "rows", "solved", "optimal", "infeas.", "timeout", "error", "gap %", "max gap %",
                 "runtime s", "wall s"):
        table.add_column(name, justify="left" if name == "method" else "right")
    for s in summary:
        table.add_row(escape(s.method), str(s.instances), str(s.solved), str(s.proven_optimal),
                      str(s.by_status.get("infeasible", 0)), str(s.timeouts), str(s.errors),
                      _fmt(s.mean_gap), _fmt(s.max_gap), _fmt(s.mean_runtime), _fmt(s.mean_wall))
    return table


def _failures_table(rows: list) -> Table:
    table = Table(title="errors and timeouts")
    for name in ("instance", "method", "status", "error"):
        table.add_column(name)
    for row in rows:
        table.add_row(escape(row.instance), escape(row.method), row.status, escape((row.error or "")[:200]))
    return table


def register(app: typer.Typer) -> None:
    """Add the `batch` command."""

    @app.command("batch")
    @handle_errors
    def batch_command(
        paths: Annotated[list[str], typer.Argument(help="Files (any supported format, file#instance), folders, "
                                                        "glob patterns or archives such as .sm.tar.gz.")],
        method: Annotated[list[str] | None, typer.Option("--method", "-m", help="Method (repeat for several).")
                          ] = None,
        time_limit: Annotated[float, typer.Option("--time-limit", "-t", help="Solver limit per instance, s.")] = 10.0,
        workers: Annotated[int | None, typer.Option(
            "--workers", "-w", help="Instances at once (default: cores / threads, or the Ray cluster's CPUs).")] = None,
        threads: Annotated[int, typer.Option("--threads", help="Solver threads per instance (0 = all cores).")] = 1,
        executor: Annotated[str, typer.Option("--executor", help="local (fresh processes) or ray.")] = "local",
        ray_address: Annotated[str | None, typer.Option("--ray-address", help="Existing Ray cluster "
                                                                               "(host:port or 'auto').")] = None,
        results: Annotated[Path, typer.Option("--results", help="SQLite file the rows go to.")] = Path("results.db"),
        resume: Annotated[bool, typer.Option("--resume", help="Skip instances already in --results.")] = False,
        retry_errors: Annotated[bool, typer.Option("--retry-errors", help="With --resume, run error and "
                                                                          "timeout rows again.")] = False,
        grace: Annotated[float | None, typer.Option("--grace", help="Seconds past the time limit before a worker "
                                                                    "is killed (default max(10, limit/4)).")] = None,
        memory_limit: Annotated[int | None, typer.Option("--memory-limit", help="Memory cap per local worker, "
                                                                                 "MiB.")] = None,
        plugin: Annotated[list[str] | None, typer.Option("--plugin", help="Module or .py file each worker imports "
                                                                   "first (to register methods).")] = None,
        seed: Annotated[int, typer.Option("--seed", help="Solver seed.")] = 0,
        as_json: Annotated[bool, typer.Option("--json", help="Rows and summary as JSON on stdout.")] = False,
        report: Annotated[Path | None, typer.Option(help=REPORT_HELP + " It shows every row of --results.")]
        = None,
        csv: Annotated[Path | None, typer.Option(help="Also write every row of --results as CSV here.")] = None,
        xlsx: Annotated[Path | None, typer.Option(help="Also write every row of --results as a workbook here.")]
        = None,
    ) -> None:
        """Solve every instance in PATHS, each in its own worker with a hard time limit; rows go to SQLite."""
        from ordino.batching import batch, summarize
        from ordino.batching.run import cores, oversubscription

        methods = method or ["auto"]
        finished: list = []
        progress = Progress(TextColumn("[bold]batch[/]"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.description}", markup=False), TimeElapsedColumn(), console=err_console,
                            disable=as_json)
        task_id = progress.add_task("", total=None)
        counts: dict[str, int] = {}

        def on_start(todo: int, reused: int) -> None:  # the database is ours now: show the bar
            if reused:
                err_console.print(f"resuming: {reused} row(s) already in {results}, {todo} to run", markup=False,
                                  highlight=False)
            progress.update(task_id, total=todo)
            progress.start()

        def on_result(row: object) -> None:
            finished.append(row)
            counts[row.status] = counts.get(row.status, 0) + 1  # type: ignore[attr-defined]
            progress.update(task_id, advance=1, description=" ".join(f"{k} {v}" for k, v in sorted(counts.items())))

        if executor == "local":
            message = oversubscription(workers or max(1, cores() // max(1, threads)), threads)
            if message:
                err_console.print(f"[yellow]warning:[/] {message}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # the oversubscription warning, printed above
            try:
                rows = batch(paths, method=methods, time_limit=time_limit, workers=workers, executor=executor,
                             ray_address=ray_address, results=results, resume=resume, retry_errors=retry_errors,
                             threads=threads, seed=seed, grace=grace, memory_mb=memory_limit, plugins=plugin or (),
                             on_result=on_result, on_start=on_start)
            except KeyboardInterrupt:
                rows, interrupted = finished, True
            else:
                interrupted = False
            finally:
                progress.stop()
        summary = summarize(rows)
        if report is not None and results.is_file():
            from ordino.report.sections import database_sections

            save_report(database_sections(results), report, f"ordino batch {results.name}")
        if (csv or xlsx) and results.is_file():
            from ordino.report.sections import database_rows
            from ordino.report.tables import runs_sheet

            stored, columns = database_rows(results)
            save_tables([runs_sheet(stored, columns)], csv, xlsx)
        if as_json:
            print_json({"rows": [row.to_dict() for row in rows], "summary": [s.to_dict() for s in summary],
                        "results": str(results), "interrupted": interrupted})
        else:
            console.print(_summary_table(summary))
            failures = [row for row in rows if row.status in ("error", "timeout")]
            if failures:
                console.print(_failures_table(failures))
            console.print(f"{len(rows)} row(s) in {results}", markup=False, highlight=False, soft_wrap=True)
        if interrupted:
            err_console.print(f"[yellow]interrupted[/] (Ctrl-C): {len(finished)} finished row(s) kept in "
                              f"{escape(str(results))}; run the same command with --resume to continue",
                              highlight=False)
            raise typer.Exit(EXIT_INTERRUPTED)
