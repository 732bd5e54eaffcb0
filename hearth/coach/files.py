"""Where the coach's files are: its data under `content/coach/`, its model here."""

from pathlib import Path

CONTENT = Path(__file__).resolve().parents[2] / "content" / "coach"
DATASET = CONTENT / "dataset"
PHRASES = CONTENT / "phrases"
REWRITES = CONTENT / "rewrites.toml"
MODEL_DIR = Path(__file__).with_name("model")
ONNX = MODEL_DIR / "coach.onnx"
TOKENIZER = MODEL_DIR / "tokenizer.json"
CALIBRATION = MODEL_DIR / "calibration.json"
REWRITE_VECTORS = MODEL_DIR / "rewrites.npz"
WORDING = MODEL_DIR / "wording.npz"
