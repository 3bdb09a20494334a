"""Words that give a number its role wherever it stands (issue 17): on a job's own line the words just before a
time say what it is ('dropped off 8:15' a release, 'wants it back by 10:00' a due date, '50 min service' the
duration); any '<thing> opens 07:30' states the day's start; a heading's numbers only name things; a route's
order said again ('op 1 -> op 2 -> op 3') is no data; rows of a machine's times labelled 'p2j' under 'job 1 2 3';
records under '(r_j1, r_j2)' whose 'd_j' is a duration when nothing is due; cells that each give their key ('id: A |
days: 3 | after: A'); 'counting from day 0'; 'the earliest hour by which all five are mixed'; a one-row table of
weekday demands. Optima brute-forced."""

from __future__ import annotations

import itertools

from tests.formulate.test_offline_structures import (
    asked,
    cover,
    flexible_shop,
    flow_shop,
    job_shop,
    least_max_lateness,
    project,
    single_machine,
    solved,
)


def fewest_late(jobs: list[tuple[int, int, int]]) -> int:
    """Fewest late jobs on one machine of jobs (release, time, due), over every order."""
    best = len(jobs)
    for order in itertools.permutations(jobs):
        t, late = 0, 0
        for r, p, d in order:
            t = max(t, r) + p
            late += t > d
        best = min(best, late)
    return best


BIKES = ("Workshop note, one mechanic so one bike at a time, every repair is finished once begun.\n\n"
         "- Ms Ortega's tourer - dropped off 08:15, needs 50 min, she wants it back by 09:30\n"
         "- Courier e-bike - here at 08:00, 40 min service, promised for 09:00\n"
         "- Kids' BMX - arrives 09:00, 30 min, promised 10:00\n"
         "- Road bike (Mr Lind) - arrives 08:30, 45 min, promised 11:00\n\n"
         "The workshop opens 08:00. What is the smallest number of bikes that can be late?")


def test_the_words_before_a_time_on_a_jobs_line_give_its_role():
    problem, value = solved(BIKES)
    tasks = {t.id: t for t in problem.tasks}
    tourer = tasks["Ms Ortega's tourer"]
    assert (tourer.release, tourer.modes[0].duration, tourer.due) == (15, 50, 90)
    courier = tasks["Courier e-bike"]
    assert (courier.release, courier.modes[0].duration, courier.due) == (0, 40, 60)
    assert value == fewest_late([(15, 50, 90), (0, 40, 60), (60, 30, 120), (30, 45, 180)])


def test_a_cue_word_never_fills_a_role_twice_and_an_unread_time_is_asked():
    text = BIKES.replace("- Kids' BMX - arrives 09:00, 30 min, promised 10:00",
                         "- Kids' BMX - arrives 09:00, 30 min, promised 10:00, collected 09:45")
    assert asked(text)


def test_any_thing_that_opens_at_a_clock_time_sets_the_start_and_a_headings_number_only_names():
    text = ("Kiln 3 - firing queue\n\n"
            "batch,ready_at,fire_min,due_at\nK1,07:30,60,09:00\nK2,07:30,45,10:00\nK3,08:15,30,09:15\n\n"
            "The kiln room opens 07:30. Minimise the maximum lateness, in minutes.")
    problem, value = solved(text)
    assert [(t.id, t.release, t.due) for t in problem.tasks] == [("K1", 0, 90), ("K2", 0, 150),
                                                                       ("K3", 45, 105)]
    best = min(max(end - d for end, d in _ends(order)) for order in itertools.permutations(
        [(0, 60, 90), (0, 45, 150), (45, 30, 105)]))
    assert value == best


def _ends(order: tuple[tuple[int, int, int], ...]) -> list[tuple[int, int]]:
    t, out = 0, []
    for r, p, d in order:
        t = max(t, r) + p
        out.append((t, d))
    return out


def test_a_heading_number_beside_data_is_still_data():
    # '3 jobs' in a heading counts; the number after a word in a line with a colon is data (never set aside)
    assert asked("Press 2 - load: 7\n\nJobs A, B take 3, 4 hours. Minimise the makespan.")


