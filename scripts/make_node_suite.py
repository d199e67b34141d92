"""Writes the ONNX backend node test suite of the pinned `onnx` package in the ONNX test layout.

    OUT/<case>/model.onnx
    OUT/<case>/test_data_set_N/input_K.pb, output_K.pb

Usage: make_node_suite.py OUT. Run through scripts/conformance.sh, which makes the venv.
Cases are collected from `onnx.backend.test.case.node`, not copied from the wheel's data folder,
so the suite is exactly what the pinned package defines. Writing is idempotent: a stamp file with
the onnx version skips the work when the suite is already there.
"""

import os
import shutil
import sys
import warnings

import onnx
from onnx import TensorProto, numpy_helper
from onnx.backend.test.case import node


def serialize(value, value_info) -> bytes:
    """One input or output as a protobuf: a tensor, or a sequence/optional/map proto."""
    kind = value_info.type.WhichOneof("value")
    name = value_info.name
    if kind == "sequence_type":
        return numpy_helper.from_list(value, name).SerializeToString()
    if kind == "optional_type":
        return numpy_helper.from_optional(value, name).SerializeToString()
    if kind == "map_type":
        return numpy_helper.from_dict(value, name).SerializeToString()
    if isinstance(value, TensorProto):
        return value.SerializeToString()
    return numpy_helper.from_array(value, name).SerializeToString()


def collect_with_ops():
    """All node cases, each with the op type it tests (expanded function cases included).

    `expect` is wrapped so that the cases it appends (the node case and its `_expanded` forms)
    are tagged with the op of the node under test."""
    ops = {}
    real_expect = node.expect

    def tagging_expect(node_op, *args, **kwargs):
        before = len(node._NodeTestCases)
        real_expect(node_op, *args, **kwargs)
        for case in node._NodeTestCases[before:]:
            ops[case.name] = node_op.op_type

    node.expect = tagging_expect
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cases = node.collect_testcases(None)
    return [(case, ops.get(case.name, "?")) for case in cases]


def main() -> None:
    out = sys.argv[1]
    stamp = os.path.join(out, ".onnx-version")
    if os.path.exists(stamp) and open(stamp).read() == onnx.__version__:
        return
    if os.path.exists(out):
        shutil.rmtree(out)
    cases = collect_with_ops()
    os.makedirs(out)
    with open(os.path.join(out, "cases.tsv"), "w") as f:
        f.writelines(f"{case.name}\t{op}\n" for case, op in cases)
    for case, _ in cases:
        case_dir = os.path.join(out, case.name)
        os.makedirs(case_dir)
        with open(os.path.join(case_dir, "model.onnx"), "wb") as f:
            f.write(case.model.SerializeToString())
        graph = case.model.graph
        for i, (inputs, outputs) in enumerate(case.data_sets):
            set_dir = os.path.join(case_dir, f"test_data_set_{i}")
            os.makedirs(set_dir)
            for prefix, values, infos in (("input", inputs, graph.input), ("output", outputs, graph.output)):
                for k, value in enumerate(values):
                    with open(os.path.join(set_dir, f"{prefix}_{k}.pb"), "wb") as f:
                        f.write(serialize(value, infos[k]))
    with open(stamp, "w") as f:
        f.write(onnx.__version__)
    print(f"{len(cases)} node cases from onnx {onnx.__version__} in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
