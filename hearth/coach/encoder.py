"""The coach's own model, offline: all-MiniLM-L6-v2 fine-tuned on the
project's labelled messages, as an int8 ONNX file in ``model/``.

One call reads texts and gives, for each, the probability of every head
(``HEADS``). It runs on onnxruntime and tokenizers alone, with one thread.
Each text goes through the model on its own: the int8 model scales its
activations over everything in one run, so a text read beside another (or
beside padding) would get different numbers, by up to 0.1. Alone, a text
always gets the same numbers, and it is faster too (no padding). The file's
sha256 is checked when it is loaded, once per process.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from hearth.coach.files import CALIBRATION, ONNX, TOKENIZER

if TYPE_CHECKING:
    from numpy.typing import NDArray

MAX_TOKENS = 128
HORSEMEN = ("criticism", "contempt", "defensiveness", "stonewalling")
RISKS = ("self_harm", "partner_violence", "coercive_control")
# "writer": the writer is the one threatening or controlling (only read on
# violence and control); the rest are what their names say.
HEADS = ("risk", *RISKS, "writer", *HORSEMEN)


class ModelMissing(RuntimeError):
    """The model file is missing or not the one the calibration was made for."""


@dataclass
class Encoder:
    session: Any
    tokenizer: Any

    def run(self, texts: list[str]) -> NDArray[np.float32]:
        """Probabilities: one row per text, one column per head."""
        rows = np.zeros((len(texts), len(HEADS)), np.float32)
        for i, encoding in enumerate(self.tokenizer.encode_batch(texts)):
            ids = np.array([encoding.ids], dtype=np.int64)
            mask = np.array([encoding.attention_mask], dtype=np.int64)
            (probabilities,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            rows[i] = probabilities[0]
        return rows


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tokenizer(path: Path = TOKENIZER) -> Any:
    from tokenizers import Tokenizer

    loaded = Tokenizer.from_file(str(path))
    loaded.enable_truncation(max_length=MAX_TOKENS)
    loaded.no_padding()  # the file pads to 128 tokens; each text is read alone
    return loaded


def session(path: Path, threads: int = 1) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])


_lock = threading.Lock()


@cache
def _load() -> Encoder:
    for path in (ONNX, TOKENIZER, CALIBRATION):
        if not path.is_file():
            raise ModelMissing(f"{path} is missing: run `make train`, or check out the repository again.")
    expected = json.loads(CALIBRATION.read_text(encoding="utf-8"))["model_sha256"]
    if sha256(ONNX) != expected:
        raise ModelMissing(f"{ONNX} is not the model its calibration was made for: run `make train`.")
    return Encoder(session(ONNX), tokenizer())


def encoder() -> Encoder:
    """The process's model, loaded on first use."""
    with _lock:
        return _load()
