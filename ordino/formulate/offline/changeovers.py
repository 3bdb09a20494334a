"""Changeovers between kinds of job given as a table, from the row's kind to the column's ('from \\ to | White | Red',
then '| White | 0 | 10 |'), each job's kind in a column of the job table ('Colour'), or the jobs themselves as the
kinds. A row whose label is no column is the machine's state at time 0 ('clean 10 10 12'); so is a kind the text
says it is 'set up for' at the start, and 'whatever goes first needs a 10 min prep' is a state of its own.

A '-' stands on the diagonal only (no changeover within a kind); a table read in part is not read at all.
"""

from __future__ import annotations

import re
from fractions import Fraction

from ordino.formulate.offline.facts import Facts
from ordino.formulate.offline.tables import RULE_LINE, cased_cell
from ordino.formulate.offline.text import Work
from ordino.formulate.offline.units import UNIT_WORDS, TimeVal

_CORNER = re.compile(r"^[ \t]*\|?[ \t]*from[ \t]*(?:\\|/|->|>)[ \t]*to[ \t]*(?P<rest>(?:\||[ \t]|,)[^\n]*)$")
_NONE = ("-", "\u2013", "\u2014")
_CAPTION = re.compile(r"\b(?:changeovers?|cleanouts?|clean-?downs?|cleaning|set-?ups?|switch\w*|rows?|columns?)\b")
_UNIT = re.compile(r"\((?:in\s+)?(min|minutes|h|hours)\)|\bin\s+(minutes|hours)\b")
_AT_START = {"at", "minute", "minutes", "0", "t", "=", "time", "the", "start", "of", "shift", "day", "is", "was",
             "already", "still", "clean", "and", "it", "line", "booth", "machine", "oven", "press", "kiln", "printer"}
"""Words of a clause that says the state at time 0 ('at minute 0 the booth is already set up for White')."""
_FIRST = re.compile(r"\b(?:whatever|whichever|the)\s+(?:\w+\s+){0,2}?(?:goes|runs|comes)\s+first\s+needs\s+an?\s+"
                    r"(?P<t>\d+)[ \t-]*(?P<u>min|minutes?|h|hours?)\s+(?:prep|setup|set-up|clean\w*)\b"
                    r"(?:[^.;\n]{0,40}?\bno\s+matter\b[^.;\n]{0,40})?")
"""'whatever batch goes first needs a 10 min prep, no matter the finish'."""


def read_changeovers(work: Work, facts: Facts) -> None:
    """Read the one table of changeovers between kinds, and the state at time 0, into `facts`."""
    lines = work.text.split("\n")
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    found = [k for k, line in enumerate(lines) if _CORNER.match(line)]
    if len(found) != 1:
        return
    k = found[0]
    read = _table(work, lines, offsets, k)
    if read is None:
        return
    table, initial, end = read
    above = k - 2 if k > 1 and not lines[k - 1].strip() else k - 1  # the caption, over a blank line or not
    caption = lines[above] if above >= 0 else ""
    unit = _UNIT.search(caption)
    written = UNIT_WORDS[unit.group(1) or unit.group(2)] if unit else None  # 'in minutes': 'min'
    facts.family_setups = {pair: TimeVal(Fraction(v), written) for pair, v in table.items()}
    facts.initial_family = initial
    first = above if above >= 0 and _CAPTION.search(caption) else k
    work.consume(offsets[first], offsets[end - 1] + len(lines[end - 1]))
    kinds = {b for _, b in table}
    _setups_from_clean(work, facts, kinds)
    for m in work.finditer(r"\bset\s+up\s+for\s+(?P<f>[\w-]+(?:\s+[\w-]+)?)"):
        said = next((f for f in kinds if f.lower() == m.group("f").lower()), None)
        if said is not None and facts.initial_family in (None, said):
            facts.initial_family = said
            start = max(work.text.rfind(c, 0, m.start()) for c in ".;:\n") + 1
            before = re.findall(r"[a-z]+|\d+|=", work.text[start:m.start()])
            work.consume(start if set(before) <= _AT_START else m.start(), m.end())  # 'at minute 0 the booth is
            # already set up for White
    prep = list(work.finditer(_FIRST.pattern))
    if len(prep) == 1 and facts.initial_family is None:
        facts.initial_family = "start"
        tv = TimeVal(Fraction(int(prep[0].group("t"))), prep[0].group("u"))
        facts.family_setups.update({("start", f): tv for f in kinds})
        work.consume(*prep[0].span())


_FROM_CLEAN = re.compile(r"(?i)\b(?:set-?up|clean\w*|prep)\s+from\s+(?:clean|idle|empty|start)\b|\binitial\s+set-?up\b")
"""A column of each job's setup that is the one from the machine's state at time 0 ('Setup from clean')."""


def _setups_from_clean(work: Work, facts: Facts, kinds: set[str]) -> None:
    """A job table's setup column said to be the setup from a clean machine, beside a table of changeovers: the
    changeover from the state at time 0 to each job's kind, no time added to every job."""
    own = {job: a["setup"] for job, a in facts.attrs.items() if "setup" in a}
    if not own:
        return
    by_name = {k.lower(): k for k in kinds}
    kind_of = {job: by_name.get((facts.families.get(job) or facts.names.get(job, job)).lower()) for job in own}
    if facts.initial_family is not None or not _FROM_CLEAN.search(work.original) or None in kind_of.values() or \
            len(set(kind_of.values())) != len(kind_of):  # a setup of each job's own as well as the changeovers, or
        # one from clean to a kind no changeover names: asked
        facts.unused.append("each job's setup beside the changeovers between jobs (a time of its own, or the "
                            "setup from the machine's state at the start?)")
        return
    facts.initial_family = "clean"
    for job, tv in own.items():
        facts.family_setups[("clean", kind_of[job] or "")] = tv
        del facts.attrs[job]["setup"]


def _table(work: Work, lines: list[str], offsets: list[int], k: int) \
        -> tuple[dict[tuple[str, str], int], str | None, int] | None:
    """(changeover by (from kind, to kind), the state at time 0 or None, the line after the table) of the table
    whose header is line k; None unless every row is read whole."""
    m = _CORNER.match(lines[k])
    assert m is not None
    mark = "|" if "|" in lines[k] else "," if "," in lines[k] else None
    heads = _split(m.group("rest"), mark)
    columns = [cased_cell(work, offsets[k], lines[k], h) for h in heads]
    if len(columns) < 2 or len({c.lower() for c in columns}) != len(columns):
        return None
    table: dict[tuple[str, str], int] = {}
    initial = None
    rows: set[str] = set()
    j = k + 1
    while j < len(lines) and RULE_LINE.match(lines[j]):
        j += 1
    while j < len(lines) and lines[j].strip():
        cells = _split(lines[j], mark)
        if len(cells) != len(columns) + 1:
            break
        label = next((c for c in columns if c.lower() == cells[0].lower()), None)
        if label is None and initial is None:  # 'clean 10 10 12': the state at time 0
            initial = source = cased_cell(work, offsets[j], lines[j], cells[0])
        elif label is None or label in rows:
            return None
        else:
            rows.add(label)
            source = label
        for column, cell in zip(columns, cells[1:], strict=True):
            if cell in _NONE and column == label:
                continue
            if not cell.isdigit():
                return None
            table[(source, column)] = int(cell)
        j += 1
    if rows != set(columns):
        return None
    return table, initial, j


def _split(line: str, mark: str | None) -> list[str]:
    """A table line's cells: between pipes or commas (`mark`), else between blanks."""
    if mark is not None:
        return [c.strip() for c in line.strip().strip(mark).split(mark)]
    return line.split()
