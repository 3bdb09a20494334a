"""Tables whose columns are lined up with blanks or apart by tabs, written again with '|' between their cells.

A pasted table often has cells of several words ('Oven 1', 'Rye loaves', 'Heat treat 4h') and empty cells; split
at blanks its rows have as many cells as words. The columns are where every line of the block has a blank:
that is where a cell ends, whatever the words in it.
"""

from __future__ import annotations

import re

_TABBED = re.compile(r"\S[ \t]*\t")
"""A line pasted from a spreadsheet: a tab after a cell (each tab ends one cell, so two in a row leave one empty)."""
_INK = re.compile(r"[^ ]")
_MAX_ROWS = 60
"""Longest block looked at: a bound on the work a long text can cause."""


def aligned_as_pipes(text: str) -> str:
    """The text with tabs between cells written as '|', and each block of three or more lines whose columns line
    up (and whose words, split at blanks, do not) written as a '|' table; other lines as they are."""
    lines = [" | ".join(c.strip() for c in line.strip(" \t").split("\t")) if _TABBED.search(line) else line
             for line in text.split("\n")]
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and end - k < _MAX_ROWS and _table_like(lines[end]):
            end += 1
        cells = _columns(lines[k:end])
        if cells is None and end - k > 3:  # a caption above the header: the block under it
            cells = _columns(lines[k + 1:end])
            out += lines[k:k + 1] if cells is not None else []
        if cells is None:
            out += lines[k:max(end, k + 1)]
            k = max(end, k + 1)
            continue
        out += [" | ".join(row) for row in cells]
        k = end
    return "\n".join(out)


def _no_cell(cell: str) -> bool:
    """A piece of a line that is no cell of a table: blanks inside ('job      J1': the columns do not line up
    there), a mark alone ('/'), leader dots, or a key and its value ('job 1:', 'M1:3,')."""
    return re.search(r" {2}|\.{3}|[:,;]$|^[/:;,.]$|(?i:[a-z]\d*):\d", cell) is not None


def _table_like(line: str) -> bool:
    """A line that may be a row of an aligned table: no '|' of its own, and a run of blanks inside or before it."""
    return "|" not in line and "\t" not in line and re.search(r"\S {2,}\S|^ {2,}\S", line.rstrip()) is not None


def _columns(block: list[str]) -> list[list[str]] | None:
    """The cells of each line of an aligned block; None when its columns do not line up or its words alone do."""
    if len(block) < 3:
        return None
    width = max(len(line) for line in block)
    rows = [line.ljust(width) for line in block]
    inked = 0  # bit c set: some line has a mark in column c (one integer: no loop over each character)
    for row in rows:
        inked |= int(_INK.sub("1", row).replace(" ", "0"), 2)
    spans = [m.span() for m in re.finditer("1+", format(inked, f"0{width}b"))]  # runs of columns with text
    merged = [spans[0]] if spans else []
    for start, end in spans[1:]:
        left = merged[-1]
        if start - left[1] == 1 and any(not row[left[0]:left[1]].strip() or not row[start:end].strip()
                                        for row in rows):
            merged[-1] = (left[0], end)  # one blank, and a line with text on one side only: one cell ('Oven 1')
        else:
            merged.append((start, end))
    if len(merged) < 3:
        return None
    cells = [[row[a:b].strip() for a, b in merged] for row in rows]
    if any(sum(1 for cell in row if cell) < 2 for row in cells) or any(_no_cell(cell) for row in cells for cell in row):
        return None
    words = {len(line.split()) for line in block}
    if words == {len(merged)}:
        return None  # the words alone give the columns: the readers split them as they are
    return cells
