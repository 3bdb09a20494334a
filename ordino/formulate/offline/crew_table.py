"""A project given as a table: a row per task with its duration, what it needs of each resource and its predecessors
('ID | Task | Days | Devs | QA | Predecessors', then '| T2 | Backend endpoints | 5 | 2 | 0 | T1 |'). Each resource
column is counted where the text declares it ('3 developers and 2 QA engineers', 'On site: 2 welders, 1 crane', 'a
crew of 4 workers'); a column's header may shorten the resource's name ('Devs', 'Techs').

All or nothing: every column must have a role, every cell must be read and every resource counted, or nothing is
taken. The rest of the text is left to the other readers, which ask about any number still unread.
"""

from __future__ import annotations

import re

from ordino.formulate.offline.crew import CrewRead, capacity
from ordino.formulate.offline.tables import RULE_LINE
from ordino.formulate.offline.text import TIME_SAID, Rewriting, blanked, singular, stem, time_values

_UNIT = r"days?|d|hours?|hrs?|h|weeks?|wks?|w|minutes?|mins?"
_ROLES = [
    ("id", re.compile(r"ids?|#|no\.?|nr|wps?")),
    ("name", re.compile(r"tasks?|activit(?:y|ies)|acts?|names?|steps?|jobs?|descriptions?|what")),
    ("p", re.compile(rf"(?:(?:duration|dur|time|length|p)\s*(?:\(\s*(?:in\s+)?(?P<u>{_UNIT})\s*\)|_?(?P<u3>{_UNIT}))?|"
                     rf"(?P<u2>{_UNIT})|shifts)")),  # ('Shifts': durations counted in shifts, as the text says)
    ("preds", re.compile(r"pred(?:ecessor)?s?|after|depends\s+on|dependencies|requires|prerequisites?|follows|"
                         r"preceded\s+by|must\s+follow|comes\s+after")),
    ("weight", re.compile(r"weights?|w|priority|importance")),
    ("due", re.compile(rf"due(?:\s*(?:date|day|time))?(?:\s*\(\s*(?:in\s+)?(?:{_UNIT})\s*\))?")),
]
_NONE = ("", "-", "none", "n/a")
_CREW = ("crew", "people", "persons", "staff", "workers", "headcount", "hands")
_CREW_WORDS = ["worker", "person", "people", "staff", "labourer", "laborer", "hand", "crew member"]


def read_crew_table(rw: Rewriting) -> CrewRead | None:
    """Read the project table of `rw` and the counts of its resources; the table and the counts are taken out of
    `rw`. None (and `rw` untouched) unless the table is read whole and every resource is counted."""
    block = _block(rw.text)
    if block is None:
        return None
    (start, end), rows = block
    roles = _roles(rows[0]) if len(rows[0]) <= 12 else None
    if roles is None or [r for r, _ in roles].count("p") != 1:
        return None
    outside = blanked(rw.text, [(start, end)])
    read = CrewRead()
    said: list[tuple[int, int]] = []
    nouns: dict[int, str] = {}
    words = set(re.findall(r"[a-z]{4,}", outside.lower()))
    for k, (role, head) in enumerate(roles):
        if role != "res":
            continue
        counted = _counted(head, outside, words)
        if counted is None or counted[0] in read.capacities:
            return None
        nouns[k] = counted[0]
        read.capacities[counted[0]], where = counted[1], counted[2]
        said += where
    if not nouns:
        return None  # no resource: a list of tasks, not a project
    kinds = re.search(r"(?i)\bk\s*=\s*(\d+)\b(?!\s*[-:.]?\s*\d)", outside)  # 'K = 2': the number of resources
    if kinds is not None and int(kinds.group(1)) == len(nouns):
        said.append(kinds.span())
    if not _tasks(rows[1:], roles, nouns, read):
        return None
    if any(role == "p" and head == "" and re.fullmatch(r"(?i)\s*shifts\s*", cell)
           for (role, head), cell in zip(roles, rows[0], strict=True)):
        unit = re.search(r"(?i)\bdurations?\s+(?:are\s+)?(?:given\s+)?in\s+shifts\b(?:\s*\([^()\n]*\))?", outside)
        if unit is None:
            return None  # a column of shifts: durations only when the text says so
        said.append(unit.span())
    for a, b in sorted([(start, end), *said], reverse=True):
        rw.splice(a, b, "")
    return read


def _block(text: str) -> tuple[tuple[int, int], list[list[str]]] | None:
    """The span and the rows of cells of the one table of pipes in the text (its rule lines left out)."""
    found = list(re.finditer(r"(?m)^(?:[ \t]*\|?[^\n|]*(?:\|[^\n|]*){2,}\|?|[ \t]*(?=[-+:| ]*-{3})[-+:| ]+)[ \t]*"
                             r"(?:\n|$)", text))  # rows, and rules such as '---+----'
    if not found:
        return None
    runs: list[list[re.Match[str]]] = [[found[0]]]
    for m in found[1:]:
        if m.start() == runs[-1][-1].end():
            runs[-1].append(m)
        else:
            runs.append([m])
    if len(runs) != 1 or len(runs[0]) < 4:
        return None
    rows = [[c.strip() for c in m.group(0).strip().strip("|").split("|")] for m in runs[0]
            if not RULE_LINE.match(m.group(0))]
    if any(len(r) != len(rows[0]) for r in rows):
        return None
    return (runs[0][0].start(), runs[0][-1].end()), rows


