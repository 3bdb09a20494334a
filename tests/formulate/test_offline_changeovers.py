"""Changeovers between kinds of job given as a table (`offline.changeovers`): the job table's kind column, the
jobs as the kinds, and the machine's state at time 0. Each optimum is checked by trying every order."""

from __future__ import annotations

import itertools

from tests.differential.brute_schedule import brute_force
from tests.formulate.test_offline_structures import asked, solved


def best_order(p: dict[str, int], kind: dict[str, str], change: dict[tuple[str, str], int], first: str | None,
               cost=max) -> int:
    """Least `cost` of the finishing times over every order on one machine, with the changeover before each job
    from the kind before it (from `first` for the first job)."""
    best = None
    for order in itertools.permutations(p):
        t, ends, before = 0, {}, first
        for j in order:
            t += (change.get((before, kind[j]), 0) if before is not None else 0) + p[j]
            ends[j] = t
            before = kind[j]
        value = cost(ends.values()) if cost is max else cost(ends)
        best = value if best is None else min(best, value)
    assert best is not None
    return best


BOOTH = ("Spray booth, one order at a time.\n\n"
         "| Order | Colour | Spray (min) | Due (min) |\n|---|---|---|---|\n"
         "| A1 | Red | 30 | 40 |\n| A2 | White | 20 | 30 |\n| A3 | Red | 10 | 90 |\n| A4 | Black | 25 | 60 |\n\n"
         "Changeover (min), row = colour just sprayed, column = next colour:\n"
         "| from \\ to | White | Red | Black |\n|---|---|---|---|\n"
         "| White | 0 | 10 | 15 |\n| Red | 20 | 0 | 10 |\n| Black | 30 | 25 | 0 |\n\n"
         "At minute 0 the booth is already set up for White. Minimise the total tardiness in minutes.")


def test_a_table_of_changeovers_between_colours_and_the_colour_set_up_at_the_start():
    problem, best = solved(BOOTH)
    booth = problem.resources[0]
    assert booth.initial_family == "White" and {t.id: t.family for t in problem.tasks}["A4"] == "Black"
    change = {(s.before, s.after): s.time for s in booth.setups}
    assert change[("Red", "White")] == 20 and ("Red", "Red") not in change
    p = {"A1": 30, "A2": 20, "A3": 10, "A4": 25}
    kind = {"A1": "Red", "A2": "White", "A3": "Red", "A4": "Black"}
    due = {"A1": 40, "A2": 30, "A3": 90, "A4": 60}
    assert best == best_order(p, kind, change, "White",
                              cost=lambda ends: sum(max(0, e - due[j]) for j, e in ends.items()))


def test_a_clean_row_is_the_state_at_the_start_and_the_jobs_may_be_the_colours():
    text = ("Extrusion line, one colour at a time. Run times in minutes:\n\ncolour run_min\nWhite 45\nRed 40\n"
            "Black 25\n\nChangeover times in minutes (from the row colour to the column colour):\n\n"
            "from\\to   White   Red  Black\nclean        10    12     15\nWhite         -     15     20\n"
            "Red          35     -     10\nBlack        45    28      -\n\n"
            "Find the run order that minimises the makespan.")
    problem, best = solved(text)
    assert problem.resources[0].initial_family == "clean"
    change = {(s.before, s.after): s.time for s in problem.resources[0].setups}
    assert best == best_order({"White": 45, "Red": 40, "Black": 25}, {c: c for c in ("White", "Red", "Black")},
                              change, "clean")


def test_a_changeover_table_read_in_part_or_a_kind_it_does_not_name_is_asked():
    assert asked(BOOTH.replace("| Red | 20 | 0 | 10 |", "| Red | 20 | 0 | x |"))
    assert asked(BOOTH.replace("| A4 | Black |", "| A4 | Green |"))


