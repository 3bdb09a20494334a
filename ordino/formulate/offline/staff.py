"""Rosters of named people: 'Daily pay: Anna $200, Ben $180', 'Anna cannot work on Saturday or Sunday', 'nobody
works more than 4 days, and Dev at most 3', 'no nurse may work both Saturday and Sunday'. Every sentence that
names a person must be read into a rule, or it becomes a question: a dropped day off would be a wrong roster."""

from __future__ import annotations

import re
from typing import Any

from ordino.formulate.offline.text import count_value
from ordino.formulate.questions import Question

WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAY_IDS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
"""The week as rosters read it (also by `roster`), and the day ids a weekly roster uses."""
DAY = r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
_IN_A_ROW = r"\s*(?:in a row|consecutive|running|straight|back[ -]to[ -]back)"
_DAYS = rf"(?:{DAY}(?:\s*(?:,|or|and|&)\s*)?)+"
_N = r"(\d+|one|two|three|four|five|six|seven)"
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_PAY = re.compile(rf"(?P<n>{_NAME})\s*(?::|=|-)?\s*[$\u00a3\u20ac]\s*(?P<v>\d+(?:\.\d+)?)")
_NOT = (r"(?:cannot|can't|can not|can ?not|isn't available|is not available|is unavailable|is off|doesn't work|"
        r"does not work|won't work|will not work|can't do|cannot do|never works?)")


def _day_ids(phrase: str) -> list[str]:
    return [DAY_IDS[[w[:3] for w in WEEK].index(m.group(1))] for m in re.finditer(DAY, phrase.lower())]


def read_named_staff(text: str, days: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                                           list[dict[str, Any]], list[Question]] | None:
    """(staff, costs, rules, questions) of a roster whose people are named with a pay each; None when the text
    names no people that way. `days` are the roster's day ids (weekday rules need them to be weekdays)."""
    pays = [(m.group("n"), float(m.group("v"))) for m in _PAY.finditer(text)
            if m.group("n").lower()[:3] not in [w[:3] for w in WEEK]]
    names = [n for n, _ in pays]
    if len(names) < 2 or len(set(names)) != len(names):
        return None
    staff = [{"id": n} for n in names]
    costs = [{"staff": [n], "cost": int(v) if v.is_integer() else v} for n, v in pays]
    rules: list[dict[str, Any]] = []
    read: set[int] = set()  # sentences read into a rule
    unread: list[str] = []  # sentences that must be asked about although they name nobody
    sentences = [s for s in re.split(r"(?<=[.;!?])\s+|\n+", text) if s.strip()]
    weekdays = all(d in DAY_IDS for d in days)
    for k, sentence in enumerate(sentences):
        low = sentence.lower()
        if len(_PAY.findall(sentence)) >= 2:
            read.add(k)
        for m in re.finditer(rf"(?P<n>{_NAME})\s+{_NOT}\s+(?:work\s+)?(?:on\s+)?(?P<d>{_DAYS})", sentence,
                             re.IGNORECASE):
            if m.group("n") in names and weekdays:
                rules.append({"type": "unavailable", "staff": [m.group("n")], "days": _day_ids(m.group("d"))})
                read.add(k)
        for m in re.finditer(rf"(?P<n>{_NAME})\s*(?:isn't|is not|is never)\s+available\s+on\s+(?P<d>{_DAYS})", sentence,
                             re.IGNORECASE):
            if m.group("n") in names and weekdays:
                rules.append({"type": "unavailable", "staff": [m.group("n")], "days": _day_ids(m.group("d"))})
                read.add(k)
        everyone = re.search(rf"\b(?:nobody|no one|no nurse|no worker|no employee|each|every|everyone|each \w+)\b"
                             rf"[^.;]{{0,25}}?\b(?:works?|more than|at most)\b[^.;]{{0,15}}?{_N}\s+(?:days|shifts)",
                             low)
        if everyone and re.match(_IN_A_ROW, low[everyone.end():]):
            everyone = None  # a limit on days in a row is not a total: left unread, so it is asked
            unread.append(sentence)
        if everyone and re.match(r"\s*(?:per|a|each|every)\s+day", low[everyone.end():]):
            everyone = None  # 'at most 2 shifts per day': a daily limit, moot with the one shift a day read here
            read.add(k)
        if everyone:  # 'nobody works more than 4 days' and 'each works at most 4 days' both cap at 4
            rules.append({"type": "count", "per": ["staff"],
                          "max": count_value(everyone.group(1))})
            read.add(k)
        for m in re.finditer(rf"(?P<n>{_NAME})\b[^.;]{{0,40}}?\bat most\s+{_N}\b", sentence):
            if m.group("n") in names and not re.match(rf"\s+\w+{_IN_A_ROW}|{_IN_A_ROW}", sentence[m.end():]):
                rules.append({"type": "count", "per": ["staff"], "staff": [m.group("n")],
                              "max": count_value(m.group(2))})
                read.add(k)
        both = re.search(rf"\bboth\s+{DAY}\s+and\s+{DAY}", low)
        if both and re.search(r"\b(?:no|nobody|no one|not|never|may not|cannot)\b", low) and weekdays:
            rules.append({"type": "count", "per": ["staff"], "days": _day_ids(both.group(0)), "max": 1})
            read.add(k)
    questions = [Question(key="unread", text=f"I could not read this sentence about {who}: '{s.strip()}'. "
                          "Rephrase it.")
                 for k, s in enumerate(sentences) if k not in read
                 for who in [next((n for n in names if re.search(rf"\b{n}\b", s)), None)] if who is not None]
    questions += [Question(key="unread", text=f"I could not read this sentence: '{s.strip()}'. Rephrase it.")
                  for s in unread]
    unique = [r for k, r in enumerate(rules) if r not in rules[:k]]
    return staff, costs, unique, questions
