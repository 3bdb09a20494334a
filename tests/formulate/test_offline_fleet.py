"""Machines declared by name and job lines choosing among them (`offline.fleet`): read whole or not at all."""

from __future__ import annotations

from tests.formulate.test_offline_structures import asked, solved

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


def test_named_machines_on_one_line_each_are_a_choice_and_a_machine_that_cannot_is_left_out():
    text = ("We have 3 lathes in the hall: the new Haas, the DMG and the old Okuma. Each order runs completely on "
            "one lathe, one order at a time. Hours:\n"
            "flanges - Haas 4, DMG 5, Okuma 6\nhousings - Haas 9, DMG 8, Okuma cannot do it\n"
            "shafts - Haas 6, DMG 7, Okuma 7\nMinimise the makespan in hours.")
    problem, best = solved(text)
    assert [len(t.modes) for t in problem.tasks] == [3, 2, 3]
    assert best == 8  # housings take 8 at best (the DMG); flanges on the Okuma and shafts on the Haas fit beside
