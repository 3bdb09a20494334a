"""The "numbers not in the text" hint: quiet on values derived from the text, loud on invented ones."""

from __future__ import annotations

import copy

import pytest

from ordino.formulate import check_hints
from ordino.formulate.check import PAIR_LIMIT, TextNumbers, check_model_hints
from ordino.models import model_from_dict, problem_from_dict
from tests.formulate.answers import TEXT, variant

# (text, a value derived from it, the rule that explains it)
DERIVED = [
    ("Each of the 10 batches takes 8 h.", 80, "product"),
    ("Each of the 10 batches takes 8 h.", 4800, "product"),  # in minutes
    ("The oven runs 8 h x 10 days.", 80, "product"),
    ("The order is 10 batches of 8 h.", 80, "product"),
    ("J2 takes twice as long as J1, which takes 3 hours.", 6, "product"),
    ("J2 takes twice as long as J1, which takes 3 hours.", 360, "product"),
    ("Cooling takes half of the 8 hours.", 4, "product"),
    ("Rework adds 20 % to the 50 hours.", 10, "product"),  # 20 % of 50
    ("Rework adds 20 % to the 50 hours.", 60, "product"),  # 50 and 20 % more
    ("Rework adds 20 % to the 50 hours.", 0.2, "stated"),
    ("Rework adds 20 percent to the 50 hours.", 20, "stated"),
    ("Setup takes 1.5 h.", 90, "stated"),  # 1.5 h in minutes
    ("Processing times in hours: 3, 1.5.", 180, "converted"),  # no unit after the number
    ("Processing times in hours: 3, 1.5.", 90, "converted"),
    ("A welder needs 90 minutes.", 1.5, "converted"),
    ("Setup takes 1.5 h plus 30 min of cleaning.", 120, "sum"),
    ("Setup takes 1.5 h plus 30 min of cleaning.", 2, "sum"),  # in hours
    ("The job takes 2 h 30 min.", 150, "sum"),
    ("The job takes 1 hour and 45 minutes.", 105, "sum"),
    ("J2 starts 3 hours after J1, which is released at 10.", 13, "sum"),
    ("Three jobs wait.", 3, "stated"),
    ("A dozen orders wait.", 12, "stated"),
    ("Twenty-five minutes of setup.", 25, "stated"),
    ("Three hundred units.", 300, "product"),
    ("Half a dozen machines.", 6, "product"),
    ("The shift runs from 8 am to 10 am.", 2, "clock"),
    ("The shift runs from 8 am to 10 am.", 120, "clock"),
    ("The shift runs from 8:00 to 10:30.", 150, "clock"),
    ("The shift runs from 10 am to 2 pm.", 4, "clock"),  # 2 pm is 14 h, not 2
    ("The night shift runs from 10 pm to 6 am.", 8, "clock"),
    ("Maintenance from 8 to 10.", 2, "difference"),
    ("J2 must start between 5 and 9.", 4, "difference"),
    ("The machine is down 4-6.", 2, "difference"),
    ("A press makes 20 parts per hour. Order A has 100 parts, order B 60 parts.", 5, "quotient"),
    ("A press makes 20 parts per hour. Order A has 100 parts, order B 60 parts.", 3, "quotient"),  # rate far away
    ("The order is 100 parts at 7 parts per hour.", 15, "quotient"),  # 14.3 rounded up
    ("A 40 h week of 8 h shifts.", 5, "quotient"),
    ("The budget is 1,500 dollars.", 1500, "stated"),
    ("Setup takes 2,5 h.", 150, "stated"),  # decimal comma
]


@pytest.mark.parametrize(("text", "value", "rule"), DERIVED, ids=[f"{v}-{t[:28]}" for t, v, _ in DERIVED])
def test_derived_values_are_explained_by_their_rule(text: str, value: float, rule: str) -> None:
    how = TextNumbers(text).explain(value)
    assert how is not None and how.startswith(rule + ":"), how


# (text, an invented value that follows from nothing in it)
INVENTED = [
    ("One machine; the due dates are 4, 6 and 8.", 5),  # the brief's case: 4 + 1 is no derivation
    ("One machine; the due dates are 4, 6 and 8.", 3),  # off by one from 4: 1 never enters a sum
    ("One machine; the due dates are 4, 6 and 8.", 7),
    (TEXT, 7),  # 3 + 4, but the text lists them side by side, it does not add them
    (TEXT, 6),  # 3 x 2 without a factor
    (TEXT, 12),
    (TEXT, 11),
    ("Release 10, due 30.", 20),  # not joined by a word: a difference the rules do not take
    ("The shift runs from 8 am to 10 am.", 3),
    ("The shift runs from 8 am to 10 am.", 180),
    ("Maintenance from 4 to 6.", 10),  # "to" joins a difference, never a sum
    ("job,processing,due\n1,4,5\n2,2,3", 4.5),  # a CSV row is no decimal comma
    ("Setup takes 1.5 h.", 95),
    ("A press makes 20 parts per hour. Order A has 100 parts.", 300),  # 5 h in minutes: two rules, not one
    ("A chair takes 2 hours of carpentry and a table 3 hours; there are 120 carpentry hours.", 200),
]


