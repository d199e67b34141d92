//! `MaxPool` and `AveragePool` over any number of spatial axes, matching onnxruntime.
//!
//! Window `o` along an axis covers input positions `o * stride - pad_begin + i * dilation` for
//! `i < kernel`; only positions inside the input are read. The output extent is whatever the
//! compiler chose (floor or ceil mode), so a ceil-mode window may run past the padded end.
//! For `count_include_pad` the divisor counts window positions before `input + pad_end`, which
//! is onnxruntime's rule (the clipped tail of a ceil-mode window does not count).

mod max_avx512;

use crate::kernels::copies::every_other;
use crate::kernels::nd::{check_len, numel};

/// Most spatial axes pooling accepts (onnxruntime itself stops at 3); small, because every
/// window carries arrays of this size.
const CAP: usize = 8;
use crate::scalar::Float;
use crate::Error;

/// Pooling window geometry; every slice has one entry per spatial axis (pads: all begins, then
/// all ends). Empty `strides`/`dilations`/`pads` mean 1, 1 and 0.
#[derive(Clone, Copy, Debug)]
pub struct PoolParams<'a> {
    pub kernel: &'a [usize],
    pub strides: &'a [usize],
    pub dilations: &'a [usize],
    pub pads: &'a [usize],
}

/// Resolved geometry of one pooling call.
struct Geom {
    d: usize,
    planes: usize,
    in_sp: [usize; CAP],
    in_stride: [usize; CAP],
    out_sp: [usize; CAP],
    kernel: [usize; CAP],
    stride: [usize; CAP],
    dil: [usize; CAP],
    pad_b: [usize; CAP],
    pad_e: [usize; CAP],
    in_size: usize,
    out_size: usize,
}

/// The positions of one window that lie inside the input: along axis `j`, `n[j]` positions
/// starting at input offset `base` and `step[j]` apart.
struct Window {
    base: usize,
    n: [usize; CAP],
    step: [usize; CAP],
    real: usize,
    padded: usize,
}

/// `ceil(a / b)` for `a >= 0`, `b > 0`.
fn ceil_div(a: isize, b: isize) -> isize {
    (a + b - 1) / b
}

fn param(s: &[usize], j: usize, default: usize) -> usize {
    if s.is_empty() {
        default
    } else {
        s[j]
    }
}

impl Geom {
    fn new(x_shape: &[usize], y_shape: &[usize], p: &PoolParams) -> Result<Self, Error> {
        let r = x_shape.len();
        if r < 3 || r - 2 > CAP || y_shape.len() != r || y_shape[..2] != x_shape[..2] {
            return Err(Error::Layout("pool: shapes must be [N, C, spatial...] alike"));
        }
        let d = r - 2;
        let bad_len = |s: &[usize], n: usize| !s.is_empty() && s.len() != n;
        if p.kernel.len() != d || bad_len(p.strides, d) || bad_len(p.dilations, d) || bad_len(p.pads, 2 * d) {
            return Err(Error::Layout("pool: parameter lengths do not match the spatial rank"));
        }
        let mut g = Geom {
            d,
            planes: x_shape[0] * x_shape[1],
            in_sp: [0; CAP],
            in_stride: [0; CAP],
            out_sp: [0; CAP],
            kernel: [0; CAP],
            stride: [0; CAP],
            dil: [0; CAP],
            pad_b: [0; CAP],
            pad_e: [0; CAP],
            in_size: numel(&x_shape[2..])?,
            out_size: numel(&y_shape[2..])?,
        };
        for j in 0..d {
            g.in_sp[j] = x_shape[2 + j];
            g.in_stride[j] = x_shape[3 + j..].iter().product();
            g.out_sp[j] = y_shape[2 + j];
            g.kernel[j] = p.kernel[j];
            g.stride[j] = param(p.strides, j, 1);
            g.dil[j] = param(p.dilations, j, 1);
            g.pad_b[j] = param(p.pads, j, 0);
            g.pad_e[j] = param(p.pads, d + j, 0);
            if g.kernel[j] == 0 || g.stride[j] == 0 || g.dil[j] == 0 {
                return Err(Error::Layout("pool: kernel, strides and dilations must be positive"));
            }
            let big = [g.in_sp[j], g.out_sp[j], g.kernel[j], g.stride[j], g.dil[j], g.pad_b[j], g.pad_e[j]];
            if big.iter().any(|&v| v > (isize::MAX as usize) >> 16) {
                return Err(Error::Layout("pool: extents too large"));
            }
        }
        Ok(g)
    }

