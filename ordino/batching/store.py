"""The results database: one SQLite row per (file, instance, method), committed as each result arrives."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import fields
from pathlib import Path

from ordino.batching.rows import Row
from ordino.errors import InputError

COLUMNS = [f.name for f in fields(Row)]
_TYPES = {"objective": "REAL", "bound": "REAL", "best_known": "REAL", "lower_bound": "REAL", "gap": "REAL",
          "solver_gap": "REAL", "runtime": "REAL", "wall": "REAL", "verified": "INTEGER", "time_limit": "REAL"}
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS results ("
    + ", ".join(f"{c} {_TYPES.get(c, 'TEXT')}" + (" NOT NULL" if c in ("file", "instance", "method", "status")
                                                   else "") for c in COLUMNS)
    + ", finished_at TEXT, PRIMARY KEY (file, instance, method))"
)


class ResultStore:
    """A SQLite file of result rows.

    Parameters
    ----------
    path : str or path
        The database file (created when missing).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
            have = {row[1] for row in self._db.execute("PRAGMA table_info(results)")}
        except sqlite3.DatabaseError as exc:
            raise InputError(f"cannot use as a results database ({exc}); give another --results file",
                             file=str(self.path)) from None
        missing = [c for c in COLUMNS if c not in have]
        if missing:
            raise InputError(f"results table lacks columns {', '.join(missing)}; it was written by something "
                             "else, give another --results file", file=str(self.path))
        self._db.commit()

    def write(self, row: Row) -> None:
        """Insert or replace one row and commit it."""
        values = [getattr(row, c) for c in COLUMNS]
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        marks = ", ".join("?" for _ in range(len(COLUMNS) + 1))
        self._db.execute(f"INSERT OR REPLACE INTO results ({', '.join(COLUMNS)}, finished_at) VALUES ({marks})",
                         [*values, stamp])
        self._db.commit()

    def rows(self) -> dict[tuple[str, str, str], Row]:
        """Every stored row by (file, instance, method)."""
        cursor = self._db.execute(f"SELECT {', '.join(COLUMNS)} FROM results")
        out = {}
        for values in cursor:
            row = Row(**dict(zip(COLUMNS, values, strict=True)))
            row.verified = bool(row.verified)
            out[row.key] = row
        return out

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
