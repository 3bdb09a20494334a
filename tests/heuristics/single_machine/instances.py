"""Tiny private loader for the single-machine benchmark files (read from ORDINO_DATA_MIRROR)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np


def mirror() -> Path:
    return Path(os.environ["ORDINO_DATA_MIRROR"])


def _need(path: Path) -> Path:
    assert path.exists(), f"benchmark data not found: {path} (set ORDINO_DATA_MIRROR)"
    return path


def load_smtt(name: str) -> list[tuple[np.ndarray, np.ndarray, int]]:
    """``(p, d, optimum)`` per line of ``smtt-paper/<name>.jsonl``."""
    out = []
    with _need(mirror() / "smtt-paper" / f"{name}.jsonl").open() as fh:
        for line in fh:
            r = json.loads(line)
            out.append(
                (
                    np.asarray(r["processing_times"], dtype=np.int64),
                    np.asarray(r["due_dates"], dtype=np.int64),
                    int(r["optimal_total_tardiness"]),
                )
            )
    return out


def load_orlib_wt(n: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, int]]:
    """``(p, d, w, optimum)`` per instance of OR-Library ``wt<n>.txt`` with ``wtopt<n>.txt``."""
    root = mirror() / "orlib-wt"
    nums = np.asarray(_need(root / f"wt{n}.txt").read_text().split(), dtype=np.int64).reshape(-1, 3, n)
    opt = np.asarray(_need(root / f"wtopt{n}.txt").read_text().split(), dtype=np.int64)
    return [(x[0], x[2], x[1], int(o)) for x, o in zip(nums, opt, strict=True)]
