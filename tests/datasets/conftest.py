"""Shared fixtures of the dataset tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def mirror(data_mirror: Path) -> Path:
    """The benchmark data mirror folder (ORDINO_DATA_MIRROR, set by the root conftest)."""
    return data_mirror
