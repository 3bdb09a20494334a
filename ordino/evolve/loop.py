"""The evolution loop: run -> review -> fix or improve, over islands, with a cascade and an archive.

Generation 0 evaluates the engine's initial candidates (classic rules as seeds plus new ones); every later
generation asks the engine for offspring per island (guided by that island's reflection), evaluates them
through the cascade (one smoke instance, a small stratified set, then the full training set), repairs
failures a bounded number of times, keeps the best distinct behaviours per island, reviews each island and
migrates leaders around the ring of islands. Everything is written to the SQLite archive after each
generation, which is what ``resume`` continues from. Test instances are only used after the loop ends.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ordino.errors import InputError
from ordino.evolve.adapter_base import Score
from ordino.evolve.adapters import ProblemAdapter, adapter_for
from ordino.evolve.archive import Archive, CandidateRow
from ordino.evolve.data import EvalInstance
from ordino.evolve.engines import Engine, GPEngine, LLMEngine, Proposal
from ordino.evolve.evidence import (
    candidate_card,
    check_claims,
    cited_ids,
    class_table,
    history,
    instance_facts,
    paired_difference,
)
from ordino.evolve.gp import check_tree
from ordino.evolve.review import Review, review_island
from ordino.evolve.sandbox import Limits
from ordino.llm.client import scrub

__all__ = ["EvolveConfig", "EvolveReport", "evolve", "make_engine"]


@dataclass
class EvolveConfig:
    """Settings of an evolution run (stored in the archive; ``resume`` reuses them).

    ``train`` and ``test`` are set specs; empty means the problem class's own (``adapter.default_train``).
    ``smoke`` runs the one-instance smoke stage of the cascade (default: on for llm, off for gp, whose
    generated code cannot be broken); ``small_size`` is the size of the stratified small set.
    ``validate`` names a validation set (disjoint from training and test): after the loop the
    ``validate_top`` best training candidates and the seed rules are scored on it and the best there is the
    result, which guards against the winner's curse of picking the luckiest of thousands on training.
    """

    problem: str = "smtt"
    engine: str = "gp"
    generations: int = 10
    population: int = 24
    islands: int = 3
    train: str = ""
    test: str = ""
    time_budget: float | None = None
    seed: int = 0
    max_repairs: int = 2
    small_size: int = 20
    migrate_every: int = 3
    per_candidate_seconds: float = 10.0
    max_llm_tokens: int | None = None
    max_llm_requests: int | None = None
    model: str | None = None
    smoke: bool | None = None
    validate: str | None = None
    validate_top: int = 20

    def resolved(self) -> EvolveConfig:
        """These settings with the problem class's own training and test sets where none are given."""
        adapter = adapter_for(self.problem)
        return dataclasses.replace(self, train=self.train or adapter.default_train,
                                   test=self.test or adapter.default_test)

    def check(self) -> None:
        """InputError for settings that cannot work."""
        if self.generations < 0:
            raise InputError("--generations must be 0 or more")
        if self.population < 2:
            raise InputError("--population must be at least 2")
        if not 1 <= self.islands <= self.population:
            raise InputError("--islands must be between 1 and the population size")
        if self.engine not in ("gp", "llm"):
            raise InputError(f"unknown engine {self.engine!r}; use gp or llm")
        if self.max_llm_requests is not None and self.max_llm_requests < 1:
            raise InputError("--max-llm-requests must be at least 1")
        if self.time_budget is not None and self.time_budget <= 0:
            raise InputError("--time-budget must be positive")
        if self.validate_top < 1:
            raise InputError("validate_top must be at least 1")


