"""Time between two named tasks (`offline.relations`): at least some time ('the concrete must cure for at least 3
days before ...'), or none at all ('the very moment ... comes out, with no gap'). Optima brute-forced."""

from __future__ import annotations

import itertools

from tests.formulate.test_offline_structures import solved


def one_machine(p: list[int], gaps: dict[tuple[int, int], tuple[int, int | None]], cost) -> int:
    """Best `cost(ends)` over every order on one machine, each job as early as the machine and the gaps allow:
    gaps[(a, b)] = (least, most) time from a's end to b's start (most None: no bound)."""
    best = None
    for order in itertools.permutations(range(len(p))):
        if any(order.index(a) > order.index(b) for a, b in gaps):
            continue
        ends: dict[int, int] = {}
        clock, ok = 0, True
        for j in order:
            start = max([clock] + [ends[a] + least for (a, b), (least, _) in gaps.items() if b == j])
            if any(b == j and most is not None and start > ends[a] + most for (a, b), (_, most) in gaps.items()):
                ok = False
                break
            clock = ends[j] = start + p[j]
        if ok:
            value = cost([ends[j] for j in range(len(p))])
            best = value if best is None else min(best, value)
    assert best is not None
    return best


def test_a_task_that_must_go_in_the_moment_another_comes_out_has_no_gap():
    text = ("One oven, one batch at a time. Bakes: job 1 40 min, job 2 25 min, job 3 15 min, job 4 30 min. Job 4 has "
            "to go into the oven the very moment job 1 comes out, with no gap at all. Minimise the total completion "
            "time.")
    problem, best = solved(text)
    assert [(c.first, c.then, c.min_lag, c.max_lag) for c in problem.constraints] == [("J1", "J4", 0, 0)]
    assert best == one_machine([40, 25, 15, 30], {(0, 3): (0, 0)}, sum)
    assert best > one_machine([40, 25, 15, 30], {}, sum)  # the rule costs something here


def test_a_task_that_must_wait_at_least_some_time_after_another_described_by_its_label():
    text = ("One mixer does one task at a time. Times: task A 3 h, task B 2 h, task C 4 h.\n"
            "After the base coat (A) finishes, it must dry for at least 5 hours before the top coat (C) may start.\n"
            "Minimise the makespan in hours.")
    problem, best = solved(text)
    assert [(c.first, c.then, c.min_lag) for c in problem.constraints] == [("A", "C", 5)]
    assert best == one_machine([3, 2, 4], {(0, 2): (5, None)}, max) == 12


def test_a_pause_over_the_break_said_with_the_breaks_times_again_and_a_start_when_someone_clocks_in():
    text = ("One printer. The operator clocks in at 9:00 am and all files are ready then.\n\n"
            "job,print_minutes,priority_weight\nMenus,50,3\nBanners,70,2\nPosters,40,1\n\n"
            "The printer is shut down for lunch from 10:30 to 11:15. A print that is in progress at 10:30 is paused "
            "and resumes at 11:15 exactly where it left off. Minimise the weighted sum of completion times, in "
            "minutes after 9:00 am.")
    problem, best = solved(text)
    assert all(t.resumable for t in problem.tasks)
    p, w = [50, 70, 40], [3, 2, 1]
    value = None
    for order in itertools.permutations(range(3)):
        clock, total = 0, 0
        for j in order:
            end = clock + p[j]
            if clock < 90 < end or clock >= 90 and clock < 135:  # a print running into the break waits it out
                end += 135 - max(clock, 90) if clock >= 90 else 45
            clock = end
            total += w[j] * end
        value = total if value is None else min(value, total)
    assert best == value
    assert "10:30" in " ".join(solved_or_asked(text.replace("resumes at 11:15", "resumes at 11:20")))


def solved_or_asked(text: str) -> list[str]:
    """The questions asked about a text (none when it is read)."""
    from ordino.formulate.offline.extract import extract_offline
    return [q.text for q in extract_offline(text).missing]


def test_a_clock_time_without_am_or_pm_after_an_afternoon_start_is_in_the_afternoon():
    text = ("Starting at 1:00 pm. One laser, one job at a time. Jobs ready at 1:00: job 1 30 min, due 1:55 pm; "
            "job 2 20 min, due 1:40 pm; job 3 25 min, due 2:00 pm. Minimise the total tardiness in minutes.")
    problem, best = solved(text)
    assert [t.due for t in problem.tasks] == [55, 40, 60]
