"""Route a text to the family it describes: staff rostering (assignment), allocation LP (linear) or scheduling."""

from __future__ import annotations

from ordino.formulate.offline.accounting import unread_pieces, unread_question
from ordino.formulate.offline.cover_notes import read_cover_notes
from ordino.formulate.offline.cover_plan import read_cover_plan
from ordino.formulate.offline.days_off import read_days_off
from ordino.formulate.offline.linear import looks_like_linear, read_linear
from ordino.formulate.offline.patterns import looks_like_pattern_cover, read_pattern_cover
from ordino.formulate.offline.periods import looks_like_period_cover, read_period_cover
from ordino.formulate.offline.roster import looks_like_roster, read_roster
from ordino.formulate.offline.roster_notes import read_roster_notes
from ordino.formulate.offline.shift_kinds import read_shift_kinds
from ordino.formulate.offline.shift_roster import looks_like_shift_roster, read_shift_roster
from ordino.formulate.questions import Question
from ordino.models.assignment import RosterProblem
from ordino.models.linear import LinearModel

_PLANNED = "read as periods, demands and shift kinds: {} shifts over {} constraints"


def detect_family(text: str) -> str | None:
    """'assignment' or 'linear' when the text has that family's shape, None for scheduling (the default)."""
    if looks_like_period_cover(text) or looks_like_pattern_cover(text) or read_cover_notes(text) is not None or \
            read_days_off(text) is not None or read_shift_kinds(text) is not None or read_cover_plan(text) is not None:
        return "linear"
    if looks_like_shift_roster(text) or looks_like_roster(text) or read_roster_notes(text) is not None:
        return "assignment"
    if looks_like_linear(text):
        return "linear"
    return None


def read_family(text: str, family: str) -> tuple[RosterProblem | LinearModel | None, list[Question], list[str]]:
    """The model of `family` read from `text`, the questions that would complete it, and notes; a model only when
    every piece of the text with a number or a limiting word was used (`accounting`)."""
    model, questions, notes = _read_family(text, family)
    if model is not None and (left := unread_pieces(text, lambda t: _read_family(t, family), prose=True)):
        if family == "linear" and (planned := _planned(text)) is not None:
            return planned  # a piece the phrasing readers left ('at most 4 on the S shifts'), read by the structure
        return None, [unread_question(left)], notes
    return model, questions, notes


def _planned(text: str) -> tuple[LinearModel, list[Question], list[str]] | None:
    """The cover read by its structure (`cover_plan`), when it reads every piece of the text."""
    def read(t: str) -> tuple[LinearModel | None, list[Question], list[str]]:
        planned = read_cover_plan(t)
        return planned, [], [] if planned is None else [_PLANNED.format(len(planned.variables),
                                                                        len(planned.constraints))]
    whole = read(text)
    if whole[0] is None or unread_pieces(text, read, prose=True):
        return None
    return whole[0], whole[1], whole[2]


def _read_family(text: str, family: str) -> tuple[RosterProblem | LinearModel | None, list[Question], list[str]]:
    if family == "assignment":
        written = read_roster_notes(text)
        if written is not None:
            return written, [], [f"read as roster notes: {len(written.people)} people, {len(written.shifts)} "
                                 f"shift(s) a day over {len(written.days)} days"]
        if looks_like_shift_roster(text):
            return read_shift_roster(text)
        model, questions, notes = read_roster(text)
        if questions:  # one shift a day in words the first reader does not know: the sheet reader may read it all
            sheet, asked, said = read_shift_roster(text, single=True)
            if sheet is not None and not asked:
                return sheet, asked, said
        return model, questions, notes
    blocks = read_days_off(text)
    if blocks is not None:
        return blocks, [], ["each person works a block of consecutive days, then the rest of the week off; the "
                            "week repeats"]
    kinds = read_shift_kinds(text)
    if kinds is not None:
        return kinds, [], [f"{len(kinds.variables)} shifts (a kind and a start each) over {len(kinds.constraints)} "
                           "periods"]
    noted = read_cover_notes(text)
    if noted is not None:
        return noted, [], [f"read as shift cover notes: {len(noted.variables)} shift types over "
                           f"{len(noted.constraints)} periods"]
    read = read_pattern_cover if looks_like_pattern_cover(text) else \
        read_period_cover if looks_like_period_cover(text) else read_linear
    linear, questions, notes = read(text)
    if linear is None and (planned := read_cover_plan(text)) is not None:  # the readers of phrasings could not: the
        # structure can (periods, their demands and the kinds of shift, every number used)
        return planned, [], [_PLANNED.format(len(planned.variables), len(planned.constraints))]
    return linear, questions, notes
