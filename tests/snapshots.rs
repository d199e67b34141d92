//! Snapshots of the generated Rust for the small models under tests/models/tiny_ops (one per
//! folder, found by glob) and tests/fixtures/add.onnx. Bless changes with
//! `INSTA_UPDATE=always cargo test --test snapshots`; CI fails on any diff.
//! Also checks the determinism invariant: the same model gives the same bytes.

mod common;
use common::*;
use ronn_compiler::back::rust::BlobPath;
use ronn_compiler::Compiler;

fn generate(model: &std::path::Path, name: &str) -> (String, Vec<u8>) {
    let case = model.parent().unwrap();
    let (compiled, _) =
        Compiler::new(model).name(name).compile_specialized(|input| data_set_value(case, input)).unwrap();
    let m = compiled.rust("::ronn_runtime", BlobPath::Sibling(format!("{name}.bin")), false).unwrap();
    (m.code, m.blob)
}

#[test]
fn generated_code_snapshots() {
    let mut models: Vec<(String, std::path::PathBuf)> = model_dirs(&root().join("tests/models/tiny_ops"))
        .into_iter()
        .map(|d| (d.file_name().unwrap().to_string_lossy().into_owned(), d.join("model.onnx")))
        .collect();
    models.push(("add".into(), root().join("tests/fixtures/add.onnx")));
    assert!(models.len() > 10);
    for (name, path) in models {
        let (code, blob) = generate(&path, &name);
        assert_eq!(generate(&path, &name), (code.clone(), blob), "{name}: generation is not deterministic");
        assert!(!code.contains("unsafe"), "{name}: generated code contains unsafe");
        insta::assert_snapshot!(name, code);
    }
}

/// The CUDA C of a few fused kernels (conv and GEMM epilogues, activations, softmax, pooling,
/// recurrence) and the host module of one model, for `--target cuda` (no NVRTC needed: the
/// snapshot is of the source, not the PTX). The shared prelude is left out.
#[test]
fn cuda_kernel_snapshots() {
    let target = ronn_compiler::Target::Cuda { arch: "sm_80".into(), ptx: false };
    for name in [
        "hardswish_hardsigmoid",
        "conv_group_dilation",
        "batchnorm",
        "gemm_alpha_beta",
        "softmax_axis",
        "maxpool_ceil",
        "lstm_gru_stack",
        "add",
    ] {
        let model = if name == "add" {
            root().join("tests/fixtures/add.onnx")
        } else {
            root().join("tests/models/tiny_ops").join(name).join("model.onnx")
        };
        let generate = || {
            let case = model.parent().unwrap().to_path_buf();
            let (compiled, _) = Compiler::new(&model)
                .name(name)
                .target(target.clone())
                .compile_specialized(|input| data_set_value(&case, input))
                .unwrap();
            compiled.rust("::ronn_runtime", BlobPath::Sibling(format!("{name}.bin")), false).unwrap()
        };
        let (m, again) = (generate(), generate());
        let kernels = m.cuda.as_ref().unwrap().source.clone();
        assert_eq!(kernels, again.cuda.unwrap().source, "{name}: CUDA generation is not deterministic");
        assert_eq!(m.code, again.code, "{name}: host generation is not deterministic");
        let body = kernels.strip_prefix(ronn_compiler::back::cuda::PRELUDE).expect("kernels start with the prelude");
        insta::assert_snapshot!(format!("cuda_{name}"), body);
        if name == "add" {
            assert!(!m.code.contains("unsafe"));
            insta::assert_snapshot!("cuda_add_host", m.code);
        }
    }
}
