"""Terse symbol lines, tables with columns of words and clock times, restated counts and goals spelled out: each
read into the model a careful reader would write (every optimum below is worked out by hand in its comment)."""

from __future__ import annotations

import itertools

import pytest

import ordino
from ordino.formulate.offline import extract_offline
from tests.differential.brute_schedule import brute_force
from tests.formulate.test_offline_structures import (
    asked,
    flow_shop,
    job_shop,
    least_max_lateness,
    single_machine,
    solved,
)


def test_symbol_lines_of_a_project_are_read_by_what_each_symbol_is():
    text = ("RCPSP, 4 activities, 2 resources, capacities R1 = 3, R2 = 2\n"
            "d   = (2, 3, 1, 2)\nr_1 = (2, 2, 1, 1)\nr_2 = (1, 0, 2, 1)\nE = {1→3, 2→4}\nmin C_max?")
    problem, best = solved(text)
    assert [t.modes[0].duration for t in problem.tasks] == [2, 3, 1, 2]
    assert {r.id: r.capacity for r in problem.resources} == {"r1": 3, "r2": 2}
    assert [(c.first, c.then) for c in problem.constraints] == [("J1", "J3"), ("J2", "J4")]
    assert best == 6  # 1 and 2 never overlap (2 + 2 > 3): 2 first, then 1 beside 4, then 3
    # 'd' read as the durations of a project, then 'p' as well: never one silently written over the other
    assert asked(text.replace("d   = (2, 3, 1, 2)", "d   = (9, 9, 9, 9)\np   = (2, 3, 1, 2)"))


def test_predecessor_sets_and_a_capacity_vector_are_read():
    text = ("n = 3 jobs, K = 1 renewable resource, R = (2), non-preemptive\n"
            "p_j : 2 2 3\nr_j1 : 1 1 2\nPred(3) = {1, 2}\nobjective: min C_max")
    assert asked(text)  # 'R = (2)' is one number, no vector: the capacity is asked
    _, best = solved(text.replace("R = (2)", "R1 = 2"))
    assert best == 5  # 1 and 2 side by side (1 + 1 <= 2), then 3


def test_two_machine_columns_marked_by_machine_are_a_flow_shop():
    text = "F2 || C_max, n = 3\n\nj   : 1 2 3\na_j : 3 5 1   (M1)\nb_j : 4 2 6   (M2)\n\nreport the optimum"
    _, best = solved(text)
    assert best == 13  # Johnson: 3, 1, 2 gives M2 busy 1-7, 7-11, 11-13


def test_a_column_of_words_with_ids_and_clock_due_times_against_the_first_run():
    text = ("HPLC queue. First run 06:00. One instrument, one batch at a time.\n\n"
            "Batch | Project         | Run time (min) | Due\n"
            "B1    | Lot 2231 check  | 30             | 06:45\n"
            "B2    | Stability T6    | 20             | 06:30\n\n"
            "Minimise the total tardiness in minutes.")
    problem, best = solved(text)
    assert [t.due for t in problem.tasks] == [45, 30]
    assert best == 5  # B2 then B1: B1 ends at 50, due 45


def test_a_machine_under_maintenance_until_a_clock_time_is_down_from_the_start():
    text = ("We start at 6:00. Two parts, each with its own routing, times in hours:\n"
            "- Shaft: lathe 2 h, then mill 1 h\n- Flange: mill 2 h, then lathe 1 h\n"
            "The mill is in maintenance until 8:00. Minimise the makespan in hours.")
    _, best = solved(text)
    assert best == 5  # the mill works from hour 2: shaft's mill 2-3 and flange's 3-5 (or flange first: 2-4,
    # lathe 4-5 and shaft's mill 4-5): 5 either way


def test_counts_restating_the_named_machines_and_their_number_are_no_question():
    text = ("Fab shop - 2 jobs, 3 work centres (Saw, Weld, Paint), one job at a time per centre.\n\n"
            "| Job | Route (centre: hours)        |\n|-----|------------------------------|\n"
            "| A   | Saw: 2 > Weld: 1 > Paint: 1  |\n| B   | Weld: 2 > Saw: 1 > Paint: 2  |\n\n"
            "Minimise the makespan (hours).")
    _, best = solved(text)
    assert best == 6  # neither paint step starts before 3 (A: saw, weld; B: weld, saw), and paint carries 1 + 2


