//! Depthwise convolutions (`group == C == M`) without scratch: the AVX-512 register kernel for
//! f32 square windows (`depthwise_avx512.rs`, through [`registers`]), 2-D stride phase planes
//! for everything else 2-D ([`depthwise_2d`]), and a shift-and-add per kernel tap for any
//! other rank ([`depthwise`]).

use super::geometry::Geom;
use crate::kernels::copies::{copy_short, every_other};
use crate::kernels::nd::CAP;
use crate::scalar::Float;

/// Called on each finished run of a depthwise convolution's output: `(channel, index of the
/// run's first value in the whole output, the run)`.
pub(super) type Finish<'a, T> = dyn Fn(usize, usize, &mut [T]) + Sync + 'a;

/// One image of a 2-D depthwise convolution through stride phases, so that every output of a
/// channel is one long vector loop however narrow the feature map (a 25x5 map has rows of 5).
///
/// The zero-padded input plane is split into `s * s` phase planes (`s` the stride): phase
/// `(a, b)` holds padded pixel `(s*i + a, s*j + b)` at `(i, j)`, in rows of `ws` values. Output
/// `(oy, ox)` then reads tap `(ky, kx)` at flat position `oy*ws + ox` plus a constant offset per
/// tap, so a channel is `sum_t w[t] * planes[p + off[t]]` over a flat range of positions,
/// computed `LANES` at a time with no bounds or padding checks; the `ws - ow` positions per row
/// past the output's edge are computed and dropped. Output rows go in bands small enough that
/// a band's planes and sums stay in L1. `false` when even one row does not fit the largest
/// stack buffer, or the stride or kernel is outside what the path takes (the caller then uses
/// the general path).
#[allow(clippy::too_many_arguments)]
pub(super) fn depthwise_2d<T: Float>(
    geo: &Geom,
    xb: &[T],
    w: &[T],
    bias: Option<&[T]>,
    yb: &mut [T],
    c0: usize,
    at: usize,
    finish: Option<&Finish<T>>,
) -> bool {
    let Some(layout) = Phases::new(geo) else { return false };
    let out = Out { bias, c0, at, finish };
    match layout.scratch {
        0..=2048 => phased::<T, 2048>(geo, &layout, xb, w, yb, out),
        2049..=8192 => phased::<T, 8192>(geo, &layout, xb, w, yb, out),
        8193..=32768 => phased::<T, 32768>(geo, &layout, xb, w, yb, out),
        _ => return false,
    }
    true
}

/// One image's channels of a 2-D depthwise convolution through the AVX-512 register kernel
/// (`depthwise_avx512.rs`), where the element type is f32 and the window one it takes; `false`
/// (nothing done) otherwise. It takes narrow maps too: a 25x5 or 7x7 map uses 5 or 7 lanes of
/// each row's vector and still beats the phase path's padded copies (measured: KWS 0.113 ->
/// 0.093 ms; a flat run of masked loads over a whole 7x7 plane was slower again, Zen 4 being
/// slow at loading a mask register per tap and vector).
pub(super) fn registers<T: Float>(
    geo: &Geom,
    x: &[T],
    w: &[T],
    bias: Option<&[T]>,
    y: &mut [T],
    finish: &mut dyn FnMut(usize, &mut [T]),
) -> bool {
    let square = geo.k_sp[0] == geo.k_sp[1] && geo.stride[0] == geo.stride[1] && geo.dil[..2] == [1, 1];
    let (Some(x), Some(w), Some(y)) =
        (crate::kernels::as_f32(x), crate::kernels::as_f32(w), crate::kernels::as_f32_mut(y))
    else {
        return false;
    };
    if !square {
        return false;
    }
    let win = super::depthwise_avx512::Window {
        k: geo.k_sp[0],
        s: geo.stride[0],
        ih: geo.in_sp[0],
        iw: geo.in_sp[1],
        oh: geo.out_sp[0],
        ow: geo.out_sp[1],
        pt: geo.pad_b[0],
        pl: geo.pad_b[1],
    };
    let bias = bias.and_then(crate::kernels::as_f32);
    super::depthwise_avx512::channels(&win, x, w, bias, y, &mut |c, plane: &mut [f32]| {
        if let Some(plane) = crate::kernels::from_f32_mut(plane) {
            finish(c, plane);
        }
    })
}

/// Where [`phased`]'s channels' outputs go beyond `y`: the channels' biases (added as the
/// sums are stored), the first channel's index and output position, and the epilogue.
#[derive(Clone, Copy)]
struct Out<'a, T> {
    bias: Option<&'a [T]>,
    c0: usize,
    at: usize,
    finish: Option<&'a Finish<'a, T>>,
}

