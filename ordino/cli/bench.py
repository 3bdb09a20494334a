"""`ordino bench SUITE|FILES... --methods m1,m2 --time-limit S`: compare methods on benchmark sets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ordino.cli.common import EXIT_INTERRUPTED, console, err_console, handle_errors, print_json
from ordino.cli.report import REPORT_HELP, save_report
from ordino.errors import InputError

if TYPE_CHECKING:
    from ordino.batching.bench import BenchReport
    from ordino.datasets import Instance


def gather(sources: list[str], limit: int | None) -> list[Instance]:
    """Instances of registry names, generator specs and files, in order, at most `limit` from each source."""
    from ordino.datasets import SUITES, iter_instances, load_suite

    out: list[Instance] = []
    for source in sources:
        if source in SUITES or source.startswith("gen:"):
            out.extend(load_suite(source, limit=limit))
        elif Path(source.partition("#")[0]).exists() or Path(source).exists():
            out.extend(iter_instances(source, limit=limit))
        else:
            raise InputError(f"{source!r} is neither a dataset name ({', '.join(SUITES)}), a generator spec "
                             f"(gen:...) nor an existing file")
    if not out:
        raise InputError("no instances to run")
    return out


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_report(report: BenchReport, per_instance: bool) -> None:
    """Per-instance table (when asked or small) and the summary table."""
    if per_instance:
        table = Table("instance", "method", "status", "objective", "best known", "gap %", "time s", "label")
        for r in report.rows:
            label = r.label if r.label == "ok" else f"[red]{escape(r.label)}[/]"
            table.add_row(escape(r.instance), escape(r.method), r.status,
                          "-" if r.objective is None else str(r.objective),
                          "-" if r.best_known is None else str(r.best_known), _fmt(r.gap), _fmt(r.runtime), label)
        console.print(table)
    summary = Table("method", "instances", "solved", "mean gap %", "max gap %", "best-known hits",
                    "proven optimal", "mean time s", title="summary")
    for s in report.summary:
        summary.add_row(escape(s.method), str(s.instances), str(s.solved), _fmt(s.mean_gap), _fmt(s.max_gap),
                        str(s.best_known_hits), str(s.proven_optimal), _fmt(s.mean_runtime))
    console.print(summary)
    for r in report.rows:
        for message in r.label_issues:
            err_console.print(f"[yellow]label:[/] {escape(message)}", highlight=False)
        if r.status == "error" and r.error:
            err_console.print(f"[red]{escape(r.instance)} / {escape(r.method)}:[/] {escape(r.error)}",
                              highlight=False)


def register(app: typer.Typer) -> None:
    """Add the `bench` command."""

    @app.command("bench")
    @handle_errors
    def bench_cmd(
        sources: Annotated[list[str], typer.Argument(help="Dataset names (see `ordino datasets list`), "
                                                          "generator specs (gen:...) or instance files.")],
        methods: Annotated[str, typer.Option("--methods", "-m", help="Comma-separated method names.")] = "cpsat",
        time_limit: Annotated[float, typer.Option("--time-limit", "-t", help="Seconds per run.")] = 10.0,
        limit: Annotated[int | None, typer.Option("--limit", "-n",
                                                  help="At most this many instances per source.")] = None,
        workers: Annotated[int, typer.Option(help="Solver threads per run (0 = solver default).")] = 0,
        seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
        out: Annotated[Path | None, typer.Option(help="Append result rows to this CSV as they finish.")] = None,
        plot: Annotated[Path | None, typer.Option(help="Write a gap-per-method PNG here.")] = None,
        report_path: Annotated[Path | None, typer.Option("--report", help=REPORT_HELP)] = None,
        no_progress: Annotated[bool, typer.Option("--no-progress", help="Hide the progress bar.")] = False,
        executor: Annotated[str, typer.Option(help="inline (one run after the other, in process), local "
                                                   "(isolated worker processes) or ray.")] = "inline",
        jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Runs at once (local/ray executors).")] = None,
        ray_address: Annotated[str | None, typer.Option(help="Existing Ray cluster (ray executor).")] = None,
    ) -> None:
        """Run each method on each instance, verify every schedule, and compare with best-known values."""
        if limit is not None and limit < 0:
            raise InputError(f"--limit must be >= 0, got {limit}")
        names = [m.strip() for m in methods.split(",") if m.strip()]
        instances = gather(sources, limit)
        from ordino.batching.bench import bench

        report = bench(instances, names, time_limit=time_limit, workers=workers, seed=seed,
                       progress=not no_progress and not as_json, out=out, executor=executor, jobs=jobs,
                       ray_address=ray_address)
        if plot is not None:
            from ordino.batching.bench_plot import gap_plot

            gap_plot(report, plot)
        if report_path is not None:
            from ordino.report import runs_section

            save_report([runs_section([r.to_dict() for r in report.rows], "bench")], report_path, "ordino bench")
        if as_json:
            print_json(report.to_dict())
        else:
            print_report(report, per_instance=len(report.rows) <= 60)
            if out is not None:
                console.print(f"rows appended to {out}", markup=False, highlight=False, soft_wrap=True)
            if plot is not None:
                console.print(f"gap plot written to {plot}", markup=False, highlight=False, soft_wrap=True)
        if report.interrupted:
            err_console.print("[yellow]interrupted[/] (Ctrl-C): the summary covers the runs that finished")
            raise typer.Exit(EXIT_INTERRUPTED)
