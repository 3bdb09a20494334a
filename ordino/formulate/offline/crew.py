"""A project's task lines and the crew they draw on.

Task lines open with a label and a name, then say how long, who, and after what: 'A. Electrical isolation - 2 h,
electrician. Nothing before.', 'C) Move + install analyser 1: only after A and B are both done; 1 day, 2 techs plus
the engineer', 'D. Truss & rigging: 3 h, 3 stagehands + forklift, needs the deck (C) and the trucks unloaded (A)'.
The crew is whatever those lines ask for, counted where the text declares it ('2 mechanical fitters, 1
electrician', 'the small mobile crane (only one crane)', '1 telehandler (forklift)'); 'both fitters' is two.

All or nothing: every task line must be read whole and every resource asked for must be counted, or nothing is
taken and the other readers (and, failing them, a question) see the text as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ordino.formulate.offline.text import Rewriting, blanked, count_value, singular, stem, time_values
from ordino.formulate.offline.units import UNIT_PATTERN, TimeVal

_TASK = re.compile(r"(?m)^[ \t]*(?:[-*\u2022][ \t]*(?:(?P<label>[A-Z]|\d{1,2})(?:[.):]|[ \t]+-)[ \t]+)?|"
                   r"(?P<label2>[A-Z]|\d{1,2})(?:[.):]|[ \t]+-)[ \t]+)"
                   r"(?P<name>[^\n:;]{2,80}?)[ \t]*(?::|[ \t][-\u2013][ \t])[ \t]*(?P<body>[^\n]+)$")
"""'A. Strip out - 2 days, 3 people', 'C) Move: after A', or a bullet and a name: '- roof lift: 2 h, 4 riggers'."""
_AMOUNT = r"(?:\d+|one|a|an|the|single|two|both|three|four|five|six|seven|eight|nine|ten)"
_AFTER = re.compile(r"(?i)\b(?:after|once|until|following|when|wait(?:s|ing)?\s+for)\b|"
                    r"\b(?:needs?|requires?)\b[^,;]{0,200}\b(?:finished|done|"
                    r"complete[d]?|down|unloaded|over|ready|in place)\b")
_NONE_BEFORE = re.compile(r"(?i)^\s*(?:nothing|none|no\s+predecessors?)(?:\s+(?:before|first))?\s*$|"
                          r"^\s*(?:it\s+)?can\s+start\s+(?:right\s+away|straight\s+away|immediately|at\s+once|"
                          r"at\s+the\s+start|first)\s*$|^\s*(?:it\s+)?can\s+(?:happen|be\s+done|start)\s+(?:at\s+)?"
                          r"any\s*time\s*$|^\s*(?:the\s+)?first\s+(?:task|thing|job)(?:\s+in\s+the\s+morning)?\s*$")
_LIMITING = re.compile(r"(?i)\b(?:not|no|only|never|except|unless|max|most|least|before|until|earliest|latest)\b|n't")
"""Words of a rule: a bracket holding one is read or the line is not."""
_NEEDS_DONE = re.compile(r"(?i)\b(?:needs?|requires?)\s+"
                         r"((?:(?!\b(?:after|once|until|when|plus|are|is)\b)[^;.<>\d+]){1,200}?)\s+(?:done|finished|completed?)(?:\s+first)?"
                         r"(?=\s*(?:[;.]|$))")
"""'needs schema freeze & backup, new rack install done first': the tasks it waits for."""
_NO_CREW = re.compile(r"(?i)(?:\b(?:the\s+)?[a-z]+\s+is\s+an?\s+(?:sub|subcontractor|contractor|outside\s+firm)\b"
                      r"[ \t]*,?[ \t]*)?(?:\bso\s+)?\b(?:he|she|they|it|this\s+task)\s+(?:doesn't|does\s+not|don't|"
                      r"won't|will\s+not)\s+(?:use|need|take|tie\s+up)\s+any\s+of\s+(?:our|the)\s+"
                      r"(?:people|crew|staff|workers|team)\b")
"""'The plumber is a sub, so he doesn't use any of our people': the task needs none of the crew."""
_PURPOSE = re.compile(r"(?i)\s+(?:to|so\s+(?:that\s+)?(?:he|she|they)\s+can)\s+[a-z][a-z' ]{1,60}$")
"""'one carpenter to open up the walls for him': why a worker is there, said after what the task needs."""
_RELEASE = re.compile(rf"(?i)^\s*(?:not|never|can(?:'t|not)\s+start)\s+(?:before|until)\s+(?P<t>\d+(?:\.\d+)?\s*"
                      rf"{UNIT_PATTERN})\s*$")
