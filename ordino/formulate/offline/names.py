"""The names a text gives its jobs and machines ("orders A to E", "jobs Blue, Red and Green", "stations:
printing, laminating, trimming"): found first, written in the canonical form the readers know ("job 3",
"machine 2") so every later sentence about them is read, and given back to the model at the end."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ordino.formulate.offline.text import JOB_NOUN, MACHINE_NOUN, PER_ITEM, Rewriting, count_value, singular, stem
from ordino.formulate.offline.units import UNIT_PATTERN

_NOUN = rf"(?i:\b{JOB_NOUN})"
_RANGE_WORD = r"(?:-|\u2013|\u2014|\.\.\.?|\u2026|\s+to\s+|\s+through\s+|\s+thru\s+)"
_LETTER_RANGE = re.compile(rf"{_NOUN}(?P<span>\s*\(?\s*(?:(?P<a>[A-Z])\s*{_RANGE_WORD}\s*(?P<b>[A-Z])|"
                           rf"(?P<la>[a-z])\s*{_RANGE_WORD}\s*(?P<lb>[a-z]))\b\)?)")
_AFTER_NOUN = "|".join(  # 'activities a1..a8': lower-case codes after their noun
    f"(?<=[{w[0].upper()}{w[0]}]{w[1:]} )" for w in ("activities", "tasks", "jobs", "operations"))
_PREFIX_RANGE = re.compile(rf"(?P<span>\(?\s*\b(?P<p>[A-Z][A-Za-z]?|(?:{_AFTER_NOUN})[a-z])"
                           rf"(?P<a>\d+)\s*{_RANGE_WORD}\s*(?P=p)"
                           rf"(?P<b>\d+)\b\)?)")
_NAME = r"[A-Z][\w'-]{0,19}"
_NAME_LIST = re.compile(rf"{_NOUN}(?P<span>\s*(?:\(|:|\bare\b|\bcalled\b|\bnamed\b)?\s*(?P<l>{_NAME}(?:\s*,\s*"
                        rf"{_NAME})*\s*,?\s*(?i:and|&)\s+{_NAME}|{_NAME}(?:\s*,\s*{_NAME}){{2,}})\)?)")
_MACHINE_NOUN = r"(?i:\b(?:machines?|stations?|work\s*cent(?:er|re)s?|workstations?|cells?|lines?|ovens?|" \
                r"presses|press|resources?))"
_MACHINE_WORD = r"[A-Za-z][\w'-]{0,19}"
_MACHINE_LIST = re.compile(rf"{_MACHINE_NOUN}(?:[^.:;\n]{{0,40}}:|\s*(?:\(|\{{|=\s*\{{|\bare\b|\bcalled\b|\bnamed\b)|"
                           rf"\s+(?=[A-Z]\w*\s*/)|\s+(?=[A-Z][A-Za-z]{{0,5}}\d{{1,2}}\s*(?:,|\band\b)))\s*"
                           rf"(?:first\s+)?"
                           rf"(?P<l>(?:the\s+)?{_MACHINE_WORD}(?:\s*(?:,\s*then|,|->|>|/|\bthen\b|\band\s+then\b|"
                           rf"\band\b)\s*(?:the\s+)?{_MACHINE_WORD})+)")
_THROUGH = re.compile(rf"(?i:\b(?:go(?:es)?|pass(?:es)?|move[s]?|run[s]?)\s+through)\s+(?:the\s+)?"
                      rf"(?P<l>{_MACHINE_WORD}(?:\s*(?:,\s*then|,|->|>|\bthen\b|\band\s+then\b)\s*(?:the\s+)?"
                      rf"{_MACHINE_WORD})+)")
"""Machines named by the route every job takes: 'each table goes through sanding, then staining, then sealing'."""
_ARTICLE_MACHINE = rf"(?:(?:a|an|one|the)\s+)(?i:{MACHINE_NOUN})\b"
_MACHINE_NOUN_LIST = re.compile(rf"(?P<l>{_ARTICLE_MACHINE}(?:\s*,\s*{_ARTICLE_MACHINE})*\s*,?\s*and\s+"
                                rf"{_ARTICLE_MACHINE})")
"""'a lathe, a mill and a drill': machines named by what they are."""
_KIND_NOUNS = rf"(?:{JOB_NOUN}|boards?|tests?|runs?|garments?|bakes?|loads?|pieces?|shipments?|jobs?)"
_LABEL = r"[A-Z][A-Za-z]{0,11}\d{0,3}"
_LABELLED = (rf"(?:(?i:{_KIND_NOUNS})\s+)?(?P<n>{_LABEL})\s*(?:\(\s*\d[^)]{{0,40}}\)|(?:[:=-]|\s(?:takes|needs|is))?"
             rf"\s*\d(?:\([^()\n]{{0,30}}\)|(?!\s*\band\b|\.\s)[^,;\n(]){{0,20}})")
_LABEL_RUN = re.compile(rf"{_LABELLED.replace('?P<n>', '')}(?:(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)"
                        rf"{_LABELLED.replace('?P<n>', '')}){{2,}}")
_NUMBER_WORDS = {w: k for k, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                              "ten", "eleven", "twelve"), start=1)}
_ORDINALS = {w: k for k, w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                         "ninth", "tenth"), start=1)}
_VERB = r"(?:takes?|needs?|requires?|lasts?|spends?|goes|starts|visits|arrives|is\s+(?:cut|folded|processed|made))"
_NOUN_VERB = r"(?:is|has|becomes|arrives|will|won't|can|must|should)"  # only after 'batch one', 'order Red'
_ENTITY = re.compile(rf"(?:^|(?<=[.;:!?\n,])\s*(?:and\s+)?)(?:(?i:the|our|a|an)\s+)?"
                     rf"(?P<np>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,3}}?)\s+(?P<v>{_VERB}|{_NOUN_VERB})\b",
                     re.MULTILINE)
_NOT_ENTITY = re.compile(r"(?i)(?<![\w-])(?:it|which|that|this|these|each|every|all|everything|nothing|setup|set-up|"
                         r"changeover|cleaning|switch|work|processing|production|time|none|both|they|we|you|i|he|"
                         r"she|step|operation|op|stage|shift|day|week|any|either|some|so|in|what|which|how|when|where|who|why|of|for|"
                         r"on|at|to|if|then|once|(?-i:a|an)|while|after|before|until|unless|two|three|four|five|six|seven|eight|"
                         r"nine|ten|eleven|twelve|several|many|few)(?![\w-])|\d")
_LINE_NAME = re.compile(r"^[ \t]*(?:[-*+\u2022\u2013\u2014]|\d{1,2}[.)])?[ \t]*"
                        r"(?P<n>(?:(?i:the)\s+)?(?:(?:Dr|Mr|Mrs|Ms|St|Mt|Prof)\.[ ])?"  # 'Dr. Osei's cards'
                        r"[^\W\d_][^\W\d_'&-]*(?:[ ][^\W_][\w'&-]*|[ ]?[-'&][ ]?[^\W\d_]+){0,8})"
                        r"(?P<note>[ \t]*\([^()\n]{0,60}\))?"
                        r"(?:,[ \t]*(?:dropped[ \t]+off|arrives|arriving|ready|released|in[ \t]+at|brought[ \t]+in)"
                        r"[ \t]+(?:at[ \t]+)?\d{1,2}(?::\d\d)?(?:[ \t]*[ap]m)?(?:[ \t]+min)?"
                        r"(?:[ \t]*\([^()\d\n]{0,60}\))?)?"  # 'Golf, arrives 8:00 (a regular):'
                        r"[ \t]*(?::(?!\d)|[ \t][-\u2013\u2014][ \t]|"
                        r"(?<=[a-z])(?=[ \t]+(?:takes|lasts)[ \t]+\d))[ \t]*(?=[^\n]*\d)",
                        re.MULTILINE)
"""'- the bracket order: 50 minutes, due 9:30', 'Mugs - 1 hour, pickup 8:30': a job named at the start of its line."""
_WORD = r"[^\W\d_][^\W\d_'&-]*(?:-[^\W\d_]+)*"
_NAMED_TIME = re.compile(rf"(?:(?<=^)|(?<=[,;:\n])|(?<=\band))\s*"
                         rf"(?!(?:due|by|ready|released?|available|weight|priority|needed|deadline)\b)"
                         rf"(?P<n>{_WORD}(?:[ ]{_WORD}){{0,4}}|[A-Za-z]{{1,4}}\d{{2,4}})\s+\d+(?:\.\d+)?"
                         rf"\s*(?:{UNIT_PATTERN})\b", re.MULTILINE)
_ITEM_TAIL = r"(?:\s*,\s*(?:due|by|ready|released?|available|weight|priority|needed by)\b[^,;\n]{1,20}?(?=\s*[;\n]|$))?"
"""What an item says after its time: 'Mercer brackets 50 min, due 08:00; ...'."""
_NAMED_TIMES = re.compile(rf"{_NAMED_TIME.pattern}{_ITEM_TAIL}(?:\s*[,;]\s*(?:and\s+)?"
                          rf"{_NAMED_TIME.pattern.replace('?P<n>', '')}{_ITEM_TAIL}){{2,}}", re.MULTILINE)
"""A run of named times: 'bracket 45 min, gear housing 130 min, phone stand 30 min'."""
_BARE = rf"(?P<n>{_WORD}(?:[ ]{_WORD}){{0,4}})\s+\d+(?:\.\d+)?\b(?![:.]\d)"
_HEADED_TIMES = re.compile(rf"\(\s*(?:in\s+)?(?:{UNIT_PATTERN}){PER_ITEM}\s*\)\s*:\s*"
                           rf"(?P<run>{_BARE.replace('?P<n>', '')}"
                           rf"(?:\s*[,;]\s*(?:and\s+)?{_BARE.replace('?P<n>', '')}){{2,}})")
"""Named numbers after a unit in brackets: 'Bake times (minutes): bread 30, cake 45, pie 25'."""
_ROW_ITEM = rf"(?P<n>{_WORD}(?:[ ]{_WORD}){{0,3}})\s+\d+(?:\.\d+)?(?:\s*[,/]\s*\d+(?:\.\d+)?)+"
_NAMED_ROWS = re.compile(rf"(?:^|(?<=[:;]))\s*{_ROW_ITEM.replace('?P<n>', '')}(?:\s*;\s*(?:and\s+)?"
                         rf"{_ROW_ITEM.replace('?P<n>', '')})+", re.MULTILINE)
"""Named rows of times separated by semicolons: 'oak table 2, 3, 1; pine table 1, 2, 2; ash table 3, 1, 2'."""
_KEY_WORDS = re.compile(r"(?i)\b(?:processing|times?|durations?|due|dates?|deadlines?|weights?|priorit(?:y|ies)|"
                        r"release|"
                        r"ready|machines?|stations?|resources?|capacity|route|routing|order of|objective|goal|note|"
                        r"total|staff|shifts?|periods?|days?|hours?|minutes?|demand|cost|pay|rate|setups?|precedences?|"
                        r"min|max|minimi[sz]e|maximi[sz]e|jobs|orders|tasks|activities|rules?|each|all|project|"
                        r"every|units?|capacities|availability|crew|workers?|answer|example|data)\b|"
                        r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
                        r"(?!-\w)")  # ('Brioche for our Sunday-market stall' is a name)
_REMARK = re.compile(r"(?i)(?:one|the|a|another|only|one more|one last|small|big|last)\s+(?:catch|snag|wrinkle|twist|"
                     r"caveat|thing|exception|complication|problem|issue|reminder|note|rule)")
"""A line's lead-in that names a remark, not a job ('One catch: ...', 'The snag: ...')."""
_LINE_LABEL = re.compile(rf"^[ \t*-]*(?P<n>{_LABEL})\s*[:=\u2013-]\s*(?:\d|(?i:op|operation|step)\s*\d|\(\s*M\d)",
                         re.MULTILINE)  # not a table's cells; 'W1: op 1 M1:6', 'J1: (M1, 3) ...'
