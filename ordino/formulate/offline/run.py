"""The offline side of `formulate`: call the pattern formulator (`ordino.formulate.offline`), check, solve."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ordino.errors import FormulationError, ModelError
from ordino.formulate.check import check_model, check_model_hints
from ordino.formulate.summary import model_summary


def _offline_module() -> Any:
    try:
        from ordino.formulate import offline
    except ImportError as exc:
        raise FormulationError(f"the offline formulator is not available ({exc}); configure an LLM endpoint "
                               "with ORDINO_LLM_BASE_URL or use --llm") from None
    if not hasattr(offline, "extract_offline"):
        raise FormulationError("the offline formulator is not available in this installation; configure an "
                               "LLM endpoint with ORDINO_LLM_BASE_URL or use --llm")
    return offline


def run_offline(text: str, ask: Callable[[Any], str] | None = None, solve: bool = True, time_limit: float = 10.0,
                method: str = "cpsat", note: str | None = None) -> Any:
    """Formulate `text` with the pattern formulator (asking `ask` for missing parts when given), then solve.

    Raises
    ------
    InputError
        The text is too long for the offline formulator or holds a huge number (`offline.text.check_text`).
    FormulationError
        The text lacks information and no `ask` was given (the questions are attached), or it is not
        understood; `.formulation` holds the partial Formulation.
    """
    from ordino.formulate.pipeline import Formulation, _attach

    offline = _offline_module()
    from ordino.formulate.offline.text import check_text

    check_text(text)
    transcript: list[dict[str, Any]] = []
    if note:
        transcript.append({"round": 0, "stage": "engine", "note": note})
    questions: list[Any] = []
    warnings: list[str] = []
    family = offline.detect_family(text) if hasattr(offline, "detect_family") else None
    if ask is not None and family is None:
        problem = offline.elicit(text, ask)
        transcript.append({"round": 1, "stage": "elicit", "summary": model_summary(problem)})
    else:
        draft = offline.extract_offline(text)
        questions = list(draft.missing)
        warnings += list(draft.notes)
        transcript.append({"round": 1, "stage": "extract", "notes": list(draft.notes),
                           "missing": [q.model_dump() for q in draft.missing]})
        if draft.problem is None:
            asked = "; ".join(q.text for q in draft.missing) or "the text was not understood"
            message = (f"the description is incomplete (or not a scheduling problem): {asked} "
                       "(answer with --ask / formulate(..., ask=...), or configure an LLM)")
            formulation = Formulation(status="failed", engine="offline", rounds=1, transcript=transcript,
                                      questions=questions, error=message, warnings=warnings)
            raise _attach(FormulationError(message), formulation)
        problem = draft.problem
        transcript.append({"round": 1, "stage": "validate", "summary": model_summary(problem)})
    issues = check_model(problem, text)
    hints = check_model_hints(problem, text)
    warnings += issues
    transcript.append({"round": 1, "stage": "check", "issues": issues, "hints": hints})
    result = None
    status = "formulated"
    if solve:
        from ordino.models import Problem
        from ordino.solve import solve as run_solve

        try:  # rosters and linear models go to their own family's solvers
            result = run_solve(problem, method=method if isinstance(problem, Problem) else "auto",
                               time_limit=time_limit)
        except ModelError as exc:
            formulation = Formulation(status="failed", engine="offline", rounds=1, problem=problem,
                                      transcript=transcript, questions=questions, error=str(exc), warnings=warnings)
            raise _attach(exc, formulation) from None
        status = result.status
        transcript.append({"round": 1, "stage": "solve", "status": result.status, "objective": result.objective,
                           "log": result.log})
    error = None
    if status == "infeasible":
        conflicts = [line for line in result.log if line.startswith("conflict")] if result else []
        error = "the data is contradictory (no schedule exists): " + ("; ".join(conflicts) or "infeasible")
    return Formulation(status=status, engine="offline", rounds=1, problem=problem, result=result,
                       transcript=transcript, questions=questions, error=error, warnings=warnings)


__all__ = ["run_offline"]
