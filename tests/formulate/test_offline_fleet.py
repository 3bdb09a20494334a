"""Machines declared by name and job lines choosing among them (`offline.fleet`): read whole or not at all."""

from __future__ import annotations

from tests.formulate.test_offline_structures import asked, flexible_shop, job_shop, solved

BAKERY = ("We have two mixers (the big one A and the old one B), two ovens (Oven 1 and Oven 2) and one packing table. "
          "Each product is mixed, then baked, then packed.\n"
          "Rolls: mixing 10 min on A or 15 min on B; baking 20 min in Oven 1 or 30 min in Oven 2; packing 5 min\n"
          "Tarts: mixing only on B, 10 min; baking 20 min in either oven; packing 5 min\n"
          "Minimise the makespan in minutes.")


def test_families_of_machines_and_steps_choosing_among_them_are_a_flexible_shop():
    problem, best = solved(BAKERY)
    modes = {t.id: sorted(r for m in t.modes for r in m.resources) for t in problem.tasks}
    assert modes["Rolls.1"] == ["Mixer A", "Mixer B"] and modes["Tarts.1"] == ["Mixer B"]
    assert modes["Tarts.2"] == ["Oven 1", "Oven 2"] and modes["Rolls.3"] == ["packing table"]
    assert best == 40  # no bake ends before 30 (10 mixing, 20 baking); the one packing table then packs 5 + 5


def test_a_step_no_line_or_name_places_is_asked():
    assert asked(BAKERY.replace("packing 5 min\nTarts", "glazing 5 min\nTarts"))
    assert asked(BAKERY.replace("Rolls:", "Rolls (2 h):"))  # a number in the name's bracket is never dropped


def test_named_machines_on_one_line_each_are_a_choice_and_a_machine_that_cannot_is_left_out():
    text = ("We have 3 lathes in the hall: the new Haas, the DMG and the old Okuma. Each order runs completely on "
            "one lathe, one order at a time. Hours:\n"
            "flanges - Haas 4, DMG 5, Okuma 6\nhousings - Haas 9, DMG 8, Okuma cannot do it\n"
            "shafts - Haas 6, DMG 7, Okuma 7\nMinimise the makespan in hours.")
    problem, best = solved(text)
    assert [len(t.modes) for t in problem.tasks] == [3, 2, 3]
    assert best == 8  # housings take 8 at best (the DMG); flanges on the Okuma and shafts on the Haas fit beside


DYEHOUSE = ("Kit: two dye vats and one dryer. Every vat or dryer takes one lot at a time; a step is not interrupted.\n"
            "Scarves: 1) vat 1 30 min or vat 2 40 min; 2) dryer 20 min\n"
            "Shirts: 1) vat 2 only, 50 min (they won't fit in 1); 2) dryer 10 min\n"
            "Minimise the makespan in minutes.")


def test_machines_counted_in_prose_are_named_by_the_lines_and_a_single_one_by_its_noun():
    problem, best = solved(DYEHOUSE)
    modes = {t.id: sorted(r for m in t.modes for r in m.resources) for t in problem.tasks}
    assert modes["Scarves.1"] == ["Vat 1", "Vat 2"] and modes["Shirts.1"] == ["Vat 2"]
    assert modes["Scarves.2"] == modes["Shirts.2"] == ["dryer"]
    assert best == 60  # the shirts need vat 2 for 50 and the dryer for 10; the scarves fit beside them on vat 1


def test_a_bracket_refusing_the_machine_a_time_is_given_for_is_asked():
    assert asked(DYEHOUSE.replace("(they won't fit in 1)", "(they won't fit in 2)"))


def test_a_count_the_lines_do_not_match_is_not_a_fleet():
    assert asked(DYEHOUSE.replace("two dye vats", "three dye vats"))


def test_machines_listed_one_per_line_under_a_heading_and_described_names():
    text = ("Tools we have:\n- the laser cutter\n- the old bandsaw\n- Omar's bench\n"
            "Each order is cut and then finished, one order per tool at a time.\n"
            "Sign: cut on laser 20 or bandsaw 30; finish at bench 15\n"
            "Shelf: cut on laser 40 or bandsaw 35; finish at bench 10\n"
            "Minimise the makespan in minutes.")
    problem, best = solved(text)
    modes = {t.id: sorted(r for m in t.modes for r in m.resources) for t in problem.tasks}
    assert modes["Sign.1"] == ["laser cutter", "old bandsaw"] and modes["Shelf.2"] == ["Omar's bench"]
    assert best == 45  # the shelf needs 35 + 10 at least; the sign on the laser (20) finishes 20-35 first
    described = ("We have two lifts (Lift 1 is the newer one, Lift 2 is the MOT lift).\n"
                 "Van: service 60 min on Lift 1 or 80 min on Lift 2\n"
                 "Taxi: service 50 min on Lift 1 or 70 min on Lift 2\n"
                 "Minimise the makespan in minutes.")
    problem, best = solved(described)
    assert sorted(r for t in problem.tasks for m in t.modes for r in m.resources) == ["Lift 1", "Lift 1", "Lift 2",
                                                                                      "Lift 2"]
    assert best == 70  # the taxi on Lift 2 (70) beside the van on Lift 1 (60)


