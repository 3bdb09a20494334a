"""Clock times against a stated start: with 'we start at 8 am', 'by 9:30' is 90 minutes after the start."""

from __future__ import annotations

import re

CLOCK = (r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:(?::|h)(?P<m>[0-5]\d))?(?:\s*(?P<ap>[ap]\.m\.|[ap]m\b))?"
         r"(?![\d:])")
_CLOCK = re.compile(CLOCK, re.IGNORECASE)
_START = re.compile(rf"\b(?:start|begin|open|commence|kick off|ready)\w*\s+(?:work\s+|the day\s+|the shift\s+|"
                    rf"(?:our|the)\s+\w+\s+)?(?:at|from)\s+(?P<t>{CLOCK.replace('?P<', '?P<o')})|"
                    rf"\b(?:minutes|hours|mins?|hrs?)\s+(?:counted\s+)?(?:after|from|since)\s+"
                    rf"(?P<t2>{CLOCK.replace('?P<', '?P<p')})", re.IGNORECASE)


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


def relative_to_start(text: str) -> str:
    """`text` with every clock time written as minutes after the stated start ('we start at 8 am ... by 9:30'
    becomes '... start at 0 min ... by 90 min'); unchanged when no start is stated, when two starts differ, or
    when a clock time lies before the start."""
    starts = set()
    for m in _START.finditer(text):
        clock = _CLOCK.search(m.group("t") or m.group("t2"))
        if clock is not None and (at := minutes_of(clock)) is not None:
            starts.add(at)
    if len(starts) != 1:
        return text
    origin = starts.pop()
    times = [(m, at) for m in _CLOCK.finditer(text) if (at := minutes_of(m)) is not None]
    if any(at < origin for _, at in times):
        return text
    out, last = [], 0
    for m, at in times:
        out += [text[last:m.start()], f"{at - origin} min" + ("." if m.group(0).endswith(".") else "")]
        last = m.end()
    return "".join(out) + text[last:]
