"""Points in time as people write them: clock times against a stated start (with 'we start at 8 am', 'by 9:30'
is 90 minutes after the start), and the unit before the number ('due at hour 6' is 'due at 6 hours')."""

from __future__ import annotations

import re

from ordino.formulate.check import ONES, TENS
from ordino.formulate.offline.text import Rewriting

CLOCK = (r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:(?::|h)(?P<m>[0-5]\d))?(?:\s*(?P<ap>[ap]\.m\.|[ap]m\b))?"
         r"(?!\d|:\d)")
_CLOCK = re.compile(CLOCK, re.IGNORECASE)
_START = re.compile(rf"\b(?:start|begin|open|commence|kick off|ready|free|waiting|available|run straight through|"
                    rf"(?:is|are)\s+(?:ours|mine|yours|booked\s+for\s+us)|"
                    rf"(?:i'm|i am|we're|we are) in|switch\w* (?:it |the \w+ )?on|"
                    rf"(?:light|fire)\w* (?:it |the \w+ )?up|clocks? in)\w*\s+"
                    rf"(?:work\s+|the day\s+|the shift\s+|[a-z]+ing\s+|(?:empty|idle|clean|cold)\s+|"
                    rf"(?:it|them|things|everything)\s+up\s+|"
                    rf"(?:(?:on|with|in)\s+)?(?:our|the)\s+\w+\s+)?(?:at|from)\s+(?P<t>{CLOCK.replace('?P<', '?P<o')})|"
                    rf"\b(?:[a-z]+)\s+(?:starts?|begins?|opens?)\s+(?:at\s+)?"
                    rf"(?P<t3>{CLOCK.replace('?P<', '?P<q')})(?<=\d:\d\d)|"
                    rf"\b(?:minutes|hours|mins?|hrs?)\s+(?:counted\s+)?(?:after|from|since)\s+"
                    rf"(?P<t2>{CLOCK.replace('?P<', '?P<p')})|"
                    rf"(?:\bfirst(?:\s+(?!due|deadline|needed|wanted|ready|by\b)[a-z]+){{1,2}}|\bclocks?\s+on|"
                    rf"\b(?:crew\s+)?call(?:\s+time)?|"
                    rf"\b(?:timeline|plan|schedule|day|shift)\s+(?:starts?\s+|begins?\s+)?from|\bstart(?:s|ing)?|"
                    rf"\bt_?0\s*=|\btime\s+zero(?:\s+is)?)\s*(?:at\s+|is\s+|:\s*)?"
                    rf"(?P<t4>{CLOCK.replace('?P<', '?P<r')})(?<=\d:\d\d)|"
                    rf"(?P<t5>{CLOCK.replace('?P<', '?P<s')})(?<=\d:\d\d)\s+start\b", re.IGNORECASE)


def minutes_of(match: re.Match[str]) -> int | None:
    """Minutes after midnight of a clock time ('9:30', '2 pm', '14h00'); None for a bare number, which is not
    a clock time."""
    h, m, ap = int(match.group("h")), match.group("m"), match.group("ap")
    if m is None and ap is None:
        return None
    if ap is not None:
        if h > 12 or h == 0:
            return None
        h = h % 12 + (12 if ap.lower().startswith("p") else 0)
    return h * 60 + int(m or 0)


def relative_to_start(rw: Rewriting) -> None:
    """Every clock time written as minutes after the stated start ('we start at 8 am ... by 9:30' becomes
    '... start at the start ... by 90 min'; of several starts, the earliest); nothing changes when no start is
    stated or when a clock time lies before the start."""
    rw.sub(r"(?i)(?<![\d:.])([01]?\d|2[0-3])\s+(?:sharp|on\s+the\s+dot|o'clock)\b", r"\1:00")  # 'at 8 sharp'
    rw.sub(r"(?i)\b(?P<p>by|at|to|before|after|until|till|for)\s+(?:noon|midday)\b", r"\g<p> 12:00")
    text = rw.text
    starts: dict[int, tuple[int, bool]] = {}  # position of each stated start -> minutes after midnight, am/pm said
    for m in _START.finditer(text):
        group = next(g for g in ("t", "t3", "t2", "t4", "t5") if m.group(g))
        clock = _CLOCK.search(m.group(group))
        if clock is not None and (at := minutes_of(clock)) is not None:
            starts[m.start(group) + clock.start()] = (at, bool(clock.group("ap")))
    if not starts:
        return
    pm = min((at for at, said in starts.values() if said and at >= 720), default=None)  # 'starting at 1:00 pm'

    def afternoon(at: int | None, said: bool) -> int | None:  # 'ready at 1:00' after a start at 1:00 pm is 13:00
        return at + 720 if at is not None and pm is not None and not said and at < pm <= at + 720 < 1440 else at
    origin = min(a for at, said in starts.values() if (a := afternoon(at, said)) is not None)  # the day's start;
    stated = {k for k, (at, said) in starts.items() if afternoon(at, said) == origin}  # a later 'can start at 11:00'
    # is a time like any other

    def clock_of(m: re.Match[str]) -> int | None:
        return afternoon(minutes_of(m), bool(m.group("ap")))
    if any(at < origin for m in _CLOCK.finditer(text) if (at := clock_of(m)) is not None):
        return

    def minutes(m: re.Match[str]) -> str:
        at = clock_of(m)
        if at is None:
            return m.group(0)
        end = "." if m.group(0).endswith(".") else ""
        counted = at == origin and re.search(r"\b(?:from|since)\s+$", text[max(0, m.start() - 8):m.start()])
        return ("the start" if m.start() in stated or counted else f"{at - origin} min") + end  # no more said

    rw.sub(_CLOCK, minutes)
    if origin % 60 == 0:  # 'in minutes after 8' of a day that starts at 8 am: after the start
        rw.sub(rf"(?i)\b(?P<u>minutes|hours|mins)\s+(?P<p>after|from|past)\s+{origin // 60}\b"
               r"(?![:.\d]|\s*(?:am|pm|h\b))", r"\g<u> \g<p> the start")


