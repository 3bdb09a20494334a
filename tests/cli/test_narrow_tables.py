"""Tables at 80 columns and in pipes: headers wrap between words, cells fold, nothing is cut into an ellipsis."""

from __future__ import annotations

import io

from rich.table import Table

from ordino.cli.common import ReadableConsole

HEADERS = ("method", "instances", "solved", "mean gap %", "max gap %", "best-known hits", "proven optimal",
           "mean time s")


def _printed(table: Table, width: int) -> str:
    out = io.StringIO()
    ReadableConsole(file=out, width=width, force_terminal=False).print(table)
    return out.getvalue()


def test_a_wide_table_keeps_every_header_word_whole_at_80_columns() -> None:
    table = Table(*HEADERS, title="summary")
    table.add_row("portfolio-with-a-long-name", "1", "1", "0.00", "0.00", "1", "1", "0.02")
    text = _printed(table, 80)
    assert "…" not in text
    assert all(len(line) <= 80 for line in text.splitlines())
    words = {w for line in text.splitlines() for w in line.replace("┃", " ").replace("│", " ").split()}
    assert {w for h in HEADERS for w in h.split()} <= words


def test_a_long_error_in_a_cell_folds_instead_of_being_cut() -> None:
    table = Table("instance", "error")
    message = "worker killed after exceeding the memory limit of 512 MB; raise --memory-limit or use fewer jobs"
    table.add_row("ta01", message)
    text = _printed(table, 60)
    assert "…" not in text
    cells = " ".join(line.split("│")[2].strip() for line in text.splitlines() if line.count("│") == 3)
    assert cells.split() == message.split()


def test_a_table_that_fits_is_left_as_written() -> None:
    table = Table(*HEADERS)
    table.add_row("cpsat", "1", "1", "-", "-", "0", "1", "0.05")
    assert "best-known hits" in _printed(table, 200)
