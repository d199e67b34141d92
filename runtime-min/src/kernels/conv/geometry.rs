//! A convolution's resolved geometry ([`Geom`]: extents, strides, pads per spatial axis) and
//! the choices made from shapes alone: which path runs (pointwise, depthwise, phased, im2col),
//! how large the im2col tiles are and how much scratch a call needs. Shared by the entry points
//! (`entry.rs`), the im2col and depthwise paths; pooling (`pool/`) shares its attribute rule, [`param`].

use super::ConvParams;
use crate::kernels::nd::{check_len, numel, CAP};
use crate::Error;

/// Target size of the im2col buffer, in elements (1 MiB of f32): the column matrix stays in L2
/// between im2col writing it and the GEMM reading it, where a larger one went out to memory
/// and back (ResNet's 56x56 3x3 convolutions ran at 73 GFLOP/s instead of 82).
const SCRATCH_BUDGET: usize = 1 << 18;
/// Fewest GEMM columns per im2col tile where the output has them: below this a deep `k`
/// (a 3x3 conv over 256 channels) pays for repacking the weights per tile.
const MIN_TILE_COLS: usize = 512;

/// Resolved geometry of one convolution.
pub(super) struct Geom {
    pub(super) d: usize,
    pub(super) n: usize,
    pub(super) c: usize,
    pub(super) m: usize,
    pub(super) g: usize,
    pub(super) cg: usize,
    pub(super) mg: usize,
    pub(super) in_sp: [usize; CAP],
    pub(super) in_stride: [usize; CAP],
    pub(super) k_sp: [usize; CAP],
    pub(super) out_sp: [usize; CAP],
    pub(super) stride: [usize; CAP],
    pub(super) dil: [usize; CAP],
    pub(super) pad_b: [usize; CAP],
    pub(super) in_size: usize,
    pub(super) k_size: usize,
    pub(super) out_size: usize,
}

/// ONNX's attribute default: entry `j` of `s`, or `default` where the attribute is absent
/// (empty). Shared with pooling.
#[inline]
pub(crate) fn param(s: &[usize], j: usize, default: usize) -> usize {
    if s.is_empty() {
        default
    } else {
        s[j]
    }
}

impl Geom {
    pub(super) fn new(x_shape: &[usize], w_shape: &[usize], y_shape: &[usize], p: &ConvParams) -> Result<Self, Error> {
        let r = x_shape.len();
        if r < 3 || r - 2 > CAP || w_shape.len() != r || y_shape.len() != r {
            return Err(Error::Layout("conv: x, w and y must all be [_, _, spatial...] of one rank"));
        }
        let d = r - 2;
        let bad_len = |s: &[usize], n: usize| !s.is_empty() && s.len() != n;
        if bad_len(p.strides, d) || bad_len(p.dilations, d) || bad_len(p.pads, 2 * d) {
            return Err(Error::Layout("conv: parameter lengths do not match the spatial rank"));
        }
        let (n, c, m, g) = (x_shape[0], x_shape[1], w_shape[0], p.group);
        if g == 0 || c % g != 0 || m % g != 0 || w_shape[1] * g != c || y_shape[0] != n || y_shape[1] != m {
            return Err(Error::Layout("conv: channel counts and group do not agree"));
        }
        let mut geo = Geom {
            d,
            n,
            c,
            m,
            g,
            cg: c / g,
            mg: m / g,
            in_sp: [0; CAP],
            in_stride: [0; CAP],
            k_sp: [0; CAP],
            out_sp: [0; CAP],
            stride: [0; CAP],
            dil: [0; CAP],
            pad_b: [0; CAP],
            in_size: numel(&x_shape[2..])?,
            k_size: numel(&w_shape[2..])?,
            out_size: numel(&y_shape[2..])?,
        };
        for j in 0..d {
            let (i, k, o) = (x_shape[2 + j], w_shape[2 + j], y_shape[2 + j]);
            let (s, dl) = (param(p.strides, j, 1), param(p.dilations, j, 1));
            let (pb, pe) = (param(p.pads, j, 0), param(p.pads, d + j, 0));
            let limit = (isize::MAX as usize) >> 16;
            if [i, k, o, s, dl, pb, pe].iter().any(|&v| v > limit) || k == 0 || s == 0 || dl == 0 {
                return Err(Error::Layout("conv: kernel, strides and dilations must be positive and extents sane"));
            }
            let span = (k - 1) * dl + 1;
            let ok = i + pb + pe >= span && (i + pb + pe - span) / s + 1 == o;
            if !ok {
                return Err(Error::Layout("conv: output extent does not match input, kernel and pads"));
            }
            geo.in_sp[j] = i;
            geo.in_stride[j] = x_shape[3 + j..].iter().product();
            geo.k_sp[j] = k;
            geo.out_sp[j] = o;
            geo.stride[j] = s;
            geo.dil[j] = dl;
            geo.pad_b[j] = pb;
        }
        Ok(geo)
    }

