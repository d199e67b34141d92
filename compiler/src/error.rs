//! The compiler's errors. Every variant names what is wrong and where (file, node, tensor).

use std::fmt;
use std::path::PathBuf;

use crate::ir::IrError;
use crate::plan::PlanError;

/// One node the compiler cannot handle, reported with all the others at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    pub node: String,
    pub op_type: String,
    pub domain: String,
    pub opset: i64,
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

/// Everything that can go wrong compiling a model. `Debug` prints the `Display` message, so a
/// `build.rs` whose `main` returns `Result<(), Box<dyn Error>>` shows a sentence
/// (`cannot read `models/net.onnx`: No such file or directory`), not the variant's fields.
#[derive(thiserror::Error)]
pub enum Error {
    #[error("cannot read `{path}`: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("`{path}` is not a valid ONNX model: {reason}")]
    Decode { path: PathBuf, reason: String },
    #[error("invalid model: {0}")]
    Model(String),
    #[error("{} unsupported node(s):\n{}", .0.len(), list(.0))]
    Unsupported(Vec<Unsupported>),
    #[error(transparent)]
    Ir(#[from] IrError),
    #[error("memory plan: {0}")]
    Plan(#[from] PlanError),
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
