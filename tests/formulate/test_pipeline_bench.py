"""The formulation benchmark runs offline without an endpoint, and with the LLM engine against the server."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tests.formulate.answers import CLASSIFY_OK, CRITIC_OK
from tests.llm.scripted_server import SECRET, ScriptedLLM

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "formulation.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("formulation", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_offline_only_without_endpoint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = load_bench()
    out = tmp_path / "bench.json"
    assert bench.main(["--set", "corpus", "--limit", "3", "--engine", "auto", "--json", str(out), "--quiet"]) == 0
    assert "running the offline engine only" in capsys.readouterr().err
    data = json.loads(out.read_text())
    assert [s["engine"] for s in data["summary"]] == ["offline"]
    assert data["summary"][0]["problems"] == 3
    assert all(r["correct"] == (r["objective"] == r["expected"]) for r in data["rows"])


def test_llm_engine_against_the_scripted_server(llm_server: ScriptedLLM, monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    bench = load_bench()
    items = bench.load_set("corpus")[:3]
    corpus = {json.loads(line)["id"]: json.loads(line) for line in bench.CORPUS.read_text().splitlines()}
    for item in items:  # a perfect LLM: answers each text with its hand-written model
        llm_server.add(CLASSIFY_OK).add(corpus[item["id"]]["problem"]).add(CRITIC_OK)
    llm_server.add(CLASSIFY_OK).add("garbage")  # and then one it cannot formulate
    monkeypatch.setenv("ORDINO_LLM_BASE_URL", llm_server.url)
    monkeypatch.setenv("ORDINO_LLM_API_KEY", SECRET)
    rows = [bench.run_one(item, "llm", 5.0, 4) for item in items]
    assert all(r["correct"] and r["rounds"] == 1 and r["tokens"] > 0 for r in rows), rows
    failed = bench.run_one({"set": "x", "id": "bad", "text": "t", "expected": 3}, "llm", 5.0, 1)
    assert failed["status"] == "failed" and not failed["correct"] and "no valid model" in failed["error"]
    summary = bench.summarise([*rows, failed])
    assert [(s["set"], s["correct"], s["problems"]) for s in summary] == [("corpus", 3, 3), ("x", 0, 1)]


def test_matches_tolerates_float_ground_truth() -> None:
    bench = load_bench()
    assert bench.matches(22, 22.0) and bench.matches(22, "22") and not bench.matches(22, 22.5)
    assert not bench.matches(None, 3) and not bench.matches(3, None)
