#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
//! ronnc: inspect a model, emit a crate, build a standalone executable, check against reference
//! data. Exit codes: 0 success, 1 failure or internal error, 2 bad input.

mod check;
mod inspect;
mod progress;
mod values;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use ronn_compiler::{cargo_crate, Compiler, Error};

#[derive(Parser)]
#[command(name = "ronnc", version, about = "ronn: ahead-of-time compiler for ONNX models")]
struct Cli {
    /// No progress spinners (they are shown only when stderr is a terminal anyway).
    #[arg(long, short = 'q', global = true)]
    quiet: bool,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
/// What the generated code runs on (`--target`).
pub enum Target {
    /// Rust calling the runtime's CPU kernels.
    Cpu,
    /// CUDA kernels as PTX, built ahead of time with NVRTC.
    Cuda,
}

#[derive(clap::Args, Clone)]
// Options every subcommand that compiles takes (no doc comment: clap would show it as help).
#[allow(missing_docs)]
pub struct CompileOpts {
    /// Fix a symbolic dimension: NAME=VALUE (repeatable).
    #[arg(long = "dim", value_name = "NAME=VALUE")]
    dims: Vec<String>,
    /// Keep a symbolic dimension symbolic, up to a largest size: NAME=MAX (repeatable). The
    /// compiled model accepts any size from 1 to MAX; memory is planned for MAX.
    #[arg(long = "dim-max", value_name = "NAME=MAX")]
    dim_max: Vec<String>,
    /// Let a symbolic dimension be smaller than 1: NAME=MIN (repeatable; 0 for the past length
    /// of a decoder's first step, whose KV cache is empty). `check` takes it from data sets
    /// with an empty axis.
    #[arg(long = "dim-min", value_name = "NAME=MIN")]
    dim_min: Vec<String>,
    /// Code generation target.
    #[arg(long, value_enum, default_value = "cpu")]
    target: Target,
    /// GPU architecture of the PTX for `--target cuda`: sm_80 (Ampere, the default), sm_86,
    /// sm_89 or sm_90 (Hopper).
    #[arg(long, default_value = "sm_80")]
    arch: String,
    /// Build PTX for `--target cuda` (off only for the emulator on machines without NVRTC).
    #[arg(skip = true)]
    ptx: bool,
    /// Compile for one value of an input that decides shapes (axes, sizes, k...): NAME=FILE
    /// (.npy or .pb); the compiled model refuses other values. Repeatable.
    #[arg(long = "input-value", value_name = "NAME=FILE")]
    input_values: Vec<String>,
    /// Optimisation level: 0 turns the optimiser off (for debugging).
    #[arg(short = 'O', default_value = "1")]
    opt_level: u8,
}

#[derive(Subcommand)]
enum Cmd {
    /// Inputs, outputs, op histogram, unsupported ops, FLOPs, weight and arena bytes.
    Inspect {
        /// The ONNX model file.
        model: PathBuf,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Show what each pass changed.
        #[arg(long)]
        passes: bool,
        /// Write the optimised graph for Graphviz.
        #[arg(long, value_name = "FILE")]
        dot: Option<PathBuf>,
        /// Write the optimised graph in the IR's text form.
        #[arg(long, value_name = "FILE")]
        ir: Option<PathBuf>,
        #[command(flatten)]
        opts: CompileOpts,
    },
    /// Write a self-contained cargo crate (a standalone executable) for the model.
    Compile {
        /// The ONNX model file.
        model: PathBuf,
        /// The crate's folder: created if missing; a folder holding another cargo project is
        /// refused (ronn only replaces crates it wrote itself).
        #[arg(long, value_name = "DIR")]
        out_dir: PathBuf,
        /// Module and package name (default: the file's stem, or its folder's name for
        /// `model.onnx`).
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        opts: CompileOpts,
    },
    /// Build a standalone executable.
    Build {
        /// The ONNX model file.
        model: PathBuf,
        /// The executable to write (a file). Run it with `--help` for its own options.
        #[arg(short = 'o', long = "output", value_name = "BIN")]
        output: PathBuf,
        /// CPU to generate machine code for (rustc's -C target-cpu): `native` uses everything
        /// this machine has (AVX-512, AVX2, FMA...); `x86-64` (or `generic`) runs anywhere of the
        /// architecture. Kernels with their own run-time dispatch (GEMM) use the best unit either way.
        #[arg(long, value_name = "CPU", default_value = "native")]
        cpu: String,
        /// Time every node: `--bench` then also prints each node's share of the run, slowest
        /// first (the timers cost a little, so leave this off for latency figures); the
        /// executable's `--trace FILE` writes its last run as a Chrome/Perfetto trace.
        #[arg(long)]
        profile: bool,
        #[command(flatten)]
        opts: CompileOpts,
    },
    /// Check models in the ONNX test layout against their reference outputs.
    Check {
        /// Model folders in the ONNX test layout: `model.onnx` and `test_data_set_N/` folders
        /// of `input_K.pb` and `output_K.pb`. All are compiled into one batch binary.
        #[arg(required = true, value_name = "PATHS")]
        paths: Vec<PathBuf>,
        /// Relative tolerance: an element passes when |got - expected| <= atol + rtol * |expected|.
        #[arg(long, default_value = "1e-3")]
        rtol: f64,
        /// Absolute tolerance (see --rtol).
        #[arg(long, default_value = "1e-7")]
        atol: f64,
        /// After each PASS or FAIL line, one indented line per data set and output: its largest
        /// absolute and relative error against the reference, and (floating-point outputs) the
        /// largest share of the tolerance `atol + rtol * |reference|` an element uses.
        #[arg(long, short)]
        verbose: bool,
        /// With `--target cuda`: run the kernels in the CPU emulator (compiled as C with `cc`)
        /// instead of on a GPU, to test them on machines without one.
        #[arg(long)]
        emulate: bool,
        #[command(flatten)]
        opts: CompileOpts,
    },
}

/// A failure with its exit code.
pub struct Failure {
    /// The process's exit code: 1 failure or internal error, 2 bad input.
    pub code: u8,
    /// What went wrong, for stderr.
    pub message: String,
    /// Something ronn does not support (yet), as opposed to a broken model or a bug.
    pub unsupported: bool,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        let unsupported = matches!(e, Error::Unsupported(_));
        Failure { code: if e.is_bad_input() { 2 } else { 1 }, message: e.to_string(), unsupported }
    }
}

