"""RCPSP adapter: priority rules scored through the project package's serial SGS."""

from __future__ import annotations

import pytest

from ordino.errors import InputError
from ordino.evolve import adapter_for
from ordino.heuristics.project.data import ProjectData
from ordino.heuristics.project.sgs import project_makespan, serial_sgs


@pytest.mark.mirror
def test_seed_rules_match_the_project_package() -> None:
    ad = adapter_for("rcpsp")
    inst = ad.load("psplib-j30:test")[:12]
    assert all(i.name.startswith("psplib-j30#") and i.best > 0 for i in inst)
    seeds = ad.seeds()
    scores = dict(zip(seeds, ad.evaluate(list(seeds.items()), inst), strict=True))
    for name, rule in (("lst", "LST"), ("mts", "MTS"), ("grpw", "GRPW")):
        expect = []
        for i in inst:
            e = i.extra
            data = ProjectData.from_arrays(e["duration"], e["demand"], e["capacity"], e["successors"])
            expect.append(float(project_makespan(data, serial_sgs(data, rule))))
        assert scores[name].objectives == expect
    assert all(v >= i.best for v, i in zip(scores["lst"].objectives, inst, strict=True))


def test_unknown_rcpsp_set() -> None:
    with pytest.raises(InputError, match="unknown RCPSP set"):
        adapter_for("rcpsp").load("psplib-j99")
