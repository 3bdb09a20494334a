"""The offline formulator on rostering and allocation texts: the expected optimum, or a question (never a guess)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from ordino import solve
from ordino.formulate import formulate
from ordino.formulate.offline import detect_family, extract_offline
from ordino.models import LinearModel, RosterProblem, model_from_dict
from ordino.verify import verify

HERE = Path(__file__).resolve().parent / "corpus"
CASES = [json.loads(line) for line in (HERE / "families.jsonl").read_text().splitlines() if line.strip()]
MODELS = [c for c in CASES if c["family"] != "ask"]
ASKS = [c for c in CASES if c["family"] == "ask"]
TYPES = {"assignment": RosterProblem, "linear": LinearModel}


def test_corpus_covers_both_families() -> None:
    assert sum(c["family"] == "assignment" for c in MODELS) >= 6
    assert sum(c["family"] == "linear" for c in MODELS) >= 6
    assert len(ASKS) >= 4 and len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", MODELS, ids=[c["id"] for c in MODELS])
def test_offline_reproduces_expected_objective(case: dict) -> None:
    draft = extract_offline(case["text"])
    assert draft.missing == [], [q.text for q in draft.missing]
    assert isinstance(draft.problem, TYPES[case["family"]]) and draft.family == case["family"]
    result = solve(draft.problem, time_limit=20)
    assert result.status == "optimal"
    solution = result.roster if case["family"] == "assignment" else result.solution
    assert verify(draft.problem, solution).violations == []
    assert result.objective == pytest.approx(case["expected_objective"])


@pytest.mark.parametrize("case", ASKS, ids=[c["id"] for c in ASKS])
def test_offline_asks_instead_of_guessing(case: dict) -> None:
    draft = extract_offline(case["text"])
    assert draft.problem is None and draft.missing
    assert detect_family(case["text"]) is not None


def test_stored_ground_truth_still_has_the_stored_optimum() -> None:
    for case in MODELS[::4]:
        result = solve(model_from_dict(case["problem"]), time_limit=20)
        assert result.objective == pytest.approx(case["expected_objective"]), case["id"]


def test_formulate_offline_end_to_end_for_both_families() -> None:
    small = next(c for c in MODELS if c["id"] == "roster-weekday-names")
    roster = formulate(small["text"], engine="offline", time_limit=10)
    assert roster.status == "optimal" and roster.family == "assignment"
    assert roster.objective == small["expected_objective"] and roster.to_json()["roster"]["assignments"]
    linear = next(c for c in MODELS if c["family"] == "linear")
    f = formulate(linear["text"], engine="offline", time_limit=10)
    assert f.status == "optimal" and f.family == "linear" and f.objective == pytest.approx(linear["expected_objective"])
    assert "family: linear" in next(e for e in f.transcript if e["stage"] == "validate")["summary"]


def test_missing_parts_are_questions_listing_them() -> None:
    text = next(c for c in ASKS if c["id"] == "linear-ask-coefficient")["text"]
    linear = formulate(text, engine="offline")
    assert linear.status == "needs_input" and any("painting hours does each table" in q.text
                                                  for q in linear.questions)
    text = next(c for c in ASKS if c["id"] == "roster-ask-staff")["text"]
    unasked = formulate(text, engine="offline")
    assert unasked.status == "needs_input" and any("How many staff are available" in q.text
                                                   for q in unasked.questions)
    asked: list[str] = []
    roster = formulate(text, engine="offline", ask=lambda q: asked.append(q.text) or "7")  # 35 shifts: 7 x 5
    assert asked == ["How many staff are available?"] and roster.status == "optimal"
    assert verify(roster.problem, roster.result.roster).feasible


def test_scheduling_texts_are_not_routed_to_the_new_families() -> None:
    for text in ("4 jobs on one machine, processing times 3 2 4 1, due dates 4 6 8 3, minimize total tardiness",
                 "Three jobs on two machines in a flow shop; how many hours does it take at least? minimize makespan"):
        assert detect_family(text) is None


def _cheapest_week(pay: dict[str, int], need: list[int], off: dict[str, set[int]], most: dict[str, int]) -> int:
    """Brute force: each day picks its crew; every person's days within `most`, never on a day off."""


    best = None

    def search(day: int, worked: dict[str, int], cost: int) -> None:
        nonlocal best
        if best is not None and cost >= best:
            return
        if day == len(need):
            best = cost
            return
        free = [p for p in pay if day not in off.get(p, set()) and worked[p] < most[p]]
        for crew in itertools.combinations(free, need[day]):
            search(day + 1, {p: worked[p] + (p in crew) for p in pay}, cost + sum(pay[p] for p in crew))

    search(0, dict.fromkeys(pay, 0), 0)
    assert best is not None
    return best


