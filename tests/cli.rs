//! The `ronnc` contract of DESIGN.md: inspect's JSON keys, check's lines, summary and exit
//! codes, compile's crate layout.

mod common;
use common::*;

#[test]
fn inspect_json_has_the_contract_keys() {
    let out = ronnc(&["inspect", "tests/models/mnist_cnn/model.onnx", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    for key in [
        "inputs",
        "outputs",
        "onnx_ops",
        "ir_ops",
        "unsupported",
        "flops",
        "weight_bytes",
        "arena_bytes",
        "intermediate_bytes",
    ] {
        assert!(v.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(v["inputs"][0]["name"], "image");
    assert_eq!(v["inputs"][0]["shape"], serde_json::json!([1, 1, 28, 28]));
    assert_eq!(v["onnx_ops"]["Conv"], 2);
    assert_eq!(v["onnx_ops"]["Gemm"], 2);
    // Memory reuse: the planned arena is smaller than all intermediates side by side.
    assert!(v["arena_bytes"].as_u64().unwrap() < v["intermediate_bytes"].as_u64().unwrap());
    // Conv 3x3 8 channels on 28x28 alone is 2*28*28*8*9 multiply-adds.
    assert!(v["flops"].as_u64().unwrap() > 2 * 28 * 28 * 8 * 9);
}

#[test]
fn inspect_json_lists_every_unsupported_node() {
    let out = ronnc(&["inspect", "tests/fixtures/unsupported_op.onnx", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = v["unsupported"].as_array().unwrap();
    assert_eq!(list.len(), 2, "{v}");
    assert_eq!(list[0]["op_type"], "FrobnicateFoo");
    assert_eq!(list[0]["node"], "mystery");
    assert_eq!(list[1]["domain"], "com.example");
}

#[test]
fn check_reports_each_path_and_exit_codes() {
    let dir = root().join("target/test-cli");
    let bad = dir.join("garbage");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("model.onnx"), b"\xff\xff\xff not protobuf").unwrap();
    let out = ronnc(&["check", "tests/in/add_broadcast", &bad.display().to_string()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("PASS tests/in/add_broadcast"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("ERROR ") && l.contains("garbage")), "{text}");
    assert_eq!(text.lines().last(), Some("1 passed, 1 failed"));
}

#[test]
fn check_verbose_prints_each_outputs_deviation() {
    // Without --verbose, only the contract's lines.
    let out = ronnc(&["check", "tests/in/topk_k_input"]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(!text.lines().any(|l| l.starts_with(' ')), "{text}");

    // With it, one indented line per data set and output after the PASS line; the share of the
    // tolerance only for floating-point outputs.
    let out = ronnc(&["check", "--verbose", "tests/in/topk_k_input"]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("PASS tests/in/topk_k_input"), "{text}");
    let (values, indices) = (lines[1], lines[2]);
    assert!(values.starts_with("  test_data_set_0 output 0 `values` (f32): max abs "), "{text}");
    assert!(values.contains(", max rel ") && values.contains(" (tolerance atol 1e-7 rtol 1e-3), "), "{text}");
    assert!(values.ends_with(" of the tolerance"), "{text}");
    assert!(indices.starts_with("  test_data_set_0 output 1 `indices` (i64): max abs 0.000e0, max rel 0.000e0 "));
    assert!(indices.ends_with("(tolerance atol 1e-7 rtol 1e-3)"), "{text}");
    assert_eq!(lines[3..], ["1 passed, 0 failed"], "{text}");

    // A failing output: the FAIL line as without --verbose, then how far outside it is.
    let dir = root().join("target/test-cli/verbose-fail");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("test_data_set_0")).unwrap();
    let case = root().join("tests/in/add_broadcast");
    std::fs::copy(case.join("model.onnx"), dir.join("model.onnx")).unwrap();
    for f in ["input_0.pb", "input_1.pb"] {
        std::fs::copy(case.join("test_data_set_0").join(f), dir.join("test_data_set_0").join(f)).unwrap();
    }
    let bytes = std::fs::read(case.join("test_data_set_0/output_0.pb")).unwrap();
    let (name, mut t) = ronn_runtime::io::read_tensor_proto(&bytes).unwrap();
    let first = f32::from_le_bytes(t.bytes[..4].try_into().unwrap());
    t.bytes[..4].copy_from_slice(&(first * 1.01 + 0.01).to_le_bytes());
    std::fs::write(dir.join("test_data_set_0/output_0.pb"), ronn_runtime::io::write_tensor_proto(&name, &t)).unwrap();
    let out = ronnc(&["check", "-v", &dir.display().to_string()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("FAIL ") && lines[0].contains(": output 0: max abs error "), "{text}");
    assert!(lines[1].starts_with("  test_data_set_0 output 0 "), "{text}");
    assert!(lines[1].ends_with(&format!(" of the tolerance, 1 of {} elements outside", t.len())), "{text}");
    assert_eq!(lines[2..], ["0 passed, 1 failed"], "{text}");
}

#[test]
fn check_marks_unsupported_models_as_skipped() {
    let dir = root().join("target/test-cli/unsupported");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root().join("tests/fixtures/unsupported_op.onnx"), dir.join("model.onnx")).unwrap();
    let out = ronnc(&["check", &dir.display().to_string()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.lines().any(|l| l.starts_with("UNSUPPORTED ") && l.contains("FrobnicateFoo")), "{text}");
    assert_eq!(text.lines().last(), Some("0 passed, 0 failed, 1 skipped"));
}

#[test]
fn compile_writes_a_self_contained_crate() {
    let dir = root().join("target/test-cli/crate");
    let _ = std::fs::remove_dir_all(&dir);
    let out = ronnc(&[
        "compile",
        "tests/models/mnist_cnn/model.onnx",
        "--out-dir",
        &dir.display().to_string(),
        "--name",
        "mnist",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for f in ["Cargo.toml", "src/main.rs", "src/model.rs", "src/mnist.bin"] {
        assert!(dir.join(f).is_file(), "missing {f}");
    }
    let code = std::fs::read_to_string(dir.join("src/model.rs")).unwrap();
    assert!(code.contains("include_bytes!(\"mnist.bin\")"));
    assert!(!code.contains("unsafe"));
}

#[test]
fn bad_model_path_is_exit_code_2() {
    let out = ronnc(&["inspect", "no/such/model.onnx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/model.onnx"));
}

#[test]
fn inputs_that_decide_shapes_are_compiled_for_one_value_and_other_values_are_refused() {
    let case = root().join("tests/in/reduce_axes_input");
    let data = case.join("test_data_set_0");
    // `ronnc check` takes the value from the data set and says so.
    let out = ronnc(&["check", &case.display().to_string()]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("compiled for the data's value of input(s) axes"), "{text}");

    // Without a value, the model is unsupported and the reason names the input.
    let out = ronnc(&["inspect", &case.join("model.onnx").display().to_string()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("`axes`"), "{}", String::from_utf8_lossy(&out.stderr));

    // A standalone build for axes = [1] runs on it and refuses axes = [2].
    let work = root().join("target/test-cli/input-value");
    std::fs::create_dir_all(&work).unwrap();
    let bin = work.join("reduce");
    let axes = format!("axes={}", data.join("input_1.pb").display());
    let out = ronnc(&[
        "build",
        &case.join("model.onnx").display().to_string(),
        "-o",
        &bin.display().to_string(),
        "--input-value",
        &axes,
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let run = |axes_file: &std::path::Path| {
        std::process::Command::new(&bin)
            .arg("--input")
            .arg(data.join("input_0.pb"))
            .arg("--input")
            .arg(format!("axes={}", axes_file.display()))
            .output()
            .unwrap()
    };
    let ok = run(&data.join("input_1.pb"));
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let other = work.join("axes2.npy");
    std::fs::write(&other, ronn_runtime::io::write_npy(&ronn_runtime::io::AnyTensor::from_slice(&[2i64], &[1])))
        .unwrap();
    let refused = run(&other);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("input `axes`"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
}

#[test]
fn the_optimiser_shrinks_a_transformer_and_its_memory() {
    // The bars: core ops at most 40% of the ONNX nodes, the arena at most 35% of all
    // intermediates side by side. The BERT-style encoder's 5 LayerNorms become one op each,
    // and each layer's spelled-out attention (heads split, scores, mask, softmax) one op.
    let stats = |opt: &str| {
        let out = ronnc(&[
            "inspect",
            "tests/symbolic/bert_dynamic/model.onnx",
            "--json",
            "-O",
            opt,
            "--dim-max",
            "batch=2",
            "--dim-max",
            "seq=8",
        ]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap()
    };
    let count = |v: &serde_json::Value, key: &str| {
        v[key].as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum::<u64>()
    };
    let (on, off) = (stats("1"), stats("0"));
    let onnx = count(&on, "onnx_ops");
    assert!(count(&on, "ir_ops") * 10 <= onnx * 4, "{}", on["ir_ops"]);
    assert!(count(&off, "ir_ops") > count(&on, "ir_ops") * 2, "{}", off["ir_ops"]);
    assert_eq!(on["ir_ops"]["LayerNorm"], 5, "{}", on["ir_ops"]);
    assert_eq!(on["ir_ops"]["Attention"], 2, "{}", on["ir_ops"]);
    assert!(on["ir_ops"].get("Softmax").is_none() && on["ir_ops"].get("Transpose").is_none(), "{}", on["ir_ops"]);
    assert!(on["ir_ops"]["Fused"].as_u64().unwrap() > 0);
    assert!(on["arena_bytes"].as_u64().unwrap() * 100 <= on["intermediate_bytes"].as_u64().unwrap() * 35);
}

#[test]
fn a_profiled_build_times_every_node() {
    // `ronnc build --profile`: `--bench` lists each node of the MNIST CNN (its two convolutions
    // and two matrix products among them) with its share of the run, before the latency line.
    let work = root().join("target/test-cli/profile");
    std::fs::create_dir_all(&work).unwrap();
    let bin = work.join("mnist");
    let out = ronnc(&["build", "tests/models/mnist_cnn/model.onnx", "-o", &bin.display().to_string(), "--profile"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let trace = work.join("trace.json");
    let run = std::process::Command::new(&bin)
        .args(["--bench", "5", "--trace", &trace.display().to_string()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = stdout(&run);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.last().unwrap().starts_with("latency_ms "), "{text}");
    let header = lines.iter().position(|l| l.ends_with("node")).expect("a profile table");
    let rows = &lines[header + 1..lines.len() - 1];
    let convs = rows.iter().filter(|r| r.contains("(Conv")).count();
    let matmuls = rows.iter().filter(|r| r.contains("(MatMul")).count();
    assert_eq!((convs, matmuls), (2, 2), "{text}");
    // Shares are of the whole run: the last row's cumulative share is all of it.
    let cum: f64 = rows.last().unwrap().split_whitespace().nth(2).unwrap().parse().unwrap();
    assert!((cum - 100.0).abs() < 0.05, "{text}");
    // The trace of the last run: one complete span per node, the convolutions among them, in
    // run order (each starts no earlier than the one before).
    let trace: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
    let events = trace["traceEvents"].as_array().unwrap();
    assert_eq!(events.len(), rows.len(), "{trace}");
    assert!(events.iter().all(|e| e["ph"] == "X" && e["dur"].as_f64().unwrap() >= 0.0), "{trace}");
    assert_eq!(events.iter().filter(|e| e["name"].as_str().unwrap().contains("(Conv")).count(), 2, "{trace}");
    let starts: Vec<f64> = events.iter().map(|e| e["ts"].as_f64().unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{trace}");
    // Where glibc's static archive is installed, the executable links it in: no dynamic
    // loader (an ELF interpreter, PT_INTERP) to run before main.
    if cfg!(all(target_os = "linux", target_env = "gnu")) && static_glibc_installed() {
        assert!(!has_interpreter(&std::fs::read(&bin).unwrap()), "{} names a dynamic loader", bin.display());
    }
}

/// Whether glibc's `libc.a` is installed (the C compiler knows its path, else echoes the name).
fn static_glibc_installed() -> bool {
    let out = std::process::Command::new("cc").arg("-print-file-name=libc.a").output().unwrap();
    std::path::Path::new(String::from_utf8_lossy(&out.stdout).trim()).is_absolute()
}

/// Whether a 64-bit little-endian ELF file has a PT_INTERP program header.
fn has_interpreter(elf: &[u8]) -> bool {
    assert_eq!(&elf[..4], b"\x7fELF");
    let word = |at: usize, n: usize| elf[at..at + n].iter().rev().fold(0usize, |v, &b| v << 8 | b as usize);
    let (phoff, phentsize, phnum) = (word(0x20, 8), word(0x36, 2), word(0x38, 2));
    (0..phnum).any(|k| word(phoff + k * phentsize, 4) == 3)
}
