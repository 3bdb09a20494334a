"""Accounting by change (issue 17): a rule in a shift-cover or roster text that no reader uses is asked about,
never dropped; restated rules every model holds are no question; the same check works for any reader."""

from __future__ import annotations

import pytest

from ordino.formulate.offline.accounting import unread_pieces
from ordino.formulate.offline.periods import read_period_cover
from tests.formulate.test_offline_structures import asked, cheapest_cover, single_machine, solved

COVER = ("Shop open 08-20. Min staff per 2h block: 08-10: 2; 10-12: 3; 12-14: 5; 14-16: 3; 16-18: 4; 18-20: 2. "
         "Shifts are 4h long and start at 08, 10, 12, 14 or 16; cost per shift = 50, 50, 60, 60, 70 EUR respectively. "
         "{extra}Minimise the total daily cost.")


def test_the_cover_without_extra_rules_is_solved():
    _, value = solved(COVER.format(extra=""))
    spans = [{s, s + 1} for s in range(5)]
    assert value == cheapest_cover([2, 3, 5, 3, 4, 2], spans, [50, 50, 60, 60, 70])


@pytest.mark.parametrize("extra", ["The 16:00 shift gets an evening bonus of 15 EUR per person. ",
                                   "Shifts that start at 08 are paid 7 euros extra. "])
def test_a_price_said_in_a_sentence_that_no_reader_uses_is_asked(extra):
    questions = asked(COVER.format(extra=extra))
    assert any(extra.strip(" .")[:30] in q for q in questions), questions


def test_a_price_that_restates_the_table_is_no_question():
    _, value = solved(COVER.format(extra="The 08 shift costs 50 EUR, as said. "))
    assert value == cheapest_cover([2, 3, 5, 3, 4, 2], [{s, s + 1} for s in range(5)], [50, 50, 60, 60, 70])


@pytest.mark.parametrize("extra", ["Nobody may work more than 3 evenings in a row. ",
                                   "At most 4 people fit in the break room. ",
                                   "The late shifts are capped at 2 people. "])
def test_a_rule_no_reader_uses_is_asked_with_its_words(extra):
    questions = asked(COVER.format(extra=extra))
    assert any(extra.strip(" .")[:30] in q for q in questions), questions


@pytest.mark.parametrize("extra", ["Each person works at most one shift per day. ",
                                   "Every block must be met at least (extra people allowed). ",
                                   "Breaks are covered separately. "])
def test_restated_rules_that_every_model_holds_are_no_question(extra):
    _, value = solved(COVER.format(extra=extra))
    assert value == solved(COVER.format(extra=""))[1]


def test_only_the_pieces_with_a_rule_word_that_the_reader_leaves_as_they_are_are_unread():
    text = COVER.format(extra="Nobody may work more than 3 evenings in a row. ").replace("are 4h", "are exactly 4h")
    # 'exactly 4h long' holds the shift length the reader uses (4h -> 5h changes the model): read
    assert unread_pieces(text, read_period_cover) == ["Nobody may work more than 3 evenings in a row"]
    assert unread_pieces("no model here", read_period_cover) == []


def test_a_rule_with_a_number_in_a_scheduling_text_that_no_reader_uses_is_asked():
    text = "One machine, jobs A-D take 3, 1, 4, 2 hours, due 4, 2, 9, 5. {extra}Minimise the total tardiness."
    _, value = solved(text.format(extra="Each job runs to the end once started. "))  # restated: no question
    due = [4, 2, 9, 5]
    assert value == single_machine([3, 1, 4, 2],
                                   lambda ends: sum(max(0, e - d) for e, d in zip(ends, due, strict=True)))
    for extra in ("No more than 2 of them may be late. ", "At most 2 of them can start before noon. "):
        questions = asked(text.format(extra=extra))
        assert any(extra.strip(" .")[:25] in q for q in questions), questions


def test_a_cover_that_runs_24_hours_with_a_block_left_out_is_asked():
    text = ("We run 24 hours in 4-hour blocks from 00:00. Pickers needed: 00-04: 2, 04-08: 3, 08-12: 5, 12-16: 4, "
            "16-20: 3. Shifts are 8 hours and can start at any block. What is the smallest number of pickers?")
    questions = asked(text)
    assert any("round the clock" in q for q in questions), questions
    solved(text.replace("16-20: 3.", "16-20: 3, 20-24: 2."))


def test_a_goal_that_sums_each_ones_finish_wins_over_a_phrase_of_the_total_time():
    text = ("Three patients, one of each station, in the order listed:\n- Ames: intake 10 -> bloods 15\n"
            "- Bell: bloods 10 -> intake 5\n- Cole: intake 5 -> bloods 20\n\n"
            "I want to keep the total time down. {goal}")
    summed, _ = solved(text.format(goal="What is the smallest sum, over the three, of the minutes until each one "
                                        "is done?"))
    assert [t.term for t in summed.objective] == ["total_completion_time"]
    spanned, _ = solved(text.format(goal="What is the shortest time until all three are done?"))
    assert [t.term for t in spanned.objective] == ["makespan"]


