"""Gantt charts: a matplotlib figure (rows = resources, colour = job) written as PNG, and a text chart for
terminals."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from ordino.errors import InputError
from ordino.models import Problem, Schedule
from ordino.verify import verify

if TYPE_CHECKING:
    from matplotlib.figure import Figure  # imported when a chart is drawn: it takes half a second


def _rows(problem: Problem, schedule: Schedule) -> dict[str, list[tuple[int, int, str, str]]]:
    """Per resource (or '(none)'): (start, end, task, job) of each task using it, in start order."""
    rows: dict[str, list[tuple[int, int, str, str]]] = {r.id: [] for r in problem.resources
                                                        if r.kind != "consumable"}
    for e in schedule.tasks:
        task = problem.task(e.task)
        job = task.job or task.id
        used = [r for r in task.modes[e.mode].resources if r in rows] if e.mode < len(task.modes) else []
        for rid in used or ["(none)"]:
            rows.setdefault(rid, []).append((e.start, e.end, e.task, job))
    return {rid: sorted(items) for rid, items in rows.items() if items}


def objective_text(problem: Problem, schedule: Schedule) -> str:
    """What the schedule's objective value is, in words: ``makespan 55``, or ``objective 61 (2 x total
    tardiness + makespan)`` for a weighted sum; empty when the verifier cannot compute it."""
    value = verify(problem, schedule).objective
    if value is None:
        return ""
    terms = [(t.term.replace("_", " "), t.weight) for t in problem.objective]
    if len(terms) == 1 and terms[0][1] == 1:
        return f"{terms[0][0]} {value:g}"
    return f"objective {value:g} ({' + '.join(name if w == 1 else f'{w} x {name}' for name, w in terms)})"


def gantt_figure(problem: Problem, schedule: Schedule, title: str = "") -> Figure:
    """The schedule as a Gantt chart: a row per resource, a bar per task on each resource it uses (its `gid`
    is the task id, coloured by job), hatched bars for down times (drawn over a resumable task that pauses
    there); titled with the name (`title`, else the
    problem's) and the objective in words."""
    from matplotlib import colormaps
    from matplotlib.figure import Figure

    rows = _rows(problem, schedule)
    last = max((e.end for e in schedule.tasks), default=0)
    jobs = sorted({job for items in rows.values() for *_, job in items})
    cmap = colormaps["tab20"]
    colour = {job: cmap(i % 20) for i, job in enumerate(jobs)}
    fig = Figure(figsize=(10, 0.5 + 0.45 * max(1, len(rows))))
    ax = fig.subplots()
    for y, (rid, items) in enumerate(rows.items()):
        for start, end, task, job in items:
            ax.barh(y, max(end - start, 0.2), left=start, color=colour[job], edgecolor="black", linewidth=0.4,
                    gid=task)
            if len(items) <= 40:
                ax.text((start + end) / 2, y, job, ha="center", va="center", fontsize=6)
        for a, b in problem.down_times(rid, last) if rid in problem.resource_index else []:
            if a >= last:  # a calendar's down time goes on past the schedule; it is drawn up to its end
                continue
            ax.barh(y, min(b, last) - a, left=a, color="lightgrey", hatch="//", edgecolor="grey", linewidth=0.3)
    ax.set_yticks(range(len(rows)), list(rows))
    ax.invert_yaxis()
    ax.set_xlabel(f"time ({problem.time_unit})")
    name = title or problem.name or "schedule"
    objective = objective_text(problem, schedule)
    ax.set_title(f"{name}: {objective}" if objective else name)
    fig.tight_layout()
    return fig


def gantt_png(problem: Problem, schedule: Schedule, path: str | Path, title: str = "") -> Path:
    """Draw the schedule as a Gantt chart PNG (`gantt_figure`); returns the path."""
    return save_png(gantt_figure(problem, schedule, title), path)


def save_png(fig: Figure, path: str | Path) -> Path:
    """Write a figure as a PNG; an InputError when the file cannot be written."""
    out = Path(path)
    try:
        fig.savefig(out, dpi=120)
    except OSError as exc:
        raise InputError(f"cannot write plot ({exc.strerror or exc})", file=str(out)) from None
    return out


def gantt_text(problem: Problem, schedule: Schedule, width: int = 72) -> str:
    """A Gantt chart in characters: one row per resource, each job drawn with its own letter, down times as '/'
    (a resumable task's letters on both sides of one: it paused there)."""
    rows = _rows(problem, schedule)
    end = max((e.end for e in schedule.tasks), default=0)
    if not rows or end == 0:
        return "(empty schedule)"
    scale = min(1.0, width / end)
    jobs = sorted({job for items in rows.values() for *_, job in items})
    glyphs = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    glyph = {job: glyphs[i % len(glyphs)] for i, job in enumerate(jobs)}
    label = max(len(r) for r in rows)
    lines = []
    cells = int(end * scale) + 1
    for rid, items in rows.items():
        line = [" "] * cells
        for start, stop, _task, job in items:
            a, b = int(start * scale), max(int(start * scale) + 1, int(stop * scale))
            for x in range(a, min(b, cells)):
                line[x] = glyph[job]
        for down, up in problem.down_times(rid, end) if rid in problem.resource_index else []:
            for x in range(int(down * scale), min(int(up * scale), cells)):
                line[x] = "/"  # a down time; inside a task's letters, the task pauses (resumable)
        lines.append(f"{rid:>{label}} |{''.join(line)}|")
    lines.append(f"{'':>{label}}  0{'':>{max(0, cells - len(str(end)) - 1)}}{end}")
    legend = defaultdict(list)
    for job in jobs:
        legend[glyph[job]].append(job)
    if len(jobs) <= 26:
        lines.append("  ".join(f"{g}={','.join(js)}" for g, js in legend.items()))
    return "\n".join(lines)
