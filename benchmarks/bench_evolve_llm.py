"""LLM evolution measured through the relay: a run of at most 40 model requests, then the evolved rule on held-out
sets beside the classic rules (and, for single machines, the shipped GP rule), with a paired bootstrap.

The model is played outside the program: this script starts ``../shared/tools/relay_openai.py`` on a folder and
prints it; whoever plays the model answers each ``req-N.json`` there with ``resp-N.txt`` under the honesty rules
in ``../shared/tools/README.md`` (answers from the request alone; no source, labels or scripts).

Usage::

    python benchmarks/bench_evolve_llm.py --problem smtt --relay-dir /tmp/relay-smtt --out-dir /tmp/llm-smtt
    python benchmarks/bench_evolve_llm.py --problem jssp --relay-dir /tmp/relay-jssp --out-dir /tmp/llm-jssp

smtt: trained on generated Potts-Van Wassenhove instances (as ``bench_evolve.py``), chosen on a generated
validation pool, tested on every instance of both EDDC/MDDC paper sets in the mirror (smtt-paper-20: 800
instances of 20 jobs; smtt-paper-100: 200 of 100 jobs), paper convention (mean over instances with optimum > 0).
jssp: trained on generated Taillard-style instances (gaps to their lower bound), tested on ta01-ta40 against the
classic dispatching rules; the GP-evolved rule's 17.39 % is the README's figure from ``bench_evolve.py``.
Needs ORDINO_DATA_MIRROR (defaults to ../shared/data).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("ORDINO_DATA_MIRROR", str((ROOT.parent / "shared" / "data").resolve()))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_evolve import JSSP_BASELINES, JSSP_TRAIN, SMTT_TRAIN, SMTT_VALIDATE, mean_gap  # noqa: E402

from ordino.evolve import EvolveConfig, adapter_for, evolve, load_heuristic, save_heuristic  # noqa: E402
from ordino.heuristics.single_machine.evaluate import total_weighted_tardiness  # noqa: E402
from ordino.heuristics.single_machine.rules import RULES  # noqa: E402
from ordino.llm.client import LLMClient, LLMConfig  # noqa: E402

RELAY = ROOT.parent / "shared" / "tools" / "relay_openai.py"
GP_RULE = ROOT / "examples" / "evolved_smtt_rule.py"
GP_JSSP_TA01_TA40 = 17.39  # README "Measured": the GP-evolved dispatching rule on ta01-ta40 (bench_evolve.py)
SMTT_TESTS = ("smtt-paper-100:all", "smtt-paper-20:all")


def start_relay(folder: Path) -> tuple[subprocess.Popen, int]:
    """The relay on `folder` and its port."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "port").unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, str(RELAY), str(folder), "2400"], stdout=subprocess.DEVNULL)
    for _ in range(100):
        if (folder / "port").is_file() and (folder / "port").read_text().strip():
            return proc, int((folder / "port").read_text())
        time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"the relay did not start on {folder}")


def paper_gaps(values: list[float], instances: list) -> list[float]:
    """Per instance gap in % where the optimum is positive (the EDDC/MDDC paper's convention)."""
    return [(v - i.best) / i.best * 100 for v, i in zip(values, instances, strict=True) if i.best > 0]


