//! Squeeze-and-excitation (MobileNetV3, EfficientNet, RegNet...): per image and channel,
//! `y = x * gate(W2 · act(W1 · mean(x) + b1) + b2)`, where exporters write a global mean, two
//! 1x1 convolutions with their activations and a broadcast Mul: four kernels, two of them
//! passes over `x`, for what is one pass to read the means and one to scale.
//!
//! The squeezed vectors (C means, R hidden units, C gates per image) live in scratch memory;
//! the two passes over `x` split channels across threads.

use super::nd::check_len;
use crate::scalar::Float;
use crate::Error;

/// Elements of the fewest channels a thread takes in a pass over `x`: below this, splitting
/// costs more than it saves.
const MIN_ELEMENTS_PER_THREAD: usize = 1 << 15;

/// Multiply-adds of the fewest rows a thread takes in the block's two small products.
const MIN_MULTIPLY_ADDS_PER_THREAD: usize = 1 << 15;

/// Scratch elements [`squeeze_excite`] needs: `c` means, `r` hidden units and `c` gates.
pub fn squeeze_excite_scratch_len(c: usize, r: usize) -> usize {
    2 * c + r
}

/// The weights of a squeeze-and-excitation block: `w1` is `[r, c]` (a 1x1 conv's `[r, c, 1, 1]`
/// has the same elements), `w2` is `[c, r]`; `act` follows the first product, `gate` the second.
pub struct Excite<'a, T, A, G> {
    /// The squeeze weights, `[r, c]`.
    pub w1: &'a [T],
    /// The squeeze bias, `[r]`.
    pub b1: &'a [T],
    /// The excitation weights, `[c, r]`.
    pub w2: &'a [T],
    /// The excitation bias, `[c]`.
    pub b2: &'a [T],
    /// The activation after the first product (e.g. ReLU or SiLU), per element.
    pub act: A,
    /// The gate after the second product (e.g. a sigmoid), per element.
    pub gate: G,
}

/// `x` is `[n, c, spatial...]`; `y` has its shape. `scratch` holds at least
/// [`squeeze_excite_scratch_len`] elements.
pub fn squeeze_excite<T, A, G>(
    x: &[T],
    x_shape: &[usize],
    e: Excite<'_, T, A, G>,
    y: &mut [T],
    scratch: &mut [T],
) -> Result<(), Error>
where
    T: Float + Send + Sync,
    A: Fn([T; 1]) -> T + Sync,
    G: Fn([T; 1]) -> T + Sync,
{
    let b = Block::new(x, x_shape, &e, scratch)?;
    if y.len() != x.len() {
        return Err(Error::Layout("squeeze_excite: output length does not match the input"));
    }
    if b.is_empty() {
        return Ok(());
    }
    let (gates, rest) = scratch.split_at_mut(b.c);
    let grain = MIN_ELEMENTS_PER_THREAD.div_ceil(b.hw);
    for (xi, yi) in x.chunks_exact(b.c * b.hw).zip(y.chunks_exact_mut(b.c * b.hw)) {
        b.gates(xi, &e, gates, rest);
        let gates = &*gates;
        crate::threads::for_each_chunk(yi, b.c, b.hw, grain, &|c0, band| {
            for (k, plane) in band.chunks_mut(b.hw).enumerate() {
                let (s, first) = (gates[c0 + k], (c0 + k) * b.hw);
                for (o, &v) in plane.iter_mut().zip(&xi[first..first + b.hw]) {
                    *o = v * s;
                }
            }
        });
    }
    Ok(())
}

/// Scratch elements [`squeeze_excite_project`] needs for `m` output channels, besides the 1x1
/// convolution's own (`conv_scratch`).
pub fn squeeze_excite_project_scratch_len(c: usize, r: usize, m: usize, conv_scratch: usize) -> usize {
    // The scaled weights, row-major or (larger, padded) in the prepacked layout.
    squeeze_excite_scratch_len(c, r) + super::prepacked::packed_len(m, c).max(m * c) + conv_scratch
}

