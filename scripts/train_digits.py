"""Trains a small CNN on scikit-learn's bundled 8x8 digits, in plain numpy, and exports it to ONNX.

Usage: $(bash scripts/venv.sh) scripts/train_digits.py [OUT_DIR]   (default target/demo)

The data set ships inside the scikit-learn wheel (1797 images of handwritten digits, 8x8 pixels,
16 grey levels), so nothing is downloaded. Images are scaled to [0, 1] and upsampled to 16x16
bilinearly; 360 of them, drawn with a fixed seed, are held out and never seen in training.

The network, written by hand (forward and backward, convolutions as im2col + matrix product,
Adam), is

    image [N,1,16,16] -> Conv3x3(1->8, pad 1) + Relu -> MaxPool 2x2
                      -> Conv3x3(8->16, pad 1) + Relu -> MaxPool 2x2
                      -> Flatten [N,256] -> Gemm(->10) = logits -> Softmax = probabilities

It trains in a few seconds on two cores and exits 1 if its own held-out accuracy is under 95%.
Written to OUT_DIR:
    digits_cnn/model.onnx              opset 17, input `image` [360,1,16,16] (the held-out batch,
                                       fixed), output `probabilities` [360,10]
    digits_cnn/test_data_set_0/        input_0.pb (the held-out images) and output_0.pb
                                       (onnxruntime's probabilities): the ONNX test layout that
                                       `ronnc check` reads
    test_images.npy, test_labels.npy   the held-out images [360,1,16,16] float32 and labels int64
    test_images_8x8.npy                the same images before upsampling (for ASCII art)
"""

import os
import sys
import time

# Small matrices: one BLAS thread is faster than several, and much faster on a busy machine.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import onnxruntime as ort  # noqa: E402
from onnx import TensorProto, helper, numpy_helper  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

SEED = 0
HELD_OUT = 360
SIZE = 16
EPOCHS = 10
BATCH = 32
LR = 1e-2
MIN_ACCURACY = 0.95


# ---- data ----------------------------------------------------------------------------------


def bilinear_matrix(n_in: int, n_out: int) -> np.ndarray:
    """[n_out, n_in] matrix that resamples a line linearly (half-pixel centres, edges clamped)."""
    m = np.zeros((n_out, n_in), np.float32)
    for i in range(n_out):
        x = min(max((i + 0.5) * n_in / n_out - 0.5, 0.0), n_in - 1.0)
        lo = int(np.floor(x))
        hi = min(lo + 1, n_in - 1)
        m[i, lo] += 1.0 - (x - lo)
        m[i, hi] += x - lo
    return m


def load():
    digits = load_digits()
    small = (digits.images / 16.0).astype(np.float32)  # [1797, 8, 8] in [0, 1]
    u = bilinear_matrix(8, SIZE)
    big = np.einsum("yi,nij,xj->nyx", u, small, u)[:, None]  # [1797, 1, 16, 16]
    labels = digits.target.astype(np.int64)
    order = np.random.default_rng(SEED).permutation(len(labels))
    test, train = order[:HELD_OUT], order[HELD_OUT:]
    return big[train], labels[train], big[test], labels[test], small[test]


# ---- layers (forward returns a cache for backward) -----------------------------------------


def conv3x3_forward(x, w, b):
    """x [N,C,H,W], w [O,C,3,3], stride 1, pad 1 -> [N,O,H,W]."""
    n, c, h, wd = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    cols = np.empty((n, h, wd, c, 3, 3), np.float32)
    for i in range(3):
        for j in range(3):
            cols[..., i, j] = xp[:, :, i:i + h, j:j + wd].transpose(0, 2, 3, 1)
    cols = cols.reshape(n * h * wd, c * 9)
    y = cols @ w.reshape(w.shape[0], -1).T + b
    return y.reshape(n, h, wd, -1).transpose(0, 3, 1, 2), (x.shape, cols, w)


