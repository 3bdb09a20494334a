"""`run_items` (the executor API shared by batch and bench) and `batch` (files in, rows in SQLite out)."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from ordino.batching.items import WorkItem, expand
from ordino.batching.local import LocalExecutor, OnOutcome
from ordino.batching.rows import Row
from ordino.batching.store import ResultStore
from ordino.batching.worker import Task, load_plugins
from ordino.errors import InputError
from ordino.models import Schedule, gap_percent
from ordino.models.options import cores
from ordino.solve import get_method
from ordino.verify import verify

OnResult = Callable[[Row], None]
EXECUTORS = ("local", "ray")


def oversubscription(workers: int, threads: int, available: int | None = None) -> str | None:
    """A warning when `workers` tasks of `threads` solver threads each (0 = all cores) exceed the cores."""
    available = available or cores()
    per_task = available if threads == 0 else threads
    if workers * per_task > available:
        return (f"{workers} workers x {per_task} solver threads = {workers * per_task} threads on {available} "
                f"cores: solves will compete for CPU and their time limits buy less search; "
                f"lower --workers or --threads")
    return None


def _methods(method: str | Sequence[str]) -> list[str]:
    names = [method] if isinstance(method, str) else list(method)
    if not names:
        raise InputError("no method given")
    return list(dict.fromkeys(names))


def _check_methods(names: list[str], plugins: Sequence[str]) -> None:
    """Unknown method names are bad input, found before any work starts (plugins may add methods; an
    ``evolved:PATH`` name is a heuristic saved by `ordino evolve`, loaded here once to check it)."""
    if plugins:
        load_plugins(plugins)
    for name in names:
        if name != "auto":
            get_method(name)


def make_row(item: WorkItem, method: str, outcome: dict[str, Any], wall: float, time_limit: float | None,
             executor: str) -> Row:
    """A result row from a worker's outcome; its schedule is verified again here, in the parent."""
    row = Row(file=item.file, instance=item.instance, method=method,
              status=str(outcome.get("status", "error")), bound=outcome.get("bound"),
              best_known=item.best_known, lower_bound=item.lower_bound, solver_gap=outcome.get("solver_gap"),
              runtime=float(outcome.get("runtime") or 0.0), wall=wall, error=outcome.get("error"),
              schedule=outcome.get("schedule"), time_limit=time_limit, executor=executor)
    if row.schedule is not None and item.problem is not None:
        try:
            report = verify(item.problem, Schedule.model_validate_json(row.schedule))
        except Exception as exc:  # an unreadable schedule is the worker's failure, not the batch's
            row.status, row.error, row.schedule = "error", f"unreadable schedule from worker: {exc}", None
        else:
            row.objective = report.objective
            row.verified = not report.violations
            if report.violations:
                row.status = "error"
                row.error = f"verifier: {len(report.violations)} violation(s), first: {report.violations[0].message}"
    if row.verified:
        reference = item.best_known if item.best_known is not None else item.lower_bound
        row.gap = gap_percent(row.objective, reference)
    return row


def error_row(item: WorkItem, method: str, executor: str = "") -> Row:
    """The row of an item that could not be read."""
    return Row(file=item.file, instance=item.instance, method=method, status="error", error=item.error,
               best_known=item.best_known, lower_bound=item.lower_bound, executor=executor)


class Executor(Protocol):
    """What runs tasks: `LocalExecutor` or `RayExecutor`."""

    name: str

    def run(self, jobs: Iterable[tuple[Any, Task]], on_outcome: OnOutcome) -> None:
        """Run every (tag, task); call ``on_outcome(tag, outcome, wall_seconds)`` as each ends."""

    def close(self) -> None:
        """Release what the executor holds."""


