"""The `ordino` command line: one module per command group, each thin (parse, call the API, print)."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="ordino",
    help="Scheduling problems from plain language to verified schedules.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    from ordino.cli import solve

    solve.register(app)
    from ordino.cli import export

    export.register(app)
    from ordino.cli import formulate

    formulate.register(app)
    from ordino.cli import evolve

    evolve.register(app)
    from ordino.cli import datasets

    datasets.register(app)
    from ordino.cli import bench

    bench.register(app)
    from ordino.cli import batch

    batch.register(app)
    # --- command groups register here (one import and one register line each) ---


_register_commands()


def main() -> None:
    """Console-script entry point."""
    app()
