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
//! loads of `b`, `MR` broadcasts of `a` and `MR * NR / lanes` independent FMAs. A whole tile
//! is stored from its registers straight into `c` (`Tile::run_into`, with the bias on the
//! first block of `k`); partial tiles go through an array and a masked copy. A last sliver at
//! most half full runs a one-vector tile. The tiles themselves are in `tiles.rs`; this file
//! holds the loops around them (the drivers, packing, and where each tile's result goes).

#![cfg(target_arch = "x86_64")]

use super::tiles::{Avx2, Avx512, Columns, Tile, FEW};

use crate::kernels::prepacked::{ColumnBand, GemmPost, PackedLhs, PackedRhs, Panels, PANEL_COLS, PANEL_ROWS};

/// Depth of a block of `k`: an `NR`-wide sliver of `b` and an `MR`-row micro-panel of `a` stay
/// in L1 while a tile runs. Prepacked operands are laid out in blocks of the same depth.
const KC: usize = crate::kernels::prepacked::BLOCK_DEPTH;
/// Most rows of a prepacked `a` whose tiles read `b` unpacked (measured on 1x1 convolutions
/// over 56x56 and 28x28 maps: 144 -> 24 channels 255 -> 220 us, 192 -> 32 115 -> 100 us;
/// 96 rows and more were slower).
const DIRECT_ROWS: usize = 3 * PANEL_ROWS;
/// Most floats a block of `b` (`kc` rows, `ldb` apart) spans for its tiles to read it
/// unpacked whatever the rows of `a` (64 KiB: L1-sized).
const DIRECT_BLOCK: usize = 1 << 14;
/// Rows of `a` packed together (a multiple of both tiles' `MR`): the block stays in L2.
const MC: usize = 96;

/// Where the columns of `b` come from.
#[derive(Clone, Copy)]
enum Rhs<'a> {
    /// Row-major with row stride `ldb`: each sliver is packed as it is used.
    Plain { b: &'a [f32], ldb: usize },
    /// Packed ahead of time (`prepacked.rs`): the tiles read its slivers in place.
    Packed(PackedRhs<'a>),
}

/// `c = a * b` for a row-major `a` (`m x k`, row stride `lda`) and a prepacked `b` (see
/// `prepacked.rs`), when this CPU has AVX-512 or AVX2+FMA; `false` (nothing done) otherwise.
pub(crate) fn gemm_packed_rhs(m: usize, a: &[f32], lda: usize, b: PackedRhs, c: &mut [f32], ldc: usize) -> bool {
    let (k, n) = (b.k, b.cols);
    if std::is_x86_feature_detected!("avx512f") {
        // SAFETY: the CPU has AVX-512F (checked just above).
        unsafe { packed_rhs_avx512(m, k, n, a, lda, b, c, ldc) };
        true
    } else if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has AVX2 and FMA (checked just above).
        unsafe { packed_rhs_avx2(m, k, n, a, lda, b, c, ldc) };
        true
    } else {
        false
    }
}

/// The AVX2 path of [`gemm_packed_rhs`] on its own, for tests on CPUs that also have AVX-512.
#[cfg(test)]
pub(crate) fn gemm_packed_rhs_avx2(m: usize, a: &[f32], lda: usize, b: PackedRhs, c: &mut [f32], ldc: usize) -> bool {
    let has = std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma");
    if has {
        // SAFETY: the CPU has AVX2 and FMA (checked just above).
        unsafe { packed_rhs_avx2(m, b.k, b.cols, a, lda, b, c, ldc) };
    }
    has
}

#[target_feature(enable = "avx512f")]
#[allow(clippy::too_many_arguments)]
unsafe fn packed_rhs_avx512(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    lda: usize,
    b: PackedRhs,
    c: &mut [f32],
    ldc: usize,
) {
    if is_small(m, k, 12) {
        driver::<Avx512, 12, 32, { SMALL_ROWS * SMALL }, 0>(m, k, n, 1.0, a, lda, Rhs::Packed(b), c, ldc, true)
    } else {
        driver::<Avx512, 12, 32, { MC * KC }, 0>(m, k, n, 1.0, a, lda, Rhs::Packed(b), c, ldc, true)
    }
}

