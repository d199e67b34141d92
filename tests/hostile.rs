//! Hostile and broken models (tests/hostile, made by scripts/make_hostile.py): every refused
//! case gets a clean error with the expected exit code under a 4 GiB address-space limit and a
//! timeout, never a panic, crash or hang; every valid edge case (hostile names, zero-sized
//! tensors, scalars, empty initialisers) matches onnxruntime.

mod common;
use common::*;

use std::process::Command;

#[test]
fn refused_cases_give_clean_errors_under_a_memory_limit() {
    let dir = root().join("tests/hostile/refuse");
    let list = std::fs::read_to_string(dir.join("cases.tsv")).expect("cases.tsv (run scripts/make_hostile.py)");
    let mut checked = 0;
    for line in list.lines().filter(|l| !l.is_empty()) {
        let mut f = line.split('\t');
        let (name, code, expect) = (f.next().unwrap(), f.next().unwrap().parse::<i32>().unwrap(), f.next().unwrap());
        let model = dir.join(name).join("model.onnx");
        // `ulimit -v` caps the address space at 4 GiB; `timeout` turns a hang into exit 124.
        let out = Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 4194304 && exec timeout 60 \"$0\" inspect \"$1\"")
            .arg(env!("CARGO_BIN_EXE_ronnc"))
            .arg(&model)
            .current_dir(root())
            .output()
            .expect("run ronnc");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{name}: {err}");
        assert!(err.starts_with("error: "), "{name}: {err}");
        assert!(err.contains(expect), "{name}: expected `{expect}` in: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        if code == 2 {
            assert_eq!(err.trim_end().lines().count(), 1, "{name}: the cause on one line: {err}");
        }
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} cases");
}

#[test]
fn valid_edge_cases_match_onnxruntime() {
    let dirs = model_dirs(&root().join("tests/hostile/valid"));
    assert_eq!(dirs.len(), 4);
    let paths: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    let mut args = vec!["check", "--atol", "1e-6"];
    args.extend(paths.iter().map(String::as_str));
    let out = ronnc(&args);
    let text = stdout(&out);
    assert_eq!(summary(&text), (dirs.len(), 0, 0), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_100k_node_chain_compiles_without_deep_recursion() {
    // A valid but hostile shape: 100 000 elementwise ops in a row. Fusion once recursed along
    // the chain and overflowed the stack (found by the fuzzer); groups are now bounded.
    use prost::Message;
    use ronn_compiler::front::onnx::proto::{
        tensor_shape_proto, type_proto, GraphProto, ModelProto, NodeProto, OperatorSetIdProto, TensorShapeProto,
        TypeProto, ValueInfoProto,
    };
    let n = 100_000;
    let value = |name: String| ValueInfoProto {
        name: Some(name),
        r#type: Some(TypeProto {
            value: Some(type_proto::Value::TensorType(type_proto::Tensor {
                elem_type: Some(1),
                shape: Some(TensorShapeProto {
                    dim: vec![tensor_shape_proto::Dimension {
                        value: Some(tensor_shape_proto::dimension::Value::DimValue(4)),
                        ..Default::default()
                    }],
                }),
            })),
            ..Default::default()
        }),
        ..Default::default()
    };
    let node = |i: usize| NodeProto {
        input: vec![format!("t{i}")],
        output: vec![format!("t{}", i + 1)],
        op_type: Some(if i.is_multiple_of(2) { "Neg" } else { "Relu" }.into()),
        ..Default::default()
    };
    let graph = GraphProto {
        node: (0..n).map(node).collect(),
        input: vec![value("t0".into())],
        output: vec![value(format!("t{n}"))],
        ..Default::default()
    };
    let model = ModelProto {
        ir_version: Some(8),
        opset_import: vec![OperatorSetIdProto { domain: Some(String::new()), version: Some(13) }],
        graph: Some(graph),
        ..Default::default()
    };
    let dir = root().join("target/test-hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("chain.onnx");
    std::fs::write(&path, model.encode_to_vec()).unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4194304 && exec timeout 120 \"$0\" inspect \"$1\"")
        .arg(env!("CARGO_BIN_EXE_ronnc"))
        .arg(&path)
        .output()
        .expect("run ronnc");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(stdout(&out).contains("Fused"), "{}", stdout(&out));
}
