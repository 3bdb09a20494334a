"""FJSPLIB flexible job shop text (Brandimarte, Barnes, Dauzere-Peres, Kacem, Fattahi, Behnke, Hurink).

Format::

    n m [average machines per operation]
    (per job one line) #operations, then per operation: #options, then #options pairs `machine duration`

Machines are 1-based.
"""

from __future__ import annotations

from pathlib import Path

from ordino.datasets._text import Tokens
from ordino.datasets.build import flexible_job_shop_problem
from ordino.datasets.instance import Deferred, Instance
from ordino.errors import ModelError
from ordino.models import Problem
from ordino.models.classify import job_chains

MAX_SIZE = 100_000


def parse_fjsp(text: str, source: str, name: str = "") -> Instance:
    """Read an FJSPLIB file."""
    tok = Tokens(text, source)
    n = tok.int("number of jobs n", 1, MAX_SIZE)
    m = tok.int("number of machines m", 1, MAX_SIZE)
    first_line = tok.items[0][1]
    if not tok.at_end() and tok.line == first_line:
        tok.number("average number of machines per operation")
    jobs = []
    for j in range(1, n + 1):
        ops = []
        for k in range(1, tok.int(f"number of operations of job {j}", 1, MAX_SIZE) + 1):
            count = tok.int(f"number of machine options of job {j} operation {k}", 1, m)
            ops.append([(tok.int(f"machine of job {j} operation {k} (1..{m})", 1, m) - 1,
                         tok.int(f"duration of job {j} operation {k}", 0)) for _ in range(count)])
        jobs.append(ops)
    tok.expect_end(f"end of file after {n} jobs")
    problem = Deferred(flexible_job_shop_problem, jobs, name=name, n_machines=m, source=source)
    return Instance(name=name, problem=problem, source=source, meta={"size": (n, m)})


def write_fjsp(problem: Problem, path: str | Path | None = None) -> str:
    """FJSPLIB text of a (flexible) job shop Problem built with one machine per mode; to `path` if given."""
    chains = job_chains(problem)
    if chains is None or any(len(m.resources) != 1 for t in problem.tasks for m in t.modes) or any(
            r.kind != "machine" for r in problem.resources):
        raise ModelError(f"problem {problem.name!r} is not a (flexible) job shop with one machine per mode")
    index = problem.resource_index
    lines = [f"{len(chains)} {len(problem.resources)}"]
    for chain in chains:
        parts = [str(len(chain))]
        for tid in chain:
            modes = problem.task(tid).modes
            parts.append(str(len(modes)))
            parts.extend(f"{index[m.resources[0]] + 1} {m.duration}" for m in modes)
        lines.append(" ".join(parts))
    text = "\n".join(lines) + "\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