/// [`squeeze_excite_project`] for f32 with the projection's weights `wp` (`[m, c, 1...]`,
/// shape `wp_shape`) packed at build time ([`super::conv::prepack_weights`]): the gates scale
/// the packed weights in one streaming pass (or, on maps of fewer positions than output
/// channels, `x`) and the prepacked GEMM adds the bias as it stores.
#[allow(clippy::too_many_arguments)]
pub fn squeeze_excite_project_prepacked<A, G>(
    x: &[f32],
    x_shape: &[usize],
    e: Excite<'_, f32, A, G>,
    wp: &[f32],
    wp_shape: &[usize],
    bp: &[f32],
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
) -> Result<(), Error>
where
    A: Fn([f32; 1]) -> f32 + Sync,
    G: Fn([f32; 1]) -> f32 + Sync,
{
    let b = Block::new(x, x_shape, &e, scratch)?;
    let m = bp.len();
    let packed = super::prepacked::packed_len(m, b.c);
    let shape_ok =
        wp_shape.first() == Some(&m) && wp_shape.get(1) == Some(&b.c) && wp_shape[2..].iter().all(|&d| d == 1);
    b.check_projection(x_shape, y.len(), y_shape, m, shape_ok && wp.len() == packed, scratch.len())?;
    if b.is_empty() || m == 0 {
        return Ok(());
    }
    let (gates, rest) = scratch.split_at_mut(b.c);
    let (stats, rest) = rest.split_at_mut(b.c + b.r);
    let scaled = &mut rest[..packed];
    for (xi, yi) in x.chunks_exact(b.c * b.hw).zip(y.chunks_exact_mut(m * b.hw)) {
        b.gates(xi, &e, gates, stats);
        if b.hw < m {
            // Fewer positions than output channels (a late stage's 7x7 map projected to 320
            // channels): scaling `x` is the smaller pass (c * hw values, not m * c). It fits
            // `scaled`, which holds m * c.
            let scaled_x = &mut scaled[..b.c * b.hw];
            for ((dst, src), &s) in scaled_x.chunks_exact_mut(b.hw).zip(xi.chunks_exact(b.hw)).zip(gates.iter()) {
                for (d, &v) in dst.iter_mut().zip(src) {
                    *d = v * s;
                }
            }
            super::prepacked::gemm(wp, m, b.c, b.hw, scaled_x, b.hw, Some(bp), yi, b.hw, None)?;
        } else {
            super::prepacked::scale_columns(wp, m, b.c, gates, scaled)?;
            super::prepacked::gemm(scaled, m, b.c, b.hw, xi, b.hw, Some(bp), yi, b.hw, None)?;
        }
    }
    Ok(())
}

/// A squeeze-and-excitation block followed by a 1x1 convolution, `y = conv1x1(x * gates, wp) +
/// bp`: the gates scale the convolution's weights (`m * c` products per image) instead of `x`
/// (`c * h * w`), so `x * gates` is never written. `wp` is `[m, c, 1...]`, `y` `[n, m, spatial...]`.
#[allow(clippy::too_many_arguments)]
pub fn squeeze_excite_project<T, A, G>(
    x: &[T],
    x_shape: &[usize],
    e: Excite<'_, T, A, G>,
    wp: &[T],
    bp: &[T],
    y: &mut [T],
    y_shape: &[usize],
    scratch: &mut [T],
) -> Result<(), Error>
where
    T: Float + super::matmul::MatMulElem + Send + Sync,
    A: Fn([T; 1]) -> T + Sync,
    G: Fn([T; 1]) -> T + Sync,
{
    let b = Block::new(x, x_shape, &e, scratch)?;
    let m = bp.len();
    b.check_projection(x_shape, y.len(), y_shape, m, wp.len() == m * b.c, scratch.len())?;
    if b.is_empty() || m == 0 {
        return Ok(());
    }
    let (gates, rest) = scratch.split_at_mut(b.c);
    let (stats, rest) = rest.split_at_mut(b.c + b.r);
    let (scaled, conv_scratch) = rest.split_at_mut(m * b.c);
    let spatial = x_shape.len() - 2;
    let (ones, zeros) = ([1usize; 8], [0usize; 16]);
    if spatial > ones.len() {
        return Err(Error::Layout("squeeze_excite_project: too many spatial axes"));
    }
    let p = super::conv::ConvParams {
        group: 1,
        strides: &ones[..spatial],
        dilations: &ones[..spatial],
        pads: &zeros[..2 * spatial],
    };
    let mut w_shape = [1usize; 10];
    (w_shape[0], w_shape[1]) = (m, b.c);
    let (mut xs, mut ys) = (shape10(x_shape), shape10(y_shape));
    (xs[0], ys[0]) = (1, 1);
    for (xi, yi) in x.chunks_exact(b.c * b.hw).zip(y.chunks_exact_mut(m * b.hw)) {
        b.gates(xi, &e, gates, stats);
        for (row, src) in scaled.chunks_exact_mut(b.c).zip(wp.chunks_exact(b.c)) {
            for ((o, &w), &s) in row.iter_mut().zip(src).zip(gates.iter()) {
                *o = w * s;
            }
        }
        super::conv::conv(
            xi,
            &xs[..x_shape.len()],
            scaled,
            &w_shape[..x_shape.len()],
            Some(bp),
            &p,
            yi,
            &ys[..y_shape.len()],
            conv_scratch,
        )?;
    }
    Ok(())
}

