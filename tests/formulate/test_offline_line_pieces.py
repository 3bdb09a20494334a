"""Pieces of a job's line and short names (issue 17): 'Line 2 only' and 'Line 1 or Line 3' between commas are the
machines the job may use, never its time; a job line whose only number is a machine's is asked for its time; a
restriction nobody read on a job's line is asked; 'due hour 8'; a station said by a form of its name in a down
time ('the welding station' of a routing sheet's 'Weld'); a description with a short name in brackets used
elsewhere ('the sanding booth (S)'); 'J1: 4 3 | d=9' rows; 'one 5-axis milling unit'. Each optimum is
cross-checked by the brute-force oracle."""

from __future__ import annotations

from tests.differential.brute_schedule import brute_force
from tests.formulate.test_offline_structures import asked, flow_shop, project, solved

PACKING = ("Two packing lines tomorrow, one job per line at a time, a job stays on its line, run time the same on "
           "either line. Hours from the start:\n\n"
           "- Jam jars (glass): 3 h, Line 2 only, due hour 4\n"
           "- Crisps: 2 h, any line, due hour 2\n"
           "- Biscuits: 2 h, Line 1 or Line 2, due hour 3\n\n"
           "Minimise the total lateness past the due hours (zero when on time).")


def test_machines_said_between_commas_on_a_jobs_line_are_where_it_may_run():
    problem, value = solved(PACKING)
    modes = {t.id: sorted(r for m in t.modes for r in m.resources) for t in problem.tasks}
    assert modes == {"Jam jars": ["Line 2"], "Crisps": ["Line 1", "Line 2"], "Biscuits": ["Line 1", "Line 2"]}
    assert value == brute_force(problem).objective


def test_a_jobs_line_whose_only_number_names_its_machine_is_asked_for_the_time():
    questions = asked(PACKING.replace("Jam jars (glass): 3 h, Line 2 only", "Jam jars (glass): Line 2 only, run "
                                      "time still to come from engineering"))
    assert any("Jam jars" in q for q in questions), questions


def test_a_restriction_nobody_reads_on_a_jobs_line_is_asked():
    questions = asked(PACKING.replace("Line 2 only,", "Line 2 only (the glass is heavy),"))
    assert any("Jam jars" in q for q in questions), questions


def test_due_hour_written_with_the_unit_first():
    problem, value = solved("One machine. Minimise the total tardiness in hours.\n- Pils: 3 h, due hour 4\n"
                            "- Helles: 2 h, due hour 2\n- Stout: 1 h, due hour 6\n")
    assert sorted(t.due for t in problem.tasks) == [2, 4, 6]
    assert value == brute_force(problem).objective


ROUTING = ("Routing sheet (hours; every order released at hour 0)\n\n"
           "Order   Op1       Op2       Due\n"
           "A-1     Saw 2     Weld 2    5\n"
           "A-2     Weld 3    Saw 1     6\n\n"
           "Each station (Saw, Weld) does one operation at a time, operations run to completion, and each order's "
           "operations go in the order listed. The welding station is down for maintenance from hour 1 to hour 3. "
           "Minimise the maximum lateness.")


def test_a_down_time_of_a_station_said_by_a_form_of_its_name_in_a_routing_sheet():
    problem, value = solved(ROUTING)
    assert {r.id: r.unavailable for r in problem.resources} == {"Saw": [], "Weld": [(1, 3)]}
    assert value == brute_force(problem).objective


def test_a_down_time_of_a_station_the_sheet_has_under_no_such_name_is_asked():
    questions = asked(ROUTING.replace("The welding station", "The paint booth"))
    assert any("paint booth" in q and "Saw" in q for q in questions), questions


def test_stations_said_with_a_short_name_in_brackets_and_routes_by_the_short_names():
    problem, value = solved("Two stations: the sanding booth (S) and the paint line (P), one part at a time each. "
                            "Minimise the time the last part is done. Routes in minutes:\n"
                            "- Chair: S 10, then P 20\n- Table: P 15, then S 5\n")
    assert sorted(r.id for r in problem.resources) == ["P", "S"]
    assert value == brute_force(problem).objective


def test_an_order_between_tasks_said_by_descriptions_with_their_case_letters():
    problem, value = solved("One mill, one case at a time. Minutes from the start.\n\n"
                            "| case | job | mill time | needed by |\n|---|---|---|---|\n"
                            "| A | Try-in model | 30 | 40 |\n"
                            "| B | Final crown | 20 | 30 |\n| C | Inlay | 10 | 60 |\n\n"
                            "Rule: the try-in model (A) must be finished before the final crown (B) starts.\n"
                            "Minimise the number of late cases.")
    assert [(c.first, c.then) for c in problem.constraints] == [("A", "B")]
    assert value == brute_force(problem).objective


