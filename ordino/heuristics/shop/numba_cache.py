"""Whether a numba kernel is compiled on disk: loading it takes about a second, compiling it from scratch 10-20 s,
so callers with a short budget use it only when it is."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def compiled_on_disk(module_file: str, kernel: str) -> bool:
    """True when numba's cache (beside the module, or in NUMBA_CACHE_DIR) holds `kernel` of the module, written
    after the module's last change (numba compiles an older entry again)."""
    folders = [Path(module_file).parent / "__pycache__"]
    if os.environ.get("NUMBA_CACHE_DIR"):
        folders.append(Path(os.environ["NUMBA_CACHE_DIR"]))
    pattern = f"{Path(module_file).stem}.{kernel}-*.nbi"
    changed = Path(module_file).stat().st_mtime
    return any(index.stat().st_mtime >= changed
               for folder in folders if folder.is_dir() for index in folder.rglob(pattern))


def compile_kernels(namespace: dict[str, Any], helpers: tuple[str, ...], kernels: tuple[str, ...],
                    plain: tuple[str, ...] = ()) -> tuple[Any, ...] | None:
    """Compile a module's numba code once: `helpers` are replaced in `namespace` (the module's globals) by their
    compiled versions, so that the kernels calling them are compiled too; returns the compiled `kernels`
    (releasing the GIL) then the `plain` ones, in that order, or None when numba is not installed."""
    try:
        import numba
    except ImportError:
        return None
    for name in helpers:
        namespace[name] = numba.njit(cache=True, nogil=True)(namespace[name])
    return (*(numba.njit(cache=True, nogil=True)(namespace[name]) for name in kernels),
            *(numba.njit(cache=True)(namespace[name]) for name in plain))
