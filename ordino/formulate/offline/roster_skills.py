"""Skills, roles and keys in a roster: who has them ('P1, P2 are senior', 'first-aiders = {a, d, e}', a 'Keyholder'
column of yes and no, a 'Role' column) and the covers that count only such people ('every day at least one
keyholder must be working', 'each N shift must include >= 1 of {G1, G3, G4}', 'every Late needs a Spanish speaker
on it - that's Rosa or Diego').

A cover of a skill no one is said to have leaves the roster unread (`RosterDraft.model`), and a clause that says
more than who, how many and where (a number, a limit or a negation of its own) is never read here."""

from __future__ import annotations

import re

from ordino.formulate.offline.roster_draft import RosterDraft
from ordino.formulate.offline.staff import NAME, PEOPLE

_AT_LEAST = re.compile(r"(?i)(?:\bat\s+least\s+(?P<a>\d+|one|two|three)|>=\s*(?P<b>\d+)|"
                       r"\b(?P<c>\d+|one|two)\s+or\s+more)(?:\s+of\b)?")
_ANYONE = re.compile(r"(?i)\b(?:someone|somebody|always)\b|\b(?:needs?|has|have|includes?|requires?)\s+an?\b")
_COUNT = {"one": 1, "two": 2, "three": 3}
_SKILL_WORD = re.compile(r"[a-z][a-z-]{2,30}")
_PLAIN = {"at", "least", "of", "them", "the", "a", "an", "one", "on", "in", "must", "has", "have", "to", "be", "is",
          "are", "needs", "need", "include", "includes", "require", "requires", "working", "work", "works", "every",
          "each", "day", "days", "shift", "shifts", "session", "sessions", "always", "there", "someone", "somebody",
          "so", "only", "which", "that's", "that", "who", "or", "and", "both", "it", "present", "scheduled", "rostered",
          "on-site", "onsite", "among", "per", "any", "all", "should", "will", "team", "its"}
"""The words of a cover of a skill around its who, how many and where."""
_CUED = re.compile(r"\d|\b(?:not|no|never|nobody|except|unless|cannot|can't|won't|don't|doesn't|after|before|follow\w*|"
                   r"consecutive|row|max\w*|most|more|less|fewer|exact\w*|extra|plus|bonus|prefer\w*|avoid\w*|want\w*|"
                   r"off|unavailable|available|twice|once|double|half|times|cost\w*|pay\w*|penalt\w*|points?)\b",
                   re.IGNORECASE)
"""Words that would make a clause more than a cover of a skill."""