@dataclass
class EvolveReport:
    """What a run produced."""

    run: int
    archive: str
    best: CandidateRow
    train_gap: float
    test_gap: float | None
    test_by_class: dict[str, float]
    test_zero_misses: int
    generations: list[dict[str, Any]]
    seconds: float
    costs: dict[str, float]
    stopped: str
    lineage: list[CandidateRow] = field(default_factory=list)
    validation_gap: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly summary."""
        return {"run": self.run, "archive": self.archive, "best_id": self.best.id, "train_gap": self.train_gap,
                "test_gap": self.test_gap, "test_by_class": self.test_by_class,
                "test_zero_misses": self.test_zero_misses, "generations": self.generations,
                "seconds": round(self.seconds, 3), "costs": self.costs, "stopped": self.stopped,
                "code": self.best.code, "lineage": [c.id for c in self.lineage],
                "validation_gap": self.validation_gap}


def make_engine(config: EvolveConfig, adapter: ProblemAdapter, weighted: bool, client: Any = None) -> Engine:
    """The engine named in the config; the llm engine uses the formulator's client unless one is given."""
    if config.engine == "gp":
        return GPEngine(adapter, weighted=weighted)
    if client is None:
        from ordino.llm.client import LLMClient, load_config

        cfg = load_config(model=config.model, temperature=0.8, run_timeout=config.time_budget or 0)
        if not cfg.configured:
            raise InputError("the llm engine needs an endpoint: set ORDINO_LLM_BASE_URL (or ORDINO_LLM_API_KEY), "
                             "or use --engine gp")
        client = LLMClient(cfg)
    return LLMEngine(adapter, client, config.max_llm_tokens, config.max_llm_requests, config.per_candidate_seconds)


