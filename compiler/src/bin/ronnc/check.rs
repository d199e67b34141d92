//! `ronnc check`: compile many model folders into one batch binary, run every data set, compare
//! with the reference outputs. One line per PATH, then `N passed, N failed[, N skipped]`; with
//! `--verbose`, each PASS or FAIL line is followed by one indented line per data set and output
//! with its deviation from the reference.

use std::path::{Path, PathBuf};

use ronn_compiler::back::rust::{BlobPath, RustModule};
use ronn_compiler::cargo_crate;
use ronn_compiler::ir::Tensor;
use ronn_runtime::io::{read_tensor_proto, AnyTensor};
use ronn_runtime::DType;

use crate::{compiler_for, CompileOpts, Failure};

enum Outcome {
    Pass,
    Fail(String),
    Unsupported(String),
    /// Unreadable or invalid model: exit code 2.
    Invalid(String),
}

struct Case {
    path: PathBuf,
    data_sets: Vec<PathBuf>,
    /// Inputs compiled for the first data set's value (their value decides shapes).
    specialized: Vec<String>,
    /// Symbolic dims bounded by the data sets' sizes: (name, largest size).
    symbolic: Vec<(String, usize)>,
    /// Symbols some data set gives size 0 (compiled with `--dim-min NAME=0`).
    empty: Vec<String>,
    module: Option<usize>,
    outcome: Option<Outcome>,
    /// Per data set run (its folder's name): each output's deviation, for `--verbose`.
    deviations: Vec<(String, Vec<Deviation>)>,
}

/// How far one output of a data set is from its reference: `got` passes where every element
/// has `|got - want| <= atol + rtol * |want|` (or both are NaN).
struct Deviation {
    output: usize,
    /// The reference file's tensor name (may be empty).
    name: String,
    dtype: DType,
    /// Largest `|got - want|`.
    max_abs: f64,
    /// Largest `|got - want| / |want|`.
    max_rel: f64,
    /// Largest `|got - want| / (atol + rtol * |want|)`: at most 1 where the output passes.
    of_tolerance: f64,
    /// Elements outside the tolerance, of `len`.
    outside: usize,
    len: usize,
}

fn numbered(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut files: Vec<(usize, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let k = name.strip_prefix(prefix)?.strip_suffix(".pb")?.parse().ok()?;
            Some((k, e.path()))
        })
        .collect();
    files.sort();
    files.into_iter().map(|(_, p)| p).collect()
}

fn data_sets(dir: &Path) -> Vec<PathBuf> {
    let mut sets: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("test_data_set_") && e.path().is_dir())
        .map(|e| e.path())
        .collect();
    sets.sort();
    sets
}

/// The tolerances outputs are checked at, and whether to print each output's deviation.
pub struct Tolerance {
    pub rtol: f64,
    pub atol: f64,
    pub verbose: bool,
}

