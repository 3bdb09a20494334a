"""Mutation engines: `GPEngine` (offline genetic programming) and `LLMEngine` (OpenAI-compatible LLM).

Both answer the same four questions of the loop: the initial candidates, a reflection on an island's
review, new candidates from parents (improve), and a repaired candidate from a failure (fix).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from ordino.errors import LLMError
from ordino.evolve import gp
from ordino.evolve.adapters import ProblemAdapter
from ordino.evolve.archive import CandidateRow
from ordino.evolve.evidence import shorten
from ordino.evolve.review import Review
from ordino.llm.client import LLMConfig, LLMLimit, scrub

__all__ = ["Proposal", "Engine", "GPEngine", "LLMEngine", "parse_candidate"]


@dataclass
class Proposal:
    """A candidate before evaluation."""

    code: str
    origin: str
    parents: list[str] = field(default_factory=list)
    thought: str = ""
    genome: Any = None
    tokens_in: int = 0
    tokens_out: int = 0


class Engine(Protocol):
    """What the loop asks of a mutation engine."""

    name: str

    def initial(self, n: int, rng: random.Random) -> list[Proposal]:
        """The first population (seeds and new candidates)."""
        ...

    def begin_generation(self) -> None:
        """A new generation's offspring are about to be asked for."""
        ...

    def reflect(self, review: Review, leader: CandidateRow | None) -> tuple[str, int, int]:
        """A reflection on an island's review: (text, tokens in, tokens out)."""
        ...

    def propose(self, pool: list[CandidateRow], reflection: str, review: Review, n: int,
                rng: random.Random) -> list[Proposal]:
        """`n` offspring from the island's evaluated members `pool` (best first)."""
        ...

    def repair(self, cand: CandidateRow, error: str) -> Proposal | None:
        """A fixed version of a failing candidate, or None when the engine cannot repair."""
        ...


def tournament(pool: list[CandidateRow], rng: random.Random, k: int = 4) -> CandidateRow:
    """The fittest of `k` random members (fitness, then shorter code)."""
    picks = [rng.choice(pool) for _ in range(min(k, len(pool)))]
    return min(picks, key=lambda c: (c.fitness if c.fitness is not None else float("inf"), len(c.code)))


class GPEngine:
    """Genetic programming over priority expressions; needs no network.

    The adapter gives the terminals, the function's arguments, derived locals and seed trees. The review
    steers the search: crossover partners come from the candidate that is best on the leader's weakest
    instance classes, and a stagnating island gets bigger mutations (subtree, wrap) more often.
    """

    name = "gp"

    def __init__(self, adapter: ProblemAdapter, weighted: bool = True, crossover_rate: float = 0.5) -> None:
        self.args: tuple[str, ...] = adapter.gp_args
        self.derived: dict[str, str] = adapter.gp_derived
        self.seed_trees: dict[str, gp.Tree] = adapter.seed_trees(weighted)
        terms = (*self.args, *self.derived)
        self.terminals = tuple(x for x in terms if weighted or x != "w")
        self.crossover_rate = crossover_rate
        self.doc = adapter.gp_doc

    def initial(self, n: int, rng: random.Random) -> list[Proposal]:
        """The classic rules as seeds, then ramped half-and-half random trees."""
        out = [self._proposal(tree, f"seed:{name}", []) for name, tree in self.seed_trees.items()]
        k = 0
        while len(out) < n:
            tree = gp.simplify(gp.random_tree(rng, 2 + k % 4, grow=k % 2 == 0, terminals=self.terminals))
            out.append(self._proposal(tree, "random", []))
            k += 1
        return out

    def begin_generation(self) -> None:
        """Nothing to reset: trees are proposed independently."""

    def reflect(self, review: Review, leader: CandidateRow | None) -> tuple[str, int, int]:
        """The rule-based review is the reflection."""
        return review.text, 0, 0

    def propose(self, pool: list[CandidateRow], reflection: str, review: Review, n: int,
                rng: random.Random) -> list[Proposal]:
        """Crossover (often with the weak-class specialist) or mutation of tournament winners."""
        out: list[Proposal] = []
        trees = [c for c in pool if c.genome]
        if not trees:
            return out
        special = next((c for c in trees if c.id == review.specialist), None)
        for _ in range(n):
            a = tournament(trees, rng)
            if rng.random() < self.crossover_rate and len(trees) > 1:
                b = special if special is not None and special.id != a.id and rng.random() < 0.5 else \
                    tournament(trees, rng)
                child = gp.crossover(a.genome, b.genome, rng)
                origin = "crossover:specialist" if b is special else "crossover"
                parents = [a.id, b.id]
                if rng.random() < 0.3:
                    child, kind = gp.mutate(child, rng, self.terminals)
                    origin += f"+{kind}"
            else:
                wanted = rng.choice(["subtree", "wrap"]) if review.stagnant and rng.random() < 0.5 else None
                child, kind = gp.mutate(a.genome, rng, self.terminals, wanted)
                origin, parents = f"mutation:{kind}", [a.id]
            out.append(self._proposal(child, origin, parents))
        return out

    def repair(self, cand: CandidateRow, error: str) -> Proposal | None:
        """Trees cannot be repaired from a traceback; a failing tree is simply dropped."""
        return None

    def _proposal(self, tree: gp.Tree, origin: str, parents: list[str]) -> Proposal:
        expr = gp.to_expr(tree)
        src = gp.to_source(tree, self.doc, args=self.args, derived=self.derived)
        return Proposal(src, origin, parents, thought=f"score = {expr}", genome=tree)


