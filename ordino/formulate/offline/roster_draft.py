"""What a roster reader has read so far: the text (signs normalised), which characters are used, the staff, days and
shifts with the names the text gives them, and the cover, costs, rules and goal read against them."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from ordino.formulate.offline.marked import TO, Marked
from ordino.formulate.offline.staff import DAY_IDS, WEEK, amount
from ordino.models.assignment import RosterProblem

FILLER = re.compile(
    r"(?i)\b(?:and|or|the|a|an|in|of|on|for|per|each|every|all|any|total|week|roster(?:ing)?|constraints?|rules?|"
    r"objective|obj|cover|demand|same\s+person|person|nurse|worker|staff(?:\s+member)?|within|this|only|days?|"
    r"horizon|not\s+cyclic|no\s+wrap-around|is|are|with|integer|time|binary|x_\w+|=\s*\?|\?)\b|[\s,.:;()|/=?'\"-]")
"""Words and marks that say nothing a model lacks, once every rule around them is read."""


class RosterDraft(Marked):
    """The text, what is used of it, and what it says of the roster."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.staff: list[str] = []
        self.days: list[str] = []
        self.day_names: dict[str, str] = {}  # how the text may name a day ('3', 'd3', 'wed') -> its id
        self.shifts: list[str] = []
        self.shift_names: dict[str, str] = {}  # 'n', 'night' -> 'N'
        self.hours: dict[str, float] = {}
        self.cover: dict[tuple[str, str], int] = {}
        self.exact: bool | None = False  # demands are minimums unless said 'exactly'; None: said both ways
        self.costs: dict[tuple[str, str, str], float] = {}
        self.rules: list[dict[str, Any]] = []
        self.objective: list[dict[str, Any]] = []
        self.fair_means: str | None = None  # the goal a text says fairness means, read before the wish for it
        self.fair_wished = False
        self.penalised: set[tuple[str, str, str]] = set()  # the cells priced by wishes in points, not by pay
        self.per_day = 1
        self.skills: dict[str, list[str]] = {}  # a skill, role or key the text names -> the people who have it
        self.roles: set[str] = set()  # the skills that are values of a 'Role' column (one of them may go unused)
        self.skilled: list[dict[str, Any]] = []  # covers that count only people of one skill
        self.skill_only: set[str] = set()  # skills that alone may work some shifts ('the Night nurse must be senior')
        self.priced_days: list[str] = []  # the days a table of costs is said to price ('Monday to Friday:')
        self.priced_again: list[str] = []  # the other days, priced from it ('16 euros more than in this table')
        self.tabled = False  # whether a table of people was read
        self.hourly: dict[str, float] = {}  # person -> pay per hour (times each shift's hours)
        self.hourly_extra: dict[str, float] = {}  # day -> pay per hour on top of everyone's rate that day
        self._people: tuple[list[str], re.Pattern[str]] | None = None

    _READ = ("cover", "exact", "costs", "rules", "objective", "per_day", "fair_means", "fair_wished", "penalised",
             "skills", "skilled", "skill_only", "priced_days", "priced_again", "roles", "hourly_extra")
    """What the clause readers change: kept by `checkpoint` and put back by `restore`."""

    def take(self, pattern: str, read: Callable[[re.Match[str]], bool], flags: int = re.IGNORECASE) -> None:
        """`Marked.take`, each match read whole or not at all: what a reader refusing a match had read of it so
        far is undone (never an item of a list kept when the list is left unread)."""
        def whole(m: re.Match[str]) -> bool:
            saved = self.checkpoint()
            if read(m):
                return True
            self.restore(saved)
            return False
        super().take(pattern, whole, flags)

    def checkpoint(self) -> dict[str, Any]:
        """A copy of what the clause readers have read so far (shallow: they add entries and replace values, never
        change an entry in place)."""
        return {k: copy.copy(getattr(self, k)) for k in self._READ}

    def restore(self, saved: dict[str, Any]) -> None:
        """Undo what was read since `saved`: a sentence read only in part leaves nothing behind."""
        for k, v in saved.items():
            setattr(self, k, v)

    def day_list(self, phrase: str) -> list[str] | None:
        """The days a phrase names ('d3', '{1, 7}', 'days 6, 7', 'Sat/Sun', 'Mon-Fri', 'weekend', 'every day');
        None when a part of it names no day."""
        p = phrase.strip().strip("{}()").strip().lower()
        if re.fullmatch(r"(?:on\s+)?(?:every|each|all|any)\s+days?|daily", p):
            return list(self.days)
        if re.fullmatch(r"(?:on\s+)?(?:the\s+)?weekends?", p):
            return [d for d in self.days if d.lower() in ("sat", "sun")] or self.day_names.get("weekend", "").split()
        if re.fullmatch(r"(?:on\s+)?(?:the\s+)?week\s*days?", p) and set(self.days) <= set(DAY_IDS):  # Mon to Fri
            return [d for d in self.days if d in ("Mon", "Tue", "Wed", "Thu", "Fri")] or None
        p = re.sub(r"^(?:on\s+)?(?:(?:days?|t\s*=)\s*)?", "", p)  # 'on Mon', 'days 6, 7', 'on day 3'
        out: list[str] = []
        for part in re.split(r"\s*(?:,|/|\bor\b|\band\b|&)\s*", p):
            span = re.fullmatch(rf"(\S+){TO}(\S+)", part)
            ends = [span.group(1), span.group(2)] if span else [part]
            words = [re.sub(r"^(?:day\s*|t\s*=\s*)", "", e) for e in ends]
            ids = [self.day_names.get(w) or (self.day_names.get(w[:-1]) if w.endswith("s") else None) for w in words]
            if not all(ids):
                return None
            if span:
                a, b = self.days.index(ids[0] or ""), self.days.index(ids[1] or "")
                if b < a:
                    return None
                out += self.days[a:b + 1]
            else:
                out.append(ids[0] or "")
        return list(dict.fromkeys(out)) or None

    def name_weekdays(self) -> None:
        """Weekday days named as the text may write them: 'wed', 'wednesday', 'weds'."""
        for d in DAY_IDS:
            if d in self.days:
                for name in (d.lower(), WEEK[DAY_IDS.index(d)]):
                    self.day_names.setdefault(name, d)

    def shift(self, word: str) -> str | None:
        return self.shift_names.get(word.strip().lower())

    def call(self, word: str, shift: str) -> None:
        """Name `shift` by `word` and its plural ('late', 'lates'; 'early', 'earlies'; 'am', 'ams')."""
        low = word.strip().lower()
        self.shift_names[low] = shift
        self.shift_names[low + "s"] = shift
        if low.endswith("y") and len(low) > 2:
            self.shift_names[low[:-1] + "ies"] = shift

    def person_list(self, phrase: str) -> list[str] | None:
        """People named in 'P4, P5', 'P1..P4', 'i = 1,2,4,5'."""
        out: list[str] = []
        for part in re.split(r"\s*(?:,|\band\b|&)\s*", phrase.strip()):
            span = re.fullmatch(rf"(\S+){TO}(\S+)", part)
            if span and span.group(1) in self.staff and span.group(2) in self.staff:
                a, b = self.staff.index(span.group(1)), self.staff.index(span.group(2))
                out += self.staff[a:b + 1]
            elif part in self.staff:
                out.append(part)
            else:
                return None
        return out or None

    def off(self) -> set[tuple[str, str, str]]:
        """The (person, shift, day) cells the rules read keep free (no cost is needed there)."""
        return {(p, s, d) for r in self.rules if r["type"] == "unavailable" for p in r["staff"]
                for s in r.get("shifts", self.shifts) for d in r.get("days", self.days)}

    def people_in(self, text: str) -> list[str]:
        """The staff a piece of text names, in order of first mention."""
        if not self.staff:
            return []
        if self._people is None or self._people[0] != self.staff:
            alternatives = "|".join(map(re.escape, sorted(self.staff, key=len, reverse=True)))
            self._people = (list(self.staff), re.compile(rf"\b(?:{alternatives})\b"))
        return list(dict.fromkeys(self._people[1].findall(text)))

    def _known_skill(self, skill: str) -> str:
        """A skill as the list of who has it names it: 'forklift-licensed' of '(licensed: Ana, Chen, Emil)'."""
        if skill in self.skills:
            return skill
        parts = set(re.split(r"[-\s]+", skill))
        known = [k for k in self.skills if k in parts]
        return known[0] if len(known) == 1 else skill

    def model(self) -> RosterProblem | None:
        """The RosterProblem read, when every demand (and, for a cost goal, every cost) is known."""
        if not self.objective or self.exact is None or \
                any((s, d) not in self.cover for s in self.shifts for d in self.days):
            return None
        off = self.off()
        unpriced = [(p, s, d) for p in self.staff for s in self.shifts for d in self.days
                    if (p, s, d) not in self.costs and (p, s, d) not in off]
        if self.objective[0]["term"] == "total_cost" and unpriced:
            return None
        cover = [{"shift": s, "day": d, "min": k, **({"max": k} if self.exact else {})}
                 for (s, d), k in self.cover.items()]
        costs = [{"staff": [p], "shifts": [s], "days": [d], "cost": amount(v)}
                 for (p, s, d), v in self.costs.items() if v]
        if self.priced_days and sorted(self.priced_days + self.priced_again) != sorted(self.days):
            return None  # a table of costs for some days only, and the others never priced from it
        skilled = [{**c, "skill": self._known_skill(c["skill"])} for c in self.skilled]
        used = {c["skill"] for c in skilled} | self.skill_only
        if not used <= set(self.skills) or set(self.skills) - self.roles - used:
            return None  # a rule about people of a skill the text never says who has, or a skill no rule uses
        staff = [{"id": p, **({"skills": has} if (has := [k for k, who in self.skills.items() if p in who]) else {})}
                 for p in self.staff]
        data = {"schema": "ordino/1", "family": "assignment", "staff": staff,
                "shifts": [{"id": s} for s in self.shifts], "days": self.days, "max_shifts_per_day": self.per_day,
                "cover": cover + skilled, "costs": costs,
                "rules": [r for k, r in enumerate(self.rules) if r not in self.rules[:k]], "objective": self.objective}
        try:
            return RosterProblem.model_validate(data)
        except ValidationError:
            return None
