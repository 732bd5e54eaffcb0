"""Fine-tuning: the encoder and the heads together, on a CPU or a GPU."""

from __future__ import annotations

import math
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from tokenizers import Tokenizer

from hearth.coach.encoder import HEADS, MAX_TOKENS, RISKS
from hearth.coach.training.examples import Example
from hearth.coach.training.network import Network


@dataclass(frozen=True)
class Settings:
    epochs: int = 4
    batch: int = 32
    lr: float = 5e-5
    head_lr: float = 1e-3
    warmup: float = 0.1
    weight_decay: float = 0.01
    composites: float = 1.0  # times the usual number of composites (0: none)
    risk_weight: float = 1.0  # the risk heads' share of the loss, against the horsemen's
    quantize: str = "int8"  # how the ONNX file is stored: int8 (per channel), int8-matmul, fp32
    seed: int = 0


def device(choice: str = "auto") -> torch.device:
    if choice == "auto":
        choice = "cuda" if torch.cuda.is_available() else "cpu"
    return torch.device(choice)


def tokenizer(base: Path) -> Tokenizer:
    loaded = Tokenizer.from_file(str(base / "tokenizer.json"))
    loaded.enable_truncation(max_length=MAX_TOKENS)
    loaded.no_padding()
    return loaded


def batches(lengths: list[int], size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of texts of similar length (little padding)."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = size * 50
    out = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: lengths[i])
        out += [chunk[i : i + size] for i in range(0, len(chunk), size)]
    rng.shuffle(out)
    return out


def _pad(ids: list[list[int]], on: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(x) for x in ids)
    padded = torch.zeros((len(ids), width), dtype=torch.long)
    mask = torch.zeros((len(ids), width), dtype=torch.long)
    for row, x in enumerate(ids):
        padded[row, : len(x)] = torch.tensor(x)
        mask[row, : len(x)] = 1
    return padded.to(on), mask.to(on)


@torch.no_grad()
def base_vectors(network: Network, ids: list[list[int]], on: torch.device) -> torch.Tensor:
    """The untouched model's unit sentence vectors (to group near-duplicates)."""
    network.eval()
    out = torch.zeros((len(ids), network.head.in_features))
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    for start in range(0, len(order), 128):
        chunk = order[start : start + 128]
        pooled = network.pooled(*_pad([ids[i] for i in chunk], on))
        out[chunk] = torch.nn.functional.normalize(pooled, dim=-1).float().cpu()
    return out


def fit(
    examples: list[Example], base: Path, settings: Settings, on: torch.device, quiet: bool = False
) -> Network:
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    network = Network(base)
    # The word embeddings stay as they are: most of the model's weights, few
    # of them seen in a few thousand messages, and half the time of a step.
    network.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    network.to(on)
    ids = [e.ids for e in tokenizer(base).encode_batch([x.text for x in examples])]
    targets = torch.tensor(np.stack([x.target for x in examples]))
    masks = torch.tensor(np.stack([x.mask for x in examples]))
    weights = torch.ones(len(HEADS))
    weights[[HEADS.index(h) for h in ("risk", *RISKS, "writer")]] = settings.risk_weight
    groups = [
        {"params": [p for p in network.bert.parameters() if p.requires_grad], "lr": settings.lr},
        {"params": network.head.parameters(), "lr": settings.head_lr},
    ]
    optimiser = torch.optim.AdamW(groups, weight_decay=settings.weight_decay)
    steps = settings.epochs * math.ceil(len(examples) / settings.batch)
    warm = max(1, int(steps * settings.warmup))

    def rate(step: int) -> float:
        return step / warm if step < warm else max(0.0, (steps - step) / max(1, steps - warm))

    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, rate)
    lengths = [len(x) for x in ids]
    for epoch in range(settings.epochs):
        network.train()
        started, total = time.perf_counter(), 0.0
        for batch in batches(lengths, settings.batch, rng):
            tokens, attention = _pad([ids[i] for i in batch], on)
            logits = network(tokens, attention)
            y, m = targets[batch].to(on), masks[batch].to(on)
            loss_each = torch.nn.functional.binary_cross_entropy_with_logits(logits, y, reduction="none")
            loss = (loss_each * m * weights.to(on)).sum() / m.sum()
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(batch)
        if not quiet:
            print(
                f"  epoch {epoch + 1}: loss {total / len(examples):.4f},"
                f" {time.perf_counter() - started:.0f} s",
                file=sys.stderr,
            )
    network.eval()
    return network