_SYSTEM = ("You design scheduling heuristics. You answer with one JSON object with keys \"thought\" (one short "
           "paragraph: the idea and why it should help) and \"code\" (a complete Python module as a string).")

_SCHEMA = {"type": "object", "properties": {"thought": {"type": "string"}, "code": {"type": "string"}},
           "required": ["thought", "code"]}

_CODE_FENCE = re.compile(r"```(?:python|py)?\s*\n(.*?)```", re.DOTALL)


def parse_candidate(reply: Any, text: str) -> tuple[str, str]:
    """(thought, code) from an LLM answer: the JSON keys, else the first python code block and its prose."""
    if isinstance(reply, dict) and isinstance(reply.get("code"), str) and reply["code"].strip():
        code = reply["code"]
        m = _CODE_FENCE.search(code)
        return str(reply.get("thought", "")).strip(), (m.group(1) if m else code).strip() + "\n"
    m = _CODE_FENCE.search(text or "")
    if m is None:
        raise LLMError("the answer has neither a JSON 'code' field nor a python code block")
    return text[:m.start()].strip()[:2000], m.group(1).strip() + "\n"


class LLMEngine:
    """Whole-function rewrites by an OpenAI-compatible LLM (the formulator's `LLMClient`).

    A run limit (the client's deadline or token budget, `max_tokens` or `max_requests`) makes the engine stop
    asking quietly: the loop ends with what it has. `max_failed_calls` calls in a row that fail or give no usable answer
    stop the run with an `LLMError` that says whether the endpoint ever answered.
    """

    name = "llm"

    def __init__(self, adapter: ProblemAdapter, client: Any, max_tokens: int | None = None,
                 max_requests: int | None = None, seconds: float | None = None) -> None:
        self.adapter = adapter
        self.seconds = seconds  # the sandbox's time per candidate, stated in the task
        self.client = client
        self.max_tokens = max_tokens
        self.max_requests = max_requests
        self.requests = 0  # calls made, answered or not
        self.used = 0
        self.answered = 0  # calls the endpoint answered
        self.failures = 0  # calls in a row without a usable answer
        self.max_failures = getattr(getattr(client, "config", None), "max_failed_calls", LLMConfig.max_failed_calls)
        self.stopped: str | None = None  # the limit that ended the asking
        self.siblings: list[str] = []  # ideas proposed so far in this generation

    def _chat(self, user: str) -> Any:
        """One LLM call; None when it failed or a limit stops asking."""
        if self.stopped is not None:
            return None
        if self.max_tokens is not None and self.used >= self.max_tokens:
            self.stopped = f"LLM token budget of {self.max_tokens} exhausted"
            return None
        if self.max_requests is not None and self.requests >= self.max_requests:
            self.stopped = f"LLM request budget of {self.max_requests} used"
            return None
        self.requests += 1
        try:
            reply = self.client.chat_json([{"role": "system", "content": _SYSTEM}, {"role": "user", "content": user}],
                                          schema=_SCHEMA, schema_name="candidate")
        except LLMLimit as exc:
            self.stopped = str(exc)
            return None
        except LLMError as exc:
            self._failed(str(exc))
            return None
        self.answered += 1
        self.used += reply.prompt_tokens + reply.completion_tokens
        return reply

    def _failed(self, error: str) -> None:
        """Count a call without a usable answer; raise LLMError after `max_failed_calls` in a row."""
        self.failures += 1
        limit = self.max_failures
        if self.failures < limit:
            return
        if self.answered:
            raise LLMError(scrub(f"{limit} LLM calls in a row failed or gave no usable candidate (last: {error}); "
                                 "stopping the run"))
        raise LLMError(scrub(f"the LLM endpoint never answered: {limit} calls in a row failed (last: {error}); "
                             "stopping the run. Check ORDINO_LLM_BASE_URL, the model and the key, or use --engine gp"))

    def _ask(self, user: str) -> tuple[str, str, int, int] | None:
        reply = self._chat(user)
        if reply is None:
            return None
        try:
            thought, code = parse_candidate(reply.data, reply.text)
        except LLMError as exc:
            self._failed(str(exc))
            return None
        self.failures = 0
        return thought, code, reply.prompt_tokens, reply.completion_tokens

    def _task(self) -> str:
        limit = (f"\nA candidate gets {self.seconds:g} s of CPU for all training instances together; a slower one "
                 "fails, so keep the work per call vectorised and about linear in the number of jobs."
                 if self.seconds else "")
        return (f"{self.adapter.description}{limit}\n\nWrite a module that defines\n    {self.adapter.signature}\n"
                "with `import numpy as np` at the top.")

    def begin_generation(self) -> None:
        """Forget the previous generation's proposals (the siblings shown in each prompt)."""
        self.siblings = []

    def _siblings(self) -> str:
        if not self.siblings:
            return ""
        shown = "\n".join(f"- {x}" for x in self.siblings)
        return ("\n\n## Already proposed in this generation (by other requests; do not repeat these ideas, try a "
                f"different one)\n{shown}")

    def initial(self, n: int, rng: random.Random) -> list[Proposal]:
        """The adapter's seed rules, then LLM variations of them until the population is full."""
        self.begin_generation()
        seeds = [Proposal(code, f"seed:{name}") for name, code in self.adapter.seeds().items()]
        out = list(seeds)
        while len(out) < n and self.stopped is None:
            base = seeds[len(out) % len(seeds)]
            prop = self._improve([(base.origin, base.code, "not yet scored")], "Start from this classic rule.", "")
            if prop is not None:
                out.append(prop)
        return out

    def reflect(self, review: Review, leader: CandidateRow | None) -> tuple[str, int, int]:
        """A short LLM reflection on the review and its evidence (what to change next)."""
        if leader is None:
            return review.text, 0, 0
        user = (f"{self.adapter.description}\n\n{review.evidence}\n\n## Best candidate so far\n"
                f"{leader.id}:\n```python\n{leader.code}```\n## Review of this generation\n{review.text}\n\n"
                "In at most four sentences, say what the next candidates should change to close the gaps. Cite "
                "candidates by id and figures only as they appear above: a sentence with a percentage that is not "
                "one of the figures shown is dropped (write parameters without a % sign). Answer as JSON "
                "{\"thought\": ..., \"code\": \"\"}.")
        reply = self._chat(user)
        if reply is None:
            return review.text, 0, 0
        self.failures = 0
        data = reply.data if isinstance(reply.data, dict) else {}
        text = str(data.get("thought") or reply.text).strip()[:1500]
        return text, reply.prompt_tokens, reply.completion_tokens

    def _improve(self, parents: list[tuple[str, str, str]], reflection: str, evidence: str,
                 ids: list[str] | None = None) -> Proposal | None:
        shown = "\n\n".join(f"Candidate {name} ({score}):\n```python\n{code}```" for name, code, score in parents)
        head, ask = (("## Parents (combine the strengths of both)", "one candidate that combines them")
                     if len(parents) > 1 else ("## Parent (improve it)", "one improved candidate"))
        user = (f"{self._task()}\n\n{evidence}\n\n{head}\n{shown}\n\n## Reflection\n{reflection}"
                f"{self._siblings()}\n\nWrite {ask}: a whole new version of the function, not a diff. "
                f"{self.adapter.goal}")
        prop = self._answer(user, "llm:crossover" if len(parents) > 1 else "llm:mutation", list(ids or []))
        if prop is not None:
            self.siblings.append(shorten(prop.thought, 600) or "(no idea stated)")
        return prop

    def propose(self, pool: list[CandidateRow], reflection: str, review: Review, n: int,
                rng: random.Random) -> list[Proposal]:
        """Rewrites of tournament winners, sometimes of two parents at once, each prompt with the evidence and
        the ideas already proposed in this generation."""
        out = []
        for _ in range(n):
            a = tournament(pool, rng)
            chosen = [a]
            if len(pool) > 1 and rng.random() < 0.3:
                b = tournament(pool, rng)
                if b.id != a.id:
                    chosen.append(b)
            prop = self._improve([(c.id, c.code, _score_text(c)) for c in chosen], reflection, review.evidence,
                                 [c.id for c in chosen])
            if prop is not None:
                out.append(prop)
        return out

    def repair(self, cand: CandidateRow, error: str) -> Proposal | None:
        """Send the code and its (scrubbed) error back and ask for a fixed version."""
        user = (f"{self._task()}\n\nThis candidate failed:\n```python\n{cand.code}```\nError: {scrub(error)}\n\n"
                "Fix it. Keep the idea, make it run within the rules.")
        return self._answer(user, "llm:repair", [cand.id])

    def _answer(self, user: str, origin: str, parents: list[str]) -> Proposal | None:
        """The model's candidate for the prompt `user` as a proposal; None when it gave none."""
        answer = self._ask(user)
        if answer is None:
            return None
        thought, code, tin, tout = answer
        return Proposal(code, origin, parents, thought, None, tin, tout)


def _score_text(c: CandidateRow) -> str:
    if c.train_gap is None:
        return "not scored"
    return f"mean gap {c.train_gap:.3f}%; per class " + ", ".join(f"{k} {v:.2f}%" for k, v in c.by_class.items())