def test_a_route_order_said_again_with_arrows_is_no_data():
    text = ("Tool room, clock starts 06:00, all stock at the machines at 06:00.\n\n"
            "| part | op 1 | op 2 |\n|---|---|---|\n| P-1 | lathe 20m | mill 10m |\n| P-2 | mill 15m | lathe 25m |\n\n"
            "Parts follow the order op 1 -> op 2. Minimise the makespan in minutes.")
    _, value = solved(text)
    assert value == job_shop([[("lathe", 20), ("mill", 10)], [("mill", 15), ("lathe", 25)]])


def test_rows_of_each_machines_times_labelled_p1j_under_a_row_of_job_numbers():
    text = ("F2 | prmu | sum C_j, origin 0.\n\njob   1  2  3  4\np1j   3  5  2  4\np2j   4  1  3  2\n\n"
            "Find the least total completion time.")
    problem, value = solved(text)
    assert [t.id for t in problem.tasks][:2] == ["J1.1", "J1.2"]
    assert value == flow_shop([(3, 4), (5, 1), (2, 3), (4, 2)], sum)


def test_records_with_a_bracketed_pair_of_demands_and_a_d_j_that_is_the_duration():
    text = ("5 activities, 2 renewable resources (R1 cap 2, R2 cap 1). Minimise the makespan.\n\n"
            "j : d_j, (r_j1, r_j2), predecessors\n1 : 3, (1,1), -\n2 : 2, (2,0), -\n3 : 4, (1,0), 1\n"
            "4 : 2, (1,1), 2\n5 : 1, (2,1), 3 4")
    problem, value = solved(text)
    assert value == project({"1": (3, [], [1, 1]), "2": (2, [], [2, 0]), "3": (4, ["1"], [1, 0]),
                             "4": (2, ["2"], [1, 1]), "5": (1, ["3", "4"], [2, 1])}, [2, 1])
    # the same records with lateness in the goal: 'd_j' may be a due date, so the durations are asked
    assert asked(text.replace("Minimise the makespan.", "Minimise the total tardiness."))


def test_cells_that_each_give_their_key_and_time_counted_from_day_0():
    text = ("- id: A | task: strip out | days: 2 | fitters: 1 | after: none\n"
            "- id: B | task: wiring | days: 3 | fitters: 2 | after: A\n"
            "- id: C | task: plumbing | days: 2 | fitters: 1 | after: A\n"
            "- id: D | task: boards | days: 1 | fitters: 2 | after: B, C\n\n"
            "We have 2 fitters. 'after' = can only start once those are finished. Shortest schedule in days, "
            "counting from day 0?")
    problem, value = solved(text)
    assert {r.id: r.capacity for r in problem.resources} == {"fitter": 2}
    assert value == project({"A": (2, [], [1]), "B": (3, ["A"], [2]), "C": (2, ["A"], [1]),
                             "D": (1, ["B", "C"], [2])}, [2])


def test_the_earliest_hour_by_which_all_are_done_is_the_makespan():
    text = ("Three prints go through trim, then bind.\n\nprint | trim | bind\nA | 2 | 3\nB | 4 | 1\nC | 3 | 2\n\n"
            "One trimmer, one binder. Goal: the earliest hour by which all three prints are bound.")
    _, value = solved(text)
    assert value == flow_shop([(2, 3), (4, 1), (3, 2)], max)


def test_a_one_row_table_of_weekday_demands_gives_each_day_its_own_cell():
    text = ("Minimum staff per day:\n\n| Mon | Tue | Wed | Thu | Fri | Sat | Sun |\n|---|---|---|---|---|---|---|\n"
            "| 3 | 2 | 2 | 3 | 4 | 2 | 1 |\n\nEveryone works 5 consecutive days then has 2 days off. "
            "What is the smallest number of employees?")
    _, value = solved(text)
    week = [3, 2, 2, 3, 4, 2, 1]
    assert value == cover(week, 5)  # each start day's pattern covers 5 days in a row


def test_a_roster_sentence_no_reader_used_is_asked_never_dropped():
    text = ("Demand per day: Mon 3, Tue 2, Wed 2, Thu 3, Fri 4, Sat 2, Sun 1.\n"
            "Every worker does 5 consecutive days on and then 2 days off, so someone starting on Thursday works "
            "Thu-Mon. At most one shift per day.\n{extra}What is the smallest number of workers?")
    problem, value = solved(text.format(extra=""))  # the example and the restated rule are no data
    assert value == cover([3, 2, 2, 3, 4, 2, 1], 5)
    for extra in ("Each worker also gets 2 paid breaks. ", "Nobody works more than 4 days in a row. ",
                  "Spread the load as fairly as possible. "):
        questions = asked(text.format(extra=extra))
        assert any(extra.strip(" .") in q for q in questions), (extra, questions)


