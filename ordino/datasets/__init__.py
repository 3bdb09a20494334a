"""Benchmark datasets: readers and writers of benchmark formats, generators, a registry of named sets with
best-known values, and label checks."""

from ordino.datasets.instance import Instance
from ordino.datasets.loader import instance_from_bytes, iter_instances, load_instance

__all__ = ["Instance", "instance_from_bytes", "iter_instances", "load_instance"]
