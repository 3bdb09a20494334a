"""Whether a job may wait between its steps.

Waiting is allowed unless the text says otherwise ('a batch can wait between stations' only says so again). Two
rules forbid it for every job and every step: no-wait ('nothing can wait', 'it can't sit around in between',
'straight onto the next one with no waiting at all', 'straight from one station to the next', a 'no-wait flow
shop'), where each step starts the moment the
one before ends; and blocking ('no buffer between stations', 'a part stays on its machine until the next one is
free'), where a job done on one machine holds it until the next machine takes it. Words of either kind that
may name only some steps ('as soon as it is coated it goes straight into the oven') with no rule for all are
kept to be asked about, never dropped: a schedule read without them would look right and be wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ordino.formulate.offline.text import Rewriting

_STEP = r"(?:machines?|stations?|stages?|steps?|operations?|ops|them|each\s+other)"
_NOT = (r"(?:can(?:'t|not|\s+not)|must\s+not|mustn't|may\s+not|never|(?:is|are)(?:\s+not|n't)\s+allowed\s+to|"
        r"(?:has|have)\s+no\s+time\s+to|(?:is|are)\s+not\s+to)")
_ALLOWED = re.compile(
    rf"(?i)\b(?:can|may|is\s+allowed\s+to|are\s+allowed\s+to|(?:is|are)\s+(?:happy|fine|ok|okay)\s+to)\s+"
    rf"(?:sit\s+(?:and\s+)?)?wait(?:\s+(?:in\s+)?between(?:\s+(?:the\s+)?{_STEP})?)?|"
    r"\bnothing\s+(?:has|needs)\s+to\s+go\s+straight\s+(?:in|on)?to\b|"
    r"\b(?:unlimited|infinite|plenty\s+of|a\s+big|a\s+large)\s+(?:buffers?|storage|waiting\s+(?:room|area|space))\b")
"""Words that allow waiting between steps: the usual rule, said again."""
_NO_WAIT = re.compile(
    r"(?i)\bno[\s-]wait\b(?:\s*:\s*(?:a|each|every)\s+job's\s+(?:operation|op|step)\s+on\s+m\s*\(?\s*k\s*\+\s*1\s*\)?\s+"
    r"starts\s+(?:exactly|immediately|right)\s+when\s+its\s+(?:operation|op|step)\s+on\s+m\s*\(?\s*k\s*\)?\s+"
    r"(?:ends|finishes))?|\bnothing\s+(?:ever\s+)?waits\b|"
    r"\b(?:operation|op|step)\s*\(\s*j\s*,\s*k\s*\+\s*1\s*\)\s+starts\s+(?:exactly|immediately|right)\s+when\s+"
    r"(?:operation|op|step)\s*\(\s*j\s*,\s*k\s*\)\s+(?:ends|finishes)(?:\s*[;,]\s*no\s+buffers?)?|"
    rf"\b{_NOT}\s+(?:sit|wait|idle|hang)\s+(?:around|about)\b(?!\s+(?:before|at\s+the\s+start))|"
    rf"\bno\s+(?:holding|waiting|queu(?:e|ing))\s+(?:in\s+)?between(?:\s+(?:the\s+)?{_STEP}\b)?|"
    r"\b(?:nothing|no\s+(?:\w+\s+)?(?:job|batch|part|lot|piece|order|dough|item|load|unit)s?)\s+(?:can|may|is\s+allowed\s+to)"
    r"\s+(?:sit\s+(?:and\s+)?)?wait\b(?!\s+(?:before|at\s+the\s+start|to\s+start|for\s+its\s+first))|"
    rf"\b{_NOT}\s+(?:sit|wait|idle|queue|stand|be\s+(?:held|left|parked))(?:\s+(?:around|about|and\s+wait|idle))?"
    rf"\s+(?:in\s+)?between\b(?:\s+(?:the\s+)?{_STEP}\b)?|"
    rf"\b(?:with\s+)?no\s+waiting(?:\s+at\s+all)?\s+(?:in\s+)?between(?:\s+(?:the\s+)?{_STEP}\b)?|"
    rf"\bwithout\s+(?:any\s+)?(?:waiting|wait|delay|pause|gap)s?\s+(?:in\s+)?between(?:\s+(?:the\s+)?{_STEP}\b)?|"
    r"\b(?:straight|directly|immediately|right)\s+(?:on\s*)?(?:in|on)?to\s+the\s+next(?:\s+one|\s+(?:machine|station|"
    r"stage|step|operation))?\b(?:\s*,?\s*with\s+(?:no|zero)\s+waiting(?:\s+at\s+all)?)?|"
    rf"\b(?:straight|directly|immediately)\s+from\s+(?:one|each|a|the)\s+{_STEP}\s+to\s+the\s+next(?:\s+one|\s+{_STEP})?"
    r"(?:\s*,?\s*with\s+(?:no|zero)\s+waiting(?:\s+at\s+all)?)?|"
    rf"\bwith\s+zero\s+waiting\s+(?:in\s+)?between(?:\s+(?:the\s+)?{_STEP}\b)?")
"""Words that forbid waiting between any two steps of a job."""
_BLOCKING = re.compile(
    rf"(?i)\bno\s+(?:buffers?|storage|intermediate\s+storage|waiting\s+(?:room|area|space)|room|space)\s+"
    rf"(?:at\s+all\s+)?(?:in\s+)?between(?:\s+(?:the\s+)?{_STEP})?\b(?!\s+(?:the|a|an)\b)|"
    r"\bblocking\s+(?:flow|job)[\s-]*shop\b|"
    r"\bstays?\s+(?:on|in|at)\s+(?:the|its|that)\s+(?:\w+\s+)?(?:machine|station|stage)\s+(?:until|till)\s+"
    r"the\s+next\s+(?:one|machine|station|stage)\s+(?:is\s+)?(?:free|empty|available|ready|takes\s+it)\b")
"""Words that keep a finished step on its machine until the next machine is free, for every step."""
_NO_WAIT_CUE = re.compile(
    rf"(?i)\b(?:straight|directly|immediately|right\s+away)\s+(?:on\s*)?(?:in|on)?to\b|\bno[\s-]wait|\bno\s+waiting\b|"
    rf"\b{_NOT}\s+(?:sit|wait|idle|queue|be\s+(?:held|left|parked))\b|\bwithout\s+(?:any\s+)?(?:waiting|delay)\b|"
    r"\bzero\s+waiting\b")
"""Words about going on without waiting, perhaps between two named steps only."""
_BLOCKING_CUE = re.compile(
    r"(?i)\bno\s+(?:buffers?|storage|waiting\s+(?:room|area|space))\b|\bblocking\b|"
    r"\bstays?\s+(?:on|in|at)\s+(?:the|its|that)\s+(?:\w+\s+)?(?:machine|station|stage)\s+(?:until|till)\s+the\s+next\b")
"""Words about holding a machine until the next is free, perhaps between two named steps only."""


@dataclass(frozen=True)
class Waiting:
    """What the text says of waiting between steps: a `rule` for every job, or None when its words (`quote`) may
    name only some steps."""

    rule: Literal["no_wait", "blocking"] | None
    quote: str


Rule = Literal["no_wait", "blocking"]
_RULES: tuple[tuple[Rule, re.Pattern[str], re.Pattern[str]], ...] = (("no_wait", _NO_WAIT, _NO_WAIT_CUE),
                                                                    ("blocking", _BLOCKING, _BLOCKING_CUE))


_ANSWER = re.compile(r"(?i)\bevery job: (?P<rule>may wait|no wait|blocking) between its steps\b")
"""The answer to the question on waiting (`elicit`): it decides, whatever else the text says."""


def read_waiting(rw: Rewriting) -> Waiting | None:
    """The waiting rule the text states, its words taken out; None when it only allows waiting (or is silent)."""
    answers = list(_ANSWER.finditer(rw.text))
    if answers:
        rw.sub(_ANSWER, " ")
        for _, rule_words, cue in _RULES:
            rw.sub(rule_words, " ")
            rw.sub(cue, " ")
        rw.sub(_ALLOWED, " ")
        said = answers[-1]["rule"].lower()
        return None if said == "may wait" else Waiting("blocking" if said == "blocking" else "no_wait", said)
    said = {rule: [m.group(0) for m in rule_words.finditer(rw.text)] for rule, rule_words, _ in _RULES}
    rules = [rule for rule, quotes in said.items() if quotes]
    for _, rule_words, _ in _RULES:
        rw.sub(rule_words, " ")
    rw.sub(_ALLOWED, " ")  # after the rules: 'nothing can wait' does not allow it
    for rule, _, cue in _RULES:
        left = cue.search(rw.text)
        if left is not None and rules != [rule]:  # words on waiting that no rule for every step covers
            return Waiting(None, _sentence(rw.source, rw.origin[left.start()]))
        if left is not None:  # more words for the one rule ('it has to go straight into the oven')
            rw.sub(cue, " ")
    if len(rules) > 1:
        return Waiting(None, "; ".join(q for quotes in said.values() for q in quotes)[:200])
    return Waiting(rules[0], said[rules[0]][0]) if rules else None


def _sentence(text: str, at: int) -> str:
    """The sentence around position `at`, for a question."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n:") + 1
    ends = [k for k in (text.find(c, at) for c in ".!?\n") if k >= 0]
    return text[start:min(ends, default=len(text))].strip()[:200]
