"""Shared fixtures: the data mirror and the example problems."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ordino.models import Problem, load_problem

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

os.environ.setdefault("ORDINO_DATA_MIRROR", str((ROOT.parent / "shared" / "data").resolve()))


@pytest.fixture(scope="session")
def data_mirror() -> Path:
    """The benchmark data folder (ORDINO_DATA_MIRROR)."""
    path = Path(os.environ["ORDINO_DATA_MIRROR"])
    assert path.is_dir(), f"ORDINO_DATA_MIRROR={path} does not exist"
    return path


def example(name: str) -> Problem:
    """Load an example problem by file stem."""
    return load_problem(EXAMPLES / f"{name}.json")
