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
    let (compiled, _) = Compiler::new(model).name(name).compile_specialized(|input| data_set_value(case, input)).unwrap();
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
