//! 2-D convolutions that read their input in place of an im2col matrix: f32, one group,
//! strides of 1 or 2, no dilation, weights prepacked for the GEMM (`gemm/prepacked.rs`), on
//! x86-64 with AVX-512. Everything else keeps the im2col path (`im2col.rs`).
//!
//! Why: im2col writes `kh * kw` copies of the input and the GEMM reads them back. On a 3x3
//! stride-2 convolution over 16 channels (YOLO's 160x160 stage) the copy was a quarter of the
//! layer's time while the product ran at the register tile's peak.
//!
//! How: the zero-padded input is split once into its `sh * sw` stride phases; phase `(a, b)`
//! holds padded pixel `(sh*i + a, sw*j + b)` at `(i, j)`, in rows of `wq` values. Output
//! `(oy, ox)` then reads tap `(ci, ky, kx)` at flat position `p = oy*wq + ox` plus an offset
//! that depends on the tap alone (`koff`). So the product's right operand (row = tap, column =
//! flat position) is the phase buffer itself, read at `koff[k] + p`: the GEMM's tile (12
//! output channels by 32 positions, weights broadcast from their prepacked panels) runs with
//! one table load per step of `k` and no copy. Positions past a row's `ow` outputs (`wq - ow`
//! per row) are computed and dropped as the tile is stored.

use crate::kernels::epilogue::Post;
use crate::kernels::prepacked::{Panels, BLOCK_DEPTH, PANEL_ROWS};

/// Fewest taps (`c * kh * kw`) this path takes: a 3x3 kernel over 3 channels.
const MIN_TAPS: usize = 27;
/// Most taps the offset table on the stack holds.
const MAX_TAPS: usize = 4608;
/// Most floats of prepacked weights (512 KiB): every tile of positions reads all of them.
/// Larger ones were slower in their models than im2col, whose GEMM blocks them (ResNet-50's
/// 256 -> 256 channels, 3x3 stride 2: 1.49 -> 1.89 ms).
const MAX_WEIGHTS: usize = 1 << 17;
/// Floats of phase planes per band (256 KiB, a quarter of L2).
const BAND_FLOATS: usize = 1 << 16;
/// Positions per tile: two vectors.
const NR: usize = 32;
/// Least finished outputs per channel handed to the epilogue at once.
const POST_RUN: usize = 256;

/// A 2-D convolution's geometry, as this path needs it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shape {
    pub c: usize,
    pub ih: usize,
    pub iw: usize,
    pub m: usize,
    pub kh: usize,
    pub kw: usize,
    pub sh: usize,
    pub sw: usize,
    /// Leading (top, left) pads.
    pub pt: usize,
    pub pl: usize,
    pub oh: usize,
    pub ow: usize,
}

impl Shape {
    /// Output rows per band: the image goes in bands whose phase planes fit in L2 (split
    /// whole, a 16-channel 160x160 input's planes were 1.7 MB, and their writes and reads
    /// went to L3).
    fn band(&self) -> usize {
        let per_row = self.c * self.sh * self.sw * self.wq();
        (BAND_FLOATS / per_row.max(1)).saturating_sub((self.kh - 1) / self.sh).clamp(1, self.oh.max(1))
    }

    /// Rows and columns of one phase plane of a band: what its outputs' taps reach, no more.
    fn hq(&self) -> usize {
        self.band() + (self.kh - 1) / self.sh
    }

    fn wq(&self) -> usize {
        self.ow + (self.kw - 1) / self.sw
    }

    fn plane(&self) -> usize {
        self.hq() * self.wq()
    }

    fn taps(&self) -> usize {
        self.c * self.kh * self.kw
    }

    /// Floats of the phase buffer: the planes, then room for the last tile's reads past the
    /// last position (see `run`'s bound).
    pub fn scratch_len(&self) -> usize {
        self.c * self.sh * self.sw * self.plane() + NR + self.kw
    }

