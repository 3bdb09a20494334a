"""Machines of one kind that run at different speeds (uniform parallel machines).

A ratio is said of two machines: 'The Bambu is exactly twice as fast as the Prusa on everything', 'The Xerox takes
exactly twice as long as the Indigo on anything', 'the old Xeon, which takes exactly 1.5x as long on anything', 'M1
is twice as fast', 'Mill 1 is slower - everything takes 1.5x as long on it as on Mill 2'. The times the text lists
are those of one machine, which it names ('Prusa times:', 'Times on the new box:', 'The old press takes the
following', '(time on M2)', 'on the Bambu each takes half of that'); every other machine's time follows from the
ratios. When the text does not say whose the times are, that is asked, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

from ordino.formulate.offline.text import COUNT_WORD, Rewriting, count_value

_MODIFIER = r"(?:new|old|newer|older|big|bigger|small|smaller|large|larger|fast|slow|second|first|other)"
_NAME = r"(?!(?:It|This|That|Which|Each|Every\w*|Any\w*|One|Both|All|The|A|An)\b)" \
        r"(?:[A-Z][\w-]{0,30}(?:[ \t]+(?:\d{1,2}|[A-Z])\b)?|[a-z]{3,20}[ \t]+(?:\d{1,2}|[A-Z])\b)"


def _ref(group: str) -> str:
    """A machine named ('the Xerox', 'Mill 2', 'M1') or described ('the new press', 'the old Xeon')."""
    return (rf"(?:[Tt]he[ \t]+)?(?P<{group}>(?:{_MODIFIER}[ \t]+)?(?:{_NAME})|{_MODIFIER}[ \t]+[a-z]{{3,20}}"
            rf"(?:[ \t]+[a-z]{{3,20}})?)(?![\w-])")


_K = r"(?P<k>twice|thrice|two\s+times|three\s+times|\d{1,2}(?:\.\d{1,3})?\s*(?:x|\u00d7|times)(?![\w]))"
_ADVERB = r"(?:(?:exactly|about|roughly|precisely|just)\s+)?"
_ON_ALL = r"(?:\s+(?:on|for)\s+(?:everything|anything|every\s+job|all\s+jobs|each\s+job))?"
_FAST = re.compile(rf"{_ref('a')}\s+(?:is|runs|works|prints|goes)\s+{_ADVERB}{_K}\s+(?:as\s+fast|faster)"
                   rf"(?:\s+(?:as|than)\s+{_ref('b')})?{_ON_ALL}")
"""The first machine is k times as fast: its times are the other's divided by k."""
_LONG = re.compile(rf"{_ref('a')}(?:,\s*which|\s+is\s+(?:a\s+bit\s+|much\s+)?slower\s*[-\u2013\u2014,:;]?"
                   rf"\s*(?:everything|each\s+job|every\s+job|all\s+jobs|jobs)|)\s+takes?\s+"
                   rf"{_ADVERB}{_K}\s+as\s+long(?:\s+on\s+it)?"
                   rf"(?:\s+as\s+(?:on\s+)?{_ref('b')})?{_ON_ALL}")
"""The first machine takes k times as long: its times are the other's multiplied by k."""
_SYMBOLS = re.compile(rf"\btakes\s+p_?j\s+on\s+{_ref('b')}\s+and\s+p_?j\s*/\s*"
                      rf"(?P<k>\d{{1,2}}(?:\.\d{{1,3}})?)\s+on\s+{_ref('a')}")
"""'job j takes p_j on M2 and p_j/2 on M1': the second machine is k times as fast, the first's times are listed."""
_PART = {"half": 2, "a third": 3, "one third": 3, "a quarter": 4, "one quarter": 4}
_HALF = re.compile(rf"(?:so\s+)?(?:\(?on\s+{_ref('a')}\s*,?\s*)?(?:each\s+(?:\w+\s+)?|everything\s+|"
                   rf"every\s+\w+\s+|it\s+)takes\s+(?P<h>{'|'.join(_PART)})(?:\s+of)*\s+(?:that|"
                   rf"those(?:\s+times)?|the\s+time)(?:\s+(?:there|on\s+{_ref('c')}))?\)?")
"""'(on the Bambu each takes half of that)': the listed times are the other machine's, divided by the ratio."""
_OWN_TIMES = re.compile(rf"(?:\(|\b)[Tt]imes?\s+(?:are\s+)?(?:on|for)\s+{_ref('b')}\)?|"
                        rf"{_ref('c')}\s+takes\s+the\s+following\b")
"""'Times on the new box', '(time on M2)', 'The old press takes the following'."""


@dataclass
class Speeds:
    """The machines whose times differ by a ratio: each one's time as a multiple of the listed time."""

    factors: dict[str, Fraction] = field(default_factory=dict)
    base: str | None = None  # the machine whose times the text lists, None when it does not say
    ratio: tuple[str, str, Fraction] | None = None  # (slower, faster, how many times as long), for a question


