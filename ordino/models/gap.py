"""The one gap: how far a value is from a reference, in percent, with DESIGN.md's convention."""

from __future__ import annotations

import math


def gap_percent(value: float | None, reference: float | None) -> float | None:
    """`(value - reference) / |reference| * 100`: 0 when the two are equal (also when both are 0); None when
    either is missing or not finite, or when the reference is 0 and the value is not (undefined, never inf)."""
    if value is None or reference is None or not math.isfinite(value) or not math.isfinite(reference):
        return None
    if abs(value - reference) <= 1e-9 * max(1.0, abs(reference)):
        return 0.0
    if reference == 0:
        return None
    return (value - reference) / abs(reference) * 100.0
