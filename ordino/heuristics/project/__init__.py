"""Project scheduling (RCPSP) heuristics: serial and parallel schedule generation with priority rules,
forward-backward improvement, and a compiled genetic algorithm over activity lists."""

from ordino.heuristics.project.data import ProjectData, project_from_problem, project_schedule
from ordino.heuristics.project.sgs import RULES, justify, parallel_sgs, priority_values, serial_sgs, sgs_search

__all__ = ["RULES", "ProjectData", "justify", "parallel_sgs", "priority_values", "project_from_problem",
           "project_schedule", "serial_sgs", "sgs_search"]
