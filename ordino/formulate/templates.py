"""Render the prompts (jinja2 templates in `prompts/`) from the ontology's own docstrings and fields."""

from __future__ import annotations

import inspect
import json
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from pydantic import BaseModel

from ordino.formulate.sources import SOURCES_SCHEMA
from ordino.models import (
    CONSTRAINT_TYPES,
    TERM_DEFINITIONS,
    Job,
    Mode,
    ObjectiveTerm,
    Problem,
    Resource,
    SetupTime,
    Task,
)
from ordino.models.assignment import (
    ROSTER_TERM_DEFINITIONS,
    RULE_TYPES,
    AssignmentCost,
    Cover,
    RosterProblem,
    RosterTerm,
    Selection,
    Shift,
    Staff,
    WeightedSelection,
)
from ordino.models.calendar import Calendar
from ordino.models.classify import ProblemClass
from ordino.models.families import FAMILIES, family_named
from ordino.models.linear import LinearConstraint, LinearModel, LinearObjective, Variable
from ordino.models.linear_indexed import (
    IndexedConstraint,
    IndexedLinearModel,
    IndexedObjective,
    IndexedTerm,
    IndexedVariable,
    ParamRef,
)

PROMPTS = Path(__file__).with_name("prompts")
ENTITY_TYPES: tuple[type[BaseModel], ...] = (Problem, Calendar, Resource, SetupTime, Job, Task, Mode, ObjectiveTerm)
ROSTER_TYPES: tuple[type[BaseModel], ...] = (RosterProblem, Staff, Shift, Cover, Selection, AssignmentCost,
                                             WeightedSelection, RosterTerm)
LINEAR_TYPES: tuple[type[BaseModel], ...] = (LinearModel, Variable, LinearConstraint, LinearObjective)
INDEXED_TYPES: tuple[type[BaseModel], ...] = (IndexedLinearModel, IndexedVariable, IndexedConstraint, IndexedTerm,
                                               ParamRef, IndexedObjective)
PROBLEM_CLASSES: tuple[str, ...] = typing.get_args(ProblemClass)
FAMILY_NAMES: tuple[str, ...] = tuple(family.name for family in FAMILIES)


def type_name(annotation: Any) -> str:
    """A short readable name of a field annotation: `list[str]`, `int | null`, `"machine" | "renewable"`."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin is typing.Literal:
        return " | ".join(json.dumps(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        return " | ".join("null" if a is type(None) else type_name(a) for a in args)
    if origin in (list, tuple):
        inner = ", ".join(type_name(a) for a in args if a is not Ellipsis)
        return f"[{inner}]" if origin is tuple else f"list[{inner}]"
    if origin is dict:
        return f"object of {type_name(args[0])} -> {type_name(args[1])}" if args else "object"
    if annotation is typing.Any:
        return "any JSON value"
    if isinstance(annotation, type):
        return {"str": "string", "int": "integer", "bool": "boolean", "float": "number"}.get(
            annotation.__name__, annotation.__name__)
    return str(annotation).replace("typing.", "")


def describe_fields(model: type[BaseModel]) -> list[dict[str, str]]:
    """Each field of a model: JSON name, type and whether it is required or its default."""
    out = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key == "type":
            continue  # the discriminator is shown as the constraint's tag
        if info.is_required():
            default = "required"
        elif info.default_factory is not None:
            default = _factory_default(model, key, info.default_factory)
        else:
            default = f"default {json.dumps(info.default)}"
        out.append({"name": key, "type": type_name(info.annotation), "default": default})
    return out


def _factory_default(model: type[BaseModel], key: str, factory: Any) -> str:
    if model is Problem and key == "objective":
        return "default makespan"
    value = factory()
    if isinstance(value, BaseModel):
        return f"default {json.dumps(value.model_dump(mode='json', by_alias=True))}"
    return f"default {json.dumps(value)}"


def _doc(model: type) -> str:
    return inspect.cleandoc(model.__doc__ or "")


@cache
def ontology() -> dict[str, Any]:
    """The template context describing the ontology: entities, constraint types, objective terms, classes."""
    entities = [{"name": m.__name__, "doc": _doc(m), "fields": describe_fields(m)} for m in ENTITY_TYPES]
    constraints = [{"type": c.model_fields["type"].default, "doc": _doc(c), "fields": describe_fields(c)}
                   for c in CONSTRAINT_TYPES]
    return {"entities": entities, "constraints": constraints, "terms": TERM_DEFINITIONS,
            "classes": PROBLEM_CLASSES, "examples": examples("scheduling"), "families": FAMILY_NAMES,
            "roster": roster_ontology(), "linear": linear_ontology()}


def _entities(types: tuple[type[BaseModel], ...]) -> list[dict[str, Any]]:
    return [{"name": m.__name__, "doc": _doc(m), "fields": describe_fields(m)} for m in types]


@cache
def roster_ontology() -> dict[str, Any]:
    """The assignment family rendered from its own models: entities, rule types, objective terms, examples."""
    rules = [{"type": r.model_fields["type"].default, "doc": _doc(r), "fields": describe_fields(r)}
             for r in RULE_TYPES]
    return {"entities": _entities(ROSTER_TYPES), "rules": rules, "terms": ROSTER_TERM_DEFINITIONS,
            "examples": examples("assignment")}


@cache
def linear_ontology() -> dict[str, Any]:
    """The linear family rendered from its own models: entities and examples."""
    return {"entities": _entities(LINEAR_TYPES), "indexed": _entities(INDEXED_TYPES), "examples": examples("linear")}


QUESTIONS_SCHEMA: dict[str, Any] = {"type": "array", "items": {"type": "object", "properties": {
    "key": {"type": "string"}, "text": {"type": "string"}, "where": {"type": "string"}}, "required": ["text"]}}
ASSUMPTIONS_SCHEMA: dict[str, Any] = {"type": "array", "items": {"type": "object", "properties": {
    "what": {"type": "string"}, "value": {}, "reason": {"type": "string"}}, "required": ["what", "reason"]}}


def family_schema(family: str) -> dict[str, Any]:
    """The JSON Schema of an extraction answer (for structured output): the family's model, plus the optional
    `questions` about missing data, `assumptions` the model made and the `sources` of its parts (see the
    extract prompt). The model's
    top-level fields are optional here, so that an answer holding only questions fits the schema; an answer
    with neither questions nor a complete model is rejected by the model's own validation."""
    model = IndexedLinearModel if family == "linear" else family_named(family).model  # plain is a special case
    schema = model.model_json_schema(by_alias=True)
    schema.pop("required", None)
    schema["properties"] = {**schema.get("properties", {}), "questions": QUESTIONS_SCHEMA,
                            "assumptions": ASSUMPTIONS_SCHEMA, "sources": SOURCES_SCHEMA}
    return schema


@cache
def all_examples() -> list[dict[str, Any]]:
    """Every worked example (text -> family, class -> model JSON), kept valid by the tests."""
    data = json.loads((PROMPTS / "examples.json").read_text(encoding="utf-8"))
    for ex in data:
        ex.setdefault("family", "scheduling")
        ex["json"] = json.dumps(ex["problem"], separators=(",", ":"))
    return data


def examples(family: str = "scheduling") -> list[dict[str, Any]]:
    """The worked examples of one family."""
    return [ex for ex in all_examples() if ex["family"] == family]


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(PROMPTS), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
                              autoescape=False)  # noqa: S701 - prompts are plain text, not HTML


def render(name: str, **context: Any) -> str:
    """Render `prompts/<name>.j2` with the ontology context plus `context`."""
    return _environment().get_template(f"{name}.j2").render(**ontology(), **context).strip()
