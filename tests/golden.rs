//! Golden tests, data-driven from the folders under `tests/in` (found by listing; see
//! tests/README.md). Each case is a model with its onnxruntime reference data and a `case.toml`.
//!
//! - What the compiler makes of each case is compared with blessed files under `tests/out`: the
//!   IR after the passes (`ir/<case>.txt`), the generated Rust (`rust/<case>.rs`) and, for the
//!   CUDA target, the CUDA C without the shared prelude (`cuda/<case>.cu`) and, where the case
//!   asks for it, the CUDA host module (`cuda/<case>.rs`). `RONN_BLESS=1 cargo test --test
//!   golden` writes them instead. Generation must be deterministic and the Rust free of `unsafe`.
//! - The numbers: every case of a target and optimisation level in one `ronnc check` batch
//!   against the reference outputs (CUDA in the CPU emulator, `--target cuda --emulate`), and
//!   once more on the CPU at `ronnc check`'s default tolerances, which every case meets but
//!   those listed in `BELOW_DEFAULT_TOLERANCES` with the reason.
//! - A target a case declares `unsupported` must still fail to compile, so that support
//!   appearing is noticed (then remove the line and bless).

mod common;
use common::*;

use std::collections::BTreeMap;
use std::path::PathBuf;

use ronn_compiler::back::rust::BlobPath;
use ronn_compiler::{Compiler, Error, Target};
use serde::Deserialize;

/// A case's `case.toml`. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseToml {
    /// The targets the case is tested on (default: both).
    targets: Option<Vec<TargetName>>,
    /// Sizes of symbolic dimensions, for every target (`ronnc --dim NAME=VALUE`).
    #[serde(default)]
    dims: BTreeMap<String, usize>,
    #[serde(default)]
    cpu: TargetToml,
    #[serde(default)]
    cuda: TargetToml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
enum TargetName {
    Cpu,
    Cuda,
}

/// One target's settings.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetToml {
    /// The case does not compile for this target (yet): why. The runner checks it still fails.
    unsupported: Option<String>,
    /// Optimisation levels checked against the reference (default: cpu [1, 0], cuda [1]).
    opt: Option<Vec<u8>>,
    /// `ronnc check` tolerances (default: cpu 1e-3 and 1e-5, cuda 1e-3 and 1e-4).
    rtol: Option<f64>,
    atol: Option<f64>,
    /// CUDA only: also keep the host module (`tests/out/cuda/<case>.rs`).
    #[serde(default)]
    host: bool,
}

struct Case {
    name: String,
    dir: PathBuf,
    toml: CaseToml,
}

impl Case {
    fn targets(&self) -> Vec<TargetName> {
        self.toml.targets.clone().unwrap_or_else(|| vec![TargetName::Cpu, TargetName::Cuda])
    }

    fn settings(&self, t: TargetName) -> &TargetToml {
        match t {
            TargetName::Cpu => &self.toml.cpu,
            TargetName::Cuda => &self.toml.cuda,
        }
    }

    /// The targets the case runs on (listed and not unsupported).
    fn supported(&self) -> Vec<TargetName> {
        self.targets().into_iter().filter(|&t| self.settings(t).unsupported.is_none()).collect()
    }
}

/// Every folder under tests/in, sorted by name; each must have a model.onnx and reference data.
fn cases() -> Vec<Case> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/in"))
        .expect("tests/in")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 30, "expected the golden cases under tests/in, found {}", dirs.len());
    dirs.into_iter()
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            assert!(dir.join("model.onnx").is_file(), "tests/in/{name}: no model.onnx (run scripts/make_models.py)");
            assert!(
                dir.join("test_data_set_0/output_0.pb").is_file(),
                "tests/in/{name}: no reference data (run scripts/make_models.py {name})"
            );
            let toml = match std::fs::read_to_string(dir.join("case.toml")) {
                Ok(text) => toml::from_str(&text).unwrap_or_else(|e| panic!("tests/in/{name}/case.toml: {e}")),
                Err(_) => CaseToml::default(),
            };
            let case = Case { name, dir, toml };
            for t in [TargetName::Cpu, TargetName::Cuda] {
                let s = case.settings(t);
                assert!(
                    case.targets().contains(&t)
                        || (s.unsupported.is_none()
                            && s.opt.is_none()
                            && s.rtol.is_none()
                            && s.atol.is_none()
                            && !s.host),
                    "tests/in/{}/case.toml: settings for {t:?}, which is not in `targets`",
                    case.name
                );
            }
            assert!(!case.toml.cpu.host, "tests/in/{}/case.toml: `host` is for [cuda]", case.name);
            case
        })
        .collect()
}

