//! The x86-64 register tiles of the packed f32 GEMM (`packed.rs`): [`Tile`], an `MR x NR`
//! block of accumulators run over `kc` steps of packed panels, implemented once by a macro for
//! AVX-512 (12 x 32 in zmm registers) and AVX2+FMA (6 x 16 in ymm), with masked loads and
//! stores for partial tiles and in-register bias and clip on the store; and [`Columns`], a
//! sliver's last few columns vectorised along a panel's rows instead.

#![cfg(target_arch = "x86_64")]

use core::arch::x86_64::*;

/// A register tile: `kc` steps of `acc += a_panel[p] (x) b_panel[p]`, returned for the caller
/// to add into `c`, or added in directly.
pub(super) trait Tile<const MR: usize, const NR: usize> {
    /// # Safety
    /// The CPU must have the tile's features; `a` holds `kc` steps of `a_step >= MR` floats
    /// (the tile's rows first in each) and `b` `kc` steps of `b_step >= NR` (columns first).
    unsafe fn run(kc: usize, a: &[f32], a_step: usize, b: &[f32], b_step: usize) -> [[f32; NR]; MR];

    /// [`Tile::run`] with the tile stored straight from the registers into the `MR x NR` block
    /// of `c` at `c` (row stride `ldc`): `acc + bias[r]` when `first` (`acc` without a bias),
    /// else `c + acc`, then clipped to `clamp`'s `(lo, hi)` if any (a ReLU or ReLU6 epilogue,
    /// applied before the store instead of in a pass over the stored values). For whole
    /// tiles, where the copy through `run`'s array cost a third of the time of a product as
    /// shallow as a 1x1 convolution over 16-32 channels.
    /// # Safety
    /// As `run`; `c` is valid for reads and writes of `MR` rows of `NR` floats `ldc` apart, and
    /// `bias`, if any, holds at least `MR` values.
    #[allow(clippy::too_many_arguments)]
    unsafe fn run_into(
        kc: usize,
        a: &[f32],
        a_step: usize,
        b: &[f32],
        b_step: usize,
        c: *mut f32,
        ldc: usize,
        first: bool,
        bias: Option<&[f32]>,
        clamp: Option<(f32, f32)>,
    );

    /// [`Tile::run_into`] for the first `cols < NR` columns of the block: the other lanes are
    /// masked off (a 25x5 map's last 29 columns, which went through `run`'s array and a
    /// scalar clip). The masks are made before the stores and every store is masked, so the
    /// sums stay in registers (branches on a run-time count in the store loop had the
    /// compiler keep the whole tile in memory, inside the k loop too).
    /// # Safety
    /// As `run_into`, with `cols` floats per row at `c`.
    #[allow(clippy::too_many_arguments)]
    unsafe fn run_into_cols(
        kc: usize,
        a: &[f32],
        a_step: usize,
        b: &[f32],
        b_step: usize,
        c: *mut f32,
        ldc: usize,
        first: bool,
        bias: Option<&[f32]>,
        clamp: Option<(f32, f32)>,
        cols: usize,
    );
}

pub(super) struct Avx512;
pub(super) struct Avx2;

/// Steps of `k` ahead that the tiles prefetch their panel of `a` (a prepacked layer's weights,
/// which a large model reads from memory once per inference: the hardware prefetcher alone
/// left ResNet-50's late stages waiting on them). Measured on ResNet-50 at 1 thread: none
/// 44.0 ms, 16 steps 43.1, 32 39.6, 64 38.3, 128 and 256 within noise of 64; the same for
/// `b` then took BERT 17.8 -> 16.3 ms and GPT-2 31.3 -> 26.4 (ResNet-50 unchanged).
const PREFETCH_STEPS: usize = 64;

