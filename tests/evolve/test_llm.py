"""The llm engine end to end against a scripted OpenAI-compatible server on 127.0.0.1 (real openai client).

The server hands out candidates of which some are broken on purpose (syntax error, forbidden import,
runtime error), so the run exercises review, repair (fix) and improve.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ordino.evolve import Archive, EvolveConfig, evolve
from ordino.llm.client import LLMClient, LLMConfig

HEAD = "import numpy as np\n\n\ndef priority(p, d, w, t, rem, pmean, pmax):\n"
CANDIDATES = [
    ("stretch the processing time a little", HEAD + "    return np.maximum(t + 1.05 * p, d)\n"),
    ("broken on purpose: syntax", HEAD + "    return np.maximum(t + p, d\n"),
    ("broken on purpose: forbidden import", "import os\n" + HEAD + "    return d\n"),
    ("broken on purpose: runtime error", HEAD + "    return np.maximum(t + p, undefined_name)\n"),
    ("add a small SPT term", HEAD + "    return np.maximum(t + p, d) + 0.1 * p\n"),
    ("markdown", HEAD + "    return np.maximum(t + 0.95 * p, d)\n"),
]
FIX = ("fixed: use the modified due date", HEAD + "    return np.maximum(t + p, d) + 0.02 * p\n")


class Scripted(BaseHTTPRequestHandler):
    counter = 0
    requests: list[dict] = []

    def log_message(self, *args) -> None:  # keep test output quiet
        return

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Scripted.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        prompt = body["messages"][-1]["content"]
        if "In at most four sentences" in prompt:
            leader, gap = re.search(r"leader (\S+): mean gap ([0-9.]+)%", prompt).groups()
            content = json.dumps({"thought": f"scripted reflection: weak on tight due dates. {leader} is at {gap}%. "
                                             f"{leader} is at 99.99% on TF0.2. r9g9i9n9 solved everything.",
                                  "code": ""})
        elif "This candidate failed" in prompt:
            content = json.dumps({"thought": FIX[0], "code": FIX[1]})
        else:
            thought, code = CANDIDATES[Scripted.counter % len(CANDIDATES)]
            Scripted.counter += 1
            content = (f"{thought}\n```python\n{code}```" if thought == "markdown"
                       else json.dumps({"thought": thought, "code": code}))
        answer = {"id": "x", "object": "chat.completion", "created": 0, "model": body.get("model", "m"),
                  "choices": [{"index": 0, "finish_reason": "stop",
                               "message": {"role": "assistant", "content": content}}],
                  "usage": {"prompt_tokens": 100, "completion_tokens": 40, "total_tokens": 140}}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Scripted)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Scripted.counter, Scripted.requests = 0, []
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.mirror
def test_llm_engine_runs_reviews_repairs_and_improves(server, tmp_path) -> None:
    client = LLMClient(LLMConfig(base_url=server, model="scripted", api_key="sk-test", max_retries=0, timeout=20))
    cfg = EvolveConfig(engine="llm", generations=2, population=8, islands=2, train="smtt-paper-20:train",
                       test="smtt-paper-100:test", max_repairs=1)
    report = evolve(cfg, tmp_path / "llm.db", client=client)
    assert Scripted.requests and all(r["path"].endswith("/chat/completions") for r in Scripted.requests)
    store = Archive(tmp_path / "llm.db")
    cands = store.candidates(report.run)
    failed = [c for c in cands if c.status in ("error", "rejected")]
    kinds = {c.error.split(":")[0] for c in failed}
    assert "rejected" in kinds and any("NameError" in (c.error or "") for c in failed)
    repairs = [c for c in cands if c.origin == "llm:repair"]
    assert repairs and all(r.parents and r.parents[0] in {c.id for c in failed} for r in repairs)
    assert any(r.status in ("ok", "duplicate") for r in repairs)
    assert any(c.thought == "stretch the processing time a little" for c in cands)
    assert any(c.code.strip().endswith("np.maximum(t + 0.95 * p, d)") for c in cands)  # markdown answer parsed
    texts = [t for _, _, t in store.reflections(report.run)]
    assert any("scripted reflection" in t for t in texts)
    costs = store.costs(report.run)
    assert costs["tokens_in"] > 0 and costs["tokens_out"] > 0
    mdd = next(c for c in cands if c.origin == "seed:mdd")
    assert report.train_gap <= mdd.train_gap and report.test_gap is not None
    store.close()


def test_llm_prompts_carry_the_evidence_and_no_request_is_wasted(server, tmp_path) -> None:
    client = LLMClient(LLMConfig(base_url=server, model="scripted", api_key="sk-test", max_retries=0, timeout=20))
    cfg = EvolveConfig(engine="llm", generations=2, population=8, islands=2, train="pvw-20x40", test="pvw-20x6@50",
                       max_repairs=1)
    report = evolve(cfg, tmp_path / "llm.db", client=client)
    prompts = [r["body"]["messages"][-1]["content"] for r in Scripted.requests]
    reflections = [p for p in prompts if "In at most four sentences" in p]
    assert len(reflections) == 2 * 2  # generations 0 and 1, two islands; none after the last generation
    assert all("## Per-class mean gap" in p and "| class | instances |" in p for p in reflections)
    # from generation 1 the model is told which of its sentences were dropped, and why
    assert all("## Sentences of your last review of this island that were dropped" in p and "99.99% is not a figure"
               in p for p in reflections[2:])
    cited = 0
    for p in reflections:  # a review naming a better candidate shows that candidate's code and scores
        review = p.split("## Review of this generation")[1]
        for cid in re.findall(r"\((r\d+g\d+i\d+n\d+): [0-9.]+% vs", review):
            assert f"Candidate {cid} (" in p.split("## Best candidate so far")[0]
            cited += 1
    assert cited
    improve = [p for p in prompts if "## Parent" in p and "## Per-class mean gap" in p]
    assert len(improve) >= 6  # generations 1 and 2 ask for 4 offspring each
    for p in improve:
        assert "def priority(p, d, w, t, rem, pmean, pmax, left):" in p
        assert "40 training instances: 40 of 20 jobs" in p and "all weights are 1" in p
        assert "+-se" in p and "## Candidates the model wrote earlier in this run" in p
        assert "2 islands (populations) evolve side by side" in p and "A candidate gets 10 s" in p
        assert "weak on tight due dates" in p and "99.99" not in p and "r9g9i9n9" not in p
    assert sum("## Already proposed in this generation" in p for p in improve) >= len(improve) - 2
    store = Archive(tmp_path / "llm.db")
    stored = [t for _, _, t in store.reflections(report.run)]
    assert any("[dropped, not matching the archive:" in t and "names unknown candidate r9g9i9n9" in t for t in stored)
    costs = store.costs(report.run)
    assert costs["llm_requests"] == len(Scripted.requests)
    assert costs["gain_points"] >= 0
    store.close()


class ShopScripted(BaseHTTPRequestHandler):
    """Answers every request with a rule for the problem named in the prompt's signature."""

    prompts: list[str] = []

    def log_message(self, *args) -> None:
        return

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = body["messages"][-1]["content"]
        ShopScripted.prompts.append(prompt)
        signature = re.search(r"def priority\((.*?)\):", prompt).group(1)
        tweak = len(ShopScripted.prompts) % 5
        code = f"import numpy as np\n\n\ndef priority({signature}):\n    return duration * {1 + tweak / 10}\n"
        content = json.dumps({"thought": f"longer first, variant {tweak}", "code": "" if "four sentences" in prompt
                              else code})
        data = json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                           "choices": [{"index": 0, "finish_reason": "stop",
                                        "message": {"role": "assistant", "content": content}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.mark.parametrize("problem, train, test, facts", [
    ("jssp", "taigen-10x5x6", "taigen-10x6x2", ["6 of 10 jobs x 5 machines", "lower bound (largest machine load",
                                                   "next_machine_ready", "| class | instances |"]),
    pytest.param("rcpsp", "psplib-j30:train", "psplib-j30:test", ["activities", "best known value"],
                 marks=pytest.mark.mirror),
])
def test_shop_and_project_prompts_carry_the_same_evidence(tmp_path, problem, train, test, facts) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), ShopScripted)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    ShopScripted.prompts = []
    try:
        client = LLMClient(LLMConfig(base_url=f"http://127.0.0.1:{httpd.server_address[1]}/v1", model="scripted",
                                     api_key="sk-test", max_retries=0, timeout=20))
        cfg = EvolveConfig(problem=problem, engine="llm", generations=1, population=6, islands=2, train=train,
                           test=test, small_size=4)
        evolve(cfg, tmp_path / "run.db", client=client)
    finally:
        httpd.shutdown()
        httpd.server_close()
    improve = [p for p in ShopScripted.prompts if "## Parent" in p]
    assert improve and all("## Per-class mean gap" in p and "+-se" in p and "A shorter makespan is better." in p
                           for p in improve)
    assert all(fact in improve[0] for fact in facts), improve[0][:3000]
    assert any("## Already proposed in this generation" in p for p in improve)