class _Run:
    """State of one run while it evolves."""

    def __init__(self, config: EvolveConfig, adapter: ProblemAdapter, engine: Engine, archive: Archive, run: int,
                 train: list[EvalInstance]) -> None:
        self.config, self.adapter, self.engine, self.archive, self.run = config, adapter, engine, archive, run
        self.train = train
        self.smoke = [min(train, key=lambda i: i.size)]
        self.small = _stratified(train, config.small_size)
        self.limits = Limits(per_candidate_seconds=config.per_candidate_seconds)
        self.rng = random.Random(config.seed)
        self.islands: list[list[str]] = [[] for _ in range(config.islands)]
        self.history: list[list[float]] = [[] for _ in range(config.islands)]
        self.reflections: list[str] = [""] * config.islands
        self.dropped: list[list[str]] = [[] for _ in range(config.islands)]
        self.reviews: list[dict] = [{} for _ in range(config.islands)]
        self.fingerprints: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        self.best_small = math.inf
        self.generation = 0
        self.facts = instance_facts(train)
        self.seeds: list[CandidateRow] = []
        for c in archive.candidates(run):
            if c.fingerprint:
                self.fingerprints.setdefault(c.fingerprint, c.id)
            self.codes.setdefault(_code_hash(c.code), c.id)
            if c.small_gap is not None:
                self.best_small = min(self.best_small, c.small_gap)

    # persistence ----------------------------------------------------------------------------------------
    def save_state(self) -> None:
        state = self.rng.getstate()
        self.archive.set_state(self.run, islands=self.islands, history=self.history, reflections=self.reflections,
                               reviews=self.reviews, generation=self.generation, dropped=self.dropped,
                               rng=[state[0], list(state[1]), state[2]])

    def load_state(self) -> None:
        s = self.archive.state(self.run)
        if "generation" not in s:
            raise InputError(f"archive {self.archive.path} has no completed generation to resume from")
        self.islands, self.history = s["islands"], s["history"]
        self.reflections, self.reviews, self.generation = s["reflections"], s["reviews"], s["generation"]
        self.dropped = s.get("dropped", self.dropped)  # archives written before it have none
        self.rng.setstate((s["rng"][0], tuple(s["rng"][1]), s["rng"][2]))

    # evaluation -----------------------------------------------------------------------------------------
    def evaluate(self, rows: list[CandidateRow], force_full: bool) -> None:
        """The cascade: smoke instance, small set (dedup, cull), full training set. Updates rows in place."""
        todo: list[CandidateRow] = []
        for r in rows:
            h = _code_hash(r.code)
            if h in self.codes:
                r.status, r.error = "duplicate", f"same code as {self.codes[h]}"
            else:
                self.codes[h] = r.id
                todo.append(r)
        smoke = self.config.smoke if self.config.smoke is not None else self.engine.name != "gp"
        if smoke:  # generated trees cannot be syntactically broken: gp skips the smoke stage by default
            todo = [r for r, _ in self._stage(todo, self.smoke, "smoke")]
        scored = self._stage(todo, self.small, "small")
        survivors: list[CandidateRow] = []
        for r, s in scored:
            r.small_gap = s.fitness
            fp = _fingerprint(s.objectives)
            r.fingerprint = fp
            if fp in self.fingerprints:
                r.status, r.error = "duplicate", f"same behaviour as {self.fingerprints[fp]}"
                continue
            self.fingerprints[fp] = r.id
            if not force_full and s.fitness > self.best_small * 1.5 + 3.0:
                r.status = "culled"
                r.error = f"small-set gap {s.fitness:.2f}% far behind the best {self.best_small:.2f}%"
                continue
            survivors.append(r)
        for _, s in scored:
            self.best_small = min(self.best_small, s.fitness)
        full = self._stage(survivors, self.train, "full")
        for r in survivors:  # a behaviour that failed on the full set (e.g. too slow) does not block its repair
            if r.status in ("error", "rejected") and self.fingerprints.get(r.fingerprint or "") == r.id:
                del self.fingerprints[r.fingerprint or ""]
        for r, s in full:
            r.status, r.error = "ok", None
            r.train_gap, r.fitness, r.by_class, r.zero_misses = s.mean_gap, s.fitness, s.by_class, s.zero_misses
            self.archive.put_scores(r.id, [i.name for i in self.train], s.objectives,
                                    [g if g is not None else None for g in s.gaps])

    def _stage(self, rows: list[CandidateRow], instances: list[EvalInstance],
               stage: str) -> list[tuple[CandidateRow, Score]]:
        if not rows:
            return []
        results = self.adapter.evaluate([(r.id, r.code) for r in rows], instances, self.limits)
        out: list[tuple[CandidateRow, Score]] = []
        for r, res in zip(rows, results, strict=True):
            r.stage = stage
            if isinstance(res, str):
                r.status = "rejected" if res.startswith("rejected") else "error"
                r.error = f"{res} [{stage} stage]" if not res.startswith("rejected") else res
            else:
                r.seconds += res.seconds
                out.append((r, res))
        return out

    # one generation -------------------------------------------------------------------------------------
    def rows_from(self, props: list[Proposal], island_of: list[int], generation: int,
                  tag: str = "") -> list[CandidateRow]:
        return [CandidateRow(f"r{self.run}g{generation}i{isl}n{k}{tag}", generation, isl, self.engine.name, p.origin,
                             p.code, p.thought, p.genome, p.parents, tokens_in=p.tokens_in, tokens_out=p.tokens_out)
                for k, (p, isl) in enumerate(zip(props, island_of, strict=True))]

    def run_generation(self, generation: int, props: list[Proposal], island_of: list[int], force_full: bool) -> dict:
        began = time.perf_counter()
        rows = self.rows_from(props, island_of, generation)
        self.evaluate(rows, force_full)
        all_rows = list(rows)
        failed = [r for r in rows if r.status in ("error", "rejected")]
        for attempt in range(1, self.config.max_repairs + 1):
            fixes, fixed_from = [], []
            for r in failed:
                prop = self.engine.repair(r, r.error or "")
                if prop is not None:
                    fixes.append(prop)
                    fixed_from.append(r)
            if not fixes:
                break
            new = self.rows_from(fixes, [r.island for r in fixed_from], generation, tag=f"f{attempt}")
            for n, r in zip(new, fixed_from, strict=True):
                n.id = f"{r.id}f{attempt}"
                n.repairs = r.repairs + 1
            self.evaluate(new, force_full)
            all_rows.extend(new)
            failed = [r for r in new if r.status in ("error", "rejected")]
        for r in all_rows:
            self.archive.put(self.run, scrub(r))
        self.update_islands(all_rows)
        self.review(generation, all_rows)
        if self.config.migrate_every and generation and generation % self.config.migrate_every == 0:
            self.migrate()
        members = [self.archive.get(cid) for isl in self.islands for cid in isl]
        fits = [m.fitness for m in members if m is not None and m.fitness is not None]
        best = self.archive.best(self.run)
        best_gap = _fitness(best[0]) if best else math.inf
        mean_gap = sum(fits) / len(fits) if fits else math.inf
        best_id = best[0].id if best else ""
        failed_count = sum(1 for r in all_rows if r.status in ("error", "rejected"))
        seconds = time.perf_counter() - began
        self.archive.add_generation(self.run, generation, best_gap, mean_gap, best_id, len(all_rows), failed_count,
                                    seconds)
        stats = {"generation": generation, "best_gap": best_gap, "mean_gap": mean_gap, "best_id": best_id,
                 "evaluated": len(all_rows), "failed": failed_count, "seconds": seconds}
        self.generation = generation
        self.save_state()
        self.archive.commit()
        return stats

    def update_islands(self, new: list[CandidateRow]) -> None:
        size = math.ceil(self.config.population / self.config.islands)
        for i in range(self.config.islands):
            pool = [c for c in (self.archive.get(cid) for cid in self.islands[i]) if c is not None]
            pool += [r for r in new if r.island == i and r.status == "ok"]
            pool.sort(key=lambda c: (_fitness(c), len(c.code)))
            seen: set[str] = set()
            keep: list[str] = []
            for c in pool:
                if c.id not in seen:
                    seen.add(c.id)
                    keep.append(c.id)
            self.islands[i] = keep[:size]

    def review(self, generation: int, new: list[CandidateRow]) -> None:
        """Review each island; the engine reflects on it unless this is the last generation (nobody would read
        it). An LLM's reflection keeps only the sentences whose figures match the archive."""
        final = generation >= self.config.generations
        for i in range(self.config.islands):
            members = [c for c in (self.archive.get(cid) for cid in self.islands[i]) if c is not None]
            if members:
                self.history[i].append(_fitness(members[0]))
            rev = review_island(members, [r for r in new if r.island == i], self.history[i])
            text, tin, tout = rev.text, 0, 0
            dropped: list[str] = []
            llm = self.engine.name == "llm"
            if members and llm:  # also after the last generation: a resumed run asks with it
                rev.evidence = self.evidence(i, members, cited_ids(rev.text), self.dropped[i])
            if members and not final:
                text, tin, tout = self.engine.reflect(rev, members[0])
                if llm and text != rev.text:
                    text, dropped = check_claims(text, self.archive.get, [*members, *self.baselines()])
                    self.dropped[i] = dropped
                    rev.evidence = self.evidence(i, members, [*cited_ids(rev.text), *cited_ids(text)])
            self.reflections[i] = text
            self.reviews[i] = dataclasses.asdict(rev)
            stored = text + ("\n[dropped, not matching the archive: " + " | ".join(dropped) + "]" if dropped else "")
            self.archive.add_reflection(self.run, generation, i, stored, tin, tout)

    def baselines(self) -> list[CandidateRow]:
        """The two best seed rules (the classic rules the table compares with), read once they are scored."""
        if not self.seeds:
            self.seeds = sorted((c for c in self.archive.candidates(self.run, "ok") if c.origin.startswith("seed:")),
                                key=_fitness)[:2]
        return self.seeds

    def evidence(self, island: int, members: list[CandidateRow], cited: list[str],
                 dropped: list[str] | None = None) -> str:
        """What an LLM prompt shows beside an island's review: the training set, the per-class table against the
        best seed rules, the code of the candidates the review cites, the LLM's own earlier candidates, and the
        sentences of its last review that were dropped (with the reason)."""
        leader = members[0]
        seeds = self.baselines()
        run = ("" if self.config.islands == 1 else
               f"## This run\n- {self.config.islands} islands (populations) evolve side by side; this request is for "
               f"island {island}; every {self.config.migrate_every} generations each island's leader migrates to "
               "the next island (a parent or leader from another island came that way)\n"
               "- ids read r<run>g<generation>i<island>n<number> (f<k>: the k-th repair)\n")
        parts = [f"{run}## Training instances", self.facts,
                 "## Per-class mean gap (percent above the reference value, see above; lower is better; every "
                 "candidate is scored on the same instances, so differences are paired; +-se is the standard error "
                 "of the leader's class mean: differences below about twice it are noise; "
                 + ", ".join(f"{c.origin.removeprefix('seed:')} is the seed rule {c.id}" for c in seeds) + ")",
                 class_table(leader, members, seeds, self.train, self.archive.gaps(leader.id))]
        cards = [c for c in (self.archive.get(x) for x in dict.fromkeys(cited) if x != leader.id)
                 if c is not None and c.status == "ok"]  # the others are in the history with their stop reason
        if cards:
            mine = self.archive.gaps(leader.id)
            shown = [candidate_card(c, paired_difference(self.archive.gaps(c.id), mine)) for c in cards[:3]]
            parts += ["## Candidates the review cites", "\n\n".join(shown)]
        own = [c for c in self.archive.candidates(self.run) if c.origin.startswith("llm:")]
        if own:
            parts += ["## Candidates the model wrote earlier in this run, all islands (newest last)", history(own)]
        if dropped:
            parts += ["## Sentences of your last review of this island that were dropped",
                      "\n".join(f"- {x}" for x in dropped)]
        return "\n".join(parts)

    def _rank(self, cid: str) -> tuple[float, int]:
        """Sort key of an island member: fitness, then code length."""
        member = self.archive.get(cid)
        assert member is not None  # islands hold ids of archived candidates
        return _fitness(member), len(member.code)

    def migrate(self) -> None:
        k = self.config.islands
        if k < 2:
            return
        leaders = [isl[0] if isl else None for isl in self.islands]
        for i, lead in enumerate(leaders):
            dest = self.islands[(i + 1) % k]
            if lead is not None and lead not in dest:
                dest.append(lead)
                dest.sort(key=self._rank)
                del dest[math.ceil(self.config.population / k):]

    def offspring(self) -> tuple[list[Proposal], list[int]]:
        size = math.ceil(self.config.population / self.config.islands)
        props, island_of = [], []
        self.engine.begin_generation()
        for i in range(self.config.islands):
            pool = [c for c in (self.archive.get(cid) for cid in self.islands[i]) if c is not None]
            if not pool:
                pool = [c for c in (self.archive.get(cid) for isl in self.islands for cid in isl) if c is not None]
            if not pool:
                continue
            rev = Review(**self.reviews[i]) if self.reviews[i] else Review("")
            new = self.engine.propose(pool, self.reflections[i], rev, size, self.rng)
            if self.engine.name == "gp":  # proposals are free: ask again instead of wasting a slot on known code
                for _ in range(5):
                    fresh = {_code_hash(p.code): p for p in new if _code_hash(p.code) not in self.codes}
                    new = list(fresh.values())
                    if len(new) >= size:
                        break
                    new += self.engine.propose(pool, self.reflections[i], rev, size - len(new), self.rng)
                new = new[:size]
            props.extend(new)
            island_of.extend([i] * len(new))
        return props, island_of


