"""The run archive: one SQLite file with candidates, code, scores, lineage, reflections, costs and state.

Tables: ``runs`` (config), ``candidates`` (code, thought, genome, parents, status, error, gaps, seconds,
tokens), ``scores`` (objective and gap per training instance), ``reflections`` (review text per generation
and island), ``generations`` (best and mean gap, for the convergence plot) and ``state`` (population, random
state and counters after each generation, which is what ``--resume`` continues from).
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ordino.errors import InputError

__all__ = ["Archive", "CandidateRow"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, created REAL, config TEXT);
CREATE TABLE IF NOT EXISTS candidates (
    id TEXT PRIMARY KEY, run INTEGER, generation INTEGER, island INTEGER, engine TEXT, origin TEXT,
    code TEXT, thought TEXT, genome TEXT, parents TEXT, status TEXT, error TEXT, stage TEXT,
    small_gap REAL, train_gap REAL, fitness REAL, by_class TEXT, zero_misses INTEGER, fingerprint TEXT,
    seconds REAL, tokens_in INTEGER DEFAULT 0, tokens_out INTEGER DEFAULT 0, repairs INTEGER DEFAULT 0,
    created REAL);
CREATE TABLE IF NOT EXISTS scores (candidate TEXT, instance TEXT, objective REAL, gap REAL,
    PRIMARY KEY (candidate, instance));
CREATE TABLE IF NOT EXISTS reflections (run INTEGER, generation INTEGER, island INTEGER, text TEXT,
    tokens_in INTEGER DEFAULT 0, tokens_out INTEGER DEFAULT 0, created REAL);
CREATE TABLE IF NOT EXISTS generations (run INTEGER, generation INTEGER, best_gap REAL, mean_gap REAL,
    best_id TEXT, evaluated INTEGER, failed INTEGER, seconds REAL, PRIMARY KEY (run, generation));
CREATE TABLE IF NOT EXISTS state (run INTEGER, key TEXT, value TEXT, PRIMARY KEY (run, key));
"""


@dataclass
class CandidateRow:
    """A candidate as stored in the archive."""

    id: str
    generation: int
    island: int
    engine: str
    origin: str
    code: str
    thought: str = ""
    genome: Any = None
    parents: list[str] = field(default_factory=list)
    status: str = "new"
    error: str | None = None
    stage: str = ""
    small_gap: float | None = None
    train_gap: float | None = None
    fitness: float | None = None
    by_class: dict[str, float] = field(default_factory=dict)
    zero_misses: int = 0
    fingerprint: str | None = None
    seconds: float = 0.0
    tokens_in: int = 0
    tokens_out: int = 0
    repairs: int = 0


