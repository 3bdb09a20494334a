"""Batch solving: many instances, each in an isolated worker with a hard deadline, results in SQLite.

`batch(paths, ...)` expands files, folders, globs and archives into instances, solves each with each method
(locally in fresh processes, or on Ray), verifies every schedule, and commits one row per result as it
finishes, so an interrupted batch resumes where it stopped. `run_items(items, ...)` is the executor API
underneath, shared with `ordino bench`.
"""

from ordino.batching.items import WorkItem, expand
from ordino.batching.rows import Row, Summary, summarize
from ordino.batching.run import batch, oversubscription, run_items, run_pairs
from ordino.batching.store import ResultStore

__all__ = ["ResultStore", "Row", "Summary", "WorkItem", "batch", "expand", "oversubscription", "run_items",
           "run_pairs", "summarize"]