def _stratified(instances: list[EvalInstance], k: int) -> list[EvalInstance]:
    """Up to `k` instances spread over classes (first of each class, then second, ...)."""
    by: dict[str, list[EvalInstance]] = {}
    for inst in instances:
        by.setdefault(inst.cls, []).append(inst)
    out: list[EvalInstance] = []
    depth = 0
    while len(out) < min(k, len(instances)):
        for cls in sorted(by):
            if depth < len(by[cls]) and len(out) < k:
                out.append(by[cls][depth])
        depth += 1
    return out


def _validated(store: Archive, run: int, adapter: ProblemAdapter, val: list[EvalInstance], limits: Limits,
               top: int) -> tuple[CandidateRow, float]:
    """The best of the `top` training leaders and the seed rules on the validation set, and its gap there."""
    pool = store.best(run, top)
    seen = {c.id for c in pool}
    pool += [c for c in store.candidates(run) if c.origin.startswith("seed:") and c.status == "ok" and c.id not in seen]
    scores = adapter.evaluate([(c.id, c.code) for c in pool], val, limits)
    ranked = sorted((s.fitness, c.fitness or math.inf, k) for k, (c, s) in enumerate(zip(pool, scores, strict=True))
                    if not isinstance(s, str))
    if not ranked:
        return pool[0], math.inf
    return pool[ranked[0][2]], ranked[0][0]