def test_how_many_hours_until_the_last_one_is_done_is_the_makespan():
    text = ("Three orders, each in the order listed, no splitting:\n\n- Alder gate: lathe 3h, then mill 1h\n"
            "- Birch post: mill 2h, then lathe 2h\n- Cedar rail: lathe 1h, then mill 3h\n\n"
            "Everything is here now. If we plan it well, how many hours until the very last order is done?")
    _, value = solved(text)
    assert value == job_shop([[("lathe", 3), ("mill", 1)], [("mill", 2), ("lathe", 2)], [("lathe", 1), ("mill", 3)]])
    # the end of one order's last step is no goal for all of them
    assert asked(text.replace("how many hours until the very last order is done?",
                              "how many hours until its last step is done?"))


def test_a_job_that_leaves_out_a_machine_every_job_goes_through_is_asked():
    text = ("Three orders go through the saw, then the drill, then the paint booth, always in that order.\n\n"
            "- Gates: saw 2 h, drill 1 h, paint 3 h\n- Rails: saw 1 h and paint 2 h\n- Posts: saw 3 h, drill 2 h, "
            "paint 1 h\n\nHow many hours until the last order is painted, at best?")
    questions = asked(text)
    assert any("Rails on drill" in q for q in questions), questions
    _, value = solved(text.replace("saw 1 h and paint 2 h", "saw 1 h, drill 2 h and paint 2 h"))
    assert value == flow_shop([(2, 1, 3), (1, 2, 2), (3, 2, 1)], max)


def test_route_rows_that_end_early_and_a_restated_count_of_their_steps():
    text = ("Order | Step 1 | Step 2 | Step 3\nA-1 | Saw 2 | Weld 3 | Paint 1\nA-2 | Weld 2 | Paint 2 |\n"
            "A-3 | Paint 1 | Saw 3 | Weld 1\n\nHours. A-2 only has two steps. Steps in the order shown; one saw, one "
            "welder, one paint booth. How many hours until all three orders are finished, at best?")
    _, value = solved(text)
    assert value == job_shop([[("saw", 2), ("weld", 3), ("paint", 1)], [("weld", 2), ("paint", 2)],
                              [("paint", 1), ("saw", 3), ("weld", 1)]])
    assert asked(text.replace("A-2 only has two steps", "A-2 only has three steps"))


def test_operation_rows_labelled_job_dot_step_with_a_time_on_each_machine_that_can_do_it():
    text = ("op | M1 | M2 | M3\n---+----+----+---\nJ1.1 | 3 | 5 | -\nJ1.2 | - | 2 | 4\nJ2.1 | 4 | - | 2\n"
            "J2.2 | 2 | 3 | -\n\n'-' = cannot. Each operation runs on one of its machines. Minimise the makespan.")
    problem, value = solved(text)
    assert [t.id for t in problem.tasks] == ["J1.1", "J1.2", "J2.1", "J2.2"]
    assert value == flexible_shop([[{"M1": 3, "M2": 5}, {"M2": 2, "M3": 4}], [{"M1": 4, "M3": 2}, {"M1": 2, "M2": 3}]])


def test_machines_named_by_letters_in_a_blank_aligned_table_said_not_identical():
    text = ("Presses A, B, C (not identical), a job stays on one press. '-': the job cannot go on that press.\n\n"
            "job due A B C\nP1 5 4 6 -\nP2 4 3 - 2\nP3 9 5 4 6\n\nMinimise the total tardiness.")
    _, value = solved(text)
    options = [{"A": 4, "B": 6}, {"A": 3, "C": 2}, {"A": 5, "B": 4, "C": 6}]
    due = [5, 4, 9]
    best = None
    for choice in itertools.product(*(list(o) for o in options)):
        for order in itertools.permutations(range(3)):
            free: dict[str, int] = {}
            late = 0
            for j in order:
                free[choice[j]] = free.get(choice[j], 0) + options[j][choice[j]]
                late += max(0, free[choice[j]] - due[j])
            best = late if best is None else min(best, late)
    assert value == best


