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


def _lagged_flow(times: list[tuple[int, int, int]], lag: int, due: list[int]) -> int:
    """Least maximum lateness of a permutation flow shop of three stages with a shortest wait `lag` between the
    first two stages of every job (brute force over every order, each step as early as it may start)."""
    best = None
    for order in itertools.permutations(range(len(times))):
        free, late = [0, 0, 0], []
        for j in order:
            ready = 0
            for k, p in enumerate(times[j]):
                start = max(free[k], ready + (lag if k == 1 else 0))
                free[k] = ready = start + p
            late.append(ready - due[j])
        best = max(late) if best is None else min(best, max(late))
    assert best is not None
    return best


STAGES = ("line: coat \u2192 cure \u2192 inspect (3 stations, each one batch at a time)\n"
          "batches: B1, B2, B3, B4 (all ready at hour 0)\n"
          "coat hours: B1=2, B2=4, B3=3, B4=1\ncure hours: B1=3, B2=2, B3=4, B4=3\n"
          "inspect hours: B1=2, B2=3, B3=1, B4=4\ndue (hour): B1=10, B2=14, B3=12, B4=9\n"
          "{rule}rule: batches keep the same sequence on all three stations\n"
          "objective: minimise the maximum lateness (finish of inspect minus due), in hours")


def test_each_stage_times_on_its_own_line_and_a_shortest_wait_between_two_stages():
    times, due = [(2, 3, 2), (4, 2, 3), (3, 4, 1), (1, 3, 4)], [10, 14, 12, 9]
    problem, free = solved(STAGES.format(rule=""))
    assert [r.id for r in problem.resources] == ["coat", "cure", "inspect"]
    assert free == _lagged_flow(times, 0, due)
    rule = "rule: after coating, a batch must flash off for at least 2 hours before curing may start\n"
    problem, value = solved(STAGES.format(rule=rule))
    lags = [(c.first, c.then, c.min_lag) for c in problem.constraints if getattr(c, "min_lag", None)]
    assert lags == [(f"B{k}.1", f"B{k}.2", 2) for k in range(1, 5)]
    assert value == _lagged_flow(times, 2, due) > free
    assert asked(STAGES.format(rule=rule).replace("inspect hours", "check hours"))  # a stage without its times
    assert solved(STAGES.format(rule="weights: B1=2, B2=1, B3=1, B4=3\n"))[1] == free  # other labelled lines beside


def test_a_lag_between_two_numbered_operations_of_one_job_and_capacity_one_per_machine():
    text = ("2 machines, 3 jobs, job shop with recirculation. Min C_max.\nJ1 = M1(2), M2(3), M1(2)\n"
            "J2 = M2(4), M1(3){rule}\nJ3 = M1(3), M2(2)\n"
            "Capacity 1 per machine, non-preemptive, ops of a job in the order listed, all jobs available at t=0.")
    _, free = solved(text.format(rule=""))
    problem, value = solved(text.format(rule="; min. time lag between end of op 1 and start of op 2 of J2: 2"))
    lags = [(c.first, c.then, c.min_lag) for c in problem.constraints if getattr(c, "min_lag", None)]
    assert lags == [("J2.1", "J2.2", 2)]
    assert value == brute_force(problem).objective > free  # J2's second step waits: 11 against 10
    assert asked(text.format(rule="; min. time lag between end of op 1 and start of op 3 of J2: 2"))  # no op 3
    assert asked(text.format(rule="").replace("Capacity 1 per machine", "Capacity 1 per machine, except M2 with 2"))
