"""Hand-written ground truth for the roster and linear corpus: each text with the model it means, built by hand.

Run ``python tests/formulate/corpus/families.py`` to solve every model and write ``families.jsonl``
({"id", "family", "text", "expected_objective", "problem"}). The models are written out here as dicts, never
produced by the formulator, so the corpus tests it.
"""

from __future__ import annotations

import json
from pathlib import Path

from ordino import solve
from ordino.models import model_from_dict

HERE = Path(__file__).resolve().parent
WEEK = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def cyclic(demands: list[int], on: int, off: int) -> dict:
    """Cover per day with an on/off pattern, minimise the number of staff (pool: the largest demand starting on
    each of ceil(days / on) spread days covers every day)."""
    days = WEEK if len(demands) == 7 else [f"D{k}" for k in range(1, len(demands) + 1)]
    pool = max(demands) * -(-len(days) // on)
    return {"schema": "ordino/1", "family": "assignment", "staff": [{"id": "W", "copies": pool}],
            "shifts": [{"id": "day"}], "days": days, "cyclic": True,
            "cover": [{"day": d, "min": v} for d, v in zip(days, demands, strict=True)],
            "rules": [{"type": "cyclic_pattern", "on": on, "off": off}], "objective": [{"term": "staff_count"}]}


def shifts(n_staff: int | None, n_days: int, need: dict[str, int | list[int]], rules: list[dict],
           objective: list[dict], pool: int | None = None) -> dict:
    """Named shifts with demands (every day or per day), a staff count and rules."""
    days = WEEK if n_days == 7 else [f"D{k}" for k in range(1, n_days + 1)]
    cover = []
    for s, v in need.items():
        cover += ([{"shift": s, "day": d, "min": x} for d, x in zip(days, v, strict=True)] if isinstance(v, list)
                  else [{"shift": s, "min": v}])
    count = n_staff if n_staff is not None else pool
    staff = [{"id": "S" if n_staff is not None else "W", "copies": count}]
    return {"schema": "ordino/1", "family": "assignment", "staff": staff, "shifts": [{"id": s} for s in need],
            "days": days, "cyclic": False, "cover": cover, "rules": rules, "objective": objective}


def lp(variables: list[str], constraints: list[tuple[dict, str, float]], sense: str, objective: dict,
       kind: str = "integer", bounds: dict | None = None) -> dict:
    """A linear model from coefficient maps."""
    bounds = bounds or {}
    return {"schema": "ordino/1", "family": "linear",
            "variables": [{"name": v, "kind": kind, **bounds.get(v, {})} for v in variables],
            "constraints": [{"terms": t, "sense": s, "rhs": r} for t, s, r in constraints],
            "objective": {"sense": sense, "terms": objective}}


CASES = [
    ("roster-week-list", "A store needs at least 15, 13, 15, 18, 14, 16, 10 workers on the seven days of the "
     "week. Each worker works 5 consecutive days then 2 off. Minimize the number of workers.",
     cyclic([15, 13, 15, 18, 14, 16, 10], 5, 2)),
    ("roster-weekday-names", "A hospital laundry needs Monday 6, Tuesday 5, Wednesday 5, Thursday 7, Friday 8, "
     "Saturday 3 and Sunday 2 staff. Every employee works five consecutive days and then has two days off. "
     "What is the minimum number of employees to hire?", cyclic([6, 5, 5, 7, 8, 3, 2], 5, 2)),
    ("roster-4-3", "A security firm needs 4 guards on Monday, 4 on Tuesday, 5 on Wednesday, 5 on Thursday, "
     "6 on Friday, 7 on Saturday and 7 on Sunday. Each guard works 4 consecutive days and then has 3 days off. "
     "Minimize the number of guards.", cyclic([4, 4, 5, 5, 6, 7, 7], 4, 3)),
    ("roster-table", "Staff needed per day of the week:\n| Day | Staff |\n| Monday | 9 |\n| Tuesday | 9 |\n"
     "| Wednesday | 8 |\n| Thursday | 10 |\n| Friday | 12 |\n| Saturday | 6 |\n| Sunday | 4 |\n"
     "Each staff member works five consecutive days, then two days off. Find the minimum number of staff.",
     cyclic([9, 9, 8, 10, 12, 6, 4], 5, 2)),
    ("roster-nurses-day-night", "There are 8 nurses. Over 7 days, the day shift needs 3 nurses and the night "
     "shift needs 2 nurses. Each nurse works at most 5 shifts, and no day shift right after a night shift. "
     "Minimize the number of nurses used.",
     shifts(8, 7, {"day": 3, "night": 2}, [{"type": "count", "per": ["staff"], "max": 5},
                                           {"type": "forbidden_sequence", "first": "night", "then": "day"}],
            [{"term": "staff_count"}])),
    ("roster-per-day-demands", "We have 6 operators. Over 5 days, the morning shift needs 2, 3, 2, 3, 2 operators "
     "and the night shift needs 1, 1, 2, 1, 1 operators. Each operator works at most 3 shifts and no morning "
     "shift right after a night shift. Minimize the number of operators used.",
     shifts(6, 5, {"morning": [2, 3, 2, 3, 2], "night": [1, 1, 2, 1, 1]},
            [{"type": "count", "per": ["staff"], "max": 3},
             {"type": "forbidden_sequence", "first": "night", "then": "morning"}], [{"term": "staff_count"}])),
    ("roster-feasible-only", "A team of 5 agents covers a help desk over 7 days. The day shift needs 2 agents and "
     "the evening shift needs 1 agent. Each agent works at most 5 shifts and at least 3 shifts.",
     shifts(5, 7, {"day": 2, "evening": 1}, [{"type": "count", "per": ["staff"], "max": 5},
                                             {"type": "count", "per": ["staff"], "min": 3}], [])),
    ("linear-chairs-tables", "A workshop builds chairs and tables. A chair takes 2 hours of carpentry and 1 hour "
     "of painting; a table takes 3 hours of carpentry and 2 hours of painting. There are 120 carpentry hours and "
     "70 painting hours. A chair earns $40 and a table $70. How many of each should be built to maximize profit?",
     lp(["chair", "table"], [({"chair": 2, "table": 3}, "<=", 120), ({"chair": 1, "table": 2}, "<=", 70)],
        "max", {"chair": 40, "table": 70})),
    ("linear-bakery", "A bakery bakes bread and cakes. Each batch of bread requires 3 kg of flour and 1 hour of "
     "oven time, and each batch of cakes requires 2 kg of flour and 2 hours of oven time. There are at most 60 kg "
     "of flour and at most 40 hours of oven time. The profit per batch of bread is $25 and the profit per batch of "
     "cakes is $30. How many batches of each should be baked to maximize profit?",
     lp(["bread", "cake"], [({"bread": 3, "cake": 2}, "<=", 60), ({"bread": 1, "cake": 2}, "<=", 40)],
        "max", {"bread": 25, "cake": 30})),
    ("linear-workers-budget", "A warehouse employs pickers and packers. A picker works 7 hours per shift and gets "
     "paid $140. A packer works 5 hours per shift and gets paid $90. The warehouse needs 350 hours of labor. If "
     "the warehouse has a budget of $7000, how many of each should be scheduled to minimize the total number of "
     "workers?",
     lp(["picker", "packer"], [({"picker": 7, "packer": 5}, ">=", 350), ({"picker": 140, "packer": 90}, "<=", 7000)],
        "min", {"picker": 1, "packer": 1})),
    ("linear-vans-trucks", "A mover can use vans or trucks. A van can carry 8 boxes while a truck can carry 20 "
     "boxes. The mover must move at least 300 boxes. There must be more vans than trucks. There must be at least "
     "4 trucks. How many of each should be scheduled to minimize the total number of vehicles?",
     lp(["van", "truck"], [({"van": 8, "truck": 20}, ">=", 300), ({"van": 1, "truck": -1}, ">=", 1)],
        "min", {"van": 1, "truck": 1}, bounds={"truck": {"lower": 4}})),
    ("linear-food-stall", "A food stall sells wraps and bowls. They must sell at least 20 wraps and at least 10 "
     "bowls. They can make at most 60 wraps and at most 40 bowls, and at most 80 items in total. The profit per "
     "wrap is $4 and the profit per bowl is $5. How many of each should they sell to maximize profit?",
     lp(["wrap", "bowl"], [({"wrap": 1, "bowl": 1}, "<=", 80)], "max", {"wrap": 4, "bowl": 5},
        bounds={"wrap": {"lower": 20, "upper": 60}, "bowl": {"lower": 10, "upper": 40}})),
    ("linear-shuttle-share", "A resort schedules shuttle buses and cars. A bus carries 30 guests and costs $200 "
     "per trip. A car carries 6 guests and costs $50 per trip. At least 240 guests must be moved. At most 40% of "
     "the trips can be cars. How many trips of each should be scheduled to minimize cost?",
     lp(["bus", "car"], [({"bus": 30, "car": 6}, ">=", 240), ({"bus": -0.4, "car": 0.6}, "<=", 0)],
        "min", {"bus": 200, "car": 50})),
]
# texts that must NOT produce a model: something is missing or unreadable (the formulator has to ask)
ASK = [
    ("roster-ask-cover", "Each worker works 5 consecutive days then 2 off. Minimize the number of workers needed "
     "over a week."),
    ("roster-ask-staff", "Over 7 days, the day shift needs 3 nurses and the night shift needs 2 nurses. Each nurse "
     "works at most 5 shifts."),
    ("linear-ask-coefficient", "A workshop builds chairs and tables. A chair takes 2 hours of carpentry and 1 hour "
     "of painting; a table takes 3 hours of carpentry. There are 120 carpentry hours and 70 painting hours. A chair "
     "earns $40 and a table $70. How many of each should be built to maximize profit?"),
    ("linear-ask-unused", "A farm grows wheat and corn. Each acre of wheat needs 3 hours of labor and each acre of "
     "corn needs 2 hours of labor. There are 240 hours of labor and 100 acres of land. Wheat earns $200 per acre "
     "and corn earns $300 per acre. How many acres of each should be planted to maximize profit?"),
]


def build() -> list[dict]:
    """Solve each hand-built model; one corpus row per text."""
    rows = []
    for case_id, text, data in CASES:
        model = model_from_dict(data, source=case_id)
        result = solve(model, time_limit=30)
        assert result.status == "optimal", (case_id, result.status)
        rows.append({"id": case_id, "family": data["family"], "text": text, "expected_objective": result.objective,
                     "problem": data})
    rows += [{"id": case_id, "family": "ask", "text": text, "expected_objective": None, "problem": None}
             for case_id, text in ASK]
    return rows


if __name__ == "__main__":
    lines = [json.dumps(r) for r in build()]
    (HERE / "families.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} cases")
