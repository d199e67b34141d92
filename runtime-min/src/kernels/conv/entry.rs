//! The public convolution entry points: [`conv`] (any float, the weights as ONNX has them),
//! [`conv_prepacked`] (f32 weights packed at build time) and their fused-epilogue forms, plus
//! weight prepacking. Each checks its operands, resolves the geometry and sends every image
//! down the path the shapes choose (`geometry.rs`).

use super::depthwise::{depthwise, depthwise_2d, registers, Finish};
use super::geometry::{checked_geom, Geom};
use super::im2col::grouped;
use super::ConvParams;
use crate::kernels::epilogue::{Clamp, Post};
use crate::kernels::matmul::{MatLayout, MatMulElem};
use crate::kernels::nd::check_len;
use crate::scalar::Float;
use crate::Error;

/// ONNX `Conv`: `x` is `[N, C, spatial...]`, `w` is `[M, C/group, kernel...]`, `bias` has `M`
/// elements, `y` is `[N, M, out...]`. `scratch` holds at least [`conv_scratch_len`](super::conv_scratch_len) elements.
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
    conv_with_epilogue(x, x_shape, w, w_shape, bias, p, y, y_shape, scratch, Fused { leaves, f })
}

/// What an f32 convolution does to its outputs besides computing them: nothing
/// ([`NoEpilogue`]), a clip ([`Clamp`]) or a fused node's `y = f(y, [x0, ...])` ([`Fused`]).
/// The entry points [`conv_fused`], [`conv_prepacked`], [`conv_prepacked_fused`] and
/// [`conv_prepacked_clamped`] are [`conv_with_epilogue`] and [`conv_prepacked_with_epilogue`]
/// with one of these.
pub trait ConvEpilogue {
    /// Runs `kernel` (the convolution writing `y`, calling the [`Post`] it is given on each
    /// finished run of outputs) with this epilogue: inside its stores where `in_kernel` (the
    /// path takes one) and the epilogue can be expressed so, otherwise as a pass afterwards.
    fn run(
        self,
        y: &mut [f32],
        y_shape: &[usize],
        in_kernel: bool,
        kernel: impl FnOnce(&mut [f32], Option<&dyn Post>) -> Result<(), Error>,
    ) -> Result<(), Error>;
}

/// No epilogue: the convolution alone.
pub struct NoEpilogue;

impl ConvEpilogue for NoEpilogue {
    fn run(
        self,
        y: &mut [f32],
        _: &[usize],
        _: bool,
        kernel: impl FnOnce(&mut [f32], Option<&dyn Post>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        kernel(y, None)
    }
}

/// `y = clip_steps(y, lo, hi)` (a fused ReLU or ReLU6): the GEMM applies it from its registers
/// as it stores.
impl ConvEpilogue for Clamp {
    fn run(
        self,
        y: &mut [f32],
        _: &[usize],
        in_kernel: bool,
        kernel: impl FnOnce(&mut [f32], Option<&dyn Post>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if in_kernel {
            return kernel(y, Some(&self));
        }
        kernel(y, None)?;
        self.apply(y, 0, 0);
        Ok(())
    }
}

/// A fused node's epilogue `y = f(y, [x0, ...])`, each operand `(data, shape)` broadcast to
/// the output's shape: in the kernel's stores where every operand broadcasts as
/// [`crate::kernels::epilogue::Leaf`] can express, otherwise a pass afterwards.
pub struct Fused<'a, const K: usize, F> {
    /// The expression's other operands `x0...`, each as `(data, shape)`.
    pub leaves: [(&'a [f32], &'a [usize]); K],
    /// The expression: the convolution's output element and the operands' elements at the
    /// same position.
    pub f: F,
}

impl<const K: usize, F: Fn(f32, [f32; K]) -> f32 + Sync> ConvEpilogue for Fused<'_, K, F> {
    fn run(
        self,
        y: &mut [f32],
        y_shape: &[usize],
        in_kernel: bool,
        kernel: impl FnOnce(&mut [f32], Option<&dyn Post>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        crate::kernels::epilogue::fused(y, y_shape, self.leaves, self.f, in_kernel, kernel)
    }
}

/// [`conv`] for f32 with an epilogue: a 2-D depthwise convolution runs it on each channel's
/// rows as it writes them; the other paths run it as a pass afterwards.
#[allow(clippy::too_many_arguments)]
pub fn conv_with_epilogue<E: ConvEpilogue>(
    x: &[f32],
    x_shape: &[usize],
    w: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
    epilogue: E,
) -> Result<(), Error> {
    let depthwise_2d = Geom::new(x_shape, w_shape, y_shape, p).is_ok_and(|g| g.depthwise() && g.d == 2);
    epilogue.run(y, y_shape, depthwise_2d, |y, post| match post {
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

/// [`conv_prepacked`] with an epilogue, run by the GEMM (or the phased path) on each block of
/// outputs as it finishes it.
#[allow(clippy::too_many_arguments)]
pub fn conv_prepacked_with_epilogue<E: ConvEpilogue>(
    x: &[f32],
    x_shape: &[usize],
    w: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
    epilogue: E,
) -> Result<(), Error> {
    epilogue.run(y, y_shape, true, |y, post| prepacked_with(x, x_shape, w, w_shape, bias, p, y, y_shape, scratch, post))
}

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
    conv_prepacked_with_epilogue(x, x_shape, w, w_shape, bias, p, y, y_shape, scratch, NoEpilogue)
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
    conv_prepacked_with_epilogue(x, x_shape, w, w_shape, bias, p, y, y_shape, scratch, Fused { leaves, f })
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
    conv_prepacked_with_epilogue(x, x_shape, w, w_shape, bias, p, y, y_shape, scratch, Clamp { lo, hi })
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
    post: Option<&dyn Post>,
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
        if images
            .into_iter()
            .all(|(nn, (xb, yb))| super::phased::run(&shape, xb, w, bias, yb, scratch, post, nn * out_img))
        {
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
