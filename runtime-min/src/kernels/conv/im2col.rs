//! The pointwise and im2col paths: per group (and per tile of output rows) a column matrix
//! (`im2col`, or the input itself for a pointwise convolution), then one GEMM into the group's
//! output rows. The GEMM is the caller's (plain or prepacked weights), passed as [`GroupGemm`].

use super::geometry::Geom;
use crate::kernels::copies::every_other;
use crate::kernels::matmul::MatLayout;
use crate::kernels::nd::CAP;
use crate::scalar::Float;
use crate::Error;

/// One group's product: `gemm(group, cols, cols_layout, y, y_layout, at)` writes `y`'s rows of
/// the group from its column matrix (a weights-times-columns product); `y` starts at element
/// `at` of the image's output.
pub(super) type GroupGemm<'a, T> =
    dyn Fn(usize, &[T], MatLayout, &mut [T], MatLayout, usize) -> Result<(), Error> + Sync + 'a;

/// One image through the pointwise or im2col path: per group (and im2col tile) the column
/// matrix, then `gemm` into the group's rows of `yb`.
pub(super) fn grouped<T: Float + Send + Sync>(
    geo: &Geom,
    xb: &[T],
    yb: &mut [T],
    scratch: &mut [T],
    gemm: &GroupGemm<T>,
) -> Result<(), Error> {
    let (kdim, mg, cg) = (geo.kdim(), geo.mg, geo.cg);
    let (ol, n_outer) = geo.rows();
    let tile = geo.tile();
    for gi in 0..geo.g {
        let xg = &xb[gi * cg * geo.in_size..(gi + 1) * cg * geo.in_size];
        let yg = &mut yb[gi * mg * geo.out_size..(gi + 1) * mg * geo.out_size];
        if geo.pointwise() {
            gemm(
                gi,
                xg,
                MatLayout::row_major(cg, geo.in_size),
                yg,
                MatLayout::row_major(mg, geo.out_size),
                gi * mg * geo.out_size,
            )?;
            continue;
        }
        for t0 in (0..n_outer).step_by(tile) {
            let t1 = (t0 + tile).min(n_outer);
            let pt = (t1 - t0) * ol;
            let col = &mut scratch[..kdim * pt];
            im2col(geo, xg, t0, t1, col);
            let yl = MatLayout { rows: mg, cols: pt, rs: geo.out_size, cs: 1 };
            gemm(gi, col, MatLayout::row_major(kdim, pt), &mut yg[t0 * ol..], yl, gi * mg * geo.out_size + t0 * ol)?;
        }
    }
    Ok(())
}

/// Writes the im2col matrix of one group for outer output positions `t0..t1`: row
/// `(c, kernel tap)`, column `(outer position, innermost position)`; padding reads as zero.
/// Large matrices are written by all threads, each a band of rows.
pub(super) fn im2col<T: Copy + Default + Send + Sync>(geo: &Geom, xg: &[T], t0: usize, t1: usize, col: &mut [T]) {
    let pt = (t1 - t0) * geo.rows().0;
    let rows = geo.kdim();
    if crate::threads::threads() > 1 && rows * pt >= 1 << 15 {
        crate::threads::for_each_chunk(&mut col[..rows * pt], rows, pt, 1, &|r0, band| {
            im2col_rows(geo, xg, t0, t1, r0, band)
        });
    } else {
        im2col_rows(geo, xg, t0, t1, 0, col);
    }
}

/// Rows `r0..` of [`im2col`]'s matrix, as many as `col` holds.
#[inline(never)]
fn im2col_rows<T: Copy + Default>(geo: &Geom, xg: &[T], t0: usize, t1: usize, r0: usize, col: &mut [T]) {
    let d = geo.d;
    let (ol, _) = geo.rows();
    let pt = (t1 - t0) * ol;
    // Outer coordinates of position t0.
    let mut oc0 = [0usize; CAP];
    let mut rem = t0;
    for j in (0..d - 1).rev() {
        oc0[j] = rem % geo.out_sp[j];
        rem /= geo.out_sp[j];
    }
    for (i, dst) in col.chunks_exact_mut(pt.max(1)).enumerate() {
        // Row r0 + i: input channel c, kernel tap kk.
        let (c, tap) = ((r0 + i) / geo.k_size.max(1), (r0 + i) % geo.k_size.max(1));
        if c >= geo.cg {
            return;
        }
        let plane = &xg[c * geo.in_size..(c + 1) * geo.in_size];
        let mut kk = [0usize; CAP];
        let mut rem = tap;
        for j in (0..d).rev() {
            kk[j] = rem % geo.k_sp[j];
            rem /= geo.k_sp[j];
        }
        let row = Segment::new(geo, kk[d - 1]);
        if d == 2 {
            // A 2-D map (nearly every convolution): the row read is direct arithmetic, which
            // matters on narrow maps (a 25x5 output has 5-float segments, 1000 per matrix).
            let (ky, s0, p0) = ((kk[0] * geo.dil[0]) as isize, geo.stride[0] as isize, geo.pad_b[0] as isize);
            for (t, seg) in (t0..).zip(dst.chunks_exact_mut(ol)) {
                let iy = t as isize * s0 + ky - p0;
                let base = (0..geo.in_sp[0] as isize).contains(&iy).then(|| iy * geo.in_stride[0] as isize);
                row.fill(seg, plane, base);
            }
        } else {
            let mut oc = oc0;
            for seg in dst.chunks_exact_mut(ol) {
                row.fill(seg, plane, geo.row_base(&oc, &kk));
                Geom::step(&mut oc, &geo.out_sp, d - 1);
            }
        }
    }
}

/// One im2col row's reads along the innermost axis for one kernel tap: the input offset
/// `shift` of output position 0, the range `lo..hi` of positions that read inside the input,
/// and the stride.
struct Segment {
    shift: isize,
    lo: usize,
    hi: usize,
    stride: usize,
}

impl Segment {
    fn new(geo: &Geom, k: usize) -> Self {
        let (shift, lo, hi) = geo.inner_range(k);
        Segment { shift, lo, hi, stride: geo.stride[geo.d - 1] }
    }

    /// Writes one output row's segment: the input row starting at `base` (`None`: a row in
    /// the padding) read at this tap, zeros where it reads padding.
    #[inline(always)]
    fn fill<T: Copy + Default>(&self, seg: &mut [T], plane: &[T], base: Option<isize>) {
        let Segment { shift, lo, hi, stride } = *self;
        let zero = T::default();
        let Some(base) = base.filter(|_| lo < hi) else {
            seg.fill(zero);
            return;
        };
        // Most segments read no padding: no call to fill nothing.
        if lo > 0 {
            seg[..lo].fill(zero);
        }
        if hi < seg.len() {
            seg[hi..].fill(zero);
        }
        let s0 = (base + shift + (lo * stride) as isize) as usize;
        let (dst, n) = (&mut seg[lo..hi], hi - lo);
        if n <= 16 {
            // A short run: a plain loop, not a call to memcpy or the pair copy.
            for (o, v) in dst.iter_mut().enumerate() {
                *v = plane[s0 + o * stride];
            }
        } else if stride == 1 {
            dst.copy_from_slice(&plane[s0..s0 + n]);
        } else if stride == 2 {
            every_other(dst, &plane[s0..s0 + 2 * n - 1]);
        } else {
            for (o, v) in dst.iter_mut().enumerate() {
                *v = plane[s0 + o * stride];
            }
        }
    }
}
