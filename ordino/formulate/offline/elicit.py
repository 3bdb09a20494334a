"""Elicitation: ask short questions along the ontology tree until the text describes a complete Problem."""

from __future__ import annotations

import re
from collections.abc import Callable

from ordino.errors import FormulationError
from ordino.formulate.offline.assemble import KINDS
from ordino.formulate.offline.extract import assemble_checked, extract_family, read_facts
from ordino.formulate.questions import Question
from ordino.models import Model, Problem
from ordino.models.objective import TERM_DEFINITIONS

CONSTRAINT_CHOICES = ["none", "precedences", "release dates", "due dates", "deadlines", "machine downtime",
                      "setup times", "weights"]
CONSTRAINTS_QUESTION = Question(key="constraints", text="Which of these apply? (comma separated)",
                                choices=CONSTRAINT_CHOICES)
FOLLOW_UPS = {
    "precedences": Question(key="precedences", text="Which jobs must finish before which? "
                            "(e.g. 'job 1 before job 3, job 2 before job 4')"),
    "release dates": Question(key="release", text="Release date of each job, in job order?"),
    "due dates": Question(key="due", text="Due date of each job, in job order?"),
    "deadlines": Question(key="deadline", text="Deadline of each job, in job order?"),
    "machine downtime": Question(key="downtime", text="When is which machine down? (e.g. 'M1 down from 8 to 10')"),
    "setup times": Question(key="setups", text="Setup time between two consecutive jobs?"),
    "weights": Question(key="weight", text="Weight of each job, in job order?"),
}
_TEMPLATES = {
    "n_jobs": "\n{} jobs.", "n_machines": "\n{} machines.", "processing_times": "\nprocessing times: {}.",
    "due": "\ndue dates: {}.", "release": "\nrelease dates: {}.", "deadline": "\ndeadlines: {}.",
    "weight": "\nweights: {}.", "setups": "\nsetup time {} between jobs.",
    "speed_base": "\nthe times listed are {} times.", "waiting": "\nevery job: {} between its steps.",
}
MAX_QUESTIONS = 30
REASKS = 2
"""How many times a question with choices is asked again after an answer that is none of them."""


def _as_text(key: str, answer: str) -> str:
    """The answer written as a sentence the extractors read."""
    if key in _TEMPLATES:
        return _TEMPLATES[key].format(answer.strip().rstrip("."))
    if key == "matrix":
        rows = [r.strip() for r in re.split(r"[;\n]", answer) if r.strip()]
        return "\nprocessing times (rows jobs, columns machines):\n" + "\n".join(rows) + "\n"
    if key == "objective":
        return "\nminimize " + answer.strip().replace("_", " ").replace("number tardy", "number of late jobs") + "."
    return "\n" + "\n".join(p.strip() for p in re.split(r"[;\n]|,(?=\s*(?:job|j\d|task|m\d|machine))", answer)) + "."


def _choice(answer: str, choices: list[str]) -> str | None:
    a = answer.strip().lower().replace(" ", "_")
    for c in choices:
        if a == c or a == c.replace("_", "") or (len(a) > 3 and c.startswith(a)):
            return c
    return None


