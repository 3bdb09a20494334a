"""Training and test sets for the single-machine tardiness adapter, read from the data mirror.

A set spec names a set and optionally a split, joined by ``+``:
``smtt-paper-20:train+smtt-paper-100:train``. Known sets: ``smtt-paper-20``, ``smtt-paper-100`` (EDDC/MDDC
paper, optima known), ``orlib-wt40``, ``orlib-wt50`` (OR-Library weighted tardiness, optima known), and
generated Potts-Van Wassenhove sets ``pvw-<n>x<count>`` (reference values from iterated dynasearch, cached;
all sizes pool into one set for scoring, so a mix weighs sizes by instance count).
A path to a ``.jsonl`` file in the smtt-paper format works too. Splits: ``train`` (even position within each
instance class), ``test`` (odd position), ``all`` (default). The two splits are disjoint and stratified,
so a test split never feeds selection.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ordino.datasets import cache_dir
from ordino.datasets.registry import suite
from ordino.datasets.sources import locate
from ordino.errors import InputError

__all__ = ["EvalInstance", "load_set", "KNOWN_SETS", "spec_parts", "in_split"]

KNOWN_SETS = {"smtt-paper-20": 40, "smtt-paper-100": 10, "orlib-wt40": 5, "orlib-wt50": 5}
"""The dataset suites usable here, with their instances per class (found in the mirror or cache like `bench`)."""
_SPLITS = ("train", "test", "all")
_LEVELS = (0.2, 0.4, 0.6, 0.8, 1.0)


@dataclass(frozen=True)
class EvalInstance:
    """One training or test instance: data for the sandbox child and the known optimum."""

    name: str
    cls: str
    p: list[int]
    d: list[int]
    w: list[int] | None
    best: float
    extra: dict | None = None
    reference: str = "best known value"  # or "lower bound" where no optimum is known: gaps overstate then

    def payload(self) -> dict:
        """The JSON the sandbox child reads (``extra`` for adapters other than single machine)."""
        if self.extra is not None:
            return self.extra
        return {"p": self.p, "d": self.d, "w": self.w}

    @property
    def size(self) -> int:
        """Jobs (single machine) or operations (shops), to pick the smoke instance."""
        if self.extra is not None:
            return int(self.extra.get("size", 0))
        return len(self.p)


def spec_parts(spec: str) -> list[tuple[str, str]]:
    """``(set name, split)`` of each ``+``-joined part of a set spec (split ``all`` when not given); raises
    InputError naming an empty part or an unknown split."""
    parts = []
    for part in spec.split("+"):
        part = part.strip()
        if not part:
            raise InputError(f"empty part in set spec {spec!r}")
        name, _, split = part.partition(":")
        split = split or "all"
        if split not in _SPLITS:
            raise InputError(f"unknown split {split!r} in {part!r}; use one of {', '.join(_SPLITS)}")
        parts.append((name, split))
    return parts


def in_split(position: int, split: str) -> bool:
    """Whether the instance at `position` within its class belongs to `split` (train even, test odd)."""
    return split == "all" or (position % 2 == 0) == (split == "train")


def load_set(spec: str) -> list[EvalInstance]:
    """Instances of a set spec (see the module docstring); raises InputError naming the bad part."""
    out = [row for name, split in spec_parts(spec) for row, pos in _load_named(name) if in_split(pos, split)]
    if not out:
        raise InputError(f"set spec {spec!r} selects no instances")
    return out


def _level(x: float) -> float:
    return min(_LEVELS, key=lambda v: abs(v - x))


def _estimated_class(p: list[int], d: list[int]) -> str:
    """TF and RDD estimated from the data (nearest of 0.2..1.0), for sets without recorded classes."""
    total = float(sum(p)) or 1.0
    tf = 1.0 - sum(d) / len(d) / total
    rdd = (max(d) - min(d)) / total
    return f"TF{_level(tf):.1f}/RDD{_level(rdd):.1f}"


_PVW = re.compile(r"pvw-(\d+)x(\d+)(?:@(\d+))?")
_TFS = (0.2, 0.4, 0.6, 0.8)


# Bump when the reference search changes, so cached references from an older, weaker search are not reused.
REFERENCE_VERSION = "ils2"


def _pvw_set(n: int, count: int, offset: int = 0) -> list[tuple[EvalInstance, int]]:
    """Generated Potts-Van Wassenhove instances (TF 0.2..0.8 x RDD 0.2..1.0 cycled, fixed seeds).

    Instance ``k`` of ``pvw-<n>x<count>`` is the same for every count (seed from n and k), so sets of one
    size overlap; sets of different sizes never do; ``pvw-<n>x<count>@<offset>`` takes instances
    ``offset .. offset + count - 1`` (a disjoint validation pool). All generated instances are named ``pvw#<n>-<k>`` and
    form one pool for scoring: a mix such as ``pvw-20x40+pvw-100x320`` weighs sizes by instance count.

    The reference value of each is the best of a seeded iterated dynasearch (300 iterations) from the
    single-machine package, computed once and cached under ``$ORDINO_CACHE_DIR/evolve`` (default
    ``~/.cache/ordino``): a strong upper bound, not a proven optimum, so gaps are relative to it.
    """
    from ordino.datasets.generators import potts_van_wassenhove_arrays
    from ordino.heuristics.single_machine.local_search import ils

    if not 1 <= n <= 2000 or not 1 <= count <= 10_000 or not 0 <= offset <= 1_000_000:
        raise InputError(f"pvw-{n}x{count}@{offset}: use 1..2000 jobs, 1..10000 instances, offset 0..1000000")
    tag = f"pvw-{n}x{count}" + (f"@{offset}" if offset else "")
    cache = cache_dir() / "evolve" / f"{tag}.{REFERENCE_VERSION}.json"
    refs: dict[str, float] = {}
    if cache.is_file():
        try:
            refs = json.loads(cache.read_text())
        except (OSError, json.JSONDecodeError):
            refs = {}
    rows: list[tuple[EvalInstance, int]] = []
    counts: dict[str, int] = {}
    changed = False
    for k in range(offset, offset + count):
        tf, rdd = _TFS[k % 4], _LEVELS[(k // 4) % 5]
        rng = np.random.default_rng(10_007 * n + k)
        p, d, _ = potts_van_wassenhove_arrays(n, tf, rdd, rng, False)
        key = f"{tag}#{k}"
        if key not in refs:
            refs[key] = float(ils(p, d, None, time_limit=60.0, iterations=300, seed=0)[1])
            changed = True
        cls = f"TF{tf:.1f}/RDD{rdd:.1f}"
        pos = counts.get(cls, 0)
        counts[cls] = pos + 1
        # one pool "pvw" for all generated sizes: the score weighs its instances by count, not by size
        rows.append((EvalInstance(f"pvw#{n}-{k}", cls, p.tolist(), d.tolist(), None, refs[key]), pos))
    if changed:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(json.dumps(refs))
        except OSError:
            pass  # no cache: references are recomputed next time
    return rows


def _load_named(name: str) -> list[tuple[EvalInstance, int]]:
    """(instance, position within its class) for a known set, a generated set or a JSON-lines path."""
    m = _PVW.fullmatch(name)
    if m:
        return _pvw_set(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
    if name in KNOWN_SETS:
        found = suite(name)
        path = locate(found.files[0])
        if path.suffix == ".jsonl":
            return _read_jsonl(path, name, KNOWN_SETS[name], paper_classes=True)
        return _read_orlib(path, locate(found.label_files[0]), name)
    path = Path(name)
    if path.suffix == ".jsonl" and path.is_file():
        return _read_jsonl(path, path.stem, 1, paper_classes=False)
    known = ", ".join(KNOWN_SETS)
    raise InputError(f"unknown training/test set {name!r}; use one of {known} or a path to a .jsonl file")


def _read_jsonl(path: Path, name: str, per_class: int, paper_classes: bool) -> list[tuple[EvalInstance, int]]:
    rows: list[tuple[EvalInstance, int]] = []
    counts: dict[str, int] = {}
    with path.open() as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                p = [int(x) for x in rec["processing_times"]]
                d = [int(x) for x in rec["due_dates"]]
                best = float(rec["optimal_total_tardiness"])
                w = [int(x) for x in rec["weights"]] if rec.get("weights") else None
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"expected processing_times, due_dates, optimal_total_tardiness ({exc})",
                                 file=str(path), line=lineno) from None
            if len(p) != len(d) or not p:
                raise InputError("processing_times and due_dates differ in length", file=str(path), line=lineno)
            idx = len(rows)
            if paper_classes:
                k = idx // per_class
                cls = f"TF{0.2 + 0.2 * (k % 4):.1f}/RDD{0.2 + 0.2 * (k // 4):.1f}"
            else:
                cls = _estimated_class(p, d)
            pos = counts.get(cls, 0)
            counts[cls] = pos + 1
            rows.append((EvalInstance(f"{name}#{rec.get('id', idx)}", cls, p, d, w, best), pos))
    return rows


def _read_orlib(path: Path, opt_path: Path, name: str) -> list[tuple[EvalInstance, int]]:
    n = int("".join(c for c in path.stem if c.isdigit()))
    try:
        nums = [int(x) for x in path.read_text().split()]
        opts = [float(x) for x in opt_path.read_text().split()]
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read OR-Library set {name!r}: {exc}", file=str(path)) from None
    if len(nums) % (3 * n) or len(nums) // (3 * n) != len(opts):
        raise InputError(f"expected {len(opts)} instances of {3 * n} integers", file=str(path))
    rows: list[tuple[EvalInstance, int]] = []
    counts: dict[str, int] = {}
    for k in range(len(opts)):
        block = nums[3 * n * k: 3 * n * (k + 1)]
        p, w, d = block[:n], block[n:2 * n], block[2 * n:]
        cls = _estimated_class(p, d)
        pos = counts.get(cls, 0)
        counts[cls] = pos + 1
        rows.append((EvalInstance(f"{name}#{k + 1}", cls, p, d, w, opts[k]), pos))
    return rows