    /// The window of output position `oc` (spatial coordinates).
    #[allow(clippy::needless_range_loop)] // `j` indexes several parallel arrays
    fn window(&self, oc: &[usize; CAP]) -> Window {
        let mut w = Window { base: 0, n: [0; CAP], step: [0; CAP], real: 1, padded: 1 };
        for j in 0..self.d {
            let (k, dil) = (self.kernel[j] as isize, self.dil[j] as isize);
            let (start, lo, hi) = self.taps(j, oc[j]);
            let size = self.in_sp[j] as isize;
            let n = (hi - lo).max(0);
            // Window indices before the padded end `size + pad_end`.
            let end = size + self.pad_e[j] as isize;
            let padded = if end - start <= 0 { 0 } else { ceil_div(end - start, dil).min(k) };
            w.n[j] = n as usize;
            w.step[j] = self.dil[j] * self.in_stride[j];
            if n > 0 {
                w.base += (start + lo * dil) as usize * self.in_stride[j];
            }
            w.real *= n as usize;
            w.padded *= padded as usize;
        }
        w
    }

    /// Along axis `j`, for output position `o`: the window's first input index `start` (may be
    /// negative, in the padding) and the range `lo..hi` of window taps `i` that read inside the
    /// input (`0 <= start + i*dil < size`).
    fn taps(&self, j: usize, o: usize) -> (isize, isize, isize) {
        let (k, dil) = (self.kernel[j] as isize, self.dil[j] as isize);
        let start = (o * self.stride[j]) as isize - self.pad_b[j] as isize;
        let size = self.in_sp[j] as isize;
        let lo = if start >= 0 { 0 } else { ceil_div(-start, dil) };
        let hi = if size - start <= 0 { 0 } else { ceil_div(size - start, dil).min(k) };
        (start, lo, hi)
    }

    /// The output columns (last axis) whose window spans the whole kernel inside the input:
    /// one run between the left and right edges.
    fn full_columns(&self) -> core::ops::Range<usize> {
        self.full(self.d - 1)
    }

    /// The output positions along axis `j` whose window spans the whole kernel inside the
    /// input: one run between the two edges.
    fn full(&self, j: usize) -> core::ops::Range<usize> {
        let full = |o: usize| {
            let (_, lo, hi) = self.taps(j, o);
            lo == 0 && hi == self.kernel[j] as isize
        };
        let ow = self.out_sp[j];
        let lo = (0..ow).find(|&o| full(o)).unwrap_or(ow);
        lo..(lo..ow).find(|&o| !full(o)).unwrap_or(ow)
    }

    /// Whether some output position's window covers no input element.
    fn some_window_empty(&self) -> bool {
        self.out_size > 0 && (0..self.d).any(|j| (0..self.out_sp[j]).any(|o| self.taps(j, o).2 <= self.taps(j, o).1))
    }

    /// Calls `f(output index, window)` for every output position of one plane.
    fn for_each_window(&self, mut f: impl FnMut(usize, &Window)) {
        let mut oc = [0usize; CAP];
        for o in 0..self.out_size {
            f(o, &self.window(&oc));
            for j in (0..self.d).rev() {
                oc[j] += 1;
                if oc[j] < self.out_sp[j] {
                    break;
                }
                oc[j] = 0;
            }
        }
    }
}

/// Calls `f` with the input offset of every real position of window `w` (which must not be
/// empty), innermost axis fastest.
fn for_each_in_window(d: usize, w: &Window, mut f: impl FnMut(usize)) {
    let (n_in, s_in) = (w.n[d - 1], w.step[d - 1]);
    let mut idx = [0usize; CAP];
    let mut off = w.base;
    loop {
        for i in 0..n_in {
            f(off + i * s_in);
        }
        let mut j = d - 1;
        loop {
            if j == 0 {
                return;
            }
            j -= 1;
            idx[j] += 1;
            off += w.step[j];
            if idx[j] < w.n[j] {
                break;
            }
            off -= w.step[j] * w.n[j];
            idx[j] = 0;
        }
    }
}

