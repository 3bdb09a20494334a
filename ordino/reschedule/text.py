"""Events from plain words ("M2 breaks down at 10 for 2 hours", "cancel J4", "J3 is now due at 40"), read
against the problem's names and time unit without an LLM. What cannot be read exactly becomes a question;
a sentence with neither a number nor a name of the problem is listed as ignored."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ordino.errors import InputError
from ordino.models import Events, Problem, events_from_dict

MINUTES = {"s": 1 / 60, "sec": 1 / 60, "second": 1 / 60, "min": 1, "minute": 1, "m": 1, "h": 60, "hr": 60,
           "hour": 60, "d": 1440, "day": 1440, "week": 10080, "wk": 10080}
"""Minutes per unit, by the unit's short or long name (singular)."""
_UNIT = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?)\b"
_CLOCK = r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
_TIME = rf"(?:t\s*=\s*)?(?:{_CLOCK}|\d+(?:\.\d+)?)"
_DUR = rf"\d+(?:\.\d+)?(?:\s*{_UNIT})?"
_DOWN = (r"breaks? down|broke down|(?:is|goes|went|will be) down|fails?|failed|is out of (?:service|order)|"
         r"is unavailable|is under repair|(?:is|will be) (?:stopped|offline)|stops")


@dataclass
class EventReading:
    """The events read, the questions that stop them, and the sentences ignored."""

    events: Events | None
    questions: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def _unit_minutes(unit: str) -> float | None:
    word = unit.strip().lower().rstrip("s") if len(unit.strip()) > 1 else unit.strip().lower()
    return MINUTES.get(word) or MINUTES.get(unit.strip().lower())


