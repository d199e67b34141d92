//! ronn: an ahead-of-time compiler for ONNX models.
//!
//! This facade is the one dependency a user adds. It re-exports
//! - [`include_model!`], which compiles a `.onnx` file into a typed Rust module at build time;
//! - [`runtime`], the small crate the generated code links against (tensor views, the arena,
//!   the weight blob and the CPU kernels).
//!
//! A model becomes a module with a `Model` type: `Model::new()` allocates its memory once,
//! `run` takes one [`TensorView`](runtime::TensorView) per input and returns the outputs as
//! views of that memory, without allocating. Here an MNIST-size CNN classifies a blank image:
//!
//! ```
//! // The path is relative to the calling crate's Cargo.toml.
//! ronn::include_model!("tests/models/mnist_cnn/model.onnx", name = "mnist");
//!
//! use ronn::runtime::TensorView;
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let mut model = mnist::Model::new()?;
//!     let image = vec![0.0f32; 28 * 28]; // one 28x28 grey image, NCHW, row-major
//!     let out = model.run(TensorView::new(&image, &[1, 1, 28, 28]))?;
//!
//!     // One output, `probabilities`: a softmax over the ten digits.
//!     let probs = out.probabilities.data;
//!     assert_eq!(out.probabilities.shape, &[1, 10]);
//!     let sum: f32 = probs.iter().sum();
//!     assert!((sum - 1.0).abs() < 1e-4);
//!
//!     // A wrong shape is an error, never a panic.
//!     assert!(model.run(TensorView::new(&image, &[1, 28, 28, 1])).is_err());
//!     Ok(())
//! }
//! ```
//!
//! The module also describes the model in constants (`mnist::INPUTS`, `mnist::OUTPUTS`,
//! `mnist::ARENA_BYTES`, `mnist::WEIGHT_BYTES`). Kernels run on one thread until
//! [`runtime::threads::set_threads`] is called.
//!
//! For generation in `build.rs`, enable the `build` feature in your build-dependencies and call
//! `ronn::compiler::Compiler` (`ronn::compiler` is the `ronn-compiler` crate); for the `ronnc` CLI
//! see the README.
//!
//! Debug builds: cargo's dev profile compiles dependencies without optimisation, and models
//! then run 15 to 130 times slower. Add to your own `Cargo.toml` (settings in ronn's workspace
//! do not reach your crate):
//!
//! ```toml
//! [profile.dev.package.ronn-runtime]
//! opt-level = 3
//! ```
#![warn(missing_docs)]

/// The compiler (feature `build`), for build scripts: `ronn::compiler::Compiler`.
#[cfg(feature = "build")]
pub use ronn_compiler as compiler;

/// The options of `include_model!` at work: `dim_max` keeps a symbolic dimension symbolic up
/// to a bound, `dim` fixes it, `name` names the module. The model here is a small CNN whose
/// input `image` is `[batch, 3, 12, 12]` and whose output `logits` is `[batch, 10]`.
///
/// ```
/// // One build for every batch size from 1 to 4.
/// ronn::include_model!("tests/symbolic/cnn_dynamic/model.onnx", name = "any_batch", dim_max = "batch=4");
/// // A build specialised for batch 2.
/// ronn::include_model!("tests/symbolic/cnn_dynamic/model.onnx", name = "pairs", dim = "batch=2");
///
/// use ronn::runtime::{Error, TensorView};
///
/// fn main() -> Result<(), Box<dyn std::error::Error>> {
///     assert_eq!(any_batch::DIMS, &[("batch", 4)]);
///     let mut model = any_batch::Model::new()?; // memory for batch 4
///     let images = vec![0.5f32; 3 * 3 * 12 * 12];
///     for batch in [1, 3] {
///         let x = &images[..batch * 3 * 12 * 12];
///         let out = model.run(TensorView::new(x, &[batch, 3, 12, 12]))?;
///         assert_eq!(out.logits.shape, &[batch, 10]);
///     }
///     let too_many = vec![0.0f32; 5 * 3 * 12 * 12];
///     let err = model.run(TensorView::new(&too_many, &[5, 3, 12, 12])).err();
///     assert!(matches!(err, Some(Error::DimRange { dim: "batch", value: 5, min: 1, max: 4 })));
///
///     assert_eq!(pairs::INPUTS[0].2, &[2, 3, 12, 12]);
///     let mut model = pairs::Model::new()?;
///     let out = model.run(TensorView::new(&images[..2 * 3 * 12 * 12], &[2, 3, 12, 12]))?;
///     assert_eq!(out.logits.shape, &[2, 10]);
///     Ok(())
/// }
/// ```
pub use ronn_macros::include_model;
pub use ronn_runtime as runtime;