def elicit(text: str, ask: Callable[[Question], str] | None, notes: list[str] | None = None) -> Problem:
    """A validated Problem from `text`, asking `ask` for whatever is missing; what an 'ignore' answer dropped is
    added to `notes`.

    Without `ask` (no terminal), raises FormulationError listing exactly what is missing.
    """
    extra = ""
    kind: str | None = None
    chosen: list[str] = []
    ignore_unused = False
    asked: set[str] = set()
    counts: dict[str, int] = {}
    for _ in range(MAX_QUESTIONS):
        facts = read_facts(text + extra)
        facts.ignore_unused = ignore_unused
        for attr, value in counts.items():
            setattr(facts, attr, value)
        if kind is not None:
            facts.kind = kind
            if kind in ("single_machine", "parallel_machines") and facts.matrix is None:
                facts.n_machines = facts.n_machines or (1 if kind == "single_machine" else None)
        problem, needed = assemble_checked(facts, text + extra)
        missing = list(needed)
        if kind is not None and "constraints" not in asked:
            at = 1 if missing and missing[0].key == "objective" else 0
            missing.insert(at, CONSTRAINTS_QUESTION)
        missing += [FOLLOW_UPS[c] for c in chosen if FOLLOW_UPS[c].key not in asked]
        if problem is not None and not missing:
            if ignore_unused and notes is not None and facts.unused:
                notes.append("ignored, as answered: " + "; ".join(repr(q) for q in facts.unused))
            return problem
        if ask is None:
            raise FormulationError(missing_message(missing or needed))
        question = missing[0]
        answer = ask(question)
        asked.add(question.key)
        if question.key == "kind":
            kind = _choice(answer, KINDS)
            for _ in range(REASKS):  # a wrong answer is asked again, with the choices
                if kind is not None:
                    break
                kind = _choice(ask(question), KINDS)
            if kind is None:
                raise FormulationError(f"unknown kind of problem {answer!r}; choose one of: {', '.join(KINDS)}")
        elif question.key == "constraints":
            chosen = [c for c in CONSTRAINT_CHOICES[1:] if c.split()[0] in answer.lower()]
        elif question.key == "unused":
            ignore_unused = answer.strip().lower() in ("ignore", "i", "skip", "")
            if not ignore_unused:
                extra += _as_text("free", answer)
        elif question.key == "unread" and answer.strip().lower() in ("ignore", "i", "skip", ""):
            raise FormulationError(f"{question.text.split(': ', 1)[1].removesuffix(' Rephrase them.')} cannot be "
                                   "ignored: they name or order jobs and machines of the model; rephrase them")
        elif question.key in ("n_jobs", "n_machines"):
            if not answer.strip().isdigit() or int(answer) < 1:
                raise FormulationError(f"{question.key}: expected a positive whole number, got {answer!r}")
            counts[question.key] = int(answer)
        elif question.key == "objective":
            term = _choice(answer, list(TERM_DEFINITIONS))
            for _ in range(REASKS):  # asked again, with the choices, until it is one of them or reads as one
                if term is not None or read_facts(_as_text("objective", answer)).objective:
                    break
                answer = ask(question)
                term = _choice(answer, list(TERM_DEFINITIONS))
            if term is None and not read_facts(_as_text("objective", answer)).objective:
                raise FormulationError(f"unknown objective {answer!r}; choose one of: {', '.join(TERM_DEFINITIONS)}")
            extra += _as_text("objective", term or answer)
        else:
            extra += _as_text(question.key, answer)
    raise FormulationError("too many questions without a complete model; last missing: "
                           + missing_message(missing))


def elicit_family(text: str, family: str, ask: Callable[[Question], str]) -> tuple[Model, list[str]]:
    """A roster or linear model from `text`, asking `ask` each question its reader leaves (the answers are
    appended to the description and read again); its notes. An 'ignore' is refused: a roster or linear reader
    cannot tell what dropping a part would change."""
    extra = ""
    for _ in range(MAX_QUESTIONS):
        draft = extract_family(text + extra, family)
        if draft.problem is not None and not draft.missing:
            return draft.problem, draft.notes
        if not draft.missing:
            raise FormulationError("the description was not understood as a roster or linear problem")
        question = draft.missing[0]
        answer = ask(question)
        for _ in range(REASKS):
            if not question.choices or _choice(answer, question.choices) is not None:
                break
            answer = ask(question)
        if answer.strip().lower() in ("ignore", "i", "skip", ""):
            raise FormulationError(f"{question.text} cannot be ignored here; answer it, or rephrase the description")
        if question.choices and (chosen := _choice(answer, question.choices)) is not None:
            answer = FAMILY_CHOICE_TEXT.get(chosen, chosen.replace("_", " "))
        sentence = FAMILY_ANSWER_TEXT.get(question.key, "{}").format(answer.strip().rstrip("."))
        if extract_family(text + extra + "\n" + sentence + ".", family).missing[:1] == [question]:
            raise FormulationError(f"the answer {answer!r} to '{question.text}' was not understood; write it as a "
                                   "sentence of the description (e.g. 'There are 5 nurses.')")
        extra += "\n" + sentence + "."
    raise FormulationError("too many questions without a complete model")


FAMILY_ANSWER_TEXT = {"staff": "There are {} staff", "days": "Over {} days"}
"""How a bare answer to a roster question is written into the description."""


FAMILY_CHOICE_TEXT = {"staff_count": "Minimise the number of staff", "total_cost": "Minimise the total cost",
                      "people": "Minimise the number of people"}
"""How an answer chosen from a roster or linear question's choices is written into the description."""


def missing_message(missing: list[Question]) -> str:
    """One message listing exactly what is missing."""
    items = "; ".join(f"[{q.key}] {q.describe()}" for q in missing)
    return f"the text does not describe a complete problem; missing: {items}"
