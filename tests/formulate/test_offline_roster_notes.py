"""Rosters written as notes: staff, days and shifts as ranges and sets, demand vectors and tuples, limits,
unavailability lists, successions, costs with extras, and goals over the busiest person. Each is read whole or
not at all (then asked), and every optimum is cross-checked with the brute-force oracle of the differential tests."""

from __future__ import annotations

import ordino
from ordino.formulate.offline import extract_offline
from ordino.formulate.offline.roster_notes import read_roster_notes
from ordino.models.assignment import RosterProblem
from tests.differential.brute_assignment import brute_roster
from tests.formulate.test_offline_structures import asked


def solved(text: str) -> tuple[RosterProblem, float]:
    """The roster read from `text` through the offline front door, and its optimum, checked by brute force."""
    draft = extract_offline(text)
    assert isinstance(draft.problem, RosterProblem), [q.text for q in draft.missing]
    result = ordino.solve(draft.problem, time_limit=10)
    assert result.status == "optimal"
    assert brute_roster(draft.problem).objective == result.objective
    return draft.problem, result.objective


def test_a_single_shift_roster_in_notes_keeps_its_names_and_prices_each_shift():
    text = ("Staff P1..P3, days 1..4, one shift per day.\n"
            "need_d >= (1, 2, 1, 2)\n"
            "Unavailable: P1 {2}; P3 {4}\n"
            "per person: <= 2 shifts\n"
            "cost/shift: P1 10, P2 20, P3 30\n"
            "min total cost.")
    problem, best = solved(text)
    assert problem.people == ["P1", "P2", "P3"] and problem.days == ["D1", "D2", "D3", "D4"]
    assert [c.min for c in problem.cover] == [1, 2, 1, 2] and all(c.max is None for c in problem.cover)
    assert best == 120  # six shifts, at most two each: everyone works two (10 + 20 + 30) * 2


def test_weekday_names_on_numbered_days_and_a_weekend_surcharge():
    text = ("Nurses N1-N3, days 1-7 (Mon-Sun), one shift type.\n"
            "r = (1, 1, 1, 1, 1, 1, 1) (at least)\n"
            "Unavailable: N1 {6, 7}; N2 Sat\n"
            "Cost per shift: c = (10, 20, 30) for N1..N3, plus 5 for each shift on day 6 or 7.\n"
            "Minimise total cost.")
    problem, best = solved(text)
    assert problem.days == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert best == 5 * 10 + (30 + 5) + (20 + 5)  # N1 on weekdays, N3 on Saturday, N2 on Sunday


def test_two_shifts_exact_cover_successions_and_the_busiest_nights():
    text = ("staff P1-P3, days 1..3, shifts D (day) and N (night)\n"
            "exactly 1 person per shift per day; <= 1 shift per person per day\n"
            "forbidden successions (day t -> t+1): N->D\n"
            "P3: never N.\n"
            "objective: min max_i (#N shifts of P_i)")
    problem, best = solved(text)
    assert problem.objective[0].term == "max_shifts" and problem.objective[0].shifts == ["N"]
    assert all(c.min == c.max == 1 for c in problem.cover)
    assert best == 2  # three nights for P1 and P2 only


def test_tuples_per_day_and_each_persons_limit_and_the_fewest_staff():
    text = ("Staff S1..S4, days D1..D2, shifts A and B. Need (A,B): D1 (1,1), D2 (2,1); at least that many per "
            "shift.\n<= 1 shift/person/day. Max shifts per week: S1 2, S2 2, S3 1, S4 2.\n"
            "Unavailable: S1 D2; S4 never shift A.\n"
            "min number of distinct staff used (working >= 1 shift).")
    problem, best = solved(text)
    assert problem.objective[0].term == "staff_count"
    assert best == 3  # day 2 needs three people; S1 is away that day


def test_a_list_with_an_item_it_cannot_read_is_asked_not_dropped():
    text = ("Staff P1..P3, days 1..3, one shift per day.\nneed_d >= (1, 1, 1)\n"
            "Unavailable: P1 d2; P2 on most Fridays; P3 d3\ncost/shift: P1 1, P2 2, P3 3\nmin total cost.")
    assert read_roster_notes(text) is None
    assert asked(text)
    assert read_roster_notes(text.replace("; P2 on most Fridays", "")) is not None


def test_a_person_without_a_cost_is_asked():
    text = ("Staff P1..P3, days 1..3, one shift per day.\nneed_d >= (1, 1, 1)\n"
            "cost/shift: P1 1, P2 2\nmin total cost.")
    assert read_roster_notes(text) is None
    assert asked(text)