pub fn run(paths: &[PathBuf], tol: &Tolerance, emulate: bool, opts: &CompileOpts) -> Result<u8, Failure> {
    let mut cases: Vec<Case> = paths
        .iter()
        .map(|p| Case {
            path: p.clone(),
            data_sets: data_sets(p),
            specialized: Vec::new(),
            symbolic: Vec::new(),
            empty: Vec::new(),
            module: None,
            outcome: None,
            deviations: Vec::new(),
        })
        .collect();
    let mut modules: Vec<(String, RustModule)> = Vec::new();
    let step = crate::progress::Step::start("compiling");
    let total = cases.len();
    for (k, case) in cases.iter_mut().enumerate() {
        step.set(format!("compiling model {} of {total}: {}", k + 1, case.path.display()));
        let compiled = compile_case(case, opts);
        let result = compiled.and_then(|mut c| {
            let name = format!("m{}", modules.len());
            c.name = name.clone();
            c.rust("::ronn_runtime", BlobPath::Sibling(format!("{name}.bin")), true)
                .map(|m| (name, m))
                .map_err(Failure::from)
        });
        match result {
            Ok((name, m)) => {
                case.module = Some(modules.len());
                modules.push((name, m));
            }
            Err(f) => case.outcome = Some(classify(f)),
        }
    }
    // One checker crate and output folder are shared by all runs: concurrent `ronnc check`s
    // (parallel tests) take turns.
    step.set("waiting for another ronnc check");
    let _lock = lock_cache()?;
    step.set(format!("building the checker of {} model(s) with cargo", modules.len()));
    let bin = build(&mut cases, &modules)?;
    let emulator_dir = if emulate { Some(build_emulators(&mut cases, &modules)?) } else { None };
    if let Some(bin) = bin {
        step.set("running the data sets");
        run_jobs(&bin, &mut cases, tol, emulator_dir.as_deref())?;
    }
    drop(step);
    let (mut passed, mut failed, mut skipped, mut invalid) = (0, 0, 0, 0);
    for case in &cases {
        let p = case.path.display();
        let details = || {
            if tol.verbose {
                print_deviations(case, tol);
            }
        };
        match case.outcome.as_ref().unwrap_or(&Outcome::Fail("not run".into())) {
            Outcome::Pass => {
                passed += 1;
                let mut notes = Vec::new();
                if !case.specialized.is_empty() {
                    notes.push(format!("compiled for the data's value of input(s) {}", case.specialized.join(", ")));
                }
                if !case.symbolic.is_empty() {
                    let dims: Vec<String> = case
                        .symbolic
                        .iter()
                        .map(|(s, m)| match case.empty.contains(s) {
                            true => format!("0 <= {s} <= {m}"),
                            false => format!("{s} <= {m}"),
                        })
                        .collect();
                    notes.push(format!("one build for all data sets, symbolic {}", dims.join(", ")));
                }
                if notes.is_empty() {
                    println!("PASS {p}");
                } else {
                    println!("PASS {p} ({})", notes.join("; "));
                }
                details();
            }
            Outcome::Fail(why) => {
                failed += 1;
                println!("FAIL {p}: {why}");
                details();
            }
            Outcome::Unsupported(why) => {
                skipped += 1;
                println!("UNSUPPORTED {p}: {why}");
            }
            Outcome::Invalid(why) => {
                invalid += 1;
                failed += 1;
                println!("ERROR {p}: {why}");
            }
        }
    }
    if skipped > 0 {
        println!("{passed} passed, {failed} failed, {skipped} skipped");
    } else {
        println!("{passed} passed, {failed} failed");
    }
    Ok(if invalid > 0 {
        2
    } else if failed + skipped > 0 {
        1
    } else {
        0
    })
}

/// `--verbose`: one line per data set and output (the share of the tolerance for floating-point
/// references only; the count of elements outside it where there are any), e.g.
///
/// ```text
///   test_data_set_0 output 0 `y` (f32): max abs 3.815e-6, max rel 1.543e-3 (tolerance atol 1e-7 rtol 1e-3), 1.39 of the tolerance, 1 of 12096 elements outside
/// ```
fn print_deviations(case: &Case, tol: &Tolerance) {
    for (set, deviations) in &case.deviations {
        for d in deviations {
            let name = if d.name.is_empty() { String::new() } else { format!(" `{}`", d.name) };
            let mut line = format!(
                "  {set} output {}{name} ({}): max abs {:.3e}, max rel {:.3e} (tolerance atol {:e} rtol {:e})",
                d.output,
                d.dtype.rust_name(),
                d.max_abs,
                d.max_rel,
                tol.atol,
                tol.rtol
            );
            if d.dtype.is_float() {
                line.push_str(&format!(", {:.2} of the tolerance", d.of_tolerance));
            }
            if d.outside > 0 {
                line.push_str(&format!(", {} of {} elements outside", d.outside, d.len));
            }
            println!("{line}");
        }
    }
}

/// Compiles a case. When a node needs the value of a graph input at build time (a reduction's
/// axes, a target shape, TopK's k...), the model is compiled for the value in the first data
/// set, and `run` refuses any other value; the case's line says so.
fn compile_case(case: &mut Case, opts: &CompileOpts) -> Result<ronn_compiler::Compiled, Failure> {
    let model = case.path.join("model.onnx");
    let mut c = compiler_for(&model, opts)?;
    // Symbolic dims without a value or bound on the command line stay symbolic, bounded by
    // the largest size the data sets give them: one build runs every data set.
    let (bounds, empty) = data_set_bounds(case, &model, &opts.named_dims())?;
    case.symbolic = bounds;
    for (s, max) in &case.symbolic {
        c = c.dim_max(s, *max);
    }
    // A data set with an empty axis (a decoder's first step: no past yet) lets its symbol be 0.
    for s in &empty {
        c = c.dim_min(s, 0);
    }
    case.empty = empty;
    // Read lazily: most cases need no values.
    let values = std::cell::OnceCell::new();
    let lookup = |name: &str| -> Option<Tensor> {
        let all = values.get_or_init(|| first_data_set_inputs(case, &model).unwrap_or_default());
        all.iter().find(|(n, _)| n == name).map(|(_, t)| t.clone())
    };
    let (compiled, fixed) = c.compile_specialized(lookup).map_err(Failure::from)?;
    case.specialized = fixed;
    Ok(compiled)
}