_LINE_CODE = re.compile(r"^[ \t*\u2022-]*(?P<n>[A-Z]{1,3}\d{1,3})\s*[:=\u2013-]\s*[a-z]", re.MULTILINE)
"""A list line headed by a code and words ('- T1: parts arrive 7:00, test takes 90 min')."""
_NOT_NAMES = {"and", "then", "the", "a", "an", "all", "each", "every", "one", "two", "three", "four", "five", "in",
              "that", "this", "order", "sequence", "turn", "finally", "last", "first", "next", "same"}


@dataclass
class Names:
    """Declared job and machine names, as written, in order of declaration."""

    jobs: list[str] = field(default_factory=list)
    machines: list[str] = field(default_factory=list)
    declaration: tuple[int, int] | None = None  # where the job names are listed (dropped once they are known)
    numbered: bool = False  # jobs named by number words ('batch two', 'the second'): written `job 2`
    machine_declaration: tuple[int, int] | None = None  # where the machine names are listed (dropped too)
    ordered: bool = False  # the machines were listed as a route ('printing, then laminating')
    name_spans: list[tuple[int, int]] = field(default_factory=list)  # names written where their data is, in order

    def rewrite(self, rw: Rewriting) -> None:
        """The job names' declaration dropped and each mention of a declared name in canonical form (`job k`,
        `machine k`)."""
        splices = [(a, b, "") for a, b in (d for d in (self.declaration, self.machine_declaration) if d is not None)]
        splices += [(a, b, f"job {k}") for k, (a, b) in enumerate(self.name_spans, start=1)]
        for a, b, new in sorted(splices, reverse=True):
            rw.splice(a, b, new)
        if self.numbered:
            words = "|".join([*_NUMBER_WORDS, *_ORDINALS])
            rw.sub(rf"(?i:\b(?:the\s+)?{_KIND_NOUNS}\s+({words})\b|\bthe\s+({'|'.join(_ORDINALS)})\b"
                   rf"(?:\s+{_KIND_NOUNS})?)", lambda m: f"job {_number(m.group(1) or m.group(2))}")
        for k, name in enumerate(self.jobs, start=1):
            if name.isdigit():
                continue  # jobs named '1'..'4' in a table's first column: any other '3' is a number, not job 3
            for pattern, keep in _mentions(name, single=len(name) == 1):
                rw.sub(pattern, keep + f"job {k}")
        for k, name in enumerate(self.machines, start=1):  # a one-letter name ('A') only as a capital
            if name in ("A", "I"):  # after a word ('oven A', 'on A') a name; before one ('A batch ...') a word
                rw.sub(r"(?<=[a-z] )" + name + r"(?![\w-])", f"machine {k}")
            article = r"(?!\s+[a-z])" if name in ("A", "I") else ""
            rw.sub(rf"(?<![\w-])(?:the\s+)?{re.escape(name)}(?![\w-]){article}", f"machine {k}",
                   flags=0 if len(name) == 1 else re.IGNORECASE)
            if (lettered := re.fullmatch(r"\w+[ -]([A-Z])", name)) is not None:  # 'Press A', then '55 min on A'
                rw.sub(rf"(?<=\b(?:on|in|at) ){lettered.group(1)}(?![\w-])", f"machine {k}")
            base = stem(name) if re.fullmatch(r"[a-z]{4,}", name) else name  # 'cutting' -> 'cut'
            if base != name:  # 'welding' declared, 'Weld (min)' a column of a table: the same station
                _sub_within(rw, rf"(?i)(?<![\w-]){re.escape(base)}(?:ing|ers|er|s)?(?![\w-])",
                            f"machine {k}", _TABLE_LINE)
        _short_references(rw, self.jobs)

    def restore(self) -> dict[str, str]:
        """Canonical id -> name as written (J3 -> 'C', M2 -> 'laminating')."""
        out = {f"J{k}": name for k, name in enumerate(self.jobs, start=1)}
        out.update({f"M{k}": name for k, name in enumerate(self.machines, start=1)})
        return out


