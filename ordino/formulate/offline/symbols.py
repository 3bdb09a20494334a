"""Terse notation, one symbol per line: a symbol, '=' or ':', and its values by job, read by what the symbol is.

'p_j = (4, 7, 3)', 'd : 10 15 6', 'a_j : 4 7 2 (M1)', 'p_2j = 5 3 6', 'r_j1 : 3 2 4' (what each job needs of
resource 1), 'R = (6, 2)' and 'R1 = 4, R2 = 3' (capacities), 'E = {1→3, 2→5}' and 'Pred(4) = {1, 2}'
(precedences). A symbol's meaning comes from its letter and its index (j: one value per job; a digit: a machine or
a resource), so spacing, brackets and separators may vary freely. Each line read is consumed whole; a line whose
symbol means nothing known is left for the other readers (and, unread, for a question).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ordino.formulate.offline.facts import Facts, Precedence
from ordino.formulate.offline.text import NUM, Work, time_values
from ordino.formulate.offline.units import UNIT_PATTERN, TimeVal

_VALUES = rf"(?:\(\s*(?P<b1>[^()\n]*?)\s*\)|\[\s*(?P<b2>[^\[\]\n]*?)\s*\]|(?P<bare>{NUM}(?:[ \t,;]+{NUM})+))"
_SYMBOL_LINE = re.compile(
    r"(?m)^[ \t]*(?:[-*][ \t]+)?"
    r"(?P<sym>[a-z]{1,2}_?1[ \t]*(?:\.\.\.?|\u2026|,[ \t]*\.\.\.[ \t]*,)[ \t]*[a-z]{1,2}_?\d{1,3}|"
    r"[a-z]{1,2}(?:_?\{?[a-z0-9]{1,3}(?:,[a-z0-9]{1,2})?\}?)?|"
    r"[a-z]{1,2}\(\s*[a-z0-9]{1,3}\s*\))[ \t]*(?P<pre>\(\s*[^()\n]{1,30}\))?[ \t]*(?:=|:)[ \t]*" + _VALUES +
    r"[ \t]*(?P<note>\(\s*[^()\n]{1,30}\)|\(\s*units?\s+of\s+[^()\n]{1,80}\)|units?\s+of\s+[a-z]\b)?"
    r"[ \t]*[.;,]?[ \t]*$")
"""One symbol and its values filling a line: 'p_j = (4, 7, 3)', 'p_1..p_3 = 4, 7, 3',
'r_j1 : 3 2 4', 'b_j : 5 3 6 (M2)', 'a (Cut) = 4, 2'."""
_INLINE = re.compile(r"\b(?:processing\s+times?|durations?|due\s+dates?|weights?)\s+(?P<sym>[pdw](?:_j)?)[ \t]*=[ \t]*"
                     r"(?:\((?P<b1>[^()\n]*)\)|\[(?P<b2>[^\[\]\n]*)\])")
"""A job vector in brackets inside a sentence, after what it is: 'processing times p = (7, 5, 9), identical ...'."""
_CAPACITY = re.compile(r"\br_?\{?(?P<k>\d)\}?\s*=\s*(?P<n>\d+)\b(?![ \t]*[,;]?[ \t]*\d)")
"""'R1 = 4': resource 1's capacity (only where the text speaks of resources)."""
_CAPACITY_SAID = re.compile(r"\br_?\{?(?P<k>\d)\}?\s*(?:\(\s*|with\s+|has\s+)(?P<n>\d+)\s+units?(?:\s+available)?"
                            r"(?:\s+(?:per|each|every|a)\s+(?:day|week|hour|minute|period|month|time\s+unit))?"
                            r"(?:\s*\)|(?=\s*(?:[,.;]|and\b)))")
"""'R1 (4 units available per week)', 'R2 with 4 units': resource 1's or 2's capacity, in words."""
_ONE_NUMBER = r"\b(?!\s*[,;]?\s*\d+\s*(?:[,;.)\]]|$))"
"""After a number: it is no list's first ('R = 4, 2' is a list; 'R = 4, 8 jobs' is not)."""
_ONE_RESOURCE = re.compile(r"\b(?:one|1|(?:a\s+)?single)\s+renewable\s+resource\s*,?\s*(?:with\s+)?(?:capacity\s+)?"
                           rf"(?P<k>[a-z])\s*=\s*(?P<n>\d+){_ONE_NUMBER}"
                           r"(?:\s*\(\s*units?\s+(?:per|a|each)\s+[a-z]+\s*\))?")