/// The sizes of a block, checked against its operands.
struct Block {
    c: usize,
    r: usize,
    hw: usize,
    images: usize,
}

impl Block {
    fn new<T, A, G>(x: &[T], x_shape: &[usize], e: &Excite<'_, T, A, G>, scratch: &[T]) -> Result<Block, Error> {
        check_len(x.len(), x_shape, "squeeze_excite: input length does not match its shape")?;
        let (images, c) = match x_shape {
            [n, c, _, ..] => (*n, *c),
            _ => return Err(Error::Layout("squeeze_excite: the input needs a batch, a channel and a spatial axis")),
        };
        let r = e.b1.len();
        if e.w1.len() != r * c || e.w2.len() != c * r || e.b2.len() != c {
            return Err(Error::Layout("squeeze_excite: weight length does not match"));
        }
        if scratch.len() < squeeze_excite_scratch_len(c, r) {
            return Err(Error::Layout("squeeze_excite: scratch is too small"));
        }
        Ok(Block { c, r, hw: x_shape[2..].iter().product(), images })
    }

    /// Checks a projecting block's output (`[n, m, spatial...]` for `x`'s `[n, c, spatial...]`),
    /// its weights (`weights_ok`, checked by the caller for its layout) and its scratch.
    fn check_projection(
        &self,
        x_shape: &[usize],
        y_len: usize,
        y_shape: &[usize],
        m: usize,
        weights_ok: bool,
        scratch_len: usize,
    ) -> Result<(), Error> {
        check_len(y_len, y_shape, "squeeze_excite_project: output length does not match its shape")?;
        if !weights_ok
            || y_shape.len() != x_shape.len()
            || y_shape.first() != x_shape.first()
            || y_shape.get(1) != Some(&m)
            || y_shape[2..] != x_shape[2..]
        {
            return Err(Error::Layout("squeeze_excite_project: projection weights or output shape do not match"));
        }
        if scratch_len < squeeze_excite_project_scratch_len(self.c, self.r, m, 0) {
            return Err(Error::Layout("squeeze_excite_project: scratch is too small"));
        }
        Ok(())
    }

    fn is_empty(&self) -> bool {
        self.images * self.c * self.hw == 0
    }

