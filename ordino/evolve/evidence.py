"""The evidence an LLM engine's prompts carry, rendered from the archive, and the check of review claims.

A prompt shows what the model would otherwise guess: the training instances (sizes, weights), a per-class
table with the best seed rules beside the leader and how noisy each class is, the code and per-class scores
of every candidate a review cites, the model's own earlier candidates with their scores or the reason they
stopped. A review written by the model is reused only after its cited numbers are checked against the archive
(`check_claims`): a sentence citing a figure no named candidate has is dropped, and the drop is recorded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from statistics import stdev

from ordino.evolve.archive import CandidateRow
from ordino.evolve.data import EvalInstance

__all__ = ["CANDIDATE_ID", "candidate_card", "check_claims", "class_table", "cited_ids", "history", "instance_facts",
           "paired_difference", "sentences", "shorten", "stop_reason"]

CANDIDATE_ID = re.compile(r"\br\d+g\d+i\d+n\d+(?:f\d+)*\b")
"""How the loop names candidates: run, generation, island, number, and one ``f<k>`` per repair."""

_PERCENT = re.compile(r"(?<![\w.])(-?\d+(?:\.(\d+))?)\s*%")  # in "0.10-0.35%" the figure is 0.35
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|vs|cf|etc|approx|incl|resp|no)\.|\(e\.g\.|\(i\.e\.)$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The sentences of a text: split after . ! ? ; or a line break, not after an abbreviation such as "e.g."."""
    out: list[str] = []
    for piece in (p.strip() for p in _SENTENCE.split(text)):
        if not piece:
            continue
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def _plural(k: int, word: str, many: str = "") -> str:
    return f"{k} {word if k == 1 else many or word + 's'}"


def _shape(inst: EvalInstance) -> str:
    """Size of an instance in words: jobs, jobs x machines, or activities."""
    extra = inst.extra or {}
    if "durations" in extra:
        rows = extra["durations"]
        return f"{len(rows)} jobs x {len(rows[0]) if rows else 0} machines"
    if "duration" in extra:
        return f"{len(extra['duration'])} activities"
    return f"{len(inst.p)} jobs"


def instance_facts(instances: list[EvalInstance]) -> str:
    """What the training set holds: sizes with counts, classes, and for single machines weights and due dates."""
    sizes: dict[str, int] = {}
    for inst in instances:
        sizes[_shape(inst)] = sizes.get(_shape(inst), 0) + 1
    classes = sorted({inst.cls for inst in instances})
    shown = ", ".join(classes[:30]) + (" ..." if len(classes) > 30 else "")
    lines = [f"{_plural(len(instances), 'training instance')}: "
             + ", ".join(f"{k} of {shape}" for shape, k in sizes.items()),
             f"{_plural(len(classes), 'class', 'classes')}: {shown}"]
    if instances and instances[0].extra is None:
        weighted = any(i.w is not None and any(x != 1 for x in i.w) for i in instances)
        lines.append("weights differ between jobs" if weighted else
                     "all weights are 1 (the objective is plain total tardiness; w is an array of ones)")
        negative = sum(1 for i in instances if min(i.d, default=0) < 0)
        lines.append(f"{_plural(negative, 'instance')} with negative due dates" if negative else
                     "all due dates are >= 0")
    refs: dict[str, int] = {}
    for inst in instances:
        refs[inst.reference] = refs.get(inst.reference, 0) + 1
    lower = any(ref.startswith("lower bound") for ref in refs)
    measured = ", ".join(f"the {ref} on {_plural(k, 'instance')}" for ref, k in refs.items())
    lines.append(f"gaps are measured to {measured}"
                 + ("; a gap to a lower bound overstates the distance to the optimum" if lower else ""))
    zeros = sum(1 for i in instances if i.best == 0)
    if zeros:
        lines.append(f"{_plural(zeros, 'instance')} with best value 0 (counted only as a miss when late)")
    return "\n".join(f"- {x}" for x in lines)


def class_table(leader: CandidateRow, members: list[CandidateRow], baselines: list[CandidateRow],
                instances: list[EvalInstance], leader_gaps: dict[str, float | None]) -> str:
    """Per class: size, the baseline rules' gaps, the leader's gap with its standard error (how noisy the class
    is), and the island's best candidate there."""
    by_cls: dict[str, list[str]] = {}
    for inst in instances:
        by_cls.setdefault(inst.cls, []).append(inst.name)
    names = [b.origin.removeprefix("seed:") for b in baselines]
    head = ["class", "instances", *names, f"leader {leader.id}", "+-se", "best here"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for cls in sorted(by_cls):
        gaps = [g for g in (leader_gaps.get(n) for n in by_cls[cls]) if g is not None]
        se = f"{stdev(gaps) / math.sqrt(len(gaps)):.2f}" if len(gaps) > 1 else "-"
        best = min((m for m in members if cls in m.by_class), key=lambda m: m.by_class[cls], default=None)
        cells = [cls, str(len(by_cls[cls])), *(_pct(b.by_class.get(cls)) for b in baselines),
                 _pct(leader.by_class.get(cls)), se,
                 f"{best.id} {best.by_class[cls]:.2f}%" if best is not None else "-"]
        rows.append("| " + " | ".join(cells) + " |")
    defined = [g for g in leader_gaps.values() if g is not None]
    se_all = f"{stdev(defined) / math.sqrt(len(defined)):.2f}" if len(defined) > 1 else "-"
    total = ["all", str(len(instances)), *(_pct(b.train_gap) for b in baselines), _pct(leader.train_gap), se_all, "-"]
    rows.append("| " + " | ".join(total) + " |")
    return "\n".join(rows)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}%"