LIST_NUMBER = r"(?m)^[ \t]*(\d{1,2})[.)][ \t]+(?=job\s+\1\b)"
"""The number of a numbered list's line that names job k as its k-th ('3. Pour footings' for job 3): no data."""


def _sub_within(rw: Rewriting, pattern: str, repl: str | Callable[[re.Match[str]], str],
                scopes: re.Pattern[str]) -> None:
    """`rw.sub(pattern, repl)` only for the matches that start inside a match of `scopes` (table lines, clauses)."""
    spans = [m.span() for m in scopes.finditer(rw.text)]
    starts = [a for a, _ in spans]

    def inside(m: re.Match[str]) -> str:
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or m.start() >= spans[k][1]:
            return m.group(0)
        return m.expand(repl) if isinstance(repl, str) else repl(m)
    rw.sub(pattern, inside)


_TABLE_LINE = re.compile(r"(?m)^[^\n|]*\|[^\n|]*\|[^\n]*")
"""A line of a table: cells between '|'."""


def count_ranges(rw: Rewriting) -> None:
    """'jobs 1-4', 'tasks 1 to 6': written '4 jobs' (the jobs are then J1..J4); 'p = (6, 2, 9) for J1..J3' says
    the list is in the jobs' order, as every list is read."""
    rw.sub(rf"(?m)(?:(?<=[)\]])\s*|^[ \t]*)for\s+(?:{_NOUN}\s+)?(?:\bJ_?)?1\s*{_RANGE_WORD}\s*(?:J_?)?\d+\b"
           r"(?:\s+in\s+(?:that|this|the\s+same)\s+order)?", "")
    rw.sub(r"(?i)\b(?:n|j|jobs)\s*=\s*\{\s*1\s*,\s*(?:\.\.\.?|\u2026)\s*,\s*(\d+)\s*\}",  # 'N = {1, ..., 7}'
           lambda m: f"{m.group(1)} jobs" if 2 <= int(m.group(1)) <= 200 else m.group(0))
    rw.sub(rf"{_NOUN}\s+(?:are\s+)?(?:indexed|numbered)\s+(?:[a-z]\s*=\s*)?1\s*{_RANGE_WORD}\s*(\d+)\b",
           lambda m: f"{m.group(1)} jobs" if 2 <= int(m.group(1)) <= 200 else m.group(0))  # 'Jobs indexed 1..7'
    rw.sub(rf"\b(\d+)(\s+{_NOUN})\s*\(\s*(?:[a-z]\s*=\s*)?1\s*{_RANGE_WORD}\s*\1\s*\)",  # '10 activities (1..10)'
           r"\1\2")
    rw.sub(rf"{_NOUN}\s+(?:#\s*)?1\s*{_RANGE_WORD}\s*(?:#\s*)?(\d+)\b(?!\s*[-:,]?\s*\d)|"
           rf"(?:{_NOUN}\s+)?\bJ_?1\s*{_RANGE_WORD}\s*J_?(\d+)\b",
           lambda m: f"{m.group(1) or m.group(2)} jobs" if 2 <= int(m.group(1) or m.group(2)) <= 200 else m.group(0))


