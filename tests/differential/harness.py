"""What the three differential test files share: running seeds, reporting, and choosing seeds to re-run.

Re-run chosen seeds of any profile with `ORDINO_DIFF_SEEDS=17,42 python -m pytest tests/differential -k fast -s`
(the fast tests then check those seeds instead of their own); add ORDINO_DIFF_SHRINK=1 to also print a greedily
shrunk model that fails the same way.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor

SLOW_PROCESSES = min(2, os.cpu_count() or 1)
"""Processes for the slow profiles (CI has 2 cores)."""

Check = Callable[[int, bool], tuple[list[str], Iterable[str], Iterable[str] | dict[str, str]]]


def chosen_seeds(default: Iterable[int]) -> list[int]:
    """The seeds in ORDINO_DIFF_SEEDS (comma separated) when set, else `default`."""
    given = os.environ.get("ORDINO_DIFF_SEEDS")
    return [int(s) for s in given.split(",")] if given else list(default)


def run_seeds(check: Check, seeds: Iterable[int], processes: int = 1) -> tuple[list[str], Counter, Counter]:
    """Check every seed: (all failure lines, feature tag counts, status counts as 'method:status'). With
    `processes` > 1 the seeds are checked in that many fresh processes at once (the slow profiles: each check
    is one core's work, methods run with one worker), in order."""
    shrink = os.environ.get("ORDINO_DIFF_SHRINK") == "1"
    failures: list[str] = []
    tags: Counter = Counter()
    statuses: Counter = Counter()
    seeds = list(seeds)
    if processes > 1:
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
            checked = list(pool.map(check, seeds, [shrink] * len(seeds), chunksize=10))
    else:
        checked = [check(seed, shrink) for seed in seeds]
    for lines, found, answered in checked:
        failures += lines
        tags.update(found)
        statuses.update(f"{m}:{s}" for m, s in answered.items()) if isinstance(answered, dict) \
            else statuses.update(answered)
    return failures, tags, statuses


def report(name: str, n: int, failures: list[str], tags: Counter, statuses: Counter) -> None:
    """Print the statuses and coverage; fail with every disagreement when there is any."""
    print(f"\n{name}: {n} models; statuses {dict(sorted(statuses.items()))}")
    print("coverage: " + ", ".join(f"{k}={v}" for k, v in sorted(tags.items())))
    bad = sum(line.startswith("seed") for line in failures)
    assert not failures, f"{bad} of {n} seeds disagree:\n" + "\n".join(failures)
