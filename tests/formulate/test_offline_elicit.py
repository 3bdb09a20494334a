"""Elicitation: scripted answers complete a thin text; without a terminal the error lists what is missing."""

from __future__ import annotations

import pytest

import ordino
from ordino import solve
from ordino.errors import FormulationError
from ordino.formulate.offline import Question, elicit, extract_offline


def scripted(answers: dict[str, str], log: list[Question]):
    def ask(question: Question) -> str:
        log.append(question)
        assert question.key in answers, f"unexpected question {question.key}: {question.text}"
        return answers[question.key]
    return ask


def test_missing_objective_is_asked_then_solved() -> None:
    log: list[Question] = []
    problem = elicit("4 jobs on one machine, processing times 3 2 4 1, due dates 4 6 8 3",
                     scripted({"objective": "total_tardiness"}, log))
    assert [q.key for q in log] == ["objective"]
    assert log[0].choices is not None and "total_tardiness" in log[0].choices
    assert solve(problem, method="cpsat").objective == 2  # J4 J1 J2 J3: only J3 is late, by 2


def test_walks_the_tree_kind_objective_constraints_data() -> None:
    log: list[Question] = []
    answers = {"kind": "single_machine", "objective": "total tardiness", "constraints": "due dates, precedences",
               "n_jobs": "3", "processing_times": "3 2 4", "due": "3 5 9", "precedences": "job 3 before job 1"}
    problem = elicit("schedule my work please", scripted(answers, log))
    keys = [q.key for q in log]
    assert keys[:3] == ["kind", "objective", "constraints"]
    assert set(keys) == set(answers)
    assert len(problem.tasks) == 3
    assert [c.type for c in problem.constraints] == ["end_before_start"]
    # p 3 2 4, d 3 5 9, J3 before J1: J2 (ends 2), J3 (6), J1 (9, late by 6) is best
    assert solve(problem, method="cpsat").objective == 6


def test_due_dates_asked_for_when_objective_needs_them() -> None:
    log: list[Question] = []
    problem = elicit("one machine, processing times 2 3, minimize the number of late jobs",
                     scripted({"due": "2, 4"}, log))
    assert [q.key for q in log] == ["due"]
    assert solve(problem, method="cpsat").objective == 1


def test_count_mismatch_is_asked() -> None:
    log: list[Question] = []
    problem = elicit("3 jobs on one machine, processing times 3 2 4 1, minimize makespan",
                     scripted({"n_jobs": "4"}, log))
    assert "found 4 values" in log[0].text or "How many" in log[0].text
    assert len(problem.tasks) == 4


def test_unused_numbers_are_asked_not_dropped() -> None:
    draft = extract_offline("one machine, processing times 3 2, minimize makespan, the boss said 17 maybe")
    assert draft.problem is None
    assert [q.key for q in draft.missing] == ["unused"]
    assert "17" in draft.missing[0].text
    log: list[Question] = []
    problem = elicit("one machine, processing times 3 2, minimize makespan, the boss said 17 maybe",
                     scripted({"unused": "ignore"}, log))
    assert len(problem.tasks) == 2


def test_unplaced_numbers_are_quoted_as_whole_clauses_once_each() -> None:
    text = ("One machine, processing times 3 2, minimize makespan. Lunch is in hours from hour 4, when the "
            "crew rests; the crew is available from hour 2.\nThe shop closes at 17 on Fridays.")
    draft = extract_offline(text)
    (question,) = [q for q in draft.missing if q.key == "unused"]
    quotes = question.text.split(": ", 1)[1].rsplit(". Rephrase", 1)[0].split("; ")
    assert quotes == ["'Lunch is in hours from hour 4, when the crew rests'",
                      "'the crew is available from hour 2'", "'The shop closes at 17 on Fridays'"]
    flat = " " + " ".join(text.split()) + " "
    assert all(f" {q.strip(chr(39))}" in flat for q in quotes)  # as written, starting at a word


