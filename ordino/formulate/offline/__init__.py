"""The offline formulator: typed text -> Problem with patterns only, and questions for what is missing."""

from ordino.formulate.offline.elicit import elicit
from ordino.formulate.offline.extract import OfflineDraft, extract_offline
from ordino.formulate.offline.questions import Question

__all__ = ["OfflineDraft", "Question", "elicit", "extract_offline"]
