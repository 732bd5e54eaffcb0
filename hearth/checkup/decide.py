"""How Hearth reads a check-up: the areas, and when it recommends couples
counselling. Every threshold is here, named, and tested at its boundary.

- An item's score is the answer (1-5), turned round (6 - answer) for
  statements where agreeing is a sign of strain.
- A person's area score is the mean of their item scores in that area.
- An area is one to **work on together** when *either* partner's area score
  is below WORK_ON (the couple sees the area, never whose answers put it
  there); it is **going well** when both are at or above GOING_WELL.
- The couple's composite is the mean of both partners' item scores; it is in
  the **low band** below LOW_BAND.
- Hearth **recommends couples counselling** when the composite was in the
  low band on two check-ups in a row, or when either partner ticked anything
  under "what's weighing on us" (the same conflict keeps coming back, past
  trauma, walls too heavy to break alone).
- **Safety first:** when either partner's own answer says they are afraid of
  the other, or the safety screen read violence or control in something
  either of them sent in the last 90 days (`safety.signals`),
  Hearth does not recommend couples counselling to the couple; that person
  alone is shown domestic-abuse help for their country. The partner is told
  nothing.
"""

from dataclasses import dataclass
from statistics import mean

from hearth.checkup.content import CheckupContent

WORK_ON = 3.0
GOING_WELL = 3.5
LOW_BAND = 2.5


def item_score(answer: int, reverse: bool) -> int:
    return 6 - answer if reverse else answer


def area_score(scores: dict[str, int], content: CheckupContent, area: str) -> float | None:
    values = [item_score(scores[i.key], i.reverse) for i in content.items_in(area) if i.key in scores]
    return mean(values) if values else None


def composite(both: list[dict[str, int]], content: CheckupContent) -> float:
    reverse = {i.key: i.reverse for i in content.items}
    return mean(item_score(v, reverse[k]) for scores in both for k, v in scores.items() if k in reverse)


@dataclass(frozen=True)
class Areas:
    work_on: list[str]
    going_well: list[str]


def areas(both: list[dict[str, int]], content: CheckupContent) -> Areas:
    work_on, going_well = [], []
    for area in content.areas:
        scores = [s for s in (area_score(p, content, area.key) for p in both) if s is not None]
        if not scores:
            continue
        if min(scores) < WORK_ON:
            work_on.append(area.key)
        elif min(scores) >= GOING_WELL:
            going_well.append(area.key)
    return Areas(work_on, going_well)


def recommend_counselling(composites: list[float], weighing_ticked: bool, someone_afraid: bool) -> bool:
    """`composites` oldest first, ending with this check-up's."""
    if someone_afraid:
        return False
    if weighing_ticked:
        return True
    return len(composites) >= 2 and composites[-1] < LOW_BAND and composites[-2] < LOW_BAND