/// ONNX `MaxPool` (without the indices output). A window with no input position (only
/// possible with pads at least as large as the window) is an error, as no element type
/// bound here provides a lowest value.
pub fn max_pool<T: Copy + PartialOrd + Send + Sync + 'static>(
    x: &[T],
    x_shape: &[usize],
    p: &PoolParams,
    y: &mut [T],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "max_pool: input length does not match its shape")?;
    check_len(y.len(), y_shape, "max_pool: output length does not match its shape")?;
    let g = Geom::new(x_shape, y_shape, p)?;
    if y.is_empty() {
        return Ok(());
    }
    if g.d == 2 {
        if g.some_window_empty() {
            return Err(Error::Layout("max_pool: a window covers no input element"));
        }
        // The output rows and columns whose windows lie wholly inside the input, for every
        // plane.
        let (full_rows, inner) = (g.full(0), g.full_columns());
        // Narrow maps whose windows meet the edges (padding): the channels in the lanes.
        let edges = inner != (0..g.out_sp[1]) || full_rows != (0..g.out_sp[0]);
        if edges && g.out_sp[1] <= LANES && lanes_of_channels(&g, x, y) {
            return Ok(());
        }
        // Whole planes per thread; each plane's result does not depend on the split.
        let plane = |p0: usize, band: &mut [T]| {
            for (pi, yp) in band.chunks_exact_mut(g.out_size).enumerate() {
                let at = (p0 + pi) * g.in_size;
                max_pool_2d(&g, full_rows.clone(), inner.clone(), &x[at..at + g.in_size], yp);
            }
        };
        // Split by the comparisons, not the outputs: a 5x5 window (YOLO's SPPF pools, 12.8K
        // outputs) is 25 of them per output.
        if g.planes * g.out_size * g.kernel[0] * g.kernel[1] >= 1 << 17 {
            crate::threads::for_each_chunk(y, g.planes, g.out_size, 1, &plane);
        } else {
            plane(0, y);
        }
        return Ok(());
    }
    let mut res = Ok(());
    for (pi, yp) in y.chunks_exact_mut(g.out_size).enumerate().take(g.planes) {
        let xp = &x[pi * g.in_size..(pi + 1) * g.in_size];
        g.for_each_window(|o, w| {
            if w.real == 0 {
                res = Err(Error::Layout("max_pool: a window covers no input element"));
                return;
            }
            let mut m = xp[w.base];
            for_each_in_window(g.d, w, |i| {
                let v = xp[i];
                if v > m {
                    m = v;
                }
            });
            yp[o] = m;
        });
    }
    res
}

/// Channels pooled together by [`lanes_of_channels`], and the largest input and output
/// planes it takes (16 of them on the stack: 64 KiB each way).
const LANES: usize = 16;
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
fn lanes_of_channels<T: 'static>(g: &Geom, x: &[T], y: &mut [T]) -> bool {
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
fn max_pool_2d<T: Copy + PartialOrd + 'static>(
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
    let axis = |j: usize| crate::kernels::pool::max_avx512::Axis {
        stride: g.stride[j],
        pad: g.pad_b[j],
        taps: g.kernel[j],
        dil: g.dil[j],
    };
    crate::kernels::pool::max_avx512::plane(x, g.in_sp[1], y, g.out_sp[1], rows, columns, axis(0), axis(1))
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
    crate::kernels::pool::max_avx512::inner_row(
        x,
        &offsets[..kh],
        iw,
        g.taps(1, o0).0 as usize,
        g.stride[1],
        g.kernel[1],
        g.dil[1],
        y,
    )
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