def test_a_job_line_in_words_an_hour_and_a_half_and_a_press_started_up_at_a_clock_time():
    text = ("Everything goes through the one press today. Sam starts it up at 8:00.\n\n"
            "- Menus - an hour and a half, they collect at 9:30\n- Flyers - 30 min, needed by 8:30\n"
            "- Cards - half an hour, by 10:00\n\n"
            "Once a job is on the press it stays on until it's finished. What is the smallest number of late jobs?")
    problem, value = solved(text)
    assert [(t.id, t.modes[0].duration, t.due) for t in problem.tasks] == [("Menus", 90, 90), ("Flyers", 30, 30),
                                                                          ("Cards", 30, 120)]
    assert value == fewest_late([(0, 90, 90), (0, 30, 30), (0, 30, 120)])


def test_a_column_unit_in_a_pipe_header_and_a_machine_that_runs_24_7():
    text = ("One autoclave, runs 24/7, one load at a time.\n\n| Load | Run (h) | Due (h) |\n|---|---|---|\n"
            "| L1 | 4 | 5 |\n| L2 | 2 | 3 |\n| L3 | 3 | 9 |\n\nMinimise the total tardiness.")
    problem, value = solved(text)
    assert [t.modes[0].duration for t in problem.tasks] == [4, 2, 3]
    due = [5, 3, 9]
    assert value == single_machine([4, 2, 3], lambda ends: sum(max(0, e - d) for e, d in zip(ends, due, strict=True)))
    # the table's unit after its last column of stations stays the table's (no column of durations)
    _, value = solved("Parts go cut -> weld in that order.\n\nPart | Cut | Weld   (minutes)\nP1 | 3 | 2\nP2 | 1 | 4\n\n"
                      "Minimise the makespan.")
    assert value == flow_shop([(3, 2), (1, 4)], max)


def test_r_j_of_a_project_with_one_resource_is_what_a_task_needs_of_it():
    text = ("RCPSP, 4 activities, 1 renewable resource R, capacity 3.\nj : d_j, r_j, predecessors\n1 : 2, 2, -\n"
            "2 : 3, 2, -\n3 : 2, 1, {1}\n4 : 1, 3, {2, 3}\nMinimise the makespan.")
    _, value = solved(text)
    assert value == project({"1": (2, [], [2]), "2": (3, [], [2]), "3": (2, ["1"], [1]), "4": (1, ["2", "3"], [3])},
                            [3])


def test_a_short_first_sentence_names_and_a_weekday_table_of_monday_to_friday_is_the_roster():
    text = ("Kiosk 4 rota. Cover needed:\n\n| Day | Mon | Tue | Wed | Thu | Fri |\n|---|---|---|---|---|---|\n"
            "| Min | 2 | 2 | 1 | 2 | 2 |\n\nEach worker works at most 3 days. What is the minimum number of workers?")
    problem, value = solved(text)
    assert problem.days == ["Mon", "Tue", "Wed", "Thu", "Fri"]
    assert value == 3  # 9 shifts at most 3 each, and 3 workers can cover every day
    assert asked(text.replace("at most 3 days.", "at most 3 days, and nobody works weekends."))


def test_access_times_on_a_jobs_line_are_releases_and_1_h_30_is_ninety_minutes():
    text = ("One crew, one venue at a time. We start at 06:00.\n\n- Corn Exchange: access 06:00, 3 h\n"
            "- Church hall: access 07:00, 1 h 30\n- Marquee: access 08:00, 1 h\n\n"
            "Minimise the time the last venue is done, in minutes after 06:00.")
    problem, value = solved(text)
    assert [(t.release, t.modes[0].duration) for t in problem.tasks] == [(0, 180), (60, 90), (120, 60)]
    assert value == min(_ends_with_releases(order)[-1] for order in itertools.permutations([(0, 180), (60, 90),
                                                                                             (120, 60)]))


def _ends_with_releases(order: tuple[tuple[int, int], ...]) -> list[int]:
    t, ends = 0, []
    for release, p in order:
        t = max(t, release) + p
        ends.append(t)
    return ends


def test_bare_rows_and_slashed_steps_after_routes_that_name_the_stations():
    text = ("Every job is printed first, then bound.\n\nYearbook: 70 min printing, 45 min binding\n"
            "Catalogue: 40 printing / 60 binding\nBrochure: 25 / 15\nManual: 55 / 80\n\n"
            "How many minutes until the last job comes off the binder, at best?")
    problem, value = solved(text)
    assert {t.id for t in problem.tasks} >= {"Catalogue.1", "Catalogue.2", "Brochure.1", "Brochure.2"}
    assert value == flow_shop([(70, 45), (40, 60), (25, 15), (55, 80)], max)


