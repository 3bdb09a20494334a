"""Normalised text with consumption tracking, number and unit tokens, and entity names."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from functools import cached_property

from ordino.errors import InputError
from ordino.formulate.offline.aligned import aligned_as_pipes
from ordino.formulate.offline.units import UNIT_PATTERN, UNIT_WORDS, TimeVal

MAX_TEXT_CHARS = 20_000  # about eight pages; every pattern is linear, but each consumed match copies the text
MAX_DIGITS = 30  # a longer number in a description is noise, and converting it takes quadratic time
BLANK = "\u2591"  # replaces consumed text: keeps positions, breaks lists and phrases
SIGN = r"(?<![a-z0-9_.)\]])[-\u2212](?=\d)"
"""A minus sign: directly before digits and not after a word, a number or a bracket."""
NUM = rf"(?:{SIGN}|(?<![a-z0-9_.]))\d+(?:\.\d+)?(?![0-9])"
"""A number as written, with its sign: a minus directly before the digits and not after a word, a number or a
bracket ('due dates -2, 4' is -2; '00-04' and 'J1-J5' are ranges)."""
TIME = rf"{NUM}(?:\s*{UNIT_PATTERN})?"
PER_ITEM = r"(?:\s+(?:per|each|a)(?:\s+[a-z]{2,12})?)?"
"""'(minutes per batch)', '(h each)': the unit of each item's value."""
TIME_SAID = rf"\d\s*(?:{UNIT_PATTERN})(?![a-z])|\d:\d\d"
"""A time written out ('2 h', '15 min', '10:30'): in a name, data that would be lost."""
SLASHED_NAMES = r"\(\s*(?P<l>[^()/\n]{1,40}(?:/[^()/\n]{1,40}){1,11})\s*\)"
"""A bracket of names in the order of times split by slashes: '(Haas / DMG / Mazak)', '(mixer / divider / oven)'."""
_TIME_PARTS = rf"(?P<num>{NUM})\s*(?P<unit>{UNIT_PATTERN})?"
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a single": 1, "single": 1, "a": 1, "an": 1,
                "both": 2}
COUNT = r"(?:(?<!\d)\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a single|single|an|a|both)"
COUNT_WORD = r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both)\b"
"""A count written in words (a count in digits is a number: `NUM`)."""
JOB_NOUN = (r"(?:jobs?|orders?|tasks?|activit(?:y|ies)|products?|parts?|items?|batch(?:es)?|lots?|boards?|garments?|"
            r"cars?|work\s+packages?)")
JOB_REF = rf"(?:\b{JOB_NOUN}(?:\s*#?\s*\d+\b|\s+(?![ijkn]\b)(?!m\d)[a-z]\d*(?![a-z'\d]))|\bj\d+\b)"
MUST = r"(?:must|have\s+to|has\s+to|need\s+to|needs\s+to|should|are\s+to|will)\s+(?:both\s+|all\s+|always\s+)?"
"""A rule's 'must' ('have to', 'needs to', ... 'must both')."""
MACHINE_REF = r"(?:\b(?:machine|stage)\s*#?\s*\d+\b|\bm\d+\b)"
FORMULA = (r"\b(?:max|min)\s*(?:\(\s*0\s*,[^)]{1,40}\)|\{\s*0\s*,[^}]{1,40}\})|"
           r"\bu_?j\s*=\s*1\s+(?:iff\s+c_?j\s*>\s*d_?j\b|if\s+c_?j\s*>\s*d_?j\s*[,;]?\s*(?:else|otherwise)\s*[,:]?\s*"
           r"(?:u_?j\s*=\s*)?0\b)")
"""A definition's formula ('T_j = max(0, C_j - d_j)', 'max{0, C_j - d_j}', 'U_j = 1 if C_j > d_j, else 0',
'U_j = 1 iff C_j > d_j'): its numbers are not data."""
MACHINE_NOUNS = ("machine", "oven", "furnace", "kiln", "press", "lathe", "mill", "drill", "grinder", "extruder",
                 "printer", "engraver", "mixer", "filler", "reactor", "station", "line", "server", "cutter",
                 "robot", "router", "sander", "saw", "loom", "autoclave", "dryer", "washer", "packer", "laser",
                 "brake", "bender", "booth", "cnc", "bay", "lift", "bench", "binder", "guillotine",
                 "roaster", "centrifuge", "spectrometer", "steamer", "stove", "fryer", "instrument", "analyser",
                 "analyzer", "chamber", "scanner", "baler", "shredder", "compactor", "sealer", "labeller", "labeler",
                 "slitter", "planer")
"""Words that name one machine (a resource that does one job at a time), not a pool of workers."""
MACHINE_NOUN = rf"(?:{'|'.join(MACHINE_NOUNS)})(?:e?s)?"
_BLANKS = re.compile(r"\s{2,}")
_REPLACE = {"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00d7": "x", "\u2192": ">", "\u21d2": ">",
            "\u2022": "-", "\u00b7": "-", "\t": "|", "\r": " ", "\u2019": "'", "\u201c": '"', "\u201d": '"'}


