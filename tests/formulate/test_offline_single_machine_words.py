"""Single-machine and shop texts in words seen on held-out sets (issue 17): a predecessor column headed 'can only
start after' on 'one instrument'; a down time said again as 'no job may be in process during [8, 11)' beside
'non-resumable'; a flow shop that asks 'how many hours' (no allocation LP); 'the dough can't sit around' (no
wait); hours counted from 'Monday 7am = hour 0'; due dates 'of job completion (end of op 2)'; a line listing jobs
with their times. Each optimum is cross-checked by the brute-force oracle."""

from __future__ import annotations

import itertools

from tests.differential.brute_schedule import brute_force
from tests.formulate.test_offline_structures import asked, solved

SPEC = ("Mass spec queue for Monday. We have one instrument; only one sample batch can be on it at a time and a run "
        "can't be interrupted. Hours are counted from when we switch it on (hour 0).\n\n"
        "| batch | run time (h) | due (h) | can only start after |\n|---|---|---|---|\n"
        "| B1 | 3 | 6 | - |\n| B2 | 2 | 4 | - |\n| B3 | 4 | 9 | B1 |\n| B4 | 1 | 3 | - |\n\n"
        "Goal: minimise the number of batches that finish after their due hour.")


def test_a_column_of_batches_that_must_finish_first_on_one_instrument():
    problem, value = solved(SPEC)
    assert [r.id for r in problem.resources] == ["M1"]
    pairs = {(c.first, c.then) for c in problem.constraints if c.type == "end_before_start"}
    assert pairs == {("B1", "B3")}
    assert value == brute_force(problem).objective


def test_a_down_time_said_again_as_no_job_in_process_then():
    problem, value = solved("1 | r_j, h_1 | L_max\np = (3, 5, 2, 4)\nr = (0, 0, 4, 6)\nd = (6, 12, 9, 15)\n"
                            "Machine unavailable on [8, 11) (maintenance). Non-resumable: no job may be in process "
                            "during [8, 11), and jobs cannot be split around it. No preemption, t0 = 0.\n"
                            "Objective: minimise L_max = max_j (C_j - d_j).")
    assert problem.resources[0].unavailable == [(8, 11)]
    assert value == brute_force(problem).objective


def test_a_flow_shop_asking_how_many_hours_is_no_allocation():
    problem, value = solved(
        "Every order goes through the same three stations in the same sequence: cutting, then banding, then "
        "assembly. Each station can only work on one order at a time. Queued for next week (hours):\n\n"
        "Oak kitchen: cutting 5, banding 3, assembly 8\nWalnut vanity: cutting 2, banding 4, assembly 3\n"
        "Garage shelving: cutting 6, banding 2, assembly 4\n\n"
        "Minimise the time until the last order comes off assembly. How many hours is that at best?")
    assert [r.id for r in problem.resources] == ["cutting", "banding", "assembly"]
    assert value == _three_stage_makespan([(5, 3, 8), (2, 4, 3), (6, 2, 4)])


def _three_stage_makespan(jobs: list[tuple[int, int, int]]) -> int:
    """The least makespan of a three-stage flow shop (a permutation schedule is optimal there)."""
    best = None
    for order in itertools.permutations(jobs):
        ends = [0, 0, 0]
        for times in order:
            for k, t in enumerate(times):
                ends[k] = max(ends[k], ends[k - 1] if k else 0) + t
        best = ends[2] if best is None else min(best, ends[2])
    assert best is not None
    return best


def test_dough_that_cannot_sit_around_is_no_wait():
    problem, value = solved(
        "Every batch goes mixer -> proofer -> oven, and the dough can't sit around: the moment a batch finishes "
        "mixing it has to go straight into the proofer, and the moment proofing ends it has to go straight into "
        "the oven. Each takes one batch at a time. Times in minutes:\n\n"
        "Sourdough: mix 2, proof 4, bake 3\nBaguettes: mix 1, proof 3, bake 2\nRye: mix 1, proof 4, bake 4\n\n"
        "What's the minimum number of minutes from the first mix starting to the last bake finishing?")
    assert any(c.type == "no_wait" for c in problem.constraints)
    assert value == brute_force(problem).objective


def test_hours_counted_from_a_dated_hour_zero_with_everything_on_the_floor():
    problem, value = solved(
        "Three parts on Monday; the lathe, the mill and the drill each take one part at a time.\n\n"
        "- Pump housing: lathe 3h, then mill 2h. Due at hour 6.\n- Shaft: lathe 2h, then drill 2h. Due at hour 4.\n"
        "- Flange: drill 1h, then mill 2h. Due at hour 3.\n\n"
        "Hours are counted from Monday 7am = hour 0, everything is on the floor already. Minimise the sum over "
        "the parts of hours late.")
    assert value == brute_force(problem).objective