def test_job_rows_with_a_bar_before_their_due_date_and_a_machine_of_a_make():
    problem, value = solved("We have one 5-axis milling unit. Minimise the total tardiness sum T_j.\n"
                            "J1: 4 | d=5\nJ2: 2 | d=3\nJ3: 3 | d=9\n")
    assert [(t.id, t.due) for t in problem.tasks] == [("J1", 5), ("J2", 3), ("J3", 9)]
    assert value == brute_force(problem).objective


def test_names_that_differ_only_by_their_bracket_keep_it_and_an_items_order_is_no_count():
    problem, value = solved("Two identical presses. Minimise the makespan.\nRun lengths in hours:\n"
                            "- caps (blue): 6\n- caps (white): 5\n- pegs: 4\n- spoons for the Lidl order: 3\n")
    assert [t.id for t in problem.tasks] == ["caps (blue)", "caps (white)", "pegs", "spoons for the Lidl"]
    assert value == brute_force(problem).objective == 9


def test_a_table_whose_machine_columns_are_symbols_with_the_machine_in_brackets():
    problem, value = solved("F2 || sum w_j U_j. 3 jobs.\nj | a_j (M1) | b_j (M2) | d_j | w_j\n1 | 3 | 4 | 8 | 2\n"
                            "2 | 5 | 2 | 10 | 3\n3 | 2 | 5 | 9 | 1\nEach job on M1 then M2. Minimise the weighted "
                            "number of late jobs.")
    assert [(t.job, [r for m in t.modes for r in m.resources], t.modes[0].duration) for t in problem.tasks][:2] == \
        [("J1", ["M1"], 3), ("J1", ["M2"], 4)]
    assert value == brute_force(problem).objective


def test_machine_columns_with_a_dash_in_their_ids_and_a_priority_weight_column():
    problem, value = solved("Three racks, two analysers of different models (a rack's run time depends on which "
                            "analyser it goes on). Each rack runs on one analyser, one at a time. Times in minutes.\n"
                            "rack,priority_weight,AN-1,AN-2\nR1,3,4,6\nR2,1,7,5\nR3,2,3,4\n"
                            "Minimise the weighted sum of completion times.")
    assert sorted(r.id for r in problem.resources) == ["AN-1", "AN-2"]
    assert value == brute_force(problem).objective


def test_test_columns_of_a_routing_table_a_none_cell_and_a_defrost_of_one_chamber():
    problem, value = solved("Two chambers, one unit in each at a time; each unit runs its tests in the sequence "
                            "shown, no test interrupted.\nunit | test 1 | test 2\nU-A | Thermal 2 h | Humidity 1 h\n"
                            "U-B | Humidity 2 h | (none)\nThe thermal chamber has a planned defrost from hour 0 to "
                            "hour 1. Minimise the makespan.")
    assert {r.id: r.unavailable for r in problem.resources} == {"Thermal": [(0, 1)], "Humidity": []}
    assert value == brute_force(problem).objective == 4


def test_no_wait_said_of_operations_j_k_and_tardiness_of_the_second_operation_in_a_formula():
    problem, value = solved("F2 | no-wait | C_max. 3 jobs, machines M1 -> M2.\nNo-wait: operation (j, k+1) starts "
                            "exactly when operation (j, k) ends; no buffer.\np(j, M1..M2):\nJ1: 3 4\nJ2: 5 2\n"
                            "J3: 2 5\nMinimise makespan.")
    assert value == brute_force(problem).objective
    problem, value = solved("Each job has two operations, done in order (op 1 then op 2).\n"
                            "| Job | Op | M1 | M2 | Due |\n"
                            "|---|---|---|---|---|\n| J1 | 1 | 4 | - | 7 |\n| J1 | 2 | - | 3 | |\n| J2 | 1 | 5 | - | 6 "
                            "|\n| J2 | 2 | - | 3 | |\nMinimise total tardiness: sum over jobs of max(0, completion of "
                            "op 2 - due).")
    assert value == brute_force(problem).objective


def test_arrives_at_lab_and_result_needed_by_columns_and_the_number_whose_results_are_late():
    problem, value = solved("One instrument, one run at a time, a run cannot be paused.\n"
                            "| Sample | Arrives at lab | Run time (min) | Result needed by |\n|---|---|---|---|\n"
                            "| S1 | 08:00 | 40 | 09:00 |\n| S2 | 08:00 | 25 | 08:45 |\n| S3 | 08:30 | 50 | 10:30 |\n"
                            "The instrument is free from 08:00. Goal: minimise the number of samples whose results "
                            "are late.")
    assert [(t.release, t.due) for t in problem.tasks] == [(0, 60), (0, 45), (30, 150)]
    assert value == brute_force(problem).objective


