"""Where the coach's files are: its data under `content/coach/`, its weights here."""

from pathlib import Path

CONTENT = Path(__file__).resolve().parents[2] / "content" / "coach"
DATASET = CONTENT / "dataset"
REWRITES = CONTENT / "rewrites.toml"
MODEL = Path(__file__).with_name("model.npz")