class _Reader:
    def __init__(self, problem: Problem, now: int, zero: str | None) -> None:
        self.problem, self.now, self.zero = problem, now, zero
        self.unit = _unit_minutes(problem.time_unit)
        self.questions: list[str] = []
        self.events: list[dict[str, Any]] = []
        self.names = {**{r.id.lower(): r.id for r in problem.resources}, **{t.id.lower(): t.id for t in problem.tasks},
                      **{j.id.lower(): j.id for j in problem.jobs}}

    def name(self, kinds: tuple[str, ...]) -> str:
        ids = [x.id for kind in kinds for x in getattr(self.problem, kind)]
        return "(?P<name>" + "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True)) + r")(?![\w.-]*\w)" \
            if ids else r"(?P<name>(?!x)x)"

    def time(self, text: str, sentence: str) -> int | None:
        """A point in the schedule's time: a plain number is in its unit; a clock time counts from `zero`."""
        text = re.sub(r"^t\s*=\s*", "", text.strip().lower())
        clock = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?", text)
        if clock and (":" in text or clock.group(3)):
            hours = int(clock.group(1)) % 12 + (12 if clock.group(3) == "p" else 0) if clock.group(3) else \
                int(clock.group(1))
            minutes = hours * 60 + int(clock.group(2) or 0)
            if self.zero is None:
                self.ask(f"'{sentence}' gives a clock time ({text}): at what clock time is the schedule's time 0? "
                         "(give it with --zero HH:MM)")
                return None
            z = re.fullmatch(r"(\d{1,2}):(\d{2})", self.zero.strip())
            if z is None:
                raise InputError(f"--zero {self.zero!r}: expected a clock time such as 08:00")
            return self.units(minutes - int(z.group(1)) * 60 - int(z.group(2)), sentence)
        value = float(text)
        if value != int(value):
            self.ask(f"'{sentence}': {text} is not a whole number of {self.problem.time_unit}")
            return None
        return int(value)

    def length(self, text: str, sentence: str) -> int | None:
        """A duration: without a unit in the problem's unit, else converted to it."""
        m = re.fullmatch(rf"(\d+(?:\.\d+)?)\s*({_UNIT})?", text.strip().lower())
        assert m is not None
        if m.group(2) is None:
            value = float(m.group(1))
            if value != int(value):
                self.ask(f"'{sentence}': {text} is not a whole number of {self.problem.time_unit}")
                return None
            return int(value)
        minutes = float(m.group(1)) * (_unit_minutes(m.group(2)) or 0)
        if self.unit is None:
            self.ask(f"'{sentence}' gives {text}, but the problem's time unit {self.problem.time_unit!r} is not one I "
                     "can convert to; give the length in that unit")
            return None
        return self.units(minutes, sentence)

    def units(self, minutes: float, sentence: str) -> int | None:
        assert self.unit is not None
        value = minutes / self.unit
        if abs(value - round(value)) > 1e-9:
            self.ask(f"'{sentence}' is {value:g} {self.problem.time_unit}, not a whole number of them")
            return None
        return round(value)

    def ask(self, question: str) -> None:
        self.questions.append(question)

    def read(self, sentence: str) -> bool:
        """Read one sentence into events; False when it says nothing this reader knows."""
        return any(read(sentence) for read in (self.breakdown, self.new_job, self.cancel, self.due, self.release,
                                              self.duration, self.rush))

    def breakdown(self, s: str) -> bool:
        m = re.search(rf"\b{self.name(('resources',))}\b.*?\b(?:{_DOWN})\b(?P<rest>.*)", s, re.I)
        if m is None:
            return False
        rid, rest = m.group("name"), m.group("rest")
        span = re.search(rf"\b(?:from|between)\s+(?P<a>{_TIME})\s+(?:to|until|till|and|-)\s+(?P<b>{_TIME})", rest, re.I)
        at = re.search(rf"\b(?:at|from|starting)\s+(?P<a>{_TIME})", rest, re.I)
        for_ = re.search(rf"\bfor\s+(?:the\s+next\s+)?(?P<d>{_DUR})", rest, re.I)
        until = re.search(rf"\b(?:until|till|to)\s+(?P<b>{_TIME})", rest, re.I)
        if span:
            start, end = self.time(span.group("a"), s), self.time(span.group("b"), s)
        elif for_ or until:
            start = self.time(at.group("a"), s) if at else self.now
            length = self.length(for_.group("d"), s) if for_ else None
            end = (start + length if start is not None and length is not None else None) if for_ else \
                self.time(until.group("b"), s) if until else None
        else:
            self.ask(f"'{s}': how long is {rid} down? (say 'for 2 hours' or 'from 10 to 14')")
            return True
        if start is not None and end is not None:
            self.events.append({"type": "breakdown", "resource": rid, "start": start, "end": end})
        return True

    def duration(self, s: str) -> bool:
        m = re.search(rf"\b{self.name(('tasks',))}\b.*?\b(?:will take|now takes|takes|needs|will need|lasts|will "
                      rf"last|runs)\s+(?P<d>{_DUR})(?P<more>\s+(?:longer|more|extra))?", s, re.I)
        if m is None:
            return False
        length = self.length(m.group("d"), s)
        if length is not None:
            tid = m.group("name")
            if m.group("more"):
                task = self.problem.task(tid)
                if len({mode.duration for mode in task.modes}) > 1:
                    self.ask(f"'{s}': {tid} takes different times in its modes; say how long it now takes")
                    return True
                length += task.modes[0].duration
            self.events.append({"type": "duration", "task": tid, "duration": length})
        return True

    def cancel(self, s: str) -> bool:
        who = self.name(("jobs", "tasks"))
        m = re.search(rf"\bcancel(?:s|led|ed)?\b(?:\s+(?:job|order|task))?\s+{who}\b", s, re.I) or re.search(
            rf"\b{who}\b\s+(?:is|was|has been|got|will be)\s+(?:cancell?ed|called off|dropped)", s, re.I)
        if m is None:
            return False
        name = m.group("name")
        kind = "job" if name in {j.id for j in self.problem.jobs} else "task"
        self.events.append({"type": "cancel", kind: name})
        return True

    def due(self, s: str) -> bool:
        m = re.search(rf"\b{self.name(('jobs', 'tasks'))}\b.*?\b(?:is now due|now due|is due|due date (?:is|becomes|"
                      rf"moves to|moved to|changes to)|must (?:be done|finish|be finished|be ready) by)\s+"
                      rf"(?:at\s+|by\s+)?(?P<t>{_TIME})", s, re.I)
        if m is None or re.search(r"\burgent|\brush", s, re.I):
            return False
        return self.dated("due", m, s)

    def release(self, s: str) -> bool:
        m = re.search(rf"\b{self.name(('jobs', 'tasks'))}\b.*?\b(?:(?:cannot|can't|can not|won't|will not)\s+start"
                      rf"\s+(?:before|until)|(?:arrives|is released|is ready|becomes available|will be ready)"
                      rf"(?:\s+at)?|(?:is )?delayed (?:to|until))\s+(?P<t>{_TIME})", s, re.I)
        if m is None:
            return False
        return self.dated("release", m, s)

    def dated(self, kind: str, m: re.Match[str], s: str) -> bool:
        """A due or release event of the job or task `m` names, at its time `t`."""
        when = self.time(m.group("t"), s)
        if when is not None:
            name = m.group("name")
            whose = "job" if name in {j.id for j in self.problem.jobs} else "task"
            self.events.append({"type": kind, whose: name, kind: when})
        return True

    def rush(self, s: str) -> bool:
        m = re.search(rf"\b{self.name(('jobs',))}\b.*?\b(?:urgent|rush|top priority|priority|expedite)|"
                      rf"\b(?:rush|expedite)\s+(?:job\s+)?{self.name(('jobs',)).replace('name', 'first')}", s, re.I)
        if m is None:
            return False
        job = m.group("name") or m.group("first")
        weight = re.search(r"\bweight\s+(?:of\s+)?(\d+)|\b(\d+)\s*times\s+(?:the\s+)?(?:weight|priority)", s, re.I)
        due = re.search(rf"\b(?:due|by)\s+(?:at\s+)?(?P<t>{_TIME})", s, re.I)
        event: dict[str, Any] = {"type": "rush", "job": job}
        if weight:
            event["weight"] = int(weight.group(1) or weight.group(2))
        if due and (value := self.time(due.group("t"), s)) is not None:
            event["due"] = value
        if len(event) == 2:
            self.ask(f"'{s}': how urgent is {job}? Give its new weight ('weight 5') or due date ('due 40')")
        elif not due or "due" in event:
            self.events.append(event)
        return True

    def new_job(self, s: str) -> bool:
        m = re.search(r"\bnew\s+(?:job|order)\s+(?P<id>[\w-]+)\b\s*(?:arrives|comes in)?\s*(?:with|:|-)?\s*(?P<ops>.*)",
                      s, re.I)
        if m is None:
            return False
        jid, ops = m.group("id"), m.group("ops")
        steps = list(re.finditer(rf"{self.name(('resources',))}\s*(?:for|:|=|,)?\s*(?P<d>{_DUR})", ops, re.I))
        if not steps:
            self.ask(f"'{s}': which resources does {jid} use, in order, and for how long? ('new job {jid}: M1 4, "
                     "M3 2')")
            return True
        tasks = []
        for k, step in enumerate(steps, start=1):
            length = self.length(step.group("d"), s)
            if length is None:
                return True
            tasks.append({"id": f"{jid}.{k}", "modes": [{"resources": [step.group("name")], "duration": length}]})
        self.events.append({"type": "new_job", "job": {"id": jid}, "tasks": tasks})
        return True