    #[inline]
    pub(super) fn pointwise(&self) -> bool {
        (0..self.d).all(|j| self.k_sp[j] == 1 && self.stride[j] == 1 && self.pad_b[j] == 0)
            && self.in_size == self.out_size
    }

    #[inline]
    pub(super) fn depthwise(&self) -> bool {
        self.g == self.c && self.m == self.c
    }

    /// Rows of the im2col matrix (and columns of a group's weight matrix).
    #[inline]
    pub(super) fn kdim(&self) -> usize {
        self.cg * self.k_size
    }

    /// Output extent along the innermost spatial axis, and the number of positions of the
    /// outer spatial axes (the im2col tiles are whole innermost rows).
    #[inline]
    pub(super) fn rows(&self) -> (usize, usize) {
        let ol = self.out_sp[self.d - 1];
        (ol, self.out_size.checked_div(ol).unwrap_or(0))
    }

    /// Outer positions per im2col tile.
    #[inline]
    pub(super) fn tile(&self) -> usize {
        let (ol, n_outer) = self.rows();
        let per_row = self.kdim().saturating_mul(ol).max(1);
        (SCRATCH_BUDGET / per_row).max(MIN_TILE_COLS.div_ceil(ol.max(1))).clamp(1, n_outer.max(1))
    }

    pub(super) fn scratch_len(&self) -> usize {
        if self.pointwise() || self.depthwise() || self.out_size == 0 {
            return 0;
        }
        // Enough for either path: which one runs is decided per call, by the CPU.
        let phased = self.phased().map_or(0, |s| s.scratch_len());
        (self.kdim() * self.tile() * self.rows().0).max(phased)
    }

    /// Enough scratch for these shapes and any smaller spatial sizes with the same channels
    /// and window. The exact need does not grow with the sizes (the im2col tile is fitted to
    /// each), so this bounds each path: an im2col tile holds at most `SCRATCH_BUDGET` elements
    /// or `MIN_TILE_COLS` columns rounded up to whole rows, and never more than the whole
    /// matrix; the im2col-free path's planes grow with the sizes.
    pub(super) fn scratch_bound(&self) -> usize {
        if self.pointwise() || self.depthwise() || self.out_size == 0 {
            return 0;
        }
        let (ol, _) = self.rows();
        let tile_bound = SCRATCH_BUDGET.max(self.kdim().saturating_mul(MIN_TILE_COLS + ol));
        let im2col = self.kdim().saturating_mul(self.out_size).min(tile_bound);
        let phased = self.phased().map_or(0, |s| s.scratch_len());
        im2col.max(phased).max(self.scratch_len())
    }

    /// The geometry for `conv_phased`, where that path takes the convolution.
    pub(super) fn phased(&self) -> Option<super::phased::Shape> {
        if self.d != 2 || self.g != 1 || self.dil[..2] != [1, 1] || self.pointwise() {
            return None;
        }
        let s = super::phased::Shape {
            c: self.c,
            ih: self.in_sp[0],
            iw: self.in_sp[1],
            m: self.m,
            kh: self.k_sp[0],
            kw: self.k_sp[1],
            sh: self.stride[0],
            sw: self.stride[1],
            pt: self.pad_b[0],
            pl: self.pad_b[1],
            oh: self.out_sp[0],
            ow: self.out_sp[1],
        };
        s.takes().then_some(s)
    }

