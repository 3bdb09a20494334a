"""Token cursors over text files, so every reader error names the file, the line and the expected token
(files are read with `ordino.models.inputs`)."""

from __future__ import annotations

from ordino.errors import InputError
from ordino.models.base import MAX_VALUE


def parse_int(token: str, what: str, source: str, line: int) -> int:
    """`token` as an int, or an InputError saying which token was expected."""
    try:
        value = int(token)
    except ValueError:
        raise InputError(f"expected {what} (an integer), found {token!r}", file=source, line=line) from None
    if abs(value) > MAX_VALUE:
        raise InputError(f"{what} {value} is beyond the limit of {MAX_VALUE:,}", file=source, line=line)
    return value


class Tokens:
    """Whitespace-separated tokens of a text, each with its 1-based line number.

    Lines whose first non-blank character is one of `comment` are skipped.
    """

    def __init__(self, text: str, source: str, comment: str = "#", start_line: int = 1) -> None:
        self.source = source
        self.items: list[tuple[str, int]] = []
        for number, line in enumerate(text.splitlines(), start=start_line):
            stripped = line.strip()
            if not stripped or (comment and stripped[0] in comment):
                continue
            self.items.extend((tok, number) for tok in stripped.split())
        self.pos = 0

    @property
    def line(self) -> int | None:
        """Line of the next token (or of the last one at the end)."""
        if self.pos < len(self.items):
            return self.items[self.pos][1]
        return self.items[-1][1] if self.items else None

    def at_end(self) -> bool:
        """True when every token was consumed."""
        return self.pos >= len(self.items)

    def next(self, what: str) -> tuple[str, int]:
        """The next token and its line; an InputError naming `what` at the end of the file."""
        if self.pos >= len(self.items):
            raise InputError(f"unexpected end of file, expected {what}", file=self.source, line=self.line)
        item = self.items[self.pos]
        self.pos += 1
        return item

    def int(self, what: str, low: int | None = None, high: int | None = None) -> int:
        """The next token as an integer in [low, high]."""
        token, line = self.next(what)
        value = parse_int(token, what, self.source, line)
        if (low is not None and value < low) or (high is not None and value > high):
            rng = f"[{low if low is not None else '-inf'}, {high if high is not None else 'inf'}]"
            raise InputError(f"expected {what} in {rng}, found {value}", file=self.source, line=line)
        return value

    def number(self, what: str) -> float:
        """The next token as a float (for averages in headers that nobody uses)."""
        token, line = self.next(what)
        try:
            return float(token)
        except ValueError:
            raise InputError(f"expected {what} (a number), found {token!r}", file=self.source, line=line) from None

    def expect_end(self, what: str = "end of file") -> None:
        """An InputError when tokens are left over."""
        if not self.at_end():
            token, line = self.items[self.pos]
            raise InputError(f"expected {what}, found extra token {token!r}", file=self.source, line=line)