def test_a_week_of_named_pay_with_two_rules_in_one_sentence():
    text = ("I run a bakery counter, open Monday to Saturday. I need 2 people working each day Monday to Friday and 3 "
            "on Saturday. My four staff and what I pay them per day: Ada $100, Ben $90, Cy $70, Dee $60. Ben can't do "
            "Thursdays, and Dee has classes on Mondays and Fridays. Nobody should work more than 4 days this week, "
            "and Dee no more than 3. What's the cheapest wage bill for the week?")
    draft = extract_offline(text)
    assert isinstance(draft.problem, RosterProblem), [q.text for q in draft.missing]
    result = solve(draft.problem)
    expected = _cheapest_week({"Ada": 100, "Ben": 90, "Cy": 70, "Dee": 60}, [2, 2, 2, 2, 2, 3],
                              {"Ben": {3}, "Dee": {0, 4}}, {"Ada": 4, "Ben": 4, "Cy": 4, "Dee": 3})
    assert result.status == "optimal" and result.objective == expected
    # a clause the reader cannot read about a named person is asked, even beside one it did read
    assert extract_offline(text.replace("Dee has classes on", "Dee prefers evenings on")).problem is None


def _cheapest_cover(need: list[int], cost: dict[int, float], span: int, cyclic: bool = False) -> float:
    """Brute force: how many people start at each allowed period `s` (at `cost[s]` each), every one working `span`
    consecutive periods (round the end of the day when `cyclic`), so that every period has its `need`."""
    n, best = len(need), None
    for counts in itertools.product(range(max(need) + 1), repeat=len(cost)):
        starting = dict(zip(cost, counts, strict=True))
        if all(sum(k for s, k in starting.items() if ((p - s) % n if cyclic else p - s) in range(span)) >= need[p]
               for p in range(n)):
            value = sum(cost[s] * k for s, k in starting.items())
            best = value if best is None else min(best, value)
    assert best is not None
    return best


@pytest.mark.parametrize("text", [
    "A ward needs nurses per 4-hour block, every day:\n07:00-11:00: 6\n11:00-15:00: 5\n15:00-19:00: 7\n"
    "19:00-23:00: 4\n23:00-03:00: 3\n03:00-07:00: 2\nEach nurse works one 8-hour shift. What is the minimum "
    "number of nurses per day?",
])
def test_periods_that_run_past_midnight_wrap_round(text: str):
    draft = extract_offline(text)
    assert isinstance(draft.problem, LinearModel), [q.text for q in draft.missing]
    best = _cheapest_cover([6, 5, 7, 4, 3, 2], dict.fromkeys(range(6), 1), span=2, cyclic=True)
    assert solve(draft.problem).objective == best


def test_shift_costs_by_start_hour_and_a_space_separated_demand_vector():
    text = ("Shift covering, one day 06:00-14:00 in 2h periods.\n"
            "req per period (06-08, 08-10, 10-12, 12-14) = 2 4 3 1\n"
            "Shifts = 4h (2 consecutive periods).\nCost/shift: start 06 -> 100; start 08, 10 -> 90.\n"
            "Min total cost s.t. staff on duty >= req in every period.")
    draft = extract_offline(text)
    assert isinstance(draft.problem, LinearModel), [q.text for q in draft.missing]
    # starts 06, 08, 10: a shift of two periods that ends by 14:00
    best = _cheapest_cover([2, 4, 3, 1], {0: 100, 1: 90, 2: 90}, span=2)
    assert solve(draft.problem).objective == best


def test_agents_working_consecutive_hours_named_by_slots_in_brackets():
    text = ("A call centre needs at least these agents per 4-hour slot: 00-04: 2, 04-08: 3, 08-12: 8, 12-16: 7, "
            "16-20: 6, 20-24: 4. Each agent works 8 consecutive hours (two slots), starting at the start of any slot "
            "and wrapping round midnight. Minimise the number of agents.")
    draft = extract_offline(text)
    assert isinstance(draft.problem, LinearModel), [q.text for q in draft.missing]
    best = _cheapest_cover([2, 3, 8, 7, 6, 4], dict.fromkeys(range(6), 1), span=2, cyclic=True)
    assert solve(draft.problem).objective == best


