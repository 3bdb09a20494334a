"""Problem adapters: what a candidate is for a problem class, how it runs and how it is scored.

An adapter knows the candidate's entry function and signature (for prompts and checks), how to load
instances, how to run candidates in the sandbox and how to turn objective values into gaps. The loop and
the engines only talk to this interface, so new problem classes plug in by writing one adapter.

Implemented: `SmttAdapter`, single-machine (weighted) total tardiness with a priority function evaluated
greedily (or a sequencing function returning a permutation).

`ordino.evolve.jssp.JsspAdapter`: job shop dispatching rules scored through Giffler-Thompson.
`ordino.evolve.rcpsp.RcpspAdapter`: RCPSP priority rules scored through the serial SGS.
"""

from __future__ import annotations

from typing import Protocol

from ordino.errors import InputError
from ordino.evolve.adapter_base import SandboxAdapter, Score
from ordino.evolve.data import EvalInstance, load_set
from ordino.evolve.gp import SMTT_ARGS, SMTT_DERIVED, Tree
from ordino.evolve.jssp import JsspAdapter
from ordino.evolve.rcpsp import RcpspAdapter
from ordino.evolve.sandbox import Limits

__all__ = ["ProblemAdapter", "SmttAdapter", "adapter_for"]


class ProblemAdapter(Protocol):
    """What the loop needs from a problem class."""

    name: str
    entry: str
    kind: str
    signature: str
    description: str
    goal: str
    default_train: str
    default_test: str

    def load(self, spec: str) -> list[EvalInstance]:
        """Instances of a set spec."""
        ...

    def evaluate(self, candidates: list[tuple[str, str]], instances: list[EvalInstance],
                 limits: Limits | None = None) -> list[Score | str]:
        """Score each (id, code) on the instances; a failed candidate gives its error text instead."""
        ...

    def seeds(self) -> dict[str, str]:
        """Named seed heuristics as candidate code (the classic rules)."""
        ...

    gp_args: tuple[str, ...]
    gp_derived: dict[str, str]
    gp_doc: str

    def seed_trees(self, weighted: bool) -> dict[str, Tree]:
        """The classic rules as GP expression trees."""
        ...


SMTT_SIGNATURE = f"def priority({', '.join(SMTT_ARGS)}, left):"
"""The signature shown to the LLM; rules without `left` (saved heuristics, gp trees) keep working."""

SMTT_DESCRIPTION = """\
Single-machine total (weighted) tardiness: n jobs with processing times p, due dates d (may be negative)
and weights w run one after another from time 0; minimise sum_j w_j * max(0, C_j - d_j).
A candidate is a priority function. The sequence is built greedily: at the current time t every
unscheduled job gets a score and the job with the LOWEST score runs next (ties go to the earlier due date,
then the shorter job). The function is called once per step for all m instances of the same job count at
once (never padded): p, d, w are numpy float arrays of shape (m, n) holding every job's real values,
scheduled or not; t (current time), rem (remaining processing time of unscheduled jobs), pmean (mean
processing time of the unscheduled jobs) and pmax (largest processing time among them) have shape (m, 1);
left is a boolean array of shape (m, n), True for the jobs not yet scheduled (optional: a function without
a `left` argument is called without it). Scores of already scheduled jobs are ignored. Return an array
broadcastable to (m, n) of finite floats. Only numpy (as np) and math may be imported; no files, no I/O,
no try/except."""

_SEEDS = {
    "edd": "return d",
    "spt": "return p",
    "mdd": "return np.maximum(t + p, d)",
    "wmdd": "return np.maximum(p, d - t) / np.maximum(w, 1e-9)",
    "slack": "return d - t - p",
    "mddc": "r = np.minimum(p / (t + pmax), 1.0)\n    u = np.maximum(1.1 * p + t, d) * (1.0 + r * r / (1.0 + r * r))\n"
            "    return u + p / (t + pmean)",
}


SMTT_SEED_TREES: dict[str, Tree] = {
    "edd": ["d"],
    "spt": ["p"],
    "mdd": ["max", ["add", ["t"], ["p"]], ["d"]],
    "slack": ["slack"],
    "wmdd": ["div", ["max", ["p"], ["sub", ["d"], ["t"]]], ["w"]],
    # MDDC (Cetinkaya et al.): max(1.1 p + t, d) (1 + r^2 / (1 + r^2)) + p / (t + mean p), r = p / (t + max p)
    "mddc": ["add", ["mul", ["max", ["add", ["mul", ["c", 1.1], ["p"]], ["t"]], ["d"]],
                     ["add", ["c", 1.0], ["div", ["sq", ["r"]], ["add", ["c", 1.0], ["sq", ["r"]]]]]], ["q"]],
}


class SmttAdapter(SandboxAdapter):
    """Single-machine (weighted) total tardiness, candidates are greedy priority functions."""

    name = "smtt"
    entry = "priority"
    kind = "priority"
    signature = SMTT_SIGNATURE
    description = SMTT_DESCRIPTION
    goal = "Lower total (weighted) tardiness is better."
    gp_args = SMTT_ARGS
    gp_derived = dict(SMTT_DERIVED)
    gp_doc = "Evolved priority rule: the unscheduled job with the lowest score runs next."
    default_train = "smtt-paper-20:train+smtt-paper-100:train"
    default_test = "smtt-paper-20:test+smtt-paper-100:test"

    def seed_trees(self, weighted: bool) -> dict[str, Tree]:
        """EDD, SPT, MDD, minimum slack, MDDC (and weighted MDD for weighted sets) as expression trees.

        MDDC is in the seed population on purpose: the loop's job is to improve a seed heuristic, and the
        best published constructive rule is the natural one to start from.
        """
        return {k: v for k, v in SMTT_SEED_TREES.items() if weighted or k != "wmdd"}

    def load(self, spec: str) -> list[EvalInstance]:
        """Instances of a set spec (see `ordino.evolve.data`)."""
        return load_set(spec)

    def seeds(self) -> dict[str, str]:
        """EDD, SPT, MDD, weighted MDD, minimum slack and MDDC as priority functions."""
        return {name: f"import numpy as np\n\n\n{SMTT_SIGNATURE}\n    {body}\n" for name, body in _SEEDS.items()}


def adapter_for(problem: str) -> ProblemAdapter:
    """The adapter for a problem class: its short name (``smtt``, ``jssp``, ``rcpsp``) or the class name that
    `ordino.models.classify` gives (``single_machine``, ``job_shop``); InputError for any other."""
    if problem in ("smtt", "smwt", "single_machine", "single-machine"):
        return SmttAdapter()
    if problem in ("jssp", "job_shop", "job-shop"):
        return JsspAdapter()
    if problem == "rcpsp":
        return RcpspAdapter()
    raise InputError(f"unknown problem class {problem!r}; use smtt (single_machine), jssp (job_shop) or rcpsp")