def stop_reason(c: CandidateRow) -> str:
    """Why a candidate has no full score (culled, duplicate, failed), or its gap."""
    if c.status == "ok":
        took = f" (ran {c.seconds:.1f} s in the sandbox)" if c.seconds else ""
        return (f"mean gap {c.train_gap:.3f}%" if c.train_gap is not None else "scored") + took
    if c.status == "culled":
        return f"stopped after the small set: {c.error}"
    if c.status == "duplicate":
        return f"not scored: {c.error}"
    return f"failed: {(c.error or 'unknown error')[:300]}"


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters (with "..." when cut)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " ..."


def paired_difference(gaps: dict[str, float | None], versus: dict[str, float | None]) -> str:
    """Mean per-instance difference of two candidates' gaps with its standard error, in points."""
    diffs = [a - b for k, a in gaps.items() if a is not None and (b := versus.get(k)) is not None]
    if len(diffs) < 2:
        return ""
    mean = sum(diffs) / len(diffs)
    return f"{mean:+.3f} +- {stdev(diffs) / math.sqrt(len(diffs)):.3f} points (se, {len(diffs)} instances)"


def candidate_card(c: CandidateRow, versus: str = "") -> str:
    """A candidate's id, origin, result, per-class gaps, its paired difference to the leader (`versus`, text of
    `paired_difference`), idea and code."""
    classes = ", ".join(f"{k} {v:.2f}%" for k, v in c.by_class.items())
    lines = [f"Candidate {c.id} ({c.origin}, generation {c.generation}): {stop_reason(c)}"]
    if classes:
        lines.append(f"per class: {classes}")
    if versus:
        lines.append(f"paired difference to the leader, instance by instance: {versus}")
    if c.thought:
        lines.append(f"idea: {shorten(c.thought, 600)}")
    lines.append(f"```python\n{c.code.rstrip()}\n```")
    return "\n".join(lines)


def history(own: list[CandidateRow], limit: int = 10) -> str:
    """The engine's own earlier candidates, newest last: id, what happened, and the idea in a line."""
    lines = []
    for c in own[-limit:]:
        idea = shorten(c.thought, 240)
        classes = "; per class " + ", ".join(f"{k} {v:.2f}%" for k, v in c.by_class.items()) if c.by_class else ""
        lines.append(f"- {c.id} (generation {c.generation}, {c.origin}): {stop_reason(c)}{classes}"
                     + (f"; idea: {idea}" if idea else ""))
    return "\n".join(lines)


def cited_ids(text: str) -> list[str]:
    """Candidate ids named in a text, each once, in order."""
    return list(dict.fromkeys(CANDIDATE_ID.findall(text)))


def _figures(c: CandidateRow) -> list[float]:
    return [x for x in (c.train_gap, c.small_gap, c.fitness, *c.by_class.values()) if x is not None]


def check_claims(text: str, lookup: Callable[[str], CandidateRow | None],
                 shown: list[CandidateRow]) -> tuple[str, list[str]]:
    """The sentences of `text` whose figures match the archive, and the dropped ones with the reason.

    A sentence naming a candidate id that does not exist is dropped. Every percentage in a sentence must be a
    figure (mean, small-set or per-class gap), to the precision written, of a candidate the sentence names or
    of one the prompt showed (`shown`: the leader, the island's members, the baseline rules), since claims
    compare the two; otherwise the sentence is dropped.
    """
    context = [x for o in shown for x in _figures(o)]
    kept, dropped = [], []
    for sentence in sentences(text):
        ids = cited_ids(sentence)
        owners = [lookup(i) for i in ids]
        unknown = [i for i, o in zip(ids, owners, strict=True) if o is None]
        if unknown:
            dropped.append(f"{sentence} [names unknown candidate {unknown[0]}]")
            continue
        figures = [x for o in owners if o is not None for x in _figures(o)] + context
        wrong = [m.group(1) + "%" for m in _PERCENT.finditer(sentence)
                 if not any(abs(float(m.group(1)) - f) <= 0.5 * 10 ** -len(m.group(2) or "") + 1e-9
                            for f in figures)]
        if wrong:
            who = ", ".join(ids) if ids else "the candidates shown"
            dropped.append(f"{sentence} [{wrong[0]} is not a figure of {who} in the archive]")
            continue
        kept.append(sentence)
    return " ".join(kept), dropped
