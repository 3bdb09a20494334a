"""`ordino export FILE --to lp|mps|md`: the MILP (of a schedule or roster) or the linear model as an LP/MPS file,
or a scheduling model as readable Markdown."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ordino.cli.common import console, handle_errors, print_json
from ordino.errors import InputError


def register(app: typer.Typer) -> None:
    """Add the `export` command to the app."""

    @app.command("export")
    @handle_errors
    def export_cmd(
        file: Annotated[Path, typer.Argument(help="Problem file: ordino JSON or a benchmark format.")],
        to: Annotated[str, typer.Option("--to", help="lp, mps (the MILP) or md (the model as Markdown math).")
                      ] = "md",
        out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable summary.")] = False,
    ) -> None:
        """Export the model of a problem: `.lp` / `.mps` for any MILP solver, or Markdown to read."""
        from ordino.datasets import read_model
        from ordino.solvers.export import FORMATS, export_model

        fmt = to.lower()
        if fmt not in FORMATS:
            raise InputError(f"--to {to!r}: choose one of {', '.join(FORMATS)}")
        problem = read_model(file)
        text = export_model(problem, out, fmt) if out is not None else export_model(problem, fmt)
        if as_json:
            print_json({"format": fmt, "path": str(out) if out else None, "bytes": len(text.encode()),
                        "text": None if out else text})
        elif out is not None:
            console.print(f"wrote {out} ({fmt}, {len(text.encode())} bytes)", markup=False, highlight=False,
                          soft_wrap=True)
        else:
            sys.stdout.write(text)