/// MaxPool's `Indices` output: the flat position (over the whole input tensor) of each window's
/// first maximum; with `column_major` the spatial part counts the first axis fastest
/// (`storage_order = 1`).
pub fn max_pool_indices<T: Copy + PartialOrd>(
    x: &[T],
    x_shape: &[usize],
    p: &PoolParams,
    column_major: bool,
    y: &mut [i64],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "max_pool_indices: input length does not match its shape")?;
    check_len(y.len(), y_shape, "max_pool_indices: output length does not match its shape")?;
    let g = Geom::new(x_shape, y_shape, p)?;
    if y.is_empty() {
        return Ok(());
    }
    let spatial = &x_shape[2..];
    let position = |pi: usize, i: usize| -> i64 {
        let local = if column_major {
            let (mut rest, mut idx, mut stride) = (i, 0usize, 1usize);
            let mut coords = [0usize; crate::kernels::nd::CAP];
            for k in (0..spatial.len()).rev() {
                coords[k] = rest % spatial[k];
                rest /= spatial[k];
            }
            for (k, &d) in spatial.iter().enumerate() {
                idx += coords[k] * stride;
                stride *= d;
            }
            idx
        } else {
            i
        };
        (pi * g.in_size + local) as i64
    };
    let mut res = Ok(());
    for (pi, yp) in y.chunks_exact_mut(g.out_size).enumerate().take(g.planes) {
        let xp = &x[pi * g.in_size..(pi + 1) * g.in_size];
        g.for_each_window(|o, w| {
            if w.real == 0 {
                res = Err(Error::Layout("max_pool_indices: a window covers no input element"));
                return;
            }
            let (mut m, mut at) = (xp[w.base], w.base);
            for_each_in_window(g.d, w, |i| {
                if xp[i] > m {
                    m = xp[i];
                    at = i;
                }
            });
            yp[o] = position(pi, at);
        });
    }
    res
}

