//! ronn-compiler: ONNX -> IR -> passes -> memory plan -> Rust code.
//!
//! The folders follow the pipeline: [`front::onnx`] loads and imports models, [`ir`] holds the
//! graph of core ops, [`passes`] rewrite it, [`plan`] assigns arena offsets, [`back::rust`]
//! writes code. [`Compiler`] is the `build.rs` entry point; `ronnc` and `include_model!` are thin
//! shells over the same calls. See docs/ARCHITECTURE.md.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]

pub mod back;
pub mod cargo_crate;
mod compiler;
mod error;
pub mod front;
pub mod ir;
pub mod passes;
pub mod plan;

pub use compiler::{Compiled, Compiler, Target};
pub use error::{Error, Unsupported};
