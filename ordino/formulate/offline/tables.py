"""Tables pasted in the text: a header row of column names and rows of values, or bare number grids."""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Callable
from fractions import Fraction

from ordino.formulate.offline.facts import Facts, Precedence
from ordino.formulate.offline.text import (
    BLANK,
    JOB_NOUN,
    JOB_REF,
    MACHINE_NOUN,
    NUM,
    TIME,
    Rewriting,
    Work,
    job_name,
    machine_name,
    runs_of_lines,
    singular,
    time_values,
)
from ordino.formulate.offline.units import UNIT_PATTERN, TimeVal, whole_units

HEADER_WORDS: list[tuple[str, str]] = [
    (r"job|jobs|id|task|tasks|name|order|activity|act|#|no\.?|nr|item|part|product|j|i|lot|batch|piece|load|run|"
     r"garment|board|sample|test|print|step_name|\w+_id|code|ref|"
     r"[a-z]+_(?:job|task|order|item|part|product|lot|batch|load|run|sample)s?", "label"),  # ('material batch')
    (r"p|pj|p_j|proc|processing|processing_time|duration|dur|time|pt|length|days|hours|minutes|mins|hrs", "p"),
    (r"d|dj|d_j|due|due_date|duedate|dd|due_time|promised|promised_by|pickup|pick-up|collection|(?:\w+_)?needed_by|"
     r"wanted_by|"
     r"(?:\w+_)?cut_?off",
     "due"),
    (r"r|rj|r_j|release|released|release_date|ready|ready_time|arrival|arrival_time|arrives|arrives_at(?:_\w+)?|"
     r"available", "release"),
    (r"w|wj|w_j|weight|priority|priority_weight|importance|penalty|late_penalty|penalty_if_late", "weight"),
    (r"deadline|dl|latest", "deadline"),
    (r"setup|set-up|setup_time|changeover", "setup"),
    (r"m\d+|machine_?\d+|p_?\d+(?:_?j)?|stage_?\d+", "machine"),
    (r"pred|preds|predecessors?|after|depends_on|requires|prerequisites?|follows?|must_follow|wait|waits|wait_for",
     "preds"),
    (r"succ|succs|successors?|followed_by", "succs"),
    (r"demand|demands|usage|use|uses|req|requirement|need|needs|units|resource|res|r_?\d*_?demand|q|qj|q_j", "res:?"),
    (r"op|operation|step|step_no|op_no|seq", "op"),
    (r"description|desc|details|notes?|what|vehicle|customer|client|model|make|colou?r|material", "note"),
    (r"route|routing|operations|ops|path", "route"),
    (r"eligible|options?|alternatives?|choices?|options_?(?:minutes|hours|mins|h)?|allowed|allowed_\w+|eligible_\w+|"
     r"can_use|machines_allowed", "alts"),
    (r"step_?\d+|op(?:eration)?_?\d+|(?:test|stage|task)_\d+", "step"),
]
RULE_LINE = re.compile(r"^[\s|:+-]*-{2,}[\s|:+-]*$")
"""A markdown table's rule under its header ('|---|:---:|')."""
_ORDINAL = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4, "5th": 5,
            "fifth": 5, "6th": 6, "sixth": 6}
_PHRASES: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
            (r"\b(step|op|operation)\s*(\d+)\s+(?:options|alternatives|choices|machines)\b", r"\1_\2"),  # 'Op1 options'
            (r"\b(step|op|operation|stage)\s+(\d+)\b", r"\1_\2"),
            (rf"\b({'|'.join(_ORDINAL)})\s+(step|op|operation|stage)\b",  # '2nd operation': 'operation_2'
             lambda m: f"{m.group(2)}_{_ORDINAL[m.group(1)]}"),
            (r"due dates?", "due_date"), (r"processing times?", "processing_time"), (r"release (?:dates?|times?)",
             "release_date"), (r"ready times?", "ready_time"), (r"machine\s+(\d+)", r"m\1"),
            (r"depends on", "depends_on"),
            (r"\b(?:(?:can|may)\s+)?(?:only\s+)?(?:start|begin)s?\s+(?:only\s+)?after\b|\b(?:must\s+)?comes?\s+after\b",
             "after"),  # 'can only start after': the predecessors' column
            (r"penalty per (?:day|hour|minute|week) late", "late_penalty"),
            (r"\bp\s*\(\s*(m\d+)\s*\)|\bp_(m\d+)\b", r"\1\2"),  # 'p(M1)'
            (r"\b(?:time|duration|processing\s+time)\s+(?:on|at|in)\s+(?:the\s+)?(?=\w+\s*\d)", ""),  # 'Time on M 1'
            (r"\((?:in\s+)?" + UNIT_PATTERN + r"\)", "")]


def _cells(line: str, commas: bool = True, semicolons: bool = True) -> list[str]:
    """Cells split by '|', else by ',' (CSV), else by white space (a ', ' inside a cell keeps it whole); a cell of
    dashes ('--', '---') is one dash, as a blank mark."""
    return [re.sub(r"^-{2,3}$", "-", c) for c in _split_cells(line, commas, semicolons)]


def _split_cells(line: str, commas: bool, semicolons: bool) -> list[str]:
    line = line.strip().strip("|").strip()
    line = re.sub(r"^[-*+]\s+", "", line)
    if "|" in line:
        return [c.strip() for c in line.split("|")]
    if semicolons and ";" in line:  # 'act: dur; demand; preds' and 'A: 3; 2; -': the label, then cells split by ';'
        head = re.match(r"([^:;]+?)\s*:\s*", line)
        cells = [c.strip() for c in line[head.end() if head else 0:].split(";")]
        if cells and re.fullmatch(r"[^,]+(?:,[^,]+)+", cells[-1]) and not re.search(r"pred|after|depend|follow",
                                                                                   cells[-1]):
            cells[-1:] = [c.strip() for c in cells[-1].split(",")]  # '...; workers, crane' over '...; 2, 0'
        return [head.group(1), *cells] if head else cells
    if commas and "," in line:  # CSV: a quoted cell keeps its commas ('F,1,"C,D"')
        return [c.strip() for c in next(csv.reader([line], skipinitialspace=True))]
    line = re.sub(r"\s*,\s*", ",", line)
    line = re.sub(rf"(\d)\s+({UNIT_PATTERN})\b(?![,/&]\w)", r"\1\2", line)  # '90 min' is one cell; '2 D,E' is two
    return [c.strip() for c in line.split() if c.strip()]


UNIT_WORD = r"hours?|hrs?|h|minutes?|mins?|days?|d|weeks?|wks?|in"
"""Words of a column's name that only give its unit ('due hour', 'time in minutes')."""
_STATION_ID = rf"(?!{JOB_NOUN}|j\d|t\d|p\d)[a-z]{{1,4}}-?\d+"
"""A column named by a short id ('S1', 'F2', 'CNC3'): a machine, never a job ('job1', 'J2', 'P3')."""
_SHORT_STATION = r"[a-z][a-z]?[&+/][a-z][a-z]?"
"""A station named by a short pair of letters ('P&P', 'QA/QC')."""
_CREW_WORDS = {"crew", "staff", "people", "persons", "heads", "headcount", "team", "workers", "hands", "men"}
"""Column names that count the people a task needs: the one resource of people the text has."""


_HEADER_PATTERNS = [(re.compile(p), r) for p, r in HEADER_WORDS]


@functools.lru_cache(maxsize=1024)
def role_of(cell: str) -> str | None:
    """The column role of one header word (None when unknown)."""
    return next((r for p, r in _HEADER_PATTERNS if p.fullmatch(cell)), None)


