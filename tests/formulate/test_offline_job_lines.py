"""Jobs listed one per line with their values in words (`offline.job_lines`): read whole or not at all."""

from __future__ import annotations

import itertools

from ordino.formulate.offline.job_lines import read_job_lines
from ordino.formulate.offline.text import Rewriting
from tests.formulate.test_offline_structures import flow_shop, single_machine, solved

BENCH = ("One repair bench, one laptop at a time, no pausing. The bench is free from 09:00.\n"
         "- Ana's laptop: dropped off 09:00, takes 30 min, promised by 09:30\n"
         "- Ben's tablet: arrives 09:10, 20 min, promised by 09:45\n"
         "- Cleo's phone: dropped off 09:00, 10 min, screen swap, promised by 09:20\n"
         "Minimise the total tardiness in minutes (finishing early earns nothing).")


def test_job_lines_with_clock_times_give_each_job_its_values_under_its_name():
    problem, best = solved(BENCH)
    assert [(t.id, t.release, t.due) for t in problem.tasks] == [("Ana's laptop", 0, 30), ("Ben's tablet", 10, 45),
                                                                  ("Cleo's phone", 0, 20)]
    assert best == 25  # Cleo, Ana, Ben: Ana 10 late, Ben 15 late (every other order is 30 or more)


def test_a_line_whose_words_a_rule_elsewhere_uses_is_not_read_here():
    text = ("One press.\n- job 1: 40 min, glossy stock\n- job 2: 25 min, matte stock\n- job 3: 30 min, glossy stock\n"
            "From glossy to matte takes 15 minutes.")
    assert read_job_lines(Rewriting(text)) is None


def test_a_line_relating_its_job_to_another_is_not_read_here():
    assert read_job_lines(Rewriting(BENCH.replace("screen swap", "after Ana's laptop"))) is None


PRESS = ("Our one press has five jobs tomorrow. We start at 8 sharp. Here's what's booked:\n\n"
         "Wedding invitations for the Harlow party — 1 h 20 on the press, customer collects at 10:00\n"
         "Menus for Bella Cucina — 45 min, they want them by 9:30\n"
         "Flyers for the market — 2 hours, needed by noon\n"
         "Concert posters — an hour and a half, due at 1 pm\n"
         "Brochures for Pemberton — fifty minutes, due 11:00\n\n"
         "Once a job is on the press it runs to the end. Minimise the total tardiness in minutes.")


def test_lines_without_bullets_split_by_a_dash_with_said_clock_times_and_amounts():
    problem, best = solved(PRESS)
    p, due = [80, 45, 120, 90, 50], [120, 90, 240, 300, 180]
    assert [(t.id, t.modes[0].duration, t.due) for t in problem.tasks][1] == ("Menus for Bella Cucina", 45, 90)
    assert [t.due for t in problem.tasks] == due  # '8 sharp' is 8:00, noon is 12:00
    assert best == single_machine(p, lambda ends: sum(max(0, e - d) for e, d in zip(ends, due, strict=True)))


def test_the_fewest_orders_we_can_miss_counts_late_orders():
    text = ("Three packing stations, all the same, free from 1pm, one order each at a time.\n\n"
            "Bergmann Optics: picked by 13:00, about 40 min to pack, the carrier takes it at 14:00\n"
            "Nakamura Tea: picked 13:15, 25 min, carrier 13:45\n"
            "Reyes Bikes: picked 13:30, 55 min, carrier 14:20\n"
            "Fontaine Pharmacy: picked 13:00, 35 min, carrier 13:45\n\n"
            "An order can't be packed before it's picked. What's the fewest orders we can miss?")
    problem, best = solved(text)
    assert [o.term for o in problem.objective] == ["number_tardy"]
    assert [(t.id, t.release, t.modes[0].duration, t.due) for t in problem.tasks][0] == ("Bergmann Optics", 0, 40, 60)
    assert best == 1  # Bergmann, Fontaine and Nakamura must start by 20, each on a station: Reyes waits till 35


def test_a_note_in_brackets_after_a_jobs_name_goes_with_the_name():
    text = ("Every job goes press -> guillotine -> finishing, in that order, and nothing overtakes.\n"
            "- Flyers for Roth: press 30 min, guillotine 15 min, finishing 10 min\n"
            "- Annual report: press 1 h 20 min, guillotine 20 min, finishing 1 h\n"
            "- Wedding invitations (Meyer/Kaya): press 25 min, guillotine 40 min, finishing 35 min\n"
            "Minimise the sum of the finish times, in minutes.")
    problem, value = solved(text)
    assert [j.id for j in problem.jobs] == ["Flyers for Roth", "Annual report", "Wedding invitations"]
    assert value == flow_shop([(30, 15, 10), (80, 20, 60), (25, 40, 35)], sum)


def test_lines_headed_by_codes_name_their_jobs():
    text = ("One oven, we start at 7:00, a bake runs to the end once started.\n"
            "- B1: dough ready 7:00, bake takes 40 min, due 8:00\n"
            "- B2: ready 7:00, 30 min, due 7:40\n"
            "- B3: ready 7:20, 20 min, due 8:10\n"
            "Minimise the total tardiness in minutes.")
    problem, best = solved(text)
    assert [t.id for t in problem.tasks] == ["B1", "B2", "B3"]
    release, p, due = [0, 0, 20], [40, 30, 20], [60, 40, 70]

    def tardiness(order: tuple[int, ...]) -> int:
        t, total = 0, 0
        for j in order:
            t = max(t, release[j]) + p[j]
            total += max(0, t - due[j])
        return total

    assert best == min(tardiness(o) for o in itertools.permutations(range(3)))


def test_an_arrival_by_email_and_a_release_said_again_in_the_first_person():
    text = BENCH.replace("- Ben's tablet: arrives 09:10, 20 min, promised by 09:45",
                         "- Ben's files: arrive by email at 09:10 so I can't start before then, 20 min, promised by "
                         "09:45")
    problem, best = solved(text)
    assert [(t.id, t.release) for t in problem.tasks][1] == ("Ben's files", 10)
    assert best == 25


def test_a_point_in_time_followed_by_so_it_cannot_start_before_then_is_the_release():
    text = BENCH.replace("- Ben's tablet: arrives 09:10, 20 min, promised by 09:45",
                         "- Ben's tablet: 20 min, promised by 09:45, but the charger is only here at 09:10, so no "
                         "tablet before that")
    problem, best = solved(text)
    assert [(t.id, t.release) for t in problem.tasks][1] == ("Ben's tablet", 10)
    assert best == 25
