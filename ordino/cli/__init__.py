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
    from ordino.cli import batch, bench, datasets, evolve, explain, export, formulate, report, reschedule, solve

    for group in (formulate, solve, explain, reschedule, export, report, bench, batch, datasets, evolve):
        group.register(app)


_register_commands()


def main() -> None:
    """Console-script entry point."""
    app()