_ONE_NAME = r"(?:[A-Z][\w'-]*|J\d+)"
_SHARED = re.compile(rf"\b(?<![,&]\s)(?<!\band\s)(?:(?P<noun>(?i:{JOB_NOUN}))\s+)?"
                     rf"(?P<l>{_ONE_NAME}(?:\s*,\s*{_ONE_NAME})*\s*,?\s*(?:and|&)\s+"
                     rf"{_ONE_NAME})\s+(?:(?:both|all)\s+)?(?P<v>(?i:take|need|require|last|run)s?\s+)?(?:(?:both|all)\s+)?"
                     rf"(?P<t>\d+(?:\.\d+)?\s*(?i:{UNIT_PATTERN}))\s+each\b")


def shared_values(rw: Rewriting) -> None:
    """'orders D and E 20 minutes each', 'C and D take 2 h each': the value said once per name ('order D 20
    minutes, order E 20 minutes'), so every reader of one job's value reads it."""
    def each(m: re.Match[str]) -> str:
        noun = f"{singular(m.group('noun'))} " if m.group("noun") else ""
        verb = f"{m.group('v').strip()} " if m.group("v") else ""
        names = [n for n in re.findall(_ONE_NAME, m.group("l"))]
        return ", ".join(f"{noun}{n} {verb}{m.group('t')}" for n in names)
    rw.sub(_SHARED, each)


_TUPLE_ASSIGNED = re.compile(r"\(\s*(?P<k>[A-Za-z]\w{0,12}(?:\s*,\s*[A-Za-z]\w{0,12})+)\s*\)\s*=\s*"
                             r"\(\s*(?P<v>\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)+)\s*\)")


def paired_values(rw: Rewriting) -> None:
    """'(R1, R2) = (3, 2)': written 'R1 = 3, R2 = 2', so every reader of one name's value reads it; lists of
    different lengths are left as they are (and asked)."""
    def pairs(m: re.Match[str]) -> str:
        keys, values = re.split(r"\s*,\s*", m.group("k")), re.split(r"\s*,\s*", m.group("v"))
        return ", ".join(f"{k} = {v}" for k, v in zip(keys, values, strict=True)) if len(keys) == len(values) \
            else m.group(0)
    rw.sub(_TUPLE_ASSIGNED, pairs)


def declared_names(text: str) -> Names:
    """The job names a text declares (letter ranges 'A to E', prefixed ranges 'P1-P4', lists of capitalised
    names after a job noun) and the machine names it lists after a machine noun ('stations: printing, then
    laminating'). Names of the canonical form (J3, M2, 'job 3') need nothing and are left out."""
    names = Names()
    m = _LETTER_RANGE.search(text)
    first, last = (m.group("a") or m.group("la"), m.group("b") or m.group("lb")) if m else ("", "")
    if m and first < last and last <= chr(ord(first) + 25):  # 'jobs A-G', 'jobs a..f'
        names.jobs = [chr(c) for c in range(ord(first), ord(last) + 1)]
        names.declaration = m.span("span")
    elif (p := _PREFIX_RANGE.search(text)) and p.group("p").upper() not in ("J", "M") \
            and int(p.group("a")) < int(p.group("b")) <= int(p.group("a")) + 50:
        names.jobs = [f"{p.group('p')}{k}" for k in range(int(p.group("a")), int(p.group("b")) + 1)]
        names.declaration = p.span("span")
    elif (listed := _NAME_LIST.search(text)) is not None:
        found = [n for n in re.findall(_NAME, listed.group("l")) if len(n) == 1 or n.lower() not in _NOT_NAMES]
        others = {n for n in re.findall(rf"{_NOUN}\s+([A-Z][\w'-]*)", text) if n.lower() not in _NOT_NAMES}
        if len(found) >= 2 and len(set(found)) == len(found) and not all(re.fullmatch(r"J\d+", n) for n in found) \
                and others <= set(found):  # 'order C' said elsewhere: 'orders A and B' is some of them, no list
            names.jobs = found
            names.declaration = listed.span("span")
    lined = _line_names(text)  # one line per job: its names, read once
    if not names.jobs:
        names.jobs = _entities(text)
        if names.jobs and all(n.isdigit() for n in names.jobs):  # 'the second takes 2 hours': jobs by number,
            numbered = re.search(rf"{_NOUN}\s*#?\s*\d", text) is None  # unless 'job 1' numbers them already
            names.jobs, names.numbered = [], numbered
        elif names.jobs and len(lined[0]) > len(names.jobs):  # one line per job says more
            names.jobs = []
    labelled = [[m.group("n") for m in re.finditer(_LABELLED, run.group(0))] for run in _LABEL_RUN.finditer(text)]
    declared = {w for m in re.finditer(rf"(?i)\b{MACHINE_NOUN}\s*:\s*(?P<l>[^.:\n]+)", text)
                for w in re.split(r"\s*(?:,|\band\b|&)\s*", m.group("l").strip())}  # 'Bays: PANEL, PAINT, MECH'
    runs = [] if names.numbered else [r for r in labelled if not any(re.fullmatch(r"[JMR]\d*", n) for n in r)
                                      and len(set(r) & declared) < 2]  # (machines declared are no jobs)
    if runs:  # 'A=3, B=1', 'test B 3 hours': the first run that names no machine ('M1, M2, M3 - identical')
        found = runs[0]
        if len(set(found)) == len(found) and set(names.jobs) < set(found) and names.declaration is None \
                and len(found) >= len(lined[0]):  # not a part of a block of named lines
            names.jobs = found
    if not names.jobs and not names.numbered:  # one line per job: 'R1 - 40 min, by 9:00'
        found = [m.group("n") for m in _LINE_LABEL.finditer(text)] or \
            [m.group("n") for m in _LINE_CODE.finditer(text)]
        if len(found) >= 2 and len(set(found)) == len(found) and not any(re.fullmatch(r"[JM]\d*", n) for n in found) \
                and len(found) >= len(lined[0]):
            names.jobs = found
    if not names.jobs and not names.numbered:  # 'phone stand batch - 150 min', '- the shelf panels: 40 minutes'
        found, spans = lined
        if len(found) >= 2:
            names.jobs, names.name_spans = found, spans
    items = _named_items(text)
    if not names.jobs and not names.numbered and items:
        found = [bare_name(m.group("n")) for m in items]
        if len(set(found)) == len(found) and not any(_KEY_WORDS.search(n) or re.search(
                rf"(?i)\b(?:then|and|on|in|at|{MACHINE_NOUN})\b", n) for n in found) \
                and len(set(found) & declared) < 2:  # not steps 'press 3 h, then ...', nor machines declared
            names.jobs = found
            names.name_spans = [m.span("n") for m in items]
    machines = _counted_machines(text) or _MACHINE_LIST.search(text) or _MACHINE_NOUN_LIST.search(text) or \
        _route_only(text)
    if machines is not None:
        found = [w for w in re.findall(_MACHINE_WORD, re.sub(r"\([^()]*\)", "", machines.group("l")))
                 if w.lower() not in _NOT_NAMES or re.fullmatch("[A-Z]", w)]  # 'A' names a machine, 'a' does not
        if len(found) >= 2 and len({w.lower() for w in found}) == len(found) \
                and not any(re.fullmatch(r"(?i)m\d+|machine|capacity|cap|limit|units?|available|times?|durations?|"
                                         r"minutes|hours|pick|choose|options?", w) for w in found):
            # 'resource (workers, capacity 4)' is what a resource has, no machines
            names.machines = found
            names.ordered = re.search(r"\bthen\b|->|>", machines.group("l")) is not None
            names.machine_declaration = machines.span("l")
            if set(names.jobs) & set(found):  # 'machines A/B/C ... job 1: A(7), B(4)': the letters are machines
                names.jobs, names.name_spans = [], []
    if not names.machines and (headed := _headed_machines(text)) is not None:
        names.machines, names.machine_declaration = headed
    if not names.machines:
        names.machines, heads = _paired_machines(text)
        if set(names.jobs) & set(names.machines) and names.declaration is not None:
            names.machines, heads = [], []  # 'jobs A-H ... A=3, B=5': the jobs' values
        elif set(names.jobs) & set(names.machines):  # 'O12 {C:2}': the letters are machines
            names.jobs, names.name_spans = [], []
        if not names.jobs and not names.numbered and len(heads) >= 2 and not any(
                re.fullmatch(rf"(?i)[JO]\d+|{JOB_NOUN}", h) for h in heads):  # 'Order-X Saw:3 -> ...'
            names.jobs = heads
    names.machines = names.machines or _numbered_machines(text)
    return names


