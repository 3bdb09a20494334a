"""Indexed linear models: sets, parameters and templates expand to exactly the plain model they stand for."""

from __future__ import annotations

import copy
import itertools
import random

import pytest

import ordino
from ordino.errors import InputError
from ordino.models import linear_indexed, load_model, model_from_dict
from tests.conftest import EXAMPLES

PLANTS = {
    "family": "linear", "name": "plants",
    "sets": {"I": ["oven_hours", "flour_kg"], "J": ["bread", "cake"]},
    "params": {"cap": {"oven_hours": 40, "flour_kg": 60},
               "use": {"oven_hours": {"bread": 1, "cake": 2}, "flour_kg": {"bread": 3, "cake": 2}},
               "profit": {"bread": 4, "cake": 5}},
    "indexed_variables": [{"name": "make", "over": ["J"], "kind": "integer", "upper": 100}],
    "indexed_constraints": [{
        "name": "limit", "for_each": {"i": "I"}, "sense": "<=", "rhs": {"param": "cap", "at": ["i"]},
        "terms": [{"coef": {"param": "use", "at": ["i", "j"]}, "var": "make", "at": ["j"], "sum": {"j": "J"}}]}],
    "objective": {"sense": "max", "indexed_terms": [
        {"coef": {"param": "profit", "at": ["j"]}, "var": "make", "at": ["j"], "sum": {"j": "J"}}]},
}


def test_the_indexed_form_is_the_plain_model_renamed():
    compiled = model_from_dict(PLANTS)
    plain = load_model(EXAMPLES / "production_plan.json")
    rename = {"bread": "make[bread]", "cake": "make[cake]"}
    assert [(v.name, v.kind, v.upper) for v in compiled.variables] == \
        [(rename[v.name], v.kind, v.upper) for v in plain.variables]
    assert [({n: c for n, c in c.terms.items()}, c.sense, c.rhs) for c in compiled.constraints] == \
        [({rename[n]: c for n, c in c.terms.items()}, c.sense, c.rhs) for c in plain.constraints]
    assert [c.name for c in compiled.constraints] == ["limit[oven_hours]", "limit[flour_kg]"]
    assert compiled.objective.terms == {rename[n]: c for n, c in plain.objective.terms.items()}
    for method in ("highs", "cpsat"):
        result = ordino.solve(compiled, method=method, time_limit=10, workers=1)
        assert result.status == "optimal" and result.objective == 115
        assert result.solution.values == {"make[bread]": 10.0, "make[cake]": 15.0}


def _with(**changes):
    data = {**PLANTS, **changes}
    return data


@pytest.mark.parametrize(("data", "says"), [
    (_with(sets={"I": ["oven_hours", "flour_kg"]}), "set 'J' is not in sets"),
    (_with(params={k: v for k, v in PLANTS["params"].items() if k != "cap"}), "parameter 'cap' is not in params"),
    (_with(params={**PLANTS["params"], "use": {"oven_hours": {"bread": 1}, "flour_kg": {"bread": 3, "cake": 2}}}),
     "no entry 'oven_hours/cake'"),
    (_with(params={**PLANTS["params"], "profit": {"bread": 4, "cake": "five"}}), "is not a finite number"),
    (_with(indexed_constraints=[{**PLANTS["indexed_constraints"][0], "for_each": {}}]),
     "index 'i' of 'use' is not bound"),
    (_with(indexed_constraints=[{**PLANTS["indexed_constraints"][0], "terms": [
        {"var": "make", "at": ["j", "i"], "sum": {"j": "J"}}]}]), "'make' has 1 index(es), 2 given"),
    (_with(indexed_constraints=[{**PLANTS["indexed_constraints"][0], "terms": [
        {"var": "made", "at": ["i"]}]}]), "variable 'made' is not declared"),
    (_with(indexed_constraints=[{**PLANTS["indexed_constraints"][0], "terms": [
        {"var": "make", "at": ["i"], "sum": {"i": "J"}}]}]), "summed over and also bound"),
])
def test_bad_references_name_the_place(data, says):
    with pytest.raises(InputError, match="indexed_constraints|objective|indexed_variables") as err:
        model_from_dict(data, "plants.json")
    assert says in str(err.value) and str(err.value).startswith("plants.json:")


def test_a_default_fills_a_sparse_parameter_and_bounds_come_from_parameters():
    data = _with(params={**PLANTS["params"], "use": {"oven_hours": {"bread": 1}, "flour_kg": {"cake": 2}},
                         "most": {"bread": 7, "cake": 9}},
                 indexed_variables=[{"name": "make", "over": ["J"], "kind": "integer", "upper": "most"}],
                 indexed_constraints=[{**PLANTS["indexed_constraints"][0], "terms": [
                     {"coef": {"param": "use", "at": ["i", "j"], "default": 0}, "var": "make", "at": ["j"],
                      "sum": {"j": "J"}}]}])
    compiled = model_from_dict(data)
    assert [v.upper for v in compiled.variables] == [7, 9]
    assert [c.terms for c in compiled.constraints] == [{"make[bread]": 1.0}, {"make[cake]": 2.0}]


