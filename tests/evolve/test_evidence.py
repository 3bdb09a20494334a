"""What the LLM engine's prompts carry, rendered from a small archive, and the check of review claims."""

from __future__ import annotations

import pytest

from ordino.evolve import Archive, CandidateRow
from ordino.evolve.data import EvalInstance
from ordino.evolve.evidence import (
    candidate_card,
    check_claims,
    class_table,
    history,
    instance_facts,
    paired_difference,
    sentences,
    shorten,
)
from ordino.evolve.review import review_island

CODE = "import numpy as np\n\n\ndef priority(p, d, w, t, rem, pmean, pmax, left):\n    return {}\n"


def _instances() -> list[EvalInstance]:
    out = []
    for k in range(6):
        cls = "TF0.2/RDD0.2" if k < 4 else "TF0.8/RDD0.6"
        n = 20 if k % 2 else 100
        out.append(EvalInstance(f"set#{k}", cls, [1] * n, [4 - k] * n, None, 10.0))
    return out


def _row(cid: str, origin: str, gap: float, by_class: dict[str, float], status: str = "ok",
         error: str | None = None, thought: str = "") -> CandidateRow:
    return CandidateRow(cid, int(cid[3]) if cid.startswith("r1g") else 0, 0, "llm", origin,
                        CODE.format(f"d + {gap}"), thought, None, [], status, error, "full", gap, gap, gap, by_class)


@pytest.fixture()
def archive(tmp_path):
    store = Archive(tmp_path / "a.db")
    run = store.new_run({})
    rows = [
        _row("r1g0i0n0", "seed:mdd", 1.8, {"TF0.2/RDD0.2": 2.0, "TF0.8/RDD0.6": 1.4}),
        _row("r1g0i0n1", "seed:mddc", 1.5, {"TF0.2/RDD0.2": 1.7, "TF0.8/RDD0.6": 1.1}),
        _row("r1g1i0n0", "llm:mutation", 1.2, {"TF0.2/RDD0.2": 1.5, "TF0.8/RDD0.6": 0.5},
             thought="stretch the processing time"),
        _row("r1g1i0n1", "llm:mutation", 1.4, {"TF0.2/RDD0.2": 0.9, "TF0.8/RDD0.6": 2.2},
             thought="look ahead one job"),
        _row("r1g1i0n2", "llm:mutation", 9.0, {}, status="culled",
             error="small-set gap 9.00% far behind the best 1.20%", thought="pure SPT"),
        _row("r1g1i0n3", "llm:crossover", 0.0, {}, status="error", error="exception: NameError: x [small stage]"),
    ]
    for r in rows:
        store.put(run, r)
    store.put_scores("r1g1i0n0", [f"set#{k}" for k in range(6)], [11, 12, 10, 13, 10.5, 10.4],
                     [1.0, 2.0, 0.0, 3.0, 0.5, 0.4])
    store.commit()
    yield store, rows
    store.close()


def test_facts_name_sizes_weights_and_due_dates() -> None:
    facts = instance_facts(_instances())
    assert "6 training instances: 3 of 100 jobs, 3 of 20 jobs" in facts
    assert "all weights are 1" in facts and "2 classes: TF0.2/RDD0.2, TF0.8/RDD0.6" in facts
    assert "1 instance with negative due dates" in facts
    assert "gaps are measured to the best known value on 6 instances" in facts
    shop = EvalInstance("taigen-15x15#0", "15x15", [], [], None, 900.0,
                        {"durations": [[1] * 15] * 15, "machines": [list(range(15))] * 15, "size": 225},
                        reference="lower bound (largest machine load or job length)")
    facts = instance_facts([shop])
    assert "1 of 15 jobs x 15 machines" in facts and "overstates" in facts
    assert "the lower bound (largest machine load or job length) on 1 instance" in facts
    weighted = [EvalInstance("w#0", "c", [1, 2], [3, 4], [1, 3], 5.0)]
    assert "weights differ" in instance_facts(weighted) and "all due dates are >= 0" in instance_facts(weighted)


