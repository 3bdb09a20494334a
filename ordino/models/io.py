"""Reading and writing ontology JSON with errors that name the field and the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ordino.errors import InputError
from ordino.models.base import MAX_VALUE
from ordino.models.constraints import CONSTRAINT_TYPES
from ordino.models.events import EVENT_TYPES, EVENTS_SCHEMA, Events
from ordino.models.families import SCHEDULING, Family, Model, Solution, family_named
from ordino.models.inputs import parse_json, read_text
from ordino.models.linear_indexed import IndexedLinearModel, is_indexed
from ordino.models.problem import Problem
from ordino.models.schedule import Schedule

M = TypeVar("M", bound=BaseModel)
CONSTRAINT_TAGS = [c.model_fields["type"].default for c in CONSTRAINT_TYPES]
EVENT_TAGS = [e.model_fields["type"].default for e in EVENT_TYPES]


def describe_validation_error(error: ValidationError, data: Any = None) -> str:
    """One readable line per pydantic error: `tasks[2].modes[0].duration: expected ...`."""
    lines = []
    for err in error.errors(include_url=False):
        path = _path(err["loc"], data)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field (remove it or check its spelling)"
        elif err["type"] == "missing":
            msg = "required field is missing"
        elif err["type"] in ("union_tag_not_found", "union_tag_invalid"):
            msg = f"missing or unknown constraint 'type'; expected one of: {', '.join(CONSTRAINT_TAGS)}"
        elif err["type"] in ("less_than_equal", "greater_than_equal") and MAX_VALUE in map(abs, err["ctx"].values()):
            msg = f"{err['input']} is beyond the limit of {MAX_VALUE:,} for times and amounts"
        elif err["type"] == "int_type" and isinstance(err["input"], float):
            msg = f"expected a whole number (at most {MAX_VALUE:,}), got {err['input']!r}"
        lines.append(f"{path}: {msg}" if path else msg)
    return "; ".join(lines)


def _path(loc: tuple[Any, ...], data: Any) -> str:
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            ident = node[part].get("id") if isinstance(node, list) and part < len(node) and isinstance(
                node[part], dict) else None
            if ident is not None:
                out += f"(id={ident!r})"
            node = node[part] if isinstance(node, list) and part < len(node) else None
        elif isinstance(node, dict) and part in node:
            out += f".{part}" if out else str(part)
            node = node[part]
        elif part in CONSTRAINT_TAGS or part in EVENT_TAGS:
            continue  # discriminator tag pydantic adds to the location
        else:
            out += f".{part}" if out else str(part)
            node = None
    return out


def parse_model(model: type[M], data: Any, source: str) -> M:
    """Validate `data` as `model`, turning pydantic errors into one InputError naming `source`."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(describe_validation_error(exc, data), file=source) from None


def _read_json(path: str | Path) -> Any:
    return parse_json(read_text(path), str(path))


def problem_from_dict(data: Any, source: str = "<problem>") -> Problem:
    """Validate a dict as a Problem (checks the schema tag first)."""
    if not isinstance(data, dict):
        raise InputError("expected a JSON object with 'tasks', 'resources', ...", file=source)
    tag = data.get("schema", "ordino/1")
    if tag != "ordino/1":
        raise InputError(f"schema {tag!r} is not supported; this version reads 'ordino/1'", file=source)
    return parse_model(Problem, data, source)


def model_from_dict(data: Any, source: str = "<model>") -> Model:
    """Validate a dict as the model of its `family`: scheduling (default) Problem, assignment RosterProblem,
    or linear LinearModel."""
    if not isinstance(data, dict):
        raise InputError("expected a JSON object with 'schema' and 'family'", file=source)
    name = data.get("family", "scheduling")
    if name == "scheduling":
        return problem_from_dict({k: v for k, v in data.items() if k != "family"}, source)
    tag = data.get("schema", "ordino/1")
    if tag != "ordino/1":
        raise InputError(f"schema {tag!r} is not supported; this version reads 'ordino/1'", file=source)
    try:
        family = family_named(str(name))
    except InputError as exc:
        raise InputError(str(exc), file=source) from None
    assert family is not SCHEDULING
    if family.name == "linear" and is_indexed(data):
        indexed = parse_model(IndexedLinearModel, data, source)
        try:
            return indexed.compile()
        except ValueError as exc:  # a bad reference found while expanding, or an invalid expanded part
            raise InputError(str(exc).splitlines()[0] if not isinstance(exc, ValidationError)
                             else describe_validation_error(exc), file=source) from None
    return parse_model(family.model, data, source)


def load_model(path: str | Path) -> Model:
    """Read an ordino model JSON file of any family (`"family"`: scheduling, assignment or linear)."""
    return model_from_dict(_read_json(path), str(path))


def load_problem(path: str | Path) -> Problem:
    """Read an ordino problem JSON file."""
    return problem_from_dict(_read_json(path), str(path))


def save_problem(problem: Problem, path: str | Path) -> None:
    """Write a problem as versioned JSON."""
    Path(path).write_text(problem.to_json() + "\n", encoding="utf-8")


def load_solution(path: str | Path, family: Family = SCHEDULING) -> Solution:
    """Read a solution JSON file of a family: a schedule (`{"tasks": [...]}`), a roster
    (`{"assignments": [...]}`) or variable values (`{"values": {...}}`), or a solve result holding one."""
    data = _read_json(path)
    if isinstance(data, dict) and family.solution_field in data and not data.keys() & family.solution.model_fields:
        data = data[family.solution_field]  # a result, such as the output of `ordino solve --json`
        if data is None:
            raise InputError(f"the result holds no {family.solution_field}", file=str(path))
    return parse_model(family.solution, data, str(path))


def load_schedule(path: str | Path) -> Schedule:
    """Read a schedule JSON file (`{"tasks": [{"task", "mode", "start", "end"}, ...]}`), or a result holding one."""
    schedule = load_solution(path, SCHEDULING)
    assert isinstance(schedule, Schedule)
    return schedule


def events_from_dict(data: Any, source: str = "<events>") -> Events:
    """Validate versioned events (`{"schema": "ordino-events/1", "events": [...]}`; a bare list is read as the
    events of the current schema)."""
    if isinstance(data, list):
        data = {"schema": EVENTS_SCHEMA, "events": data}
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise InputError(f'expected {{"schema": "{EVENTS_SCHEMA}", "events": [...]}}', file=source)
    tag = data.get("schema", EVENTS_SCHEMA)
    if tag != EVENTS_SCHEMA:
        raise InputError(f"schema {tag!r} is not supported; this version reads {EVENTS_SCHEMA!r}", file=source)
    for k, event in enumerate(data["events"]):
        kind = event.get("type") if isinstance(event, dict) else None
        if kind not in EVENT_TAGS:
            raise InputError(f"events[{k}]: unknown event type {kind!r}; expected one of: {', '.join(EVENT_TAGS)}",
                             file=source)
    return parse_model(Events, data, source)


def load_events(path: str | Path) -> Events:
    """Read an events JSON file (see `ordino.models.events`)."""
    return events_from_dict(_read_json(path), str(path))


def problem_json_schema() -> dict[str, Any]:
    """The JSON Schema of the ontology."""
    return Problem.model_json_schema(by_alias=True)
