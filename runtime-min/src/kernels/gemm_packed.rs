//! The f32 GEMM on x86-64 with AVX-512 or AVX2+FMA: both operands packed, an explicit register
//! tile of `MR x NR` accumulators.
//!
//! Loops (BLIS order): `k` in blocks of `KC`; rows of `a` in blocks of `MC`, packed into
//! `MR`-row micro-panels (`kc x MR`, zero-padded past the last row); columns of `b` in slivers
//! of `NR`, packed (`kc x NR`, zero-padded past the last column); then one register tile per
//! micro-panel. Padding makes every tile full, so ragged edges (a 7x7 feature map has 49
//! columns) run at the speed of the interior; only the final add into `c` is masked. The
//! packed blocks live on the stack (`run` never allocates): `MC * KC + KC * NR` floats.
//!
//! The tile keeps `MR * NR / lanes` accumulators in vector registers (AVX-512: 12 x 32 in 24 of
//! the 32 zmm registers; AVX2: 6 x 16 in 12 of the 16 ymm), so each step of `k` is one or two
//! loads of `b`, `MR` broadcasts of `a` and `MR * NR / lanes` independent FMAs.

#![cfg(target_arch = "x86_64")]

use core::arch::x86_64::*;

/// Depth of a block of `k`: an `NR`-wide sliver of `b` and an `MR`-row micro-panel of `a` stay
/// in L1 while a tile runs.
const KC: usize = 256;
/// Rows of `a` packed together (a multiple of both tiles' `MR`): the block stays in L2.
const MC: usize = 96;

/// A register tile: `kc` steps of `acc += a_panel[p] (x) b_panel[p]`, returned for the caller
/// to add into `c`.
trait Tile<const MR: usize, const NR: usize> {
    /// # Safety
    /// The CPU must have the tile's features; `a` holds `kc * MR` and `b` `kc * NR` floats.
    unsafe fn run(kc: usize, a: &[f32], b: &[f32]) -> [[f32; NR]; MR];
}

struct Avx512;
struct Avx2;

impl Tile<12, 32> for Avx512 {
    #[target_feature(enable = "avx512f")]
    unsafe fn run(kc: usize, a: &[f32], b: &[f32]) -> [[f32; 32]; 12] {
        debug_assert!(a.len() >= kc * 12 && b.len() >= kc * 32);
        let mut acc = [[_mm512_setzero_ps(); 2]; 12];
        let (mut pa, mut pb) = (a.as_ptr(), b.as_ptr());
        for _ in 0..kc {
            // SAFETY: p < kc, so pb + 32 and pa + 12 stay inside the packed slices.
            let (b0, b1) = unsafe { (_mm512_loadu_ps(pb), _mm512_loadu_ps(pb.add(16))) };
            for (r, acc_r) in acc.iter_mut().enumerate() {
                // SAFETY: as above.
                let av = _mm512_set1_ps(unsafe { *pa.add(r) });
                acc_r[0] = _mm512_fmadd_ps(av, b0, acc_r[0]);
                acc_r[1] = _mm512_fmadd_ps(av, b1, acc_r[1]);
            }
            // SAFETY: advancing by one step of each packed panel.
            unsafe {
                pa = pa.add(12);
                pb = pb.add(32);
            }
        }
        let mut out = [[0f32; 32]; 12];
        for (o, acc_r) in out.iter_mut().zip(&acc) {
            // SAFETY: each row of `out` holds 32 floats.
            unsafe {
                _mm512_storeu_ps(o.as_mut_ptr(), acc_r[0]);
                _mm512_storeu_ps(o.as_mut_ptr().add(16), acc_r[1]);
            }
        }
        out
    }
}

impl Tile<6, 16> for Avx2 {
    #[target_feature(enable = "avx2,fma")]
    unsafe fn run(kc: usize, a: &[f32], b: &[f32]) -> [[f32; 16]; 6] {
        debug_assert!(a.len() >= kc * 6 && b.len() >= kc * 16);
        let mut acc = [[_mm256_setzero_ps(); 2]; 6];
        let (mut pa, mut pb) = (a.as_ptr(), b.as_ptr());
        for _ in 0..kc {
            // SAFETY: p < kc, so pb + 16 and pa + 6 stay inside the packed slices.
            let (b0, b1) = unsafe { (_mm256_loadu_ps(pb), _mm256_loadu_ps(pb.add(8))) };
            for (r, acc_r) in acc.iter_mut().enumerate() {
                // SAFETY: as above.
                let av = _mm256_set1_ps(unsafe { *pa.add(r) });
                acc_r[0] = _mm256_fmadd_ps(av, b0, acc_r[0]);
                acc_r[1] = _mm256_fmadd_ps(av, b1, acc_r[1]);
            }
            // SAFETY: advancing by one step of each packed panel.
            unsafe {
                pa = pa.add(6);
                pb = pb.add(16);
            }
        }
        let mut out = [[0f32; 16]; 6];
        for (o, acc_r) in out.iter_mut().zip(&acc) {
            // SAFETY: each row of `out` holds 16 floats.
            unsafe {
                _mm256_storeu_ps(o.as_mut_ptr(), acc_r[0]);
                _mm256_storeu_ps(o.as_mut_ptr().add(8), acc_r[1]);
            }
        }
        out
    }
}

