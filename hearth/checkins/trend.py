"""The weekly pulse as a small server-rendered SVG: the couple's line ("us")
and the viewer's own line. Never the partner's own line: no scorecard."""

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT, PAD = 320, 140, 24


@dataclass(frozen=True)
class Point:
    week: date
    us: float | None
    me: int | None


@dataclass(frozen=True)
class Trend:
    points: list[Point]
    us_path: str
    me_path: str
    us_dots: list[tuple[float, float]]
    me_dots: list[tuple[float, float]]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def gridlines(self) -> list[tuple[int, float]]:
        return [(level, _y(level)) for level in range(1, 6)]

    @property
    def axis_dates(self) -> list[tuple[float, str, date]]:
        """The first and last weeks under the line, (x, text-anchor, week):
        enough to read when the trend runs from and to, without crowding."""
        n = len(self.points)
        if n == 0:
            return []
        if n == 1:
            return [(_x(0, 1), "middle", self.points[0].week)]
        return [(_x(0, n), "start", self.points[0].week), (_x(n - 1, n), "end", self.points[-1].week)]


def _x(i: int, n: int) -> float:
    if n == 1:
        return WIDTH / 2
    return PAD + i * (WIDTH - 2 * PAD) / (n - 1)


def _y(value: float) -> float:
    return round(HEIGHT - PAD - (value - 1) * (HEIGHT - 2 * PAD) / 4, 1)


def _path(coords: list[tuple[float, float]]) -> str:
    return " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(coords))


def build(points: list[Point]) -> Trend:
    n = len(points)
    us = [(_x(i, n), _y(p.us)) for i, p in enumerate(points) if p.us is not None]
    me = [(_x(i, n), _y(p.me)) for i, p in enumerate(points) if p.me is not None]
    return Trend(points=points, us_path=_path(us), me_path=_path(me), us_dots=us, me_dots=me)
