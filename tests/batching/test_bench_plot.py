"""The bench gap plot: a box per method that has gaps, every method named with its count, axes that say what
the numbers are; the PNG writer draws that figure."""

from __future__ import annotations

import statistics
from pathlib import Path

import matplotlib.image
import pytest

from ordino.batching.bench import BenchReport, bench
from ordino.batching.bench_plot import gap_figure, gap_plot
from ordino.datasets import load_suite
from ordino.errors import InputError


@pytest.fixture(scope="module")
def report(data_mirror: Path) -> BenchReport:
    """Three OR-Library instances (optima known) by two rules, and a method that cannot run them."""
    return bench(load_suite("orlib-wt40", limit=3), ["mddc", "edd", "sgs"], time_limit=2, workers=1,
                 progress=False)


def test_a_box_per_method_with_gaps_and_every_method_named(report: BenchReport) -> None:
    (ax,) = gap_figure(report).axes
    boxes = [line for line in ax.lines if line.get_gid()]
    assert [b.get_gid() for b in boxes] == ["mddc", "edd"]  # sgs is unsupported: no gap, no box
    for box in boxes:
        gaps = [r.gap for r in report.rows if r.method == box.get_gid() and r.gap is not None]
        assert len(gaps) == 3
        low, high = min(box.get_ydata()), max(box.get_ydata())
        assert low == pytest.approx(statistics.quantiles(gaps, n=4, method="inclusive")[0])
        assert high == pytest.approx(statistics.quantiles(gaps, n=4, method="inclusive")[2])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["mddc\n(n=3)", "edd\n(n=3)", "sgs\n(n=0)"]
    assert ax.get_ylabel() == "gap to best known (%)" and ax.get_title() == "Gap to best known"


def test_png_is_the_figure_and_an_empty_report_is_refused(report: BenchReport, tmp_path: Path) -> None:
    out = gap_plot(report, tmp_path / "gaps.png", title="OR-Library wt40")
    width, height = gap_figure(report).get_size_inches() * 120
    assert matplotlib.image.imread(out).shape[:2] == (round(height), round(width))
    assert gap_figure(report, "OR-Library wt40").axes[0].get_title() == "OR-Library wt40"
    with pytest.raises(InputError, match="nothing to plot"):
        gap_figure(BenchReport(rows=[], summary=[]))
    with pytest.raises(InputError, match="cannot write plot"):
        gap_plot(report, tmp_path / "missing" / "gaps.png")