def _header(line: str, resources: dict[str, int], needed: frozenset[str] = frozenset(),
            described: frozenset[int] = frozenset()) -> list[str] | None:
    """The role of each column a header line names (None: no header); `described` are the columns whose cells
    are words, which describe the row whatever their name ('Project')."""
    text = line
    if re.search(r"[|,]", line):  # 'Run (h) | Due (h)': the unit of one cell, a column of times ('run_h')
        text = re.sub(rf"(?<=\w) ?\((?:in\s+)?({UNIT_PATTERN})\)", r"_\1", text)
    for p, r in _PHRASES:
        text = re.sub(p, r, text)
    text = re.sub(r"\b[a-z](?:_?[a-z0-9]{1,2})?\s*\(\s*(m\d+)\s*\)", r"\1", text)  # 'a_j (M1)': the column of M1
    text = re.sub(r"\s*\((?:in\s+)?(?:[$\u20ac\u00a3/a-z =:]{1,24})\)", "", text)  # '(hours from now)', '(m=t)'
    cells = _cells(text)
    if len(cells) < 2 or any(re.fullmatch(NUM, c) for c in cells) or any(c.count("(") != c.count(")") for c in cells):
        return None  # a number, or a bracket split between cells ('p_jk (rows J1..J3, cols M1 M2):'): no header
    if any(len(c.split()) > 6 for c in cells):
        return None  # a sentence split at its commas, not a column's name
    cells = [re.sub(rf"^[ \t]*(?:{UNIT_WORD}|times?|p|proc(?:essing)?(?:[_ ]times?)?|durations?)[_ ](?:on|at)[_ ]"
                    r"(?=[a-z])", "", c) for c in cells]  # 'hours_on_A', 'time on M1': the machine's column
    if "|" not in text and "options" in cells:  # 'Job Op Options machine(time)': the last words name one column
        cells = cells[:cells.index("options") + 1]
    letters = [c for c in cells[1:] if re.fullmatch(r"[a-z]", c.strip(" :")) and role_of(c.strip(" :")) is None]
    lettered = r"|[a-z]" if len(letters) >= 2 else ""  # 'job due A B C': machines named by letters
    roles = []
    for k, c in enumerate(cells):
        c = c.strip(" :").replace(" ", "_")
        role = role_of(c)
        if role is None and k > 0 and re.fullmatch(r"hours?|hrs?|minutes?|mins?|days?|weeks?|wks?", c):
            role = "p"  # 'Weeks': how long each row's task takes
        core = "_".join(w for w in c.split("_") if not re.fullmatch(UNIT_WORD, w))
        if role is None and core and core != c:  # 'run_min', 'S1_h', 'dur_weeks': a column of times
            role = role_of(core)
            if role in (None, "label") and k > 0:
                named = (re.fullmatch(_STATION_ID, core) or re.fullmatch(_NOUN_ID, core)) and \
                    singular(core) not in resources  # 'S1_h', 'line_A_min'
                role = f"station:{core}" if named else f"timed:{core}" if re.fullmatch(r"[a-z]{3,20}", core) \
                    else "p" if role == "label" else None  # 'firing_h', 'sanding_min', 'print_h': a column of times
        if role is None and k == 0 and re.fullmatch(r"[a-z][a-z-]{1,20}", c) and singular(c) not in resources \
                and not re.fullmatch(rf"{MACHINE_NOUN}|stages?|stations?", c):  # 'machine | job1 | job2': by machine
            role = "label"  # 'ticket', 'housing': the first column names the rows
        if role is None and (kth := re.fullmatch(r"(?:r|q|u|k)_?\{?[ij],?_?(\d)\}?", c)) and resources:
            index = int(kth.group(1))  # 'r_j1': what a task needs of resource 1 (the one named R1, else the first)
            numbered = [r for r in resources if r.lower() in (f"r{index}", f"r_{index}")]
            if numbered or index <= len(resources):
                role = "res:" + (numbered[0] if numbered else list(resources)[index - 1])
        if role is None and (need := re.fullmatch(r"(?:r|q|u|req|demand)_?([a-z]\w*)", c)) \
                and singular(need.group(1)) in resources:  # 'r_R', 'q_crane': what a task needs of that resource
            role = "res:" + singular(need.group(1))
        if role is None and "_" in c:  # 'proc time', 'must wait for': the roles its words agree on
            roles_of = [role_of(w) for w in c.split("_")]
            found = {r for r in roles_of if r not in (None, "label", "note")}
            if len(found) > 1:  # 'due hour': the unit's word gives no role of its own
                roles_of = [role_of(w) for w in c.split("_") if not re.fullmatch(UNIT_WORD, w)]
                found = {r for r in roles_of if r not in (None, "label", "note")}
            role = found.pop() if len(found) == 1 else "label" if set(roles_of) == {"label"} else None
            if role is None and (noun := next((w for w in c.split("_")[::-1] if singular(w) in resources), None)):
                role = "res:" + singular(noun)  # 'scissor lifts' when the lifts are a resource
            elif role is None and len(resources) == 1 and re.search(r"_(?:needed|required|used|demand|need)$", c):
                role = "res:" + next(iter(resources))  # 'crew needed' of the one resource there is
        if role == "res:?":  # 'demand' of the one resource there is
            role = f"res:{next(iter(resources))}" if len(resources) == 1 else None
            if role is None:
                return None
        if role == "machine":
            digits = re.search(r"\d+", c)
            assert digits is not None  # the header matched m<digits> or machine<digits>
            role = "machine:" + "M" + digits.group(0)
        if role is None and k > 0 and k in described:
            role = "text"
        if role is None:
            noun = c.rstrip("s")
            short = [r for r in resources if len(noun) >= 3 and r.startswith(noun)]  # 'carp' of the carpenters,
            # 'devs' of the developers
            if noun in resources or c in resources:
                role = "res:" + (noun if noun in resources else c)
            elif len(short) == 1:
                role = "res:" + short[0]
            elif noun in needed:  # 'each task needs the listed number of stagehands': a resource, capacity asked
                role = "res:" + noun
            elif len(set(resources) | needed) == 1 and k > 0 and re.fullmatch(r"[a-z]{3,20}", c) and (
                    c in _CREW_WORDS):
                role = "res:" + next(iter(set(resources) | needed))  # 'crew' of the one resource there is
            elif k > 0 and re.fullmatch(r"famil(?:y|ies)|colou?rs?|flavou?rs?|recipes?|materials?", c):
                role = "text"  # 'Family': each job's kind, for the changeovers between kinds (never 'Paint', a station)
            elif re.fullmatch(rf"[a-z][a-z-]{{2,19}}|[a-z]{{3,20}}_\d{{1,2}}|{_SHORT_STATION}|{_STATION_ID}|{_NOUN_ID}"
                              rf"{lettered}", c) or \
                    "|" in text and \
                    re.fullmatch(r"[a-z][a-z0-9_-]{1,24}", c):
                # an unknown word: a named machine, if every other column is one too
                role = "station:" + c.replace("_", " ")
            elif "|" in text and re.fullmatch(r"[a-z][a-z _/&-]{1,30}", c):
                role = "text"  # 'Vehicle / work': read only as words; a number under it leaves the row unread
            else:
                return None
        roles.append(role)
    timed = [k for k, r in enumerate(roles) if r.startswith("timed:")]  # the only one: the duration; more: stages
    beside = any(r.startswith("station:") for r in roles)  # 'Cutting | Welding | Painting (minutes)': one more
    roles = [("p" if len(timed) == 1 and "p" not in roles and not beside else f"station:{r[6:]}")
             if r.startswith("timed:") else r for r in roles]
    if roles.count("p") > 1:
        return None  # two columns of durations: which is the job's is asked
    stations_named = [k for k, r in enumerate(roles) if r.startswith("station:")]
    if stations_named and roles[0] == "label":  # 'Order | Ready | Print | Bind | Pack': a word among named stations
        roles = [f"station:{cells[k].strip(' :')}" if r == "label" and k > 0 and re.fullmatch(
            r"[a-z][a-z-]{2,19}", cells[k].strip(" :")) else r for k, r in enumerate(roles)]
    if roles.count("label") > 1:  # 'ID | Activity | Days': the first names the row, the others describe it
        first = roles.index("label")
        roles = [r if r != "label" or i == first else "note" for i, r in enumerate(roles)]
    if "text" in roles and "label" not in roles:
        return None
    stations = [r for r in roles if r.startswith("station:")]
    allowed = ("label", "op", "due", "release", "weight", "deadline", "text", "note", *stations,
               *(r for r in roles if r.startswith("machine:")))
    numbered = [r for r in roles if r.startswith("machine:")]  # 'Mill-1 | Mill-2 | Haas VF-2': two named M1, M2
    if stations and (len(stations) + len(numbered) < 2 or any(r not in allowed for r in roles)):
        return None
    if stations:
        roles = [f"machine:{r[8:]}" if r.startswith("station:") else r for r in roles]
    if sum(r != "label" for r in roles) == 0:
        return None
    return roles


