"""Machines declared by name, and the job lines that choose among them.

A fleet is declared in a sentence: '3 CNC lathes in the hall: the new Haas, the DMG and the old Okuma', 'two mixers
(the big one A and the old one B)', 'two sanding stations, A and B', 'Machines: Jet A, Jet B, the Dryer and the
Stenter'. Job lines then name their steps and where each may run: 'flanges - Haas 40, DMG 55, Okuma 70' (one step,
three machines), 'Baguettes: mixing 20 min on A or 25 min on B; baking 25 min in either oven; packing 10 min'. A
mention is resolved against the fleet: a whole name, a word only one machine's name has ('the old lathe'), or a bare
letter within the step's family ('on A' while mixing). A step that names no machine runs where that step runs in
every other line, or on the one machine whose name shares its word ('packing' and 'one packing table').

The reader is all or nothing: every job line must be read whole (each of its numbers used) or nothing is taken, and
the other readers (and, failing them, a question) see the text as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ordino.formulate.offline.job_lines import job_value
from ordino.formulate.offline.text import (
    MACHINE_NOUN,
    SLASHED_NAMES,
    TIME,
    Rewriting,
    count_value,
    stem,
    time_values,
    words_outside,
)
from ordino.formulate.offline.units import TimeVal

Route = list[list[tuple[str, TimeVal]]]

_DECLARED = re.compile(
    r"(?i)\b(?P<n>two|three|four|five|[2-5])\s+(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*?)(?:es|s)\b"
    r"(?:\s+(?:in|on)\s+the\s+\w+)?\s*(?:\(\s*(?P<l1>[^()\n]{1,120})\)|[:,]\s*(?P<l2>[^().;:\n]{1,120}))")
"""'two ovens (Oven 1 and Oven 2)', '3 CNC lathes in the hall: the new Haas, the DMG and the old Okuma'."""
_COUNTED = re.compile(r"(?i)(?<![\d.,])\b(?P<n>two|three|four|five|[2-5])\s+(?!(?:h|hrs?|hours?|min|mins|minutes?)\b)"
                      r"(?P<noun>(?:(?!(?:on|in|at|the|of|and|or|to|for)\b)[a-z][a-z-]*\s+){0,2}?"
                      r"(?!(?:on|in|at|the|of|and|or|to|for)\b)[a-z][a-z-]*?)(?:es|s)\b")
"""Machines counted, not named: 'two blast chillers', named in the lines by a letter or number ('chiller 1')."""
_BULLETED = re.compile(r"(?m)^(?P<head>[^\n]*):[ \t]*\n"
                       r"(?P<l>(?:[ \t]*[-*\u2022][ \t]*[^\d\n]+\n)+)")
"""'Kit we have:' and a line for each machine, no numbers: '- the CNC router', '- Lena's bench (she sands there)'."""
_LISTED = re.compile(r"(?im)\b(?:machines|equipment|kit|stations)\s*:\s*(?P<l>[^.;:\n]{1,160})")
"""'Machines: Jet A (newer, faster), Jet B, the Dryer, and the Stenter', 'Equipment: prep Line A, Oven 1, Oven 2'."""
_STEP_ON = re.compile(r"(?i)(?:^|(?<=[.;!?\n])|(?<=[.;!?]\s))\s*(?P<step>[a-z]{3,}(?:ing)?)\s+(?:can|could|may)\s+"
                      r"(?:(?:either|also)\s+)?(?:go|be\s+done|be\s+run|run|happen)\s+(?:on|at|in)\s+(?:either\s+)?"
                      r"(?P<l>[^.;:\n]{3,120}?\bor\b[^.;:\n]{2,60}?)(?=\s*[.;\n])")
"""The machines a step may use, said of the step: 'Printing can go on the digital press or the offset press', 'prep
can be done at either the manual bench or the robotic prep station', 'Cutting can go on the big guillotine or the
small one' (each a family of its own, named by the step)."""
_ONE = re.compile(r"(?i)\b(?:one|a|an|1)\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)")
_SINGLE = re.compile(r"\b(?:[Oo]ne|[Aa]n?)\s+(?!(?:is|are|was|has)\b)(?P<noun>(?:(?:[a-z][\w-]*|[A-Z]{2,5})\s+){0,2}"
                     r"[a-z][\w-]*)"
                     r"(?=\s*(?:[,.;:()]|\band\b|$))")