def test_an_arrow_chain_of_steps_names_the_columns_of_a_table():
    text = ("3 orders, 2 stations in series. Route is Cut -> Edge band for every order, and the order sequence "
            "is the same at both (no overtaking). Minutes:\n\n"
            "ORDER  CUT  EDGE\nK-01     3     2\nK-02     1     4\nK-03     2     2\n\n"
            "Shortest total time from the first cut to the last order off edge banding?")
    _, best = solved(text)
    assert best == 9  # Johnson: K-02, K-03, K-01: edge busy 1-5, 5-7, 7-9


def test_goals_spelled_out_as_sums_win_over_a_phrase_of_the_whole():
    base = ("Three orders go cutting -> sewing, the same sequence in both sections. Times in minutes:\n"
            "A: cutting 2, sewing 4\nB: cutting 3, sewing 1\nC: cutting 1, sewing 2\n")
    summed, best = solved(base + "We want the orders to come out on average as early as possible: the smallest "
                                 "total of the three finishing times?")
    assert [t.term for t in summed.objective] == ["total_completion_time"]
    assert best == 18  # C, A, B ends at 3, 7, 8 (C, B, A at 3, 5, 10); the four other orders give 20 or more
    spanned, _ = solved(base + "Minimise the total time until every order is finished.")
    assert [t.term for t in spanned.objective] == ["makespan"]
    # the end of one order is no makespan while others may end after it: asked, with the makespan to choose
    assert any("when B is done" in q for q in asked(base + "Minimise the total time until B is finished."))


def test_periods_counted_and_their_demand_vector_are_a_cover():
    from ordino.formulate.offline import extract_offline

    text = ("Cyclic day, 4 periods of 6 h (starting 00:00, 06:00, 12:00, 18:00).\n"
            "Min staff per period: b = (2, 4, 3, 1).\n"
            "Shifts are 12 h and start at the beginning of any period (period 4 wraps to period 1).\n"
            "x_t = # starting in t, integer >= 0. min sum x_t s.t. coverage.")
    assert extract_offline(text).family == "linear"
    _, best = solved(text)
    assert best == 5  # periods 1+2 need 4 and 3+4 need 1 (5 at least); x = (2, 2, 1, 0) covers all four


def test_a_weekly_requirement_vector_over_mon_to_sun_with_a_min_number_goal():
    text = ("Days-off scheduling. Weekly requirement b = (Mon..Sun) = (3, 3, 3, 3, 3, 1, 1) workers.\n"
            "Every worker works 5 consecutive days and then has 2 consecutive days off; the pattern repeats weekly.\n"
            "min number of workers (integer).")
    _, best = solved(text)
    assert best == 4  # 17 worker-days at 5 each need 4; three work Mon-Fri and one Wed-Sun


def test_a_table_of_steps_on_named_machines_is_a_flexible_shop():
    text = ("Each order is picked, then packed. A picker or a table handles one order at a time. Times in minutes.\n\n"
            "| Order | Pick (Ana) | Pick (Bo) | Pack (T1) | Pack (T2) |\n|---|---|---|---|---|\n"
            "| A     | 10         | 20        | 5         | n/a       |\n"
            "| B     | 20         | 10        | 5         | 10        |\n\n"
            "Minimise the makespan.")
    problem, best = solved(text)
    assert [sorted(r for m in t.modes for r in m.resources) for t in problem.tasks] == [
        ["Ana", "Bo"], ["T1"], ["Ana", "Bo"], ["T1", "T2"]]
    assert best == 20  # both picks end at 10 at best; A packs only on T1, so one of the packs ends at 20


