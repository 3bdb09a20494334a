"""One exception hierarchy for ordino: the API raises these, the CLI turns them into messages."""

from __future__ import annotations

from typing import Any


class OrdinoError(Exception):
    """Base of every error ordino raises on purpose. `formulation` holds the partial Formulation when
    `formulate` raised it (what was understood so far), else None."""

    exit_code = 1
    formulation: Any = None


class InputError(OrdinoError):
    """Bad input: a malformed file, an unknown field, an impossible value. Names the place and the fix."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        where = ""
        if file is not None:
            where = f"{file}:{line}: " if line is not None else f"{file}: "
        super().__init__(where + message)


class ModelError(OrdinoError):
    """The ontology instance is inconsistent, or a back end cannot express it."""

    exit_code = 2

    @classmethod
    def unless_fits(cls, reason: str | None, what: str) -> None:
        """Raise `not {what}: {reason}` when a method's check gave a reason the problem does not fit."""
        if reason is not None:
            raise cls(f"not {what}: {reason}")


class SolverError(OrdinoError):
    """A solver crashed or returned something that cannot be read back."""


class FormulationError(OrdinoError):
    """Text could not be turned into a valid problem."""

    exit_code = 2


class LLMError(OrdinoError):
    """The LLM endpoint failed or kept answering garbage."""


class SandboxError(OrdinoError):
    """Candidate code was rejected or failed inside the sandbox."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C stopped a run. `result` holds what had been found (verified by the front door), `code` the
    solver's own status code when the stop came from inside a solver."""

    def __init__(self, result: object = None, code: int | None = None) -> None:
        super().__init__("interrupted")
        self.result = result
        self.code = code
