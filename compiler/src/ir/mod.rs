//! The IR: a graph of core ops over typed values.
//!
//! Semantics. A [`Graph`] has inputs, constants and nodes; every node applies one core [`Op`]
//! to input values and defines output values. Values are immutable tensors with a [`TensorType`]
//! (dtype + shape of fixed or symbolic dims). Tensors are dense and row-major; there are no views
//! or aliasing at this level (a back-end may alias, e.g. for Reshape). Broadcasting follows numpy.
//! Node order is given by data dependencies only.
//!
//! Architecture invariant: petgraph is an implementation detail of `graph.rs`; everything else
//! uses [`NodeId`] and [`ValueId`].

mod dim;
mod graph;
mod op;
pub(crate) mod ops;
mod tensor;
pub mod text;
mod types;
mod verify;

pub use graph::{Graph, Node, NodeId, Value, ValueDef, ValueId};
pub use op::{
    BinaryOp, FusedExpr, FusedHead, GridMode, GridPadding, MathFn, Op, PadMode, PoolKind, RecurrentCell, ReduceKind,
    Reduction, UnaryOp, Window,
};
pub(crate) use ops::{eval, infer};
pub use tensor::{Data, Tensor};
pub use types::{broadcast_dims, broadcast_shapes, Atom, DType, Dim, Shape, TensorType};
pub(crate) use types::{fixed_dims, static_of};
pub(crate) use verify::verify;

/// Errors of the IR layer.
#[derive(Debug, thiserror::Error)]
pub enum IrError {
    /// A node's inputs do not fit its op (type or shape inference failed).
    #[error("node `{node}` ({op}): {reason}")]
    Infer {
        /// The node's name.
        node: String,
        /// The op's short name ([`Op::kind`]).
        op: String,
        /// What does not fit.
        reason: String,
    },
    /// The nodes cannot be ordered.
    #[error("the graph has a cycle through node `{node}`")]
    Cycle {
        /// A node on the cycle.
        node: String,
    },
    /// The graph breaks an IR invariant (checked after every pass in debug builds): a ronn bug.
    #[error("invalid IR: {0}")]
    Verify(String),
}