/// Flat outputs computed together: four 16-float vectors, four independent sums per tap.
const LANES: usize = 64;
/// Most kernel taps the phase path takes (a 7x7 kernel has 49).
const MAX_TAPS: usize = 64;
/// Target scratch of one band, in elements (32 KiB of f32: the L1 data cache).
const BAND_SCRATCH: usize = 8192;

/// Where [`depthwise_2d`]'s phase planes and flat sums live in its scratch buffer.
struct Phases {
    s: usize,
    /// Output rows per band.
    band: usize,
    /// Rows and row length of each phase plane.
    hs: usize,
    ws: usize,
    /// Flat sums of one band (`band * ws`), rounded up to whole `LANES` chunks.
    flat: usize,
    /// Offset of each tap in the phase planes, row-major over the kernel.
    offsets: [usize; MAX_TAPS],
    /// Per column phase `b`: the first input column that lands on it, its column in the phase
    /// plane, and how many input columns it takes (every `s`-th); the same for every row.
    cols: [(usize, usize, usize); 4],
    /// Floats needed: the planes, slack for the last chunk's reads, and the flat sums.
    scratch: usize,
}

impl Phases {
    fn new(geo: &Geom) -> Option<Self> {
        let (s, (kh, kw), (dy, dx)) = (geo.stride[0], (geo.k_sp[0], geo.k_sp[1]), (geo.dil[0], geo.dil[1]));
        let (oh, ow) = (geo.out_sp[0], geo.out_sp[1]);
        if s == 0 || s > 4 || geo.stride[1] != s || kh * kw > MAX_TAPS || kh * kw == 0 || oh == 0 {
            return None;
        }
        let (halo, ws) = ((kh - 1) * dy / s, ow + (kw - 1) * dx / s);
        // Planes, slack and sums for `band` output rows.
        let scratch = |band: usize| {
            let flat = (band * ws).div_ceil(LANES) * LANES;
            (s * s * (band + halo) * ws + flat + flat, flat)
        };
        let per_row = (s * s + 2) * ws;
        let band = (BAND_SCRATCH.saturating_sub(scratch(0).0 + 2 * LANES) / per_row.max(1)).clamp(1, oh);
        let (scratch, flat) = scratch(band);
        let (hs, plane) = (band + halo, (band + halo) * ws);
        let mut offsets = [0; MAX_TAPS];
        for (t, off) in offsets.iter_mut().take(kh * kw).enumerate() {
            let (ry, rx) = ((t / kw) * dy, (t % kw) * dx);
            *off = ((ry % s) * s + rx % s) * plane + (ry / s) * ws + rx / s;
        }
        let (iw, px) = (geo.in_sp[1], geo.pad_b[1]);
        let mut cols = [(0, 0, 0); 4];
        for (b, col) in cols.iter_mut().enumerate().take(s) {
            let ix0 = (b + s - px % s) % s;
            let j0 = ((ix0 + px) / s).min(ws);
            let n = if ix0 < iw { (iw - ix0).div_ceil(s).min(ws - j0) } else { 0 };
            *col = (ix0, j0, n);
        }
        Some(Phases { s, band, hs, ws, flat, offsets, cols, scratch })
    }

    /// Writes the phase planes of the band starting at output row `oy0` from one channel's
    /// input plane: its pixels, and with `pads` zeros at the padding positions (without, those
    /// must already be zero: with one band they are the same for every channel and stay so).
    fn fill<T: Float>(&self, geo: &Geom, x: &[T], oy0: usize, planes: &mut [T], pads: bool) {
        let (s, ws) = (self.s, self.ws);
        let (ih, iw, py) = (geo.in_sp[0], geo.in_sp[1], geo.pad_b[0]);
        let plane = self.hs * ws;
        if s == 1 && !pads {
            // The common small-map case: one plane, input rows copied straight in.
            let (_, j0, n) = self.cols[0];
            for (iy, row) in x.chunks_exact(iw.max(1)).enumerate().take(ih) {
                if let Some(i) = (iy + py).checked_sub(oy0).filter(|&i| i < self.hs) {
                    copy_short(&mut planes[i * ws + j0..i * ws + j0 + n], row);
                }
            }
            return;
        }
        // Padded row r = s*i + a of the band goes to row i of the phase planes (a, _).
        let (mut a, mut i) = (0, 0);
        for r in s * oy0..s * (oy0 + self.hs) {
            let base = a * s * plane + i * ws;
            let iy = r.checked_sub(py).filter(|&iy| iy < ih);
            for (b, &(ix0, j0, n)) in self.cols.iter().enumerate().take(s) {
                let dst = &mut planes[base + b * plane..][..ws];
                let Some(iy) = iy else {
                    if pads {
                        dst.fill(T::zero());
                    }
                    continue;
                };
                if pads {
                    dst[..j0].fill(T::zero());
                    dst[j0 + n..].fill(T::zero());
                }
                let row = &x[iy * iw..(iy + 1) * iw];
                if s == 1 {
                    copy_short(&mut dst[j0..j0 + n], &row[ix0..]);
                } else if s == 2 {
                    every_other(&mut dst[j0..j0 + n], &row[ix0..]);
                } else {
                    for (d, &v) in dst[j0..j0 + n].iter_mut().zip(row.iter().skip(ix0).step_by(s)) {
                        *d = v;
                    }
                }
            }
            a += 1;
            if a == s {
                (a, i) = (0, i + 1);
            }
        }
    }
}

