//! ronn: an ahead-of-time compiler for ONNX models.
//!
//! This facade is the one dependency a user adds. It re-exports
//! - [`include_model!`], which compiles a `.onnx` file into a typed Rust module at build time;
//! - [`runtime`], the small crate the generated code links against (tensor views, the arena,
//!   the weight blob and the CPU kernels).
//!
//! ```
//! // The path is relative to the calling crate's Cargo.toml; the module is named after the file.
//! ronn::include_model!("tests/fixtures/add.onnx");
//! use ronn::runtime::TensorView;
//!
//! let mut model = add::Model::new()?;
//! let (a, b) = ([1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0], [10.0f32; 6]);
//! let out = model.run(TensorView::new(&a, &[2, 3]), TensorView::new(&b, &[2, 3]))?;
//! assert_eq!(out.y.data, &[11.0, 12.0, 13.0, 14.0, 15.0, 16.0]);
//! # Ok::<(), ronn::runtime::Error>(())
//! ```
//!
//! For generation in `build.rs`, enable the `build` feature in your build-dependencies and call
//! [`compiler::Compiler`] (`ronn::compiler` is the `ronn-compiler` crate); for the `ronnc` CLI
//! see the README.

#[cfg(feature = "build")]
pub use ronn_compiler as compiler;
pub use ronn_macros::include_model;
pub use ronn_runtime as runtime;