#[target_feature(enable = "avx2,fma")]
#[allow(clippy::too_many_arguments)]
unsafe fn packed_rhs_avx2(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    lda: usize,
    b: PackedRhs,
    c: &mut [f32],
    ldc: usize,
) {
    if is_small(m, k, 6) {
        driver::<Avx2, 6, 16, { SMALL_ROWS * SMALL }, 0>(m, k, n, 1.0, a, lda, Rhs::Packed(b), c, ldc, true)
    } else {
        driver::<Avx2, 6, 16, { MC * KC }, 0>(m, k, n, 1.0, a, lda, Rhs::Packed(b), c, ldc, true)
    }
}

/// `c += alpha * a * b` (with `overwrite`, `c = alpha * a * b`: `c`'s old contents, NaN
/// included, are never read) for row-major `a` (`m x k`, row stride `lda`), `b` (`k x n`,
/// `ldb`) and `c` (`m x n`, `ldc`), when this CPU has AVX-512 or AVX2+FMA; `false` (nothing
/// done) otherwise.
#[allow(clippy::too_many_arguments)]
pub(crate) fn gemm_f32(
    m: usize,
    k: usize,
    n: usize,
    alpha: f32,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
    overwrite: bool,
) -> bool {
    if std::is_x86_feature_detected!("avx512f") {
        // SAFETY: the CPU has AVX-512F (checked just above).
        unsafe { driver_avx512(m, k, n, alpha, a, lda, b, ldb, c, ldc, overwrite) };
        true
    } else if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has AVX2 and FMA (checked just above).
        unsafe { driver_avx2(m, k, n, alpha, a, lda, b, ldb, c, ldc, overwrite) };
        true
    } else {
        false
    }
}

#[target_feature(enable = "avx512f")]
#[allow(clippy::too_many_arguments)]
unsafe fn driver_avx512(
    m: usize,
    k: usize,
    n: usize,
    alpha: f32,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
    overwrite: bool,
) {
    if is_small(m, k, 12) {
        driver::<Avx512, 12, 32, { SMALL_ROWS * SMALL }, { SMALL * 32 }>(
            m,
            k,
            n,
            alpha,
            a,
            lda,
            Rhs::Plain { b, ldb },
            c,
            ldc,
            overwrite,
        )
    } else {
        driver::<Avx512, 12, 32, { MC * KC }, { KC * 32 }>(
            m,
            k,
            n,
            alpha,
            a,
            lda,
            Rhs::Plain { b, ldb },
            c,
            ldc,
            overwrite,
        )
    }
}

#[target_feature(enable = "avx2,fma")]
#[allow(clippy::too_many_arguments)]
unsafe fn driver_avx2(
    m: usize,
    k: usize,
    n: usize,
    alpha: f32,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
    overwrite: bool,
) {
    if is_small(m, k, 6) {
        driver::<Avx2, 6, 16, { SMALL_ROWS * SMALL }, { SMALL * 16 }>(
            m,
            k,
            n,
            alpha,
            a,
            lda,
            Rhs::Plain { b, ldb },
            c,
            ldc,
            overwrite,
        )
    } else {
        driver::<Avx2, 6, 16, { MC * KC }, { KC * 16 }>(
            m,
            k,
            n,
            alpha,
            a,
            lda,
            Rhs::Plain { b, ldb },
            c,
            ldc,
            overwrite,
        )
    }
}

/// Columns of finished outputs the prepacked driver hands to an epilogue at once.
const POST_COLS: usize = 256;

/// Depth of a product whose packed blocks fit the small stack buffers: zeroing the full-size
/// ones (128 KiB) on every call costs more than a small convolution computes.
const SMALL: usize = 64;
/// Rows of `a` (rounded up to whole panels) the small buffer packs.
const SMALL_ROWS: usize = 72;

/// Whether an `m x k` product's packed blocks fit the small buffers, with `mr`-row panels.
fn is_small(m: usize, k: usize, mr: usize) -> bool {
    k <= SMALL && m.div_ceil(mr) * mr <= SMALL_ROWS
}