/// Symbolic dims as the data sets size them: each symbol's largest size, and the symbols some
/// data set gives size 0.
type DataSetSizes = (Vec<(String, usize)>, Vec<String>);

/// For each symbolic dim of the graph's inputs not in `named`: the largest size any data set
/// gives it; and the symbols some data set gives size 0.
fn data_set_bounds(case: &Case, model: &Path, named: &[&str]) -> Result<DataSetSizes, Failure> {
    use ronn_compiler::front::onnx::{input_dim, proto::type_proto, InputDim};
    let proto = ronn_compiler::front::onnx::load_model(model).map_err(Failure::from)?;
    let Some(g) = proto.graph.as_ref() else { return Ok((Vec::new(), Vec::new())) };
    let initializers: Vec<&str> = g.initializer.iter().filter_map(|t| t.name.as_deref()).collect();
    // Per graph input (in order): the symbol of each axis, if any; unknown dims (no value,
    // -1, `?`) have names of their own, as the importer gives them.
    let mut inputs: Vec<(String, Vec<Option<String>>)> = Vec::new();
    for i in g.input.iter().filter(|i| !initializers.contains(&i.name.as_deref().unwrap_or_default())) {
        let name = i.name.clone().unwrap_or_default();
        let dims = match i.r#type.as_ref().and_then(|t| t.value.as_ref()) {
            Some(type_proto::Value::TensorType(t)) => t
                .shape
                .iter()
                .flat_map(|s| &s.dim)
                .enumerate()
                .map(|(axis, d)| match input_dim(&name, axis, d) {
                    Ok(InputDim::Symbol(s)) if !named.contains(&s.as_str()) => Some(s),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        inputs.push((name, dims));
    }
    let mut bounds: Vec<(String, usize)> = Vec::new();
    let mut empty: Vec<String> = Vec::new();
    if inputs.iter().all(|(_, d)| d.iter().all(Option::is_none)) {
        return Ok((bounds, empty));
    }
    for set in &case.data_sets {
        for (k, file) in numbered(set, "input_").into_iter().enumerate() {
            // An unreadable file is reported when the data set runs; it bounds nothing here.
            let Ok((name, t)) = crate::values::read(&file) else { continue };
            let Some((_, syms)) = inputs.iter().find(|(n, _)| *n == name).or_else(|| inputs.get(k)) else { continue };
            for (s, &size) in syms.iter().zip(&t.shape) {
                let Some(s) = s else { continue };
                if size == 0 && !empty.contains(s) {
                    empty.push(s.clone());
                }
                match bounds.iter_mut().find(|(n, _)| n == s) {
                    Some((_, m)) => *m = (*m).max(size.max(1)),
                    None => bounds.push((s.clone(), size.max(1))),
                }
            }
        }
    }
    Ok((bounds, empty))
}

/// The first data set's inputs by graph input name (positional where a file has no name).
fn first_data_set_inputs(case: &Case, model: &Path) -> Result<Vec<(String, Tensor)>, Failure> {
    let set =
        case.data_sets.first().ok_or_else(|| Failure::internal("no data set to take input values from".into()))?;
    let mut out = Vec::new();
    for file in numbered(set, "input_") {
        out.push(crate::values::read(&file).map_err(Failure::internal)?);
    }
    if out.iter().any(|(name, _)| name.is_empty()) {
        // Unnamed files follow the graph's inputs (initialisers listed as inputs excluded).
        let proto = ronn_compiler::front::onnx::load_model(model).map_err(Failure::from)?;
        let initializers: Vec<String> =
            proto.graph.iter().flat_map(|g| &g.initializer).filter_map(|t| t.name.clone()).collect();
        let graph_inputs = proto
            .graph
            .iter()
            .flat_map(|g| &g.input)
            .filter_map(|i| i.name.clone())
            .filter(|n| !initializers.contains(n));
        for ((name, _), input) in out.iter_mut().zip(graph_inputs) {
            if name.is_empty() {
                *name = input;
            }
        }
    }
    Ok(out)
}

/// An exclusive lock on the cache's checker folder, released when dropped.
fn lock_cache() -> Result<std::fs::File, Failure> {
    cargo_crate::lock(&cargo_crate::cache_target_dir().join("..").join("check.lock")).map_err(Failure::internal)
}

fn classify(f: Failure) -> Outcome {
    let one_line = f.message.replace('\n', " ");
    if f.unsupported {
        Outcome::Unsupported(one_line)
    } else if f.code == 2 {
        Outcome::Invalid(one_line)
    } else {
        Outcome::Fail(one_line)
    }
}

/// Builds the batch binary. A module whose generated code does not compile is marked failed and
/// left out, and the rest is built again.
fn build(cases: &mut [Case], modules: &[(String, RustModule)]) -> Result<Option<PathBuf>, Failure> {
    let root = cargo_crate::cache_target_dir().join("..").join("check");
    let mut active: Vec<usize> = (0..modules.len()).collect();
    for _attempt in 0..8 {
        if active.is_empty() {
            return Ok(None);
        }
        let batch: Vec<(usize, String, &RustModule)> =
            active.iter().map(|&i| (i, modules[i].0.clone(), &modules[i].1)).collect();
        cargo_crate::write_check_crate(&root, &batch).map_err(Failure::from)?;
        match cargo_crate::cargo_build(&root, "ronn-check", false, &cargo_crate::cache_target_dir()) {
            Ok(bin) => return Ok(Some(bin)),
            Err(stderr) => {
                let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error")).collect();
                let broken: Vec<usize> = (0..active.len())
                    .filter(|&k| errors.iter().any(|l| l.contains(&format!("src/m{}.rs:", active[k]))))
                    .collect();
                if broken.is_empty() {
                    return Err(Failure::internal(format!("building the checker failed:\n{stderr}")));
                }
                for &k in broken.iter().rev() {
                    let i = active.remove(k);
                    let first =
                        errors.iter().find(|l| l.contains(&format!("src/m{i}.rs:"))).copied().unwrap_or("").to_string();
                    for case in cases.iter_mut().filter(|c| c.module == Some(i)) {
                        case.outcome = Some(Outcome::Fail(format!("generated code does not compile: {first}")));
                        case.module = None;
                    }
                }
            }
        }
    }
    Err(Failure::internal("the checker did not build after 8 attempts".into()))
}

/// Compiles each CUDA module's kernels as C for the CPU emulator; returns the folder the
/// runtime loads them from (`RONN_CUDA_EMULATOR_DIR`).
fn build_emulators(cases: &mut [Case], modules: &[(String, RustModule)]) -> Result<PathBuf, Failure> {
    let dir = cargo_crate::cache_target_dir().join("..").join("check-emulator");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| Failure::internal(format!("cannot create `{}`: {e}", dir.display())))?;
    for (i, (name, m)) in modules.iter().enumerate() {
        let Some(k) = &m.cuda else { continue };
        if let Err(e) = ronn_compiler::back::cuda::emulator::build(&k.source, &dir.join(format!("{name}.so"))) {
            for case in cases.iter_mut().filter(|c| c.module == Some(i)) {
                case.outcome = Some(Outcome::Fail(e.replace('\n', " ")));
                case.module = None;
            }
        }
    }
    Ok(dir)
}

fn run_jobs(bin: &Path, cases: &mut [Case], tol: &Tolerance, emulator_dir: Option<&Path>) -> Result<(), Failure> {
    let out_root = cargo_crate::cache_target_dir().join("..").join("check-out");
    let _ = std::fs::remove_dir_all(&out_root);
    let mut jobs = String::new();
    let mut job_of = Vec::new();
    for (ci, case) in cases.iter().enumerate() {
        let Some(m) = case.module else { continue };
        if case.data_sets.is_empty() {
            continue;
        }
        for (si, set) in case.data_sets.iter().enumerate() {
            let ins: Vec<String> = numbered(set, "input_").iter().map(|p| p.display().to_string()).collect();
            let out = out_root.join(format!("{ci}_{si}"));
            jobs.push_str(&format!("{m}\t{}\t{}\n", ins.join(","), out.display()));
            job_of.push((ci, si, out));
        }
    }
    std::fs::create_dir_all(&out_root).map_err(|e| Failure::internal(e.to_string()))?;
    let jobs_file = out_root.join("jobs.txt");
    std::fs::write(&jobs_file, jobs).map_err(|e| Failure::internal(e.to_string()))?;
    let mut cmd = std::process::Command::new(bin);
    if let Some(dir) = emulator_dir {
        cmd.env("RONN_CUDA_EMULATOR_DIR", dir);
    }
    let out = cmd.arg(&jobs_file).output().map_err(|e| Failure::internal(format!("cannot run the checker: {e}")))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    let mut results: Vec<Vec<Result<(), String>>> = vec![Vec::new(); cases.len()];
    for (j, (ci, si, dir)) in job_of.iter().enumerate() {
        let set = &cases[*ci].data_sets[*si];
        let r = match lines.get(j) {
            Some(&"ok") => {
                let (deviations, failure) = compare(set, dir, tol.rtol, tol.atol);
                let name = set.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                cases[*ci].deviations.push((name, deviations));
                failure.map_or(Ok(()), Err)
            }
            Some(l) => Err(l.trim_start_matches("error: ").to_string()),
            None => Err("the checker stopped early (crashed)".into()),
        };
        results[*ci].push(r);
    }
    for (case, rs) in cases.iter_mut().zip(results) {
        if case.outcome.is_some() || case.module.is_none() {
            continue;
        }
        if case.data_sets.is_empty() {
            case.outcome = Some(Outcome::Fail("no test_data_set_* folder".into()));
            continue;
        }
        case.outcome = Some(match rs.into_iter().find_map(|r| r.err()) {
            None => Outcome::Pass,
            Some(why) => Outcome::Fail(why),
        });
    }
    Ok(())
}

fn read(path: &Path) -> Result<AnyTensor, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    read_tensor_proto(&bytes).map(|(_, t)| t).map_err(|e| format!("{}: {e}", path.display()))
}

