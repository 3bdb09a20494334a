"""`ordino report`: one self-contained HTML file (scripts, styles and data inlined; no server, no network) that
draws a solved schedule (an interactive Gantt chart and resource profiles), a roster (staff x day grid), bench or
batch runs (table and gap chart) or an evolution run (convergence).

`report_sections` reads any of these sources; `solution_sections` draws a model and its solution;
`write_report` writes the page."""

from __future__ import annotations

import json
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ordino.errors import InputError
from ordino.models import Model, Problem, Schedule
from ordino.models.assignment import Roster, RosterProblem
from ordino.report.schedule import schedule_section
from ordino.report.sections import bench_csv_rows, database_sections, roster_section, runs_section

__all__ = ["report_sections", "solution_sections", "write_report", "runs_section"]

_HERE = Path(__file__).parent


def solution_sections(model: Model, solution: object, title: str = "", status: str = "") -> list[dict[str, Any]]:
    """The sections that draw a solution of a model: a schedule's Gantt chart or a roster's grid."""
    if isinstance(model, Problem) and isinstance(solution, Schedule):
        return [schedule_section(model, solution, title, status)]
    if isinstance(model, RosterProblem) and isinstance(solution, Roster):
        return [roster_section(model, solution, title, status)]
    raise InputError("a report draws schedules and rosters; the values of a linear model are printed by "
                     "`ordino solve` (or written with --out)")


def report_sections(source: Path, solution: Path | None = None) -> list[dict[str, Any]]:
    """The sections of a report on `source`: a bench CSV, a batch database, an evolve archive or run folder, or
    a model file with its `solution` (from `ordino solve --out` or `--json`)."""
    from ordino.datasets import read_model
    from ordino.models import family_of
    from ordino.models.io import load_solution
    from ordino.verify import verify

    if source.is_dir() and (source / "run.db").is_file():
        source = source / "run.db"
    if not source.is_file():
        raise InputError(f"no such file: {source}")
    if source.suffix.lower() == ".csv":
        return [runs_section(bench_csv_rows(source), f"bench {source.name}")]
    if source.read_bytes()[:16] == b"SQLite format 3\x00":
        return database_sections(source)
    model = read_model(source)
    if solution is None:
        raise InputError(f"{source} is a model: give its solution with --solution (written by `ordino solve "
                         f"--out`), or run `ordino solve {source} --report out.html`")
    given = load_solution(solution, family_of(model))
    found = verify(model, given)  # a report never draws a schedule the model forbids as if it were one
    if not found.feasible:
        first = found.violations[0]
        raise InputError(f"the solution breaks the model in {len(found.violations)} place(s), first {first.kind}: "
                         f"{first.message}; check that it belongs to {source.name}", file=str(solution))
    return solution_sections(model, given, model.name or source.stem)


@cache
def _asset(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element (no '</script>' or '<!--' can end it early)."""
    text = json.dumps(data, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_report(sections: list[dict[str, Any]], path: str | Path, title: str = "ordino report") -> Path:
    """Write the sections as one self-contained HTML page; an InputError when the file cannot be written."""
    from jinja2 import Environment
    from markupsafe import Markup

    env = Environment(autoescape=True, keep_trailing_newline=True)
    page = env.from_string(_asset("page.html.j2")).render(
        title=title, version=metadata.version("ordino"), css=Markup(_asset("report.css")),
        js=Markup(_asset("report.js")), data=Markup(_script_json({"sections": sections})))
    out = Path(path)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the report ({exc.strerror or exc})", file=str(out)) from None
    return out
