"""Plots of bench results: the gap to best known per method (box plot over instances, mean marked)."""

from __future__ import annotations

from pathlib import Path

from ordino.batching.bench import BenchReport
from ordino.errors import InputError


def gap_plot(report: BenchReport, path: str | Path, title: str = "Gap to best known") -> Path:
    """Write a PNG with one box per method of the gaps (percent) over the instances where a gap is defined.

    Methods without any defined gap are listed with an empty box so the figure shows they ran.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    methods = [s.method for s in report.summary]
    if not methods:
        raise InputError("nothing to plot: the bench report has no methods")
    data = [[r.gap for r in report.rows if r.method == m and r.gap is not None]
            for m in methods]
    fig, ax = plt.subplots(figsize=(max(4.0, 1.4 * len(methods) + 2), 4.0))
    try:
        positions = list(range(1, len(methods) + 1))
        filled = [(p, d) for p, d in zip(positions, data, strict=True) if d]
        if filled:
            ax.boxplot([d for _, d in filled], positions=[p for p, _ in filled], widths=0.5, showmeans=True)
        ax.set_xticks(positions, [f"{m}\n(n={len(d)})" for m, d in zip(methods, data, strict=True)])
        ax.set_xlim(0.4, len(methods) + 0.6)
        ax.set_ylabel("gap to best known (%)")
        ax.set_title(title)
        ax.axhline(0.0, color="grey", linewidth=0.8, linestyle="--")
        fig.tight_layout()
        out = Path(path)
        try:
            fig.savefig(out, dpi=120)
        except OSError as exc:
            raise InputError(f"cannot write plot ({exc.strerror or exc})", file=str(out)) from None
        return out
    finally:
        plt.close(fig)
