//! The ONNX front-end: protobuf types, loading (with external data), and import into the IR,
//! one file per op under `ops/`.

mod attrs;
mod ctx;
mod import;
mod input_dims;
mod load;
mod ops;
#[allow(clippy::all, missing_docs)]
pub mod proto;
mod subgraphs;
mod symbolic;
mod tensor;

pub use ctx::ImportOptions;
pub use import::import;
pub use input_dims::{input_dim, InputDim};
pub use load::{load_model, load_model_bytes};
pub(crate) use tensor::tensor_from_proto;

/// Opset range of the default domain that ronn knows.
pub const MIN_OPSET: i64 = 1;
/// The newest opset of the default domain that ronn knows.
pub const MAX_OPSET: i64 = 28;
