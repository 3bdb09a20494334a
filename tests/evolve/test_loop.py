"""The loop: GP improves on its seeds, archives everything, resumes exactly, keeps test data out."""

from __future__ import annotations

import math

import pytest

from ordino.errors import InputError
from ordino.evolve import Archive, EvolveConfig, evolve

TRAIN, TEST = "smtt-paper-20:train", "smtt-paper-100:test"


def config(**kw) -> EvolveConfig:
    base = {"generations": 3, "population": 12, "islands": 2, "train": TRAIN, "test": TEST, "seed": 7}
    base.update(kw)
    return EvolveConfig(**base)


@pytest.mark.mirror
def test_gp_run_archives_candidates_and_scores_the_test_set(tmp_path) -> None:
    seen = []
    report = evolve(config(), tmp_path / "run.db", progress=seen.append)
    assert [s["generation"] for s in seen] == [0, 1, 2, 3]
    bests = [s["best_gap"] for s in seen]
    assert all(b2 <= b1 for b1, b2 in zip(bests, bests[1:], strict=False))  # elitist: never worse
    store = Archive(tmp_path / "run.db")
    seeds = {c.origin: c for c in store.candidates(report.run) if c.origin.startswith("seed:")}
    assert report.train_gap <= seeds["seed:mdd"].train_gap
    assert report.test_gap is not None and math.isfinite(report.test_gap) and report.test_by_class
    statuses = {c.status for c in store.candidates(report.run)}
    assert "ok" in statuses and statuses <= {"ok", "duplicate", "culled", "error", "rejected"}
    assert len(store.reflections(report.run)) == 4 * 2  # one review per island and generation
    scored = store.db.execute("SELECT COUNT(*) FROM scores WHERE candidate = ?", (report.best.id,)).fetchone()[0]
    assert scored == 400
    store.close()


@pytest.mark.mirror
def test_resume_continues_exactly(tmp_path) -> None:
    full = evolve(config(generations=2), tmp_path / "full.db")
    evolve(config(generations=1), tmp_path / "part.db")
    resumed = evolve(config(generations=2), tmp_path / "part.db", resume=True)
    assert resumed.run == 1
    assert [g["best_gap"] for g in resumed.generations] == [g["best_gap"] for g in full.generations]
    assert resumed.best.code == full.best.code


@pytest.mark.mirror
def test_overlapping_train_and_test_is_refused(tmp_path) -> None:
    with pytest.raises(InputError, match="also training"):
        evolve(config(test="smtt-paper-20:all"), tmp_path / "x.db")


def test_resume_without_archive_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        evolve(config(), tmp_path / "missing.db", resume=True)


@pytest.mark.mirror
def test_time_budget_stops_early(tmp_path) -> None:
    report = evolve(config(generations=50, time_budget=0.5), tmp_path / "b.db")
    assert report.stopped == "time budget" and len(report.generations) < 51


def test_validation_set_picks_among_leaders_and_seeds_and_must_be_disjoint(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ORDINO_CACHE_DIR", str(tmp_path / "cache"))
    cfg = config(generations=1, population=8, train="pvw-20x8", test="pvw-20x4@16", validate="pvw-20x8@8",
                 validate_top=3)
    report = evolve(cfg, tmp_path / "v.db")
    store = Archive(tmp_path / "v.db")
    allowed = {c.id for c in store.best(report.run, 3)} | {
        c.id for c in store.candidates(report.run) if c.origin.startswith("seed:") and c.status == "ok"}
    assert report.best.id in allowed
    assert report.validation_gap is not None and 0 <= report.validation_gap < 100
    with pytest.raises(InputError, match="validation instances"):
        evolve(config(generations=0, population=4, train="pvw-20x8", test="pvw-20x4@16", validate="pvw-20x4@4"),
               tmp_path / "w.db")


def test_a_repair_of_a_too_slow_candidate_is_scored_not_called_a_duplicate(tmp_path) -> None:
    from ordino.evolve import CandidateRow, adapter_for
    from ordino.evolve.engines import GPEngine
    from ordino.evolve.loop import _Run

    adapter = adapter_for("smtt")
    store = Archive(tmp_path / "a.db")
    config = EvolveConfig(per_candidate_seconds=2.0, small_size=12)
    state = _Run(config, adapter, GPEngine(adapter), store, store.new_run({}), adapter.load("pvw-20x120"))
    head = "import numpy as np\n\n\ndef priority(p, d, w, t, rem, pmean, pmax):\n"
    rule = "    return np.maximum(t + 1.07 * p, d)\n"
    slow = CandidateRow("s", 1, 0, "llm", "llm:mutation", head + "    for _ in range(p.shape[0] ** 4):\n"
                                                                 "        pass\n" + rule)
    state.evaluate([slow], True)  # quick on the 12 small-set instances, far too slow on all 120 at once
    assert slow.status == "error" and slow.stage == "full" and "timeout" in (slow.error or "")
    fixed = CandidateRow("sf1", 1, 0, "llm", "llm:repair", head + rule, parents=["s"])
    state.evaluate([fixed], True)
    assert fixed.status == "ok" and fixed.fingerprint == slow.fingerprint
    store.close()