    /// One image's gates; `stats` holds `c + r` elements (the means and the hidden units).
    fn gates<T, A, G>(&self, xi: &[T], e: &Excite<'_, T, A, G>, gates: &mut [T], stats: &mut [T])
    where
        T: Float + Send + Sync,
        A: Fn([T; 1]) -> T + Sync,
        G: Fn([T; 1]) -> T + Sync,
    {
        let (c, r, hw) = (self.c, self.r, self.hw);
        let (means, hidden) = stats.split_at_mut(c);
        let count = T::from_f64(hw as f64);
        crate::threads::for_each_chunk(means, c, 1, MIN_ELEMENTS_PER_THREAD.div_ceil(hw), &|c0, band| {
            for (k, m) in band.iter_mut().enumerate() {
                let first = (c0 + k) * hw;
                *m = sum(&xi[first..first + hw]) / count;
            }
        });
        // The two small products split their rows across threads (each row's dot product is
        // the same on any thread): MobileNetV3's 672 -> 168 -> 672 blocks read 900 KB of
        // weights here, a tenth of the block's time on one thread.
        let means = &*means;
        let rows_per_part = |width: usize| MIN_MULTIPLY_ADDS_PER_THREAD.div_ceil(width.max(1));
        crate::threads::for_each_chunk(&mut hidden[..r], r, 1, rows_per_part(c), &|h0, band| {
            for (k, h) in band.iter_mut().enumerate() {
                *h = (e.act)([dot(&e.w1[(h0 + k) * c..(h0 + k + 1) * c], means) + e.b1[h0 + k]]);
            }
        });
        let hidden = &hidden[..r];
        crate::threads::for_each_chunk(gates, c, 1, rows_per_part(r), &|g0, band| {
            for (k, s) in band.iter_mut().enumerate() {
                let row = g0 + k;
                *s = (e.gate)([dot(&e.w2[row * r..(row + 1) * r], hidden) + e.b2[row]]);
            }
        });
    }
}

/// A shape of rank at most 10 in a fixed array (1s after it), so the kernel needs no allocation.
fn shape10(dims: &[usize]) -> [usize; 10] {
    let mut out = [1usize; 10];
    for (o, &d) in out.iter_mut().zip(dims) {
        *o = d;
    }
    out
}

/// A sum in 16 interleaved lanes, so the loop vectorises.
fn sum<T: Float>(v: &[T]) -> T {
    let mut lanes = [T::zero(); 16];
    let mut chunks = v.chunks_exact(16);
    for chunk in &mut chunks {
        for (l, &x) in lanes.iter_mut().zip(chunk) {
            *l = *l + x;
        }
    }
    let tail = chunks.remainder().iter().fold(T::zero(), |a, &x| a + x);
    lanes.iter().fold(T::zero(), |a, &l| a + l) + tail
}

fn dot<T: Float>(a: &[T], b: &[T]) -> T {
    let mut lanes = [T::zero(); 8];
    let (mut ca, mut cb) = (a.chunks_exact(8), b.chunks_exact(8));
    for (x, y) in (&mut ca).zip(&mut cb) {
        for ((l, &p), &q) in lanes.iter_mut().zip(x).zip(y) {
            *l = *l + p * q;
        }
    }
    let tail = ca.remainder().iter().zip(cb.remainder()).fold(T::zero(), |s, (&p, &q)| s + p * q);
    lanes.iter().fold(T::zero(), |s, &l| s + l) + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block written out step by step, as the unfused kernels compute it.
    #[allow(clippy::too_many_arguments)]
    fn reference(x: &[f64], n: usize, c: usize, hw: usize, w1: &[f64], b1: &[f64], w2: &[f64], b2: &[f64]) -> Vec<f64> {
        let r = b1.len();
        let mut y = vec![0.0; x.len()];
        for i in 0..n {
            let img = &x[i * c * hw..(i + 1) * c * hw];
            let means: Vec<f64> = (0..c).map(|k| img[k * hw..(k + 1) * hw].iter().sum::<f64>() / hw as f64).collect();
            let hidden: Vec<f64> = (0..r)
                .map(|j| (0..c).map(|k| w1[j * c + k] * means[k]).sum::<f64>() + b1[j])
                .map(|v| v.max(0.0))
                .collect();
            let gates: Vec<f64> = (0..c)
                .map(|k| (0..r).map(|j| w2[k * r + j] * hidden[j]).sum::<f64>() + b2[k])
                .map(|v| 1.0 / (1.0 + (-v).exp()))
                .collect();
            for k in 0..c {
                for p in 0..hw {
                    y[i * c * hw + k * hw + p] = img[k * hw + p] * gates[k];
                }
            }
        }
        y
    }

    #[test]
    fn matches_the_unfused_steps_on_two_images_with_odd_sizes() {
        let (n, c, r, h, w) = (2, 37, 9, 5, 7);
        let hw = h * w;
        let val = |i: usize, m: usize| ((i * 7919 + m) % 101) as f64 / 50.0 - 1.0;
        let x: Vec<f64> = (0..n * c * hw).map(|i| val(i, 1)).collect();
        let (w1, b1): (Vec<f64>, Vec<f64>) =
            ((0..r * c).map(|i| val(i, 2)).collect(), (0..r).map(|i| val(i, 3)).collect());
        let (w2, b2): (Vec<f64>, Vec<f64>) =
            ((0..c * r).map(|i| val(i, 4)).collect(), (0..c).map(|i| val(i, 5)).collect());
        let want = reference(&x, n, c, hw, &w1, &b1, &w2, &b2);
        let mut y = vec![0.0; x.len()];
        let mut scratch = vec![0.0; squeeze_excite_scratch_len(c, r)];
        let e = Excite {
            w1: &w1,
            b1: &b1,
            w2: &w2,
            b2: &b2,
            act: |[v]: [f64; 1]| v.max(0.0),
            gate: |[v]: [f64; 1]| 1.0 / (1.0 + (-v).exp()),
        };
        squeeze_excite(&x, &[n, c, h, w], e, &mut y, &mut scratch).unwrap();
        for (i, (a, b)) in y.iter().zip(&want).enumerate() {
            assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "element {i}: {a} vs {b}");
        }
    }

    #[test]
    fn the_projection_equals_a_1x1_convolution_of_the_scaled_input() {
        // More positions than output channels (the packed path scales the weights), then fewer
        // (it scales the input).
        projection_matches(11, 3, 5, 4, 3);
        projection_matches(11, 3, 20, 2, 3);
    }