"""'not before hour 4' (written '4 hours' by then): the task's release."""
_DURATION = re.compile(rf"(?i)^\s*(?:takes\s+|lasts\s+)?(?P<t>\d+(?:\.\d+)?\s*{UNIT_PATTERN})\s*$")


@dataclass
class CrewRead:
    """What the task lines gave: each task's duration, demands and predecessors (by name), and the crew."""

    durations: dict[str, TimeVal] = field(default_factory=dict)
    demands: dict[str, dict[str, int]] = field(default_factory=dict)
    after: dict[str, list[str]] = field(default_factory=dict)
    capacities: dict[str, int] = field(default_factory=dict)
    weights: dict[str, TimeVal] = field(default_factory=dict)  # a table's 'Weight' column
    dues: dict[str, TimeVal] = field(default_factory=dict)  # a table's 'Due' column
    releases: dict[str, TimeVal] = field(default_factory=dict)  # 'not before hour 4


def read_crew(rw: Rewriting) -> CrewRead | None:
    """Read every task line and the counts of the crew they ask for; the lines and the counts read are taken out
    of `rw`. None (and `rw` untouched) unless at least three task lines are read whole and every resource is
    counted."""
    lines = list(_TASK.finditer(rw.text))
    listed = re.findall(r"(?m)^[ \t]*(?:[-*\u2022]|[A-Z][.)]|\d{1,2}[.)])[ \t]+\S", rw.text)
    if not listed:
        lines = _bare_lines(rw.text)
    elif len(listed) != len(lines):
        return None  # a listed line that is no task line ('* UPS battery swap, Hall B'): not this reader's list
    if len(lines) < 3:
        return None
    labels = {_label(m): m.group("name").strip() for m in lines}
    spans = [m.span() for m in lines]
    outside = blanked(rw.text, spans)  # where the crew is declared
    aliases = {singular(m.group("b").lower()): singular(m.group("a").lower())
               for m in re.finditer(r"(?i)\b(?P<a>[a-z]+)\s*\((?P<b>[a-z]+)\)", outside)}
    aliases |= {m.group("name").lower(): singular(m.group("a").lower())  # 'one QA engineer, Sofia': Sofia is him
                for m in re.finditer(r"\b(?:[Oo]ne|[Aa]n?|1)\s+(?:[\w-]+\s+){0,2}?(?P<a>[a-z]+),?\s+"
                                     r"(?P<name>[A-Z][a-z]+)\b(?!\s+[A-Z])", outside)}
    read = CrewRead()
    for m in lines:
        name = labels[_label(m)]
        task = _task(m.group("body"), aliases, labels)
        if task is None:
            return None
        read.durations[name], read.demands[name], read.after[name], release = task
        if release is not None:
            read.releases[name] = release
    if not any(read.demands.values()) and not any(read.after.values()):
        return None  # no crew and no order: a list of jobs, not a project
    if not listed and not any(read.after.values()):
        return None  # lines without bullets are a project's only with its order on them ('Task B needs A' apart)
    said: list[tuple[int, int]] = []
    for noun in {r for d in read.demands.values() for r in d}:
        counted = capacity(outside, [noun, *(a for a, n in aliases.items() if n == noun)])
        if counted is None:
            return None
        read.capacities[noun], where = counted
        said += where
    said += _restated_limits(outside, read.capacities)
    for a, b in sorted([*spans, *said], reverse=True):
        rw.splice(a, b, "")
    return read