/// ONNX `AveragePool`. Without `count_include_pad` the divisor is the number of input
/// positions in the window; with it, the number of window positions inside the padded input.
/// A window with no input position yields 0.
pub fn avg_pool<T: Float>(
    x: &[T],
    x_shape: &[usize],
    p: &PoolParams,
    count_include_pad: bool,
    y: &mut [T],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "avg_pool: input length does not match its shape")?;
    check_len(y.len(), y_shape, "avg_pool: output length does not match its shape")?;
    let g = Geom::new(x_shape, y_shape, p)?;
    if y.is_empty() {
        return Ok(());
    }
    for (pi, yp) in y.chunks_exact_mut(g.out_size).enumerate().take(g.planes) {
        let xp = &x[pi * g.in_size..(pi + 1) * g.in_size];
        g.for_each_window(|o, w| {
            if w.real == 0 {
                yp[o] = T::zero();
                return;
            }
            let mut s = T::zero();
            for_each_in_window(g.d, w, |i| s = s + xp[i]);
            let count = if count_include_pad { w.padded } else { w.real };
            yp[o] = s / T::from_f64(count as f64);
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Naive reference following onnxruntime's AveragePool / MaxPool loops literally, 2-D.
    #[allow(clippy::too_many_arguments)]
    fn naive_2d(
        x: &[f64],
        h: usize,
        w: usize,
        k: [usize; 2],
        s: [usize; 2],
        dl: [usize; 2],
        pads: [usize; 4],
        oh: usize,
        ow: usize,
        avg: bool,
        cip: bool,
    ) -> Vec<f64> {
        let mut y = vec![0.0; oh * ow];
        for ph in 0..oh {
            let hs = (ph * s[0]) as i64 - pads[0] as i64;
            let mut he = hs + (k[0] * dl[0]) as i64;
            for pw in 0..ow {
                let ws = (pw * s[1]) as i64 - pads[1] as i64;
                let mut we = ws + (k[1] * dl[1]) as i64;
                if avg {
                    he = he.min((h + pads[2]) as i64);
                    we = we.min((w + pads[3]) as i64);
                }
                let mut acc = if avg { 0.0 } else { f64::NEG_INFINITY };
                let mut n = 0;
                let mut hh = hs;
                while hh < he {
                    let mut ww = ws;
                    while ww < we {
                        if hh >= 0 && (hh as usize) < h && ww >= 0 && (ww as usize) < w {
                            let v = x[hh as usize * w + ww as usize];
                            if avg {
                                acc += v;
                            } else if v > acc {
                                acc = v;
                            }
                            n += 1;
                        }
                        ww += dl[1] as i64;
                    }
                    hh += dl[0] as i64;
                }
                if avg && n > 0 {
                    let div = if cip {
                        ((1 + (he - hs - 1) / dl[0] as i64) * (1 + (we - ws - 1) / dl[1] as i64)) as f64
                    } else {
                        n as f64
                    };
                    acc /= div;
                }
                y[ph * ow + pw] = acc;
            }
        }
        y
    }

    fn out_len(i: usize, k: usize, s: usize, dl: usize, pb: usize, pe: usize, ceil: bool) -> usize {
        let span = (k - 1) * dl + 1;
        let num = i + pb + pe - span;
        let mut o = if ceil { num.div_ceil(s) + 1 } else { num / s + 1 };
        // As onnxruntime / PyTorch: the last window must start inside the input or left pad.
        if ceil && (o - 1) * s >= i + pb {
            o -= 1;
        }
        o
    }

    /// A seeded generator of integers below `n`.
    fn rng(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        }
    }

    #[test]
    fn pool_2d_matches_naive() {
        let mut rnd = rng(12345);
        let mut empty_windows = 0;
        for _ in 0..300 {
            // Some rows wider than one lane block of the vectorised path.
            let (h, w) = (1 + rnd(9) as usize, if rnd(4) == 0 { 1 + rnd(200) as usize } else { 1 + rnd(9) as usize });
            let k = [1 + rnd(3) as usize, 1 + rnd(3) as usize];
            let s = [1 + rnd(3) as usize, 1 + rnd(3) as usize];
            let dl = [1 + rnd(2) as usize, 1 + rnd(2) as usize];
            let pads = [
                rnd(k[0] as u64) as usize,
                rnd(k[1] as u64) as usize,
                rnd(k[0] as u64) as usize,
                rnd(k[1] as u64) as usize,
            ];
            if h + pads[0] + pads[2] < (k[0] - 1) * dl[0] + 1 || w + pads[1] + pads[3] < (k[1] - 1) * dl[1] + 1 {
                continue;
            }
            let ceil = rnd(2) == 1;
            let oh = out_len(h, k[0], s[0], dl[0], pads[0], pads[2], ceil);
            let ow = out_len(w, k[1], s[1], dl[1], pads[1], pads[3], ceil);
            let x: Vec<f64> = (0..2 * h * w).map(|_| rnd(1000) as f64 / 7.0 - 50.0).collect();
            let p = PoolParams { kernel: &k, strides: &s, dilations: &dl, pads: &pads };
            let xs = [1, 2, h, w];
            let ys = [1, 2, oh, ow];
            let mut y = vec![0.0; 2 * oh * ow];
            let r = max_pool(&x, &xs, &p, &mut y, &ys);
            for c in 0..2 {
                let want = naive_2d(&x[c * h * w..(c + 1) * h * w], h, w, k, s, dl, pads, oh, ow, false, false);
                if want.contains(&f64::NEG_INFINITY) {
                    // A dilated window that only touches padding: onnxruntime writes `lowest`.
                    assert!(r.is_err());
                    empty_windows += 1;
                } else {
                    assert_eq!(&y[c * oh * ow..(c + 1) * oh * ow], &want[..]);
                }
            }
            for cip in [false, true] {
                avg_pool(&x, &xs, &p, cip, &mut y, &ys).unwrap();
                for c in 0..2 {
                    let want = naive_2d(&x[c * h * w..(c + 1) * h * w], h, w, k, s, dl, pads, oh, ow, true, cip);
                    for (a, b) in y[c * oh * ow..(c + 1) * oh * ow].iter().zip(&want) {
                        assert!(
                            (a - b).abs() < 1e-9,
                            "{a} {b} h{h} w{w} k{k:?} s{s:?} dl{dl:?} pads{pads:?} ceil{ceil} cip{cip}"
                        );
                    }
                }
            }
        }
        assert!(empty_windows < 30, "{empty_windows} cases with empty windows");
    }

    /// Max-pools three random `h x w` planes (NaN one value in `nan_every`, +0 and -0 as
    /// often) as f32, which takes the AVX-512 paths where the CPU has them, and as f64, which
    /// takes the generic lane loop, and asserts the same bits. `false` where the window does
    /// not fit or a window covers no input (both refuse alike).
    #[allow(clippy::too_many_arguments)]
    fn f32_pool_matches_generic(
        rnd: &mut impl FnMut(u64) -> u64,
        h: usize,
        w: usize,
        k: [usize; 2],
        s: [usize; 2],
        dl: [usize; 2],
        pads: [usize; 4],
        ceil: bool,
        nan_every: u64,
    ) -> bool {
        if h + pads[0] + pads[2] < (k[0] - 1) * dl[0] + 1 || w + pads[1] + pads[3] < (k[1] - 1) * dl[1] + 1 {
            return false;
        }
        let (oh, ow) = (
            out_len(h, k[0], s[0], dl[0], pads[0], pads[2], ceil),
            out_len(w, k[1], s[1], dl[1], pads[1], pads[3], ceil),
        );
        let x: Vec<f64> = (0..3 * h * w)
            .map(|_| match rnd(nan_every) {
                0 => f64::NAN,
                1 => 0.0,
                2 => -0.0,
                _ => rnd(1000) as f64 / 8.0 - 60.0,
            })
            .collect();
        let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        let p = PoolParams { kernel: &k, strides: &s, dilations: &dl, pads: &pads };
        let (xs, ys) = ([1, 3, h, w], [1, 3, oh, ow]);
        let (mut y, mut y32) = (vec![0.0; 3 * oh * ow], vec![0.0f32; 3 * oh * ow]);
        if max_pool(&x, &xs, &p, &mut y, &ys).is_err() {
            assert!(max_pool(&x32, &xs, &p, &mut y32, &ys).is_err());
            return false;
        }
        max_pool(&x32, &xs, &p, &mut y32, &ys).unwrap();
        for (i, (&a, &b)) in y32.iter().zip(&y).enumerate() {
            assert_eq!(
                a.to_bits(),
                (b as f32).to_bits(),
                "at {i}: {a} vs {b}: {h}x{w} k{k:?} s{s:?} dl{dl:?} pads{pads:?} ceil{ceil}"
            );
        }
        true
    }

    #[test]
    fn f32_rows_match_the_generic_path_nan_and_zeros_included() {
        // Rows wider than several vectors, strides 1 and 2, windows up to 5x5, dilations and
        // pads.
        let mut rnd = rng(777);
        let mut compared = 0;
        for _ in 0..200 {
            let (h, w) = (1 + rnd(12) as usize, 1 + rnd(90) as usize);
            let k = [1 + rnd(5) as usize, 1 + rnd(5) as usize];
            let (s, dl) = ([1 + rnd(2) as usize, 1 + rnd(2) as usize], [1 + rnd(2) as usize, 1 + rnd(2) as usize]);
            let pads = [
                rnd(k[0] as u64) as usize,
                rnd(k[1] as u64) as usize,
                rnd(k[0] as u64) as usize,
                rnd(k[1] as u64) as usize,
            ];
            let ceil = rnd(2) == 1;
            compared += usize::from(f32_pool_matches_generic(&mut rnd, h, w, k, s, dl, pads, ceil, 40));
        }
        assert!(compared > 150, "{compared} cases compared");
    }

    #[test]
    fn f32_square_windows_match_the_generic_path_nan_and_zeros_included() {
        // The per-row chains of the 2x2, 3x3 and 5x5 windows (`pool_avx512::square_row`, and
        // the rows 3x3 stride-2 windows share, `shared_rows_3x3_s2`): a
        // NaN or a zero of either sign at the start of a later window row must not change
        // which value wins, so NaNs and zeros are dense here (one value in 6 each).
        let mut rnd = rng(4242);
        let mut compared = 0;
        for case in 0..150 {
            let k = [2, 3, 5][case % 3];
            let (h, w) = (k + rnd(14) as usize, k + rnd(60) as usize);
            let s = 1 + rnd(2) as usize;
            let pads = [rnd(k as u64) as usize, rnd(k as u64) as usize, rnd(k as u64) as usize, rnd(k as u64) as usize];
            compared += usize::from(f32_pool_matches_generic(&mut rnd, h, w, [k, k], [s, s], [1, 1], pads, false, 6));
        }
        assert!(compared > 140, "{compared} cases compared");
    }

    #[test]
    fn ceil_mode_corner_cases_by_hand() {
        // 1-D input [1..=5], kernel 2, stride 2, ceil mode: windows [1,2], [3,4], [5 | past end].
        let x = [1.0f32, 2.0, 3.0, 4.0, 5.0];
        let p = PoolParams { kernel: &[2], strides: &[2], dilations: &[], pads: &[] };
        let mut y = [0.0f32; 3];
        max_pool(&x, &[1, 1, 5], &p, &mut y, &[1, 1, 3]).unwrap();
        assert_eq!(y, [2.0, 4.0, 5.0]);
        avg_pool(&x, &[1, 1, 5], &p, false, &mut y, &[1, 1, 3]).unwrap();
        assert_eq!(y, [1.5, 3.5, 5.0]);
        // The clipped tail lies past input + pads, so it does not count even with pads counted.
        avg_pool(&x, &[1, 1, 5], &p, true, &mut y, &[1, 1, 3]).unwrap();
        assert_eq!(y, [1.5, 3.5, 5.0]);
        // Kernel 3, stride 2, pads [1, 1]: windows [-1..1], [1..3], [3..5] where 5 is the pad.
        let p = PoolParams { kernel: &[3], strides: &[2], dilations: &[1], pads: &[1, 1] };
        avg_pool(&x, &[1, 1, 5], &p, true, &mut y, &[1, 1, 3]).unwrap();
        assert_eq!(y, [3.0 / 3.0, 9.0 / 3.0, 9.0 / 3.0]);
        avg_pool(&x, &[1, 1, 5], &p, false, &mut y, &[1, 1, 3]).unwrap();
        assert_eq!(y, [1.5, 3.0, 4.5]);
        // Ceil mode with pads [1, 1] on 6 inputs: 4 outputs; the last window [5..7] holds x[5],
        // the end pad (6) and a clipped position (7) that counts for neither divisor.
        let x = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0];
        let mut y = [0.0f32; 4];
        let p = PoolParams { kernel: &[3], strides: &[2], dilations: &[1], pads: &[1, 1] };
        avg_pool(&x, &[1, 1, 6], &p, true, &mut y, &[1, 1, 4]).unwrap();
        assert_eq!(y, [1.0, 3.0, 5.0, 3.0]);
        avg_pool(&x, &[1, 1, 6], &p, false, &mut y, &[1, 1, 4]).unwrap();
        assert_eq!(y, [1.5, 3.0, 5.0, 6.0]);
        max_pool(&x, &[1, 1, 6], &p, &mut y, &[1, 1, 4]).unwrap();
        assert_eq!(y, [2.0, 4.0, 6.0, 6.0]);
    }

    #[test]
    fn pool_3d_and_1d_and_errors() {
        // 3-D global-ish average equals the mean.
        let x: Vec<f32> = (0..24).map(|v| v as f32).collect();
        let p = PoolParams { kernel: &[2, 3, 4], strides: &[], dilations: &[], pads: &[] };
        let mut y = [0.0f32; 1];
        avg_pool(&x, &[1, 1, 2, 3, 4], &p, false, &mut y, &[1, 1, 1, 1, 1]).unwrap();
        assert_eq!(y, [11.5]);
        max_pool(&x, &[1, 1, 2, 3, 4], &p, &mut y, &[1, 1, 1, 1, 1]).unwrap();
        assert_eq!(y, [23.0]);
        let p = PoolParams { kernel: &[1, 2, 2], strides: &[1, 1, 2], dilations: &[], pads: &[] };
        let mut y = [0i32; 8];
        let xi: Vec<i32> = (0..24).collect();
        max_pool(&xi, &[1, 1, 2, 3, 4], &p, &mut y, &[1, 1, 2, 2, 2]).unwrap();
        assert_eq!(y, [5, 7, 9, 11, 17, 19, 21, 23]);
        let p = PoolParams { kernel: &[2, 2], strides: &[], dilations: &[], pads: &[] };
        assert!(max_pool(&x, &[1, 1, 4, 6], &p, &mut [0.0; 15], &[1, 2, 3, 5]).is_err());
        assert!(max_pool(&x, &[1, 1, 4, 6], &p, &mut [0.0; 14], &[1, 1, 3, 5]).is_err());
        let p = PoolParams { kernel: &[2], strides: &[], dilations: &[], pads: &[] };
        assert!(max_pool(&x, &[1, 1, 4, 6], &p, &mut [0.0; 15], &[1, 1, 3, 5]).is_err());
        // An all-pad window is an error for max, zero for average.
        let p = PoolParams { kernel: &[1], strides: &[3], dilations: &[], pads: &[] };
        assert!(max_pool(&x[..5], &[1, 1, 5], &p, &mut [0.0; 3], &[1, 1, 3]).is_err());
        let mut y = [9.0f32; 3];
        avg_pool(&x[..5], &[1, 1, 5], &p, true, &mut y, &[1, 1, 3]).unwrap();
        assert_eq!(y, [0.0, 3.0, 0.0]);
    }
}
