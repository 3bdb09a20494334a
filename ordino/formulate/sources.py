"""Source tracing: which words of the description each part of a formulated model was read from."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

SOURCES_SCHEMA: dict[str, Any] = {"type": "array", "items": {"type": "object", "properties": {
    "element": {"type": "string"}, "quote": {"type": "string"}}, "required": ["element", "quote"]}}
"""How an extraction answer lists its sources (see the extract prompt)."""


class Source(BaseModel):
    """Where one part of the model comes from: `element` names the part (``task lift``, ``constraint 2``,
    ``objective span``, ``variable x``...), `quote` the words of the description it was read from; `start` and
    `end` are the quote's character offsets in the description, None when the description does not hold it."""

    model_config = ConfigDict(frozen=True)

    element: str
    quote: str
    start: int | None = None
    end: int | None = None

    @property
    def found(self) -> bool:
        """Whether the quote was found in the description."""
        return self.start is not None


def locate(entries: Any, text: str) -> list[Source]:
    """The well-formed `{"element", "quote"}` entries of an answer as Sources, each quote looked up in `text`
    (ignoring case, runs of white space and surrounding quotation marks)."""
    folded, positions = _fold(text)
    out = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        element, quote = str(entry.get("element") or "").strip(), str(entry.get("quote") or "").strip(" \"'“”")
        if not element or not quote:
            continue
        needle = _fold(quote)[0]
        at = folded.find(needle) if needle else -1
        if at < 0:
            out.append(Source(element=element, quote=quote))
        else:
            out.append(Source(element=element, quote=quote, start=positions[at],
                              end=positions[at + len(needle) - 1] + 1))
    return out


def unfound(sources: list[Source]) -> list[str]:
    """One warning per source whose quote is not in the description (a part read from words nobody wrote)."""
    return [f"the source given for {s.element} is not in the description: \"{s.quote}\"" for s in sources
            if not s.found]


def _fold(text: str) -> tuple[str, list[int]]:
    """`text` lower-cased with each run of white space made one space, and each folded character's offset."""
    chars: list[str] = []
    positions: list[int] = []
    for k, ch in enumerate(text):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch.lower())
        positions.append(k)
    return "".join(chars), positions