impl Failure {
    /// An internal or environment failure (exit code 1).
    pub fn internal(message: String) -> Self {
        Failure { code: 1, message, unsupported: false }
    }
}

fn bad_input(message: String) -> Failure {
    Failure { code: 2, message, unsupported: false }
}

impl CompileOpts {
    /// The symbols given a value or a bound on the command line.
    pub fn named_dims(&self) -> Vec<&str> {
        self.dims.iter().chain(&self.dim_max).filter_map(|d| d.split_once('=').map(|(n, _)| n)).collect()
    }
}

/// Builds the compiler for a model from the common options.
pub fn compiler_for(model: &std::path::Path, opts: &CompileOpts) -> Result<Compiler, Failure> {
    let target = match opts.target {
        Target::Cpu => ronn_compiler::Target::Cpu,
        Target::Cuda => {
            if !ronn_compiler::back::cuda::nvrtc::ARCHES.contains(&opts.arch.as_str()) {
                return Err(bad_input(format!(
                    "--arch `{}`: expected one of {}",
                    opts.arch,
                    ronn_compiler::back::cuda::nvrtc::ARCHES.join(", ")
                )));
            }
            ronn_compiler::Target::Cuda { arch: opts.arch.clone(), ptx: opts.ptx }
        }
    };
    let mut c = Compiler::new(model).optimize(opts.opt_level > 0).runtime_path("::ronn_runtime").target(target);
    for d in &opts.dims {
        let (name, value) = d.split_once('=').ok_or_else(|| bad_input(format!("--dim `{d}`: expected NAME=VALUE")))?;
        let value = value.parse().map_err(|_| bad_input(format!("--dim `{d}`: `{value}` is not a size")))?;
        c = c.dim(name, value);
    }
    for d in &opts.dim_max {
        let (name, value) =
            d.split_once('=').ok_or_else(|| bad_input(format!("--dim-max `{d}`: expected NAME=MAX")))?;
        let value = value.parse().map_err(|_| bad_input(format!("--dim-max `{d}`: `{value}` is not a size")))?;
        c = c.dim_max(name, value);
    }
    for d in &opts.dim_min {
        let (name, value) =
            d.split_once('=').ok_or_else(|| bad_input(format!("--dim-min `{d}`: expected NAME=MIN")))?;
        let value = value.parse().map_err(|_| bad_input(format!("--dim-min `{d}`: `{value}` is not a size")))?;
        c = c.dim_min(name, value);
    }
    for iv in &opts.input_values {
        let (name, file) =
            iv.split_once('=').ok_or_else(|| bad_input(format!("--input-value `{iv}`: expected NAME=FILE")))?;
        let (_, t) =
            values::read(std::path::Path::new(file)).map_err(|e| bad_input(format!("--input-value {name}: {e}")))?;
        c = c.input_value(name, t);
    }
    Ok(c)
}

