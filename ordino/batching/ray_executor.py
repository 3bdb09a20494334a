"""The Ray executor: the same tasks as the local executor, run as Ray tasks on a local or remote cluster.

Ray is optional (``pip install 'ordino[ray]'``); it is imported only when this executor is created.
Each task has the same hard deadline as locally: at the deadline it is cancelled with ``force=True``,
which kills its worker process. A worker that dies is reported by Ray and becomes an error outcome.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ordino.batching.local import OnOutcome, default_grace
from ordino.batching.worker import Task, run_task
from ordino.errors import InputError


def import_ray() -> Any:
    """The `ray` module, or an InputError saying how to install it."""
    try:
        import ray
    except ImportError:
        raise InputError("the Ray executor needs the 'ray' package: pip install 'ordino[ray]' "
                         "(or use --executor local)") from None
    return ray


class RayExecutor:
    """Run tasks as Ray tasks.

    Parameters
    ----------
    workers : int | None
        Tasks in flight at once (default: the cluster's CPUs divided by the solver threads per task).
    address : str | None
        Address of an existing cluster (``ray start --head`` prints it; ``auto`` finds a local one);
        None starts a private local Ray runtime, shut down again by `close`.
    grace : float | None
        Seconds past each task's time limit before it is cancelled.
    threads : int
        Solver threads per task, reserved as Ray CPUs.
    """

    name = "ray"

    def __init__(self, workers: int | None = None, address: str | None = None, grace: float | None = None,
                 threads: int = 1, num_cpus: int | None = None) -> None:
        self.ray = import_ray()
        self.grace = grace
        self.cpus_per_task = max(1, threads)
        self._owned = False
        if not self.ray.is_initialized():
            kwargs: dict[str, Any] = {"address": address, "include_dashboard": False, "log_to_driver": False,
                                      "configure_logging": False}
            if address is None and num_cpus is not None:
                kwargs["num_cpus"] = num_cpus
            try:
                self.ray.init(**kwargs)
            except ConnectionError as exc:
                raise InputError(f"cannot connect to the Ray cluster at {address!r}: {exc}") from None
            self._owned = address is None
        cluster_cpus = int(self.ray.cluster_resources().get("CPU", 1))
        self.workers = workers or max(1, cluster_cpus // self.cpus_per_task)
        self._remote = self.ray.remote(run_task).options(num_cpus=self.cpus_per_task, max_retries=0)

    def _deadline(self, task: Task) -> float:
        grace = default_grace(task.time_limit) if self.grace is None else self.grace
        return task.time_limit + grace

    def run(self, jobs: Iterable[tuple[Any, Task]], on_outcome: OnOutcome) -> None:
        """Run every (tag, task); call ``on_outcome(tag, outcome, wall_seconds)`` as each ends."""
        ray = self.ray
        queue = deque(jobs)
        flight: dict[Any, tuple[Any, Task, float, float]] = {}
        try:
            while queue or flight:
                while queue and len(flight) < self.workers:
                    tag, task = queue.popleft()
                    # The memory cap is a local-process rlimit; Ray workers are shared, Ray watches memory itself.
                    ref = self._remote.remote(replace(task, memory_mb=None))
                    started = time.monotonic()
                    flight[ref] = (tag, task, started, started + self._deadline(task))
                timeout = max(0.0, min(d for *_, d in flight.values()) - time.monotonic())
                ready, _ = ray.wait(list(flight), num_returns=1, timeout=timeout)
                now = time.monotonic()
                for ref in list(flight):
                    tag, task, started, deadline = flight[ref]
                    if ref in ready:
                        outcome = self._get(ref, started)
                    elif now >= deadline:
                        ray.cancel(ref, force=True)
                        outcome = {"status": "timeout", "runtime": deadline - started,
                                   "error": f"no result within {deadline - started:.1f} s (time limit "
                                            f"{task.time_limit:g} s plus grace); Ray task cancelled"}
                    else:
                        continue
                    del flight[ref]
                    on_outcome(tag, outcome, time.monotonic() - started)
        finally:
            for ref in flight:
                with contextlib.suppress(Exception):  # best effort while unwinding
                    ray.cancel(ref, force=True)

    def _get(self, ref: Any, started: float) -> dict[str, Any]:
        ray = self.ray
        try:
            return ray.get(ref)
        except ray.exceptions.WorkerCrashedError:
            message = "Ray worker died (crash, SIGKILL, or out of memory)"
        except ray.exceptions.OutOfMemoryError:
            message = "Ray killed the worker: out of memory"
        except ray.exceptions.RayError as exc:
            message = f"Ray task failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        return {"status": "error", "error": message, "runtime": time.monotonic() - started}

    def close(self) -> None:
        """Shut down the Ray runtime if this executor started it."""
        if self._owned and self.ray.is_initialized():
            self.ray.shutdown()
            self._owned = False
