"""Single machine tardiness formats: OR-Library ``wtNN.txt`` and the JSON-lines sets of the EDDC/MDDC paper.

OR-Library ``wt40.txt``: whitespace-separated integers; per instance n processing times, n weights, n due
dates (n is not in the file: it is the number in the file name). Optimal or best values are in a separate file
(``wtopt40.txt``, ``wtopt50.txt``, ``wtbest100b.txt``), one value per instance in order.

JSON lines: one object a line with ``id``, ``processing_times``, ``due_dates`` and optionally
``optimal_total_tardiness`` (and ``weights``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ordino.datasets._text import Tokens
from ordino.datasets.build import single_machine_problem
from ordino.datasets.instance import Deferred, Instance
from ordino.errors import InputError
from ordino.models.inputs import parse_json, read_text

OPT_FILES = ("wtopt{n}.txt", "wtbest{n}b.txt", "wtbest{n}.txt")


def orlib_size(path: str | Path) -> int:
    """The number of jobs from an OR-Library file name (``wt40.txt`` -> 40)."""
    match = re.fullmatch(r"wt(\d+)", Path(path).name.split(".")[0])
    if match is None or not 1 <= int(match.group(1)) <= 100_000:
        raise InputError("cannot tell the number of jobs: name the file like 'wt40.txt' (40 jobs)", file=str(path))
    return int(match.group(1))


def orlib_opt_file(path: str | Path) -> Path | None:
    """The optimum file next to an OR-Library instance file, if there is one."""
    p = Path(path)
    n = orlib_size(p)
    for pattern in OPT_FILES:
        candidate = p.with_name(pattern.format(n=n))
        if candidate.exists():
            return candidate
    return None


def read_values(path: str | Path) -> list[int]:
    """All integers of an OR-Library optimum file."""
    tok = Tokens(read_text(path), str(path))
    values: list[int] = []
    while not tok.at_end():
        values.append(tok.int(f"value {len(values) + 1}"))
    return values


def iter_orlib_wt(path: str | Path, n: int | None = None, text: str | None = None,
                  opt_path: str | Path | None = None) -> Iterator[Instance]:
    """Instances of an OR-Library weighted tardiness file (``wt40#1``, ``wt40#2``, ... 1-based)."""
    source = str(path)
    n = orlib_size(path) if n is None else n
    tok = Tokens(read_text(path) if text is None else text, source)
    if opt_path is None and text is None:
        opt_path = orlib_opt_file(path)
    optima = read_values(opt_path) if opt_path is not None else []
    stem = Path(path).name.split(".")[0]
    exact = opt_path is not None and "opt" in Path(opt_path).name
    index = 0
    while not tok.at_end():
        index += 1
        what = f"instance {index}"
        p = [tok.int(f"processing time of job {j + 1} in {what}", 0) for j in range(n)]
        w = [tok.int(f"weight of job {j + 1} in {what}", 0) for j in range(n)]
        d = [tok.int(f"due date of job {j + 1} in {what}", 0) for j in range(n)]
        name = f"{stem}#{index}"
        problem = Deferred(single_machine_problem, p, d, w, name=name, source=f"{source}#{index}")
        best = optima[index - 1] if index <= len(optima) else None
        yield Instance(name=name, problem=problem, best_known=best, optimal=exact and best is not None,
                       source=f"{source}#{index}", meta={"size": (n, 1)})
    if optima and index != len(optima):
        raise InputError(f"{index} instances but {len(optima)} values in {opt_path}", file=source)


def iter_smtt_jsonl(path: str | Path, text: str | None = None) -> Iterator[Instance]:
    """Instances of a JSON-lines single machine file (``smtt20_800#0`` named by `id`)."""
    source = str(path)
    stem = Path(path).name.split(".")[0]
    for number, line in enumerate((read_text(path) if text is None else text).splitlines(), start=1):
        if not line.strip():
            continue
        record = parse_json(line, source, number)
        yield smtt_from_record(record, stem, source, number)


def _ints(record: dict, key: str, source: str, line: int, required: bool = True) -> list[int] | None:
    value = record.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, list) or not all(isinstance(x, int) and not isinstance(x, bool) and abs(x) <= 10**12
                                              for x in value):
        raise InputError(f"'{key}': expected a list of integers", file=source, line=line)
    return value


def smtt_from_record(record: object, stem: str, source: str, line: int) -> Instance:
    """One JSON-lines record as an Instance."""
    if not isinstance(record, dict):
        raise InputError("expected a JSON object with processing_times and due_dates", file=source, line=line)
    ident = record.get("id", line - 1)
    name = f"{stem}#{ident}"
    p = _ints(record, "processing_times", source, line)
    d = _ints(record, "due_dates", source, line)
    w = _ints(record, "weights", source, line, required=False)
    if p is None or d is None or len(p) != len(d) or not p:
        raise InputError("processing_times and due_dates must be non-empty and of equal length", file=source,
                         line=line)
    if min(p) < 0 or (w is not None and min(w, default=0) < 0):
        raise InputError("processing times and weights must be non-negative", file=source, line=line)
    problem = Deferred(single_machine_problem, p, d, w, name=name, source=f"{source}:{line}")
    best = None
    for key in ("optimal_total_weighted_tardiness", "optimal_total_tardiness", "optimum"):
        value = record.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            best = value
            break
    meta = {"size": (len(p), 1), **{k: record[k] for k in ("rdd", "tf", "RDD", "TF") if k in record}}
    return Instance(name=name, problem=problem, best_known=best, optimal=best is not None,
                    source=f"{source}#{ident}", meta=meta)
