"""Registry: named sets load with labels from the mirror; files are located, cached and checksummed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ordino.datasets import SUITES, describe, load_instance, load_suite
from ordino.datasets.sources import RemoteFile, checksums, fetch_file, locate
from ordino.errors import InputError
from ordino.models import classify


@pytest.mark.parametrize(
    ("name", "count", "first", "best", "optimal"),
    [
        ("orlib-wt40", 125, "wt40#1", 913, True),
        ("smtt-paper-20", 800, "smtt20_800#0", 256, True),
        ("brandimarte", 15, "mk01", 40, True),
        ("psplib-j30", 480, "j301_1", 43, True),
    ],
)
def test_suites_with_labels(mirror: Path, name: str, count: int, first: str, best: int, optimal: bool) -> None:
    insts = load_suite(name)
    assert len(insts) == count == SUITES[name].count
    assert insts[0].name == first and insts[0].best_known == best and insts[0].optimal is optimal
    assert all(classify(i.problem) == SUITES[name].problem_class for i in insts[:5])


def test_jssp_classic_and_limits(mirror: Path) -> None:
    head = load_suite("jssp-classic", limit=6)
    assert [i.name for i in head] == ["abz5", "abz6", "abz7", "abz8", "abz9", "ft06"]
    assert head[5].best_known == 55 and head[5].optimal
    swv = {i.name: i for i in load_suite("jssp-classic") if i.name.startswith("swv")}
    assert swv["swv07"].best_known == 1594 and swv["swv07"].lower_bound == 1541 and not swv["swv07"].optimal
    assert load_suite("psplib-j30", limit=0) == []


def test_brandimarte_open_instance(mirror: Path) -> None:
    mk10 = load_suite("brandimarte")[9]
    assert (mk10.name, mk10.lower_bound, mk10.best_known, mk10.optimal) == ("mk10", 189, 193, False)


def test_taillard_sets_labels(mirror: Path) -> None:
    ta = load_suite("taillard-jssp", limit=1)[0]
    assert ta.name == "ta01" and ta.best_known == 1231 and ta.optimal
    pf = load_suite("taillard-pfsp", limit=1)[0]
    assert pf.name == "ta001" and pf.problem.name == "ta001" and pf.best_known == 1278


def test_file_gets_labels_by_name(mirror: Path) -> None:
    j60 = load_instance(f"{mirror}/rcpsp/psplib_j60.sm.tar.gz#j609_1")
    assert j60.lower_bound is not None and j60.best_known is not None
    assert j60.lower_bound <= j60.best_known
    tfs = load_instance(mirror / "pfsp/instances/tfs108.txt")
    assert tfs.best_known == 11301  # the 1131 typo of one table is dropped


def test_unknown_and_unavailable_sets(mirror: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="unknown dataset"):
        load_suite("nope")
    monkeypatch.setenv("ORDINO_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(InputError, match="not in the mirror"):
        load_suite("smtt-paper-500")
    # no network in tests: a URL that cannot resolve gives a clean error naming mirror and cache
    monkeypatch.setenv("ORDINO_DATA_MIRROR", str(tmp_path / "empty"))
    bad = RemoteFile("orlib-wt/wt40.txt", "http://invalid.invalid/wt40.txt")
    with pytest.raises(InputError, match="cannot download"):
        locate(bad)


def test_download_verifies_checksum(mirror: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDINO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ORDINO_DATA_MIRROR", str(tmp_path / "nomirror"))
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    shutil.copy(mirror / "orlib-wt/wt40.txt", upstream / "wt40.txt")
    good = RemoteFile("orlib-wt/wt40.txt", (upstream / "wt40.txt").as_uri())
    path = fetch_file(good)
    assert path == tmp_path / "cache/orlib-wt/wt40.txt"
    assert path.read_bytes() == (mirror / "orlib-wt/wt40.txt").read_bytes()
    assert locate(good) == path  # now served from the cache
    (upstream / "wtopt40.txt").write_text("1 2 3\n")
    tampered = RemoteFile("orlib-wt/wtopt40.txt", (upstream / "wtopt40.txt").as_uri())
    with pytest.raises(InputError, match="checksum mismatch"):
        fetch_file(tampered)
    assert not (tmp_path / "cache/orlib-wt/wtopt40.txt").exists()


def test_describe_and_checksums(mirror: Path) -> None:
    info = describe("psplib-j30")
    assert info["available"] and info["count"] == 480
    assert info["files"][0]["sha256"] == checksums()["rcpsp/psplib_j30.sm.tar.gz"]
    assert not describe("orlib-wt100")["mirrored"]
