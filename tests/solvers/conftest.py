"""Fixtures that run a back-end test once on every exact method of a family."""

from __future__ import annotations

import pytest

from ordino.models.method import Method
from tests.solvers.backends import exact_methods


@pytest.fixture(params=exact_methods("scheduling"), ids=lambda m: m.name)
def exact_method(request: pytest.FixtureRequest) -> Method:
    """Each exact scheduling method (CP-SAT, MILP, ...)."""
    return request.param


@pytest.fixture(params=exact_methods("assignment"), ids=lambda m: m.name)
def roster_method(request: pytest.FixtureRequest) -> Method:
    """Each exact method of the assignment family."""
    return request.param


@pytest.fixture(params=exact_methods("linear"), ids=lambda m: m.name)
def linear_method(request: pytest.FixtureRequest) -> Method:
    """Each exact method of the linear family."""
    return request.param
