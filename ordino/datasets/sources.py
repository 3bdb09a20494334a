"""Where dataset files come from: the local mirror (``ORDINO_DATA_MIRROR``), the cache (``ORDINO_CACHE_DIR``,
by default ``~/.cache/ordino``), or a checksummed download. This module is the one place that reads those two
variables.

A mirror is a folder laid out like the project's shared data folder (``orlib-wt/wt40.txt``,
``rcpsp/psplib_j30.sm.tar.gz``, ...). Downloads go to the cache under the same relative path and are accepted
only when their sha256 matches the one recorded in ``checksums.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ordino.errors import InputError

CHECKSUMS_FILE = Path(__file__).with_name("checksums.json")
DOWNLOAD_TIMEOUT = 60.0


@dataclass(frozen=True)
class RemoteFile:
    """One file of a dataset: its path inside a mirror and, when the upstream file is byte-identical, its URL."""

    path: str
    url: str | None = None

    @property
    def sha256(self) -> str | None:
        """The recorded checksum (None when unknown)."""
        return checksums().get(self.path)


@cache
def checksums() -> dict[str, str]:
    """Recorded sha256 of every known dataset file, keyed by mirror path."""
    return json.loads(CHECKSUMS_FILE.read_text(encoding="utf-8"))


MIRROR_ENV = "ORDINO_DATA_MIRROR"
CACHE_ENV = "ORDINO_CACHE_DIR"
FORMER_CACHE_ENV = "ORDINO_CACHE"
"""The name `ordino evolve` read for its cache before there was one cache variable; still honoured."""


def mirror_dir() -> Path | None:
    """The mirror folder from ``ORDINO_DATA_MIRROR`` (None when unset)."""
    value = os.environ.get(MIRROR_ENV)
    return Path(value).expanduser() if value else None


def require_mirror() -> Path:
    """The mirror folder, or an InputError saying how to set it (for readers of files found only there)."""
    mirror = mirror_dir()
    if mirror is None:
        raise InputError(f"{MIRROR_ENV} is not set; point it at the benchmark data folder")
    if not mirror.is_dir():
        raise InputError(f"{MIRROR_ENV}={mirror} is not a folder")
    return mirror


def cache_dir() -> Path:
    """The cache folder: ``ORDINO_CACHE_DIR`` (or its former name ``ORDINO_CACHE``), else
    ``$XDG_CACHE_HOME/ordino``, else ``~/.cache/ordino``."""
    value = os.environ.get(CACHE_ENV) or os.environ.get(FORMER_CACHE_ENV)
    if value:
        return Path(value).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "ordino"


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find_local(file: RemoteFile) -> Path | None:
    """The file in the mirror or the cache, if present (cached copies must match their checksum)."""
    mirror = mirror_dir()
    if mirror is not None and (mirror / file.path).is_file():
        return mirror / file.path
    cached = cache_dir() / file.path
    if cached.is_file() and (file.sha256 is None or sha256_of(cached) == file.sha256):
        return cached
    return None


def locate(file: RemoteFile, download: bool = True) -> Path:
    """A local path of `file`: mirror, then cache, then (if allowed) a verified download into the cache."""
    found = find_local(file)
    if found is not None:
        return found
    where = f"{MIRROR_ENV}={mirror_dir()}" if mirror_dir() else f"{MIRROR_ENV} is not set"
    target = cache_dir() / file.path
    if file.url is None:
        raise InputError(f"dataset file {file.path!r} is not in the mirror ({where}) nor cached; it has no direct "
                         f"download: get it from its upstream source (see `ordino datasets info`) and put it at "
                         f"{target} or under your mirror folder")
    if not download:
        raise InputError(f"dataset file {file.path!r} is not in the mirror ({where}) nor cached at {target}; "
                         f"run `ordino datasets fetch` to download it")
    return fetch_file(file)


def fetch_file(file: RemoteFile) -> Path:
    """Download `file` into the cache, verify its checksum, and return its path."""
    target = cache_dir() / file.path
    if file.url is None:
        raise InputError(f"dataset file {file.path!r} has no download URL")
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(file.url, timeout=DOWNLOAD_TIMEOUT) as response, partial.open("wb") as out:
            while block := response.read(1 << 20):
                out.write(block)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        partial.unlink(missing_ok=True)
        mirror = mirror_dir()
        raise InputError(f"cannot download {file.url} ({exc}); the file is neither in the mirror "
                         f"({mirror if mirror else f'{MIRROR_ENV} is not set'}) nor cached at {target}: "
                         f"connect to the network, or set {MIRROR_ENV} to a folder holding {file.path}") from None
    expected = file.sha256
    actual = sha256_of(partial)
    if expected is not None and actual != expected:
        partial.unlink(missing_ok=True)
        raise InputError(f"checksum mismatch for {file.url}: expected sha256 {expected}, got {actual}; the upstream "
                         f"file changed or the download is corrupt (nothing was cached)")
    partial.replace(target)
    return target

