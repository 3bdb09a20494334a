"""A text being read all or nothing: its signs made plain ('≤' as '<=', dashes as '-'), and which of its characters
a reader has used, so that what is left can be judged."""

from __future__ import annotations

import re
from collections.abc import Callable

SIGNS = {"\u2264": "<=", "\u2265": ">=", "\u2192": "->", "\u2013": "-", "\u2014": "-", "\u00d7": "x", "\u2026": "..."}
TO = r"\s*(?:-|\.\.\.?|to)\s*"
"""A range's dash: '1-7', 'P1..P4', 'Mon to Fri'."""


class Marked:
    """The text and the characters of it used so far."""

    def __init__(self, text: str) -> None:
        for sign, plain in SIGNS.items():
            text = text.replace(sign, plain)
        self.text = text
        self.used = [False] * len(text)

    def take(self, pattern: str, read: Callable[[re.Match[str]], bool], flags: int = re.IGNORECASE) -> None:
        """Each match of `pattern` over unused text that `read` accepts is marked used."""
        for m in list(re.finditer(pattern, self.text, flags)):
            if not any(self.used[m.start():m.end()]) and read(m):
                self.used[m.start():m.end()] = [True] * (m.end() - m.start())

    def unused(self) -> str:
        """The text with every used character blanked (positions kept)."""
        return "".join(" " if u else c for c, u in zip(self.text, self.used, strict=True))
