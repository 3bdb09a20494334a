"""A value in words is read or asked, never dropped (issue 17): a job's step timed in words ('half an hour') is read;
a job's line naming a machine its route does not use is asked about; a factor in words ('twice as fast') that no
reader uses is asked about. Each optimum is cross-checked by the brute-force oracle."""

from __future__ import annotations

import ordino
from ordino.formulate.offline import extract_offline
from tests.formulate.test_offline_structures import asked, job_shop

SHOP = ("Three parts to make today; the saw, the press and the oven each take one part at a time, and a part stays "
        "on a machine until that step is done. Each part goes through its steps in this order:\n"
        "1. Hinge: saw 20 min, then press 10 min, then oven 30 min.\n"
        "2. Latch: press {latch}, oven 15 min, then 10 min on the saw.\n"
        "3. Catch: oven 25 min, saw 15 min.\n"
        "When can all three be done at the earliest, in minutes?")


def test_a_step_timed_in_words_is_read():
    draft = extract_offline(SHOP.format(latch="for half an hour"))
    assert draft.problem is not None, [q.text for q in draft.missing]
    latch = [t for t in draft.problem.tasks if t.job == "Latch"]
    assert [(t.modes[0].resources, t.modes[0].duration) for t in latch] == [
        (["press"], 30), (["oven"], 15), (["saw"], 10)]
    result = ordino.solve(draft.problem, time_limit=10)
    assert result.status == "optimal" and result.objective == job_shop(
        [[("saw", 20), ("press", 10), ("oven", 30)], [("press", 30), ("oven", 15), ("saw", 10)],
         [("oven", 25), ("saw", 15)]]) == 75


def test_a_step_whose_time_is_not_read_is_asked_about_with_its_line():
    questions = asked(SHOP.format(latch="for a while"))
    assert any("2. Latch: press for a while" in q and "press" in q for q in questions), questions


def test_a_machine_a_job_does_not_use_said_on_its_line_is_no_question():
    draft = extract_offline(SHOP.format(latch="30 min").replace("oven 25 min, saw 15 min.",
                                                                "oven 25 min, saw 15 min (no press work)."))
    assert draft.problem is not None, [q.text for q in draft.missing]


def test_a_speed_factor_in_words_that_no_reader_uses_is_asked():
    text = ("Two printers, the Ender and the Bambu; the Bambu is 50% faster than the Ender on every job. Ender "
            "times: bracket 4 h, frame 6 h, stand 2 h. Each printer prints one job at a time. Minimise the sum of "
            "the finish times.")
    questions = asked(text)
    assert any("50% faster" in q for q in questions), questions