/// The k loop shared by the tiles: `$vectors` loads of the `b` sliver per step, one broadcast
/// of `a` per row and one FMA per row and vector into `$acc` (`[[vector; $vectors]; MR]`).
macro_rules! accumulate {
    ($acc:ident, $vectors:literal, $lanes:literal, $kc:expr, $a:expr, $a_step:expr, $b:expr, $b_step:expr, $load:ident, $splat:ident, $fma:ident) => {
        let (mut pa, mut pb) = ($a.as_ptr(), $b.as_ptr());
        for _ in 0..$kc {
            // Weights are read once per inference, from memory: a prepacked `a` (a late
            // stage's 1x1 convolution) or the packed slivers of `b` (a transformer's
            // projections): ask for both some steps ahead (a sliver step is 1-2 lines).
            _mm_prefetch::<_MM_HINT_T0>(pa.wrapping_add(PREFETCH_STEPS * $a_step) as *const i8);
            for line in 0..usize::div_ceil($vectors * $lanes, 16) {
                _mm_prefetch::<_MM_HINT_T0>(pb.wrapping_add(PREFETCH_STEPS * $b_step + 16 * line) as *const i8);
            }
            // SAFETY: p < kc, so pb + NR and pa + MR stay inside the packed slices.
            let bv: [_; $vectors] = core::array::from_fn(|v| unsafe { $load(pb.add(v * $lanes)) });
            for (r, acc_r) in $acc.iter_mut().enumerate() {
                // SAFETY: as above.
                let av = $splat(unsafe { *pa.add(r) });
                for (acc_v, &b_v) in acc_r.iter_mut().zip(&bv) {
                    *acc_v = $fma(av, b_v, *acc_v);
                }
            }
            // SAFETY: advancing by one step of each packed panel.
            unsafe {
                pa = pa.add($a_step);
                pb = pb.add($b_step);
            }
        }
    };
}

/// A tile of `MR` rows by `$vectors` vectors of `$lanes` floats: two for the main tile; one
/// for a last sliver at most half full (a 14x14 map's 196 columns end in 4, a Winograd block
/// on a 14x14 map is 16 tiles), which the two-vector tile would compute twice over.
/// Masks of the first `n` lanes of a vector, and loads and stores through them (masked-off
/// lanes are neither read nor written; loaded as zeros).
#[target_feature(enable = "avx512f")]
#[inline]
fn first_lanes_512(n: usize) -> __mmask16 {
    (((1u32 << n.min(16)) - 1) & 0xFFFF) as __mmask16
}

#[target_feature(enable = "avx512f")]
#[inline]
unsafe fn load_masked_512(p: *const f32, mask: __mmask16) -> __m512 {
    // SAFETY: the caller vouches for the lanes of `mask` at `p`.
    unsafe { _mm512_maskz_loadu_ps(mask, p) }
}

#[target_feature(enable = "avx512f")]
#[inline]
unsafe fn store_masked_512(p: *mut f32, v: __m512, mask: __mmask16) {
    // SAFETY: as in `load_masked_512`.
    unsafe { _mm512_mask_storeu_ps(p, mask, v) }
}

#[target_feature(enable = "avx2,fma")]
#[inline]
fn first_lanes_256(n: usize) -> __m256i {
    _mm256_cmpgt_epi32(_mm256_set1_epi32(n.min(8) as i32), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7))
}

#[target_feature(enable = "avx2,fma")]
#[inline]
unsafe fn load_masked_256(p: *const f32, mask: __m256i) -> __m256 {
    // SAFETY: as in `load_masked_512`.
    unsafe { _mm256_maskload_ps(p, mask) }
}

#[target_feature(enable = "avx2,fma")]
#[inline]
unsafe fn store_masked_256(p: *mut f32, v: __m256, mask: __m256i) {
    // SAFETY: as in `load_masked_512`.
    unsafe { _mm256_maskstore_ps(p, mask, v) }
}