def test_class_table_has_baselines_sizes_spread_and_best(archive) -> None:
    store, rows = archive
    leader, other = store.get("r1g1i0n0"), store.get("r1g1i0n1")
    seeds = [store.get("r1g0i0n1"), store.get("r1g0i0n0")]
    table = class_table(leader, [leader, other], seeds, _instances(), store.gaps("r1g1i0n0"))
    lines = table.splitlines()
    assert lines[0] == "| class | instances | mddc | mdd | leader r1g1i0n0 | +-se | best here |"
    # TF0.2 has four instances with leader gaps 1, 2, 0, 3: sd 1.29, se 0.65; r1g1i0n1 is best there
    assert lines[2] == "| TF0.2/RDD0.2 | 4 | 1.70% | 2.00% | 1.50% | 0.65 | r1g1i0n1 0.90% |"
    assert lines[3] == "| TF0.8/RDD0.6 | 2 | 1.10% | 1.40% | 0.50% | 0.05 | r1g1i0n0 0.50% |"
    assert lines[4].startswith("| all | 6 | 1.50% | 1.80% | 1.20% |")


def test_cards_and_history_carry_code_scores_and_stop_reasons(archive) -> None:
    store, _ = archive
    mine = {"a": 1.0, "b": 2.0, "c": None}
    assert paired_difference({"a": 0.5, "b": 1.0, "c": 3.0}, mine) == "-0.750 +- 0.250 points (se, 2 instances)"
    assert paired_difference({"a": 0.5}, mine) == ""
    card = candidate_card(store.get("r1g1i0n1"), "-0.750 +- 0.250 points (se, 2 instances)")
    assert "paired difference to the leader, instance by instance: -0.750 +- 0.250" in card
    card = candidate_card(store.get("r1g1i0n1"))
    assert "Candidate r1g1i0n1 (llm:mutation" in card and "TF0.2/RDD0.2 0.90%" in card
    assert "return d + 1.4" in card and "look ahead one job" in card
    own = [c for c in store.candidates(1) if c.origin.startswith("llm:")]
    text = history(own)
    assert "r1g1i0n2" in text and "stopped after the small set: small-set gap 9.00% far behind" in text
    assert "r1g1i0n3" in text and "failed: exception: NameError" in text
    assert "r1g1i0n0" in text and "mean gap 1.200%" in text


def test_review_names_the_candidate_that_stopped_and_why(archive) -> None:
    store, _ = archive
    members = [store.get("r1g1i0n0"), store.get("r1g1i0n1")]
    rev = review_island(members, [store.get(f"r1g1i0n{k}") for k in range(4)], [1.2])
    assert "r1g1i0n2 stopped after the small set: small-set gap 9.00% far behind the best 1.20%" in rev.text
    assert rev.specialist == "r1g1i0n1"  # best on the leader's weakest class, its code goes into the prompt


def test_claims_are_kept_only_when_their_figures_match(archive) -> None:
    store, _ = archive
    leader = store.get("r1g1i0n0")
    mdd = store.get("r1g0i0n0")
    text = ("r1g1i0n1 does better on TF0.2/RDD0.2 (0.90% vs 1.50%). r1g1i0n1 is at 0.4% on TF0.2/RDD0.2. "
            "r9g9i9n9 solved everything. The leader is at 1.2% overall, mdd at 2.00%. Keep the modified due date. "
            "Classes near 0.50-1.40% are fine. r1g1i0n2 reaches 3.33% somewhere.")
    kept, dropped = check_claims(text, store.get, [leader, mdd])
    assert kept == ("r1g1i0n1 does better on TF0.2/RDD0.2 (0.90% vs 1.50%). The leader is at 1.2% overall, mdd at "
                    "2.00%. Keep the modified due date. Classes near 0.50-1.40% are fine.")
    assert any("names unknown candidate r9g9i9n9" in d for d in dropped)
    assert any("0.4% is not a figure of r1g1i0n1" in d for d in dropped)
    assert any("3.33% is not a figure of r1g1i0n2" in d for d in dropped)  # a culled candidate has other figures
    assert len(dropped) == 3


def test_sentences_survive_abbreviations_and_ideas_are_cut_at_words(archive) -> None:
    text = ("Make the tier soft (e.g. a penalty of 0.5) since r1g1i0n1 is at 0.90% there. Then try vs. the "
            "leader; keep it short.\nNew line here.")
    assert sentences(text) == ["Make the tier soft (e.g. a penalty of 0.5) since r1g1i0n1 is at 0.90% there.",
                               "Then try vs. the leader;", "keep it short.", "New line here."]
    store, _ = archive
    kept, dropped = check_claims(text, store.get, [store.get("r1g1i0n0")])
    assert kept.startswith("Make the tier soft (e.g. a penalty of 0.5) since r1g1i0n1") and not dropped
    assert shorten("one two three four", 12) == "one two ..." and shorten("a  b", 10) == "a b"