"""A single machine declared: 'and a deburring station.', 'one tilting kettle,'."""
_DESCRIBED = re.compile(r"\b(?P<name>[\w-]+(?:\s+[\w-]+)?)\s+is\s+(?:the\s+|a\s+(?:bit\s+)?)?[a-z]+(?:er|est)\b"
                        r"(?:\s+one)?(?=\s*(?:[.;,)]|$))")
"""A member described without a number: 'Press A is the faster one', 'Press B is slower'."""
_SLASHED = re.compile(rf"(?P<v>(?:{TIME}|-|x)(?:\s*/\s*(?:{TIME}|-|x))+)\s*(?:\((?P<l>[^()\n]*)\))?"
                      r"\s*(?:,\s*(?:in\s+the\s+)?same\s+order)?")
"""Times split by slashes, one per machine: '45 / 70', '1.5 h / 80 min (Haas / DMG)', '40 / 35 min, same order'."""
_LEGEND = re.compile(SLASHED_NAMES)
_NAMED = re.compile(r"\b(?:[a-z]+(?:-[a-z\d]+)+|[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|\d{1,2}|[a-z]{3,}))*|"
                    r"[A-Z]{1,4}-?\d{1,2}|\d{1,2})$")
"""The name at the end of a listed piece: 'Haas', 'Colchester lathe', 'CNC-1', 'Oven 1', 'A'."""
_LINE = re.compile(r"(?m)^[ \t]*(?:[-*\u2022][ \t]*)?(?P<name>[^\n:;]{1,60}?)[ \t]*(?::(?!\d)|[ \t]-[ \t])[ \t]*"
                   r"(?P<body>[^\n]*\d[^\n]*)$")
_STEP_SPLIT = re.compile(r"\s*(?:;|->|>|,\s*then\b|\bthen\b|\.\s+(?=[A-Z]))\s*")
_ALL = re.compile(r"(?i)\b(?:either|any|both|all)\b(?:\s+(?:of\s+the\s+)?(?P<noun>[a-z]+))?")
_NOT = re.compile(r"(?i)\b(?:cannot|can't|can not|not\s+on|no)\b")
_FILLER = re.compile(r"(?i)\b(?:on|in|at|the|only|min(?:ute)?s?|h|hours?|hrs?|or|by|a|an|with|for|same|order|"
                     r"either|any|both|station|machine|of|to|it|do|can|cannot|can't|not|no|done|just|one|which|has|have|"
                     r"must|be|goes|go)\b|[(),/!.]")


@dataclass
class Fleet:
    """The machines a text declares, by family (the stem of the family's noun), and what was read of them."""

    families: dict[str, list[str]] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)
    said: set[str] = field(default_factory=set)  # words of the text outside the job lines

    @property
    def members(self) -> list[str]:
        return [m for ms in self.families.values() for m in ms]

    @cached_property
    def aliases(self) -> dict[str, list[str]]:
        """How a text may name each machine: its whole name, and each word no other machine's name has (read once
        the families are declared)."""
        out = {}
        for member in self.members:
            others = [m for m in self.members if m != member]
            words = [w for w in re.findall(r"[\w-]+", member) if len(w) > 1 or w.isupper() or w.isdigit()]
            out[member] = [member, *(w for w in words if not any(
                re.search(rf"(?i)(?<![\w-]){re.escape(w)}(?![\w-])", o) for o in others))]
        return out


@dataclass
class FleetRead:
    """The routes a fleet's job lines gave, in the lines' order."""

    routes: dict[str, Route] = field(default_factory=dict)
    values: dict[str, dict[str, TimeVal]] = field(default_factory=dict)  # a job's release, due time or weight