def test_a_staff_table_with_the_same_need_every_day_of_a_span():
    text = ("Roster for Mon-Fri, one shift per day, 2 people needed each day.\n| Name | Pay per day | Unavailable |\n"
            "|---|---|---|\n| Ann | 100 | Mon |\n| Bob | 90 | Wed, Thu |\n| Cat | 120 | - |\n| Dan | 80 | Fri |\n"
            "Each person works at most 3 days. Minimise total pay.")
    draft = extract_offline(text)
    assert isinstance(draft.problem, RosterProblem), [q.text for q in draft.missing]
    expected = _cheapest_week({"Ann": 100, "Bob": 90, "Cat": 120, "Dan": 80}, [2] * 5,
                              {"Ann": {0}, "Bob": {2, 3}, "Dan": {4}}, dict.fromkeys(("Ann", "Bob", "Cat", "Dan"), 3))
    assert solve(draft.problem).objective == expected


@pytest.mark.parametrize(("starts", "allowed"), [("start at 8, 10 or 12", (0, 1, 2)),
                                                 ("start at 8 or 12 only", (0, 2))])
def test_the_listed_shift_starts_only_and_costs_said_per_start(starts: str, allowed: tuple[int, ...]):
    text = ("Staff needed per 2-hour period: 8-10: 3, 10-12: 5, 12-14: 6, 14-16: 4. Shifts are 4 hours long and "
            f"{starts}. A shift starting at 8 costs 80, at 10 costs 90, at 12 costs 85. Minimise the total cost.")
    draft = extract_offline(text)
    assert isinstance(draft.problem, LinearModel), [q.text for q in draft.missing]
    best = _cheapest_cover([3, 5, 6, 4], {s: {0: 80, 1: 90, 2: 85}[s] for s in allowed}, span=2)
    assert solve(draft.problem).objective == best
    assert extract_offline(text.replace(starts, "start at 9 or 12")).problem is None  # 9 starts no period
    assert extract_offline(text.replace(starts, "start at 8 or 10")).problem is None  # nothing covers 14-16


def test_a_job_worth_more_is_weighted():
    draft = extract_offline("One laser cutter. Job A takes 3 hours and is worth 2 to us, B takes 1 hour (worth 1), C "
                            "takes 2 hours (worth 4). Minimise the weighted sum of completion times.")
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert [t.weight for t in draft.problem.tasks] == [2, 1, 4]


def test_a_general_need_over_a_span_and_named_days_that_need_more():
    text = ("We need one person each day Monday to Sunday and two on Saturday and Sunday. Staff: Kim $100/day, "
            "Lee $90/day, Max $110/day. Kim doesn't work weekends. Each person works at most 5 days. Minimise the "
            "wage bill.")
    draft = extract_offline(text)
    assert isinstance(draft.problem, RosterProblem), [q.text for q in draft.missing]
    expected = _cheapest_week({"Kim": 100, "Lee": 90, "Max": 110}, [1, 1, 1, 1, 1, 2, 2], {"Kim": {5, 6}},
                              dict.fromkeys(("Kim", "Lee", "Max"), 5))
    assert solve(draft.problem).objective == expected


def test_two_named_shifts_a_day_over_a_span_with_one_person_each():
    text = ("Roster for Monday to Wednesday with a morning and an evening shift each day. Each shift needs 1 person. "
            "Staff: Ana $80/shift, Ben $70/shift, Cleo $90/shift. Nobody works both shifts on the same day. Ben cannot "
            "work on Tuesday. Each person works at most 3 shifts. Minimise total cost.")
    draft = extract_offline(text)
    assert isinstance(draft.problem, RosterProblem), [q.text for q in draft.missing]
    assert draft.problem.days == ["Mon", "Tue", "Wed"]
    # one shift a day each: Ben on Monday and Wednesday (140), Ana every day (240), Cleo the last shift (90)
    assert solve(draft.problem).objective == 470


