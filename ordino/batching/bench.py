"""`bench`: run methods on benchmark instances, verify every schedule, and compare with best-known values.

Rows and summary use the stable keys of DESIGN.md ("Machine-readable output"): rows
``instance, method, status, objective, best_known, gap, runtime, verified`` (plus extras), summary
``method, instances, mean_gap, max_gap, best_known_hits, proven_optimal, mean_runtime`` (plus extras; the
summary is `ordino.batching.rows.summarize`, the one batch uses). Gaps are `ordino.models.gap_percent` of the
objective to the best known value.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ordino.batching.items import WorkItem
from ordino.batching.rows import Row, Summary, summarize
from ordino.batching.run import run_items
from ordino.datasets.instance import Instance
from ordino.datasets.labels import check_labels, label_flag
from ordino.errors import InputError, ModelError, OrdinoError
from ordino.models import Result, Schedule, gap_percent
from ordino.solve import get_method, solve

CSV_COLUMNS = ["instance", "method", "status", "objective", "best_known", "lower_bound", "gap", "runtime",
               "verified", "label", "error"]


@dataclass
class BenchRow:
    """One (instance, method) run. `status` is a Result status, or "unsupported" when the method cannot
    handle the instance's problem class (then `error` says why). `runtime` is the method's own time, `wall`
    the time from start to verified result as the caller saw it."""

    instance: str
    method: str
    status: str
    objective: int | None
    best_known: int | None
    gap: float | None
    runtime: float
    verified: bool
    lower_bound: int | None = None
    bound: float | None = None
    wall: float = 0.0
    label: str = "ok"
    label_issues: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (stable keys first)."""
        return asdict(self)


@dataclass
class BenchReport:
    """All rows and the per-method summary; `interrupted` when Ctrl-C stopped the run early."""

    rows: list[BenchRow]
    summary: list[Summary]
    interrupted: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The `--json` document: ``{"rows": [...], "summary": [...], "interrupted": bool}``."""
        return {"rows": [r.to_dict() for r in self.rows], "summary": [s.to_dict() for s in self.summary],
                "interrupted": self.interrupted}


def run_one(instance: Instance, method: str, time_limit: float, workers: int = 0, seed: int = 0) -> BenchRow:
    """Solve one instance with one method; a method's failure becomes a row with status 'error'."""
    began = time.perf_counter()
    try:
        result = solve(instance.problem, method=method, time_limit=time_limit, workers=workers, seed=seed)
    except InputError:
        raise
    except ModelError as exc:
        return BenchRow(instance.name, method, "unsupported", None, instance.best_known, None, 0.0, False,
                        lower_bound=instance.lower_bound, error=str(exc))
    except OrdinoError as exc:
        return BenchRow(instance.name, method, "error", None, instance.best_known, None, 0.0, False,
                        lower_bound=instance.lower_bound, wall=time.perf_counter() - began, error=str(exc))
    assert isinstance(result, Result)  # a Problem's result
    return row_from_result(instance, method, result, wall=time.perf_counter() - began)


def row_from_result(instance: Instance, method: str, result: Result, wall: float) -> BenchRow:
    """A row from a verified Result, with gap and label checks."""
    verified = result.schedule is not None and not result.violations and result.status in ("optimal", "feasible")
    objective = result.objective if verified else None
    issues = check_labels(instance, result)
    error = None
    if result.status == "error":
        error = "; ".join([*result.log[-2:], *(v.message for v in result.violations[:3])]) or "error"
    return BenchRow(instance=instance.name, method=method, status=result.status, objective=objective,
                    best_known=instance.best_known, gap=gap_percent(objective, instance.best_known),
                    runtime=round(result.runtime, 4), verified=verified, lower_bound=instance.lower_bound,
                    bound=result.bound, wall=round(wall, 4), label=label_flag(issues),
                    label_issues=[i.message for i in issues], error=error)


def summarize_bench(rows: Sequence[BenchRow], methods: Sequence[str]) -> list[Summary]:
    """The one summary (`summarize`) of bench rows, with each method's count of label errors."""
    return [replace(s, label_errors=sum(1 for r in rows if r.method == s.method
                                        and r.label not in ("ok", "new_best_known")))
            for s in summarize(rows, methods)]