def read_fleet(rw: Rewriting) -> FleetRead | None:
    """Read the declared machines and every job line choosing among them; the lines and declarations read are
    taken out of `rw`. None (and `rw` untouched) when the text has no such fleet or a line is not read whole."""
    fleet = _declared(rw.text)
    lines = [m for m in _LINE.finditer(rw.text) if not any(a < m.end() and m.start() < b for a, b in fleet.spans)]
    fleet.said = words_outside(rw.text, (m.span() for m in lines))
    _add_singles(fleet, rw.text, [m.span() for m in lines])
    if len(fleet.members) < 2:
        return None
    legend = _legend(rw.text, fleet, [m.span() for m in lines])
    staged = _step_legends(rw.text, fleet, [m.span() for m in lines])
    read = FleetRead()
    learned: dict[str, set[str]] = {}  # step stem -> the machines named for it
    parsed: list[tuple[re.Match[str], str, list[tuple[str, list[tuple[str | None, TimeVal]]]]]] = []
    for m in lines:
        body, values = _job_values(m.group("name"), m.group("body"))
        steps = _slashed(body, fleet, legend) if _SLASHED.fullmatch(body.strip().rstrip(".")) else \
            _staged_slashes(body, staged) if staged else _steps(body, fleet)
        if steps is None or values is None:
            return None
        if not steps:
            continue
        parsed.append((m, _job_name(m.group("name")), steps))
        read.values[_job_name(m.group("name"))] = values
        for step, alts in steps:
            if step and all(machine is not None for machine, _ in alts):
                learned.setdefault(step, set()).update(machine for machine, _ in alts if machine is not None)
    if len(parsed) < 2 or not any(len(alts) > 1 for _, _, steps in parsed for _, alts in steps):
        return None  # no choice of machines anywhere: the other readers' case
    for _, name, steps in parsed:
        route: Route = []
        for step, alts in steps:
            if any(machine is None for machine, _ in alts):
                where = _where(step, learned, fleet, rw.text)
                if where is None or len(alts) != 1:
                    return None  # a step without a machine that no other line or name settles: asked
                alts = [(where, alts[0][1])]
            op = [(machine, tv) for machine, tv in alts if machine is not None]
            if len({machine for machine, _ in op}) != len(op):
                return None  # one machine twice among a step's choices: a name was misread
            route.append(op)
        if name in read.routes:
            return None
        read.routes[name] = route
    names = {a.lower() for aliases in fleet.aliases.values() for a in aliases}
    lined = [m.span() for m in lines]
    fleet.spans += [m.span() for m in _DESCRIBED.finditer(rw.text) if m["name"].lower() in names and not any(
        a <= m.start() < b for a, b in [*lined, *fleet.spans])]  # 'Press A is the faster one': said of a member
    merged: list[tuple[int, int]] = []
    for a, b in sorted([*(m.span() for m, _, _ in parsed), *fleet.spans]):  # each character taken once, from the
        # end backwards (a declaration and a legend may overlap; a legend may come after the lines)
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    for a, b in reversed(merged):
        rw.splice(a, b, "")
    return read


def _declared(text: str) -> Fleet:
    """The machine families the text declares (each of two or more named machines)."""
    fleet = Fleet()
    for m in _DECLARED.finditer(text):
        names = _pieces(m.group("l1") or m.group("l2"))
        if names is None or len(names) != count_value(m.group("n").lower()):
            continue
        suffix = "es" if text.startswith("es", m.end("noun")) else "s"  # 'balanc' + 'es'
        noun = _singular((m.group("noun").split()[-1] + suffix).lower())
        fleet.families[stem(noun)] = [f"{noun.capitalize()} {n}" if re.fullmatch(r"[A-Z]|\d{1,2}", n) else n
                                      for n in names]
        fleet.spans.append(m.span())
    refs: dict[str, dict[str, str]] = {}  # a word's stem -> the letters or numbers it is named with
    for ref in re.finditer(r"\b(?P<w>[A-Za-z]{3,})\s+(?P<k>[A-Z]|\d{1,2})\b(?![.,]\d|\s*(?:min|h\b|hours?|hrs?))",
                           text):  # 'chiller 1', 'Combi A', never 'h 40' of '1 h 40'
        refs.setdefault(stem(ref["w"].lower()), {}).setdefault(ref["k"].upper(),
                                                              f"{ref['w'].capitalize()} {ref['k'].upper()}")
    for m in _COUNTED.finditer(text):  # 'two blast chillers' and, in the lines, 'chiller 1', 'chiller 2'
        nouns = {stem(w.lower()) for w in m.group("noun").split()}
        if any(a < m.end() and m.start() < b for a, b in fleet.spans) or nouns & set(fleet.families) or \
                stem(m.group("noun").split()[-1].lower()) in _GENERIC:  # 'four sample batches': jobs, no machines
            continue
        called = {k: name for noun in nouns for k, name in refs.get(noun, {}).items()}
        if len(called) == count_value(m.group("n").lower()):
            fleet.families[stem(m.group("noun").split()[-1].lower())] = list(called.values())
            fleet.spans.append(m.span())
    for m in _BULLETED.finditer(text):  # 'Kit we have:' and a line for each machine
        if not re.search(r"(?i)\b(?:kit|machines?|equipment|stations?|resources?|tools?)\b", m.group("head")):
            continue
        names = [re.sub(r"^(?:the|our|a|an)\s+|\s*\([^()]*\)\s*$", "", item.strip()) for item in
                 re.findall(r"(?m)^[ \t]*[-*\u2022][ \t]*([^\n]+)$", m.group("l"))]
        if len(names) >= 2 and not fleet.families and all(re.fullmatch(r"[\w' -]{2,40}", n) for n in names):
            for n in names:
                fleet.families.setdefault(stem(n.split()[-1].lower()), []).append(n)
            fleet.spans.append(m.span())
    for m in _STEP_ON.finditer(text):
        names = _step_machines(m.group("l"))
        if len(names) < 2 or any(a < m.end() and m.start() < b for a, b in fleet.spans):
            continue
        fleet.families.setdefault(stem(m.group("step").lower()), names)
        fleet.spans.append(m.span())
    for m in _LISTED.finditer(text):
        names = _pieces(re.sub(r"\([^()]*\)", "", m.group("l")))
        if names is None or len(names) < 2 or any(a < m.end() and m.start() < b for a, b in fleet.spans):
            continue
        for n in names:
            fleet.families.setdefault(stem(n.split()[0].lower()), []).append(n)
        fleet.spans.append(m.span())
    return fleet


