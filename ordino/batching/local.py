"""The local executor: one fresh process per task, a hard deadline each, at most `workers` at a time.

Processes are forked from a fork server that has imported the solvers once, so a task starts in
milliseconds instead of paying the solver imports again, yet shares no state with any other task.
A worker that dies (a crash, SIGKILL, the kernel's out-of-memory killer) or misses its deadline is
reported as an outcome like any other; the batch goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from ordino.batching.worker import Task, child_main

OnOutcome = Callable[[Any, dict[str, Any], float], None]
PRELOAD = ["ordino.batching._forkserver"]
MAIN_ENV = "ORDINO_FORKSERVER_MAIN"
REAP_SECONDS = 5.0


def default_grace(time_limit: float) -> float:
    """Seconds a worker may run past the solver's limit (model building, verification, start-up)."""
    return max(10.0, 0.25 * time_limit)


def _context() -> Any:
    """The fork server context, its server started now (not in the first task's time); spawn elsewhere."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    from multiprocessing import forkserver

    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    by_name = getattr(getattr(main, "__spec__", None), "name", None)
    saved = os.environ.get(MAIN_ENV)
    if path and not by_name:
        os.environ[MAIN_ENV] = os.path.normpath(os.path.abspath(path))
    try:
        forkserver.ensure_running()
    finally:
        if saved is None:
            os.environ.pop(MAIN_ENV, None)
        else:
            os.environ[MAIN_ENV] = saved
    return ctx


def _noop() -> None:
    """Target of the warm-up process."""


@dataclass
class _Running:
    tag: Any
    task: Task
    process: Any
    reader: Any
    started: float
    deadline: float


def describe_exit(exitcode: int | None) -> str:
    """Why a worker ended without sending a result."""
    if exitcode is None:
        return "worker vanished without a result"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory, or killed from outside)" if name == "SIGKILL" else ""
        return f"worker killed by {name}{hint}"
    return f"worker exited with code {exitcode} without a result"


class LocalExecutor:
    """Run tasks in fresh local processes.

    Parameters
    ----------
    workers : int
        Tasks running at once.
    grace : float | None
        Seconds past each task's time limit before its worker is killed (default `default_grace`).
    """

    name = "local"

    def __init__(self, workers: int, grace: float | None = None) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.grace = grace
        began = time.monotonic()
        self._ctx = _context()
        warm = self._ctx.Process(target=_noop, daemon=True, name="ordino-batch-warmup")
        warm.start()  # waits for the fork server's imports, so they do not count against the first task
        warm.join()
        self.startup_seconds = time.monotonic() - began

    def _deadline(self, task: Task) -> float:
        grace = default_grace(task.time_limit) if self.grace is None else self.grace
        return task.time_limit + grace

    def _start(self, tag: Any, task: Task) -> _Running:
        reader, writer = self._ctx.Pipe(duplex=False)
        process = self._ctx.Process(target=child_main, args=(writer, task), daemon=True, name="ordino-batch-worker")
        started = time.monotonic()
        process.start()
        writer.close()
        return _Running(tag, task, process, reader, started, started + self._deadline(task))

    def run(self, jobs: Iterable[tuple[Any, Task]], on_outcome: OnOutcome) -> None:
        """Run every (tag, task); call ``on_outcome(tag, outcome, wall_seconds)`` as each ends.

        On any exception (Ctrl-C included) the running workers are killed before it propagates.
        """
        queue = deque(jobs)
        running: list[_Running] = []
        self._exiting: list[tuple[Any, float]] = []
        try:
            while queue or running:
                self._reap()
                while queue and len(running) < self.workers:
                    running.append(self._start(*queue.popleft()))
                timeout = max(0.0, min(r.deadline for r in running) - time.monotonic())
                ready = set(wait([r.reader for r in running] + [r.process.sentinel for r in running], timeout))
                now = time.monotonic()
                for job in list(running):
                    if job.reader in ready or job.process.sentinel in ready:
                        outcome = self._collect(job)
                    elif now >= job.deadline:
                        self._kill(job)
                        limit = job.deadline - job.started
                        outcome = {"status": "timeout", "runtime": limit,
                                   "error": f"no result within {limit:.1f} s (time limit {job.task.time_limit:g} s "
                                            f"plus grace); worker killed"}
                    else:
                        continue
                    running.remove(job)
                    job.reader.close()
                    on_outcome(job.tag, outcome, time.monotonic() - job.started)
        finally:
            for job in running:
                self._kill(job)
                job.reader.close()
            self._reap(wait_all=True)

    def _reap(self, wait_all: bool = False) -> None:
        """Join workers that have sent their result; kill any still not gone after REAP_SECONDS."""
        still = []
        for process, since in self._exiting:
            if wait_all:
                process.join(max(0.0, since + REAP_SECONDS - time.monotonic()))
            if process.exitcode is not None:
                process.join()
            elif time.monotonic() - since > REAP_SECONDS or wait_all:
                process.kill()
                process.join(REAP_SECONDS)
            else:
                still.append((process, since))
        self._exiting = still

    def _collect(self, job: _Running) -> dict[str, Any]:
        outcome: dict[str, Any] | None = None
        try:
            if job.reader.poll():
                outcome = job.reader.recv()
        except (EOFError, OSError):
            outcome = None
        if outcome is not None:  # the worker is on its way out: reap it later, do not wait for it here
            self._exiting.append((job.process, time.monotonic()))
            return outcome
        job.process.join()
        return {"status": "error", "error": describe_exit(job.process.exitcode),
                "runtime": time.monotonic() - job.started}

    @staticmethod
    def _kill(job: _Running) -> None:
        if job.process.is_alive():
            job.process.kill()
        job.process.join(REAP_SECONDS)

    def close(self) -> None:
        """Nothing to release (workers end with their tasks)."""