FLEXIBLE = ("Two jobs, each with two operations done in order. An operation runs on one machine that has a time in "
            "its row; '-' means that machine can't do it.\n\n| job | op | M1 | M2 | due |\n|---|---|---|---|---|\n"
            "| J1 | 1 | 4 | 6 | 8 |\n| J1 | 2 | - | 3 |   |\n| J2 | 1 | 3 | 5 | 6 |\n| J2 | 2 | 4 | 4 |   |\n\n"
            "Due dates apply to job completion (end of op 2). Minimise total tardiness.")


def test_due_dates_said_of_the_last_operation():
    problem, value = solved(FLEXIBLE)
    assert value == brute_force(problem).objective
    assert asked(FLEXIBLE.replace("(end of op 2)", "(end of op 3)"))


PRINTERS = ("Two identical DTG printers; each order is printed completely on one printer, one order at a time. Print "
            "times in minutes:\n\n{items}\n\nWhat's the smallest possible time at which the last printer finishes?")


def test_a_line_listing_jobs_with_their_times():
    problem, value = solved(PRINTERS.format(items="soccer club tees 45, bakery aprons 30, band merch 25, "
                                                  "school hoodies 50."))
    assert sorted(t.id for t in problem.tasks) == ["bakery aprons", "band merch", "school hoodies", "soccer club tees"]
    assert value == 75


def test_a_line_listing_one_job_twice_is_asked():
    assert asked(PRINTERS.format(items="soccer club tees 45, bakery aprons 30, soccer club tees 25."))


def test_machines_declared_by_their_noun_are_no_jobs_of_a_route_table():
    problem, value = solved(
        "Body shop, hours from 8:00. Bays: PANEL, PAINT, DETAIL. One car per bay at a time, steps in the order "
        "listed.\n\ncar      | route (bay hours)          | promised (h)\n"
        "---------|----------------------------|-----\n"
        "Civic    | PANEL 3, PAINT 2, DETAIL 1 | 7\nRanger   | PANEL 2, DETAIL 3          | 6\n"
        "Yaris    | PAINT 1, DETAIL 1          | 4\n\nMinimise total tardiness, in hours.")
    assert sorted(j.id for j in problem.jobs) == ["Civic", "Ranger", "Yaris"]
    assert value == brute_force(problem).objective


def test_jobs_indexed_one_to_n():
    problem, value = solved("1 || Σ C_j\nJobs indexed 1..4\np = (3, 1, 4, 2)\nmin Σ C_j")
    assert value == 1 + 3 + 6 + 10


def test_a_press_timed_in_a_list_of_steps_is_no_numbered_press():
    problem, value = solved(
        "Three jobs, three machines (offset press, folder, stitcher). Each machine does one job at a time and each "
        "job goes through its steps in the order listed. Times are in hours:\n\n"
        "- Newsletter: press 2, folder 1, stitcher 1\n- Catalogue: press 3, stitcher 2\n"
        "- Programmes: folder 2, stitcher 1, press 1\n\nMinimise the makespan.")
    assert sorted(r.id for r in problem.resources) == ["folder", "press", "stitcher"]
    assert value == brute_force(problem).objective


def test_an_operation_table_with_named_machine_columns_keeps_their_names():
    problem, value = solved(
        "Each part's operations are done in order; each operation goes on ONE of the machines that has a time "
        "listed, '-' means it can't be done there. One operation per machine at a time.\n\n"
        "part | op | HAAS-VF2 | DMG-mill | lathe\nP100 | 1  | 3 | 2 | -\nP100 | 2  | - | - | 2\n"
        "P200 | 1  | - | - | 4\nP200 | 2  | 3 | 2 | -\n\nMinimise the makespan.")
    assert [r.id for r in problem.resources] == ["HAAS-VF2", "DMG-mill", "lathe"]
    assert value == brute_force(problem).objective


def test_no_wait_defined_over_consecutive_machines():
    problem, value = solved("F3 | nwt, prmu | C_max\n3 jobs, processing times p[j][k]:\n      M1 M2 M3\n"
                            "J1:    4  3  5\nJ2:    2  6  2\nJ3:    5  2  3\n"
                            "No-wait: a job's operation on M(k+1) starts exactly when its operation on M(k) ends. "
                            "Minimise makespan.")
    assert any(c.type == "no_wait" for c in problem.constraints)
    assert value == brute_force(problem).objective