def _step_machines(listed: str) -> list[str]:
    """The machines of 'the digital press or the offset press', 'the big guillotine or the small one' (the small
    guillotine), 'either the old GC or the new GC-MS'; [] when a piece is no name of a few words."""
    names: list[str] = []
    for piece in re.split(r"\s*(?:,\s*or|,|\bor\b)\s*", listed.strip()):
        piece = re.sub(r"^(?:either\s+)?(?:on\s+|at\s+|in\s+)?(?:the|our|a|an)\s+", "", piece.strip())
        if names and re.fullmatch(r"(?:[a-z]+\s+)?one", piece):  # 'the small one': the noun of the piece before
            piece = re.sub(r"one$", names[-1].split()[-1], piece)
        if not re.fullmatch(r"[\w-]+(?:\s+[\w-]+){0,3}", piece) or re.search(r"\d|\b(?:min|h|hours?)\b", piece):
            return []
        names.append(piece)
    return names


def _singular(plural: str) -> str:
    """'balances' -> 'balance', 'presses' -> 'press', 'benches' -> 'bench'."""
    return plural[:-2] if re.search(r"(?:ss|x|sh|ch|z)es$", plural) else plural[:-1] if plural.endswith("s") else plural


_GENERIC = {stem(w) for w in ("time", "machine", "station", "resource", "job", "task", "order", "piece", "step",
                               "batch", "part", "lot", "thing", "day", "hour", "minute", "shift", "operation",
                               "count", "weight", "priority", "sample", "unit", "item", "product")}
"""Nouns that name no single machine ('on one machine', 'one job at a time')."""


def _add_singles(fleet: Fleet, text: str, lines: list[tuple[int, int]]) -> None:
    """Add each single machine the text declares outside the job lines ('and a deburring station.', 'one tilting
    kettle,', the pieces of 'Kit: ..., the capsule machine, the tube filler') as a family of its own, unless its
    noun is a counted family's already; singles of one noun are one family ('an old press brake, a new press
    brake')."""
    counted = set(fleet.families)
    found = [(m.start(), m.group("noun")) for m in _SINGLE.finditer(text)
             if not _NOT_DECLARING.search(text[max(0, m.start() - 12):m.start()])
             and not _VERB.search(m.group("noun"))]
    for kit in _KIT.finditer(text):
        found += [(kit.start("l") + piece.start(), re.sub(r"^(?:the|our)\s+", "", piece.group(0))) for piece in
                  re.finditer(r"(?<![\w(])(?:the|our)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?(?=\s*(?:,|\band\b|$))",
                              kit.group("l"))]
    for at, phrase in sorted(found):
        head = stem(phrase.split()[-1].lower())
        generic = " " not in phrase and head in _GENERIC  # 'one machine', not 'a deburring station'
        if any(a <= at < b for a, b in [*lines, *fleet.spans]) or generic or head in counted or \
                any(stem(w.lower()) in counted for w in phrase.split()) or phrase in fleet.families.get(head, []):
            continue
        fleet.families.setdefault(head, []).append(phrase)


_NOT_DECLARING = re.compile(r"(?i)\b(?:needs?|requires?|gets?|takes?|into|in|for|of|after|before|then|per|at|without|"
                            r"with|no|we're|we\s+are|i'm|i\s+am|is|are|was|be)\s+$")
