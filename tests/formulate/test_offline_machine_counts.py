"""Machines named or counted in passing: the one machine's own name ('one deck oven (Oven 2)'), numbered machines
named otherwise than their noun ('two laser cutters (Trumpf 1 and Trumpf 2)'), and two counts of machines of
different kinds, which are asked, never one of them kept."""

from __future__ import annotations

import itertools

from tests.formulate.test_offline_structures import asked, single_machine, solved


def test_the_one_machine_keeps_the_name_in_its_bracket():
    problem, best = solved("We have one deck oven (Oven 2) free tomorrow and no other. Bake times: bread 30 min, buns "
                           "20 min, rolls 25 min. Minimise the total completion time in minutes.")
    assert [r.id for r in problem.resources] == ["Oven 2"]
    assert best == single_machine([30, 20, 25], sum)


def test_a_name_in_a_bracket_for_one_machine_among_several_is_asked():
    assert asked("We have one deck oven (Oven 2) and two rack ovens. Bake times: bread 30 min, buns 20 min, rolls "
                 "25 min. Minimise the makespan.")


def test_two_counts_of_machines_of_different_kinds_are_asked_never_the_first_kept():
    questions = asked("We have one deck oven and two rack ovens. Bake times: bread 30 min, buns 20 min, rolls 25 min. "
                      "Minimise the makespan.")
    assert any("one deck oven and two rack ovens" in q for q in questions)


def test_identical_machines_numbered_under_a_name_of_their_own():
    text = ("Two identical laser cutters (Trumpf 1 and Trumpf 2). A job goes on one cutter only and each cutter does "
            "one job at a time. Hours late are multiplied by the priority; we want the smallest total.\n\n"
            "job,hours,due_hour,priority\nJ1,4,5,3\nJ2,3,6,1\nJ3,6,9,2\nJ4,2,4,2\n\n"
            "-> minimum sum of (priority x hours late)?")
    problem, best = solved(text)
    assert len(problem.resources) == 2
    p, d, w = [4, 3, 6, 2], [5, 6, 9, 4], [3, 1, 2, 2]
    value = None
    for where in itertools.product(range(2), repeat=4):  # each job's cutter, each cutter's order
        per = [[j for j in range(4) if where[j] == k] for k in range(2)]
        cost = 0
        for jobs in per:
            cost += min(sum(w[j] * max(0, sum(p[i] for i in order[:order.index(j) + 1]) - d[j]) for j in order)
                        for order in itertools.permutations(jobs)) if jobs else 0
        value = cost if value is None else min(value, cost)
    assert best == value


def test_a_rule_binding_named_jobs_that_no_reader_takes_is_asked_never_dropped():
    text = ("Pottery studio with three identical kilns. Loads, all ready at hour 0:\n\nload,firing_hours\nA,8\nB,7\n"
            "C,6\nD,5\nE,4\n\nEach load is fired in one kiln without interruption; a kiln fires one load at a time.\n"
            "Rule: loads A and C use the same glaze and must be fired in the same kiln.\n"
            "Minimise the time at which the last load finishes, in hours.")
    problem, value = solved(text)  # read now: the two loads on one kiln
    assert [c.type for c in problem.constraints] == ["same_resource"]
    fired = [8, 7, 6, 5, 4]
    assert value == min(max(sum(p for p, k in zip(fired, kilns, strict=True) if k == kiln) for kiln in range(3))
                        for kilns in itertools.product(range(3), repeat=5) if kilns[0] == kilns[2]) == 14
    unread = text.replace("must be fired in the same kiln", "must be fired back to back")
    assert any("loads A and C" in q for q in asked(unread))
    flexible = ("Two orders on machining centres M1, M2 and M3, in hours:\n"
                "- Order A: first operation on M1 (5 h) or M2 (7 h); second on M2 (4 h) or M3 (5 h).\n"
                "- Order B: first operation on M1 (6 h) or M3 (4 h); second on M1 (3 h) or M2 (5 h).\n"
                "However, the fixture M3 would need for order B's first operation is out for repair, so B's first "
                "operation has to be done on M1.\nWhat's the minimum number of hours to complete both orders?")
    assert any("fixture" in q for q in asked(flexible))


def test_a_machine_available_only_from_a_later_time_is_down_from_the_start():
    text = ("P2 || C_max. 4 jobs, p = (50, 40, 30, 20) min. Identical machines M1, M2. Shift starts 8:00, all jobs "
            "available at 8:00, non-preemptive. M1 is available from 8:00; M2 is being recommissioned and is "
            "available only from 9:00 on. Minimise makespan, in minutes after 8:00.")
    problem, best = solved(text)
    assert [(r.id, r.unavailable) for r in problem.resources] == [("M1", []), ("M2", [(0, 60)])]
    p = [50, 40, 30, 20]
    value = None
    for where in itertools.product(range(2), repeat=4):  # M2 starts its jobs at 60
        ends = [sum(p[j] for j in range(4) if where[j] == 0), 60 + sum(p[j] for j in range(4) if where[j] == 1)]
        span = max(ends[0], ends[1] if any(where) else 0)
        value = span if value is None else min(value, span)
    assert best == value


def test_times_per_oven_with_each_batch_in_exactly_one_oven_and_legends_of_the_columns():
    text = ("Oven plan (two ovens, A and B; bake times differ per oven)\n"
            "release = minutes after 06:00 when the batch is ready to bake; due = minutes after 06:00 by which it "
            "must be out of the oven.\nEach batch bakes in exactly one oven, without interruption, and an oven holds "
            "one batch at a time.\n\nbatch,release,due,oven_A_min,oven_B_min\nB1,0,60,40,55\nB2,10,70,35,30\n"
            "B3,20,90,50,45\nB4,0,45,30,40\n\nMinimise the number of batches that finish after their due time.")
    problem, value = solved(text)
    assert [len(t.modes) for t in problem.tasks] == [2, 2, 2, 2]
    release, due, times = [0, 10, 20, 0], [60, 70, 90, 45], [(40, 55), (35, 30), (50, 45), (30, 40)]
    best = None
    for ovens in itertools.product(range(2), repeat=4):
        for order in itertools.permutations(range(4)):
            free, late = [0, 0], 0
            for j in order:  # each batch as early as its release and its oven allow
                free[ovens[j]] = max(free[ovens[j]], release[j]) + times[j][ovens[j]]
                late += free[ovens[j]] > due[j]
            best = late if best is None else min(best, late)
    assert value == best


def test_one_machine_named_by_its_code_and_unavailable_is_no_capacity():
    text = ("Packaging machine PK-2 - Tuesday plan\nShift starts 08:00, all orders are available from 08:00. PK-2 "
            "packs one order at a time.\nPlanned maintenance: PK-2 is unavailable 08:30-09:00.\n\n"
            "order,proc_min,weight\nA-101,40,1\nB-202,20,3\n\nMinimise the weighted sum of completion times, in "
            "minutes after 08:00.")
    problem, value = solved(text)
    assert [(r.id, r.unavailable) for r in problem.resources] == [("PK-2", [(30, 60)])]
    assert value == 3 * 20 + 100  # B [0, 20), then A waits out the maintenance: [60, 100)


def test_each_job_on_exactly_one_machine_is_no_count_of_machines():
    questions = asked("P || sum C_j, identical parallel machines. Jobs J1-J4, p = (3, 5, 2, 4), no preemption. "
                      "Each job runs on exactly one machine. Minimise the total completion time.")
    assert any("machines" in q for q in questions)
