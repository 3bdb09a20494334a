"""Results as tables for spreadsheets: a schedule (a row per task), a roster (a row per assignment, and in a
workbook also the staff x day grid) and rows of runs, written as CSV or as an Excel workbook (openpyxl). Columns
are named like the keys of the JSON output."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ordino.errors import InputError
from ordino.models import Problem, Schedule
from ordino.models.assignment import Roster, RosterProblem
from ordino.models.clock import wall_label

Sheet = tuple[str, list[str], list[list[Any]]]
"""A named table: its name, column names and rows."""


def schedule_sheet(problem: Problem, schedule: Schedule) -> Sheet:
    """A row per scheduled task: task, job, mode, resources, start, end (and wall-clock times with a start)."""
    start = problem.wall_start
    columns = ["task", "job", "mode", "resources", "start", "end", *(["start_time", "end_time"] if start else [])]
    rows = []
    for e in sorted(schedule.tasks, key=lambda e: (e.start, e.task)):
        task = problem.task(e.task)
        row: list[Any] = [e.task, task.job or "", e.mode, ", ".join(task.modes[e.mode].resources), e.start, e.end]
        if start is not None:
            row += [wall_label(e.start, start, problem.time_unit), wall_label(e.end, start, problem.time_unit)]
        rows.append(row)
    return "schedule", columns, rows


def roster_sheets(problem: RosterProblem, roster: Roster) -> list[Sheet]:
    """The assignments (staff, shift, day) and the staff x day grid."""
    long = ("assignments", ["staff", "shift", "day"], [[a.staff, a.shift, a.day] for a in roster.assignments])
    cells = roster.cells()
    grid = [[person, *(", ".join(cells.get((person, d), [])) for d in problem.days)] for person in problem.people]
    return [long, ("roster", ["staff", *problem.days], grid)]


def runs_sheet(rows: list[dict[str, Any]], columns: list[str]) -> Sheet:
    """Rows of runs (bench or batch) with the given columns."""
    return "results", columns, [[r.get(c) for c in columns] for r in rows]


def write_csv(sheet: Sheet, path: Path) -> Path:
    """One table as CSV (UTF-8, a header line)."""
    _, columns, rows = sheet
    try:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(["" if v is None else v for v in row] for row in rows)
    except OSError as exc:
        raise InputError(f"cannot write the CSV ({exc.strerror or exc})", file=str(path)) from None
    return path


def write_xlsx(sheets: list[Sheet], path: Path) -> Path:
    """Tables as the sheets of one Excel workbook: a bold, frozen header and columns wide enough to read."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, columns, rows in sheets:
        sheet = book.create_sheet(name[:31])
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        for column in sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 500)):
            width = max((len(str(c.value)) for c in column if c.value is not None), default=4)
            sheet.column_dimensions[column[0].column_letter].width = min(60, width + 2)
    try:
        book.save(path)
    except OSError as exc:
        raise InputError(f"cannot write the workbook ({exc.strerror or exc})", file=str(path)) from None
    return path