_ROUTE_PAIR = re.compile(rf"\(?\s*(?P<m>m\d+|machine\s*\d+)\s*[:=(/,]?\s*(?P<t>{NUM}\s*(?:{UNIT_PATTERN})?)\s*\)?")
"""One step of a route cell ('M1:2, M2:3, M3:1', 'M2 (4) > M1 (3)')."""
_NOUN_ID = rf"(?:{MACHINE_NOUN})_(?:[a-z]|\d+)"
"""A machine's column named by its kind and a letter or number ('station_A', 'press_2')."""
_STATION = r"m\d+|machine\s*\d+|(?:[^\W\d_]|\d[a-z](?![a-z]))(?:(?!\bor\b)[\w -]){0,24}?"
"""A machine's name in a step's cell ('3D printer' too): never holding the word 'or', which lists the machines a
step may use."""
_STEP_CELL = re.compile(rf"^\(?\s*(?P<m>{_STATION})\s*(?:/|:|,|\s|\()\s*(?P<t>{NUM}\s*(?:{UNIT_PATTERN})?)\s*\)?$|"
                        rf"^(?P<t2>{NUM}\s*(?:{UNIT_PATTERN})?)\s*(?:on|@|/)\s*(?P<m2>{_STATION})$", re.IGNORECASE)
"""A route step's cell: 'M2 / 4', 'Lathe, 5', 'mill (3 h)', '4 on M1', '(M1, 5)'."""


_SPEC_LINE = re.compile(r"(?im)^[ \t]*\(?[ \t]*(?P<label>jobs?|tasks?|activit(?:y|ies)|ids?|[ij#])[ \t]*:[ \t]*"
                        r"(?P<cols>[^\n,:/]+(?:[,/][^\n,:/]+)+?)[ \t]*\)?[ \t]*:?[ \t]*$")
"""A line naming the fields of the records below it: 'job: r, p(M1), p(M2), d', '(i: dur, demand, preds)'."""

_SPEC_RECORD = re.compile(r"[ \t]*(?P<n>[\w-]{1,12})[ \t]*:[ \t]*(?P<v>[^\n:]+?)[ \t]*$")


_CSV_ROW = re.compile(r"(?m)^[ \t]*(?P<cells>[^,\n|]*(?:,[^,\n|]*){2,})[ \t]*$")
_CSV_HEADER_CELL = re.compile(r"[a-z][a-z_ ]{0,30}[a-z]?(?:\s*\([a-z ]{1,12}\))?", re.IGNORECASE)


def csv_as_tables(rw: Rewriting) -> None:
    """Comma-separated rows under a header of field names ('job,run_min,ready,due' then 'Flange-12,55,06:00,07:30')
    written as a table with '|' between cells, for the table readers. A block is three
    lines or more in a row, each with as many cells as its header, and no sentence among them."""
    for run in reversed(runs_of_lines(rw.text, list(_CSV_ROW.finditer(rw.text)))):
        header = [c.strip() for c in run[0]["cells"].split(",")]
        body = [[c.strip() for c in m["cells"].split(",")] for m in run[1:]]
        if len(body) < 2 or any(len(cells) != len(header) for cells in body) or not all(
                _CSV_HEADER_CELL.fullmatch(c) for c in header) or any(
                re.search(r"[.!?]\s", m["cells"]) for m in run):
            continue
        table = "\n".join("| " + " | ".join(cells) + " |" for cells in [header, *body])
        rw.splice(run[0].start(), run[-1].end(), table)


_BAR_LINE = re.compile(r"(?m)^[^\n|]*\|[^\n]*$")
_KEY = re.compile(r"[a-z][a-z0-9_]{0,12}", re.IGNORECASE)


def split_shared_cells(rw: Rewriting) -> None:
    """A cell of a table's header that names several columns ('r_j1 r_j2') over cells of as many numbers ('2 1'):
    one cell per column, so that each number has its own."""
    for run in reversed(runs_of_lines(rw.text, list(_BAR_LINE.finditer(rw.text)))):
        rows = [[c.strip() for c in m.group(0).split("|")] for m in run]
        body = [r for r in rows[1:] if not RULE_LINE.match("|".join(r))]
        if len(body) < 2 or any(len(r) != len(rows[0]) for r in body):
            continue
        shared = [k for k, cell in enumerate(rows[0]) if len(keys := cell.split()) >= 2 and all(
            _KEY.fullmatch(w) and re.search(r"\d|_", w) for w in keys) and all(
            len(r[k].split()) == len(keys) and all(re.fullmatch(NUM, v) for v in r[k].split()) for r in body)]
        if not shared:
            continue
        lines = []
        for r in rows:
            ruled = RULE_LINE.match("|".join(r)) is not None
            cells: list[str] = []
            for k, cell in enumerate(r):
                width = len(rows[0][k].split())
                cells += (["---"] * width if ruled else cell.split()) if k in shared else [cell]
            lines.append(" | ".join(cells).strip())
        rw.splice(run[0].start(), run[-1].end(), "\n".join(lines))


_WEIGHTED_ROW = re.compile(r"(?im)^(?P<row>[ \t]*J(?P<j>\d+)[ \t]*:[^|\n]*?)[ \t]*\|[ \t]*w(?:_?j)?[ \t]*=[ \t]*"
                           r"(?P<w>\d+(?:\.\d+)?)[ \t]*$")


def weights_after_rows(rw: Rewriting) -> None:
    """Rows that end with their job's weight ('J1: 3 4 2 5 | w=2') written as the rows and a line of the weights
    after them ('weights: 2, 1, 3'), jobs numbered 1, 2, 3 in order; left as written otherwise."""
    for run in reversed(runs_of_lines(rw.text, list(_WEIGHTED_ROW.finditer(rw.text)))):
        if len(run) < 2 or [int(m["j"]) for m in run] != list(range(1, len(run) + 1)):
            continue
        rows = "\n".join(m["row"] for m in run)
        rw.splice(run[0].start(), run[-1].end(), f"{rows}\nweights: {', '.join(m['w'] for m in run)}")


_JOBS_ROW = re.compile(r"(?im)^[ \t|]*(?:jobs?|j|orders?|tasks?)[ \t|]+"
                       r"(?P<cells>[A-Za-z]?\d{1,3}(?:[ \t|]+[A-Za-z]?\d{1,3})+)[ \t|]*$")
_LINE_AFTER = re.compile(r"\n([^\n]*)")
_VALUE_ROW = re.compile(r"[ \t|]*(?P<label>[A-Za-z][\w{}]{0,8})[ \t]*[:=|]?"
                        r"(?P<row>(?:[ \t|]+-?\d+(?:\.\d+)?)+)[ \t|]*")


