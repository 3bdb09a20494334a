"""The page data of the other kinds of result: a roster as a staff x day grid, rows of bench and batch runs as a
table with a chart of gaps, an evolution run as its convergence."""

from __future__ import annotations

import csv
import json
import math
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ordino.errors import InputError
from ordino.models.assignment import Roster, RosterProblem

RUN_COLUMNS = ["instance", "method", "status", "objective", "best_known", "lower_bound", "gap", "runtime",
               "verified", "error"]
"""The columns a table of runs shows, in order (those the source has)."""


def roster_section(problem: RosterProblem, roster: Roster, title: str = "", status: str = "") -> dict[str, Any]:
    """A roster as a grid: a row per person, a column per day in the problem's order, the shifts in the cells."""
    cells: dict[str, dict[str, list[str]]] = {}
    for (person, day), shifts in roster.cells().items():
        cells.setdefault(person, {})[day] = shifts
    return {"kind": "roster", "title": title or problem.name or "roster", "subtitle": status,
            "days": list(problem.days), "people": problem.people, "cells": cells,
            "shifts": [s.id for s in problem.shifts]}


def runs_section(rows: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """Rows of (instance, method) runs as a table and a chart of each method's gap per instance."""
    if not rows:
        raise InputError(f"{title} holds no rows to report")
    columns = [c for c in RUN_COLUMNS if any(c in r for r in rows)]
    clean = [{c: _cell(r.get(c)) for c in columns} for r in rows]
    gaps = [{"instance": r["instance"], "method": r["method"], "gap": r["gap"]} for r in clean
            if isinstance(r.get("gap"), (int, float))]
    return {"kind": "runs", "title": title, "columns": columns, "rows": clean, "gaps": gaps}


def _cell(value: Any) -> Any:
    """A value as the page shows it: numbers as numbers, empty for missing, text otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and not math.isfinite(value) else value
    text = str(value)
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text else number


def bench_csv_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of a `bench --csv` file; an InputError naming the file when it is not one."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read the bench CSV ({exc})", file=str(path)) from None
    if rows and not {"instance", "method"} <= set(rows[0]):
        raise InputError("not a bench CSV: it needs instance and method columns (write one with `ordino bench "
                         "--csv`)", file=str(path))
    return rows


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """The SQLite file opened read-only; any database error while it is read becomes one InputError line."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            yield db
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"cannot read the database ({exc})", file=str(path)) from None


def database_sections(path: Path) -> list[dict[str, Any]]:
    """The sections of a SQLite file: a batch results database, or an evolve archive."""
    with _read_only(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "results" in tables:
            return [runs_section(_results(db), f"batch {path.name}")]
        if {"runs", "generations", "candidates"} <= tables:
            return [_evolve_section(db, path)]
    raise InputError("neither a batch results database nor an evolve archive", file=str(path))


def _results(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """The rows as `batch --json` gives them (`verified` true or false, not SQLite's 1 or 0)."""
    db.row_factory = sqlite3.Row
    rows = [dict(r) for r in db.execute("SELECT * FROM results ORDER BY instance, method")]
    for row in rows:
        if row.get("verified") is not None:
            row["verified"] = bool(row["verified"])
    return rows


def database_rows(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Every row of a batch results database and its columns (named as in `batch --json`)."""
    with _read_only(path) as db:
        return _results(db), [c[1] for c in db.execute("PRAGMA table_info(results)")]


def _evolve_section(db: sqlite3.Connection, path: Path) -> dict[str, Any]:
    """The convergence of an archive's last run and its best candidates."""
    last = db.execute("SELECT id, config FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    if last is None:
        raise InputError("the evolve archive holds no run", file=str(path))
    run, config = last[0], json.loads(last[1] or "{}")
    generations = [{"generation": g, "best": _cell(b), "mean": _cell(m), "evaluated": e, "failed": f}
                   for g, b, m, e, f in db.execute("SELECT generation, best_gap, mean_gap, evaluated, failed "
                                                   "FROM generations WHERE run = ? ORDER BY generation", (run,))]
    best = [{"id": i, "generation": g, "origin": o, "train_gap": _cell(t)} for i, g, o, t in db.execute(
        "SELECT id, generation, origin, train_gap FROM candidates WHERE run = ? AND train_gap IS NOT NULL "
        "ORDER BY train_gap LIMIT 10", (run,))]
    what = f"{config.get('engine', '?')}, {config.get('problem', '?')}, train {config.get('train') or 'default'}"
    return {"kind": "evolve", "title": f"evolve run {run} ({what})", "subtitle": str(path.name),
            "generations": generations, "best": best}
