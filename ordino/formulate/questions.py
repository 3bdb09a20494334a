"""Questions either engine asks (or reports as missing) when the text does not say enough: missing data is a
question, never a guess."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Question(BaseModel):
    """One short question along the ontology tree.

    `key` names what the answer fills in (``kind``, ``objective``, ``n_jobs``, ``processing_times``,
    ``due``, ...); `text` is what a person reads; `choices`, when given, lists the accepted answers; `where`
    quotes the part of the description the question is about, when there is one.
    """

    model_config = ConfigDict(frozen=True)

    key: str
    text: str
    choices: list[str] | None = None
    where: str | None = None

    def describe(self) -> str:
        """One line for an error message: the text plus the choices."""
        if self.choices:
            return f"{self.text} (one of: {', '.join(self.choices)})"
        return self.text
