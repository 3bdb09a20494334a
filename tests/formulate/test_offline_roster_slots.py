"""Rosters whose table has a column per day and shift ('Mon E', 'Tue N', 'Sat AM'), one row per person, and a cost
or a mark of availability in each cell (issue 17): the shifts as the text declares them ('E = early', 'a Day shift
(D)'), a legend for blank or quoted marks, 'each of the 4 shifts' and 'the three days' said again. A table whose
numbers the text never calls costs, or whose blanks it never explains, is asked. Optima are checked by brute force."""

from __future__ import annotations

from tests.formulate.test_offline_roster_notes import solved
from tests.formulate.test_offline_structures import asked

PICKERS = """Mon-Tue. Two shifts a day (E = early, L = late) and every shift needs 1 picker. Cells give the cost in \
GBP of that person working that shift; a blank cell means they are not available. Nobody works both shifts on the same \
day, and nobody goes over their max shifts.

Picker | Mon E | Mon L | Tue E | Tue L | Max shifts
Ravi   |  10   | 12    |  10   |       | 2
Sofia  |  8    |       |  8    | 9     | 1
Tariq  |       | 20    | 15    | 20    | 2

What is the minimum total cost for the two days?"""

NURSES = """Ward 4B, Monday-Tuesday. Each day has a Day shift (D) and a Night shift (N), and each of the 4 shifts \
needs exactly one nurse. The table gives the cost of each nurse for each shift; "x" means not available.

Nurse | Mon D | Mon N | Tue D | Tue N
------+-------+-------+-------+------
Hana  |  300  |   x   |  300  |   x
Ivo   |  280  |  360  |   x   |  360
Lars  |  350  |  350  |  350  |  350

Rules:
- at most 2 shifts per nurse, and every nurse gets at least 1
- no Day shift the morning after working a Night shift

Minimize total cost."""


def test_a_cost_per_day_and_shift_with_blanks_explained_and_a_column_of_limits():
    problem, best = solved(PICKERS)
    assert problem.people == ["Ravi", "Sofia", "Tariq"] and problem.days == ["Mon", "Tue"]
    assert [s.id for s in problem.shifts] == ["E", "L"]
    assert best == 49  # Sofia Tue L 9, Ravi Mon E and Tue E 10 + 10, Tariq Mon L 20


def test_shifts_named_by_letters_in_brackets_a_quoted_mark_and_a_rule_line_of_plus_signs():
    problem, best = solved(NURSES)
    assert [s.id for s in problem.shifts] == ["D", "N"] and all(c.max == 1 for c in problem.cover)
    assert best == 1280  # Ivo Mon D 280, Lars both nights 350 + 350, Hana Tue D 300


def test_numbers_in_the_slots_never_called_costs_and_blanks_never_explained_are_asked():
    assert asked(PICKERS.replace("Cells give the cost in GBP of that person working that shift; ", "")
                 .replace("What is the minimum total cost for the two days?", "Minimise the total."))
    assert asked(PICKERS.replace("a blank cell means they are not available. ", ""))


def test_a_mark_that_says_who_may_work_makes_a_blank_beside_it_a_no():
    grid = ("Front desk. Shifts AM and PM; each shift needs exactly one person. Y = available. Cost per shift: "
            "Alice 100, Ben 80. Minimise the total cost.\n\nName  | Sat AM | Sat PM | Sun AM | Sun PM\n"
            "Alice |   Y    |   Y    |   Y    |   Y\nBen   |   Y    |        |        |   Y\n")
    problem, best = solved(grid)
    off = {(r.staff[0], r.shifts[0], r.days[0]) for r in problem.rules if r.type == "unavailable"}
    assert off == {("Ben", "PM", "Sat"), ("Ben", "AM", "Sun")}
    assert best == 360  # Ben works Sat AM and Sun PM (80 each); Alice the other two (100 each)


def test_numbers_in_the_slots_beside_a_pay_rate_said_elsewhere_are_no_costs():
    hours = PICKERS.replace("Cells give the cost in GBP of that person working that shift; ",
                            "Everyone is paid $12 an hour; ")
    assert asked(hours)  # the money is a rate; what the numbers in the cells are is asked, never taken for costs
