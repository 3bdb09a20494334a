"""Events from plain words with an LLM (any OpenAI-compatible endpoint): the model answers with events JSON or
with questions, never with code; its answer is validated against the events schema and the problem's names,
and sent back once with what was wrong."""

from __future__ import annotations

import json
from typing import Any

from ordino.errors import InputError
from ordino.llm.client import LLMClient, LLMConfig
from ordino.models import Events, Problem, events_from_dict
from ordino.reschedule.text import EventReading

SCHEMA: dict[str, Any] = {
    "type": "object", "additionalProperties": False, "required": ["events", "questions"],
    "properties": {"events": {"type": "array", "items": {"type": "object"}},
                   "questions": {"type": "array", "items": {"type": "string"}}}}
"""The answer's shape; each event is checked against `ordino.models.events` after it arrives."""

PROMPT = """You turn a planner's message about a running schedule into events JSON. Answer with one JSON object
{{"events": [...], "questions": [...]}} and nothing else. Event shapes (times are integers in {unit}, counted
from the schedule's time 0; the current time is {now}):
  {{"type": "breakdown", "resource": R, "start": T, "end": T2}}          resource R is down during [T, T2)
  {{"type": "duration", "task": X, "duration": D}}                       task X now takes D
  {{"type": "cancel", "job": J}} or {{"type": "cancel", "task": X}}
  {{"type": "new_job", "job": {{"id": J, "weight": W}}, "tasks": [{{"id": X, "modes": [{{"resources": [R],
      "duration": D}}]}}, ...]}}                                          tasks run in the order listed
  {{"type": "due", "job": J, "due": T}}        {{"type": "release", "job": J, "release": T}}
  {{"type": "rush", "job": J, "weight": W, "due": T}}                     weight or due, or both
Use only these names: resources {resources}; jobs {jobs}; tasks {tasks}.
Never invent a number: when the message leaves out a time, a length or which resource, job or task it means,
return no events and put one short question per missing fact in "questions"."""


def _names(items: list[str]) -> str:
    return ", ".join(items[:60]) + (f" ... ({len(items)} in all)" if len(items) > 60 else "") if items else "none"


def _unknown(events: Events, problem: Problem) -> list[str]:
    """Names in the events that the problem does not have (a new job's own ids excepted)."""
    known = {r.id for r in problem.resources} | {t.id for t in problem.tasks} | {j.id for j in problem.jobs}
    for e in events.events:
        if e.type == "new_job":
            known |= {e.job.id} | {t.id for t in e.tasks}
    named = [value for e in events.events for key in ("resource", "task", "job")
             if isinstance(value := getattr(e, key, None), str)]
    named += [r for e in events.events if e.type == "new_job" for t in e.tasks for m in t.modes for r in m.resources]
    return sorted({n for n in named if n not in known})


def read_events_llm(text: str, problem: Problem, now: int, config: LLMConfig) -> EventReading:
    """The events of `text` as the LLM reads them, validated; its questions when it lacks a fact."""
    client = LLMClient(config)
    messages = [{"role": "system", "content": PROMPT.format(
        unit=problem.time_unit, now=now, resources=_names([r.id for r in problem.resources]),
        jobs=_names([j.id for j in problem.jobs]), tasks=_names([t.id for t in problem.tasks]))},
        {"role": "user", "content": text}]
    problem_found = ""
    for _ in range(2):
        reply = client.chat_json(messages, SCHEMA, "events")
        data = reply.data if isinstance(reply.data, dict) else {}
        questions = [q for q in data.get("questions", []) if isinstance(q, str)]
        if questions:
            return EventReading(None, questions)
        try:
            events = events_from_dict(data.get("events"), "the LLM's events")
            unknown = _unknown(events, problem)
            if not unknown and events.events:
                return EventReading(events)
            problem_found = f"these names are not in the problem: {', '.join(unknown)}" if unknown else \
                "no events were given"
        except InputError as exc:
            problem_found = str(exc) if reply.parse_error is None else f"the answer is not JSON: {reply.parse_error}"
        messages += [{"role": "assistant", "content": json.dumps(data) if data else reply.text},
                     {"role": "user", "content": f"That answer cannot be used: {problem_found}. Answer again with "
                                                 "the JSON object only, or with questions."}]
    return EventReading(None, [f"the LLM's events could not be used ({problem_found}); say the events in other "
                               "words, or use the offline reader"])
