"""PSPLIB project scheduling files: single-mode ``.sm`` and multi-mode ``.mm`` (Kolisch & Sprecher).

Sections read: ``jobs (incl. supersource/sink ):``, ``RESOURCES`` counts, ``PRECEDENCE RELATIONS``,
``REQUESTS/DURATIONS`` and ``RESOURCEAVAILABILITIES``. Activities become tasks ``A1..An`` (the dummy source
and sink are kept with duration 0), renewable resources ``R1..Rk``, non-renewable ones ``N1..`` (consumable).
"""

from __future__ import annotations

from ordino.datasets._text import parse_int
from ordino.datasets.build import project_problem
from ordino.datasets.instance import Deferred, Instance
from ordino.errors import InputError
from ordino.models.base import MAX_VALUE

MAX_ACTIVITIES = 100_000


class _Lines:
    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    def find(self, prefix: str, start: int = 0) -> int:
        """Index of the first line starting with `prefix` (case-insensitive, after blanks)."""
        low = prefix.lower()
        for i in range(start, len(self.lines)):
            line = self.lines[i]
            if line[:1] in ("*", "-") and not low.startswith("-"):
                continue
            if line.lstrip().lower().startswith(low):
                return i
        raise InputError(f"expected a line starting with {prefix!r}", file=self.source)

    def value_after_colon(self, index: int, what: str) -> int:
        line = self.lines[index]
        _, sep, rest = line.partition(":")
        tokens = rest.split()
        if not sep or not tokens:
            raise InputError(f"expected '{what}: <number>'", file=self.source, line=index + 1)
        return parse_int(tokens[0], what, self.source, index + 1)

    def ints(self, index: int, what: str) -> list[int]:
        tokens = self.lines[index].split()
        try:
            values = list(map(int, tokens))
        except ValueError:
            values = [parse_int(t, what, self.source, index + 1) for t in tokens]
        if values and max(map(abs, values)) > MAX_VALUE:
            raise InputError(f"{what}: number too large", file=self.source, line=index + 1)
        return values

    def rows(self, start: int) -> list[int]:
        """Indices of the data lines from `start` up to the next ``***`` line or the end."""
        out = []
        for i in range(start, len(self.lines)):
            stripped = self.lines[i].strip()
            if stripped.startswith("*"):
                break
            if stripped and not stripped.startswith("-"):
                out.append(i)
        return out


def parse_psplib(text: str, source: str, name: str = "") -> Instance:
    """Read a PSPLIB ``.sm`` or ``.mm`` file."""
    doc = _Lines(text, source)
    n = doc.value_after_colon(doc.find("jobs (incl. supersource/sink"), "number of jobs")
    if not 1 <= n <= MAX_ACTIVITIES:
        raise InputError(f"number of jobs {n} outside 1..{MAX_ACTIVITIES}", file=source)
    renewable = doc.value_after_colon(doc.find("- renewable"), "number of renewable resources")
    nonrenewable = doc.value_after_colon(doc.find("- nonrenewable"), "number of nonrenewable resources")
    if not (0 <= renewable <= 1000 and 0 <= nonrenewable <= 1000):
        raise InputError("resource counts must be in 0..1000", file=source)
    n_res = renewable + nonrenewable

    successors: list[list[int]] = [[] for _ in range(n)]
    mode_counts = [0] * n
    seen = [False] * n
    for i in doc.rows(doc.find("PRECEDENCE RELATIONS") + 2):
        values = doc.ints(i, "precedence entry")
        if len(values) < 3 or len(values) != 3 + values[2]:
            raise InputError("expected 'jobnr #modes #successors successors...'", file=source, line=i + 1)
        job, count = values[0], values[1]
        if not 1 <= job <= n or seen[job - 1] or not 1 <= count <= 1000:
            raise InputError(f"expected a new job number in 1..{n} and a mode count >= 1", file=source, line=i + 1)
        seen[job - 1] = True
        mode_counts[job - 1] = count
        for s in values[3:]:
            if not 1 <= s <= n:
                raise InputError(f"successor {s} is not a job in 1..{n}", file=source, line=i + 1)
            successors[job - 1].append(s - 1)
    if not all(seen):
        raise InputError(f"PRECEDENCE RELATIONS lists {sum(seen)} of {n} jobs", file=source)

    modes: list[list[tuple[int, list[int]]]] = [[] for _ in range(n)]
    current = -1
    for i in doc.rows(doc.find("REQUESTS/DURATIONS") + 2):
        values = doc.ints(i, "request entry")
        if len(values) == 3 + n_res:
            current = values[0] - 1
            values = values[1:]
        elif len(values) != 2 + n_res or current < 0:
            raise InputError(f"expected 'jobnr mode duration' and {n_res} demands", file=source, line=i + 1)
        if not 0 <= current < n or values[0] != len(modes[current]) + 1:
            raise InputError(f"expected job in 1..{n} with mode {len(modes[min(max(current, 0), n - 1)]) + 1}",
                             file=source, line=i + 1)
        if min(values[1:], default=0) < 0:
            raise InputError("durations and demands must be non-negative", file=source, line=i + 1)
        modes[current].append((values[1], values[2:]))
    for j in range(n):
        if len(modes[j]) != mode_counts[j]:
            raise InputError(f"job {j + 1}: {len(modes[j])} modes in REQUESTS/DURATIONS, "
                             f"{mode_counts[j]} declared in PRECEDENCE RELATIONS", file=source)

    at = doc.find("RESOURCEAVAILABILITIES") + 2
    if at >= len(doc.lines):
        raise InputError("expected a line of resource availabilities", file=source)
    avail = doc.ints(at, "resource availability")
    if len(avail) != n_res or min(avail, default=0) < 0:
        raise InputError(f"expected {n_res} non-negative resource availabilities", file=source, line=at + 1)
    problem = Deferred(project_problem, avail[:renewable], modes, successors, name=name, budgets=avail[renewable:],
                       source=source)
    return Instance(name=name, problem=problem, source=source)
