"""Accounting for a text by change: a piece of the text (a line, a sentence or a clause) with a word that limits
or ranks ('at most', 'in a row', 'fairly'), which can be changed (its numbers raised by one; deleted when it has
none) while the model read from the text stays exactly as it is, was used by no reader. Such pieces are asked
about, never dropped. This works for any reader, whatever patterns it uses: a reader that checks a restated fact
notices the change and asks, so the fact counts as read."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from typing import Any

from ordino.formulate.offline.text import HISTORY, quote_around
from ordino.formulate.questions import Question

Read = Callable[[str], tuple[Any, list[Question], list[str]]]

MAX_CHECKS = 40
"""Pieces checked by reading the text again without them: a bound on the work a long text can cause."""

_PIECE = re.compile(r"(?:[^.;!?\n]|(?<=\d)\.(?=\d)|(?<=\be)\.(?=g)|(?<=\bi)\.(?=e)|(?<=\bg)\.|(?<=\be)\.)+")
"""A sentence or a line (a decimal point, 'e.g.' and 'i.e.' do not end it)."""
_CLAUSE = re.compile(r",\s*(?:and|but|while|although)\s+|\s+but\s+")
_RULE = re.compile(r"(?i)\b(?:at most|at least|more than|fewer than|less than|no more|up to|in a row|consecutive|"
                   r"never|cannot|can't|must not|not allowed|no\s+\w+\s+(?:may|can|shall|should|will)|unavailable|"
                   r"(?:nobody|no\s*one|none)\s+(?:may|shall|must|is\s+allowed)|"
                   r"(?:in\s+)?(?:either|any)\s+order|"
                   r"(?:isn't|aren't)\s+available|out\s+of\s+service|locked|"
                   r"prefer\w*|fair\w*|balanc\w*|evenly|largest|"
                   r"exactly|except|unless|overtime|breaks?(?!\s+(?:room|area|table|kitchen))|limit\w*|cap(?:ped)?|maximum|max|faster|slower|"
                   r"twice|thrice|half(?!\s*way|-[a-z])|(?:double|triple)(?![\w-]|\s+(?:lesson|period|room|bed|"
                   r"decker|glazing|door|garage|sink|oven|espresso|click|check|layer|sided)s?\b)|times\s+(?:as|longer|faster|slower))\b")
"""What makes a piece a rule to account for: a word that limits or ranks. (Numbers alone are descriptions, which
the readers check where they matter: the periods against the opening hours, a shift's span against its clock.)"""
_SAID_BY_THE_MODEL = re.compile(
    r"(?i)\(\s*(?:lower|smaller|less)\s*(?:=|is|means)\s*(?:preferred|better|happier)\s*\)|"  # a penalty's sense
    r"\b(?:one|1|a single)\s+(?:shift|block)s?\s+(?:a|per|in\s+a|each|on\s+any)\s+"
    r"(?:(?:person|worker|nurse|employee|staff|member|agent|guard|driver|volunteer)\s+(?:per\s+|a\s+)?)?"
    r"day\b|\bat\s+least\s+(?:(?:the|this|that|as)\b[^.;\n]{0,30}\b)?(?:number|many|minimum|demand|require\w*|need\w*)\b|"
    r"\bmore\s+than\s+the\s+(?:minimum|required|demand)\b|"
    r"\b(?:their|its|the\s+listed|the\s+given|the\s+table's)\s+(?:own\s+)?(?:min|max)\w*|\bmax_\w+|\bmin_\w+|"
    r"\b(?:works?|does|do)\s+(?:exactly\s+|only\s+)?(?:one|1|a\s+single)\s+(?:of\s+(?:the|these|those)\s+)?(?:shift|block)s?\b|\bmet\s+at\s+least\b|"
    r"\b(?:extra|more)\s+(?:people|staff|workers)\s+(?:is\s+|are\s+)?(?:allowed|fine|ok)\b|"
    r"\b(?:nobody|no\s*one)\s+works?\s+more\s+than\s+(?:one|1|a\s+single)\s+shift(?:\s+(?:that|a|per|each|in\s+a)\s+"
    r"day)?\b|\bshifts?\s+(?:can't|cannot|can\s+not|may\s+not)\s+be\s+split\b|"
    r"\bbreaks?\s+(?:are|is)\s+(?:covered|handled|ignored|included|paid|not\s+\w+)|\bon\s+(?:a\s+)?break\b|"
    r"^\s*what(?:'s|\s+is)\s+(?:that|this)\b[^\d,;]{0,40}$|\bat\s+least\s+[a-z]_[a-z]\b|"
    r"\b(?:on\s+)?days?\s+(?:they|he|she)\s+(?:can't|cannot|can\s+not)\s+work\b|"
    r"\b(?:more\s+than\s+(?:one|1)\s+shift|two\s+shifts)\s+(?:on|in|per)\s+(?:the\s+same|a|one|any)\s+(?:day|date)\b|"
    r"\bon\s+(?:a\s+)?days?\s+(?:they|he|she)\s+(?:are|is)\s+(?:unavailable|not\s+available|off)\b|"
    r"\b(?:is|are)\s+(?:hired|put|placed|assigned)\s+on\s+exactly\s+one\s+of\s+the\s+(?:\w+\s+){0,2}patterns\b|"
    r"\bconsecutive\s+block\s+of\s+(?:their|the|its)\s+(?:contract|pattern)(?:'s)?\s+length\b[^.;]*"
    r"\bmay\s+start\s+on\s+any\s+day\b|"
    r"^\s*no\s+(?:upper\s+)?limit\s+on\s+(?:how\s+many|the\s+number\s+of)\s+(?:people|staff|workers|officers|nurses)\s+"
    r"(?:go|are\s+put|can\s+go)\s+on\s+(?:any|each|a)\s+(?:pattern|shift|type)\s*$")
"""Rules every model here holds already, or that point at values read from a table: 'at most one shift a day',
'no limit on how many people go on any pattern',
'each technician is hired on exactly one of the weekly work patterns', 'working days are a consecutive block of
their contract length, which may start on any day',
'at least the number needed', 'no more than their max days'; a question pointing back at the goal ('What is that
smallest possible maximum?'); a demand met by its symbol ('at least b_t on duty'); 'not on days they can't work'
(a table's column); 'nobody works on a day they are unavailable'."""
_HEADING = re.compile(r"[^\d]*:\s*")
"""A line that only names what the lines below it hold ('Staff (cost per shift, maximum shifts):'): they are read."""
_GOAL = re.compile(r"(?i)\b(?:minimi[sz]\w*|maximi[sz]\w*|minimum|fewest|smallest|least|lowest|shortest|earliest|"
                   r"as (?:small|few|little|short|early|soon|low) as)\b")
"""A goal sentence: the goal reader's own ('minimise the maximum lateness over the five jobs')."""
_NUMBER = re.compile(r"(?i)(?<![\w.])(?<!stage )(?<!step )(?<!op )(?<!operation )(?<!machine )(?<!station )"
                     r"(?<!line )(?<!job )(?<!task )(?<!order )\d+(?!\d|(?:st|nd|rd|th)\b)")
"""A number that is a value, not a part of a name ('M1', 'stage 1') nor an ordinal ('no 4th axis'); counts in words
('three stations in a row', 'two machines at once') restate what the data says."""
_FACTOR = r"\b(?:twice|thrice|half(?!\s*way|-[a-z])|double|triple)\b"
_MULTIPLIER = re.compile(rf"(?i){_FACTOR}")
"""A factor said in words ('twice as fast', 'half the time'): a value like a number."""
_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_LIMIT_IN_WORDS = re.compile(r"(?i)\b(?:at most|at least|no more than|more than|fewer than|up to|exactly|"
                             rf"maximum of)\s+(?:{'|'.join(_WORDS[1:])})\b")
"""A limit counted in words ('can take at most two of the jobs'): a value like a number."""


def _changed(piece: str) -> str | None:
    """The piece with every number in it one more ('at most 3 days' -> 'at most 4 days', '07:00' -> '08:00'; not the
    digits of a name, 'M3'), or None when it has no number: what a reader that uses the piece cannot leave
    unnoticed."""
    out = re.sub(r"\b(\d{1,2}):(\d{2})\b", lambda m: f"{(int(m.group(1)) + 1) % 24:0{len(m.group(1))}d}:{m.group(2)}",
                 piece)
    out = re.sub(r"(?<![\d:A-Za-z_])\d+(?![\d:])", lambda m: str(int(m.group(0)) + 1), out)  # not in a name ('M3')
    out = re.sub(rf"(?i)\b({'|'.join(_WORDS[:-1])})\b", lambda m: _WORDS[_WORDS.index(m.group(1).lower()) + 1], out)
    out = _MULTIPLIER.sub(lambda m: {"twice": "thrice", "half": "a third of", "double": "triple"}.get(
        m.group(0).lower(), "twice"), out)
    return out if out != piece else None


_VALUE = re.compile(rf"(?i)\b\d{{1,2}}:\d{{2}}\b|(?<![\d:A-Za-z_])\d+(?![\d:])|\b(?:{'|'.join(_WORDS[1:-1])})\b|"
                    rf"{_FACTOR}")
"""A value of a sentence: a clock time, a number, a count in words (never 'one', which is as often a pronoun) or a
factor in words."""


def _each_changed(piece: str) -> list[str]:
    """The piece with each factor in words changed on its own ('twice as slow' -> 'thrice as slow'), when the piece
    has other values too: a factor is never said again elsewhere, so one the model ignores is a rule lost, even
    where another value of the sentence is read ('three cutters: ..., one twice as slow'); never 'half' of 'that
    half hour', a span of time said again."""
    if len(_VALUE.findall(piece)) < 2:
        return []
    return [piece[:m.start()] + (_changed(m.group(0)) or m.group(0)) + piece[m.end():]
            for m in _MULTIPLIER.finditer(piece) if not re.match(r"(?i)\s+(?:an?\s+)?hour", piece[m.end():])]


def _fingerprint(read: tuple[Any, list[Question], list[str]]) -> str:
    model, questions, _ = read
    return model.model_dump_json() if model is not None else "?" + "|".join(q.text for q in questions)


_WORD = re.compile(r"[^\W\d_]{2,}")
_MONEY = re.compile(r"(?i)[$\u20ac\u00a3]|\b(?:euros?|dollars?|pounds?|eur|usd|gbp|costs?|pay|paid|wages?|bonus\w*|"
                    r"premium|surcharge|fees?|rates?|allowance|extra)\b")
"""Words of money: a sentence that prices something ('a night bonus of 25 euros per person')."""
_CELLS = re.compile(r"\||,\s*\S*\d[^,\s]*\s*,")
"""Cells of a table's row: bars, or a number between commas ('E,06:00,14:00,120')."""


def unread_pieces(text: str, read: Read, numbered: bool = False, jobs: Collection[str] = (),
                  machines: Collection[str] = (), prose: bool = False) -> list[str]:
    """The pieces of `text` with a limiting word that `read` does not use (changing one changes nothing it reads);
    [] when `read` reads no model from the whole text. `numbered`: only pieces with a number in them (for a reader
    that accounts for its words otherwise: the scheduling reader sets aside the rules every schedule holds, 'one
    job at a time', and asks about every number it leaves), and those that bind a job of the model to another job
    or to a machine by name ('loads A and C must be fired in the same kiln', "B's first step has to be on M1").
    `prose`: also each sentence that prices something with a number said nowhere else in the text ('the N shift
    gets a night bonus of 25 euros per person'; not 'N covers 22-24 and 00-06', which restates the table), for
    readers that take their numbers from tables and lists and may leave a sentence's costs unseen."""
    whole = read(text)
    if whole[0] is None:
        return []
    base = _fingerprint(whole)
    job_names, names = _naming(jobs), _naming([*jobs, *machines])
    each = {name: _naming([name]) for name in [*jobs, *machines]}  # built once, searched in every piece
    job_set = set(jobs)
    checks = 0
    out = []
    for sentence in _PIECE.finditer(text):
        cuts = [sentence.start(), *(sentence.start() + m.end() for m in _CLAUSE.finditer(sentence.group(0))),
                sentence.end()]
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = text[a:b]
            binding = _BINDING.search(_IN_ORDER.sub(" ", piece)) is not None
            apart = _APART.search(piece) is not None
            out_of_use = _OUT.search(piece) is not None and not _NEXT_AT_ONCE.search(piece)
            named = _named(piece, each) if names is not None and (binding or apart or out_of_use) else set()
            bound = bool(named) and (  # a job bound to a machine or a job, two machines kept apart, one out
                binding and len(named) > 1 and job_names is not None and job_names.search(piece) is not None or
                binding and bool(named & job_set) and _PLACED.search(piece) is not None or
                apart and len(named - job_set) > 1 or out_of_use)
            said = prose and _MONEY.search(piece) is not None and len(_WORD.findall(piece)) >= 4 and \
                not _CELLS.search(piece) and not _GOAL.search(piece) and \
                bool(_values(piece) - _values(text[:a] + " " + text[b:]))  # a sum of money said nowhere else
            if _FREE_ORDER.search(piece) and len(_named(piece, each) - job_set) > 1:  # 'M2 7 and M3 9, in either
                out.append(quote_around(text, a, b, a))  # order': steps in an order of the solver's choice, which no
                continue  # reader reads
            if not (_RULE.search(piece) or bound or said) or _SAID_BY_THE_MODEL.search(piece) or \
                    _HEADING.fullmatch(piece) or (h := HISTORY.match(piece)) and not piece[h.end():].strip(" .\n"):
                continue
            if numbered and not bound and (not (_NUMBER.search(piece) or _MULTIPLIER.search(piece) or
                                                _LIMIT_IN_WORDS.search(piece)) or _GOAL.search(piece)):
                continue
            valued = names.sub(" ", piece) if bound and names is not None else piece  # the digits of 'M1' are
            changed = _changed(piece) if not bound or _NUMBER.search(valued) or _MULTIPLIER.search(valued) else None
            # no values: a piece binding names with none is deleted
            variants = [changed] + (_each_changed(piece) if changed is not None and not _CELLS.search(piece) else [])
            for variant in variants:  # the piece as a whole, then each value of a sentence on its own ('three
                checks += 1  # cutters: two new ones and an old one, twice as slow': the count read, the rest not)
                if checks > MAX_CHECKS or \
                        _fingerprint(read(text[:a] + (variant if variant is not None else "") + text[b:])) == base:
                    out.append(quote_around(text, a, b, a))  # (past the checks' bound: asked, never dropped
                    break  # unchecked)
    return out


def _values(text: str) -> set[str]:
    """The numbers a text writes on their own, not in a range, a clock or a legend ('25 euros', not '20-24',
    '06:00' or '1 = works')."""
    return {str(float(m.group(0))) for m in re.finditer(r"(?<![\w.:/-])\d+(?:\.\d+)?(?![\w:/-]|\.\d|\s*=\s*[^\W\d])",
                                                        text)}


_BINDING = re.compile(r"(?i)\b(?:must|has\s+to|have\s+to|needs?\s+to|only|cannot|can't|may\s+not|not\s+allowed|"
                      r"(?:nothing|nobody|no\s+one|none)\s+(?:else\s+)?(?:can|may|could|will)|"
                      r"no\s+other|same|first|last|before|after|together|never|always|except)\b")
"""Words that bind a named job or machine ('must be fired in the same kiln', 'has to be done on M1', 'nothing can be
sawn while the frame is on the welder')."""
_FREE_ORDER = re.compile(r"(?i)\b(?:in\s+)?(?:either|any)\s+order\b")
"""Steps on machines done in an order of the solver's choice ('then M2 7 and M3 9, in either order')."""
_APART = re.compile(r"(?i)\b(?:never|(?:at|during)\s+the\s+same\s+time|simultaneous\w*|at\s+once)\b")
"""Words that keep two named machines from running together ('can never be running at the same time')."""
_OUT = re.compile(r"(?i)\b(?:out\s+of\s+(?:service|order|action)|broken(?:\s+down)?|offline|under\s+(?:maintenance|"
                  r"repair)|not\s+available|isn't\s+available|unavailable|skips?|skipping|bypass\w*|goes\s+straight)\b")
"""Words that take a named machine out of the day or a step out of a job's route ('M3 is out of service all day',
'batch 3 skips the dryer')."""


_PLACED = re.compile(r"(?i)\b(?:(?:go(?:es)?|be|come|run|start|done|baked|made|scheduled|processed|sequenced)\s+"
                     r"(?:\w+\s+)?(?:first|last)|(?:first|last)\s+(?:in\s+(?:line|the\s+(?:queue|sequence|order))|"
                     r"one|up)|(?:the\s+)?(?:very\s+)?(?:first|last)\s+(?:job|order|batch|task|thing))\b")
"""Words that place one named job in the sequence ('the brioche must go first', 'has to be baked last')."""
_NEXT_AT_ONCE = re.compile(r"(?i)\b(?:as\s+soon\s+as|the\s+(?:second|moment|minute|instant))\b[^.;]{0,60}\b"
                           r"(?:finish\w*|"
                           r"done|ends?|complete\w*)\b[^.;]{0,40}\bstraight\s+(?:in)?to\b")
"""'the second proofing finishes it goes straight into the oven': no wait between steps, not a step skipped."""
_IN_ORDER = re.compile(r"(?i)\b(?:must|has\s+to|have\s+to|need\s+to)\s+(?:be\s+)?(?:done|performed|processed|run|"
                       r"made)\s+in\s+(?:that\s+|this\s+|the\s+(?:given|listed|same)\s+)?order\b|"
                       r"\(\s*(?:op|operation|step)\s*1\s+(?:before|then)\s+(?:op|operation|step)\s*2\s*\)")
"""'operations that must be done in order', '(op 1 before op 2)': each job's route, said of every job."""


def _naming(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for the model's names as a text mentions them: a one-letter name only after a noun, in a list
    or with "'s" ('load A', 'A and C', "B's"), never the article 'A'."""
    long = [re.escape(n) for n in names if len(n) > 1]
    short = [re.escape(n) for n in names if len(n) == 1 and n.isalnum()]
    parts = [rf"(?<![\w'-])(?i:{'|'.join(sorted(long, key=len, reverse=True))})(?![\w-]|'(?!s\b))"] if long else []
    if short:
        one = "|".join(short)
        parts.append(rf"(?i:\b(?:jobs?|loads?|orders?|tasks?|batch(?:es)?|parts?|items?|lots?))\s+(?:{one})\b|"
                     rf"\b(?:{one})\s*(?:,|and|&|or)\s*(?:{one})\b|\b(?:{one})'s\b")
    return re.compile("|".join(parts)) if parts else None


def _named(piece: str, each: dict[str, re.Pattern[str] | None]) -> set[str]:
    """The names a piece mentions, each by its `_naming` pattern (a letter also in a list: 'A and C')."""
    found = set()
    for name, one in each.items():
        if one is not None and (one.search(piece) or len(name) == 1 and _LISTED_LETTER.search(piece) and
                                re.search(rf"(?<![\w']){re.escape(name)}(?![\w'])", piece)):
            found.add(name)
    return found


_LISTED_LETTER = re.compile(r"\b[A-Z]\s*(?:,|and|&|or)\s*[A-Z]\b")
"""Letters in a list ('A and C'): each one a name."""


def unread_question(pieces: list[str]) -> Question:
    """The question about pieces no reader used."""
    return Question(key="unread", text="I could not read these parts: " + "; ".join(repr(p) for p in pieces[:5])
                    + ". Rephrase them.")
