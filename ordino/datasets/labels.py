"""Label checks: catch benchmark labels that a verified schedule or another bound contradicts.

A published "optimum" that a verified schedule beats is wrong (the 500-job set of the EDDC/MDDC paper has
optima permuted within classes); a lower bound above a best-known value is wrong; a proven solver bound above
a stated best-known value contradicts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ordino.datasets.instance import Instance
from ordino.models import Result

IssueKind = Literal["beats_optimum", "beats_lower_bound", "new_best_known", "bounds_contradict",
                    "bound_above_best_known", "optimum_above_label"]


@dataclass(frozen=True)
class LabelIssue:
    """One contradiction between an instance's labels and a result (or between two labels).

    `severity` is "error" when a label is certainly wrong (given a verified schedule or a proven bound) and
    "info" for news that is not a contradiction (a new best known value).
    """

    kind: IssueKind
    severity: Literal["error", "info"]
    message: str


def check_instance(instance: Instance) -> list[LabelIssue]:
    """Contradictions inside the labels themselves (lower bound above best known, optimal without value)."""
    lb, ub = instance.lower_bound, instance.best_known
    if lb is not None and ub is not None and lb > ub:
        return [LabelIssue("bounds_contradict", "error",
                           f"{instance.name}: stated lower bound {lb} exceeds stated best known {ub}")]
    return []


def check_labels(instance: Instance, result: Result) -> list[LabelIssue]:
    """Contradictions between `instance`'s labels and a result whose schedule was verified.

    Only results with a schedule and no violations count as evidence; a result's `bound` counts only when
    the result says it is proven (status optimal, or a bound reported by an exact method).
    """
    issues = check_instance(instance)
    verified = result.schedule is not None and not result.violations and result.status in ("optimal", "feasible")
    value = result.objective
    name = instance.name
    if verified and value is not None:
        best, lb = instance.best_known, instance.lower_bound
        scope = instance.meta.get("label_scope")
        if best is not None and value < best:
            if scope:
                issues.append(LabelIssue("new_best_known", "info",
                                         f"{name}: verified objective {value} is below {best}, which is stated for "
                                         f"the {scope} only (not a contradiction)"))
            elif instance.optimal:
                issues.append(LabelIssue("beats_optimum", "error",
                                         f"{name}: verified schedule with objective {value} beats the stated "
                                         f"optimum {best} (label error)"))
            else:
                issues.append(LabelIssue("new_best_known", "info",
                                         f"{name}: verified objective {value} improves the best known {best}"))
        if lb is not None and value < lb and not scope and not (instance.optimal and best is not None
                                                                 and value < best):
            issues.append(LabelIssue("beats_lower_bound", "error",
                                     f"{name}: verified objective {value} is below the stated lower bound {lb} "
                                     f"(label error)"))
        if result.status == "optimal" and best is not None and instance.optimal and value > best:
            issues.append(LabelIssue("optimum_above_label", "error",
                                     f"{name}: {result.method or 'the solver'} proved optimum {value} but the stated "
                                     f"optimum {best} is lower (label or solver error)"))
    if result.bound is not None and instance.best_known is not None and result.bound > instance.best_known + 1e-6 \
            and result.status in ("optimal", "feasible") and not instance.meta.get("label_scope"):
        issues.append(LabelIssue("bound_above_best_known", "error",
                                 f"{name}: proven bound {result.bound:g} exceeds the stated best known "
                                 f"{instance.best_known} (label or solver error)"))
    return issues


def label_flag(issues: list[LabelIssue]) -> str:
    """A short column value: "ok", or the issue kinds joined by '+' (errors first)."""
    if not issues:
        return "ok"
    ordered = sorted(issues, key=lambda i: i.severity != "error")
    return "+".join(dict.fromkeys(i.kind for i in ordered))