"""'1 renewable resource K = 3 (units per day)', 'one renewable resource, capacity R = 4': one resource, by its
letter; a symbol of that letter by job is what each job needs of it ('k = [2, 1, 2]', 'r_j 2 3 1')."""
_ONE_RESOURCE_SAID = re.compile(r"\b(?:one|1|a\s+single)\s+renewable\s+resource\s+(?P<k>[a-z])\s*,?\s*(?:with|of)\s+"
                                rf"(?:a\s+)?capacity\s+(?:of\s+)?(?P<n>\d+){_ONE_NUMBER}")
"""'one renewable resource R with capacity 4': the same, capacity after the letter."""
_LAGGED_ARCS = re.compile(r"(?:\bs_?j\s*(?:>=|\u2265)\s*c_?i\s*\+\s*l_?\{?ij\}?\s+for\s+)?"
                          r"\(\s*i\s*,\s*j\s*,\s*l_?\{?ij\}?\s*\)\s*:?\s*"
                          r"(?P<l>(?:\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\)[ \t,;]*)+)")
"""'S_j ≥ C_i + l_ij for (i, j, l_ij): (1,3,0) (1,4,2)': precedences, each with its shortest lag."""
_ARC = re.compile(r"(?P<a>\d+)\s*(?:>|->|-->|→|,)\s*(?P<b>\d+)")
_ARCS = re.compile(r"(?m)^[ \t]*(?:e|a|arcs?|edges?|"
                   r"(?:finish-to-start\s+)?prec(?:edences?)?(?:\s+with\s+(?:zero|no)\s+lags?)?)[ \t]*(?:=|:)[ \t]*"
                   r"(?:[{\[(](?P<l>[^{}\[\]\n]*)[}\])]|(?P<bare>\d+[ \t]*>[^{}\[\]()\n]*?))"
                   r"(?:\s*,?\s*where\s+\(\s*i\s*,\s*j\s*\)\s*(?:\u2208|in)\s*e\s+means\s+s_?j\s*(?:>=|\u2265)\s*"
                   r"(?:s_?i\s*\+\s*[dp]_?i|c_?i)\b)?"
                   r"[ \t]*(?P<note>\([^()\n]{0,40}\))?[ \t]*\.?[ \t]*$")
"""'E = {1→3, 1→4}', '{(1,3), (1,4)}, where (i,j) ∈ E means S_j ≥ S_i + d_i', 'Finish-to-start precedences with
zero lag: 1→3, 1→4.' (arrows are '>' after normalising), an arc set of the precedences."""
_LINKS = re.compile(r"\b(?P<w>pred|p|succ|s)\s*\(\s*(?:job\s+)?(?P<j>\d+)\s*\)\s*=\s*\{(?P<l>[^{}\n]*)\}")
"""'Pred(4) = {1, 2}', 'Succ(1) = {3}'."""
_INDEX_RANGE = re.compile(r"\(?\b[ij]\s*=\s*1\s*(?:\.\.\.?|-|to|,\s*\.\.\.\s*,)\s*(?P<n>\d+)\b\)?")
"""'(j = 1..6)': the range of the jobs' index."""
_RESOURCE_WORDS = re.compile(r"\b(?:rcpsp|resources?|capacit(?:y|ies)|renewable)\b")
_NAMED_NOTE = re.compile(r"\(\s*(?:on\s+)?([A-Za-z][\w -]{0,20}?)\s*\)")
"""A machine named in a symbol's bracket: 'a (Cut)'."""
_MACHINE_NOTE = re.compile(r"\(\s*(?:on\s+)?(?:m|machine\s*)(?P<k>\d)\s*\)")


@dataclass
class _Line:
    """One symbol line: its symbol split into letter and index, its values, its span."""

    letter: str
    index: str
    values: list[TimeVal]
    note: str  # the bracket before or after the values ('(M1)', '(Cut)'), as written
    span: tuple[int, int]


