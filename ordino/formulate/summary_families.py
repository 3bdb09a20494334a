"""Plain-text summaries of the non-scheduling families (rosters and linear programs), for people and the critic."""

from __future__ import annotations

from ordino.models.assignment import Cover, RosterProblem, Selection
from ordino.models.linear import LinearModel


def _ids(values: list[str] | None, every: str) -> str:
    return every if values is None else ", ".join(values)


def _selection(sel: Selection) -> str:
    return (f"staff {_ids(sel.staff, 'all')}, shifts {_ids(sel.shifts, 'all')}, "
            f"days {_ids(sel.days, 'all')}")


def _cover(c: Cover) -> str:
    what = f"shift {c.shift}" if c.shift else f"period {c.period}" if c.period else "any shift"
    skill = f" with skill {c.skill}" if c.skill else ""
    bound = f">= {c.min}" + (f" and <= {c.max}" if c.max is not None else "")
    soft = f" (soft, {c.shortfall_penalty} per missing person)" if c.shortfall_penalty is not None else ""
    return f"cover on {c.day or 'every day'}, {what}{skill}: {bound}{soft}"


def _rule(rule: object) -> str:
    kind = getattr(rule, "type", "rule")
    if kind == "count":
        per = ", ".join(rule.per) or "in total"  # type: ignore[attr-defined]
        bound = f"[{rule.min}, {'inf' if rule.max is None else rule.max}]"  # type: ignore[attr-defined]
        return f"count of assignments ({_selection(rule)}) per {per} in {bound}"  # type: ignore[arg-type]
    if kind == "cyclic_pattern":
        return f"cyclic pattern: {rule.on} days on, {rule.off} days off"  # type: ignore[attr-defined]
    if kind == "max_consecutive_days":
        return f"at most {rule.max_on} consecutive working days"  # type: ignore[attr-defined]
    if kind == "forbidden_sequence":
        return f"no shift {rule.then} on the day after shift {rule.first}"  # type: ignore[attr-defined]
    if kind == "unavailable":
        return f"unavailable: {_selection(rule)}"  # type: ignore[arg-type]
    if kind == "preference":
        return (f"preference ({rule.kind}, penalty {rule.penalty}): "  # type: ignore[attr-defined]
                f"{_selection(rule)}")  # type: ignore[arg-type]
    if kind == "meet":
        return f"any two staff share a shift at most {rule.max} times"  # type: ignore[attr-defined]
    return f"{kind.replace('_', ' ')} rule"


def roster_summary(problem: RosterProblem) -> str:
    """A compact description of a roster problem: staff, shifts, days, cover, rules, objective."""
    staff = ", ".join(f"{s.id} x{s.copies}" if s.copies > 1 else s.id for s in problem.staff)
    lines = [f"family: assignment (roster); {len(problem.people)} staff: {staff}",
             f"shifts: {', '.join(s.id for s in problem.shifts)}; days: {', '.join(problem.days)}"
             + ("; cyclic" if problem.cyclic else "") + f"; at most {problem.max_shifts_per_day} shift(s) a day"]
    lines += [_cover(c) for c in problem.cover]
    lines += [f"cost {c.cost} per assignment: {_selection(c)}" for c in problem.costs]
    lines += [f"rule: {_rule(r)}" for r in problem.rules]
    terms = " + ".join(f"{t.weight} * {t.term}" if t.weight != 1 else t.term for t in problem.objective)
    lines.append(f"objective: minimise {terms}" if terms else "objective: none (any feasible roster)")
    return "\n".join(lines)


def _linear_expr(terms: dict[str, float]) -> str:
    parts = []
    for name, coef in terms.items():
        c = int(coef) if float(coef).is_integer() else coef
        parts.append(f"{'- ' if c < 0 else '+ '}{abs(c) if abs(c) != 1 else ''}{'*' if abs(c) != 1 else ''}{name}")
    return " ".join(parts).removeprefix("+ ") or "0"


def linear_summary(model: LinearModel) -> str:
    """A compact description of a linear model: variables with bounds, constraints, objective."""
    lines = ["family: linear"]
    for v in model.variables:
        lo, hi = v.bounds
        lines.append(f"variable {v.name}: {v.kind}, {lo:g} <= {v.name} <= {hi:g}")
    for c in model.constraints:
        lines.append(f"constraint{' ' + c.name if c.name else ''}: {_linear_expr(c.terms)} {c.sense} {c.rhs:g}")
    obj = model.objective
    constant = f" + {obj.constant:g}" if obj.constant else ""
    lines.append(f"objective: {'maximise' if obj.sense == 'max' else 'minimise'} {_linear_expr(obj.terms)}{constant}")
    return "\n".join(lines)