class CsvSink:
    """Appends rows to a CSV file as they finish (header written once)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            new = not path.exists() or path.stat().st_size == 0
            self.handle = path.open("a", newline="", encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write results ({exc.strerror or exc})", file=str(path)) from None
        self.writer = csv.DictWriter(self.handle, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        if new:
            self.writer.writeheader()

    def write(self, row: BenchRow) -> None:
        """Append one row and flush, so an interrupted bench keeps what it finished."""
        data = row.to_dict()
        data["gap"] = "" if row.gap is None else f"{row.gap:.4f}"
        self.writer.writerow({k: "" if v is None else v for k, v in data.items()})
        self.handle.flush()

    def close(self) -> None:
        """Close the file."""
        self.handle.close()


def bench(instances: Iterable[Instance], methods: Sequence[str], time_limit: float = 10.0, workers: int = 0,
          progress: bool = True, out: str | Path | None = None, seed: int = 0,
          on_row: Callable[[BenchRow], None] | None = None, executor: str = "inline", jobs: int | None = None,
          ray_address: str | None = None) -> BenchReport:
    """Run every method on every instance, verify every schedule, and summarize.

    Parameters
    ----------
    instances : iterable of Instance
        What to solve (e.g. ``load_suite("psplib-j30", limit=20)``).
    methods : sequence of str
        Method names from ``ordino.solve.methods()`` (or "auto").
    time_limit : float
        Seconds per run.
    workers : int
        Solver threads per run (0 = the solver's default).
    progress : bool
        Show a rich progress bar on stderr.
    out : path, optional
        CSV file the rows are appended to as they finish.
    on_row : callable, optional
        Called with each row as it finishes.
    executor : {"inline", "local", "ray"}
        "inline" runs one solve after the other in this process; "local" and "ray" use the batch executor
        (`ordino.batching.run_items`): each run in an isolated worker with a hard deadline, `jobs` at once.
    jobs : int, optional
        Runs at once with the "local" or "ray" executor (default: cores // solver threads).
    ray_address : str, optional
        An existing Ray cluster for the "ray" executor.
    """
    methods = list(methods)
    if not methods:
        raise InputError("no methods given; name at least one (see `ordino methods`)")
    for name in methods:
        if name != "auto":
            get_method(name)
    if time_limit <= 0:
        raise InputError(f"time limit must be positive, got {time_limit}")
    items = list(instances)
    sink = CsvSink(Path(out)) if out is not None else None
    rows: list[BenchRow] = []
    interrupted = False
    if executor not in ("inline", "local", "ray"):
        raise InputError(f"unknown executor {executor!r}; choose inline, local or ray")
    try:
        with _progress(progress, len(items) * len(methods)) as advance:

            def emit(row: BenchRow) -> None:
                rows.append(row)
                if sink is not None:
                    sink.write(row)
                if on_row is not None:
                    on_row(row)
                advance(f"{row.instance} / {row.method}: {row.status} {row.objective}")

            if executor == "inline":
                for instance in items:
                    for method in methods:
                        emit(run_one(instance, method, time_limit, workers, seed))
            else:
                _run_isolated(items, methods, time_limit, workers, seed, executor, jobs, ray_address, emit)
    except KeyboardInterrupt:
        interrupted = True  # keep what finished: the rows so far are in the report and the CSV
    finally:
        if sink is not None:
            sink.close()
    return BenchReport(rows=rows, summary=summarize_bench(rows, methods), interrupted=interrupted)


def _run_isolated(items: list[Instance], methods: list[str], time_limit: float, threads: int, seed: int,
                  executor: str, jobs: int | None, ray_address: str | None,
                  emit: Callable[[BenchRow], None]) -> None:
    """Run through the batch executor; each batch row becomes a bench row with the same label checks."""
    work = [WorkItem.from_instance(instance, file=f"{index}") for index, instance in enumerate(items)]

    def on_result(row: Row) -> None:
        instance = items[int(row.file)]
        status = row.status if row.status != "timeout" else "unknown"
        schedule = Schedule.model_validate_json(row.schedule) if row.verified and row.schedule else None
        result = Result(status=status, objective=row.objective, bound=row.bound, runtime=row.runtime,
                        schedule=schedule, method=row.method, log=[row.error] if row.error else [])
        bench_row = row_from_result(instance, row.method, result, row.wall)
        if row.status in ("timeout", "error"):
            bench_row = replace(bench_row, status=row.status, error=row.error or row.status)
        emit(bench_row)

    for method in methods:
        runnable = []
        for index, instance in enumerate(items):
            reason = None if method == "auto" else get_method(method).supports(instance.problem)
            if reason is None:
                runnable.append(work[index])
            else:
                emit(BenchRow(instance.name, method, "unsupported", None, instance.best_known, None, 0.0, False,
                              lower_bound=instance.lower_bound, error=f"method {method!r} cannot solve this "
                              f"problem: {reason}"))
        run_items(runnable, [method], time_limit, workers=jobs, executor=executor, ray_address=ray_address,
                  on_result=on_result, threads=threads or 1, seed=seed)


class _progress:
    """A rich progress bar on stderr (a no-op when disabled)."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled = enabled
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Callable[[str], None]:
        if not self.enabled:
            return lambda _text: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("bench"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            TextColumn("{task.description}", markup=False), console=Console(stderr=True),
                            transient=True)  # the description names the instance: printed literally
        self.bar.start()
        task = self.bar.add_task("", total=self.total)

        def advance(text: str) -> None:
            self.bar.update(task, advance=1, description=text)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