/// Compares every expected output of a data set: each output's deviation, and the failure that
/// names the first output outside the tolerance (or missing, or of another shape; outputs after
/// one that cannot be read are not compared).
fn compare(set: &Path, got_dir: &Path, rtol: f64, atol: f64) -> (Vec<Deviation>, Option<String>) {
    let mut deviations = Vec::new();
    for (k, expected) in numbered(set, "output_").iter().enumerate() {
        let read_both = || -> Result<(String, AnyTensor, AnyTensor), String> {
            let bytes = std::fs::read(expected).map_err(|e| format!("{}: {e}", expected.display()))?;
            let (name, e) = read_tensor_proto(&bytes).map_err(|e| format!("{}: {e}", expected.display()))?;
            let g = read(&got_dir.join(format!("output_{k}.pb"))).map_err(|_| format!("output {k} missing"))?;
            if e.shape != g.shape {
                return Err(format!("output {k}: shape {:?}, expected {:?}", g.shape, e.shape));
            }
            Ok((name, e, g))
        };
        let (name, e, g) = match read_both() {
            Ok(t) => t,
            Err(why) => {
                let failure = first_failure(&deviations, set).unwrap_or(why);
                return (deviations, Some(failure));
            }
        };
        let (ev, gv) = (e.to_f64_vec(), g.to_f64_vec());
        let mut d = Deviation {
            output: k,
            name,
            dtype: e.dtype,
            max_abs: 0.0,
            max_rel: 0.0,
            of_tolerance: 0.0,
            outside: 0,
            len: ev.len(),
        };
        for (&x, &y) in ev.iter().zip(&gv) {
            if x.is_nan() && y.is_nan() || x == y {
                continue;
            }
            let abs = (x - y).abs();
            let rel = abs / x.abs().max(f64::MIN_POSITIVE);
            let bound = atol + rtol * x.abs();
            if abs.is_nan() || abs > bound {
                d.outside += 1;
            }
            let or_inf = |v: f64| if v.is_nan() { f64::INFINITY } else { v };
            d.max_abs = d.max_abs.max(or_inf(abs));
            d.max_rel = d.max_rel.max(or_inf(rel));
            d.of_tolerance = d.of_tolerance.max(or_inf(abs / bound));
        }
        deviations.push(d);
    }
    let failure = first_failure(&deviations, set);
    (deviations, failure)
}

/// The failure message of the first output outside the tolerance, if any.
fn first_failure(deviations: &[Deviation], set: &Path) -> Option<String> {
    deviations.iter().find(|d| d.outside > 0).map(|d| {
        format!(
            "output {}: max abs error {:.3e}, max rel error {:.3e} (data set {})",
            d.output,
            d.max_abs,
            d.max_rel,
            set.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
        )
    })
}
