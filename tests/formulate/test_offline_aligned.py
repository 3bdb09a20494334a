"""Tables lined up with blanks (issue 17): cells of several words ('Oven 1', 'Rye loaves', 'Heat treat 4h') and
empty cells are found by where every line has a blank, then read as a '|' table. Lines whose words alone give the
columns, and blocks that do not line up, stay as written. Each optimum is cross-checked by brute force."""

from __future__ import annotations

import ordino
from ordino.formulate.offline import extract_offline
from ordino.formulate.offline.aligned import aligned_as_pipes
from tests.differential.brute_schedule import brute_force

OVENS = """Three ovens, each bakes one batch at a time. Bake times in minutes; "-" means that oven can't do
that item.

item         Oven 1   Oven 2   Combi
Sourdough       4        5       -
Rye loaves      6        -       5
Cookies         2        2       1

What is the shortest time until all three batches are out?"""


def _solved(text: str) -> tuple[ordino.Problem, float]:
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    result = ordino.solve(draft.problem, time_limit=10)
    assert result.status == "optimal"
    assert result.objective == brute_force(draft.problem).objective
    return draft.problem, result.objective


def test_columns_of_several_words_and_marks_are_found_where_every_line_has_a_blank():
    lines = aligned_as_pipes(OVENS).split("\n")
    assert lines[3:7] == ["item | Oven 1 | Oven 2 | Combi", "Sourdough | 4 | 5 | -", "Rye loaves | 6 | - | 5",
                          "Cookies | 2 | 2 | 1"]


def test_an_oven_table_with_items_an_oven_cannot_do_is_read_with_its_names():
    problem, best = _solved(OVENS)
    assert {r.id for r in problem.resources} == {"Oven 1", "Oven 2", "Combi"}
    rye = next(t for t in problem.tasks if t.job == "Rye loaves")
    assert sorted((m.resources[0], m.duration) for m in rye.modes) == [("Combi", 5), ("Oven 1", 6)]
    assert best == 5  # Rye in the Combi (5); Sourdough in Oven 1 (4); Cookies in Oven 2 (2)


def test_a_route_table_with_steps_of_two_words_and_a_short_route():
    text = ("Gear cell, times in hours. Ops of a job in the order shown; one job per machine at a time; minimise the "
            "makespan.\n\njob       op1              op2              op3\n"
            "Gear A    Hobber 3h        Heat treat 4h    Grinder 2h\n"
            "Shaft C   Heat treat 3h    Grinder 3h\n")
    problem, best = _solved(text)
    assert {r.id for r in problem.resources} >= {"Heat treat", "Hobber", "Grinder"}
    assert best == 9  # Shaft C: heat treat 0-3, grinder 3-6; Gear A: hobber 0-3, heat treat 3-7, grinder 7-9


def test_lines_split_alike_at_blanks_and_blocks_that_do_not_line_up_stay_as_written():
    same = "job  p  d\nJ1   3  4\nJ2   2  6\n"
    assert aligned_as_pipes(same) == same  # the words alone give the columns
    keyed = "job 1: M1:3, M2:4   r=0  d=14\njob 2: M2:2, M1:3       r=1  d=12\njob 3: M1:2   r=3  d=16\n"
    assert aligned_as_pipes(keyed) == keyed  # a key and its value are no cells of a table
    across = "job      J1 J2 J3\np (days)  2  1  3\ndue (day) 3  2  9\n"
    assert aligned_as_pipes(across) == across  # 'job      J1' would be one cell: the columns do not line up


def test_a_shift_type_table_written_with_pipes_gives_no_periods_of_demand():
    text = ("Hotline open 09:00-15:00. Agents needed per hour, and the shift types (any number of each); find the "
            "cheapest cover, total cost in EUR.\n\n"
            "Hour         Agents needed\n09:00-11:00  3\n11:00-13:00  5\n13:00-15:00  2\n\n"
            "Shift  Hours         Cost (EUR)\nF1     09:00-13:00   88\nF2     11:00-15:00   88\n"
            "P1     13:00-15:00   50\n")
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert len(draft.problem.constraints) == 3  # one cover row per hour block, none from the shift types' hours
    assert ordino.solve(draft.problem, time_limit=10).objective == 440  # F1 x3 covers 9-13, F2 x2 covers 11-15


def test_machines_named_by_number_beside_one_named_otherwise_keep_their_names():
    text = ("3 machines, one part at a time on a machine; a part is done completely on one machine (no splitting). "
            "Minimise total completion time.\n\n"
            "Part    | Mill-1 (old) | Mill-2 | Haas VF-2\nBracket | 3 min        | 2 min  | 2 min\n"
            "Spacer  | 2 min        | n/a    | 1 min\n")
    problem, best = _solved(text)
    assert [r.id for r in problem.resources] == ["Mill-1", "Mill-2", "Haas VF-2"]
    assert best == 3  # Spacer on the Haas (0-1), Bracket on Mill-2 (0-2)


def test_cells_apart_by_tabs_are_cells_even_when_one_holds_an_amount_in_hours():
    text = ("Every piece goes Sanding -> Staining, one piece per station at a time. Minimise the makespan in "
            "minutes.\n\nPiece\tSanding\tStaining\nOak dresser\t1 h\t50 min\nPine shelf\t20 min\t40 min\n")
    assert aligned_as_pipes(text).endswith("Oak dresser | 1 h | 50 min\nPine shelf | 20 min | 40 min\n")
    problem, best = _solved(text)
    assert best == 130  # Pine first: sanding 0-20, staining 20-60; Oak: sanding 20-80, staining 80-130


def test_two_tabs_in_a_row_leave_an_empty_cell():
    assert aligned_as_pipes("Job\tM1\tM2\nA\t\t3\n") == "Job | M1 | M2\nA |  | 3\n"
