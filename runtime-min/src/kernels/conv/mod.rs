//! ONNX `Conv` over any number of spatial axes, grouped, strided, dilated and padded, and
//! the other convolutions (`ConvTranspose` in [`transpose`], Winograd in [`winograd`]).
//!
//! Three paths, chosen from the shapes alone (`geometry.rs`):
//! - pointwise (every kernel extent 1, stride 1, no pads): the input already is the GEMM
//!   operand, so each group is one matrix product and no scratch is needed (`im2col.rs`);
//! - depthwise (`group == C == M`), no scratch (`depthwise.rs`): f32 2-D ones with square
//!   3/5/7 kernels at stride 1 or 2 in AVX-512 registers (`depthwise_avx512.rs`); other 2-D
//!   ones through stride phase planes; any other rank as a shift-and-add per kernel tap;
//! - otherwise im2col + GEMM per group (`im2col.rs`), tiled over output rows so the column
//!   matrix stays within `SCRATCH_BUDGET` elements ([`conv_scratch_len`] gives the exact
//!   size); with prepacked f32 weights on AVX-512, 2-D ones with stride 1 or 2 may instead
//!   read their input in place (`phased.rs`).
//!
//! The bias is written into the output first and the GEMM accumulates onto it (`beta = 1`),
//! which saves a pass over the output. [`conv_prepacked`] takes f32 weights the compiler
//! packed at build time for the GEMM's register tiles ([`crate::kernels::prepacked`]); its
//! GEMM adds the bias as it stores the products. The entry points (`entry.rs`) differ only in
//! their weights (plain or prepacked) and their epilogue ([`ConvEpilogue`]): the fused and
//! clamped forms are [`conv_with_epilogue`] / [`conv_prepacked_with_epilogue`] with one.
//! Tests: `tests.rs`, against a naive convolution.

pub mod deform;
mod depthwise;
mod depthwise_avx512;
mod entry;
mod geometry;
mod im2col;
mod phased;
#[cfg(test)]
mod tests;
pub mod transpose;
pub mod winograd;

pub use entry::{
    conv, conv_fused, conv_prepacked, conv_prepacked_clamped, conv_prepacked_fused, conv_prepacked_with_epilogue,
    conv_with_epilogue, prepack_weights, prepacked_weights_len, ConvEpilogue, Fused, NoEpilogue,
};
pub(crate) use geometry::param;
pub use geometry::{conv_scratch_bound, conv_scratch_len, phased_beats_winograd};

/// Convolution attributes, one entry per spatial axis (pads: all begins, then all ends).
/// Empty `strides`/`dilations`/`pads` mean 1, 1 and 0.
#[derive(Clone, Copy, Debug)]
pub struct ConvParams<'a> {
    /// Number of groups: input and output channels are split into `group` independent parts.
    pub group: usize,
    /// Step between windows, per spatial axis.
    pub strides: &'a [usize],
    /// Spacing between kernel taps, per spatial axis.
    pub dilations: &'a [usize],
    /// Zero padding: the begins of each spatial axis, then the ends.
    pub pads: &'a [usize],
}