def read_symbols(work: Work, facts: Facts) -> None:
    """Read every symbol line and the capacities, arcs and predecessor sets of terse notation into `facts`."""
    resources = bool(_RESOURCE_WORDS.search(work.text)) or facts.kind == "rcpsp"
    if facts.releases_said and facts.kind != "rcpsp" and not re.search(r"\b(?:resources?|renewable)\b", work.text):
        resources = False  # '1 | r_j | ...' with 'unit capacity machines': r1, r2 are the jobs' releases
    if resources:
        _read_capacities(work, facts)
    lines = [line for m in work.finditer(_SYMBOL_LINE.pattern) if (line := _line(m, work.cased)) is not None]
    lines += [line for m in work.finditer(_INLINE.pattern) if (line := _line(m, work.cased)) is not None]
    counts = {len(line.values) for line in lines}
    for line in lines:
        if _read_line(line, facts, resources, len(lines) > 1 and len(counts) == 1):
            work.consume(*line.span)
    _read_arcs(work, facts)
    for m in list(work.finditer(_INDEX_RANGE.pattern)):
        if int(m.group("n")) in counts:  # '(j = 1..6)' beside vectors of six: their index, said again
            work.consume(*m.span())


def _line(m: re.Match[str], cased: str) -> _Line | None:
    sym = re.sub(r"[\s{}()]", "", m.group("sym"))
    ranged = re.fullmatch(r"(?P<l>[a-z]{1,2})_?1(?:\.\.\.?|\u2026|,\.\.\.,)(?P=l)_?(?P<n>\d+)", sym)
    if ranged is not None:  # 'p_1..p_7': one value per job, as many as the last index says
        sym = f"{ranged['l']}_j"
    parts = re.fullmatch(r"(?P<l>[a-z]{1,2}?)_?(?P<i>[a-z0-9,]*)", sym)
    if parts is None:
        return None
    raw = m.group("b1") or m.group("b2") or m.groupdict().get("bare") or ""
    if re.search(r"[^\d\s,;.\-a-z]", raw) or re.search(r"[a-z]{2,}", raw):
        return None  # words or symbols among the values: a sentence, not a vector
    values = time_values(raw)
    if len(values) < 2 or ranged is not None and len(values) != int(ranged["n"]):
        return None
    note = "pre" if m.groupdict().get("pre") else "note"
    written = cased[m.start(note):m.end(note)] if m.groupdict().get(note) else ""
    return _Line(parts.group("l"), parts.group("i").replace(",", ""), values, written, m.span())


_JOB_INDEX = ("", "j", "i")
_ATTRS = {"p": "p", "t": "p", "d": "due", "w": "weight", "r": "release"}


def _read_line(line: _Line, facts: Facts, resources: bool, aligned: bool) -> bool:
    """Record one line; False when its symbol has no known meaning here."""
    letter, index = line.letter, line.index
    if letter in ("j", "i", "n") and index == "" or letter == "jo" and index == "b":
        numbers = [int(v.value) for v in line.values]
        return numbers == list(range(1, len(numbers) + 1))  # 'j : 1 2 3': the jobs' numbers
    if (on := _MACHINE_NOTE.search(line.note.lower())) is not None and index in _JOB_INDEX:
        _column(facts, int(on.group("k")), line.values)  # 'a_j : 4 7 2 (M1)'
        return True
    if letter == "p" and (k := re.fullmatch(r"(\d)j|j(\d)", index)):
        _column(facts, int(k.group(1) or k.group(2)), line.values)  # 'p_2j': times on machine 2
        return True
    if list(facts.capacities) == [letter] and index in _JOB_INDEX:  # 'k = [2, 1, 2] units of K': what each job
        return facts.set_needs(letter, line.values)  # needs of the one resource K
    if letter in ("r", "q", "u") and resources and (k := re.fullmatch(r"j?(\d)|(\d)j", index)):
        return facts.set_needs(f"r{k.group(1) or k.group(2)}", line.values)  # 'r_j1': of resource 1
    if letter == "r" and resources and index in _JOB_INDEX:
        return False  # 'R = (6, 2)': capacities, read with them
    if letter in _ATTRS and index in _JOB_INDEX:
        attr = _ATTRS[letter]
        if attr == "due" and resources and "p" not in facts.lists:
            attr = "p"  # 'd = (3, 4, 2)' of a project: the durations
        if attr in facts.lists:
            return False  # 'd' read as durations, then 'p' too: two lines for one list, left to be asked
        facts.lists[attr] = line.values
        return True
    named = _NAMED_NOTE.fullmatch(line.note)
    named = None if named is None or re.fullmatch(UNIT_PATTERN, named.group(1).lower()) else named  # '(min)'
    if letter in ("a", "b", "c") and (index in ("j", "i") or named and index == "") and aligned:
        _column(facts, "abc".index(letter) + 1, line.values)  # 'a_j, b_j': Johnson's two machines
        if named is not None and facts.matrix is not None:  # 'a (Cut) = 4, 2, 6': the machine's name
            names = [*(facts.matrix_machines or [])[:len(facts.matrix[0]) - 1], named.group(1)]
            facts.matrix_machines = names if len(names) == len(facts.matrix[0]) else None
        return True
    return False