    #[test]
    fn blocks_split_across_threads_equal_the_unfused_steps() {
        // MobileNetV3's 672 -> 168 -> 672 block projected to 112 channels on 14x14: its small
        // products and the weight scaling split across two threads.
        let _threads = crate::threads::limit_threads(2);
        projection_matches(672, 168, 112, 14, 14);
        projection_matches(480, 120, 300, 4, 4);
    }

    fn projection_matches(c: usize, r: usize, m: usize, h: usize, w: usize) {
        let n = 2;
        let hw = h * w;
        let val = |i: usize, k: usize| ((i * 7919 + k) % 101) as f64 / 50.0 - 1.0;
        let x: Vec<f64> = (0..n * c * hw).map(|i| val(i, 1)).collect();
        let (w1, b1): (Vec<f64>, Vec<f64>) =
            ((0..r * c).map(|i| val(i, 2)).collect(), (0..r).map(|i| val(i, 3)).collect());
        let (w2, b2): (Vec<f64>, Vec<f64>) =
            ((0..c * r).map(|i| val(i, 4)).collect(), (0..c).map(|i| val(i, 5)).collect());
        let (wp, bp): (Vec<f64>, Vec<f64>) =
            ((0..m * c).map(|i| val(i, 6)).collect(), (0..m).map(|i| val(i, 7)).collect());
        let scaled = reference(&x, n, c, hw, &w1, &b1, &w2, &b2);
        let mut want = vec![0.0; n * m * hw];
        for i in 0..n {
            for o in 0..m {
                for p in 0..hw {
                    want[(i * m + o) * hw + p] =
                        bp[o] + (0..c).map(|k| wp[o * c + k] * scaled[(i * c + k) * hw + p]).sum::<f64>();
                }
            }
        }
        let mut y = vec![0.0; want.len()];
        let mut scratch = vec![0.0; squeeze_excite_project_scratch_len(c, r, m, 0)];
        let e = Excite {
            w1: &w1,
            b1: &b1,
            w2: &w2,
            b2: &b2,
            act: |[v]: [f64; 1]| v.max(0.0),
            gate: |[v]: [f64; 1]| 1.0 / (1.0 + (-v).exp()),
        };
        squeeze_excite_project(&x, &[n, c, h, w], e, &wp, &bp, &mut y, &[n, m, h, w], &mut scratch).unwrap();
        for (i, (a, b)) in y.iter().zip(&want).enumerate() {
            assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "element {i}: {a} vs {b}");
        }
        // The same in f32 with the projection's weights packed at build time.
        let f = |v: &[f64]| v.iter().map(|&x| x as f32).collect::<Vec<f32>>();
        let (x, w1, b1, w2, b2, wp, bp) = (f(&x), f(&w1), f(&b1), f(&w2), f(&b2), f(&wp), f(&bp));
        let packed = crate::kernels::conv::prepack_weights(&wp, &[m, c, 1, 1], 1).unwrap();
        let mut y = vec![f32::NAN; want.len()];
        let mut scratch = vec![0.0f32; squeeze_excite_project_scratch_len(c, r, m, 0)];
        let e = Excite {
            w1: &w1,
            b1: &b1,
            w2: &w2,
            b2: &b2,
            act: |[v]: [f32; 1]| v.max(0.0),
            gate: |[v]: [f32; 1]| 1.0 / (1.0 + (-v).exp()),
        };
        squeeze_excite_project_prepacked(
            &x,
            &[n, c, h, w],
            e,
            &packed,
            &[m, c, 1, 1],
            &bp,
            &mut y,
            &[n, m, h, w],
            &mut scratch,
        )
        .unwrap();
        for (i, (a, b)) in y.iter().zip(&want).enumerate() {
            assert!((*a as f64 - b).abs() <= 1e-5 * b.abs().max(1.0), "prepacked, element {i}: {a} vs {b}");
        }
    }

    #[test]
    fn wrong_weight_lengths_are_errors() {
        let x = [1.0f32; 12];
        let mut y = [0.0f32; 12];
        let mut scratch = [0.0f32; 16];
        let e = Excite {
            w1: &[1.0; 5],
            b1: &[0.0; 2],
            w2: &[1.0; 6],
            b2: &[0.0; 3],
            act: |[v]: [f32; 1]| v,
            gate: |[v]: [f32; 1]| v,
        };
        assert!(squeeze_excite(&x, &[1, 3, 2, 2], e, &mut y, &mut scratch).is_err());
    }
}
