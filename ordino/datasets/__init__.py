"""Benchmark datasets: readers and writers of benchmark formats, generators, a registry of named sets with
best-known values, and label checks."""

from ordino.datasets.instance import Instance
from ordino.datasets.loader import instance_from_bytes, iter_instances, load_instance
from ordino.datasets.registry import SUITES, Suite, describe, generated, known_labels, load_suite, suite

__all__ = ["SUITES", "Instance", "Suite", "describe", "generated", "instance_from_bytes", "iter_instances",
           "known_labels", "load_instance", "load_suite", "suite"]