/// The blocked loops around a tile (see the module docs). Inlined into each feature-enabled
/// driver so packing and the masked adds are compiled for the same vector unit.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn driver<K: Tile<MR, NR> + Tile<4, NR>, const MR: usize, const NR: usize, const ACAP: usize, const BCAP: usize>(
    m: usize,
    k: usize,
    n: usize,
    alpha: f32,
    a: &[f32],
    lda: usize,
    rhs: Rhs,
    c: &mut [f32],
    ldc: usize,
    overwrite: bool,
) {
    // The packed blocks: `ACAP` floats hold the rows of `a` packed at once (at most `MC`,
    // rounded up to whole panels) times the block depth, `BCAP` one sliver of a plain `b`
    // (0 for a prepacked one: its slivers are read where they are).
    let mut apack = [0f32; ACAP];
    let mut bpack = [0f32; BCAP];
    let zeros = [0f32; KC];
    for p0 in (0..k).step_by(KC) {
        let kc = KC.min(k - p0);
        for i0 in (0..m).step_by(MC) {
            let mc = MC.min(m - i0);
            // Full micro-panels of MR rows; a last one of at most 4 rows gets a 4-row tile (a
            // 12-row tile would compute 8 rows of padding: a third of the work for m = 64).
            let full = mc / MR;
            let tail = mc - full * MR;
            let (panels, tail4) = if tail > 0 && tail <= 4 { (full, true) } else { (mc.div_ceil(MR), false) };
            // a[i0.., p0..] as micro-panels of kc x MR (row r of panel q at [p*MR + r]).
            for q in 0..panels {
                pack_a::<MR>(
                    &mut apack[q * kc * MR..(q + 1) * kc * MR],
                    a,
                    lda,
                    i0 + q * MR,
                    mc - q * MR,
                    p0,
                    kc,
                    &zeros,
                );
            }
            let tail_at = panels * kc * MR;
            if tail4 {
                pack_a::<4>(&mut apack[tail_at..tail_at + kc * 4], a, lda, i0 + panels * MR, tail, p0, kc, &zeros);
            }
            for j0 in (0..n).step_by(NR) {
                let nc = NR.min(n - j0);
                let (sliver, b_step): (&[f32], usize) = match rhs {
                    Rhs::Plain { b, ldb } => {
                        pack_b::<NR>(&mut bpack[..kc * NR], b, ldb, p0, j0, nc);
                        (&bpack[..kc * NR], NR)
                    }
                    Rhs::Packed(packed) => (packed.sliver(p0, kc, j0), PANEL_COLS),
                };
                // The first block of k writes `c` when overwriting; later ones add to it.
                let first = overwrite && p0 == 0;
                let store = |c: &mut [f32], r0: usize, tile: &[[f32; NR]], rows: usize| {
                    for (r, t) in tile.iter().enumerate().take(rows) {
                        let at = (i0 + r0 + r) * ldc + j0;
                        let row = c[at..at + nc].iter_mut().zip(t);
                        if first {
                            row.for_each(|(cv, &tv)| *cv = alpha * tv);
                        } else {
                            row.for_each(|(cv, &tv)| *cv += alpha * tv);
                        }
                    }
                };
                for q in 0..panels {
                    let panel = &apack[q * kc * MR..(q + 1) * kc * MR];
                    let at = (i0 + q * MR) * ldc + j0;
                    if alpha == 1.0 && nc == NR && mc >= (q + 1) * MR && at + (MR - 1) * ldc + NR <= c.len() {
                        // A whole tile without scaling: stored from the registers into `c`.
                        // SAFETY: as below; rows at..at + (MR - 1) * ldc + NR of `c` exist
                        // (checked just above) and nothing else borrows `c` meanwhile.
                        unsafe {
                            <K as Tile<MR, NR>>::run_into(
                                kc,
                                panel,
                                MR,
                                sliver,
                                b_step,
                                c.as_mut_ptr().add(at),
                                ldc,
                                first,
                                None,
                                None,
                            )
                        };
                        continue;
                    }
                    // SAFETY: the drivers run only where `K`'s features were detected; the
                    // packed slices hold kc * MR and kc * NR floats.
                    let tile = unsafe { <K as Tile<MR, NR>>::run(kc, panel, MR, sliver, b_step) };
                    store(c, q * MR, &tile, MR.min(mc - q * MR));
                }
                if tail4 {
                    // SAFETY: as above, with the 4-row panel.
                    let tile =
                        unsafe { <K as Tile<4, NR>>::run(kc, &apack[tail_at..tail_at + kc * 4], 4, sliver, b_step) };
                    store(c, panels * MR, &tile, tail);
                }
            }
        }
    }
}

