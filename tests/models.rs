//! End to end: every model folder under tests/models (an MNIST-size CNN, with onnxruntime
//! reference outputs) compiles, runs and matches, with the optimiser on and off. The small
//! models, one per op corner case, are the golden cases under tests/in (tests/golden.rs).

mod common;
use common::*;

fn check_all(extra: &[&str]) {
    let dirs = model_dirs(&root().join("tests/models"));
    assert!(!dirs.is_empty(), "expected the bundled test models");
    let mut args = vec!["check", "--atol", "1e-5"];
    args.extend_from_slice(extra);
    let paths: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    args.extend(paths.iter().map(String::as_str));
    let out = ronnc(&args);
    let text = stdout(&out);
    assert_eq!(summary(&text), (dirs.len(), 0, 0), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success());
    assert_eq!(text.lines().filter(|l| l.starts_with("PASS ")).count(), dirs.len());
}

#[test]
fn bundled_models_match_onnxruntime_optimised() {
    check_all(&[]);
}

#[test]
fn bundled_models_match_onnxruntime_unoptimised() {
    check_all(&["-O", "0"]);
}
