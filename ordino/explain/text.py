"""An Explanation in short plain-English lines, with the model's own names (task, machine, job, staff, shift and
day ids exactly as given)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from ordino.explain.report import ChainStep, CoverState, Explanation, Reason, ResourceLoad, TardyJob

SHOWN = 8
"""At most this many names in one list of a line (the JSON has them all)."""


def explanation_lines(explanation: Explanation) -> list[str]:
    """The explanation as lines: the verifier's violations first (one line each), the objective and each term's
    cost, then the family's facts."""
    lines = []
    if explanation.violations:
        lines.append(f"This solution breaks {len(explanation.violations)} rule(s) of the model:")
        lines += [f"  {v.kind}: {v.message}" for v in explanation.violations]
    lines += objective_lines(explanation)
    if explanation.family == "scheduling":
        return lines + chain_lines(explanation) + load_lines(explanation) + tardy_lines(explanation)
    return lines + cover_lines(explanation) + penalty_lines(explanation) + limit_lines(explanation)


def names(items: list[str]) -> str:
    """Up to SHOWN names joined by commas, the last ones kept (the nearest in a sequence), and how many more."""
    if len(items) <= SHOWN:
        return ", ".join(items)
    return f"{len(items) - SHOWN} more, then " + ", ".join(items[-SHOWN:])


def number(value: int | float | None) -> str:
    """A value in full: whole numbers without a decimal point, money amounts with their (at most 4) decimals."""
    if value is None:
        return "unknown"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.4f}".rstrip("0")
    return str(int(value))


def timed(value: int | None, unit: str) -> str:
    """A time with the problem's time unit, when it has one."""
    return f"{value} {unit}" if unit else str(value)


def objective_lines(explanation: Explanation) -> list[str]:
    """The objective and, per term, value x weight = cost."""
    if not explanation.terms:
        return ["No objective: any solution that keeps the rules will do."]
    return [f"Objective {number(explanation.objective)}:",
            *(f"  {t.key} {number(t.value)} x weight {t.weight} = {number(t.cost)}" for t in explanation.terms)]


# --- schedules ----------------------------------------------------------------------------------------------

def chain_lines(explanation: Explanation) -> list[str]:
    """The critical chain, earliest task first, one line per task with why it could not start earlier."""
    chain = explanation.critical_chain
    if not chain:
        return ["No task runs."]
    what = "Makespan" if explanation.makespan_is_term else "The last task ends at"
    lines = [f"{what} {timed(explanation.makespan, explanation.time_unit)}; the chain of tasks that ends then, "
             "from its start:"]
    return lines + [f"  {step.task} on {', '.join(step.resources) or 'no resource'} {step.start}-{step.end}: "
                    f"{why(step)}" for step in chain]


def why(step: ChainStep) -> str:
    """Why a task of the chain could not start earlier, in words."""
    reason = step.reason
    return REASON_TEXT[reason.kind](reason)


def _precedence(r: Reason) -> str:
    """A precedence reason in words: which end of `after` it waits for (blocking and no-wait wait for its end)."""
    first_side, then_side = r.detail.split("_before_") if "_before_" in r.detail else ("end", "start")
    verb = {"end": "ends", "start": "starts"}
    lag = f" + lag {r.lag}" if r.lag else ""
    if r.detail in ("end_before_start", "blocking", "no_wait"):
        return f"waits for {r.after} to end at {r.since}{lag} ({r.detail})"
    return f"must {then_side} after {r.after} {verb[first_side]} at {r.since}{lag} ({r.detail})"


REASON_TEXT: dict[str, Callable[[Reason], str]] = {
    "precedence": _precedence,
    "machine": lambda r: f"waits for {r.after} on {r.resource} to end at {r.since}"
                         + (f" + setup {r.lag}" if r.lag else ""),
    "resource": lambda r: f"waits for {r.after} to free {r.resource} at {r.at} ({r.detail})",
    "release": lambda r: f"starts at its release {r.at}",
    "time_window": lambda r: f"its time window ({r.detail}) holds it to {r.at}",
    "unavailable": lambda r: f"waits for {r.resource} to be back at {r.at} (unavailable {r.detail})",
    "start": lambda r: "starts at 0",
    "rule": lambda r: f"one unit earlier it would break a rule: {r.detail}",
    "slack": lambda r: "could start earlier (slack)",
}
"""The words for each kind of reason (`ordino.explain.report.Reason`)."""