def jobs_in_columns(rw: Rewriting) -> None:
    """A table with a column per job ('job 1 2 3' over rows 'p1 4 2 6', 'r 0 1 3', 'd 10 12 15'), written as a
    table with a row per job ('job | p1 | r | d'), when every row is labelled by a column name the tables know and
    has a value for every job."""
    for head in reversed(list(_JOBS_ROW.finditer(rw.text))):
        jobs = head["cells"].replace("|", " ").split()
        labels: list[str] = []
        rows: list[list[str]] = []
        end = head.end()
        for line in _LINE_AFTER.finditer(rw.text, head.end()):
            if re.fullmatch(r"[ \t|:-]*-[ \t|:-]*", line.group(1)):  # a markdown rule
                end = line.end()
                continue
            row = _VALUE_ROW.fullmatch(line.group(1))
            if row is None:
                break
            values = row["row"].replace("|", " ").split()
            label = re.sub(r"[{}]", "", row["label"])
            if len(values) != len(jobs) or role_of(label.lower()) in (None, "label"):
                labels = []
                break
            labels.append(label)
            rows.append(values)
            end = line.end()
        if len(labels) < 2 or len({x.lower() for x in labels}) != len(labels):
            continue
        table = [" | ".join(["job", *labels])] + [" | ".join([job, *(r[k] for r in rows)])
                                                  for k, job in enumerate(jobs)]
        rw.splice(head.start(), end, "\n".join(table))


def records_as_tables(rw: Rewriting) -> None:
    """Records under a line of their fields ('job: r, p(M1), d' then 'a: 0, 3, 12') written as a table, one cell per
    field, so that the table reader gives each column its meaning; a last field of predecessors takes the rest
    of its line ('e: 2, 3, b, c'). Left as written when a record has fewer values than fields."""
    for spec in reversed(list(_SPEC_LINE.finditer(rw.text))):
        written = spec.group("cols").strip()
        if spec.group(0).lstrip().startswith("(") and written.endswith(")"):  # '(i: dur, preds)': its brackets
            written = written[:-1]
        sep = "/" if "/" in written and "," not in written else ","  # 'duration / demand on R / predecessors'
        if sep == "," and "/" in written:
            continue
        cols = [c.strip() for c in _unbracketed(written).split(sep)]  # '(r_j1, r_j2)': one field each
        rows, end = [], spec.end()
        for line in re.finditer(r"\n([^\n]*)", rw.text[spec.end():]):
            record = _SPEC_RECORD.fullmatch(line.group(1))
            values = [v.strip() for v in _unbracketed(record.group("v")).split(sep)] if record else []
            if record is None or len(values) < len(cols) or (
                    len(values) > len(cols) and not re.search(r"pred|after|dep", cols[-1])):
                break
            rows.append([record.group("n"), *values[:len(cols) - 1], " ".join(values[len(cols) - 1:])])
            end = spec.end() + line.end()
        fields = [row[0] for row in rows if len(row[0]) > 2 and role_of(row[0].lower()) not in (None, "label")]
        if len(rows) >= 2 and not fields:  # ('processing: 3, 5' under 'job: J1, J2': the jobs' columns, as they stand)
            table = "\n".join(" | ".join(row) for row in [[spec.group("label"), *cols], *rows])
            rw.splice(spec.start(), end, table)


_BRACKET_SPEC = re.compile(r"(?im)\((?P<cols>[a-z][a-z_ ]{0,30}(?:\s*[,;]\s*[a-z][a-z_ ]{0,30}){1,5})\)\s*:?[ \t]*$")
"""Fields named in a bracket that ends a line: 'Activities as (duration, demand; predecessors):'."""
_BRACKET_RECORD = re.compile(r"[ \t]*(?:[-*][ \t]+)?(?P<n>[\w-]{1,12})[ \t]*:?[ \t]*\((?P<v>[^()\n]*)\)[ \t]*[.;,]?"
                             r"[ \t]*")


def bracket_records_as_tables(rw: Rewriting) -> None:
    """Records written as brackets under a bracket of their fields ('(duration, demand; predecessors):' then
    '1: (3, 2; -)', 'C (2, 2, A)') written as a table, one cell per field; a last field of predecessors takes
    the rest of its bracket ('5: (3, 2; 2, 3)'). Left as written unless every line below reads whole."""
    for spec in reversed(list(_BRACKET_SPEC.finditer(rw.text))):
        groups = [[c.strip() for c in g.split(",")] for g in spec.group("cols").split(";")]
        rows, end = [], spec.end()
        for line in re.finditer(r"\n([^\n]*)", rw.text[spec.end():]):
            record = _BRACKET_RECORD.fullmatch(line.group(1))
            cells = _bracket_cells(groups, record.group("v")) if record else None
            if record is None or cells is None:
                break
            rows.append([record.group("n"), *cells])
            end = spec.end() + line.end()
        cols = [c for g in groups for c in g]
        if len(rows) >= 2:
            table = "\n".join(" | ".join(row) for row in [["id", *cols], *rows])
            rw.splice(spec.end(), end, "\n" + table)


def _bracket_cells(groups: list[list[str]], values: str) -> list[str] | None:
    """One record's cells by the groups of fields its spec writes apart by ';' ('duration, demand; predecessors'
    over '3, 2; 1, 4'); a last field of predecessors takes the rest of its group; None when a group's count
    differs."""
    parts = values.split(";")
    if len(parts) != len(groups):
        return None
    cells: list[str] = []
    for k, (cols, part) in enumerate(zip(groups, parts, strict=True)):
        found = [v.strip() for v in part.split(",")]
        listed = k == len(groups) - 1 and re.search(r"pred|after|dep|follow", cols[-1]) is not None
        if len(found) < len(cols) or len(found) > len(cols) and not listed:
            return None
        cells += [*found[:len(cols) - 1], ", ".join(found[len(cols) - 1:])]
    return cells


def _unbracketed(cells: str) -> str:
    """Cells with the brackets that group some of them taken away ('2, (1,1), -' is '2, 1,1, -')."""
    return re.sub(r"\(([^()]*,[^()]*)\)", r"\1", cells)


_LATENESS = re.compile(r"(?i)\b(?:due|deadlines?|late|lateness|tardiness|tardy|l_?max)\b")
_RELEASES = re.compile(r"(?i)\b(?:release[sd]?|ready|arriv\w*|available from|earliest start)\b")


@functools.lru_cache(maxsize=16)
def _says(words: re.Pattern[str], text: str) -> bool:
    """Whether `text` has any of `words`: asked for each table of a text, searched once per text."""
    return words.search(text) is not None


def _d_as_duration(roles: list[str], heads: list[str], text: str) -> list[str]:
    """A column 'd' ('d_j') of a text with no due dates (no word of lateness or due dates) and no other duration is the
    duration ('task | d | r_R | preds', 'A: d=3, req=2'); else the roles as they are."""
    cells = [h.strip(" :").lower() for h in heads]
    dues = [c for c, r in zip(cells, roles, strict=False) if r == "due"]
    timed = "p" in roles or any(r.startswith("machine:") for r in roles)  # times of their own: 'd' is due
    if timed or len(cells) != len(roles) or dues not in (["d"], ["d_j"], ["dj"]) or _says(_LATENESS, text):
        return roles
    return ["p" if r == "due" else r for r in roles]


def _r_as_demand(roles: list[str], heads: list[str], text: str, resources: dict[str, int]) -> list[str]:
    """A column 'r' ('r_j') of a project with one resource and no word of release times is what each task needs
    of that resource ('j : d_j, r_j, predecessors' under 'resource R, capacity 4'); else the roles as they are."""
    cells = [h.strip(" :").lower() for h in heads]
    if len(resources) != 1 or len(cells) != len(roles) or _says(_RELEASES, text):
        return roles
    one = next(iter(resources))
    return [f"res:{one}" if r == "release" and c in ("r", "r_j", "rj") else r
            for r, c in zip(roles, cells, strict=True)]


_STAGE_CELL = re.compile(r"(?P<step>[a-z][a-z &/-]{1,30}?)\s*\(\s*(?P<m>[a-z][\w -]{0,20}?)\s*\)")
_CURRENCY = r"eur|usd|chf|gbp|jpy|sek|nok|dkk|pln|inr|aud|cad|[$\u20ac\u00a3]"
_NO_TIME = ("", "-", "\u2013", "\u2014", "x", "n/a", "na", "inf", "\u221e", "no")


