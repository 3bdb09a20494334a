"""The results database: one SQLite row per (file, instance, method), committed as each result arrives."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import sqlite3
from dataclasses import fields
from pathlib import Path
from typing import TextIO

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
    """A SQLite file of result rows, held by one writer at a time.

    Opening it takes an exclusive lock on ``<path>.lock`` (released when the store is closed or the process
    ends, even by SIGKILL); a second store on the same file, in any process, is refused with an InputError
    naming the holder, so two batches never solve the same rows twice. A row is written only when it is at
    least as good as the stored row of its key (`Row.rank`), so a worse result never replaces a better one.

    Parameters
    ----------
    path : str or path
        The database file (created when missing).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = _acquire(self.path)
        try:
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
            have = {row[1] for row in self._db.execute("PRAGMA table_info(results)")}
        except sqlite3.DatabaseError as exc:
            self._lock.close()
            raise InputError(f"cannot use as a results database ({exc}); give another --results file",
                             file=str(self.path)) from None
        missing = [c for c in COLUMNS if c not in have]
        if missing:
            self.close()
            raise InputError(f"results table lacks columns {', '.join(missing)}; it was written by something "
                             "else, give another --results file", file=str(self.path))
        self._db.commit()

    def write(self, row: Row) -> Row:
        """Store `row` unless the stored row of its key ranks higher (`Row.rank`); return the row kept."""
        values = [getattr(row, c) for c in COLUMNS]
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        marks = ", ".join("?" for _ in range(len(COLUMNS) + 1))
        with self._db:  # one transaction: read, compare, write
            self._db.execute("BEGIN IMMEDIATE")
            stored = self._select("WHERE file = ? AND instance = ? AND method = ?", row.key)
            if stored and stored[0].rank() > row.rank():
                return stored[0]
            self._db.execute(f"INSERT OR REPLACE INTO results ({', '.join(COLUMNS)}, finished_at) "
                             f"VALUES ({marks})", [*values, stamp])
        return row

    def rows(self) -> dict[tuple[str, str, str], Row]:
        """Every stored row by (file, instance, method)."""
        return {row.key: row for row in self._select()}

    def _select(self, where: str = "", args: tuple = ()) -> list[Row]:
        out = []
        for values in self._db.execute(f"SELECT {', '.join(COLUMNS)} FROM results {where}", args):
            row = Row(**dict(zip(COLUMNS, values, strict=True)))
            row.verified = bool(row.verified)
            out.append(row)
        return out

    def close(self) -> None:
        """Close the connection and release the lock."""
        self._db.close()
        self._lock.close()

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _acquire(path: Path) -> TextIO:
    """The open ``<path>.lock`` file, exclusively locked and holding this process's pid; an InputError naming
    the holder when another process has it."""
    lock = path.with_name(path.name + ".lock")
    try:
        handle = lock.open("a+", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot create the lock file {lock} ({exc.strerror or exc}); give another --results "
                         "file", file=str(path)) from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "a process that is starting"
        handle.close()
        raise InputError(f"in use by another ordino batch ({holder}); wait for it to finish and run again with "
                         "--resume, or give another --results file", file=str(path)) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}, since {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}\n")
    handle.flush()
    return handle