/// `c += alpha * a * b` for row-major `a` (`m x k`, row stride `lda`), `b` (`k x n`, `ldb`) and
/// `c` (`m x n`, `ldc`), when this CPU has AVX-512 or AVX2+FMA; `false` (nothing done) otherwise.
#[allow(clippy::too_many_arguments)]
pub(crate) fn gemm_f32(m: usize, k: usize, n: usize, alpha: f32, a: &[f32], lda: usize, b: &[f32], ldb: usize, c: &mut [f32], ldc: usize) -> bool {
    if std::is_x86_feature_detected!("avx512f") {
        // SAFETY: the CPU has AVX-512F (checked just above).
        unsafe { driver_avx512(m, k, n, alpha, a, lda, b, ldb, c, ldc) };
        true
    } else if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has AVX2 and FMA (checked just above).
        unsafe { driver_avx2(m, k, n, alpha, a, lda, b, ldb, c, ldc) };
        true
    } else {
        false
    }
}

#[target_feature(enable = "avx512f")]
#[allow(clippy::too_many_arguments)]
unsafe fn driver_avx512(m: usize, k: usize, n: usize, alpha: f32, a: &[f32], lda: usize, b: &[f32], ldb: usize, c: &mut [f32], ldc: usize) {
    driver::<Avx512, 12, 32>(m, k, n, alpha, a, lda, b, ldb, c, ldc)
}

#[target_feature(enable = "avx2,fma")]
#[allow(clippy::too_many_arguments)]
unsafe fn driver_avx2(m: usize, k: usize, n: usize, alpha: f32, a: &[f32], lda: usize, b: &[f32], ldb: usize, c: &mut [f32], ldc: usize) {
    driver::<Avx2, 6, 16>(m, k, n, alpha, a, lda, b, ldb, c, ldc)
}

/// The blocked loops around a tile (see the module docs). Inlined into each feature-enabled
/// driver so packing and the masked adds are compiled for the same vector unit.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn driver<K: Tile<MR, NR>, const MR: usize, const NR: usize>(m: usize, k: usize, n: usize, alpha: f32, a: &[f32], lda: usize, b: &[f32], ldb: usize, c: &mut [f32], ldc: usize) {
    let mut apack = [0f32; MC * KC];
    let mut bpack = [0f32; KC * 32];
    for p0 in (0..k).step_by(KC) {
        let kc = KC.min(k - p0);
        for i0 in (0..m).step_by(MC) {
            let mc = MC.min(m - i0);
            let panels = mc.div_ceil(MR);
            // a[i0.., p0..] as `panels` micro-panels of kc x MR (row r of panel q at [p*MR + r]).
            for q in 0..panels {
                let panel = &mut apack[q * kc * MR..(q + 1) * kc * MR];
                for r in 0..MR {
                    let i = q * MR + r;
                    if i < mc {
                        let row = &a[(i0 + i) * lda + p0..(i0 + i) * lda + p0 + kc];
                        for (p, &v) in row.iter().enumerate() {
                            panel[p * MR + r] = v;
                        }
                    } else {
                        for p in 0..kc {
                            panel[p * MR + r] = 0.0;
                        }
                    }
                }
            }
            for j0 in (0..n).step_by(NR) {
                let nc = NR.min(n - j0);
                let sliver = &mut bpack[..kc * NR];
                for (p, dst) in sliver.chunks_exact_mut(NR).enumerate() {
                    let at = (p0 + p) * ldb + j0;
                    if nc == NR {
                        // A fixed-size copy: a few vector moves, not a memcpy call per row.
                        if let (Ok(d), Some(Ok(s))) = (<&mut [f32; NR]>::try_from(dst), b.get(at..at + NR).map(<&[f32; NR]>::try_from)) {
                            *d = *s;
                        }
                    } else {
                        dst[..nc].copy_from_slice(&b[at..at + nc]);
                        dst[nc..].fill(0.0);
                    }
                }
                for q in 0..panels {
                    // SAFETY: the drivers run only where `K`'s features were detected; the
                    // packed slices hold kc * MR and kc * NR floats.
                    let tile = unsafe { K::run(kc, &apack[q * kc * MR..(q + 1) * kc * MR], &bpack[..kc * NR]) };
                    let rows = MR.min(mc - q * MR);
                    for (r, t) in tile.iter().enumerate().take(rows) {
                        let at = (i0 + q * MR + r) * ldc + j0;
                        for (cv, &tv) in c[at..at + nc].iter_mut().zip(t) {
                            *cv += alpha * tv;
                        }
                    }
                }
            }
        }
    }
}