/// [`depthwise_2d`] with an `N`-float stack buffer (sized to the call, so small feature maps do
/// not pay for zeroing a large one).
fn phased<T: Float, const N: usize>(geo: &Geom, layout: &Phases, xb: &[T], w: &[T], yb: &mut [T], out: Out<T>) {
    let (oh, ow, taps) = (geo.out_sp[0], geo.out_sp[1], geo.k_size);
    let mut buf = [T::zero(); N];
    let (planes, flat) = buf.split_at_mut(layout.scratch - layout.flat);
    let flat = &mut flat[..layout.flat];
    let offsets = &layout.offsets[..taps];
    let channels =
        xb.chunks_exact(geo.in_size.max(1)).zip(yb.chunks_exact_mut(geo.out_size.max(1))).zip(w.chunks_exact(taps));
    for (ci, ((x, y), wc)) in channels.enumerate() {
        let bias = out.bias.and_then(|b| b.get(ci).copied()).unwrap_or(T::zero());
        for oy0 in (0..oh).step_by(layout.band) {
            layout.fill(geo, x, oy0, planes, layout.band < oh);
            for (p0, out) in (0..layout.flat).step_by(LANES).zip(flat.chunks_exact_mut(LANES)) {
                let mut acc = [bias; LANES];
                for (&off, &wt) in offsets.iter().zip(wc) {
                    let Some(src) = planes.get(p0 + off..p0 + off + LANES) else { return };
                    for (a, &v) in acc.iter_mut().zip(src) {
                        *a = wt.madd(v, *a);
                    }
                }
                out.copy_from_slice(&acc);
            }
            let run = &mut y[oy0 * ow..(oy0 + layout.band).min(oh) * ow];
            for (yrow, zrow) in run.chunks_exact_mut(ow.max(1)).zip(flat.chunks(layout.ws)) {
                copy_short(yrow, zrow);
            }
            if let Some(finish) = out.finish {
                finish(out.c0 + ci, out.at + ci * geo.out_size + oy0 * ow, run);
            }
        }
    }
}

/// One image of a depthwise convolution (`group == C == M`): for every kernel tap, the output
/// plane accumulates the weight times a shifted (strided) view of the input plane.
pub(super) fn depthwise<T: Float>(geo: &Geom, xb: &[T], w: &[T], yb: &mut [T]) {
    let d = geo.d;
    let (ol, _) = geo.rows();
    let sl = geo.stride[d - 1];
    let planes =
        xb.chunks_exact(geo.in_size.max(1)).zip(yb.chunks_exact_mut(geo.out_size)).zip(w.chunks_exact(geo.k_size));
    for ((plane, yp), wc) in planes {
        let mut kk = [0usize; CAP];
        for &wv in wc {
            let (shift, lo, hi) = geo.inner_range(kk[d - 1]);
            if lo < hi {
                let mut oc = [0usize; CAP];
                for yrow in yp.chunks_exact_mut(ol) {
                    if let Some(base) = geo.row_base(&oc, &kk) {
                        let start = base + shift;
                        if sl == 1 {
                            let s0 = (start + lo as isize) as usize;
                            for (o, &v) in yrow[lo..hi].iter_mut().zip(&plane[s0..s0 + (hi - lo)]) {
                                *o = *o + wv * v;
                            }
                        } else {
                            for (o, yv) in yrow[lo..hi].iter_mut().enumerate() {
                                *yv = *yv + wv * plane[(start + ((lo + o) * sl) as isize) as usize];
                            }
                        }
                    }
                    Geom::step(&mut oc, &geo.out_sp, d - 1);
                }
            }
            Geom::step(&mut kk, &geo.k_sp, d);
        }
    }
}
