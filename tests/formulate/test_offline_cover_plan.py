"""Shift cover read by its structure (`cover_plan`): periods, a demand for each, kinds of shift; every optimum checked
by enumerating how many people go on each shift."""

import itertools

from ordino.formulate.offline.cover_plan import read_cover_plan
from tests.formulate.test_offline_structures import asked, solved


def cheapest(demand: list[int], shifts: list[tuple[list[int], float, int | None]]) -> float:
    """Best cost over every count of people per shift (periods covered, cost each, cap): the cover by enumeration."""
    best = float("inf")  # (never more people on a shift than the most any period it covers needs)
    for counts in itertools.product(*[range(min(cap if cap is not None else 99, max(demand[p] for p in covered)) + 1)
                                      for covered, _, cap in shifts]):
        on = [sum(k for k, (covered, _, _) in zip(counts, shifts, strict=True) if p in covered)
              for p in range(len(demand))]
        if all(a >= b for a, b in zip(on, demand, strict=True)):
            best = min(best, sum(k * cost for k, (_, cost, _) in zip(counts, shifts, strict=True)))
    return best


TYPES = ("Depot 4 - loaders needed per 6-hour window (minimum):\n\n"
         "Window 00-06 06-12 12-18 18-24\nLoaders   2     3     4     1\n\n"
         "Shift | Hours       | Cost per loader | Max loaders\n"
         "Dawn  | 00:00-12:00 | 100 | no limit\n"
         "Mid   | 06:00-18:00 | 90  | 2\n"
         "Dusk  | 12:00-24:00 | 95  | no limit\n"
         "Owl   | 18:00-06:00 | 120 | no limit\n\n"
         "How many loaders on each shift so every window is covered? Give the lowest total cost.")


def test_shift_kinds_with_clock_spans_costs_and_a_capped_column():
    problem, value = solved(TYPES)
    assert {v.name for v in problem.variables} == {"Dawn", "Mid", "Dusk", "Owl"}  # the text's names
    assert value == cheapest([2, 3, 4, 1], [([0, 1], 100, None), ([1, 2], 90, 2), ([2, 3], 95, None),
                                            ([3, 0], 120, None)])


def test_a_cap_without_a_heading_that_says_so_or_a_number_in_small_talk_is_not_read():
    assert read_cover_plan(TYPES.replace(" | Max loaders", "")) is None
    assert asked(TYPES + " (We shifted 340 pallets on Friday!)")


LENGTHS = ("Help desk, one day = 4 blocks of 6h (00-06, 06-12, 12-18, 18-24), the day repeats.\n"
           "Agents needed per block: 1, 3, 2, 2.\n"
           "Shifts: 12h = 2 consecutive blocks, cost 200; 18h = 3 consecutive blocks, cost 280; any block start.\n"
           "Minimise the total cost.")


def test_shift_lengths_in_blocks_starting_at_any_block_and_running_on_past_midnight():
    problem, value = solved(LENGTHS)
    shifts = [([s, (s + 1) % 4], 200, None) for s in range(4)] + [([s, (s + 1) % 4, (s + 2) % 4], 280, None)
                                                                  for s in range(4)]
    assert value == cheapest([1, 3, 2, 2], shifts)
    assert len(problem.variables) == 8


def test_a_whole_day_of_periods_without_saying_whether_shifts_run_on_is_not_read():
    assert read_cover_plan(LENGTHS.replace(", the day repeats", "")) is None
    fitted = LENGTHS.replace("the day repeats", "shifts must fit inside the day")
    assert solved(fitted)[1] == cheapest([1, 3, 2, 2], [([s, s + 1], 200, None) for s in range(3)] +
                                         [([s, s + 1, s + 2], 280, None) for s in range(2)])


def test_days_on_and_off_patterns_and_patterns_of_named_days():
    text = ("Bakery staffing. Days: Mon to Sun. Bakers needed r = (3, 2, 2, 3, 4, 5, 4).\n"
            "Each baker works 4 consecutive days then has 3 days off; the pattern repeats every week.\n"
            "Minimise the number of bakers.")
    value = solved(text)[1]
    assert value == cheapest([3, 2, 2, 3, 4, 5, 4], [([(s + k) % 7 for k in range(4)], 1, None) for s in range(7)])
    table = ("Minimum staff per day:\n\n| Day | Mon | Tue | Wed | Thu | Fri | Sat | Sun |\n"
             "| Needed | 2 | 2 | 2 | 2 | 3 | 4 | 4 |\n\n"
             "| Pattern | Days worked | Weekly cost (GBP) |\n| WK | Mon, Tue, Wed, Thu, Fri | 500 |\n"
             "| WE | Fri, Sat, Sun | 320 |\n| SS | Sat, Sun | 230 |\n\nWhat is the lowest weekly cost?")
    assert solved(table)[1] == cheapest([2, 2, 2, 2, 3, 4, 4], [([0, 1, 2, 3, 4], 500, None), ([4, 5, 6], 320, None),
                                                                ([5, 6], 230, None)])
    spans = table.replace("Mon, Tue, Wed, Thu, Fri", "Mon-Fri").replace("Fri, Sat, Sun", "Fri to Sun")
    assert solved(spans)[1] == solved(table)[1]  # spans of days read whole, never as their two ends