def make_executor(executor: str, workers: int | None, threads: int, grace: float | None,
                  ray_address: str | None) -> Executor:
    """A LocalExecutor or RayExecutor."""
    if executor == "local":
        if ray_address is not None:
            raise InputError("--ray-address needs --executor ray")
        return LocalExecutor(workers or max(1, cores() // max(1, threads)), grace=grace)
    if executor == "ray":
        from ordino.batching.ray_executor import RayExecutor

        return RayExecutor(workers=workers, address=ray_address, grace=grace, threads=threads)
    raise InputError(f"unknown executor {executor!r}; choose one of: {', '.join(EXECUTORS)}")


def run_items(items: Sequence[WorkItem], method: str | Sequence[str] = "auto", time_limit: float = 10.0,
              workers: int | None = None, executor: str = "local", ray_address: str | None = None,
              on_result: OnResult | None = None, threads: int = 1, seed: int = 0, grace: float | None = None,
              memory_mb: int | None = None, plugins: Sequence[str] = ()) -> list[Row]:
    """Solve every item with every method, each in an isolated worker with a hard deadline.

    Parameters
    ----------
    items : sequence of WorkItem
        What to solve (`expand` makes them from paths; `WorkItem.from_instance` from datasets instances).
        Items carrying a read error become error rows without running.
    method : str or sequence of str
        Method name(s); one row per item and method.
    time_limit : float
        The solver's limit per task in seconds; the worker is killed at ``time_limit + grace``.
    workers : int | None
        Tasks at once (default: cores // threads locally, cluster CPUs // threads on Ray).
    executor : {"local", "ray"}
        Fresh local processes, or Ray tasks.
    ray_address : str | None
        An existing Ray cluster; None starts a local Ray runtime for this call.
    on_result : callable, optional
        Called with each Row as it finishes (in the calling process, in completion order).
    threads : int
        Solver threads per task (0 = all cores).
    seed : int
        Solver seed.
    grace : float | None
        Seconds past the limit before a worker is killed (default max(10, time_limit / 4)).
    memory_mb : int | None
        Address-space cap per local worker in MiB; exceeding it is an error row.
    plugins : sequence of str
        Modules or ``.py`` files each worker imports first (to register extra methods).

    Returns
    -------
    list of Row
        One row per (item, method), in the order of `items`.
    """
    names = _methods(method)
    return run_pairs([(item, name) for item in items for name in names], time_limit=time_limit, workers=workers,
                     executor=executor, ray_address=ray_address, on_result=on_result, threads=threads, seed=seed,
                     grace=grace, memory_mb=memory_mb, plugins=plugins)


def run_pairs(pairs: Sequence[tuple[WorkItem, str]], time_limit: float = 10.0, workers: int | None = None,
              executor: str = "local", ray_address: str | None = None, on_result: OnResult | None = None,
              threads: int = 1, seed: int = 0, grace: float | None = None, memory_mb: int | None = None,
              plugins: Sequence[str] = ()) -> list[Row]:
    """`run_items` for explicit (item, method) pairs; rows in the order of `pairs`."""
    if time_limit <= 0:
        raise InputError(f"time limit must be positive, got {time_limit}")
    if threads < 0:
        raise InputError(f"threads must be 0 (all cores) or more, got {threads}")
    if workers is not None and workers < 1:
        raise InputError(f"workers must be at least 1, got {workers}")
    _check_methods(sorted({name for _, name in pairs}), plugins)
    results: dict[int, Row] = {}

    def emit(index: int, row: Row) -> None:
        results[index] = row
        if on_result is not None:
            on_result(row)

    for index, (item, name) in enumerate(pairs):
        if item.problem is None:
            emit(index, error_row(item, name, executor))
    jobs = [(index, Task(problem=item.problem, method=name, time_limit=time_limit, threads=threads, seed=seed,
                         plugins=tuple(plugins), memory_mb=memory_mb))
            for index, (item, name) in enumerate(pairs) if item.problem is not None]
    if jobs:
        runner = make_executor(executor, workers, threads, grace, ray_address)
        try:
            def on_outcome(index: int, outcome: dict[str, Any], wall: float) -> None:
                item, name = pairs[index]
                emit(index, make_row(item, name, outcome, wall, time_limit, runner.name))

            runner.run(jobs, on_outcome)
        finally:
            runner.close()
    return [results[index] for index in sorted(results)]


def batch(paths: Sequence[str | os.PathLike[str]], method: str | Sequence[str] = "auto", time_limit: float = 10.0,
          workers: int | None = None, executor: str = "local", ray_address: str | None = None,
          results: str | os.PathLike[str] | None = None, resume: bool = False, retry_errors: bool = False,
          threads: int = 1, seed: int = 0, grace: float | None = None, memory_mb: int | None = None,
          plugins: Sequence[str] = (), on_result: OnResult | None = None,
          on_start: Callable[[int, int], None] | None = None) -> list[Row]:
    """Solve every instance in `paths`, writing each row to `results` (SQLite) as it finishes.

    Parameters
    ----------
    paths : sequence of str or path
        Files in any format `ordino.datasets` reads, folders, glob patterns, archives, ``file#instance``.
    results : str or path, optional
        SQLite file; every row is committed as soon as it finishes, so an interrupted batch keeps its work.
        The batch holds it alone: while it runs, another batch on the same file is refused (InputError naming
        the holder's pid). A stored row that is better than a new one (`Row.rank`) is kept.
    resume : bool
        Skip (file, instance, method) keys already in `results`; their stored rows are returned as they are.
    retry_errors : bool
        With `resume`, run again keys whose stored status is error or timeout.
    on_result : callable, optional
        Called with each new result after it is committed: the Row as stored (the better stored row when the
        new one is worse).
    on_start : callable, optional
        Called once before solving with (rows to compute, rows reused from `results`).

    Other parameters are those of `run_items`.

    Returns
    -------
    list of Row
        One row per (instance, method), in file order, reused rows included, as stored in `results`.
    """
    if resume and results is None:
        raise InputError("--resume needs a --results database to resume from")
    names = _methods(method)
    store = ResultStore(results) if results is not None else None
    try:
        items = expand(paths)
        if not items:
            raise InputError("no instance files found in the given paths")
        previous = store.rows() if store is not None and resume else {}
        keep = {key: row for key, row in previous.items()
                if not (retry_errors and row.status in ("error", "timeout"))}
        wanted = [(item, name) for item in items for name in names]
        pairs = [(item, name) for item, name in wanted if (*item.key, name) not in keep]
        if on_start is not None:
            on_start(len(pairs), len(wanted) - len(pairs))
        if executor == "local" and pairs:
            message = oversubscription(workers or max(1, cores() // max(1, threads)), threads)
            if message:
                warnings.warn(message, RuntimeWarning, stacklevel=2)

        done = dict(keep)

        def record(row: Row) -> None:
            kept = store.write(row) if store is not None else row
            done[kept.key] = kept
            if on_result is not None:
                on_result(kept)

        if pairs:
            run_pairs(pairs, time_limit=time_limit, workers=workers, executor=executor, ray_address=ray_address,
                      on_result=record, threads=threads, seed=seed, grace=grace, memory_mb=memory_mb,
                      plugins=plugins)
    finally:
        if store is not None:
            store.close()
    return [done[(*item.key, name)] for item, name in wanted]
