"""Shared pydantic base and field types of the ontology."""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

SCHEMA_VERSION: Final = "ordino/1"

MAX_VALUE = 10**12
"""The largest time, duration, weight, cost, capacity or amount a model may hold (a time may also be as low as
-MAX_VALUE): beyond any real schedule (10^12 seconds are 31,000 years), and small enough that the solvers take
it exactly (CP-SAT computes in 64-bit integers, HiGHS and the verifier's sums in doubles, exact up to 2^53).
Sums of values are checked where a solver needs them (`ordino.models.limits`)."""

Id = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
NonNegInt = Annotated[int, Field(ge=0, le=MAX_VALUE, strict=True)]
PosInt = Annotated[int, Field(gt=0, le=MAX_VALUE, strict=True)]
Time = Annotated[int, Field(ge=-MAX_VALUE, le=MAX_VALUE, strict=True)]
Interval = tuple[NonNegInt, NonNegInt]

AMOUNT_DECIMALS = 4
"""Money amounts (roster costs) may have up to this many decimals; solvers that count in integers scale them."""


def _amount(value: int | float) -> int | float:
    if isinstance(value, float) and abs(value * 10**AMOUNT_DECIMALS - round(value * 10**AMOUNT_DECIMALS)) > 1e-6:
        raise ValueError(f"{value} has more than {AMOUNT_DECIMALS} decimals; use a smaller money unit")
    return value


def amount_scale(values: list[int | float]) -> int:
    """The least power of ten that makes every amount a whole number (1 when they all are)."""
    for decimals in range(AMOUNT_DECIMALS + 1):
        scale = 10**decimals
        if all(abs(v * scale - round(v * scale)) <= 1e-6 for v in values):
            return scale
    return 10**AMOUNT_DECIMALS


NonNegAmount = Annotated[NonNegInt | Annotated[float, Field(ge=0, le=MAX_VALUE, strict=True, allow_inf_nan=False)],
                         AfterValidator(_amount)]
"""A money amount: a whole number or a decimal with at most AMOUNT_DECIMALS places (10.59), never text."""


class OntologyModel(BaseModel):
    """Base of every ontology type: immutable, unknown fields rejected, integers never coerced from text."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)
