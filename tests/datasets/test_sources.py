"""Where dataset files live: one resolver of the mirror and one of the cache, each read from one variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from ordino.datasets import cache_dir, mirror_dir, require_mirror
from ordino.errors import InputError

CACHE_VARIABLES = ("ORDINO_CACHE_DIR", "ORDINO_CACHE", "XDG_CACHE_HOME")


@pytest.fixture
def no_cache_variables(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in CACHE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_cache_dir_reads_one_variable_then_its_former_name_then_xdg(tmp_path: Path,
                                                                    no_cache_variables: pytest.MonkeyPatch) -> None:
    env = no_cache_variables
    env.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "ordino"
    env.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "ordino"
    env.setenv("ORDINO_CACHE", str(tmp_path / "former"))  # the name `ordino evolve` read before
    assert cache_dir() == tmp_path / "former"
    env.setenv("ORDINO_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"


def test_require_mirror_names_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORDINO_DATA_MIRROR", raising=False)
    assert mirror_dir() is None
    with pytest.raises(InputError, match="ORDINO_DATA_MIRROR is not set"):
        require_mirror()
    monkeypatch.setenv("ORDINO_DATA_MIRROR", str(tmp_path / "missing"))
    with pytest.raises(InputError, match="is not a folder"):
        require_mirror()
    monkeypatch.setenv("ORDINO_DATA_MIRROR", str(tmp_path))
    assert require_mirror() == mirror_dir() == tmp_path