def test_semicolons_part_the_operations_and_commas_the_machines_of_a_flexible_shop():
    text = ("n=2, 2 machines, flexible routing. O_jk: machine→time\nJ1: M1→4, M2→5 ; M2→3\nJ2: M2→2 ; M1→5, M2→4\n"
            "(';' separates a job's two operations, in order.) Objective min makespan.")
    problem, best = solved(text)
    assert [len(t.modes) for t in problem.tasks] == [2, 1, 1, 2]
    assert best == 9  # J2's first step holds M2 0-2; J1 on M1 0-4 then M2 4-7 leaves J2 M1 4-9 (or M2 to 11);
    # J1 on M2 2-7 pushes its second step to 10: no order ends before 9
    assert asked(text.replace("flexible routing", "routing"))  # without 'flexible': steps or choices? asked


def test_prose_wrapped_at_a_fixed_width_is_read_as_its_sentences():
    from ordino.formulate.offline.text import unwrap_lines

    wrapped = ("an activity starts only when all its predecessors are finished. Please minimise the\n"
               "number of weeks to complete all of the activities listed.\nid;weeks\nA;2")
    assert unwrap_lines(wrapped).startswith("an activity starts only when all its predecessors are finished. Please "
                                            "minimise the number of weeks")
    assert unwrap_lines(wrapped).endswith("listed.\nid;weeks\nA;2")  # a table's header under it stays a line


def test_vectors_of_a_two_machine_flow_shop_with_the_machine_in_brackets_before_the_values():
    text = ("F2 || sum C_j, n = 3.\na_j (M1): 4, 1, 2\nb_j (M2): 2, 3, 1\nC_j = completion on M2. Find min sum C_j.")
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    durations = {t.id: t.modes[0].duration for t in draft.problem.tasks}
    assert [durations[f"J{j}.{k}"] for j in (1, 2, 3) for k in (1, 2)] == [4, 2, 1, 3, 2, 1]
    assert ordino.solve(draft.problem, time_limit=10).objective == brute_force(draft.problem).objective == 18
    cut = extract_offline(text.replace("(M1)", "(Cut)").replace("(M2)", "(Weld)").replace("on M2", "on Weld"))
    assert cut.problem is not None and [r.id for r in cut.problem.resources] == ["Cut", "Weld"]


def test_tuples_of_a_two_machine_flow_shop_in_johnsons_letters_with_their_meaning_said():
    text = ("F2 || sum w_j C_j\n3 jobs, (a_j, b_j, w_j) = processing time on M1, on M2, weight:\n"
            "J1 (4, 6, 2), J2 (7, 3, 1), J3 (2, 5, 3).\nC_j = completion on M2. Minimise sum w_j C_j.")
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert {j.id: j.weight for j in draft.problem.jobs} == {"J1": 2, "J2": 1, "J3": 3}
    assert ordino.solve(draft.problem, time_limit=10).objective == brute_force(draft.problem).objective
    assert asked(text.replace("on M1, on M2, weight", "weight, on M1, on M2"))  # said otherwise: asked


def test_rows_that_end_with_their_weight_and_an_index_range_said_again():
    text = ("F3 | prmu | sum w_j C_j\nPermutation flow shop (same job sequence on all 3 machines). All r_j = 0.\n"
            "p_jk, k = 1..3, and weights w_j:\nJ1: 3 4 2 | w=2\nJ2: 5 2 4 | w=1\nJ3: 2 6 3 | w=3\nJ4: 4 3 5 | w=2\n"
            "Optimal total weighted completion time = ?")
    problem, best = solved(text)
    assert [j.weight for j in problem.jobs] == [2, 1, 3, 2]
    w = [2, 1, 3, 2]
    assert best == flow_shop([(3, 4, 2), (5, 2, 4), (2, 6, 3), (4, 3, 5)],
                             lambda ends: sum(wj * e for wj, e in zip(w, ends, strict=True)))