_UNIT_FIRST = re.compile(r"\b(?P<p>at|by|on|from|until|till|to|before|after|since|in|for|due|deadline)\s+(?:the\s+)?"
                         r"(?:(?P<u>hour|minute|day|week|second)\s+|(?P<l>[hd])(?=\d))(?P<n>\d+(?:\.\d+)?)\b",
                         re.IGNORECASE)
"""'at hour 6', 'due hour 8', 'from h7' (the unit's letter and the number, 'to d3')."""


_HOURS_MINUTES = re.compile(r"(?<![\d.:])(?P<h>\d+)[ \t]*(?:h|hrs?|hours?)\.?[ \t]*(?:and[ \t]+)?(?P<m>[0-5]?\d)[ \t]*"
                            r"(?:(?:m|mins?|minutes?)\b|(?=\s*(?:[,;)]|\.(?!\d)|$)|\s+(?:on|of|in|to)\s))",
                            re.IGNORECASE | re.MULTILINE)
"""'1 h 15 min', and '1 h 30' at the end of a clause ('varnish 1 h 10.') or before where ('1 h 20 on the press'): one
amount."""


_COMPACT = re.compile(r"(?<![\d.:])(?<!\bat )(?<!\bby )(?<!until )(?<!from )(?<!after )(?<!before )"
                      r"(?P<h>\d)h(?P<m>[0-5]\d)\b(?![:\d])", re.IGNORECASE)
"""'1h15' as a duration (a clock time is written after 'at', 'by' ... or with two digits: '14h00')."""


_AN_HOUR = r"\b(?:an|one)\s+hour\b(?!\s*(?:and|\d))"
"""'an hour': an amount only after words that say so ('takes an hour'), never a rate ('$20 an hour')."""
_IN_WORDS = [(r"\b(?:an|one)\s+hour\s+and\s+a\s+half\b", "90 min"), (r"\bhalf\s+an\s+hour\b", "30 min"),
             (r"\ba\s+full\s+hour\b", "60 min"),
             (r"\b(?:an|one)\s+hour\s+and\s+a\s+quarter\b", "75 min"), (r"\ba\s+quarter\s+of\s+an\s+hour\b", "15 min"),
             (_AN_HOUR, "60 min")]
"""Amounts of time in words ('an hour and a half', 'a full hour')."""


_AMOUNT_CUE = "(?:" + "|".join(f"(?<=\\b{w} )" for w in ("for", "takes", "take", "needs", "need", "lasts", "last",
                                                         "requires", "about", "then", "and")) + ")"
"""Words after which 'an hour' is an amount of time ('takes an hour')."""


_SAID_AMOUNT = re.compile(
    rf"(?i)\b(?:(?P<tens>{'|'.join(TENS)})(?:[- ](?P<ones>{'|'.join(list(ONES)[1:10])}))?|(?P<word>"
    rf"{'|'.join(sorted(list(ONES)[2:], key=len, reverse=True))}))(?=\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|"
    rf"seconds?|secs?)\b)")
"""A number in words before a unit of time ('twenty-five minutes', 'forty min', 'three hours'); 'one hour' is
`_AN_HOUR`'s."""


def _said_value(m: re.Match[str]) -> str:
    """The number of a `_SAID_AMOUNT` in digits."""
    if m["word"]:
        return str(ONES[m["word"].lower()])
    return str(TENS[m["tens"].lower()] + (ONES[m["ones"].lower()] if m["ones"] else 0))


def unit_after_number(rw: Rewriting) -> None:
    """'due at hour 6', 'by day 3', 'from minute 40' written with the unit after the number ('at 6 hours'), '1 h 15
    min' as one amount ('75 min'), and amounts in words ('an hour and a half': '90 min')."""
    for pattern, amount in _IN_WORDS:  # 'an hour' alone only where it is an amount, never a rate ('$20 an hour')
        rw.sub(rf"(?i)(?<=\s-\s){pattern[2:]}|(?<=[:,(]\s){pattern[2:]}|(?<=[(])"
               rf"{pattern[2:]}|{_AMOUNT_CUE}{pattern[2:]}"
               if pattern == _AN_HOUR else rf"(?i){pattern}", amount)
    rw.sub(_SAID_AMOUNT, _said_value)
    rw.sub(_UNIT_FIRST, lambda m: f"{m.group('p')} {m.group('n')} "
           f"{m.group('u') or {'h': 'hour', 'd': 'day'}[m.group('l').lower()]}s")
    rw.sub(_HOURS_MINUTES, lambda m: f"{int(m.group('h')) * 60 + int(m.group('m'))} min")
    rw.sub(_COMPACT, lambda m: f"{int(m.group('h')) * 60 + int(m.group('m'))} min")


def end_of_day(rw: Rewriting) -> None:
    """'due end of day 7', 'by the end of day 10': day 7 ends at time 7 when days are counted from 0 (the
    texts that say so add 'finishing at time 7 is on time'); written '7 days'."""
    rw.sub(r"(?i)\b(?:the\s+)?end\s+of\s+(?:working\s+)?day\s+(\d{1,3})\b", r"\1 days")