_NUMBERED_HEAD = re.compile(r"(?P<step>[a-z][a-z &/]{0,30}?)[ -]*(?P<k>\d{1,2})")
"""A machine's column named by its kind and a number ('Prep Bench 2', 'GC-1')."""
_ONE_OF = re.compile(r"\bone of the (?:two|three|four|2|3|4)\b")


def _stage_heads(heads: list[str], choices: bool) -> list[tuple[str, str] | None]:
    """(step, machine) of each header cell that names one: 'Pick (Ana)'; or, where the text says a job takes
    'one of the two benches' (`choices`), columns numbered within two kinds or more ('Prep Bench 1 | Prep Bench 2 |
    GC-1 | GC-2'); None for the other cells."""
    staged = [(m.group("step"), m.group("m")) if (m := _STAGE_CELL.fullmatch(h)) else None for h in heads]
    if any(staged) or not choices:
        return staged
    numbered = [(m.group("step").strip(), h) if (m := _NUMBERED_HEAD.fullmatch(h)) else None for h in heads]
    kinds = [m[0] for m in numbered if m]
    return numbered if len(set(kinds)) >= 2 and all(kinds.count(k) >= 2 for k in kinds) else staged


def _staged(work: Work, facts: Facts, lines: list[str], offsets: list[int], i: int, choices: bool) -> int:
    """A '|' table whose columns are steps on machines ('Order | Pick (Ana) | Pick (Bo) | Pack (T1) | Cut-off'):
    each row a job whose steps, in the columns' order, may run on any machine with a time ('-', 'n/a' or nothing:
    not there); the lines read, 0 when the header is no such thing or a row is not read whole."""
    if "|" not in lines[i]:
        return 0
    heads = _cells(lines[i])
    staged = _stage_heads(heads, choices)
    named = [m[0] for m in staged if m]
    if len(named) < 3 or len(set(named)) < 2 or len(set(named)) == len(named) or any(
            m and re.fullmatch(rf"{UNIT_PATTERN}|{_CURRENCY}|in\s+\w+", m[1]) for m in staged):
        return 0  # ('Cutting (days)': a unit; 'Penalty (EUR)': a currency) some step on two machines or more
    roles: list[str | None] = []
    for k, (head, m) in enumerate(zip(heads, staged, strict=True)):
        words = re.sub(r"\s*\([^()]*\)", "", head).strip().replace(" ", "_").replace("-", "_")
        role = None if m else ("label" if k == 0 else role_of(words) or role_of(words.split("_")[-1]))
        if m is None and role not in ("label", "due", "release", "weight", "deadline"):
            return 0
        roles.append(role)
    machines = [None if m is None else machine_name(m[1]) if re.fullmatch(r"machine\s*\d+", m[1]) else
                cased_cell(work, offsets[i], lines[i], m[1]) for m in staged]  # 'GC-1' declared: 'machine 1', M1
    steps = list(dict.fromkeys(m[0] for m in staged if m))
    read: list[tuple[int, str, list[list[tuple[str, TimeVal]]], dict[str, TimeVal]]] = []
    for k in range(i + 1, len(lines)):
        if RULE_LINE.match(lines[k]):
            continue
        if "|" not in lines[k]:
            break
        cells = _cells(lines[k])
        if len(cells) != len(heads):
            return 0
        route: list[list[tuple[str, TimeVal]]] = [[] for _ in steps]
        attrs: dict[str, TimeVal] = {}
        name = ""
        for cell, role, m, machine in zip(cells, roles, staged, machines, strict=True):
            if role == "label":
                name = cased_cell(work, offsets[k], lines[k], cell)
            elif m is not None and machine is not None:
                if cell.lower() in _NO_TIME:
                    continue
                if not re.fullmatch(TIME, cell):
                    return 0
                route[steps.index(m[0])].append((machine, time_values(cell)[0]))
            elif role is not None:
                if not re.fullmatch(TIME, cell):
                    return 0
                attrs[role] = time_values(cell)[0]
        if not name or any(not op for op in route):
            return 0  # a step no machine can do: asked
        read.append((k, name, route, attrs))
    if len(read) < 2:
        return 0
    for k, name, route, attrs in read:
        facts.add_job(name)
        facts.routes[name] = route
        for attr, value in attrs.items():
            facts.set_attr(name, attr, value)
        work.consume(offsets[k], offsets[k] + len(lines[k]))
    for k in range(i, read[-1][0] + 1):
        work.consume(offsets[k], offsets[k] + len(lines[k]))
    return read[-1][0] - i


def read_tables(work: Work, facts: Facts) -> None:
    """Header-and-rows tables (one row per job) and grids of numbers under a heading (times or setups)."""
    lines = work.text.split("\n")
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    i = 0
    needed = frozenset(singular(m.group(1)) for m in re.finditer(  # resources the text says tasks need
        r"\b(?:number of|needs?|requires?|uses?|ties up)\s+(?:the\s+)?(?:listed\s+)?(?:number\s+of\s+)?([a-z]+s)\b",
        work.text))
    choices = len(_ONE_OF.findall(work.text)) >= 2  # 'one of the two benches ... one of the two GCs'
    while i < len(lines):
        spec = _FORMAT.search(lines[i])  # '... Format: activity: duration; predecessors; workers, crane.'
        at = spec.end() if spec else 0
        if (used := _staged(work, facts, lines, offsets, i, choices)) > 0:
            i += used + 1
            continue
        roles = _header(lines[i][at:].rstrip(" ."), facts.capacities, needed, _described(lines, i))
        if roles is not None:
            heads = _cells(lines[i][at:].rstrip(" ."))
            roles = _r_as_demand(_d_as_duration(roles, heads, work.original), heads, work.original, facts.capacities)
            cased = work.cased[offsets[i]:offsets[i] + len(lines[i])]
            roles = [_as_written(r, cased) for r in roles]
            used = _rows(work, facts, lines, offsets, i, roles)
            if used:
                work.consume(offsets[i] + (spec.start() if spec else 0), offsets[i] + len(lines[i]))
                i += used + 1
                continue
        i += 1
    _records(work, facts, lines, offsets)
    _grids(work, facts)


def _described(lines: list[str], i: int) -> frozenset[int]:
    """The columns of the '|' table under line i whose cells are mostly words ('Stability T6', 'IPC lot 2231')."""
    if "|" not in lines[i]:
        return frozenset()
    wordy = []
    for line in lines[i + 1:i + 41]:  # the first 40 rows tell (a bound: every line of a long text is tried)
        if RULE_LINE.match(line):
            continue
        if "|" not in line:
            break
        wordy.append(_wordy_cells(line))
    width = max((len(w) for w in wordy), default=0)
    return frozenset(k for k in range(width) if 2 * sum(len(w) > k and w[k] for w in wordy) > len(wordy))


@functools.lru_cache(maxsize=64)
def _wordy_cells(line: str) -> tuple[bool, ...]:
    """Whether each cell of a table row is words rather than a number, a time or a short id (cached: the rows
    under every line of a table are looked at again)."""
    return tuple(re.search(r"[^\W\d_]{2}", c) is not None and not re.fullmatch(rf"{TIME}|[\w-]{{1,4}}", c)
                 for c in _cells(line))


_RECORD = re.compile(r"[ \t]*(?:[-*+\u2022][ \t]*)?(?P<label>[^\W_][\w'-]*(?: [\w'-]+){0,3}?)[ \t]*:[ \t]*"
                     r"(?P<body>\S.*)")
