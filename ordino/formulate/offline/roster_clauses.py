"""Rules of a roster said in prose, read by what a clause is about rather than by its exact words: a clause is cut
into words, the words naming a shift, a day or a person are recognised, and a clause is one rule when it has the
words that rule needs and no word outside what such a rule may say ('nobody may work Early the day after working
Late', 'at most 4 shifts per person over the week', 'a nurse works at most one session per day', 'find the rota
with the lowest total wage bill'). A clause with any other word is left, and then asked about, unless it holds no
number, no name and no word that limits or ranks (a greeting, a heading)."""

from __future__ import annotations

import re
from typing import Any

from ordino.formulate.offline.roster_draft import FILLER, RosterDraft
from ordino.formulate.offline.roster_skills import read_skill_cover, read_skill_only, read_skill_said
from ordino.formulate.offline.staff import PEOPLE, WEEKDAY_WORD
from ordino.formulate.offline.text import QUALIFIED

_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SHIFT_NOUNS = {"shift", "shifts", "session", "sessions", "service", "services"}
_WHO = {"person", "people", "persons", "staff", "member", "members", "nurse", "nurses", "agent", "agents", "worker",
        "workers", "employee", "employees", "driver", "drivers", "temp", "temps", "barista", "baristas", "waiter",
        "waiters", "guard", "guards", "everyone", "everybody", "anyone", "anybody", "somebody", "someone", "each",
        "every", "they", "he", "she", "we", "you", "i", "their", "his", "her", "who", "whoever"}
_GLUE = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "per", "is", "are", "be", "can", "may",
         "should", "must", "will", "rules", "rule", "house", "also", "please", "just", "this", "that", "same", "by",
         "s", "t", "over", "within", "whole", "horizon", "week", "weekly", "total", "all", "any"}
_TALK = {"i've", "i'd", "i'm", "we've", "we'd", "we're", "promised", "told", "really", "just", "anyway", "honestly",
         "basically", "please"}
"""Words of talk around a rule, never part of one."""
_WORK = {"work", "works", "working", "worked", "do", "does", "doing", "take", "takes", "get", "gets", "given",
         "assigned", "scheduled", "rostered", "allowed", "cover", "covers"}
_NEGATION = {"no", "nobody", "not", "never", "cannot", "can't", "mustn't", "shouldn't", "forbidden", "isn't", "don't",
             "doesn't", "won't", "one"}  # 'one' of 'no one'; never counted as a denial by itself
CUES = re.compile(r"\d|\b(?:not|no|never|nobody|only|both|either|neither|except|unless|cannot|can't|won't|"
                   r"don't|doesn't|after|before|follow\w*|consecutive|row|straight|max\w*|min\w*|most|least|"
                   r"more|less|fewer|exact\w*|extra|plus|bonus|supplement|premium|overtime|prefer\w*|avoid\w*|"
                   r"want\w*|fair\w*|balanc\w*|even(?:ly)?|spread|weekends?|holiday\w*|leave|off|unavailable|available|"
                   r"twice|once|double|half|times|each|every|per|two|three|four|five|six|seven|eight|nine|ten|"
                   rf"eleven|twelve|{QUALIFIED})\b", re.IGNORECASE)  # (a number in words counts as one)


_NUMBERED = r"\d{1,2}(?:(?:\s*(?:,|\.\.|-|\bto\b)\s*|\s+(?:and|or)\s+(?=\d{1,2}\b(?!\s*[a-z])))\d{1,2}(?!\d))*"
"""Numbers of days after 'day' or 't =': '3', '6, 7', '1..4', '2 and 5'."""
_DAY_WORD = rf"(?:\b{WEEKDAY_WORD}\b|\bweekends?\b)"


_OF_DAY = [["per"], ["a"], ["each"], ["every"], ["the"], ["that"], ["same"], ["next"], ["one"], ["any"], ["all"],
           ["whole"], ["previous"], ["following"]]
"""A word before 'day' that makes it a day of the roster, never its Day shift ('per day', 'the next day')."""


def _words(clause: str) -> list[str]:
    return re.findall(r"<=|>=|\d+|[^\W\d_]+(?:'[^\W\d_]+)?", clause.lower())


class _Clause:
    """One clause's words, with the numbers, shifts, days and people it names."""

    def __init__(self, n: RosterDraft, text: str, heading: bool = False) -> None:
        self.text = text
        self.heading = heading  # an item of a list under a heading that says who is off
        named = [p for p in n.people_in(text) if re.search(r"\d", p)]  # 'W1 off Sat': no number 1 in it
        bare = re.sub(rf"\b(?:{'|'.join(map(re.escape, named))})\b", " ", text) if named else text
        numbered: list[list[str] | None] = []  # numbered days ('day 3', 'days 6, 7', 't=1..4'): no numbers either
        if n.days[:1] == ["D1"]:
            numbered = [n.day_list(m.group(0)) for m in re.finditer(rf"(?i)\b(?:days?\s*|t\s*=\s*){_NUMBERED}", bare)]
            bare = re.sub(rf"(?i)\b(?:days?\s*|t\s*=\s*){_NUMBERED}", " ", bare)
        self.words = _words(bare) + (["unavailable"] if heading else [])
        self.numbers = [int(w) if w.isdigit() else _NUMBER[w] for w in self.words if w.isdigit() or w in _NUMBER]
        named_day = re.search(r"(?<=[a-z,:;] )Days?\b", text) is not None  # 'shifts per day: Day and Night'
        said = [w for k, w in enumerate(self.words)  # 'day' names the day shift only as 'day shift', or as 'Day'
                if n.shift(w) and (w not in ("day", "days") or self.words[k + 1:k + 2] in (["shift"], ["shifts"]) or
                                   named_day and self.words[k - 1:k] not in _OF_DAY)]
        self.shifts = [s for w in said if (s := n.shift(w))]
        self.people = n.people_in(text)
        names = {p.lower() for p in self.people} | {p.lower() + "'s" for p in self.people}  # 'Tom's at college'
        self.rest = {w for w in self.words if w not in said and w not in names}
        self.days: list[str] = []  # the days it names ('Monday to Wednesday', 'Sat or Sun', 'weekends')
        self.day_words: set[str] = set()
        self.day_runs = 0  # how many places name days ('the Tuesday early shift and is off all day Friday': two)
        for m in re.finditer(rf"{_DAY_WORD}(?:\s*(?:,|\bor\b|\band\b|&|/|\bto\b|\bthrough\b|\buntil\b|-)\s*"
                             rf"{_DAY_WORD})*", text, re.IGNORECASE):
            days = n.day_list(re.sub(r"(?i)\s*(?:\bthrough\b|\buntil\b)\s*", " to ", m.group(0)))
            if days is None:
                self.days, self.day_words = [], set()
                break
            self.days += [d for d in days if d not in self.days]
            self.day_runs += 1
            self.day_words |= {w for w in _words(m.group(0)) if w not in {"or", "and", "to", "through", "until"}}
        for days in numbered:
            if days is None:
                self.days, self.day_words = [], set()
                break
            self.days += [d for d in days if d not in self.days]

    def only(self, *vocab: set[str]) -> bool:
        """Whether every other word of the clause is in these vocabularies (or only talk: 'I've promised')."""
        allowed = set().union(*vocab) | _GLUE | _WHO | _TALK
        return self.rest <= allowed | {str(k) for k in self.numbers} | set(_NUMBER)


def read_clauses(n: RosterDraft) -> None:
    """Read every clause of the text left unused that is one roster rule or the goal; mark it used. A bracket that
    only gives an example of the rule before it ('(N Mon then D Tue is forbidden; N Sun -> next week is out of
    scope)') is read with that rule, and left when the rule is not read."""
    examples = _examples(n)
    for a, b in examples:
        n.used[a:b] = [True] * (b - a)
    _read_clauses(n)
    _read_clauses(n)  # again: a clause may lean on one read after it ('as fair as possible', then what fair means)
    for a, b in examples:
        start = max(n.text.rfind(c, 0, a) for c in ".;!?\n") + 1
        if n.unused()[start:a].strip():
            n.used[a:b] = [False] * (b - a)


_EXAMPLE = {"then", "is", "are", "forbidden", "banned", "not", "allowed", "ok", "okay", "fine", "next", "week", "out",
            "of", "scope", "e", "g", "i", "eg", "ie", "example", "so", "the", "a", "an", "on", "day", "shift",
            "shifts", "followed", "by", "after", "into", "beyond", "counts", "as", "but", "no", "or", "and"}
"""Words of a bracket that gives an example of a rule, beside the shifts and days it names."""


def _examples(n: RosterDraft) -> list[tuple[int, int]]:
    """The brackets that only give examples: shifts and days and the words of `_EXAMPLE`."""
    days = {d.lower()[:3] for d in n.days}
    out = []
    for m in re.finditer(r"\([^()\n]{1,200}\)", n.unused()):
        words = _words(m.group(0))
        named = {w for w in words if n.shift(w) or w[:3] in days and len(w) >= 3}
        if named and set(words) - named <= _EXAMPLE and len(words) > 1:  # ('(afternoon)' names the shift of a verb)
            out.append(m.span())
    return out


