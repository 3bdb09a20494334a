"""Benchmark datasets: readers and writers of benchmark formats, generators, a registry of named sets with
best-known values, and label checks. Files come from the mirror (``ORDINO_DATA_MIRROR``), the cache
(``ORDINO_CACHE_DIR``) or a checksummed download: `mirror_dir`, `require_mirror` and `cache_dir` are the one
place those variables are read.

>>> from ordino.datasets import load_suite, load_instance
>>> j30 = load_suite("psplib-j30", limit=5)          # registry name (mirror, cache or download)
>>> ft06 = load_instance("jobshop.json#ft06")         # any file in a known format; file#name selects one
"""

from ordino.datasets.fjsp import write_fjsp
from ordino.datasets.generators import smtt_instance, taillard_jssp, taillard_pfsp
from ordino.datasets.instance import Deferred, Instance
from ordino.datasets.jobshop import write_jobshop_text
from ordino.datasets.labels import LabelIssue, check_instance, check_labels
from ordino.datasets.loader import OtherFamilyError, instance_from_bytes, iter_instances, load_instance, read_model
from ordino.datasets.registry import SUITES, Suite, describe, generated, known_labels, load_suite, suite
from ordino.datasets.sources import cache_dir, mirror_dir, require_mirror

__all__ = ["SUITES", "Deferred", "Instance", "LabelIssue", "OtherFamilyError", "Suite", "cache_dir",
           "check_instance", "check_labels", "describe", "generated", "instance_from_bytes", "iter_instances",
           "known_labels", "load_instance", "load_suite", "mirror_dir", "read_model", "require_mirror",
           "smtt_instance", "suite", "taillard_jssp", "taillard_pfsp", "write_fjsp", "write_jobshop_text"]
