"""`Instance`: a benchmark problem together with its labels (best known value, lower bound, optimality).

Readers may hand an Instance a `Deferred` builder instead of a built Problem: the ontology Problem is then
built and validated on first access to `instance.problem` (reading a whole set stays fast; a problem that
fails validation raises InputError at that point). Deferred builders are plain partials of module-level
functions, so an Instance pickles whether or not its problem was built.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import partial
from typing import Any

from ordino.models import Problem


class Deferred(partial[Problem]):
    """A Problem builder called on first access (a picklable `functools.partial`)."""


def _renamed(build: Deferred | Problem, name: str) -> Problem:
    problem = build() if isinstance(build, Deferred) else build
    return problem.model_copy(update={"name": name})


class _ProblemField:
    """Data descriptor behind `Instance.problem`: builds a Deferred value once, then keeps the Problem."""

    def __get__(self, obj: Instance | None, owner: type | None = None) -> Problem:
        if obj is None:
            raise AttributeError("problem")  # no default: the dataclass field is required
        value = obj.__dict__["_problem"]
        if isinstance(value, Deferred):
            value = value()
            obj.__dict__["_problem"] = value
        return value

    def __set__(self, obj: Instance, value: Problem | Deferred) -> None:
        if not isinstance(value, Problem | Deferred):
            raise TypeError(f"Instance.problem must be a Problem, got {type(value).__name__}")
        obj.__dict__["_problem"] = value


@dataclass(frozen=True)
class Instance:
    """One benchmark instance.

    Attributes
    ----------
    name : str
        Instance name as the literature uses it (``ft10``, ``j301_1``, ``wt40#3``).
    problem : Problem
        The instance in the ontology (built on first access when a reader deferred it).
    best_known : int | None
        Best known objective value (an upper bound for minimisation), None when unknown.
    lower_bound : int | None
        Best known lower bound, None when unknown.
    optimal : bool
        True when `best_known` is a proven optimum.
    source : str
        Where the instance came from (file path, ``path#name`` or a generator spec).
    meta : dict
        Format-specific extras (seeds, class parameters, provenance of labels, ``size`` = (jobs, machines)).
    """

    name: str
    problem: _ProblemField = _ProblemField()
    best_known: int | None = None
    lower_bound: int | None = None
    optimal: bool = False
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def built(self) -> bool:
        """True once the Problem exists (it was given built, or `problem` was accessed)."""
        return not isinstance(self.__dict__["_problem"], Deferred)

    def updated(self, **changes: Any) -> Instance:
        """A copy with some fields changed, without building a deferred problem.

        A new ``name`` also renames the problem (``problem.name``) unless ``problem`` is given.
        """
        values = {f.name: self.__dict__["_problem"] if f.name == "problem" else getattr(self, f.name)
                  for f in fields(self)}
        if "name" in changes and "problem" not in changes and changes["name"] != self.name:
            values["problem"] = Deferred(_renamed, values["problem"], changes["name"])
        values.update(changes)
        return Instance(**values)
