"""Flexible job shops written as tables of choices and as one line per labelled operation (issue 17): cells 'M1=3 or
M2=4' and 'M1=3, M2=4', 'Op1 options' headers, 'O11: M1:4 | M2:6' one operation per line, the restated order of a
job's operations, 'C_j = end of Op 2' against each route's length. Each optimum is cross-checked by brute force."""

from __future__ import annotations

import itertools

import ordino
from ordino.formulate.offline import extract_offline
from tests.differential.brute_schedule import brute_force
from tests.formulate.test_offline_structures import asked, job_shop, solved


def _optimum(text: str) -> float:
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    result = ordino.solve(draft.problem, time_limit=10)
    assert result.status == "optimal"
    assert result.objective == brute_force(draft.problem).objective
    return result.objective


TABLE = ("| Job | Op 1 (machine=time) | Op 2 (machine=time) | Due |\n|---|---|---|---|\n"
         "| J1 | M1=3 or M2=4 | M2=2 or M1=3 | 4 |\n| J2 | M1=2 | M2=3 or M1=1 | 3 |\n\n"
         "Every operation picks one of the machines listed for it; Op 2 of a job may start only after its Op 1 ends. "
         "Objective: minimise total tardiness \u03a3 max(0, C_j \u2212 due_j), C_j = end of Op 2.")


def test_a_table_of_choices_written_machine_equals_time_or_another():
    draft = extract_offline(TABLE)
    assert draft.problem is not None, [q.text for q in draft.missing]
    j1 = [t for t in draft.problem.tasks if t.job == "J1"]
    assert [sorted((m.resources[0], m.duration) for m in t.modes) for t in j1] == [[("M1", 3), ("M2", 4)],
                                                                                   [("M1", 3), ("M2", 2)]]
    assert _optimum(TABLE) == 2  # J2 on M1 (0-2, 2-3) is on time; J1 on M2 (0-4, 4-6) is 2 late


def test_the_end_of_a_job_said_at_an_operation_that_is_not_its_last_is_asked():
    assert asked(TABLE.replace("C_j = end of Op 2", "C_j = end of Op 3"))


def test_choices_apart_by_commas_under_op_options_headers_with_the_counts_said():
    text = ("2 jobs x 2 operations on 2 machines. Operation 2 of a job cannot start before its operation 1 ends. "
            "Minimise the makespan.\n\nJob | Op1 options | Op2 options\nJ1 | M1=2, M2=3 | M2=2\nJ2 | M1=1 | M1=2, M2=2")
    assert _optimum(text) == 5  # both first operations want M1 early; the second ones end at 5 at best


def test_one_labelled_operation_per_line_is_each_job_s_route_in_order():
    text = ("FJSP, 2 jobs x 2 ops, machines {M1, M2}. O_jk = k-th op of job j; eligible machine:time\n"
            "O11: M1:2 | M2:3\nO12: M2:2 | M1:4\nO21: M1:1 | M2:2\nO22: M1:2\n"
            "O_j1 before O_j2. 1 op per machine at once, non-preemptive. min Cmax.")
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert [t.id for t in draft.problem.tasks] == ["J1.1", "J1.2", "J2.1", "J2.2"]
    assert _optimum(text) == 4
    assert _optimum(text.replace("O_j1 before O_j2.", "O_jk must precede O_j,k+1.")) == 4  # the same, in general


def test_a_route_with_fewer_operations_than_the_count_said_is_asked():
    text = ("FJSP, 2 jobs x 3 ops, machines {M1, M2}.\nO11: M1:2 | M2:3\nO12: M2:2 | M1:4\nO21: M1:1 | M2:2\n"
            "O22: M1:2\nmin Cmax.")
    assert asked(text)


def test_columns_numbered_within_two_kinds_are_the_machines_of_two_stages():
    text = ("Each sample is prepped on one of the two benches and then analysed on one of the two GCs. One sample per "
            "bench or GC at a time, no interruptions. Minimise the makespan.\n\n"
            "Sample | Bench 1 | Bench 2 | GC-1 | GC-2\nS1     | 2       | 3       | 4    | 3\n"
            "S2     | 3       | 2       | 2    | 4\n")
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    s1 = [t for t in draft.problem.tasks if t.job == "S1"]
    assert [sorted(m.resources[0] for m in t.modes) for t in s1] == [["Bench 1", "Bench 2"], ["GC-1", "GC-2"]]
    assert _optimum(text) == 5  # S1: Bench 1 0-2, GC-2 2-5; S2: Bench 2 0-2, GC-1 2-4
    assert asked(text.replace("one of the two benches", "a bench").replace("one of the two GCs", "a GC"))


def test_orders_numbered_like_101_keep_their_due_dates_in_a_table_of_routes():
    text = ("Job shop, total tardiness. Every order is available at 0; one order per machine at a time; each order "
            "follows its route left to right.\n\nOrder | Route (machine: minutes) | Due\n"
            "101   | Cutter: 2 -> Press: 3 | 5\n102   | Press: 2 -> Cutter: 1 | 3\n\n"
            "Report the minimum total tardiness in minutes.")
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert {j.id: j.due for j in draft.problem.jobs} == {"101": 5, "102": 3}
    assert _optimum(text) == 0  # 101: Cutter 0-2, Press 2-5; 102: Press 0-2, Cutter 2-3


OPERATION_ROWS = ("job,seq,options\nW1,1,M1:6 | M2:8\nW1,2,M3:5\nW2,1,M2:7\nW2,2,M1:5 | M3:4\nW3,1,M1:3 | M3:5\n"
                  "W3,2,M2:6\n\nEach operation runs on one of its machines; times in hours. Minimise the makespan.")