def load_lines(explanation: Explanation) -> list[str]:
    """The bottleneck resource and its load."""
    b = explanation.bottleneck
    return [] if b is None else [f"Bottleneck: {b.resource}, {describe_load(b, explanation.time_unit)}."]


def describe_load(load: ResourceLoad, unit: str) -> str:
    """A resource's load in words: busy time (machines) or demand x time (renewables) against what it has."""
    if load.kind == "machine":
        return f"busy {load.busy} of {timed(load.available, unit)} ({100 * load.load:.1f} %)"
    return (f"in use {100 * load.load:.1f} % up to the makespan (demand x time {load.busy} of capacity "
            f"{load.capacity} x {timed(load.available // load.capacity, unit)})")


def tardy_lines(explanation: Explanation) -> list[str]:
    """The late jobs (only when some job has a due date)."""
    if not explanation.due_jobs:
        return []
    late = explanation.tardy_jobs
    if not late:
        return [f"No job is late ({explanation.due_jobs} with a due date)."]
    return [f"Late: {len(late)} of {explanation.due_jobs} jobs with a due date:", *(tardy_line(j) for j in late)]


def tardy_line(job: TardyJob) -> str:
    """One late job: due, completion, lateness, weight, and what ran before its last task on its machines."""
    line = f"  {job.job}: due {job.due}, done {job.completion}, {job.lateness} late (weight {job.weight})"
    if job.last_task is None or not job.machines:
        return line
    ran = f"after {names(job.before)}" if job.before else "first"
    last = "" if job.last_task == job.job else f" its last task {job.last_task}"
    return f"{line};{last} on {', '.join(job.machines)} runs {ran}"


# --- rosters ------------------------------------------------------------------------------------------------

def cover_lines(explanation: Explanation) -> list[str]:
    """The binding cover (one line per requirement: each day and who meets it) and the cover below its minimum."""
    lines = []
    if explanation.binding_cover:
        lines.append("Cover met exactly at its minimum (one person fewer would fall short):")
        lines += [cover_line(group) for group in _by_cover(explanation.binding_cover)]
    if explanation.short_cover:
        lines.append("Cover below its minimum:")
        lines += [f"  {describe_cover(s)} on {s.day}: {s.count} of {s.minimum}"
                  + (f", penalty {s.penalty}" if s.penalty else "") for s in explanation.short_cover]
    return lines


def _by_cover(states: list[CoverState]) -> list[list[CoverState]]:
    """The states grouped by their cover requirement (they are listed requirement by requirement)."""
    return [list(group) for _, group in groupby(states, key=lambda s: s.cover)]


def cover_line(states: list[CoverState]) -> str:
    """One cover requirement at its minimum: the days, each with who meets it."""
    days = "; ".join(f"{s.day} {', '.join(_who(s))}" for s in states)
    return f"  {describe_cover(states[0])}, at least {states[0].minimum}: {days}"


def _who(state: CoverState) -> list[str]:
    """Who meets a cover requirement on its day, with their shift when the requirement names none."""
    if state.shift is not None:
        return [a.staff for a in state.assignments]
    return [f"{a.staff} ({a.shift})" for a in state.assignments]


def describe_cover(state: CoverState) -> str:
    """What a cover requirement counts: its shift, period or any shift, and its skill."""
    what = state.shift if state.shift is not None else f"period {state.period}" if state.period else "any shift"
    skill = f" with skill {state.skill}" if state.skill else ""
    return f"{state.cover} {what}{skill}"


def penalty_lines(explanation: Explanation) -> list[str]:
    """The preferences that cost, with the cells they charge."""
    lines = []
    for p in explanation.preference_costs:
        verb = "works" if p.kind == "avoid" else "does not work"
        cells = names([f"{c.staff} {verb} {c.shift} on {c.day}" for c in p.cells])
        lines.append(f"Preference {p.rule} ({p.kind}, {p.penalty} each) costs {p.cost}: {cells}")
    return lines


def limit_lines(explanation: Explanation) -> list[str]:
    """The rules met exactly at a limit, with who is at it."""
    return [f"Rule {r.rule} ({r.type}) at its {r.bound} of {r.limit}: {names(r.subjects)}"
            for r in explanation.rules_at_limit]