"""Words before 'a ...' that make it no machine the text has ('needs a build', 'without a break')."""
_VERB = re.compile(r"(?i)\b(?:needs?|requires?|has|have|gets?|takes?|is|are|was|does|do)\b")
"""A verb among the words after 'one': 'one needs a build' declares nothing."""
_KIT = re.compile(r"(?im)^[ \t]*(?:kit|equipment|machines|resources|stations)\s*:\s*(?P<l>[^.;:\n]{1,240})")
"""'Kit: two balances (A and B), ..., the capsule machine, the tube filler, and the fill bench'."""


def _pieces(listed: str) -> list[str] | None:
    """The machine names of a list ('the new Haas, the DMG and the old Okuma'): a piece without a name describes
    the next ('the old one, CNC-1'); None when a piece is neither."""
    names: list[str] = []
    for piece in re.split(r"\s*(?:,\s*and|,|\band\b|&)\s*", listed.strip()):
        piece = re.sub(r"^(?:the|our|a|an)\s+", "", piece.strip())
        described = re.match(r"(?P<n>\S+(?:\s+(?:[A-Z]|\d{1,2}))?)\s+(?:is|are)\s+(?:the|a|an|our)\b", piece)
        if described and _NAMED.fullmatch(described["n"]):  # 'Lift 1 is the newer one': the name it describes, once
            if described["n"] not in names:
                names.append(described["n"])
            continue
        if not piece:
            continue
        named = _NAMED.search(piece)
        if named is None or named.group(0).lower() in ("one",):
            if re.fullmatch(r"(?:the\s+)?(?:\w+\s+)?(?:one|ones)", piece):
                continue
            return None
        names.append(named.group(0))
    return names


def _job_values(label: str, body: str) -> tuple[str, dict[str, TimeVal] | None]:
    """The body without the pieces saying a job's release, due time or weight, and those values, from the body
    ('...; due 300 min', '... Promised for 465 min.') or a bracket of the name ('(priority 1)'); None for a value
    said twice, or a number in a bracket of the name that is none of them ('(2 h)' is never dropped with the
    bracket)."""
    values: dict[str, TimeVal] = {}
    pieces = [p for bracket in re.findall(r"\(([^()]*)\)", label) for p in bracket.split(",")] + _said_of(label)
    kept = []
    for piece in re.split(r"(\s*(?:;|\.\s+(?=[A-Z])|\.$)\s*)", body):
        said = job_value(piece) if re.search(r"\d", piece) else None
        if said is None or said[0] == "p":
            kept.append(piece)
        else:
            pieces.append(piece)
    for piece in pieces:
        said = job_value(piece)
        if re.search(r"\d", piece) and (said is None or said[0] == "p"):
            return body, None
        if said is not None and said[0] != "p":
            if said[0] in values:
                return body, None
            values[said[0]] = said[1]
    return "".join(kept), values


def _job_name(label: str) -> str:
    """A job's name as written, without a bracket describing it or the values said after it ('Wing rib, due
    10:45')."""
    name = re.sub(r"\s*\([^()]*\)", "", label).strip()
    return name.split(",")[0].strip() if _said_of(label) else name


def _said_of(label: str) -> list[str]:
    """The pieces after a comma in a job's label when each says a value of the job ('Wing rib, due 165 min')."""
    pieces = [p.strip() for p in re.sub(r"\([^()]*\)", "", label).split(",")[1:]]
    said = [job_value(p) for p in pieces]
    return pieces if pieces and all(v is not None and v[0] != "p" for v in said) else []


def _legend(text: str, fleet: Fleet, lines: list[tuple[int, int]]) -> list[str] | None:
    """The machines a bracket outside the job lines lists in the order of their times ('Batch times in minutes
    (Haas / Mazak):'), its span then taken as read; None when there is no such bracket."""
    for m in _LEGEND.finditer(text):
        order = _order(m.group("l"), fleet)
        if order is not None and not any(a <= m.start() < b for a, b in lines):
            fleet.spans.append(m.span())
            return order
    return None


_STEP_LEGEND = re.compile(r"\((?P<l>[^()\n]*/[^()\n]*\bfor\s+[a-z]+(?:\s*,\s*[^()\n]*/[^()\n]*\bfor\s+[a-z]+)+)\)")
"""The machines of each step in the order of their times: '(manual bench / robot for prep, old GC / GC-MS for
analysis)'."""
_STEP_SLASHED = re.compile(rf"(?i)(?P<step>[a-z]+)\s+(?P<v>{TIME}(?:\s*/\s*{TIME})+)")