_ASIDE = r"(?:[ \t]*\([a-z][a-z -]{0,20}\))?"
_COUNTED_MACHINES = re.compile(rf"\b(?P<n>(?i:two|three|four|five|six)|[2-6])\s+(?:[A-Za-z-]+\s+){{0,2}}?"
                               rf"(?i:{MACHINE_NOUN})\s*[,:]\s*(?P<l>[A-Z][\w-]{{0,11}}{_ASIDE}(?:\s*(?:,\s*and|,|and)\s*"
                               rf"[A-Z][\w-]{{0,11}}{_ASIDE})+)")
"""'Two CNC routers, A (old) and B (new)': machines counted, then named, each perhaps with a word in a bracket."""


def _counted_machines(text: str) -> re.Match[str] | None:
    """The names after a count of machines, when there are as many as the count says."""
    m = _COUNTED_MACHINES.search(text)
    if m is None or len(re.findall(_MACHINE_WORD, re.sub(r"\([^()]*\)|\band\b", "", m["l"]))) != \
            count_value(m["n"].lower()):
        return None
    return m


_NUMBERED = re.compile(rf"(?<![\w-])(?P<n>(?i:{MACHINE_NOUN})|[A-Z]{{2,5}})[ -]?(?P<k>\d{{1,2}}|[A-Z])(?![\w-])"
                       rf"(?!\s*(?:{UNIT_PATTERN})\b)")
"""A machine named by its kind and a number or capital: 'Press 2', 'Kiln-1', 'CNC-2', 'Press B' (not 'press 3 h')."""


def _numbered_machines(text: str) -> list[str]:
    """The machines of one kind told apart by number or letter ('Press 1 or Press 2', 'Press 3 only'), in order
    of number, as first written: at least two, of a single kind, numbered from 1 or A with no gap, no jobs'
    labels ('J1', 'P2'), and not a table's columns (its header reads them)."""
    found: dict[str, dict[str, str]] = {}
    for m in _NUMBERED.finditer(text):
        if not re.fullmatch(rf"(?i){JOB_NOUN}|[JMPRSTOD]", m.group("n")):
            found.setdefault(m.group("n").lower(), {}).setdefault(m.group("k"), m.group(0))
    kinds = [k for k in found.values() if len(k) >= 2]
    if len(kinds) != 1:
        return []
    keys = sorted(kinds[0], key=lambda k: (len(k), k))
    first = "1" if keys[0].isdigit() else "A"
    if keys != [str(k) if first == "1" else chr(ord("A") + k - 1) for k in range(1, len(keys) + 1)]:
        return []
    names = [kinds[0][k] for k in keys]
    if any(re.search(rf"(?m)^[ \t|*-]*{re.escape(n)}(?![\w-])", text) for n in names):
        return []  # a row's label ('| RO-1 | Golf | 90 |'): the rows are the jobs
    kind = next(k for k, v in found.items() if v is kinds[0])
    for line in text.splitlines():  # 'press 2, folder 1, stitcher 1': a step's station and time among others
        if re.search(rf"(?i)\b{re.escape(kind)}[ -]?\d", line) and len({w.lower() for w in re.findall(
                r"\b([A-Za-z][a-z-]{2,})\s+\d{1,3}(?![\w:.-])", line)} - {kind}) >= 2:
            return []
    written = re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in names))
    if any(len(written.findall(line)) >= 2 and not re.search(r"\d", written.sub("", line))
           and re.search(r"\||\w,\w| {2,}", line) for line in text.splitlines()):
        return []
    return names


_PAIRED = re.compile(r"(?<![\w-])(?P<n>[A-Z][A-Za-z]*(?:[ -](?:\d{1,2}|[A-Z]|[a-z]{3,}))?)\s*[:=]\s*\d+(?:\.\d+)?"
                     r"(?![\d:.]|\s*(?:am|pm)\b)")