def test_no_terminal_lists_exactly_what_is_missing() -> None:
    with pytest.raises(FormulationError) as err:
        elicit("one machine, processing times 3 2 4", None)
    message = str(err.value)
    assert "[objective]" in message and "What should be minimised?" in message
    assert "total_tardiness" in message  # the choices are listed
    assert "[processing_times]" not in message


def test_garbage_text_fails_with_the_missing_items() -> None:
    with pytest.raises(FormulationError) as err:
        elicit("hello, what a lovely day", None)
    message = str(err.value)
    assert "[objective]" in message
    assert "[n_jobs]" in message or "[kind]" in message


def test_unknown_kind_answer_is_a_clear_error() -> None:
    with pytest.raises(FormulationError, match="unknown kind of problem 'spaceship'"):
        elicit("hello", lambda q: "spaceship")


def test_missing_processing_times_for_a_shop() -> None:
    draft = extract_offline("flow shop with 3 machines and 4 jobs, minimize makespan")
    assert draft.problem is None
    assert [q.key for q in draft.missing] == ["matrix"]


def test_minus_signs_are_kept_and_negative_durations_are_asked() -> None:
    early = extract_offline("One machine, 3 jobs with processing times 3, 2, 4 and due dates -2, 4, 6. "
                            "Minimise the total tardiness.")
    assert [t.due for t in early.problem.tasks] == [-2, 4, 6]
    assert ordino.solve(early.problem, time_limit=10).objective == 9  # 5 when the sign was dropped
    typo = extract_offline("One machine, processing times -3 2 4, minimize makespan.")
    assert typo.problem is None
    assert [q.text for q in typo.missing] == [
        "The model read from the text is inconsistent: duration of task J1: Input should be greater than or "
        "equal to 0"]
    ranges = extract_offline("Jobs J1-J3 on one machine, processing times 4, 5, 6, minimize makespan.")
    assert [t.modes[0].duration for t in ranges.problem.tasks] == [4, 5, 6]


def test_ask_works_for_rosters_too() -> None:
    from ordino.formulate import formulate

    log: list[Question] = []
    text = ("Three nurses for Monday to Wednesday. Nurses needed per day: Mon 1, Tue 2. Daily pay: Anna $100, "
            "Ben $80, Cleo $90. What is the cheapest total wage bill?")
    f = formulate(text, engine="offline", ask=scripted({"cover": "Wednesday 1"}, log))
    assert [q.key for q in log] == ["cover"] and "wednesday" in log[0].text
    assert (f.status, f.objective) == ("optimal", 80 + 80 + 90 + 80)  # Ben every day, Cleo on Tuesday
    assert {a.staff for a in f.result.roster.assignments} <= {"Anna", "Ben", "Cleo"}


def test_a_wrong_choice_is_asked_again_with_the_choices() -> None:
    answers = iter(["spaceship", "makespan"])
    asked: list[str] = []

    def ask(question: Question) -> str:
        asked.append(question.describe())
        return next(answers) if question.key != "constraints" else "none"

    problem = elicit("one machine, two jobs, processing times 3 and 4", ask)
    assert asked[0] == asked[1] and "(one of: makespan" in asked[0]
    assert len(problem.tasks) == 2


def test_ignore_is_refused_where_dropping_would_change_the_model_and_reported_where_it_does_not() -> None:
    with pytest.raises(FormulationError, match="cannot be ignored"):
        elicit("3 identical machines, 6 jobs, p = 2,3,2,4,3,1. J4 waits until J1 is through. minimize Cmax.",
               scripted({"unread": "ignore"}, []))
    notes: list[str] = []
    elicit("one machine, processing times 3 2, minimize makespan, the boss said 17 maybe",
           scripted({"unused": "ignore"}, []), notes)
    assert len(notes) == 1 and notes[0].startswith("ignored, as answered:") and "the boss said 17 maybe" in notes[0]