def test_a_press_still_busy_with_last_weeks_order_is_down_from_the_start():
    problem, value = solved("Two identical presses (P1, P2). Any job on any press, one job at a time per press. Press "
                            "P2 is still finishing last week's order until hour 4, so it can't start anything before "
                            "hour 4.\njob,hours\nA,3\nB,2\nC,4\nMinimise the makespan.")
    assert {r.id: r.unavailable for r in problem.resources} == {"P1": [], "P2": [(0, 4)]}
    assert value == brute_force(problem).objective == 7


def test_a_job_named_by_a_machines_noun_among_other_jobs_and_a_score_in_small_talk():
    problem, value = solved("Every piece is sanded on the drum sander, then sprayed in the booth, one piece at a time "
                            "each. Minimise the time until the last piece is done. Times in minutes:\n"
                            "- Dresser: sanding 45, spraying 30\n- Bench: sanding 15, spraying 35\n"
                            "- Stool: sanding 20, spraying 10\nTa, and well done on the darts Saturday (3 legs to 1!)")
    assert [t.job for t in problem.tasks][::2] == ["Dresser", "Bench", "Stool"]
    assert value == flow_shop([(45, 30), (15, 35), (20, 10)], max)  # (two machines: a permutation is optimal)


def test_resource_capacities_said_in_brackets_or_by_what_the_resource_is():
    tasks = {"1": (3, [], [2, 1]), "2": (2, [], [1, 2]), "3": (4, ["1"], [2, 0]), "4": (2, ["2", "3"], [1, 1])}
    _, value = solved("RCPSP, minimise C_max. Activities 1..4, renewable resources R1 (K1 = 3), R2 (K2 = 2).\n"
                      "p = (3, 2, 4, 2)\nr1 = (2, 1, 2, 1)\nr2 = (1, 2, 0, 1)\nE = {1->3, 2->4, 3->4}")
    assert value == project(tasks, [3, 2])
    _, value = solved("Resources: R1 = design engineers (2 available), R2 = test rigs (2 available). An activity "
                      "starts only when its predecessors have finished.\nID,Dur,Pred,R1,R2\nA,3,-,2,1\nB,2,-,1,2\n"
                      "C,4,A,2,0\nD,2,B;C,1,1\nMinimise the project makespan (weeks).")
    assert value == project({"A": (3, [], [2, 1]), "B": (2, [], [1, 2]), "C": (4, ["A"], [2, 0]),
                             "D": (2, ["B", "C"], [1, 1])}, [2, 2])


def test_route_order_and_release_said_in_notation_are_rules_the_model_holds():
    problem, value = solved("FJc, 2 jobs, machines {M1, M2}. O_{j,k} must follow O_{j,k-1}. All release 0, each op on "
                            "one machine from its set.\nO11: M1=4, M2=6\nO12: M2=3\nO21: M2=5, M1=2\nO22: M1=3\n"
                            "Objective: min C_max.")
    assert value == brute_force(problem).objective


def test_balers_in_a_material_batch_table_and_one_down_until_an_hour():
    problem, value = solved("Two balers, one batch at a time each, a batch runs on one baler. Baler 2 is down for "
                            "maintenance until hour 4. Minimise the number of late batches.\n"
                            "| material batch | Baler 1 | Baler 2 | due (h) |\n|---|---|---|---|\n"
                            "| Cardboard | 3 | 4 | 4 |\n| Cans | - | 2 | 3 |\n| Film | 2 | 2 | 5 |\n")
    assert {r.id: r.unavailable for r in problem.resources} == {"Baler 1": [], "Baler 2": [(0, 4)]}
    assert value == brute_force(problem).objective


def test_a_sentence_saying_which_station_alone_takes_a_kind_of_job_is_asked_when_unread():
    text = ("Two kilns, kiln 1 and kiln 2, one firing at a time each. Kiln 2 is the big one - it's the only one that "
            "can take the stoneware. Minimise the total completion time in hours.\n- Stoneware vase: 4 h\n"
            "- Mugs: 2 h\n- Plates: 3 h\n")
    questions = asked(text)
    assert any("Kiln 2 is the big one" in q for q in questions), questions
    problem, value = solved(text.replace(" Kiln 2 is the big one - it's the only one that can take the stoneware.", ""))
    assert value == brute_force(problem).objective == 2 + 3 + (2 + 4)  # the sentence gone: all is read
