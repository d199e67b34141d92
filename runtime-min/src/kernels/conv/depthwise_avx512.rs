//! Depthwise 2-D convolution (one filter per channel) on AVX-512, straight from the NCHW planes.
//!
//! Each output row is computed 16 columns at a time, [`ROWS`] rows together, in registers: an
//! input row's `K` column taps are loaded once as vectors (masked loads: lanes whose column
//! falls in the padding read nothing and count as zero, so no padded copy of the plane is ever
//! made) and multiplied into every output row of the block that uses that input row. Stride 2
//! loads 32 consecutive floats per tap and keeps the even ones with one permute. The bias is
//! the accumulators' start, and a channel's finished plane (still in L1) goes to the caller's
//! epilogue before the next channel starts.
//!
//! MobileNets and EfficientNets spend a fifth of their time here; the general phase-plane path
//! in `depthwise.rs` (any stride, dilation or kernel, any element type) copied every plane into
//! padded phase planes first and ran 2-4x slower than ONNX Runtime's NCHWc kernels.

/// What one channel's convolution looks like: a square `k x k` kernel at stride `s` (the same
/// on both axes, no dilation), the input and output planes, and the top and left padding.
#[derive(Clone, Copy, Debug)]
pub(super) struct Window {
    pub k: usize,
    pub s: usize,
    pub ih: usize,
    pub iw: usize,
    pub oh: usize,
    pub ow: usize,
    pub pt: usize,
    pub pl: usize,
}

/// A kernel that runs every channel itself (arguments as [`channels`]).
#[cfg(target_arch = "x86_64")]
type PlanesKernel = unsafe fn(&Window, &[f32], &[f32], Option<&[f32]>, &mut [f32], &mut dyn FnMut(usize, &mut [f32]));

/// Output rows computed together: each input row loaded feeds up to this many of them.
const ROWS: usize = 4;

/// Widest map run flat (the whole plane as one run of floats) rather than row by row.
const FLAT_WIDTH: usize = 8;