_LIMIT = re.compile(rf"(?i)\b(?:never|not)\s+(?:use|need|have|put)\s+more\s+than\s+(?:the\s+)?(?P<l>{_AMOUNT}\s+[a-z]+"
                    rf"(?:\s*(?:,|or|and)\s*{_AMOUNT}\s+[a-z]+){{0,4}})(?:\s+(?:on\s+any\s+day|at\s+(?:a|any|the\s+same)"
                    rf"\s+time|at\s+once))?")
"""'we can never use more than 4 workers or 1 electrician on any day': the crew's counts said again."""


def _restated_limits(outside: str, capacities: dict[str, int]) -> list[tuple[int, int]]:
    """Where the text says the crew's counts again as limits; only where each count is the one read."""
    out = []
    for m in _LIMIT.finditer(outside):
        said = [(_count(n), _PERSON.get(w.lower(), singular(w.lower()))) for n, w in
                re.findall(rf"(?i)\b({_AMOUNT})\s+([a-z]+)", m.group("l"))]
        if said and all(capacities.get(w) == k for k, w in said):
            out.append(m.span())
    return out


_BARE = re.compile(r"(?m)^(?P<name>[^\W\d_][^\n:;]{1,40}?)[ \t]*:[ \t]*(?P<body>\d[^\n]*)$")
"""A task line without a bullet: 'site clearance: 1 wk, 3 labourers' (its body opens with the duration)."""


def _bare_lines(text: str) -> list[re.Match[str]]:
    """The longest run of consecutive task lines without bullets (a text without any listed line)."""
    runs: list[list[re.Match[str]]] = []
    for m in _BARE.finditer(text):
        if runs and text.count("\n", runs[-1][-1].end(), m.start()) == 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return max(runs, key=len, default=[])


def _label(m: re.Match[str]) -> str:
    """A task line's label, or its name when it has none (predecessors then name the task)."""
    named = m.groupdict()
    return named.get("label") or named.get("label2") or m.group("name").strip()


def _count(word: str) -> int:
    """'2', 'two', 'both' -> the number; 'the' (crane) -> 1."""
    return 1 if word.lower() == "the" else count_value(word.lower())


def capacity(outside: str, words: list[str]) -> tuple[int, list[tuple[int, int]]] | None:
    """How many of a resource the text outside the task lines has, and where it says so: the first count said of
    it ('2 mechanical fitters', 'the small mobile crane (only one crane)', 'the engineer ... only one of him')."""
    named = "|".join(re.escape(w) for w in words + (["people"] if "person" in words else []))
    found = re.search(rf"(?i)(?:\b(?:a|our|the)\s+(?:crew|team|gang)\s+of\s+)?\b(?P<n>{_AMOUNT})\s+"
                      rf"(?:(?!(?:{_AMOUNT}|is|are|listed|required|needed|given|stated|necessary|whole|entire|full|same)\b)"
                      rf"[a-z-]+\s+){{0,3}}?(?:{named})s?\b(?!\s+of\s+{_AMOUNT}\b)"
                      rf"(?:\s*\([a-z]+\))?",
                      outside)  # 'a crew of 5 labourers', never 'the team is three developers' nor 'the listed crew'
    if found is None:  # 'Crane: 1', 'Crew available: 5 people'
        found = re.search(rf"(?i)\b(?:{named})s?\s*(?:available\s*)?[:=]\s*(?P<n>\d+)\b"
                          r"(?:\s+(?:people|persons|workers))?(?!\s*(?:h|hrs?|hours?|days?|mins?|minutes?|weeks?)\b)",
                          outside)
    crew = re.search(rf"(?i)\b(?:crew|team|gang)\s+of\s+(?P<n>{_AMOUNT})\b(?!\s+[a-z])", outside) \
        if "person" in words else None  # 'it's just my crew of 3': people
    found = found or crew
    if found is None:
        return None
    where = [found.span()]
    if crew is not None and crew.span() != found.span() and _count(crew.group("n")) == _count(found.group("n")):
        where.append(crew.span())  # the same count said twice ('my crew of 3', 'never more than 3 people')
    count = _count(found.group("n"))
    if found.group("n").lower() == "the":  # 'the Siemens field engineer': one, unless a count follows
        later = re.search(rf"(?i)\bonly\s+(?P<n>one|\d+)\s+(?:(?:{named})s?|of\s+(?:him|her|them|it))\b", outside)
        if later is not None:
            count = _count(later.group("n"))
            where.append(later.span())
    return count, where


