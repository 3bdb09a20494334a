"""What runs inside a worker (a local child process or a Ray task): load plugins, solve one problem.

The outcome travels back as a dict of plain values (numbers, strings, the schedule as JSON), never as live
objects, so a worker on another machine or a crashed worker cannot hand the parent anything but data.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ordino.models import Problem, Result
from ordino.solve import solve


@dataclass(frozen=True)
class Task:
    """One solve to run in a worker.

    Attributes
    ----------
    problem : Problem
        What to solve.
    method : str
        A registered method name (or "auto").
    time_limit : float
        The solver's own limit in seconds.
    threads : int
        Solver threads (0 = all cores).
    seed : int
        Random seed.
    plugins : tuple of str
        Modules (dotted names or ``.py`` paths) imported first, e.g. to register extra methods.
    memory_mb : int | None
        Address-space cap of the worker process in MiB (local executor only).
    """

    problem: Problem
    method: str
    time_limit: float
    threads: int = 1
    seed: int = 0
    plugins: tuple[str, ...] = field(default_factory=tuple)
    memory_mb: int | None = None


def load_plugins(plugins: Sequence[str]) -> None:
    """Import each plugin once: a dotted module name, or a path to a ``.py`` file."""
    for plugin in plugins:
        if plugin.endswith(".py") or "/" in plugin or "\\" in plugin:
            path = Path(plugin).resolve()
            name = f"_ordino_plugin_{path.stem}_{hashlib.sha1(str(path).encode()).hexdigest()[:10]}"
            if name in sys.modules:
                continue
            spec = importlib.util.spec_from_file_location(name, path)
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot load plugin file {plugin}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[name]
                raise
        else:
            importlib.import_module(plugin)


def run_task(task: Task) -> dict[str, Any]:
    """Solve `task` and return its outcome as plain values; never raises for the solver's own failures."""
    began = time.perf_counter()
    try:
        load_plugins(task.plugins)
        result = solve(task.problem, method=task.method, time_limit=task.time_limit, workers=task.threads,
                       seed=task.seed)
    except MemoryError:
        return {"status": "error", "error": "out of memory in the worker", "runtime": time.perf_counter() - began}
    except Exception as exc:
        return {"status": "error", "error": f"{type(exc).__name__}: {exc}", "runtime": time.perf_counter() - began}
    assert isinstance(result, Result)  # a Problem's result
    error = None
    if result.status == "error":
        error = "; ".join([*result.log[-3:], *(v.message for v in result.violations[:3])]) or "solver error"
    return {
        "status": result.status,
        "method": result.method,
        "objective": result.objective,
        "bound": result.bound,
        "solver_gap": result.gap,
        "runtime": result.runtime,
        "schedule": result.schedule.model_dump_json() if result.schedule is not None else None,
        "error": error,
    }


def child_main(conn: Any, task: Task) -> None:
    """Entry point of a local worker process: run the task, send the outcome through `conn`, exit.

    SIGINT is ignored so that Ctrl-C reaches only the parent, which then kills its workers.
    """
    started_at = time.time()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    if task.memory_mb:
        _cap_memory(task.memory_mb)
    try:
        outcome = run_task(task)
    except BaseException as exc:  # noqa: BLE001 - anything at all becomes an error outcome
        outcome = {"status": "error", "error": f"{type(exc).__name__}: {exc}"}
    outcome.update(started_at=started_at, ended_at=time.time())  # for measuring the executor's overhead
    conn.send(outcome)
    conn.close()


def _exit_with_parent() -> None:
    """End this worker at once if the batch process dies (SIGKILL included), so no orphan runs on."""
    import multiprocessing
    import os
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(70)

    threading.Thread(target=watch, daemon=True, name="ordino-parent-watch").start()


def _cap_memory(megabytes: int) -> None:
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: run uncapped
        pass

