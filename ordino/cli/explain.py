"""`ordino explain`: what binds a solved schedule or roster, in plain words (or `--json`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ordino.cli.common import EXIT_INFEASIBLE, console, handle_errors, print_json
from ordino.datasets import read_model
from ordino.explain import Explanation, explain, explained_family, explanation_lines
from ordino.models.io import load_solution


def print_explanation(explanation: Explanation) -> None:
    """The explanation's lines, printed literally (the model's names are never read as markup)."""
    for line in explanation_lines(explanation):
        console.print(line, markup=False, highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the command of this module to the app."""

    @app.command("explain")
    @handle_errors
    def explain_cmd(
        file: Annotated[Path, typer.Argument(help="Model file: a scheduling problem (ordino JSON or a benchmark "
                                             "format) or a roster.")],
        solution: Annotated[Path, typer.Argument(help="Its solution as JSON: a schedule ({'tasks': [...]}), a roster "
                                                 "({'assignments': [...]}), or the output of `solve --json`.")],
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    ) -> None:
        """Say what binds a solved schedule or roster: the cost of each objective term; for schedules the critical
        chain, the bottleneck resource and the late jobs; for rosters the binding cover and rules. A solution that
        breaks rules is explained too, its violations first (exit code 3, as `verify`)."""
        model = read_model(file)
        explanation = explain(model, load_solution(solution, explained_family(model)))
        if as_json:
            print_json(explanation.model_dump(mode="json"))
        else:
            print_explanation(explanation)
        if not explanation.feasible:
            raise typer.Exit(EXIT_INFEASIBLE)
