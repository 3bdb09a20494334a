"""Indexed linear models: sets, parameters, indexed variables and constraint templates, compiled to a plain
`LinearModel` by expanding every index (nothing is parsed or evaluated as code).

"For every plant i in I: the sum over products j in J of use[i][j] * make[j] is at most cap[i]" is written as

    {"name": "capacity", "for_each": {"i": "I"}, "sense": "<=", "rhs": {"param": "cap", "at": ["i"]},
     "terms": [{"coef": {"param": "use", "at": ["i", "j"]}, "var": "make", "at": ["j"], "sum": {"j": "J"}}]}

and becomes one constraint per element of I. A compiled variable is named `make[p1]` (`x[a,b]` for two indices).

An index may be shifted along its (ordered) set: `"at": ["t-1"]` is the element before t, as in a stock balance
"stock[t] = stock[t-1] + make[t] - demand[t]". A term whose shifted index falls outside its set is left out (the
stock before the first period is 0; give an initial stock as a parameter), and a parameter read there takes its
`default` (else it is an error).
"""

from __future__ import annotations

import itertools
import math
import re
from typing import Any, Literal

from pydantic import Field, model_validator

from ordino.models.base import SCHEMA_VERSION, Id, OntologyModel
from ordino.models.linear import LinearConstraint, LinearModel, LinearObjective, Sense, Variable

MAX_EXPANDED_TERMS = 1_000_000
"""The most coefficients an indexed model may expand to (beyond it the model is refused, never truncated)."""


SHIFTED = re.compile(r"^\s*(?P<index>[^\s+-]+)\s*(?P<sign>[+-])\s*(?P<by>\d+)\s*$")
"""An index shifted along its set: `t-1`, `t + 2`."""


class ParamRef(OntologyModel):
    """`scale` times the value of parameter `param` at the elements bound to the index names `at` (in order),
    e.g. {"param": "use", "at": ["i", "j"]} is use[i][j] and {"param": "cap", "at": ["m"], "scale": -1} is
    -cap[m]. A missing entry (also one before the first or after the last element of a shifted index such as
    "t-1") is an error unless `default` is given."""

    param: Id
    at: list[Id] = Field(default_factory=list)
    default: float | None = None
    scale: float = 1.0


class IndexedVariable(OntologyModel):
    """One variable `name[e1,...]` for every combination of elements of the sets `over` (in order), with the
    `kind` of a plain variable; `lower` and `upper` are numbers, null (infinite) or the name of a parameter
    indexed like the variable."""

    name: Id
    over: list[Id] = Field(min_length=1)
    kind: Literal["continuous", "integer", "binary"] = "continuous"
    lower: float | Id | None = 0.0
    upper: float | Id | None = None


class IndexedTerm(OntologyModel):
    """`coef` times variable `var` at the index names `at` (none for a plain variable), added up over every
    element of the sets in `sum` (index name -> set name); `coef` is a number or a parameter reference. An
    index in `at` may be shifted along its set ("t-1": the element before t); where that falls outside the
    set, the term is left out."""

    coef: float | ParamRef = 1.0
    var: Id
    at: list[Id] = Field(default_factory=list)
    sum: dict[Id, Id] = Field(default_factory=dict)


class IndexedConstraint(OntologyModel):
    """For every combination of the sets in `for_each` (index name -> set name; one constraint when empty):
    the sum of the `terms` `sense` `rhs` (a number or a parameter reference). Compiled constraints are named
    `name[e1,...]`."""

    name: str = ""
    for_each: dict[Id, Id] = Field(default_factory=dict)
    terms: list[IndexedTerm] = Field(min_length=1)
    sense: Sense
    rhs: float | ParamRef = 0.0


class IndexedObjective(OntologyModel):
    """`sense` (min or max) of `constant` plus the plain `terms` (variable name -> coefficient) plus the sum of
    the `indexed_terms`."""

    sense: Literal["min", "max"] = "min"
    terms: dict[Id, float] = Field(default_factory=dict)
    indexed_terms: list[IndexedTerm] = Field(default_factory=list)
    constant: float = 0.0


