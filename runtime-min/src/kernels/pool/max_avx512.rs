//! The inner columns of a 2-D max pooling's output row, for f32 on AVX-512: 16 outputs per
//! vector, each window tap one load (stride 2: a 32-float load and an even-lane permute) and
//! one `max`. SqueezeNet's three 3x3 stride-2 pools took 2.1 ms through the generic lane loop
//! (which the compiler turned into 8-lane and scalar code with spills) against ONNX Runtime's
//! 0.3 ms.
//!
//! Same visiting order and comparisons as the scalar path in `max_2d.rs`: the window's first tap
//! sets the maxima, every later one keeps `v` where `v > m` (`max_ps(v, m)` is exactly that,
//! NaN and signed zeros included). Only inner columns (whole windows along the row) come here,
//! so the first tap is real for every lane.

/// Output columns `out` of one row: output `o` has its window's first input column at
/// `first + stride * o` in each of the input rows starting at `rows` (offsets into `x`, in the
/// window's order), taps `dx` apart, `kw` of them, all inside the row of `iw` columns. `false`
/// (nothing written) where the CPU has no AVX-512 or the stride is not 1 or 2.
#[allow(clippy::too_many_arguments)]
pub(super) fn inner_row(
    x: &[f32],
    rows: &[usize],
    iw: usize,
    first: usize,
    stride: usize,
    kw: usize,
    dx: usize,
    out: &mut [f32],
) -> bool {
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

/// The window of one axis of [`plane`]: stride, leading pad, taps and dilation.
#[derive(Clone, Copy)]
pub(super) struct Axis {
    pub stride: usize,
    pub pad: usize,
    pub taps: usize,
    pub dil: usize,
}

/// Output rows `rows` x columns `cols` of one plane (`ow` columns, input `iw` columns) in one
/// pass, every window of them wholly inside the input: per-row dispatch cost more than the
/// pooling itself on 13x13 and 55x55 maps. `false` (nothing written) where [`inner_row`]
/// would refuse, or a window would reach outside `x`.
#[allow(clippy::too_many_arguments)]
pub(super) fn plane(
    x: &[f32],
    iw: usize,
    y: &mut [f32],
    ow: usize,
    rows: core::ops::Range<usize>,
    cols: core::ops::Range<usize>,
    v: Axis,
    h: Axis,
) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        let (Some(last_row), Some(last_col)) = (rows.end.checked_sub(1), cols.end.checked_sub(1)) else { return true };
        let top = |oy: usize| (oy * v.stride).checked_sub(v.pad);
        let left = (cols.start * h.stride).checked_sub(h.pad);
        let (Some(_), Some(bottom), Some(first)) = (top(rows.start), top(last_row), left) else { return false };
        let reach_x = last_col * h.stride + (h.taps - 1) * h.dil;
        let reach_y = (bottom + (v.taps - 1) * v.dil + 1) * iw;
        let fits = v.taps > 0
            && v.taps <= MAX_ROWS
            && h.taps > 0
            && reach_x >= h.pad
            && reach_x - h.pad < iw
            && reach_y <= x.len()
            && (last_row + 1) * ow <= y.len();
        if !fits || !(h.stride == 1 || h.stride == 2) || !std::is_x86_feature_detected!("avx512f") {
            return false;
        }
        // SAFETY: AVX-512F is present; every row read lies inside `x` (`reach_y`) and every
        // column inside its row (`reach_x`), checked above for the last row and column; `y`
        // holds the rows (checked above).
        unsafe {
            if h.stride == 1 {
                avx512::plane_rows::<1>(x, iw, y, ow, rows, cols, v, first, h)
            } else {
                avx512::plane_rows::<2>(x, iw, y, ow, rows, cols, v, first, h)
            }
        }
        true
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (x, iw, y, ow, rows, cols, v, h);
        false
    }
}

