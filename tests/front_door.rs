//! What a new user meets first: the standalone executable's handling of inputs and outputs,
//! `ronnc`'s refusals of bad options, and crates outside this workspace that use ronn the two
//! ways the README shows (`include_model!` and a build script).

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use prost::Message;
use ronn_compiler::front::onnx::proto::{
    tensor_proto::DataType, tensor_shape_proto, type_proto, GraphProto, ModelProto, NodeProto, OperatorSetIdProto,
    TensorShapeProto, TypeProto, ValueInfoProto,
};
use ronn_runtime::io::{read_npy, write_npy, AnyTensor};

fn work_dir(name: &str) -> PathBuf {
    let dir = root().join("target/test-front-door").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn f32_value(name: &str, dims: &[i64]) -> ValueInfoProto {
    declared(name, dims.iter().map(|&d| Some(tensor_shape_proto::dimension::Value::DimValue(d))).collect())
}

/// `sum = Add(input.1, scale/2)` on [2, 3]: input names as PyTorch and other exporters write
/// them, with `.` and `/`.
fn add_model(path: &Path) {
    let node = NodeProto {
        op_type: Some("Add".into()),
        name: Some("add".into()),
        input: vec!["input.1".into(), "scale/2".into()],
        output: vec!["sum".into()],
        ..Default::default()
    };
    let graph = GraphProto {
        name: Some("add".into()),
        node: vec![node],
        input: vec![f32_value("input.1", &[2, 3]), f32_value("scale/2", &[2, 3])],
        output: vec![f32_value("sum", &[2, 3])],
        ..Default::default()
    };
    let model = ModelProto {
        ir_version: Some(8),
        opset_import: vec![OperatorSetIdProto { domain: Some(String::new()), version: Some(13) }],
        graph: Some(graph),
        ..Default::default()
    };
    std::fs::write(path, model.encode_to_vec()).unwrap();
}

fn run(bin: &Path, args: &[&str]) -> Output {
    Command::new(bin).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_standalone_executable_takes_inputs_by_name_and_refuses_missing_or_repeated_ones() {
    let dir = work_dir("inputs");
    let model = dir.join("model.onnx");
    add_model(&model);
    let bin = dir.join("add");
    let out = ronnc(&["build", &model.display().to_string(), "-o", &bin.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));

    let a = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0];
    let b = [0.5f32, -1.0, 10.0, 0.0, 2.5, -6.0];
    let (fa, fb) = (dir.join("a.npy"), dir.join("b.npy"));
    std::fs::write(&fa, write_npy(&AnyTensor::from_slice(&a, &[2, 3]))).unwrap();
    // An .npy file under another extension is still read as .npy (by its contents).
    std::fs::write(&fb, write_npy(&AnyTensor::from_slice(&b, &[2, 3]))).unwrap();
    let fb_pb = dir.join("b.pb");
    std::fs::copy(&fb, &fb_pb).unwrap();
    let (ia, ib) = (format!("input.1={}", fa.display()), format!("scale/2={}", fb_pb.display()));
    let outputs = dir.join("out");

    // By name, in any order: names holding `.` and `/` are names, not paths.
    let ok = run(&bin, &["--input", &ib, "--input", &ia, "--output-dir", &outputs.display().to_string()]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let sum = read_npy(&std::fs::read(outputs.join("output_0.npy")).unwrap()).unwrap();
    let expected: Vec<f64> = a.iter().zip(&b).map(|(x, y)| f64::from(x + y)).collect();
    assert_eq!(sum.to_f64_vec(), expected);

    // One input of two: refused, naming the missing one, unless --random-inputs fills it.
    let missing = run(&bin, &["--input", &ia]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("`scale/2`"), "{}", stderr(&missing));
    let filled = run(&bin, &["--input", &ia, "--random-inputs"]);
    assert!(filled.status.success(), "{}", stderr(&filled));

    // The same input twice, or a name the model does not have: refused.
    let twice = run(&bin, &["--input", &ia, "--input", &ia]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(stderr(&twice).contains("twice"), "{}", stderr(&twice));
    let unknown = run(&bin, &["--input", &format!("input.2={}", fa.display())]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("no input `input.2`"), "{}", stderr(&unknown));

    // No input at all (the CLI contract): pseudo-random inputs, and stderr says so.
    let random = run(&bin, &[]);
    assert!(random.status.success());
    assert!(stderr(&random).contains("pseudo-random"), "{}", stderr(&random));

    // An output folder that cannot be created is found before the model runs.
    let blocked = format!("{}/sub", fa.display());
    let unwritable = run(&bin, &["--input", &ia, "--input", &ib, "--output-dir", &blocked]);
    assert_eq!(unwritable.status.code(), Some(2));
    assert!(stderr(&unwritable).contains("--output-dir"), "{}", stderr(&unwritable));
    assert!(unwritable.stdout.is_empty(), "ran before refusing: {}", String::from_utf8_lossy(&unwritable.stdout));

    // --help describes every flag and lists the model's inputs and outputs.
    let help = String::from_utf8_lossy(&run(&bin, &["--help"]).stdout).into_owned();
    for text in ["--input", "--random-inputs", "--output-dir", "--bench", "--threads", "input.1", "scale/2", "sum"] {
        assert!(help.contains(text), "--help lacks {text}:\n{help}");
    }
}

#[test]
fn compile_never_overwrites_a_project_it_did_not_write_and_names_crates_after_their_folder() {
    let dir = work_dir("compile");
    let theirs = dir.join("theirs");
    std::fs::create_dir_all(&theirs).unwrap();
    let manifest = "[package]\nname = \"mine\"\nversion = \"0.1.0\"\n";
    std::fs::write(theirs.join("Cargo.toml"), manifest).unwrap();
    let model = "tests/models/mnist_cnn/model.onnx";
    let out = ronnc(&["compile", model, "--out-dir", &theirs.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did not write"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(theirs.join("Cargo.toml")).unwrap(), manifest);

    // A fresh folder, then the same folder again (ronnc's own crate is replaced). `model.onnx`
    // says nothing, so the crate is named after the model's folder.
    let ours = dir.join("ours");
    for _ in 0..2 {
        let out = ronnc(&["compile", model, "--out-dir", &ours.display().to_string()]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let toml = std::fs::read_to_string(ours.join("Cargo.toml")).unwrap();
    assert!(toml.contains("name = \"mnist-cnn\""), "{toml}");

    // The crate builds without a warning (in ronnc's shared target folder, where the runtime
    // is usually built already).
    let cache = std::env::var_os("RONN_CACHE_DIR").map_or(root().join("target/ronn-cache"), PathBuf::from);
    let out = cargo(&ours, &["build"], &cache.join("target"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn bad_options_are_refused_before_any_work() {
    let model = "tests/models/mnist_cnn/model.onnx";
    let out = ronnc(&["build", model, "-o", "target/test-front-door-unused", "--cpu", "bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(text.contains("--cpu `bogus`") && text.lines().count() <= 2, "{text}");

    let out = Command::new(env!("CARGO_BIN_EXE_ronnc"))
        .args(["compile", model, "--out-dir", "target/test-front-door/runtime-path"])
        .env("RONN_RUNTIME_PATH", "/nonexistent")
        .current_dir(root())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("RONN_RUNTIME_PATH=`/nonexistent`"), "{}", stderr(&out));
}

#[test]
fn inspect_shows_what_it_can_of_a_model_it_cannot_compile() {
    let out = ronnc(&["inspect", "tests/fixtures/unsupported_op.onnx"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("  input ") && text.contains("  output "), "{text}");
    assert!(text.contains("onnx ops (") && text.contains("FrobnicateFoo"), "{text}");
    assert!(stderr(&out).contains("node `mystery`"), "{}", stderr(&out));
}

/// A copy of `examples/NAME` outside the workspace, depending on this checkout by absolute
/// path, with the workspace's lock file so it builds offline with the same versions.
fn outside_crate(example: &str, dir: &Path) {
    let src = root().join("examples").join(example);
    copy_dir(&src, dir);
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    let manifest = manifest.replace("path = \"../..\"", &format!("path = {:?}", root().display().to_string()));
    // Its own workspace root, so cargo does not look for one above it.
    std::fs::write(dir.join("Cargo.toml"), format!("{manifest}\n[workspace]\n")).unwrap();
    std::fs::copy(root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn cargo(dir: &Path, args: &[&str], target_dir: &Path) -> Output {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .args(["--offline", "--quiet", "--target-dir"])
        .arg(target_dir)
        .current_dir(dir)
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap()
}

#[test]
fn crates_outside_the_workspace_use_ronn_as_the_readme_shows() {
    let dir = work_dir("outside");
    // One target folder for both crates: ronn's crates are built once.
    let target = dir.join("target");
    for example in ["macro", "build-rs"] {
        let krate = dir.join(example);
        outside_crate(example, &krate);
        let out = cargo(&krate, &["run"], &target);
        let text = stderr(&out);
        assert!(out.status.success(), "{example}: {text}");
        assert!(stdout(&out).contains("probabilities"), "{example}: {}", stdout(&out));
        // A dev build compiles dependencies without optimisation: the model says, once, how
        // to fix it.
        assert_eq!(text.matches("[profile.dev.package.ronn-runtime]").count(), 1, "{example}: {text}");
    }
    // include_model! without a build script keeps its weight blobs in the target folder.
    assert!(std::fs::read_dir(target.join("debug/ronn-blobs")).unwrap().count() > 0);

    // A build script's error reaches the user as a sentence, not a Debug dump.
    let krate = dir.join("build-rs");
    let build_rs = std::fs::read_to_string(krate.join("build.rs")).unwrap();
    std::fs::write(krate.join("build.rs"), build_rs.replace("models/mnist_cnn.onnx", "models/missing.onnx")).unwrap();
    let out = cargo(&krate, &["build"], &target);
    assert!(!out.status.success());
    let text = stderr(&out);
    assert!(text.contains("Error: cannot read `models/missing.onnx`"), "{text}");
    assert!(!text.contains("Io {"), "{text}");
}

#[test]
fn the_readme_demo_trains_a_digit_classifier_that_ronn_runs_as_onnxruntime_does() {
    // scripts/demo.sh's steps with this build's ronnc: train (numpy, seconds), build, compare.
    let dir = work_dir("demo");
    let python = python();
    let train = Command::new(&python).arg(root().join("scripts/train_digits.py")).arg(&dir).output().unwrap();
    assert!(train.status.success(), "{}", stderr(&train));
    let bin = dir.join("digits_cnn_bin");
    let model = dir.join("digits_cnn/model.onnx");
    let out = ronnc(&["build", &model.display().to_string(), "-o", &bin.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    // demo_eval.py fails unless ronn's accuracy is within 0.5 points of onnxruntime's and 99%
    // of the predicted classes agree.
    let eval = Command::new(&python).arg(root().join("scripts/demo_eval.py")).arg(&bin).arg(&dir).output().unwrap();
    assert!(eval.status.success(), "{}\n{}", stdout(&eval), stderr(&eval));
    assert!(stdout(&eval).contains("onnxruntime accuracy"), "{}", stdout(&eval));
}

/// A graph input whose dims are given as the protobuf has them (`None`: no value at all).
fn declared(name: &str, dims: Vec<Option<tensor_shape_proto::dimension::Value>>) -> ValueInfoProto {
    let dim = dims.into_iter().map(|value| tensor_shape_proto::Dimension { value, ..Default::default() }).collect();
    let tensor = type_proto::Tensor { elem_type: Some(DataType::Float as i32), shape: Some(TensorShapeProto { dim }) };
    ValueInfoProto {
        name: Some(name.into()),
        r#type: Some(TypeProto { value: Some(type_proto::Value::TensorType(tensor)), ..Default::default() }),
        ..Default::default()
    }
}

#[test]
fn inputs_with_unnamed_minus_one_and_clashing_dims_check_with_no_flags() {
    use ronn_runtime::io::write_tensor_proto;
    use tensor_shape_proto::dimension::Value;
    // Three spellings of "unknown" that exporters write, each on its own input: no value, -1,
    // and `?` on two axes that differ in size. Each unknown dim is a symbol of its own, and
    // `ronnc check` bounds each from the data set.
    let dir = work_dir("unknown-dims");
    let unary = |op: &str, x: &str, y: &str| NodeProto {
        op_type: Some(op.into()),
        name: Some(format!("{op}_{x}")),
        input: vec![x.into()],
        output: vec![y.into()],
        ..Default::default()
    };
    let graph = GraphProto {
        name: Some("unknown_dims".into()),
        node: vec![unary("Relu", "a", "ra"), unary("Neg", "b", "nb"), unary("Abs", "c", "ac")],
        input: vec![
            declared("a", vec![None, Some(Value::DimValue(3))]),
            declared("b", vec![Some(Value::DimValue(-1)), Some(Value::DimValue(3))]),
            declared("c", vec![Some(Value::DimParam("?".into())), Some(Value::DimParam("?".into()))]),
        ],
        // Outputs by name only: their shapes follow from the inputs'.
        output: ["ra", "nb", "ac"]
            .iter()
            .map(|n| ValueInfoProto { name: Some(n.to_string()), ..Default::default() })
            .collect(),
        ..Default::default()
    };
    let model = ModelProto {
        ir_version: Some(8),
        opset_import: vec![OperatorSetIdProto { domain: Some(String::new()), version: Some(13) }],
        graph: Some(graph),
        ..Default::default()
    };
    std::fs::write(dir.join("model.onnx"), model.encode_to_vec()).unwrap();
    let set = dir.join("test_data_set_0");
    std::fs::create_dir_all(&set).unwrap();
    let values = |n: usize| (0..n).map(|k| k as f32 * 0.5 - 3.0).collect::<Vec<f32>>();
    let inputs = [("a", vec![4, 3]), ("b", vec![2, 3]), ("c", vec![2, 5])];
    for (k, (name, shape)) in inputs.iter().enumerate() {
        let t = AnyTensor::from_slice(&values(shape.iter().product()), shape);
        std::fs::write(set.join(format!("input_{k}.pb")), write_tensor_proto(name, &t)).unwrap();
    }
    // The references, computed here: relu, negation and absolute value of the same values.
    let ops: [fn(f32) -> f32; 3] = [|x| x.max(0.0), |x| -x, f32::abs];
    for (k, ((_, shape), op)) in inputs.iter().zip(ops).enumerate() {
        let out: Vec<f32> = values(shape.iter().product()).into_iter().map(op).collect();
        let t = AnyTensor::from_slice(&out, shape);
        std::fs::write(set.join(format!("output_{k}.pb")), write_tensor_proto("", &t)).unwrap();
    }
    let out = ronnc(&["check", &dir.display().to_string()]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    for symbol in ["a_0 <= 4", "b_0 <= 2", "c_0 <= 2", "c_1 <= 5"] {
        assert!(text.contains(symbol), "{symbol}: {text}");
    }
    // `ronnc inspect` shows the names, and `--dim` reaches an unnamed dim by its name.
    let model = dir.join("model.onnx").display().to_string();
    let out = ronnc(&["inspect", &model, "--dim", "a_0=4", "--dim", "b_0=2", "--dim", "c_0=2", "--dim", "c_1=5"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("input a: f32[4,3]"), "{}", stdout(&out));
}
