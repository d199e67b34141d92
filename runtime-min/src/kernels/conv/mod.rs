//! ONNX `Conv` over any number of spatial axes, grouped, strided, dilated and padded.
//!
//! Three paths, chosen from the shapes alone:
//! - pointwise (every kernel extent 1, stride 1, no pads): the input already is the GEMM
//!   operand, so each group is one matrix product and no scratch is needed;
//! - depthwise (`group == C == M`), no scratch: f32 2-D ones with square 3/5/7 kernels at
//!   stride 1 or 2 in AVX-512 registers (`depthwise.rs`); other 2-D ones through stride phase
//!   planes ([`depthwise_2d`]); any other rank as a shift-and-add per kernel tap;
//! - otherwise im2col + GEMM per group, tiled over output rows so the column matrix stays
//!   within `SCRATCH_BUDGET` elements ([`conv_scratch_len`] gives the exact size).
//!
//! The bias is written into the output first and the GEMM accumulates onto it (`beta = 1`),
//! which saves a pass over the output. [`conv_prepacked`] takes f32 weights the compiler
//! packed at build time for the GEMM's register tiles (`prepacked.rs`); its GEMM adds the bias
//! as it stores the products.

mod depthwise_avx512;
mod phased;
pub mod transpose;
pub mod winograd;

use crate::kernels::copies::{copy_short, every_other};
use crate::kernels::matmul::{MatLayout, MatMulElem};
use crate::kernels::nd::{check_len, numel, CAP};
use crate::scalar::Float;
use crate::Error;

/// Target size of the im2col buffer, in elements (1 MiB of f32): the column matrix stays in L2
/// between im2col writing it and the GEMM reading it, where a larger one went out to memory
/// and back (ResNet's 56x56 3x3 convolutions ran at 73 GFLOP/s instead of 82).
const SCRATCH_BUDGET: usize = 1 << 18;
/// Fewest GEMM columns per im2col tile where the output has them: below this a deep `k`
/// (a 3x3 conv over 256 channels) pays for repacking the weights per tile.
const MIN_TILE_COLS: usize = 512;

/// Convolution attributes, one entry per spatial axis (pads: all begins, then all ends).
/// Empty `strides`/`dilations`/`pads` mean 1, 1 and 0.
#[derive(Clone, Copy, Debug)]
pub struct ConvParams<'a> {
    pub group: usize,
    pub strides: &'a [usize],
    pub dilations: &'a [usize],
    pub pads: &'a [usize],
}

/// Resolved geometry of one convolution.
struct Geom {
    d: usize,
    n: usize,
    c: usize,
    m: usize,
    g: usize,
    cg: usize,
    mg: usize,
    in_sp: [usize; CAP],
    in_stride: [usize; CAP],
    k_sp: [usize; CAP],
    out_sp: [usize; CAP],
    stride: [usize; CAP],
    dil: [usize; CAP],
    pad_b: [usize; CAP],
    in_size: usize,
    k_size: usize,
    out_size: usize,
}

fn param(s: &[usize], j: usize, default: usize) -> usize {
    if s.is_empty() {
        default
    } else {
        s[j]
    }
}