"""A line of one task's attributes by name: 'a: dur 3, R1 2, R2 1, after -', 'A: d=3, req=2, pred={}'."""
_PAIR = re.compile(r"(?P<k>[a-z][a-z0-9_]*)\s*(?:=|:|\s)\s*(?P<v>\{[^{}]*\}|\S.*)")
_KEYED_CELL = re.compile(r"(?P<k>[^\W\d_][\w ]{0,20}?)\s*:\s*(?P<v>\S.*)")
_REF_CELL = re.compile(r"[\w'-]+(?: [\w'-]+){0,3}")


def _record(line: str) -> tuple[list[str], list[str]] | None:
    """The keys and cells (its label first) of one record line; None when it is no such line. A name alone after
    a key of predecessors is one more of them ('after c, e')."""
    fields = [c.strip() for c in re.sub(r"^[ \t]*[-*+\u2022][ \t]*", "", line).split("|") if c.strip()]
    pairs = [_KEYED_CELL.fullmatch(c) for c in fields]
    if len(fields) >= 3 and all(pairs):  # 'id: A | days: 5 | editors: 2 | after: A': a key in every cell
        return [p.group("k").lower().replace(" ", "_") for p in pairs[1:] if p], [p.group("v") for p in pairs if p]
    m = _RECORD.fullmatch(line)
    if m is None:
        return None
    keys: list[str] = []
    cells = [m.group("label")]
    body = m.group("body")
    if "," not in body and ";" not in body:  # 'p1=4 p2=3 r=0 w=2': pairs apart by blanks
        body = re.sub(r"\s+(?=[a-z]\w*\s*=)", ", ", body)
    for piece in re.findall(r"(?:\{[^{}]*\}|\([^(){}]*\)|[^,;{}()])+", body):  # '(M1,4)' is one piece
        pair = _PAIR.fullmatch(piece.strip())
        if pair is not None and re.search(r"[=|]", pair.group("v")):
            return None  # 'op1: M1=4 | M2=6': the value holds pairs of its own (a route's choices), no field
        after_preds = bool(keys) and role_of(keys[-1]) == "preds"
        if pair is not None and (role_of(pair.group("k")) is not None or not after_preds):
            keys.append(pair.group("k"))
            cells.append(pair.group("v").strip().strip("{}").strip() or "-")
        elif after_preds and _REF_CELL.fullmatch(piece.strip()):
            cells[-1] += ", " + piece.strip()
        else:
            return None
    return (keys, cells) if len(keys) >= 2 else None


def _routes_by_machine(keys: list[str], following: list[str]) -> bool:
    """Whether records keyed by machines ('A: M1 6, M2 4') are followed by one with the same machines in another
    order: lines of routes, not a table."""
    rec = _record(following[0]) if following else None
    return all(re.fullmatch(r"m\d+", k) for k in keys) and rec is not None and sorted(rec[0]) == sorted(keys)


def _record_cells(line: str, keys: list[str]) -> list[str] | None:
    """The cells of a record line with these keys (None for another line)."""
    rec = _record(line)
    return rec[1] if rec is not None and rec[0] == keys else None


def _records(work: Work, facts: Facts, lines: list[str], offsets: list[int]) -> None:
    """Blocks of two or more record lines with the same keys, read as a table with those keys as its header."""
    k = 0
    while k < len(lines):
        first = _record(lines[k]) if BLANK not in lines[k] else None
        if first is None:
            k += 1
            continue
        keys = first[0]
        end = k + 1
        while end < len(lines) and (rec := _record(lines[end])) is not None and rec[0] == keys:
            end += 1
        if _routes_by_machine(keys, lines[end:end + 1]):  # 'A: M1 6, M2 4' then 'C: M2 5, M1 4': the jobs' routes,
            while end < len(lines) and _routes_by_machine(keys, lines[end:end + 1]):  # each in its own order
                end += 1
            k = end
            continue
        roles = _header(",".join(["id", *keys]), facts.capacities) if end - k >= 2 else None
        if roles is not None:
            roles = _r_as_demand(_d_as_duration(roles, ["id", *keys], work.original), ["id", *keys], work.original,
                                 facts.capacities)
            _rows(work, facts, lines, offsets, k - 1, roles, functools.partial(_record_cells, keys=keys))
        k = end


_FORMAT = re.compile(r"\b(?:format|columns?|fields?|each line|each row)\s*(?:is|are)?\s*:\s*")
"""Where a header written in a sentence starts."""


def _as_written(role: str, line: str) -> str:
    """A named station's role with its name as the header line writes it ('machine:Cut', not 'machine:cut')."""
    if not role.startswith("machine:") or re.fullmatch(r"M\d+", role[8:]):
        return role
    found = re.search(rf"(?i)(?<![^\W_]){re.escape(role[8:])}(?![^\W_])", line)  # 'S1' of 'S1_h' too
    return f"machine:{found.group(0)}" if found else role


def _pred_name(ref: str, facts: Facts) -> str:
    """The job a predecessor cell names: a number (of a numbered table), a declared name, or a label as is."""
    if ref.isdigit():
        return f"J{int(ref)}"
    if ref[0] == "j" and ref[1:].isdigit():
        return f"J{int(ref[1:])}"
    return next((k for k, v in facts.names.items() if v.lower() == ref), ref.upper() if " " not in ref else ref)


def cased_cell(work: Work, offset: int, line: str, cell: str) -> str:
    """A cell of a table's line as the user wrote it (capitals kept); the cell whole, never a word's letters ('R'
    is no 'r' of 'from \\ to')."""
    found = re.search(rf"(?<!\w){re.escape(cell)}(?!\w)", line)
    return work.cased[offset + found.start():offset + found.end()] if found else cell


_KIND_COLUMN = r"colou?rs?|finish(?:es)?|famil(?:y|ies)|paints?|flavou?rs?|recipes?|products?\s+types?|materials?"
"""A column naming each job's kind, between which changeovers are given."""


