"""Every exact method of the assignment family reaches the known optimum of small rosters."""

from __future__ import annotations

from ordino.models.assignment import RosterProblem
from ordino.models.method import Method
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