/// Packs columns `j0 .. j0 + nc` of rows `p0 ..` of `b` (as many rows as `sliver` holds
/// slivers of `NR`), zero-padded to `NR` columns.
#[inline(always)]
fn pack_b<const NR: usize>(sliver: &mut [f32], b: &[f32], ldb: usize, p0: usize, j0: usize, nc: usize) {
    for (p, dst) in sliver.chunks_exact_mut(NR).enumerate() {
        let at = (p0 + p) * ldb + j0;
        if nc == NR {
            // A fixed-size copy: a few vector moves, not a memcpy call per row.
            if let (Ok(d), Some(Ok(s))) =
                (<&mut [f32; NR]>::try_from(dst), b.get(at..at + NR).map(<&[f32; NR]>::try_from))
            {
                *d = *s;
            }
        } else {
            dst[..nc].copy_from_slice(&b[at..at + nc]);
            dst[nc..].fill(0.0);
        }
    }
}

/// `c = a * b + bias` for one band of a prepacked `a` (see `prepacked.rs`) when this CPU has
/// AVX-512 or AVX2+FMA; `false` (nothing done) otherwise.
#[allow(clippy::too_many_arguments)]
pub(crate) fn gemm_prepacked(
    a: PackedLhs,
    b: &[f32],
    ldb: usize,
    bias: Option<&[f32]>,
    c: &mut ColumnBand,
    post: Option<GemmPost>,
) -> bool {
    if std::is_x86_feature_detected!("avx512f") {
        // SAFETY: the CPU has AVX-512F (checked just above).
        unsafe { prepacked_avx512(a, b, ldb, bias, c, post) };
        true
    } else if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has AVX2 and FMA (checked just above).
        unsafe { prepacked_avx2(a, b, ldb, bias, c, post) };
        true
    } else {
        false
    }
}

/// The AVX2 path of [`gemm_prepacked`] on its own, for tests on CPUs that also have AVX-512.
#[cfg(test)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn gemm_prepacked_avx2(
    a: PackedLhs,
    b: &[f32],
    ldb: usize,
    bias: Option<&[f32]>,
    c: &mut ColumnBand,
    post: Option<GemmPost>,
) -> bool {
    let has = std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma");
    if has {
        // SAFETY: the CPU has AVX2 and FMA (checked just above).
        unsafe { prepacked_avx2(a, b, ldb, bias, c, post) };
    }
    has
}

#[target_feature(enable = "avx512f")]
#[allow(clippy::too_many_arguments)]
unsafe fn prepacked_avx512(
    a: PackedLhs,
    b: &[f32],
    ldb: usize,
    bias: Option<&[f32]>,
    c: &mut ColumnBand,
    post: Option<GemmPost>,
) {
    if a.k <= SMALL {
        prepacked_driver::<Avx512, 12, 32, 16, { SMALL * 32 }>(a, b, ldb, bias, c, post)
    } else {
        prepacked_driver::<Avx512, 12, 32, 16, { KC * 32 }>(a, b, ldb, bias, c, post)
    }
}

#[target_feature(enable = "avx2,fma")]
#[allow(clippy::too_many_arguments)]
unsafe fn prepacked_avx2(
    a: PackedLhs,
    b: &[f32],
    ldb: usize,
    bias: Option<&[f32]>,
    c: &mut ColumnBand,
    post: Option<GemmPost>,
) {
    if a.k <= SMALL {
        prepacked_driver::<Avx2, 6, 16, 8, { SMALL * 16 }>(a, b, ldb, bias, c, post)
    } else {
        prepacked_driver::<Avx2, 6, 16, 8, { KC * 16 }>(a, b, ldb, bias, c, post)
    }
}

/// The loops around a tile for a prepacked `a`: per block of `k`, each sliver of `b` is packed
/// once and meets every panel of the band (`MR` divides a panel's rows: the AVX2 tile runs
/// each half). The first block writes `c` (plus the bias), later ones add to it.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn prepacked_driver<
    K: Tile<MR, NR> + Tile<8, NR> + Tile<4, NR> + Tile<MR, NH> + Tile<8, NH> + Tile<4, NH> + Columns,
    const MR: usize,
    const NR: usize,
    const NH: usize,
    const BCAP: usize,
