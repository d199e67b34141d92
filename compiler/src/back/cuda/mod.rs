//! The CUDA back-end: every node becomes one or more CUDA C kernels rendered from the templates
//! in `kernels/`, all in one translation unit per model, compiled to PTX with NVRTC at build
//! time (`nvrtc.rs`). The host side is the Rust back-end's module with a device body
//! (`back::rust::CudaHost`): inputs are uploaded into the device arena, the kernels launched in
//! schedule order, the outputs downloaded.
//!
//! The same source compiles as C for the CPU emulator (`emulator.rs`), which is how kernels
//! and generated host code are tested on machines without a GPU.

pub mod emulator;
pub(crate) mod expr;
mod lower;
pub mod nvrtc;

pub(crate) use lower::scratch_bytes;
pub use lower::BLOCK;

use crate::back::LowerError;
use crate::ir::Graph;
use crate::plan::Plan;
use crate::{Error, Unsupported};

/// The kernels' shared prelude.
pub const PRELUDE: &str = include_str!("../../../../kernels/prelude.cuh");

/// One kernel launch of `run`, in order.
#[derive(Debug, Clone)]
pub struct Launch {
    /// Index into [`Program::kernels`].
    pub kernel: usize,
    /// Threads to run, in blocks of [`BLOCK`].
    pub threads: u64,
    /// The kernel's `param` argument (e.g. an offset or an element count), fixed at build
    /// time.
    pub param: i64,
}

/// A model's kernels: the CUDA C translation unit, kernel names and the launch sequence.
#[derive(Debug, Clone)]
pub struct Program {
    /// The CUDA C source of every kernel, after [`PRELUDE`].
    pub source: String,
    /// The kernels' function names, in the order [`Launch::kernel`] indexes.
    pub kernels: Vec<String>,
    /// The launches of one `run`, in order.
    pub launches: Vec<Launch>,
}

/// Renders the kernels of a planned graph. Every node the CUDA target cannot run yet is
/// reported, all at once.
pub(crate) fn program(g: &Graph, plan: &Plan) -> Result<Program, Error> {
    let tera = lower::templates().map_err(Error::Emit)?;
    let mut source = String::from(PRELUDE);
    let (mut kernels, mut launches, mut unsupported) = (Vec::new(), Vec::new(), Vec::new());
    for (step, &n) in plan.schedule.iter().enumerate() {
        let node = g.node(n);
        if plan.views.nodes.contains(&n) {
            // A view: its parts' producers already wrote its memory.
            continue;
        }
        match lower::lower(g, plan, &tera, n, step) {
            Ok(list) => {
                // The node's name comes from the model: kept to characters that cannot end or
                // continue a line comment.
                let name: String =
                    node.name.chars().map(|c| if c.is_control() || c == '\\' { '_' } else { c }).collect();
                for k in list {
                    source.push_str(&format!("\n// node `{name}` ({})\n", node.op.kind()));
                    source.push_str(&k.source);
                    for &param in &k.params {
                        launches.push(Launch { kernel: kernels.len(), threads: k.threads, param });
                    }
                    kernels.push(k.name);
                }
            }
            Err(LowerError::Internal(reason)) => {
                return Err(Error::Emit(format!("node `{}` ({}): {reason}", node.name, node.op.kind())))
            }
            Err(LowerError::Unsupported(reason)) => unsupported.push(Unsupported {
                node: node.name.clone(),
                op_type: node.op.kind(),
                domain: "ronn.core".into(),
                opset: 0,
                reason,
                needs_inputs: Vec::new(),
            }),
        }
    }
    if !unsupported.is_empty() {
        return Err(Error::Unsupported(unsupported));
    }
    Ok(Program { source, kernels, launches })
}
