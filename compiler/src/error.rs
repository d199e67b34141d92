//! The compiler's errors. Every variant names what is wrong and where (file, node, tensor).

use std::fmt;
use std::path::PathBuf;

use crate::ir::IrError;
use crate::plan::PlanError;

/// One node the compiler cannot handle, reported with all the others at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// The node's name in the model.
    pub node: String,
    /// Its ONNX op type (`Conv`, `Loop`, ...).
    pub op_type: String,
    /// Its operator domain; empty for the default `ai.onnx`.
    pub domain: String,
    /// The model's opset for that domain.
    pub opset: i64,
    /// Why it cannot be compiled.
    pub reason: String,
    /// The graph inputs whose values this node needs at build time, if that is the reason
    /// (see `Compiler::input_value`).
    pub needs_inputs: Vec<String>,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let domain = if self.domain.is_empty() { "ai.onnx" } else { &self.domain };
        write!(f, "node `{}`: {} ({domain} opset {}): {}", self.node, self.op_type, self.opset, self.reason)
    }
}

/// Why a model cannot be compiled. The message names the file, node or tensor concerned;
/// [`Error::is_bad_input`] tells a broken model from a ronn limitation. `Debug` prints the
/// `Display` message, so a `build.rs` whose `main` returns `Result<(), Box<dyn Error>>` shows a
/// sentence (``cannot read `models/net.onnx`: No such file or directory``), not the fields.
#[derive(thiserror::Error)]
pub enum Error {
    /// A file cannot be read or written.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not a decodable ONNX model (bad protobuf, bad external data).
    #[error("`{path}` is not a valid ONNX model: {reason}")]
    Decode {
        /// The model file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The model decodes but is invalid (no graph, an initializer defined twice, an output
    /// never computed, ...), or an option contradicts it.
    #[error("invalid model: {0}")]
    Model(String),
    /// Nodes ronn cannot compile (yet), every one of them.
    #[error("{} unsupported node(s):\n{}", .0.len(), list(.0))]
    Unsupported(Vec<Unsupported>),
    /// Type or shape inference failed, or the IR broke an invariant.
    #[error(transparent)]
    Ir(#[from] IrError),
    /// Memory cannot be planned (e.g. a symbolic dim without a bound).
    #[error("memory plan: {0}")]
    Plan(#[from] PlanError),
    /// Code generation failed: a ronn bug, or NVRTC missing or failing for `--target cuda`.
    #[error("code generation: {0}")]
    Emit(String),
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

fn list(items: &[Unsupported]) -> String {
    items.iter().map(|u| format!("  {u}")).collect::<Vec<_>>().join("\n")
}

impl Error {
    /// Bad input (exit code 2 in `ronnc`: unreadable or invalid model) as opposed to an
    /// internal error or a model ronn does not support yet (exit code 1).
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, Error::Emit(_) | Error::Unsupported(_))
    }
}