macro_rules! tile {
    ($unit:ident, $features:literal, $vectors:literal, $lanes:literal, $zero:ident, $load:ident, $splat:ident, $fma:ident, $add:ident, $store:ident, $max:ident, $min:ident, $lanes_mask:ident, $load_masked:ident, $store_masked:ident) => {
        impl<const MR: usize> Tile<MR, { $vectors * $lanes }> for $unit {
            #[inline]
            #[target_feature(enable = $features)]
            unsafe fn run(
                kc: usize,
                a: &[f32],
                a_step: usize,
                b: &[f32],
                b_step: usize,
            ) -> [[f32; $vectors * $lanes]; MR] {
                const NR: usize = $vectors * $lanes;
                debug_assert!(
                    kc == 0
                        || (a_step >= MR
                            && a.len() >= (kc - 1) * a_step + MR
                            && b_step >= NR
                            && b.len() >= (kc - 1) * b_step + NR)
                );
                let mut acc = [[$zero(); $vectors]; MR];
                accumulate!(acc, $vectors, $lanes, kc, a, a_step, b, b_step, $load, $splat, $fma);
                let mut out = [[0f32; NR]; MR];
                for (o, acc_r) in out.iter_mut().zip(&acc) {
                    for (v, &acc_v) in acc_r.iter().enumerate() {
                        // SAFETY: each row of `out` holds NR floats.
                        unsafe { $store(o.as_mut_ptr().add(v * $lanes), acc_v) };
                    }
                }
                out
            }

            #[inline]
            #[target_feature(enable = $features)]
            unsafe fn run_into(
                kc: usize,
                a: &[f32],
                a_step: usize,
                b: &[f32],
                b_step: usize,
                c: *mut f32,
                ldc: usize,
                first: bool,
                bias: Option<&[f32]>,
                clamp: Option<(f32, f32)>,
            ) {
                const NR: usize = $vectors * $lanes;
                debug_assert!(
                    kc == 0
                        || (a_step >= MR
                            && a.len() >= (kc - 1) * a_step + MR
                            && b_step >= NR
                            && b.len() >= (kc - 1) * b_step + NR)
                );
                debug_assert!(bias.is_none_or(|b| b.len() >= MR));
                let mut acc = [[$zero(); $vectors]; MR];
                accumulate!(acc, $vectors, $lanes, kc, a, a_step, b, b_step, $load, $splat, $fma);
                let (lo, hi) = clamp.unwrap_or((f32::NEG_INFINITY, f32::INFINITY));
                // A ReLU has no upper bound: one `max` per vector, not two ops.
                let upper = hi < f32::INFINITY;
                let (lo, hi) = ($splat(lo), $splat(hi));
                for (r, acc_r) in acc.iter().enumerate() {
                    let bias_r = $splat(bias.map_or(0.0, |b| b[r]));
                    for (v, &acc_v) in acc_r.iter().enumerate() {
                        // SAFETY: the caller vouches for MR rows of NR floats ldc apart at `c`.
                        unsafe {
                            let at = c.add(r * ldc + v * $lanes);
                            let mut sum = if first { $add(acc_v, bias_r) } else { $add($load(at), acc_v) };
                            if clamp.is_some() {
                                // `epilogue::clip_steps`, NaN kept: max(lo, x) is `lo` only
                                // where lo > x, min(hi, x) `hi` only where hi < x.
                                sum = $max(lo, sum);
                                if upper {
                                    sum = $min(hi, sum);
                                }
                            }
                            $store(at, sum);
                        }
                    }
                }
            }

            #[inline]
            #[target_feature(enable = $features)]
            unsafe fn run_into_cols(
                kc: usize,
                a: &[f32],
                a_step: usize,
                b: &[f32],
                b_step: usize,
                c: *mut f32,
                ldc: usize,
                first: bool,
                bias: Option<&[f32]>,
                clamp: Option<(f32, f32)>,
                cols: usize,
            ) {
                const NR: usize = $vectors * $lanes;
                debug_assert!(
                    kc == 0
                        || (a_step >= MR
                            && a.len() >= (kc - 1) * a_step + MR
                            && b_step >= NR
                            && b.len() >= (kc - 1) * b_step + NR)
                );
                debug_assert!(bias.is_none_or(|b| b.len() >= MR) && cols <= NR);
                let mut acc = [[$zero(); $vectors]; MR];
                accumulate!(acc, $vectors, $lanes, kc, a, a_step, b, b_step, $load, $splat, $fma);
                let masks: [_; $vectors] = core::array::from_fn(|v| $lanes_mask(cols.saturating_sub(v * $lanes)));
                let (lo, hi) = clamp.unwrap_or((f32::NEG_INFINITY, f32::INFINITY));
                let upper = hi < f32::INFINITY;
                let (lo, hi) = ($splat(lo), $splat(hi));
                for (r, acc_r) in acc.iter().enumerate() {
                    let bias_r = $splat(bias.map_or(0.0, |b| b[r]));
                    for ((v, &acc_v), &mask) in acc_r.iter().enumerate().zip(&masks) {
                        // SAFETY: the caller vouches for MR rows of `cols` floats ldc apart at
                        // `c`; the masks cover those columns only.
                        unsafe {
                            let at = c.add(r * ldc + v * $lanes);
                            let mut sum = if first { $add(acc_v, bias_r) } else { $add($load_masked(at, mask), acc_v) };
                            if clamp.is_some() {
                                // As in `run_into`.
                                sum = $max(lo, sum);
                                if upper {
                                    sum = $min(hi, sum);
                                }
                            }
                            $store_masked(at, sum, mask);
                        }
                    }
                }
            }
        }
    };
}