def _step_legends(text: str, fleet: Fleet, lines: list[tuple[int, int]]) -> dict[str, list[str]]:
    """Each step's machines in the order a legend lists them (step stem -> machines), from a bracket outside the job
    lines whose every group names the members of that step's family; {} when there is none."""
    for m in _STEP_LEGEND.finditer(text):
        if any(a <= m.start() < b for a, b in lines):
            continue
        out: dict[str, list[str]] = {}
        for group in m.group("l").split(","):
            listed, _, step = group.rpartition(" for ")
            family = _family(step.strip(), fleet)
            order = [_one_of(piece.strip(), family) for piece in listed.split("/")]
            if not family or None in order or len(set(order)) != len(order):
                break
            out[stem(step.strip().lower())] = [o for o in order if o is not None]
        else:
            fleet.spans.append(m.span())
            return out
    return {}


def _one_of(piece: str, family: list[str]) -> str | None:
    """The one member of a family a legend's piece names: by its words, each the start of a word of the member's
    name ('robot' for 'robotic prep station', 'GC-MS' for 'new GC-MS')."""
    words = [w.lower() for w in re.findall(r"[\w-]+", re.sub(r"^(?:the|our)\s+", "", piece))]
    found = [m for m in family if words and all(any(x.startswith(w) for x in re.findall(r"[\w-]+", m.lower()))
                                                 for w in words)]
    return found[0] if len(found) == 1 else None


def _staged_slashes(body: str, staged: dict[str, list[str]]) -> list[tuple[str, list[tuple[str | None, TimeVal]]]] \
        | None:
    """The steps of a line of step words with times split by slashes ('prep 30 / 20, analysis 40 / 25'), on the
    machines the legend lists for each step; [] for a line without slashes (no job's), None when a piece is not
    such a step."""
    out: list[tuple[str, list[tuple[str | None, TimeVal]]]] = []
    if not _STEP_SLASHED.search(body):
        return out
    for piece in re.split(r"\s*(?:[,;]|\bthen\b)\s*", body.strip().rstrip(".")):
        if not piece:
            continue
        m = _STEP_SLASHED.fullmatch(piece)
        order = staged.get(stem(m.group("step").lower())) if m else None
        cells = [c.strip() for c in m.group("v").split("/")] if m else []
        if m is None or order is None or len(order) != len(cells):
            return None
        times = [time_values(c)[0] for c in cells]
        unit = times[-1].unit
        out.append((stem(m.group("step").lower()), [(machine, TimeVal(tv.value, tv.unit or unit))
                                                      for machine, tv in zip(order, times, strict=True)]))
    return out


def _order(listed: str, fleet: Fleet) -> list[str] | None:
    """The machines of 'Haas / DMG / Mazak', each named once; None when a piece names no one machine."""
    found = [_mentions(piece.strip(), fleet) for piece in listed.split("/")]
    if any(len(f) != 1 for f in found) or len({f[0] for f in found}) != len(found):
        return None
    return [f[0] for f in found]


def _slashed(body: str, fleet: Fleet, legend: list[str] | None) -> list[tuple[str, list[tuple[str | None, TimeVal]]]] \
        | None:
    """The one step of a line of times split by slashes ('45 / 70', '1.5 h / 80 min / 100 min (Haas / DMG /
    Mazak)', '40 / 35 / 30 min, same order'), on the machines of its bracket or of the text's legend; a '-' is a
    machine that cannot. None when no legend gives as many machines as there are times."""
    m = _SLASHED.fullmatch(body.strip().rstrip("."))
    assert m is not None
    order = _order(m.group("l"), fleet) if m.group("l") else legend
    cells = [c.strip() for c in m.group("v").split("/")]
    if order is None or len(order) != len(cells):
        return None
    last = time_values(cells[-1])
    unit = last[0].unit if last else None
    alts: list[tuple[str | None, TimeVal]] = []
    for machine, cell in zip(order, cells, strict=True):
        if cell.lower() in ("-", "x"):
            continue
        tv = time_values(cell)[0]
        alts.append((machine, TimeVal(tv.value, tv.unit or unit)))
    return [("", alts)] if alts else None


