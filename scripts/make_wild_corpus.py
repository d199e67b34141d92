"""Real trained models from PyPI wheels, with inputs made the way each package makes them and
onnxruntime's outputs: the corpus `ronnc check` runs with no flags (issue 25, item 4).

    target/venv/bin/python scripts/make_wild_corpus.py [DEST]    # default target/wild

Each wheel is pinned and downloaded with `pip download` (PyPI only, never a model hub) into
DEST/wheels; its models are taken out of the wheel into DEST/<name>/model.onnx, with data sets
in the ONNX test layout (test_data_set_N/input_0.pb, output_0.pb). Every symbolic dim is left
to `ronnc check`, which bounds it by the data sets: two or three sizes per model, so one build
runs them all. Inputs are seeded random values in the range the package's own preprocessing
gives (normalised images), at the sizes its code feeds.

Models:
- rapidocr-onnxruntime 1.3.24 (PaddleOCR exported by paddle2onnx): the PP-OCRv4 text
  detector (DBNet, batch x 3 x H x W with H and W multiples of 32, as its resizing makes them),
  the PP-OCRv4 recogniser (batch x 3 x 48 x W, its line height) and the mobile v2 direction
  classifier (batch x 3 x 48 x 192).
"""

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import onnxruntime as ort
from onnx import numpy_helper

ROOT = Path(__file__).resolve().parent.parent
WHEELS = {"rapidocr-onnxruntime": "1.3.24"}
# name: (wheel, path inside it, input shapes per data set)
MODELS = {
    "ppocr_v4_det": ("rapidocr-onnxruntime", "rapidocr_onnxruntime/models/ch_PP-OCRv4_det_infer.onnx",
                     [(1, 3, 320, 480), (1, 3, 640, 352), (2, 3, 224, 224)]),
    "ppocr_v4_rec": ("rapidocr-onnxruntime", "rapidocr_onnxruntime/models/ch_PP-OCRv4_rec_infer.onnx",
                     [(1, 3, 48, 320), (3, 3, 48, 160)]),
    "ppocr_mobile_v2_cls": ("rapidocr-onnxruntime", "rapidocr_onnxruntime/models/ch_ppocr_mobile_v2.0_cls_infer.onnx",
                            [(1, 3, 48, 192), (4, 3, 48, 192)]),
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


def main() -> None:
    dest = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "wild"
    for name, (package, inner, shapes) in MODELS.items():
        case = dest / name
        case.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel(dest, package)) as z:
            (case / "model.onnx").write_bytes(z.read(inner))
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        session = ort.InferenceSession(str(case / "model.onnx"), options, providers=["CPUExecutionProvider"])
        rng = np.random.default_rng(len(name))
        for k, shape in enumerate(shapes):
            # Normalised images: (pixel / 255 - 0.5) / 0.5, in [-1, 1].
            x = rng.uniform(-1.0, 1.0, shape).astype(np.float32)
            inp = session.get_inputs()[0].name
            outs = session.run(None, {inp: x})
            data = case / f"test_data_set_{k}"
            data.mkdir(exist_ok=True)
            (data / "input_0.pb").write_bytes(numpy_helper.from_array(x, inp).SerializeToString())
            for j, (o, v) in enumerate(zip(session.get_outputs(), outs)):
                (data / f"output_{j}.pb").write_bytes(numpy_helper.from_array(np.asarray(v), o.name).SerializeToString())
        print(f"wrote {case} ({len(shapes)} data sets: {', '.join('x'.join(map(str, s)) for s in shapes)})")


if __name__ == "__main__":
    main()