>(
    a: PackedLhs,
    b: &[f32],
    ldb: usize,
    bias: Option<&[f32]>,
    c: &mut ColumnBand,
    post: Option<GemmPost>,
) {
    let n = c.cols();
    // A clip epilogue is applied by the stores themselves, the others after them.
    let clamp = post.and_then(|p| p.post.clamp());
    let post = post.filter(|_| clamp.is_none());
    // One packed sliver of `b` (`BCAP` floats: `NR` columns of the deepest block).
    let mut bpack = [0f32; BCAP];
    let panels = Panels::of(a.m);
    // Panels of this band: whole ones, then the matrix's last (narrow or padded) one if the
    // band reaches it.
    let first_panel = a.first_row / PANEL_ROWS;
    let band_panels = a.rows.div_ceil(PANEL_ROWS);
    for p0 in (0..a.k).step_by(KC) {
        let kc = KC.min(a.k - p0);
        let block = a.block(p0, kc);
        let first = p0 == 0;
        let mut post_from = 0;
        for j0 in (0..n).step_by(NR) {
            let nc = NR.min(n - j0);
            // Where few panels share a sliver (a convolution to 16-36 channels), or the whole
            // block of `b` is small enough to stay in L1 as it is (a 1x1 convolution on a 7x7
            // or 25x5 map: 6.0 -> 5.6 us for KWS's 64 -> 64), packing it costs more than it
            // saves: the tiles read whole slivers straight from `b`.
            let direct = (a.m <= DIRECT_ROWS || kc * ldb <= DIRECT_BLOCK) && nc == NR;
            let (sliver, b_step) = if direct {
                (&b[p0 * ldb + j0..], ldb)
            } else {
                pack_b::<NR>(&mut bpack[..kc * NR], b, ldb, p0, j0, nc);
                (&bpack[..kc * NR], NR)
            };
            // A clamp epilogue goes into the stores of the last block of k.
            let put = Put { j0, nc, first, bias, clamp: clamp.filter(|_| p0 + kc >= a.k) };
            for q in 0..band_panels {
                let r0 = q * PANEL_ROWS;
                let panel = Panel {
                    data: &block[q * PANEL_ROWS * kc..],
                    r0,
                    rows: PANEL_ROWS.min(a.rows - r0),
                    narrow: first_panel + q == panels.full && panels.tail_width == 4,
                };
                // A last sliver of a few columns goes column by column; one at most half full
                // takes the one-vector tile, and its last few columns, if any, column by column.
                let few_after = |from: usize| K::HAS && nc > from && nc - from <= FEW;
                if few_after(0) {
                    few_columns::<K>(&panel, kc, sliver, b_step, c, &put, 0);
                } else if nc <= NH {
                    panel_tiles::<K, MR, NH>(&panel, kc, sliver, b_step, c, &put);
                } else if few_after(NH) {
                    panel_tiles::<K, MR, NH>(&panel, kc, sliver, b_step, c, &Put { nc: NH, ..put });
                    few_columns::<K>(&panel, kc, sliver, b_step, c, &put, NH);
                } else {
                    panel_tiles::<K, MR, NR>(&panel, kc, sliver, b_step, c, &put);
                }
            }
            // After the last block of k these columns are final for every row of the band,
            // and still in cache: the epilogue runs on them, `POST_COLS` at a time (runs of a
            // sliver's 32 values cost more in per-row setup than in arithmetic).
            if let (Some(post), true) = (post, p0 + kc >= a.k) {
                let done = j0 + nc;
                if done - post_from >= POST_COLS || done == n {
                    for r in 0..a.rows {
                        post.offset(r, post_from, c.ld()).apply_row(c.row(r, post_from, done - post_from));
                    }
                    post_from = done;
                }
            }
        }
    }
}

/// One panel of a band's packed rows for one block of `k`: its first row in the band, its
/// rows, and whether it is the narrow last panel (4 rows wide in the layout).
struct Panel<'a> {
    data: &'a [f32],
    r0: usize,
    rows: usize,
    narrow: bool,
}

