//! Acceptance: the nine models of the onnx package's "light" zoo, with seeded random inputs and
//! onnxruntime reference outputs made by scripts/make_light_zoo.py, pass `ronnc check`; and the
//! standalone executable built for ResNet-50 reads `.npy`, writes `.npy` and benchmarks.

mod common;
use common::*;
use std::process::Command;

fn zoo() -> std::path::PathBuf {
    light_zoo()
}

#[test]
fn light_zoo_matches_onnxruntime() {
    let dirs = model_dirs(&zoo());
    assert_eq!(dirs.len(), 9);
    let mut args = vec!["check".to_string(), "--rtol".into(), "1e-3".into(), "--atol".into(), "1e-4".into()];
    args.extend(dirs.iter().map(|d| d.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = ronnc(&args);
    let text = stdout(&out);
    assert_eq!(summary(&text), (9, 0, 0), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn resnet50_standalone_reads_npy_writes_npy_and_benchmarks() {
    let model = zoo().join("resnet50");
    let work = root().join("target/test-resnet50");
    std::fs::create_dir_all(&work).unwrap();
    let bin = work.join("resnet50");
    let out = ronnc(&["build", &model.join("model.onnx").display().to_string(), "-o", &bin.display().to_string()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // The reference input as .npy, made by the project's Python.
    let npy = work.join("x.npy");
    let script = "import sys, numpy as np, onnx\nfrom onnx import numpy_helper\nt = onnx.load_tensor(sys.argv[1])\nnp.save(sys.argv[2], numpy_helper.to_array(t))\n";
    let conv = Command::new(python())
        .args(["-c", script])
        .arg(model.join("test_data_set_0/input_0.pb"))
        .arg(&npy)
        .output()
        .unwrap();
    assert!(conv.status.success(), "{}", String::from_utf8_lossy(&conv.stderr));

    let out_dir = work.join("out");
    let _ = std::fs::remove_dir_all(&out_dir);
    let run = Command::new(&bin)
        .args(["--input"])
        .arg(&npy)
        .arg("--output-dir")
        .arg(&out_dir)
        .args(["--bench", "10"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{text}{}", String::from_utf8_lossy(&run.stderr));
    let last = text.lines().last().unwrap_or_default();
    assert!(last.starts_with("latency_ms min=") && last.contains(" median=") && last.contains(" p99="), "{text}");

    // The written output equals the reference output.
    let cmp = "import sys, numpy as np, onnx\nfrom onnx import numpy_helper\ne = numpy_helper.to_array(onnx.load_tensor(sys.argv[1]))\ng = np.load(sys.argv[2])\nassert g.shape == e.shape, (g.shape, e.shape)\nnp.testing.assert_allclose(g, e, rtol=1e-3, atol=1e-4)\n";
    let ok = Command::new(python())
        .args(["-c", cmp])
        .arg(model.join("test_data_set_0/output_0.pb"))
        .arg(out_dir.join("output_0.npy"))
        .output()
        .unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));

    // Bad input: exit code 2 with a message.
    let bad = Command::new(&bin).args(["--input", "/nonexistent.npy"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("/nonexistent.npy"));
}