def test_times_split_by_slashes_in_the_order_of_a_legend_and_a_dash_where_a_machine_cannot():
    text = ("We have two ovens: the Rational and the old Miele. Each tray bakes in one oven, one tray per oven at a "
            "time. Bake times in minutes (Rational / Miele):\n"
            "- focaccia: 20 / 30\n- brownies: 25 / 35\n- flapjacks: 15 / -\n"
            "Minimise the makespan in minutes.")
    problem, best = solved(text)
    modes = {t.id: sorted((r, m.duration) for m in t.modes for r in m.resources) for t in problem.tasks}
    assert modes["focaccia.1"] == [("Miele", 30), ("Rational", 20)] and modes["flapjacks.1"] == [("Rational", 15)]
    assert best == 35  # the focaccia and flapjacks on the Rational (35) beside the brownies on the Miele (35)
    own = text.replace("- flapjacks: 15 / -", "- flapjacks: 40 min / 15 min (Miele / Rational)")
    problem, best = solved(own)
    modes = {t.id: sorted((r, m.duration) for m in t.modes for r in m.resources) for t in problem.tasks}
    assert modes["flapjacks.1"] == [("Miele", 40), ("Rational", 15)] and best == 35
    assert asked(text.replace("- brownies: 25 / 35", "- brownies: 25 / 35 / 40"))


def test_single_machines_of_one_kind_are_a_family_and_a_step_without_a_machine_goes_to_its_namesake():
    text = ("Fab shop. We've got an old press brake, a new press brake and one welding cell.\n\n"
            "1. Bracket: bend first (old brake 4 h, or new brake 3 h), then weld 2 h.\n"
            "2. Railing: weld first, 3 h, then bend (2 h on either brake).\n"
            "3. Frame: bend (old 3 h / new 2 h), then weld 3 h.\n\n"
            "Each machine handles one job at a time. What's the shortest time, in hours, to finish all three jobs?")
    problem, best = solved(text)
    assert sorted(r.id for r in problem.resources) == ["new press brake", "old press brake", "welding cell"]
    old, new, weld = "old press brake", "new press brake", "welding cell"
    assert best == flexible_shop([[{old: 4, new: 3}, {weld: 2}], [{weld: 3}, {old: 2, new: 2}],
                                  [{old: 3, new: 2}, {weld: 3}]])


def test_a_kit_list_names_single_machines_and_a_step_word_that_is_also_a_name():
    text = ("Kit: two balances (A and B), the capsule machine, the tube filler, and the fill bench. One order at a "
            "time on each.\n"
            "- Capsules: weigh on A 10 min or B 15 min; fill on the capsule machine 25 min\n"
            "- Cream: weigh on A or B, 15 min either way; fill by hand at the bench 15 min or tube filler 10 min\n"
            "Minimise the makespan in minutes.")
    problem, best = solved(text)
    assert sorted(r.id for r in problem.resources) == ["Balance A", "Balance B", "capsule machine", "fill bench",
                                                       "tube filler"]
    a, b = "Balance A", "Balance B"
    assert best == flexible_shop([[{a: 10, b: 15}, {"capsule machine": 25}],
                                  [{a: 15, b: 15}, {"fill bench": 15, "tube filler": 10}]])


def test_steps_split_by_commas_across_single_machines_are_a_route_not_a_choice():
    text = ("One lathe, one mill and one drill; a machine does one thing at a time and steps go in the order "
            "listed. Hours:\n- Shaft: lathe 3h, then drill 2h\n- Housing: mill 4h, then drill 1h\n"
            "- Gear: lathe 2h, mill 3h, drill 1h\nHow many hours until the last order is done?")
    problem, best = solved(text)
    assert sum(t.job == "Gear" for t in problem.tasks) == 3
    assert best == job_shop([[("lathe", 3), ("drill", 2)], [("mill", 4), ("drill", 1)],
                             [("lathe", 2), ("mill", 3), ("drill", 1)]])


def test_numbered_steps_after_a_dash_an_equipment_list_and_a_step_a_job_skips():
    text = ("We're a four-person workshop. Equipment: prep Line A, prep Line B, Oven 1, Oven 2. One product at a "
            "time on each.\n"
            "Lasagne: (1) assemble – 20 min on Line A or 25 min on Line B; (2) bake – 45 min in Oven 1 or 35 min in "
            "Oven 2\n"
            "Quiche: (1) assemble – 15 min, Line B only; (2) bake – 30 min in Oven 1 or 40 min in Oven 2\n"
            "Brownies: bake in Oven 1 or Oven 2, 25 min either way. No assembly needed.\n"
            "What's the shortest time in minutes until everything is done?")
    problem, best = solved(text)
    assert sorted(r.id for r in problem.resources) == ["Line A", "Line B", "Oven 1", "Oven 2"]
    a, b, o1, o2 = "Line A", "Line B", "Oven 1", "Oven 2"
    assert best == flexible_shop([[{a: 20, b: 25}, {o1: 45, o2: 35}], [{b: 15}, {o1: 30, o2: 40}],
                                  [{o1: 25, o2: 25}]])


def test_a_named_machine_being_serviced_is_down_then():
    text = ("We have two guillotine cutters (the Polar and the older Ideal). Two jobs:\n"
            "- Posters: cut only, Polar only (too wide for the Ideal), 35 min\n"
            "- Leaflets: cut (Polar 20 min or Ideal 30 min)\n"
            "We start at 8:00 with everything on hand. The Polar is being serviced from 8:10 to 9:00. "
            "What's the earliest we can have both jobs finished, in minutes after 8:00 (the time from 0)?")
    problem, value = solved(text)
    assert [(r.id, r.unavailable) for r in problem.resources if r.unavailable] == [("Polar", [(10, 60)])]
    assert value == 95  # the posters wait for the Polar (60-95); the leaflets go on the Ideal (0-30)
    _, free = solved(text.replace(" The Polar is being serviced from 8:10 to 9:00.", ""))
    assert free == 35