    /// Whether this path takes the convolution, on a CPU with AVX-512 (`run` checks the CPU;
    /// elsewhere the caller's im2col path runs). Shapes alone decide, so a plan (its scratch
    /// sizes, its choice against Winograd) is the same whichever machine builds it.
    pub fn takes(&self) -> bool {
        // At least one whole tile of positions: smaller outputs keep im2col's exact scratch.
        let sizes = self.c > 0
            && self.m > 0
            && self.kh > 0
            && self.kw > 0
            && self.ow > 0
            && self.sh > 0
            && self.oh * self.wq() >= NR;
        let strides = matches!(self.sh, 1 | 2) && matches!(self.sw, 1 | 2);
        // Few taps (a 3-channel first layer's 27) leave little work per stored tile: taken for
        // few output channels only (3 -> 16 on 320x320 at stride 2: 269 us through im2col, 219
        // here; 3 -> 32 on 224x224 even; 3 -> 64 335 vs 345).
        let work = (MIN_TAPS..=MAX_TAPS).contains(&self.taps()) && (self.taps() >= 32 || self.m <= 32);
        // A 1x1 kernel (strided, or it would be pointwise) reads a quarter of the input once:
        // im2col's copy is as cheap as the split (256 -> 512 channels on 56x56: 981 us
        // through im2col, 1161 here).
        let window = self.kh * self.kw > 1;
        sizes
            && strides
            && window
            && work
            && self.m * self.taps() <= MAX_WEIGHTS
            && u32::try_from(self.scratch_len()).is_ok()
    }
}

fn avx512() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx512f")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// One image: `x` its input (`c x ih x iw`), `w` the prepacked `m x taps` weights, `y` its
/// output (`m x oh x ow`), which starts at element `at` of the whole output (for `post`).
/// `false` (nothing written) where [`Shape::takes`] refuses, the CPU has no AVX-512 or
/// `scratch` is too short.
#[allow(clippy::too_many_arguments)]
pub(crate) fn run(
    s: &Shape,
    x: &[f32],
    w: &[f32],
    bias: Option<&[f32]>,
    y: &mut [f32],
    scratch: &mut [f32],
    post: Option<&dyn Post>,
    at: usize,
) -> bool {
    let fits = x.len() == s.c * s.ih * s.iw
        && y.len() == s.m * s.oh * s.ow
        && w.len() == crate::kernels::prepacked::packed_len(s.m, s.taps())
        && bias.is_none_or(|b| b.len() >= s.m);
    if !fits || !s.takes() || !avx512() || scratch.len() < s.scratch_len() {
        return false;
    }
    // The offset table on the stack, no larger than the taps need: zeroing the largest
    // (18 KiB) cost a small convolution (KWS's 40-tap first layer, 6 us) a twentieth of
    // its time.
    match s.taps() {
        0..=64 => run_with::<64>(s, x, w, bias, y, scratch, post, at),
        65..=576 => run_with::<576>(s, x, w, bias, y, scratch, post, at),
        _ => run_with::<MAX_TAPS>(s, x, w, bias, y, scratch, post, at),
    }
    true
}