tile!(
    Avx512,
    "avx512f",
    2,
    16,
    _mm512_setzero_ps,
    _mm512_loadu_ps,
    _mm512_set1_ps,
    _mm512_fmadd_ps,
    _mm512_add_ps,
    _mm512_storeu_ps,
    _mm512_max_ps,
    _mm512_min_ps,
    first_lanes_512,
    load_masked_512,
    store_masked_512
);
tile!(
    Avx512,
    "avx512f",
    1,
    16,
    _mm512_setzero_ps,
    _mm512_loadu_ps,
    _mm512_set1_ps,
    _mm512_fmadd_ps,
    _mm512_add_ps,
    _mm512_storeu_ps,
    _mm512_max_ps,
    _mm512_min_ps,
    first_lanes_512,
    load_masked_512,
    store_masked_512
);
tile!(
    Avx2,
    "avx2,fma",
    2,
    8,
    _mm256_setzero_ps,
    _mm256_loadu_ps,
    _mm256_set1_ps,
    _mm256_fmadd_ps,
    _mm256_add_ps,
    _mm256_storeu_ps,
    _mm256_max_ps,
    _mm256_min_ps,
    first_lanes_256,
    load_masked_256,
    store_masked_256
);
tile!(
    Avx2,
    "avx2,fma",
    1,
    8,
    _mm256_setzero_ps,
    _mm256_loadu_ps,
    _mm256_set1_ps,
    _mm256_fmadd_ps,
    _mm256_add_ps,
    _mm256_storeu_ps,
    _mm256_max_ps,
    _mm256_min_ps,
    first_lanes_256,
    load_masked_256,
    store_masked_256
);

/// Most columns [`Columns::run`] takes. A sliver's last few columns cost one FMA per step each
/// (a whole panel of rows at once), where a 16-wide tile spends 12 per step on them however
/// few are real: a 7x7 map's 49 columns are 32 + 16 + 1, a 14x14 map's 196 are 6 x 32 + 4.
pub(super) const FEW: usize = 4;

/// Columns of `b` one at a time, vectorised along a panel's rows instead of its columns.
pub(super) trait Columns {
    /// Whether the unit has this kernel (the AVX2 unit, whose 8 lanes would split a 12-row
    /// panel, does not).
    const HAS: bool;

    /// `NC <= FEW` columns of `kc` steps of `b` (`b_step` floats per step, the columns first)
    /// against `rows <= 16` rows of `a` (`a_step` floats per step): `out[j][r] = sum_p
    /// a[p * a_step + r] * b[p * b_step + j]`.
    /// # Safety
    /// The CPU has the unit's features; `a` holds `(kc - 1) * a_step + rows` floats, `b`
    /// `(kc - 1) * b_step + NC`.
    unsafe fn run<const NC: usize>(
        kc: usize,
        a: &[f32],
        a_step: usize,
        rows: usize,
        b: &[f32],
        b_step: usize,
    ) -> [[f32; 16]; NC];
}

impl Columns for Avx512 {
    const HAS: bool = true;

    #[inline]
    #[target_feature(enable = "avx512f")]
    unsafe fn run<const NC: usize>(
        kc: usize,
        a: &[f32],
        a_step: usize,
        rows: usize,
        b: &[f32],
        b_step: usize,
    ) -> [[f32; 16]; NC] {
        debug_assert!(rows <= 16 && kc > 0 && a.len() >= (kc - 1) * a_step + rows && b.len() >= (kc - 1) * b_step + NC);
        // Lanes past the panel's rows read nothing (the last step's may lie past `a`).
        let mask = (((1u32 << rows) - 1) & 0xFFFF) as __mmask16;
        // Two sums per column, over even and odd steps: one chain of dependent FMAs per
        // column would wait on each FMA's latency.
        let mut acc = [[_mm512_setzero_ps(); NC]; 2];
        let (pa, pb) = (a.as_ptr(), b.as_ptr());
        for p in 0..kc {
            let av = _mm512_maskz_loadu_ps(mask, pa.add(p * a_step));
            let half = &mut acc[p & 1];
            for (j, acc_j) in half.iter_mut().enumerate() {
                *acc_j = _mm512_fmadd_ps(av, _mm512_set1_ps(*pb.add(p * b_step + j)), *acc_j);
            }
        }
        let mut out = [[0f32; 16]; NC];
        for (j, o) in out.iter_mut().enumerate() {
            _mm512_storeu_ps(o.as_mut_ptr(), _mm512_add_ps(acc[0][j], acc[1][j]));
        }
        out
    }
}

impl Columns for Avx2 {
    const HAS: bool = false;

    unsafe fn run<const NC: usize>(_: usize, _: &[f32], _: usize, _: usize, _: &[f32], _: usize) -> [[f32; 16]; NC] {
        [[0.0; 16]; NC]
    }
}
