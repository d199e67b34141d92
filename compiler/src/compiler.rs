//! The `build.rs` API, and the one pipeline every entry point runs:
//! load -> import -> passes -> memory plan -> emit.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::back::cuda;
use crate::back::rust::{self, BlobPath, CudaHost, RustModule, RustOptions};
use crate::front::onnx::{self, ImportOptions};
use crate::ir::{Graph, Op, Tensor, UnaryOp, ValueDef};
use crate::passes::{self, PassReport};
use crate::plan::{self, Plan};
use crate::Error;

/// Compiles one ONNX model: a builder of options, then [`Compiler::emit`] (files for
/// `build.rs`), [`Compiler::rust`] (the module in memory) or [`Compiler::compile`] (the graph
/// and plan, for tools).
///
/// In `build.rs` (with `ronn-compiler` under `[build-dependencies]` and `ronn` under
/// `[dependencies]`):
///
/// ```no_run
/// fn main() -> Result<(), Box<dyn std::error::Error>> {
///     let out_dir = std::env::var("OUT_DIR")?;
///     ronn_compiler::Compiler::new("models/net.onnx").emit(&out_dir)?;
///     Ok(())
/// }
/// // then, in the crate: include!(concat!(env!("OUT_DIR"), "/net.rs"));
/// // and `net::Model::new()?.run(...)`.
/// ```
///
/// The same call writing into a folder of one's choosing, with options:
///
/// ```
/// use ronn_compiler::Compiler;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let model = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/add.onnx");
/// let out_dir = std::env::temp_dir().join(format!("ronn-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&out_dir)?;
/// // `model` is the path of an .onnx file adding two [2, 3] f32 tensors.
/// let rs = Compiler::new(model).name("adder").runtime_path("::ronn_runtime").emit(&out_dir)?;
///
/// assert_eq!(rs, out_dir.join("adder.rs"));
/// assert!(std::fs::read_to_string(&rs)?.contains("pub mod adder"));
/// assert!(out_dir.join("adder.bin").is_file()); // the weight blob the module includes
/// # std::fs::remove_dir_all(&out_dir)?;
/// # Ok(())
/// # }
/// ```
///
/// Errors ([`Error`]) name the file, node or tensor concerned; an unsupported model lists
/// every unsupported node at once. Nothing here panics.
#[derive(Debug, Clone)]
pub struct Compiler {
    model: PathBuf,
    name: Option<String>,
    dims: HashMap<String, usize>,
    dim_max: HashMap<String, usize>,
    dim_min: HashMap<String, usize>,
    input_values: HashMap<String, Tensor>,
    optimize: bool,
    runtime: String,
    dyn_api: bool,
    profile: bool,
    target: Target,
}

/// What the generated code runs on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Rust calling runtime-min's CPU kernels (the default).
    Cpu,
    /// CUDA kernels as PTX for `arch` (e.g. `sm_80`), built ahead of time with NVRTC and
    /// launched through runtime-min's `cuda` feature. With `ptx: false` no PTX is built (the
    /// kernels then only run in the CPU emulator; for machines without NVRTC).
    Cuda {
        /// The GPU architecture, `sm_XY` (see `back::cuda::nvrtc::ARCHES`).
        arch: String,
        /// Build the PTX with NVRTC.
        ptx: bool,
    },
}

/// A compiled model: the optimised graph and its memory plan, ready for [`Compiled::rust`].
pub struct Compiled {
    /// The generated module's name (a Rust identifier).
    pub name: String,
    /// The model file.
    pub source: PathBuf,
    /// The graph after the passes.
    pub graph: Graph,
    /// Where every value lives at run time.
    pub plan: Plan,
    /// What each pass did, in order.
    pub passes: Vec<PassReport>,
    /// ONNX op type -> count, as imported.
    pub onnx_ops: std::collections::BTreeMap<String, usize>,
    /// What the code is generated for.
    pub target: Target,
    /// Emit per-node timers ([`Compiler::profile`]).
    pub profile: bool,
}

impl Compiler {
    /// A compiler for the `.onnx` file at `model`, with the defaults: CPU target, optimised,
    /// module named after the file, generated code naming the runtime `::ronn::runtime`.
    /// Nothing is read until [`Compiler::compile`] or [`Compiler::emit`].
    pub fn new(model: impl AsRef<Path>) -> Self {
        Compiler {
            model: model.as_ref().to_path_buf(),
            name: None,
            dims: HashMap::new(),
            dim_max: HashMap::new(),
            dim_min: HashMap::new(),
            input_values: HashMap::new(),
            optimize: true,
            runtime: "::ronn::runtime".into(),
            dyn_api: false,
            profile: false,
            target: Target::Cpu,
        }
    }

    /// The code generation target (default: CPU).
    pub fn target(mut self, target: Target) -> Self {
        self.target = target;
        self
    }

    /// The generated module's name (default: the model file's stem).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Fixes a symbolic dimension.
    pub fn dim(mut self, symbol: impl Into<String>, value: usize) -> Self {
        self.dims.insert(symbol.into(), value);
        self
    }

