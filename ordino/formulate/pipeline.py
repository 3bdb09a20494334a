"""Text -> Problem: classify, extract, check, solve, review, fix (bounded rounds), every step in a transcript.

The LLM only fills the ontology; ordino validates, compiles, solves and verifies. No code written by an LLM
is ever executed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any, Literal, NamedTuple

from ordino.errors import FormulationError, InputError, LLMError, ModelError
from ordino.formulate.check import check_model, check_model_hints
from ordino.formulate.formulation import (
    Formulation,
    conflicts,
    model_json,
    objective_units,
    solve_formulated,
    with_formulation,
)
from ordino.formulate.offline.run import run_offline
from ordino.formulate.questions import Question
from ordino.formulate.sources import Source, locate, unfound
from ordino.formulate.summary import model_summary, solution_detail
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
UNSUPPORTED_SCHEMA: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
MODEL_JSON_LIMIT = 60_000
"""The critic sees the model's JSON up to this many characters (a longer one is cut, and the message says so)."""
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
        Run the LLM critic that compares the model (its summary, its whole JSON and, when solved, the solution
        in detail) with the text.

    Returns
    -------
    Formulation
        Its `status` is the solve status of the verified result (optimal, feasible, infeasible, unbounded,
        unknown, error), or `formulated` when not solved, or:

        - `needs_input`: the text leaves out data the model needs; `questions` lists them.
        - `unsupported` (LLM engine): parts of the text no family of the ontology can express exactly. The LLM
          listed them, was asked once more whether each can be written exactly (shown what each family
          expresses), and still listed them; `error` names exactly those parts, `problem` is None and the
          transcript holds the exchange (stages `classify`/`extract`, `review`, `reconsider`).
        - `disputed` (LLM engine): the critic objects, and a fix round kept the model unchanged (the same
          model, or the very same answer) while the critic raised nothing new. The run stops there instead of
          spending its other rounds: `problem` and `result` are kept (a verified answer, `result.status` its
          solve status), `error` and `warnings` carry the critic's words.

        A critic still objecting after the last round (with the model changing from round to round) keeps the
        solve status, with the objection in `warnings`.

    Raises
    ------
    FormulationError
        Empty or non-scheduling text, or no valid model after `max_rounds`; the partial Formulation (with
        transcript) is attached as `.formulation`.
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
        formulation = LLMPipeline(LLMClient(config), solve=solve, time_limit=time_limit, max_rounds=max_rounds,
                                  critic=critic, method=method, ask=ask).run(text)
    else:
        formulation = run_offline(text, ask=ask, solve=solve, time_limit=time_limit, method=method, note=note)
    formulation.objective_units = objective_units(formulation.problem, formulation.objective, text)
    return formulation


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
        self.sources: list[Source] = []

    # --- bookkeeping ----------------------------------------------------------------------------------

    def log(self, round_: int, stage: str, **data: Any) -> None:
        """Append one transcript entry (as JSON values, scrubbed of secrets)."""
        entry = {"round": round_, "stage": stage, **data}
        self.transcript.append(scrub(json.loads(json.dumps(entry, default=str))))

    def formulation(self, status: str, rounds: int, problem: Model | None = None, result: BaseResult | None = None,
                    error: str | None = None) -> Formulation:
        """The Formulation of this run so far."""
        return Formulation(status=status, engine="llm", rounds=rounds, problem=problem, result=result,
                           transcript=self.transcript, error=error,
                           warnings=self.warnings + (unfound(self.sources) if problem is not None else []),
                           usage=self.usage(), problem_class=self.problem_class,
                           questions=self.questions if status == "needs_input" else [],
                           assumptions=self.assumptions, sources=self.sources if problem is not None else [])

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
        round sends the problem, the last answer and its issues, not the whole history. Parts listed as
        unsupported are questioned once (`reconsider`) before the run stops with status `unsupported`; a critic
        dispute that a fix round leaves unchanged stops with status `disputed`.
        """
        self.log(0, "config", llm=self.client.config.public(),
                 prompts={"classify": render("classify"), "extract": render("extract"), "critic": render("critic")})
        stopped = self.classify(text)
        if stopped is not None:
            return stopped
        system = render("extract", family=self.family)
        if self.family != "scheduling":
            self.log(0, "prompt", family=self.family, extract=system, critic=render("critic", family=self.family))
        user = render("extract_user", text=text, problem_class=self.problem_class, reason=None, family=self.family)
        problem_messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        messages = problem_messages
        schema = family_schema(self.family)
        schema = {**schema, "properties": {**schema.get("properties", {}), "unsupported": UNSUPPORTED_SCHEMA}}
        last: tuple[str, list[str]] = ("", [])
        problem: Model | None = None
        result: BaseResult | None = None
        reconsidered = False
        disputed: Dispute | None = None  # the last critic-disputed model and every issue raised against it
        for round_ in range(1, self.max_rounds + 1):
            reply = self.ask(round_, "extract" if round_ == 1 else "fix", messages, schema, "ordino_problem")
            if disputed is not None and reply.text == disputed.answer:  # the same answer: the same model
                self.log(round_, "unchanged", note="the fix repeats the disputed answer; not reviewed again")
                stage, issues, problem, result = "critic", disputed.last, disputed.problem, disputed.result
            else:
                stage, issues, problem, result = self.review(round_, text, reply)
            if stage == "unsupported" and not reconsidered:
                reconsidered = True  # one more request: can each item be written exactly after all?
                self.log(round_, "review", verdict=stage, issues=issues)
                asked = [*problem_messages, {"role": "assistant", "content": reply.text},
                         {"role": "user", "content": render("fix", stage="unsupported", issues=issues,
                                                            guide=FAMILY_GUIDE)}]
                reply = self.ask(round_, "reconsider", asked, schema, "ordino_problem")
                stage, issues, problem, result = self.review(round_, text, reply)
            if stage == "unsupported":
                return self.unsupported(round_, issues)
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
            if stage == "critic" and problem is not None:
                key = canonical(problem)
                if disputed is not None and disputed.key == key and disputed.repeats(issues):
                    return self.disputed(round_, issues, problem, result)
                raised = disputed.raised if disputed is not None and disputed.key == key else set()
                disputed = Dispute(key, reply.text, raised | {_said(i) for i in issues}, issues, problem, result)
            else:
                disputed = None
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

    def disputed(self, round_: int, issues: list[str], problem: Model, result: BaseResult | None) -> Formulation:
        """Stop with status `disputed`: a fix round kept the model and the critic raised nothing new. The model
        and its verified result are kept; `error` and `warnings` carry the critic's words."""
        message = scrub("the critic disputes the model and the fix round kept it unchanged: " + "; ".join(issues))
        self.warnings.append(message)
        self.log(round_, "done", status="disputed", solve_status=result.status if result is not None else None,
                 error=message)
        return self.formulation("disputed", round_, problem, result, error=message)

    def unsupported(self, round_: int, items: list[str]) -> Formulation:
        """Stop with status `unsupported`: `error` names exactly the parts the ontology cannot express."""
        message = scrub("the problem needs what the ontology cannot express: " + "; ".join(items))
        self.log(round_, "done", status="unsupported", unsupported=items, error=message)
        return self.formulation("unsupported", round_, error=message)

    def classify(self, text: str) -> Formulation | None:
        """Name the branch of the ontology; refuse non-scheduling text. Parts listed as unsupported are questioned
        once more (with the families that could express them); those still listed end the run (the Formulation
        with status `unsupported` is returned)."""
        messages = [{"role": "system", "content": render("classify")},
                    {"role": "user", "content": f'Description:\n"""\n{text}\n"""'}]
        reply = self.ask(0, "classify", messages, CLASSIFY_SCHEMA, "classification")
        data = reply.data if isinstance(reply.data, dict) else {}
        unsupported = _items(data.get("unsupported"))
        if unsupported and data.get("scheduling") is not False:
            self.log(0, "review", verdict="unsupported", issues=unsupported)
            asked = [*messages, {"role": "assistant", "content": reply.text},
                     {"role": "user", "content": render("fix", stage="unsupported", issues=unsupported,
                                                        guide=FAMILY_GUIDE)}]
            again = self.ask(0, "reconsider", asked, CLASSIFY_SCHEMA, "classification")
            if isinstance(again.data, dict) and isinstance(again.data.get("unsupported", []), list):
                data = again.data  # an unreadable second answer leaves the first one standing
                unsupported = _items(data.get("unsupported"))
        if data.get("scheduling") is False:
            reason = data.get("reason") or "no tasks to schedule and no objective"
            raise self.fail(f"the text does not describe a scheduling problem: {reason}", 0)
        if unsupported:
            return self.unsupported(0, unsupported)
        if data.get("family") in FAMILY_NAMES:
            self.family = data["family"]
        if data.get("class") in PROBLEM_CLASSES:
            self.problem_class = data["class"]
        if self.family != "scheduling":
            self.problem_class = self.family
        return None

    def review(self, round_: int, text: str, reply: Any) -> tuple[str, list[str], Model | None, BaseResult | None]:
        """Validate, check, solve and criticise one answer: (stage, issues, problem, result). An answer that lists
        parts under `unsupported` is the stage `unsupported` with those parts as its issues."""
        if reply.parse_error:
            return "invalid JSON", [reply.parse_error], None, None
        data = reply.data
        if isinstance(data, dict) and "unsupported" in data:
            data = dict(data)
            unsupported = _items(data.pop("unsupported"))
            if unsupported:
                return "unsupported", unsupported, None, None
        if isinstance(data, dict):
            data = self.take_envelope(round_, data, text)
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

    def take_envelope(self, round_: int, data: dict[str, Any], text: str) -> dict[str, Any]:
        """The model part of an answer; its `questions` about missing data, its `assumptions` and its `sources`
        (looked up in `text`) are kept."""
        data = dict(data)
        asked, assumed = data.pop("questions", None) or [], data.pop("assumptions", None) or []
        self.sources = locate(data.pop("sources", None), text)
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
        """Ask the LLM whether the model contradicts the text; its issues (empty when it agrees). The critic sees
        the summary, the whole model as JSON (every field, exact numbers) and, when solved, the solution in detail
        (start times, tight or binding constraints, the objective's terms)."""
        line = f"{result.status}, objective {result.objective}" if result is not None else ""
        document = json.dumps(model_json(problem), separators=(",", ":"), default=str)
        if len(document) > MODEL_JSON_LIMIT:
            document = (document[:MODEL_JSON_LIMIT] + f" ... (cut: the first {MODEL_JSON_LIMIT} of {len(document)} "
                        "characters)")
        messages = [{"role": "system", "content": render("critic", family=family_of(problem).name)},
                    {"role": "user", "content": render("critic_user", text=text, summary=model_summary(problem),
                                                       model_json=document, result_line=line, hints=hints,
                                                       sources=self.sources,
                                                       solution=solution_detail(problem, result))}]
        reply = self.ask(round_, "critic", messages, CRITIC_SCHEMA, "review")
        data = reply.data if isinstance(reply.data, dict) else None
        if data is None or not isinstance(data.get("ok"), bool):
            self.warnings.append("the critic's answer was unreadable; the model was not reviewed")
            return []
        if data["ok"]:
            return []
        return [str(i) for i in data.get("issues") or []] or ["the critic found the model wrong but gave no reason"]