/// Most window rows [`plane`] takes.
const MAX_ROWS: usize = 16;

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use super::{Axis, MAX_ROWS};
    use std::arch::x86_64::*;

    /// [`super::plane`]'s rows, `first` the input column of the first output column's window.
    ///
    /// # Safety
    /// AVX-512F; every window of the rows and columns lies inside `x`, and `y` holds the rows.
    #[target_feature(enable = "avx512f")]
    #[allow(clippy::too_many_arguments)]
    pub(super) unsafe fn plane_rows<const S: usize>(
        x: &[f32],
        iw: usize,
        y: &mut [f32],
        ow: usize,
        rows: core::ops::Range<usize>,
        cols: core::ops::Range<usize>,
        v: Axis,
        first: usize,
        h: Axis,
    ) {
        let square = v.taps == h.taps && v.dil == 1 && h.dil == 1;
        if S == 2 && square && v.taps == 3 && v.stride == 2 {
            return shared_rows_3x3_s2(x, iw, y, ow, rows, cols, v.pad, first);
        }
        for oy in rows {
            let sy = oy * v.stride - v.pad;
            let offsets: [usize; MAX_ROWS] = core::array::from_fn(|i| (sy + i * v.dil) * iw);
            let out = &mut y[oy * ow + cols.start..oy * ow + cols.end];
            match v.taps {
                2 if square => square_row::<S, 2>(x, &offsets, first, out),
                3 if square => square_row::<S, 3>(x, &offsets, first, out),
                5 if square => square_row::<S, 5>(x, &offsets, first, out),
                _ => row::<S>(x, &offsets[..v.taps], first, h.taps, h.dil, out),
            }
        }
    }

    /// [`row`] for a `K x K` window without dilation, each window row folded on its own (the
    /// rows' chains of `max` run side by side) and the rows' maxima then folded in order. Rows
    /// after the first start from -inf: folding a row from -inf and then taking its maximum
    /// `a` where `a > m` gives what folding the row's values into `m` one by one gives (the
    /// first of its largest values where it beats `m`, NaNs passed over), so the result is
    /// the scalar order's, NaN and signed zeros included.
    ///
    /// # Safety
    /// As [`row`], with `rows[..K]` the window's rows.
    #[target_feature(enable = "avx512f")]
    #[inline]
    unsafe fn square_row<const S: usize, const K: usize>(
        x: &[f32],
        rows: &[usize; MAX_ROWS],
        first: usize,
        out: &mut [f32],
    ) {
        let even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        for o0 in (0..out.len()).step_by(16) {
            let n = (out.len() - o0).min(16);
            let (lo, hi) =
                if S == 1 { (lanes(n), 0) } else { (lanes(2 * n - 1), lanes((2 * n - 1).saturating_sub(16))) };
            let start = first + S * o0;
            let mut acc = [_mm512_set1_ps(f32::NEG_INFINITY); K];
            acc[0] = tap::<S>(x, rows[0] + start, lo, hi, even);
            for (r, acc_r) in acc.iter_mut().enumerate() {
                for kx in usize::from(r == 0)..K {
                    *acc_r = _mm512_max_ps(tap::<S>(x, rows[r] + start + kx, lo, hi, even), *acc_r);
                }
            }
            let mut m = acc[0];
            for &a in &acc[1..] {
                m = _mm512_max_ps(a, m);
            }
            _mm512_mask_storeu_ps(out.as_mut_ptr().add(o0), lanes(n), m);
        }
    }

    /// [`plane_rows`] for 3x3 windows at stride 2 both ways (SqueezeNet's and ResNet's pools):
    /// each input row's maxima over the 3 taps of every output column are computed once and
    /// shared by the two output rows whose windows hold that row (its last row for one, its
    /// first for the next), in strips of 16 output columns walked down the rows.
    ///
    /// The order is [`square_row`]'s: rows chained from -inf, then folded in order. A window's
    /// first row chains from its first value instead, which gives the -inf chain except where
    /// that value is NaN (then NaN throughout), so the shared chain is blended with it: the
    /// scalar order's result, NaN and signed zeros included.
    ///
    /// # Safety
    /// As [`plane_rows`].
    #[target_feature(enable = "avx512f")]
    #[allow(clippy::too_many_arguments)]
    unsafe fn shared_rows_3x3_s2(
        x: &[f32],
        iw: usize,
        y: &mut [f32],
        ow: usize,
        rows: core::ops::Range<usize>,
        cols: core::ops::Range<usize>,
        pad: usize,
        first: usize,
    ) {
        let even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        let width = cols.len();
        // Input row r's first tap and its 3-tap chain from -inf, for the strip at `start`.
        let row_max = |r: usize, start: usize, lo: __mmask16, hi: __mmask16| {
            let at = r * iw + start;
            let t0 = tap::<2>(x, at, lo, hi, even);
            let m = _mm512_max_ps(t0, _mm512_set1_ps(f32::NEG_INFINITY));
            let m = _mm512_max_ps(tap::<2>(x, at + 1, lo, hi, even), m);
            (t0, _mm512_max_ps(tap::<2>(x, at + 2, lo, hi, even), m))
        };
        for o0 in (0..width).step_by(16) {
            let n = (width - o0).min(16);
            let (lo, hi) = (lanes(2 * n - 1), lanes((2 * n - 1).saturating_sub(16)));
            let start = first + 2 * o0;
            // The previous window's last row (first tap, chain): this window's first, since
            // consecutive windows start 2 rows apart.
            let mut carried: Option<(__m512, __m512)> = None;
            for oy in rows.clone() {
                let top = oy * 2 - pad;
                let (t0, h0) = carried.unwrap_or_else(|| row_max(top, start, lo, hi));
                let (_, h1) = row_max(top + 1, start, lo, hi);
                let (t2, h2) = row_max(top + 2, start, lo, hi);
                carried = Some((t2, h2));
                // The first row from its first value: NaN there stays NaN.
                let m = _mm512_mask_blend_ps(_mm512_cmp_ps_mask::<_CMP_UNORD_Q>(t0, t0), h0, t0);
                let m = _mm512_max_ps(h2, _mm512_max_ps(h1, m));
                _mm512_mask_storeu_ps(y.as_mut_ptr().add(oy * ow + cols.start + o0), lanes(n), m);
            }
        }
    }

    /// The first `n` lanes (`n <= 16`).
    fn lanes(n: usize) -> __mmask16 {
        ((1u32 << n.min(16)) - 1) as __mmask16
    }

    /// # Safety
    /// AVX-512F; for every row offset `r`, `x[r + first + S * o + kx * dx]` exists for every
    /// output `o` and tap `kx < kw`.
    #[target_feature(enable = "avx512f")]
    #[inline]
    pub(super) unsafe fn row<const S: usize>(
        x: &[f32],
        rows: &[usize],
        first: usize,
        kw: usize,
        dx: usize,
        out: &mut [f32],
    ) {
        let even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        for o0 in (0..out.len()).step_by(16) {
            let n = (out.len() - o0).min(16);
            // Lanes read: stride 1 the block's n columns; stride 2 the 2n - 1 from the first
            // output's column to the last's, as two vectors.
            let (lo, hi) =
                if S == 1 { (lanes(n), 0) } else { (lanes(2 * n - 1), lanes((2 * n - 1).saturating_sub(16))) };
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