"""A name paired with a number: 'Saw:3', 'Saw-A=2', 'Kiln 1: 3 h', 'Glazing booth: 2 h'."""
_NOT_PAIRED = re.compile(r"(?i)(?:due|release[ds]?|ready|weight|w|d|r|p|deadline|capacity|cap|time|times|duration|"
                         r"start|end|total|cost|demand|priority|setup|obj|objective|horizon|limit|min|max|n|m|"
                         r"jobs?|machines?|note|day|week|hour|step|op)\b")


def _paired_machines(text: str) -> tuple[list[str], list[str]]:
    """The machines a job's line names beside their times ('Order-X Saw:3 -> Router:2', 'J1: o1 {A:2, B:3}'):
    names paired with numbers, at least two of them on one line, each on two lines or more, and no line headed
    by one of them (then they are the rows' own names, 'A: 3, B: 5' a list of jobs' values); with the words
    that head those lines, in order (the jobs, when they are no canonical 'J1', 'job 2')."""
    lines: dict[str, set[int]] = {}
    heads: list[str] = []
    together = False
    for k, line in enumerate(text.splitlines()):
        head = re.match(r"[ \t|*-]*([\w-]+)", line)
        paired = list(dict.fromkeys(m.group("n") for m in _PAIRED.finditer(line)
                                    if not _NOT_PAIRED.fullmatch(m.group("n"))))
        if not paired or head is None or any(head.group(1) == n.split()[0] for n in paired) \
                or re.fullmatch(r"(?i)[pdrw]", head.group(1)) or _KEY_WORDS.search(head.group(1)):
            continue  # 'p: A=3, B=5': a keyed list of the jobs' values
        together |= len(paired) >= 2
        heads.append(head.group(1))
        for n in paired:
            lines.setdefault(n, set()).add(k)
    found = [n for n, at in lines.items() if len(at) >= 2]
    if not together or len(found) < 2 or len(found) < len(lines):
        return [], []
    return found, list(dict.fromkeys(heads))


_HEADED = re.compile(rf"(?i:\b(?:{MACHINE_NOUN}|machining cent(?:re|er)s?|cent(?:re|er)s?))\s*:\s*(?P<l>(?i:the)\s+"
                     r"[^,.;:\n]+?(?:\s*,\s*(?i:the)\s+[^,.;:\n]+?)*\s*,?\s+(?i:and)\s+(?i:the)\s+[^,.;:\n]+?)(?=\s*[.;\n]|$)")
"""'three machines: the old Colchester lathe, the Bridgeport mill and the surface grinder'."""


def _headed_machines(text: str) -> tuple[list[str], tuple[int, int]] | None:
    """The machines a list of 'the <words> <head>' declares, each named by its head ('lathe', 'Mazak'), when every
    head is used again elsewhere in the text; with the list's span."""
    m = _HEADED.search(text)
    if m is None:
        return None
    items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("l"))
    heads = [item.split()[-1] for item in items if item.strip()]
    rest = text[:m.start("l")] + text[m.end("l"):]
    if len(heads) < 2 or len({h.lower() for h in heads}) < len(heads) or not all(
            re.search(rf"(?i)\b{re.escape(h)}\b", rest) for h in heads):
        return None
    return heads, m.span("l")


def _entities(text: str) -> list[str]:
    """Jobs introduced by what they take: 'The bracket takes 2 minutes', 'Order Red needs 4 hours', 'the
    second takes 2 hours', 'Batch two becomes ...' (at least two, all different; none a machine or a pronoun)."""
    found: list[str] = []
    for m in _ENTITY.finditer(text):
        words = [w for w in m.group("np").split() if not re.fullmatch(rf"(?i){_KIND_NOUNS}", w)]
        label = len(words) == 1 and re.fullmatch(r"(?![JMR]\d)[A-Z]{1,2}\d{1,3}", words[0]) is not None  # 'P2'
        noun = len(words) < len(m.group("np").split()) or label
        if not words or len(words) > 3 or (not noun and not re.fullmatch(_VERB, m.group("v"))) or \
                re.fullmatch(r"[A-Z]\w* (?:and|or|&) [A-Z]\w*", " ".join(words)):  # 'A and B must': two names
            continue
        name = " ".join(words)
        lowered = name.lower()
        if lowered in _ORDINALS or lowered in _NUMBER_WORDS:
            name = str(_ORDINALS.get(lowered) or _NUMBER_WORDS[lowered])
        elif not label and (_NOT_ENTITY.search(name) or (not noun and re.search(rf"(?i)\b{MACHINE_NOUN}\b", name))):
            continue
        if name not in found:
            found.append(name)
    return found if len(found) >= 2 else []


_ORDER_CLAUSE = re.compile(r"(?i)\b(?:after|once|following|before|until|till|when|precede[sd]?|requires?|"
                           r"depends?\s+on|waits?\s+for|not\s+before)\b[^.;:\n]*")
_RELATION_CLAUSE = re.compile(rf"{_ORDER_CLAUSE.pattern}|(?i:\bneeds?\s+(?:both|all)\b[^.;:\n]*)")
"""Where tasks named together are read as tasks: clauses that order them ('after both ...', 'needs both rough-ins')."""
_COMMON = {"the", "and", "of", "out", "for", "with", "from", "into", "on", "in", "off", "up", "job", "task", "order",
           "new", "old", "first", "second", "final", "last", "all", "our", "a", "an", "to", "at", "by"}


