"""When a person cannot work, read by its parts (`availability.unavailable`): days, shifts, negations and 'only'."""

import pytest

from ordino.formulate.offline.availability import names_days, unavailable
from ordino.formulate.offline.roster_draft import RosterDraft

WEEK = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _draft() -> RosterDraft:
    """A week of two shifts, E (early, opening, am) and L (late, closing, pm)."""
    n = RosterDraft("")
    n.days = list(WEEK)
    n.name_weekdays()
    n.shifts = ["E", "L"]
    for shift, words in (("E", ["e", "early", "opening", "am"]), ("L", ["l", "late", "closing", "pm"])):
        for w in words:
            n.call(w, shift)
    return n


def _off(blocks: list[tuple[list[str], list[str]]] | None) -> set[tuple[str, str]] | None:
    return None if blocks is None else {(d, s) for days, shifts in blocks for d in days for s in shifts}


def _days(*days: str, shifts: str = "EL") -> set[tuple[str, str]]:
    return {(d, s) for d in days for s in shifts}


@pytest.mark.parametrize("phrase, off", [
    ("not Sat or Sun", _days("Sat", "Sun")),
    ("can't do Monday or Tuesday", _days("Mon", "Tue")),
    ("Tuesdays off", _days("Tue")),
    ("off on Tuesday", _days("Tue")),
    ("any day except Wed", _days("Wed")),
    ("no weekends", _days("Sat", "Sun")),
    ("Fri, Sat, Sun only", _days("Mon", "Tue", "Wed", "Thu")),
    ("only available Thursday to Sunday", _days("Mon", "Tue", "Wed")),
    ("weekends only", _days("Mon", "Tue", "Wed", "Thu", "Fri")),
    ("Mon-Thu only (E or L)", _days("Fri", "Sat", "Sun")),
    ("Wed-Sun, AM or PM", _days("Mon", "Tue")),
    ("Mon, Tue, Thu, Fri (E or L), not Wed", _days("Wed", "Sat", "Sun")),
    ("Early shifts only, any day", _days(*WEEK, shifts="L")),
    ("any day but openings only", _days(*WEEK, shifts="L")),
    ("only does closings", _days(*WEEK, shifts="E")),
    ("Mon AM, Tue PM", _days("Wed", "Thu", "Fri", "Sat", "Sun") | {("Mon", "L"), ("Tue", "E")}),
    ("any day, E or L", set()),
    ("anything", set()),
])
def test_a_phrase_of_days_shifts_and_negations_says_the_cells_a_person_is_off(phrase: str, off: set) -> None:
    assert _off(unavailable(_draft(), phrase)) == off


@pytest.mark.parametrize("phrase", ["prefers nights", "max 4 shifts", "Mon only but Tue only", "not only Mon",
                                    "ideally not Mon", "Mon AM Tue"])
def test_a_wish_a_rule_or_a_contradiction_is_not_read_as_availability(phrase: str) -> None:
    assert unavailable(_draft(), phrase) is None


def test_under_a_heading_of_time_off_a_list_names_the_time_off_and_only_stresses_it() -> None:
    n = _draft()
    assert _off(unavailable(n, "Monday Early only", off_heading=True)) == {("Mon", "E")}
    assert _off(unavailable(n, "Tue (any shift)", off_heading=True)) == _days("Tue")
    assert _off(unavailable(n, "Late shifts on Wed and Thu", off_heading=True)) == _days("Wed", "Thu", shifts="L")
    assert unavailable(n, "never works Early", off_heading=True) is None  # a rule in words: read without the heading
    assert _off(unavailable(n, "never works Early (any day)", bare_off=True)) == _days(*WEEK, shifts="E")
    assert _off(unavailable(n, "Sat, Sun", bare_off=True)) == _days("Sat", "Sun")  # a restriction: days off
    assert _off(unavailable(n, "AM sessions only", bare_off=True)) == _days(*WEEK, shifts="L")


def test_numbered_days_and_whether_a_phrase_names_the_days_worked() -> None:
    n = RosterDraft("")
    n.days = ["D1", "D2", "D3", "D4", "D5"]
    n.day_names = {str(k): f"D{k}" for k in range(1, 6)}
    n.shifts = ["D", "N"]
    n.call("d", "D")
    n.call("n", "N")
    assert _off(unavailable(n, "days 4-5", bare_off=True)) == {(d, s) for d in ("D4", "D5") for s in "DN"}
    assert _off(unavailable(n, "no N shifts at all")) == {(d, "N") for d in n.days}
    assert names_days(_draft(), "weekdays only") and not names_days(_draft(), "not Tue")
