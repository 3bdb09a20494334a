"""Every exact method of a family, and solving a model with one unless the method says it cannot."""

from __future__ import annotations

from typing import Any

import pytest

from ordino.models.families import Model
from ordino.models.method import Method
from ordino.models.results import BaseResult
from ordino.solve import methods, solve


def exact_methods(family: str) -> list[Method]:
    """The family's registered methods that can prove optimality."""
    return [m for m in methods(family).values() if m.exact]


def solve_with(model: Model, method: Method, **options: Any) -> BaseResult:
    """`solve` with this method, or skip the test with the reason the method gives for not supporting the model
    (a method must give one: an unsupported model is never skipped silently)."""
    reason = method.supports(model)
    if reason is not None:
        assert isinstance(reason, str) and reason.strip(), f"{method.name} refuses the model without a reason"
        pytest.skip(f"{method.name}: {reason}")
    return solve(model, method=method.name, **options)