def test_a_set_of_jobs_and_precedence_arcs_under_their_legend():
    text = ("1 | prec | \u03a3 w_j C_j\nN = {1, \u2026, 4}\np = (3, 5, 2, 6)\nw = (2, 4, 1, 5)\n"
            "Precedence arcs (i \u2192 j: j cannot start before i completes): 1\u21924, 3\u21922.\n"
            "One machine, no preemption. Output the optimal value of \u03a3 w_j C_j.")
    problem, value = solved(text)
    assert len(problem.tasks) == 4
    w = [2, 4, 1, 5]  # an order that breaks an arc costs too much to be the best
    assert value == single_machine([3, 5, 2, 6], lambda c: sum(x * y for x, y in zip(w, c, strict=True)) + (
        0 if c[0] < c[3] and c[2] < c[1] else 10**6))


def test_route_order_in_braced_index_notation_is_no_data():
    text = ("FJc || C_max\nMachines M1, M2. Within a job, O_{j,1} \u2192 O_{j,2} (finish-to-start).\n"
            "J1: O11 {M1:4, M2:6}; O12 {M2:5}\nJ2: O21 {M2:3}; O22 {M1:6, M2:4}\nMinimise C_max.")
    problem, value = solved(text)
    assert len(problem.tasks) == 4
    assert value == min(job_shop([[(a, p), ("M2", 5)], [("M2", 3), (b, q)]])
                        for a, p in (("M1", 4), ("M2", 6)) for b, q in (("M1", 6), ("M2", 4)))


def _least_load(p: list[int], allowed: list[set[int]]) -> int:
    """Least makespan of identical parallel machines when job j may use the machines in allowed[j] (brute force)."""
    best = None
    for choice in itertools.product(*(sorted(a) for a in allowed)):
        loads: dict[int, int] = {}
        for j, m in enumerate(choice):
            loads[m] = loads.get(m, 0) + p[j]
        best = max(loads.values()) if best is None else min(best, max(loads.values()))
    assert best is not None
    return best


def test_a_vector_inside_a_sentence_and_machine_sets_in_braces():
    p = [7, 5, 9, 4, 6, 8, 3, 5]
    text = ("P3 | M_j | C_max\n\nJobs j = 1..8, processing times p = (7, 5, 9, 4, 6, 8, 3, 5), identical machines "
            "M1, M2, M3, no preemption.\nEligibility: job 1 \u2192 {M2, M3}; job 3 \u2192 {M1, M2}; job 6 \u2192 "
            "{M1} only; every other job can run on any machine.\nMinimise the makespan C_max.")
    problem, value = solved(text)
    assert [t.modes[0].duration for t in problem.tasks] == p
    allowed = [{2, 3}, {1, 2, 3}, {1, 2}, {1, 2, 3}, {1, 2, 3}, {1}, {1, 2, 3}, {1, 2, 3}]
    assert value == _least_load(p, allowed)
    assert asked(text.replace("p = (7, 5, 9, 4, 6, 8, 3, 5)", "p = (7, 5, 9, 4, 6, 8, 3)"))  # one value short


def test_a_vector_named_by_its_first_and_last_symbol():
    text = "P2 || C_max\n5 jobs, 2 identical machines.\np_1..p_5 = 3, 2, 4, 2, 3\nMinimise the makespan."
    _, value = solved(text)
    assert value == _least_load([3, 2, 4, 2, 3], [{1, 2}] * 5) == 7
    assert asked(text.replace("p_1..p_5 = 3, 2, 4, 2, 3", "p_1..p_5 = 3, 2, 4, 2"))  # four values for five jobs


def test_one_resource_named_by_a_letter_and_its_row_of_needs_by_the_same_letter():
    from tests.formulate.test_offline_structures import project
    text = ("PS | prec | C_max \u2014 one renewable resource, capacity R = 4.\nactivity  1 2 3 4 5 6\n"
            "d_j       3 2 4 2 3 5\nr_j       2 3 2 1 3 2\nE = {1\u21923, 1\u21924, 2\u21925, 3\u21926, 4\u21926} "
            "(finish-to-start)\nNon-preemptive, integer start times \u2265 0. Minimise project makespan.")
    problem, value = solved(text)
    assert [r.capacity for r in problem.resources] == [4]
    tasks = {"1": (3, [], [2]), "2": (2, [], [3]), "3": (4, ["1"], [2]), "4": (2, ["1"], [1]), "5": (3, ["2"], [3]),
             "6": (5, ["3", "4"], [2])}
    assert value == project(tasks, [4])
    assert asked(text.replace("r_j       2 3 2 1 3 2", "r_j       2 3 2 1 3 0.5"))  # half a unit: never rounded


