"""Shop scheduling heuristics on plain arrays: Giffler-Thompson generation, tabu search for the job shop,
NEH and iterated greedy for the permutation flow shop, and adapters to and from a Problem."""

from ordino.heuristics.shop.data import FlowData, ShopData, flow_from_problem, shop_from_problem, shop_schedule
from ordino.heuristics.shop.flowshop import insertion_makespans, iterated_greedy, makespan, neh
from ordino.heuristics.shop.gt import FEATURES, RULES, best_rule, generate, giffler_thompson
from ordino.heuristics.shop.tabu import TabuResult, tabu_search

__all__ = ["FEATURES", "RULES", "FlowData", "ShopData", "TabuResult", "best_rule", "flow_from_problem",
           "generate", "giffler_thompson", "insertion_makespans", "iterated_greedy", "makespan", "neh",
           "shop_from_problem", "shop_schedule", "tabu_search"]
