//! Model bytes through everything before code generation runs: protobuf decoding, import
//! (with folding), shape inference, the passes, the memory plan and Rust emission. Any panic,
//! abort, overflow (checked here) or runaway allocation is a finding; errors are fine.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use ronn_compiler::back::rust::{emit, BlobPath, RustOptions};
use ronn_compiler::front::onnx::{import, load_model_bytes, ImportOptions};
use ronn_compiler::{passes, plan};

fuzz_target!(|data: &[u8]| {
    let Ok(proto) = load_model_bytes(data, Path::new("fuzz.onnx"), None) else { return };
    // Small limits keep every run fast; the checks are the same as with the defaults.
    let opts = ImportOptions { max_tensor_bytes: 16 << 20, fold_limit: 1 << 16, ..Default::default() };
    let Ok(mut graph) = import(&proto, &opts) else { return };
    if passes::run(&mut graph, true).is_err() {
        return;
    }
    let Ok(plan) = plan::plan(&graph) else { return };
    let opts = RustOptions {
        name: "fuzz".into(),
        runtime: "::ronn_runtime".into(),
        blob: BlobPath::Sibling("fuzz.bin".into()),
        dyn_api: true,
        profile: false,
        source: "fuzz.onnx".into(),
        cuda: None,
    };
    let _ = emit(&graph, &plan, &opts);
});