    /// Keeps a symbolic dimension symbolic up to `max`: `run` accepts any size in `1..=max`
    /// for it and memory is planned for `max`.
    pub fn dim_max(mut self, symbol: impl Into<String>, max: usize) -> Self {
        self.dim_max.insert(symbol.into(), max);
        self
    }

    /// Lets a symbolic dimension be as small as `min` (default 1): 0 for the past length of a
    /// decoder's first step, whose KV cache is empty. `run` refuses sizes under it, and sizes
    /// the model computes that would be negative at it.
    pub fn dim_min(mut self, symbol: impl Into<String>, min: usize) -> Self {
        self.dim_min.insert(symbol.into(), min);
        self
    }

    /// Compiles the model for one value of an input whose value decides shapes (the axes of a
    /// reduction, a target shape, `k` of TopK...). The generated `run` still takes the input
    /// and returns an error when it differs from this value.
    pub fn input_value(mut self, input: impl Into<String>, value: Tensor) -> Self {
        self.input_values.insert(input.into(), value);
        self
    }

    /// Turns the optimiser off (`-O0`).
    pub fn optimize(mut self, on: bool) -> Self {
        self.optimize = on;
        self
    }

    /// How generated code names the runtime crate: `::ronn::runtime` (default, for users of the
    /// `ronn` facade) or `::ronn_runtime`.
    pub fn runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime = path.into();
        self
    }

    /// Also emit the dynamically typed `run_any` (needs the runtime's `io` feature).
    pub fn dyn_api(mut self, on: bool) -> Self {
        self.dyn_api = on;
        self
    }

    /// Time every node of the CPU code (see `ronn_runtime::profile`): the module gets a
    /// `PROFILE` table and standalone executables print it after `--bench`.
    pub fn profile(mut self, on: bool) -> Self {
        self.profile = on;
        self
    }

    /// The module name that will be used.
    ///
    /// Without [`Compiler::name`], the file's stem; a stem that says nothing (`model.onnx`, the
    /// ONNX test layout's name) gives way to its folder's name (`mnist/model.onnx` -> `mnist`).
    pub fn module_name(&self) -> String {
        if let Some(name) = &self.name {
            return rust::module_name(name);
        }
        let name_of = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned());
        let stem = name_of(&self.model).unwrap_or_else(|| "model".into());
        let generic = stem.eq_ignore_ascii_case("model");
        let folder = self.model.canonicalize().ok().and_then(|p| p.parent().and_then(name_of));
        match folder {
            Some(folder) if generic && !folder.is_empty() => rust::module_name(&folder),
            _ => rust::module_name(&stem),
        }
    }

    /// Loads, imports, optimises and plans the model.
    pub fn compile(&self) -> Result<Compiled, Error> {
        self.compile_loaded(&onnx::load_model(&self.model)?)
    }

    /// Compiles an already loaded model (the rest of [`Compiler::compile`]).
    fn compile_loaded(&self, proto: &onnx::proto::ModelProto) -> Result<Compiled, Error> {
        let mut onnx_ops = std::collections::BTreeMap::new();
        if let Some(g) = &proto.graph {
            for n in &g.node {
                *onnx_ops.entry(n.op_type.clone().unwrap_or_default()).or_insert(0) += 1;
            }
        }
        let opts = ImportOptions {
            dims: self.dims.clone(),
            dim_max: self.dim_max.clone(),
            dim_min: self.dim_min.clone(),
            input_values: self.input_values.clone(),
            ..Default::default()
        };
        let mut graph = onnx::import(proto, &opts)?;
        unresolved_input_dims(&graph)?;
        let passes = passes::run(&mut graph, self.optimize)?;
        materialize_outputs(&mut graph)?;
        let plan_opts = match self.target {
            Target::Cpu => {
                plan::PlanOptions { views: self.optimize, prepack: self.optimize, ..plan::PlanOptions::cpu() }
            }
            Target::Cuda { .. } => plan::PlanOptions {
                inputs_in_arena: true,
                scratch_bytes: cuda::scratch_bytes,
                views: self.optimize,
                prepack: false,
            },
        };
        let plan = plan::plan_with(&graph, &plan_opts)?;
        Ok(Compiled {
            name: self.module_name(),
            source: self.model.clone(),
            graph,
            plan,
            passes,
            onnx_ops,
            target: self.target.clone(),
            profile: self.profile,
        })
    }

    /// Compiles like [`Compiler::compile`]; when nodes need the values of graph inputs at build
    /// time, takes them from `lookup` (e.g. a test data set) and compiles again. Returns the
    /// names of the inputs fixed this way (the generated `run` refuses other values).
    pub fn compile_specialized(
        mut self,
        lookup: impl Fn(&str) -> Option<Tensor>,
    ) -> Result<(Compiled, Vec<String>), Error> {
        let proto = onnx::load_model(&self.model)?;
        let mut fixed: Vec<String> = Vec::new();
        // Each round can reveal further needs (nodes after the first unsupported one are only
        // checked for an importer); a model needs a handful of rounds at most.
        for _round in 0..8 {
            let list = match self.compile_loaded(&proto) {
                Err(Error::Unsupported(list)) if list.iter().any(|u| !u.needs_inputs.is_empty()) => list,
                other => return other.map(|c| (c, fixed)),
            };
            for name in list.iter().flat_map(|u| u.needs_inputs.iter()) {
                let Some(value) = lookup(name) else { return Err(Error::Unsupported(list)) };
                if !fixed.contains(name) {
                    fixed.push(name.clone());
                }
                self.input_values.insert(name.clone(), value);
            }
        }
        Err(Error::Model("input values kept being requested".into()))
    }

    /// Generates the Rust module (code + blob) with the blob referenced as `blob`.
    pub fn rust(&self, blob: BlobPath) -> Result<RustModule, Error> {
        let c = self.compile()?;
        c.rust(&self.runtime, blob, self.dyn_api)
    }

    /// Writes `<name>.rs` and `<name>.bin` (and for CUDA `<name>.ptx` and `<name>.cu`) into
    /// `out_dir` (for `build.rs`: the module reads its blob from `OUT_DIR`). Returns the path
    /// of the `.rs` file.
    pub fn emit(&self, out_dir: impl AsRef<Path>) -> Result<PathBuf, Error> {
        let out_dir = out_dir.as_ref();
        let name = self.module_name();
        let m = self.rust(BlobPath::OutDir(format!("{name}.bin")))?;
        let write = |p: PathBuf, bytes: &[u8]| {
            std::fs::write(&p, bytes).map_err(|source| Error::Io { path: p.clone(), source })
        };
        if let Some(k) = &m.cuda {
            write(out_dir.join(format!("{name}.ptx")), k.ptx.as_bytes())?;
            write(out_dir.join(format!("{name}.cu")), k.source.as_bytes())?;
        }
        write(out_dir.join(format!("{name}.bin")), &m.blob)?;
        let rs = out_dir.join(format!("{name}.rs"));
        write(rs.clone(), m.code.as_bytes())?;
        println!("cargo:rerun-if-changed={}", self.model.display());
        Ok(rs)
    }
}