fn run(cli: Cli) -> Result<u8, Failure> {
    match cli.cmd {
        Cmd::Inspect { model, json, passes, dot, ir, opts } => {
            let dumps = inspect::Dumps { dot: dot.as_deref(), ir: ir.as_deref() };
            inspect::run(&model, json, passes, dumps, &opts).map(|_| 0)
        }
        Cmd::Compile { model, out_dir, name, opts } => {
            cargo_crate::check_out_dir(&out_dir).map_err(bad_input)?;
            let mut c = compiler_for(&model, &opts)?;
            if let Some(n) = name {
                c = c.name(n);
            }
            let step = progress::Step::start(format!("compiling {}", model.display()));
            let compiled = c.compile()?;
            step.set(format!("writing crate `{}`", compiled.name));
            cargo_crate::write_standalone(&out_dir, &compiled)?;
            drop(step);
            println!("wrote crate `{}` to {}", compiled.name, out_dir.display());
            Ok(0)
        }
        Cmd::Build { model, output, cpu, profile, opts } => {
            check_cpu(&cpu)?;
            let step = progress::Step::start(format!("compiling {}", model.display()));
            let compiled = compiler_for(&model, &opts)?.profile(profile).compile()?;
            let dir = cargo_crate::cache_target_dir().join("..").join("crates").join(&compiled.name);
            // Another ronnc building a model of the same name would write this crate and this
            // binary too: one at a time, from writing the crate to copying the binary out.
            step.set(format!("waiting for another ronnc building `{}`", compiled.name));
            let _lock = cargo_crate::lock(&dir.with_extension("lock")).map_err(Failure::internal)?;
            cargo_crate::write_standalone(&dir, &compiled)?;
            let package = compiled.name.replace('_', "-");
            let linking = match compiled.target {
                ronn_compiler::Target::Cpu => cargo_crate::Linking::StaticWherePossible,
                ronn_compiler::Target::Cuda { .. } => cargo_crate::Linking::Dynamic,
            };
            step.set("building the executable with cargo (the first build also compiles ronn-runtime)");
            let bin = cargo_crate::cargo_build_for(&dir, &package, &cpu, linking)
                .map_err(|e| Failure::internal(format!("building the generated crate failed:\n{e}")))?;
            drop(step);
            std::fs::copy(&bin, &output)
                .map_err(|e| Failure::internal(format!("cannot write `{}`: {e}", output.display())))?;
            println!("built {}", output.display());
            Ok(0)
        }
        Cmd::Check { paths, rtol, atol, verbose, emulate, mut opts } => {
            if emulate && opts.target != Target::Cuda {
                return Err(bad_input("--emulate needs --target cuda".into()));
            }
            if emulate && !ronn_compiler::back::cuda::nvrtc::available() {
                eprintln!("note: NVRTC not found, so no PTX is built; the emulator runs the kernels' C source");
                opts.ptx = false;
            }
            check::run(&paths, &check::Tolerance { rtol, atol, verbose }, emulate, &opts)
        }
    }
}

/// Refuses a `--cpu` that rustc does not know before a build spends a minute to fail with
/// LLVM's complaints. rustc's own list is asked; if rustc cannot say, the build decides.
fn check_cpu(cpu: &str) -> Result<(), Failure> {
    if cpu == "native" {
        return Ok(());
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = std::process::Command::new(rustc).args(["--print", "target-cpus"]).output() else { return Ok(()) };
    let list = String::from_utf8_lossy(&out.stdout);
    let known: Vec<&str> = list.lines().skip(1).filter_map(|l| l.split_whitespace().next()).collect();
    if !out.status.success() || known.is_empty() || known.contains(&cpu) {
        return Ok(());
    }
    Err(bad_input(format!(
        "--cpu `{cpu}`: not a CPU rustc knows (`rustc --print target-cpus` lists them; `native` is this machine)"
    )))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    progress::set_quiet(cli.quiet);
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            eprintln!("error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}
