"""Instance generators: Taillard's (1993) job shop and flow shop, Potts & Van Wassenhove's single machine.

Taillard's generator is the portable linear congruential generator of his paper "Benchmarks for basic
scheduling problems" (EJOR 64, 1993): X_{k+1} = 16807 X_k mod (2^31 - 1), computed with Schrage's
decomposition (b = 127773, c = 2836) so it never overflows 32 bits, and
``unif(seed, low, high) = low + floor(seed / m * (high - low + 1))``.
"""

from __future__ import annotations

import math

import numpy as np

from ordino.datasets.build import job_shop_problem, single_machine_problem
from ordino.datasets.instance import Instance
from ordino.errors import InputError

_A, _B, _C, _M = 16807, 127773, 2836, 2**31 - 1


class TaillardRandom:
    """Taillard's uniform generator; `seed` is advanced in place by every draw."""

    def __init__(self, seed: int) -> None:
        if not 0 < seed < _M:
            raise InputError(f"Taillard seed must be in 1..{_M - 1}, got {seed}")
        self.seed = seed

    def unif(self, low: int, high: int) -> int:
        """One integer uniform in [low, high]."""
        k = self.seed // _B
        self.seed = _A * (self.seed % _B) - k * _C
        if self.seed < 0:
            self.seed += _M
        return low + int(self.seed / _M * (high - low + 1))


def taillard_jssp_arrays(n: int, m: int, time_seed: int, machine_seed: int) -> tuple[list[list[int]], list[list[int]]]:
    """(durations, machines 0-based) of Taillard's job shop: durations U[1,99] job by job, then each job's
    route a random permutation made by swapping position j with a uniform position in j..m."""
    times = TaillardRandom(time_seed)
    durations = [[times.unif(1, 99) for _ in range(m)] for _ in range(n)]
    order = TaillardRandom(machine_seed)
    machines = []
    for _ in range(n):
        route = list(range(m))
        for j in range(m):
            k = order.unif(j + 1, m) - 1
            route[j], route[k] = route[k], route[j]
        machines.append(route)
    return durations, machines


def taillard_pfsp_arrays(n: int, m: int, time_seed: int) -> list[list[int]]:
    """Processing times ``p[machine][job]`` of Taillard's flow shop: U[1,99], machine by machine."""
    times = TaillardRandom(time_seed)
    return [[times.unif(1, 99) for _ in range(n)] for _ in range(m)]


def _check_size(n: int, m: int) -> None:
    if not (1 <= n <= 100_000 and 1 <= m <= 10_000):
        raise InputError(f"size n={n}, m={m} out of range (1..100000 jobs, 1..10000 machines)")


def taillard_jssp(n: int, m: int, time_seed: int, machine_seed: int, name: str = "") -> Instance:
    """Taillard's job shop instance with `n` jobs and `m` machines from its two seeds."""
    _check_size(n, m)
    durations, machines = taillard_jssp_arrays(n, m, time_seed, machine_seed)
    name = name or f"tai_jssp_{n}x{m}_{time_seed}_{machine_seed}"
    problem = job_shop_problem(durations, machines, name=name, n_machines=m, source=name)
    return Instance(name=name, problem=problem, source=f"gen:taillard-jssp?n={n}&m={m}&time_seed={time_seed}"
                    f"&machine_seed={machine_seed}", meta={"time_seed": time_seed, "machine_seed": machine_seed})


def taillard_pfsp(n: int, m: int, time_seed: int, name: str = "") -> Instance:
    """Taillard's permutation flow shop instance (as a flow shop Problem) from its seed."""
    _check_size(n, m)
    p = taillard_pfsp_arrays(n, m, time_seed)
    durations = [[p[i][j] for i in range(m)] for j in range(n)]
    name = name or f"tai_pfsp_{n}x{m}_{time_seed}"
    problem = job_shop_problem(durations, [list(range(m)) for _ in range(n)], name=name, n_machines=m, source=name)
    return Instance(name=name, problem=problem, source=f"gen:taillard-pfsp?n={n}&m={m}&time_seed={time_seed}",
                    meta={"time_seed": time_seed})


def potts_van_wassenhove_arrays(n: int, tf: float, rdd: float, rng: np.random.Generator,
                                weighted: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """(p, d, w) of a Potts & Van Wassenhove instance: p ~ U[1,100], with P = sum p the due dates
    d ~ U[P(1 - TF - RDD/2), P(1 - TF + RDD/2)] (integers; may be negative), w ~ U[1,10] when weighted."""
    p = rng.integers(1, 101, size=n)
    total = int(p.sum())
    low = math.ceil(total * (1 - tf - rdd / 2))
    high = math.floor(total * (1 - tf + rdd / 2))
    d = rng.integers(low, max(low, high) + 1, size=n)
    w = rng.integers(1, 11, size=n) if weighted else None
    return p, d, w


def smtt_instance(n: int, tf: float, rdd: float, seed: int, weighted: bool = False, name: str = "") -> Instance:
    """A seeded Potts & Van Wassenhove single machine (weighted) tardiness instance."""
    if not 1 <= n <= 1_000_000:
        raise InputError(f"number of jobs n={n} out of range 1..1000000")
    if not (0 <= tf <= 1 and 0 <= rdd <= 2):
        raise InputError(f"tardiness factor TF={tf} must be in [0,1] and due date range RDD={rdd} in [0,2]")
    rng = np.random.default_rng(seed)
    p, d, w = potts_van_wassenhove_arrays(n, tf, rdd, rng, weighted)
    kind = "wt" if weighted else "t"
    name = name or f"pvw_{kind}{n}_tf{tf:g}_rdd{rdd:g}_s{seed}"
    problem = single_machine_problem(p.tolist(), d.tolist(), None if w is None else w.tolist(), name=name,
                                     source=name)
    return Instance(name=name, problem=problem, source=f"gen:smtt?n={n}&tf={tf:g}&rdd={rdd:g}&seed={seed}"
                    f"&weighted={int(weighted)}", meta={"tf": tf, "rdd": rdd, "seed": seed})