def test_one_changeover_between_any_two_families_given_in_a_family_column():
    text = ("One mill. Orders belong to material families; switching from an order of one family to an order of a "
            "different family needs a 15-minute changeover, consecutive orders of the same family need none, and the "
            "first order on the mill needs no changeover. Minimise the total completion time in minutes.\n\n"
            "Order  Family  Minutes\nO1     A       30\nO2     B       25\nO3     A       20\n")
    problem, value = solved(text)
    setups = {(s.before, s.after): s.time for r in problem.resources for s in r.setups}
    assert setups == {("A", "B"): 15, ("B", "A"): 15}
    assert value == min(sum(itertools.accumulate(
        p + (15 if k and fam != order[k - 1][1] else 0) for k, (p, fam) in enumerate(order)))
        for order in itertools.permutations([(30, "A"), (25, "B"), (20, "A")]))


def test_one_changeover_between_families_without_any_job_s_family_is_asked():
    text = ("One mill. Switching from an order of one family to an order of a different family needs a 15-minute "
            "changeover. Orders: O1 30 min, O2 25 min, O3 20 min. Minimise the total completion time.")
    assert asked(text)


def test_a_changeover_table_in_csv_with_a_start_row_and_dashes_on_its_diagonal():
    text = ("Extruder line, four runs to schedule today, one at a time, time 0 = now. All times in minutes.\n\n"
            "job,proc_min,due_min\nA,12,20\nB,8,30\nC,15,45\nD,10,35\n\n"
            "Changeover (setup) minutes before a run, depending on what ran just before it (rows = previous, "
            "columns = next; \"start\" = the line is currently empty):\n\n"
            "from\\to,A,B,C,D\nstart,3,5,4,2\nA,-,4,7,3\nB,6,-,2,5\nC,3,8,-,6\nD,5,3,4,-\n\n"
            "A run finishes when its processing is done (its setup comes right before it). Minimise total tardiness "
            "over the four runs, in minutes.")
    problem, best = solved(text)
    assert problem.resources[0].initial_family == "start"
    rows = {"start": [3, 5, 4, 2], "A": [0, 4, 7, 3], "B": [6, 0, 2, 5], "C": [3, 8, 0, 6], "D": [5, 3, 4, 0]}
    change = {(a, b): v for a, row in rows.items() for b, v in zip("ABCD", row, strict=True)}
    due = {"A": 20, "B": 30, "C": 45, "D": 35}
    assert best == best_order({"A": 12, "B": 8, "C": 15, "D": 10}, {j: j for j in "ABCD"}, change, "start",
                              cost=lambda ends: sum(max(0, e - due[j]) for j, e in ends.items()))
    assert asked(text.replace("C,3,8,-,6", "C,3,8,-"))  # a row one cell short


def test_a_caption_over_a_blank_line_and_a_unit_in_words_with_a_clean_start_row():
    text = ("Three batches go through the same mixing tank, one after the other.\n\n"
            "| Batch | Colour | Mix (min) |\n|---|---|---|\n"
            "| B1 | White | 50 |\n| B2 | Red | 40 |\n| B3 | White | 30 |\n\n"
            "Cleaning time in minutes before the next batch can start:\n\n"
            "| from \\ to | White | Red |\n|---|---|---|\n"
            "| clean tank | 5 | 12 |\n| White | – | 8 |\n| Red | 25 | – |\n\n"
            "Minimise the time until the last batch is finished, in minutes.")
    problem, best = solved(text)
    assert problem.resources[0].initial_family == "clean tank"
    p, kind = {"B1": 50, "B2": 40, "B3": 30}, {"B1": "White", "B2": "Red", "B3": "White"}
    change = {("clean tank", "White"): 5, ("clean tank", "Red"): 12, ("White", "Red"): 8, ("Red", "White"): 25,
              ("White", "White"): 0, ("Red", "Red"): 0}
    assert best == best_order(p, kind, change, "clean tank")  # the whites together, then red: 5 + 80 + 8 + 40
    assert solved(text.replace("in minutes before", "(minutes) before"))[1] == best  # (it crashed on 'minutes')