impl Geom {
    fn new(x_shape: &[usize], w_shape: &[usize], y_shape: &[usize], p: &ConvParams) -> Result<Self, Error> {
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

    fn pointwise(&self) -> bool {
        (0..self.d).all(|j| self.k_sp[j] == 1 && self.stride[j] == 1 && self.pad_b[j] == 0)
            && self.in_size == self.out_size
    }

    fn depthwise(&self) -> bool {
        self.g == self.c && self.m == self.c
    }

    /// Rows of the im2col matrix (and columns of a group's weight matrix).
    fn kdim(&self) -> usize {
        self.cg * self.k_size
    }

    /// Output extent along the innermost spatial axis, and the number of positions of the
    /// outer spatial axes (the im2col tiles are whole innermost rows).
    fn rows(&self) -> (usize, usize) {
        let ol = self.out_sp[self.d - 1];
        (ol, self.out_size.checked_div(ol).unwrap_or(0))
    }

    /// Outer positions per im2col tile.
    fn tile(&self) -> usize {
        let (ol, n_outer) = self.rows();
        let per_row = self.kdim().saturating_mul(ol).max(1);
        (SCRATCH_BUDGET / per_row).max(MIN_TILE_COLS.div_ceil(ol.max(1))).clamp(1, n_outer.max(1))
    }

    fn scratch_len(&self) -> usize {
        if self.pointwise() || self.depthwise() || self.out_size == 0 {
            return 0;
        }
        // Enough for either path: which one runs is decided per call, by the CPU.
        let phased = self.phased().map_or(0, |s| s.scratch_len());
        (self.kdim() * self.tile() * self.rows().0).max(phased)
    }

    /// The geometry for `conv_phased`, where that path takes the convolution.
    fn phased(&self) -> Option<crate::kernels::conv::phased::Shape> {
        if self.d != 2 || self.g != 1 || self.dil[..2] != [1, 1] || self.pointwise() {
            return None;
        }
        let s = crate::kernels::conv::phased::Shape {
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
    fn inner_range(&self, k: usize) -> (isize, usize, usize) {
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
    fn row_base(&self, oc: &[usize; CAP], kk: &[usize; CAP]) -> Option<isize> {
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
    fn step(idx: &mut [usize; CAP], dims: &[usize; CAP], len: usize) {
        for j in (0..len).rev() {
            idx[j] += 1;
            if idx[j] < dims[j] {
                return;
            }
            idx[j] = 0;
        }
    }
}

/// Elements of scratch [`conv`] needs for these shapes: 0 for pointwise and depthwise
/// convolutions (and for shapes `conv` would reject).
pub fn conv_scratch_len(x_shape: &[usize], w_shape: &[usize], y_shape: &[usize], p: &ConvParams) -> usize {
    Geom::new(x_shape, w_shape, y_shape, p).map(|g| g.scratch_len()).unwrap_or(0)
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
fn checked_geom(
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

/// ONNX `Conv`: `x` is `[N, C, spatial...]`, `w` is `[M, C/group, kernel...]`, `bias` has `M`
/// elements, `y` is `[N, M, out...]`. `scratch` holds at least [`conv_scratch_len`] elements.
#[allow(clippy::too_many_arguments)]
pub fn conv<T: Float + MatMulElem + Send + Sync>(
    x: &[T],
    x_shape: &[usize],
    w: &[T],
    w_shape: &[usize],
    bias: Option<&[T]>,
    p: &ConvParams,
    y: &mut [T],
    y_shape: &[usize],
    scratch: &mut [T],
) -> Result<(), Error> {
    conv_with(x, x_shape, w, w_shape, bias, p, y, y_shape, scratch, None)
}

/// [`conv`] for f32 followed by the epilogue `y = f(y, [x0, ...])` of a fused node, each
/// operand `(data, shape)` broadcast to `y_shape`. A 2-D depthwise convolution runs the
/// epilogue on each channel's rows as it writes them (where every operand broadcasts as
/// [`crate::kernels::epilogue::Leaf`] can express); other paths run it as a pass afterwards.
#[allow(clippy::too_many_arguments)]
pub fn conv_fused<const K: usize, F: Fn(f32, [f32; K]) -> f32 + Sync>(
    x: &[f32],
    x_shape: &[usize],
    w: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
    leaves: [(&[f32], &[usize]); K],
    f: F,
) -> Result<(), Error> {
    let depthwise_2d = Geom::new(x_shape, w_shape, y_shape, p).is_ok_and(|g| g.depthwise() && g.d == 2);
    crate::kernels::epilogue::fused(y, y_shape, leaves, f, depthwise_2d, |y, post| match post {
        Some(post) => conv_with(
            x,
            x_shape,
            w,
            w_shape,
            bias,
            p,
            y,
            y_shape,
            scratch,
            Some(&|channel, at, run| post.apply(run, channel, at)),
        ),
        None => conv_with(x, x_shape, w, w_shape, bias, p, y, y_shape, scratch, None),
    })
}

/// Called on each finished run of a depthwise convolution's output: `(channel, index of the
/// run's first value in the whole output, the run)`.
type Finish<'a, T> = dyn Fn(usize, usize, &mut [T]) + Sync + 'a;

#[allow(clippy::too_many_arguments)]
fn conv_with<T: Float + MatMulElem + Send + Sync>(
    x: &[T],
    x_shape: &[usize],
    w: &[T],
    w_shape: &[usize],
    bias: Option<&[T]>,
    p: &ConvParams,
    y: &mut [T],
    y_shape: &[usize],
    scratch: &mut [T],
    finish: Option<&Finish<T>>,
) -> Result<(), Error> {
    check_len(w.len(), w_shape, "conv: weight length does not match its shape")?;
    let geo = checked_geom(x.len(), x_shape, w_shape, bias.map(<[T]>::len), p, y.len(), y_shape, scratch.len())?;
    if y.is_empty() {
        return Ok(());
    }
    let (in_img, out_img) = (geo.c * geo.in_size, geo.m * geo.out_size);
    let kdim = geo.kdim();
    // The bias (or zeros) first, for the paths that accumulate onto their output.
    let prefill = |yb: &mut [T]| match bias {
        Some(b) => {
            for (row, &v) in yb.chunks_exact_mut(geo.out_size).zip(b) {
                row.fill(v);
            }
        }
        None => yb.fill(<T as MatMulElem>::ZERO),
    };
    for nn in 0..geo.n {
        let xb = &x[nn * in_img..(nn + 1) * in_img];
        let yb = &mut y[nn * out_img..(nn + 1) * out_img];
        if geo.cg == 0 {
            prefill(yb);
            continue;
        }
        if geo.depthwise() && geo.d == 2 {
            // Whole channels per thread (each channel's arithmetic is the same on any thread).
            let (ins, outs, ks) = (geo.in_size, geo.out_size, geo.k_size);
            let channels = |c0: usize, band: &mut [T]| {
                let (x, w) = (&xb[c0 * ins..], &w[c0 * ks..]);
                let at = nn * out_img + c0 * outs;
                if registers(
                    &geo,
                    &x[..band.len() / outs.max(1) * ins],
                    w,
                    bias.map(|b| &b[c0..]),
                    band,
                    &mut |ci, plane| {
                        if let Some(finish) = finish {
                            finish(c0 + ci, at + ci * outs, plane);
                        }
                    },
                ) {
                    return;
                }
                if !depthwise_2d(&geo, x, w, bias.map(|b| &b[c0..]), band, c0, at, finish) {
                    let channels = band.len() / outs.max(1);
                    match bias {
                        Some(b) => band.chunks_exact_mut(outs.max(1)).zip(&b[c0..]).for_each(|(ch, &v)| ch.fill(v)),
                        None => band.fill(<T as MatMulElem>::ZERO),
                    }
                    depthwise(&geo, x, w, band);
                    if let Some(finish) = finish {
                        for (ci, ch) in band.chunks_exact_mut(outs.max(1)).enumerate().take(channels) {
                            finish(c0 + ci, at + ci * outs, ch);
                        }
                    }
                }
            };
            if crate::threads::threads() > 1 && geo.c * outs * ks >= 1 << 16 {
                crate::threads::for_each_chunk(yb, geo.c, outs, 1, &channels);
            } else {
                channels(0, yb);
            }
        } else if geo.depthwise() {
            prefill(yb);
            depthwise(&geo, xb, w, yb);
        } else {
            // The GEMMs accumulate onto the bias, or overwrite with beta = 0.
            let beta = match bias {
                Some(_) => {
                    prefill(yb);
                    <T as MatMulElem>::ONE
                }
                None => <T as MatMulElem>::ZERO,
            };
            let mg = geo.mg;
            let al = MatLayout::row_major(mg, kdim);
            grouped(&geo, xb, yb, scratch, &|gi, b, bl, c, cl, _| {
                T::gemm(<T as MatMulElem>::ONE, &w[gi * mg * kdim..(gi + 1) * mg * kdim], al, b, bl, beta, c, cl)
            })?;
        }
    }
    Ok(())
}

/// Floats of a convolution's weights packed at build time for [`conv_prepacked`] (one packed
/// matrix per group), or `None` where the convolution does not run as GEMMs (depthwise).
pub fn prepacked_weights_len(w_shape: &[usize], group: usize) -> Option<usize> {
    let (&m, rest) = w_shape.split_first()?;
    let kdim: usize = rest.iter().product();
    let mg = m.checked_div(group)?;
    // Depthwise (`group == C == M`) runs without a GEMM.
    let depthwise = group == m && rest.first() == Some(&1);
    (!depthwise && mg * group == m).then(|| group * crate::kernels::prepacked::packed_len(mg, kdim))
}

/// Packs a convolution's `[M, C/group, kernel...]` weights for [`conv_prepacked`]: one
/// [`crate::kernels::prepacked::pack`]ed `M/group x (C/group * kernel)` matrix per group.
pub fn prepack_weights(w: &[f32], w_shape: &[usize], group: usize) -> Result<Vec<f32>, Error> {
    let len = prepacked_weights_len(w_shape, group).ok_or(Error::Layout("conv: these weights are not prepacked"))?;
    check_len(w.len(), w_shape, "conv: weight length does not match its shape")?;
    let (mg, kdim) = (w_shape[0] / group, w_shape[1..].iter().product::<usize>());
    let per = len / group.max(1);
    let mut out = vec![0f32; len];
    for gi in 0..group {
        crate::kernels::prepacked::pack(
            &w[gi * mg * kdim..(gi + 1) * mg * kdim],
            mg,
            kdim,
            &mut out[gi * per..(gi + 1) * per],
        )?;
    }
    Ok(out)
}

/// [`conv`] for f32 with weights packed at build time by [`prepack_weights`]; `w_shape` is the
/// weights' ONNX shape. The bias is added as the products are stored, not written first.
#[allow(clippy::too_many_arguments)]
pub fn conv_prepacked(
    x: &[f32],
    x_shape: &[usize],
    w: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
) -> Result<(), Error> {
    prepacked_with(x, x_shape, w, w_shape, bias, p, y, y_shape, scratch, None)
}

/// [`conv_prepacked`] followed by the epilogue `y = f(y, [x0, ...])` of a fused node, each
/// operand `(data, shape)` broadcast to `y_shape`. Where every operand broadcasts as
/// [`crate::kernels::epilogue::Leaf`] can express, the epilogue runs on each block of outputs as the
/// GEMM finishes it; otherwise it is a pass over the output afterwards.
#[allow(clippy::too_many_arguments)]
pub fn conv_prepacked_fused<const K: usize, F: Fn(f32, [f32; K]) -> f32 + Sync>(
    x: &[f32],
    x_shape: &[usize],
    w: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
    leaves: [(&[f32], &[usize]); K],
    f: F,
) -> Result<(), Error> {
    crate::kernels::epilogue::fused(y, y_shape, leaves, f, true, |y, post| {
        prepacked_with(x, x_shape, w, w_shape, bias, p, y, y_shape, scratch, post)
    })
}

/// [`conv_prepacked`] followed by `y = clip_steps(y, lo, hi)` (a fused ReLU or ReLU6, see
/// [`crate::kernels::epilogue::clip_steps`]), applied by the GEMM's stores from its registers rather
/// than by a pass over the output.
#[allow(clippy::too_many_arguments)]
pub fn conv_prepacked_clamped(
    x: &[f32],
    x_shape: &[usize],
    w: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
    lo: f32,
    hi: f32,
) -> Result<(), Error> {
    prepacked_with(
        x,
        x_shape,
        w,
        w_shape,
        bias,
        p,
        y,
        y_shape,
        scratch,
        Some(&crate::kernels::epilogue::Clamp { lo, hi }),
    )
}

#[allow(clippy::too_many_arguments)]
fn prepacked_with(
    x: &[f32],
    x_shape: &[usize],
    w: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
    post: Option<&dyn crate::kernels::epilogue::Post>,
) -> Result<(), Error> {
    let geo = checked_geom(x.len(), x_shape, w_shape, bias.map(<[f32]>::len), p, y.len(), y_shape, scratch.len())?;
    if prepacked_weights_len(w_shape, geo.g) != Some(w.len()) || geo.depthwise() {
        return Err(Error::Layout("conv: prepacked weights do not match the weight shape"));
    }
    if y.is_empty() {
        return Ok(());
    }
    let (in_img, out_img) = (geo.c * geo.in_size, geo.m * geo.out_size);
    if let Some(shape) = geo.phased().filter(|s| scratch.len() >= s.scratch_len()) {
        let images = x.chunks_exact(in_img).zip(y.chunks_exact_mut(out_img)).enumerate();
        if images.into_iter().all(|(nn, (xb, yb))| {
            crate::kernels::conv::phased::run(&shape, xb, w, bias, yb, scratch, post, nn * out_img)
        }) {
            return Ok(());
        }
    }
    let (mg, kdim) = (geo.mg, geo.kdim());
    let per = w.len() / geo.g.max(1);
    for nn in 0..geo.n {
        let xb = &x[nn * in_img..(nn + 1) * in_img];
        let yb = &mut y[nn * out_img..(nn + 1) * out_img];
        if geo.cg == 0 {
            for (row, ch) in yb.chunks_exact_mut(geo.out_size).enumerate() {
                ch.fill(bias.map_or(0.0, |b| b[row]));
            }
            if let Some(post) = post {
                for (m, run) in yb.chunks_exact_mut(geo.out_size).enumerate() {
                    post.apply(run, m, nn * out_img + m * geo.out_size);
                }
            }
            continue;
        }
        // `at`: where the group's (and tile's) first output sits in the whole of `y`.
        grouped(&geo, xb, yb, scratch, &|gi, b, bl, c, cl, at| {
            let wg = &w[gi * per..(gi + 1) * per];
            let post =
                post.map(|post| crate::kernels::prepacked::GemmPost { post, channel: gi * mg, at: nn * out_img + at });
            crate::kernels::prepacked::gemm(
                wg,
                mg,
                kdim,
                bl.cols,
                b,
                bl.rs,
                bias.map(|b| &b[gi * mg..]),
                c,
                cl.rs,
                post,
            )
        })?;
    }
    Ok(())
}

/// One group's product: `gemm(group, cols, cols_layout, y, y_layout, at)` writes `y`'s rows of
/// the group from its column matrix (a weights-times-columns product); `y` starts at element
/// `at` of the image's output.
type GroupGemm<'a, T> = dyn Fn(usize, &[T], MatLayout, &mut [T], MatLayout, usize) -> Result<(), Error> + Sync + 'a;

/// One image through the pointwise or im2col path: per group (and im2col tile) the column
/// matrix, then `gemm` into the group's rows of `yb`.
fn grouped<T: Float + Send + Sync>(
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
fn im2col<T: Copy + Default + Send + Sync>(geo: &Geom, xg: &[T], t0: usize, t1: usize, col: &mut [T]) {
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
fn depthwise_2d<T: Float>(
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
/// (`depthwise.rs`), where the element type is f32 and the window one it takes; `false`
/// (nothing done) otherwise. It takes narrow maps too: a 25x5 or 7x7 map uses 5 or 7 lanes of
/// each row's vector and still beats the phase path's padded copies (measured: KWS 0.113 ->
/// 0.093 ms; a flat run of masked loads over a whole 7x7 plane was slower again, Zen 4 being
/// slow at loading a mask register per tap and vector).
fn registers<T: Float>(
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
    let win = crate::kernels::conv::depthwise_avx512::Window {
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
    crate::kernels::conv::depthwise_avx512::channels(&win, x, w, bias, y, &mut |c, plane: &mut [f32]| {
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
fn depthwise<T: Float>(geo: &Geom, xb: &[T], w: &[T], yb: &mut [T]) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Direct convolution straight from the ONNX definition, any spatial rank.
    #[allow(clippy::too_many_arguments)]
    fn naive(
        x: &[f64],
        xs: &[usize],
        w: &[f64],
        ws: &[usize],
        b: Option<&[f64]>,
        g: usize,
        s: &[usize],
        dl: &[usize],
        pads: &[usize],
        ys: &[usize],
    ) -> Vec<f64> {
        let d = xs.len() - 2;
        let (n, c, m) = (xs[0], xs[1], ws[0]);
        let (cg, mg) = (c / g, m / g);
        let out_sp = &ys[2..];
        let out_size: usize = out_sp.iter().product();
        let k_size: usize = ws[2..].iter().product();
        let in_size: usize = xs[2..].iter().product();
        let unravel = |mut i: usize, sh: &[usize]| {
            let mut v = vec![0; sh.len()];
            for a in (0..sh.len()).rev() {
                v[a] = i % sh[a];
                i /= sh[a];
            }
            v
        };
        let mut y = vec![0.0; n * m * out_size];
        for nn in 0..n {
            for mm in 0..m {
                let gi = mm / mg;
                for o in 0..out_size {
                    let oc = unravel(o, out_sp);
                    let mut acc = b.map_or(0.0, |b| b[mm]);
                    for ci in 0..cg {
                        let ch = gi * cg + ci;
                        for k in 0..k_size {
                            let kc = unravel(k, &ws[2..]);
                            let mut off = 0usize;
                            let mut inside = true;
                            for j in 0..d {
                                let pos = (oc[j] * s[j] + kc[j] * dl[j]) as i64 - pads[j] as i64;
                                if pos < 0 || pos >= xs[2 + j] as i64 {
                                    inside = false;
                                }
                                off = off * xs[2 + j] + pos.max(0) as usize;
                            }
                            if inside {
                                acc += x[(nn * c + ch) * in_size + off] * w[(mm * cg + ci) * k_size + k];
                            }
                        }
                    }
                    y[(nn * m + mm) * out_size + o] = acc;
                }
            }
        }
        y
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }
        fn val(&mut self) -> f64 {
            self.next(2001) as f64 / 1000.0 - 1.0
        }
    }

    /// Runs one random case through `conv` (f64 and f32) and the naive reference.
    fn run_case(rng: &mut Rng, d: usize, depthwise: bool) -> bool {
        let g = if depthwise { 1 + rng.next(4) } else { 1 + rng.next(3) };
        let cg = if depthwise { 1 } else { 1 + rng.next(3) };
        let mg = if depthwise { 1 } else { 1 + rng.next(3) };
        let (n, c, m) = (1 + rng.next(2), g * cg, g * mg);
        let mut xs = vec![n, c];
        let mut ws = vec![m, cg];
        let mut ys = vec![n, m];
        let (mut s, mut dl, mut pb, mut pe) = (vec![], vec![], vec![], vec![]);
        for _ in 0..d {
            // Depthwise kernels up to 7 wide reach the unrolled 5- and 7-tap rows too.
            let (i, k) =
                if depthwise { (1 + rng.next(14), 1 + rng.next(7)) } else { (1 + rng.next(7), 1 + rng.next(3)) };
            let (st, di) = (1 + rng.next(3), 1 + rng.next(2));
            let (b, e) = (rng.next(3), rng.next(3));
            let span = (k - 1) * di + 1;
            if i + b + e < span {
                return false;
            }
            xs.push(i);
            ws.push(k);
            ys.push((i + b + e - span) / st + 1);
            s.push(st);
            dl.push(di);
            pb.push(b);
            pe.push(e);
        }
        let pads: Vec<usize> = pb.iter().chain(&pe).copied().collect();
        let x: Vec<f64> = (0..xs.iter().product()).map(|_| rng.val()).collect();
        let w: Vec<f64> = (0..ws.iter().product()).map(|_| rng.val()).collect();
        let b: Vec<f64> = (0..m).map(|_| rng.val()).collect();
        let use_bias = rng.next(2) == 1;
        let bias = use_bias.then_some(&b[..]);
        let want = naive(&x, &xs, &w, &ws, bias, g, &s, &dl, &pads, &ys);
        let p = ConvParams { group: g, strides: &s, dilations: &dl, pads: &pads };
        let sl = conv_scratch_len(&xs, &ws, &ys, &p);
        if depthwise {
            assert_eq!(sl, 0);
        }
        let mut scratch = vec![f64::NAN; sl];
        let mut y = vec![f64::NAN; want.len()];
        conv(&x, &xs, &w, &ws, bias, &p, &mut y, &ys, &mut scratch).unwrap();
        for (a, e) in y.iter().zip(&want) {
            assert!((a - e).abs() < 1e-9, "{a} vs {e}: x{xs:?} w{ws:?} g{g} s{s:?} d{dl:?} p{pads:?}");
        }
        let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        let wf: Vec<f32> = w.iter().map(|&v| v as f32).collect();
        let bf: Vec<f32> = b.iter().map(|&v| v as f32).collect();
        let mut scratch = vec![f32::NAN; sl];
        let mut yf = vec![f32::NAN; want.len()];
        conv(&xf, &xs, &wf, &ws, use_bias.then_some(&bf[..]), &p, &mut yf, &ys, &mut scratch).unwrap();
        for (a, e) in yf.iter().zip(&want) {
            assert!((*a as f64 - e).abs() < 1e-4);
        }
        // The same with the weights packed as the compiler packs them (not for depthwise).
        match prepack_weights(&wf, &ws, g) {
            Ok(packed) => {
                let mut yp = vec![f32::NAN; want.len()];
                conv_prepacked(&xf, &xs, &packed, &ws, use_bias.then_some(&bf[..]), &p, &mut yp, &ys, &mut scratch)
                    .unwrap();
                for (a, e) in yp.iter().zip(&want) {
                    assert!((*a as f64 - e).abs() < 1e-4, "prepacked: {a} vs {e}: x{xs:?} w{ws:?} g{g}");
                }
                // A fused epilogue: a residual shaped like y, a per-channel scale and (for the
                // separate pass) an operand along the last axis.
                let res: Vec<f32> = (0..want.len()).map(|i| (i % 7) as f32 - 3.0).collect();
                let scale: Vec<f32> = (0..m).map(|i| 0.5 + i as f32).collect();
                let last: Vec<f32> = (0..ys[ys.len() - 1]).map(|i| i as f32).collect();
                let cs: Vec<usize> = [m].into_iter().chain(vec![1; d]).collect();
                let f = |a: f32, v: [f32; 2]| (a + v[0]).max(0.0) * v[1];
                for (third, shape) in [(&scale, &cs[..]), (&last, &ys[ys.len() - 1..])] {
                    let mut yf = vec![f32::NAN; want.len()];
                    conv_prepacked_fused(
                        &xf,
                        &xs,
                        &packed,
                        &ws,
                        use_bias.then_some(&bf[..]),
                        &p,
                        &mut yf,
                        &ys,
                        &mut scratch,
                        [(&res[..], &ys[..]), (&third[..], shape)],
                        f,
                    )
                    .unwrap();
                    let mut expect = yp.clone();
                    crate::kernels::elementwise::fused_in_place(
                        &mut expect,
                        &ys,
                        [(&res[..], &ys[..]), (&third[..], shape)],
                        f,
                    )
                    .unwrap();
                    assert_eq!(yf, expect, "fused epilogue: x{xs:?} w{ws:?} g{g} third{shape:?}");
                }
            }
            Err(_) => assert!(g == c && m == c, "only depthwise weights stay unpacked: w{ws:?} g{g}"),
        }
        // A fused epilogue on the plain path (depthwise: inside the kernel) matches a pass
        // over the output afterwards.
        let res: Vec<f32> = (0..want.len()).map(|i| (i % 5) as f32 - 2.0).collect();
        let scale: Vec<f32> = (0..m).map(|i| 0.25 + i as f32).collect();
        let cs: Vec<usize> = [m].into_iter().chain(vec![1; d]).collect();
        let f = |a: f32, v: [f32; 2]| (a * v[1] + v[0]).min(6.0);
        let mut fused = vec![f32::NAN; want.len()];
        conv_fused(
            &xf,
            &xs,
            &wf,
            &ws,
            use_bias.then_some(&bf[..]),
            &p,
            &mut fused,
            &ys,
            &mut scratch,
            [(&res[..], &ys[..]), (&scale[..], &cs[..])],
            f,
        )
        .unwrap();
        let mut expect = yf.clone();
        crate::kernels::elementwise::fused_in_place(&mut expect, &ys, [(&res[..], &ys[..]), (&scale[..], &cs[..])], f)
            .unwrap();
        assert_eq!(fused, expect, "fused epilogue: x{xs:?} w{ws:?} g{g}");
        true
    }

    /// The im2col-free path (`conv_phased`): every stride pair it takes, uneven pads, panels
    /// with full, padded and narrow tails, tiles across rows, more taps than one block of k,
    /// a fused epilogue, on one thread and two.
    #[test]
    fn phased_path_matches_naive() {
        let mut rng = Rng(11);
        /// (x, w, strides, pads)
        type Case = ([usize; 4], [usize; 4], [usize; 2], [usize; 4]);
        // The last two go in several bands of rows (their phase planes exceed one band's).
        let cases: [Case; 9] = [
            ([1, 16, 20, 20], [32, 16, 3, 3], [2, 2], [1, 1, 1, 1]),
            ([1, 3, 21, 20], [16, 3, 3, 3], [2, 2], [1, 1, 1, 1]),
            ([1, 4, 23, 17], [13, 4, 3, 3], [2, 2], [0, 1, 1, 0]),
            ([2, 6, 11, 13], [4, 6, 3, 2], [1, 2], [2, 0, 1, 1]),
            ([1, 32, 9, 10], [28, 32, 3, 3], [2, 1], [1, 1, 1, 1]),
            ([1, 1, 49, 10], [64, 1, 10, 4], [2, 2], [4, 1, 5, 2]),
            ([1, 8, 12, 12], [6, 8, 5, 5], [1, 1], [2, 2, 2, 2]),
            ([1, 64, 40, 40], [8, 64, 3, 3], [1, 1], [1, 1, 1, 1]),
            ([1, 32, 90, 90], [16, 32, 3, 3], [2, 2], [1, 1, 1, 1]),
        ];
        for threads in [1, 2] {
            let _threads = crate::threads::limit_threads(threads);
            for (xs, ws, st, pads) in cases {
                let ys = [
                    xs[0],
                    ws[0],
                    (xs[2] + pads[0] + pads[2] - ws[2]) / st[0] + 1,
                    (xs[3] + pads[1] + pads[3] - ws[3]) / st[1] + 1,
                ];
                let p = ConvParams { group: 1, strides: &st, dilations: &[1, 1], pads: &pads };
                let geo = Geom::new(&xs, &ws, &ys, &p).unwrap();
                assert!(geo.phased().is_some(), "x{xs:?} w{ws:?}: the path should take it");
                let x: Vec<f64> = (0..xs.iter().product()).map(|_| rng.val()).collect();
                let w: Vec<f64> = (0..ws.iter().product()).map(|_| rng.val()).collect();
                let b: Vec<f64> = (0..ws[0]).map(|_| rng.val()).collect();
                let want = naive(&x, &xs, &w, &ws, Some(&b), 1, &st, &[1, 1], &pads, &ys);
                let (xf, wf, bf): (Vec<f32>, Vec<f32>, Vec<f32>) = (
                    x.iter().map(|&v| v as f32).collect(),
                    w.iter().map(|&v| v as f32).collect(),
                    b.iter().map(|&v| v as f32).collect(),
                );
                let packed = prepack_weights(&wf, &ws, 1).unwrap();
                let mut scratch = vec![f32::NAN; conv_scratch_len(&xs, &ws, &ys, &p)];
                let mut y = vec![f32::NAN; want.len()];
                conv_prepacked(&xf, &xs, &packed, &ws, Some(&bf), &p, &mut y, &ys, &mut scratch).unwrap();
                for (i, (a, e)) in y.iter().zip(&want).enumerate() {
                    assert!(
                        (*a as f64 - e).abs() < 1e-4,
                        "output {i}: {a} vs {e}: x{xs:?} w{ws:?} s{st:?} p{pads:?} threads {threads}"
                    );
                }
                // The epilogue inside the path gives what a pass afterwards gives.
                let res: Vec<f32> = (0..want.len()).map(|i| (i % 7) as f32 - 3.0).collect();
                let f = |a: f32, v: [f32; 1]| (a + v[0]).max(0.0);
                let mut fused = vec![f32::NAN; want.len()];
                conv_prepacked_fused(
                    &xf,
                    &xs,
                    &packed,
                    &ws,
                    Some(&bf),
                    &p,
                    &mut fused,
                    &ys,
                    &mut scratch,
                    [(&res[..], &ys[..])],
                    f,
                )
                .unwrap();
                let mut expect = y.clone();
                crate::kernels::elementwise::fused_in_place(&mut expect, &ys, [(&res[..], &ys[..])], f).unwrap();
                assert_eq!(fused, expect, "fused epilogue: x{xs:?} w{ws:?} threads {threads}");
            }
        }
    }

    /// A clip epilogue applied by the kernels' stores gives, bit for bit, the stored outputs
    /// clipped afterwards by ONNX Clip's steps: NaNs kept, `hi` winning over a larger `lo`, on every path (pointwise, im2col with one and several
    /// blocks of k, the im2col-free one; full, padded and narrow panels; few last columns).
    #[test]
    fn clamped_stores_match_a_clip_afterwards() {
        let mut rng = Rng(13);
        /// (x, w, strides, dilations, pads)
        type Case = ([usize; 4], [usize; 4], [usize; 2], [usize; 2], [usize; 4]);
        let cases: [Case; 5] = [
            ([1, 16, 14, 14], [28, 16, 1, 1], [1, 1], [1, 1], [0; 4]),
            ([1, 40, 9, 11], [13, 40, 3, 3], [1, 1], [2, 2], [2, 2, 2, 2]),
            ([1, 8, 15, 15], [20, 8, 3, 3], [2, 2], [1, 1], [1, 1, 1, 1]),
            ([1, 300, 5, 7], [16, 300, 1, 1], [1, 1], [1, 1], [0; 4]),
            ([1, 64, 7, 7], [36, 64, 3, 3], [1, 1], [1, 1], [1, 1, 1, 1]),
        ];
        for (xs, ws, st, dl, pads) in cases {
            let ys = [
                1,
                ws[0],
                (xs[2] + pads[0] + pads[2] - dl[0] * (ws[2] - 1) - 1) / st[0] + 1,
                (xs[3] + pads[1] + pads[3] - dl[1] * (ws[3] - 1) - 1) / st[1] + 1,
            ];
            let p = ConvParams { group: 1, strides: &st, dilations: &dl, pads: &pads };
            let mut x: Vec<f32> = (0..xs.iter().product()).map(|_| rng.val() as f32).collect();
            x[3] = f32::NAN;
            let w: Vec<f32> = (0..ws.iter().product()).map(|_| rng.val() as f32).collect();
            let b: Vec<f32> = (0..ws[0]).map(|_| rng.val() as f32).collect();
            let packed = prepack_weights(&w, &ws, 1).unwrap();
            let mut scratch = vec![0f32; conv_scratch_len(&xs, &ws, &ys, &p)];
            let n = ys.iter().product();
            let mut plain = vec![0f32; n];
            conv_prepacked(&x, &xs, &packed, &ws, Some(&b), &p, &mut plain, &ys, &mut scratch).unwrap();
            assert!(
                plain.iter().any(|v| v.is_nan()) && plain.iter().any(|&v| v < 0.0) && plain.iter().any(|&v| v > 1.0),
                "x{xs:?}: the case should cover NaN and both sides"
            );
            for (lo, hi) in [(0.0, f32::INFINITY), (0.0, 6.0), (-1.0, 1.0), (1.0, -1.0)] {
                let mut clamped = vec![0f32; n];
                conv_prepacked_clamped(&x, &xs, &packed, &ws, Some(&b), &p, &mut clamped, &ys, &mut scratch, lo, hi)
                    .unwrap();
                let steps = |v: f32| {
                    let v = if v < lo { lo } else { v };
                    if v > hi {
                        hi
                    } else {
                        v
                    }
                };
                let differ = plain.iter().zip(&clamped).position(|(&v, c)| steps(v).to_bits() != c.to_bits());
                assert_eq!(differ, None, "x{xs:?} w{ws:?} clip({lo}, {hi}): first differing output");
            }
        }
    }

    #[test]
    fn conv_matches_naive_random() {
        let mut rng = Rng(7);
        let mut ran = 0;
        for d in 1..=3 {
            for i in 0..120 {
                ran += run_case(&mut rng, d, i % 3 == 0) as usize;
            }
        }
        assert!(ran > 250, "only {ran} cases ran");
    }

    #[test]
    fn threaded_im2col_and_gemm_match_naive() {
        let _threads = crate::threads::limit_threads(2);
        let mut rng = Rng(5);
        let (xs, ws, ys) = ([1, 16, 40, 40], [8, 16, 3, 3], [1, 8, 40, 40]);
        let x: Vec<f64> = (0..xs.iter().product()).map(|_| rng.val()).collect();
        let w: Vec<f64> = (0..ws.iter().product()).map(|_| rng.val()).collect();
        let (s, dl, pads) = ([1, 1], [1, 1], [1, 1, 1, 1]);
        let want = naive(&x, &xs, &w, &ws, None, 1, &s, &dl, &pads, &ys);
        let p = ConvParams { group: 1, strides: &s, dilations: &dl, pads: &pads };
        let mut scratch = vec![f64::NAN; conv_scratch_len(&xs, &ws, &ys, &p)];
        let mut y = vec![f64::NAN; want.len()];
        conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut scratch).unwrap();
        for (a, e) in y.iter().zip(&want) {
            assert!((a - e).abs() < 1e-9, "{a} vs {e}");
        }
    }

    #[test]
    fn threaded_fused_epilogues_match_a_pass_afterwards() {
        let _threads = crate::threads::limit_threads(2);
        let mut rng = Rng(9);
        let vals = |rng: &mut Rng, n: usize| -> Vec<f32> { (0..n).map(|_| rng.val() as f32).collect() };
        // A depthwise conv (channels split across threads) and a prepacked GEMM conv (bands of
        // rows), each with a residual and a per-channel operand.
        for (xs, ws, g) in [([1, 32, 30, 30], [32, 1, 3, 3], 32), ([1, 16, 30, 30], [40, 16, 3, 3], 1)] {
            let ys = [1, ws[0], 30, 30];
            let (x, w, bias) =
                (vals(&mut rng, xs.iter().product()), vals(&mut rng, ws.iter().product()), vals(&mut rng, ws[0]));
            let (res, scale) = (vals(&mut rng, ys.iter().product()), vals(&mut rng, ws[0]));
            let p = ConvParams { group: g, strides: &[1, 1], dilations: &[1, 1], pads: &[1, 1, 1, 1] };
            let mut scratch = vec![0f32; conv_scratch_len(&xs, &ws, &ys, &p)];
            let leaves = [(&res[..], &ys[..]), (&scale[..], &[ws[0], 1, 1][..])];
            let f = |a: f32, v: [f32; 2]| (a + v[0]).max(0.0) * v[1];
            let mut expect = vec![0f32; res.len()];
            conv(&x, &xs, &w, &ws, Some(&bias), &p, &mut expect, &ys, &mut scratch).unwrap();
            crate::kernels::elementwise::fused_in_place(&mut expect, &ys, leaves, f).unwrap();
            let mut y = vec![f32::NAN; res.len()];
            match prepack_weights(&w, &ws, g) {
                Ok(packed) => {
                    conv_prepacked_fused(&x, &xs, &packed, &ws, Some(&bias), &p, &mut y, &ys, &mut scratch, leaves, f)
                        .unwrap()
                }
                Err(_) => conv_fused(&x, &xs, &w, &ws, Some(&bias), &p, &mut y, &ys, &mut scratch, leaves, f).unwrap(),
            }
            let close = y.iter().zip(&expect).all(|(a, e)| (a - e).abs() <= 1e-4 * (1.0 + e.abs()));
            assert!(close, "x{xs:?} w{ws:?}");
        }
    }

    #[test]
    fn depthwise_on_large_planes_runs_in_bands() {
        // Planes too large for one band (stride 1 and 2, 3x3 and 5x5, uneven pads), and one too
        // large for the phase path at all (the general path).
        let mut rng = Rng(11);
        for &(h, w, k, st, pb, pe) in &[
            (96, 80, 3, 1, 1, 1),
            (97, 61, 3, 2, 1, 0),
            (64, 70, 5, 2, 2, 2),
            (40, 300, 5, 1, 2, 1),
            (8, 12000, 3, 1, 1, 1),
        ] {
            let c = 3;
            let (xs, ws) = ([1, c, h, w], [c, 1, k, k]);
            let ys = [1, c, (h + pb + pe - k) / st + 1, (w + pb + pe - k) / st + 1];
            let x: Vec<f64> = (0..xs.iter().product()).map(|_| rng.val()).collect();
            let wt: Vec<f64> = (0..ws.iter().product()).map(|_| rng.val()).collect();
            let (s, dl, pads) = ([st, st], [1, 1], [pb, pb, pe, pe]);
            let want = naive(&x, &xs, &wt, &ws, None, c, &s, &dl, &pads, &ys);
            let p = ConvParams { group: c, strides: &s, dilations: &dl, pads: &pads };
            let mut y = vec![f64::NAN; want.len()];
            conv(&x, &xs, &wt, &ws, None, &p, &mut y, &ys, &mut []).unwrap();
            for (a, e) in y.iter().zip(&want) {
                assert!((a - e).abs() < 1e-9, "{a} vs {e}: {h}x{w} k{k} s{st}");
            }
        }
    }

    #[test]
    fn depthwise_register_kernel_matches_naive() {
        // The AVX-512 register paths (f32, square kernels 3/5/7 at stride 1 or 2): ragged
        // widths around the 16-lane vectors, heights around the 4-row blocks, every pad from 0
        // to k-1 on each side, narrow "same" maps (1-12 columns), through `conv` (bias) and
        // `conv_fused` (an epilogue per channel), on one thread and two.
        let mut rng = Rng(23);
        let mut taken = 0;
        for case in 0..160 {
            // Every other case a narrow "same" map at stride 1 (1-12 columns).
            let same = case % 2 == 1;
            let (k, st) = ([3, 5, 7][rng.next(3)], if same { 1 } else { 1 + rng.next(2) });
            let (pt, pl) = (rng.next(k), rng.next(k));
            let (pb, pr) = if same { (k - 1 - pt, k - 1 - pl) } else { (rng.next(k), rng.next(k)) };
            let (h, w) = if same {
                (1 + rng.next(20), 1 + rng.next(12))
            } else {
                (k + rng.next(13), (8 * st + k).saturating_sub(pl + pr) + rng.next(30))
            };
            let (oh, ow) = ((h + pt + pb - k) / st + 1, (w + pl + pr - k) / st + 1);
            let (n, c) = (1 + rng.next(2), 1 + rng.next(5));
            let (xs, ws, ys) = ([n, c, h, w], [c, 1, k, k], [n, c, oh, ow]);
            let x: Vec<f64> = (0..xs.iter().product()).map(|_| rng.val()).collect();
            let wt: Vec<f64> = (0..ws.iter().product()).map(|_| rng.val()).collect();
            let b: Vec<f64> = (0..c).map(|_| rng.val()).collect();
            let (s, dl, pads) = ([st, st], [1, 1], [pt, pl, pb, pr]);
            let want = naive(&x, &xs, &wt, &ws, Some(&b), c, &s, &dl, &pads, &ys);
            let f32s = |v: &[f64]| v.iter().map(|&v| v as f32).collect::<Vec<f32>>();
            let (xf, wf, bf) = (f32s(&x), f32s(&wt), f32s(&b));
            let p = ConvParams { group: c, strides: &s, dilations: &dl, pads: &pads };
            let geo = Geom::new(&xs, &ws, &ys, &p).unwrap();
            let mut probe = vec![0f32; c * oh * ow];
            if registers(&geo, &xf[..c * h * w], &wf, Some(&bf), &mut probe, &mut |_, _| {}) {
                taken += 1;
            }
            let _threads = crate::threads::limit_threads(1 + case % 2);
            let mut y = vec![f32::NAN; want.len()];
            conv(&xf, &xs, &wf, &ws, Some(&bf), &p, &mut y, &ys, &mut []).unwrap();
            for (i, (a, e)) in y.iter().zip(&want).enumerate() {
                assert!((*a as f64 - e).abs() < 1e-4, "at {i}: {a} vs {e}: {h}x{w} k{k} s{st} pads {pads:?} n{n} c{c}");
            }
            let res: Vec<f32> = (0..want.len()).map(|i| (i % 5) as f32 - 2.0).collect();
            let f = |a: f32, v: [f32; 1]| (a + v[0]).clamp(0.0, 6.0);
            let mut fused = vec![f32::NAN; want.len()];
            conv_fused(&xf, &xs, &wf, &ws, Some(&bf), &p, &mut fused, &ys, &mut [], [(&res[..], &ys[..])], f).unwrap();
            let expect: Vec<f32> = y.iter().zip(&res).map(|(&a, &r)| f(a, [r])).collect();
            assert_eq!(fused, expect, "fused: {h}x{w} k{k} s{st} pads {pads:?}");
        }
        if std::is_x86_feature_detected!("avx512f") {
            assert_eq!(taken, 160, "every case is one the register kernel takes");
        }
    }

    #[test]
    fn pointwise_and_tiling() {
        // 1x1 conv: no scratch, plain channel mixing.
        let x = [1.0f32, 2.0, 3.0, 4.0]; // [1, 2, 1, 2]
        let w = [1.0f32, 1.0, 2.0, -1.0]; // [2, 2, 1, 1]
        let p = ConvParams { group: 1, strides: &[1, 1], dilations: &[1, 1], pads: &[0, 0, 0, 0] };
        assert_eq!(conv_scratch_len(&[1, 2, 1, 2], &[2, 2, 1, 1], &[1, 2, 1, 2], &p), 0);
        let mut y = [0.0f32; 4];
        conv(&x, &[1, 2, 1, 2], &w, &[2, 2, 1, 1], Some(&[0.5, 0.0]), &p, &mut y, &[1, 2, 1, 2], &mut []).unwrap();
        assert_eq!(y, [4.5, 6.5, -1.0, 0.0]);
        // A tall image whose im2col exceeds the budget is split into several tiles.
        let (c, h, wd) = (64usize, 80usize, 64usize);
        let xs = [1, c, h, wd];
        let ws = [2, c, 3, 3];
        let ys = [1, 2, h, wd];
        let p = ConvParams { group: 1, strides: &[], dilations: &[], pads: &[1, 1, 1, 1] };
        let sl = conv_scratch_len(&xs, &ws, &ys, &p);
        assert!(sl < c * 9 * h * wd && sl >= c * 9 * wd);
        let x: Vec<f64> = (0..c * h * wd).map(|i| ((i * 7919) % 101) as f64 / 50.0 - 1.0).collect();
        let w: Vec<f64> = (0..2 * c * 9).map(|i| ((i * 31) % 17) as f64 / 8.0 - 1.0).collect();
        let want = naive(&x, &xs, &w, &ws, None, 1, &[1, 1], &[1, 1], &[1, 1, 1, 1], &ys);
        let mut y = vec![0.0; want.len()];
        conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut vec![0.0; sl]).unwrap();
        for (a, e) in y.iter().zip(&want) {
            assert!((a - e).abs() < 1e-9);
        }
        assert!(conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut vec![0.0; sl - 1]).is_err());
    }

    #[test]
    fn conv_rejects_bad_shapes() {
        let p = ConvParams { group: 1, strides: &[], dilations: &[], pads: &[] };
        let x = [0.0f32; 16];
        let w = [0.0f32; 18];
        let mut y = [0.0f32; 8];
        let (xs, ws, ys) = ([1, 1, 4, 4], [2, 1, 3, 3], [1, 2, 2, 2]);
        assert_eq!(conv_scratch_len(&xs, &ws, &ys, &p), 36);
        conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut [0.0; 36]).unwrap();
        assert!(conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut [0.0; 35]).is_err());
        assert!(conv(&x, &xs, &w, &ws, None, &p, &mut y[..2], &[1, 2, 1, 1], &mut [0.0; 36]).is_err());
        assert!(conv(&x, &xs, &w, &ws, Some(&[1.0]), &p, &mut y, &ys, &mut [0.0; 36]).is_err());
        // Depthwise (C = M = group = 1): no scratch; a wrong group or stride count is an error,
        // and so is an output extent that the kernel and pads do not produce.
        let (w, ws, ys, mut y) = ([0.0f32; 9], [1, 1, 3, 3], [1, 1, 2, 2], [0.0f32; 4]);
        assert_eq!(conv_scratch_len(&xs, &ws, &ys, &p), 0);
        conv(&x, &xs, &w, &ws, None, &p, &mut y, &ys, &mut []).unwrap();
        let p2 = ConvParams { group: 2, ..p };
        assert!(conv(&x, &xs, &w, &ws, None, &p2, &mut y, &ys, &mut [0.0; 36]).is_err());
        let p3 = ConvParams { strides: &[1], ..p };
        assert!(conv(&x, &xs, &w, &ws, None, &p3, &mut y, &ys, &mut [0.0; 36]).is_err());
        assert!(conv(&x, &xs, &w, &ws, None, &p, &mut [0.0; 9], &[1, 1, 3, 3], &mut [0.0; 36]).is_err());
        assert_eq!(conv_scratch_len(&xs, &ws, &[1, 1, 3, 3], &p), 0);
    }
}