fn bless() -> bool {
    std::env::var_os("RONN_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

fn compiler(case: &Case, target: TargetName) -> Compiler {
    let mut c = Compiler::new(case.dir.join("model.onnx")).name(&case.name);
    for (symbol, &value) in &case.toml.dims {
        c = c.dim(symbol, value);
    }
    match target {
        TargetName::Cpu => c,
        // No PTX: the source is what is kept, and no NVRTC is needed.
        TargetName::Cuda => c.target(Target::Cuda { arch: "sm_80".into(), ptx: false }),
    }
}

/// What one target makes of a case: (file under tests/out, contents).
fn generate(case: &Case, target: TargetName, ir: bool) -> Result<Vec<(String, String)>, Error> {
    let (compiled, _) = compiler(case, target).compile_specialized(|input| data_set_value(&case.dir, input))?;
    let name = &case.name;
    let m = compiled.rust("::ronn_runtime", BlobPath::Sibling(format!("{name}.bin")), false)?;
    let mut files = Vec::new();
    if ir {
        files.push((format!("ir/{name}.txt"), ronn_compiler::ir::text::print(&compiled.graph)));
    }
    match target {
        TargetName::Cpu => files.push((format!("rust/{name}.rs"), m.code)),
        TargetName::Cuda => {
            let kernels = m.cuda.expect("a CUDA module has kernels").source;
            let body =
                kernels.strip_prefix(ronn_compiler::back::cuda::PRELUDE).expect("kernels start with the prelude");
            files.push((format!("cuda/{name}.cu"), body.to_string()));
            if case.settings(target).host {
                files.push((format!("cuda/{name}.rs"), m.code));
            }
        }
    }
    // The blob is not kept, but must be deterministic too.
    files.push((String::new(), format!("{:?}", m.blob)));
    Ok(files)
}

/// The first differing lines of two texts (common head and tail left out), numbered.
fn diff(want: &str, got: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (a_mid, b_mid) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    const MAX: usize = 12;
    let mut out = format!("first difference at line {}:\n", head + 1);
    for (k, line) in a[head.saturating_sub(2)..head].iter().enumerate() {
        out += &format!("  {:5}   {line}\n", head.saturating_sub(2) + k + 1);
    }
    for (sign, lines) in [('-', a_mid), ('+', b_mid)] {
        for (k, line) in lines.iter().take(MAX).enumerate() {
            out += &format!("  {:5} {sign} {line}\n", head + k + 1);
        }
        if lines.len() > MAX {
            out += &format!("        {sign} ... {} more lines\n", lines.len() - MAX);
        }
    }
    if a_mid.is_empty() && b_mid.is_empty() {
        out += "  (the texts differ only in line endings)\n";
    }
    out
}

/// Generated code against tests/out (or blessed into it), every case and target.
#[test]
fn generated_code_matches_tests_out() {
    let out_dir = root().join("tests/out");
    let bless = bless();
    let mut failures: Vec<String> = Vec::new();
    let mut expected: Vec<PathBuf> = Vec::new();
    for case in cases() {
        let name = &case.name;
        let supported = case.supported();
        for target in case.targets() {
            let ir = supported.first() == Some(&target);
            if let Some(reason) = &case.settings(target).unsupported {
                match generate(&case, target, false) {
                    Err(Error::Unsupported(_)) => {}
                    Err(e) => failures.push(format!("{name} ({target:?}): expected unsupported ({reason}), got: {e}")),
                    Ok(_) => failures.push(format!(
                        "{name} ({target:?}): compiles now, though case.toml says unsupported = {reason:?}: \
                         remove that line and bless"
                    )),
                }
                continue;
            }
            let files = match generate(&case, target, ir) {
                Ok(files) => files,
                Err(e) => {
                    failures.push(format!("{name} ({target:?}): {e}"));
                    continue;
                }
            };
            match generate(&case, target, ir) {
                Ok(again) if again == files => {}
                Ok(again) => {
                    let which: Vec<&str> = files
                        .iter()
                        .zip(&again)
                        .filter(|(a, b)| a != b)
                        .map(|(a, _)| if a.0.is_empty() { "the weights blob" } else { a.0.as_str() })
                        .collect();
                    failures.push(format!("{name} ({target:?}): generation is not deterministic: {which:?}"));
                }
                Err(e) => failures.push(format!("{name} ({target:?}): the second generation failed: {e}")),
            }
            for (file, text) in files.into_iter().filter(|(f, _)| !f.is_empty()) {
                if file.ends_with(".rs") && text.contains("unsafe") {
                    failures.push(format!("{name}: tests/out/{file}: generated code contains unsafe"));
                }
                let path = out_dir.join(&file);
                expected.push(path.clone());
                if bless {
                    let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == text);
                    if !unchanged {
                        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                        std::fs::write(&path, &text).unwrap();
                        eprintln!("blessed tests/out/{file}");
                    }
                    continue;
                }
                match std::fs::read_to_string(&path) {
                    Ok(want) if want == text => {}
                    Ok(want) => {
                        // The new text beside the build, for a full `diff`.
                        let got = root().join("target/golden-new").join(&file);
                        std::fs::create_dir_all(got.parent().unwrap()).unwrap();
                        std::fs::write(&got, &text).unwrap();
                        failures.push(format!(
                            "{name}: tests/out/{file} differs (new text in {}):\n{}",
                            got.display(),
                            diff(&want, &text)
                        ));
                    }
                    Err(_) => failures.push(format!("{name}: tests/out/{file} is missing")),
                }
            }
        }
    }
    // Files no case makes any more.
    for sub in ["ir", "rust", "cuda"] {
        for e in std::fs::read_dir(out_dir.join(sub)).into_iter().flatten().flatten() {
            let path = e.path();
            if !expected.contains(&path) {
                let rel = path.strip_prefix(&out_dir).unwrap().display().to_string();
                if bless {
                    std::fs::remove_file(&path).unwrap();
                    eprintln!("removed tests/out/{rel}");
                } else {
                    failures.push(format!("tests/out/{rel}: no case makes it (RONN_BLESS=1 removes it)"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden failure(s) (RONN_BLESS=1 cargo test --test golden blesses the new output):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Runs one `ronnc check` per (optimisation level, tolerances, dims) over the cases that run on
/// `target`; every case must pass.
fn check_target(target: TargetName) {
    let cases = cases();
    let (rtol, atol, opt) = match target {
        TargetName::Cpu => (1e-3, 1e-5, vec![1, 0]),
        TargetName::Cuda => (1e-3, 1e-4, vec![1]),
    };
    type Key = (u8, String, String, Vec<String>);
    let mut batches: BTreeMap<Key, Vec<&Case>> = BTreeMap::new();
    for case in cases.iter().filter(|c| c.supported().contains(&target)) {
        let s = case.settings(target);
        let dims: Vec<String> = case.toml.dims.iter().map(|(k, v)| format!("{k}={v}")).collect();
        for &level in s.opt.as_ref().unwrap_or(&opt) {
            let key = (level, s.rtol.unwrap_or(rtol).to_string(), s.atol.unwrap_or(atol).to_string(), dims.clone());
            batches.entry(key).or_default().push(case);
        }
    }
    assert!(!batches.is_empty());
    for ((level, rtol, atol, dims), batch) in batches {
        let mut args: Vec<String> = vec!["check".into(), "--rtol".into(), rtol, "--atol".into(), atol];
        if target == TargetName::Cuda {
            args.extend(["--target", "cuda", "--emulate"].map(String::from));
        }
        args.extend(["-O".into(), level.to_string()]);
        args.extend(dims.iter().flat_map(|d| ["--dim".to_string(), d.clone()]));
        args.extend(batch.iter().map(|c| format!("tests/in/{}", c.name)));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = ronnc(&args);
        let text = stdout(&out);
        let context = format!("ronnc {}\n{text}{}", args.join(" "), String::from_utf8_lossy(&out.stderr));
        assert_eq!(summary(&text), (batch.len(), 0, 0), "{context}");
        for case in &batch {
            let pass = format!("PASS tests/in/{}", case.name);
            assert!(text.lines().any(|l| l == pass || l.starts_with(&format!("{pass} "))), "{}: {context}", case.name);
        }
        assert!(out.status.success(), "{context}");
    }
}

/// The CPU code of every case against onnxruntime, optimised and with `-O 0`.
#[test]
fn cpu_results_match_onnxruntime() {
    check_target(TargetName::Cpu);
}

/// The CUDA kernels and host code of every case against onnxruntime, in the CPU emulator (no
/// GPU or NVRTC needed).
#[test]
fn cuda_results_match_onnxruntime_in_the_emulator() {
    check_target(TargetName::Cuda);
}

/// Cases that do not meet `ronnc check`'s default tolerances on the CPU, and why. Each is
/// still checked at the golden tolerances above; this list is for the test below only.
const BELOW_DEFAULT_TOLERANCES: &[(&str, &str)] = &[(
    "conv3x3_winograd",
    "Relu(Conv + residual) cancels to about 1e-3 at a few outputs, where rtol 1e-3 leaves 1e-6: \
     onnxruntime's own f32 rounding there is up to 7.5e-7 (against an f64 reference) and ronn's \
     direct convolution (16 input channels take the im2col-free path, not Winograd) ends at 1.39 \
     of the tolerance; the exactly rounded f64 result passes at 0.62 of it",
)];

/// `ronnc check` with its default tolerances (rtol 1e-3, atol 1e-7) and optimisation level over
/// every case that runs on the CPU: every case passes but those of `BELOW_DEFAULT_TOLERANCES`.
#[test]
fn cpu_results_meet_ronnc_check_defaults() {
    let cases = cases();
    let mut batches: BTreeMap<Vec<String>, Vec<&Case>> = BTreeMap::new();
    for case in cases.iter().filter(|c| c.supported().contains(&TargetName::Cpu)) {
        let dims: Vec<String> = case.toml.dims.iter().map(|(k, v)| format!("{k}={v}")).collect();
        batches.entry(dims).or_default().push(case);
    }
    for name in BELOW_DEFAULT_TOLERANCES.iter().map(|(name, _)| name) {
        assert!(cases.iter().any(|c| c.name == *name), "BELOW_DEFAULT_TOLERANCES names no case `{name}`");
    }
    for (dims, batch) in batches {
        let mut args: Vec<String> = vec!["check".into()];
        args.extend(dims.iter().flat_map(|d| ["--dim".to_string(), d.clone()]));
        args.extend(batch.iter().map(|c| format!("tests/in/{}", c.name)));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = ronnc(&args);
        let text = stdout(&out);
        let context = format!("ronnc {}\n{text}{}", args.join(" "), String::from_utf8_lossy(&out.stderr));
        for case in &batch {
            let pass = format!("PASS tests/in/{}", case.name);
            let passed = text.lines().any(|l| l == pass || l.starts_with(&format!("{pass} ")));
            let excused = BELOW_DEFAULT_TOLERANCES.iter().any(|(name, _)| *name == case.name);
            assert!(passed || excused, "{}: {context}", case.name);
        }
    }
}

#[test]
fn diff_names_the_first_differing_lines() {
    let d = diff("a\nb\nc\nd\n", "a\nb\nX\nd\n");
    assert!(d.starts_with("first difference at line 3:"), "{d}");
    assert!(d.contains("    3 - c") && d.contains("    3 + X") && d.contains("    2   b"), "{d}");
}
