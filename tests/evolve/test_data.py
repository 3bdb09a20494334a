"""Training/test sets: disjoint stratified splits, classes, weights, clear errors."""

from __future__ import annotations

import pytest

from ordino.errors import InputError
from ordino.evolve.data import load_set


@pytest.mark.mirror
def test_paper_splits_are_disjoint_and_stratified() -> None:
    train, test = load_set("smtt-paper-100:train"), load_set("smtt-paper-100:test")
    assert len(train) == len(test) == 100
    assert not {i.name for i in train} & {i.name for i in test}
    classes = {i.cls for i in train}
    assert len(classes) == 20 and classes == {i.cls for i in test}
    assert sum(1 for i in train if i.cls == "TF0.2/RDD0.2") == 5


@pytest.mark.mirror
def test_combined_spec_and_orlib_weights() -> None:
    both = load_set("smtt-paper-20:all+orlib-wt40:train")
    assert len(both) == 800 + len(load_set("orlib-wt40:train"))
    wt = [i for i in both if i.name.startswith("orlib")]
    assert wt[0].w is not None and len(wt[0].p) == 40 and wt[0].best == 913


@pytest.mark.parametrize("spec", ["nope", "smtt-paper-20:half", "smtt-paper-20+", "missing.jsonl"])
def test_bad_specs_name_the_problem(spec: str) -> None:
    with pytest.raises(InputError):
        load_set(spec)