def _short_references(rw: Rewriting, jobs: list[str]) -> None:
    """In clauses that order tasks ('after demolition', 'once electrical, plumbing and HVAC are all finished')
    and in keyed lists ('weights: sourdough 2, rye 1'), a word that belongs to one job's name only stands for that
    job (any case, also in the plural); a word two names share stays as written, so it is asked about, never
    guessed."""
    if len(jobs) < 2:
        return
    owners: dict[str, set[int]] = {}
    for k, name in enumerate(jobs, start=1):
        for word in re.findall(r"[^\W\d_][\w'-]*", name.lower()):
            if len(word) >= 3 and word not in _COMMON:
                owners.setdefault(singular(word), set()).add(k)
    lowered = {name.lower(): k for k, name in enumerate(jobs, start=1)}

    def pair(m: re.Match[str]) -> str:  # 'the plumbing and electrical rough-ins': two names, one shared noun
        ks = [lowered.get(f"{m.group(w).lower()} {m.group(3).lower()}") for w in (1, 2)]
        return f"job {ks[0]} and job {ks[1]}" if None not in ks else m.group(0)

    def group(m: re.Match[str]) -> str:  # 'both rough-ins': the two tasks whose names have the word
        ks = sorted(owners.get(m.group(2).lower(), set()))
        wanted = {"both": 2, "two": 2, "three": 3}.get(m.group(1).lower(), len(ks))
        return " and ".join(f"job {k}" for k in ks) if len(ks) == wanted and len(ks) >= 2 else m.group(0)
    _sub_within(rw, r"(?i)\b(?:the\s+)?([^\W\d_][\w'-]*)\s+and\s+([^\W\d_][\w'-]*)\s+([^\W\d_][\w'-]*?)s\b", pair,
                _RELATION_CLAUSE)
    _sub_within(rw, r"(?i)\b(both|all|two|three)\s+(?:of\s+)?(?:the\s+)?([^\W\d_][\w'-]*?)s\b", group,
                _RELATION_CLAUSE)
    alias = {w: ks.pop() for w, ks in owners.items() if len(ks) == 1}
    if not alias:
        return
    word = re.compile(r"(?i)(?<![\w-])(?:the\s+)?([^\W\d_][\w'-]*)(?![\w-])")
    keyed = re.compile(r"(?<=[:,;]) *(?:and +)?(?:the +)?[^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*)? *[=:-]? *\d")
    places = [*_ORDER_CLAUSE.finditer(rw.text), *keyed.finditer(rw.text)]  # '..., rye 1, cinnamon rolls 4'
    found: dict[int, tuple[int, int]] = {}  # start -> (end, job), read on the text as it stands
    for place in places:
        for m in word.finditer(rw.text, place.start(), place.end()):
            owner = alias.get(singular(m.group(1).lower()))
            if owner is not None:
                found.setdefault(m.start(), (_name_end(rw.text, m, jobs[owner - 1]), owner))
    last = -1
    spans = []
    for a in sorted(found):  # 'cinnamon rolls': one mention, not two
        if a >= last:
            spans.append((a, *found[a]))
            last = found[a][0]
    for a, b, k in reversed(spans):
        rw.splice(a, b, f"job {k}")


def _name_end(text: str, m: re.Match[str], name: str) -> int:
    """Where a mention that starts with one word of `name` ends: after the name's next words when they follow
    ('electrical rough-in'), else after the word."""
    words = re.findall(r"[\w']+", name.lower())
    here = words.index(m.group(1).lower()) if m.group(1).lower() in words else len(words)
    for n in range(len(words) - here - 1, 0, -1):
        tail = "".join(rf"[ -]+{re.escape(w)}" for w in words[here + 1:here + 1 + n])
        if (more := re.compile(tail + r"\b", re.IGNORECASE).match(text, m.end())) is not None:
            return more.end()
    return m.end()


def _route_only(text: str) -> re.Match[str] | None:
    """'goes through sanding, then staining, then sealing' when those words name no column or step elsewhere
    (there the station readers take them as written)."""
    m = _THROUGH.search(text)
    words = re.findall(_MACHINE_WORD, m.group("l")) if m else []
    once = all(len(re.findall(rf"(?i)\b{re.escape(w)}\b", text)) == 1 for w in words if w.lower() not in _NOT_NAMES)
    return m if m is not None and once else None


def _named_items(text: str) -> list[re.Match[str]]:
    """Jobs named in a run of items, each with its 'n' group: 'bracket 45 min, gear housing 130 min', 'Bake times
    (minutes): bread 30, cake 45, pie 25', 'oak table 2, 3, 1; pine table 1, 2, 2'."""
    if (run := _NAMED_TIMES.search(text)) is not None:
        return list(_NAMED_TIME.finditer(text, *run.span()))
    if (headed := _HEADED_TIMES.search(text)) is not None:
        return list(re.compile(_BARE).finditer(text, *headed.span("run")))
    if (rows := _NAMED_ROWS.search(text)) is not None:
        return list(re.compile(_ROW_ITEM).finditer(text, *rows.span()))
    return []


_GRID_ROW = re.compile(r"[ \t]*[\w-]+(?:[ \t]+(?:\d+(?:\.\d+)?|[-\u2013\u2014]))+[ \t]*$", re.MULTILINE)
"""A table's row of a label and numbers or dashes ('A 2 - 3 5'): its dash separates no name from its data."""


_PRODUCT_UNIT = re.compile(r"(?i)(?<=\w )units?\b")
"""'TV unit', 'shelving units': a product's name, not the units of the data."""
_GREETING = re.compile(r"(?i)hi|hello|hey|dear \w+|thanks|cheers|regards|morning|good morning")


