"""ordino: scheduling problems from plain language to verified schedules.

The public API: build or load a model of any family (a scheduling `Problem`, a `RosterProblem`, a
`LinearModel`; `load_model` reads any of them), `solve` it, `verify` any solution, `reschedule` a schedule after
events.
"""

from ordino.errors import (
    FormulationError,
    InputError,
    LLMError,
    ModelError,
    OrdinoError,
    SandboxError,
    SolverError,
)
from ordino.models import (
    BaseResult,
    LinearModel,
    LinearResult,
    Problem,
    Result,
    RosterProblem,
    RosterResult,
    Schedule,
    ScheduledTask,
    Verification,
    classify,
    family_of,
    load_model,
    load_problem,
    load_schedule,
    save_problem,
)
from ordino.solve import all_methods, get_method, methods, register_method, solve
from ordino.verify import verify

load = load_problem

_LAZY = {"formulate": "ordino.formulate", "Formulation": "ordino.formulate", "batch": "ordino.batching",
         "evolve": "ordino.evolve", "reschedule": "ordino.reschedule"}


def __getattr__(name: str):
    """Heavier parts (the formulator pulls in the LLM client, rescheduling the heuristics) load on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ordino' has no attribute {name!r}")

__version__ = "0.1.0"

__all__ = [
    "BaseResult", "LinearModel", "LinearResult", "RosterProblem", "RosterResult", "all_methods", "family_of",
    "load_model",
    "Formulation", "FormulationError", "InputError", "LLMError", "ModelError", "OrdinoError", "Problem", "Result",
    "SandboxError", "Schedule", "ScheduledTask", "SolverError", "Verification", "batch", "classify", "evolve",
    "formulate", "get_method", "load", "load_problem", "load_schedule", "methods", "register_method",
    "reschedule", "save_problem", "solve", "verify",
]