def _rows(work: Work, facts: Facts, lines: list[str], offsets: list[int], i: int, roles: list[str],
          split: Callable[[str], list[str] | None] | None = None) -> int:
    """The rows under line i, read by column roles (cells split as the header is, or by `split`): lines used."""
    if "step" in roles or "op" in roles:
        return _route_rows(work, facts, lines, offsets, i, roles)
    used = rows = 0  # lines read under the header; of them, rows of data
    heads = _cells(lines[i], commas="," in lines[i], semicolons=";" in lines[i])
    matrix: list[list[TimeVal]] = []
    pending: list[tuple[str, str]] = []  # (predecessor as written, task): resolved once every row is known
    following: list[tuple[str, str]] = []  # (task, successor as written): likewise
    labels: dict[str, str] = {}
    for k in range(i + 1, len(lines)):
        if RULE_LINE.match(lines[k]) and used == 0:
            work.consume(offsets[k], offsets[k] + len(lines[k]))
            used += 1
            continue
        raw = re.sub(JOB_REF, lambda m: job_name(m.group(0)), lines[k])
        cells = split(raw) if split else _cells(raw, commas="," in lines[i], semicolons=";" in lines[i])
        if not cells or BLANK in raw:
            break
        cells_roles = ["label", *roles] if "label" not in roles and len(cells) == len(roles) + 1 else roles
        if cells_roles[0] == "label" and cells[0].endswith(":") and not lines[i].split()[0].endswith(":"):
            break  # 'J1: 4 6' is a line of its own, no row of this header
        cells = _words_joined(cells, cells_roles)
        if cells_roles[-1] == "route" and len(cells) > len(cells_roles):  # 'P1 0 M1 4 -> M2 3': the rest is the route
            cells = [*cells[:len(cells_roles) - 1], " ".join(cells[len(cells_roles) - 1:])]
        if cells_roles[-1] in _LINKS and len(cells) > len(cells_roles):
            cells = cells[: len(cells_roles) - 1] + [", ".join(cells[len(cells_roles) - 1:])]
        if len(cells) == len(cells_roles) - 1 and cells_roles[-1] in _LINKS:
            glued = re.fullmatch(r"(\d+(?:\.\d+)?)([a-z]{1,3})", cells[-1])  # 'F 2 3 D': '3 d' was joined as 3 days,
            cells = [*cells[:-1], glued[1], glued[2]] if glued else [*cells, "-"]  # but 'D' is F's predecessor
        if len(cells) != len(cells_roles):
            break
        name = f"J{rows + 1}"
        row: list[TimeVal] = []
        routes: dict[str, list[list[tuple[str, TimeVal]]]] = {}
        preds: list[str] = []  # kept only when the whole row is read
        succs: list[str] = []
        note = None  # a description beside a numbered label ('1 | Site survey'): the task's name
        ok = True
        for cell, role in zip(cells, cells_roles, strict=True):
            if role == "label":  # 'Unload truck' kept as written; a short id ('a', 'j3') as an id
                short = re.fullmatch(r"[a-z]{1,2}\d*|J\d+", cell) is not None
                declared = next((j for j, v in facts.names.items() if v.lower() == cell and j[0] == "J"), None)
                name = declared or (f"J{int(cell)}" if cell.isdigit() else cell.upper() if short else
                                    cased_cell(work, offsets[k], lines[k], cell))  # ('101' declared as J1's name)
            elif role == "route":
                ops = [[(machine_name(m.group("m")), time_values(m.group("t"))[0])] for m in _ROUTE_PAIR.finditer(cell)]
                if not ops or _ROUTE_PAIR.sub("", cell).strip(" ,;>-") != "":
                    ops = _named_steps(cased_cell(work, offsets[k], lines[k], cell))  # 'Lathe(3) > Mill(2)'
                    ok = ok and bool(ops)
                routes[name] = ops
            elif role in _LINKS:  # names, or the numbers of a numbered label column ('4, 5')
                numbered = "label" in cells_roles and cells[cells_roles.index("label")].isdigit()
                refs = [r.lower() for r in re.split(r"\s*(?:[,;&+/]|\band\b)\s*", cell.strip().strip("{}[]() "))
                        if r and r.lower() not in ("-", "\u2013", "\u2014", "none", "na", "n/a", "n")]
                refs = [w for r in refs for w in (r.split() if re.fullmatch(r"\w{1,3}(?:\s+\w{1,3})+", r) else [r])]
                # 'D E': short ids apart by a blank
                ok = ok and (numbered or not any(r.isdigit() for r in refs))
                (preds if role == "preds" else succs).extend(refs)
            elif role in ("note", "text"):  # a number under a column of words is not read: the row is asked
                ok = ok and (role == "note" or not re.search(r"(?<![\w.])\d{1,2}(?![\w.])", cell))  # ids are words
                note = note or cell
            elif role == "alts":  # 'Lift 2, Lift 3', 'Lift 1, 2 or 3', 'M3 only': the numbered machines a job may use
                allowed = {f"M{int(d)}" for d in re.findall(r"\d+", cell)}
                listed = re.fullmatch(r"[a-z -]*\d+(?:\s*(?:,|or|and|/)\s*[a-z -]*\d+)*(?:\s+only)?", cell)
                anywhere = re.fullmatch(r"(?:any|all|either)(?:\s+[a-z]+)?", cell)  # 'any': no machine ruled out
                ok = ok and (anywhere is not None or bool(allowed) and listed is not None)
            elif not re.fullmatch(TIME, cell) and not (role.startswith("machine:") and cell in _CANNOT):
                ok = False
            elif role.startswith("res:") and whole_units(time_values(cell)[0]) is None:
                ok = False  # '1.5' of a resource: never rounded, the row is asked
        if not ok:
            break
        facts.add_job(name)
        facts.routes.update(routes)
        pending += [(p, name) for p in preds]
        following += [(name, f) for f in succs]
        if "alts" in cells_roles and allowed:
            facts.eligible[name] = allowed
        if note and re.fullmatch(r"J\d+", name) and name not in facts.names:
            facts.names[name] = cased_cell(work, offsets[k], lines[k], note)
        for cell, head in zip(cells, heads if len(heads) == len(cells) else [], strict=False):
            if re.fullmatch(_KIND_COLUMN, head):  # 'Colour': the job's kind, for changeovers between kinds
                facts.families[name] = cased_cell(work, offsets[k], lines[k], cell)
        for cell, role in zip(cells, cells_roles, strict=True):
            if role in ("label", "route", "note", "alts", "text", *_LINKS):
                continue
            if role.startswith("machine:") and cell in _CANNOT:  # '-': the job cannot run on that machine
                facts.ineligible.setdefault(name, set()).add(role.split(":")[1])
                row.append(TimeVal(Fraction(0)))  # a place in the row only, never a time (asked otherwise)
                continue
            tv = time_values(cell)[0]
            if role.startswith("machine:"):
                row.append(tv)
            elif role.startswith("res:"):
                facts.demands.setdefault(name, {})[role[4:]] = int(tv.value)  # whole: checked above
            else:
                facts.set_attr(name, role, tv)
        if row:
            matrix.append(row)
        labels[name.lower()] = name
        work.consume(offsets[k], offsets[k] + len(lines[k]))
        used += 1
        rows += 1
    if not rows:
        return 0
    facts.precedences += [Precedence(labels.get(p) or _pred_name(p, facts), then) for p, then in pending]
    facts.precedences += [Precedence(first, labels.get(f) or _pred_name(f, facts)) for first, f in following]
    if matrix:
        facts.matrix = matrix
        facts.matrix_machines = [r.split(":")[1] for r in roles if r.startswith("machine:")]
    return used


_LINKS = ("preds", "succs")
"""Columns of the tasks a row's task comes after, or before ('successors')."""
_CANNOT = ("-", "\u2013", "\u2014", "x", "n/a", "na")
"""A machine column's cell for a job that cannot run there."""


def _words_joined(cells: list[str], roles: list[str]) -> list[str]:
    """A row split at blanks with more cells than columns: the words of its one column of names joined again
    ('T1 site preparation 2 3 0 -' under 'id task days ...')."""
    extra = len(cells) - len(roles)
    named = [k for k, r in enumerate(roles) if r in ("label", "note", "text")]
    if extra <= 0 or not named:
        return cells
    k = named[-1]
    if not all(re.fullmatch(r"[^\W\d_][\w'&/-]*|[&+]", c) for c in cells[k:k + extra + 1]):  # 'windows & doors'
        return cells
    return [*cells[:k], " ".join(cells[k:k + extra + 1]), *cells[k + extra + 1:]]


_JOB_OP = re.compile(r"([a-z]+\d+)[.\-_/](\d{1,2})")
"""An operation's label that names its job and its number: 'J1.2', 'j3-1'."""