CHOICES = [[{"M1": 6, "M2": 8}, {"M3": 5}], [{"M2": 7}, {"M1": 5, "M3": 4}], [{"M1": 3, "M3": 5}, {"M2": 6}]]


def _best(cost) -> int:
    """Least `cost(completion times)` over every choice of machines (brute force, `job_shop` for each)."""
    ops = [op for route in CHOICES for op in route]
    picks = (iter(pick) for pick in itertools.product(*(list(op.items()) for op in ops)))
    return min(job_shop([[next(it) for _ in route] for route in CHOICES], cost) for it in picks)


def test_a_table_of_operations_one_per_row_is_each_job_s_route():
    problem, value = solved(OPERATION_ROWS)
    assert [j.id for j in problem.jobs] == ["W1", "W2", "W3"]
    assert [[m.resources[0] for m in t.modes] for t in problem.tasks][:2] == [["M1", "M2"], ["M3"]]
    assert value == _best(max)


def test_operation_rows_out_of_order_are_asked_never_guessed():
    assert asked(OPERATION_ROWS.replace("W1,1,M1:6 | M2:8\nW1,2,M3:5", "W1,2,M3:5\nW1,1,M1:6 | M2:8"))


def test_weighted_tardiness_written_as_a_formula_in_words():
    text = OPERATION_ROWS.replace("Minimise the makespan.", "Due: W1 10, W2 8, W3 9. Weights: W1 2, W2 3, W3 1. "
                                  "Objective: minimise \u03a3 weight \u00d7 max(0, completion \u2212 due).")
    problem, value = solved(text)
    assert [t.term for t in problem.objective] == ["total_weighted_tardiness"]
    due, weight = [10, 8, 9], [2, 3, 1]
    assert value == _best(lambda c: sum(w * max(0, e - d) for e, d, w in zip(c, due, weight, strict=True)))


def test_csv_cells_listing_machine_choices_between_bars():
    text = ("Flexible job shop, times in minutes. Each job = 2 operations in order; each operation picks one machine "
            "from its options (M=time). Each machine processes one operation at a time, no preemption.\n\n"
            "job,weight,op1 options,op2 options\nJ1,2,M1=4 | M2=6,M3=3\nJ2,1,M2=3 | M3=5,M1=2 | M2=3\n"
            "J3,3,M3=4,M2=4\n\nMinimise the total weighted completion time \u03a3 weight \u00d7 (finish time of the "
            "job's 2nd operation).")
    problem, value = solved(text)
    modes = {t.id: sorted((m.resources[0], m.duration) for m in t.modes) for t in problem.tasks}
    assert modes == {"J1.1": [("M1", 4), ("M2", 6)], "J1.2": [("M3", 3)], "J2.1": [("M2", 3), ("M3", 5)],
                     "J2.2": [("M1", 2), ("M2", 3)], "J3.1": [("M3", 4)], "J3.2": [("M2", 4)]}
    assert [j.weight for j in problem.jobs] == [2, 1, 3]
    assert value == brute_force(problem).objective
    assert asked(text.replace("Each job = 2 operations", "Each job = 3 operations"))  # routes of two: asked


def test_each_column_of_options_is_a_choice_of_the_operation_never_the_first_alone():
    from tests.formulate.test_offline_structures import flexible_shop
    text = ("Three jobs (A, B, C), each two operations in order (op 1 before op 2). Each operation can be done on one "
            "of two machines:\n\n| Job | Op | Option 1 | Option 2 |\n|-----|----|----|----|\n"
            "| A | 1 | M1: 3 h | M2: 5 h |\n| A | 2 | M3: 2 h | M2: 3 h |\n| B | 1 | M1: 2 h | M3: 4 h |\n"
            "| B | 2 | M1: 3 h | M2: 4 h |\n| C | 1 | M2: 2 h | M3: 3 h |\n| C | 2 | M1: 2 h | M3: 4 h |\n\n"
            "Machines M1, M2, M3 each run one operation at a time. Objective: minimum makespan in hours.")
    problem, value = solved(text)
    assert all(len(t.modes) == 2 for t in problem.tasks)
    assert value == flexible_shop([[{"M1": 3, "M2": 5}, {"M3": 2, "M2": 3}], [{"M1": 2, "M3": 4}, {"M1": 3, "M2": 4}],
                                   [{"M2": 2, "M3": 3}, {"M1": 2, "M3": 4}]])


def test_a_due_date_on_the_first_operations_row_only_and_a_job_given_none_is_asked():
    text = ("Flexible job shop, machines A, B. Operation 2 of a job may start only after its operation 1. "
            "All jobs are available at minute 0.\n\n| Job | Op | A (min) | B (min) | Due (min) |\n"
            "|---|---|---|---|---|\n"
            "| J1 | 1 | 3 | 4 | 5 |\n| J1 | 2 | - | 2 | |\n| J2 | 1 | 2 | - | 3 |\n| J2 | 2 | 1 | 3 | |\n\n"
            "Minimise total tardiness, sum over jobs of max(0, C_j - due_j), where C_j is the finish time of the "
            "job's second operation.")
    assert _optimum(text) == 1  # J2 on A 0-2 then A 2-3 (on time); J1 on B 0-4 then B 4-6: 1 late
    assert {j.id: j.due for j in extract_offline(text).problem.jobs} == {"J1": 5, "J2": 3}
    assert asked(text.replace("| J2 | 1 | 2 | - | 3 |", "| J2 | 1 | 2 | - | |"))