class Dispute(NamedTuple):
    """The critic's objection to one model: the model's canonical JSON, the answer that gave it, every issue
    raised against it (normalised), the last issues, and the model and result themselves."""

    key: str
    answer: str
    raised: set[str]
    last: list[str]
    problem: Model
    result: BaseResult | None

    def repeats(self, issues: list[str]) -> bool:
        """True when `issues` raise nothing that was not raised against this model before."""
        return {_said(i) for i in issues} <= self.raised


FAMILY_GUIDE: list[tuple[str, str]] = [
    ("scheduling", "tasks placed in time: machines (one task at a time), renewable pools with a capacity, "
     "consumable budgets, several modes (choice of machine or duration), release dates, due dates, hard "
     "deadlines, time windows, precedences with minimum and maximum lags, setups, separation gaps, no-wait, "
     "blocking, optional tasks, and weighted sums of makespan, completion, tardiness, lateness, earliness, "
     "setup and cost terms. A permutation flow shop (the same job order on every machine) is a flow or job "
     "shop with a `permutation` constraint; a machine that is down is an `unavailable` interval; working hours, "
     "shifts, weekends and holidays are a `calendar` of the resource (with the problem's `start`); a task that "
     "stops over a break and continues after it is `resumable`."),
    ("assignment", "staff x shifts x days: cover requirements per day and shift (hard or with a shortfall "
     "penalty), skills, unavailability, limits on counts of shifts per person, day or shift, consecutive "
     "days, forbidden shift sequences, days-on/days-off patterns, preferences, assignment and hiring costs, "
     "linked counts (relations), sports timetables and groupings over rounds. A shift-cover count is a "
     "`cover` entry or a `count` rule."),
    ("linear", "any linear or integer program: how many of each item, person type or vehicle, with linear "
     "limits, requirements and ratios; a count per shift, a piecewise-linear cost, a fixed charge or an "
     "either-or choice are linear with extra integer or binary variables, written exactly."),
]
"""What each family can express exactly: shown when the LLM lists a part as unsupported, before the run stops."""


def canonical(model: Model) -> str:
    """The model's JSON document with sorted keys: two answers giving the same model give the same text."""
    return json.dumps(model_json(model), sort_keys=True, default=str)


def _said(issue: str) -> str:
    return " ".join(str(issue).lower().split())


def _items(value: Any) -> list[str]:
    """The non-empty items of an `unsupported` list (a lone string counts as one item)."""
    values = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return [str(v).strip() for v in values if str(v).strip()]
