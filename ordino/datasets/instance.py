"""`Instance`: a benchmark problem together with its labels (best known value, lower bound, optimality)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ordino.models import Problem


@dataclass(frozen=True)
class Instance:
    """One benchmark instance.

    Attributes
    ----------
    name : str
        Instance name as the literature uses it (``ft10``, ``j301_1``, ``wt40#3``).
    problem : Problem
        The instance in the ontology.
    best_known : int | None
        Best known objective value (an upper bound for minimisation), None when unknown.
    lower_bound : int | None
        Best known lower bound, None when unknown.
    optimal : bool
        True when `best_known` is a proven optimum.
    source : str
        Where the instance came from (file path, ``path#name`` or a generator spec).
    meta : dict
        Format-specific extras (seeds, class parameters, provenance of labels).
    """

    name: str
    problem: Problem
    best_known: int | None = None
    lower_bound: int | None = None
    optimal: bool = False
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def with_labels(self, best_known: int | None = None, lower_bound: int | None = None,
                    optimal: bool | None = None, **meta: Any) -> Instance:
        """A copy with labels filled in (arguments left at None keep the current value)."""
        return replace(
            self,
            best_known=self.best_known if best_known is None else best_known,
            lower_bound=self.lower_bound if lower_bound is None else lower_bound,
            optimal=self.optimal if optimal is None else optimal,
            meta={**self.meta, **meta},
        )
