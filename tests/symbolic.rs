//! Symbolic dimensions at run time: a BERT-style encoder exported with dynamic batch and
//! sequence (tests/symbolic/bert_dynamic, made by scripts/make_models.py with onnxruntime's
//! outputs at batch 1 x seq 5 and batch 3 x seq 12) is compiled once and run at both sizes;
//! sizes beyond the declared bounds or contradicting each other are refused by `run`. A CNN with
//! a symbolic batch (tests/symbolic/cnn_dynamic) runs at batch 1 and 3 the same way, as do a KV
//! cache's plumbing (kv_repeat_dynamic: Tile and Split on a symbolic past) and its causal rows
//! (causal_rows_dynamic: a constant table sliced from a symbolic start). A detector with a
//! symbolic height and width (detector_dynamic: strided, depthwise, dilated and grouped
//! convolutions, pools, Pad, a 2x Resize) runs at three image sizes from one build and refuses
//! images too small for its windows.

mod common;
use common::*;

const MODEL: &str = "tests/symbolic/bert_dynamic";

fn check(extra: &[&str], dir: &str) -> (String, Option<i32>) {
    let mut args = vec!["check", "--atol", "1e-5"];
    args.extend_from_slice(extra);
    args.push(dir);
    let out = ronnc(&args);
    (format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr)), out.status.code())
}

#[test]
fn one_build_runs_both_sizes_and_matches_onnxruntime() {
    let (text, code) = check(&["--dim-max", "batch=4", "--dim-max", "seq=16"], MODEL);
    assert!(text.contains(&format!("PASS {MODEL}")), "{text}");
    assert_eq!(code, Some(0), "{text}");
    // The same with the optimiser off.
    let (text, code) = check(&["-O", "0", "--dim-max", "batch=4", "--dim-max", "seq=16"], MODEL);
    assert!(text.contains(&format!("PASS {MODEL}")) && code == Some(0), "{text}");
}

#[test]
fn sizes_beyond_the_bound_are_refused() {
    // seq = 12 in the second data set; the first (seq = 5) fits.
    let (text, code) = check(&["--dim-max", "batch=4", "--dim-max", "seq=8"], MODEL);
    assert!(text.contains("dimension `seq` = 12 is outside 1..=8"), "{text}");
    assert_eq!(code, Some(1), "{text}");
}

#[test]
fn contradicting_sizes_are_refused() {
    // input_ids from the first data set (1 x 5), attention_mask from the second (3 x 12).
    let dir = root().join("target/test-symbolic/contradiction");
    let _ = std::fs::remove_dir_all(&dir);
    let set = dir.join("test_data_set_0");
    std::fs::create_dir_all(&set).unwrap();
    let src = root().join(MODEL);
    std::fs::copy(src.join("model.onnx"), dir.join("model.onnx")).unwrap();
    std::fs::copy(src.join("test_data_set_0/input_0.pb"), set.join("input_0.pb")).unwrap();
    std::fs::copy(src.join("test_data_set_1/input_1.pb"), set.join("input_1.pb")).unwrap();
    std::fs::copy(src.join("test_data_set_0/output_0.pb"), set.join("output_0.pb")).unwrap();
    let (text, _) = check(&["--dim-max", "batch=4", "--dim-max", "seq=16"], &dir.display().to_string());
    assert!(text.contains("input `attention_mask`: expected shape [1, 5], got [3, 12]"), "{text}");
}

#[test]
fn check_bounds_symbols_by_the_data_sets_and_compile_needs_a_bound() {
    // Without flags, `check` keeps the dims symbolic up to the data sets' largest sizes.
    let (text, code) = check(&[], MODEL);
    assert!(text.contains("one build for all data sets, symbolic batch <= 3, seq <= 12"), "{text}");
    assert_eq!(code, Some(0), "{text}");
    // Compiling needs a bound (or a value) for every symbol, and names them all at once, with
    // the inputs and axes they are on.
    let out = ronnc(&["inspect", "tests/symbolic/bert_dynamic/model.onnx"]);
    let err = String::from_utf8_lossy(&out.stderr);
    for symbol in ["batch", "seq"] {
        assert!(err.contains(&format!("--dim {symbol}=N to fix it, --dim-max {symbol}=N to bound it")), "{err}");
    }
    assert!(err.contains("`seq` (input `input_ids` axis 1, input `attention_mask` axis 1)"), "{err}");
    assert_eq!(out.status.code(), Some(2));
    // Fixing both dims compiles the static form, which refuses the other size.
    let (text, _) = check(&["--dim", "batch=1", "--dim", "seq=5"], MODEL);
    assert!(text.contains("expected shape [1, 5], got [3, 12]"), "{text}");
}