class Archive:
    """An evolution run's SQLite archive."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(str(self.path))
        except sqlite3.Error as exc:
            raise InputError(f"cannot open archive {self.path}: {exc}") from None
        self.db.executescript(_SCHEMA)
        self.db.commit()

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    # runs and state -------------------------------------------------------------------------------------
    def new_run(self, config: dict) -> int:
        """Record a run's configuration and return its id."""
        cur = self.db.execute("INSERT INTO runs (created, config) VALUES (?, ?)", (time.time(), json.dumps(config)))
        self.db.commit()
        assert cur.lastrowid is not None  # set by the INSERT
        return cur.lastrowid

    def last_run(self) -> tuple[int, dict] | None:
        """The latest run's id and configuration, None for an empty archive."""
        row = self.db.execute("SELECT id, config FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        return (int(row[0]), json.loads(row[1])) if row else None

    def set_state(self, run: int, **values: Any) -> None:
        """Store resume state (JSON values) for a run."""
        self.db.executemany("INSERT OR REPLACE INTO state (run, key, value) VALUES (?, ?, ?)",
                            [(run, k, json.dumps(v)) for k, v in values.items()])
        self.db.commit()

    def state(self, run: int) -> dict[str, Any]:
        """All resume state of a run."""
        return {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM state WHERE run = ?", (run,))}

    # candidates -----------------------------------------------------------------------------------------
    def put(self, run: int, c: CandidateRow) -> None:
        """Insert or update a candidate."""
        self.db.execute(
            "INSERT OR REPLACE INTO candidates (id, run, generation, island, engine, origin, code, thought, genome, "
            "parents, status, error, stage, small_gap, train_gap, fitness, by_class, zero_misses, fingerprint, "
            "seconds, tokens_in, tokens_out, repairs, created) VALUES (" + ",".join("?" * 24) + ")",
            (c.id, run, c.generation, c.island, c.engine, c.origin, c.code, c.thought, json.dumps(c.genome),
             json.dumps(c.parents), c.status, c.error, c.stage, _num(c.small_gap), _num(c.train_gap),
             _num(c.fitness), json.dumps(c.by_class), c.zero_misses, c.fingerprint, c.seconds, c.tokens_in,
             c.tokens_out, c.repairs, time.time()))

    def put_scores(self, cid: str, names: list[str], objectives: list[float], gaps: list[float | None]) -> None:
        """Per-instance objective and gap of a candidate."""
        self.db.executemany("INSERT OR REPLACE INTO scores VALUES (?, ?, ?, ?)",
                            list(zip([cid] * len(names), names, objectives, gaps, strict=True)))

    def gaps(self, cid: str) -> dict[str, float | None]:
        """Per-instance gap of a fully scored candidate (None where the best value is 0)."""
        return dict(self.db.execute("SELECT instance, gap FROM scores WHERE candidate = ?", (cid,)))

    def get(self, cid: str) -> CandidateRow | None:
        """One candidate by id."""
        rows = self._select("WHERE id = ?", (cid,))
        return rows[0] if rows else None

    def candidates(self, run: int, status: str | None = None) -> list[CandidateRow]:
        """Candidates of a run, optionally of one status, oldest first."""
        if status is None:
            return self._select("WHERE run = ? ORDER BY created, rowid", (run,))
        return self._select("WHERE run = ? AND status = ? ORDER BY created, rowid", (run, status))

    def best(self, run: int, k: int = 1) -> list[CandidateRow]:
        """The `k` best fully evaluated candidates of a run."""
        return self._select("WHERE run = ? AND status = 'ok' AND fitness IS NOT NULL ORDER BY fitness, "
                            "length(code) LIMIT ?", (run, k))

    def lineage(self, cid: str, limit: int = 50) -> list[CandidateRow]:
        """The candidate and its ancestors (breadth first, each once)."""
        out: list[CandidateRow] = []
        seen: set[str] = set()
        queue = [cid]
        while queue and len(out) < limit:
            c = self.get(queue.pop(0))
            if c is None or c.id in seen:
                continue
            seen.add(c.id)
            out.append(c)
            queue.extend(c.parents)
        return out

    def commit(self) -> None:
        """Flush pending writes."""
        self.db.commit()

    # reflections and generations -----------------------------------------------------------------------
    def add_reflection(self, run: int, generation: int, island: int, text: str, tokens_in: int = 0,
                       tokens_out: int = 0) -> None:
        """Store a review's text."""
        self.db.execute("INSERT INTO reflections VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (run, generation, island, text, tokens_in, tokens_out, time.time()))

    def reflections(self, run: int) -> list[tuple[int, int, str]]:
        """(generation, island, text) of a run."""
        return list(self.db.execute("SELECT generation, island, text FROM reflections WHERE run = ? "
                                    "ORDER BY rowid", (run,)))

    def add_generation(self, run: int, generation: int, best_gap: float, mean_gap: float, best_id: str,
                       evaluated: int, failed: int, seconds: float) -> None:
        """Record a generation's statistics."""
        self.db.execute("INSERT OR REPLACE INTO generations VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (run, generation, best_gap, mean_gap, best_id, evaluated, failed, seconds))

    def generations(self, run: int) -> list[dict[str, Any]]:
        """Per generation statistics of a run."""
        cols = ("generation", "best_gap", "mean_gap", "best_id", "evaluated", "failed", "seconds")
        rows = self.db.execute(f"SELECT {', '.join(cols)} FROM generations WHERE run = ? ORDER BY generation",
                               (run,))
        return [dict(zip(cols, r, strict=True)) for r in rows]

    def costs(self, run: int) -> dict[str, float]:
        """Tokens, LLM requests (calls that gave a candidate or a reflection) and sandbox seconds of a run, and
        the cost per improvement: tokens per percentage point the best candidate gained over the best seed."""
        a = self.db.execute("SELECT COALESCE(SUM(tokens_in),0), COALESCE(SUM(tokens_out),0), "
                            "COALESCE(SUM(seconds),0), COUNT(*), COALESCE(SUM(tokens_in > 0),0) FROM candidates "
                            "WHERE run = ?", (run,)).fetchone()
        b = self.db.execute("SELECT COALESCE(SUM(tokens_in),0), COALESCE(SUM(tokens_out),0), "
                            "COALESCE(SUM(tokens_in > 0),0) FROM reflections WHERE run = ?", (run,)).fetchone()
        out = {"tokens_in": a[0] + b[0], "tokens_out": a[1] + b[1], "sandbox_seconds": a[2], "candidates": a[3],
               "llm_requests": a[4] + b[2]}
        seed = self.db.execute("SELECT MIN(fitness) FROM candidates WHERE run = ? AND status = 'ok' AND origin LIKE "
                               "'seed:%'", (run,)).fetchone()[0]
        best = self.best(run)
        if seed is not None and best and best[0].fitness is not None:
            out["gain_points"] = seed - best[0].fitness
            tokens = out["tokens_in"] + out["tokens_out"]
            if tokens and out["gain_points"] > 0:
                out["tokens_per_point"] = tokens / out["gain_points"]
        return out

    def _select(self, where: str, args: tuple) -> list[CandidateRow]:
        cols = ("id, generation, island, engine, origin, code, thought, genome, parents, status, error, stage, "
                "small_gap, train_gap, fitness, by_class, zero_misses, fingerprint, seconds, tokens_in, tokens_out, "
                "repairs")
        out = []
        for r in self.db.execute(f"SELECT {cols} FROM candidates {where}", args):
            try:
                genome, parents, by_class = json.loads(r[7]), json.loads(r[8]), json.loads(r[15] or "{}")
            except (TypeError, ValueError, RecursionError):
                raise InputError(f"archive {self.path}: candidate {str(r[0])[:80]!r} holds unreadable JSON; the "
                                 "archive was modified or is corrupt") from None
            out.append(CandidateRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", genome, parents, r[9], r[10],
                                    r[11] or "", r[12], r[13], r[14], by_class, r[16] or 0, r[17], r[18] or 0.0,
                                    r[19] or 0, r[20] or 0, r[21] or 0))
        return out


def _num(x: float | None) -> float | None:
    if x is None or x != x or x in (float("inf"), float("-inf")):
        return None
    return float(x)
