"""Jobs one per line with their times per stage split by slashes under a bracket naming the stages
(`offline.stage_rows`), and words that keep one job order on every machine (a permutation flow shop)."""

from __future__ import annotations

from tests.formulate.test_offline_structures import asked, flow_shop, solved

LINE = ("Every job goes saw, then edge, then drill, then assembly, one job per station at a time.\n"
        "Minutes per station (saw / edge / drill / assembly):\n"
        "  Oak desk ...... 1 / 7 / 3 / 4\n  Pine shelf .... 1 / 8 / 9 / 7\n  Birch cabinet . 9 / 4 / 1 / 8\n"
        "Whatever order we pick at the saw is the order they go through every station. "
        "Minimise the makespan in minutes.")


def test_times_per_stage_split_by_slashes_and_one_order_on_every_station():
    problem, best = solved(LINE)
    assert [j.id for j in problem.jobs] == ["Oak desk", "Pine shelf", "Birch cabinet"]
    assert {r.id for r in problem.resources} == {"saw", "edge", "drill", "assembly"}
    assert any(c.type == "permutation" for c in problem.constraints)
    assert best == flow_shop([(1, 7, 3, 4), (1, 8, 9, 7), (9, 4, 1, 8)], max) == 37  # letting a job overtake
    # another between stations gives 35: the order kept on every station is what makes it 37


def test_without_the_words_jobs_may_overtake_and_a_line_read_in_part_is_asked():
    free = LINE.replace("Whatever order we pick at the saw is the order they go through every station. ", "")
    problem, best = solved(free)
    assert not any(c.type == "permutation" for c in problem.constraints) and best == 35
    assert asked(LINE.replace("9 / 4 / 1 / 8", "9 / 4 / 1"))
    assert asked(LINE.replace("Pine shelf ....", "Pine shelf (2 h setup)"))  # a time in a name is never dropped


def test_a_value_in_words_after_the_times():
    text = ("We start at 11:30. Every job goes saw, then edge, then drill, then assembly, one job per station at a "
            "time.\nMinutes per station (saw / edge / drill / assembly):\n"
            "  Oak desk ...... 1 / 7 / 3 / 4 - collected 12:00\n  Pine shelf .... 1 / 8 / 9 / 7 - collected 12:10\n"
            "  Birch cabinet . 9 / 4 / 1 / 8 - collected 12:20\n"
            "No overtaking. Minimise the total tardiness in minutes.")
    problem, best = solved(text)
    due = [30, 40, 50]
    assert best == flow_shop([(1, 7, 3, 4), (1, 8, 9, 7), (9, 4, 1, 8)],
                             lambda ends: sum(max(0, e - d) for e, d in zip(ends, due, strict=True)))


def test_times_in_slashes_for_jobs_that_run_on_one_machine_are_never_stages():
    text = ("We have two mills. Each batch goes on one machine only, one batch per machine at a time. Batch times in "
            "minutes (Haas / Mazak):\n- bracket: 45 / 70\n- gear: 30 / 35\n- cap: 25 / 30\n"
            "Minimise the makespan in minutes.")
    problem, best = solved(text)
    assert all(len(t.modes) == 2 for t in problem.tasks) and best == 65  # the bracket alone on the Haas
    assert asked(text.replace("Each batch goes on one machine only, one batch per machine at a time. ", "")
                 .replace("We have two mills. ", "Each batch runs on the Haas or the Mazak. "))


def test_rows_a_blank_line_below_their_legend_with_the_unit_after_each_time():
    text = ("Every order is printed first and then laminated, one order at a time on each machine. "
            "Times (print / laminate):\n\n- Posters: 30 min / 15 min\n- Flyers: 20 min / 35 min\n"
            "- Menus: 25 min / 30 min\n\nWe start at 9:00. Please give me the finish time of the last lamination, in "
            "minutes after 9:00, as early as possible.")
    problem, best = solved(text)
    assert [[m.duration for m in t.modes] for t in problem.tasks] == [[30], [15], [20], [35], [25], [30]]
    assert best == 20 + 35 + 30 + 15  # Flyers, Menus, Posters: the laminator never waits after the first print
