"""A job's line that names a machine its route does not use: a step was dropped ('Ortiz bracket: mill for half an
hour, drill 15 min, then 10 min on the lathe' read without the mill), so the line is asked about, never solved
without it."""

from __future__ import annotations

import re

from ordino.formulate.offline.text import quote_around
from ordino.formulate.questions import Question
from ordino.models import Problem

_OPENING = r"(?im)^[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])?[ \t]*(?:job|order|part|product)?[ \t]*"
"""What may come before a job's name at the start of its line: a bullet, a list number, a noun."""


_NEGATION = r"(?i)\b(?:no|not|never|without|skips?|can't|cannot|doesn't|don't|isn't)\s+"
_DENIED = re.compile(_NEGATION + r"(?:\S+\s+){0,3}(?:the\s+)?$")
"""Words before a machine that say the job does not use it ('no lathe work', "can't go on the Haas")."""
_DENIED_NEAR = re.compile(_NEGATION + r"(?:[\w'-]+\s+){0,3}(?:the\s+)?$")
"""The same, with no stop between the words and the machine ('no printing): guillotine 25' denies nothing)."""
_DENIED_AFTER = re.compile(r"(?i)\s*(?:cannot|can't|can not|is not|isn't|not|has no|doesn't|won't|never)\b")
"""Words after a machine that say the job does not use it ('Okuma cannot do it')."""


def dropped_steps(problem: Problem, text: str) -> list[Question]:
    """A question for each line that opens with a job's name and names a machine none of the job's tasks use, or
    says it does not use one its tasks use."""
    machines = [r.id for r in problem.resources]
    used: dict[str, set[str]] = {}
    for task in problem.tasks:
        if task.job is not None:
            used.setdefault(task.job, set()).update(r for mode in task.modes for r in mode.resources)
    out = []
    for job, on in used.items():
        for line in re.finditer(rf"{_OPENING}{re.escape(job)}\b(?P<rest>[^\n]*)", text):
            rest = re.sub(r"\([^()\d]*\)", " ", line.group("rest"))  # a bracket without a number is a remark
            named = [m for m in machines if m not in on and m.lower() not in job.lower() and any(
                not _DENIED.search(rest[max(0, w.start() - 60):w.start()]) and not _DENIED_AFTER.match(rest[w.end():])
                for w in re.finditer(rf"(?i)(?<![\w-]){re.escape(m)}(?![\w-])", rest))]
            denied = [m for m in sorted(on) if m.lower() not in job.lower() and any(
                _DENIED_NEAR.search(line.group("rest")[max(0, w.start() - 60):w.start()])
                or _DENIED_AFTER.match(line.group("rest")[w.end():])
                for w in re.finditer(rf"(?i)(?<![\w-]){re.escape(m)}(?![\w-])", line.group("rest")))]
            quote = quote_around(text, line.start(), line.end(), line.start())
            if named:
                out.append(Question(key="unread", text=f"I could not read every step of '{quote}': it names "
                                    f"{', '.join(named)}, which I found in no step of {job}. Rephrase that line "
                                    f"(each step as '<machine> <time>')."))
            elif denied:  # 'backup: hermes 3, zeus 4 (not zeus)': a time on a machine the line says it never uses
                out.append(Question(key="unread", text=f"'{quote}' gives {job} a time on {', '.join(denied)} and says "
                                    "it does not run there. Which is it? Rephrase that line."))
    return out
