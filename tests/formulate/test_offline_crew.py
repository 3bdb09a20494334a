"""A project's task lines and the crew they draw on (`offline.crew`): read whole or not at all."""

from __future__ import annotations

from tests.formulate.test_offline_structures import asked, project, solved

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


def test_bulleted_tasks_named_as_predecessors_by_their_whole_names():
    text = ("We have ONE crane and a team of 4 riggers. Tasks (hours, who's needed, what has to be finished first):\n"
            "- unload the trucks: 2 h, 3 riggers\n- roof lift: 2 h, 4 riggers + the crane, after unload the trucks\n"
            "- backline: 1 h, 1 rigger, after unload the trucks\n"
            "- cabling: 1 h, 2 riggers, after roof lift & backline\n"
            "What's the shortest possible build in hours?")
    problem, best = solved(text)
    assert [t.id for t in problem.tasks] == ["unload the trucks", "roof lift", "backline", "cabling"]
    assert best == 6  # unload 0-2; the roof lift needs all 4 riggers, so the backline goes before or after it


def test_a_bulleted_list_with_a_line_that_is_no_task_is_not_read_as_a_project():
    text = ("Two engineers, both do every task. Tasks, each done start-to-finish by one person:\n"
            "* firmware upgrade - 50 min\n* replace PSU - 20 min\n* UPS battery swap, Hall B\n"
            "* re-cable panel - 45 min\n"
            "Minimise the sum of the finish times.")
    assert asked(text)  # the battery swap has no time: asked, never dropped


HALL = ("The team is three developers and one QA engineer, Sofia. Durations in days.\n"
        "- Write the spec: 2 days, 1 developer (the lead writes it). First task.\n"
        "- Build the API: 3 days, 2 developers, once the spec is written\n"
        "- Draw the screens: 2 days, 1 developer, after the spec\n"
        "- Test plan: 1 day, Sofia, can happen any time\n"
        "- Testing: 2 days, needs Sofia plus 1 developer, after the API is built, the screens and the test plan are "
        "all done\n"
        "- Launch: 1 day, all 3 developers, must wait for testing\n"
        "What's the shortest possible project length in days?")


def test_predecessors_said_by_words_of_their_names_and_a_named_person_of_a_counted_crew():
    problem, best = solved(HALL)
    after = {(c.first, c.then) for c in problem.constraints}
    assert ("Build the API", "Testing") in after and ("Draw the screens", "Testing") in after
    assert ("Test plan", "Testing") in after and ("Testing", "Launch") in after
    assert {r.id: r.capacity for r in problem.resources} == {"developer": 3, "engineer": 1}
    assert best == project({"spec": (2, [], [1, 0]), "api": (3, ["spec"], [2, 0]), "screens": (2, ["spec"], [1, 0]),
                            "plan": (1, [], [0, 1]), "test": (2, ["api", "screens", "plan"], [1, 1]),
                            "launch": (1, ["test"], [3, 0])}, [3, 1])


def test_words_two_task_names_share_or_no_name_has_are_asked():
    assert asked(HALL.replace("once the spec is written", "once the screens are tested"))
    assert asked(HALL.replace("must wait for testing", "must wait for the review"))


RIG = ("Theatre get-in. The crew: 4 stagehands, 2 lighting technicians and the one forklift.\n"
       "| ID | Task            | Hours | Stagehands | Techs | Forklift | After |\n"
       "|----|-----------------|------:|------:|-------:|---------:|-------|\n"
       "| 1  | Unload          | 2     | 3     | 0      | 1        | -     |\n"
       "| 2  | Hang lights     | 3     | 1     | 2      | 0        | 1     |\n"
       "| 3  | Build set       | 4     | 3     | 0      | 0        | 1     |\n"
       "| 4  | Focus           | 1     | 0     | 2      | 0        | 2, 3  |\n"
       "A task needs its people for its whole duration and can't start until all its predecessors are finished. "
       "What is the least number of hours until everything is done?")


def test_a_project_table_with_columns_that_shorten_the_resources_names():
    problem, best = solved(RIG)
    assert [t.id for t in problem.tasks] == ["Unload", "Hang lights", "Build set", "Focus"]
    assert {r.id: r.capacity for r in problem.resources} == {"stagehand": 4, "technician": 2, "forklift": 1}
    assert best == project({"1": (2, [], [3, 0, 1]), "2": (3, ["1"], [1, 2, 0]), "3": (4, ["1"], [3, 0, 0]),
                            "4": (1, ["2", "3"], [0, 2, 0])}, [4, 2, 1])


def test_a_project_table_whose_resource_the_text_never_counts_or_whose_predecessor_is_no_row_is_asked():
    assert asked(RIG.replace("2 lighting technicians and ", ""))
    assert asked(RIG.replace("Theatre get-in.", "Theatre get-in after 3 technical checks."))  # 'Techs': which?
    assert asked(RIG.replace("| 2, 3  |", "| 2, 5  |"))
    assert asked(RIG.replace("| Hang lights     |", "| Hang lights (2 h) |"))  # a time in a name is never dropped


