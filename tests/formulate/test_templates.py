"""The prompts rendered from the ontology, and the worked examples they show."""

from __future__ import annotations

import json

from ordino.formulate.templates import examples, render
from ordino.models import CONSTRAINT_TYPES, TERM_DEFINITIONS, Task, classify, problem_from_dict
from ordino.solve import solve
from ordino.verify import verify


def test_prompts_are_rendered_from_the_ontology() -> None:
    prompt = render("extract")
    for constraint in CONSTRAINT_TYPES:
        tag = constraint.model_fields["type"].default
        assert f'"type": "{tag}"' in prompt
        first_line = constraint.__doc__.strip().splitlines()[0]
        assert first_line in prompt
    for term, definition in TERM_DEFINITIONS.items():
        assert f"`{term}`: {definition}" in prompt
    assert Task.__doc__.strip().splitlines()[0] in prompt
    assert "`absence_penalty`: integer (default 0)" in prompt
    critic = render("critic_user", text="T", summary="S", result_line="optimal, objective 3", hints=["h1"])
    assert "optimal, objective 3" in critic and "- h1" in critic
    fix = render("fix", stage="infeasible", issues=["conflict: a"])
    assert "- conflict: a" in fix and "no solution satisfies" in fix


def test_worked_examples_are_valid_and_solvable() -> None:
    assert len(examples()) >= 4
    assert any(any(c.get("type") == "separation" for c in ex["problem"].get("constraints", [])) for ex in examples())
    for ex in examples():
        problem = problem_from_dict(ex["problem"], source=ex["class"])
        assert classify(problem) == ex["class"]
        result = solve(problem, method="cpsat", time_limit=5.0)
        assert result.status == "optimal", ex["class"]
        assert verify(problem, result.schedule).feasible
        assert json.dumps(ex["problem"], separators=(",", ":")) in render("extract")