def test_expansion_is_capped_not_truncated(monkeypatch):
    monkeypatch.setattr(linear_indexed, "MAX_EXPANDED_TERMS", 3)
    with pytest.raises(InputError, match="expands to more than 3 coefficients"):
        model_from_dict(PLANTS)


@pytest.mark.parametrize("seed", range(20))
def test_random_templates_expand_like_loops_written_out(seed):
    rng = random.Random(seed)
    sets = {"A": [f"a{k}" for k in range(rng.randint(1, 4))], "B": [f"b{k}" for k in range(rng.randint(1, 4))]}
    w = {a: {b: rng.randint(-5, 5) for b in sets["B"] if rng.random() < 0.8} for a in sets["A"]}
    rhs = {a: rng.randint(0, 20) for a in sets["A"]}
    data = {"family": "linear", "sets": sets, "params": {"w": w, "r": rhs},
            "indexed_variables": [{"name": "x", "over": ["B"], "upper": 10}, {"name": "y", "over": ["A", "B"],
                                                                               "kind": "binary"}],
            "indexed_constraints": [{"name": "row", "for_each": {"a": "A"}, "sense": ">=",
                                     "rhs": {"param": "r", "at": ["a"]}, "terms": [
                {"coef": {"param": "w", "at": ["a", "b"], "default": 0}, "var": "x", "at": ["b"], "sum": {"b": "B"}},
                {"coef": 2, "var": "y", "at": ["a", "b"], "sum": {"b": "B"}}]}],
            "objective": {"indexed_terms": [{"var": "x", "at": ["b"], "sum": {"b": "B"}}]}}
    compiled = model_from_dict(data)
    for a in sets["A"]:
        expected = {f"x[{b}]": float(w[a].get(b, 0)) for b in sets["B"]}
        expected.update({f"y[{a},{b}]": 2.0 for b in sets["B"]})
        expected = {n: c for n, c in expected.items() if c != 0}
        (row,) = [c for c in compiled.constraints if c.name == f"row[{a}]"]
        assert row.terms == expected and row.rhs == rhs[a] and row.sense == ">="
    assert len(compiled.variables) == len(sets["B"]) * (1 + len(sets["A"]))


LOT_SIZING = {
    "family": "linear", "name": "lot sizing",
    "sets": {"T": ["w1", "w2", "w3", "w4"]},
    "params": {"demand": {"w1": 2, "w2": 3, "w3": 1, "w4": 4}, "cap": 5, "setup": 10, "hold": 1},
    "indexed_variables": [{"name": "make", "over": ["T"], "kind": "integer"},
                          {"name": "stock", "over": ["T"]},
                          {"name": "run", "over": ["T"], "kind": "binary"}],
    "indexed_constraints": [
        {"name": "balance", "for_each": {"t": "T"}, "sense": "==", "rhs": {"param": "demand", "at": ["t"]},
         "terms": [{"var": "stock", "at": ["t-1"]}, {"var": "make", "at": ["t"]},
                   {"coef": -1, "var": "stock", "at": ["t"]}]},
        {"name": "capacity", "for_each": {"t": "T"}, "sense": "<=",
         "terms": [{"var": "make", "at": ["t"]}, {"coef": {"param": "cap", "scale": -1}, "var": "run", "at": ["t"]}]}],
    "objective": {"sense": "min", "indexed_terms": [
        {"coef": {"param": "setup"}, "var": "run", "at": ["t"], "sum": {"t": "T"}},
        {"coef": {"param": "hold"}, "var": "stock", "at": ["t"], "sum": {"t": "T"}}]},
}


def brute_lot_sizing() -> int:
    """Every production plan of 0..5 units a week that never runs short."""
    demand, best = [2, 3, 1, 4], None
    for plan in itertools.product(range(6), repeat=4):
        stock, cost = 0, 0
        for made, need in zip(plan, demand, strict=True):
            stock += made - need
            if stock < 0:
                break
            cost += 10 * (made > 0) + stock
        else:
            best = cost if best is None else min(best, cost)
    assert best is not None
    return best


def test_a_shifted_index_writes_a_stock_balance():
    model = model_from_dict(LOT_SIZING)
    balance = {c.name: c.terms for c in model.constraints if c.name.startswith("balance")}
    assert balance["balance[w1]"] == {"make[w1]": 1.0, "stock[w1]": -1.0}  # no stock before the first week
    assert balance["balance[w3]"] == {"stock[w2]": 1.0, "make[w3]": 1.0, "stock[w3]": -1.0}
    capacity = next(c for c in model.constraints if c.name == "capacity[w2]")
    assert capacity.terms == {"make[w2]": 1.0, "run[w2]": -5.0}
    result = ordino.solve(model, time_limit=10)
    assert result.status == "optimal" and result.objective == brute_lot_sizing() == 27


def test_a_parameter_read_past_the_end_of_its_set_needs_a_default():
    data = copy.deepcopy(LOT_SIZING)
    data["indexed_constraints"][0]["rhs"] = {"param": "demand", "at": ["t+1"]}
    with pytest.raises(InputError, match=r"'demand' at \['t\+1'\] falls outside its set"):
        model_from_dict(data)
    data["indexed_constraints"][0]["rhs"]["default"] = 0
    assert next(c for c in model_from_dict(data).constraints if c.name == "balance[w4]").rhs == 0
