#!/usr/bin/env python3
"""Builds the benchmark model set: real architectures with seeded random weights.

Usage: $(bash scripts/venv.sh bench) scripts/make_bench_models.py [DEST] [--only NAME,...]

DEST defaults to bench/models (ignored by git: ResNet-50 alone is 100 MB). For each model it writes

    DEST/<name>/model.onnx
    DEST/<name>/test_data_set_0/input_K.pb   (seeded random inputs)
    DEST/<name>/test_data_set_0/output_K.pb  (onnxruntime's outputs)
    DEST/<name>/meta.txt                     (source, exporter, parameter count)

Sources, all built locally (no model hub is reachable, and nothing here downloads weights):
  - the `onnx` package's light zoo (ResNet-50, SqueezeNet), whose ConstantOfShape weight stubs
    are replaced with seeded random initialisers of the same shapes;
  - torchvision and transformers model definitions with random initialisation, exported by
    `torch.onnx.export` with its default (dynamo) exporter, as a user would;
  - small PyTorch modules written here where no library defines the architecture (YOLO-style
    detector, LSTM/GRU tagger, MLP, keyword-spotting DS-CNN).
A model is skipped when its folder is complete and was made by the same script version.
"""

import sys
import time
import warnings
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_models import ROOT, write_case  # noqa: E402

# Bump when a model's definition or export settings change so existing folders are rebuilt.
VERSION = "1"
OPSET = 18

warnings.filterwarnings("ignore")


# ------------------------------------------------------------------------------------------------
# Light zoo graphs with real weights
# ------------------------------------------------------------------------------------------------


def light_zoo(name: str) -> tuple[onnx.ModelProto, dict, str]:
    """The light model's graph with every ConstantOfShape weight stub made a random initialiser.

    Weights are scaled like He initialisation (by fan-in) and BatchNorm variances are positive,
    so activations keep a sane range through 50 layers instead of overflowing.
    """
    light = Path(onnx.__file__).resolve().parent / "backend" / "test" / "data" / "light"
    model = onnx.load(str(light / f"light_{name}.onnx"))
    rng = np.random.default_rng(0)
    consts = {}
    for init in model.graph.initializer:
        consts[init.name] = numpy_helper.to_array(init)
    kept, new_inits = [], []
    for node in model.graph.node:
        if node.op_type == "ConstantOfShape" and node.input[0] in consts:
            shape = [int(d) for d in consts[node.input[0]]]
            out = node.output[0]
            if len(shape) >= 2:
                fan_in = int(np.prod(shape[1:]))
                value = rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)
            elif out.endswith(("_s_0", "scale_0")) or "_bn_s" in out:
                value = 1.0 + 0.1 * rng.standard_normal(shape)
            elif "riv" in out or "var" in out:
                value = 1.0 + 0.1 * np.abs(rng.standard_normal(shape))
            else:
                value = 0.05 * rng.standard_normal(shape)
            new_inits.append(numpy_helper.from_array(value.astype(np.float32), out))
        else:
            kept.append(node)
    used = {i for n in kept for i in n.input}
    inits = [i for i in model.graph.initializer if i.name in used] + new_inits
    del model.graph.node[:]
    model.graph.node.extend(kept)
    del model.graph.initializer[:]
    model.graph.initializer.extend(inits)
    # IR 3 wanted every initialiser listed as a graph input; from IR 4 they are plain constants.
    model.ir_version = max(model.ir_version, 4)
    # Drop inputs that were weight-shape constants, and a Caffe2 queue input nothing reads.
    drop = set(consts) | {i.name for i in inits}
    graph_inputs = [i for i in model.graph.input if i.name not in drop and i.name in used]
    del model.graph.input[:]
    model.graph.input.extend(graph_inputs)
    inp = model.graph.input[0]
    shape = [d.dim_value for d in inp.type.tensor_type.shape.dim]
    feeds = {inp.name: np.random.default_rng(1).standard_normal(shape).astype(np.float32)}
    return model, feeds, f"onnx {onnx.__version__} light zoo graph, random weights"


# ------------------------------------------------------------------------------------------------
# PyTorch-defined models
# ------------------------------------------------------------------------------------------------


def export(module, args: tuple, input_names: list, output_names: list) -> tuple[onnx.ModelProto, str]:
    """Exports with the default torch.onnx exporter; falls back to the TorchScript one."""
    import io

    import torch

    module.eval()
    try:
        program = torch.onnx.export(
            module, args, input_names=input_names, output_names=output_names, opset_version=OPSET, dynamo=True,
            verbose=False,
        )
        program.optimize()
        model = program.model_proto
        how = f"torch {torch.__version__} onnx.export(dynamo=True), opset {OPSET}"
    except Exception as err:  # noqa: BLE001 - report and try the other exporter
        print(f"  dynamo export failed ({type(err).__name__}: {str(err)[:200]}); using dynamo=False")
        buf = io.BytesIO()
        torch.onnx.export(
            module, args, buf, input_names=input_names, output_names=output_names, opset_version=OPSET, dynamo=False
        )
        model = onnx.load_from_string(buf.getvalue())
        how = f"torch {torch.__version__} onnx.export(dynamo=False), opset {OPSET}"
    return model, how


