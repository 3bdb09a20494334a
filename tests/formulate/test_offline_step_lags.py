"""Waits between two steps of one job (issue 17): said of every job ('once a gear comes out of the furnace, its
grinding must start within 1 hour') or of one ('they have to go into the dryer the moment their wash finishes').
Each optimum is cross-checked by brute force over every start."""

from __future__ import annotations

import itertools

from tests.differential.brute_schedule import brute_force
from tests.formulate.test_offline_structures import asked, solved

GEARS = ("Three machines: the lathe, the furnace and the grinder. Times in hours.\n"
         "- Gear A: lathe 1 -> furnace 2 -> grinder 1\n- Gear B: furnace 2 -> grinder 2\n"
         "- Gear C: lathe 2 -> grinder 1\n"
         "Each machine handles one gear at a time and a gear only moves to its next step once the current one is "
         "finished. {rule}What's the earliest time everything can be finished, in hours?")


def test_a_longest_wait_between_two_steps_of_every_job_that_has_them():
    _, free = solved(GEARS.format(rule=""))
    rule = "Once a gear comes out of the furnace, its grinding must start within 1 hour. "
    problem, value = solved(GEARS.format(rule=rule))
    lags = [(c.first, c.then, c.max_lag) for c in problem.constraints if getattr(c, "max_lag", None) is not None]
    assert lags == [("Gear A.2", "Gear A.3", 1), ("Gear B.1", "Gear B.2", 1)]  # gear C never sees the furnace
    assert value == brute_force(problem).objective >= free


def test_no_wait_between_two_steps_of_one_job_named_before():
    text = ("Laundry question. We have one big washer and one big dryer, each takes one load at a time. Three loads "
            "today; every load is washed and then dried, and we run the loads through the dryer in the same order "
            "they went through the washer. Times:\n- Hotel sheets: wash 20 min, dry 30 min\n"
            "- Gym towels: wash 30 min, dry 40 min\n- Spa robes: wash 10 min, dry 20 min\n"
            "Nothing gets stopped halfway. The gym towels go musty if they sit wet, so they have to go into the dryer "
            "the moment their wash finishes. What's the earliest time everything can be dry, in minutes?")
    problem, value = solved(text)
    lags = [(c.first, c.then, c.max_lag) for c in problem.constraints if getattr(c, "max_lag", None) is not None]
    assert lags == [("Gym towels.1", "Gym towels.2", 0)]
    times = {"sheets": (20, 30), "towels": (30, 40), "robes": (10, 20)}
    best = None
    for order in itertools.permutations(times):  # one order on both machines; the towels' wash waits for the dryer
        washer = dryer = 0
        for load in order:
            wash, dry = times[load]
            start = max(washer, dryer - wash) if load == "towels" else washer
            washer = start + wash
            dryer = max(washer, dryer) + dry
        best = dryer if best is None else min(best, dryer)
    assert value == best


def test_a_wait_between_steps_no_route_has_is_asked():
    rule = "Once a gear comes out of the grinder, its turning must start within 1 hour. "
    assert any("could not place it" in q for q in asked(GEARS.format(rule=rule)))


def test_a_wait_after_a_step_that_may_use_another_machine_is_asked():
    text = GEARS.replace("Three machines: the lathe, the furnace and the grinder",
                         "Four machines: the lathe, the furnace, the oven and the grinder").replace(
        "Gear B: furnace 2 -> grinder 2", "Gear B: furnace 2 or oven 2 -> grinder 2")
    assert solved(text.format(rule=""))  # read without the rule
    rule = "Once a gear comes out of the furnace, its grinding must start within 1 hour. "
    assert any("could not place it" in q for q in asked(text.format(rule=rule)))  # gear B's wait: which?