/// One panel against one packed sliver (`b_step` floats per step of `k`) with tiles `W`
/// columns wide: whole tiles as wide as the sliver's columns store from their registers into
/// `c`; the narrow panel and partial tiles go through [`Put::store`].
#[inline(always)]
fn panel_tiles<K: Tile<MR, W> + Tile<8, W> + Tile<4, W>, const MR: usize, const W: usize>(
    panel: &Panel,
    kc: usize,
    sliver: &[f32],
    b_step: usize,
    c: &mut ColumnBand,
    put: &Put,
) {
    // Tiles store from their registers, the columns past a partial sliver's masked off.
    let cols = put.nc.min(W);
    if panel.narrow {
        if panel.rows == 4 {
            // The narrow last panel of 4 rows (64, 256 or 1000 channels), whole.
            let at = c.block_ptr(panel.r0, 4, put.j0, cols);
            let bias = put.bias.map(|b| &b[panel.r0..]);
            // SAFETY: the drivers run only where `K`'s features were detected; the narrow
            // panel holds kc steps of 4 floats and the sliver kc steps of b_step >= W; `at` is
            // 4 rows of `cols` floats c.ld() apart inside this band (block_ptr checked), and
            // the bias holds a value for every row of the band.
            unsafe { tile_into::<K, 4, W>(kc, panel.data, 4, sliver, b_step, at, c.ld(), put, bias, cols) };
        } else {
            // SAFETY: as above.
            put.store(c, panel.r0, &unsafe { <K as Tile<4, W>>::run(kc, panel.data, 4, sliver, b_step) }, panel.rows);
        }
        return;
    }
    for h in (0..panel.rows).step_by(MR) {
        let a = &panel.data[h..];
        if h + MR <= panel.rows {
            let at = c.block_ptr(panel.r0 + h, MR, put.j0, cols);
            let bias = put.bias.map(|b| &b[panel.r0 + h..]);
            // SAFETY: as above; a full panel holds kc steps of PANEL_ROWS floats, the tile
            // reads MR of them from row h (h + MR <= PANEL_ROWS); `at` is MR rows of `cols`
            // floats c.ld() apart inside this band (block_ptr checked).
            unsafe { tile_into::<K, MR, W>(kc, a, PANEL_ROWS, sliver, b_step, at, c.ld(), put, bias, cols) };
        } else if MR > 8 && panel.rows - h == 8 {
            // A last panel of 8 rows (32, 128, 320, 512 or 2048 channels) as an 8-row tile
            // stored from its registers, not a 12-row one through memory.
            let at = c.block_ptr(panel.r0 + h, 8, put.j0, cols);
            let bias = put.bias.map(|b| &b[panel.r0 + h..]);
            // SAFETY: as above, with 8 rows.
            unsafe { tile_into::<K, 8, W>(kc, a, PANEL_ROWS, sliver, b_step, at, c.ld(), put, bias, cols) };
        } else {
            // SAFETY: as above.
            put.store(
                c,
                panel.r0 + h,
                &unsafe { <K as Tile<MR, W>>::run(kc, a, PANEL_ROWS, sliver, b_step) },
                MR.min(panel.rows - h),
            );
        }
    }
}

/// A tile stored from its registers: [`Tile::run_into`] for a whole sliver, [`Tile::run_into_cols`]
/// for the first `cols` columns of a partial one.
/// # Safety
/// As [`Tile::run_into_cols`].
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn tile_into<K: Tile<R, W>, const R: usize, const W: usize>(
    kc: usize,
    a: &[f32],
    a_step: usize,
    sliver: &[f32],
    b_step: usize,
    at: *mut f32,
    ldc: usize,
    put: &Put,
    bias: Option<&[f32]>,
    cols: usize,
) {
    // SAFETY: the caller's.
    unsafe {
        if cols == W {
            K::run_into(kc, a, a_step, sliver, b_step, at, ldc, put.first, bias, put.clamp)
        } else {
            K::run_into_cols(kc, a, a_step, sliver, b_step, at, ldc, put.first, bias, put.clamp, cols)
        }
    }
}

