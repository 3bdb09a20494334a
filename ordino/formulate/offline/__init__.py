"""The offline formulator: typed text -> Problem (or roster / linear model) with patterns only, and questions
for what is missing."""

from ordino.formulate.offline.elicit import elicit
from ordino.formulate.offline.extract import OfflineDraft, extract_offline
from ordino.formulate.offline.families import detect_family
from ordino.formulate.questions import Question

__all__ = ["OfflineDraft", "Question", "detect_family", "elicit", "extract_offline"]