def _line_names(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The names of the longest block of lines that each begin with a name (all different), and their spans; a
    machine's noun names a job there ('- Bench: sanding 15, spraying 35') only among other jobs' lines and where
    the text says it nowhere else."""
    named = [m for m in _LINE_NAME.finditer(text)
             if not _KEY_WORDS.search(_PRODUCT_UNIT.sub("", m.group("n"))) and not _GRID_ROW.match(text, m.start())
             and not _GREETING.fullmatch(m.group("n")) and not _REMARK.fullmatch(m.group("n"))
             and not re.fullmatch(rf"(?i)(?:the\s+)?{JOB_NOUN}(?:\s+#?\w\d*)?|(?-i:[a-z])", m.group("n"))]
    # ('A: M1 6 -> M2 4' names A)
    machine = re.compile(rf"(?i)(?:the\s+)?{MACHINE_NOUN}(?:\s+#?\w\d*)?")
    lines = _line_block([m for m in named if not machine.fullmatch(m.group("n"))], text)
    wider = _line_block(named, text)
    if len(wider) > len(lines) >= 2 and not machine.fullmatch(wider[0].group("n")) and all(
            len(re.findall(rf"(?i)\b{re.escape(m.group('n'))}", text)) == 1 for m in wider
            if machine.fullmatch(m.group("n"))):
        lines = wider
    if len(lines) < 2:  # 'Orders: Alpha needs 45 min ...; Bravo 30 min, ...; Charlie 1 h, ...': items of one line
        lines = max(([m for m in _ITEM_NAME.finditer(text, line.start(), line.end()) if _item(m, text)]
                     for line in re.finditer(r"[^\n]+", text)), key=len, default=[])
        if len(lines) < 2:
            return [], []
    found = [bare_name(m.group("n")) for m in lines]
    notes = [(m.groupdict().get("note") or "").strip() for m in lines]
    found = [f"{name} {note}" if found.count(name) > 1 and note and not re.search(r"\d", note) else name
             for name, note in zip(found, notes, strict=True)]  # 'bottle caps (blue)', 'bottle caps (white)'
    if len(set(found)) < len(found) or not all(found):
        return [], []
    return found, [(m.start("n"), _line_name_end(m)) for m in lines]


def _line_name_end(m: re.Match[str]) -> int:
    """Where a line's name ends: after its note in brackets when the note holds no number ('Wedding invitations
    (Meyer/Kaya)'), taken out with the name, never left to be read as data."""
    note = m.groupdict().get("note")  # (items of one line have none)
    return m.end("note") if note and note.strip() and not re.search(r"\d", note) else m.end("n")


def _item(m: re.Match[str], text: str) -> bool:
    """Whether an `_ITEM_NAME` match names a job: not a key word or an id ('J3', 'task B'), and after a full stop
    only with a colon ('Rye: mixing 15 min')."""
    name = m.group("n")
    if _KEY_WORDS.search(name) or re.fullmatch(rf"[A-Z]\d*|(?i:{JOB_NOUN}\s+\S+)", name):
        return False
    return m.group("colon").startswith(":") or not re.search(r"[.!?] $", text[max(0, m.start() - 2):m.start()])


_ITEM_NAME = re.compile(r"(?:^|(?<=[;:])|(?<=[;:] )|(?<=[.!?] ))[ \t]*(?P<n>[A-Z][\w'-]*(?:[ ][A-Z][\w'-]*){0,2})"
                        r"(?P<colon>:[ \t]+(?=[^.;\n]*\d)|"
                        r"[ \t]+(?:(?:needs?|takes?|requires?|lasts?|is)[ \t]+|[=:-][ \t]*)?\d)", re.MULTILINE)
"""An item of a list on one line, named by capitalised words before its first number ('Bravo 30 min')."""


def _line_block(lines: list[re.Match[str]], text: str) -> list[re.Match[str]]:
    """The longest run of named lines that follow each other ('- Mugs - 1 hour' on each line), not a stray
    'The catch: ...' elsewhere."""
    best: list[re.Match[str]] = []
    run: list[re.Match[str]] = []
    for m in lines:
        if run and text.count("\n", run[-1].start(), m.start()) != 1:
            run = []
        run.append(m)
        best = max(best, run, key=len)
    return list(best)


def bare_name(name: str) -> str:
    """A line's name without its article and a last kind noun ('the bracket order' -> 'bracket'; 'bracket lot 7'
    stays)."""
    words = name.split()[1:] if name.lower().startswith("the ") else name.split()
    if len(words) > 1 and re.fullmatch(rf"(?i){_KIND_NOUNS}", words[-1]):
        words = words[:-1]
    return " ".join(words)


def _number(word: str) -> int:
    """'two' or 'second' -> 2."""
    word = word.lower()
    return _NUMBER_WORDS.get(word) or _ORDINALS[word]


def renamed(value: Any, names: dict[str, str]) -> Any:
    """A model dictionary with every canonical id (J3, J3.2, M2) replaced by the name the text gave it."""
    if isinstance(value, dict):
        return {k: renamed(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [renamed(v, names) for v in value]
    if isinstance(value, str):
        if value in names:
            return names[value]
        op = re.fullmatch(r"(J\d+)\.(\d+)", value)
        if op and op.group(1) in names:
            return f"{names[op.group(1)]}.{op.group(2)}"
    return value


def _mentions(name: str, single: bool) -> list[tuple[re.Pattern[str], str]]:
    """Patterns of a declared job name's mentions, each with the replacement keeping what it matched around the
    name: with its noun ('order B'), or alone; a one-letter name alone only where it cannot be a word
    ('A 7/3/6', 'A=3', 'A, B', 'before A'), never in 'A job'."""
    exact = rf"(?<![\w#'-]){re.escape(name)}(?![\w'])"
    if re.fullmatch(r"[a-z]{1,3}\d+", name):  # a code ('a3' of activities a1..a8): every mention
        return [(re.compile(rf"(?:{_NOUN}\s+)?{exact}"), "")]
    if not single and name[0].islower():  # a common word ('the bracket'): only with its article or noun
        article = rf"(?i:\bthe\s+(?:{JOB_NOUN}\s+)?)"
        return [(re.compile(rf"{article}{exact}(?:\s+(?i:{_KIND_NOUNS}))?|{_NOUN}\s+{exact}"), "")]
    if not single:
        if " " in name:  # 'Site preparation' also as 'after site preparation'
            exact = rf"(?<![\w#'-])(?i:{re.escape(name)})(?![\w'])"
        written = [(re.compile(rf"(?:\b(?i:the|our)\s+)?(?:{_NOUN}\s+)?{exact}(?:\s+(?i:{_KIND_NOUNS})\b)?"), "")]
        if " " not in name and name[:1].isupper():  # 'Shaft' also as 'the shaft', with its article
            written.append((re.compile(rf"\b(?i:the)\s+{re.escape(name.lower())}(?![\w'-])"), ""))
        return written
    after = (r"(?=\s*(?:\d|[:=(),/;.\]>\u2192]|-\s*\d|->|$)|\s+to\s+be\b|"
             r"\s+(?:and|or|&|then|before|after|must|is|are|has|have|takes?|"
             r"needs?|can(?:not|'t)?|should|will|may|only|starts?|begins?|runs?|goes|comes|finishes|ends|follows|"
             r"precedes|depends|requires|waits|uses|gets)\b)")
    return [(re.compile(rf"(?i:\b{_KIND_NOUNS})\s+{exact}"), ""), (re.compile(rf"{exact}{after}"), ""),
            (re.compile(rf"(?P<pre>\b(?:before|after|from|to|and|or|then|with|of|for|until|till|once|when|than)\s+)"
                        rf"{exact}"), r"\g<pre>")]
