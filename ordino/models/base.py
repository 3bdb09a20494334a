"""Shared pydantic base and field types of the ontology."""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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


class OntologyModel(BaseModel):
    """Base of every ontology type: immutable, unknown fields rejected, integers never coerced from text."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
