"""Times the benchmark set's PyTorch definitions on a CUDA GPU, eager and `torch.compile`, for
comparison with ronn's `--target cuda` executables (scripts/gpu_check.sh calls it).

It reuses scripts/make_bench_models.py: its `export` is replaced by one that keeps the module
and its example inputs instead of exporting, so the very same modules and seeds are timed.
ResNet-50 and SqueezeNet come from the onnx light zoo there; torchvision's definitions stand in.

Usage: torch_gpu.py OUT.json [--iters N]; prints one line per model and engine.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))

import torch  # noqa: E402

import make_bench_models as mbm  # noqa: E402

captured = {}


def keep(module, args, input_names, output_names):
    captured["module"], captured["args"] = module, args
    return None, "captured"


def module_of(name):
    if name in ("resnet50", "squeezenet"):
        import torchvision

        build = torchvision.models.resnet50 if name == "resnet50" else torchvision.models.squeezenet1_0
        return build(weights=None), (torch.randn(1, 3, 224, 224),)
    mbm.export = keep
    captured.clear()
    try:
        mbm.MODELS[name]()
    except Exception:  # noqa: BLE001 - the builders post-process the (absent) ONNX model
        pass
    return captured["module"], captured["args"]


def median_ms(fn, iters):
    for _ in range(3):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(iters):
        t0 = time.perf_counter()
        fn()
        torch.cuda.synchronize()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[len(times) // 2]


def main():
    out, iters = sys.argv[1], int(sys.argv[sys.argv.index("--iters") + 1]) if "--iters" in sys.argv else 50
    results = {}
    for name in mbm.MODELS:
        module, args = module_of(name)
        module = module.eval().cuda()
        args = tuple(a.cuda() for a in args)
        with torch.no_grad():
            eager = median_ms(lambda: module(*args), iters)
            compiled = torch.compile(module)
            comp = median_ms(lambda: compiled(*args), iters)
        results[name] = {"torch_eager_ms": eager, "torch_compile_ms": comp}
        print(f"{name}: eager {eager:.3f} ms, torch.compile {comp:.3f} ms", flush=True)
    with open(out, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