def bootstrap(diffs: list[float], rounds: int = 10000, seed: int = 0) -> tuple[float, float]:
    """95 % percentile interval of the mean of paired differences."""
    rng = random.Random(seed)
    n = len(diffs)
    means = sorted(sum(diffs[rng.randrange(n)] for _ in range(n)) / n for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


def smtt_rows(code: str) -> list[dict]:
    """Evolved rule, MDDC, MDD and the shipped GP rule on each paper set, with the paired bootstrap to MDDC."""
    adapter = adapter_for("smtt")
    gp_code = load_heuristic(GP_RULE).code
    rows = []
    for spec in SMTT_TESTS:
        inst = adapter.load(spec)
        evolved, gp = adapter.evaluate([("evolved", code), ("gp", gp_code)], inst)
        assert not isinstance(evolved, str) and not isinstance(gp, str), (evolved, gp)
        values = {"evolved": evolved.objectives, "gp rule": gp.objectives}
        for name in ("mddc", "mdd"):
            values[name] = [float(total_weighted_tardiness(i.p, i.d, RULES[name](i.p, i.d, i.w), i.w)) for i in inst]
        gaps = {k: paper_gaps(v, inst) for k, v in values.items()}
        diffs = [a - b for a, b in zip(gaps["evolved"], gaps["mddc"], strict=True)]
        low, high = bootstrap(diffs)
        rows.append({"set": spec, "instances": len(inst), "counted": len(diffs),
                     **{k: sum(g) / len(g) for k, g in gaps.items()}, "diff_ci": [low, high]})
    return rows


def jssp_rows(code: str) -> list[dict]:
    """Evolved rule and the classic rules on ta01-ta40 (gap to the best known makespan)."""
    from bench_evolve import jssp_baseline_gaps

    adapter = adapter_for("jssp")
    inst = adapter.load("ta01-ta40")
    evolved = adapter.evaluate([("evolved", code)], inst)[0]
    assert not isinstance(evolved, str), evolved
    return [{"set": "ta01-ta40", "instances": len(inst), "evolved": mean_gap(evolved.objectives, inst),
             "gp rule (README)": GP_JSSP_TA01_TA40, **jssp_baseline_gaps(inst)}]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--problem", default="smtt", choices=["smtt", "jssp"])
    ap.add_argument("--relay-dir", type=Path, required=True, help="folder the relay writes requests to")
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp/ordino-bench-evolve-llm"))
    ap.add_argument("--generations", type=int, default=5)
    ap.add_argument("--population", type=int, default=6, help="6: the seed rules fill generation 0")
    ap.add_argument("--islands", type=int, default=2)
    ap.add_argument("--max-requests", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--example", type=Path, default=None, help="save the evolved rule here as well (.py)")
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    smtt = args.problem == "smtt"
    train = SMTT_TRAIN if smtt else JSSP_TRAIN
    test = "+".join(SMTT_TESTS) if smtt else "ta01-ta40"
    relay, port = start_relay(args.relay_dir)
    print(f"relay on port {port}: answer {args.relay_dir}/req-N.json with resp-N.txt", flush=True)
    client = LLMClient(LLMConfig(base_url=f"http://127.0.0.1:{port}/v1", model="relay", api_key="relay",
                                 timeout=2400, run_timeout=6 * 3600, max_retries=0, max_tokens=16000,
                                 token_budget=5_000_000))
    cfg = EvolveConfig(problem=args.problem, engine="llm", generations=args.generations, population=args.population,
                       islands=args.islands, train=train, test=test, seed=args.seed, max_repairs=1,
                       small_size=60 if smtt else 8, validate=SMTT_VALIDATE if smtt else None,
                       max_llm_requests=args.max_requests)
    began = time.perf_counter()
    try:
        report = evolve(cfg, args.out_dir / "run.db", client=client,
                        progress=lambda s: print(f"generation {s['generation']}: best {s['best_gap']:.4f} % "
                                                 f"({s['best_id']}), {s['evaluated']} evaluated", flush=True))
    finally:
        relay.kill()
        (args.relay_dir / "DONE").write_text("the run has ended: no more requests\n")
    wall = time.perf_counter() - began
    rows = smtt_rows(report.best.code) if smtt else jssp_rows(report.best.code)
    costs = report.costs
    names = ["evolved", "mddc", "mdd", "gp rule"] if smtt else ["evolved", "gp rule (README)",
                                                                *(r.lower() for r in JSSP_BASELINES)]
    notes = [f"LLM run through the relay (model played outside the program): {len(report.generations)} generations, "
             f"{costs['llm_requests']} requests, {costs['tokens_in'] + costs['tokens_out']} tokens (estimated "
             f"locally), {wall:.0f} s wall, load average {os.getloadavg()[0]:.2f} (bench_evolve_llm.py, seed "
             f"{args.seed}); stopped by {report.stopped}."]
    if report.validation_gap is not None:
        notes.append(f"Chosen among the training leaders and the seeds on {SMTT_VALIDATE}: validation gap "
                     f"{report.validation_gap:.4f} %.")
    for r in rows:
        cells = ", ".join(f"{k} {r[k]:.4f} %" for k in names)
        conv = "paper convention, optimum > 0" if smtt else "gap to the best known makespan"
        notes.append(f"Test {r['set']} ({r['instances']} instances, {conv}): {cells}.")
        if smtt:
            notes.append(f"  paired bootstrap 95 % CI of evolved - mddc: {r['diff_ci'][0]:+.3f} to "
                         f"{r['diff_ci'][1]:+.3f} points.")
    save_heuristic(args.out_dir / "best.py", report.best, report.lineage, problem=args.problem,
                   entry="priority", kind=adapter_for(args.problem).kind, train=train, test=test,
                   train_gap=report.train_gap, test_gap=report.test_gap, engine="llm", notes=notes)
    if args.example:
        save_heuristic(args.example, report.best, report.lineage, problem=args.problem, entry="priority",
                       kind=adapter_for(args.problem).kind, train=train, test=test, train_gap=report.train_gap,
                       test_gap=report.test_gap, engine="llm", notes=notes)
    print("\n".join(notes))
    print(report.best.code)
    (args.out_dir / "result.json").write_text(json.dumps({"rows": rows, "costs": costs, "notes": notes,
                                                          "best": report.best.id, "train_gap": report.train_gap},
                                                         indent=1))


if __name__ == "__main__":
    main()