def _steps(body: str, fleet: Fleet) -> list[tuple[str, list[tuple[str | None, TimeVal]]]] | None:
    """(step stem, [(machine or None, time)]) of a job line's body; [] for a line naming no machine at all, None
    when a piece is not read whole."""
    if not _mentions(body, fleet) and not _ALL.search(body):
        return []
    out: list[tuple[str, list[tuple[str | None, TimeVal]]]] = []
    for segment in _STEP_SPLIT.split(body.strip().rstrip(".")):
        if not segment or re.fullmatch(r"(?i)no\s+\w+(?:\s+(?:needed|required|this\s+time))?", segment.strip()):  # 'no
            # edging', 'No routing needed': a step it skips
            continue
        segment = re.sub(r"^\s*\(?\d\)\s*", "", segment)  # '2) deburring, 2 h', '(1) turning': the steps' numbers
        segment, refused = _refusals(segment)
        segment = re.sub(r"\s*\((?=[^()\d]*\s[^()\d]*\s)[^()\d]*\)", "", segment)  # '(A doesn't have the rack)'
        words = _step_words(segment, fleet)
        step = words[0] if words else ""
        alts = _alternatives(segment, words, fleet)
        if alts is None:
            return None
        if any(machine in _mentions(refused, fleet, step) for machine, _ in alts):
            return None  # '(won't fit in B)' beside a time on B
        if len(alts) == 1 and alts[0][0] is None and (named := _machine_named(segment)) is not None:
            alts = [(named, alts[0][1])]  # 'then folding machine 20 min', 'then the binder, 30 min': the step's machine
        units = {tv.unit for _, tv in alts if tv.unit is not None}
        if len(units) == 1:  # '30 min in booth A or 40 in B': the 40 is minutes too
            unit = units.pop()
            alts = [(machine, TimeVal(tv.value, tv.unit or unit)) for machine, tv in alts]
        out.append((step, alts))
    return out


_MACHINE_STEP = re.compile(rf"(?i)^\s*(?:on\s+|in\s+|at\s+)?(?:the\s+)?(?P<n>(?:[a-z][\w-]*\s+)?(?:{MACHINE_NOUN}|"
                           r"[a-z]{3,}ator))"
                           rf"\s*,?\s*(?:for\s+)?{TIME}\s*$")
"""A step named by the one machine it runs on ('folding machine 20 min', 'the binder, 30 min', 'laminator 25 min')."""


def _machine_named(segment: str) -> str | None:
    """The machine a step's words name, when they name one by its noun and give one time."""
    m = _MACHINE_STEP.match(segment.strip().rstrip("."))
    return m.group("n") if m else None


def _refusals(segment: str) -> tuple[str, str]:
    """The segment without its brackets that refuse a machine ('(the trays don't fit in 2)'), and those brackets."""
    found = re.findall(r"\((?=[^()]*\b(?:don't|won't|can't|doesn't|does\s+not|cannot|not)\b)[^()]*\)", segment)
    for bracket in found:
        segment = segment.replace(bracket, " ")
    return segment, " ".join(found)


def _step_words(segment: str, fleet: Fleet) -> list[str]:
    """The stems of the words before the first time or machine ('edge banding only on A, 30 min': 'edg', 'band');
    the first names the step."""
    words: list[str] = []
    for m in re.finditer(r"[A-Za-z][\w-]*|\d", segment):
        w = m.group(0)
        named = len(w) > 1 and _mentions(w, fleet)
        if named and not words and m.start() == len(segment) - len(segment.lstrip()) and \
                _mentions(segment[m.end():], fleet):  # 'fill on the capsule machine' beside a 'fill bench'
            named = []
        if w[0].isdigit() or named:
            break
        if not _FILLER.fullmatch(w):
            words.append(stem(w.lower()))
    return words