def _key(ref: str) -> str:
    return re.sub(r"\s+", " ", ref.strip().lower())


def _factor(k: str) -> Fraction:
    k = k.lower()
    if k == "twice" or k.startswith("two"):
        return Fraction(2)
    if k.startswith("three") or k == "thrice":
        return Fraction(3)
    return Fraction(re.match(r"[\d.]+", k).group(0))  # type: ignore[union-attr]


def _declaration(text: str, one: str, other: str) -> list[re.Match[str]]:
    """'two printers: the old Prusa and the new Bambu', 'two mills: Mill 2 (the new Haas) and Mill 1 (the old one)':
    the two machines of the ratio declared, and nothing else."""
    names = [rf"(?:the\s+)?(?:{_MODIFIER}\s+)?{re.escape(n)}(?:\s*\([^()\n]{{0,40}}\))?" for n in (one, other)]
    pair = "|".join(rf"{a}\s*(?:,\s*and|,|and|&)\s*{b}" for a, b in (names, names[::-1]))
    return list(re.finditer(rf"(?i)\b(?P<n>{COUNT_WORD}|\d{{1,2}})\s+(?:[a-z-]+\s+){{0,2}}?[a-z]+s\s*(?::|\(|,)?\s*"
                            rf"(?:{pair})\)?", text))


def read_speeds(rw: Rewriting) -> Speeds | None:
    """The speed ratios between machines and whose times are listed; the sentences read are taken out of `rw`.
    None (and `rw` untouched) when the text states no ratio or its machines cannot be told apart."""
    said: dict[str, str] = {}  # key -> the name as first written
    slower: list[tuple[str, str | None, Fraction]] = []  # (slower, faster or None: the other one, k)
    spans: list[tuple[int, int]] = []
    listed: set[tuple[int, int]] = set()  # the words naming whose times are listed: they become 'times'
    base: str | None = None
    not_base: str | None = None

    def name(m: re.Match[str], group: str) -> str | None:
        if m.group(group) is None:
            return None
        said.setdefault(_key(m.group(group)), re.sub(r"\s+", " ", m.group(group).strip()))
        return _key(m.group(group))

    for m in _FAST.finditer(rw.text):
        fast = name(m, "a")
        assert fast is not None
        slower.append((name(m, "b") or "", fast, _factor(m.group("k"))))
        spans.append(m.span())
    for m in _LONG.finditer(rw.text):
        slow = name(m, "a")
        assert slow is not None
        slower.append((slow, name(m, "b"), _factor(m.group("k"))))
        spans.append(m.span())
    for m in _SYMBOLS.finditer(rw.text):
        base = name(m, "b")
        fast = name(m, "a")
        assert base is not None and fast is not None
        slower.append((base, fast, _factor(m.group("k"))))
        spans.append(m.span())
    if not slower:
        return None
    parts = set()
    for m in _HALF.finditer(rw.text):
        not_base = name(m, "a") or name(m, "c") or "?"
        parts.add(_PART[re.sub(r"\s+", " ", m.group("h").lower())])
        spans.append(m.span())
    for m in _OWN_TIMES.finditer(rw.text):
        base = name(m, "b") or name(m, "c")
        spans.append(m.span())
        listed.add(m.span())
    for m in re.finditer(r"(?P<b>[^\W\d][\w -]{0,40}?)[ \t]+times\b", rw.text):  # 'Prusa times:', 'Mill 2 times'
        tail = _key(m.group("b"))
        known = [k for k in said if tail == k or tail.endswith(" " + k)]
        if known:
            base = known[0]
            spans.append((m.end("b") - len(known[0]), m.end()))
            listed.add(spans[-1])
    if len(said) != 2:  # two machines, one ratio: more are read as questions by the other readers
        return None
    one, other = said
    pairs = [(s or (other if f == one else one), f or (other if s == one else one), k) for s, f, k in slower]
    if any(s == f for s, f, _ in pairs) or len({(s, f, k) for s, f, k in pairs}) != 1:
        return None  # one ratio, said once or restated alike
    slow, fast, k = pairs[0]
    if parts and parts != {k}:
        return None  # 'twice as fast ... takes a third of that': the text disagrees with itself
    if not_base is not None:
        base = slow if not_base in (fast, "?") else None if base is None else base
    declared = _declaration(rw.text, said[slow], said[fast])
    if any(count_value(m.group("n").lower()) != 2 for m in declared):
        return None  # 'three kilns: the Bisque and the Glaze': the count and the names disagree
    spans += [m.span() for m in declared]
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    for a, b in reversed(merged):
        rw.splice(a, b, " times " if any(a <= x < b for x, _ in listed) else " ")
    speeds = Speeds(ratio=(said[slow], said[fast], k))
    if base is not None:
        speeds.base = said[base]
        speeds.factors = {said[slow]: k if base == fast else Fraction(1), said[fast]: 1 / k if base == slow else
                          Fraction(1)}
    return speeds
