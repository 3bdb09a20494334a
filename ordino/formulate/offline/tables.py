"""Tables pasted in the text: a header row of column names and rows of values, or bare number grids."""

from __future__ import annotations

import re

from ordino.formulate.offline.facts import Facts, Precedence
from ordino.formulate.offline.text import BLANK, JOB_REF, NUM, Work, job_name, time_values
from ordino.formulate.offline.units import UNIT_PATTERN, TimeVal

HEADER_WORDS: list[tuple[str, str]] = [
    (r"job|jobs|id|task|tasks|name|order|activity|#|no\.?|nr|item|part|product|j", "label"),
    (r"p|pj|p_j|proc|processing|processing_time|duration|dur|time|pt|length|days|hours|minutes|mins|hrs", "p"),
    (r"d|dj|d_j|due|due_date|duedate|dd|due_time", "due"),
    (r"r|rj|r_j|release|release_date|ready|ready_time|arrival", "release"),
    (r"w|wj|w_j|weight|priority|importance", "weight"),
    (r"deadline|dl|latest", "deadline"),
    (r"m\d+|machine_?\d+", "machine"),
    (r"pred|preds|predecessors?|after|depends_on|requires|prerequisites?|follows", "preds"),
]
_PHRASES = [(r"due dates?", "due_date"), (r"processing times?", "processing_time"), (r"release (?:dates?|times?)",
             "release_date"), (r"ready times?", "ready_time"), (r"machine\s+(\d+)", r"m\1"),
            (r"depends on", "depends_on"), (r"\((?:in\s+)?" + UNIT_PATTERN + r"\)", "")]


def _cells(line: str, commas: bool = True) -> list[str]:
    """Cells split by '|', else by ',' (CSV), else by white space (a ', ' inside a cell keeps it whole)."""
    line = line.strip().strip("|").strip()
    line = re.sub(r"^[-*+]\s+", "", line)
    if "|" in line:
        return [c.strip() for c in line.split("|")]
    if commas and "," in line:
        return [c.strip() for c in line.split(",")]
    line = re.sub(r"\s*,\s*", ",", line)
    return [c.strip() for c in line.split() if c.strip()]


def role_of(cell: str) -> str | None:
    """The column role of one header word (None when unknown)."""
    return next((r for p, r in HEADER_WORDS if re.fullmatch(p, cell)), None)


def _header(line: str, resources: dict[str, int]) -> list[str] | None:
    text = line
    for p, r in _PHRASES:
        text = re.sub(p, r, text)
    cells = _cells(text)
    if len(cells) < 2 or any(re.fullmatch(NUM, c) for c in cells):
        return None
    roles = []
    for c in cells:
        c = c.strip(" :").replace(" ", "_")
        role = next((r for p, r in HEADER_WORDS if re.fullmatch(p, c)), None)
        if role == "machine":
            digits = re.search(r"\d+", c)
            assert digits is not None  # the header matched m<digits> or machine<digits>
            role = "machine:" + "M" + digits.group(0)
        if role is None:
            noun = c.rstrip("s")
            if noun in resources or c in resources:
                role = "res:" + (noun if noun in resources else c)
            else:
                return None
        roles.append(role)
    if sum(r != "label" for r in roles) == 0:
        return None
    return roles


def read_tables(work: Work, facts: Facts) -> None:
    """Header-and-rows tables (one row per job) and grids of numbers under a heading (times or setups)."""
    lines = work.text.split("\n")
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    i = 0
    while i < len(lines):
        roles = _header(lines[i], facts.capacities)
        if roles is not None:
            used = _rows(work, facts, lines, offsets, i, roles)
            if used:
                work.consume(offsets[i], offsets[i] + len(lines[i]))
                i += used + 1
                continue
        i += 1
    _grids(work, facts)


