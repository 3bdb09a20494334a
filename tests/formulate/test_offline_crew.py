"""A project's task lines and the crew they draw on (`offline.crew`): read whole or not at all."""

from __future__ import annotations

from tests.formulate.test_offline_structures import asked, solved

STAGE = ("Crew on site: 3 riggers, and we have the small crane for the day (only one crane). Durations in hours.\n"
         "A. Unload the trucks - 2 h, 2 riggers + crane. Nothing before.\n"
         "B. Build the frame - 3 h, both riggers. Nothing before.\n"
         "C. Hang the truss - 1 h, 3 riggers. After A and B.\n"
         "How many hours until everything is done, at best?")


def test_task_lines_with_their_crew_and_predecessors_are_a_project():
    problem, best = solved(STAGE)
    assert [t.id for t in problem.tasks] == ["Unload the trucks", "Build the frame", "Hang the truss"]
    assert {r.id: r.capacity for r in problem.resources} == {"rigger": 3, "crane": 1}
    assert best == 6  # A and B cannot overlap (2 + 2 riggers > 3): 5 hours, then C


def test_a_resource_the_text_never_counts_is_asked():
    assert asked(STAGE.replace("3 riggers. After A and B", "3 riggers + forklift. After A and B"))


def test_a_predecessor_that_is_no_task_is_asked():
    assert asked(STAGE.replace("After A and B", "After A and D"))


def test_a_goal_naming_a_task_ends_with_that_task_and_one_naming_no_task_is_asked():
    goal = STAGE.replace("How many hours until everything is done, at best?",
                         "How many hours until the truss is finished, at best?")
    problem, best = solved(goal)
    assert best == 6  # the truss hangs last: its end is the end of everything
    assert asked(goal.replace("until the truss is finished", "until the lights are finished"))
