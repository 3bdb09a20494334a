"""Shared pydantic base and field types of the ontology."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SCHEMA_VERSION = "ordino/1"

Id = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
NonNegInt = Annotated[int, Field(ge=0, strict=True)]
PosInt = Annotated[int, Field(gt=0, strict=True)]
Time = Annotated[int, Field(strict=True)]
Interval = tuple[NonNegInt, NonNegInt]


class OntologyModel(BaseModel):
    """Base of every ontology type: immutable, unknown fields rejected, integers never coerced from text."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
