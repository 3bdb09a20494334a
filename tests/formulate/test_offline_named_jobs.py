"""Jobs named by words, related by words (issue 17): 'prec: crm_ext -> dedupe' between jobs named in a table is
read; any stretch left unread that names two jobs is asked, never dropped; 'the total time patients spend in
clinic, i.e. the sum of (time they finish their last station - their arrival time)' is the flow time, no
makespan; small talk with a number ('the football tickets (2 of them)') is set aside with a note, unless it counts
something the text names elsewhere, or people. Each optimum is cross-checked by the brute-force oracle."""

from __future__ import annotations

from ordino.formulate.offline import extract_offline
from tests.differential.brute_schedule import brute_force
from tests.formulate.test_offline_structures import asked, solved

ETL = ("Nightly ETL on a single-threaded runner: one job at a time, no preemption, minutes.\n"
       "1 | prec | Σ w_j C_j\n"
       "j         p_j  w_j\ncrm_ext   4   1\nerp_ext   6   1\ndedupe    2   3\nload_dw   3   2\nlogbak    5   1\n"
       "prec: crm_ext → dedupe, erp_ext → dedupe, dedupe → load_dw.\nObjective: min Σ w_j C_j.")


def test_arrows_between_jobs_named_in_a_table_are_precedences():
    problem, value = solved(ETL)
    pairs = {(c.first, c.then) for c in problem.constraints if c.type == "end_before_start"}
    assert pairs == {("crm_ext", "dedupe"), ("erp_ext", "dedupe"), ("dedupe", "load_dw")}
    assert value == brute_force(problem).objective


def test_a_stretch_naming_two_jobs_that_nothing_reads_is_asked():
    questions = asked(ETL.replace("prec: crm_ext → dedupe, erp_ext → dedupe, dedupe → load_dw.",
                                  "prec: dedupe waits on crm_ext."))
    assert any("dedupe waits on crm_ext" in q for q in questions), questions


def test_a_list_of_job_names_is_no_relation():
    problem, _ = solved("We have three batches to bake today: rye, brioche and focaccia. One oven, one batch at a "
                        "time. Baking times: rye 40 min, brioche 25 min, focaccia 30 min. Minimise the sum of the "
                        "finish times.")
    assert sorted(t.id for t in problem.tasks) == ["brioche", "focaccia", "rye"]


CLINIC = ("Pre-assessment clinic. Three patients; each has a fixed route through the stations, each station sees "
          "one patient at a time. Nobody can be seen before their arrival time. Times are minutes after 08:30.\n\n"
          "| Patient | Arrives | Route (station, minutes) |\n|---|---|---|\n"
          "| P1 Okafor | 0 | Bloods 2 -> ECG 3 |\n| P2 Lind | 0 | ECG 2 -> Bloods 2 |\n"
          "| P3 Duarte | 3 | Bloods 3 -> ECG 2 |\n\n"
          "Objective: minimise the total time patients spend in clinic, i.e. the sum over the three patients of "
          "(time they finish their last station - their arrival time).")


def test_the_time_patients_spend_in_clinic_is_their_flow_time():
    problem, value = solved(CLINIC)
    assert [t.term for t in problem.objective] == ["total_flow_time"]
    assert value == brute_force(problem).objective


SHOP = ("Three orders on the one press today, one at a time: flyers 20 min, posters 45 min, menus 25 min. Minimise the "
        "sum of the completion times.{aside}")


def test_small_talk_with_a_number_is_set_aside_and_said_so():
    draft = extract_offline(SHOP.format(aside=" PS still owe you for the football tickets (2 of them), I haven't "
                                              "forgotten."))
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert any("small talk" in n and "football tickets (2 of them)" in n for n in draft.notes), draft.notes


def test_small_talk_counting_what_the_text_names_elsewhere_or_people_is_asked():
    assert asked(SHOP.format(aside=" The posters are for 2 clients btw, so no pressure :)") + " Both clients wait.")
    assert asked(SHOP.format(aside=" Lunch is on me (there were 14 of us last time) :)"))
