"""The offline review: a rule-based summary of an island's generation (weak classes, errors, stagnation).

The summary is text for the archive and the LLM prompt, plus structured hints the GP engine acts on:
which instance classes the leader is weakest on (and which candidate is best there, a crossover partner),
whether the island stagnates, and what kinds of failures occurred.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ordino.evolve.archive import CandidateRow

__all__ = ["Review", "review_island", "error_kind"]


@dataclass
class Review:
    """A review's text and the hints an engine may use; `evidence` is what an LLM prompt shows beside it (the
    loop renders it from the archive, see `ordino.evolve.evidence`)."""

    text: str
    weak_classes: list[str] = field(default_factory=list)
    specialist: str | None = None
    stagnant: bool = False
    errors: dict[str, int] = field(default_factory=dict)
    evidence: str = ""


def error_kind(error: str | None) -> str:
    """Coarse failure kind from an error text: rejected, timeout, memory, cpu, crash, output, processes,
    invalid (decisions the parent refused) or exception."""
    if not error:
        return "none"
    head = error.split(":", 1)[0].strip()
    kinds = ("rejected", "timeout", "memory", "cpu", "crash", "output", "processes", "invalid")
    return head if head in kinds else "exception"


def review_island(population: list[CandidateRow], new: list[CandidateRow], history: list[float],
                  stagnation: int = 3) -> Review:
    """Summarise an island after a generation.

    Parameters
    ----------
    population : list of CandidateRow
        The island's evaluated members (status ok), best first.
    new : list of CandidateRow
        This generation's offspring of the island, whatever their status.
    history : list of float
        The island's best fitness per generation so far.
    """
    if not population:
        return Review("no candidate of this island has a score yet")
    lead = population[0]
    lines = [f"leader {lead.id}: mean gap {lead.train_gap:.3f}% ({len(lead.code.splitlines())} lines)"]
    best_in: dict[str, tuple[float, str]] = {}
    for c in population:
        for cls, g in c.by_class.items():
            if cls not in best_in or g < best_in[cls][0]:
                best_in[cls] = (g, c.id)
    excess = sorted(((g - best_in[cls][0], cls) for cls, g in lead.by_class.items()), reverse=True)
    worst = sorted(lead.by_class.items(), key=lambda kv: -kv[1])[:3]
    if worst:
        lines.append("leader's weakest classes: " + ", ".join(f"{k} {v:.2f}%" for k, v in worst))
    weak = [cls for ex, cls in excess if ex > 1e-9][:3]
    specialist = best_in[weak[0]][1] if weak else None
    if weak:
        lines.append("other candidates do better on " + ", ".join(
            f"{cls} ({best_in[cls][1]}: {best_in[cls][0]:.2f}% vs {lead.by_class[cls]:.2f}%)" for cls in weak))
    errors = Counter(error_kind(c.error) for c in new if c.status in ("error", "rejected"))
    dup = sum(1 for c in new if c.status == "duplicate")
    culled = sum(1 for c in new if c.status == "culled")
    if new:
        lines.append(f"{len(new)} new: {sum(1 for c in new if c.status == 'ok')} scored, {dup} duplicates, "
                     f"{culled} stopped after the small set, {sum(errors.values())} failed"
                     + (" (" + ", ".join(f"{k} {v}" for k, v in errors.items()) + ")" if errors else ""))
    stagnant = len(history) > stagnation and min(history[-stagnation:]) >= min(history[:-stagnation]) - 1e-9
    if stagnant:
        lines.append(f"no improvement in {stagnation} generations: explore (bigger changes, new terms)")
    for c in new:
        if c.status == "culled":
            lines.append(f"{c.id} stopped after the small set: {c.error}")
    if errors.get("timeout") or errors.get("cpu"):
        lines.append("some candidates were too slow: keep the work per call vectorised, O(n) per job")
    return Review("; ".join(lines), weak, specialist, stagnant, dict(errors))
