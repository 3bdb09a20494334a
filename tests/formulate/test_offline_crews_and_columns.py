"""Crews, resource columns and station names as people write them (issue 17): 'my crew of 3' with tasks needing
'2 guys'; a terse project table with 'capacities (R1, R2) = (3, 2)'; 'each goes kettle -> blast chiller -> tray &
seal' with 'nothing waits'; step cells naming a '3D printer' (no 3 days); and what stays asked: a tag on some task
names that no reader reads, a job whose time 'counts double'. Each optimum is cross-checked by the brute-force
oracle."""

from __future__ import annotations

from tests.differential.brute_schedule import brute_force
from tests.formulate.test_offline_structures import asked, solved

RENO = ("Planning the Miller bathroom reno; it's just my crew of 3, no subs this time. Here's the breakdown (days, "
        "and how many of the guys each task ties up):\n\n"
        "- Demolition: 2 days, all 3 of us. First thing.\n"
        "- Plumbing: 2 days, 2 guys, after demo.\n"
        "- Electrical: 1 day, 1 guy, after demo.\n"
        "- Tiling: 2 days, 2 guys, once plumbing and electrical are both done.\n\n"
        "We can never have more than 3 people working at once. What's the shortest total duration in days?")


def test_a_crew_of_three_and_tasks_counted_in_guys():
    problem, value = solved(RENO)
    assert {r.id: r.capacity for r in problem.resources if r.kind == "renewable"} == {"person": 3}
    assert value == brute_force(problem).objective == 6


def test_a_crew_said_twice_with_two_counts_is_asked():
    questions = asked(RENO.replace("more than 3 people", "more than 4 people"))
    assert any("crew of 3" in q or "4 people" in q for q in questions), questions


RCPSP = ("RCPSP: n = 5, K = 2, capacities (R1, R2) = (3, 2).\n"
         "act | dur | R1 | R2 | pred\n1   | 3   | 2  | 1  | -\n2   | 2   | 1  | 2  | -\n3   | 2   | 2  | 0  | 1\n"
         "4   | 3   | 1  | 1  | 1, 2\n5   | 1   | 1  | 1  | 3\nMinimise the makespan.")


def test_a_terse_project_table_with_paired_capacities():
    problem, value = solved(RCPSP)
    assert {r.id: r.capacity for r in problem.resources if r.kind == "renewable"} == {"r1": 3, "r2": 2}
    assert value == brute_force(problem).objective


def test_paired_capacities_of_different_lengths_are_asked():
    questions = asked(RCPSP.replace("(3, 2)", "(3, 2, 4)"))
    assert any("(3, 2, 4)" in q for q in questions), questions


KITCHEN = ("Three batches, each goes kettle -> blast chiller -> tray & seal, in that order, and each piece of kit "
           "takes one batch at a time. Food safety rule: nothing waits, no holding in between.\n\n"
           "Minutes (kettle, chill, seal):\nBeef casserole: 5, 9, 2\nChicken curry: 4, 6, 3\nRice pudding: 3, 4, 1\n\n"
           "What's the shortest possible total time for the whole run?")


def test_each_goes_through_stations_by_arrows_and_nothing_waits():
    problem, value = solved(KITCHEN)
    assert any(c.type == "no_wait" for c in problem.constraints)
    assert value == brute_force(problem).objective


WORKSHOP = ("Three student projects, each with a fixed route; one project on a machine at a time. The laser cutter is "
            "out of action from minute 6 to minute 9. Minutes from the start of the double lesson, everything ready "
            "at 0.\n\n| Project | Step 1 | Step 2 |\n|---|---|---|\n| Amira - lamp | Laser 3 | 3D printer 4 |\n"
            "| Josh - clock | 3D printer 2 | Laser 3 |\n| Leah - stand | Laser 2 | - |\n\n"
            "Minimise the time until all three projects are finished.")


def test_step_cells_naming_a_3d_printer_and_the_laser_cutter_down():
    problem, value = solved(WORKSHOP)
    assert {r.id: r.unavailable for r in problem.resources} == {"Laser": [(6, 9)], "3D printer": []}
    assert problem.time_unit == "min"
    assert value == brute_force(problem).objective


def test_a_tag_on_task_names_that_nothing_reads_is_asked():
    text = ("Crew of 4. Durations in days.\n\n- A: Strip old roof (R) - 2 days, 2 people\n"
            "- B: Gutter repair - 4 days, 1 person\n- C: New roof covering (R) - 3 days, 2 people, after A\n\n"
            "Anything marked (R) is roof work and also needs our one cherry-picker for its whole duration. "
            "Minimize the total duration in days.")
    questions = asked(text)
    assert any("cherry-picker" in q or "marked (R)" in q for q in questions), questions


def test_a_job_whose_time_counts_double_is_asked():
    text = ("Four jobs on the one press: flyers 20 min, posters 45 min, banners 30 min, menus 25 min. Minimise the "
            "sum of the completion times. The posters are for our biggest client, so their completion time counts "
            "double in that sum.")
    questions = asked(text)
    assert any("posters are for our biggest client" in q for q in questions), questions


def test_the_total_elapsed_hours_until_a_task_is_finished_is_its_end():
    text = ("Lab relocation. Resources: 3 technicians and 1 van. An activity holds its technicians (and the van, if "
            "used) for its full duration. Hours:\n\nact,description,hours,depends_on,techs,van\n"
            "A,Decommission freezers,2,,2,0\nB,Pack glassware,3,,2,0\nC,Move freezers,2,A,2,1\n"
            "D,Move benches,3,B,2,1\nH,Safety walk-through,1,\"C,D\",1,0\n\n"
            "Minimise the total elapsed hours until H is finished.")
    problem, value = solved(text)
    assert [t.term for t in problem.objective] == ["makespan"]
    assert value == brute_force(problem).objective
