"""Steps with their machines to choose from, and the rules around them (issue 17): 'print (Prusa 4 / Bambu 2) ->
wash/cure 1' is a step with two machines then a step of its own, even where the text says each part is printed on
one of two printers; a down time said of a machine by its name is that machine's alone; a job's line that gives a
time on a machine it says it never uses is asked; an order of stations that is not the table's is asked. Each
optimum is cross-checked by the brute-force oracle."""

from __future__ import annotations

import itertools

from tests.differential.brute_schedule import brute_force
from tests.formulate.test_offline_structures import asked, solved

FARM = ("Two orders tomorrow. Each one gets printed on one of our two printers (the Prusa or the Bambu), then some "
        "go through the wash/cure station, and some need finishing by either Ana or Ben. Hours:\n\n"
        "bracket: print (Prusa 4 / Bambu 2) → wash/cure 1 → finishing (Ana 2 / Ben 3)\n"
        "figurine: print (Prusa 5 / Bambu 3) → finishing (Ana 3 / Ben 2)\n\n"
        "The Bambu is getting a nozzle swap from hour 2 to hour 5, so it can't be printing then. Steps happen in "
        "the listed order, each station handles one thing at a time and nothing gets interrupted. What's the "
        "earliest hour at which both orders can be done?")


def test_steps_with_machines_to_choose_from_and_a_named_machine_down():
    problem, value = solved(FARM)
    down = {r.id: r.unavailable for r in problem.resources}
    assert down["Bambu"] == [(2, 5)] and down["Prusa"] == [] and down["wash/cure"] == []
    bracket = [t for t in problem.tasks if t.job == "bracket"]
    assert [sorted(r for m in t.modes for r in m.resources) for t in bracket] == [
        ["Bambu", "Prusa"], ["wash/cure"], ["Ana", "Ben"]]
    assert value == brute_force(problem).objective


def test_a_down_time_naming_two_machines_is_asked():
    questions = asked(FARM.replace("The Bambu is getting", "The Bambu and the Prusa are getting"))
    assert any("Bambu" in q and "Prusa" in q for q in questions), questions


SERVERS = ("Three servers: atlas, hermes and zeus. Four jobs tonight; each job runs start-to-finish on a single "
           "server and each server runs one job at a time. Runtimes in hours:\n\n"
           "- model training: atlas only, 5\n"
           "- ETL load: atlas 3, hermes 4, zeus 2\n"
           "- backup: hermes 3, zeus 4 (not atlas, the disks there are too small)\n"
           "- DB vacuum: atlas 1, hermes 2, zeus 2\n\n"
           "What's the shortest possible batch window in hours?")


def test_times_per_server_are_the_choices_of_one_step():
    problem, value = solved(SERVERS)
    training = [t for t in problem.tasks if t.job == "model training"]
    assert [[(m.resources, m.duration) for m in t.modes] for t in training] == [[(["atlas"], 5)]]
    assert value == brute_force(problem).objective


def test_a_down_time_of_a_machine_named_by_its_noun_alone_is_asked():
    questions = asked(SERVERS.replace("What's", "Heads up, the server gets its monthly maintenance from hour 1 to "
                                      "hour 3. What's"))
    assert any("the server gets its monthly maintenance" in q and "atlas" in q for q in questions), questions


def test_a_down_time_naming_its_machine_after_the_times_is_that_machines_alone():
    problem, value = solved(SERVERS.replace("What's", "There is a planned outage from hour 1 to hour 3 on hermes. "
                                            "zeus: maintenance 0-1. What's"))
    assert {r.id: r.unavailable for r in problem.resources} == {"atlas": [], "hermes": [(1, 3)], "zeus": [(0, 1)]}
    assert value == brute_force(problem).objective


def test_a_line_that_denies_a_machine_it_gives_a_time_on_is_asked():
    questions = asked(SERVERS.replace("(not atlas,", "(not zeus,"))
    assert any("backup" in q and "zeus" in q for q in questions), questions


