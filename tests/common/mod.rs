//! Helpers shared by the integration tests. No test depends on anything outside the repository.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").canonicalize().expect("repo root")
}

/// Runs the `ronnc` binary of this build.
pub fn ronnc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ronnc")).args(args).current_dir(root()).output().expect("run ronnc")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every folder under `dir` that holds a `model.onnx`, sorted.
pub fn model_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if d.join("model.onnx").is_file() {
            out.push(d.clone());
        }
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// The project's Python (its own venv with pinned onnx/onnxruntime), created on first use.
pub fn python() -> PathBuf {
    let out = Command::new("bash").arg(root().join("scripts/venv.sh")).output().expect("run scripts/venv.sh");
    assert!(out.status.success(), "venv setup failed: {}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// The last line of `ronnc check`'s output, parsed as (passed, failed, skipped).
pub fn summary(text: &str) -> (usize, usize, usize) {
    let line = text.lines().last().unwrap_or_default();
    let nums: Vec<usize> =
        line.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
    (nums.first().copied().unwrap_or(0), nums.get(1).copied().unwrap_or(0), nums.get(2).copied().unwrap_or(0))
}

/// The value of input `name` in `case/test_data_set_0` (for models compiled for their data's
/// value of inputs that decide shapes).
pub fn data_set_value(case: &Path, name: &str) -> Option<ronn_compiler::ir::Tensor> {
    let dir = case.join("test_data_set_0");
    (0..).map(|k| dir.join(format!("input_{k}.pb"))).take_while(|p| p.is_file()).find_map(|p| {
        let (n, t) = ronn_runtime::io::read_tensor_proto(&std::fs::read(p).ok()?).ok()?;
        let data = ronn_compiler::ir::Data::from_le_bytes(t.dtype, &t.bytes)?;
        (n == name).then(|| ronn_compiler::ir::Tensor::new(t.shape, data)).flatten()
    })
}

/// The onnx package's light zoo (nine CNNs) with seeded inputs and onnxruntime outputs, made
/// by scripts/make_light_zoo.py into target/light-zoo once per test process.
pub fn light_zoo() -> PathBuf {
    static ZOO: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    ZOO.get_or_init(|| {
        let dest = root().join("target/light-zoo");
        let out = Command::new(python())
            .arg(root().join("scripts/make_light_zoo.py"))
            .arg(&dest)
            .output()
            .expect("run make_light_zoo.py");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        dest
    })
    .clone()
}