TYPES = ("| Block | Staff needed |\n|---|---|\n| 06-10 | 2 |\n| 10-14 | 4 |\n| 14-18 | 3 |\n\n"
         "| Shift | Hours |\n|---|---|\n| Early | 06:00-14:00 |\n| {mid} | 10:00-18:00 |\n| Short | 06:00-10:00 |\n\n"
         "Each person works exactly one of the shifts listed. Find the smallest number of people such that every "
         "block has at least the number of staff needed.")


def test_shift_types_named_with_a_code_are_all_read_and_one_said_once_is_no_question():
    problem, value = solved(TYPES.format(mid="Mid-1"))
    assert {v.name for v in problem.variables} == {"Early", "Mid-1", "Short"}
    assert value == cheapest_cover([2, 4, 3], [{0, 1}, {1, 2}, {0}], [1, 1, 1]) == 5


def test_a_shift_type_line_whose_name_is_not_read_is_asked_never_dropped():
    assert any("10:00-18:00" in q for q in asked(TYPES.format(mid="Mid 1a"))), asked(TYPES.format(mid="Mid 1a"))


def test_one_pay_per_hour_prices_each_shift_type_by_its_hours():
    text = TYPES.format(mid="Mid").replace(
        "Find the smallest number of people such that every block has at least the number of staff needed.",
        "Everyone is paid $20 per hour for the full length of their shift. What is the cheapest staffing that "
        "gives every block at least the number of staff needed?")
    problem, value = solved(text)
    assert problem.objective.terms == {"Early": 160.0, "Mid": 160.0, "Short": 80.0}
    assert value == cheapest_cover([2, 4, 3], [{0, 1}, {1, 2}, {0}], [160, 160, 80])


def test_how_many_people_said_of_the_demands_is_no_goal_and_a_text_without_one_is_asked():
    text = ("This is how many people I need behind the counter each hour:\n\n7-8: 2, 8-9: 3, 9-10: 1\n\n"
            "The shifts we can offer are fixed:\n- Early 7:00-9:00\n- Late 8:00-10:00\n")
    assert any("What should be minimised" in q for q in asked(text))
    _, value = solved(text + "How many people do we need at minimum?")
    assert value == cheapest_cover([2, 3, 1], [{0, 1}, {1, 2}], [1, 1])


def test_a_machine_kept_idle_while_a_job_is_on_another_is_asked_never_dropped():
    text = ("A fab shop with a saw, a welder and a paint booth. Steps in order:\n"
            "Frame: saw 2 h, then welder 3 h, then paint booth 2 h.\n"
            "Gate: welder 2 h, then saw 1 h, then paint booth 1 h.\n"
            "Rail: saw 1 h, then paint booth 2 h, then welder 2 h.\n"
            "{extra}What is the earliest time all pieces can be finished?")
    solved(text.format(extra=""))  # the plain job shop is read
    questions = asked(text.format(extra="While the Frame is on the welder, nothing can be sawn. "))
    assert any("While the Frame is on the welder" in q for q in questions), questions


def test_a_slower_machine_named_by_a_code_is_asked_when_no_reader_takes_its_speed():
    text = ("3 machines M1, M2, M3; 4 jobs a-d, all ready at t=0, no preemption.\n"
            "Times on M1 or M2 (min): a 10, b 12, c 7, d 9.\n{extra}"
            "Any job may go on any machine. Minimise the makespan (min).")
    solved(text.format(extra=""))
    questions = asked(text.format(extra="M3 is the spare machine and runs at half the pace of M1 and M2.\n"))
    assert any("M3 is the spare machine" in q for q in questions), questions  # (its digits are no value to change)


def test_steps_in_an_order_of_the_solvers_choice_are_asked():
    text = ("Job shop, durations in minutes, all jobs at t=0.\nA: M1 4 -> M2 2 -> M3 6.\nB: M2 3 -> M1 5 -> M3 2.\n"
            "C: M1 2 first; after that M2 5 and M3 4{extra}.\nMinimise the makespan (min).")
    solved(text.format(extra=""))
    questions = asked(text.format(extra=", in either order"))
    assert any("in either order" in q for q in questions), questions


@pytest.mark.parametrize("window", ["M1's operator takes lunch from 08:30 to 09:00; M1 cannot run then.",
                                    "M1 gets its blades changed from 08:30 to 09:00, so nothing can be on M1 in that "
                                    "window."])
def test_a_window_of_one_machine_stops_that_machine_only(window):
    text = ("Two jobs, two machines, work starts at 08:00, times in minutes.\n"
            f"Job A: M1 30 then M2 30. Job B: M2 40 then M1 20.\n{window}\n"
            "Minimise the makespan in minutes after 08:00.")
    problem, best = solved(text)
    assert {r.id: r.unavailable for r in problem.resources} == {"M1": [(30, 60)], "M2": []}
    assert best == 80  # A on M1 0-30, B on M2 0-40, A on M2 40-70, B on M1 60-80 after the window (one on both
    # machines would hold B's 40 minutes on M2 until 09:00)
