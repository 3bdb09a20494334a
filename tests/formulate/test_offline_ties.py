"""Rules that tie named jobs (issue 17): not at the same time (a shared operator, fixture or room: 'C and D can't
be going on at the same time', 'A must not overlap B', 'only one of A and B at a time', 'so those two can't be packed
at the same time'), on a named machine ('so both of those have to run on Press 2'), with the reason around the rule;
and a value said once for several jobs ('orders D and E 20 minutes each'). Optima brute-forced."""

from __future__ import annotations

import itertools

import pytest

from tests.formulate.test_offline_structures import asked, project, solved, two_machines

LATHES = ("Two identical lathes and six orders, all ready now. Turning times: order A takes an hour, order B 55 "
          "minutes, order C 25 minutes, orders D and E 20 minutes each, and order F 10 minutes.{rule} "
          "What is the shortest time, in minutes, until all six orders are finished?")
TIMES = [60, 55, 25, 20, 20, 10]


def apart_on_two_machines(p: list[int], apart: tuple[int, int]) -> int:
    """Least makespan on two identical machines when jobs `apart` may not overlap (brute force over splits,
    orders, and whether the later of the two waits for the other)."""
    best = None
    for split in itertools.product((0, 1), repeat=len(p)):
        for order in itertools.permutations(range(len(p))):
            clock, start = [0, 0], [0] * len(p)
            for j in order:
                s = clock[split[j]]
                other = apart[1] if j == apart[0] else apart[0] if j == apart[1] else None
                if other is not None and other in order[:order.index(j)]:
                    s = max(s, start[other] + p[other])  # it waits for the one placed before it
                start[j], clock[split[j]] = s, s + p[j]
            value = max(clock)
            best = value if best is None else min(best, value)
    assert best is not None
    return best


def test_a_value_said_once_for_several_jobs_is_each_ones():
    problem, value = solved(LATHES.format(rule=""))
    assert [t.modes[0].duration for t in problem.tasks] == TIMES
    assert value == two_machines(TIMES, max) == 95


@pytest.mark.parametrize("rule", [
    " The snag: A and B both need our one steady rest, so A and B can never be on the lathes at the same time.",
    " Orders A and B must not overlap because they share one steady rest.",
    " Only one of A and B can run at a time.",
    " A cannot run at the same time as B.",
    " A and B must be done one after the other, in either order.",
])
def test_two_jobs_that_may_not_overlap(rule: str):
    problem, value = solved(LATHES.format(rule=rule))
    assert [c.type for c in problem.constraints] == ["separation"]
    assert value == apart_on_two_machines(TIMES, (0, 1)) == 115


def test_tasks_of_a_project_that_share_a_room():
    text = ("We fit out an office with two IT technicians, planning in hours. Each task needs one technician:\n"
            "1. A - unpack the hardware (2 h)\n2. B - run floor cabling (3 h)\n3. C - rack the servers (4 h), after A\n"
            "4. D - install the switches (3 h), after A\n5. E - patch the cabling (2 h), after B\n"
            "One more thing: C and D both happen inside the tiny comms room, which only fits one person working at a "
            "time, so C and D can't be going on at the same time.\n"
            "What is the shortest time to finish everything, in hours?")
    _, value = solved(text)
    tasks = {"a": (2, [], [1, 0]), "b": (3, [], [1, 0]), "c": (4, ["a"], [1, 1]), "d": (3, ["a"], [1, 1]),
             "e": (2, ["b"], [1, 0])}
    assert value == project(tasks, [2, 1])  # the room as a second resource of one


def test_a_reason_with_data_of_its_own_is_not_swallowed():
    # '3 hours' in the reason is a value no reader took: asked, never dropped with the reason
    rule = " B needs the steady rest for 3 hours, so A and B can't run at the same time."
    assert asked(LATHES.format(rule=rule))


def test_all_of_them_at_once_is_another_rule():
    assert asked(LATHES.format(rule=" A, B and C cannot all run at the same time."))


PACKING = ("Friday plan for the three packing lines (they're identical, any order can go on any line). We start at "
           "7:30 am and every order is ready then.\n- Rossi: 1 h 30, cutoff 9:30\n- Berg: 50 min, cutoff 8:30\n"
           "- Okafor: 2 h, cutoff 10:00\n- Lindqvist: 1 h 15, cutoff 9:00\n{rule}"
           "Goal: the total minutes late (an order done by its cutoff counts 0). What is the lowest total?")
PACK_TIMES, CUTOFFS = [90, 50, 120, 75], [120, 60, 150, 90]


def late_on_three_lines(apart: tuple[int, int] | None) -> int:
    """Least total tardiness on three identical lines, jobs `apart` never overlapping (brute force over lines and
    orders; the later of the two waits for the other)."""
    best = None
    for lines in itertools.product(range(3), repeat=4):
        for order in itertools.permutations(range(4)):
            clock, start = [0, 0, 0], [0] * 4
            for j in order:
                s = clock[lines[j]]
                if apart and j in apart:
                    other = apart[1] if j == apart[0] else apart[0]
                    if other in order[:order.index(j)]:
                        s = max(s, start[other] + PACK_TIMES[other])
                start[j], clock[lines[j]] = s, s + PACK_TIMES[j]
            late = sum(max(0, start[j] + PACK_TIMES[j] - CUTOFFS[j]) for j in range(4))
            best = late if best is None else min(best, late)
    assert best is not None
    return best


def test_cutoffs_lines_counted_after_the_and_those_two_kept_apart():
    _, plain = solved(PACKING.format(rule=""))
    assert plain == late_on_three_lines(None)
    rule = ("Rossi and Okafor both need the shrink-wrap station and we only have one, so those two can't be packed "
            "at the same time.\n")
    problem, value = solved(PACKING.format(rule=rule))
    assert [c.type for c in problem.constraints] == ["separation"]
    assert value == late_on_three_lines((0, 2)) > plain


def test_jobs_put_on_a_named_machine_with_the_reason_said_before():
    text = ("Two injection presses (Press 1 and Press 2, same speed). Jobs, all ready now:\nLid - 2 h\nCap - 1 h\n"
            "Tray - 1 h 30\nBucket - 1 h 20\nOne catch: Lid and Bucket both need the hot-runner, which is only hooked "
            "up to Press 2, so both of those have to run on Press 2.\nMinimise the makespan, in minutes.")
    problem, value = solved(text)
    assert {t.id: [m.resources[0] for m in t.modes] for t in problem.tasks}["Lid"] == ["Press 2"]
    assert value == 200  # Lid and Bucket on Press 2 (120 + 80), Cap and Tray on Press 1 (60 + 90)
