"""Heuristics: dispatching rules, schedule generation and local search."""

from ordino.models.method import Method

METHODS: list[Method] = []

__all__ = ["METHODS"]