class IndexedLinearModel(OntologyModel):
    """A linear program written with index sets: `sets` (name -> element ids), `params` (name -> a number, or
    nested objects keyed by elements, one level per index), `variables` (plain) and `indexed_variables`,
    `constraints` (plain) and `indexed_constraints`, and an `objective` with plain and indexed terms. Every
    plain linear model is also a valid indexed one."""

    schema_: Literal["ordino/1"] = Field(SCHEMA_VERSION, alias="schema")
    family: Literal["linear"] = "linear"
    name: str = ""
    sets: dict[Id, list[Id]] = Field(default_factory=dict)
    params: dict[Id, Any] = Field(default_factory=dict)
    variables: list[Variable] = Field(default_factory=list)
    indexed_variables: list[IndexedVariable] = Field(default_factory=list)
    constraints: list[LinearConstraint] = Field(default_factory=list)
    indexed_constraints: list[IndexedConstraint] = Field(default_factory=list)
    objective: IndexedObjective = Field(default_factory=IndexedObjective)

    @model_validator(mode="after")
    def _check_sets(self) -> IndexedLinearModel:
        for name, elements in self.sets.items():
            if len(set(elements)) != len(elements):
                raise ValueError(f"sets.{name}: an element is listed twice")
        return self

    def compile(self) -> LinearModel:
        """The plain LinearModel with every index expanded (a ValueError names the place of any bad reference)."""
        return _Compiler(self).model()


def is_indexed(data: object) -> bool:
    """True when a linear model's JSON uses the indexed form."""
    keys = ("sets", "params", "indexed_variables", "indexed_constraints")
    if not isinstance(data, dict):
        return False
    objective = data.get("objective")
    return any(k in data for k in keys) or (isinstance(objective, dict) and "indexed_terms" in objective)


def element_name(base: str, elements: tuple[str, ...]) -> str:
    """`base[e1,e2]` (just `base` without elements)."""
    return f"{base}[{','.join(elements)}]" if elements else base