def test_a_person_listed_without_pay_is_asked_never_dropped():
    text = ("Roster Monday to Friday, 2 people each day. Staff: Ann $100/day, Bob $90/day, Cat $80/day. Each works at "
            "most 4 days. Minimise total pay.")
    draft = extract_offline(text)
    assert isinstance(draft.problem, RosterProblem), [q.text for q in draft.missing]
    assert solve(draft.problem).objective == _cheapest_week({"Ann": 100, "Bob": 90, "Cat": 80}, [2] * 5, {},
                                                             dict.fromkeys(("Ann", "Bob", "Cat"), 4))
    draft = extract_offline(text.replace("Cat $80/day", "Cat"))  # dropping Cat made the roster 'infeasible'
    assert draft.problem is None and any("Cat" in q.text for q in draft.missing)


def test_four_hour_blocks_on_the_even_hours():
    text = ("We're open 8:00 to 16:00; minimum agents per hour: 8-9: 3, 9-10: 5, 10-11: 6, 11-12: 6, 12-13: 4, "
            "13-14: 5, 14-15: 7, 15-16: 7. Everyone works a 4-hour block, and HR only lets blocks start on the even "
            "hours: 8:00, 10:00 or 12:00. What is the smallest number of agents we need?")
    draft = extract_offline(text)
    assert isinstance(draft.problem, LinearModel), [q.text for q in draft.missing]
    # blocks start at 8:00, 10:00 and 12:00 and cover four hours
    best = _cheapest_cover([3, 5, 6, 6, 4, 5, 7, 7], dict.fromkeys((0, 2, 4), 1), span=4)
    assert solve(draft.problem).objective == best


def test_pay_lines_that_carry_each_person_s_rules_and_pronouns():
    text = ("Monday to Friday, one shift a day, and I need 2 people on the desk every day. I've got four people:\n\n"
            "Anna - $150 a day, can do at most 4 days, and she's off on Monday (dentist).\n"
            "Ben - $130 a day, max 3 days, can't do Wednesday.\nCarla - $170 a day, happy to work all 5 days.\n"
            "Dev - $120 a day, max 3 days, and he's not available Monday or Tuesday.\n\n"
            "What's the cheapest total wage bill for the week?")
    draft = extract_offline(text)
    assert isinstance(draft.problem, RosterProblem), [q.text for q in draft.missing]
    assert all(c.min == 2 for c in draft.problem.cover)  # '$150 a day' is a pay, never 150 people a day
    expected = _cheapest_week({"Anna": 150, "Ben": 130, "Carla": 170, "Dev": 120}, [2] * 5,
                              {"Anna": {0}, "Ben": {2}, "Dev": {0, 1}}, {"Anna": 4, "Ben": 3, "Carla": 5, "Dev": 3})
    assert solve(draft.problem).objective == expected
    unread = extract_offline(text.replace("can't do Wednesday", "prefers Wednesdays"))  # a part it cannot read
    assert unread.problem is None and any("Ben" in q.text for q in unread.missing)


def test_one_period_a_line_without_a_colon():
    text = ("Minimum staff per 2-hour period:\n\nperiod  min_staff\n06:00-08:00  2\n08:00-10:00  4\n10:00-12:00  5\n"
            "12:00-14:00  3\n\nEveryone works a 4-hour shift. Minimise the number of staff.")
    draft = extract_offline(text)
    assert isinstance(draft.problem, LinearModel), [q.text for q in draft.missing]
    best = _cheapest_cover([2, 4, 5, 3], dict.fromkeys(range(3), 1), span=2)
    assert solve(draft.problem).objective == best


def test_blocks_on_a_twelve_hour_clock_and_a_price_per_start_time():
    text = ("The unit is open 7:00 to 15:00; minimum nurses per two-hour block: 7-9am: 4, 9-11am: 6, 11am-1pm: 5, "
            "1-3pm: 3. The agency only books 4-hour shifts, and they can start at 7:00, 9:00 or 11:00. The price "
            "depends on start time: $300 for a 7:00 start, $290 for 9:00, $310 for 11:00, per nurse. What does the "
            "cheapest cover cost?")
    draft = extract_offline(text)
    assert isinstance(draft.problem, LinearModel), [q.text for q in draft.missing]
    best = _cheapest_cover([4, 6, 5, 3], {0: 300, 1: 290, 2: 310}, span=2)
    assert solve(draft.problem).objective == best  # a start's clock ':00' was once read as a price of 0