def singular(word: str) -> str:
    """'keyholders' -> 'keyholder', 'first-aiders' -> 'first-aider' (a skill is named in the singular)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def read_skill_said(n: RosterDraft, text: str, people: list[str]) -> bool:
    """Who has a skill, said in a clause: 'P1, P2 are senior', 'first-aiders = {a, d, e}', 'Keyholders: Ana, Ben'."""
    if not people or re.search(r"\d", re.sub(r"\b(?:" + "|".join(map(re.escape, people)) + r")\b", " ", text)):
        return False
    names = r"[{(]?\s*[\w'-]+(?:\s*(?:,|\band\b|&)\s*[\w'-]+)*\s*[})]?"
    said = re.fullmatch(rf"\W*(?P<list>{names})\s+(?:are|is)\s+(?:both\s+|all\s+)?(?:an?\s+)?(?P<s>[a-z][a-z-]+)"
                        rf"(?:\s+{PEOPLE})?\W*", text, re.IGNORECASE) or \
        re.fullmatch(rf"\W*(?:the\s+)?(?P<s>[a-z][a-z-]+)\s*(?:=|:|\bare\b)\s*(?P<list>{names})\W*", text,
                     re.IGNORECASE)
    if said is None:
        return False
    skill = singular(said["s"].lower())
    who = n.people_in(said["list"])
    if re.fullmatch(PEOPLE, said["s"].lower()) or re.fullmatch(PEOPLE, skill) or n.shift(skill) or \
            n.day_list(skill) or skill in _PLAIN or _CUED.search(skill) or sorted(who) != sorted(people) or \
            len(re.findall(r"[\w'-]+", said["list"])) != len(who) or skill in n.skills:
        return False
    n.skills[skill] = who
    return True


def read_skill_cover(n: RosterDraft, text: str, people: list[str], shifts: list[str], days: list[str],
                     words: list[str]) -> bool:
    """A cover of people of a skill on every shift (or the shifts named), or on every day (any shift), of the days
    named or all: by a group named in the clause ('>= 1 of {G1, G3, G4}', 'only Mia and Aisha have keys, so at least
    one of them ...') or by a skill said elsewhere ('at least one keyholder', 'has >= 1 first-aider')."""
    least = _AT_LEAST.search(text)
    if least is None and not _ANYONE.search(text):
        return False
    for listed in re.finditer(rf"{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME})+", text):  # '(licensed: Ana, Eve)': every
        names = re.findall(NAME, listed.group(0))  # name of a list with staff in it is staff, or nothing is read
        if any(p in n.staff for p in names) and not all(p in n.staff for p in names):
            return False
    said = least and (least["a"] or least["b"] or least["c"])
    need = 1 if not said else int(said) if said.isdigit() else _COUNT[said.lower()]
    skill = _skill_of(n, text, people, least.end() if least else None, words)
    if skill is None:
        return False
    rest = [w for w in words if w not in {p.lower() for p in people} and not n.shift(w) and not n.day_list(w) and
            w not in _PLAIN and singular(w) != skill and w != str(need)]
    if any(_CUED.search(w) for w in rest) or re.search(r"\d", " ".join(rest)):
        return False
    per_shift = bool(shifts) or re.search(r"(?i)\b(?:every|each|per|all|both)\b[^.;]{0,20}\b(?:shifts?|sessions?|"
                                          r"services?)\b", text) is not None
    per_day = re.search(r"(?i)\b(?:every|each|per|all)\s+(?:single\s+)?days?\b|\balways\b|\bdaily\b", text)
    if not (per_shift or per_day) or len(n.shifts) > 1 and not per_shift and len(set(words) & {"shift", "shifts"}):
        return False
    if people:
        n.skills.setdefault(skill, list(people))
        if sorted(n.skills[skill]) != sorted(people):
            return False
    for d in days or n.days:
        for s in (list(dict.fromkeys(shifts)) or n.shifts) if per_shift else [None]:
            n.skilled.append({"day": d, "skill": skill, "min": need, **({"shift": s} if s else {})})
    return True


_ONLY = re.compile(r"(?i)^\W*(?:(?:the|every|each|any|all)\s+)?(?P<who>[a-z]+?)s?\s+"
                   r"(?:on|working|doing|assigned\s+to)\s+"
                   r"(?:(?:the|each|every|any|a|an|all)\s+)?(?P<s>[\w-]+?)s?(?:\s+shifts?)?\s+(?:must|has\s+to|have\s+to|"
                   r"should|needs?\s+to)\s+be\s+(?:an?\s+)?(?P<k>[a-z-]+?)s?\W*$|"
                   r"^\W*only\s+(?P<k2>[a-z-]+?)s?\s+(?:can|may|are\s+allowed\s+to)\s+(?:work|do|take|cover)\s+"
                   r"(?:the\s+|an?\s+)?(?P<s2>[\w-]+?)s?(?:\s+shifts?)?\W*$|"
                   r"^\W*(?:whoever|any(?:one|body)\s+who|every(?:one|body)\s+who|the\s+person\s+who)\s+"
                   r"(?:works?|does|takes?|is\s+on)\s+(?:the\s+|an?\s+)?(?P<s3>[\w-]+?)s?(?:\s+shifts?)?\s+"
                   r"(?:must|has\s+to|should|needs?\s+to)\s+be\s+(?:an?\s+)?(?P<k3>[a-z-]+?)s?\W*$")


def read_skill_only(n: RosterDraft, text: str) -> bool:
    """A shift only people of a skill may work: 'the nurse on each Night shift must be a senior', 'only seniors may
    work nights', 'whoever works a late shift must be a keyholder'; everyone else is off that shift. The skill is
    one a table or a clause says who has."""
    m = _ONLY.match(text)
    if m is None or m["who"] and not re.fullmatch(PEOPLE, m["who"].lower() + "s") and m["who"].lower() not in (
            "person", "people", "staff", "one"):
        return False
    shift, skill = n.shift(m["s"] or m["s2"] or m["s3"]), singular((m["k"] or m["k2"] or m["k3"]).lower())
    if shift is None or skill not in n.skills:
        return False
    others = [p for p in n.staff if p not in n.skills[skill]]
    if others:
        n.rules.append({"type": "unavailable", "staff": others, "shifts": [shift]})
    n.skill_only.add(skill)
    return True


_YES, _NO = {"yes", "y", "\u2713", "true"}, {"no", "n", "-", "\u2717", "false", ""}


def read_skill_cell(n: RosterDraft, who: str, head: str, cell: str) -> bool:
    """A person's cell of a skill column: 'Keyholder' over yes / no, 'Role' over 'pharmacist' / 'assistant'."""
    low, heading = cell.strip().lower(), re.sub(r"\s*\?$|\s*\((?:y/n|yes/no)\)$", "", head.strip().lower())
    if re.fullmatch(r"role|grade|position|qualification|skill|level", heading) and \
            re.fullmatch(r"[a-z][a-z-]{1,30}", low) and not _CUED.search(low):  # ('RN', 'HCA': a role's code too)
        n.skills.setdefault(singular(low), []).append(who)
        n.roles.add(singular(low))
        return True
    words = rf"{_SKILL_WORD.pattern}(?:\s+{_SKILL_WORD.pattern}){{0,2}}"  # 'Keyholder', 'Forklift licence'
    if low not in _YES | _NO or not re.fullmatch(words, heading) or _CUED.search(heading) or n.shift(heading) or \
            n.day_list(heading) or re.search(r"(?i)avail|work|off|week|night|day|shift", heading):
        return False
    skill = singular(heading.split()[0])  # 'Forklift licence': forklift ('a forklift-licensed person')
    n.skills.setdefault(skill, [])
    if low in _YES:
        n.skills[skill].append(who)
    return True


def _skill_of(n: RosterDraft, text: str, people: list[str], after: int | None, words: list[str]) -> str | None:
    """The skill a cover counts: its group of people named in the clause ('one of Rosa, Diego'), a skill said
    elsewhere, or the word after 'at least one' (to be said: until then the roster is not read)."""
    if people:
        return "one of " + ", ".join(people)
    known = [k for k in n.skills if k in {singular(w) for w in words}]
    if len(known) == 1:
        return known[0]
    if known or after is None:
        return None
    noun = _SKILL_WORD.match(text[after:].strip().lower())
    if noun is None or re.fullmatch(PEOPLE, noun.group(0)) or noun.group(0) in _PLAIN or n.shift(noun.group(0)):
        return None
    return singular(noun.group(0))
