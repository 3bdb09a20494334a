"""Heuristics: dispatching rules, schedule generation and local search."""

from ordino.models.method import Method

METHODS: list[Method] = []

from ordino.heuristics.methods_shop import SHOP_METHODS  # noqa: E402

METHODS += SHOP_METHODS

__all__ = ["METHODS"]
