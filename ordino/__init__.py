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

__version__ = "0.1.0"

__all__ = [
    "FormulationError", "InputError", "LLMError", "ModelError", "OrdinoError", "Problem", "Result",
    "SandboxError", "Schedule", "ScheduledTask", "SolverError", "Verification", "classify", "get_method",
    "load", "load_problem", "load_schedule", "methods", "register_method", "save_problem", "solve", "verify",
]
