"""Job shop adapter: dispatching rules scored through the shop package's Giffler-Thompson."""

from __future__ import annotations

import pytest

from ordino.errors import InputError
from ordino.evolve import EvolveConfig, adapter_for, evolve
from ordino.heuristics.shop.data import ShopData
from ordino.heuristics.shop.gt import generate, makespan_of


@pytest.mark.mirror
def test_seed_rules_match_the_shop_package() -> None:
    ad = adapter_for("jssp")
    inst = ad.load("la01-la05")
    assert [i.name for i in inst] == [f"jssp#la0{k}" for k in range(1, 6)]
    seeds = ad.seeds()
    scores = dict(zip(seeds, ad.evaluate(list(seeds.items()), inst), strict=True))
    for name, rule in (("mwkr", "MWKR"), ("spt", "SPT"), ("mor", "MOR")):
        expect = []
        for i in inst:
            data = ShopData.from_matrices(i.extra["durations"], i.extra["machines"])
            expect.append(float(makespan_of(data, *generate(data, rule))))
        assert scores[name].objectives == expect


def test_a_rule_naming_the_look_ahead_arguments_gets_them() -> None:
    from ordino.heuristics.shop.gt import FEATURES

    ad = adapter_for("jssp")
    inst = ad.load("taigen-10x5x3")
    code = ("import numpy as np\n\n\ndef priority(duration, work_remaining, ops_remaining, est, ect, machine_ready, "
            "work_total, arrival, next_machine_ready, next_machine_work_left):\n"
            "    return est + 0.5 * next_machine_ready - 0.1 * next_machine_work_left - work_remaining\n")
    res = ad.evaluate([("look", code)], inst)[0]
    assert not isinstance(res, str), res
    col = {n: FEATURES.index(n) for n in FEATURES}

    def same(f):  # the same rule on the shop package's feature matrix, in this process
        return (f[:, col["est"]] + 0.5 * f[:, col["next_machine_ready"]] - 0.1 * f[:, col["next_machine_work_left"]]
                - f[:, col["work_remaining"]])

    expect = [float(makespan_of(d, *generate(d, same)))
              for d in (ShopData.from_matrices(i.extra["durations"], i.extra["machines"]) for i in inst)]
    assert res.objectives == expect


@pytest.mark.mirror
def test_gp_on_job_shop_runs_and_keeps_test_apart(tmp_path) -> None:
    cfg = EvolveConfig(problem="jssp", generations=1, population=8, islands=2, train="la01-la10:train",
                       test="la01-la10:test")
    report = evolve(cfg, tmp_path / "j.db")
    assert report.test_gap is not None and report.train_gap < 30
    assert "def priority(duration, work_remaining" in report.best.code


def test_unknown_job_shop_set() -> None:
    with pytest.raises(InputError, match="unknown job shop set 'no such set'"):  # said before any file is read
        adapter_for("jssp").load("taigen-5x3x2:train+no such set")


@pytest.mark.mirror
def test_unknown_job_shop_instance() -> None:
    with pytest.raises(InputError, match="unknown job shop set"):
        adapter_for("jssp").load("zz01")


@pytest.mark.mirror
def test_generated_taillard_style_set_is_disjoint_from_taillard() -> None:
    ad = adapter_for("jssp")
    gen = ad.load("taigen-15x15x4")
    assert len(gen) == 4 and {i.cls for i in gen} == {"15x15"}
    assert [i.name for i in ad.load("taigen-15x15x4:train")] == [gen[0].name, gen[2].name]
    ta = {str(i.extra["durations"]) for i in ad.load("ta01-ta10")}
    assert not ta & {str(i.extra["durations"]) for i in gen}
    for i in gen:  # the reference is a lower bound: no schedule beats it
        data = ShopData.from_matrices(i.extra["durations"], i.extra["machines"])
        assert makespan_of(data, *generate(data, "MOR")) >= i.best > 0
    with pytest.raises(InputError, match="taigen"):
        ad.load("taigen-1x15x4")
