"""What a run ships: the best heuristic as a readable Python file and a convergence plot.

The saved file is plain candidate code under a header comment (lineage, scores, how it was found) and one
machine-readable marker line. Loading it checks the code with the same AST guard as during evolution, and
`ordino.evolve.warm` runs it in the sandbox's jail, never in the calling process, as a solve method or a warm
start.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ordino.errors import InputError
from ordino.evolve.archive import CandidateRow
from ordino.evolve.evidence import shorten
from ordino.evolve.guard import CodeRejected, check_code

if TYPE_CHECKING:
    from matplotlib.figure import Figure  # imported when a chart is drawn

__all__ = ["save_heuristic", "load_heuristic", "EvolvedHeuristic", "plot_convergence"]

_MARKER = "# ordino-evolved: "


@dataclass(frozen=True)
class EvolvedHeuristic:
    """A saved heuristic: its code and metadata."""

    path: Path
    code: str
    meta: dict

    @property
    def entry(self) -> str:
        """Function the code defines."""
        return str(self.meta.get("entry", "priority"))

    @property
    def kind(self) -> str:
        """``priority`` or ``sequence`` (single machine), ``jssp`` or ``rcpsp``."""
        return str(self.meta.get("kind", "priority"))


def save_heuristic(path: str | Path, best: CandidateRow, lineage: list[CandidateRow], *, problem: str = "smtt",
                   entry: str = "priority", kind: str = "priority", train: str = "", test: str = "",
                   train_gap: float | None = None, test_gap: float | None = None, engine: str = "gp",
                   extra: dict | None = None, notes: list[str] | None = None) -> Path:
    """Write the best candidate as a readable Python file with lineage and scores in a header comment.

    ``notes`` are extra header lines (e.g. the test gaps of the classic rules measured in the same run).
    """
    path = Path(path)
    meta = {"problem": problem, "entry": entry, "kind": kind, "id": best.id, "engine": engine,
            "train": train, "test": test, "train_gap": train_gap, "test_gap": test_gap, **(extra or {})}
    what = "priority rule (lowest score runs next)" if kind == "priority" else "sequencing function"
    lines = [f"# Heuristic evolved by `ordino evolve` (engine {engine}, problem {problem}), "
             f"{time.strftime('%Y-%m-%d %H:%M')}.",
             f"# Candidate {best.id}: {entry}() is a {what}.",
             "# ruff: noqa: E501  (generated expressions and the marker line are long)"]
    if train_gap is not None:
        lines.append(f"# Training set {train}: mean gap to the best known value {train_gap:.4f} %.")
    if test_gap is not None:
        lines.append(f"# Held-out test set {test}: mean gap to the best known value {test_gap:.4f} % "
                     "(never used for selection).")
    lines += [f"# {n}" for n in notes or []]
    if best.by_class:
        worst = sorted(best.by_class.items(), key=lambda kv: -kv[1])[:4]
        lines.append("# Weakest training classes: " + ", ".join(f"{k} {v:.2f} %" for k, v in worst) + ".")
    if best.thought:
        lines.append("# Thought: " + shorten(best.thought, 600))
    lines.append("# Lineage (newest first):")
    for c in lineage[:12]:
        gap = f"{c.train_gap:.4f} %" if c.train_gap is not None else "not scored"
        parents = ", ".join(c.parents) if c.parents else "-"
        lines.append(f"#   {c.id}  gen {c.generation}  {c.origin}  gap {gap}  parents {parents}")
    lines.append(_MARKER + json.dumps(meta, default=str))
    path.write_text("\n".join(lines) + "\n\n" + best.code.rstrip() + "\n")
    return path


def load_heuristic(path: str | Path) -> EvolvedHeuristic:
    """Read and check a saved heuristic; InputError if the file is missing or its code fails the guard."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no evolved heuristic at {path}; write one with `ordino evolve --out {path}`")
    text = path.read_text()
    meta: dict = {}
    for line in text.splitlines():
        if line.startswith(_MARKER):
            try:
                meta = json.loads(line[len(_MARKER):])
            except json.JSONDecodeError:
                raise InputError("the ordino-evolved marker line is not valid JSON", file=str(path)) from None
    entry = str(meta.get("entry", "priority"))
    try:
        check_code(text, entry)
    except CodeRejected as exc:
        raise InputError(f"evolved heuristic rejected: {exc}", file=str(path)) from None
    return EvolvedHeuristic(path, text, meta)


def convergence_figure(generations: list[dict], title: str = "ordino evolve") -> Figure:
    """Best and mean training gap per generation (log scale): a line for each, one point per generation."""
    from matplotlib.figure import Figure

    if not generations:
        raise InputError("no generations to plot")
    gens = [g["generation"] for g in generations]
    best = [g["best_gap"] if g["best_gap"] is not None else float("nan") for g in generations]
    mean = [g["mean_gap"] if g["mean_gap"] is not None else float("nan") for g in generations]
    fig = Figure(figsize=(7, 4))
    ax = fig.subplots()
    ax.plot(gens, best, marker="o", ms=3, label="best gap")
    ax.plot(gens, mean, alpha=0.6, label="mean gap of the islands")
    ax.set_yscale("log")
    ax.set_xlabel("generation")
    ax.set_ylabel("training gap to optimum (%)")
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    return fig


def plot_convergence(generations: list[dict], path: str | Path, title: str = "ordino evolve") -> Path:
    """The convergence chart (`convergence_figure`) as a PNG; an InputError when the file cannot be written."""
    path = Path(path)
    try:
        convergence_figure(generations, title).savefig(path, dpi=110)
    except OSError as exc:
        raise InputError(f"cannot write plot: {exc.strerror or exc}", file=str(path)) from None
    return path
