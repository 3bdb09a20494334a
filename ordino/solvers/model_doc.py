"""A documented model component, as the MILP builders record them and the Markdown export renders them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Doc:
    """One documented model component: its name in the model, mathematics (LaTeX-ish), meaning and size."""

    name: str
    math: str
    text: str
    size: int = 1


def docs_context(items: list[Doc]) -> list[dict[str, Any]]:
    """The components as the Markdown template reads them."""
    return [asdict(d) for d in items]
