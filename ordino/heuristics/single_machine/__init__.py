"""Single-machine (weighted) total tardiness on plain numpy arrays.

Inputs are integer arrays ``p`` (processing times), ``d`` (due dates, may be negative) and optional ``w``
(weights, default ones); sequences are permutations of job indices. Time starts at 0, no release dates.
"""

from .evaluate import (
    adjacent_swap_gains,
    batch_total_weighted_tardiness,
    insertion_gains,
    move_to_end_values,
    swap_gains,
    total_tardiness,
    total_weighted_tardiness,
)
from .exact import (
    dp_subsets,
    emmons_precedences,
    lower_bound,
)
from .local_search import (
    adjacent_interchange,
    best_rule_start,
    dynasearch,
    dynasearch_pass,
    ils,
    insertion,
    pairwise_interchange,
    quick_start,
)
from .rules import RULES, atc, covert, edd, eddc, mdd, mddc, mddc_augmented, psk, spt, wspt

__all__ = [
    "RULES",
    "adjacent_interchange",
    "adjacent_swap_gains",
    "atc",
    "batch_total_weighted_tardiness",
    "best_rule_start",
    "covert",
    "dp_subsets",
    "dynasearch",
    "dynasearch_pass",
    "edd",
    "eddc",
    "emmons_precedences",
    "ils",
    "insertion",
    "insertion_gains",
    "lower_bound",
    "mdd",
    "mddc",
    "mddc_augmented",
    "move_to_end_values",
    "pairwise_interchange",
    "psk",
    "quick_start",
    "spt",
    "swap_gains",
    "total_tardiness",
    "total_weighted_tardiness",
    "wspt",
]
