"""Readers fed random bytes or truncated real files raise a clean InputError, never another exception."""

from __future__ import annotations

import contextlib
import gzip
import io
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ordino.datasets import instance_from_bytes
from ordino.errors import InputError
from tests.conftest import MIRROR
from tests.datasets import samples

NAMES = ["x.txt", "x.fjs", "x.sm", "x.mm", "x.json", "x.jsonl", "wt40.txt", "x.tar.gz", "x.dat"]


def _sample(path: Path, max_bytes: int = 6000) -> bytes:
    return path.read_bytes()[:max_bytes]


def _psplib_member(mirror: Path) -> bytes:
    with tarfile.open(mirror / "rcpsp/psplib_j30.sm.tar.gz") as archive:
        handle = archive.extractfile("data/rcpsp/j30.sm/j301_1.sm")
        assert handle is not None
        return handle.read()


def _public_samples(mirror: Path | None) -> dict[str, bytes]:
    """Beginnings of real benchmark files, where the mirror is on this machine."""
    if mirror is None:
        return {}
    return {
        "public/mk01.txt": _sample(mirror / "fjsp/Brandimarte1993/mk01.txt"),
        "public/tfs001.txt": _sample(mirror / "pfsp/instances/tfs001.txt"),
        "public/wt40.txt": _sample(mirror / "orlib-wt/wt40.txt", 3000),
        "public/j301_1.sm": _psplib_member(mirror),
        "public/smtt20.jsonl": _sample(mirror / "smtt-paper/smtt20_800.jsonl", 3000),
    }


REAL = {
    **_public_samples(MIRROR),
    "tiny.fjs": samples.FJSP_TEXT.encode(),
    "tiny.sm": samples.SM_TEXT.encode(),
    "tiny.mm": samples.MM_TEXT.encode(),
    "wt40.txt": samples.WT40_TEXT.encode(),
    "smtt.jsonl": samples.SMTT_JSONL.encode(),
    "jssp.json": b'{"ft06": {"duration_matrix": [[1, 3], [8, 5]], "machines_matrix": [[0, 1], [1, 0]]}}',
    "taillard.txt": b"Nb of jobs, Nb of Machines, Time seed, Machine seed, Upper bound, Lower bound\n"
                    b"2 2 1 2 7 5\nTimes\n3 4\n2 5\nMachines\n1 2\n2 1\n",
    "tai20_5.txt": b"number of jobs, number of machines, initial seed, upper bound and lower bound :\n"
                   b"3 2 12345 20 18\nprocessing times :\n1 2 3\n4 5 6\n",
}


def _only_input_errors(data: bytes, name: str) -> None:
    with contextlib.suppress(InputError):
        instance_from_bytes(data, name)


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_samples_parse(name: str) -> None:
    data = REAL[name]
    if not name.startswith("public/") or name.endswith((".sm", "mk01.txt", "tfs001.txt")):  # others are cut short
        assert len(instance_from_bytes(data, name)) >= 1


@pytest.mark.parametrize("name", sorted(REAL))
def test_every_truncation_is_clean(name: str) -> None:
    data = REAL[name]
    step = max(1, len(data) // 150)
    for cut in range(0, len(data), step):
        _only_input_errors(data[:cut], name)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), name=st.sampled_from(NAMES))
def test_random_bytes(data: bytes, name: str) -> None:
    _only_input_errors(data, name)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(st.integers(-3, 40).map(str), st.sampled_from(
    ["\n", " ", "x", "-", "*", "#", "1.5", "99999999999999999999", "Times", "Machines",
     "jobs (incl. supersource/sink ):", "PRECEDENCE RELATIONS:", "REQUESTS/DURATIONS:", "RESOURCEAVAILABILITIES:",
     "- renewable : 2",
     "- nonrenewable : 0", "processing times :", "{", "}", "[", "]", ":", ","])), max_size=120),
       name=st.sampled_from(NAMES))
def test_structured_garbage(text: list[str], name: str) -> None:
    _only_input_errors(" ".join(text).encode(), name)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), name=st.sampled_from(sorted(REAL)))
def test_mutated_real_files(data: st.DataObject, name: str) -> None:
    raw = bytearray(REAL[name])
    for _ in range(data.draw(st.integers(1, 6))):
        pos = data.draw(st.integers(0, max(0, len(raw) - 1)))
        raw[pos:pos + 1] = data.draw(st.sampled_from([b"", b"0", b"9", b"-1", b" ", b"\n", b"x", b"999999"]))
    _only_input_errors(bytes(raw), name)


def test_broken_archives() -> None:
    good = io.BytesIO()
    with tarfile.open(fileobj=good, mode="w:gz") as archive:
        member = tarfile.TarInfo("j301_1.sm")
        payload = REAL["tiny.sm"]
        member.size = len(payload)
        archive.addfile(member, io.BytesIO(payload))
    blob = good.getvalue()
    assert len(instance_from_bytes(blob, "set.sm.tar.gz")) == 1
    for cut in range(0, len(blob), max(1, len(blob) // 60)):
        _only_input_errors(blob[:cut], "set.sm.tar.gz")
    _only_input_errors(gzip.compress(b"not a tar"), "set.tar.gz")


@pytest.mark.parametrize("name", ["x.json", "x.jsonl", "x.txt"])
def test_deeply_nested_json(name: str) -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        instance_from_bytes(b"[" * 100_000, name)


def test_zip_archives(tmp_path: Path) -> None:
    blob = io.BytesIO()
    with zipfile.ZipFile(blob, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("j30.sm/j301_1.sm", REAL["tiny.sm"])
        archive.writestr("j30.sm/README.txt", "not an instance")
        archive.writestr("j30.sm/mk01.txt", REAL["tiny.fjs"])
    data = blob.getvalue()
    names = [i.name for i in instance_from_bytes(data, "j30.sm.zip")]
    assert names == ["j301_1", "mk01"]
    path = tmp_path / "j30.sm.zip"
    path.write_bytes(data)
    from ordino.datasets import load_instance

    assert load_instance(f"{path}#mk01").name == "mk01"
    with pytest.raises(InputError, match="no instance named"):
        load_instance(f"{path}#nope")
    for cut in range(0, len(data), max(1, len(data) // 60)):
        _only_input_errors(data[:cut], "j30.sm.zip")