def test_task_lines_without_bullets_with_two_word_crews_and_predecessors_joined_by_plus():
    text = ("Here is the job list. We have 2 site engineers and one mobile crane. Durations in weeks:\n"
            "survey: 1 wk, 1 site engineer\n"
            "piling: 2 wk, 2 site engineers, crane, after survey\n"
            "drains: 1 wk, 1 site engineer, after survey\n"
            "slab: 2 wk, 1 site engineer + crane, after piling + drains\n"
            "Shortest build time in weeks?")
    problem, best = solved(text)
    assert {r.id: r.capacity for r in problem.resources} == {"site engineer": 2, "crane": 1}
    assert [t.id for t in problem.tasks] == ["survey", "piling", "drains", "slab"]
    assert best == project({"survey": (1, [], [1, 0]), "piling": (2, ["survey"], [2, 1]),
                            "drains": (1, ["survey"], [1, 0]), "slab": (2, ["piling", "drains"], [1, 1])}, [2, 1])


def test_predecessors_listed_before_done_first_are_all_read():
    text = ("We have 2 DBAs. The tasks:\n"
            "- audit: 2 days, 1 DBA\n"
            "- backup: 1 day, 2 DBAs\n"
            "- freeze: 1 day, 1 DBA\n"
            "- restore: 2 days, 1 DBA; needs audit, backup, freeze done first\n"
            "How many days minimum for everything?")
    problem, best = solved(text)
    assert best == project({"audit": (2, [], [1]), "backup": (1, [], [2]), "freeze": (1, [], [1]),
                            "restore": (2, ["audit", "backup", "freeze"], [1])}, [2])


def test_lines_without_bullets_and_without_any_order_on_them_are_left_to_the_other_readers():
    text = ("A team of 3 workers builds a shed.\nTask A: 2 days, 2 workers\nTask B: 3 days, 3 workers\n"
            "Task C: 1 day, 1 worker\nTask B needs A. Task C needs B.\nMinimize makespan.")
    problem, best = solved(text)
    assert best == 6


def test_a_release_on_a_task_line_and_the_crew_counts_said_again_as_limits():
    text = ("We have a crew of 3 fitters plus one welder. Tasks:\n"
            "- strip: 2 days, 2 fitters\n"
            "- weld: 1 day, 1 fitter plus the welder, after strip\n"
            "- paint: 2 days, 3 fitters, not before 3 days\n"
            "- inspect: 1 day, the welder, after weld and paint\n"
            "We can never use more than 3 fitters or 1 welder on any day. Minimum number of days to finish "
            "everything?")
    problem, best = solved(text)
    assert {t.id: t.release for t in problem.tasks}["paint"] == 3
    assert best == 6  # paint waits for day 3 and for the fitters of strip: 3 to 5, then inspect
    assert asked(text.replace("more than 3 fitters or 1 welder", "more than 2 fitters or 1 welder"))


def test_a_worker_there_for_a_purpose_and_a_subcontractor_who_needs_none_of_the_crew():
    text = ("I've got 2 carpenters and 1 electrician on this job and need a plan. "
            "Tasks:\n\n- Demolition: 2 days, needs both carpenters.\n"
            "- Rough electrical: 3 days, the electrician plus one carpenter to open up the walls for him. Can start "
            "once demo is done.\n- Plumbing: 2 days, after demo. The plumber is a sub, so he doesn't use any of our "
            "people.\n- Drywall: 2 days, both carpenters, after electrical and plumbing.\n\nWhat's the minimum number "
            "of working days for the whole job?")
    problem, best = solved(text)
    tasks = {"Demolition": (2, [], [2, 0]), "Rough electrical": (3, ["Demolition"], [1, 1]),
             "Plumbing": (2, ["Demolition"], [0, 0]), "Drywall": (2, ["Rough electrical", "Plumbing"], [2, 0])}
    assert best == project(tasks, [2, 1]) == 7
    assert asked(text.replace("so he doesn't use any of our people", "so he brings his own ladder"))


def test_a_project_table_whose_resources_are_counted_as_name_colon_number():
    text = ("Stand build. Crew available: 4 people. Crane: 1. An activity holds its crew and crane for its whole "
            "duration and starts after its predecessors.\n\n"
            "# | Activity     | Dur (h) | Crew | Crane | Predecessors\n1 | Unload truck | 2       | 3    | 1     | -\n"
            "2 | Lay floor    | 3       | 4    | 0     | 1\n3 | Erect truss  | 4       | 2    | 1     | 1\n"
            "4 | Lighting     | 2       | 2    | 1     | 3\n\nShortest possible build time, in hours?")
    problem, best = solved(text)
    assert sorted((r.id, r.capacity) for r in problem.resources) == [("crane", 1), ("people", 4)]
    tasks = {"1": (2, [], [3, 1]), "2": (3, ["1"], [4, 0]), "3": (4, ["1"], [2, 1]), "4": (2, ["3"], [2, 1])}
    assert best == project(tasks, [4, 1])
    assert asked(text.replace("Crane: 1. ", ""))  # the crane never counted: asked