/// Convolves whole channels: `x` holds their input planes, `w` their `k * k` taps, `y` their
/// output planes; `finish(channel, plane)` runs on each output plane once it is complete.
/// `false` (nothing done) where this CPU has no AVX-512 or the window is one this path does not
/// take (kernels 3, 5 and 7 at stride 1 or 2).
pub(super) fn channels(
    win: &Window,
    x: &[f32],
    w: &[f32],
    bias: Option<&[f32]>,
    y: &mut [f32],
    finish: &mut dyn FnMut(usize, &mut [f32]),
) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        let (ins, outs, taps) = (win.ih * win.iw, win.oh * win.ow, win.k * win.k);
        let fits = ins > 0
            && outs > 0
            && x.len().is_multiple_of(ins)
            && y.len() == x.len() / ins * outs
            && w.len() >= y.len() / outs * taps;
        if !fits || !std::is_x86_feature_detected!("avx512f") {
            return false;
        }
        // Narrow "same" maps at stride 1 run flat: a row would fill under half the lanes.
        if win.s == 1 && win.ow == win.iw && win.ow <= FLAT_WIDTH {
            let flat: PlanesKernel = match win.k {
                3 => avx512::flat::<3>,
                5 => avx512::flat::<5>,
                7 => avx512::flat::<7>,
                _ => return false,
            };
            // SAFETY: the CPU has AVX-512F, the planes and taps have the window's sizes and
            // the map keeps its width (all checked above).
            unsafe { flat(win, x, w, bias, y, finish) };
            return true;
        }
        let run: unsafe fn(&Window, &[f32], &[f32], f32, &mut [f32]) = match (win.k, win.s) {
            (3, 1) => avx512::channel::<3, 1>,
            (3, 2) => avx512::channel::<3, 2>,
            (5, 1) => avx512::channel::<5, 1>,
            (5, 2) => avx512::channel::<5, 2>,
            (7, 1) => avx512::channel::<7, 1>,
            (7, 2) => avx512::channel::<7, 2>,
            _ => return false,
        };
        let planes = x.chunks_exact(ins).zip(y.chunks_exact_mut(outs)).zip(w.chunks_exact(taps));
        for (c, ((xp, yp), wc)) in planes.enumerate() {
            let b = bias.and_then(|b| b.get(c).copied()).unwrap_or(0.0);
            // SAFETY: the CPU has AVX-512F (checked above); the planes and taps have the
            // window's sizes (checked above, and by `chunks_exact`).
            unsafe { run(win, xp, wc, b, yp) };
            finish(c, yp);
        }
        true
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (win, x, w, bias, y, finish);
        false
    }
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use super::{Window, ROWS};
    use std::arch::x86_64::*;

    /// Lanes `j` of a 16-float load at column `start` whose column `start + j` is in `0..len`.
    fn in_row(start: isize, len: usize) -> __mmask16 {
        let lo = (-start).clamp(0, 16) as u32;
        let hi = (len as isize - start).clamp(0, 16) as u32;
        if hi <= lo {
            return 0;
        }
        let below = |n: u32| if n >= 16 { 0xFFFF } else { (1u16 << n) - 1 };
        below(hi) & !below(lo)
    }

    /// One channel: `x` its `ih x iw` plane, `w` its `K * K` taps, `y` its `oh x ow` plane.
    ///
    /// # Safety
    /// The CPU has AVX-512F; `x`, `w` and `y` hold at least `ih * iw`, `K * K` and `oh * ow`
    /// floats.
    #[target_feature(enable = "avx512f")]
    pub(super) unsafe fn channel<const K: usize, const S: usize>(
        win: &Window,
        x: &[f32],
        w: &[f32],
        bias: f32,
        y: &mut [f32],
    ) {
        let Window { ih, iw, oh, ow, pt, pl, .. } = *win;
        debug_assert!(x.len() >= ih * iw && w.len() >= K * K && y.len() >= oh * ow);
        // Stride 2: the even floats of the 32 loaded (`permutex2var` picks from both halves).
        let even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        let mut taps = [0f32; 49];
        taps[..K * K].copy_from_slice(&w[..K * K]);
        for x0 in (0..ow).step_by(16) {
            let store = in_row(0, ow - x0);
            // Per column tap: where its loads start (relative to a row) and which lanes are in
            // the row; stride 2 loads a second vector 16 floats on.
            let mut start = [0isize; K];
            let (mut lo, mut hi) = ([0 as __mmask16; K], [0 as __mmask16; K]);
            for kx in 0..K {
                start[kx] = (S * x0 + kx) as isize - pl as isize;
                lo[kx] = in_row(start[kx], iw);
                hi[kx] = in_row(start[kx] + 16, iw);
            }
            for oy0 in (0..oh).step_by(ROWS) {
                let rows = (oh - oy0).min(ROWS);
                let mut acc = [_mm512_set1_ps(bias); ROWS];
                // Input rows of the block, relative to the first output row's first tap row.
                let top = (S * oy0) as isize - pt as isize;
                for t in 0..S * (ROWS - 1) + K {
                    let iy = top + t as isize;
                    if iy < 0 || iy >= ih as isize {
                        continue;
                    }
                    let row = x.as_ptr().add(iy as usize * iw);
                    let mut v = [_mm512_setzero_ps(); K];
                    for kx in 0..K {
                        // Masked-off lanes are not read, so the pointer may point before
                        // the row or past it: only lanes inside the row are accessed.
                        let p = row.wrapping_offset(start[kx]);
                        v[kx] = if S == 1 {
                            _mm512_maskz_loadu_ps(lo[kx], p)
                        } else {
                            let (a, b) =
                                (_mm512_maskz_loadu_ps(lo[kx], p), _mm512_maskz_loadu_ps(hi[kx], p.wrapping_add(16)));
                            _mm512_permutex2var_ps(a, even, b)
                        };
                    }
                    for (r, acc_r) in acc.iter_mut().enumerate() {
                        // Output row `oy0 + r` reads input rows `S*r .. S*r + K` of the block.
                        let ky = t.wrapping_sub(S * r);
                        if ky < K && r < rows {
                            for (kx, &v_kx) in v.iter().enumerate() {
                                *acc_r = _mm512_fmadd_ps(_mm512_set1_ps(taps[ky * K + kx]), v_kx, *acc_r);
                            }
                        }
                    }
                }
                for (r, &acc_r) in acc.iter().enumerate().take(rows) {
                    _mm512_mask_storeu_ps(y.as_mut_ptr().add((oy0 + r) * ow + x0), store, acc_r);
                }
            }
        }
    }

    /// The channels of a stride-1 "same"-width map (`ow == iw`), each plane taken as one flat
    /// run of floats: output `p` and its tap `(ky, kx)` read input `p + (ky - pt) * iw + kx -
    /// pl`, so 16 outputs take one load per tap whatever the width (a 5-column map fills 16
    /// lanes, not 5). A tap whose column falls off the row's edge wraps to the next or
    /// previous row; each column tap's sum is therefore kept apart and added only in the lanes
    /// whose column it stays inside (`col`, each lane's column, advances with the run), and
    /// the rows above and below the plane are the flat run's own ends (masked loads). Arguments
    /// as [`super::channels`].
    ///
    /// # Safety
    /// The CPU has AVX-512F; `ow == iw`; `x` and `y` hold whole input and output planes and
    /// `w` `K * K` taps for each.
    #[target_feature(enable = "avx512f")]
    pub(super) unsafe fn flat<const K: usize>(
        win: &Window,
        x: &[f32],
        w: &[f32],
        bias: Option<&[f32]>,
        y: &mut [f32],
        finish: &mut dyn FnMut(usize, &mut [f32]),
    ) {
        let Window { ih, iw, oh, ow, pt, pl, .. } = *win;
        debug_assert!(ow == iw && w.len() >= y.len() / (oh * ow) * K * K);
        let (n_in, n_out) = (ih * iw, oh * ow);
        let lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        let (width, plane) = (_mm512_set1_epi32(iw as i32), _mm512_set1_epi32(n_in as i32));
        // Each lane's column at the start of a plane: lane mod iw; then 16 on per vector.
        let mut col0 = lanes;
        for _ in 0..16 / iw + 1 {
            col0 = _mm512_mask_sub_epi32(col0, _mm512_cmpge_epi32_mask(col0, width), col0, width);
        }
        let step = _mm512_set1_epi32((16 % iw) as i32);
        // Column tap `kx` reads column `col + kx - pl`: inside the row for `col` in `lo..hi`.
        let mut inside = [(_mm512_setzero_si512(), _mm512_setzero_si512()); K];
        for (kx, bounds) in inside.iter_mut().enumerate() {
            *bounds = (_mm512_set1_epi32(pl as i32 - kx as i32), _mm512_set1_epi32((iw + pl) as i32 - kx as i32));
        }
        // The flat offsets of the first and last taps, for the unmasked interior.
        let (first, last) = (-((pt * iw + pl) as isize), ((K - 1 - pt) * iw + K - 1 - pl) as isize);
        let mut taps = [0f32; 49];
        let planes = x.chunks_exact(n_in).zip(y.chunks_exact_mut(n_out)).zip(w.chunks_exact(K * K));
        for (c, ((x, y), w)) in planes.enumerate() {
            taps[..K * K].copy_from_slice(w);
            let bias = _mm512_set1_ps(bias.and_then(|b| b.get(c).copied()).unwrap_or(0.0));
            let mut col = col0;
            for p0 in (0..n_out).step_by(16) {
                // Where tap (0, 0) of the vector's first output reads.
                let at = p0 as isize - (pt * iw + pl) as isize;
                let sums = if p0 as isize + first >= 0 && p0 as isize + 16 + last <= n_in as isize {
                    column_sums::<K, false>(x, &taps, at, iw, plane)
                } else {
                    column_sums::<K, true>(x, &taps, at, iw, plane)
                };
                let mut acc = bias;
                for (sum, &(lo, hi)) in sums.iter().zip(&inside) {
                    let keep = _mm512_cmpge_epi32_mask(col, lo) & _mm512_cmplt_epi32_mask(col, hi);
                    acc = _mm512_mask_add_ps(acc, keep, acc, *sum);
                }
                _mm512_mask_storeu_ps(y.as_mut_ptr().add(p0), in_row(0, n_out - p0), acc);
                col = _mm512_add_epi32(col, step);
                col = _mm512_mask_sub_epi32(col, _mm512_cmpge_epi32_mask(col, width), col, width);
            }
            finish(c, y);
        }
    }

    /// The sums of [`flat`]'s 16 outputs whose tap (0, 0) reads input `at`, one per column
    /// tap (`K` rows each). `MASKED`: some lanes read outside the `0..n` plane (as a
    /// broadcast) and are loaded as zeros; otherwise every tap's load is inside it.
    #[inline(always)]
    unsafe fn column_sums<const K: usize, const MASKED: bool>(
        x: &[f32],
        taps: &[f32; 49],
        at: isize,
        iw: usize,
        n: __m512i,
    ) -> [__m512; K] {
        let lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        let mut sums = [_mm512_setzero_ps(); K];
        for ky in 0..K {
            for (kx, sum) in sums.iter_mut().enumerate() {
                let from = at + (ky * iw + kx) as isize;
                // Masked-off lanes are not read, so the pointer may point before the plane or
                // past it: only lanes inside `0..n` are accessed.
                let p = x.as_ptr().wrapping_offset(from);
                let v = if MASKED {
                    // Lane `j` reads input `from + j`: in the plane when, as unsigned, below `n`.
                    let index = _mm512_add_epi32(lanes, _mm512_set1_epi32(from as i32));
                    _mm512_maskz_loadu_ps(_mm512_cmplt_epu32_mask(index, n), p)
                } else {
                    _mm512_loadu_ps(p)
                };
                *sum = _mm512_fmadd_ps(_mm512_set1_ps(taps[ky * K + kx]), v, *sum);
            }
        }
        sums
    }

    #[cfg(test)]
    mod tests {
        use super::in_row;

        #[test]
        fn row_masks_keep_the_lanes_inside_the_row() {
            assert_eq!(in_row(0, 16), 0xFFFF);
            assert_eq!(in_row(0, 5), 0b1_1111);
            assert_eq!(in_row(-1, 16), 0xFFFE);
            assert_eq!(in_row(-2, 3), 0b1_1100);
            assert_eq!(in_row(14, 16), 0b11);
            assert_eq!(in_row(16, 16), 0);
            assert_eq!(in_row(-20, 16), 0);
        }
    }
}