def test_a_table_between_orders_that_also_have_a_colour_column():
    text = ("One coating line, one order at a time; the line is clean at time 0.\n\n"
            "Order | Colour | Time (min)\nP | Grey | 7\nQ | Blue | 5\nR | Grey | 9\n\n"
            "Changeover times in minutes (row = previous order, column = next order):\n\n"
            "from \\ to | P | Q | R\nclean | 2 | 4 | 3\nP | - | 6 | 1\nQ | 5 | - | 8\nR | 2 | 7 | -\n\n"
            "Minimise the makespan.")
    problem, best = solved(text)
    change = {(s.before, s.after): s.time for s in problem.resources[0].setups}
    assert change[("Q", "R")] == 8 and problem.resources[0].initial_family == "clean"
    assert best == best_order({"P": 7, "Q": 5, "R": 9}, {j: j for j in "PQR"}, change, "clean")


CLEAN = ("Single mixing line, three paint batches, one at a time. The line starts clean, so the first batch only needs "
         "its 'from clean' setup. Times in minutes.\n\n"
         "| Batch | Mixing time | Setup from clean |\n|---|---|---|\n| White | 20 | 5 |\n| Red | 30 | 10 |\n"
         "| Black | 35 | 8 |\n\n"
         "Changeover (row = previous batch, column = next batch):\n\n"
         "| from \\ to | White | Red | Black |\n|---|---|---|---|\n| White | \u2013 | 8 | 10 |\n"
         "| Red | 20 | \u2013 | 6 |\n| Black | 30 | 25 | \u2013 |\n\n"
         "Minimize the time at which the last batch is finished.")


def test_a_setup_column_from_clean_beside_changeovers_is_the_setup_of_the_first_batch_only():
    p = {"White": 20, "Red": 30, "Black": 35}
    change = {("White", "Red"): 8, ("White", "Black"): 10, ("Red", "White"): 20, ("Red", "Black"): 6,
              ("Black", "White"): 30, ("Black", "Red"): 25,
              ("clean", "White"): 5, ("clean", "Red"): 10, ("clean", "Black"): 8}
    assert solved(CLEAN)[1] == best_order(p, {j: j for j in p}, change, "clean") == 5 + 20 + 8 + 30 + 6 + 35
    assert asked(CLEAN.replace("Setup from clean", "Setup"))  # each job's own time, or from clean: asked
    assert asked(CLEAN.replace("| White | 20 | 5 |", "| Ivory | 20 | 5 |"))  # a batch no changeover names


def test_one_changeover_said_for_both_ways_between_the_two_materials_of_a_column_and_the_state_at_the_start():
    text = ("Two identical lathes, one order at a time per lathe, each order entirely on one lathe.\n\n"
            "order,material,run_min\nP1,brass,20\nP2,steel,15\nP3,brass,10\n\n"
            "Switching a lathe from brass to steel or from steel to brass takes 10 min; consecutive orders of the "
            "same material need no changeover. Both lathes are currently set up for brass. Minimise the makespan.")
    problem, value = solved(text)
    setups = {(s.before, s.after): s.time for r in problem.resources for s in r.setups}
    assert setups == {("brass", "steel"): 10, ("steel", "brass"): 10}
    assert value == brute_force(problem).objective == 30  # P1 then P3 on one lathe; steel after 10 on the other


def test_a_changeover_said_between_two_kinds_named_on_the_jobs_lines():
    text = ("One laser cutter. Minimise the total completion time in minutes.\n"
            "- Menu boards: acrylic, 30 min\n- Favours: plywood, 20 min\n- Panels: acrylic, 10 min\n"
            "Every time we switch between acrylic and plywood we lose 15 minutes on changeover. No changeover "
            "between two jobs of the same material.")
    problem, value = solved(text)
    assert value == brute_force(problem).objective
    assert value == min(sum(itertools.accumulate(
        p + (15 if k and kind != order[k - 1][1] else 0) for k, (p, kind) in enumerate(order)))
        for order in itertools.permutations([(30, "a"), (20, "p"), (10, "a")]))