def test_arcs_with_their_shortest_lags_as_triples():
    text = ("RCPSP with minimum time lags. 4 activities, 1 renewable resource K = 3 (units per day).\n"
            "p = [2, 3, 1, 2] days\nk = [2, 1, 2, 3] units of K\nConstraints S_j \u2265 C_i + l_ij for (i, j, l_ij):\n"
            "(1,3,0) (1,4,2) (2,4,1)\nNo preemption. Minimise makespan (days).")
    problem, value = solved(text)
    lags = sorted((c.first, c.then, getattr(c, "min_lag", 0) or 0) for c in problem.constraints)
    assert lags == [("J1", "J3", 0), ("J1", "J4", 2), ("J2", "J4", 1)]
    assert value == brute_force(problem).objective
    # by hand: J1 [0,2) and J2 [0,3) side by side (2 + 1 <= 3), J3 [2,3); J4 starts at max(2+2, 3+1) = 4, ends 6
    assert value == 6


def test_routes_of_two_operations_said_in_order_and_one_deadline_for_everything():
    from ordino.formulate import formulate
    text = ("Three jobs (A, B, C), each two operations in order (op 1 before op 2), times in hours.\n"
            "A: M1 3, M2 2\nB: M2 4, M1 1\nC: M1 2, M2 3\n{rule}Minimise the makespan in hours.")
    best = job_shop([[("M1", 3), ("M2", 2)], [("M2", 4), ("M1", 1)], [("M1", 2), ("M2", 3)]])
    _, value = solved(text.format(rule=""))
    assert value == best
    problem, value = solved(text.format(rule=f"Hard requirement: everything must be finished by hour {best}.\n"))
    assert value == best and {j.deadline for j in problem.jobs} == {best}
    late = formulate(text.format(rule=f"Hard requirement: everything must be finished by hour {best - 1}.\n"),
                     engine="offline", time_limit=5)
    assert late.status == "infeasible" and late.objective is None  # never a schedule past the deadline
    assert asked(text.format(rule="").replace("each two operations", "each three operations"))


def test_capacities_said_in_brackets_after_each_resource():
    from tests.formulate.test_offline_structures import project
    text = ("Project with 5 activities and two renewable resources, R1 (4 units available per week) and R2 (3 units "
            "per week). Durations are in weeks. An activity starts only when all its predecessors have finished.\n\n"
            "Act | Dur | Predecessors | R1 | R2\n1 | 3 | \u2013 | 2 | 1\n2 | 4 | \u2013 | 3 | 2\n3 | 2 | 1 | 2 | 0\n"
            "4 | 5 | 1 | 1 | 2\n5 | 3 | 2, 3 | 2 | 1\n\nFind the minimum project duration in weeks.")
    problem, value = solved(text)
    assert {r.id: r.capacity for r in problem.resources} == {"r1": 4, "r2": 3}
    tasks = {"1": (3, [], [2, 1]), "2": (4, [], [3, 2]), "3": (2, ["1"], [2, 0]), "4": (5, ["1"], [1, 2]),
             "5": (3, ["2", "3"], [2, 1])}
    assert value == project(tasks, [4, 3])
    assert asked(text.replace(" (3 units per week)", ""))  # R2's capacity never said


