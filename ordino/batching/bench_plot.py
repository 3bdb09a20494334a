"""Plots of bench results: the gap to best known per method (box plot over instances, mean marked)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ordino.batching.bench import BenchReport
from ordino.errors import InputError
from ordino.plot import save_png

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def gap_figure(report: BenchReport, title: str = "Gap to best known") -> Figure:
    """One box per method (its `gid` the method) of the gaps (percent) over the instances where a gap is
    defined; each method's tick label gives its name and that number of instances, so a method without any gap
    shows it ran."""
    from matplotlib.figure import Figure

    methods = [s.method for s in report.summary]
    if not methods:
        raise InputError("nothing to plot: the bench report has no methods")
    data = [[r.gap for r in report.rows if r.method == m and r.gap is not None] for m in methods]
    fig = Figure(figsize=(max(4.0, 1.4 * len(methods) + 2), 4.0))
    ax = fig.subplots()
    positions = list(range(1, len(methods) + 1))
    filled = [(p, d) for p, d in zip(positions, data, strict=True) if d]
    if filled:
        parts = ax.boxplot([d for _, d in filled], positions=[p for p, _ in filled], widths=0.5, showmeans=True)
        for box, (position, _) in zip(parts["boxes"], filled, strict=True):
            box.set_gid(methods[position - 1])
    ax.set_xticks(positions, [f"{m}\n(n={len(d)})" for m, d in zip(methods, data, strict=True)])
    ax.set_xlim(0.4, len(methods) + 0.6)
    ax.set_ylabel("gap to best known (%)")
    ax.set_title(title)
    ax.axhline(0.0, color="grey", linewidth=0.8, linestyle="--")
    fig.tight_layout()
    return fig


def gap_plot(report: BenchReport, path: str | Path, title: str = "Gap to best known") -> Path:
    """Write `gap_figure` as a PNG; returns the path."""
    return save_png(gap_figure(report, title), path)
