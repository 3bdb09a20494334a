"""Text -> Problem: classify, extract, check, solve, review, fix (bounded rounds), every step in a transcript.

The LLM only fills the ontology; ordino validates, compiles, solves and verifies. No code written by an LLM
is ever executed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any, Literal

from ordino.errors import FormulationError, InputError, LLMError, ModelError
from ordino.formulate.check import check_model, check_model_hints
from ordino.formulate.formulation import Formulation, conflicts, solve_formulated, with_formulation
from ordino.formulate.offline.run import run_offline
from ordino.formulate.questions import Question
from ordino.formulate.summary import model_summary
from ordino.formulate.templates import FAMILY_NAMES, PROBLEM_CLASSES, family_schema, render
from ordino.llm.client import LLMClient, LLMConfig, load_config, scrub
from ordino.models import BaseResult, Model, family_of, model_from_dict

Engine = Literal["auto", "llm", "offline"]

CLASSIFY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "scheduling": {"type": "boolean"},
        "family": {"type": "string", "enum": list(FAMILY_NAMES)},
        "class": {"type": "string", "enum": list(PROBLEM_CLASSES)},
        "unsupported": {"type": "array", "items": {"type": "string"}},
        "reason": {"type": "string"},
    },
    "required": ["scheduling", "class"],
}
CRITIC_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"ok": {"type": "boolean"}, "issues": {"type": "array", "items": {"type": "string"}}},
    "required": ["ok"],
}


def formulate(text: str, engine: Engine = "auto", model: str | None = None, solve: bool = True,
              time_limit: float = 10.0, max_rounds: int = 4, ask: Callable[[Any], str] | None = None,
              config: LLMConfig | None = None, *, base_url: str | None = None, critic: bool = True,
              method: str = "cpsat") -> Formulation:
    """Turn a plain-language description into a validated Problem and (optionally) a verified schedule.

    Parameters
    ----------
    text
        The description.
    engine
        `llm`, `offline`, or `auto` (the LLM when one is configured, else offline).
    model, base_url
        Override the configured LLM model / endpoint.
    solve, time_limit, method
        Solve the formulated problem with `method` for at most `time_limit` seconds.
    max_rounds
        Cap on extract/fix rounds of the LLM engine.
    ask
        Called with each question about missing data (a `Question`); returns the answer, or None to leave it
        open. Without it, or with questions left open, the Formulation has status `needs_input` and lists them.
    config
        An explicit LLM configuration (else read from environment and config file).
    critic
        Run the LLM critic that compares the model summary with the text.

    Raises
    ------
    FormulationError
        Empty or non-scheduling text, parts the ontology cannot express, or no valid model after
        `max_rounds`; the partial Formulation (with transcript) is attached as `.formulation`.
    LLMError
        The endpoint failed after its retries (also with `.formulation`).
    """
    if not text or not text.strip():
        raise FormulationError("the description is empty; describe the tasks, the resources and the objective")
    if max_rounds < 1:
        raise InputError(f"max_rounds must be at least 1, got {max_rounds}")
    if engine not in ("auto", "llm", "offline"):
        raise InputError(f"engine must be auto, llm or offline, got {engine!r}")
    if config is None:
        config = load_config(model=model, base_url=base_url)
    else:
        overrides = {k: v for k, v in (("model", model), ("base_url", base_url)) if v is not None}
        if overrides:
            config = LLMConfig(**{**config.__dict__, **overrides})
    note = None
    if engine == "auto":
        engine = "llm" if config.configured else "offline"
        if engine == "offline":
            note = ("no LLM configured (set ORDINO_LLM_BASE_URL, OPENAI_API_KEY or ~/.config/ordino/llm.toml); "
                    "using the offline formulator")
    if engine == "llm":
        if not config.configured:
            raise FormulationError("no LLM endpoint configured: set ORDINO_LLM_BASE_URL (and ORDINO_LLM_API_KEY), "
                                   "OPENAI_API_KEY, a config file ~/.config/ordino/llm.toml, or pass base_url; "
                                   "or use the offline engine")
        return LLMPipeline(LLMClient(config), solve=solve, time_limit=time_limit, max_rounds=max_rounds,
                           critic=critic, method=method, ask=ask).run(text)
    return run_offline(text, ask=ask, solve=solve, time_limit=time_limit, method=method, note=note)


class LLMPipeline:
    """One LLM formulation run: the conversation, the rounds and the transcript."""

    def __init__(self, client: LLMClient, solve: bool = True, time_limit: float = 10.0, max_rounds: int = 4,
                 critic: bool = True, method: str = "cpsat", ask: Callable[[Question], str | None] | None = None
                 ) -> None:
        self.client = client
        self.solve = solve
        self.time_limit = time_limit
        self.max_rounds = max_rounds
        self.critic = critic
        self.method = method
        self.transcript: list[dict[str, Any]] = []
        self.problem_class: str | None = None
        self.family = "scheduling"
        self.warnings: list[str] = []
        self.ask_user = ask
        self.questions: list[Question] = []
        self.assumptions: list[str] = []

    # --- bookkeeping ----------------------------------------------------------------------------------

    def log(self, round_: int, stage: str, **data: Any) -> None:
        """Append one transcript entry (as JSON values, scrubbed of secrets)."""
        entry = {"round": round_, "stage": stage, **data}
        self.transcript.append(scrub(json.loads(json.dumps(entry, default=str))))

    def formulation(self, status: str, rounds: int, problem: Model | None = None, result: BaseResult | None = None,
                    error: str | None = None) -> Formulation:
        """The Formulation of this run so far."""
        return Formulation(status=status, engine="llm", rounds=rounds, problem=problem, result=result,
                           transcript=self.transcript, error=error, warnings=self.warnings,
                           usage=self.usage(), problem_class=self.problem_class,
                           questions=self.questions if status == "needs_input" else [],
                           assumptions=self.assumptions)

    def usage(self) -> dict[str, float]:
        """Tokens (and the estimated cost when prices are configured)."""
        out: dict[str, float] = dict(self.client.usage.as_dict())
        if self.client.config.prompt_price or self.client.config.completion_price:
            out["cost"] = round(self.client.usage.cost(self.client.config), 6)
        return out

    def fail(self, message: str, rounds: int, problem: Model | None = None) -> FormulationError:
        """A FormulationError carrying the partial Formulation."""
        message = scrub(message)
        self.log(rounds, "failed", error=message)
        return with_formulation(FormulationError(message), self.formulation("failed", rounds, problem, error=message))

    def ask(self, round_: int, stage: str, messages: list[dict[str, str]], schema: dict[str, Any],
            name: str) -> Any:
        """One LLM call, logged with the request's last message, the answer and its tokens."""
        try:
            reply = self.client.chat_json(messages, schema, name)
        except LLMError as exc:
            self.log(round_, stage, error=str(exc))
            raise with_formulation(exc, self.formulation("failed", round_, error=str(exc))) from None
        self.log(round_, stage, request=messages[-1]["content"], response=reply.text, mode=reply.mode,
                 tokens={"prompt": reply.prompt_tokens, "completion": reply.completion_tokens},
                 seconds=round(reply.seconds, 3), parse_error=reply.parse_error)
        return reply

    # --- the stages -----------------------------------------------------------------------------------

    def run(self, text: str) -> Formulation:
        """Classify, then extract/check/solve/review/fix for at most `max_rounds` rounds.

        The extract and critic prompts, the output schema and the solver follow the classified family. A fix
        round sends the problem, the last answer and its issues, not the whole history.
        """
        self.log(0, "config", llm=self.client.config.public(),
                 prompts={"classify": render("classify"), "extract": render("extract"), "critic": render("critic")})
        self.classify(text)
        system = render("extract", family=self.family)
        if self.family != "scheduling":
            self.log(0, "prompt", family=self.family, extract=system, critic=render("critic", family=self.family))
        user = render("extract_user", text=text, problem_class=self.problem_class, reason=None, family=self.family)
        problem_messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        messages = problem_messages
        schema = family_schema(self.family)
        last: tuple[str, list[str]] = ("", [])
        problem: Model | None = None
        result: BaseResult | None = None
        for round_ in range(1, self.max_rounds + 1):
            reply = self.ask(round_, "extract" if round_ == 1 else "fix", messages, schema, "ordino_problem")
            stage, issues, problem, result = self.review(round_, text, reply)
            if stage == "needs_input":
                answers = self.answers()
                if answers is None:
                    self.log(round_, "done", status="needs_input", questions=issues)
                    return self.formulation("needs_input", round_)
                self.log(round_, "answers", answers=answers)
                messages = [*problem_messages, {"role": "assistant", "content": reply.text},
                            {"role": "user", "content": render("answers", answers=answers)}]
                continue
            if not issues:
                status = result.status if result is not None else "formulated"
                self.log(round_, "done", status=status, objective=result.objective if result else None)
                return self.formulation(status, round_, problem, result)
            last = (stage, issues)
            self.log(round_, "review", verdict=stage, issues=issues)
            messages = [*problem_messages, {"role": "assistant", "content": reply.text},
                        {"role": "user", "content": render("fix", stage=stage, issues=issues)}]
        return self.give_up(last, problem, result)

    def answers(self) -> list[tuple[str, str]] | None:
        """The user's answers to the open questions, or None when one stays open (no way to ask, or no answer)."""
        if self.ask_user is None:
            return None
        answers = []
        for question in self.questions:
            answer = self.ask_user(question)
            if answer is None or not str(answer).strip():
                return None
            answers.append((question.text, str(answer).strip()))
        return answers

    def give_up(self, last: tuple[str, list[str]], problem: Model | None, result: BaseResult | None) -> Formulation:
        """After the last round: keep a faithful-but-infeasible or critic-disputed model, else fail."""
        stage, issues = last
        rounds = self.max_rounds
        if stage in ("infeasible", "check") and problem is not None:  # check issues are proofs of infeasibility
            message = "the data is contradictory (no schedule exists): " + "; ".join(issues)
            self.log(rounds, "done", status="infeasible", error=message)
            return self.formulation("infeasible", rounds, problem, result, error=message)
        if stage == "critic" and problem is not None:
            self.warnings.append("the critic still disputes the model: " + "; ".join(issues))
            status = result.status if result is not None else "formulated"
            self.log(rounds, "done", status=status, warnings=self.warnings)
            return self.formulation(status, rounds, problem, result)
        raise self.fail(f"no valid model after {rounds} round(s); last problem ({stage}): {'; '.join(issues)}",
                        rounds, problem)

    def classify(self, text: str) -> None:
        """Name the branch of the ontology; refuse non-scheduling text and parts the ontology cannot express."""
        messages = [{"role": "system", "content": render("classify")},
                    {"role": "user", "content": f'Description:\n"""\n{text}\n"""'}]
        reply = self.ask(0, "classify", messages, CLASSIFY_SCHEMA, "classification")
        data = reply.data if isinstance(reply.data, dict) else {}
        if data.get("scheduling") is False:
            reason = data.get("reason") or "no tasks to schedule and no objective"
            raise self.fail(f"the text does not describe a scheduling problem: {reason}", 0)
        unsupported = [str(u) for u in data.get("unsupported") or [] if str(u).strip()]
        if unsupported:
            raise self.fail("the problem needs what the ontology cannot express: " + "; ".join(unsupported), 0)
        if data.get("family") in FAMILY_NAMES:
            self.family = data["family"]
        if data.get("class") in PROBLEM_CLASSES:
            self.problem_class = data["class"]
        if self.family != "scheduling":
            self.problem_class = self.family

    def review(self, round_: int, text: str, reply: Any) -> tuple[str, list[str], Model | None, BaseResult | None]:
        """Validate, check, solve and criticise one answer: (stage, issues, problem, result)."""
        if reply.parse_error:
            return "invalid JSON", [reply.parse_error], None, None
        data = reply.data
        body = ("tasks", "staff", "variables")
        if isinstance(data, dict) and data.get("unsupported") and not any(k in data for k in body):
            raise self.fail("the problem needs what the ontology cannot express: "
                            + "; ".join(map(str, data["unsupported"])), round_)
        if isinstance(data, dict):
            data = self.take_envelope(round_, data)
            if self.questions:
                return "needs_input", [q.text for q in self.questions], None, None
        if isinstance(data, dict) and "family" not in data and self.family != "scheduling":
            data = {"family": self.family, **data}  # the family was chosen at classification
        try:
            problem = model_from_dict(data, source="answer")
        except InputError as exc:
            return "schema", [s.strip() for s in str(exc).removeprefix("answer: ").split("; ")], None, None
        self.log(round_, "validate", family=family_of(problem).name, summary=model_summary(problem))
        issues = check_model(problem, text)
        hints = check_model_hints(problem, text)
        self.log(round_, "check", issues=issues, hints=hints)
        if issues:
            return "check", issues, problem, None
        result = None
        if self.solve:
            stage, issues, result = self.run_solver(round_, problem)
            if issues:
                return stage, issues, problem, result
        if self.critic:
            issues = self.criticise(round_, text, problem, result, hints)
            if issues:
                return "critic", issues, problem, result
        return "", [], problem, result

    def take_envelope(self, round_: int, data: dict[str, Any]) -> dict[str, Any]:
        """The model part of an answer; its `questions` about missing data and its `assumptions` are kept."""
        data = dict(data)
        asked, assumed = data.pop("questions", None) or [], data.pop("assumptions", None) or []
        self.questions = [Question(key=str(q.get("key") or f"q{k + 1}"), text=str(q["text"]),
                                   where=str(q["where"]) if q.get("where") else None)
                          for k, q in enumerate(asked if isinstance(asked, list) else [])
                          if isinstance(q, dict) and str(q.get("text") or "").strip()]
        made = [a for a in (assumed if isinstance(assumed, list) else []) if isinstance(a, dict) and a.get("what")]
        self.assumptions = [f"{a['what']}" + (f" = {a['value']}" if a.get("value") not in (None, "") else "")
                            + (f" ({a['reason']})" if a.get("reason") else "") for a in made]
        if self.questions or self.assumptions:
            self.log(round_, "envelope", questions=[q.model_dump() for q in self.questions],
                     assumptions=self.assumptions)
        return data

    def run_solver(self, round_: int, problem: Model) -> tuple[str, list[str], BaseResult | None]:
        """Solve (any family, through `ordino.solve`) and turn infeasibility, verifier violations or unsupported
        features into issues."""
        began = time.perf_counter()
        try:
            result = solve_formulated(problem, self.method, self.time_limit)
        except ModelError as exc:
            self.log(round_, "solve", error=str(exc))
            return "unsupported by the solver", [str(exc)], None
        self.log(round_, "solve", status=result.status, objective=result.objective, log=result.log,
                 seconds=round(time.perf_counter() - began, 3))
        if result.status == "infeasible":
            return "infeasible", conflicts(result) or ["the solver proved the model infeasible"], result
        if result.status == "error":
            found = [f"{v.kind}: {v.message}" for v in result.violations] or result.log
            return "verifier", found, result
        if result.status == "unknown":
            self.warnings.append(f"no schedule found within {self.time_limit:g}s; the model may be too large")
        return "", [], result

    def criticise(self, round_: int, text: str, problem: Model, result: BaseResult | None,
                  hints: list[str]) -> list[str]:
        """Ask the LLM whether the model contradicts the text; its issues (empty when it agrees)."""
        line = f"{result.status}, objective {result.objective}" if result is not None else ""
        messages = [{"role": "system", "content": render("critic", family=family_of(problem).name)},
                    {"role": "user", "content": render("critic_user", text=text, summary=model_summary(problem),
                                                       result_line=line, hints=hints)}]
        reply = self.ask(round_, "critic", messages, CRITIC_SCHEMA, "review")
        data = reply.data if isinstance(reply.data, dict) else None
        if data is None or not isinstance(data.get("ok"), bool):
            self.warnings.append("the critic's answer was unreadable; the model was not reviewed")
            return []
        if data["ok"]:
            return []
        return [str(i) for i in data.get("issues") or []] or ["the critic found the model wrong but gave no reason"]
