//! Graph passes, one per file behind the `Pass` trait; `pipeline` lists their order and [`run`]
//! runs them. In debug builds the verifier runs after every pass.

use crate::ir::{verify, Graph, IrError};

mod attention;
mod cse;
pub(crate) mod dce;
mod excite;
mod fold;
mod fold_affine;
mod fuse;
mod layer_norm;
mod rewrite;
mod rows;
pub(crate) mod simplify;
#[cfg(test)]
mod test_support;

/// A graph rewrite. Returns whether it changed anything.
pub(crate) trait Pass {
    fn name(&self) -> &'static str;
    fn run(&self, g: &mut Graph) -> Result<bool, IrError>;
}

/// What one pass did, for `ronnc inspect --passes`.
#[derive(Debug, Clone)]
pub struct PassReport {
    /// The pass's name.
    pub pass: &'static str,
    /// Nodes before it ran.
    pub nodes_before: usize,
    /// Nodes after it ran.
    pub nodes_after: usize,
    /// Bytes of constants before it ran.
    pub weight_bytes_before: usize,
    /// Bytes of constants after it ran.
    pub weight_bytes_after: usize,
}

/// The optimisation pipeline, in order. `-O0` runs only what correctness needs (dead-code
/// elimination, which also drops unused constants from the blob).
pub(crate) fn pipeline(optimize: bool) -> Vec<Box<dyn Pass>> {
    if optimize {
        vec![
            Box::new(fold::ConstFold::default()),
            Box::new(cse::Cse),
            Box::new(simplify::Simplify),
            Box::new(rows::Rows),
            Box::new(simplify::Simplify),
            Box::new(fold_affine::FoldAffine),
            Box::new(layer_norm::LayerNorm),
            Box::new(dce::DeadCode),
            Box::new(fuse::Fuse),
            Box::new(excite::Excite),
            Box::new(attention::Attention),
            Box::new(dce::DeadCode),
        ]
    } else {
        vec![Box::new(dce::DeadCode)]
    }
}

/// Runs the pipeline, verifying after each pass in debug builds.
pub fn run(g: &mut Graph, optimize: bool) -> Result<Vec<PassReport>, IrError> {
    let mut reports = Vec::new();
    for pass in pipeline(optimize) {
        let (nodes_before, weight_bytes_before) = (g.node_count(), g.weight_bytes());
        pass.run(g)?;
        if cfg!(debug_assertions) {
            verify(g)?;
        }
        reports.push(PassReport {
            pass: pass.name(),
            nodes_before,
            nodes_after: g.node_count(),
            weight_bytes_before,
            weight_bytes_after: g.weight_bytes(),
        });
    }
    Ok(reports)
}