def test_a_count_of_the_rows_in_words_that_the_table_does_not_fill_is_asked():
    text = ("reel,ready_at,grade_min,due_at\nR1,08:00,90,10:00\nR2,08:00,60,11:30\nR3,09:00,45,10:30\n\n"
            "One colourist, one reel at a time. Suite opens 08:00. Minimise the maximum lateness over the {n} reels, "
            "in minutes.")
    solved(text.format(n="three"))
    questions = asked(text.format(n="four"))
    assert any("four reels" in q and "has 3" in q for q in questions), questions
    solved(text.format(n="three").replace("Suite opens", "Between any two reels there is no gap. Suite opens"))


def test_all_four_of_the_jobs_is_a_count_the_data_must_fill():
    text = ("Panels go degrease, then sand, always in that order. Times in minutes:\n\n"
            "Door: degrease 25, sand 15\nBonnet: degrease 30, sand 10\n{more}\n"
            "All {n} are here now. What's the shortest time until the last panel is sanded?")
    _, value = solved(text.format(more="Bumper: degrease 20, sand 20", n="three"))
    assert value == flow_shop([(25, 15), (30, 10), (20, 20)], max)
    questions = asked(text.format(more="", n="three"))
    assert any("All three are here now" in q for q in questions), questions
    solved(text.format(more="Bumper: degrease 20, sand 20", n="three").replace("All three", "All three stations"))


def test_one_machine_is_read_only_where_the_text_speaks_of_one():
    jobs = "Jobs A-D take 3, 1, 4, 2 hours. Minimise the sum of completion times."
    assert asked(jobs)  # no word of any machine: how many is asked, never assumed
    for said in ("The kiln takes one batch at a time. ", "Single workstation. ", "Machine 1 does them all. "):
        _, value = solved(said + jobs)
        assert value == 1 + 3 + 6 + 10


def test_a_machine_count_of_the_notation_that_the_rows_do_not_fill_is_asked():
    text = ("R3 || C_max, 3 jobs, p_ij = time of job j on machine i.\n\np_ij    j=1  2  3\n{rows}\n\n"
            "Minimise the makespan.")
    rows = ["M1        5  8  3", "M2        7  6  4", "M3        4  9  6"]
    _, value = solved(text.format(rows="\n".join(rows)))
    times = [[5, 7, 4], [8, 6, 9], [3, 4, 6]]  # job x machine
    assert value == min(max(sum(times[j][m] for j in range(3) if choice[j] == m) for m in range(3))
                        for choice in itertools.product(range(3), repeat=3))
    questions = asked(text.format(rows="\n".join(rows[1:])))
    assert any("3 machines said" in q for q in questions), questions


def test_the_total_of_the_finishing_times_of_a_flow_of_loads():
    text = ("One washer and one dryer, four loads when we open at 9:00; every load is washed, then dried, in the "
            "same order through both. Times (min):\n  sheets - wash 40, dry 50\n  towels - wash 35, dry 60\n"
            "  linen - wash 25, dry 30\n  mats - wash 20, dry 40\nI want to minimise the total of the finishing "
            "times, in minutes from 9:00.")
    _, value = solved(text)
    assert value == flow_shop([(40, 50), (35, 60), (25, 30), (20, 40)], sum)


def test_columns_of_times_named_by_a_line_and_the_time_at_which_all_jobs_are_finished():
    text = ("job,line_A_min,line_B_min\n1,8,6\n2,5,7\n3,7,9\n4,3,4\n\nEach job runs entirely on one of the two "
            "lines; lines work in parallel, one job at a time each, starting together at 0. Minimise the time at "
            "which all four jobs are\nfinished.")
    problem, value = solved(text)
    assert sorted(r.id for r in problem.resources) == ["line_A", "line_B"]
    times = [(8, 6), (5, 7), (7, 9), (3, 4)]
    assert value == min(max(sum(t[a] for t, a in zip(times, pick, strict=True) if a == m) for m in (0, 1))
                        for pick in itertools.product((0, 1), repeat=4))


