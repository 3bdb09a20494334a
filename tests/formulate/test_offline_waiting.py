"""Waiting between a job's steps (`offline.waiting`): no-wait and blocking read for every job, words that may name
only some steps asked, never dropped; checked against brute force over every job order."""

from __future__ import annotations

import itertools

from ordino.formulate import formulate
from ordino.formulate.offline.extract import unread_list_lines
from tests.formulate.test_offline_structures import asked, solved


def no_wait_ends(times: list[list[int]], order: tuple[int, ...]) -> list[int]:
    """Each job's end when its steps run back to back and each starts as early as the jobs before it allow."""
    free = [0] * len(times[0])  # when each machine is next free
    ends = [0] * len(times)
    for j in order:
        offsets = list(itertools.accumulate([0, *times[j][:-1]]))  # a step's start after the job's start
        start = max(f - o for f, o in zip(free, offsets, strict=True))
        start = max(start, 0)
        free = [start + o + p for o, p in zip(offsets, times[j], strict=True)]
        ends[j] = free[-1]
    return ends


def blocking_ends(times: list[list[int]], order: tuple[int, ...]) -> list[int]:
    """Each job's end when a job leaves a machine only once the next one is free (no buffer), earliest start."""
    machines = len(times[0])
    left = [0] * machines  # when the previous job left each machine
    ends = [0] * len(times)
    for j in order:
        entered = left[0]  # it enters the first machine when the previous job has left it
        for k in range(machines):
            done = entered + times[j][k]
            leave = max(done, left[k + 1]) if k + 1 < machines else done
            left[k] = leave
            entered = leave
        ends[j] = left[-1]
    return ends


def best(times: list[list[int]], ends_of, goal) -> int:
    return min(goal(ends_of(times, order)) for order in itertools.permutations(range(len(times))))


BAKERY = ("Every dough goes mixer -> proofer -> oven, in that order, one batch per machine at a time. Nothing can "
          "wait: as soon as a dough comes out of the mixer it has to go straight into the proofer, and when proofing "
          "is done it has to go straight into the oven.\n\n"
          "- Brioche: twenty minutes mixing, forty minutes proofing, twenty-five minutes baking\n"
          "- Sourdough: 15 min mixing, 60 min proofing, 35 min baking\n"
          "- Rye: 25 min mixing, 30 min proofing, 40 min baking\n"
          "- Ciabatta: 10 min mixing, 45 min proofing, 20 min baking\n\n"
          "Everything is ready at the start. What's the shortest time until the last loaf is out, in minutes?")
BAKERY_TIMES = [[20, 40, 25], [15, 60, 35], [25, 30, 40], [10, 45, 20]]


def test_nothing_can_wait_gives_every_job_no_wait_and_numbers_in_words_are_read():
    problem, value = solved(BAKERY)
    chains = [c.tasks for c in problem.constraints if c.type == "no_wait"]
    assert sorted(chains) == sorted([[f"{n}.1", f"{n}.2", f"{n}.3"] for n in ("Brioche", "Sourdough", "Rye",
                                                                              "Ciabatta")])
    assert value == best(BAKERY_TIMES, no_wait_ends, max)
    assert value > best(BAKERY_TIMES, blocking_ends, max) - 1  # no-wait is never shorter than blocking


def test_sum_of_completion_times_with_no_sitting_around_in_between():
    text = ("Batches go wash, then coat, then cure, and a batch can't sit around in between. Holding a batch back "
            "before the wash is fine. Times in minutes (wash / coat / cure):\n"
            "Railings 20 / 35 / 30\nGates 15 / 25 / 40\nFrames 10 / 30 / 20\nBrackets 25 / 15 / 25\n"
            "Minimise the sum of the completion times.")
    times = [[20, 35, 30], [15, 25, 40], [10, 30, 20], [25, 15, 25]]
    assert solved(text)[1] == best(times, no_wait_ends, sum)


def test_no_buffer_between_stations_is_blocking():
    text = ("Parts go saw, then drill, then paint, one part per station at a time. There is no buffer between "
            "stations. Times in minutes (saw / drill / paint):\nhinge 4 / 9 / 2\nlatch 7 / 3 / 8\nbolt 2 / 8 / 6\n"
            "plate 6 / 2 / 5\nMinimise the makespan.")
    times = [[4, 9, 2], [7, 3, 8], [2, 8, 6], [6, 2, 5]]
    problem, value = solved(text)
    assert sum(c.type == "blocking" for c in problem.constraints) == 8
    assert value == best(times, blocking_ends, max)
    assert best(times, blocking_ends, max) != best(times, no_wait_ends, max)  # the data tells the rules apart


def test_words_that_may_name_some_steps_only_are_asked_and_the_answer_is_read():
    text = BAKERY.replace("Nothing can wait: as soon", "As soon")
    draft = formulate(text, engine="offline", time_limit=5)
    assert [q.key for q in draft.questions] == ["waiting"]
    assert "straight into the proofer" in draft.questions[0].text
    assert formulate(text, engine="offline", time_limit=5, ask=lambda q: "no wait").objective == \
        best(BAKERY_TIMES, no_wait_ends, max)
    plain = formulate(text, engine="offline", time_limit=5, ask=lambda q: "may wait")
    assert plain.problem is not None and not [c for c in plain.problem.constraints if c.type == "no_wait"]
    assert plain.objective is not None and plain.objective <= best(BAKERY_TIMES, no_wait_ends, max)


def test_waiting_allowed_is_the_usual_rule_and_one_step_jobs_ask():
    text = BAKERY.replace("Nothing can wait: as soon as a dough comes out of the mixer it has to go straight into "
                          "the proofer, and when proofing is done it has to go straight into the oven.",
                          "A dough can sit and wait between machines; nothing has to go straight into the oven.")
    problem, _ = solved(text)
    assert not [c for c in problem.constraints if c.type in ("no_wait", "blocking")]
    assert asked("One oven. Nothing can wait. Bake times: bread 30 min, buns 20 min, rolls 25 min. "
                 "Minimise the makespan.")


def test_a_list_line_left_unread_beside_jobs_is_asked_never_dropped():
    text = BAKERY.replace("twenty minutes mixing, forty minutes proofing, twenty-five minutes baking",
                          "same as the rye but 5 minutes longer in the oven")
    assert asked(text)  # 'but 5 minutes' is no station of a one-step route
    lines = "Jobs:\n- Rye: 25 min mixing\n- Brioche: mixing about twenty minutes\n- Spelt: 30 min mixing\n\nNotes."
    assert unread_list_lines(lines, ["Rye", "Spelt"]) == ["- Brioche: mixing about twenty minutes"]
    assert unread_list_lines(lines, ["Rye"]) == []  # one job among the lines: no list of jobs