class _Compiler:
    def __init__(self, model: IndexedLinearModel) -> None:
        self.m = model
        self.size = 0
        self.kinds = {v.name: len(v.over) for v in model.indexed_variables} | {v.name: 0 for v in model.variables}

    def model(self) -> LinearModel:
        variables = [*self.m.variables]
        for k, iv in enumerate(self.m.indexed_variables):
            where = f"indexed_variables[{k}]({iv.name})"
            for combo in self._combos({f"#{n}": s for n, s in enumerate(iv.over)}, where):
                elements = tuple(combo.values())
                variables.append(Variable(name=element_name(iv.name, elements), kind=iv.kind,
                                          lower=self._bound(iv.lower, iv.over, elements, where),
                                          upper=self._bound(iv.upper, iv.over, elements, where)))
        constraints = [*self.m.constraints]
        for k, ic in enumerate(self.m.indexed_constraints):
            where = f"indexed_constraints[{k}]{'(' + ic.name + ')' if ic.name else ''}"
            for combo in self._combos(ic.for_each, where):
                terms = self._terms(ic.terms, combo, ic.for_each, where)
                if not terms:
                    raise ValueError(f"{where}: at {combo} every term is empty")
                constraints.append(LinearConstraint(name=element_name(ic.name, tuple(combo.values())), terms=terms,
                                                    sense=ic.sense,
                                                    rhs=self._value(ic.rhs, combo, ic.for_each, where)))
        objective_terms = dict(self.m.objective.terms)
        for name, coef in self._terms(self.m.objective.indexed_terms, {}, {}, "objective").items():
            objective_terms[name] = objective_terms.get(name, 0.0) + coef
        objective = LinearObjective(sense=self.m.objective.sense, constant=self.m.objective.constant,
                                    terms=objective_terms)
        return LinearModel(name=self.m.name, variables=variables, constraints=constraints, objective=objective)

    def _combos(self, indices: dict[str, str], where: str) -> list[dict[str, str]]:
        for set_name in indices.values():
            if set_name not in self.m.sets:
                raise ValueError(f"{where}: set {set_name!r} is not in sets ({', '.join(self.m.sets) or 'none'})")
        names = list(indices)
        product = itertools.product(*(self.m.sets[indices[n]] for n in names))
        return [dict(zip(names, values, strict=True)) for values in product]

    def _terms(self, terms: list[IndexedTerm], bound: dict[str, str], bound_sets: dict[str, str],
               where: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for k, term in enumerate(terms):
            at = f"{where}.terms[{k}]"
            if term.var not in self.kinds:
                raise ValueError(f"{at}: variable {term.var!r} is not declared")
            if len(term.at) != self.kinds[term.var]:
                raise ValueError(f"{at}: {term.var!r} has {self.kinds[term.var]} index(es), {len(term.at)} given")
            clash = set(term.sum) & set(bound)
            if clash:
                raise ValueError(f"{at}: index {sorted(clash)[0]!r} is summed over and also bound outside")
            sets = {**bound_sets, **term.sum}
            for combo in self._combos(term.sum, at):
                scope = {**bound, **combo}
                elements = [self._element(i, scope, sets, at) for i in term.at]
                if None in elements:
                    continue  # a shifted index outside its set: the term is left out
                name = element_name(term.var, tuple(e for e in elements if e is not None))
                out[name] = out.get(name, 0.0) + self._value(term.coef, scope, sets, at)
                self.size += 1
                if self.size > MAX_EXPANDED_TERMS:
                    raise ValueError(f"{at}: the model expands to more than {MAX_EXPANDED_TERMS:,} coefficients")
        kept = {n: c for n, c in out.items() if c != 0.0}
        return kept or dict(list(out.items())[:1])  # all cancelled: one zero term keeps the row (0 sense rhs)

    def _element(self, index: str, scope: dict[str, str], sets: dict[str, str], where: str,
                 of: str = "") -> str | None:
        """The element an index (possibly shifted, "t-1") stands for; None when the shift leaves its set."""
        shifted = SHIFTED.match(index)
        name = shifted.group("index") if shifted else index
        if name not in scope:
            raise ValueError(f"{where}: index {name!r}{of} is not bound (for_each or sum)")
        if not shifted:
            return scope[name]
        elements = self.m.sets[sets[name]]
        step = int(shifted.group("by")) * (1 if shifted.group("sign") == "+" else -1)
        position = elements.index(scope[name]) + step
        return elements[position] if 0 <= position < len(elements) else None

    def _value(self, value: float | ParamRef, scope: dict[str, str], sets: dict[str, str], where: str) -> float:
        if not isinstance(value, ParamRef):
            return float(value)
        if value.param not in self.m.params:
            raise ValueError(f"{where}: parameter {value.param!r} is not in params")
        keys = [self._element(i, scope, sets, where, of=f" of {value.param!r}") for i in value.at]
        if None in keys:
            if value.default is None:
                raise ValueError(f"{where}: {value.param!r} at {value.at} falls outside its set (give a default on "
                                 "the reference)")
            return value.scale * value.default
        return value.scale * self._lookup(value.param, [k for k in keys if k is not None], value.default, where)

    def _lookup(self, param: str, keys: list[str], default: float | None, where: str) -> float:
        node: Any = self.m.params[param]
        for depth, key in enumerate(keys):
            if not isinstance(node, dict):
                raise ValueError(f"{where}: parameter {param!r} has {depth} index(es), {len(keys)} given")
            if key not in node:
                if default is not None:
                    return default
                raise ValueError(f"{where}: parameter {param!r} has no entry {'/'.join(keys[:depth + 1])!r} "
                                 "(give it, or a default on the reference)")
            node = node[key]
        if isinstance(node, bool) or not isinstance(node, int | float) or not math.isfinite(node):
            raise ValueError(f"{where}: parameter {param!r} at {'/'.join(keys) or '(no index)'} is not a finite "
                             f"number")
        return float(node)

    def _bound(self, value: float | str | None, over: list[str], elements: tuple[str, ...],
               where: str) -> float | None:
        if value is None or isinstance(value, int | float):
            return value
        return self._lookup(value, list(elements), None, where)
