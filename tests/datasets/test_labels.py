"""Label checks catch a verified schedule that beats a stated optimum, and contradictory bounds."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from ordino.datasets import iter_instances, load_suite
from ordino.datasets.labels import check_instance, check_labels, label_flag
from ordino.models import Result, Schedule, ScheduledTask
from ordino.solve import checked
from ordino.verify import verify


def _edd_result(inst) -> Result:
    """A verified schedule: jobs back to back in due-date order."""
    tasks = sorted(inst.problem.tasks, key=lambda t: t.due)
    entries, t = [], 0
    for task in tasks:
        d = task.modes[0].duration
        entries.append(ScheduledTask(task=task.id, start=t, end=t + d))
        t += d
    schedule = Schedule(tasks=entries)
    assert verify(inst.problem, schedule).feasible
    return checked(inst.problem, Result(status="feasible", schedule=schedule, method="edd"))


def test_permuted_optima_are_caught(tmp_path: Path, mirror: Path) -> None:
    # swap the stated optima of two instances, as in the published 500-job set: EDD beats one of them
    lines = (mirror / "smtt-paper/smtt20_800.jsonl").read_text().splitlines()[:40]
    records = [json.loads(line) for line in lines]
    hi = max(range(40), key=lambda i: records[i]["optimal_total_tardiness"])
    lo = min(range(40), key=lambda i: records[i]["optimal_total_tardiness"])
    records[hi]["optimal_total_tardiness"], records[lo]["optimal_total_tardiness"] = (
        records[lo]["optimal_total_tardiness"], records[hi]["optimal_total_tardiness"])
    path = tmp_path / "permuted.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    flagged = []
    for inst in iter_instances(path):
        issues = check_labels(inst, _edd_result(inst))
        if any(i.kind == "beats_optimum" for i in issues):
            flagged.append(inst.name)
    assert f"permuted#{records[lo]['id']}" in flagged  # its stated optimum is now too high
    # the untouched file has no such contradiction
    for inst in iter_instances(mirror / "smtt-paper/smtt20_800.jsonl", limit=40):
        assert not [i for i in check_labels(inst, _edd_result(inst)) if i.severity == "error"]


def test_new_best_known_is_info_and_bounds_contradiction(mirror: Path) -> None:
    inst = load_suite("orlib-wt40", limit=1)[0]
    result = _edd_result(inst)
    loose = replace(inst, best_known=result.objective + 10, optimal=False)
    issues = check_labels(loose, result)
    assert [i.kind for i in issues] == ["new_best_known"] and issues[0].severity == "info"
    wrong = replace(inst, best_known=result.objective + 10, optimal=True)
    assert label_flag(check_labels(wrong, result)) == "beats_optimum"
    bad_lb = replace(inst, lower_bound=result.objective + 1, best_known=result.objective + 5, optimal=False)
    assert "beats_lower_bound" in label_flag(check_labels(bad_lb, result))
    contradict = replace(inst, lower_bound=100, best_known=90)
    assert check_instance(contradict)[0].kind == "bounds_contradict"
    bound = Result(status="feasible", objective=inst.best_known + 5, bound=inst.best_known + 1)
    assert label_flag(check_labels(inst, bound)) == "bound_above_best_known"


def test_unverified_result_is_no_evidence(mirror: Path) -> None:
    inst = load_suite("orlib-wt40", limit=1)[0]
    assert check_labels(inst, Result(status="error", objective=1)) == []
    assert label_flag([]) == "ok"


def test_permutation_scope_downgrades(mirror: Path) -> None:
    inst = load_suite("taillard-pfsp", limit=1)[0]
    assert inst.meta["label_scope"] == "permutation flow shop"
    fake = Result(status="feasible", objective=inst.best_known - 1,
                  schedule=Schedule(tasks=[]), method="x")
    issues = check_labels(inst, fake)
    assert [i.severity for i in issues] == ["info"]