def check_text(text: str) -> None:
    """An InputError when `text` is longer than the offline formulator reads (MAX_TEXT_CHARS) or holds a number
    of more than MAX_DIGITS digits."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"the description has {len(text):,} characters; the offline formulator reads at most "
                         f"{MAX_TEXT_CHARS:,} characters (shorten it, or use --llm)")
    long = re.search(rf"\d{{{MAX_DIGITS + 1},}}", text)
    if long:
        raise InputError(f"the description holds a number of {len(long.group(0)):,} digits; the offline formulator "
                         f"reads numbers of at most {MAX_DIGITS} digits")


_WRAPPED = re.compile(r"(?m)^(?P<a>(?![ \t]*(?:[-*+\u2022]|\d{1,2}[.)]|\|))[^\n|]{50,}[^\n.:;!?|])\n"
                      r"(?=[ \t]*(?![a-z_]{1,12}[ \t]*:)[a-z(][^\n\d|]*?(?:[ \t][a-z'-]+\b){5})")
"""A line of prose broken before its sentence ends, the next line going on in lower case with words, not numbers
(a hard-wrapped mail; never a table's header under a sentence, nor a line opening with a label 'obj: ...')."""


def unwrap_lines(text: str) -> str:
    """Prose hard-wrapped at a fixed width joined into its sentences ('... minimise the\nnumber of weeks'); list
    items, table rows and lines that end a sentence stay lines."""
    return _WRAPPED.sub(lambda m: m.group("a") + " ", text)


HISTORY = re.compile(r"(?i)^\W*(?:last|the\s+previous)\s+(?:week|month|year|time|rota|roster)\b"
                     r"(?![^.\n;:]*(?:\d|\b(?:so|this|must|only|never|can't|cannot|won't|not|off|should|has\s+to|needs?|"
                     r"at\s+(?:most|least))\b))[^.\n;:]{0,160}")
"""A sentence about what was ('Last month Kofi ended up with way more shifts than the others and complained'): no
rule of the problem at hand, unless it says one ('so he is off this week')."""

def prepared(text: str) -> str:
    """The text as the offline readers take it: checked (`check_text`), rows under a colon legend with ';' between
    their fields (`colon_rows_with_semicolons`), rows of a bracket of times under its legend as a table
    (`tuple_rows_as_table`), a bracket that only describes a line's item or says what a time holds left out
    (`label_asides_dropped`, `included_asides_dropped`), choices between bars in CSV cells with 'or'
    (`bars_in_csv_as_or`), its aligned tables written with '|' (`aligned.aligned_as_pipes`), its hard-wrapped prose
    joined (`unwrap_lines`), the point of a title before a name dropped (`titles_without_points`), amounts in
    words joined to their unit by a hyphen written apart ('a one-hour run' as 'a one hour run') and tasks said by a
    description and a short name in brackets said by the short name (`_described_names`), 'R1 (K1 = 3)' as
    'R1 = 3'; a bar
    between a job's times and another value as a comma (`_bars_in_rows`)."""
    check_text(text)
    text = titles_without_points(unwrap_lines(aligned_as_pipes(bars_in_csv_as_or(colon_rows_with_semicolons(
        tuple_rows_as_table(label_asides_dropped(included_asides_dropped(arrow_legends_dropped(
            op_order_asides_dropped(templated_rows_as_table(text)))))))))))
    text = _described_names(_bars_in_rows(_WORD_AMOUNT.sub(r"\1 \2", text)))
    return _BRACKETED_CAPACITY.sub(lambda m: f"{m.group(1)} = {m.group(2) or m.group(3)}", text)


_BRACKETED_CAPACITY = re.compile(r"\b(R\d+)\s*(?:\(\s*[KkBbCc]_?\d*\s*=\s*(\d+)\s*\)|=\s*(?:[a-z-]+\s+){0,3}?[a-z-]+\s*"
                                 r"\(\s*(\d+)\s+available\s*\))")
"""A resource's capacity in brackets: 'R1 (K1 = 3)', 'R1 = design engineers (4 available)', written 'R1 = 3'."""


_ONE_BAR = re.compile(r"(?m)^(?P<a>[^|\n]*)\|(?P<b>[^|\n]*)$")
_ROW_HEAD = re.compile(r"[ \t]*(?:[-*][ \t]*)?[\w-]+[ \t]*:")
"""A job's row with one bar between its times and another value: 'J1: 4 3 5 | d=14'."""


def _bars_in_rows(text: str) -> str:
    """Rows of jobs whose one bar parts their times from another value ('J1: 4 3 5 | d=14'), with a comma there."""
    def barred(m: re.Match[str]) -> bool:
        a, b = m.group("a"), m.group("b")
        return _ROW_HEAD.match(a) is not None and any(c.isdigit() for c in a[a.index(":"):]) and \
            any(c.isdigit() for c in b) and any(c.isalpha() for c in b)
    rows = [m for m in _ONE_BAR.finditer(text) if barred(m)]
    if len(rows) < 2:
        return text
    for m in reversed(rows):
        text = f"{text[:m.start()]}{m.group('a').rstrip()}, {m.group('b').strip()}{text[m.end():]}"
    return text


def _described_names(text: str) -> str:
    """A thing said by a description and a short name in brackets that the text uses on its own elsewhere, though
    not as the label of a list item ('the try-in model (A) must be finished before the final crown (B) starts' over
    a table of cases A, B; 'the diagnostics bay (D)' then 'Golf: D 30 min'), said by the short name."""
    def named(m: re.Match[str]) -> str:
        code = re.escape(m.group("n"))
        used = re.search(rf"(?<![(\w-]){code}(?![)\w-])", text)
        label = re.search(rf"(?m)^[ \t]*{code}[.)][ \t]", text)
        return m.group("n") if used and not label else m.group(0)
    return _DESCRIBED.sub(named, text)


_DESCRIBED = re.compile(r"\bthe\s+(?:(?!(?:and|or|the)\b)[a-z][a-z'-]*\s+){1,4}\(\s*(?P<n>[A-Z]{1,2}\d{0,2})\s*\)")


_WORD_AMOUNT = re.compile(r"(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(minute|hour|day|"
                          r"week)s?\b")
"""'one-hour', 'two-day': an amount in words hyphenated to its unit."""


_TITLE = re.compile(r"\b(Dr|Mr|Mrs|Ms|Mx|Prof|Fr|Sr|Jr|St)\.(?=[ \t]+[A-Z][a-z])")
"""A title before a name ('Dr. Okafor'), whose point ends no sentence."""


def titles_without_points(text: str) -> str:
    """'Plasma batch for Dr. Okafor: 40 min' as 'Plasma batch for Dr Okafor: 40 min': a title's point would cut
    the line in two where the readers look for the end of a sentence."""
    return _TITLE.sub(r"\1", text)


def bars_in_csv_as_or(text: str) -> str:
    """A CSV table's cells that list choices between bars ('J1,2,M1=4 | M2=6,M3=3' under a header of as many commas
    and no bar) with 'or' between them, so that no reader takes the bars for the cells of a table."""
    lines, commas = text.split("\n"), None
    for k, line in enumerate(lines):
        if commas is not None and line.count(",") == commas and re.match(r"[^|\n]+\|.*[^|\s]$", line.rstrip()):
            lines[k] = " or ".join(part.strip() for part in line.split("|"))  # a row of the header's cells, bars
            # inside them only
        elif commas is None or line.count(",") != commas:
            commas = line.count(",") if _CSV_HEAD.match(line) else None
    return "\n".join(lines)


def colon_rows_with_semicolons(text: str) -> str:
    """Rows under a legend of the form 'act: dur, demand, preds' ('G: 2, 3, D, E') written with ';' between their
    fields ('G: 2; 3; D, E'): the last field, a list of other rows, keeps its commas, as the readers expect. A
    bracket of fields in a legend written with ';' is opened ('j: p_j; (k_j1, k_j2); predecessors' over '7: 3; (2,
    1); 4, 5' as 'j: p_j; k_j1; k_j2; predecessors' over '7: 3; 2; 1; 4, 5')."""
    lines = [_legend_apart(line) for line in text.split("\n")]
    lines = "\n".join(lines).split("\n")
    opened = False
    for k, line in enumerate(lines):
        if _BRACKET_HEAD.match(line):
            lines[k] = re.sub(r"\(\s*([^()]+?)\s*\)", lambda m: re.sub(r"\s*,\s*", "; ", m.group(1)), line)
            opened = True
        elif opened and _BRACKET_ROW.match(line):
            lines[k] = re.sub(r"\(\s*(\d+(?:\s*,\s*\d+)+)\s*\)", lambda m: re.sub(r"\s*,\s*", "; ", m.group(1)), line)
        else:
            opened = False
    text = "\n".join(lines)
    lines, fields = text.split("\n"), 0
    for k, line in enumerate(lines):
        head = _COLON_HEAD.match(line)
        row = _COLON_ROW.match(line) if fields else None
        if head is not None:
            fields = head.group(2).count(",")
            lines[k] = line.replace(",", ";")
        elif row is not None and all(re.search(r"\d", cell) for cell in row.group(2).split(",")[:fields]) and \
                row.group(2).count(",") >= fields:  # (a row whose fields are not numbers is left: asked)
            lines[k] = line.replace(",", ";", fields)
        else:
            fields = 0
    return "\n".join(lines)


def _legend_apart(line: str) -> str:
    """A legend said as the last sentence of a line ('... two resources. Format  i: d_i; (r_i1, r_i2);
    successors.') on a line of its own, as the rows under it expect."""
    if ";" not in line and "," not in line:
        return line
    for cut in re.finditer(r"(?:[.:]|\b(?i:format|legend|notation))[ \t]+", line):
        tail = line[cut.end():].rstrip(" \t.")
        if len(tail) < 160 and _BRACKET_HEAD.match(tail) or _COLON_HEAD.match(tail):
            return line[:cut.end()].rstrip() + "\n" + tail
    return line


def included_asides_dropped(text: str) -> str:
    """A bracket that only says what a time already holds ('mix 30 (lamination included)', '(including cool-down)')
    left out: it restates the number before it."""
    return _INCLUDED.sub("", text)


_INCLUDED = re.compile(r"[ \t]?\((?:[^\W\d_][\w'-]*[ \t]+){1,3}(?:included|incl\.?)\)|"
                       r"[ \t]?\((?:including|incl\.?|includes?)[ \t]+[^()\d\n]{1,40}\)")
"""(One blank before the bracket at most: a pattern opening with a run of blanks would try every start in one.)"""


def op_order_asides_dropped(text: str) -> str:
    """A bracket that only shows a job's operations in their own order ('(O11 before O12 before O13, etc.)',
    '(e.g. O21 -> O22)'), left out: the operations of a job run in order anyway."""
    def drop(m: re.Match[str]) -> str:
        labels = re.findall(r"([A-Za-z]{1,2})(\d)(\d)", m.group("l"))
        steps = [(p.lower(), j, int(k)) for p, j, k in labels]
        in_order = all(a[:2] == b[:2] and b[2] == a[2] + 1 for a, b in zip(steps, steps[1:], strict=False))
        return "" if len(steps) >= 2 and in_order else m.group(0)
    return _OP_ORDER_ASIDE.sub(drop, text)


_OP_LABEL = r"[A-Za-z]{1,2}\d\d"
_OP_ORDER_ASIDE = re.compile(rf"[ \t]?\(\s*(?:e\.g\.,?\s*|i\.e\.,?\s*)?(?P<l>{_OP_LABEL}"
                             rf"(?:\s*(?:before|then|->|\u2192|<|,)\s*"
                             rf"{_OP_LABEL})+)\s*(?:,?\s*(?:etc\.?|and\s+so\s+on|\.\.\.|\u2026))?\s*\)")
"""'(O11 before O12 before O13, etc.)': operation labels of one job in their order, in a bracket."""


def arrow_legends_dropped(text: str) -> str:
    """A bracket that says what an arrow between two letters means, in its usual sense ('(i \u2192 j: j may start only
    after i has completed)'), left out; any other sense stays, to be read or asked about."""
    return _ARROW_LEGEND.sub("", text)


_ARROW_LEGEND = re.compile(r"[ \t]*\(\s*(?P<a>[a-z])\s*(?:\u2192|->|=>)\s*(?P<b>[a-z])\s*(?::|=|means)\s*"
                           r"(?:(?P=b)\s+(?:may|can)\s+(?:only\s+)?(?:start|begin)\s+(?:only\s+)?after\s+(?P=a)\s+"
                           r"(?:has\s+|is\s+)?(?:completed|finished|done|ended|complete)|"
                           r"(?P=a)\s+(?:must\s+)?(?:finish(?:es)?|end(?:s)?|be\s+(?:completed|finished|done))\s+"
                           r"before\s+(?P=b)\s+(?:starts|begins|can\s+start))\s*\)")
"""'(i \u2192 j: j may start only after i has completed)', '(a -> b means a finishes before b starts)'."""


def label_asides_dropped(text: str) -> str:
    """A bracket that only describes the item a line is about, between its label and the colon ('S-101 (soil extract,
    Okafor lab): arrives 8:00, 50 min run'), left out; one with a number or a word that could bind or rank ('(rush)',
    '(oven only)', '(on the big press)') stays, to be read or asked about."""
    def drop(m: re.Match[str]) -> str:
        return m.group(0) if _ASIDE_CUE.search(m.group("aside")) else m.group("label") + ":"
    return _LABEL_ASIDE.sub(drop, text)


_LABEL_ASIDE = re.compile(r"(?m)^(?P<label>[ \t]*(?:[-*+\u2022][ \t]*)?(?:[A-Za-z]{1,6}[ -]?\d{1,6}|#\d{1,6}))"
                          r"[ \t]*\((?P<aside>[^()\n]{1,60})\)[ \t]*:(?=[^\n]*\d)")
"""An item's code ('S-101', 'B2', 'Job 3', '#4') and a bracket after it, on a line of data (a number follows: no
heading over a legend, as 'Cover (exact):' or 'Cost per shift (AM, PM):' are)."""
_ASIDE_CUE = re.compile(r"(?i)[\d/=<>+*%$\u20ac\u00a3]|\b(?:rush|urgent|priority|prio|only|not|no|never|must|can|"
                        r"cannot|can't|after|before|first|last|due|late|weight|needs?|requires?|on|in|at|by|via|using|"
                        r"with|from|to|then|each|per|same|also|except|exact\w*|max\w*|min\w*|at least|at most|rate|"
                        r"cost|pay|hours?|minutes?|mins?|days?|units?|times?|and|or|[a-z]|dur\w*|demand\w*|proc\w*|"
                        r"release\w*|deadline\w*|cap\w*|req\w*|pred\w*|succ\w*|resource\w*|machine\w*|route\w*|"
                        r"order|sequence|steps?|op\w*|setup\w*|changeover\w*|crew|workers?|people|staff)\b")
"""Marks and words that make a bracket more than a description."""


def templated_rows_as_table(text: str) -> str:
    """Rows written after a template the text gives ('Notation  X[d; crew, equip] <- predecessors' over 'D[2; 4,0]
    <- A, B') as a table headed by the template's fields ('Activity | d | crew | equip | predecessors'), which
    the table reader takes; the template's last part, a list of other rows, may be left out of a row. Rows
    must follow the template one per line, every one read whole, or the text is left."""
    legend = _TEMPLATE.search(text)
    if legend is None:
        return text
    tokens = re.findall(r"[A-Za-z_]\w*|[^\w\s]", legend["t"])
    fields = [t for t in tokens if re.fullmatch(r"[A-Za-z_]\w*", t)]
    if len(fields) < 3 or not re.fullmatch(r"[A-Za-z_]\w*", tokens[0]) or len(set(fields)) != len(fields) or \
            any(re.fullmatch(r"[A-Za-z_]\w*", a) and re.fullmatch(r"[A-Za-z_]\w*", b)
                for a, b in zip(tokens, tokens[1:], strict=False)):
        return text  # (fields apart by marks: two words in a row are prose, no template)
    listed = re.fullmatch(r"(?i)pred\w*|succ\w*|after|depends|follows", fields[-1]) is not None
    parts = [r"[ \t]*(?P<f0>[A-Za-z][\w-]{0,15})"]
    for token in tokens[1:]:
        if token not in fields:
            parts.append(rf"\s*{re.escape(token)}\s*")
        elif token == fields[-1] and listed:
            parts.append(rf"(?P<f{fields.index(token)}>[^\n]*?)")
        else:
            parts.append(rf"(?P<f{fields.index(token)}>-?\d+(?:\.\d+)?|-)")
    if listed:  # the list and the marks before it may be left out ('A[2; 3,1]': no predecessors)
        cut = len(tokens) - 1
        while tokens[cut - 1] not in fields and tokens[cut - 1] not in ")]}>":
            cut -= 1
        row = re.compile("".join(parts[:cut]) + "(?:" + "".join(parts[cut:]) + r")?[ \t]*\.?[ \t]*")
    else:
        row = re.compile("".join(parts) + r"[ \t]*\.?[ \t]*")
    lines = text[legend.end():].lstrip("\n").split("\n")
    rows = []
    for line in lines:
        m = row.fullmatch(line)
        if m is None:
            break
        rows.append([(m[f"f{k}"] or "-").strip() or "-" for k in range(len(fields))])
    if len(rows) < 2:
        return text
    noun = next((n for n in ("Activity", "Task", "Order") if re.search(rf"(?i)\b{n[:5]}", text)), "Job")
    table = "\n".join(" | ".join(r) for r in [[noun, *fields[1:]], *rows])
    rest = "\n".join(lines[len(rows):])
    return text[:legend.start()].rstrip(" \t:") + "\n" + table + "\n" + rest


_TEMPLATE = re.compile(r"(?im)\b(?:notation|format|legend|syntax|rows?\s+(?:read|are)|each\s+(?:line|row)(?:\s+reads)?)"
                       r"\s*:?[ \t]+(?P<t>[A-Za-z]\w{0,3}[ \t]*[\[({<][^\n]{3,80}?)[ \t]*\.?[ \t]*$")
"""A template of the rows below ('Notation  X[d; crew, equip] <- predecessors.'): a row's label, a bracket."""


def tuple_rows_as_table(text: str) -> str:
    """Rows of one job each under a legend of a bracket of times ('(p_j1, p_j2, p_j3):' over 'j=1: (4, 3, 2), d_1 =
    12') as a table with a header ('job | p1 | p2 | p3 | d' over 'J1 | 4 | 3 | 2 | 12'), which the table reader
    takes; each row must give the bracket whole and the same labelled values as the others, or the text is left."""
    legend = _TUPLE_LEGEND.search(text)
    if legend is None:
        return text
    width = len(re.findall(r"p", legend.group("l")))
    rows = list(_TUPLE_ROW.finditer(text, legend.end()))
    if len(rows) < 2 or text[legend.end():rows[0].start()].strip() or any(
            text[a.end():b.start()].strip() for a, b in zip(rows, rows[1:], strict=False)):
        return text  # the rows follow the legend, one per line and nothing between them
    table, keys = [], None
    for row in rows:
        times = re.findall(r"\d+", row["t"])
        labelled = re.findall(r"([drw])_\{?(\d+)\}?\s*=\s*(-?\d+)", row["x"] or "")
        if len(times) != width or any(k != row["j"] for _, k, _ in labelled) or \
                keys is not None and keys != [f for f, _, _ in labelled]:
            return text
        keys = [f for f, _, _ in labelled]
        table.append(" | ".join([f"J{row['j']}", *times, *(v for _, _, v in labelled)]))
    head = " | ".join(["job", *(f"p{k}" for k in range(1, width + 1)), *(keys or [])])
    before = text[:legend.start()].rstrip(" \t")
    before = before.removesuffix(" and").removesuffix(" with").rstrip(" \t")  # '... n = 5 and (p_j1, ...):'
    return before + ".\n\n" + "\n".join([head, *table]) + "\n" + text[rows[-1].end():]


_TUPLE_LEGEND = re.compile(r"\((?P<l>p_?\{?j,?\s*1\}?(?:\s*,\s*p_?\{?j,?\s*\d\}?)+)\s*\)\s*:"
                           r"[ \t]*$", re.MULTILINE)
"""A legend of a bracket of each job's times on machines 1, 2, ... ending its line: '(p_j1, p_j2, p_j3):'."""
_TUPLE_ROW = re.compile(r"^[ \t]*j\s*=\s*(?P<j>\d+)\s*:\s*\((?P<t>\s*\d+(?:\s*,\s*\d+)+\s*)\)"
                        r"(?P<x>(?:\s*[,;]\s*[drw]_\{?\d+\}?\s*=\s*-?\d+)*)[ \t]*$", re.MULTILINE)
"""A job's row under it: 'j=1: (4, 3, 2), d_1 = 12'."""


_BRACKET_HEAD = re.compile(r"(?=[^\n]*\()[ \t]*\w{1,10}[ \t]*:[ \t]*(?:[^;\n()]+|\([^()\n]+,[^()\n]+\))"
                           r"(?:;[ \t]*(?:[^;\n()]+|\([^()\n]+,[^()\n]+\)))*;"
                           r"[ \t]*(?i:pred\w{0,10}|succ\w{0,10}|after|depends\s+on)[ \t]*$")
"""A legend whose fields are apart by ';', one of them a bracket of fields, the last the predecessors."""
_BRACKET_ROW = re.compile(r"[ \t]*[\w-]{1,20}[ \t]*:[ \t]*[^\n]*\(\s*\d+(?:\s*,\s*\d+)+\s*\)[^\n]*$")
_COLON_HEAD = re.compile(r"[ \t]*([A-Za-z]\w{0,20}(?: \w{1,20})?)[ \t]*:[ \t]*"
                         r"([A-Za-z]\w{0,20}(?: \w{1,20})?(?:, ?[A-Za-z]\w{0,20}(?: \w{1,20})?){1,10}, ?"
                         r"(?i:pred\w{0,10}|succ\w{0,10}|after|depends\s+on|follows))[ \t]*$")
"""A legend of the fields of the rows below it that ends with a list of other rows: 'act: dur, demand, preds'."""
_COLON_ROW = re.compile(r"[ \t]*([\w-]{1,20})[ \t]*:[ \t]*([^\n;]*\d[^\n;]*)$")
"""A row under such a legend: 'G: 2, 3, D, E'."""
_CSV_HEAD = re.compile(r"[^|,\n]+(?:,[^|,\n]+){2,}$")
"""A CSV header line: three cells or more, no bar."""


def blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with these spans blanked out (positions kept)."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def words_outside(text: str, spans: Iterable[tuple[int, int]]) -> set[str]:
    """The words of four letters or more the text has outside these spans, lower-cased: where a rule may use a
    word of a line a reader takes whole ('glossy' of 'from glossy to matte')."""
    return {w.lower() for w in re.findall(r"[^\W\d_]{4,}", blanked(text, spans))}


def normalise(text: str, lower: bool = True) -> str:
    """One kind of dash and arrow, tabs as '|' column marks, lower case; lengths are preserved."""
    out = text.lower() if lower else text
    for a, b in _REPLACE.items():
        out = out.replace(a, b)
    return out


def squeeze_rewriting(rw: Rewriting) -> None:
    """`squeeze` on a Rewriting."""
    rw.sub(_BLANKS, lambda m: "\n" * min(2, m.group(0).count("\n")) or " ")


def squeeze(text: str) -> str:
    """Each run of white space as one space, one line break or one blank line: no pattern then meets a long
    run of blanks, where patterns like `\\s*:?\\s*` would try every split of it."""
    return _BLANKS.sub(lambda m: "\n" * min(2, m.group(0).count("\n")) or " ", text)


class Rewriting:
    """A description being rewritten into the words the readers know ('job 3', '90 min'), remembering where each
    character came from, so that what is quoted back is the user's own words."""

    def __init__(self, text: str) -> None:
        self.source = text
        self.text = text
        self.origin = list(range(len(text) + 1))  # per character (and the end): its position in `source`

    def sub(self, pattern: str | re.Pattern[str], repl: str | Callable[[re.Match[str]], str], flags: int = 0) -> None:
        """`re.sub` on the text, each replacement traced to the start of what it replaced."""
        pieces: list[str] = []
        origin: list[int] = []
        last = 0
        for m in re.finditer(pattern, self.text, flags):
            new = m.expand(repl) if isinstance(repl, str) else repl(m)
            pieces += [self.text[last:m.start()], new]
            origin += self.origin[last:m.start()] + [self.origin[m.start()]] * len(new)
            last = m.end()
        pieces.append(self.text[last:])
        self.text, self.origin = "".join(pieces), origin + self.origin[last:]

    def splice(self, start: int, end: int, new: str) -> None:
        """Replace text[start:end] by `new`."""
        self.text = self.text[:start] + new + self.text[end:]
        self.origin = self.origin[:start] + [self.origin[start]] * len(new) + self.origin[end:]


QUALIFIED = (r"senior|junior|qualified|trained|certified|licen[cs]ed|registered|skilled|experienced|supervisors?|"
             r"keyholders?|key-holders?|first[- ]aiders?")
"""Words that ask for a kind of person (a grade, a skill): a rule no roster reader reads yet, so never dropped."""


_IDENTIFIER = r"\b[a-z]{1,4}-\d{3,}\b(?!\s*(?:-|to)\s*\d)"
"""A code with a long number in it ('T-204', 'PO-7781'): no value of the problem."""
_CONTACT = (r"\b(?:ext|extension|tel|phone|fax)\.?\s*(?:no\.?\s*)?\d[\d -]{1,14}\d\b|"
            r"\b(?:ticket|case|invoice|ref)\s*(?:no\.?\s*|#\s*)?\d{3,}\b|#\d{4,}\b")
"""A phone number, an extension or a ticket ('ext. 3307', 'tel 0161 555 0123', 'ticket #88213'): how to reach
someone or find a record, no value of the problem."""


_ORDINAL_NAME = (rf"\b\d{{1,2}}(?:st|nd|rd|th)\s+(?!(?:{JOB_NOUN}|{MACHINE_NOUN}|steps?|ops?|operations?|stages?|"
                 r"days?|weeks?|months?|shifts?|positions?|slots?|places?|ones?|of|and|or|to|in|on|at|by|for|from|"
                 r"after|before|is|was|time|hours?|minutes?|periods?|runs?|loads?)\b)[a-z]+")
"""An ordinal naming a thing that is no job, machine, step or time ('no 4th axis', 'the 3rd floor'): no value."""
_ORDINAL_TIMES = (r"\b\d{1,2}(?:st|nd|rd|th)\s+time\s+(?:this|that|in\s+(?:a|the\s+last))\s+(?:week|month|year|"
                  r"quarter|fortnight)\b")
"""How often something happened ('broken again, 3rd time this month'): chit-chat, no value."""


class Work:
    """The text being read (normalised and squeezed): extractors find matches, then `consume` them so nothing
    is read twice. Quotes show the words of `rewriting.source` when the text came from a `Rewriting`."""

    def __init__(self, text: str, rewriting: Rewriting | None = None) -> None:
        self.original = text
        self.rewriting = rewriting if rewriting is not None and len(squeeze(text)) == len(text) else None
        self.text = squeeze(normalise(text))
        self.cased = squeeze(normalise(text, lower=False))
        if len(self.cased) != len(self.text):  # exotic case folding changed lengths: give up on case
            self.cased = self.text

    @property
    def source(self) -> str:
        """The text as the user wrote it (before any reader rewrote or dropped a part), when known."""
        return self.rewriting.source if self.rewriting is not None else self.original

    def consume(self, start: int, end: int) -> None:
        """Blank out text[start:end]."""
        self.text = self.text[:start] + BLANK * (end - start) + self.text[end:]

    def finditer(self, pattern: str, flags: int = 0) -> Iterator[re.Match[str]]:
        """Matches over the current (partly consumed) text, from a snapshot."""
        return re.finditer(pattern, self.text, flags)

    def take(self, pattern: str, flags: int = 0) -> list[re.Match[str]]:
        """All matches of `pattern`, each consumed."""
        found = list(re.finditer(pattern, self.text, flags))
        for m in found:
            self.consume(m.start(), m.end())
        return found

    def is_capital(self, start: int) -> bool:
        """Whether the letter at `start` was written as a capital."""
        return self.cased[start].isupper()

    @cached_property
    def _marks(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the clause marks of the text (it keeps its length, so they never move)."""
        found = list(CLAUSE_END.finditer(self.cased))
        return [m.start() for m in found], [m.end() for m in found]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Where the clause holding text[start:end] begins and ends: sentence or clause marks (not the point of
        a number or of a list item such as '1.') and line breaks."""
        starts, ends = self._marks
        k = bisect.bisect_right(ends, start)
        j = bisect.bisect_left(starts, end)
        return (ends[k - 1] if k else 0), (starts[j] if j < len(starts) else len(self.cased))

    def quote(self, start: int, end: int) -> str:
        """The clause holding text[start:end], quoted in whole words as the user wrote them (`quote_around`)."""
        return self._quoted(self.clause(start, end), start)

    def quotes(self, spans: Iterable[tuple[int, int]]) -> list[str]:
        """The clauses holding these spans, each quoted once (`quote`)."""
        clauses: dict[tuple[int, int], str] = {}
        for start, end in spans:
            bounds = self.clause(start, end)
            if bounds not in clauses:
                clauses[bounds] = self._quoted(bounds, start)
        return list(clauses.values())

    def _quoted(self, bounds: tuple[int, int], at: int) -> str:
        if self.rewriting is None:
            return quote_around(self.cased, *bounds, at=at)
        origin, source = self.rewriting.origin, self.rewriting.source
        quoted = quote_around(source, origin[bounds[0]], origin[bounds[1]], at=origin[at])
        if quoted:
            return quoted
        line = (source.rfind("\n", 0, origin[at]) + 1, (source + "\n").find("\n", origin[at]))  # a clause the
        return quote_around(source, *line, at=origin[at])  # rewriting wrote whole: the user's line that held it

    def leftover_numbers(self) -> list[str]:
        """The clauses holding numbers no extractor used (ignoring those inside names), each quoted once."""
        named = "|".join((JOB_REF, MACHINE_REF, FORMULA, _IDENTIFIER, _CONTACT, _ORDINAL_NAME, _ORDINAL_TIMES))
        text = re.sub(named, lambda m: BLANK * len(m.group(0)), self.text)
        return self.quotes(m.span() for m in re.finditer(NUM, text))

    def job_refs(self, pattern: str = JOB_REF) -> list[re.Match[str]]:
        """Matches of a job mention in the text; one by a single letter ('batch a') only where the letter was
        written as a capital ('each batch a priority' names no job)."""
        return [m for m in re.finditer(pattern, self.text)
                if not re.fullmatch(rf"{JOB_NOUN}\s+[a-z]", m.group(0)) or self.is_capital(m.end() - 1)]

    def leftover_refs(self) -> list[tuple[str, str, str]]:
        """(canonical name, quoted clause, clause) of each job or machine mention no extractor read."""
        out = []
        quoted: dict[tuple[int, int], str] = {}
        for m in self.job_refs(rf"(?P<j>{JOB_REF})|(?P<m>{MACHINE_REF})"):
            name = job_name(m.group("j")) if m.group("j") else machine_name(m.group("m"))
            bounds = self.clause(m.start(), m.end())
            if bounds not in quoted:
                quoted[bounds] = self._quoted(bounds, m.start())
            out.append((name, quoted[bounds], self.text[slice(*bounds)]))
        return out


CLAUSE_END = re.compile(r"(?<!\d)[.;!?](?=\s|$)|\n")


def runs_of_lines(text: str, lines: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Matches of whole lines grouped in runs of lines one right after the other."""
    runs: list[list[re.Match[str]]] = []
    for m in lines:
        if runs and text[runs[-1][-1].end():m.start()] == "\n":
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins and ends (a '.', '!', '?' or a line break)."""
    first = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    stops = [k for k in (text.find(c, start if end is None else end) for c in ".!?\n") if k >= 0]
    return first, min(stops, default=len(text))


def on_own_line(text: str, at: int) -> bool:
    """Whether only a bullet or a list number, an article (or text already read) stands before position `at` on
    its line ('- The job 2: ...')."""
    # blanks stripped first: a pattern with two runs of them in a row tries every split of a long run
    before = text[text.rfind("\n", 0, at) + 1:at].lstrip(f" \t{BLANK}")
    return re.fullmatch(rf"(?:(?:[-*+\u2022]|\d{{1,2}}[.)])[ \t{BLANK}]*)?(?:(?i:the|our|a|an)[ \t]+)?",
                        before) is not None


def quote_around(text: str, left: int, right: int, at: int, limit: int = 90) -> str:
    """text[left:right] in whole words, shortened to about `limit` characters around position `at` ('...'
    marks a cut)."""
    words = list(re.finditer(r"\S+", text[left:right]))
    keep = [w for w in words if abs((w.start() + w.end()) / 2 + left - at) <= limit / 2] or words[:1]
    quote = " ".join(w.group(0) for w in keep).rstrip(".;,:!?")
    if keep and keep[0] is not words[0]:
        quote = "..." + quote
    if keep and keep[-1] is not words[-1]:
        quote += "..."
    return quote


def singular(word: str) -> str:
    """A noun's singular as rosters and resources name it: 'cranes' -> 'crane', 'batteries' -> 'battery'."""
    word = word.strip()
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def count_value(word: str) -> int:
    """'4' or 'four' -> 4."""
    word = word.strip()
    return int(word) if word.isdigit() else WORD_NUMBERS[word]


def to_fraction(num: str) -> Fraction:
    """Exact value of a decimal literal (with a minus sign, also the typographic one)."""
    return Fraction(num.replace("\u2212", "-"))


def unit_of(word: str | None) -> str | None:
    """Canonical unit name of a unit word (None stays None)."""
    if not word:
        return None
    return UNIT_WORDS.get(word.strip().rstrip("."))


def time_values(chunk: str) -> list[TimeVal]:
    """Every number in `chunk` as a time value; a unit written after the last number applies to bare ones."""
    vals = []
    for m in re.finditer(_TIME_PARTS, chunk):
        vals.append(TimeVal(to_fraction(m.group("num")), unit_of(m.group("unit"))))
    trailing = re.search(rf"{NUM}\s*\)?\s*(?:\(?\s*(?:in\s+)?)?({UNIT_PATTERN})\s*\)?$", chunk.rstrip())  # after the
    # last number: '3, 2, 4 h'; never '1 h/20/30', whose bare numbers keep the text's unit
    units = {v.unit for v in vals if v.unit}
    if len(units) == 1 and trailing is not None:
        only = units.pop()
        vals = [TimeVal(v.value, v.unit or only) for v in vals]
    return vals


def integers(chunk: str) -> list[int]:
    """Every whole number in `chunk`."""
    return [int(Fraction(x)) for x in re.findall(NUM, chunk) if Fraction(x).denominator == 1]


def job_name(ref: str) -> str:
    """Canonical job/task name: 'job 3', 'J3', 'order #3' -> 'J3'; 'task b' -> 'B'; 'task a1' -> 'A1'."""
    ref = ref.strip()
    tail = re.search(r"(?:^|[\s#])([a-z]\d*|\d+)$", ref)
    if re.fullmatch(r"j\d+", ref):
        return f"J{int(ref[1:])}"
    if tail is None:
        return ref.upper()
    name = tail.group(1)
    return f"J{int(name)}" if name.isdigit() else name.upper()


def machine_name(ref: str) -> str:
    """'machine 2' / 'M2' -> 'M2'."""
    digits = re.search(r"(\d+)", ref)
    return f"M{int(digits.group(1))}" if digits else ref.upper()


_ONE_MACHINE = re.compile(r"(?i)\b(?:done|made|run|processed|cut|turned)\s+(?:completely\s+|entirely\s+)?on\s+"
                          r"(?:just\s+|only\s+)?one\s+of\s+the\b|\bwhichever\s+(?:we|you|i)\s+(?:pick|choose)|"
                          r"\b(?:each|every)\s+\w+\s+(?:runs|goes|is\s+done|is\s+run)\s+(?:entirely\s+|completely\s+|"
                          r"start[- ]to[- ]finish\s+|from\s+start\s+to\s+finish\s+)?on\s+"
                          rf"(?:just\s+|only\s+|exactly\s+)?(?:one|a\s+single)\s+(?:machine|of|{MACHINE_NOUN})\b")


def one_machine_said(text: str) -> bool:
    """Whether the text says each job runs on one machine of several ('each part is done completely on one of the
    two machines'): the times a job's line gives on each are then its choices, not its steps. Said of an
    operation ('each operation runs on one of its machines') it is no such thing."""
    for m in _ONE_MACHINE.finditer(text):
        sentence = text[max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1:m.end()]
        if not re.search(r"(?i)\b(?:op|ops|operations?|steps?|stages?)\b", sentence):
            return True
    return False


def stem(word: str) -> str:
    """One form for a station's words: 'drilling', 'driller' -> 'drill'; 'cutting', 'cutter' -> 'cut'."""
    if re.fullmatch(MACHINE_REF, word):
        return machine_name(word)
    for ending in ("ing", "ers", "er", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":  # 'cutt' -> 'cut', not 'press' or 'drill'
        word = word[:-1]
    return word.removesuffix("e")


_TITLE_NUMBER = re.compile(r"(?i)\b(?!(?:and|the|for|from|with|until|till|at|by|due|takes?|needs?|weight|priority|"
                          r"deadline|time|is|are|of|in|on|to|than|over|after|before|jobs?|tasks?|orders?)\b)"
                          rf"[a-z]{{2,}}[ \t]+(?P<n>\d{{1,4}})\b(?![ \t]*(?:[:.,/x*=-]\s*\d|%|(?:{UNIT_PATTERN})\b))")


def title_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of the numbers of a heading that only name things ('grading suite 2 - reel queue', 'Rota - week 14'):
    in the text's first line above a blank line, or in its short first sentence ('Surgery 2 refit at the
    clinic.'), a number right after a word is part of a name."""
    for heading in (r"[ \t]*([^\n]{3,100})\n[ \t]*\n", r"[ \t]*([^\n.]{3,60})\.\s"):
        first = re.match(heading, text)
        if first is not None and not re.search(r"[:=|]", first.group(1)):
            return [m.span("n") for m in _TITLE_NUMBER.finditer(text, 0, first.end(1))]
    return []
