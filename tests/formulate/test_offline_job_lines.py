"""Jobs listed one per line with their values in words (`offline.job_lines`): read whole or not at all."""

from __future__ import annotations

from ordino.formulate.offline.job_lines import read_job_lines
from ordino.formulate.offline.text import Rewriting
from tests.formulate.test_offline_structures import solved

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