/// [`run`] with an offset table of `N >= taps` entries.
#[allow(clippy::too_many_arguments)]
fn run_with<const N: usize>(
    s: &Shape,
    x: &[f32],
    w: &[f32],
    bias: Option<&[f32]>,
    y: &mut [f32],
    scratch: &mut [f32],
    post: Option<&dyn Post>,
    at: usize,
) {
    let buf = &mut scratch[..s.scratch_len()];
    let (wq, plane, taps) = (s.wq(), s.plane(), s.taps().min(N));
    let mut koff = [0u32; N];
    for (k, off) in koff.iter_mut().enumerate().take(taps) {
        let (ci, ky, kx) = (k / (s.kh * s.kw), k / s.kw % s.kh, k % s.kw);
        let phase = (ci * s.sh + ky % s.sh) * s.sw + kx % s.sw;
        // Fits u32: below scratch_len (checked by `takes`).
        *off = (phase * plane + ky / s.sh * wq + kx / s.sw) as u32;
    }
    // Reads reach at most koff + (last tile's first position) + NR - 1 < c*sh*sw*plane
    // + (kw - 1)/sw + NR: inside `buf` (scratch_len).
    let (band, threads) = (s.band(), crate::threads::threads());
    let y = OutPtr(y.as_mut_ptr());
    for oy0 in (0..s.oh).step_by(band) {
        let rows = band.min(s.oh - oy0);
        split_phases(s, x, buf, oy0);
        let job = Job { s, w, bias, koff: &koff[..taps], buf, y, post, at, oy0 };
        let rows_per = rows.div_ceil(threads.max(1)).max(1);
        crate::threads::parallel_for(rows.div_ceil(rows_per), &|part| {
            let rows = oy0 + part * rows_per..(oy0 + (part + 1) * rows_per).min(oy0 + rows);
            // SAFETY: AVX-512F is present (`takes`); parts own disjoint rows of every channel.
            #[cfg(target_arch = "x86_64")]
            unsafe {
                job.rows(rows)
            };
            #[cfg(not(target_arch = "x86_64"))]
            let _ = rows;
        });
    }
}

/// Writes the zero-padded input's stride phases for the band of output rows from `oy0` into
/// `buf` (`c * sh * sw` planes of `hq x wq`, plane row `i` being phase row `oy0 + i`).
fn split_phases(s: &Shape, x: &[f32], buf: &mut [f32], oy0: usize) {
    let (hq, wq, plane) = (s.hq(), s.wq(), s.plane());
    let per_channel = s.sh * s.sw * plane;
    crate::threads::for_each_chunk(&mut buf[..s.c * per_channel], s.c, per_channel, 1, &|c0, part| {
        for (ci, planes) in part.chunks_exact_mut(per_channel).enumerate() {
            let xc = &x[(c0 + ci) * s.ih * s.iw..][..s.ih * s.iw];
            for (phase, pl) in planes.chunks_exact_mut(plane).enumerate() {
                let (a, b) = (phase / s.sw, phase % s.sw);
                // No tap reads this phase (a 1x1 stride-2 kernel reads only the first).
                if a >= s.kh || b >= s.kw {
                    continue;
                }
                // Columns j whose padded column sw*j + b is an input column.
                let lo = s.pl.saturating_sub(b).div_ceil(s.sw).min(wq);
                let hi = (s.iw + s.pl - b).div_ceil(s.sw).clamp(lo, wq);
                for (i, row) in pl.chunks_exact_mut(wq).enumerate().take(hq) {
                    let iy = ((oy0 + i) * s.sh + a).checked_sub(s.pt).filter(|&iy| iy < s.ih);
                    let Some(iy) = iy.filter(|_| lo < hi) else {
                        row.fill(0.0);
                        continue;
                    };
                    // Padding: a few values each side, set in a loop (not a call).
                    row[..lo].iter_mut().for_each(|v| *v = 0.0);
                    row[hi..].iter_mut().for_each(|v| *v = 0.0);
                    let (src, n) = (&xc[iy * s.iw + lo * s.sw + b - s.pl..], hi - lo);
                    if s.sw == 1 {
                        row[lo..hi].copy_from_slice(&src[..n]);
                    } else {
                        crate::kernels::copies::every_other(&mut row[lo..hi], &src[..2 * n - 1]);
                    }
                }
            }
        }
    });
}

/// Lanes of a tile's vector that go to one output row: `mask`, and the index (in a channel's
/// plane) that lane 0 would have.
#[derive(Clone, Copy)]
struct Segment {
    mask: u16,
    lane0: isize,
}

