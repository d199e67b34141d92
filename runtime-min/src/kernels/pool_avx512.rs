//! The inner columns of a 2-D max pooling's output row, for f32 on AVX-512: 16 outputs per
//! vector, each window tap one load (stride 2: a 32-float load and an even-lane permute) and
//! one `max`. SqueezeNet's three 3x3 stride-2 pools took 2.1 ms through the generic lane loop
//! (which the compiler turned into 8-lane and scalar code with spills) against ONNX Runtime's
//! 0.3 ms.
//!
//! Same visiting order and comparisons as the scalar path in `pool.rs`: the window's first tap
//! sets the maxima, every later one keeps `v` where `v > m` (`max_ps(v, m)` is exactly that,
//! NaN and signed zeros included). Only inner columns (whole windows along the row) come here,
//! so the first tap is real for every lane.

/// Output columns `out` of one row: output `o` has its window's first input column at
/// `first + stride * o` in each of the input rows starting at `rows` (offsets into `x`, in the
/// window's order), taps `dx` apart, `kw` of them, all inside the row of `iw` columns. `false`
/// (nothing written) where the CPU has no AVX-512 or the stride is not 1 or 2.
#[allow(clippy::too_many_arguments)]
pub(super) fn inner_row(x: &[f32], rows: &[usize], iw: usize, first: usize, stride: usize, kw: usize, dx: usize, out: &mut [f32]) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        let reach = first + stride * out.len().saturating_sub(1) + (kw.saturating_sub(1)) * dx;
        let inside = !out.is_empty() && kw > 0 && reach < iw && rows.iter().all(|&r| r + iw <= x.len());
        if rows.is_empty() || !inside || !(stride == 1 || stride == 2) || !std::is_x86_feature_detected!("avx512f") {
            return false;
        }
        // SAFETY: AVX-512F is present (checked above); every tap read lies inside its row of
        // `x` (`reach < iw`, rows inside `x`: checked above).
        unsafe {
            if stride == 1 {
                avx512::row::<1>(x, rows, first, kw, dx, out)
            } else {
                avx512::row::<2>(x, rows, first, kw, dx, out)
            }
        }
        true
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (x, rows, iw, first, stride, kw, dx, out);
        false
    }
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use std::arch::x86_64::*;

    /// The first `n` lanes (`n <= 16`).
    fn lanes(n: usize) -> __mmask16 {
        ((1u32 << n.min(16)) - 1) as __mmask16
    }

    /// # Safety
    /// AVX-512F; for every row offset `r`, `x[r + first + S * o + kx * dx]` exists for every
    /// output `o` and tap `kx < kw`.
    #[target_feature(enable = "avx512f")]
    pub(super) unsafe fn row<const S: usize>(x: &[f32], rows: &[usize], first: usize, kw: usize, dx: usize, out: &mut [f32]) {
        let even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        for o0 in (0..out.len()).step_by(16) {
            let n = (out.len() - o0).min(16);
            // Lanes read: stride 1 the block's n columns; stride 2 the 2n - 1 from the first
            // output's column to the last's, as two vectors.
            let (lo, hi) = if S == 1 { (lanes(n), 0) } else { (lanes(2 * n - 1), lanes((2 * n - 1).saturating_sub(16))) };
            let start = first + S * o0;
            let mut m = tap::<S>(x, rows[0] + start, lo, hi, even);
            for (i, &r) in rows.iter().enumerate() {
                for kx in usize::from(i == 0)..kw {
                    m = _mm512_max_ps(tap::<S>(x, r + start + kx * dx, lo, hi, even), m);
                }
            }
            _mm512_mask_storeu_ps(out.as_mut_ptr().add(o0), lanes(n), m);
        }
    }

    /// One tap's 16 values from `x[at..]`: stride 1 the lanes of `lo`; stride 2 the even ones
    /// of 32 (the lanes of `lo`, then of `hi` 16 on).
    ///
    /// # Safety
    /// AVX-512F; the lanes of the masks lie inside `x`.
    #[target_feature(enable = "avx512f")]
    #[inline]
    unsafe fn tap<const S: usize>(x: &[f32], at: usize, lo: __mmask16, hi: __mmask16, even: __m512i) -> __m512 {
        let p = x.as_ptr().wrapping_add(at);
        if S == 1 {
            _mm512_maskz_loadu_ps(lo, p)
        } else {
            _mm512_permutex2var_ps(_mm512_maskz_loadu_ps(lo, p), even, _mm512_maskz_loadu_ps(hi, p.wrapping_add(16)))
        }
    }
}