    /// For kernel index `k` along the innermost axis: the input offset shift `k*dil - pad` and
    /// the range `lo..hi` of innermost output positions that read inside the input.
    #[inline]
    pub(super) fn inner_range(&self, k: usize) -> (isize, usize, usize) {
        let j = self.d - 1;
        let s = self.stride[j] as isize;
        let shift = (k * self.dil[j]) as isize - self.pad_b[j] as isize;
        let size = self.in_sp[j] as isize;
        let ol = self.out_sp[j] as isize;
        let lo = if shift >= 0 { 0 } else { (-shift + s - 1) / s };
        let hi = if size - shift <= 0 { 0 } else { ((size - shift + s - 1) / s).min(ol) };
        (shift, lo.min(hi) as usize, hi as usize)
    }

    /// Input offset of the start of the innermost row read by kernel tap `kk` at outer output
    /// position `oc`, or `None` if that row lies in the padding.
    #[inline]
    pub(super) fn row_base(&self, oc: &[usize; CAP], kk: &[usize; CAP]) -> Option<isize> {
        let mut base = 0isize;
        for j in 0..self.d - 1 {
            let i = (oc[j] * self.stride[j] + kk[j] * self.dil[j]) as isize - self.pad_b[j] as isize;
            if i < 0 || i >= self.in_sp[j] as isize {
                return None;
            }
            base += i * self.in_stride[j] as isize;
        }
        Some(base)
    }

    /// Advances `idx` over `dims[..len]` in row-major order.
    #[inline]
    pub(super) fn step(idx: &mut [usize; CAP], dims: &[usize; CAP], len: usize) {
        for j in (0..len).rev() {
            idx[j] += 1;
            if idx[j] < dims[j] {
                return;
            }
            idx[j] = 0;
        }
    }
}

/// Elements of scratch [`conv`](super::conv) needs for these shapes: 0 for pointwise and depthwise
/// convolutions (and for shapes `conv` would reject).
pub fn conv_scratch_len(x_shape: &[usize], w_shape: &[usize], y_shape: &[usize], p: &ConvParams) -> usize {
    Geom::new(x_shape, w_shape, y_shape, p).map(|g| g.scratch_len()).unwrap_or(0)
}

/// Elements of scratch [`conv`](super::conv) needs for these shapes or any smaller spatial
/// sizes (the same channels and window): the compiler plans a symbolic image size with it,
/// at the size's bound.
pub fn conv_scratch_bound(x_shape: &[usize], w_shape: &[usize], y_shape: &[usize], p: &ConvParams) -> usize {
    Geom::new(x_shape, w_shape, y_shape, p).map(|g| g.scratch_bound()).unwrap_or(0)
}

/// Whether a 3x3 convolution the Winograd path could take is faster through the im2col-free
/// path (`conv_phased`, on AVX-512; shapes alone decide, so plans do not depend on the
/// machine that builds them) with prepacked weights: on few input channels, where
/// Winograd's transforms weigh more than its saved products (16 -> 16 channels on 80x80:
/// 195 us Winograd, 163 us phased; 32 -> 32 on 40x40 ties). The compiler asks at build time.
pub fn phased_beats_winograd(x_shape: &[usize], w_shape: &[usize], y_shape: &[usize], p: &ConvParams) -> bool {
    Geom::new(x_shape, w_shape, y_shape, p).is_ok_and(|g| g.cg <= PHASED_OVER_WINOGRAD_CHANNELS && g.phased().is_some())
}

/// Most input channels for which [`phased_beats_winograd`].
const PHASED_OVER_WINOGRAD_CHANNELS: usize = 16;

/// Checks a convolution's operands against their shapes and resolves its geometry.
#[allow(clippy::too_many_arguments)]
pub(super) fn checked_geom(
    x_len: usize,
    x_shape: &[usize],
    w_shape: &[usize],
    bias_len: Option<usize>,
    p: &ConvParams,
    y_len: usize,
    y_shape: &[usize],
    scratch_len: usize,
) -> Result<Geom, Error> {
    check_len(x_len, x_shape, "conv: input length does not match its shape")?;
    check_len(y_len, y_shape, "conv: output length does not match its shape")?;
    let geo = Geom::new(x_shape, w_shape, y_shape, p)?;
    if bias_len.is_some_and(|b| b != geo.m) {
        return Err(Error::Layout("conv: bias length differs from the output channels"));
    }
    if scratch_len < geo.scratch_len() {
        return Err(Error::Layout("conv: scratch smaller than conv_scratch_len"));
    }
    Ok(geo)
}