/// Columns `from .. put.nc` of a sliver against one panel through [`Columns::run`], written
/// like [`Put::store`] writes a tile.
#[inline(always)]
fn few_columns<K: Columns>(
    panel: &Panel,
    kc: usize,
    sliver: &[f32],
    b_step: usize,
    c: &mut ColumnBand,
    put: &Put,
    from: usize,
) {
    let a_step = if panel.narrow { 4 } else { PANEL_ROWS };
    let (a, b) = (panel.data, &sliver[from..]);
    // SAFETY: the drivers run only where `K`'s features were detected; the panel holds kc
    // steps of a_step >= rows floats, and the sliver kc steps of b_step floats, of which
    // columns from..put.nc (at most FEW) are read.
    let sums: [[f32; 16]; FEW] = unsafe {
        let mut sums = [[0f32; 16]; FEW];
        match put.nc - from {
            1 => sums[..1].copy_from_slice(&K::run::<1>(kc, a, a_step, panel.rows, b, b_step)),
            2 => sums[..2].copy_from_slice(&K::run::<2>(kc, a, a_step, panel.rows, b, b_step)),
            3 => sums[..3].copy_from_slice(&K::run::<3>(kc, a, a_step, panel.rows, b, b_step)),
            _ => sums = K::run::<4>(kc, a, a_step, panel.rows, b, b_step),
        }
        sums
    };
    let ncols = put.nc - from;
    for r in 0..panel.rows {
        let row = c.row(panel.r0 + r, put.j0 + from, ncols);
        let bv = if put.first { put.bias.map_or(0.0, |bias| bias[panel.r0 + r]) } else { 0.0 };
        for (cv, sum) in row.iter_mut().zip(&sums) {
            *cv = put.clip(if put.first { sum[r] + bv } else { *cv + sum[r] });
        }
    }
}

/// Where [`prepacked_driver`] puts a tile: columns `j0 .. j0 + nc` of its rows, written (plus
/// the bias) in the first block of `k`, added to after.
struct Put<'a> {
    j0: usize,
    nc: usize,
    first: bool,
    bias: Option<&'a [f32]>,
    /// The epilogue's `(lo, hi)` where it is a clip, on the last block of k.
    clamp: Option<(f32, f32)>,
}

impl Put<'_> {
    #[inline(always)]
    fn store<const W: usize>(&self, c: &mut ColumnBand, r0: usize, tile: &[[f32; W]], rows: usize) {
        use crate::kernels::epilogue::clip_steps;
        for (r, t) in tile.iter().enumerate().take(rows) {
            let row = c.row(r0 + r, self.j0, self.nc).iter_mut().zip(t);
            let bv = if self.first { self.bias.map_or(0.0, |bias| bias[r0 + r]) } else { 0.0 };
            // One loop per case, so each vectorises.
            match (self.first, self.clamp) {
                (true, None) => row.for_each(|(cv, &tv)| *cv = tv + bv),
                (false, None) => row.for_each(|(cv, &tv)| *cv += tv),
                (true, Some((lo, hi))) => row.for_each(|(cv, &tv)| *cv = clip_steps(tv + bv, lo, hi)),
                (false, Some((lo, hi))) => row.for_each(|(cv, &tv)| *cv = clip_steps(*cv + tv, lo, hi)),
            }
        }
    }

    #[inline(always)]
    fn clip(&self, v: f32) -> f32 {
        match self.clamp {
            Some((lo, hi)) => crate::kernels::epilogue::clip_steps(v, lo, hi),
            None => v,
        }
    }
}

/// Packs rows `i0 .. i0 + min(rows, R)` of `a` (columns `p0 .. p0 + kc`) as one micro-panel:
/// step by step of k, the R rows' values side by side, rows past the end read as zeros
/// (contiguous stores, where a row at a time scattered them R apart).
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn pack_a<const R: usize>(
    panel: &mut [f32],
    a: &[f32],
    lda: usize,
    i0: usize,
    rows: usize,
    p0: usize,
    kc: usize,
    zeros: &[f32; KC],
) {
    let src: [&[f32]; R] =
        core::array::from_fn(
            |r| if r < rows { &a[(i0 + r) * lda + p0..(i0 + r) * lda + p0 + kc] } else { &zeros[..kc] },
        );
    for (p, dst) in panel.chunks_exact_mut(R).enumerate() {
        for (d, row) in dst.iter_mut().zip(&src) {
            *d = row[p];
        }
    }
}
