//! The fast paths of 2-D max pooling: small planes with 16 channels in the vector lanes
//! ([`lanes_of_channels`]), and row by row otherwise ([`max_pool_2d`]): edge windows through
//! the general window walk, inner columns in lane blocks (stride 2 through even/odd phase
//! buffers), or the AVX-512 kernel of `max_avx512.rs` for f32. Same visiting order and
//! comparisons as the general N-d path in `mod.rs`.

use super::geometry::Geom;
use crate::kernels::copies::every_other;

/// Channels pooled together by [`lanes_of_channels`], and the largest input and output
/// planes it takes (16 of them on the stack: 64 KiB each way).
pub(super) const LANES: usize = 16;
const LANE_PLANE: usize = 1024;

/// 2-D max pooling of small f32 planes with the channels in the lanes: each group of 16
/// planes is transposed to `[position][channel]` on the stack, every output folds its
/// window's taps in the scalar order (the first tap, then `if v > m { m = v }`) for the 16
/// channels at once, and the results go back to their planes. Rows of a 10x10 or 13x13 map
/// fill a few lanes of a row-wise vector and spend their time on window edges and per-row
/// setup (YOLO's 5x5 SPPF pools on 10x10 maps, two columns of padding a side: 79 -> 24 us;
/// ONNX Runtime's NCHWc ones take 9). Maps without edges do better row-wise (the transposes
/// cost more than the edges: SqueezeNet's 13x13 pool 58 against 103 us). `false` (nothing
/// written) where the element type is not f32 or a plane is larger.
pub(super) fn lanes_of_channels<T: 'static>(g: &Geom, x: &[T], y: &mut [T]) -> bool {
    let (Some(x), Some(y)) = (crate::kernels::as_f32(x), crate::kernels::as_f32_mut(y)) else { return false };
    let (ins, outs) = (g.in_size, g.out_size);
    if ins > LANE_PLANE || outs > LANE_PLANE || ins == 0 || outs == 0 || x.len() != g.planes * ins {
        return false;
    }
    let (iw, ow, dy, dx) = (g.in_sp[1] as isize, g.out_sp[1], g.dil[0] as isize, g.dil[1] as isize);
    let groups = |p0: usize, band: &mut [f32]| {
        let mut t = [[0f32; LANES]; LANE_PLANE];
        let mut o = [[0f32; LANES]; LANE_PLANE];
        for (gi, ys) in band.chunks_mut(LANES * outs).enumerate() {
            let first_plane = p0 + gi * LANES;
            let planes = ys.len() / outs;
            for (l, xp) in x[first_plane * ins..(first_plane + planes) * ins].chunks_exact(ins).enumerate() {
                for (tp, &v) in t.iter_mut().zip(xp) {
                    tp[l] = v;
                }
            }
            for (at, op) in o[..outs].iter_mut().enumerate() {
                let ((sy, ky_lo, ky_hi), (sx, kx_lo, kx_hi)) = (g.taps(0, at / ow), g.taps(1, at % ow));
                let mut m = t[((sy + ky_lo * dy) * iw + sx + kx_lo * dx) as usize];
                for ky in ky_lo..ky_hi {
                    let row = (sy + ky * dy) * iw + sx;
                    for kx in kx_lo..kx_hi {
                        let v = &t[(row + kx * dx) as usize];
                        for (m, &v) in m.iter_mut().zip(v) {
                            if v > *m {
                                *m = v;
                            }
                        }
                    }
                }
                *op = m;
            }
            for (l, yp) in ys.chunks_exact_mut(outs).enumerate() {
                for (y, op) in yp.iter_mut().zip(&o) {
                    *y = op[l];
                }
            }
        }
    };
    // Split by the comparisons, as the plane-wise path (in whole groups of 16 planes).
    if g.planes * outs * g.kernel[0] * g.kernel[1] >= 1 << 17 {
        crate::threads::for_each_chunk(y, g.planes, outs, LANES, &groups);
    } else {
        groups(0, y);
    }
    true
}

