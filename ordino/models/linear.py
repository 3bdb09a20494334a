"""The general linear model family: small allocation LPs and MILPs in a typed, safe form.

Variables are named, constraints and the objective are coefficient maps keyed by variable name. There is no
expression text anywhere: nothing in a model is ever parsed or evaluated as code.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field, field_validator, model_validator

from ordino.models.base import SCHEMA_VERSION, Id, OntologyModel
from ordino.models.results import BaseResult

Sense = Literal["<=", ">=", "=="]


class Variable(OntologyModel):
    """A decision variable: `kind` continuous, integer or binary, with bounds `lower` <= x <= `upper`.

    `None` bounds are infinite; the default lower bound is 0 (non-negative). A binary variable has bounds
    [0, 1] whatever is written.
    """

    name: Id
    kind: Literal["continuous", "integer", "binary"] = "continuous"
    lower: float | None = 0.0
    upper: float | None = None

    @model_validator(mode="after")
    def _check(self) -> Variable:
        for b in (self.lower, self.upper):
            if b is not None and not math.isfinite(b):
                raise ValueError(f"variable {self.name!r}: bounds must be finite numbers or null")
        if self.lower is not None and self.upper is not None and self.upper < self.lower:
            raise ValueError(f"variable {self.name!r}: upper {self.upper} < lower {self.lower}")
        return self

    @property
    def bounds(self) -> tuple[float, float]:
        """(lower, upper) with infinities for missing bounds; [0, 1] for binaries."""
        if self.kind == "binary":
            return 0.0, 1.0
        lo = -math.inf if self.lower is None else self.lower
        hi = math.inf if self.upper is None else self.upper
        return lo, hi


def _finite_terms(terms: dict[str, float], where: str) -> dict[str, float]:
    for name, coef in terms.items():
        if not math.isfinite(coef):
            raise ValueError(f"{where}: coefficient of {name!r} is not a finite number")
    return terms


class LinearConstraint(OntologyModel):
    """sum(coefficient * variable for variable, coefficient in `terms`) `sense` `rhs`; `name` labels it."""

    name: str = ""
    terms: dict[Id, float] = Field(min_length=1)
    sense: Sense
    rhs: float

    @field_validator("terms")
    @classmethod
    def _finite(cls, v: dict[str, float]) -> dict[str, float]:
        return _finite_terms(v, "constraint")


class LinearObjective(OntologyModel):
    """`sense` (min or max) of `constant` + sum(coefficient * variable for variable, coefficient in `terms`)."""

    sense: Literal["min", "max"] = "min"
    terms: dict[Id, float] = Field(default_factory=dict)
    constant: float = 0.0

    @field_validator("terms")
    @classmethod
    def _finite(cls, v: dict[str, float]) -> dict[str, float]:
        return _finite_terms(v, "objective")


class LinearModel(OntologyModel):
    """A linear (mixed-integer) program: named variables, linear constraints, a linear objective."""

    schema_: Literal["ordino/1"] = Field(SCHEMA_VERSION, alias="schema")
    family: Literal["linear"] = "linear"
    name: str = ""
    variables: list[Variable] = Field(min_length=1)
    constraints: list[LinearConstraint] = Field(default_factory=list)
    objective: LinearObjective = Field(default_factory=LinearObjective)

    @model_validator(mode="after")
    def _check_references(self) -> LinearModel:
        names = [v.name for v in self.variables]
        errors = []
        seen: set[str] = set()
        for n in names:
            if n in seen:
                errors.append(f"variable {n!r} is declared twice")
            seen.add(n)
        for k, c in enumerate(self.constraints):
            for n in c.terms:
                if n not in seen:
                    errors.append(f"constraints[{k}]{'(' + c.name + ')' if c.name else ''}: variable {n!r} "
                                  "is not declared in variables")
        for n in self.objective.terms:
            if n not in seen:
                errors.append(f"objective: variable {n!r} is not declared in variables")
        if errors:
            raise ValueError("; ".join(errors))
        return self

    @property
    def is_integer(self) -> bool:
        """True when some variable is integer or binary (a MILP)."""
        return any(v.kind != "continuous" for v in self.variables)


class LinearSolution(OntologyModel):
    """Values of the variables, by name."""

    values: dict[Id, float] = Field(default_factory=dict)


class LinearResult(BaseResult):
    """The outcome of solving a LinearModel: the shared result fields and the variable values."""

    objective: float | None = None
    solution: LinearSolution | None = None