def _rows(work: Work, facts: Facts, lines: list[str], offsets: list[int], i: int, roles: list[str]) -> int:
    used = 0
    matrix: list[list[TimeVal]] = []
    for k in range(i + 1, len(lines)):
        raw = re.sub(JOB_REF, lambda m: job_name(m.group(0)), lines[k])
        cells = _cells(raw, commas="," in lines[i])
        if not cells or BLANK in raw:
            break
        cells_roles = ["label", *roles] if "label" not in roles and len(cells) == len(roles) + 1 else roles
        if "preds" in cells_roles and len(cells) > len(cells_roles) and cells_roles[-1] == "preds":
            cells = cells[: len(cells_roles) - 1] + [" ".join(cells[len(cells_roles) - 1:])]
        if len(cells) == len(cells_roles) - 1 and cells_roles[-1] == "preds":
            cells = [*cells, "-"]
        if len(cells) != len(cells_roles):
            break
        name = f"J{used + 1}"
        row: list[TimeVal] = []
        ok = True
        for cell, role in zip(cells, cells_roles, strict=True):
            if role == "label":
                name = f"J{int(cell)}" if cell.isdigit() else cell.upper()
            elif role == "preds":
                for p in re.findall(r"[a-z]\w*", cell):
                    if p not in ("none", "na", "n"):
                        facts.precedences.append(Precedence(p.upper() if not p[1:].isdigit() or p[0] != "j"
                                                            else f"J{int(p[1:])}", "?"))
            elif not re.fullmatch(rf"{NUM}\s*(?:{UNIT_PATTERN})?", cell):
                ok = False
        if not ok:
            break
        facts.add_job(name)
        for p in facts.precedences:
            if p.then == "?":
                p.then = name
        for cell, role in zip(cells, cells_roles, strict=True):
            if role in ("label", "preds"):
                continue
            tv = time_values(cell)[0]
            if role.startswith("machine:"):
                row.append(tv)
            elif role.startswith("res:"):
                facts.demands.setdefault(name, {})[role[4:]] = int(tv.value)
            elif role == "weight":
                facts.set_attr(name, "weight", TimeVal(tv.value))
            else:
                facts.set_attr(name, role, tv)
        if row:
            matrix.append(row)
        work.consume(offsets[k], offsets[k] + len(lines[k]))
        used += 1
    if matrix and used:
        facts.matrix = matrix
        facts.matrix_machines = [r.split(":")[1] for r in roles if r.startswith("machine:")]
    return used


def _grids(work: Work, facts: Facts) -> None:
    """Lines of numbers only, under a line that says what they are (processing times or setup times)."""
    # possessive separators: with plain ones a line of n numbers and a word took 2^n steps
    row = rf"^[ \t|\-*]*(?:{JOB_REF}\s*[:|]?\s*|\w\d*\s*[:|]\s*)?(?:{NUM}\s*+(?:{UNIT_PATTERN})?[\s,;|]*+){{2,}}$"
    lines = work.text.split("\n")
    offset = 0
    k = 0
    starts = []
    for ln in lines:
        starts.append(offset)
        offset += len(ln) + 1
    while k < len(lines):
        if re.match(row, lines[k]) and k > 0:
            heading = lines[k - 1]
            j = k
            while j < len(lines) and re.match(row, lines[j]):
                j += 1
            grid = []
            for ln in lines[k:j]:
                body = re.sub(rf"^[ \t|\-*]*(?:{JOB_REF}\s*[:|]?|\w\d*\s*[:|])?", "", ln)
                grid.append(time_values(body))
            if len({len(r) for r in grid}) == 1:
                if re.search(r"setup|set-up|changeover|switch", heading):
                    facts.setup_matrix = grid
                elif re.search(r"process|times?|durations?|rows?|columns?", heading):
                    if re.search(r"rows?\s*(?:are|=|:)?\s*machines|machine[- ]major|per machine", heading):
                        grid = [list(col) for col in zip(*grid, strict=True)]
                    facts.matrix = grid
                else:
                    k = j
                    continue
                for t in range(k - 1, j):
                    work.consume(starts[t], starts[t] + len(lines[t]))
            k = j
        else:
            k += 1
