"""Gantt charts: a matplotlib figure (rows = resources, colour = job) written as PNG, and a text chart for
terminals."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ordino.errors import InputError
from ordino.models import Problem, Schedule
from ordino.verify import verify

if TYPE_CHECKING:
    from matplotlib.figure import Figure  # imported when a chart is drawn: it takes half a second


NO_RESOURCE = "no resource"
"""The row of tasks that take time but use no resource (dummy tasks of length zero are left out)."""


class Bar(NamedTuple):
    """One task on one resource it holds: when, which lane of the row (tasks that run together on a cumulative
    resource get lanes of their own), and the setup time before it on that resource."""

    start: int
    end: int
    task: str
    job: str
    lane: int
    setup: int


def gantt_rows(problem: Problem, schedule: Schedule) -> dict[str, list[Bar]]:
    """Per resource (in the problem's order, then the no-resource row): the bars of the tasks using it, in
    start order; rows without bars are left out."""
    held: dict[str, list[tuple[int, int, str]]] = {r.id: [] for r in problem.resources if r.kind != "consumable"}
    for e in schedule.tasks:
        mode = problem.task(e.task).modes[e.mode]
        used = [rid for k, rid in enumerate(mode.resources) if mode.demand(k) and rid in held]
        if not used and e.end == e.start:
            continue
        for rid in used or [NO_RESOURCE]:
            held.setdefault(rid, []).append((e.start, e.end, e.task))
    rows: dict[str, list[Bar]] = {}
    for rid, items in held.items():
        if items:
            rows[rid] = _lanes(problem, rid, sorted(items))
    return rows


def _lanes(problem: Problem, rid: str, items: list[tuple[int, int, str]]) -> list[Bar]:
    setups = problem.resource(rid).setup_table if rid in problem.resource_index else {}
    initial = problem.resource(rid).initial_family if rid in problem.resource_index else None
    lane_ends: list[int] = []
    bars: list[Bar] = []
    for start, end, task_id in items:
        lane = next((k for k, free in enumerate(lane_ends) if free <= start), len(lane_ends))
        lane_ends[lane:lane + 1] = [end]
        task = problem.task(task_id)
        before = problem.task(bars[-1].task).setup_family if bars else initial
        setup = setups.get((before, task.setup_family), 0) if before is not None else 0
        bars.append(Bar(start, end, task_id, task.job or task_id, lane, setup))
    return bars


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
    """The schedule as a Gantt chart: a row per resource (tasks that run together on a cumulative resource in
    lanes of their own), a bar per task on each resource it uses (its `gid` is the task id, coloured by job,
    labelled with the task where it fits), setups as grey bars before a task, hatched bars for down times (drawn
    over a resumable task that pauses there); titled with the name (`title`, else the problem's) and the
    objective in words."""
    from matplotlib import colormaps
    from matplotlib.figure import Figure

    rows = gantt_rows(problem, schedule)
    last = max((e.end for e in schedule.tasks), default=0) or 1
    jobs = sorted({bar.job for bars in rows.values() for bar in bars})
    cmap = colormaps["tab20"]
    colour = {job: cmap(i % 20) for i, job in enumerate(jobs)}
    lanes = {rid: 1 + max(bar.lane for bar in bars) for rid, bars in rows.items()}
    top = {rid: sum(list(lanes.values())[:k]) for k, rid in enumerate(rows)}
    fig = Figure(figsize=(10, 0.6 + 0.4 * max(1, sum(lanes.values()))))
    ax = fig.subplots()
    chars = 110 / last  # label characters that fit in one time unit, about
    for rid, bars in rows.items():
        for bar in bars:
            y = top[rid] + bar.lane
            if bar.setup:
                ax.barh(y, bar.setup, left=bar.start - bar.setup, height=0.5, color="grey", alpha=0.5, hatch="..",
                        linewidth=0, gid=f"setup before {bar.task}")
            ax.barh(y, max(bar.end - bar.start, 0.2), left=bar.start, color=colour[bar.job], edgecolor="black",
                    linewidth=0.4, gid=bar.task)
            if (bar.end - bar.start) * chars >= len(bar.task) + 1:
                ax.text((bar.start + bar.end) / 2, y, bar.task, ha="center", va="center", fontsize=6, clip_on=True)
        for a, b in problem.down_times(rid, last) if rid in problem.resource_index else []:
            if a >= last:  # a calendar's down time goes on past the schedule; it is drawn up to its end
                continue
            ax.barh(top[rid] + (lanes[rid] - 1) / 2, min(b, last) - a, left=a, height=lanes[rid] - 0.2,
                    color="lightgrey", hatch="//", edgecolor="grey", linewidth=0.3, gid=f"down {rid}")
    ax.set_yticks([top[rid] + (lanes[rid] - 1) / 2 for rid in rows], list(rows))
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


GLYPHS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
"""The letters of the text chart, one per job while there are enough of them."""


def gantt_text(problem: Problem, schedule: Schedule, width: int = 72) -> str:
    """A Gantt chart in characters: one line per resource (and per lane of a cumulative one), each job drawn
    with its own letter (with more jobs than letters, tasks alternate '#' and '=' so that each one shows), down
    times as '/' (a resumable task's letters on both sides of one: it paused there)."""
    rows = gantt_rows(problem, schedule)
    end = max((e.end for e in schedule.tasks), default=0)
    if not rows or end == 0:
        return "(empty schedule)"
    scale = min(1.0, width / end)
    jobs = sorted({bar.job for bars in rows.values() for bar in bars})
    lettered = len(jobs) <= len(GLYPHS)
    glyph = {job: GLYPHS[i] for i, job in enumerate(jobs)} if lettered else {}
    label = max(len(r) for r in rows)
    cells = int(end * scale) + 1
    lines = []
    for rid, bars in rows.items():
        lane_lines = [[" "] * cells for _ in range(1 + max(bar.lane for bar in bars))]
        for k, bar in enumerate(bars):
            a, b = int(bar.start * scale), max(int(bar.start * scale) + 1, int(bar.end * scale))
            mark = glyph[bar.job] if lettered else "#="[k % 2]
            for x in range(a, min(b, cells)):
                lane_lines[bar.lane][x] = mark
        for down, up in problem.down_times(rid, end) if rid in problem.resource_index else []:
            for line in lane_lines:
                for x in range(int(down * scale), min(int(up * scale), cells)):
                    line[x] = "/"  # a down time; inside a task's letters, the task pauses (resumable)
        for k, line in enumerate(lane_lines):
            lines.append(f"{rid if k == 0 else '':>{label}} |{''.join(line)}|")
    lines.append(f"{'':>{label}}  0{'':>{max(0, cells - len(str(end)) - 1)}}{end} ({problem.time_unit})")
    if not lettered:
        lines.append(f"{len(jobs)} jobs, more than {len(GLYPHS)} letters: tasks alternate '#' and '='; "
                     "`--report` draws an interactive chart")
    elif len(jobs) <= 26:
        lines.append("  ".join(f"{glyph[job]}={job}" for job in jobs))
    return "\n".join(lines)