def _alternatives(segment: str, words: list[str], fleet: Fleet) -> list[tuple[str | None, TimeVal]] | None:
    """The (machine, time) choices of one step, whose words (stems) are given; None when a number or a name is
    left over."""
    step = words[0] if words else ""
    pieces = re.split(r"(?i)\s*\bor\b\s*|\s*/\s*", segment)
    if len(pieces) == 1 and segment.count(",") >= 1:
        commas = [p for p in re.split(r"\s*,\s*", segment) if p]
        named = [m for p in commas for m in _mentions(p, fleet)]
        kin = {fam for fam, members in fleet.families.items() if set(named) <= set(members)}
        if sum(bool(_mentions(p, fleet)) and bool(re.search(TIME, p)) for p in commas) >= 2 and kin:
            pieces = commas  # 'Haas 40, DMG 55, Okuma 70': the machines of one step (of one kind: 'lathe 2h, mill
            # 3h' is two steps)
    shared = [tv for p in pieces for tv in time_values(_unnamed(p, fleet, step))]
    if len(shared) == 1 and len(pieces) == 1 and (every := _ALL.search(segment)):  # 'baking 25 min in either oven'
        family = _family(every.group("noun") or step, fleet)
        return [(m, shared[0]) for m in family] if family else None
    out: list[tuple[str | None, TimeVal]] = []
    for piece in pieces:
        if _NOT.search(piece):
            if re.search(r"\d", piece):
                return None
            continue  # 'Okuma cannot do it', 'not on the Mazak': no choice there
        rest = _unnamed(piece, fleet, step)
        times = time_values(rest)
        machines = _mentions(piece, fleet, step)
        first = re.match(r"\s*([A-Za-z][\w-]*)", piece)
        if len(machines) > 1 and first and stem(first.group(1).lower()) == step:  # 'fill on the capsule machine'
            machines = _mentions(piece[first.end():], fleet, step)  # beside a 'fill bench': the step's word is no name
        if len(times) > 1 or len(machines) > 1:
            return None
        if not times:
            if len(pieces) == 1 or not machines:
                return None
            times = [shared[-1]] if shared else []  # 'mixing only on A, 30 min' is split at no 'or'
            if not times:
                return None
        rest = re.sub(TIME, " ", rest.lower())
        leftover = [w for w in re.findall(r"[a-z][\w-]*|\d", _FILLER.sub(" ", rest))
                    if stem(w) not in words and stem(w) not in fleet.families]  # 'on a lift (60 min on Lift 1, ...)'
        if any(w[0].isdigit() for w in leftover) or len(leftover) > 3 or \
                any(len(w) >= 4 and w in fleet.said for w in leftover):  # a word a rule elsewhere may use
            return None
        out.append((machines[0] if machines else None, times[0]))
    return out or None


def _unnamed(piece: str, fleet: Fleet, step: str) -> str:
    """The piece with the machine names it holds taken out (their digits are no times)."""
    for word in sorted(_aliases_found(piece, fleet, step), key=len, reverse=True):
        piece = re.sub(rf"(?i)(?<![\w-]){re.escape(word)}(?![\w-])", " ", piece)
    return piece


def _aliases_found(piece: str, fleet: Fleet, step: str = "") -> list[str]:
    found = []
    for member in _mentions(piece, fleet, step):
        found += [a for a in fleet.aliases[member] if re.search(rf"(?i)(?<![\w-]){re.escape(a)}(?![\w-])", piece)]
        suffix = member.split()[-1]
        if re.fullmatch(r"[A-Z]|\d{1,2}", suffix) and re.search(rf"(?<![\w-]){suffix}(?![\w-])", piece):
            found.append(suffix)
    return found


def _mentions(piece: str, fleet: Fleet, step: str = "") -> list[str]:
    """The machines a piece of a line names (a bare letter read within the step's family)."""
    found = [m for m in fleet.members if any(re.search(rf"(?i)(?<![\w-]){re.escape(a)}(?![\w-])", piece)
                                             for a in fleet.aliases[m] if len(a) > 1 or a.isdigit())]
    if found:
        return found
    letters = re.findall(r"(?<![\w-])([A-Z]|\d{1,2})(?![\w-])(?!\s*(?:min|h\b|hours?))", piece)
    pool = _family(step, fleet) or fleet.members
    return [m for m in pool if any(m.split()[-1] == x for x in letters)]


def _family(noun: str, fleet: Fleet) -> list[str]:
    """The machines of the family a noun or a step word names ('oven', 'mix' for the mixers)."""
    key = stem(noun.lower()) if noun else ""
    if not key:
        return []
    return next((ms for fam, ms in fleet.families.items() if fam == key or fam.startswith(key) or key.startswith(fam)),
                [])


def _where(step: str, learned: dict[str, set[str]], fleet: Fleet, text: str) -> str | None:
    """Where a step without a machine runs: the one machine the other lines name for it, or the one machine whose
    name shares its word ('packing' on 'one packing table')."""
    if step and len(learned.get(step, set())) == 1:
        return next(iter(learned[step]))
    if not step or learned.get(step):
        return None
    singles = [m.group("noun") for m in _ONE.finditer(text) if any(stem(w.lower()) == step for w in
                                                                 m.group("noun").split())]
    return singles[0] if len(singles) == 1 else None
