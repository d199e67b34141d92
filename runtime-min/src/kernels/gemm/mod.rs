//! The matrix products, in one folder because they share layouts and register tiles:
//!
//! - `strided.rs`: the allocation-free f32/f64 GEMM over arbitrary strides (generic code
//!   compiled per CPU feature level), behind [`matmul::MatMulElem`];
//! - `packed.rs` and `tiles.rs`: the x86-64 f32 GEMM with both operands packed into explicit
//!   AVX-512 / AVX2 register tiles (BLIS loop order), and the drivers for prepacked operands;
//! - [`prepacked`]: operands packed at build time (convolution weights on the left, MatMul
//!   weights on the right) and the products that read them;
//! - [`matmul`]: ONNX `MatMul` / `Gemm` with batch broadcasting, over the GEMMs above.
//!
//! `kernels::matmul` and `kernels::prepacked` re-export the two public modules.

pub mod matmul;
mod packed;
pub mod prepacked;
mod strided;
mod tiles;