def sentences(text: str) -> list[str]:
    """Sentences and lines, split where a full stop or semicolon is not inside a number."""
    return [p.strip() for p in re.split(r"(?<!\d)[.;!?](?!\d)|[.;!?](?=\s|$)|\n", text) if p and p.strip()]


def read_events(text: str, problem: Problem, now: int, zero: str | None = None) -> EventReading:
    """The events a text tells of. Plain numbers are times in the problem's unit (`problem.time_unit`);
    lengths with a unit ("2 hours") are converted to it; clock times ("10:00") count from `zero`, the clock
    time of the schedule's time 0 (asked when the text gives clock times and `zero` is None)."""
    reader = _Reader(problem, now, zero)
    ignored = []
    for s in sentences(text):
        if not reader.read(s):
            named = any(re.search(rf"(?<![\w.-]){re.escape(n)}(?![\w-])", s, re.I) for n in reader.names)
            if named or re.search(r"\d", s):
                reader.ask(f"I could not read '{s}'; say it as one of: 'M2 breaks down at 10 for 2 hours', 'J3 now "
                           "takes 12', 'cancel J4', 'J2 is now due at 40', 'J5 cannot start before 30', 'rush J1, "
                           "due 25', 'new job X: M1 4, M3 2'")
            else:
                ignored.append(s)
    if reader.questions or not reader.events:
        if not reader.questions:
            reader.ask("the text tells of no event; say what happened (a breakdown, a new or cancelled job, a "
                       "longer task, a new due date or release, a rush)")
        return EventReading(None, reader.questions, ignored)
    return EventReading(events_from_dict(reader.events, "the events read from the text"), [], ignored)
