//! CPU kernels. Plain, correct and reasonably fast; generated code and the compiler's constant
//! folder both call these, so they share one meaning for every core op.
//!
//! Conventions: tensors are contiguous row-major slices with their shape passed beside them as
//! `&[usize]`; the output slice is preallocated by the caller (the arena) and has exactly the
//! output's element count. Kernels never allocate; where they need scratch memory the caller
//! passes it, sized by the matching `*_scratch_len` function.

mod copies;
mod nd;

// Families with several files each live in folders: `gemm/` (the GEMMs and MatMul), `conv/`
// (convolution paths, ConvTranspose, Winograd) and `pool/`. Their public modules are
// re-exported here under the flat paths generated code and the compiler use
// (`kernels::matmul`, `kernels::prepacked`, `kernels::winograd`, `kernels::conv_transpose`).
pub mod conv;
mod gemm;
pub mod pool;

pub use conv::transpose as conv_transpose;
pub use conv::winograd;
pub use gemm::{matmul, prepacked};

pub mod attention;
pub mod binary;
pub mod elementwise;
pub mod epilogue;
pub mod excite;
pub mod grid_sample;
pub mod linalg;
pub mod math;
pub mod movement;
pub mod norm;
pub mod recurrent;
pub mod reduce;
pub mod reductions;
pub mod resample;
pub mod roi_align;
pub mod scan;
pub mod scatter;
pub mod select;
pub mod unary;

/// `v` as f32 where `T` is f32, for kernels with an f32-only fast path inside a generic one.
pub(crate) fn as_f32<T: 'static>(v: &[T]) -> Option<&[f32]> {
    // SAFETY: `T` is `f32` (same TypeId), so the slice already is one of f32.
    (core::any::TypeId::of::<T>() == core::any::TypeId::of::<f32>())
        .then(|| unsafe { core::slice::from_raw_parts(v.as_ptr().cast::<f32>(), v.len()) })
}

/// [`as_f32`] for a mutable slice.
pub(crate) fn as_f32_mut<T: 'static>(v: &mut [T]) -> Option<&mut [f32]> {
    // SAFETY: `T` is `f32` (same TypeId); the new slice reborrows `v` exclusively.
    (core::any::TypeId::of::<T>() == core::any::TypeId::of::<f32>())
        .then(|| unsafe { core::slice::from_raw_parts_mut(v.as_mut_ptr().cast::<f32>(), v.len()) })
}

/// The reverse of [`as_f32_mut`]: an f32 slice handed back as `[T]` where `T` is f32.
pub(crate) fn from_f32_mut<T: 'static>(v: &mut [f32]) -> Option<&mut [T]> {
    // SAFETY: `T` is `f32` (same TypeId); the new slice reborrows `v` exclusively.
    (core::any::TypeId::of::<T>() == core::any::TypeId::of::<f32>())
        .then(|| unsafe { core::slice::from_raw_parts_mut(v.as_mut_ptr().cast::<T>(), v.len()) })
}