def test_rows_under_a_colon_legend_whose_last_field_lists_predecessors():
    from tests.formulate.test_offline_structures import project
    text = ("RCPSP, one renewable resource, capacity 4 per day.\nact: dur, demand, preds\nA: 3, 2, \u2013\n"
            "B: 2, 3, \u2013\nC: 4, 2, A\nD: 2, 2, A\nE: 3, 1, B, C\nDurations in days, non-preemptive. min C_max.")
    problem, value = solved(text)
    assert value == project({"A": (3, [], [2]), "B": (2, [], [3]), "C": (4, ["A"], [2]), "D": (2, ["A"], [2]),
                             "E": (3, ["B", "C"], [1])}, [4])
    assert asked(text.replace("E: 3, 1, B, C", "E: 3, B, C"))  # a row short of its demand
    semicolons = text.replace("dur, demand, preds", "dur; demand; preds").replace("E: 3, 1, B, C", "E: 3; B; C")
    assert asked(semicolons)  # E's need never said while the others' are: asked, never taken as none


@pytest.mark.parametrize("text", [
    "RCPSP, 3 activities, 1 resource, capacities R1 = 3\nd   = (2, 3, 1)\nr_1 = (2, 1.5, 1)\nE = {1\u21923}\n"
    "min C_max?",
    "Stand build. Crew available: 4 people. An activity holds its crew for its whole duration and starts after its "
    "predecessors.\n\n# | Activity | Dur (h) | Crew | Predecessors\n1 | Unload | 2 | 3 | -\n2 | Floor | 3 | 1.5 | 1\n"
    "3 | Truss | 4 | 2 | 1\n\nShortest build time, in hours?",
    "PS | prec | C_max, one renewable resource, capacity R = 4.\nactivity 1 2 3\nd_j 3 2 4\nr_j 2 1.5 2\n"
    "E = {1\u21923}\nMinimise makespan.",
], ids=["symbol line", "table column", "row of the one resource"])
def test_a_need_that_is_no_whole_number_is_asked_never_rounded(text: str):
    assert asked(text)  # '1.5' of a resource was once taken as 1
    _, value = solved(text.replace("1.5", "1"))  # the same text with a whole need is read
    assert value > 0


def test_a_one_letter_predecessor_after_a_number_is_no_unit_of_days():
    from tests.formulate.test_offline_structures import project
    text = ("RCPSP, 1 renewable resource R, capacity 4.\nact  d  r  pred\nA    3  2  -\nD    5  1  A\nF    2  3  D\n"
            "finish-to-start precedences, no preemption. min makespan.")
    problem, value = solved(text)
    assert ("D", "F") in {(c.first, c.then) for c in problem.constraints}  # 'F 2 3 D' once lost D as '3 d(ays)'
    assert value == project({"A": (3, [], [2]), "D": (5, ["A"], [1]), "F": (2, ["D"], [3])}, [4]) == 10


def test_rows_of_a_bracket_of_times_under_its_legend_with_a_due_date_each():
    text = ("Consider F2 | prmu | Σ T_j with n = 3 and (p_j1, p_j2):\n"
            "j=1: (2, 3), d_1 = 5\nj=2: (4, 1), d_2 = 6\nj=3: (1, 2), d_3 = 3\n"
            "T_j = max{0, C_j − d_j}, where C_j is the completion time of job j on machine 2. Only permutation "
            "schedules, no preemption. Compute min Σ_j T_j.")
    problem, best = solved(text)
    due = [5, 6, 3]
    assert [j.due for j in problem.jobs] == due
    tardiness = lambda ends: sum(max(0, c - d) for c, d in zip(ends, due, strict=True))  # noqa: E731
    assert best == flow_shop([(2, 3), (4, 1), (1, 2)], tardiness)
    # a row that gives another count of times than the legend leaves the rows unread: asked, never guessed
    assert asked(text.replace("j=2: (4, 1)", "j=2: (4, 1, 2)"))