def test_job_lines_numbered_without_a_noun_and_pairs_of_bare_numbers_under_a_legend():
    routes = [[("M1", 3), ("M2", 2)], [("M2", 4), ("M1", 1)], [("M1", 2), ("M2", 3)]]
    written = "\n".join(f"  {k}: " + " ".join(f"({m[1:]},{p})" for m, p in r) for k, r in enumerate(routes, start=1))
    problem, value = solved(f"JSP 3x2, C_max. Technological order, (m, p):\n{written}")
    assert [t.modes[0].resources[0] for t in problem.tasks] == ["M1", "M2", "M2", "M1", "M1", "M2"]
    assert value == job_shop(routes)
    reversed_pairs = "\n".join(f"{k}: " + ", ".join(f"M{m[1:]}:{p}" for m, p in r)
                               for k, r in enumerate(routes, start=1))
    _, total = solved("Job shop, m = 2, n = 3. Minimise total completion time sum C_j.\nOperations in route "
                      f"order (machine:duration):\n{reversed_pairs}\nnon-preemptive.")
    assert total == job_shop(routes, cost=sum)


def test_jobs_numbered_in_a_table_leave_the_numbers_of_their_routes_alone():
    text = ("| Job | Route (machine: hours) |\n|---|---|\n| 1 | Cutter: 3 -> Press: 2 |\n"
            "| 2 | Press: 1 -> Cutter: 2 |\n\nEach job follows its route in order. Minimise the makespan (hours).")
    problem, value = solved(text)
    assert [(t.modes[0].resources[0], t.modes[0].duration) for t in problem.tasks] == [
        ("Cutter", 3), ("Press", 2), ("Press", 1), ("Cutter", 2)]
    assert value == job_shop([[("C", 3), ("P", 2)], [("P", 1), ("C", 2)]])


def test_a_time_ending_the_last_job_line_is_never_the_setup_of_the_next_paragraph():
    text = ("One press, one job at a time; we start at 7:00.\n- Menus: ready 7:00, 45 min, promised 8:30\n"
            "- Cards: ready 7:20, 30 min, promised 8:00\n- Flyers: ready 7:00, 60 min, promised 9:15\n\n"
            "Changeovers are negligible. Minimise the largest lateness in minutes.")
    problem, value = solved(text)
    assert [t.due for t in problem.tasks] == [90, 60, 135] and all(not r.setups for r in problem.resources)
    assert value == least_max_lateness([(0, 45, 90), (20, 30, 60), (0, 60, 135)])


def test_a_sentence_that_says_what_a_release_is_and_runs_to_completion_in_two_pieces():
    text = ("job release duration\n1 0 4\n2 1 2\n3 3 5\n\nSingle machine. A job cannot begin before its release time "
            "and, once begun, runs to\ncompletion; the machine processes at most one job at a time. Minimise the "
            "total completion time.")
    _, value = solved(text)
    assert value == min(sum(ends) for ends in (
        list(itertools.accumulate(order, lambda t, j: max(t, j[0]) + j[1], initial=0))[1:]
        for order in itertools.permutations([(0, 4), (1, 2), (3, 5)])))


def test_the_maximum_tardiness_is_its_own_goal_zero_when_every_job_is_on_time():
    text = ("One oven, one batch at a time. Batches: A takes 3 h, due at hour 4; B takes 2 h, due at hour 9; C takes "
            "4 h, due at hour 6. Minimise the maximum tardiness in hours.")
    problem, value = solved(text)
    assert problem.objective[0].term == "maximum_tardiness"
    jobs = [(3, 4), (2, 9), (4, 6)]
    assert value == min(max(0, *(sum(p for p, _ in order[:k + 1]) - order[k][1] for k in range(3)))
                        for order in itertools.permutations(jobs))
    _, early = solved(text.replace("due at hour 6", "due at hour 16").replace("due at hour 4", "due at hour 14"))
    assert early == 0  # never below zero, unlike the maximum lateness


def test_a_table_of_times_per_station_and_every_job_sent_through_them_in_that_order_is_a_flow_shop():
    text = ("Every piece goes sanding \u2192 staining \u2192 lacquering, always in that order. Times in hours:\n\n"
            "piece            sanding  staining  lacquer\ndining table        3        2         4\n"
            "hall bench          1        2         2\noak sideboard       2        5         3\n\n"
            "What's the minimum number of hours until the last piece leaves lacquering?")
    problem, value = solved(text)
    assert [j.id for j in problem.jobs] == ["dining table", "hall bench", "oak sideboard"]
    assert value == flow_shop([(3, 2, 4), (1, 2, 2), (2, 5, 3)], max)
    assert asked(text.replace("sanding \u2192 staining \u2192 lacquering, always in that order",
                              "staining \u2192 sanding \u2192 lacquering, always in that order"))


