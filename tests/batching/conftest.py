"""Fixtures for the batch tests: tiny problem files written on the fly, the test-only plugin."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest


def two_jobs(name: str, deadline: int | None = None) -> dict:
    """Two tasks of 3 and 4 on one machine, makespan (optimum 7); a common deadline below 7 is infeasible."""
    tasks = [{"id": f"T{i}", "modes": [{"resources": ["M1"], "duration": d}]} for i, d in ((1, 3), (2, 4))]
    if deadline is not None:
        for task in tasks:
            task["deadline"] = deadline
    return {"schema": "ordino/1", "name": name, "resources": [{"id": "M1"}], "tasks": tasks,
            "objective": [{"term": "makespan"}]}


@pytest.fixture
def problem_file(tmp_path: Path) -> Callable[..., Path]:
    """write(file, name=None, deadline=None, text=None): a two-job problem (or raw text) in tmp_path/problems."""
    folder = tmp_path / "problems"
    folder.mkdir(exist_ok=True)

    def write(file: str, name: str | None = None, deadline: int | None = None, text: str | None = None) -> Path:
        path = folder / file
        body = text if text is not None else json.dumps(two_jobs(name or Path(file).stem, deadline))
        path.write_text(body, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def plugin() -> str:
    """Path of the test-only plugin that registers the misbehaving method `test-faulty`."""
    return str(Path(__file__).with_name("faulty_methods.py"))


@pytest.fixture(autouse=True)
def own_method_registry(monkeypatch):
    """Methods a test's plugin registers stay with that test (later tests see the built-in ones only)."""
    import sys

    from ordino.solve import _registry

    monkeypatch.setattr(sys.modules["ordino.solve"], "_REGISTRY", dict(_registry()))
    plugins = {name for name in sys.modules if name.startswith("_ordino_plugin_")}
    yield
    for name in set(sys.modules) - plugins:
        if name.startswith("_ordino_plugin_"):
            del sys.modules[name]