/// One plane of a 2-D max pool. Same visiting order and comparisons as the general path (a
/// window's first tap, then `if v > m { m = v }` over the rest in row-major order), so the same
/// result, NaN included. Rows `full_rows` ([`Geom::full`] of axis 0) x columns `inner`
/// ([`Geom::full_columns`]) go through [`f32_plane`] where it applies; otherwise `inner` takes
/// the lane loop ([`lane_columns`]); edge columns, and what the lanes leave, go window by
/// window. The caller has refused windows that cover no input.
pub(super) fn max_pool_2d<T: Copy + PartialOrd + 'static>(
    g: &Geom,
    full_rows: core::ops::Range<usize>,
    inner: core::ops::Range<usize>,
    xp: &[T],
    yp: &mut [T],
) {
    let (iw, ow) = (g.in_sp[1] as isize, g.out_sp[1]);
    let (dy, dx) = (g.dil[0] as isize, g.dil[1] as isize);
    let (inner_lo, inner_hi) = (inner.start, inner.end);
    let Some(&first) = xp.first() else { return };
    // f32 windows wholly inside the plane in one AVX-512 pass; then only the edges below.
    let rows_done = if f32_plane(g, xp, yp, full_rows.clone(), inner.clone()) { full_rows } else { 0..0 };
    // The generic lane loop's stride-2 buffers (20 KB), set up only if a row needs them: the
    // f32 rows do not, and setting them up per plane cost more than a small plane's pooling.
    let mut phases = None;
    for (oy, yrow) in yp.chunks_exact_mut(ow.max(1)).enumerate() {
        if rows_done.contains(&oy) && inner_lo == 0 && inner_hi == ow {
            continue;
        }
        let (sy, ky_lo, ky_hi) = g.taps(0, oy);
        if ky_lo >= ky_hi {
            continue;
        }
        let window = |ox: usize| {
            let (sx, kx_lo, kx_hi) = g.taps(1, ox);
            let mut m = xp[((sy + ky_lo * dy) * iw + sx + kx_lo * dx) as usize];
            for ky in ky_lo..ky_hi {
                let row = (sy + ky * dy) * iw + sx;
                for kx in kx_lo..kx_hi {
                    let v = xp[(row + kx * dx) as usize];
                    if v > m {
                        m = v;
                    }
                }
            }
            m
        };
        for ox in (0..inner_lo).chain(inner_hi..ow) {
            yrow[ox] = window(ox);
        }
        if rows_done.contains(&oy) {
            continue;
        }
        let inner = &mut yrow[inner_lo..inner_hi];
        let rest = if f32_row(g, xp, inner, (sy, ky_lo, ky_hi), inner_lo) {
            inner_hi
        } else {
            #[allow(clippy::unnecessary_lazy_evaluations)] // lazy on purpose: 20 KB to fill
            let phases = phases.get_or_insert_with(|| [[[first; PHASE_LEN]; 2]; MAX_KH]);
            lane_columns(g, xp, inner, (sy, ky_lo, ky_hi), inner_lo, phases) + inner_lo
        };
        for (ox, out) in yrow[rest..inner_hi].iter_mut().enumerate() {
            *out = window(rest + ox);
        }
    }
}

/// Output `rows` x `columns` of one plane, whose windows lie wholly inside it, through the
/// AVX-512 kernel (`pool_avx512.rs`) where the element type is f32; `false` (none written)
/// otherwise.
fn f32_plane<T: Copy + PartialOrd + 'static>(
    g: &Geom,
    xp: &[T],
    yp: &mut [T],
    rows: core::ops::Range<usize>,
    columns: core::ops::Range<usize>,
) -> bool {
    let (Some(x), Some(y)) = (crate::kernels::as_f32(xp), crate::kernels::as_f32_mut(yp)) else { return false };
    let axis =
        |j: usize| super::max_avx512::Axis { stride: g.stride[j], pad: g.pad_b[j], taps: g.kernel[j], dil: g.dil[j] };
    super::max_avx512::plane(x, g.in_sp[1], y, g.out_sp[1], rows, columns, axis(0), axis(1))
}

/// Inner output columns `o0 .. o0 + out.len()` of one output row through the AVX-512 kernel
/// (`pool_avx512.rs`) where the element type is f32 (all of them, or `false` and none).
fn f32_row<T: Copy + PartialOrd + 'static>(
    g: &Geom,
    xp: &[T],
    out: &mut [T],
    rows: (isize, isize, isize),
    o0: usize,
) -> bool {
    const MAX_ROWS: usize = 16;
    let (sy, ky_lo, ky_hi) = rows;
    let kh = (ky_hi - ky_lo) as usize;
    let (Some(x), Some(y)) = (crate::kernels::as_f32(xp), crate::kernels::as_f32_mut(out)) else { return false };
    if kh > MAX_ROWS || y.is_empty() {
        return false;
    }
    let (iw, dy) = (g.in_sp[1], g.dil[0] as isize);
    let offsets: [usize; MAX_ROWS] =
        core::array::from_fn(|i| if i < kh { (sy + (ky_lo + i as isize) * dy) as usize * iw } else { 0 });
    super::max_avx512::inner_row(x, &offsets[..kh], iw, g.taps(1, o0).0 as usize, g.stride[1], g.kernel[1], g.dil[1], y)
}

