"""ordino: scheduling problems from plain language to verified schedules.

The public API: build or load a `Problem`, `solve` it, `verify` any schedule.
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
    Problem,
    Result,
    Schedule,
    ScheduledTask,
    Verification,
    classify,
    load_problem,
    load_schedule,
    save_problem,
)
from ordino.solve import get_method, methods, register_method, solve
from ordino.verify import verify

load = load_problem

_LAZY = {"formulate": "ordino.formulate", "Formulation": "ordino.formulate", "batch": "ordino.batching",
         "evolve": "ordino.evolve"}


def __getattr__(name: str):
    """Heavier parts (the formulator pulls in the LLM client) load on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ordino' has no attribute {name!r}")

__version__ = "0.1.0"

__all__ = [
    "Formulation", "FormulationError", "InputError", "LLMError", "ModelError", "OrdinoError", "Problem", "Result",
    "SandboxError", "Schedule", "ScheduledTask", "SolverError", "Verification", "batch", "classify", "evolve",
    "formulate", "get_method", "load", "load_problem", "load_schedule", "methods", "register_method",
    "save_problem", "solve", "verify",
]
