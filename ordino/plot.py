"""Gantt charts: a PNG with matplotlib (rows = resources, colour = job) and a text chart for terminals."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ordino.models import Problem, Schedule


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


def gantt_png(problem: Problem, schedule: Schedule, path: str | Path, title: str = "") -> Path:
    """Draw the schedule as a Gantt chart PNG; returns the path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = _rows(problem, schedule)
    jobs = sorted({job for items in rows.values() for *_, job in items})
    cmap = plt.get_cmap("tab20")
    colour = {job: cmap(i % 20) for i, job in enumerate(jobs)}
    fig, ax = plt.subplots(figsize=(10, 0.5 + 0.45 * max(1, len(rows))))
    for y, (rid, items) in enumerate(rows.items()):
        for start, end, _task, job in items:
            ax.barh(y, max(end - start, 0.2), left=start, color=colour[job], edgecolor="black", linewidth=0.4)
            if len(items) <= 40:
                ax.text((start + end) / 2, y, job, ha="center", va="center", fontsize=6)
        for a, b in problem.resource(rid).unavailable if rid in problem.resource_index else []:
            ax.barh(y, b - a, left=a, color="lightgrey", hatch="//", edgecolor="grey", linewidth=0.3)
    ax.set_yticks(range(len(rows)), list(rows))
    ax.invert_yaxis()
    ax.set_xlabel(f"time ({problem.time_unit})")
    ax.set_title(title or problem.name or "schedule")
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out


def gantt_text(problem: Problem, schedule: Schedule, width: int = 72) -> str:
    """A Gantt chart in characters: one row per resource, each job drawn with its own letter."""
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
        lines.append(f"{rid:>{label}} |{''.join(line)}|")
    lines.append(f"{'':>{label}}  0{'':>{max(0, cells - len(str(end)) - 1)}}{end}")
    legend = defaultdict(list)
    for job in jobs:
        legend[glyph[job]].append(job)
    if len(jobs) <= 26:
        lines.append("  ".join(f"{g}={','.join(js)}" for g, js in legend.items()))
    return "\n".join(lines)