def image_model(build, size: int = 224):
    import torch

    torch.manual_seed(0)
    net = build()
    x = torch.randn(1, 3, size, size)
    model, how = export(net, (x,), ["image"], ["logits"])
    return model, {"image": x.numpy()}, how


def torchvision_model(arch: str):
    import torchvision

    return lambda: image_model(lambda: getattr(torchvision.models, arch)(weights=None))


def bert():
    """A MiniLM-L6-sized BERT encoder (6 layers, hidden 384, 12 heads) at sequence length 128."""
    import torch
    from transformers import BertConfig, BertModel

    torch.manual_seed(0)
    config = BertConfig(
        hidden_size=384, num_hidden_layers=6, num_attention_heads=12, intermediate_size=1536,
        attn_implementation="eager",
    )
    net = BertModel(config, add_pooling_layer=False)
    ids = torch.randint(0, config.vocab_size, (1, 128))
    mask = torch.ones(1, 128, dtype=torch.int64)
    mask[0, 100:] = 0

    class Encoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.net = net

        def forward(self, input_ids, attention_mask):
            return self.net(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    model, how = export(Encoder(), (ids, mask), ["input_ids", "attention_mask"], ["last_hidden_state"])
    return model, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()}, how


def gpt2():
    """A distilgpt2-sized decoder (6 layers, hidden 768, 12 heads) on 64 tokens, no KV cache."""
    import torch
    from transformers import GPT2Config, GPT2Model

    torch.manual_seed(0)
    config = GPT2Config(n_layer=6, n_embd=768, n_head=12, n_positions=256, use_cache=False,
                        attn_implementation="eager")
    net = GPT2Model(config)
    ids = torch.randint(0, config.vocab_size, (1, 64))

    class Decoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.net = net

        def forward(self, input_ids):
            return self.net(input_ids=input_ids).last_hidden_state

    model, how = export(Decoder(), (ids,), ["input_ids"], ["last_hidden_state"])
    return model, {"input_ids": ids.numpy()}, how


def vit():
    """A DeiT-Tiny-sized ViT (12 layers, hidden 192, 3 heads, patch 16) on a 224x224 image."""
    import torch
    from transformers import ViTConfig, ViTModel

    torch.manual_seed(0)
    config = ViTConfig(hidden_size=192, num_hidden_layers=12, num_attention_heads=3, intermediate_size=768,
                       image_size=224, patch_size=16, attn_implementation="eager")
    net = ViTModel(config, add_pooling_layer=False)

    class Encoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.net = net

        def forward(self, pixel_values):
            return self.net(pixel_values=pixel_values).last_hidden_state

    x = torch.randn(1, 3, 224, 224)
    model, how = export(Encoder(), (x,), ["pixel_values"], ["last_hidden_state"])
    return model, {"pixel_values": x.numpy()}, how