impl Compiled {
    /// Emits the Rust module.
    pub fn rust(&self, runtime: &str, blob: BlobPath, dyn_api: bool) -> Result<RustModule, Error> {
        let (cuda, files) = match &self.target {
            Target::Cpu => (None, None),
            Target::Cuda { arch, ptx } => {
                let program = cuda::program(&self.graph, &self.plan)?;
                let ptx_text = if *ptx { cuda::nvrtc::compile(&program.source, arch)? } else { String::new() };
                // The PTX sits next to the blob, under the same name.
                let ptx_path = blob.with_ext("ptx");
                let files = rust::CudaFiles { source: program.source.clone(), ptx: ptx_text };
                (Some(CudaHost { ptx: ptx_path, program }), Some(files))
            }
        };
        let opts = RustOptions {
            name: self.name.clone(),
            runtime: runtime.to_string(),
            blob,
            dyn_api,
            profile: self.profile,
            source: self.source.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
            cuda,
        };
        let mut m = rust::emit(&self.graph, &self.plan, &opts)?;
        m.cuda = files;
        Ok(m)
    }
}

/// Every symbol on a graph input that has neither a size nor a bound, reported at once with
/// where it appears and how to resolve it (memory cannot be planned without a bound).
fn unresolved_input_dims(g: &Graph) -> Result<(), Error> {
    let mut symbols: std::collections::BTreeMap<&str, Vec<String>> = std::collections::BTreeMap::new();
    for &v in &g.inputs {
        let value = g.value(v);
        for (axis, d) in value.ty.shape.iter().enumerate() {
            for s in d.symbols().into_iter().filter(|s| !g.bounds.contains_key(*s)) {
                symbols.entry(s).or_default().push(format!("input `{}` axis {axis}", value.name));
            }
        }
    }
    if symbols.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = symbols
        .iter()
        .map(|(s, at)| format!("  `{s}` ({}): --dim {s}=N to fix it, --dim-max {s}=N to bound it", at.join(", ")))
        .collect();
    Err(plan::PlanError::Unresolved(lines.join("\n")).into())
}

/// Graph outputs must be computed into the arena: an output that is a graph input or a
/// constant gets a copy node, and an output listed twice gets its own copy.
fn materialize_outputs(g: &mut Graph) -> Result<(), Error> {
    let mut seen = std::collections::HashSet::new();
    for i in 0..g.outputs.len() {
        let v = g.outputs[i];
        let needs_copy = !matches!(g.value(v).def, ValueDef::Node { .. }) || !seen.insert(v);
        if needs_copy {
            let name = g.value(v).name.clone();
            let out = g.add_node(format!("{name}/output"), Op::Unary(UnaryOp::Identity), vec![v])?;
            g.rename_value(out[0], name);
            g.outputs[i] = out[0];
        }
    }
    Ok(())
}