def _roles(header: list[str]) -> list[tuple[str, str]] | None:
    """(role, header) of each column: id, name, p (with its unit), preds or res; None where two columns share a
    role other than a resource."""
    out = []
    for cell in header:
        head = cell.strip().lower()
        role = next((r for r, p in _ROLES if p.fullmatch(head)), "res")
        if role == "p":
            unit = (m := _ROLES[2][1].fullmatch(head)) and (m["u"] or m["u2"] or m["u3"])
            head = unit or ""
        out.append((role, head))
    if [r for r, _ in out].count("name") == 2 and "id" not in [r for r, _ in out]:  # 'Task | Name': the first
        first = next(k for k, (r, _) in enumerate(out) if r == "name")  # is the task's id
        out[first] = ("id", out[first][1])
    kinds = [r for r, _ in out if r != "res"]
    if len(kinds) != len(set(kinds)) or "preds" not in kinds or not ({"id", "name"} & set(kinds)):
        return None
    return out


def _counted(head: str, outside: str, said: set[str]) -> tuple[str, int, list[tuple[int, int]]] | None:
    """The resource a column's header names, how many there are and where the text (whose words are `said`) says
    so ('Techs' and '2 lab technicians'); None when the text counts none of it."""
    words = [w for w in re.findall(r"[a-z][\w-]*", re.sub(r"\([^()]*\)", "", head))
             if w not in ("needed", "required", "need", "needs", "demand", "units", "no", "of", "per", "task")]
    if len(words) not in (1, 2):
        return None
    word = " ".join(singular(w) for w in words)  # 'Test rigs' of '2 test rigs' too
    forms = {word, " ".join(words), *(_CREW_WORDS if len(words) == 1 and words[0] in _CREW else ())}
    counted = capacity(outside, sorted(forms, key=len, reverse=True))
    if counted is None:  # a header that shortens the name: one counted word only ('Techs' of '2 technicians'; with
        # '2 technical reviews' counted too, which is meant is asked)
        longer = [c for w in said if len(stem(word)) >= 3 and stem(w).startswith(stem(word)) and w not in forms
                  if (c := capacity(outside, [w])) is not None]
        if len(longer) != 1:
            return None
        counted = longer[0]
    named = re.findall(r"[a-z][a-z\d]*", outside[counted[1][0][0]:counted[1][0][1]].lower())  # 'R1 = 3' of 'R1'
    if word in named or word in map(singular, named):  # 'crew' of '4 crew members': the header's word
        return word, counted[0], counted[1]
    return singular(named[-1]) if named else word, counted[0], counted[1]


def _tasks(rows: list[list[str]], roles: list[tuple[str, str]], nouns: dict[int, str], read: CrewRead) -> bool:
    """Read each row into `read` (a task by its name, else its id); False when a cell is not read."""
    kinds = [r for r, _ in roles]
    named = kinds.index("name") if "name" in kinds else kinds.index("id")
    label = kinds.index("id") if "id" in kinds else named
    names = {row[label].lower(): row[named] for row in rows}
    if len(names) != len(rows) or len({row[named] for row in rows}) != len(rows):
        return False
    unit = roles[kinds.index("p")][1]
    for row in rows:
        name = row[named]
        duration = row[kinds.index("p")]
        if not re.fullmatch(r"\d+", duration) or not re.fullmatch(r"[\w' &+,./()-]{1,60}", name) or \
                re.search(TIME_SAID, name):  # a time in the name is data
            return False
        read.durations[name] = time_values(f"{duration} {unit}" if unit else duration)[0]
        if "weight" in kinds:  # 'Weight': how much the task's finish counts in a weighted goal
            if not re.fullmatch(r"\d+(?:\.\d+)?", row[kinds.index("weight")]):
                return False
            read.weights[name] = time_values(row[kinds.index("weight")])[0]
        if "due" in kinds and row[kinds.index("due")].strip():  # a due time where the task has one
            if not re.fullmatch(r"\d+", row[kinds.index("due")].strip()):
                return False
            read.dues[name] = time_values(f"{row[kinds.index('due')].strip()} {unit}" if unit else
                                          row[kinds.index("due")])[0]
        read.demands[name] = {}
        for k, noun in nouns.items():
            cell = row[k].lower().strip()
            if not re.fullmatch(r"\d+|-|\u2013|\u2014|", cell):
                return False
            if cell.isdigit() and int(cell):
                read.demands[name][noun] = int(cell)
        refs = row[kinds.index("preds")].lower().strip()
        if refs.strip("-\u2013\u2014 ") in _NONE:
            read.after[name] = []
            continue
        pieces = [p for p in re.split(r"\s*(?:,|;|&|\band\b|\s)\s*", refs) if p]
        if any(p not in names for p in pieces):
            return False
        read.after[name] = [names[p] for p in pieces]
    return True
