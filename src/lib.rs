//! ronn: an ahead-of-time compiler for ONNX models.
//!
//! This facade is the one dependency a user adds. It re-exports
//! - [`include_model!`], which compiles a `.onnx` file into a typed Rust module at build time;
//! - [`runtime`], the small crate the generated code links against (tensor views, the arena,
//!   the weight blob and the CPU kernels).
//!
//! ```ignore
//! ronn::include_model!("models/mnist.onnx");
//! let mut model = mnist::Model::new()?;
//! let out = model.run(&input)?;
//! ```
//!
//! For `build.rs` generation and the `ronnc` CLI see the `ronn-compiler` crate.

pub use ronn_macros::include_model;
pub use ronn_runtime as runtime;
