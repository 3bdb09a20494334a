"""Shift cover written as notes: periods, a demand vector, shift types as windows or listed sets, the goal. Each
optimum is cross-checked by enumerating every staffing of the shift types."""

from __future__ import annotations

import itertools

import ordino
from ordino.formulate.offline import extract_offline
from ordino.formulate.offline.cover_notes import read_cover_notes
from ordino.models.linear import LinearModel
from tests.formulate.test_offline_structures import asked


def cheapest(demand: list[int], types: list[tuple[list[int], float]]) -> float:
    """Least cost over every count of people per type (0..max demand) covering each period (1-based)."""
    best = float("inf")
    for counts in itertools.product(range(max(demand) + 1), repeat=len(types)):
        if all(sum(k for k, (on, _) in zip(counts, types, strict=True) if p + 1 in on) >= need
               for p, need in enumerate(demand)):
            best = min(best, sum(k * cost for k, (_, cost) in zip(counts, types, strict=True)))
    return best


def solved(text: str) -> float:
    draft = extract_offline(text)
    assert isinstance(draft.problem, LinearModel), [q.text for q in draft.missing]
    result = ordino.solve(draft.problem, time_limit=10)
    assert result.status == "optimal"
    return result.objective


def test_windows_of_consecutive_periods_and_the_fewest_workers():
    text = ("Periods t = 1..4 (no wrap-around), demand b = (1, 2, 2, 1).\n"
            "Each worker does one shift: any 2 consecutive periods. Minimise number of workers.")
    assert solved(text) == cheapest([1, 2, 2, 1], [([1, 2], 1), ([2, 3], 1), ([3, 4], 1)]) == 3


def test_listed_types_on_a_cyclic_day_at_least_cost():
    text = ("4 periods of 6 h, cyclic.\nDemand b = (2, 1, 3, 1).\nShift types (periods covered; cost per worker):\n"
            "A {1,2} 10\nB {3,4} 12\nC {4,1} 9\nChoose integer numbers of workers per type so every period t has at "
            "least b_t on duty. Minimise total cost.")
    assert solved(text) == cheapest([2, 1, 3, 1], [([1, 2], 10), ([3, 4], 12), ([4, 1], 9)])


def test_a_window_that_may_or_may_not_wrap_is_asked():
    text = "Periods t = 1..4, demand b = (1, 2, 2, 1). Any 2 consecutive periods. Minimise number of workers."
    assert read_cover_notes(text) is None
    assert asked(text)


def test_a_demand_vector_of_the_wrong_length_is_asked():
    text = ("Periods t = 1..4 (no wrap-around), demand b = (1, 2, 2).\n"
            "Each worker does one shift: any 2 consecutive periods. Minimise number of workers.")
    assert read_cover_notes(text) is None
    assert asked(text)
