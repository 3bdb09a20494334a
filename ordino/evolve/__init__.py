"""Heuristic evolution: run -> review -> fix or improve, with genetic programming (offline) or an LLM.

Public API
----------
evolve(config, archive=None, resume=False, progress=None, client=None) -> EvolveReport
    Run or resume an evolution (see `EvolveConfig`).
save_heuristic, load_heuristic, evolved_method
    Ship the best heuristic as a readable file and use it as a solve method (``-m evolved:PATH``, or
    ``ordino.solve.register_method(evolved_method(path, name))`` under a name of your own).
plot_convergence
    Best and mean gap per generation as a PNG.
evaluate_candidates, check_code
    The sandbox and its static guard, usable on their own.
"""

from ordino.evolve.adapter_base import Score
from ordino.evolve.adapters import ProblemAdapter, SmttAdapter, adapter_for
from ordino.evolve.archive import Archive, CandidateRow
from ordino.evolve.guard import CodeRejected, check_code
from ordino.evolve.loop import EvolveConfig, EvolveReport, evolve
from ordino.evolve.output import EvolvedHeuristic, load_heuristic, plot_convergence, save_heuristic
from ordino.evolve.sandbox import CandidateResult, Limits, evaluate_candidates, sandbox_info
from ordino.evolve.warm import evolved_method

__all__ = [
    "Archive", "CandidateResult", "CandidateRow", "CodeRejected", "EvolveConfig", "EvolveReport",
    "EvolvedHeuristic", "Limits", "ProblemAdapter", "Score", "SmttAdapter", "adapter_for", "check_code",
    "evaluate_candidates", "evolve", "evolved_method", "load_heuristic", "plot_convergence", "sandbox_info",
    "save_heuristic",
]
