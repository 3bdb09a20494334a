"""Machines at a ratio of speeds (`offline.speeds`): every machine's time follows from the listed one, or is asked."""

from __future__ import annotations

import itertools
from fractions import Fraction

from ordino.formulate import formulate
from tests.formulate.test_offline_structures import asked, single_machine, solved


def best_split(times: list[int], factors: list[Fraction], goal: str) -> Fraction:
    """Brute force over every assignment of jobs to machines; each machine runs its jobs shortest first."""
    best = None
    for where in itertools.product(range(len(factors)), repeat=len(times)):
        total, span = Fraction(0), Fraction(0)
        for m, f in enumerate(factors):
            clock = Fraction(0)
            for p in sorted(times[j] for j in range(len(times)) if where[j] == m):
                clock += p * f
                total += clock
            span = max(span, clock)
        value = total if goal == "sum" else span
        best = value if best is None else min(best, value)
    assert best is not None
    return best


KILNS = ("We fire in two kilns: the old Bisque and the new Glaze. The Glaze is exactly twice as fast as the Bisque on "
         "everything. Bisque times: vases 6 h, bowls 4 h, plates 2 h, mugs 8 h, tiles 10 h.\n"
         "One load per kiln at a time. Minimise the sum of the finish times, in hours.")


def test_a_ratio_of_speeds_gives_each_machine_its_own_times():
    problem, best = solved(KILNS)
    modes = {t.id: {m.resources[0]: m.duration for m in t.modes} for t in problem.tasks}
    assert modes["vases"] == {"Bisque": 6, "Glaze": 3} and modes["tiles"] == {"Bisque": 10, "Glaze": 5}
    assert best == best_split([6, 4, 2, 8, 10], [Fraction(1), Fraction(1, 2)], "sum")


def test_takes_as_long_said_of_the_slower_machine_with_fractions_goes_to_a_finer_unit():
    text = ("Two routers: Router 1 and Router 2. Router 2 takes 1.5x as long as Router 1 on anything. Times on "
            "Router 1: panel 25 min, shelf 10 min, door 40 min, drawer 15 min.\nMinimise the makespan in minutes.")
    problem, best = solved(text)
    scale = {"min": 1, "s": 60}[problem.time_unit]  # 25 min x 1.5 is off the minute grid: seconds
    door = next(t for t in problem.tasks if t.id == "door")
    assert {m.resources[0]: m.duration for m in door.modes} == {"Router 1": 40 * scale, "Router 2": 60 * scale}
    assert Fraction(best, scale) == best_split([25, 10, 40, 15], [Fraction(1), Fraction(3, 2)], "max")


def test_whose_times_are_listed_is_asked_with_the_machines_as_choices_and_the_answer_is_read():
    text = KILNS.replace("Bisque times:", "Times:")
    draft_questions = formulate(text, engine="offline", time_limit=5).questions
    assert [q.key for q in draft_questions] == ["speed_base"]
    assert draft_questions[0].choices == ["Glaze", "Bisque"]
    answered = formulate(text, engine="offline", time_limit=5, ask=lambda q: "Glaze")
    assert answered.objective == best_split([6, 4, 2, 8, 10], [Fraction(2), Fraction(1)], "sum")


def test_a_restated_ratio_that_disagrees_and_a_third_machine_are_asked():
    assert asked(KILNS.replace("hours.", "hours. (On the Glaze each takes a third of that.)"))
    assert asked(KILNS.replace("two kilns", "three kilns"))
    assert solved(KILNS.replace("hours.", "hours. (On the Glaze each takes half of that.)"))[1] == solved(KILNS)[1]


def test_one_job_given_two_different_times_is_asked_never_one_kept():
    questions = asked("One press. Times: flyers 40 min, menus 20 min, cards 30 min. Run times: flyers 45 min, "
                      "menus 20 min, cards 30 min. Minimise the makespan.")
    assert any("two different values" in q and "flyers" in q for q in questions)


def test_pickup_times_are_due_times_and_material_staged_before_the_start_is_time_zero():
    text = ("One press, we open at 9:00 and all the material is staged before we start. Times: flyers 40 min, menus "
            "20 min, cards 30 min. Pickup times: flyers 9:45, menus 9:30, cards 10:00. Minimise the total tardiness "
            "in minutes.")
    problem, best = solved(text)
    assert {t.id: t.due for t in problem.tasks} == {"flyers": 45, "menus": 30, "cards": 60}
    assert best == single_machine([40, 20, 30], lambda ends: sum(max(0, e - d) for e, d in zip(ends, [45, 30, 60],
                                                                                                   strict=True)))
