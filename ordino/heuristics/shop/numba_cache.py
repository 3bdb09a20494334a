"""Whether a numba kernel is compiled on disk: loading it takes about a second, compiling it from scratch 10-20 s,
so callers with a short budget use it only when it is."""

from __future__ import annotations

import os
from pathlib import Path


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