/// Where a tile's rows go: output channels `first..first + valid`, each vector by its
/// segments.
struct Store<'a> {
    segs: [&'a [Segment]; 2],
    first: usize,
    valid: usize,
    out_plane: usize,
    /// `(lo, hi)` of a clip epilogue, applied before the stores.
    clamp: Option<(f32, f32)>,
}

/// The output, written by parts that own disjoint rows of every channel.
#[derive(Clone, Copy)]
struct OutPtr(*mut f32);
// SAFETY: parts write disjoint elements (their own output rows), and `run` outlives them.
unsafe impl Send for OutPtr {}
unsafe impl Sync for OutPtr {}

struct Job<'a> {
    s: &'a Shape,
    w: &'a [f32],
    bias: Option<&'a [f32]>,
    koff: &'a [u32],
    buf: &'a [f32],
    y: OutPtr,
    post: Option<&'a dyn Post>,
    at: usize,
    /// The band's first output row: position `p` is output `(oy0 + p / wq, p % wq)`.
    oy0: usize,
}

impl Job<'_> {
    /// Output rows `rows` of every channel: tiles of flat positions, each through every panel
    /// of the weights, stored row run by row run; the epilogue on rows as they finish.
    ///
    /// # Safety
    /// AVX-512F; no other thread writes these rows.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn rows(&self, rows: core::ops::Range<usize>) {
        let s = self.s;
        let (wq, out_plane) = (s.wq(), s.oh * s.ow);
        let panels = Panels::of(s.m);
        let (p_end, mut posted) = ((rows.end - self.oy0) * wq, rows.start);
        // A clip epilogue is applied by the stores, the others on finished rows.
        let clamp = self.post.and_then(|p| p.clamp());
        let post = self.post.filter(|_| clamp.is_none());
        for p0 in ((rows.start - self.oy0) * wq..p_end).step_by(NR) {
            let end = (p0 + NR).min(p_end);
            // Each vector's lanes by output row: a mask and the output index of lane 0.
            let mut segs = [[Segment { mask: 0, lane0: 0 }; 16]; 2];
            let mut counts = [0usize; 2];
            let mut p = p0;
            while p < end {
                let (row, ox) = (p / wq, p % wq);
                if ox >= s.ow {
                    p = (row + 1) * wq;
                    continue;
                }
                let stop = end.min(row * wq + s.ow);
                // Position p' of this row is output (oy0 + row) * ow + p' - row * wq.
                let shift = ((self.oy0 + row) * s.ow) as isize - (row * wq) as isize;
                while p < stop {
                    let v = (p - p0) / 16;
                    let (lane, upto) = ((p - p0) % 16, stop.min(p0 + 16 * (v + 1)) - p0 - 16 * v);
                    let mask = (((1u32 << upto) - 1) & !((1u32 << lane) - 1)) as u16;
                    segs[v][counts[v]] = Segment { mask, lane0: (p0 + 16 * v) as isize + shift };
                    counts[v] += 1;
                    p = p0 + 16 * v + upto;
                }
            }
            let segs = [&segs[0][..counts[0]], &segs[1][..counts[1]]];
            for q in 0..panels.full + usize::from(panels.tail > 0) {
                let valid = if q < panels.full { PANEL_ROWS } else { panels.tail };
                let out = Store { segs, first: q * PANEL_ROWS, valid, out_plane, clamp };
                // SAFETY: AVX-512F (the caller's); reads inside `buf` (bound in `run`); the
                // segments' lanes are outputs of this part's rows.
                unsafe {
                    if q == panels.full && panels.tail_width == 4 {
                        self.tile::<4>(&panels, q, p0, &out);
                    } else if valid <= 8 {
                        // A padded last panel of 5-8 rows: no products for its zero rows.
                        self.tile::<8>(&panels, q, p0, &out);
                    } else {
                        self.tile::<PANEL_ROWS>(&panels, q, p0, &out);
                    }
                }
            }
            // Rows whose outputs are all stored now, to the epilogue in runs of at least
            // POST_RUN outputs per channel (or the part's last rows).
            if let Some(post) = post {
                let done = if end == p_end { rows.end } else { (self.oy0 + end / wq).max(posted) };
                if done > posted && ((done - posted) * s.ow >= POST_RUN || done == rows.end) {
                    for co in 0..s.m {
                        let from = co * out_plane + posted * s.ow;
                        // SAFETY: rows posted..done of channel co belong to this part.
                        let run =
                            unsafe { core::slice::from_raw_parts_mut(self.y.0.add(from), (done - posted) * s.ow) };
                        post.apply(run, co, self.at + from);
                    }
                    posted = done;
                }
            }
        }
    }

    /// Panel `q`'s `MR` output channels (a narrow last panel: 4) at the 32 flat positions from
    /// `p0`, plus the bias, stored from the registers by `out`'s segments.
    ///
    /// # Safety
    /// AVX-512F; `koff[k] + p0 + NR` is inside `buf` for every tap (as `run` checks); every
    /// segment's lanes are outputs no other thread writes.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn tile<const MR: usize>(&self, panels: &Panels, q: usize, p0: usize, out: &Store) {
        use core::arch::x86_64::*;
        let (taps, stored) = (self.koff.len(), panels.stored_rows());
        let width = if q < panels.full { PANEL_ROWS } else { panels.tail_width };
        let mut acc = [[_mm512_setzero_ps(); 2]; MR];
        let b = self.buf.as_ptr().wrapping_add(p0);
        for k0 in (0..taps).step_by(BLOCK_DEPTH) {
            let kc = BLOCK_DEPTH.min(taps - k0);
            let block = &self.w[k0 * stored + q * PANEL_ROWS * kc..][..kc * width];
            for (a, &off) in block.chunks_exact(width).zip(&self.koff[k0..k0 + kc]) {
                // A fixed-size view, so the row loop unrolls and `acc` stays in registers.
                let Some(a) = a.first_chunk::<MR>() else { return };
                // The next tile's values of this tap: the taps' rows are too many streams for
                // the hardware prefetcher.
                _mm_prefetch::<_MM_HINT_T0>(b.wrapping_add(off as usize + NR + 16) as *const i8);
                // SAFETY: as the function's contract.
                let (b0, b1) =
                    unsafe { (_mm512_loadu_ps(b.add(off as usize)), _mm512_loadu_ps(b.add(off as usize + 16))) };
                for (acc_r, &a_r) in acc.iter_mut().zip(a) {
                    let av = _mm512_set1_ps(a_r);
                    acc_r[0] = _mm512_fmadd_ps(av, b0, acc_r[0]);
                    acc_r[1] = _mm512_fmadd_ps(av, b1, acc_r[1]);
                }
            }
        }
        let (lo, hi) = out.clamp.unwrap_or((f32::NEG_INFINITY, f32::INFINITY));
        let (lo, hi) = (_mm512_set1_ps(lo), _mm512_set1_ps(hi));
        for (r, acc_r) in acc.iter().enumerate().take(out.valid) {
            let co = out.first + r;
            let bias = _mm512_set1_ps(self.bias.map_or(0.0, |b| b[co]));
            let plane = self.y.0.wrapping_add(co * out.out_plane);
            for (&acc_v, segs) in acc_r.iter().zip(out.segs) {
                let mut sum = _mm512_add_ps(acc_v, bias);
                if out.clamp.is_some() {
                    // `epilogue::clip_steps`, NaN kept (as the GEMM's tiles do).
                    sum = _mm512_min_ps(hi, _mm512_max_ps(lo, sum));
                }
                for seg in segs {
                    // SAFETY: the segment's lanes are outputs of channel co (the caller's);
                    // masked-off lanes are not accessed.
                    unsafe { _mm512_mask_storeu_ps(plane.wrapping_offset(seg.lane0), seg.mask, sum) };
                }
            }
        }
    }
}
