"""``python -m hearth.coach.train`` (``make train``): fine-tune the coach's model.

1. The pool: the train and dev splits. The test split is never read.
2. Cross-validation: the pool in ``--folds`` folds, near-duplicates always in
   the same fold. For each fold, fine-tune all-MiniLM-L6-v2 on the rest (with
   composites, `training/examples.py`), export it to int8 ONNX exactly as
   Hearth runs it, and read the held-out messages through the same windows
   and code as at run time.
3. The thresholds, chosen on those held-out readings (`training/calibrate.py`);
   the cross-validated figures are printed and kept.
   The wording heads (`wording.py`) are fitted on the same folds, so the
   horsemen's thresholds are chosen on the blend Hearth runs.
4. The final model: fine-tuned on the whole pool, written to
   ``hearth/coach/model/`` (``coach.onnx``, ``tokenizer.json``,
   ``wording.npz``, ``calibration.json``), and the rewrites' vectors
   (``rewrites.npz``).

Runs in ``.venv-train`` (torch, transformers, scikit-learn). About an hour on
two CPU cores; a few minutes on a GPU, used when there is one.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.model_selection import StratifiedGroupKFold

from hearth.coach import dataset, embedding, languages, rules, screen, suggest, wording
from hearth.coach.dataset import Message
from hearth.coach.encoder import RISKS, Encoder, session, sha256, tokenizer
from hearth.coach.files import CALIBRATION, MODEL_DIR, ONNX, TOKENIZER, WORDING
from hearth.coach.measures import Figures, Guess, figures
from hearth.coach.training import calibrate
from hearth.coach.training import wording as wording_fit
from hearth.coach.training.examples import build
from hearth.coach.training.fit import Settings, base_vectors, device, fit
from hearth.coach.training.fit import tokenizer as train_tokenizer
from hearth.coach.training.network import Network, base_model_dir, export


def folds(messages: list[Message], base: Path, on: torch.device, count: int) -> np.ndarray:
    """A fold for each message: near-duplicates (base model cosine ≥ 0.85)
    together, each kind and label spread evenly."""
    texts = [m.text for m in messages]
    ids = [e.ids for e in train_tokenizer(base).encode_batch(texts)]
    vectors = base_vectors(Network(base).to(on), ids, on).numpy()
    parent = list(range(len(texts)))
    for i in range(len(texts)):
        for j in np.nonzero(vectors[i + 1 :] @ vectors[i] >= dataset.NEAR)[0]:
            a, b = parent[i], parent[i + 1 + int(j)]
            while parent[a] != a:
                a = parent[a]
            while parent[b] != b:
                b = parent[b]
            parent[max(a, b)] = min(a, b)
    groups = []
    for i in range(len(texts)):
        while parent[i] != parent[parent[i]]:
            parent[i] = parent[parent[i]]
        groups.append(parent[i])
    strata = [f"{m.kind}:{sorted(m.labels)[0] if m.labels else ''}" for m in messages]
    out = np.zeros(len(messages), dtype=int)
    splitter = StratifiedGroupKFold(count, shuffle=True, random_state=0)
    for k, (_, held) in enumerate(splitter.split(texts, strata, groups)):
        out[held] = k
    return out


def said(text: str) -> bool:
    """Whether a risk phrase alone finds the text (run time does the same)."""
    return any(h.label in RISKS for h in [*rules.hits(text), *languages.hits(text)])


def guesses(readings: list[screen.Scores], found: list[bool], t: screen.Thresholds) -> list[Guess]:
    out = []
    for s, phrase in zip(readings, found, strict=True):
        d = screen.decide(s, t)
        risk = bool(d.risk) or phrase
        out.append(Guess(risk, d.writer, frozenset() if risk else frozenset(d.horsemen)))
    return out


def export_to(network: Network, folder: Path, quantize: str) -> Path:
    model = folder / "coach.onnx"
    export(network, folder / "fp32.onnx", model, quantize)
    (folder / "fp32.onnx").unlink(missing_ok=True)
    return model


def cross_validate(
    messages: list[Message],
    base: Path,
    settings: Settings,
    on: torch.device,
    count: int,
    threads: int,
    oof: Path | None = None,
) -> tuple[screen.Thresholds, Figures]:
    """Thresholds and figures from the held-out folds; with `oof`, each
    held-out reading is also written there (JSON lines) to study errors."""
    fold = folds(messages, base, on, count)
    vectors = embedding.embedder().embed_many([m.text for m in messages])
    readings: list[screen.Scores | None] = [None] * len(messages)
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(count):
            started = time.perf_counter()
            train = [m for m, f in zip(messages, fold, strict=True) if f != k]
            network = fit(build(train, settings.seed + k, settings.composites), base, settings, on)
            model = Encoder(
                session(export_to(network, Path(tmp), settings.quantize), threads),
                tokenizer(base / "tokenizer.json"),
            )
            rest = [i for i, f in enumerate(fold) if f != k]
            heads = wording_fit.fit([messages[i] for i in rest], vectors[rest])
            held = [i for i, f in enumerate(fold) if f == k]
            said_by_wording = [wording.probabilities(vectors[i], messages[i].text, heads) for i in held]
            texts = [messages[i].text for i in held]
            for i, s in zip(held, screen.read_many(model, texts, said_by_wording), strict=True):
                readings[i] = s
            print(f"fold {k + 1}/{count}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    done = [r for r in readings if r is not None]
    found = [said(m.text) for m in messages]
    chosen = calibrate.choose(messages, done, found)
    if oof:
        with oof.open("w", encoding="utf-8") as out:
            for i, (m, r) in enumerate(zip(messages, done, strict=True)):
                row = {
                    "text": m.text,
                    "labels": sorted(m.labels),
                    "kind": m.kind,
                    "voice": m.voice,
                    "fold": int(fold[i]),
                    "phrase": found[i],
                    "risk": r.risk,
                    "pairs": r.pairs,
                    "kinds": r.kinds,
                    "writer": r.writer,
                    "horsemen": r.horsemen,
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return chosen, figures(messages, guesses(done, found, chosen))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hearth.coach.train", description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--device", default="auto", help="auto (a GPU when there is one), cpu or cuda")
    parser.add_argument(
        "--base", type=Path, help="a folder holding all-MiniLM-L6-v2 (default: the package's)"
    )
    parser.add_argument(
        "--cv-only", action="store_true", help="print the cross-validated figures, write nothing"
    )
    parser.add_argument("--sample", type=int, help="train on this many messages only (a quick check)")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write the model")
    parser.add_argument("--oof", type=Path, help="write every held-out reading here (JSON lines)")
    for field in dataclasses.fields(Settings):
        parser.add_argument(
            f"--{field.name.replace('_', '-')}", type=type(field.default), default=field.default
        )
    args = parser.parse_args(argv)
    settings = Settings(**{f.name: getattr(args, f.name) for f in dataclasses.fields(Settings)})
    on = device(args.device)
    threads = max(1, torch.get_num_threads())
    base = base_model_dir(args.base)
    if leaks := dataset.check_splits():
        print("Near-duplicates sit in two splits; move each pair into one split first:", *leaks, sep="\n")
        return 1
    messages = dataset.load(["train", "dev"])
    if args.sample:
        step = max(1, len(messages) // args.sample)
        messages = messages[::step]
    print(f"{len(messages)} messages, {settings}, on {on}", file=sys.stderr)
    thresholds, cv = cross_validate(messages, base, settings, on, args.folds, threads, args.oof)
    print("\n".join(["cross-validated:", *cv.lines()]))
    print(json.dumps(thresholds.as_json()))
    if args.cv_only:
        return 0
    network = fit(build(messages, settings.seed, settings.composites), base, settings, on)
    args.out.mkdir(parents=True, exist_ok=True)
    vectors = embedding.embedder().embed_many([m.text for m in messages])
    wording_fit.fit(messages, vectors).save(str(args.out / WORDING.name))
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copyfile(export_to(network, Path(tmp), settings.quantize), args.out / ONNX.name)
    shutil.copyfile(base / "tokenizer.json", args.out / TOKENIZER.name)
    calibration = {
        "model_sha256": sha256(args.out / ONNX.name),
        "fingerprint": dataset.fingerprint(),
        "thresholds": thresholds.as_json(),
        "settings": dataclasses.asdict(settings),
        "folds": args.folds,
        "messages": len(messages),
        "cross_validated": cv.lines(),
    }
    (args.out / CALIBRATION.name).write_text(json.dumps(calibration, indent=1) + "\n", encoding="utf-8")
    if args.out == MODEL_DIR:
        suggest.write_vectors()
    print(f"Wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
