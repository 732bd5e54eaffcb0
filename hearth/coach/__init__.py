"""The tone coach and the safety screen, independent of Django.

``analyse(text)`` says which of the Four Horsemen (criticism, contempt,
defensiveness, stonewalling) and which risks (self-harm, partner violence,
coercive control) a message shows, where (spans to highlight), and a gentler
way to say it. When a risk is clear (a risk phrase, or the classifier is
sure) there is no suggestion: the product shows help instead. Nothing here
keeps, logs or sends the text.

Fast rules (`rules.py`) plus all-MiniLM-L6-v2 sentence embeddings
(`embedding.py`, offline, int8 ONNX) and a small classifier trained by the
project (`classifier.py`, `train.py`) on its own labelled messages
(`content/coach/dataset/`). The command line: ``python -m hearth.coach --jsonl``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hearth.coach import classifier, embedding, excerpt, rules, suggest
from hearth.coach.rules import HORSEMEN, RISKS

MAX_CHARS = 4000


@dataclass(frozen=True)
class Reading:
    horsemen: list[str] = field(default_factory=list)
    risk: list[str] = field(default_factory=list)
    highlights: list[tuple[int, int, str]] = field(default_factory=list)
    suggestion: str | None = None
    # "clear" when a risk phrase matched or the classifier is sure; "possible"
    # when it only passed the screen's (deliberately low) threshold. The
    # product words its help more softly for "possible".
    risk_level: str | None = None
    # The sentence the suggestion is for (start, end): "use this" replaces it.
    part: tuple[int, int] | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "horsemen": self.horsemen,
            "risk": self.risk,
            "highlights": [list(h) for h in self.highlights],
            "suggestion": self.suggestion,
        }


def load() -> None:
    """Load the model now rather than on the first message."""
    embedding.embedder()
    classifier.trained()
    suggest.library()


def analyse(text: str) -> Reading:
    text = text[:MAX_CHARS]
    if not text.strip():
        return Reading()
    found = rules.hits(text)
    vector = embedding.embedder().embed(text)
    model = classifier.trained()
    labels, sure = classifier.predict(model, vector, text)
    phrases = {h.label for h in found}
    if rules.figure_of_speech(text):
        # "This traffic is killing me": a guess alone does not count here.
        labels &= phrases
    labels |= phrases & set(RISKS)
    risk = [label for label in RISKS if label in labels]
    horsemen = [label for label in HORSEMEN if label in labels]
    highlights = [(h.start, h.end, h.label) for h in found if h.label in labels]
    level = ("clear" if (phrases & set(RISKS)) or sure else "possible") if risk else None
    if level == "clear":  # the screen comes before the coach: no horsemen, no suggestion
        return Reading([], risk, [h for h in highlights if h[2] in RISKS], None, level)
    if not horsemen:
        return Reading(horsemen, risk, highlights, None, level)
    # Coaching goes on beside a possible risk: the screen is tuned to miss
    # almost nothing, so it is often unsure, and then help is offered quietly
    # rather than in place of the coaching.
    start, end = excerpt.part(text, highlights)
    focus = text[start:end]
    focus_vector = vector if focus == text else embedding.embedder().embed(focus)
    suggestion = suggest.suggestion(model, focus_vector, focus, horsemen)
    return Reading(horsemen, risk, highlights, suggestion, level, (start, end))
