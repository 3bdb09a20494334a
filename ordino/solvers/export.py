"""Export a problem's model: the MILP as `.lp` / `.mps`, and the model as readable math in Markdown.

The Markdown describes the MILP that the MILP route would solve (every constraint under the name it has in
the Pyomo model and the `.lp` file); for problems only CP-SAT handles, it describes the CP model instead.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ordino.errors import InputError, ModelError
from ordino.models import (
    CONSTRAINT_TYPES,
    TERM_DEFINITIONS,
    LinearModel,
    Model,
    Problem,
    RosterProblem,
    classify,
    family_of,
)
from ordino.solvers.linear import linear_text
from ordino.solvers.model_doc import Doc, docs_context

if TYPE_CHECKING:
    from ordino.solvers.milp.core import MilpModel

Format = Literal["lp", "mps", "md"]
FORMATS: tuple[str, ...] = ("lp", "mps", "md")
_TEMPLATES = Path(__file__).parent / "templates"
_DATA_ROWS = 30


def export_model(problem: Model, path_or_format: str | Path, fmt: str | None = None) -> str:
    """Write or return the model of `problem`: for a scheduling problem its MILP (`lp`, `mps`) or its model as
    Markdown (`md`); for a roster its MILP and for a linear model itself (`lp`, `mps`, written by HiGHS).

    Parameters
    ----------
    problem
        The model to export, of any family.
    path_or_format
        A format name (`"lp"`, `"mps"`, `"md"`) to get the text back only, or a file path to write.
    fmt
        The format when writing a file whose suffix does not say it.

    Returns
    -------
    str
        The exported text (also written to the file when a path is given).

    Raises
    ------
    ModelError
        `lp` / `mps` for a problem the MILP route does not support (the message says which feature).
    InputError
        An unknown format.
    """
    path: Path | None = None
    if fmt is None and str(path_or_format).lower() in FORMATS:
        fmt = str(path_or_format).lower()
    else:
        path = Path(path_or_format)
        fmt = fmt or path.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if isinstance(problem, Problem):
        text = to_markdown(problem) if fmt == "md" else milp_text(problem, fmt)
    elif fmt == "md":
        raise InputError(f"md describes scheduling models; a model of the {family_of(problem).name} family "
                         "exports as lp or mps")
    else:
        text = linear_text(problem if isinstance(problem, LinearModel) else _roster_milp(problem), fmt)
    if path is not None:
        path.write_text(text, encoding="utf-8")
    return text


def _roster_milp(problem: RosterProblem) -> LinearModel:
    from ordino.solvers.assignment.milp import roster_to_linear

    try:
        return roster_to_linear(problem)
    except ValueError as exc:
        raise ModelError(f"cannot export the roster's MILP: {exc}") from None


def milp_text(problem: Problem, fmt: str) -> str:
    """The MILP in LP or MPS format, with readable variable and constraint names."""
    from ordino.solvers.milp import Infeasible, build_milp

    try:
        built = build_milp(problem)
    except Infeasible as exc:
        raise ModelError(f"cannot export the MILP: the problem is infeasible ({exc})") from None
    except ModelError as exc:
        raise ModelError(f"cannot export {fmt}: {exc} (`--to md` describes the CP-SAT model instead)") from None
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"model.{fmt}"
        built.model.write(str(target), io_options={"symbolic_solver_labels": True})
        return target.read_text(encoding="utf-8")


def to_markdown(problem: Problem) -> str:
    """The model as Markdown: sets, parameters, variables, objective, constraints and a data table."""
    from ordino.solvers.milp import Infeasible, build_milp, milp_supports

    reason = milp_supports(problem)
    context: dict[str, Any]
    if reason is None:
        try:
            built = build_milp(problem)
            context = _milp_context(built)
        except Infeasible as exc:
            context = _cp_context(problem, f"The MILP was not built: the problem is infeasible ({exc}).")
    else:
        context = _cp_context(problem, f"The MILP route does not apply ({reason}); this is the CP-SAT model.")
    context.update(_common_context(problem))
    env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), undefined=StrictUndefined, autoescape=False,
                      keep_trailing_newline=True)
    return env.get_template("model.md.j2").render(**context)


def _common_context(problem: Problem) -> dict[str, Any]:
    rows = []
    for t in problem.tasks[:_DATA_ROWS]:
        job = next((v for v in problem.job_views if t.id in v.tasks), None)
        modes = "; ".join(f"{'+'.join(m.resources) or '-'}: {m.duration}" for m in t.modes)
        rows.append({"task": t.id, "job": t.job or "", "modes": modes, "release": problem.earliest_start(t),
                     "due": "" if job is None or job.due is None else job.due,
                     "weight": "" if job is None else job.weight})
    return {
        "title": f"Model of {problem.name or 'the problem'}",
        "counts": {"tasks": len(problem.tasks), "jobs": len(problem.job_views), "resources": len(problem.resources),
                   "constraints": len(problem.constraints)},
        "time_unit": problem.time_unit,
        "structure": classify(problem),
        "data": {"rows": rows, "truncated": len(problem.tasks) > _DATA_ROWS},
    }


def _milp_context(built: MilpModel) -> dict[str, Any]:
    label = built.formulation.replace("_", "-")
    return {
        "summary": f"Mixed-integer linear program, {label} formulation, solved by HiGHS through Pyomo. "
                   f"Times are integers; the horizon H bounds every end time in some optimal schedule.",
        "model_kind": f"MILP ({label})",
        "note": None,
        "sets": docs_context(built.sets),
        "parameters": docs_context(built.parameters),
        "variables": docs_context(built.variables),
        "objective": docs_context(built.objective),
        "constraints": docs_context(built.constraints),
    }


def _cp_context(problem: Problem, note: str) -> dict[str, Any]:
    tasks = problem.tasks
    modes = sum(len(t.modes) for t in tasks)
    machines = [r for r in problem.resources if r.kind == "machine"]
    renewables = [r for r in problem.resources if r.kind == "renewable"]
    consumables = [r for r in problem.resources if r.kind == "consumable"]
    optional = [t for t in tasks if t.optional]
    multi = [t for t in tasks if len(t.modes) > 1]
    variables = [
        Doc("s, e", r"S_i, E_i \in [0, H]", "start and end of task i", len(tasks)),
        Doc("iv", r"I_{ik} = [S_i, S_i + p_{ik})", "interval of task i in mode k (optional when it has a choice)",
           modes),
    ]
    if multi:
        variables.append(Doc("x", r"x_{ik} \in \{0,1\}", "task i runs in mode k", sum(len(t.modes) for t in multi)))
    if optional:
        variables.append(Doc("p", r"o_i \in \{0,1\}", "optional task i is performed", len(optional)))
    constraints: list[Doc] = []
    if multi:
        constraints.append(Doc("one_mode", r"\sum_k x_{ik} = o_i", "a performed task runs in exactly one mode",
                              len(multi)))
    if machines:
        constraints.append(Doc("no_overlap", r"\mathrm{NoOverlap}(\{I_{ik} : r \in R_{ik}\} \cup D_r)",
                              "a machine runs one task at a time and none in its down periods D_r", len(machines)))
    if any(r.setups for r in machines):
        constraints.append(Doc("circuit", r"\mathrm{Circuit}(a_{ij}),\ a_{ij} \Rightarrow S_j \ge E_i + s_{f_i f_j},\ "
                              r"a_{0j} \Rightarrow S_j \ge s_{f_0 f_j}",
                              "sequence-dependent setups along each machine's task order (from its state f_0 at time "
                              "0 for the first)",
                              sum(1 for r in machines if r.setups)))
    if renewables:
        constraints.append(Doc("cumulative", r"\mathrm{Cumulative}(\{(I_{ik}, d_{ikr})\}, Q_r)",
                              "running demand on a renewable resource stays within its capacity", len(renewables)))
    if consumables:
        constraints.append(Doc("consumable", r"\sum_{i,k} d_{ikr} x_{ik} \le B_r", "consumable budgets",
                              len(consumables)))
    constraints.append(Doc("release_deadline", r"S_i \ge r_i,\ E_i \le \bar d_i",
                          "releases, deadlines and the horizon", len(tasks)))
    for cls in CONSTRAINT_TYPES:
        kind = cls.model_fields["type"].default
        count = sum(1 for c in problem.constraints if c.type == kind)
        if count:
            doc = " ".join((cls.__doc__ or "").split())
            constraints.append(Doc(kind, r"\text{" + kind.replace("_", r"\_") + "}", doc, count))
    objective = [Doc("objective", r"\min " + " + ".join(
        (f"{t.weight}\\," if t.weight != 1 else "") + r"\text{" + t.term.replace("_", r"\_") + "}"
        for t in problem.objective),
        "; ".join(f"{t.key}: {TERM_DEFINITIONS[t.term]}" for t in problem.objective))]
    return {
        "summary": "Constraint programming model for OR-Tools CP-SAT: interval variables per task and mode, "
                   "no-overlap per machine, cumulative per renewable resource.",
        "model_kind": "CP-SAT",
        "note": note,
        "sets": docs_context([Doc("I", "I", "tasks", len(tasks)), Doc("K_i", "K_i", "modes of task i", modes),
                       Doc("R", "R", "resources", len(problem.resources))]),
        "parameters": docs_context([Doc("p", r"p_{ik}", "duration of task i in mode k", modes),
                             Doc("d", r"d_{ikr}", "demand of task i in mode k on resource r", modes)]),
        "variables": docs_context(variables),
        "objective": docs_context(objective),
        "constraints": docs_context(constraints),
    }