def _task(body: str, aliases: dict[str, str], labels: dict[str, str]) \
        -> tuple[TimeVal, dict[str, int], list[str], TimeVal | None] | None:
    """(duration, demands, predecessors' names, release) of one task line's body; None when a clause is not
    read."""
    duration: TimeVal | None = None
    release: TimeVal | None = None
    demands: dict[str, int] = {}
    after: list[str] = []
    listing = False  # the clause before named predecessors: 'after reporting, system testing and the audit'
    apart = re.sub(r"\s*\((?!\s*(?:[A-Z]|\d{1,2})\s*\))([^()]*)\)",  # not '(B)'; a bracket is one clause
                   lambda m: "; <" + re.sub(r"\s*[,;.]\s*", " ", m.group(1)) + ">;", body.strip())
    apart = _NEEDS_DONE.sub(r"after \1", apart)  # 'needs A, B done first': one list of predecessors
    apart = _NO_CREW.sub("", apart)
    for clause in re.split(r"\s*[;,.]\s+|\s*[;.]\s*$|\s*;\s*|\s+[\u2014\u2013-]\s+", apart):  # (' — can start')
        clause = clause.strip(" .,;")
        bracketed = clause.startswith("<") and clause.endswith(">")
        clause = clause.strip("<>: ")
        if not clause or _NONE_BEFORE.match(clause):
            continue
        if listing and not re.search(r"\d", clause) and (named := _named_after("after " + clause, labels)):
            after += named
            continue
        refs = re.split(r"\s*(?:,|&|\band\b)\s*", clause)
        if listing and all(r in labels for r in refs):  # 'after B, C and D': the list goes on by labels
            after += [labels[r] for r in refs]
            continue
        listing = False
        if bracketed and not re.search(r"\d", clause) and not _AFTER.search(clause) and not _LIMITING.search(clause):
            continue  # '(he's our tiler as well)': a word on the task, no rule
        if (r := _RELEASE.match(clause)) is not None:
            if release is not None:
                return None
            release = time_values(r.group("t"))[0]
            continue
        if (d := _DURATION.match(clause)) is not None:
            if duration is not None:
                return None
            duration = time_values(d.group("t"))[0]
            continue
        if _AFTER.search(clause) and (named := _named_after(clause, labels)) is not None:
            after += named  # 'after lighting truss & PA hang': tasks by their names
            listing = True
            continue
        if _AFTER.search(clause):
            refs = re.findall(r"(?<![\w'])([A-Z]|\d{1,2})(?![\w'])", clause)
            if not refs or any(r not in labels for r in refs) or re.search(r"\d", re.sub(r"\b\d{1,2}\b", "", clause)):
                return None
            after += [labels[r] for r in refs]
            listing = True
            continue
        needs = _demands(clause, aliases)
        if needs is None:
            return None
        for noun, n in needs.items():
            demands[noun] = demands.get(noun, 0) + n
    if duration is None:
        return None
    return duration, demands, after, release