CHOCOLATE = ("Chocolate line with 3 stations in fixed order: Melting → Tempering → Moulding. Three batches, each goes "
             "through all three stations in that order. A batch must move straight from one station to the next "
             "with zero waiting; each station handles one batch at a time. Times in minutes:\n\n"
             "batch  melt  temper  mould\nB1      4      8       3\nB2      3      2       7\n"
             "B3      6      5       2\n\nWhat is the minimum time to finish all three?")


def test_a_no_wait_flow_shop_whose_columns_shorten_the_station_names():
    problem, value = solved(CHOCOLATE)
    assert [r.id for r in problem.resources] == ["melt", "temper", "mould"]
    assert any(c.type == "no_wait" for c in problem.constraints)
    assert value == brute_force(problem).objective


def test_an_order_of_stations_that_is_not_the_tables_is_asked():
    for order in ("Tempering → Melting → Moulding", "Melting → Tempering → Moulding → Packing"):
        questions = asked(CHOCOLATE.replace("Melting → Tempering → Moulding", order))
        assert any(order in q for q in questions), questions


CARS = ("Saturday we have three cars booked, all dropped off by 8:00, and the crew starts at 8:00. Every car goes "
        "through the wash bay first, then to the interior station; each station handles one car at a time.\n\n"
        "Wash / interior times in minutes:\n- the Tesla: 30 / 45\n- the Civic: 20 / 35\n- the Mini: 15 / 25\n\n"
        "Customers get a text when their car is done and I want to keep total waiting low: what is the minimum "
        "possible sum, over all three cars, of the minutes from 8:00 until that car's interior is finished?")


def _two_stage_sum(times: list[tuple[int, int]]) -> int:
    """The least sum of finish times of a two-stage flow shop (a permutation schedule is optimal there)."""
    best = None
    for order in itertools.permutations(times):
        first = second = total = 0
        for a, b in order:
            first += a
            second = max(second, first) + b
            total += second
        best = total if best is None else min(best, total)
    assert best is not None
    return best


def test_all_dropped_off_at_the_start_and_a_goal_sentence_that_spells_out_its_sum():
    problem, value = solved(CARS)
    assert [t.term for t in problem.objective] == ["total_completion_time"]
    assert all(not j.release for j in problem.jobs)
    assert value == _two_stage_sum([(30, 45), (20, 35), (15, 25)])


FINISHING = ("Every job goes Print -> Laminate -> Trim in that order, the same job order on all three machines; each "
             "machine handles one job at a time. Minutes:\n\n| Job | Print | Laminate | Trim |\n|---|---|---|---|\n"
             "| Posters | 4 | 3 | 2 |\n| Badges | 2 | 2 | 3 |\n\n"
             "The laminator is booked for a roller change from t = 3 to t = 6; it can't run anything then. "
             "Minimise the makespan.")


def test_a_down_time_of_a_machine_named_by_another_form_of_its_name():
    problem, value = solved(FINISHING)
    assert {r.id: r.unavailable for r in problem.resources} == {"Print": [], "Laminate": [(3, 6)], "Trim": []}
    assert value == brute_force(problem).objective


def test_a_down_time_of_a_machine_the_text_has_under_no_name_is_asked():
    questions = asked(FINISHING.replace("The laminator is booked", "The guillotine is booked"))
    assert any("guillotine" in q and "Laminate" in q for q in questions), questions


def test_hours_written_h7_are_read():
    problem, value = solved("One instrument, one sample at a time. Times are hours.\n\nsample,run_h,due_h\n"
                            "S1,2,4\nS2,3,6\nS3,1,3\n\nThe instrument is down for calibration from h2 to h3, so no "
                            "run may overlap that hour. Minimise the number of late samples.")
    assert problem.resources[0].unavailable == [(2, 3)]
    assert value == brute_force(problem).objective
