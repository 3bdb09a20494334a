"""Text -> Problem: the LLM pipeline, the offline pattern formulator, semantic checks, prompts.

`formulate(text)` returns a `Formulation` (problem, verified result, transcript).
"""

from ordino.formulate.check import check_hints, check_problem
from ordino.formulate.formulation import Formulation
from ordino.formulate.pipeline import formulate

__all__ = ["Formulation", "check_hints", "check_problem", "formulate"]
