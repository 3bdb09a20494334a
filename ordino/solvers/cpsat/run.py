"""Run CP-SAT the one way every ordino model does: our parameters, our status names, and Ctrl-C.

OR-Tools catches SIGINT itself by default and leaves its handler installed after the solve, so a later
Ctrl-C killed the whole process without a word (no rows kept, no summary). Here OR-Tools never touches
SIGINT: the search runs in a helper thread while the main thread waits, and on Ctrl-C the main thread
stops the search, waits for it to end, and raises `Interrupted` so that the caller keeps what was found.
"""

from __future__ import annotations

import threading

from ortools.sat.python import cp_model

from ordino.errors import Interrupted, SolverError

STATUS = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.UNKNOWN: "unknown",
}


def cpsat_solver(time_limit: float, workers: int = 0, seed: int = 0, log: bool = False) -> cp_model.CpSolver:
    """A CP-SAT solver with a wall-clock limit, threads (0 = all cores), a seed, and SIGINT left to Python."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, float(time_limit))
    solver.parameters.num_workers = int(workers)
    solver.parameters.random_seed = int(seed)
    solver.parameters.log_search_progress = log
    solver.parameters.catch_sigint_signal = False
    return solver


def run_cpsat(solver: cp_model.CpSolver, model: cp_model.CpModel) -> cp_model.CpSolverStatus:
    """Solve and return the CP-SAT status. On Ctrl-C the search is stopped and `Interrupted` raised,
    carrying the status code reached (the solver still holds the best solution found). A model CP-SAT
    rejects is our bug, raised as a SolverError with CP-SAT's reason."""
    statuses: list[cp_model.CpSolverStatus] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def search() -> None:
        try:
            statuses.append(solver.solve(model))
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread below
            failures.append(exc)
        finally:
            done.set()

    threading.Thread(target=search, name="cp-sat", daemon=True).start()
    try:
        while not done.wait(0.05):
            pass
    except KeyboardInterrupt:
        # asked again until the search has ended: a stop sent before CP-SAT has set its search up (a loaded
        # machine can take seconds to get there) is lost, and the search would run to its time limit
        solver.stop_search()
        while not done.wait(0.1):
            solver.stop_search()
        raise Interrupted(code=statuses[0].value if statuses else None) from None
    if failures:
        raise failures[0]
    if statuses[0] == cp_model.MODEL_INVALID:
        raise SolverError(f"cp-sat rejected the model ({model.validate()}); please report it")
    return statuses[0]
