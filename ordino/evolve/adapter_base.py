"""What the problem adapters share: the `Score` they give a candidate, and base classes that run candidates
in the sandbox and score them against the best known values."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ordino.evolve.data import EvalInstance
from ordino.evolve.gp import Tree, to_source
from ordino.evolve.sandbox import CandidateResult, Limits, evaluate_candidates
from ordino.models import gap_percent

__all__ = ["ClassicRulesAdapter", "SandboxAdapter", "Score", "score_of"]


@dataclass
class Score:
    """A candidate's score on a list of instances.

    Attributes
    ----------
    mean_gap : float
        Mean gap in percent over instances with a positive optimum (the literature's convention); with
        several sets, the mean of the per-set means, so that each set weighs the same. ``inf`` on failure.
    gaps : list of float or None
        Per instance gap in percent; None where the optimum is 0 (then see `zero_misses`).
    objectives : list of float
        Per instance objective value.
    by_class : dict
        Mean gap per instance class (e.g. ``TF0.6/RDD0.2``).
    zero_misses : int
        Instances whose optimum is 0 where the candidate is late.
    seconds : float
        Run time of the candidate in the sandbox.
    """

    mean_gap: float
    gaps: list[float | None] = field(default_factory=list)
    objectives: list[float] = field(default_factory=list)
    by_class: dict[str, float] = field(default_factory=dict)
    zero_misses: int = 0
    seconds: float = 0.0

    @property
    def fitness(self) -> float:
        """What selection minimises: mean gap plus a small charge per missed zero-tardiness instance."""
        return self.mean_gap + 0.01 * self.zero_misses


def score_of(result: CandidateResult, instances: list[EvalInstance]) -> Score:
    """Gaps and per-class means of a sandbox result."""
    if not result.ok:
        return Score(math.inf, seconds=result.seconds)
    gaps = [gap_percent(v, inst.best) for v, inst in zip(result.objectives, instances, strict=True)]
    misses = sum(1 for g, inst in zip(gaps, instances, strict=True) if g is None and inst.best == 0)
    by: dict[str, list[float]] = {}
    for g, inst in zip(gaps, instances, strict=True):
        if g is not None:
            by.setdefault(inst.cls, []).append(g)
    per_set: dict[str, list[float]] = {}
    for g, inst in zip(gaps, instances, strict=True):
        if g is not None:
            per_set.setdefault(inst.name.split("#")[0], []).append(g)
    # sets of different sizes weigh the same: the mean of the per-set mean gaps
    mean = sum(sum(v) / len(v) for v in per_set.values()) / len(per_set) if per_set else 0.0
    return Score(mean, gaps, list(result.objectives), {k: sum(v) / len(v) for k, v in sorted(by.items())},
                 misses, result.seconds)


class SandboxAdapter:
    """An adapter whose candidates run in one sandbox batch and are scored by their gaps (see `ProblemAdapter`)."""

    name: str
    entry: str
    kind: str
    signature: str
    description: str
    goal: str  # one sentence for prompts: what "better" means
    default_train: str
    default_test: str
    gp_args: tuple[str, ...]
    gp_derived: dict[str, str]
    gp_doc: str

    def evaluate(self, candidates: list[tuple[str, str]], instances: list[EvalInstance],
                 limits: Limits | None = None) -> list[Score | str]:
        """Run candidates in one sandbox batch and score them; a failed candidate gives its error text."""
        results = evaluate_candidates(candidates, [i.payload() for i in instances], self.kind, self.entry, limits)
        return [score_of(r, instances) if r.ok else (r.error or "unknown error") for r in results]


class ClassicRulesAdapter(SandboxAdapter):
    """A sandbox adapter whose seeds are classic rules, given as expression trees over `gp_args`."""

    classic_rules: dict[str, Tree]
    classic_doc: str

    def seed_trees(self, weighted: bool) -> dict[str, Tree]:
        """The classic rules as expression trees."""
        return dict(self.classic_rules)

    def seeds(self) -> dict[str, str]:
        """The classic rules as candidate code."""
        return {k: to_source(v, self.classic_doc, self.gp_args, {}) for k, v in self.classic_rules.items()}
