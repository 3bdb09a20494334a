"""Heuristics: dispatching rules, schedule generation and local search, registered as solve methods."""

from ordino.heuristics.methods_shop import SHOP_METHODS
from ordino.heuristics.methods_single_machine import single_machine_methods
from ordino.heuristics.right_shift import RIGHT_SHIFT
from ordino.models.method import Method

METHODS: list[Method] = [*single_machine_methods(), *SHOP_METHODS, RIGHT_SHIFT]

__all__ = ["METHODS"]