@pytest.mark.parametrize(("text", "value"), INVENTED, ids=[f"{v}-{t[:28]}" for t, v in INVENTED])
def test_invented_values_are_explained_by_nothing(text: str, value: float) -> None:
    assert TextNumbers(text).explain(value) is None


def test_a_product_needs_a_factor() -> None:
    """The blind spot is where the text multiplies: 'each' makes 4 x 3 derived, a plain list does not."""
    assert TextNumbers("J1 takes 3 h and J2 takes 4 h.").explain(12) is None
    assert TextNumbers("Each of the 4 jobs takes 3 h.").explain(12) == "product: 4 x 3"


def test_stated_wins_over_derived_and_ids_are_no_numbers() -> None:
    numbers = TextNumbers("J17 and M4 take 6 hours.")
    assert numbers.explain(6) == "stated: 6"
    assert numbers.explain(17) is None and numbers.explain(4) is None


def test_pairs_use_only_the_first_numbers_but_every_number_is_stated() -> None:
    filler = " ".join(str(1000 + 2 * k) for k in range(PAIR_LIMIT))
    numbers = TextNumbers(filler + ". Each of the 7 crates holds 13 parts.")
    assert numbers.explain(13) == "stated: 13"
    assert numbers.explain(91) is None  # 7 x 13, but both are beyond the first PAIR_LIMIT numbers
    assert TextNumbers("Each of the 7 crates holds 13 parts.").explain(91) == "product: 7 x 13"


def test_the_answer_is_deterministic() -> None:
    text = "Each of the 10 batches takes 8 h; the shift runs from 8 am to 5:30 pm, 20 % slack."
    first = [TextNumbers(text).explain(v) for v in range(2, 200)]
    assert first == [TextNumbers(text).explain(v) for v in range(2, 200)]
    assert sum(e is not None for e in first) > 10


STORY = ("One oven bakes three orders; the shift starts at 8 am. Order A is 10 batches of 8 h each and is due "
         "2 days after the start. Order B takes 1.5 h plus 30 min of cooling and is due at 5 pm. Order C takes "
         "3 hours, twice as long as order D; both are due at 10 pm. Minimize the total tardiness.")


def story_model() -> dict:
    """The STORY in minutes: every value is derived, none is written as such in the text."""
    tasks = [("A", 4800, 2880), ("B", 120, 540), ("C", 180, 840), ("D", 90, 840)]
    return variant(time_unit="min", tasks=[{"id": i, "modes": [{"resources": ["M"], "duration": d}], "due": due}
                                           for i, d, due in tasks])


def test_check_hints_is_quiet_on_derived_values_of_a_whole_model() -> None:
    hints = check_hints(problem_from_dict(story_model()), STORY)
    assert not any("do not appear" in h for h in hints), hints


def test_check_hints_still_names_an_invented_value() -> None:
    data = story_model()
    data["tasks"][3]["modes"][0]["duration"] = 100  # D is half of C (90), not 100
    data["tasks"][1]["due"] = 555
    hints = [h for h in check_hints(problem_from_dict(data), STORY) if "do not appear" in h]
    assert hints == ["these values of the model do not appear in the text: 555 (due of B), 100 (duration of D)"]


LINEAR_TEXT = ("A shop makes chairs and tables. A chair takes 2 hours of work and a table 3 hours; there are "
               "120 hours. At most 20 % of the 150 pieces may be tables. A chair earns $40 and a table $70.")
LINEAR = {"schema": "ordino/1", "family": "linear",
          "variables": [{"name": "chairs", "kind": "integer"}, {"name": "tables", "kind": "integer"}],
          "constraints": [{"name": "work", "terms": {"chairs": 2, "tables": 3}, "sense": "<=", "rhs": 120},
                          {"name": "share", "terms": {"tables": 1}, "sense": "<=", "rhs": 30}],
          "objective": {"sense": "max", "terms": {"chairs": 40, "tables": 70}}}


def test_linear_models_use_the_same_rules() -> None:
    assert check_model_hints(model_from_dict(LINEAR), LINEAR_TEXT) == []  # 30 = 20 % of 150
    wrong = copy.deepcopy(LINEAR)
    wrong["constraints"][1]["rhs"] = 35
    assert check_model_hints(model_from_dict(wrong), LINEAR_TEXT) == [
        "these values of the model do not appear in the text: 35 (right-hand side of share)"]


def test_a_number_typed_against_its_word_is_read_but_an_id_is_not():
    from ordino.formulate.check import TextNumbers

    numbers = TextNumbers("Monday requires 15, Tuesday requires13 employees; jobs J7 and M9 wait")
    assert numbers.explain(13) is not None and numbers.explain(15) is not None
    assert numbers.explain(7) is None and numbers.explain(9) is None
