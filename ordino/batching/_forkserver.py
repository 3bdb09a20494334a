"""Imported once in the fork server: load the solvers and the main module, then freeze the heap.

Workers fork from the server, so whatever is imported here is not imported again per task. CPython 3.11/3.12
mean to preload the parent's main module in the server but pass it under the wrong key, so every worker
re-runs the main script (and its imports); the parent hands its path over in ORDINO_FORKSERVER_MAIN instead.
`gc.freeze()` keeps the collector of a worker from touching (and so copying) the pages it shares with the server.
"""

import gc
import os

import ordino.batching  # noqa: F401
import ordino.datasets  # noqa: F401
import ordino.heuristics  # noqa: F401
import ordino.solvers  # noqa: F401
from ordino.solve import methods

methods()
_main = os.environ.pop("ORDINO_FORKSERVER_MAIN", None)
if _main:
    from multiprocessing import process, spawn

    # The flag multiprocessing.spawn.prepare sets while it imports a main module (an undocumented attribute).
    state = process.current_process().__dict__
    state["_inheriting"] = True
    try:
        spawn.import_main_path(_main)
    except Exception:  # noqa: BLE001 - the workers will import it themselves and report what fails
        pass
    finally:
        del state["_inheriting"]
gc.freeze()
