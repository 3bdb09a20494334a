"""The linear verifier names integrality and constraint violations."""

from __future__ import annotations

from ordino.models.linear import LinearSolution
from ordino.verify import verify
from tests.models.samples import small_integer_programme


def test_linear_verifier_catches_integrality_and_constraints() -> None:
    m = small_integer_programme()
    bad = verify(m, LinearSolution(values={"x": 10.0, "y": 2.5}))
    assert {v.kind for v in bad.violations} == {"integrality"}
    bad = verify(m, LinearSolution(values={"x": 10.0, "y": 3.0}))
    assert [v.kind for v in bad.violations] == ["linear_constraint"]