def test_a_project_table_with_a_resource_named_in_two_words():
    text = ("Please find the shortest schedule (in weeks). We have 2 engineers and 1 test rig available every week.\n\n"
            "ID\tTask\tWeeks\tAfter\tEngineers\tTest rigs\n1\tDesign\t2\t-\t2\t0\n2\tBuild\t1\t1\t1\t1\n"
            "3\tTest\t2\t1\t1\t1\n")
    problem, best = solved(text)
    assert sorted((r.id, r.capacity) for r in problem.resources) == [("engineer", 2), ("rig", 1)]
    assert best == project({"1": (2, [], [2, 0]), "2": (1, ["1"], [1, 1]), "3": (2, ["1"], [1, 1])}, [2, 1]) == 5


def test_a_dash_before_a_clause_and_all_three_of_a_crew():
    text = ("Crew: two electricians and three carpenters. Each task needs its people for every day it runs:\n\n"
            "- Demolition: 2 days, 2 carpenters\n- Windows: 3 days, 2 carpenters \u2014 can start right away\n"
            "- Panel: 2 days, both electricians \u2014 can start right away\n"
            "- Drywall: 3 days, all three carpenters, once demolition and the windows are done\n\n"
            "What's the fewest working days to get the whole job done?")
    problem, best = solved(text)
    tasks = {"Demolition": (2, [], [2, 0]), "Windows": (3, [], [2, 0]), "Panel": (2, [], [0, 2]),
             "Drywall": (3, ["Demolition", "Windows"], [3, 0])}
    assert best == project(tasks, [3, 2]) == 8  # demolition and windows cannot overlap (4 carpenters of 3)


def test_a_csv_project_table_with_an_id_and_a_name_column_and_due_days_for_some_tasks_only():
    text = ("We have 3 technicians in total. Durations in working days. Some tasks have a committed due day.\n\n"
            "task,name,days,techs,predecessors,due\nT1,Site survey,2,2,,\nT2,Racks,3,3,T1,\nT3,Cabling,2,2,T2,6\n"
            "T4,Config,2,1,T1,5\n\nMinimise the total tardiness in days.")
    problem, value = solved(text)
    assert {t.id: t.due for t in problem.tasks} == {"Site survey": None, "Racks": None, "Cabling": 6, "Config": 5}
    # T1 0-2; T2 (3 techs) and T4 cannot overlap: T4 2-4 then T2 4-7, T3 7-9 (3 late), or T2 2-5, T4 5-7 (2 late)
    # and T3 5-7 beside it (1 late): 3 either way
    assert value == 3
    assert asked(text.replace("Some tasks have a committed due day.", ""))  # a due left out is never taken for none


def test_a_bracket_with_commas_is_one_aside_and_a_rule_over_two_tasks_counts_no_tasks():
    text = ("We have two roofers and one electrician. Days are whole days; nobody can be split across two tasks on "
            "the same day.\n"
            "1. Strip tiles - 2 days, both roofers.\n"
            "2. Rewire loft (lights, sockets) - 3 days, the electrician; after strip tiles.\n"
            "3. Felt and batten - 2 days, one roofer (yes, the tall one, usually); after strip tiles.\n"
            "4. Retile - 3 days, both roofers; after felt and batten and rewire loft.\n"
            "What is the shortest total duration in days?")
    _, best = solved(text)
    tasks = {"1": (2, [], [2, 0]), "2": (3, ["1"], [0, 1]), "3": (2, ["1"], [1, 0]), "4": (3, ["3", "2"], [2, 0])}
    assert best == project(tasks, [2, 1]) == 8
    assert asked(text.replace("(yes, the tall one, usually)", "(yes, 3 of them)"))  # a number in an aside is read


def test_a_project_table_in_shifts_counted_as_work_packages_and_a_goal_naming_the_whole_turnaround():
    text = ("Kiln turnaround, 4 work packages. Resources: 2 fitters and 1 crane, available throughout. Durations in "
            "shifts (8 h each, shifts run back to back).\n\n"
            "WP | Description | Shifts | Fitters | Crane | Predecessors\n"
            "A  | Isolate     | 2      | 1       | 0     | -\n"
            "B  | Scaffold    | 3      | 1       | 1     | -\n"
            "C  | Reline      | 4      | 2       | 0     | A\n"
            "D  | Lift out    | 1      | 1       | 1     | A, B\n\n"
            "What is the minimum number of shifts to complete the turnaround?")
    _, best = solved(text)
    tasks = {"A": (2, [], [1, 0]), "B": (3, [], [1, 1]), "C": (4, ["A"], [2, 0]), "D": (1, ["A", "B"], [1, 1])}
    assert best == project(tasks, [2, 1])
    assert asked(text.replace("Durations in shifts (8 h each, shifts run back to back).", ""))  # a column of shifts
    assert asked(text.replace("4 work packages", "5 work packages"))  # a count that is not the table's