def _column(facts: Facts, machine: int, values: list[TimeVal]) -> None:
    """Times of every job on one machine (1-based), as a column of the jobs x machines matrix."""
    rows = facts.matrix or [[] for _ in values]
    if len(rows) != len(values) or any(len(row) != machine - 1 for row in rows):
        facts.unused.append(f"the {len(values)} times on machine {machine}, which do not line up with the other "
                            f"machines' {len(rows)}")  # a time left out: asked, never a job dropped
        return
    for row, value in zip(rows, values, strict=True):
        row.append(value)
    facts.matrix = rows


def _read_capacities(work: Work, facts: Facts) -> None:
    """'R = (6, 2)' and 'R1 = 4, R2 = 3': the capacities of resources R1, R2, ..."""
    for pattern in (_ONE_RESOURCE, _ONE_RESOURCE_SAID):  # first: 'r = (2, 3, 2)' is then what each job needs of R
        for m in work.take(pattern.pattern):
            facts.capacities[m.group("k")] = int(m.group("n"))
    listed = rf"(?m)\b(?:r|cap|capacit(?:y|ies))[ \t]*(?:=|:)[ \t]*[(\[](?P<l>{NUM}(?:\s*,\s*{NUM})+)[)\]]"
    for m in list(work.finditer(listed)) if "r" not in facts.capacities else ():
        for k, n in enumerate(re.findall(r"\d+", m.group("l")), start=1):
            facts.capacities[f"r{k}"] = int(n)
        work.consume(*m.span())
    for pattern in (_CAPACITY, _CAPACITY_SAID):
        for m in work.take(pattern.pattern):
            facts.capacities[f"r{m.group('k')}"] = int(m.group("n"))


def _read_arcs(work: Work, facts: Facts) -> None:
    """'E = {1→3, 1→4}', 'Pred(4) = {1, 2}' and '(i, j, l_ij): (1,3,0) (1,4,2)' as precedences between the numbered
    jobs."""
    for m in work.take(_LAGGED_ARCS.pattern):
        for a, b, lag in re.findall(r"\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)", m.group("l")):
            gap = TimeVal(Fraction(int(lag))) if int(lag) else None
            facts.precedences.append(Precedence(f"J{a}", f"J{b}", lag=gap))
    for m in list(work.finditer(_ARCS.pattern)):
        listed = m.group("l") or m.group("bare") or ""
        arcs = _ARC.findall(listed)
        if not arcs or re.sub(r"[\s,;()]", "", _ARC.sub("", listed)):
            continue
        facts.precedences += [Precedence(f"J{a}", f"J{b}") for a, b in arcs]
        work.consume(*m.span())
    for m in list(work.finditer(_LINKS.pattern)):
        others = re.findall(r"\d+", m.group("l"))
        if re.sub(r"[\d\s,]|\bjob\b", "", m.group("l")):  # ('P(a3) = {a1}' of activities a1..a8: 'job 1')
            continue
        job = f"J{m.group('j')}"
        before = m.group("w") in ("pred", "p")
        facts.precedences += [Precedence(f"J{o}", job) if before else Precedence(job, f"J{o}") for o in others]
        work.consume(*m.span())