def test_the_one_resource_named_by_its_letter_makes_its_letters_vector_the_needs():
    text = ("RCPSP, single renewable resource with capacity R = 3, activities 1..4.\n"
            "d = (2, 2, 1, 3)\nr = (2, 2, 1, 1)   (units of the resource used per period while the activity runs)\n"
            "Finish-to-start precedences with zero lag: 1→3, 2→4.\n"
            "Minimise the project makespan; give the optimal value.")
    problem, best = solved(text)
    assert {r.id: r.capacity for r in problem.resources} == {"r": 3}
    assert [(c.first, c.then) for c in problem.constraints] == [("J1", "J3"), ("J2", "J4")]
    assert best == 5  # 1 and 2 never overlap (2 + 2 > 3): 2 (0-2), then 1 (2-4) beside 4 (2-5), then 3 (4-5)
    # ... the same with the pairs of a set and what they mean, and the goal as a formula
    pairs = text.replace("Finish-to-start precedences with zero lag: 1→3, 2→4.",
                         "E = {(1,3), (2,4)}, where (i,j) ∈ E means S_j ≥ S_i + d_i.")
    assert solved(pairs.replace("Minimise the project makespan", "Objective: min max_j (S_j + d_j)"))[1] == 5
    # a pair set whose meaning is another (start to start) is not taken for it
    assert asked(pairs.replace("S_j ≥ S_i + d_i", "S_j ≥ S_i"))


def test_sets_of_the_jobs_and_machines_said_again_and_a_homework_label():
    text = ("HW 4, Q2. FJSP instance. Jobs J = {1, 2}, machines {M1, M2}.\n"
            "O11: M1 = 2, M2 = 3\nO12: M2 = 4\nO21: M1 = 3, M2 = 2\nO22: M1 = 2\n"
            "O_jk precedes O_j,k+1; no preemption. min C_max.")
    _, best = solved(text)
    assert best == 6  # O11 M1 0-2, O21 M2 0-2, O12 M2 2-6, O22 M1 2-4
    assert asked(text.replace("machines {M1, M2}", "machines {M1, M2, M3}"))  # a set of another size is asked


def test_capacities_said_again_in_a_list_and_in_brackets():
    text = ("Two shared resources: fitters (3 on site) and hoists (1 available).\n\n"
            "| ID | Days | Fitters | Hoists | Must follow |\n|----|------|---------|--------|-------------|\n"
            "| A  | 2    | 2       | 1      | -           |\n| B  | 3    | 2       | 0      | -           |\n"
            "| C  | 1    | 1       | 1      | A           |\n\n"
            "Never more than 3 fitters or 1 hoist in use on the same day. Shortest total build time in days?")
    problem, best = solved(text)
    assert {r.id: r.capacity for r in problem.resources} == {"fitter": 3, "hoist": 1}
    assert best == 5  # A and B need 4 fitters together: A (0-2), then B (2-5) beside C (2-3)
    assert asked(text.replace("Never more than 3 fitters", "Never more than 4 fitters"))  # said otherwise: asked


def test_contacts_tickets_and_a_start_said_of_an_empty_line_are_no_data():
    text = ("Today's list, one press, times in minutes. The line starts empty at 6:00.\n"
            "- A: 30 min, due 6:40\n- B: 20 min, due 6:25\n"
            "Minimise the total tardiness in minutes. (The folder is down, ticket #88213, ignore it.)\n"
            "— Deb (ext. 3307)")
    _, best = solved(text)
    assert best == single_machine([30, 20], lambda ends: max(0, ends[0] - 40) + max(0, ends[1] - 25))


def test_a_description_in_brackets_after_an_items_code_and_the_one_instrument_we_get():
    text = ("We only get the one LC-MS on Thursday. The instrument is free from 8:00.\n"
            "S-101 (soil extract, Okafor lab): arrives 8:00, 50 min run, due 9:30\n"
            "S-102 (plasma, clinic): arrives 8:20, 30 min run, due 9:00\n"
            "S-103 (wastewater): arrives 8:45, 40 min, due 10:00\n"
            "Once a run starts it can't be paused. Minimise the maximum lateness, in minutes.")
    problem, best = solved(text)
    assert [t.id for t in problem.tasks] == ["S-101", "S-102", "S-103"]
    assert best == least_max_lateness([(0, 50, 90), (20, 30, 60), (45, 40, 120)])
    # a bracket that may bind the item ('(on the old press)') is no description: read or asked, never dropped
    assert asked(text.replace("(wastewater)", "(on the old LC-MS only)"))