def test_periods_said_by_count_from_a_first_span_and_shifts_with_listed_starts():
    text = ("Kiosk day 09:00-21:00 split into 6 two-hour periods (t=1: 09-11, ..., t=6: 19-21).\n"
            "Minimum staff d_t = (1, 3, 2, 2, 3, 1).\n"
            "Long: 6 h, starts at 09, 11, 13 or 15, cost 90 each.\n"
            "Short: 4 h, starts at 09, 13 or 17, cost 70 each.\n"
            "No shift may run past 21:00. Minimise the total cost.")
    problem, value = solved(text)
    long = [([s, s + 1, s + 2], 90, None) for s in (0, 1, 2, 3)]
    short = [([s, s + 1], 70, None) for s in (0, 2, 4)]
    assert value == cheapest([1, 3, 2, 2, 3, 1], long + short)
    assert read_cover_plan(text.replace("13 or 15", "13 or 16")) is None  # 16:00 starts no period


def test_periods_named_by_the_hour_they_start_in_a_row_and_the_fewest_people():
    text = ("Ticket office, Saturday.\n\nhour    08 09 10 11 12 13\nneeded   1  2  3  3  2  1\n\n"
            "Every clerk works a 3-hour shift starting on the hour; shifts must fit inside the day.\n"
            "Minimise the number of clerks.")
    assert solved(text)[1] == cheapest([1, 2, 3, 3, 2, 1], [([s, s + 1, s + 2], 1, None) for s in range(4)])
    assert read_cover_plan(text.replace("number of clerks", "number of paid hours")) is None  # no goal of people


def test_periods_by_index_and_shift_kinds_by_the_indexes_they_cover():
    text = ("Periods t = 1..5 (one hour each). Demand d = (2, 3, 3, 2, 1).\n"
            "Shift types (periods worked; cost):\nM = {1,2,3}, c = 30\nS = {2,3,5}, c = 28\nL: 3-5; 31\n"
            "min sum_k c_k x_k s.t. coverage >= d_t for all t, x_k integer >= 0.")
    problem, value = solved(text)
    assert value == cheapest([2, 3, 3, 2, 1], [([0, 1, 2], 30, None), ([1, 2, 4], 28, None), ([2, 3, 4], 31, None)])
    assert read_cover_plan(text.replace("{2,3,5}", "{2,3,6}")) is None  # no period 6


def test_shift_lengths_with_a_cost_each_inside_a_stated_horizon():
    text = ("Hours t = 1..6 (09:00-15:00). Demand a = (1, 2, 2, 3, 2, 1).\n"
            "Shift types: 2 h (cost 30), 3 h (cost 40); start on the hour, shift must lie entirely inside "
            "09:00-15:00.\n"
            "Minimise total cost.")
    shifts = [([s, s + 1], 30, None) for s in range(5)] + [([s, s + 1, s + 2], 40, None) for s in range(4)]
    assert solved(text)[1] == cheapest([1, 2, 2, 3, 2, 1], shifts)


def test_rows_of_periods_and_of_shifts_with_start_and_end_cells_midnight_and_a_length_column():
    text = ("Gatehouse, 24/7, the same every day.\n\nperiod,from,to,guards_required\n"
            "P1,00:00,06:00,1\nP2,06:00,12:00,3\nP3,12:00,18:00,2\nP4,18:00,midnight,2\n\n"
            "shift,start,end,length_h,cost_per_guard\nA,06:00,18:00,12,150\nB,18:00,06:00,12,170\n"
            "C,00:00,12:00,12,160\n\nEach guard works one 12-hour shift. What is the cheapest cover?")
    problem, value = solved(text)
    assert value == cheapest([1, 3, 2, 2], [([1, 2], 150, None), ([3, 0], 170, None), ([0, 1], 160, None)])
    assert read_cover_plan(text.replace("C,00:00,12:00,12,160", "C,00:00,12:00,12,160,4")) is None  # a cell unread


def test_a_table_of_shift_kinds_with_lengths_and_their_allowed_start_times():
    text = ("Minimum agents per 2-hour block:\n\n| Block | Agents needed |\n|---|---|\n| 08:00-10:00 | 2 |\n"
            "| 10:00-12:00 | 3 |\n| 12:00-14:00 | 3 |\n| 14:00-16:00 | 1 |\n\nShift types:\n\n"
            "| Type | Length | Allowed start times | Cost per shift |\n|---|---|---|---|\n"
            "| Long | 6 h | 08:00, 10:00 | $100 |\n| Short | 4 h | 08:00, 10:00, 12:00 | $70 |\n\n"
            "Find the minimum total daily cost.")
    shifts = [([0, 1, 2], 100, None), ([1, 2, 3], 100, None), ([0, 1], 70, None), ([1, 2], 70, None),
              ([2, 3], 70, None)]
    assert solved(text)[1] == cheapest([2, 3, 3, 1], shifts)
    assert read_cover_plan(text.replace("08:00, 10:00, 12:00", "08:00, 10:00, 14:00")) is None  # too late to fit