def _named_after(clause: str, labels: dict[str, str]) -> list[str] | None:
    """The tasks an 'after' clause names by their whole names ('after lighting truss & PA hang') or by words only
    one task's name has ('once the stage is built' of 'Build the stage', 'after unloading'), else None."""
    said = re.sub(r"(?i)^\s*(?:only\s+)?(?:after|once|following)\s+(?:the\s+)?", "", clause)
    names = {n.lower(): n for n in labels.values()}
    pieces = [p.strip().lower() for p in re.split(r"(?i)\s*(?:&|\+|,|\band\b)\s*", said) if p.strip()]
    if pieces and all(p in names for p in pieces):
        return [names[p] for p in pieces]
    said = re.sub(r"(?i)^.*?\b(?:after|once|following|until|when|wait(?:s|ing)?\s+for|needs?|requires?)\b", "",
                  clause)
    words = {n: _words(n) for n in labels.values()}
    out = []
    for piece in re.split(r"(?i)\s*(?:,|\+|\band\b)\s*", said):
        wanted = _words(piece)
        if not wanted:
            continue
        owners = [n for n, have in words.items() if all(any(_same(w, h) for h in have) for w in wanted)]
        owners = [n for n in owners if words[n] == wanted] or owners  # 'testing' of 'Testing', not 'Test plan'
        if len(owners) != 1:
            return None  # words no task's name has, or several tasks' names: asked
        out.append(owners[0])
    return out or None


_SAID_DONE = frozenset({"the", "a", "an", "is", "are", "was", "were", "been", "be", "has", "have", "had", "done",
                        "finished", "complete", "completed", "over", "ready", "in", "place", "both", "all", "first",
                        "its", "their", "of", "out", "up", "off", "also", "only", "can", "start", "must"})
"""Words an 'after' clause says of a task beside its name ('once the trench is dug out', 'both done first')."""
_PARTICIPLES = {"built": "build", "laid": "lay", "dug": "dig", "hung": "hang", "made": "make", "written": "write",
                "lit": "light", "taken": "take", "held": "hold", "fed": "feed", "sent": "send", "brought": "bring"}


def _same(a: str, b: str) -> bool:
    """Whether two stems are of one word ('focus' of 'focused' and 'focu' of 'focus')."""
    return a == b or min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))


def _words(name: str) -> frozenset[str]:
    """The stems of a task name's words, or of the words an 'after' clause says of one ('the lights are rigged':
    'light', 'rig')."""
    return frozenset(stem(_PARTICIPLES.get(w, w)) for w in re.findall(r"[a-z]+(?:-[a-z]+)*", name.lower())
                     if w not in _SAID_DONE)  # 'rough-ins' is one word: 'electrical rough-ins' of 'Electrical rough-in'


_PERSON = {"people": "person", "persons": "person", "person": "person", "guy": "person", "guys": "person",
           "men": "person", "folks": "person"}
"""A crew counted as people: '2 people', '1 person', '2 guys' (the text's count is of 'people' or 'persons', or of
the crew itself: 'my crew of 3')."""


def _demands(clause: str, aliases: dict[str, str]) -> dict[str, int] | None:
    """'2 techs plus the engineer', 'both fitters', 'electrician + crane', 'needs 2 techs' (by the resource's
    singular noun; a bracketed other name is the same resource)."""
    clause = re.sub(r"(?i)^(?:needs?|requires?|uses?|with)\s+|\s+(?:at\s+the\s+same\s+time|together|"
                    r"simultaneously)$", "", clause)
    clause = re.sub(r"(?i)^all\s+(?=\d|(?:two|three|four|five|six)\b)", "", clause)  # 'all 3 developers', 'all three'
    clause = re.sub(r"(?i)^(\d+|two|three|four|five|six)\s+of\s+us$", r"\1 people", clause)  # '(all) 3 of us'
    clause = _PURPOSE.sub("", clause)
    out: dict[str, int] = {}
    for part in re.split(r"(?i)\s*(?:\+|\bplus\b|\band\b|&)\s*", clause):
        m = re.fullmatch(rf"(?i)(?:(?P<n>{_AMOUNT})\s+)?(?P<w>[a-z]+(?:[ \t]+[a-z]+)?)", part.strip())
        if m is None:
            return None
        word = " ".join(singular(w) for w in m.group("w").lower().split())  # 'network engineers
        noun = aliases.get(word, _PERSON.get(word, word))
        amount = (m.group("n") or "one").lower()
        out[noun] = out.get(noun, 0) + _count(amount)
    return out or None
