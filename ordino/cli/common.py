"""Shared CLI plumbing: one-line errors with exit codes, JSON printing, the console."""

from __future__ import annotations

import functools
import json
import math
import sys
import textwrap
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ordino.errors import OrdinoError


def readable(table: Table, console: Console) -> Table:
    """A table that never cuts a word: each column is at least as wide as the longest word of its header, a cell
    word too long for its column folds onto the next line instead of ending in an ellipsis, and when the table
    is wider than the console its headers wrap between words (one word a line)."""
    for column in table.columns:
        column.min_width = max((len(word) for word in str(column.header).split()), default=1)
        column.overflow = "fold"
    if console.measure(table, options=console.options.update_width(10_000)).maximum > console.width:
        for column in table.columns:
            if isinstance(column.header, str):
                column.header = "\n".join(textwrap.wrap(column.header, column.min_width or 1))
    return table


class ReadableConsole(Console):
    """A console that prints every table `readable`, at 80 columns and in pipes alike."""

    def print(self, *objects: Any, **kwargs: Any) -> None:
        super().print(*(readable(o, self) if isinstance(o, Table) else o for o in objects), **kwargs)


console = ReadableConsole()
err_console = ReadableConsole(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OTHER, EXIT_INPUT, EXIT_INFEASIBLE, EXIT_NO_SOLUTION, EXIT_NEEDS_INPUT, EXIT_INTERRUPTED = 1, 2, 3, 4, 5, 130
_STATUS_EXIT = {"optimal": 0, "feasible": 0, "formulated": 0, "infeasible": EXIT_INFEASIBLE,
                "unbounded": EXIT_INFEASIBLE, "unknown": EXIT_NO_SOLUTION, "needs_input": EXIT_NEEDS_INPUT,
                "unsupported": EXIT_INPUT}


def exit_for_status(status: str, time_limit: float | None = None) -> None:
    """End the command with the exit code of a solve status: 0 for a (verified) solution, 3 infeasible or
    unbounded, 4 when no solution was found within the time limit (with a line saying so), 5 when a formulation
    needs data the text does not give (its questions are listed), 2 when it needs what the ontology cannot
    express, 1 otherwise."""
    code = _STATUS_EXIT.get(status, EXIT_OTHER)
    if status == "unknown":
        within = f" within the time limit of {time_limit:g} s" if time_limit is not None else ""
        err_console.print(f"[bold yellow]no solution found{within}:[/] neither found nor ruled out; give a "
                          "longer --time-limit or another --method", markup=True, highlight=False, soft_wrap=True)
    if status == "needs_input":
        err_console.print("[bold yellow]the description leaves data out:[/] answer the questions above (run again "
                          "with --ask in a terminal, add the data to the text, or pass formulate(..., ask=...))",
                          markup=True, highlight=False, soft_wrap=True)
    if code:
        raise typer.Exit(code)


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """Print one error line on stderr and exit with `code`. The message is printed literally: line breaks become
    spaces, and rich markup in it (a quoted file name or task id such as `[/x]`) is never interpreted."""
    line = " ".join(message.splitlines())
    err_console.print(f"[bold red]error:[/] {escape(line)}", markup=True, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def handle_errors(func: F) -> F:
    """Turn ordino errors into one message and an exit code; unexpected errors too, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            err_console.print("[yellow]interrupted[/] (Ctrl-C)", markup=True, highlight=False)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except OrdinoError as exc:
            fail(str(exc), exc.exit_code)
        except Exception as exc:  # last resort: a bug, reported without a traceback
            fail(f"internal error: {type(exc).__name__}: {exc} (please report it)", EXIT_OTHER)

    return wrapper  # type: ignore[return-value]


def strict_json(data: Any) -> Any:
    """`data` with every NaN or infinite float replaced by None, so that the output is strict JSON."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: strict_json(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [strict_json(v) for v in data]
    return data


def print_json(data: Any) -> None:
    """Machine-readable output on stdout: strict JSON (no NaN or Infinity)."""
    sys.stdout.write(json.dumps(strict_json(data), indent=2, default=str, allow_nan=False) + "\n")
