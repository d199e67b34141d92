//! The CUDA target on a machine without a GPU (issue 6's acceptance):
//! - PTX built for the project's models (the light-zoo CNNs, the MNIST CNN, the BERT-style
//!   encoder) assembles with `ptxas` for sm_80 and sm_90;
//! - the kernels and the generated host code match onnxruntime, run in the CPU emulator;
//! - a generated crate builds without CUDA, and constructing its model where there is no
//!   NVIDIA driver returns a clear error.
//!
//! NVRTC and ptxas come from the pinned PyPI wheels in the project's venv
//! (scripts/requirements.txt), so these tests need nothing installed by hand.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The NVRTC library folder and the ptxas binary of the venv's wheels.
fn cuda_tools() -> (PathBuf, PathBuf) {
    static TOOLS: std::sync::OnceLock<(PathBuf, PathBuf)> = std::sync::OnceLock::new();
    TOOLS
        .get_or_init(|| {
            let script =
                "import nvidia.cuda_nvrtc as r, nvidia.cuda_nvcc as c\nprint(r.__path__[0])\nprint(c.__path__[0])\n";
            let out = Command::new(python()).args(["-c", script]).output().expect("run python");
            assert!(
                out.status.success(),
                "the CUDA wheels are missing from the venv: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            let mut lines = text.lines();
            let (nvrtc, nvcc) = (PathBuf::from(lines.next().unwrap()), PathBuf::from(lines.next().unwrap()));
            (nvrtc.join("lib"), nvcc.join("bin/ptxas"))
        })
        .clone()
}

/// `ronnc` with NVRTC on the library path.
fn ronnc_cuda(args: &[&str]) -> Output {
    let (lib, _) = cuda_tools();
    let path = match std::env::var_os("LD_LIBRARY_PATH") {
        Some(old) => format!("{}:{}", lib.display(), old.to_string_lossy()),
        None => lib.display().to_string(),
    };
    Command::new(env!("CARGO_BIN_EXE_ronnc"))
        .args(args)
        .env("LD_LIBRARY_PATH", path)
        .current_dir(root())
        .output()
        .expect("run ronnc")
}

fn work_dir(name: &str) -> PathBuf {
    let dir = root().join("target/test-cuda").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ptxas(ptx: &Path, arch: &str) -> Output {
    Command::new(cuda_tools().1)
        .arg(format!("-arch={arch}"))
        .arg(ptx)
        .arg("-o")
        .arg("/dev/null")
        .output()
        .expect("run ptxas")
}

/// Compiles a model to a crate with `--target cuda` and returns its PTX file.
fn compile_cuda(model: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let dir = work_dir(name);
    let mut args = vec![
        "compile",
        model.to_str().unwrap(),
        "--target",
        "cuda",
        "--name",
        name,
        "--out-dir",
        dir.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = ronnc_cuda(&args);
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    // Files are named after the module (the name, made a valid identifier).
    let ptx = std::fs::read_dir(dir.join("src"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "ptx"))
        .expect("a .ptx file");
    assert!(ptx.with_extension("cu").is_file(), "{name}: no CUDA source next to the PTX");
    let file = ptx.file_name().unwrap().to_string_lossy().into_owned();
    let code = std::fs::read_to_string(dir.join("src/model.rs")).unwrap();
    assert!(code.contains(&format!("include_str!(\"{file}\")")), "{name}: the module does not embed its PTX");
    ptx
}

#[test]
fn ptx_of_the_project_models_assembles_for_sm80_and_sm90() {
    let mut models: Vec<(String, PathBuf, Vec<&str>)> = model_dirs(&light_zoo())
        .into_iter()
        .map(|d| (d.file_name().unwrap().to_string_lossy().into_owned(), d.join("model.onnx"), vec![]))
        .collect();
    assert_eq!(models.len(), 9);
    models.push(("mnist_cnn".into(), root().join("tests/models/mnist_cnn/model.onnx"), vec![]));
    // A transformer: attention, layer norm, embeddings, GELU.
    models.push((
        "bert".into(),
        root().join("tests/symbolic/bert_dynamic/model.onnx"),
        vec!["--dim", "batch=2", "--dim", "seq=16"],
    ));
    models.push(("cnn".into(), root().join("tests/symbolic/cnn_dynamic/model.onnx"), vec!["--dim", "batch=2"]));
    for (name, model, extra) in &models {
        let ptx = compile_cuda(model, name, extra);
        let text = std::fs::read_to_string(&ptx).unwrap();
        assert!(text.contains(".target sm_80"), "{name}: PTX is not for sm_80");
        assert!(text.contains(".entry k"), "{name}: PTX has no kernels");
        for arch in ["sm_80", "sm_90"] {
            let out = ptxas(&ptx, arch);
            assert!(out.status.success(), "{name}: ptxas -arch={arch}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
    // Hopper PTX on request.
    let ptx = compile_cuda(&root().join("tests/models/mnist_cnn/model.onnx"), "mnist_sm90", &["--arch", "sm_90"]);
    assert!(std::fs::read_to_string(&ptx).unwrap().contains(".target sm_90"));
    assert!(ptxas(&ptx, "sm_90").status.success());
    // An unknown architecture is bad input.
    let out = ronnc_cuda(&[
        "compile",
        "tests/models/mnist_cnn/model.onnx",
        "--target",
        "cuda",
        "--arch",
        "sm_5",
        "--out-dir",
        "target/test-cuda/bad",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sm_5"));
}

/// Every architecture of the benchmark set (tests/bench_graphs: their graphs without weights, made
/// by scripts/make_bench_graphs.py, so no PyTorch is needed): PTX that assembles for sm_80 and
/// sm_90. Zero weights serve, since code generation depends on the graph and shapes only.
#[test]
fn ptx_of_every_benchmark_architecture_assembles_for_sm80_and_sm90() {
    let graphs = model_dirs(&root().join("tests/bench_graphs"));
    assert_eq!(graphs.len(), 12, "{graphs:?}");
    for src in graphs {
        let name = src.file_name().unwrap().to_string_lossy().into_owned();
        let dir = work_dir(&format!("graph-{name}"));
        std::fs::copy(src.join("model.onnx"), dir.join("model.onnx")).unwrap();
        let len: u64 = std::fs::read_to_string(src.join("weights_len.txt")).unwrap().trim().parse().unwrap();
        std::fs::File::create(dir.join("weights.bin")).unwrap().set_len(len).unwrap();
        let ptx = compile_cuda(&dir.join("model.onnx"), &format!("bench_{name}"), &[]);
        for arch in ["sm_80", "sm_90"] {
            let out = ptxas(&ptx, arch);
            assert!(out.status.success(), "{name}: ptxas -arch={arch}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

#[test]
fn emulated_cuda_kernels_match_onnxruntime() {
    let mut args: Vec<String> =
        ["check", "--target", "cuda", "--emulate", "--rtol", "1e-3", "--atol", "1e-4"].map(String::from).to_vec();
    // The zoo, the MNIST CNN, and models whose names are hostile to generated code (they reach
    // the CUDA source as comments). The small cases of tests/in run in tests/golden.rs.
    let dirs: Vec<PathBuf> = model_dirs(&light_zoo())
        .into_iter()
        .chain([root().join("tests/models/mnist_cnn")])
        .chain(model_dirs(&root().join("tests/hostile/valid")))
        .collect();
    args.extend(dirs.iter().map(|d| d.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = ronnc_cuda(&args);
    let text = stdout(&out);
    assert_eq!(summary(&text), (dirs.len(), 0, 0), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success());
}

/// Whether this machine has the NVIDIA driver library.
fn driver_present() -> bool {
    Command::new("sh").args(["-c", "ldconfig -p | grep -q 'libcuda\\.so'"]).status().is_ok_and(|s| s.success())
}

#[test]
fn a_cuda_executable_builds_without_cuda_and_runs_in_the_emulator() {
    let dir = work_dir("standalone");
    let bin = dir.join("mnist_cuda");
    let out =
        ronnc_cuda(&["build", "tests/models/mnist_cnn/model.onnx", "--target", "cuda", "-o", bin.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    if !driver_present() {
        // No driver: construction fails with an error value, reported with exit code 2.
        let run = Command::new(&bin).output().unwrap();
        assert_eq!(run.status.code(), Some(2));
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains("NVIDIA driver") && err.contains("libcuda"), "{err}");
    }
    // The same kernels (generation is deterministic), compiled for the emulator under the
    // module's name (the model's folder, as `ronnc build` names it), run the same executable.
    let ptx = compile_cuda(&root().join("tests/models/mnist_cnn/model.onnx"), "mnist_cnn", &[]);
    let source = std::fs::read_to_string(ptx.with_extension("cu")).unwrap();
    let module = ptx.file_stem().unwrap().to_string_lossy().into_owned();
    ronn_compiler::back::cuda::emulator::build(&source, &dir.join(format!("{module}.so"))).unwrap();
    let run = Command::new(&bin).env("RONN_CUDA_EMULATOR_DIR", &dir).args(["--bench", "2"]).output().unwrap();
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{text}{}", String::from_utf8_lossy(&run.stderr));
    assert!(text.lines().last().unwrap_or_default().starts_with("latency_ms min="), "{text}");
}

/// The prelude's half-float conversions (run in the emulator) against the `half` crate the CPU
/// kernels use: every f16 and bf16 value widened, and a sweep of f32 values (normals,
/// subnormals, ties, overflow, NaN) rounded.
#[test]
fn prelude_half_conversions_match_the_half_crate() {
    use ronn_runtime::{bf16, cuda, f16};
    let dir = work_dir("prelude");
    let kernels = "
RONN_KERNEL widen(char* arena, const char* weights, long long param) {
    RONN_GUARD(65536);
    const unsigned short* h = (const unsigned short*)weights;
    ((float*)arena)[i] = param ? ronn_bf2f(h[i]) : ronn_h2f(h[i]);
}
RONN_KERNEL narrow(char* arena, const char* weights, long long param) {
    RONN_GUARD(65536);
    const float* f = (const float*)(weights + 131072);
    ((unsigned short*)(arena + 262144))[i] = param ? ronn_f2bf(f[i]) : ronn_f2h(f[i]);
}
";
    let source = format!("{}{kernels}", ronn_compiler::back::cuda::PRELUDE);
    let lib = dir.join("prelude.so");
    ronn_compiler::back::cuda::emulator::build(&source, &lib).unwrap();
    // Weights: every 16-bit pattern, then 65536 f32 values to round.
    let mut floats: Vec<f32> =
        (0..65536u32).map(|k| f32::from_bits(k.wrapping_mul(65521).wrapping_mul(2654435761))).collect();
    floats[..16].copy_from_slice(&[
        0.0,
        -0.0,
        65504.0,
        65519.0,
        65520.0,
        1.0 + 1.0 / 2048.0,
        1.0 + 3.0 / 2048.0,
        6e-8,
        3e-8,
        2.9e-8,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
        1e-40,
        3.0e38,
        -5.960_464_5e-8,
    ]);
    let mut weights: Vec<u8> = (0..65536u32).flat_map(|k| (k as u16).to_le_bytes()).collect();
    weights.extend(floats.iter().flat_map(|f| f.to_le_bytes()));
    let mut gpu = cuda::Gpu::emulated(&lib, &["widen", "narrow"], 262144 + 131072, &weights).unwrap();
    for bf in [false, true] {
        let p = i64::from(bf);
        gpu.run(&[
            cuda::Launch { kernel: 0, threads: 65536, param: p },
            cuda::Launch { kernel: 1, threads: 65536, param: p },
        ])
        .unwrap();
        let mut wide = vec![0u8; 262144];
        gpu.download(0, &mut wide).unwrap();
        let mut narrow = vec![0u8; 131072];
        gpu.download(262144, &mut narrow).unwrap();
        for k in 0..65536usize {
            let got = f32::from_le_bytes(wide[4 * k..4 * k + 4].try_into().unwrap());
            let want = if bf { bf16::from_bits(k as u16).to_f32() } else { f16::from_bits(k as u16).to_f32() };
            assert!(
                got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                "widen {k:#06x} (bf16 {bf}): {got} vs {want}"
            );
            let got = u16::from_le_bytes([narrow[2 * k], narrow[2 * k + 1]]);
            let want = if bf { bf16::from_f32(floats[k]).to_bits() } else { f16::from_f32(floats[k]).to_bits() };
            let nan = if bf { bf16::from_bits(got).is_nan() } else { f16::from_bits(got).is_nan() };
            assert!(
                got == want || (nan && floats[k].is_nan()),
                "narrow {} (bf16 {bf}): {got:#06x} vs {want:#06x}",
                floats[k]
            );
        }
    }
}