def conv3x3_backward(dy, cache, need_dx=True):
    (n, c, h, wd), cols, w = cache
    o = w.shape[0]
    dy = dy.transpose(0, 2, 3, 1).reshape(-1, o)
    dw = (dy.T @ cols).reshape(w.shape)
    db = dy.sum(0)
    if not need_dx:
        return None, dw, db
    dcols = (dy @ w.reshape(o, -1)).reshape(n, h, wd, c, 3, 3)
    dxp = np.zeros((n, c, h + 2, wd + 2), np.float32)
    for i in range(3):
        for j in range(3):
            dxp[:, :, i:i + h, j:j + wd] += dcols[..., i, j].transpose(0, 3, 1, 2)
    return dxp[:, :, 1:-1, 1:-1], dw, db


def maxpool2_forward(x):
    n, c, h, w = x.shape
    win = x.reshape(n, c, h // 2, 2, w // 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(n, c, h // 2, w // 2, 4)
    arg = win.argmax(-1)
    return np.take_along_axis(win, arg[..., None], -1)[..., 0], (x.shape, arg)


def maxpool2_backward(dy, cache):
    (n, c, h, w), arg = cache
    dwin = np.zeros(dy.shape + (4,), np.float32)
    np.put_along_axis(dwin, arg[..., None], dy[..., None], -1)
    return dwin.reshape(n, c, h // 2, w // 2, 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(n, c, h, w)


class Net:
    def __init__(self, rng):
        def he(shape, fan_in):
            return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)

        flat = 16 * (SIZE // 4) ** 2
        self.p = {
            "conv1.w": he((8, 1, 3, 3), 9), "conv1.b": np.zeros(8, np.float32),
            "conv2.w": he((16, 8, 3, 3), 72), "conv2.b": np.zeros(16, np.float32),
            "fc.w": he((10, flat), flat), "fc.b": np.zeros(10, np.float32),
        }

    def forward(self, x):
        p, caches = self.p, []
        for k in ("conv1", "conv2"):
            x, cc = conv3x3_forward(x, p[k + ".w"], p[k + ".b"])
            x = np.maximum(x, 0)
            relu_out = x
            x, pc = maxpool2_forward(x)
            caches.append((cc, relu_out, pc))
        flat = x.reshape(len(x), -1)
        return flat @ p["fc.w"].T + p["fc.b"], (caches, x.shape, flat)

    def backward(self, dlogits, cache):
        caches, pooled_shape, flat = cache
        p, g = self.p, {}
        g["fc.w"] = dlogits.T @ flat
        g["fc.b"] = dlogits.sum(0)
        dx = (dlogits @ p["fc.w"]).reshape(pooled_shape)
        for k, (cc, relu_out, pc) in zip(("conv2", "conv1"), reversed(caches)):
            dx = maxpool2_backward(dx, pc) * (relu_out > 0)
            dx, g[k + ".w"], g[k + ".b"] = conv3x3_backward(dx, cc, need_dx=k != "conv1")
        return g


def softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def train(net, x, y, rng):
    m = {k: np.zeros_like(v) for k, v in net.p.items()}
    v = {k: np.zeros_like(v) for k, v in net.p.items()}
    b1, b2, eps, t = 0.9, 0.999, 1e-8, 0
    for epoch in range(EPOCHS):
        order = rng.permutation(len(y))
        loss_sum = 0.0
        for s in range(0, len(y), BATCH):
            idx = order[s:s + BATCH]
            logits, cache = net.forward(x[idx])
            prob = softmax(logits)
            loss_sum += -np.log(prob[np.arange(len(idx)), y[idx]] + 1e-12).sum()
            dlogits = prob
            dlogits[np.arange(len(idx)), y[idx]] -= 1.0
            grads = net.backward(dlogits / len(idx), cache)
            t += 1
            lr = LR * 0.5 * (1 + float(np.cos(np.pi * epoch / EPOCHS)))  # cosine decay per epoch
            for k, gk in grads.items():
                m[k] = b1 * m[k] + (1 - b1) * gk
                v[k] = b2 * v[k] + (1 - b2) * gk * gk
                mh, vh = m[k] / (1 - b1 ** t), v[k] / (1 - b2 ** t)
                net.p[k] -= (lr * mh / (np.sqrt(vh) + eps)).astype(np.float32)
        print(f"  epoch {epoch + 1:2d}/{EPOCHS}  loss {loss_sum / len(y):.4f}", flush=True)


# ---- export --------------------------------------------------------------------------------


def export(net, n: int) -> onnx.ModelProto:
    p = net.p
    nodes = [
        helper.make_node("Conv", ["image", "conv1.w", "conv1.b"], ["c1"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c1"], ["r1"]),
        helper.make_node("MaxPool", ["r1"], ["p1"], kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Conv", ["p1", "conv2.w", "conv2.b"], ["c2"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c2"], ["r2"]),
        helper.make_node("MaxPool", ["r2"], ["p2"], kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Flatten", ["p2"], ["flat"], axis=1),
        helper.make_node("Gemm", ["flat", "fc.w", "fc.b"], ["logits"], transB=1),
        helper.make_node("Softmax", ["logits"], ["probabilities"], axis=-1),
    ]
    graph = helper.make_graph(
        nodes, "digits_cnn",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [n, 1, SIZE, SIZE])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [n, 10])],
        [numpy_helper.from_array(v, k) for k, v in p.items()],
    )
    opsets = [helper.make_opsetid("", 17)]
    model = helper.make_model(graph, opset_imports=opsets, ir_version=helper.find_min_ir_version_for(opsets),
                              producer_name="ronn scripts/train_digits.py")
    onnx.checker.check_model(model, full_check=True)
    return model


def main() -> int:
    out = sys.argv[1] if len(sys.argv) > 1 else "target/demo"
    rng = np.random.default_rng(SEED)
    x_train, y_train, x_test, y_test, small_test = load()
    print(f"scikit-learn digits: {len(y_train)} training images, {len(y_test)} held out, "
          f"upsampled 8x8 -> {SIZE}x{SIZE}")
    net = Net(rng)
    start = time.perf_counter()
    train(net, x_train, y_train, rng)
    seconds = time.perf_counter() - start
    accuracy = (net.forward(x_test)[0].argmax(-1) == y_test).mean()
    print(f"trained in {seconds:.1f} s; numpy held-out accuracy {100 * accuracy:.1f}%")
    if accuracy < MIN_ACCURACY:
        print(f"error: held-out accuracy under {100 * MIN_ACCURACY:.0f}%", file=sys.stderr)
        return 1

    model = export(net, len(y_test))
    folder = os.path.join(out, "digits_cnn")
    os.makedirs(os.path.join(folder, "test_data_set_0"), exist_ok=True)
    onnx.save(model, os.path.join(folder, "model.onnx"))
    np.save(os.path.join(out, "test_images.npy"), x_test)
    np.save(os.path.join(out, "test_labels.npy"), y_test)
    np.save(os.path.join(out, "test_images_8x8.npy"), small_test)

    # The reference output of the test layout comes from onnxruntime, as in the ONNX test suites.
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    (probabilities,) = session.run(None, {"image": x_test})
    data = os.path.join(folder, "test_data_set_0")
    with open(os.path.join(data, "input_0.pb"), "wb") as f:
        f.write(numpy_helper.from_array(x_test, "image").SerializeToString())
    with open(os.path.join(data, "output_0.pb"), "wb") as f:
        f.write(numpy_helper.from_array(probabilities, "probabilities").SerializeToString())
    print(f"wrote {folder}/model.onnx (+ test_data_set_0) and {out}/test_{{images,labels}}.npy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