def test_an_ordinal_in_a_reason_is_no_value_and_a_bracket_of_what_a_time_includes_restates_it():
    routers = ('Three panels and two routers. Cutting times in minutes; "—" means that router can\'t take the panel '
               "(no 4th axis):\n\n| Panel | ShopBot | Axiom |\n|-------|---------|-------|\n| P1 | 30 | — |\n"
               "| P2 | 20 | 25 |\n| P3 | — | 40 |\n\nEach panel is cut completely on one router, one at a time. "
               "Minimise the makespan in minutes.")
    assert solved(routers)[1] == 50  # P1 and P2 on the ShopBot (50), P3 on the Axiom (40)
    assert asked(routers.replace("(no 4th axis)", "(the 2nd machine is out on Friday)"))  # an ordinal of a machine
    doughs = ("Two doughs, each goes mixer → oven → packing table, always in that order; one of each. Times in "
              "minutes:\n\nsourdough: mix 20, bake 45, pack 15\ncroissants: mix 30 (lamination included), bake 20, "
              "pack 25\n\nThe oven and the packing table don't have to take batches in the same order the mixer "
              "did. Nothing is interrupted. How early can I have everything packed, in minutes?")
    assert solved(doughs)[1] == job_shop([[("mix", 20), ("bake", 45), ("pack", 15)],
                                          [("mix", 30), ("bake", 20), ("pack", 25)]])
    assert asked(doughs.replace("(lamination included)", "(plus 10 for lamination)"))  # a number in it: asked


def test_rules_no_reader_takes_are_asked_not_dropped():
    """Rules a probe set carried that the reader used to drop, answering what the text without them gives."""
    presses = ("Two presses: N (new) and O (old), identical speeds. 4 jobs, all available at t=0, non-preemptive, "
               "each press runs one job at a time.\nProcessing times (min): a 10, b 15, c 20, d 25.\n"
               "The old press can take at most two of the jobs today.\nMinimize total completion time sum_j C_j.")
    assert asked(presses)  # a limit counted in words: asked, never the answer without it
    without = presses.replace("The old press can take at most two of the jobs today.\n", "")
    assert solved(without)[1] == 10 + 15 + 30 + 40  # shortest first, alternating: a, c on one press; b, d on the other
    line = ("Three-stage line: Cutting -> Welding -> Painting; each stage one job at a time, the order may differ "
            "from stage to stage. The shift starts at 08:00; times in minutes.\n\n"
            "| Job | Cutting | Welding | Painting | Due |\n|---|---|---|---|---|\n| A | 20 | 15 | 10 | 09:10 |\n"
            "| B | 10 | 20 | 15 | 09:00 |\n\nAll jobs can start at 08:00. The exception is job B: its steel is only "
            "delivered at 08:40, and B cannot start cutting before then.\n\nMinimize total tardiness in minutes.")
    assert asked(line)  # B's delivery time was read as a time of B's, then dropped beside its times per stage


def test_a_machine_out_a_step_skipped_and_two_machines_kept_apart_are_asked_not_dropped():
    shop = ("Two pieces, each with its own route, each station one piece at a time:\n"
            "- Gate: welding 4 h, then grinding 3 h, then painting 2 h\n- Rail: grinding 2 h, then welding 3 h, "
            "then painting 4 h\nEverything can start at hour 0. Minimise the makespan in hours.")
    assert solved(shop)[1] == job_shop([[("w", 4), ("g", 3), ("p", 2)], [("g", 2), ("w", 3), ("p", 4)]])
    for rule in ("Tom runs both welding and grinding, so those two stations can never be running at the same "
                 "time.", "The grinding station is out of service all day.", "The Rail skips grinding this week."):
        assert asked(shop.replace("Everything can", rule + " Everything can")), rule


def test_vectors_of_times_per_machine_of_different_lengths_are_asked_never_a_job_dropped():
    from tests.formulate.test_offline_structures import asked
    text = "F2 || Cmax, n = 4\np1j = (5, 2, 7, 4)\np2j = (3, 6, 4)\noptimal makespan?"
    assert any("do not line up" in q for q in asked(text))