/// Inner output columns `o0 .. o0 + out.len()` of one output row (`rows`: the row's window
/// start and tap range) in whole blocks of 16, then 8, then 4 on the lane loop (maps 12-54
/// wide leave most of a row outside whole blocks of 16). With stride 2 the window's input rows
/// are first split into even and odd columns, so every tap of a block is a contiguous run (a
/// stride-2 read per tap compiled to lane-by-lane inserts). Returns how many outputs it wrote;
/// other strides and windows past the buffers' reach write none.
fn lane_columns<T: Copy + PartialOrd>(
    g: &Geom,
    xp: &[T],
    out: &mut [T],
    rows: (isize, isize, isize),
    o0: usize,
    phases: &mut [[[T; PHASE_LEN]; 2]; MAX_KH],
) -> usize {
    let (sy, ky_lo, ky_hi) = rows;
    let (iw, dy, kh) = (g.in_sp[1], g.dil[0] as isize, (ky_hi - ky_lo) as usize);
    let split = g.stride[1] == 2 && kh <= MAX_KH && out.len() <= ROW_RUN && (g.kernel[1] - 1) * g.dil[1] / 2 < REACH;
    if out.is_empty() || !(g.stride[1] == 1 || split) {
        return 0;
    }
    let x0 = g.taps(1, o0).0 as usize;
    let rows: [&[T]; MAX_KH] = core::array::from_fn(|i| {
        let iy = (sy + (ky_lo + i as isize) * dy) as usize;
        if i < kh {
            xp.get(iy * iw + x0..(iy + 1) * iw).unwrap_or(&[])
        } else {
            &[]
        }
    });
    if split {
        let need = out.len() + (g.kernel[1] - 1) * g.dil[1] / 2 + 1;
        for (row, [even, odd]) in rows.iter().zip(phases.iter_mut()).take(kh) {
            every_other(&mut even[..need.min(row.len().div_ceil(2))], row);
            every_other(&mut odd[..need.min(row.len() / 2)], row.get(1..).unwrap_or(&[]));
        }
    }
    let run = Run { rows: &rows[..kh], phases: &phases[..kh], split, kw: g.kernel[1], dx: g.dil[1] };
    let o = run.blocks::<16>(out, 0);
    let o = run.blocks::<8>(out, o);
    run.blocks::<4>(out, o)
}

/// Most window rows, inner outputs per row and extra phase columns of the lane path's buffers.
const MAX_KH: usize = 8;
const ROW_RUN: usize = 256;
const REACH: usize = 64;
/// Length of one phase buffer.
const PHASE_LEN: usize = ROW_RUN + REACH;

/// One output row's inner columns on the lane path: the window's input rows from the first
/// inner window's first column on, and with stride 2 (`split`) their even and odd columns.
struct Run<'a, T> {
    rows: &'a [&'a [T]],
    phases: &'a [[[T; PHASE_LEN]; 2]],
    split: bool,
    kw: usize,
    dx: usize,
}

impl<T: Copy + PartialOrd> Run<'_, T> {
    /// Outputs `from..` of `out` in whole blocks of `L`, while one fits; returns the first
    /// output it left. Taps in the windows' row-major order: the first sets the maxima, later
    /// ones keep the larger (`if v > m`, as the scalar path does, NaN included).
    fn blocks<const L: usize>(&self, out: &mut [T], from: usize) -> usize {
        let mut o = from;
        while o + L <= out.len() {
            let mut m: Option<[T; L]> = None;
            for (row, phases) in self.rows.iter().zip(self.phases) {
                for kx in 0..self.kw {
                    let c = kx * self.dx;
                    let src = if self.split {
                        phases[c % 2].get(c / 2 + o..c / 2 + o + L)
                    } else {
                        row.get(c + o..c + o + L)
                    };
                    let Some(src) = src else { return o };
                    match &mut m {
                        None => m = Some(core::array::from_fn(|l| src[l])),
                        Some(m) => {
                            for (mv, &v) in m.iter_mut().zip(src) {
                                if v > *mv {
                                    *mv = v;
                                }
                            }
                        }
                    }
                }
            }
            if let Some(m) = m {
                out[o..o + L].copy_from_slice(&m);
            }
            o += L;
        }
        o
    }
}