def test_those_two_batches_counts_nothing_and_an_arrow_between_operation_symbols_is_notation():
    text = ("Four firings and two kilns at the same speed. Firing times: bowls 3 h, mugs 2 h, urns 4 h, vases 3 h; "
            "those two big batches, the urns and the vases, are glazed already. How soon can we have all of it "
            "fired, in hours?")
    problem, value = solved(text)
    assert len(problem.tasks) == 4 and value == 6
    flexible = ("FJSP, 2 jobs x 2 ops, machines M1-M2. Ops of a job in order O_j1 \u2192 O_j2; one op per machine at "
                "a time.\nO11: M1=3, M2=5\nO12: M2=4\nO21: M2=2, M1=3\nO22: M1=4\nobj: min C_max")
    problem, value = solved(flexible)
    assert [t.id for t in problem.tasks] == ["J1.1", "J1.2", "J2.1", "J2.2"]
    assert value == flexible_shop([[{"M1": 3, "M2": 5}, {"M2": 4}], [{"M2": 2, "M1": 3}, {"M1": 4}]])


def test_where_a_job_may_run_left_unread_is_asked_never_dropped():
    text = ("Four firings and two kilns, Big and Small, at the same speed; the urns and the vases are too big for "
            "Small, so they have to go in Big. Firing times: bowls 3 h, mugs 2 h, urns 4 h, vases 3 h. How soon can "
            "we have all of it fired, in hours?")
    assert any("too big for Small" in q for q in asked(text))


def test_how_soon_we_can_be_done_with_everyone_is_the_makespan():
    text = ("Three rooms take one person at a time, and once someone starts a test they finish it. The clinic opens "
            "at 7:30.\n\nReyes: hearing 20 min -> eyes 15 min -> exam 30 min\n"
            "Lindqvist: eyes 25 min -> exam 20 min -> hearing 15 min\n\n"
            "Each does the steps in the order written. How many minutes after 7:30 can we be done with everyone?")
    problem, best = solved(text)
    assert problem.objective[0].term == "makespan"
    routes = [[("hearing", 20), ("eyes", 15), ("exam", 30)], [("eyes", 25), ("exam", 20), ("hearing", 15)]]
    assert best == job_shop(routes) == 75  # Lindqvist's eyes and exam hold Reyes back until 45


def test_an_order_code_in_brackets_beside_a_name_is_no_job():
    text = ("The saw and the lathe take one job at a time; each job has its own order of steps.\n"
            "1. Pump shaft (order 4471): saw 15 min, then lathe 10 min\n2. Valve body: lathe 25 min -> saw 5 min\n"
            "How many minutes until we are done with everything at the earliest?")
    problem, best = solved(text)
    assert sorted(j.id for j in problem.jobs) == ["Pump shaft", "Valve body"]
    assert best == job_shop([[("saw", 15), ("lathe", 10)], [("lathe", 25), ("saw", 5)]]) == 35


def test_an_indicator_definition_is_no_data_and_a_half_done_piece_is_no_factor():
    text = ("1 || ΣU_j, 5 jobs, r_j = 0, no preemption.\np = (3, 5, 2, 6, 4)\nd = (6, 8, 5, 15, 12)\n"
            "U_j = 1 if C_j > d_j, else 0. Minimum number of tardy jobs = ?")
    problem, best = solved(text)
    assert [o.term for o in problem.objective] == ["number_tardy"]
    p, d = [3, 5, 2, 6, 4], [6, 8, 5, 15, 12]
    assert best == single_machine(p, lambda ends: sum(e > due for e, due in zip(ends, d, strict=True)))
    bench = ("It's just me on the bench, one instrument at a time, and once I've started one I finish it (can't "
             "leave a half-calibrated gauge on the bench). Gauge: 40 min. Meter: 60 min. Scale: 20 min. "
             "Minimise the total completion time.")
    assert solved(bench)[1] == single_machine([40, 60, 20], sum)
