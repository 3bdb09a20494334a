"""`ordino evolve`: evolve a heuristic (gp offline or llm), and `ordino evolve show ARCHIVE`."""

from __future__ import annotations

import contextlib
import math
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ordino.cli.common import console, err_console, handle_errors, print_json
from ordino.cli.report import REPORT_HELP, save_report
from ordino.errors import InputError


def _fmt(x: float | None) -> str:
    return "-" if x is None or not math.isfinite(x) else f"{x:.4f} %"


def _register_key() -> None:
    """Register the configured API key (if any) so that it is scrubbed from the output; a broken LLM config is
    only reported by the commands that call the LLM."""
    from ordino.llm.client import load_config

    with contextlib.suppress(InputError):
        load_config()


def register(app: typer.Typer) -> None:
    """Add `evolve` (with its `show` subcommand) to the app."""
    evolve_app = typer.Typer(invoke_without_command=True, no_args_is_help=False,
                             help="Evolve a heuristic: run -> review -> fix/improve (gp offline, or llm).")
    app.add_typer(evolve_app, name="evolve")

    @evolve_app.callback()
    @handle_errors
    def evolve_cmd(
        ctx: typer.Context,
        problem: Annotated[str, typer.Option(help="Problem class: smtt (single_machine), jssp (job_shop) or "
                                                  "rcpsp.")] = "smtt",
        engine: Annotated[str, typer.Option(help="gp (offline genetic programming) or llm.")] = "gp",
        generations: Annotated[int, typer.Option("--generations", "-g", help="Generations after the first.")] = 10,
        population: Annotated[int, typer.Option("--population", "-n", help="Candidates per generation.")] = 24,
        islands: Annotated[int, typer.Option(help="Islands (sub-populations).")] = 3,
        train: Annotated[str | None, typer.Option(
            help="Training set spec, e.g. smtt-paper-20:train+smtt-paper-100:train (the default for smtt); "
                 "jssp-classic:train for jssp, psplib-j30:train for rcpsp.")] = None,
        test: Annotated[str | None, typer.Option(
            help="Held-out test set spec, never used for selection (default: the :test split of the training "
                 "sets).")] = None,
        time_budget: Annotated[float | None, typer.Option("--time-budget", "--budget-seconds",
                                                          help="Stop starting generations after S seconds.")] = None,
        seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
        validate: Annotated[str | None, typer.Option(help="Validation set spec: the training leaders are re-ranked "
                                                          "on it before the test (e.g. pvw-100x300@600).")] = None,
        archive: Annotated[Path | None, typer.Option(help="SQLite archive of the run.")] = None,
        run_dir: Annotated[Path | None, typer.Option(help="Folder for run.db, best.py and convergence.png.")] = None,
        resume: Annotated[bool, typer.Option(help="Continue the archive's last run.")] = False,
        out: Annotated[Path | None, typer.Option(help="Write the best heuristic here (.py).")] = None,
        plot: Annotated[Path | None, typer.Option(help="Write the convergence plot here (.png).")] = None,
        report_path: Annotated[Path | None, typer.Option("--report", help=REPORT_HELP)] = None,
        max_repairs: Annotated[int, typer.Option(help="Repairs per failing candidate (llm).")] = 2,
        max_llm_tokens: Annotated[int | None, typer.Option(help="Stop asking the LLM after this many tokens.")]
        = None,
        max_llm_requests: Annotated[int | None, typer.Option(help="Stop asking the LLM after this many requests.")]
        = None,
        model: Annotated[str | None, typer.Option(help="LLM model (default ORDINO_LLM_MODEL).")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    ) -> None:
        """Evolve a heuristic and save the best one."""
        if ctx.invoked_subcommand is not None:
            return
        from ordino.llm.client import scrub, scrubbed_errors

        _register_key()
        with scrubbed_errors():
            from ordino.evolve import EvolveConfig, evolve, plot_convergence, save_heuristic

            if run_dir is not None:
                run_dir.mkdir(parents=True, exist_ok=True)
                archive = archive or run_dir / "run.db"
                out = out or run_dir / "best.py"
                plot = plot or run_dir / "convergence.png"
            if resume and archive is None:
                raise InputError("--resume needs --archive (or --run-dir) naming the run to continue")
            config = EvolveConfig(problem=problem, engine=engine, generations=generations, population=population,
                                  islands=islands, train=train or "", test=test or "",
                                  time_budget=time_budget, seed=seed,
                                  max_repairs=max_repairs, max_llm_tokens=max_llm_tokens,
                                  max_llm_requests=max_llm_requests, model=model,
                                  validate=validate).resolved()  # its sets are named in the saved heuristic
            if as_json:
                report = evolve(config, archive, resume)
            else:
                columns = (TextColumn("[bold]evolve[/]"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("best {task.fields[best]}"), TimeElapsedColumn())
                bar = Progress(*columns, console=err_console, transient=False)
                task = bar.add_task("evolve", total=generations + 1, best="-")

                def on_generation(stats: dict) -> None:
                    bar.update(task, completed=stats["generation"] + 1, best=_fmt(stats["best_gap"]))

                try:  # the bar shows once the settings and sets are checked, never before an error
                    report = evolve(config, archive, resume, on_generation, ready=bar.start)
                    bar.update(task, completed=generations + 1)
                finally:
                    bar.stop()
            saved = report.archive
            if out is not None:
                from ordino.evolve import adapter_for

                ad = adapter_for(config.problem)
                save_heuristic(out, scrub(report.best), scrub(report.lineage), problem=config.problem, entry=ad.entry,
                               kind=ad.kind, train=config.train, test=config.test, train_gap=report.train_gap,
                               test_gap=report.test_gap, engine=config.engine)
            if report_path is not None:
                from ordino.report.sections import database_sections

                save_report(database_sections(Path(saved)), report_path, f"ordino evolve ({config.problem})")
            if plot is not None:
                plot_convergence(report.generations, plot, f"ordino evolve ({config.engine}, {config.problem})")
            if as_json:
                data = report.as_dict()
                data.update(out=str(out) if out else None, plot=str(plot) if plot else None)
                print_json(scrub(data))
                return
            with console.capture() as captured:
                console.print(f"[bold green]best[/] {report.best.id}: training gap {_fmt(report.train_gap)}, "
                              f"held-out test gap {_fmt(report.test_gap)} ({len(report.generations)} generations, "
                              f"{report.seconds:.1f}s, stopped by {report.stopped})")
                console.print(report.best.code, highlight=False, markup=False)
                if report.costs.get("llm_requests"):
                    console.print(_cost_line(report.costs), highlight=False)
                console.print(f"archive {saved}" + (f", heuristic {out}" if out else "")
                              + (f", plot {plot}" if plot else ""))
            console.file.write(scrub(captured.get()))

    @evolve_app.command("show")
    @handle_errors
    def show_cmd(
        archive: Annotated[Path, typer.Argument(help="A run archive (run.db) or a --run-dir folder.")],
        top: Annotated[int, typer.Option(help="How many best candidates.")] = 5,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    ) -> None:
        """Print a run's best candidates, the leader's lineage and costs."""
        from ordino.evolve import Archive
        from ordino.llm.client import scrub

        _register_key()

        path = archive / "run.db" if archive.is_dir() else archive
        if not path.is_file():
            raise InputError(f"no archive at {path}")
        store = Archive(path)
        try:
            last = store.last_run()
            if last is None:
                raise InputError(f"archive {path} holds no run")
            run, config = last
            best = store.best(run, top)
            lineage = store.lineage(best[0].id) if best else []
            costs = store.costs(run)
            gens = store.generations(run)
        finally:
            store.close()
        config, best, lineage = scrub((config, best, lineage))  # archives written before scrubbing existed
        if as_json:
            print_json({"run": run, "config": config, "costs": costs, "generations": gens,
                        "best": [{"id": c.id, "train_gap": c.train_gap, "origin": c.origin, "parents": c.parents,
                                  "code": c.code} for c in best],
                        "lineage": [{"id": c.id, "origin": c.origin, "train_gap": c.train_gap} for c in lineage]})
            return
        table = Table("id", "gen", "origin", "train gap", "idea")
        for c in best:
            table.add_row(c.id, str(c.generation), c.origin, _fmt(c.train_gap), (c.thought or "")[:70])
        console.print(f"run {run} ({config.get('engine')}, {config.get('problem')}), {len(gens)} generations, "
                      f"{costs['candidates']} candidates, {costs['sandbox_seconds']:.1f}s in the sandbox, "
                      f"{costs['tokens_in'] + costs['tokens_out']} LLM tokens")
        if costs.get("llm_requests"):
            console.print(_cost_line(costs), highlight=False)
        console.print(table)
        if lineage:
            console.print("lineage of the best: " + " <- ".join(f"{c.id} ({c.origin}, {_fmt(c.train_gap)})"
                                                              for c in lineage[:8]), highlight=False)


def _cost_line(costs: dict) -> str:
    """LLM requests, tokens (estimated locally) and tokens per percentage point gained over the best seed."""
    tokens = costs["tokens_in"] + costs["tokens_out"]
    line = f"{costs['llm_requests']} LLM requests, {tokens} tokens (estimated locally)"
    if costs.get("tokens_per_point"):
        line += (f", {costs['gain_points']:.3f} points better than the best seed rule: "
                 f"{costs['tokens_per_point']:.0f} tokens per point")
    elif "gain_points" in costs:
        line += ", no gain over the best seed rule"
    return line