#[test]
fn inspect_shows_symbolic_shapes_and_the_arena_at_the_bounds() {
    let out = ronnc(&[
        "inspect",
        "tests/symbolic/bert_dynamic/model.onnx",
        "--json",
        "--dim-max",
        "batch=2",
        "--dim-max",
        "seq=8",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["inputs"][0]["shape"], serde_json::json!(["batch", "seq"]));
    assert_eq!(v["outputs"][0]["shape"], serde_json::json!(["batch", "seq", 64]));
    let small = v["arena_bytes"].as_u64().unwrap();
    let out = ronnc(&[
        "inspect",
        "tests/symbolic/bert_dynamic/model.onnx",
        "--json",
        "--dim-max",
        "batch=4",
        "--dim-max",
        "seq=16",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    // Larger bounds, more memory: the plan is made at the bounds.
    assert!(v["arena_bytes"].as_u64().unwrap() > small);
    // No Shape node survives: the exporter's shape arithmetic was followed symbolically.
    assert!(v["ir_ops"].get("Shape").is_none(), "{}", v["ir_ops"]);
}

#[test]
fn every_symbolic_model_runs_all_its_sizes_from_one_build() {
    // Every folder of tests/symbolic: bert_dynamic (batch, seq), cnn_dynamic (a batch through
    // Conv, BatchNorm, pooling), kv_repeat_dynamic and causal_rows_dynamic (a past length).
    let dirs = model_dirs(&root().join("tests/symbolic"));
    assert!(dirs.len() >= 4, "{dirs:?}");
    let paths: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    for opt in ["1", "0"] {
        let mut args = vec!["check", "--atol", "1e-5", "-O", opt];
        args.extend(paths.iter().map(String::as_str));
        let out = ronnc(&args);
        let text = stdout(&out);
        assert_eq!(summary(&text), (dirs.len(), 0, 0), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(
            text.lines().filter(|l| l.starts_with("PASS ") && l.contains("one build for all data sets")).count(),
            dirs.len(),
            "{text}"
        );
    }
}

#[test]
fn a_detector_with_symbolic_image_sizes_refuses_images_its_windows_or_merges_do_not_fit() {
    let model = root().join("tests/symbolic/detector_dynamic");
    let (text, code) = check(&[], &model.display().to_string());
    assert!(text.contains("one build for all data sets, symbolic batch <= 2, height <= 68, width <= 52"), "{text}");
    assert_eq!(code, Some(0), "{text}");
    // One image per case; outputs are never compared, since `run` refuses the image first.
    let refused = |case: &str, side: usize| {
        let dir = root().join("target/test-symbolic").join(case);
        let _ = std::fs::remove_dir_all(&dir);
        let set = dir.join("test_data_set_0");
        std::fs::create_dir_all(&set).unwrap();
        std::fs::copy(model.join("model.onnx"), dir.join("model.onnx")).unwrap();
        let image = ronn_runtime::io::AnyTensor::from_slice(&vec![0.5f32; 3 * side * side], &[1, 3, side, side]);
        std::fs::write(set.join("input_0.pb"), ronn_runtime::io::write_tensor_proto("image", &image)).unwrap();
        let none = ronn_runtime::io::AnyTensor::from_slice(&[0f32; 6], &[1, 1, 6]);
        std::fs::write(set.join("output_0.pb"), ronn_runtime::io::write_tensor_proto("boxes", &none)).unwrap();
        let bounds = ["--dim-max", "batch=2", "--dim-max", "height=68", "--dim-max", "width=68"];
        let (text, code) = check(&bounds, &dir.display().to_string());
        assert_eq!(code, Some(1), "{text}");
        text
    };
    // 4x4: 2 rows after the stride-2 convolution, where the dilated one (span 5, padding 1 on
    // each side) needs 3.
    let text = refused("too_small", 4);
    assert!(
        text.contains("the inputs are too small for this model") && text.contains("floor((height+1)/2)-3"),
        "{text}"
    );
    // 32x32: the pooled map has 7 rows, the upsampled one 8, and the FPN merge joins them.
    let text = refused("merge_mismatch", 32);
    assert!(text.contains("the model joins tensors of sizes"), "{text}");
}

#[test]
fn a_decoders_first_step_with_an_empty_cache_runs_from_the_same_build() {
    // The third data set of each decoder has past length 0 (5 prompt tokens, nothing cached):
    // `check` lets the symbol be 0, and the build runs it with the other two.
    for model in ["tests/symbolic/gpt2_kv_cache", "tests/symbolic/llama_kv_cache"] {
        let (text, code) = check(&[], model);
        assert!(text.contains("0 <= past_sequence <= 9"), "{text}");
        assert_eq!(code, Some(0), "{text}");
    }
    // Without the minimum, size 0 is refused by name.
    let (text, code) = check(&["--dim-max", "past_sequence=9"], "tests/symbolic/gpt2_kv_cache");
    assert!(text.contains("dimension `past_sequence` = 0 is outside 1..=9"), "{text}");
    assert_eq!(code, Some(1), "{text}");
}