def _route_rows(work: Work, facts: Facts, lines: list[str], offsets: list[int], i: int, roles: list[str]) -> int:
    """Tables of operations: 'job | step 1 | step 2' with cells 'M2 / 4' (one route per row), or 'job | op | M1 |
    M2' with one row per operation and a time on each machine that can do it ('-': cannot)."""
    used = 0
    routes: dict[str, list[list[tuple[str, TimeVal]]]] = {}
    numbers: dict[str, list[int]] = {}  # job -> the operation numbers of its rows
    for k in range(i + 1, len(lines)):
        if RULE_LINE.match(lines[k]) and used == 0:
            work.consume(offsets[k], offsets[k] + len(lines[k]))
            used += 1
            continue
        raw = lines[k]
        cased = work.cased[offsets[k]:offsets[k] + len(raw)]
        sep = "|" if "|" in raw else "," if "," in raw and "," in lines[i] else ";" if ";" in raw and ";" in lines[i] \
            else None  # pipes, CSV, semicolons, or blanks
        cells = [c.strip() for c in raw.strip().strip("|").split(sep)] if sep else _steps_joined(raw.split(), roles)
        if roles[-1] == "alts" and len(cells) > len(roles):  # 'A  1  M1(4)  or M2(6)': the rest is one cell
            cells = cells[:len(roles) - 1] + [" ".join(cells[len(roles) - 1:])]
        written = [c.strip() for c in cased.strip().strip("|").split(sep)] if sep else \
            _steps_joined(cased.split(), roles)
        if roles[-1] == "alts" and len(written) > len(roles):  # as the cells: the rest is one cell
            written = written[:len(roles) - 1] + [" ".join(written[len(roles) - 1:])]
        if sep == "|" and "step" in roles and len(cells) < len(roles) == len(lines[i].strip().strip("|").split("|")):
            cells += [""] * (len(roles) - len(cells))  # '| WO-2 | Weld 25 | Paint 20 |': a route of two steps
            written += [""] * (len(roles) - len(written))
        row_roles = roles
        if roles[0] == "op" and "label" not in roles and cells and (op := _JOB_OP.fullmatch(cells[0])):
            row_roles = ["label", *roles]  # 'J1.2 | - | 4 | 6': job 1's operation 2 on each machine
            cells = [op.group(1), op.group(2), *cells[1:]]
            written = [written[0][:op.end(1)], op.group(2), *written[1:]]
        if BLANK in raw or len(cells) != len(row_roles) or "label" not in row_roles:
            break
        label = re.sub(JOB_REF, lambda m: job_name(m.group(0)), cells[row_roles.index("label")])
        name = f"J{int(label)}" if label.isdigit() else label.upper() if len(label) <= 3 else \
            written[row_roles.index("label")]
        options = " or ".join(w for w, r in zip(written, row_roles, strict=False) if r == "alts" and w.strip())
        ops = _step_ops(written, row_roles) if "step" in row_roles else \
            _alternatives(options) if "alts" in row_roles else _eligible(cells, row_roles)  # every column of options
        if not ops or not _job_attrs(facts, name, cells, row_roles):
            break
        routes.setdefault(name, []).extend(ops)
        if "op" in row_roles and (number := re.fullmatch(r"(?:o|op)?_?(\d)", cells[row_roles.index("op")])):
            numbers.setdefault(name, []).append(int(number.group(1)))  # '2', 'O2'; 'O12' (job 1, op 2) is left
        work.consume(offsets[k], offsets[k] + len(lines[k]))
        used += 1
    if not routes:
        return 0
    gaps = [name for name, ks in numbers.items() if ks != list(range(1, len(ks) + 1))]
    if gaps:  # 'J1 | 2 | ...' with no operation 1: a row is missing, the table is asked
        facts.unused.append(f"the operations of {', '.join(gaps)} are not numbered 1, 2, ...")
    for name, ops in routes.items():
        facts.add_job(name)
        facts.routes[name] = ops
    return used


def _job_attrs(facts: Facts, name: str, cells: list[str], roles: list[str]) -> bool:
    """A job's due date, release or weight on a row of one of its operations (blank on its other rows); False when
    a cell is not a number or differs from the job's other rows."""
    for cell, role in zip(cells, roles, strict=True):
        if role not in ("due", "release", "weight", "deadline") or not cell.strip():
            continue  # (a job given no value on any row is asked for one)
        if not re.fullmatch(TIME, cell):
            return False
        value = time_values(cell)[0]
        if facts.attrs.get(name, {}).get(role, value) != value:
            return False
        facts.set_attr(name, role, value)
    return True


def _steps_joined(cells: list[str], roles: list[str]) -> list[str]:
    """A row split at blanks whose last columns are steps: each step's words and time one cell again ('A 0 Lathe 3
    Mill 2' under 'Job Release Step 1 Step 2')."""
    first = roles.index("step") if "step" in roles else len(roles)
    after = len(roles) - first - next((k for k, r in enumerate(roles[first:]) if r != "step"), len(roles) - first)
    if len(cells) <= len(roles) or any(r == "step" for r in roles[len(roles) - after:]):
        return cells  # (the steps one run of columns; the columns after it one word each: 'due')
    groups: list[str] = []
    words: list[str] = []
    for cell in cells[first:len(cells) - after]:
        words.append(cell)
        numbered = len(words) == 2 and words[0].lower() in ("machine", "station", "stage")  # 'machine 2' is a name
        if len(words) > 1 and (re.fullmatch(TIME, cell.lower()) and not numbered or
                               re.fullmatch(rf"[^/\s]+/{TIME}", cell.lower())):  # ('machine 1/3': 'A/3' named anew)
            groups.append(" ".join(words))
            words = []
    steps = len(roles) - first - after
    return [*cells[:first], *groups, *cells[len(cells) - after:]] if not words and len(groups) == steps else cells


def _named_steps(cell: str) -> list[list[tuple[str, TimeVal]]]:
    """A route cell of named machines in order ('Lathe(3) > Mill(2) > Drill(1)', 'saw 2, then sander 3'); [] when
    a step is unreadable."""
    ops = []
    for step in re.split(r"\s*(?:->|>|\u2192|,\s*then|\bthen\b|,|;)\s*", cell.strip()):
        m = _STEP_CELL.match(step)
        if m is None:
            return []
        ops.append([_step(m)])
    return ops


def _step(m: re.Match[str]) -> tuple[str, TimeVal]:
    """The machine (as written, or its canonical id 'M2') and the time of a `_STEP_CELL` match."""
    machine = (m.group("m") or m.group("m2")).strip()
    named = machine_name(machine) if re.fullmatch(r"(?i)m\d+|machine\s*\d+", machine) else machine
    return named, time_values((m.group("t") or m.group("t2")).lower())[0]


def _step_ops(cells: list[str], roles: list[str]) -> list[list[tuple[str, TimeVal]]]:
    """The operations of one route row ('M2 / 4' per step; empty cells end the route); [] when unreadable."""
    ops = []
    for cell, role in zip(cells, roles, strict=True):
        if role != "step" or cell in ("", "-", "\u2013", "\u2014", "none", "(none)", "n/a", "(n/a)"):
            continue
        cell = re.sub(r"(?i)\b(m\d+)\s*=\s*(?=\d)", r"\1 ", cell)  # 'M1=3 or M2=4': a machine and its time
        choices = [_STEP_CELL.match(part) for part in ([cell] if _STEP_CELL.match(cell) else
                                                      re.split(r"\s+or\s+|\s*[;,]\s*", cell))]
        if not all(choices):  # 'Kiln 1: 3 h or Kiln 2: 4 h': the machines the step may use
            return []
        ops.append([_step(m) for m in choices if m is not None])
    return ops


def _alternatives(cell: str) -> list[list[tuple[str, TimeVal]]]:
    """One operation from a cell of its machines with their times ('M1 (3), M2 (4)', 'M1(4) or M2(6)')."""
    low = cell.lower()
    pairs = [(machine_name(m.group("m")), time_values(m.group("t"))[0]) for m in _ROUTE_PAIR.finditer(low)]
    rest = _ROUTE_PAIR.sub("", low)
    if pairs and re.fullmatch(r"[\s,;/|]*(?:(?:or|and)[\s,;/|]*)*", rest):
        return [pairs]
    named = [_STEP_CELL.match(part) for part in re.split(r"\s*(?:,|;|\bor\b|/)\s*", cell.strip()) if part]
    if named and all(named):  # 'Bench A 20, Bench B 25': machines named as written
        return [[_step(m) for m in named if m is not None]]
    return []


def _eligible(cells: list[str], roles: list[str]) -> list[list[tuple[str, TimeVal]]]:
    """One operation: its time on each machine column that has one ('-' or empty: not eligible)."""
    alternatives = []
    for cell, role in zip(cells, roles, strict=True):
        if role.startswith(("machine:", "station:")) and cell not in ("", "-"):  # (columns named 'M1' or 'Lathe')
            if not re.fullmatch(TIME, cell):
                return []
            alternatives.append((role.split(":")[1], time_values(cell)[0]))
    return [alternatives] if alternatives else []


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
