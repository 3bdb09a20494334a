"""Every exact method of the assignment family reaches the known optimum of small rosters."""

from __future__ import annotations

import itertools

import pytest

from ordino.models.assignment import RosterProblem
from ordino.models.method import Method
from ordino.verify import verify
from tests.models.samples import post_office, relation_roster
from tests.solvers.backends import solve_with


def test_roster_five_on_two_off(roster_method: Method) -> None:
    r = solve_with(post_office([15, 13, 15, 18, 14, 16, 10]), roster_method, time_limit=30)
    assert r.status == "optimal" and not r.violations and r.objective == 22


def test_roster_rules_soft_cover_rest_and_meet(roster_method: Method) -> None:
    p = RosterProblem.model_validate({
        "family": "assignment", "staff": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "shifts": [{"id": "night"}, {"id": "early"}], "days": ["d1", "d2", "d3"],
        "cover": [{"shift": "night", "min": 1}, {"shift": "early", "min": 2, "shortfall_penalty": 10}],
        "rules": [{"type": "forbidden_sequence", "first": "night", "then": "early"},
                  {"type": "count", "per": ["staff"], "max": 2},
                  {"type": "preference", "staff": ["a"], "days": ["d1"], "penalty": 3},
                  {"type": "meet", "max": 1}],
        "objective": [{"term": "total_penalty"}]})
    r = solve_with(p, roster_method, time_limit=10)
    assert r.status == "optimal" and not r.violations
    assert r.objective == 30  # the optimum both back ends agree on


def test_relation_rule_links_counts(roster_method: Method) -> None:
    r = solve_with(relation_roster(), roster_method)
    assert r.status == "optimal" and r.objective == 2 and not r.violations


def decimal_wages() -> RosterProblem:
    """Two days, one shift needing two of three people; wages in pounds and pence, a hire fee for Cy."""
    return RosterProblem.model_validate({
        "family": "assignment", "staff": [{"id": "Ana"}, {"id": "Ben"}, {"id": "Cy", "hire_cost": 0.5}],
        "shifts": [{"id": "day"}], "days": ["Sat", "Sun"], "cover": [{"shift": "day", "min": 2}],
        "costs": [{"staff": ["Ana"], "cost": 10.59}, {"staff": ["Ben"], "cost": 12.25},
                  {"staff": ["Cy"], "cost": 11.1}],
        "rules": [{"type": "count", "per": ["staff"], "max": 1, "staff": ["Ana"]}],
        "objective": [{"term": "total_cost"}, {"term": "staff_count"}]})


def brute_decimal_wages() -> float:
    """Every choice of two people per day, priced in pence (exact), Ana at most once."""
    pence = {"Ana": 1059, "Ben": 1225, "Cy": 1110}
    pairs = list(itertools.combinations(pence, 2))
    best = None
    for sat, sun in itertools.product(pairs, repeat=2):
        if (sat + sun).count("Ana") > 1:
            continue
        used = set(sat + sun)
        total = sum(pence[p] for p in sat + sun) + (50 if "Cy" in used else 0) + 100 * len(used)
        best = total if best is None else min(best, total)
    assert best is not None
    return best / 100


def test_costs_in_pounds_and_pence_are_exact(roster_method: Method) -> None:
    problem = decimal_wages()
    r = solve_with(problem, roster_method, time_limit=10)
    assert r.status == "optimal" and not r.violations
    assert r.objective == brute_decimal_wages() == 48.54  # Ana + Cy one day, Ben + Cy the other, 3 people
    assert verify(problem, r.roster).objective == r.objective


@pytest.mark.parametrize("cost, message", [(10.12345, "more than 4 decimals"), ("10.5", "valid number"),
                                           (-1.5, "greater than or equal to 0")])
def test_bad_amounts_are_refused_with_the_fix(cost, message) -> None:
    data = decimal_wages().model_dump(mode="json", by_alias=True)
    data["costs"][0]["cost"] = cost
    with pytest.raises(ValueError, match=message):
        RosterProblem.model_validate(data)