def yolo():
    """A YOLOv5/v8-style detector: CSP backbone with SiLU, SPPF, FPN neck, decoded 3-scale head."""
    import torch
    from torch import nn

    def conv(c1, c2, k=1, s=1):
        return nn.Sequential(nn.Conv2d(c1, c2, k, s, k // 2, bias=False), nn.BatchNorm2d(c2), nn.SiLU())

    class Bottleneck(nn.Module):
        def __init__(self, c):
            super().__init__()
            self.a, self.b = conv(c, c, 3), conv(c, c, 3)

        def forward(self, x):
            return x + self.b(self.a(x))

    class C2f(nn.Module):
        def __init__(self, c1, c2, n=1):
            super().__init__()
            self.c = c2 // 2
            self.cv1 = conv(c1, 2 * self.c)
            self.m = nn.ModuleList(Bottleneck(self.c) for _ in range(n))
            self.cv2 = conv((2 + n) * self.c, c2)

        def forward(self, x):
            y = list(self.cv1(x).chunk(2, 1))
            for m in self.m:
                y.append(m(y[-1]))
            return self.cv2(torch.cat(y, 1))

    class SPPF(nn.Module):
        def __init__(self, c):
            super().__init__()
            self.cv1, self.cv2 = conv(c, c // 2), conv(c * 2, c)
            self.pool = nn.MaxPool2d(5, 1, 2)

        def forward(self, x):
            x = self.cv1(x)
            y1 = self.pool(x)
            y2 = self.pool(y1)
            return self.cv2(torch.cat([x, y1, y2, self.pool(y2)], 1))

    class Detector(nn.Module):
        def __init__(self, classes=20, w=(16, 32, 64, 128, 256)):
            super().__init__()
            self.stem = nn.Sequential(conv(3, w[0], 3, 2), conv(w[0], w[1], 3, 2), C2f(w[1], w[1]))
            self.p3 = nn.Sequential(conv(w[1], w[2], 3, 2), C2f(w[2], w[2], 2))
            self.p4 = nn.Sequential(conv(w[2], w[3], 3, 2), C2f(w[3], w[3], 2))
            self.p5 = nn.Sequential(conv(w[3], w[4], 3, 2), C2f(w[4], w[4]), SPPF(w[4]))
            self.up = nn.Upsample(scale_factor=2, mode="nearest")
            self.n4 = C2f(w[4] + w[3], w[3])
            self.n3 = C2f(w[3] + w[2], w[2])
            self.heads = nn.ModuleList(nn.Conv2d(c, 4 + 1 + classes, 1) for c in (w[2], w[3], w[4]))
            self.strides = (8, 16, 32)

        def forward(self, x):
            p3 = self.p3(self.stem(x))
            p4 = self.p4(p3)
            p5 = self.p5(p4)
            n4 = self.n4(torch.cat([self.up(p5), p4], 1))
            n3 = self.n3(torch.cat([self.up(n4), p3], 1))
            outs = []
            for head, feat, stride in zip(self.heads, (n3, n4, p5), self.strides):
                y = head(feat).sigmoid()
                b, c, h, w = y.shape
                y = y.view(b, c, h * w).transpose(1, 2)
                gy, gx = torch.meshgrid(torch.arange(h), torch.arange(w), indexing="ij")
                grid = torch.stack([gx, gy], -1).view(1, h * w, 2).float()
                xy = (y[..., :2] * 2 - 0.5 + grid) * stride
                wh = (y[..., 2:4] * 2) ** 2 * stride * 4
                outs.append(torch.cat([xy, wh, y[..., 4:]], -1))
            return torch.cat(outs, 1)

    torch.manual_seed(0)
    x = torch.rand(1, 3, 320, 320)
    model, how = export(Detector(), (x,), ["image"], ["detections"])
    return model, {"image": x.numpy()}, how


def rnn():
    """A speech tagger: 2-layer LSTM then a GRU over 50 frames of 40 features, linear classifier."""
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(40, 128, num_layers=2, batch_first=True)
            self.gru = nn.GRU(128, 128, batch_first=True)
            self.out = nn.Linear(128, 32)

        def forward(self, x):
            y, _ = self.lstm(x)
            y, _ = self.gru(y)
            return self.out(y)

    torch.manual_seed(0)
    x = torch.randn(1, 50, 40)
    model, how = export(Tagger(), (x,), ["features"], ["logits"])
    return model, {"features": x.numpy()}, how


def mlp():
    """An MNIST-sized MLP, 784-512-256-10 (535k parameters)."""
    import torch
    from torch import nn

    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 10))
    x = torch.randn(1, 784)
    model, how = export(net, (x,), ["x"], ["logits"])
    return model, {"x": x.numpy()}, how


def kws():
    """A DS-CNN keyword spotter (Hello Edge, small): MFCC 49x10 in, 12 classes out (24k params)."""
    import torch
    from torch import nn

    def dw_block(c):
        return nn.Sequential(
            nn.Conv2d(c, c, 3, 1, 1, groups=c, bias=False), nn.BatchNorm2d(c), nn.ReLU(),
            nn.Conv2d(c, c, 1, bias=False), nn.BatchNorm2d(c), nn.ReLU(),
        )

    torch.manual_seed(0)
    net = nn.Sequential(
        nn.Conv2d(1, 64, (10, 4), (2, 2), (5, 1), bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        *[dw_block(64) for _ in range(4)],
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 12),
    )
    x = torch.randn(1, 1, 49, 10)
    model, how = export(net, (x,), ["mfcc"], ["logits"])
    return model, {"mfcc": x.numpy()}, how


MODELS = {
    "resnet50": lambda: light_zoo("resnet50"),
    "squeezenet": lambda: light_zoo("squeezenet"),
    "mobilenet_v2": torchvision_model("mobilenet_v2"),
    "mobilenet_v3": torchvision_model("mobilenet_v3_large"),
    "efficientnet_b0": torchvision_model("efficientnet_b0"),
    "bert": bert,
    "gpt2": gpt2,
    "vit": vit,
    "yolo": yolo,
    "rnn": rnn,
    "mlp": mlp,
    "kws": kws,
}


def parameter_count(model: onnx.ModelProto) -> int:
    return sum(int(np.prod(i.dims)) for i in model.graph.initializer)


def main(argv: list[str]) -> int:
    dest = ROOT / "bench" / "models"
    only = None
    args = iter(argv)
    for a in args:
        if a == "--only":
            only = set(next(args).split(","))
        else:
            dest = Path(a).resolve()
    unknown = (only or set()) - MODELS.keys()
    if unknown:
        print(f"unknown model(s): {', '.join(sorted(unknown))}; known: {', '.join(MODELS)}")
        return 2
    for name, build in MODELS.items():
        if only and name not in only:
            continue
        folder = dest / name
        meta = folder / "meta.txt"
        if meta.exists() and meta.read_text().startswith(f"version {VERSION}\n"):
            print(f"{name}: up to date")
            continue
        t0 = time.time()
        model, feeds, how = build()
        onnx.checker.check_model(model)
        write_case(folder, model, feeds)
        ops = len(model.graph.node)
        meta.write_text(f"version {VERSION}\nsource {how}\nparameters {parameter_count(model)}\nonnx_nodes {ops}\n")
        print(f"{name}: {how}; {parameter_count(model)} parameters, {ops} nodes ({time.time() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