def _check_genes(store: Archive, run: int, engine: Engine) -> None:
    """Refuse to resume when an archived gp genome is not in the grammar (a modified or corrupt archive)."""
    if not isinstance(engine, GPEngine):
        return
    terminals = (*engine.args, *engine.derived)
    for c in store.candidates(run):
        try:
            check_tree(c.genome, terminals)
        except ValueError as exc:
            raise InputError(f"cannot resume from {store.path}: candidate {c.id!r} has a genome outside the gp "
                             f"grammar ({exc}); the archive was modified or is corrupt") from None


def _fitness(member: CandidateRow) -> float:
    """Fitness of a fully evaluated candidate (island members and the archive's best always are)."""
    assert member.fitness is not None, member.id
    return member.fitness


def _fingerprint(values: list[float]) -> str:
    return hashlib.sha1(",".join(f"{v:.6g}" for v in values).encode()).hexdigest()[:16]


def _code_hash(code: str) -> str:
    return hashlib.sha1(code.strip().encode()).hexdigest()


def evolve(config: EvolveConfig | None = None, archive: str | Path | None = None, resume: bool = False,
           progress: Callable[[dict], None] | None = None, client: Any = None,
           ready: Callable[[], None] | None = None) -> EvolveReport:
    """Run (or resume) an evolution and return the best heuristic with its held-out test score.

    Parameters
    ----------
    config : EvolveConfig
        Settings; ignored except for `generations` and `time_budget` when resuming (the archive's own are used).
    archive : path, optional
        SQLite archive; a temporary file when omitted.
    resume : bool
        Continue the archive's last run from its last completed generation.
    progress : callable, optional
        Called with each generation's statistics.
    client : optional
        An LLM client object (for the llm engine; tests pass one pointing at a local server).
    ready : callable, optional
        Called once the settings are checked and the sets loaded, before the first candidate is scored.
    """
    config = config or EvolveConfig()
    path = Path(archive) if archive else Path(tempfile.mkdtemp(prefix="ordino-evolve-")) / "run.db"
    if resume and not path.is_file():
        raise InputError(f"cannot resume: archive {path} does not exist")
    store = Archive(path)
    began = time.perf_counter()
    try:
        if resume:
            last = store.last_run()
            if last is None:
                raise InputError(f"cannot resume: archive {path} holds no run")
            run, saved = last
            saved.update(generations=config.generations, time_budget=config.time_budget)
            config = EvolveConfig(**saved)
        config = config.resolved()
        config.check()
        adapter = adapter_for(config.problem)
        train, test = adapter.load(config.train), adapter.load(config.test)
        overlap = {i.name for i in train} & {i.name for i in test}
        if overlap:
            raise InputError(f"{len(overlap)} test instances are also training instances (e.g. {sorted(overlap)[0]}); "
                             "use disjoint sets such as :train and :test splits")
        val = adapter.load(config.validate) if config.validate else []
        clash = {i.name for i in val} & ({i.name for i in train} | {i.name for i in test})
        if clash:
            raise InputError(f"{len(clash)} validation instances are also training or test instances (e.g. "
                             f"{sorted(clash)[0]}); use a disjoint set such as pvw-100x300@600")
        weighted = any(i.w is not None and any(x != 1 for x in i.w) for i in train)
        engine = make_engine(config, adapter, weighted, client)
        if resume:
            _check_genes(store, run, engine)
            if isinstance(engine, LLMEngine):  # the request budget counts the run's earlier requests too
                engine.requests = int(store.costs(run)["llm_requests"])
        if not resume:
            run = store.new_run(scrub(dataclasses.asdict(config)))
        state = _Run(config, adapter, engine, store, run, train)
        if ready:
            ready()
        stopped = "generations"
        if resume:
            state.load_state()
            start = state.generation + 1
        else:
            props = engine.initial(config.population, state.rng)
            stats = state.run_generation(0, props, [k % config.islands for k in range(len(props))], True)
            if progress:
                progress(stats)
            start = 1
        for g in range(start, config.generations + 1):
            if config.time_budget is not None and time.perf_counter() - began > config.time_budget:
                stopped = "time budget"
                break
            if isinstance(engine, LLMEngine) and engine.stopped:  # a run limit: no more offspring to ask for
                stopped = engine.stopped
                break
            props, island_of = state.offspring()
            stats = state.run_generation(g, props, island_of, False)
            if progress:
                progress(stats)
        best_rows = store.best(run)
        if not best_rows:
            raise InputError("no candidate survived evaluation; check the training set and the engine")
        best, val_gap = best_rows[0], None
        if val:
            best, val_gap = _validated(store, run, adapter, val, state.limits, config.validate_top)
        res = adapter.evaluate([(best.id, best.code)], test, state.limits)[0]
        test_gap, by_class, misses = (None, {}, 0) if isinstance(res, str) else (res.mean_gap, res.by_class,
                                                                                 res.zero_misses)
        return EvolveReport(run, str(path), best, best.train_gap or math.inf, test_gap, by_class, misses,
                            store.generations(run), time.perf_counter() - began, store.costs(run), stopped,
                            store.lineage(best.id), val_gap)
    finally:
        store.close()