def _read_clauses(n: RosterDraft) -> None:
    rest = n.unused()
    for m in list(_CLAUSE.finditer(rest)):
        if not m.group(0).strip():
            continue
        pieces = [(m.start(), m.end())]
        saved = n.checkpoint()  # a sentence is read whole or leaves nothing: read again, a rule is never read twice
        heading = _under_off_heading(n.text, m.start())
        bracket = re.search(r"\(([^()]+)\)\s*$", m.group(0))
        before = n.text[max(n.text.rfind(c, 0, m.start()) for c in ".!?\n") + 1:m.start()]  # the sentence so far
        if bracket:  # a rule, then a bracket that says more of it
            if _read_piece(n, m.group(0)[:bracket.start()], before, heading) and (
                    _aside(n, bracket.group(1)) or _read(n, _Clause(n, bracket.group(1)))) or \
                    _priced_wish(n, m.group(0)[:bracket.start()], bracket.group(1)):
                n.used[m.start():m.end()] = [True] * (m.end() - m.start())
                continue
            n.restore(saved)
        if not _read_piece(n, m.group(0), before, heading) and not _headed(n, m.group(0), heading) and \
                not _keyed_limits(n, m.group(0)):  # a list of
            # rules: 'max 1 shift a day, max 5 shifts a week'
            cuts = [0, *(x for c in re.finditer(rf",|:|\band\b(?!\s+{_DAY_WORD})", m.group(0), re.IGNORECASE)
                         for x in c.span()), len(m.group(0))]  # (never the 'and' of 'Saturday and Sunday')
            pieces = [(m.start() + a, m.start() + b) for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
            if not _read_pieces(n, rest, pieces, m.start(), heading):
                n.restore(saved)
                continue
        for a, b in pieces:
            n.used[a:b] = [True] * (b - a)


_OFF_HEADING = re.compile(r"(?i)\b(?:can't|cannot|can not|not available|unavailab\w*|away|off|absen\w*|leave|out)\b"
                          r"[^:\n]*:[ \t]*$")


def _under_off_heading(text: str, at: int) -> bool:
    """Whether position `at` lies on an item of a bulleted list whose heading says who is off ('Who can't come
    in:')."""
    lines = text[:at].split("\n")
    lines[-1] += text[at:].split("\n")[0]
    if not re.match(r"[ \t]*[-*\u2022]", lines[-1]):
        return False
    for line in reversed(lines[:-1]):
        if not re.match(r"[ \t]*[-*\u2022]", line):
            return bool(_OFF_HEADING.search(line))
    return False


_WISHED = {"would", "rather", "not", "prefers", "prefer", "wants", "want", "asked", "asks", "for", "off", "like",
           "likes", "hates", "dislikes", "avoid", "avoids", "to", "work", "do", "have", "the", "a", "an", "be", "is",
           "on", "weekends", "weekend", "days", "nights", "shifts", "at", "all", "doing", "working"}
"""Words of a wish whose price a bracket gives ('Ben asked for Monday off (3 points if he works Monday)')."""


def _priced_wish(n: RosterDraft, wish: str, bracket: str) -> bool:
    """A person's wish in words and, in brackets, its price in points: read as the bracket says, for that person
    ('Dev prefers days (1 point for each Night shift he works)'), maybe under a caption ('Wishes, scored as
    penalty points: Anna would rather not work weekends (2 points for each Saturday or Sunday shift she works)')."""
    head, colon, body = wish.rpartition(":")
    if colon and not re.search(r"\d", head) and not n.people_in(head) and \
            set(_words(head)) <= {"wishes", "requests", "preferences", "scored", "as", "in", "penalty", "points",
                                  "priced", "counted", "soft", "and"}:
        wish = body
    said = _Clause(n, wish)
    if len(said.people) != 1 or said.numbers or not set(said.words) - {p.lower() for p in said.people} - \
            {w.lower() for w in said.day_words} <= _WISHED | {w for w in said.words if n.shift(w)}:
        return False
    saved = n.checkpoint()
    if _penalty(n, _Clause(n, f"{said.people[0]}: {bracket}")):
        return True
    n.restore(saved)
    return False


def _keyed_limits(n: RosterDraft, clause: str) -> bool:
    """Each person's own limit listed under a heading: 'Contracted maximum number of shifts in the week: Aisha 5,
    Ben 4, Carla 4'."""
    head, colon, body = clause.partition(":")
    bound = "max" if re.search(r"(?i)\b(?:max(?:imum)?|at\s+most|up\s+to)\b", head) else \
        "min" if re.search(r"(?i)\b(?:min(?:imum)?|at\s+least)\b", head) else None
    if not colon or bound is None or not re.search(r"(?i)\bshifts\b", head) or re.search(r"\d", head) or \
            n.people_in(head) or not set(_words(head)) <= {"contracted", "contract", "maximum", "max", "minimum", "min",
                                                            "number", "of", "shifts", "in", "the", "week", "per",
                                                            "person", "at", "most", "least", "up", "to", "each",
                                                            "this", "over", "allowed", "total"}:
        return False
    pairs = re.findall(r"([A-Z][\w'-]*)\s*(?:[:=-]\s*)?(\d+)", body)
    rest = re.sub(r"([A-Z][\w'-]*)\s*(?:[:=-]\s*)?(\d+)|,|\band\b|\s", "", body)
    if not pairs or rest or any(p not in n.staff for p, _ in pairs) or len({p for p, _ in pairs}) != len(pairs):
        return False
    n.rules += [{"type": "count", "per": ["staff"], "staff": [p], bound: int(k)} for p, k in pairs]
    return True


def _headed(n: RosterDraft, clause: str, heading: bool) -> bool:
    """A clause after a heading of its own, both read: 'Cover I need (at least this many on each shift): Monday to
    Friday, 2 on Day and 1 on Night'."""
    head, colon, body = clause.partition(":")
    if not colon or not body.strip():
        return False
    saved = n.checkpoint()
    if _read(n, _Clause(n, body, heading)) and (not _cued(n, head) or _read(n, _Clause(n, head))):
        return True
    n.restore(saved)
    return False


def _aside(n: RosterDraft, bracket: str) -> bool:
    """Whether a bracket after a rule only gives a reason: no number and no name ('(childcare)', '(any shift)'), or a
    consequence without one ('(so nobody loses hours)')."""
    c = _Clause(n, bracket)
    if c.numbers or c.people or c.days or c.shifts:
        return False
    if set(c.words) <= {"no", "not", "shift", "shifts", "at", "all", "that", "this", "day", "days", "off", "any",
                        "whole", "work", "working"} and {"no", "not", "off"} & set(c.words):
        return True  # '(no shift at all that day)' after a day off: the day off said again
    if set(c.words) <= {"contract", "contracts", "contractual", "contracted", "minimum", "maximum", "legal", "law",
                        "policy", "union", "rule", "rules", "hr", "by", "in", "their", "the", "a", "it's", "its"}:
        return True  # '(contract minimum)': why, said of the limit before it
    return not _cued(n, bracket) or c.words[:1] in (["so"], ["because"], ["since"])


_SO = re.compile(r"(?i)^(?P<why>[^,]+?),?\s+so\s+(?!that\b|far\b|much\b|many\b|long\b)(?P<rule>.+)$")
_THOSE_DAYS = re.compile(r"(?i)\b(?:on\s+)?(?:those|these|both|the)\s+(?:(?P<k>two|three|four|\d)\s+)?days\b|"
                         r"\b(?:on\s+)?(?:that|this|the\s+same)\s+day\b")


def _read_so(n: RosterDraft, clause: str, heading: bool) -> bool:
    """A reason, then the rule it leads to: 'Friday is market day, so exactly two on opening and two on closing',
    'Leo has lectures on Tuesday and Thursday, so no openings for him on those two days'. The reason names at most
    one person and some days, or the rule's shift ('the late shift locks up the shop, so ...'), and nothing that
    limits or counts; the rule is read with them: 'him' is that person,
    'those two days' are those days (as many as said), and a rule that names no day holds on them."""
    m = _SO.match(clause.strip())
    if m is None:
        return False
    why, rule = m.group("why"), m.group("rule")
    said = _Clause(n, why)
    cue = CUES.search(_CODE.sub(" ", re.sub(_DAY_WORD, " ", why, flags=re.IGNORECASE)))
    if cue or set(said.shifts) - set(_Clause(n, rule).shifts) or said.numbers or len(said.people) > 1 or \
            not (said.days or said.people or said.shifts):  # ('Maya hates closing, so 2 points for every closing
        # shift'; 'the late shift locks up the shop, so whoever works a late shift must be a keyholder')
        return False
    rules = [rule]
    if said.people and not n.people_in(rule):
        who = said.people[0]
        named, k = re.subn(r"(?i)\b(?:him|her|them|he|she|they)\b", who, rule)
        if k > 1:
            return False
        rules = [f"{who} {rule.strip()}", named]  # 'Maya 2 points for every closing shift she gets'
        for_who = re.compile(rf"\s*\b(?:for|to)\s+{re.escape(who)}\b")
        if for_who.search(named):  # 'no openings for him'
            rules.insert(0, f"{who}: {for_who.sub('', named)}")
    elif said.people:
        return False
    return any(_read_so_rule(n, r, said, heading) for r in rules)


def _read_so_rule(n: RosterDraft, rule: str, said: _Clause, heading: bool) -> bool:
    """The rule of `_read_so`, on the days of its reason; read whole, or in pieces that each hold for the days or
    the person it begins with."""
    those = _THOSE_DAYS.search(rule)
    if those:
        k = those.group("k")
        if not said.days or k and (int(k) if k.isdigit() else _NUMBER[k.lower()]) != len(said.days):
            return False
        rule = f"{rule[:those.start()]}on {' and '.join(said.days)}{rule[those.end():]}"
    elif said.days:
        if _Clause(n, rule).days:
            return False
        rule = f"{' and '.join(said.days)}: {rule}"
    saved = n.checkpoint()
    if _read_piece(n, rule, "", heading):
        return True
    cuts = [0, *(x for c in re.finditer(rf",|\band\b(?!\s+{_DAY_WORD})", rule, re.IGNORECASE) for x in c.span()),
            len(rule)]
    head = re.match(rf"(?i)^(?:{_DAY_WORD}(?:\s+and\s+{_DAY_WORD})*|[^\W\d][\w'-]*):\s*", rule) if \
        said.days or said.people else None  # the days or the person said: each piece holds for them
    prefix = head.group(0) if head else ""
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        piece = rule[a:b]
        if not re.search(r"\w", piece) or _glue_only(piece):
            continue
        if not _read_piece(n, prefix + piece.strip() if a and prefix else piece, "", heading):
            n.restore(saved)
            return False
    return True


def _read_pieces(n: RosterDraft, rest: str, pieces: list[tuple[int, int]], start: int, heading: bool) -> bool:
    """Read the pieces of a sentence cut at its commas and 'and's; a piece not read alone is read with the one or two
    after it ('an early', 'a late shift (8 hours each)')."""
    k = 0
    while k < len(pieces):
        for j in range(k, min(k + 3, len(pieces))):
            a, b = pieces[k][0], pieces[j][1]
            if not re.search(r"\w", n.text[a:b]) or _glue_only(rest[a:b]) or not _cued(n, rest[a:b]) or \
                    _read_piece(n, rest[a:b], n.text[start:a], heading):
                k = j + 1
                break
        else:
            return False
    return True


_OTHERS = re.compile(r"(?i)^\W*(?:and\s+|but\s+)?(?:the\s+other(?:\s+(?P<k>\d|two|three|four|five|six|seven))?"
                     r"(?:\s+(?:people|staff|ones|members))?|the\s+others|every(?:one|body)\s+else|"
                     r"the\s+rest(?:\s+of\s+(?:them|us|the\s+team))?)\b(?!\s+(?:day|shift|week))")


def _read_piece(n: RosterDraft, piece: str, before: str, heading: bool) -> bool:
    """A piece of a sentence, read alone or, when it leaves out what it counts, with the noun of the piece before
    it ('at least 2 shifts and nobody more than 4', 'Cara and Dev at most three'), or, when it leaves out who, with
    the one person named last before it ('Ann can't do the early shift on Monday and can't do the late ...')."""
    if _read(n, _Clause(n, piece, heading)):
        return True
    bracket = re.search(r"\(([^()]+)\)\s*$", piece)  # a rule, then why: 'at least 2 days (contract minimum)'
    if bracket and _aside(n, bracket.group(1)) and _read_piece(n, piece[:bracket.start()], before, heading):
        return True
    chain = re.fullmatch(r"\s*(?P<a>\d+)\s*(?:<=|\u2264)\s*(?P<x>[^<>=\d]+?)\s*(?:<=|\u2264)\s*(?P<b>\d+)"
                         r"(?P<r>[^<>=]*)", piece)
    if chain:  # '2 <= total shifts <= 4 per worker': at least 2 and at most 4
        saved = n.checkpoint()
        if _read(n, _Clause(n, f"{chain['x']} >= {chain['a']}{chain['r']}")) and \
                _read(n, _Clause(n, f"{chain['x']} <= {chain['b']}{chain['r']}")):
            return True
        n.restore(saved)
        return False
    others = _OTHERS.match(piece)
    who = n.people_in(before)
    if others and who:  # 'Maya can do at most 4 shifts, the other three at most 3 each'
        rest = [p for p in n.staff if p not in who]
        k = others.group("k")
        if not rest or k and (int(k) if k.isdigit() else _NUMBER.get(k.lower())) != len(rest):
            return False
        return _read_piece(n, f"{', '.join(rest)} {piece[others.end():].strip()}", before, heading)
    noun = re.findall(r"\b(shift|day|session)s?\b", before.lower())
    if noun and re.search(rf"(?:\d|\b(?:{'|'.join(_NUMBER)}))(?:\s+each)?\s*$", piece, re.IGNORECASE) and \
            re.search(r"(?i)\b(?:most|least|max\w*|min\w*|more|fewer|less|up\s+to)\b", piece) and \
            not _Clause(n, piece).shifts:  # a limit said with its noun left out, never 'E >= 2' (a cover)
        return _read(n, _Clause(n, re.sub(r"(?i)(\s+each)?\s*$", rf" {noun[-1]}s\1", piece)))
    verb = re.match(r"\s*(?:can't|cannot|can\s+not|can|won't|will|is|isn't|does|doesn't|works|only|never|also|"
                    r"prefers|wants|would)\b", piece, re.IGNORECASE)
    if verb and who and not n.people_in(piece):
        last = max(who, key=lambda p: before.rfind(p))
        return _read(n, _Clause(n, f"{last} {piece.strip()}", heading))
    return _read_so(n, piece, heading)


_CLAUSE = re.compile(r"(?:[^.;!?\n]|(?<=\d)\.\.?(?=\d))+")
"""A clause: up to a mark that ends one, never the point of a range or a decimal ('t=1..4', '1.5')."""


def prose_left(n: RosterDraft) -> list[str]:
    """The unused clauses with a number, a name or a word that limits or ranks: what must be asked about."""
    return [c.strip() for c in _CLAUSE.findall(n.unused()) if _cued(n, c) and not _glue_only(c)]


def _cued(n: RosterDraft, clause: str) -> bool:
    """Whether a clause has a number, a name or a word that limits or ranks: one that must be read."""
    names = [*n.staff, *n.days, *(s for s in n.shifts if len(s) > 1 and s != "shift")]
    named = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b") if names else None
    return bool(FILLER.sub(" ", clause).strip()) and bool(
        CUES.search(_CODE.sub(" ", clause)) or (named is not None and named.search(clause)) or
        re.search(_DAY_WORD, clause, re.IGNORECASE))  # 'Sunday', the end of 'off on Saturday and Sunday'


_CODE = re.compile(r"(?<![\w.:])\d{1,3}[BCEFGJKLNQRTUVXYZ]\b|"
                   r"(?i:\b(?:ward|room|bay|unit|wing|floor|gate|dock)\s+)\d{1,3}\b")
"""A code of digits and a capital ('Ward 4B', 'Bay 12C') or a place's number ('Ward 7'): a name, never a value (not
'am', 'pm' nor a unit)."""


def _glue_only(clause: str) -> bool:
    """Whether what is left of a clause is only the words that join the rules read out of it ('Each person works
    ... and')."""
    return set(_words(clause)) <= _GLUE | _WHO | _WORK | {"has", "have", "there", "day", "days", "with"}


def read_clause(n: RosterDraft, text: str) -> bool:
    """Read one clause as one roster rule or the goal; whether it was."""
    return _read(n, _Clause(n, text))


def _read(n: RosterDraft, c: _Clause) -> bool:
    """Read a clause as one rule or the goal; whether it was."""
    return any(reader(n, c) for reader in (_demand_label, _frame_counted, _shifts_said, _table_said, _hours_said,
                                           _per_day, _most_shifts, _in_a_row, _succession, _off_after, _apart,
                                           _cover_each, _cover_except, _cover_shift, _unavailable,
                                           _counted_on_start, _off_heading, _goal, _fair, _zero_counted, _open_days,
                                           _penalty, _surcharge, _points_caption, _wish_caption, _day_wish,
                                           _skill, _cover_days_each, _cover_list, _least_caption, _exact_said,
                                           _priced_caption, _request, _requests_goal, _wishes_scored, _cover_items,
                                           _this_week_only, _team_said))


def _team_said(n: RosterDraft, c: _Clause) -> bool:
    """The whole team and what it staffs, said as a frame: 'Priya, Tom, Alex and Mei cover the front desk Monday to
    Friday, one shift a day': every person and (if any) every day, a verb of staffing, a count that says again the
    one shift a day, and no word that limits, counts or prices."""
    if sorted(c.people) != sorted(n.staff) or len(n.staff) < 2 or c.days and sorted(c.days) != sorted(n.days) or \
            c.shifts and len(n.shifts) > 1 or \
            not c.rest & {"cover", "covers", "staff", "staffs", "run", "runs", "work", "share", "handle"}:
        return False
    rest = re.sub(r"(?i)\b(?:one|1)\s+shift\s+(?:a|per|each)\s+day\b", " ", c.text) if len(n.shifts) == 1 else c.text
    return not CUES.search(rest) and not c.rest & (_NEED | {"pay", "paid", "cost", "costs", "rate", "rates", "wage",
                                                            "wages", "same", "together", "apart"})


def _this_week_only(n: RosterDraft, c: _Clause) -> bool:
    """'Only this week counts (ignore last week and next week)', 'no carry-over from the previous week': the roster
    starts and ends with its days, as every roster read here does (never wrapping round)."""
    if c.numbers or c.people or c.shifts or c.days:
        return False
    words = set(c.words)
    return bool(words & {"ignore", "only", "carry", "over"}) and "week" in words and words <= {
        "only", "this", "week", "weeks", "counts", "count", "ignore", "last", "next", "previous", "and", "the", "no",
        "carry", "over", "from", "into", "to", "is", "there", "nothing", "or", "following", "roster", "rota"}


_AIM = {"total", "minimise", "minimize", "lowest", "cheapest", "smallest", "fewest", "least", "best"}
"""Words of a goal, never of a table's caption."""


def _table_said(n: RosterDraft, c: _Clause) -> bool:
    """What a table of people holds, said in words: its caption ('Staff, cost per shift (GBP), weekly limits and
    unavailability'), its reading ('the table gives each person's cost for working that day's shift', 'must get
    between the min and max number of shifts shown', 'nobody goes over their max shifts'); only where such a table
    was read."""
    if not n.tabled or c.people or c.days or any(k != len(n.days) for k in c.numbers) or c.rest & _AIM:
        return False  # ('what is the minimum total cost': the goal, read by `_goal`)
    return c.only(_SHIFT_NOUNS, _WORK, {"table", "tables", "gives", "shows", "lists", "column", "columns", "shown",
                                        "below", "above", "cost", "costs", "pay", "rate", "rates", "hourly", "wage",
                                        "gbp", "eur", "usd", "weekly", "limits", "limit", "unavailability",
                                        "availability", "days", "day", "day's", "person's", "that", "with", "by",
                                        "type", "they", "cannot", "can't", "max", "min", "maximum", "minimum",
                                        "between", "number", "numbers", "name", "names", "their", "what", "who",
                                        "when", "how", "much", "many", "get", "next", "goes", "go", "over", "nobody",
                                        "exceeds", "exceed", "beyond", "only", "available", "are", "is",
                                        "marked", "unavailable"})


def _hours_said(n: RosterDraft, c: _Clause) -> bool:
    """'every shift is 8 hours and is paid at the person's hourly rate': the shifts' lengths said again, or said once
    for all of them ('shifts Early and Late (8 h each)')."""
    if len(c.numbers) != 1 or c.people or c.days:
        return False
    said = {"hours", "hour", "h", "long", "paid", "both", "people", "only", "for", "they", "x", "wage", "wages",
            "worked", "times", "day", "person's", "hourly", "rate", "their", "lasts", "each", "every", "cost", "pay"}
    if not (c.rest & {"hours", "hour", "h"} or {"x", "hourly"} <= c.rest or {"x", "rate"} <= c.rest) or \
            not c.only(_SHIFT_NOUNS, _WORK, said):  # ('cost of a shift = rate x 8')
        return False
    if not n.hours and (not n.shifts or set(c.shifts) - set(n.shifts) or
                        not c.rest & {"each", "every", "both", "all"}):
        return False  # (a length said once: of all the shifts)
    return _one_length(n, c.numbers[0])


def _one_length(n: RosterDraft, hours: int) -> bool:
    """Every shift lasts `hours`: set when no length is known yet, else whether each length read is that."""
    if n.hours and (set(n.hours.values()) != {float(hours)} or len(n.hours) != len(n.shifts)):
        return False
    n.hours.update({s: float(hours) for s in n.shifts})
    return True


def _shifts_said(n: RosterDraft, c: _Clause) -> bool:
    """The shifts read, said in prose: 'each day has an early and a late shift (8 hours each)', 'there are two
    shifts, Day and Night'; a length said for all of them is read with them."""
    if sorted(set(c.shifts)) != sorted(n.shifts) or len(n.shifts) < 2 or c.people or \
            c.days and sorted(c.days) != sorted(n.days):
        return False
    length = c.rest & {"hours", "hour", "h", "hrs"}
    if len(c.numbers) > 1 + bool(length) or c.numbers and c.numbers[0] != len(n.shifts) and not length:
        return False
    if not c.only(_SHIFT_NOUNS, {"each", "every", "day", "daily", "has", "have", "there", "are", "types", "kinds",
                                 "two", "three", "four", "per", "run", "runs", "both", "long", "all", "of"}, length):
        return False
    hours = [k for k in c.numbers if k != len(n.shifts) or len(c.numbers) == 1]
    return not length or len(hours) == 1 and _one_length(n, hours[0])


def _frame_counted(n: RosterDraft, c: _Clause) -> bool:
    """Counts that say again the size of what was read: 'three days', 'two shifts a day', 'six staff'. Each number
    is followed by its noun and equals the number of days, shifts or people read."""
    if not c.numbers or c.people or c.shifts:
        return False
    sizes = {"days": len(n.days), "shifts": len(n.shifts), "people": len(n.staff)}
    kinds = set()
    for at, word in enumerate(c.words):
        if not (word.isdigit() or word in _NUMBER):
            continue
        noun = c.words[at + 1] if at + 1 < len(c.words) else ""
        kind = "days" if noun in {"days", "day"} else "shifts" if noun in {"shifts", "shift"} else \
            "people" if noun in _WHO or re.fullmatch(PEOPLE, noun) else None
        if kind is None or sizes[kind] != (int(word) if word.isdigit() else _NUMBER[word]):
            return False
        kinds.add(kind)
    nouns = {w for w in c.rest if re.fullmatch(PEOPLE, w) or w in {"days", "shifts"}}
    if "people" in kinds:  # 'six staff', never 'six staff per day' (a cover)
        return c.rest <= nouns | {str(k) for k in c.numbers} | set(_NUMBER)
    return c.only(nouns, {"a", "per", "each", "day", "daily"}) and not c.rest & (_WHO - {"each", "every"})


def _demand_label(n: RosterDraft, c: _Clause) -> bool:
    """A demand table's caption or its reading said again: 'Required staff (at least)', 'Nurses needed
    (minimum)', 'Staffing required (exactly this many on each shift)', 'at least the required number must be on each
    shift'; whether demands are minimums or exact is read from the whole text."""
    if c.numbers or c.people or not (c.rest & {"required", "needed", "need", "needs", "staffing", "demand", "demands",
                                               "number", "below"} or {"exactly", "many"} <= c.rest):
        return False
    return c.only(_SHIFT_NOUNS, {"required", "needed", "need", "needs", "staffing", "demand", "demands", "least",
                                 "minimum", "min", "exactly", "many", "number", "day", "shown", "table", "below",
                                 "these", "numbers", "here", "following", "this", "must", "have", "there", "listed",
                                 "more", "extra", "allowed", "fine", "ok", "counter", "floor", "line", "desk", "every",
                                 "phones", "site", "shop", "ward", "be", "working", "above", "scheduled", "rostered"},
                  {w for w in c.rest if re.fullmatch(r"[a-z]{4,}s", w) and not CUES.search(w)})  # '...pharmacists'



def _per_day(n: RosterDraft, c: _Clause) -> bool:
    """'at most one shift per person per day', 'nobody does two shifts on the same day'."""
    if not (c.rest & _SHIFT_NOUNS and "day" in c.rest) or c.shifts:
        return False
    one = c.numbers == [1] and c.rest & {"most", "max", "maximum", "only", "single", "one", "1"}
    two = c.numbers in ([2], []) and c.rest & {"two", "both", "2"} and c.rest & _NEGATION and "same" in c.words
    if not (one or two) or not c.only(_SHIFT_NOUNS, _WORK, _NEGATION, {"day", "a", "most", "max", "maximum", "only",
                                                                      "single", "both", "two", "more", "than"}):
        return False
    n.per_day = 1
    return True


def _without_horizon(n: RosterDraft, c: _Clause) -> _Clause:
    """The clause without the roster's days said again ('over the three days'), which are no value of its own."""
    span = re.search(r"(?i)\b(?:for|over|across|in|during|of)\s+(?:the|these|all)\s+(\w+)\s+days\b", c.text)
    if span and span.group(1).lower() in (str(len(n.days)), *(w for w, k in _NUMBER.items() if k == len(n.days))):
        counted = re.search(rf"(?i)\b(?:\d+|{'|'.join(_NUMBER)})\s+$", c.text[:span.start()])  # 'two of the 3 days'
        return _Clause(n, c.text[:span.start()] + (" days" if counted else "") + c.text[span.end():], c.heading)
    return c


def _most_shifts(n: RosterDraft, c: _Clause) -> bool:
    """'at most 4 shifts per person over the week', 'nobody works more than 5 shifts', 'Jordi only 4'."""
    if re.search(r"(?i)\b(?:1|one)\s+day\s+(?:this|per|a|each|in\s+the|over\s+the)\s+week\b", c.text):
        c = _Clause(n, re.sub(r"(?i)\b(1|one)\s+day\b", r"\1 days", c.text))  # 'at least 1 day this week'
    c = _without_horizon(n, c)
    if len(c.numbers) != 1 or c.rest & {"row", "consecutive", "straight", "day"}:  # 'a day' limits a day
        return False
    denied = bool(c.rest & (_NEGATION - {"one"}))  # 'nobody works more than 5': 'more' bounds only when denied
    bound = "max" if c.rest & {"most", "max", "maximum", "up", "<="} or c.rest & {"more", "exceed"} and denied else \
        "min" if c.rest & {"least", "min", "minimum", ">="} and not denied else \
        "exactly" if c.rest & {"exactly", "exact"} and not denied and re.search(
            r"(?i)\bexact(?:ly)?\s+\w+\s+(?:[a-z]\s+)?(?:shifts?|days?|nights?)\b", c.text) else None  # 'each person
    # works exactly 2 days', never the cover 'exactly 1 person per shift'
    if bound is None or not (c.rest & (_SHIFT_NOUNS | {"days", "nights"}) or c.shifts):  # '... than 3 nights'
        return False
    if not c.rest & {"most", "max", "maximum", "up", "more", "exceed", "least", "min", "minimum", "exactly"} and \
            not c.rest & (_SHIFT_NOUNS | {"days", "nights"}):
        return False  # '<= 4 shifts' counts shifts; 'E >= 2' is a cover of shift E, never a count per person
    if not c.only(_SHIFT_NOUNS, _WORK, _NEGATION, {"most", "max", "maximum", "more", "than", "exceed", "up", "least",
                                                   "min", "minimum", "days", "nights", "only", "list", "<=", ">=",
                                                   "exactly", "exact"},
                  {"contract", "contracts", "guarantees", "guarantee", "guaranteed", "their", "his", "her"}
                  if bound == "min" else set()):  # 'contract guarantees >= 3 shifts this week'
        return False
    if "days" in c.rest and n.per_day != 1:
        return False
    rule: dict[str, Any] = {"type": "count", "per": ["staff"]}
    rule.update({"min": c.numbers[0], "max": c.numbers[0]} if bound == "exactly" else {bound: c.numbers[0]})
    if c.people:
        rule["staff"] = c.people
    if c.shifts or "nights" in c.rest:
        shifts = c.shifts or ([s] if (s := n.shift("night")) else [])
        if len(shifts) != 1:
            return False
        rule["shifts"] = shifts
    n.rules.append(rule)
    return True


def _in_a_row(n: RosterDraft, c: _Clause) -> bool:
    """'nobody works more than 4 days in a row', 'max 3 consecutive working days'."""
    if len(c.numbers) != 1 or not c.rest & {"row", "consecutive", "straight"} or c.shifts:
        return False
    if not c.only(_WORK, _NEGATION, {"days", "shifts", "row", "consecutive", "straight", "more", "than", "most", "max",
                                     "maximum", "working"}):
        return False
    denied = bool(c.rest & (_NEGATION - {"one"}))
    if not (c.rest & {"most", "max", "maximum"} or denied):
        return False
    most = c.numbers[0] if c.rest & {"most", "max", "maximum", "more"} else c.numbers[0] - 1  # 'never two days in a
    if most < 1:  # row': one at most
        return False
    rule: dict[str, Any] = {"type": "max_consecutive_days", "max_on": most}
    if c.people:
        rule["staff"] = c.people
    n.rules.append(rule)
    return True


def _succession(n: RosterDraft, c: _Clause) -> bool:
    """'nobody may work Early the day after working Late', 'no D shift the morning after an N', 'a PM shift can't
    be followed by an AM shift the next day', "no 'clopens': whoever closes one day can't open the next morning"
    (the verbs of shifts named 'closing' and 'opening')."""
    named = re.match(r"(?i)^\W*(?:and\s+)?no\s+['\"\u2018\u201c][\w-]+['\"\u2019\u201d]\s*:", c.text)
    verbs = {f"{s[:-3]}{end}": s for s in n.shifts if len(s) > 5 and s.lower().endswith("ing")
             for end in ("", "e", "s", "es", "ed")}
    said = re.sub(r"[A-Za-z]+", lambda w: verbs.get(w.group(0).lower(), w.group(0)),
                  c.text[named.end() if named else 0:])
    said = re.sub(r"\b[a-z]+\s*\(\s*([A-Za-z-]+)\s*\)", lambda m: m.group(1) if n.shift(m.group(1)) else m.group(0),
                  said)  # 'closes (afternoon) and then opens (morning)': the shifts the verbs stand for
    if said != c.text:
        c = _Clause(n, said)
    if len(c.shifts) != 2 or any(k != 1 for k in c.numbers) or not c.rest & (_NEGATION - {"one"}):
        return False
    if not c.only(_SHIFT_NOUNS, _WORK, _NEGATION, {"let", "lets", "after", "followed", "then", "next", "following",
                                                   "day", "morning", "goes", "go", "going", "from", "come", "onto",
                                                   "comes", "coming",
                                                   "evening", "night", "directly", "right", "immediately", "straight",
                                                   "into", "before", "day's", "if", "someone", "somebody",
                                                   "anyone", "anybody", "they", "he", "she", "whoever", "who"},
                  {w for w in c.rest if re.fullmatch(PEOPLE, w, re.IGNORECASE)}):
        return False
    if "before" in c.rest:
        return False
    if "after" in c.words:  # 'Y after X': X first; 'after X, no Y': X first too
        k = c.words.index("after")
        said_before = [s for j, w in enumerate(c.words[:k]) if (s := n.shift(w)) and s in c.shifts and
                       (w not in ("day", "days") or c.words[j + 1:j + 2] in (["shift"], ["shifts"]))]
        if len(said_before) > 1:
            return False
        if said_before:
            then = said_before[0]
            first = next(s for s in c.shifts if s != then) if c.shifts.count(then) == 1 else then
        else:
            first, then = c.shifts[0], c.shifts[1]
    else:
        first, then = c.shifts[0], c.shifts[1]
    n.rules.append({"type": "forbidden_sequence", "first": first, "then": then})
    return True


_AFTER = re.compile(r"(?i)^\W*after\s+(?:an?\s+|the\s+)?(?P<x>[\w-]+)(?:\s+shifts?)?\s*,?\s+(?:the\s+)?"
                    r"(?:(?:person|guard|nurse|worker|staff\s+member|employee)(?:'s)?\s+)?(?:(?P<next>next\s+day)\s+"
                    r"(?:must\s+be|is|has\s+to\s+be|may\s+only\s+be|can\s+only\s+be)\s+|"
                    r"(?:is|must\s+be|has\s+to\s+be|may\s+only\s+be|can\s+only\s+be)\s+)"
                    r"(?:either\s+)?(?:(?:another|an?)\s+(?P<y>[\w-]+)(?:\s+shift)?|(?P<y2>[\w-]+))?"
                    r"(?:\s+or\s+)?(?:an?\s+)?(?:off|day\s+off)(?:\s+(?:the\s+)?next\s+day)?(?:\s+or\s+(?:another\s+|an?\s+)?"
                    r"(?P<y3>[\w-]+)(?:\s+shift)?)?\W*$")


def _off_after(n: RosterDraft, c: _Clause) -> bool:
    """Rest after a shift: 'after a Night shift, the guard's next day must be either another Night shift or a day off',
    'After an N, the next day is N or off', 'After a night shift the person is off the next day': every other shift
    is forbidden the next day."""
    m = _AFTER.match(c.text)
    if m is None or c.people or c.numbers:
        return False
    first = n.shift(m["x"])
    said = m["y"] or m["y2"] or m["y3"]
    then = n.shift(said) if said else None
    if first is None or said and then is None or not m["next"] and not re.search(r"(?i)\bnext\s+day\b", c.text):
        return False
    for s in n.shifts:
        if s != then:
            n.rules.append({"type": "forbidden_sequence", "first": first, "then": s})
    return True


def _apart(n: RosterDraft, c: _Clause) -> bool:
    """Two people kept apart: 'Lea and Tom are never scheduled on the same day' (one shift a day), 'Ana and Ben
    can't work the same shift', 'never put Cy and Dee together'."""
    if len(c.people) != 2 or c.numbers or c.days or c.shifts or not c.rest & {"never", "not", "can't", "cannot",
                                                                               "mustn't", "shouldn't", "don't"}:
        return False
    shift = "shift" in c.rest or "shifts" in c.rest
    if not (shift or len(n.shifts) == 1) or not ("same" in c.rest or "together" in c.rest):
        return False
    if not c.only(_WORK, _NEGATION, {"same", "together", "day", "shift", "shifts", "both", "put", "on", "the",
                                     "scheduled", "rostered", "working", "as", "each", "other", "with"}):
        return False
    n.rules.append({"type": "meet", "staff": list(c.people), "max": 0})
    return True


def _surcharge(n: RosterDraft, c: _Clause) -> bool:
    """A flat amount on top of every pay for one shift or some days: 'any L shift costs +15 on top', 'every Night
    shift pays 40 extra', 'On Sat/Sun everyone gets a \u00a312 supplement per shift on top of that'; only once every
    cost is known, and never on points (not per hour: 'pays +5/h' is asked)."""
    if len(set(c.shifts)) > 1 or not (c.shifts or c.days) or len(c.numbers) != 1 or c.people or not n.costs or \
            n.penalised or re.search(r"/\s*h\b|\bper\s+hour|\bhourly|%|\bpercent", c.text, re.IGNORECASE):
        return False
    if not (c.rest & {"extra", "more", "top", "surcharge", "premium", "supplement"} or "+" in c.text):
        return False
    if not c.only(_SHIFT_NOUNS, c.day_words, {"any", "every", "each", "costs", "cost", "pays", "paid", "extra", "more",
                                              "on", "top", "surcharge", "premium", "supplement", "of", "plus",
                                              "additional", "an", "a", "gets", "get", "that", "everyone", "per",
                                              "than", "in", "this", "table", "above", "listed", "euros", "dollars",
                                              "pounds", "eur"}):
        return False
    cells = [(p, s, d) for p in n.staff for s in (c.shifts[:1] or n.shifts) for d in (c.days or n.days)]
    if any(cell not in n.costs for cell in cells if cell not in n.off()):
        return False
    if "table" in c.rest and n.priced_days:  # '16 euros more than in this table' of the days the table is not for
        if c.shifts or set(c.days) & set(n.priced_days) or not c.days:
            return False
        n.priced_again = list(c.days)
    for cell in cells:
        if cell in n.costs:
            n.costs[cell] += c.numbers[0]
    return True


_REQUEST = re.compile(r"(?i)^\W*(?P<who>[^\W\d][\w'-]*)\s*(?:[-:\u2013,]\s*|\s+(?:has\s+)?"
                      r"(?:asked|asks|requested|requests)\s+for\s+|\s+(?:would\s+like|wants|wishes\s+for)\s+)")
_REQUEST_WORDS = {"the", "a", "an", "off", "please", "not", "day", "days", "would", "like", "to", "have", "work", "do",
                  "and", "or", "shift", "on"}


def _request(n: RosterDraft, c: _Clause) -> bool:
    """A request, broken or kept, each counting one: 'Hannah asked for Monday and Friday off', 'Sam - Sunday off',
    'Grace - please not the Friday night' (each an avoided cell), 'Tariq - would like the Friday early' (a wanted one).
    Read only beside a goal that counts broken requests (`_requests_goal`)."""
    m = _REQUEST.match(c.text)
    if m is None or len(c.people) != 1 or m["who"] != c.people[0] or c.numbers or not c.days or len(set(c.shifts)) > 1:
        return False
    what = _Clause(n, c.text[m.end():])
    if not set(what.words) - what.day_words - {w for w in what.words if n.shift(w)} <= _REQUEST_WORDS:
        return False
    avoid = bool({"off", "not"} & set(what.words))
    if not avoid and (not what.shifts or len(what.days) != 1):  # 'would like Friday': which shift? asked
        return False
    for d in what.days:
        rule: dict[str, Any] = {"type": "preference", "staff": list(c.people), "days": [d],
                                "kind": "avoid" if avoid else "want", "penalty": 1}
        if what.shifts:
            rule["shifts"] = [what.shifts[0]]
        n.rules.append(rule)
    return True


def _requests_goal(n: RosterDraft, c: _Clause) -> bool:
    """'what's the smallest number of requests I'd have to turn down?', 'the rota that breaks the fewest of those
    six requests', 'each day-off request that I have to turn down counts as one' (the count of broken requests,
    every request one; a day off is one shift a day); '(7 requests in total)' checked."""
    asked = [r for r in n.rules if r["type"] == "preference"]
    c = _Clause(n, re.sub(r"(?i)\bcounts?\s+as\s+one\b", "counts", c.text))  # 'counts as one': no number of them
    if not asked or n.per_day != 1 or not c.rest & {"request", "requests"} or c.people or c.days or c.shifts:
        return False
    if c.numbers and (len(c.numbers) != 1 or c.numbers[0] != len(asked)):  # '(7 requests in total)': their number
        return False
    said = {"smallest", "fewest", "minimum", "min", "least", "lowest", "number", "of", "requests", "request", "i'd",
            "have", "to", "turn", "turned", "down", "break", "breaks", "broken", "can't", "cannot", "be", "honoured",
            "honored", "kept", "met", "refuse", "refused", "that", "those", "what's", "what", "is", "the", "rota",
            "roster", "each", "day", "off", "counts", "as", "one", "unhappy", "in", "total", "we", "i", "tell", "me",
            "can", "you", "which", "same", "every", "it", "day-off", "all", "them", "give"}
    if not c.only(said, {str(k) for k in c.numbers}, set(_NUMBER)):
        return False
    if c.rest & {"smallest", "fewest", "minimum", "min", "least", "lowest"}:
        if n.objective:
            return n.objective == [{"term": "total_penalty"}]  # the goal said again
        n.objective.append({"term": "total_penalty"})
    return True  # (else a definition: each request counts one)


def _priced_caption(n: RosterDraft, c: _Clause) -> bool:
    """The caption of a table of costs for some days only ('Cost of one shift (euros), Monday to Friday:'): the
    other days must be priced from it (`_surcharge`), else the roster is not read."""
    if not c.days or c.people or c.shifts or any(k != 1 for k in c.numbers) or n.priced_days or not n.tabled or \
            not c.only(c.day_words, {"cost", "costs", "of", "one", "a", "each", "shift", "shifts", "per", "euros",
                                     "dollars", "pounds", "eur", "pay", "rate", "rates", "table", "in", "below"}) or \
            not c.rest & {"cost", "costs", "pay", "rate", "rates"}:
        return False
    n.priced_days = list(c.days)
    return True


_WISH_WORDS = {"additionally", "also", "would", "rather", "not", "prefers", "prefer", "wants", "want", "like", "to",
               "work", "works", "working", "on", "any", "shift", "shifts", "carries", "carry", "an", "a", "extra",
               "penalty", "penalties", "of", "added", "the", "above", "points", "point", "pts", "if", "he", "she",
               "they", "plus", "additional", "that", "day", "costs", "cost", "gives", "adds", "per", "top", "in",
               "addition", "is", "worked"}


def _points_caption(n: RosterDraft, c: _Clause) -> bool:
    """The caption of a table of points ('Preference penalties (points per shift worked of that type):'): its numbers
    are penalty points, in a text that prices nothing in money."""
    if not n.tabled or not n.costs or c.numbers or c.people or c.days or not c.rest & {"penalty", "penalties",
                                                                                     "points"}:
        return False
    if re.search(r"[$\u20ac\u00a3]|\b(?:pay|paid|wages?|salar\w*|costs?|rates?|euros?|dollars?|pounds?)\b", n.text,
                 re.IGNORECASE):
        return False
    if not c.only(_SHIFT_NOUNS, {"preference", "preferences", "penalty", "penalties", "points", "point", "per",
                                 "worked", "of", "that", "type", "each", "table", "below", "shown", "for", "are", "in",
                                 "assigned", "working", "day", "days", "lower", "higher", "preferred", "better",
                                 "worse", "happier", "less", "more", "is"}):
        return False
    n.penalised |= set(n.costs)
    return True


def _wish_caption(n: RosterDraft, c: _Clause) -> bool:
    """The caption of wishes priced in points ('What people told me they'd rather avoid - I've turned it into penalty
    points:'): read once the wishes are, in a text that prices nothing in money."""
    if not n.penalised or any(cell not in n.penalised for cell in n.costs) or c.numbers or c.people or c.days or \
            c.shifts or not c.rest & {"penalty", "penalties", "points"}:
        return False
    return not CUES.search(re.sub(r"(?i)\b(?:avoid\w*|prefer\w*|want\w*|rather)\b", " ", c.text))


def _day_wish(n: RosterDraft, c: _Clause) -> bool:
    """A day someone would rather not work, priced in points on top of the shift penalties: 'Dev would rather not
    work on Friday: any shift Dev works on Friday carries an extra penalty of 3 (added to the shift penalty
    above)', 'Additionally Dev would rather not work on Tuesday: +4 points if he works any shift on Tuesday'."""
    if len(c.people) != 1 or not c.days or c.shifts or len(c.numbers) != 1 or not n.costs or \
            any(cell not in n.penalised for cell in n.costs):
        return False  # (only beside points: never added to a pay)
    if not (c.rest & {"rather", "prefers", "prefer", "wants", "want", "like"} and c.rest & {"penalty", "points",
                                                                                          "point", "pts"}):
        return False
    if not (c.rest & {"extra", "additional", "plus", "addition"} or "+" in c.text) or \
            not c.only(_WISH_WORDS, c.day_words):
        return False
    who = c.people[0]
    for s in n.shifts:
        for d in c.days:
            cell = (who, s, d)
            n.costs[cell] = n.costs.get(cell, 0.0) + c.numbers[0]
            n.penalised.add(cell)
    return True


_OBEYED = re.compile(r"(?i)\b(?:while|whilst|and)\s+(?:still\s+)?(?:following|respecting|obeying|meeting|satisfying|"
                     r"keeping\s+to|sticking\s+to)\s+(?:all\s+)?(?:of\s+)?(?:the\s+|these\s+|those\s+|my\s+|our\s+)?"
                     r"(?:rules|constraints|requirements|conditions)(?:\s+(?:above|below|listed|given))?\b")
"""'while following all the rules above': said of every goal, nothing more."""

_SCORED = {"turned", "converted", "made", "put", "scored", "score", "translated", "into", "as", "in", "to", "keep",
           "it", "fair", "i", "we", "i've", "we've", "have", "everyone's", "everybody's", "their", "the", "all",
           "wishes", "wish", "preferences", "requests", "points", "penalty", "penalties", "scores"}


def _wishes_scored(n: RosterDraft, c: _Clause) -> bool:
    """'To keep it fair I turned everyone's wishes into points': how the points said with it came about."""
    return not (c.numbers or c.people or c.days or c.shifts) and bool(
        c.rest & {"wishes", "wish", "preferences", "requests"} and c.rest & {"points", "penalty", "penalties", "scores"}
    ) and set(c.words) <= _SCORED


def _goal(n: RosterDraft, c: _Clause) -> bool:
    """'find the rota with the lowest total cost', 'book as few people as possible', 'minimise the largest number
    of shifts any one person gets', 'the minimum total cost for the three days'."""
    said = _OBEYED.sub(" ", c.text)
    counting = re.search(r"(?i),?\s*counting\s+(?:all\s+)?(?:the\s+)?(?P<k>\d+|two|three|four|five|six|seven)\s+"
                         rf"(?:{PEOPLE}|persons?)\b(?:\s*\([^()]*\))?", said)  # 'counting all five people'
    if counting and (int(k) if (k := counting["k"].lower()).isdigit() else _NUMBER[k]) == len(n.staff):
        said = said[:counting.start()] + said[counting.end():]
    c = _without_horizon(n, _Clause(n, said))
    if any(w.isdigit() or w in _NUMBER and w != "one" for w in c.words):  # 'any one person' is no number
        return False
    low = c.rest & {"minimise", "minimize", "minimising", "minimizing", "minimum", "min", "lowest", "cheapest", "least",
                    "smallest", "fewest", "few", "low", "small"}
    if not low:
        return False
    talk = {"find", "what", "whats", "what's", "give", "report", "tell", "let", "know", "work", "out", "feasible",
            "is", "the", "possible", "as", "rota", "roster",
            "schedule", "plan", "that", "with", "our", "my", "objective", "goal", "target", "want", "need", "value",
            "amount", "it", "us", "me", "i", "we", "how", "much", "would", "be", "get", "can", "you", "please",
            "week", "weekend", "bill", "total", "overall", "spend", "in", "of", "valid", "have", "achieve", "could",
            "away", "manage", "reach", "keeps", "keep", "keeping", "meets", "meet", "meeting", "satisfies", "hard",
            "rules", "staffing", "exact", "constraints", "all", "and", "levels", "level", "requirements", "sum",
            "covers", "cover", "covering", "everything"}
    money = {"cost", "costs", "pay", "wage", "wages", "bill", "payroll", "spend", "price", "penalty", "penalties",
             "points", "eur", "euros", "dollars", "pounds"}
    if c.rest & {"points", "penalty", "penalties"}:
        money.add("number")  # 'the lowest total number of penalty points'
    people = {"people", "persons", "staff", "drivers", "temps", "nurses", "workers", "agents", "employees",
              "number", "different", "distinct", "book", "call", "hire", "use", "used", "many"}
    load = {"largest", "maximum", "highest", "most", "number", "shifts", "days", "any", "one", "person", "gets",
            "worked", "assigned", "by", "load", "busiest", "spread", "fairly", "fair", "evenly", "even", "as",
            "possible", "single", "individual", "ends", "end", "up"}
    spread = {"gap", "difference", "spread", "range", "between", "whoever", "who", "works", "most", "fewest", "least",
              "largest", "smallest", "highest", "lowest", "max", "min", "number", "shifts", "days", "and", "as",
              "possible", "fair", "means", "for", "me", "by", "any", "two", "people", "persons", "count", "counts",
              "minus", "worked", "anyone", "workload", "make", "goal", "even", "evenly", "share", "fairly", "work"}
    roles = {w for w in c.rest if re.fullmatch(PEOPLE, w, re.IGNORECASE)}  # 'the guard with the most shifts'
    if c.rest & {"gap", "difference", "spread", "range", "minus"} and c.rest & {"most", "largest", "highest", "max"} \
            and c.rest & {"fewest", "least", "smallest", "lowest", "min"} and \
            c.only(talk, spread, low, roles, {"should", "it", "this", "time", "with"}):
        term = "shift_spread"  # ('minimise (most shifts worked by anyone) minus (fewest shifts worked by anyone)')
    elif c.rest & {"gap", "difference", "spread"} and n.objective == [{"term": "shift_spread"}] and \
            c.only(talk, spread, low):
        term = "shift_spread"  # the goal asked again: 'what is the minimum possible difference?'
    elif (c.rest & money or "cheapest" in c.rest) and c.only(talk, money, low):
        term = "total_cost"  # ('what's the cheapest roster?': cheapest says cost)
    elif c.rest & {"largest", "maximum", "max", "highest", "most", "busiest"} and c.only(talk, load, low, {"max"}):
        term = "max_shifts"
    elif c.rest & {"people", "persons", "staff", "drivers", "temps", "nurses", "workers", "agents", "employees"} \
            and c.rest & {"number", "many", "few", "fewest", "book", "hire", "use", "used", "call", "different",
                          "distinct"} and c.only(talk - {"need"}, people, low, {"possible"}):
        term = "staff_count"
    else:
        return False
    goal: dict[str, Any] = {"term": term}
    if c.shifts:  # 'the max number of N shifts any one worker gets': those shifts counted; never dropped elsewhere
        if term != "max_shifts" or "means" in c.rest:
            return False
        goal["shifts"] = list(dict.fromkeys(c.shifts))
    if "means" in c.rest and c.rest & _FAIR:  # what 'fair' means: the goal once the wish for it is read
        n.fair_means = term
        return _fair_goal(n)
    if n.objective:  # the goal asked again ('what is that smallest possible maximum?')
        return n.objective == [goal]
    if c.words[:3] in (["what", "is", "that"], ["what", "is", "this"], ["what's", "that", c.words[2:3] or ""]):
        return False  # refers back to a goal said before it
    n.objective.append(goal)
    return True


_NEED = {"needs", "need", "needed", "needing", "requires", "require", "required", "covered", "staffed", "manned"}
"""Words that say a shift needs people."""


def _cover_each(n: RosterDraft, c: _Clause) -> bool:
    """The same demand on every shift of every day: 'each needs exactly one guard', 'each shift is covered by exactly
    one pharmacist', 'I need exactly two pharmacists on each day' (one shift a day)."""
    slots = len(n.shifts) * len(n.days)
    numbers = [k for k in c.numbers if k != slots] if re.search(  # 'each of the 10 shifts': all of them, said again
        rf"\b(?:each|all)\s+(?:of\s+)?(?:the\s+|these\s+)?{slots}\b", c.text) else c.numbers
    if len(numbers) != 1 or c.people or c.shifts or c.days or n.cover and not _all_same(n, numbers[0]):
        return False
    counted = re.search(r"\b(?:exactly|at\s+least|>=)\s+(?:\d+|one|two|three|four|five|six|seven)\s+(?:[a-z]+)\b",
                        c.text.lower())  # 'exactly 2 staff on each shift': a count of people, said without a verb
    noun = counted.group(0).split()[-1] if counted else ""
    if not (c.rest & _NEED or noun in _WHO - {"each", "every", "they", "he", "she", "we", "you", "i", "their", "his",
                                              "her", "who", "whoever"} or re.fullmatch(PEOPLE, noun)):
        return False
    each_shift = c.rest & {"each", "every", "per"} and (c.rest & _SHIFT_NOUNS or "day" not in c.rest
                                                        and len(n.shifts) > 1)
    if not (each_shift or len(n.shifts) == 1 and c.rest & {"day", "daily"}):
        return False
    at = next(k for k, w in enumerate(c.words) if w.isdigit() or w in _NUMBER)
    after = c.words[at + 2] if at + 2 < len(c.words) else None  # the word after the counted noun
    ends = after is None or after in {"on", "per", "for", "in", "at", "each", "every", "a", "an", "the", "to", "and",
                                      "is", "are", *_SHIFT_NOUNS}
    counted_noun = {w for w in c.words[at + 1:at + 2] if re.fullmatch(r"[a-z]{3,}", w) and not CUES.search(w)
                    and w not in _WORK | {"most", "more", "less", "fewer", "than", "only", "max", "min"} and ends}
    if not c.only(_SHIFT_NOUNS, _NEED, {"exactly", "least", "day", "daily", "on", "with", "by", "one", "i", "it",
                                        "has"},
                  counted_noun):  # the noun counted ('one guard'), and no other word: a 'senior nurse', a nurse 'with
        return False  # a forklift licence' ask for people the cover alone does not count
    for s in n.shifts:
        for d in n.days:
            n.cover.setdefault((s, d), numbers[0])
    if "least" in c.rest:
        n.exact = None if n.exact else False
    return True


def _cover_except(n: RosterDraft, c: _Clause) -> bool:
    """The same demand everywhere but for some cells: 'One person per shift, except Friday Early needs two (delivery
    day)', 'each shift needs 2 people except Sunday late: 1'. The exceptions name days or shifts and one number each."""
    parts = re.split(r"(?i)\bexcept(?:\s+(?:for|on))?\b", c.text)
    if len(parts) != 2 or n.cover:
        return False
    base, said = parts[0].rstrip(" ,;:-"), re.sub(r"\s*\([^()]*\)\s*$", "", parts[1])
    reason = parts[1][len(said):].strip(" ()")
    if reason and (re.search(r"\d", reason) or CUES.search(reason)):
        return False
    saved = n.checkpoint()
    if not (_cover_each(n, _Clause(n, base)) or _cover_each(n, _Clause(n, f"{base} needed"))):
        n.restore(saved)
        return False
    for item in re.split(r"\s*[,;]\s*", said.strip()):
        e = _Clause(n, item)
        if len(e.numbers) != 1 or not (e.days or e.shifts) or e.people or \
                not e.only(_NEED, e.day_words, {"on", "the", "it", "has", "have", "gets", "get", "when", "we", "is",
                                                "are", "shift", "shifts", "with"}):
            n.restore(saved)
            return False
        for sh in e.shifts or n.shifts:
            for d in e.days or n.days:
                n.cover[(sh, d)] = e.numbers[0]
    return True


def _cover_shift(n: RosterDraft, c: _Clause) -> bool:
    """One shift's demand on every day: 'a night shift that needs exactly 1 nurse', 'exactly 2 nurses on every day
    shift', and the parts of a list of them, '1 on Late'. The number counts people: a noun of people or 'on' follows
    it, or nothing does ('the day shift needs 2')."""
    if len(set(c.shifts)) != 1 or len(c.numbers) != 1 or c.people or c.days or len(n.days) == 0:
        return False
    at = next(k for k, w in enumerate(c.words) if w.isdigit() or w in _NUMBER)
    after = c.words[at + 1] if at + 1 < len(c.words) else None
    if after is not None and after not in {"on", "for", "in"} | _WHO and not re.fullmatch(PEOPLE, after):
        return False
    if not (c.rest & _NEED or after == "on" or after is not None and after != "in" and "exactly" in c.rest):
        return False
    noun = {after} if after is not None else set()
    if not c.only(_SHIFT_NOUNS, _NEED, noun, {"exactly", "least", "day", "daily", "on", "with", "has", "have", "there",
                                             "that", "which", "it", "i"}):
        return False
    shift, need = c.shifts[0], c.numbers[0]
    if any(n.cover.get((shift, d), need) != need for d in n.days):
        return False
    for d in n.days:
        n.cover[(shift, d)] = need
    if "least" in c.rest:
        n.exact = None if n.exact else False
    return True


def _cover_days_each(n: RosterDraft, c: _Clause) -> bool:
    """One demand on every shift of some days: 'Saturday and Sunday I need 2 on each', 'at weekends 3 people on every
    shift'."""
    if len(c.numbers) != 1 or not c.days or c.people or c.shifts and sorted(set(c.shifts)) != sorted(n.shifts) or \
            len(n.shifts) < 2 or not c.rest & {"each", "every", "both", "all"}:
        return False
    if not (c.rest & _NEED or re.search(r"\d+\s+(?:\w+\s+)?on\s+(?:each|both|every)\b", c.text)):  # ('... I need
        return False  # 2 people on the opening; Saturday and Sunday 2 on each')
    if not c.only(_COVER_WORDS, c.day_words, {w for w in c.rest if re.fullmatch(PEOPLE, w)}, {"of", "them", "two"}):
        return False
    need = c.numbers[0]
    if any(n.cover.get((s, d), need) != need for s in n.shifts for d in c.days):
        return False
    n.cover.update({(s, d): need for s in n.shifts for d in c.days})
    return True


_COVER_WORDS = {"need", "needs", "needed", "require", "requires", "required", "exactly", "least", "at", "on", "in",
                "for", "each", "every", "and", "the", "a", "i", "we", "want", "have", "cover", "demand", "per", "shift",
                "shifts", "session", "sessions", "day", "days", "daily", "it's", "is", "are", "where", "with", "of",
                "weekdays", "weekday", "weekends", "weekend", "then", "but", "only", "except", "both", "all",
                "requirements", "requirement", "duty", "staffing", "minimum", "working", "present"}
"""Words of a list of demands beside the numbers, shifts, days and the noun of the people counted."""


def _exact_said(n: RosterDraft, c: _Clause) -> bool:
    """'Those are exact numbers, by the way - a third body just gets in the way': the demands are exact (as the word
    'exact' made them, when nothing says minimum); no other word that limits."""
    if c.numbers or c.people or c.days or c.shifts or not c.rest & {"exact", "exactly"} or \
            not c.rest & {"numbers", "figures", "demands", "counts", "headcounts", "staffing", "cover", "demand"} or \
            CUES.search(re.sub(r"(?i)\bexact(?:ly)?\b", " ", c.text)):
        return False
    return n.exact is True  # (set from the word 'exact' in the text, unless a minimum is said too)


def _least_caption(n: RosterDraft, c: _Clause) -> bool:
    """A caption saying the demands are minimums: 'Cover I need (at least this many on each shift)', 'minimum
    numbers'."""
    if c.numbers or c.people or c.days or c.shifts or not c.rest & {"least", "minimum", "min"} or \
            not c.only(_SHIFT_NOUNS, _NEED, {"cover", "least", "minimum", "min", "this", "these", "many", "numbers",
                                             "number", "on", "each", "per", "staff", "staffing", "i", "we", "need"}):
        return False
    n.exact = None if n.exact else False
    return True


_ON_SHIFT = re.compile(r"(?i)\s*(?:[a-z]+\s+)?(?:on|at|in|for)\s+(?:the\s+|each\s+|every\s+)?")
"""Between a number and the shift it counts: '2 on Day', '2 nurses on the Day'."""


def _cover_list(n: RosterDraft, c: _Clause) -> bool:
    """Demands listed by shift and day: 'Monday to Friday, 2 on Day and 1 on Night', 'D and N each need 1 guard on
    t=1,2,3,4,7 and 2 guards on t=5,6', 'at least 1 on Late, except Monday where it's at least 2 on Late'. Each number
    counts the shifts named right after it (else those the clause begins with) on the days named right after it
    (else the days said last before it, else every day); a later 'except' day overrides."""
    found: list[tuple[int, str, Any]] = []  # (position, kind, value), in the order of the text
    ends: dict[int, int] = {}  # where each number ends
    taken = [False] * len(c.text)
    for m in re.finditer(rf"(?i){_DAY_WORD}(?:\s*(?:,|\bor\b|\band\b|&|/|\bto\b|\bthrough\b|-)\s*{_DAY_WORD})*|"
                         rf"\b(?:days?\s*|t\s*=\s*){_NUMBERED}|\bweekdays?\b", c.text):
        days = n.day_list(re.sub(r"(?i)\s*\bthrough\b\s*", " to ", m.group(0)))
        if days is None:
            return False
        found.append((m.start(), "days", days))
        taken[m.start():m.end()] = [True] * (m.end() - m.start())
    for m in re.finditer(r"[A-Za-z][\w-]*|\d+", c.text):
        if taken[m.start()]:
            continue
        w = m.group(0)
        if w.isdigit() or w.lower() in _NUMBER and w.lower() != "one" or w.lower() == "one" and \
                (re.match(r"\s+(?:on|at|in)\b", c.text[m.end():]) or
                 re.search(r"(?i)\b(?:exactly|at\s+least)\s+$", c.text[:m.start()])):
            found.append((m.start(), "number", int(w) if w.isdigit() else _NUMBER[w.lower()]))
            ends[m.start()] = m.end()
        elif (s := n.shift(w)) and (w.lower() != "day" or w[0].isupper() or c.text[m.end():].lstrip()[:5] == "shift"):
            found.append((m.start(), "shift", s))
        elif w.lower() not in _COVER_WORDS | _WHO and not re.fullmatch(PEOPLE, w.lower()):
            return False
    found.sort(key=lambda f: f[0])
    numbers = [k for k, (_, kind, _) in enumerate(found) if kind == "number"]
    if not numbers or len(numbers) < 2 and not c.days or \
            not ({"need", "needs", "needed", "require", "requires", "required", "on"} & set(c.words)):
        return False  # (one number on no day: `_cover_each`, `_cover_shift`)
    subject = [v for _, kind, v in found[:numbers[0]] if kind == "shift"] or \
        (list(n.shifts) if len(numbers) == 1 and re.search(r"(?i)\b(?:each|every|per)\s+shift\b", c.text) else [])
    days_said = next((v for _, kind, v in reversed(found[:numbers[0]]) if kind == "days"), list(n.days))
    cover: dict[tuple[str, str], int] = {}
    for j, k in enumerate(numbers):
        after = found[k + 1:numbers[j + 1] if j + 1 < len(numbers) else len(found)]
        before = [v for _, kind, v in found[numbers[j - 1] + 1 if j else 0:k] if kind == "shift"]
        on = [v for at, kind, v in after if kind == "shift" and _ON_SHIFT.fullmatch(c.text[ends[found[k][0]]:at])]
        # '2 on Day and 1 on Night': the shift named right after its number; 'the Day shift needs 2 nurses, the Night
        # shift 1': the shift named right before it
        shifts = on or before or [v for _, kind, v in after if kind == "shift"] or subject or \
            (n.shifts if len(n.shifts) == 1 else [])
        days = next((v for _, kind, v in after if kind == "days"), None)
        if not shifts or any(kind == "days" for _, kind, _ in after[1:]) and \
                [kind for _, kind, _ in after].count("days") > 1:
            return False
        if days is not None and "except" not in c.words:
            days_said = days
        for s in shifts:
            for d in days if days is not None else days_said:
                cover[(s, d)] = found[k][2]
    if any(n.cover.get(cell, v) != v for cell, v in cover.items()):
        return False
    n.cover.update(cover)
    if "least" in c.words:
        n.exact = None if n.exact else False
    return True


_ITEM = re.compile(r"\s*(?P<s>[A-Za-z]{1,8})(?:_\{?[dt]\}?)?\s*(?P<op>>=|=|\u2265)\s*(?P<k>\d+)\s*|"
                   r"\s*(?P<k2>\d+)\s+(?P<s2>[A-Za-z]{1,12})\s*")
"""A shift's demand: 'E = 1', 'L >= 2', or its count before it: '1 morning'."""
_ITEM_DAYS = re.compile(rf"(?i)^\s*(?P<d>(?:on\s+)?(?:days?\s*\d[\d\s,.-]*|"
                        rf"{_DAY_WORD}(?:\s*(?:-|to|,|and)\s*{_DAY_WORD})*))"
                        r"\s*:\s*(?P<l>.+)$|^(?P<l2>.+?)\s+(?:for|on)\s+(?P<d2>(?:all\s+)?(?:t|d)\s*=\s*\d.*|days?\s+\d.*|"
                        rf"{_DAY_WORD}.*)$")


def _cover_items(n: RosterDraft, c: _Clause) -> bool:
    """Demands of shifts on some days, as items: 'E_t = 1, L_t = 1, N_t = 1 for t = 1..4', 'day 5: E = 2, L = 1,
    N = 1', 'Fri: E >= 2, L >= 1'. Every item names a shift; the days are said once for all of them."""
    m = _ITEM_DAYS.match(c.text.strip())
    if m is None:
        return False
    days = n.day_list((m["d"] or m["d2"]).strip().rstrip(".:"))
    items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", (m["l"] or m["l2"]).strip())
    said = [_ITEM.fullmatch(it) for it in items]
    if not days or not all(said):
        return False
    cells: dict[tuple[str, str], int] = {}
    ops = set()
    for it in said:
        assert it is not None
        shift = n.shift(it["s"] or it["s2"])
        if shift is None or any((shift, d) in cells for d in days):
            return False
        if it["op"]:  # ('1 morning' says neither)
            ops.add(it["op"] == "=")
        cells.update({(shift, d): int(it["k"] or it["k2"]) for d in days})
    if len(ops) > 1 or any(n.cover.get(cell, v) != v for cell, v in cells.items()):
        return False
    n.cover.update(cells)
    if ops == {False}:
        n.exact = None if n.exact else False
    return True


def _skill(n: RosterDraft, c: _Clause) -> bool:
    """Who has a skill, or a cover of people of a skill (`roster_skills`)."""
    return read_skill_said(n, c.text, c.people) or read_skill_only(n, c.text) or \
        read_skill_cover(n, c.text, c.people, c.shifts, c.days, c.words)


def _all_same(n: RosterDraft, k: int) -> bool:
    return set(n.cover.values()) == {k} and len(n.cover) == len(n.shifts) * len(n.days)


_OFF = {"can't", "cannot", "not", "never", "off", "away", "unavailable", "leave", "holiday", "holidays", "vacation",
        "absent", "isn't", "won't", "doesn't", "don't"}
_TIMES = {"morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights", "am", "pm",
          "until", "after", "before", "from", "half", "early", "late", "till", "noon", "midday", "hours", "hour"}


def _unavailable(n: RosterDraft, c: _Clause) -> bool:
    """A person off on some days or shifts: 'Igor is away Saturday and Sunday', 'Hana can't do nights on Monday or
    Tuesday', 'Sanjay only works Monday to Wednesday this week' (off the other days); under a heading that lists
    who is off ('Who can't come in:'), an item's reason ('Tomás has a course on Monday')."""
    if len(c.people) != 1 or not (c.days or c.shifts) or c.numbers and c.numbers != [1] or len(c.shifts) > 1 or \
            c.shifts and c.day_runs > 1:  # two people in one clause ('Hannah can't work on Sunday, and Grace on
        return False  # Wednesday') or a shift and two places of days ('... the Tuesday early shift and is off all day
        # Friday'): by pieces
    if c.rest & {"prefer", "prefers", "preferably", "rather", "ideally", "possible", "like", "likes", "wish", "wishes",
                 "hopes", "hope", "try", "avoid", "asked", "asks", "ask", "request", "requests", "requested", "wants",
                 "want", "wanted", "would", "love", "hates", "dislikes", "points", "point", "penalty"}:
        return False  # a wish, not a day off: asked
    only = "only" in c.rest
    denied = any(w == "no" and n.shift(v) for w, v in zip(c.words, c.words[1:], strict=False))  # 'no openings'
    off = bool(set(c.words[:len(c.words) - c.heading]) & _OFF) or c.heading and not only or denied
    if only == off:
        return False
    if c.rest & _TIMES - {w.lower() for s in c.shifts for w in (s, s + "s")} - set(n.shift_names):
        return False  # part of a day, not a whole shift
    reasons = c.rest - _OFF - _WORK - _GLUE - _WHO - c.day_words - {"only", "is", "has", "do", "come", "in", "or",
                                                                      "week", "this", "next", "shift", "shifts",
                                                                      "day", "days", "ever", "either", "around"} - \
        ({"no"} if denied else set())
    if {w for w in reasons if CUES.search(w) or w in {"if", "when", "whenever", "while", "until", "till", "unless"}} \
            and not ("unavailable" in c.rest and c.heading):
        return False  # a reason ('at college', 'at a wedding') says nothing more; a limit or a condition would
    if only and c.shifts and not c.days:  # 'D works E only': never the other shifts
        others = [s for s in n.shifts if s not in c.shifts]
        if not others:
            return False
        n.rules.append({"type": "unavailable", "staff": list(c.people), "shifts": others})
        return True
    days = c.days or list(n.days)
    if only:
        days = [d for d in n.days if d not in days]
        if not days or c.shifts:
            return False
    rule: dict[str, Any] = {"type": "unavailable", "staff": list(c.people), "days": days}
    if c.shifts:
        rule["shifts"] = list(c.shifts)
    n.rules.append(rule)
    return True


def _counted_on_start(n: RosterDraft, c: _Clause) -> bool:
    """'A Night shift counts as belonging to the day it starts on': how the roster counts a shift over midnight, which
    is what a roster of days and shifts does."""
    return len(c.shifts) == 1 and not c.numbers and c.rest >= {"day", "starts"} and c.only(
        _SHIFT_NOUNS, {"counts", "count", "counted", "belonging", "belongs", "belong", "day", "it", "starts", "start",
                       "as", "everything", "below", "here", "purposes", "rules"})


def _off_heading(n: RosterDraft, c: _Clause) -> bool:
    """The heading of a list of who is off ('Who can't come in:'), once an item under it was read."""
    if c.numbers or c.people or c.shifts or c.days or not c.rest & _OFF - {"not"} | {"can't", "cannot"}:
        return False
    return c.text.rstrip().endswith(":") and c.only(_OFF, {"who", "come", "in", "available", "days", "dates", "when",
                                                           "absences", "absence", "requests", "out", "make", "it"})


_FAIR = {"fair", "fairly", "fairer", "balanced", "balance", "even", "evenly", "equal", "equally"}


def _fair(n: RosterDraft, c: _Clause) -> bool:
    """A wish for fairness ('make the rota as fair as possible'): the goal, once the text says what fair means
    ('"Fair" means the gap between whoever works most and whoever works fewest as small as possible')."""
    if not c.rest & _FAIR or c.numbers or c.people or c.shifts or c.days not in ([], n.days) or "means" in c.rest or \
            CUES.search(
            " ".join(w for w in c.words if w not in _FAIR | {"for", "as", "possible", "want", "like", "would", "i'd"})):
        return False
    n.fair_wished = True
    return n.fair_means is not None and _fair_goal(n)


def _fair_goal(n: RosterDraft) -> bool:
    """The goal fairness means, once both the wish and its meaning are read."""
    if n.fair_means is None or not n.fair_wished:
        return n.fair_means is not None
    if n.objective:
        return n.objective == [{"term": n.fair_means}]
    n.objective.append({"term": n.fair_means})
    return True


def _zero_counted(n: RosterDraft, c: _Clause) -> bool:
    """'(all five count, even if someone ends up with zero)': the spread counts people who work no shift, as the
    spread goal does."""
    goal = n.objective[0]["term"] if n.objective else n.fair_means  # the goal, or what fair is said to mean
    if goal != "shift_spread" or c.numbers not in ([], [len(n.staff)]):
        return False
    return bool(c.rest & {"zero", "none", "nothing"}) and c.only(
        {"count", "counts", "counted", "included", "even", "if", "someone", "somebody", "anyone", "ends", "end", "up",
         "with", "zero", "none", "nothing", "gets", "shifts", "days", "works", "no"})


def _open_days(n: RosterDraft, c: _Clause) -> bool:
    """'I run a small pharmacy that's open 7 days a week': the days of the roster said again."""
    if c.numbers != [len(n.days)] or not {"open", "days"} <= c.rest or c.people or c.shifts:
        return False
    return not CUES.search(" ".join(w for w in c.words if not w.isdigit() and w not in {"week", "per", "each",
                                                                                          "every"}))


_PENALTY = re.compile(r"(?i)^\W*(?P<who>[^:]+?)\s*(?::\s*|\s(?:plus\s+|and\s+)?)(?P<n>\d+)\s+(?:penalty\s+)?points?\s+"
                      r"(?:for\s+(?:each|every)|per|(?P<if>if|whenever|when))\s+(?P<what>[^:]+?)\W*$")
_PENALTY_WORDS = {"shift", "shifts", "she", "he", "they", "gets", "get", "works", "work", "working", "does", "is",
                  "given", "also", "assigned", "on", "any", "of", "those", "these", "the", "days", "day", "or", "and",
                  "her", "his", "them", "takes"}


def _penalty(n: RosterDraft, c: _Clause) -> bool:
    """A wish priced in points, read as a cost of the cells it names: 'Hannah dislikes lates: 2 points for each late
    shift she gets', 'Omar wants his weekend: 3 points for each shift he works on Saturday or Sunday', 'Luis has a
    course on Monday and choir on Sunday: 2 points for each shift he works on any of those two days'. Never beside a
    pay: points and money are not added up."""
    m = _PENALTY.match(c.text)
    if m is None or not c.people or any(k not in n.penalised for k in n.costs):
        return False
    each = re.search(r"(?i)\s*\(?\b(?:for\s+)?each\s+of\s+them\)?\s*$", m["what"])  # 'Emma and Carla: 1 point per
    if len(c.people) > 1 and not each:  # Night for each of them'
        return False
    who, what = _Clause(n, m["who"]), _Clause(n, m["what"][:each.start()] if each else m["what"])
    if who.people != c.people or what.people or who.numbers:
        return False
    those = re.search(r"\b(?:any\s+of\s+)?(?:those|these)\s+(?:(?P<k>\w+)\s+)?days\b", m["what"], re.IGNORECASE)
    days = who.days if those else what.days or list(n.days)
    if those and (not days or those["k"] and _NUMBER.get(those["k"].lower(), -1) != len(days)):
        return False
    words = {w for w in what.words if w not in what.day_words and not n.shift(w)} - set(_NUMBER)
    if not words <= _PENALTY_WORDS | ({"he's", "she's", "they're", "at", "all"} if m["if"] else set()):
        return False
    if "shift" not in what.words and "shifts" not in what.words and not what.shifts and \
            not (m["if"] and what.days and n.per_day == 1):
        return False  # 'for every Night she works'; 'if she works on Friday at all': a day worked is one shift
    for cell in ((p, s, d) for p in c.people for s in list(dict.fromkeys(what.shifts)) or n.shifts for d in days):
        n.costs[cell] = n.costs.get(cell, 0.0) + int(m["n"])
        n.penalised.add(cell)
    for cell in ((p, s, d) for p in n.staff for s in n.shifts for d in n.days):  # a cell no wish names costs nothing
        if cell not in n.costs:
            n.costs[cell] = 0.0
            n.penalised.add(cell)
    return True
