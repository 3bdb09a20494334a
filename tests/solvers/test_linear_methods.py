"""Every exact method of the linear family reaches the optimum of a small integer programme."""

from __future__ import annotations

from ordino.models.method import Method
from tests.models.samples import small_integer_programme
from tests.solvers.backends import solve_with


def test_linear_model_reaches_the_optimum(linear_method: Method) -> None:
    r = solve_with(small_integer_programme(), linear_method)
    assert r.status == "optimal" and r.objective == 38
