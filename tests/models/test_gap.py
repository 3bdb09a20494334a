"""The one gap convention (DESIGN.md): percent of |reference|, 0 when equal, None when undefined, never inf."""

from __future__ import annotations

import math

import pytest

from ordino.models import gap_percent


@pytest.mark.parametrize(("value", "reference", "gap"), [
    (110, 100, 10.0), (90, 100, -10.0), (0, 0, 0.0), (5, 0, None), (-5, 0, None), (None, 3, None),
    (3, None, None), (-8, -10, 20.0), (7, 7, 0.0), (math.inf, 3, None), (3, math.nan, None)])
def test_gap_convention(value, reference, gap):
    got = gap_percent(value, reference)
    assert got == (pytest.approx(gap) if gap is not None else None)
