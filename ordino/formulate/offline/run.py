"""The offline side of `formulate`: call the pattern formulator (`ordino.formulate.offline`), check, solve."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ordino.errors import FormulationError, ModelError
from ordino.formulate.check import check_model, check_model_hints
from ordino.formulate.formulation import Formulation, conflicts, solve_formulated, with_formulation
from ordino.formulate.offline.elicit import elicit, elicit_family
from ordino.formulate.offline.extract import extract_family
from ordino.formulate.offline.families import detect_family
from ordino.formulate.offline.text import prepared
from ordino.formulate.questions import Question
from ordino.formulate.summary import model_summary
from ordino.models import BaseResult, Model


def run_offline(text: str, ask: Callable[[Question], str] | None = None, solve: bool = True,
                time_limit: float = 10.0, method: str = "cpsat", note: str | None = None) -> Formulation:
    """Formulate `text` with the pattern formulator (asking `ask` for missing parts when given), then solve.

    Raises
    ------
    InputError
        The text is too long for the offline formulator or holds a huge number (`offline.text.check_text`).
    FormulationError
        The text is not understood at all; `.formulation` holds the partial Formulation. A text that lacks
        information gives a Formulation with status `needs_input` and its questions (when `ask` cannot fill
        them in).
    """
    text = prepared(text)
    transcript: list[dict[str, Any]] = []
    if note:
        transcript.append({"round": 0, "stage": "engine", "note": note})
    questions: list[Any] = []
    warnings: list[str] = []
    family = detect_family(text)
    problem: Model
    if ask is not None and family is None:
        problem = elicit(text, ask, warnings)
        transcript.append({"round": 1, "stage": "elicit", "summary": model_summary(problem)})
    elif ask is not None and family is not None:
        problem, notes = elicit_family(text, family, ask)
        warnings += notes
        transcript.append({"round": 1, "stage": "elicit", "summary": model_summary(problem)})
    else:
        draft = extract_family(text, family)
        questions = list(draft.missing)
        warnings += list(draft.notes)
        transcript.append({"round": 1, "stage": "extract", "notes": list(draft.notes),
                           "missing": [q.model_dump() for q in draft.missing]})
        if draft.problem is None and draft.missing:  # missing data is a question, never a guess
            return Formulation(status="needs_input", engine="offline", rounds=1, transcript=transcript,
                               questions=questions, warnings=warnings)
        if draft.problem is None:
            message = "the description was not understood as a scheduling, roster or linear problem"
            formulation = Formulation(status="failed", engine="offline", rounds=1, transcript=transcript,
                                      error=message, warnings=warnings)
            raise with_formulation(FormulationError(message), formulation)
        problem = draft.problem
        transcript.append({"round": 1, "stage": "validate", "summary": model_summary(problem)})
    # a schedule was drafted only once `check_problem` found nothing (its issues became questions)
    issues = [] if family is None else check_model(problem, text)
    hints = check_model_hints(problem, text)
    warnings += issues
    transcript.append({"round": 1, "stage": "check", "issues": issues, "hints": hints})
    result: BaseResult | None = None
    status = "formulated"
    if solve:
        try:
            result = solve_formulated(problem, method, time_limit)
        except ModelError as exc:
            formulation = Formulation(status="failed", engine="offline", rounds=1, problem=problem,
                                      transcript=transcript, questions=questions, error=str(exc), warnings=warnings)
            raise with_formulation(exc, formulation) from None
        status = result.status
        transcript.append({"round": 1, "stage": "solve", "status": result.status, "objective": result.objective,
                           "log": result.log})
    error = None
    if status == "infeasible":
        found = conflicts(result) if result is not None else []
        error = "the data is contradictory (no schedule exists): " + ("; ".join(found) or "infeasible")
    return Formulation(status=status, engine="offline", rounds=1, problem=problem, result=result,
                       transcript=transcript, questions=questions, error=error, warnings=warnings)
