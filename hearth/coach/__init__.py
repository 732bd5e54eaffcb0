"""The tone coach and the safety screen, independent of Django.

``analyse(text)`` says which of the Four Horsemen (criticism, contempt,
defensiveness, stonewalling) and which risks (self-harm, partner violence,
coercive control) a message shows, where (spans to highlight), whose voice a
risk is in, and a gentler way to say it. A risk is never coached: there is no
suggestion, and the product shows help instead. Nothing here keeps, logs or
sends the text.

The screen reads the whole text and every pair of neighbouring sentences
(`windows.py`) with the project's own fine-tuned MiniLM (`encoder.py`, int8
ONNX in ``model/``, trained by ``python -m hearth.coach.train``), and a few
unambiguous phrases (`rules.py`); the horsemen are a blend of that model and
logistic heads on the wording (`wording.py`). A gentler way is the nearest curated
rewrite (`suggest.py`, matched by the untouched MiniLM of `embedding.py`).
Text in another language gets no tone advice, but is still screened with
phrase lists in six languages (`languages.py`). The command line: ``python -m hearth.coach --jsonl``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hearth.coach import embedding, encoder, excerpt, languages, rules, screen, suggest, wording
from hearth.coach.encoder import HORSEMEN, RISKS

MAX_CHARS = 4000


@dataclass(frozen=True)
class Reading:
    horsemen: list[str] = field(default_factory=list)
    risk: list[str] = field(default_factory=list)
    highlights: list[tuple[int, int, str]] = field(default_factory=list)
    suggestion: str | None = None
    # Whose behaviour a risk is about: "writer" when the writer threatens or
    # controls the person they write to, "other" when the writer is the one
    # at risk (from a partner, someone else or themselves). None without a risk.
    voice: str | None = None
    # The sentence the suggestion is for (start, end): "use this" replaces it.
    part: tuple[int, int] | None = None
    language: str = "en"

    def as_json(self) -> dict[str, object]:
        return {
            "horsemen": self.horsemen,
            "risk": self.risk,
            "voice": self.voice,
            "highlights": [list(h) for h in self.highlights],
            "suggestion": self.suggestion,
        }


def load() -> None:
    """Load the model now rather than on the first message."""
    encoder.encoder()
    embedding.embedder()
    wording.heads()
    screen.thresholds()
    suggest.library()
    languages.detector()


def analyse(text: str) -> Reading:
    text = text[:MAX_CHARS]
    if not text.strip():
        return Reading()
    found = rules.hits(text)
    phrases = languages.hits(text)
    language = languages.language(text)
    if language != "en":
        # No tone advice in a language the coach was not taught; the phrase
        # lists still screen for risk.
        risk = [label for label in RISKS if any(h.label == label for h in phrases)]
        voice = _voice(risk, any(h.writer for h in phrases if h.label in risk))
        return Reading([], risk, [(h.start, h.end, h.label) for h in phrases], None, voice, None, language)
    vector = embedding.embedder().embed(text)
    scores = screen.read(encoder.encoder(), text, wording.probabilities(vector, text))
    decision = screen.decide(scores, screen.thresholds())
    said = {h.label for h in found} | {h.label for h in phrases}
    risk = [label for label in RISKS if label in decision.risk or label in said]
    if risk:  # the screen comes before the coach: no horsemen, no suggestion
        writer = decision.writer or any(h.writer for h in [*found, *phrases] if h.label in risk)
        marks = [(h.start, h.end, h.label) for h in [*found, *phrases] if h.label in risk]
        return Reading([], risk, sorted(marks), None, _voice(risk, writer), None, language)
    horsemen = [h for h in HORSEMEN if h in decision.horsemen]
    if horsemen and rules.figure_of_speech(text) and not said & set(horsemen):
        horsemen = []  # "you always make me laugh": a loving absolute, not criticism
    if not horsemen:
        return Reading(language=language)
    highlights = [(h.start, h.end, h.label) for h in found if h.label in horsemen]
    start, end = excerpt.part(text, highlights)
    focus = text[start:end]
    if focus != text.strip():
        vector = embedding.embedder().embed(focus)
    suggestion = suggest.suggestion(vector, focus, horsemen)
    return Reading(horsemen, [], highlights, suggestion, None, (start, end), language)


def _voice(risk: list[str], writer: bool) -> str | None:
    if not risk:
        return None
    return "writer" if writer and set(risk) & set(screen.DANGER) else "other"