def test_maximum_days_for_one_person_is_an_upper_bound():
    text = ("Roster Monday to Friday, 2 people each day. Staff: Ann $100/day, Bob $90/day, Cat $80/day. "
            "Cat maximum 2 days. Minimise total pay.")
    draft = extract_offline(text)
    assert isinstance(draft.problem, RosterProblem), [q.text for q in draft.missing]
    assert solve(draft.problem).objective == _cheapest_week({"Ann": 100, "Bob": 90, "Cat": 80}, [2] * 5, {},
                                                             {"Ann": 5, "Bob": 5, "Cat": 2})  # 'maximum' read as min


_BLOCKS = ("Ward staffing, one 24-hour day that repeats every day. Nurses needed in each 4-hour block:\n\n"
           "| Block | Time          | Nurses required |\n|---|---|---|\n"
           "| 1 | 00:00 - 04:00 | 2 |\n| 2 | 04:00 - 08:00 | 3 |\n| 3 | 08:00 - 12:00 | 4 |\n"
           "| 4 | 12:00 - 16:00 | 3 |\n| 5 | 16:00 - 20:00 | 2 |\n| 6 | 20:00 - 24:00 | 1 |\n\n"
           "Every shift lasts 8 hours (two consecutive blocks). Cost per nurse per shift:\n\n"
           "| Shift start | Covers blocks | Cost ($) |\n|---|---|---|\n"
           "| 00:00 | 1, 2 | 520 |\n| 04:00 | 2, 3 | 480 |\n| 08:00 | 3, 4 | 400 |\n"
           "| 12:00 | 4, 5 | 400 |\n| 16:00 | 5, 6 | 440 |\n| 20:00 | 6, 1 | 520 |\n\n"
           "Minimize the total daily staffing cost ($).")


def test_a_cost_table_with_a_column_of_blocks_is_never_read_as_costs_of_one_two():
    questions = [q.text for q in extract_offline(_BLOCKS).missing]
    assert extract_offline(_BLOCKS).problem is None
    assert any("520" in q or "cost" in q.lower() for q in questions), questions
    plain = _BLOCKS.replace("| Shift start | Covers blocks | Cost ($) |", "| Shift start | Cost ($) |").replace(
        "|---|---|---|\n| 00:00", "|---|---|\n| 00:00")
    for blocks in ("1, 2", "2, 3", "3, 4", "4, 5", "5, 6", "6, 1"):
        plain = plain.replace(f"| {blocks} | ", "| ")
    draft = extract_offline(plain)
    assert isinstance(draft.problem, LinearModel), [q.text for q in draft.missing]
    costs = [520, 480, 400, 400, 440, 520]
    assert solve(draft.problem).objective == _cheapest_cover([2, 3, 4, 3, 2, 1], dict(enumerate(costs)), span=2,
                                                             cyclic=True)
    assert extract_offline(plain.replace("| 440 |", "| 440 |\n\nNight supplement: $35 per shift.")).problem is None


_CAFE = ("I'm staffing the cafe from 6:00 to 22:00. Staff needed in each two-hour block: 6-8: 2, 8-10: 4, 10-12: 3, "
         "12-14: 5, 14-16: 4, 16-18: 3, 18-20: 4, 20-22: 2. Every shift is 4 hours.{shifts} "
         "I want the {goal}.")


@pytest.mark.parametrize(("shifts", "goal"), [
    (" The shifts are 6:00-10:00, 10:00-14:00, 14:00-18:00 and 18:00-22:00.", "fewest people"),  # some starts only
    ("", "minimum total paid hours"),  # hours, not heads
])
def test_shifts_listed_by_their_hours_or_a_goal_in_hours_are_asked_never_dropped(shifts: str, goal: str):
    text = _CAFE.format(shifts=shifts, goal=goal)
    draft = extract_offline(text)
    assert draft.problem is None and draft.missing, draft.problem
    every = _CAFE.format(shifts="", goal="fewest people")
    draft = extract_offline(every)
    assert isinstance(draft.problem, LinearModel), [q.text for q in draft.missing]
    assert solve(draft.problem).objective == _cheapest_cover([2, 4, 3, 5, 4, 3, 4, 2], dict.fromkeys(range(7), 1),
                                                             span=2)
