//! Back-ends: IR + plan in, code out. Each has the same skeleton: `mod.rs` (options, entry
//! point) and one lowering per core op in a folder of op-family files (`rust/ops/`,
//! `cuda/lower/`, named as `ir/ops/`'s).
pub mod cuda;
pub mod rust;

/// Why a back-end cannot lower one node.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LowerError {
    /// The target has no kernel for this op, dtype or shape yet: reported with every other
    /// such node of the model.
    #[error("{0}")]
    Unsupported(String),
    /// The graph or the plan contradicts what the op needs: a bug in an earlier stage.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Helpers' plain-sentence errors (an operand missing, a symbolic dim a kernel needs fixed)
/// become unsupported-node reports, as every lowering error was before this type existed.
impl From<String> for LowerError {
    fn from(reason: String) -> Self {
        LowerError::Unsupported(reason)
    }
}

impl From<&str> for LowerError {
    fn from(reason: &str) -> Self {
        LowerError::Unsupported(reason.to_string())
    }
}
