//! Normalisations along an axis: `Softmax`, `LogSoftmax` and `LRN`.
//!
//! Softmax subtracts the maximum before exponentiating, so large inputs never overflow. When
//! the axis is not innermost, columns are processed in blocks of `BLOCK` with their maxima
//! and sums on the stack, so every pass reads contiguous rows.

use super::nd::{check_len, numel};
use crate::scalar::Float;
use crate::Error;

/// Columns processed together when the softmax axis is not the innermost one.
const BLOCK: usize = 64;

/// Layer normalisation over the last axis: `(x - mean) / sqrt(var + eps) * scale + bias`
/// with `var = mean((x - mean)^2)`; `scale` and `bias` have the last axis' length. Each step is
/// the operation the decomposed form's kernels perform, in the same order (sums in index order,
/// `pow(d, 2)`, then divide), so it gives the decomposed form's exact values, in one pass.
pub fn layer_norm<T: Float + super::binary::Arith>(
    x: &[T],
    x_shape: &[usize],
    eps: T,
    scale: &[T],
    bias: &[T],
    y: &mut [T],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "layer_norm: input length does not match its shape")?;
    let h = *x_shape.last().ok_or(Error::Layout("layer_norm: a scalar has no axis to normalise"))?;
    if y.len() != x.len() || scale.len() != h || bias.len() != h {
        return Err(Error::Layout("layer_norm: output, scale or bias length does not match"));
    }
    if h == 0 {
        return Ok(());
    }
    let n = T::from_f64(h as f64);
    // Sums in interleaved lanes: vector loops (a serial sum and a `pow` per element were 5%
    // of a ViT). Each step rounds as the decomposed spelling's ops do (a square, then a sum;
    // a divide by the deviation), so the pass that fuses that spelling keeps its values.
    for (xr, yr) in x.chunks_exact(h).zip(y.chunks_exact_mut(h)) {
        let mean = lane_sum(xr) / n;
        for (o, &v) in yr.iter_mut().zip(xr) {
            *o = v - mean;
        }
        let var = lane_sum_of_squares(yr) / n;
        let den = (var + eps).sqrt();
        for ((o, &s), &b) in yr.iter_mut().zip(scale).zip(bias) {
            *o = *o / den * s + b;
        }
    }
    Ok(())
}

/// Softmax over the middle axis of `x` viewed as `[outer, axis, inner]`.
pub fn softmax<T: Float>(x: &[T], y: &mut [T], outer: usize, axis: usize, inner: usize) -> Result<(), Error> {
    softmax_impl(x, y, outer, axis, inner, false)
}

/// Log-softmax over the middle axis of `x` viewed as `[outer, axis, inner]`:
/// `x - max - ln(sum(exp(x - max)))`.
pub fn log_softmax<T: Float>(x: &[T], y: &mut [T], outer: usize, axis: usize, inner: usize) -> Result<(), Error> {
    softmax_impl(x, y, outer, axis, inner, true)
}

fn softmax_impl<T: Float>(
    x: &[T],
    y: &mut [T],
    outer: usize,
    axis: usize,
    inner: usize,
    log: bool,
) -> Result<(), Error> {
    check_len(x.len(), &[outer, axis, inner], "softmax: input length does not match outer*axis*inner")?;
    if y.len() != x.len() {
        return Err(Error::Layout("softmax: output length differs from the input's"));
    }
    if x.is_empty() {
        return Ok(());
    }
    let block = axis * inner;
    for (xb, yb) in x.chunks_exact(block).zip(y.chunks_exact_mut(block)) {
        if inner == 1 {
            softmax_row(xb, yb, log);
            continue;
        }
        for j0 in (0..inner).step_by(BLOCK) {
            let bs = BLOCK.min(inner - j0);
            let cols = |a: usize| j0 + a * inner..j0 + a * inner + bs;
            let mut m = [T::zero(); BLOCK];
            m[..bs].copy_from_slice(&xb[cols(0)]);
            for a in 1..axis {
                for (mj, &v) in m[..bs].iter_mut().zip(&xb[cols(a)]) {
                    if v > *mj || v.is_nan() {
                        *mj = v;
                    }
                }
            }
            let mut s = [T::zero(); BLOCK];
            for a in 0..axis {
                let r = cols(a);
                for (((o, &v), &mj), sj) in yb[r.clone()].iter_mut().zip(&xb[r]).zip(&m[..bs]).zip(&mut s[..bs]) {
                    let e = (v - mj).exp();
                    *sj = *sj + e;
                    if !log {
                        *o = e;
                    }
                }
            }
            for a in 0..axis {
                let r = cols(a);
                if log {
                    for (((o, &v), &mj), &sj) in yb[r.clone()].iter_mut().zip(&xb[r]).zip(&m[..bs]).zip(&s[..bs]) {
                        *o = v - mj - sj.ln();
                    }
                } else {
                    for (o, &sj) in yb[r].iter_mut().zip(&s[..bs]) {
                        *o = *o / sj;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Softmax of one row in place (attention's score rows), written to vectorise: the maximum
/// without a per-element NaN test (a NaN anywhere still makes the whole row NaN, through its
/// exponential), and the sum of exponentials in [`LANES`] interleaved partial sums.
pub(crate) fn softmax_in_place<T: Float>(y: &mut [T]) {
    let Some(&first) = y.first() else { return };
    let m = lane_max(y, first);
    for o in y.iter_mut() {
        *o = (*o - m).exp();
    }
    // One divide, then multiplies (a divide per element was a third of the row's time).
    let inv = T::one() / lane_sum(y);
    for o in y.iter_mut() {
        *o = *o * inv;
    }
}

/// Partial results kept by [`lanes`].
const LANES: usize = 16;

/// `x` folded into `LANES` interleaved partial results (element `i` into lane `i % LANES`,
/// each lane starting from `init`): a fixed order (the same result on every machine) that the
/// compiler keeps in vector registers, where one serial fold is a chain of dependent steps.
#[inline(always)]
fn lanes<T: Float>(x: &[T], init: T, step: impl Fn(T, T) -> T) -> [T; LANES] {
    let mut acc = [init; LANES];
    let mut chunks = x.chunks_exact(LANES);
    for c in &mut chunks {
        for (a, &v) in acc.iter_mut().zip(c) {
            *a = step(*a, v);
        }
    }
    for (a, &v) in acc.iter_mut().zip(chunks.remainder()) {
        *a = step(*a, v);
    }
    acc
}

/// The largest of `first` and `x` (`if v > m`: NaNs are passed over).
fn lane_max<T: Float>(x: &[T], first: T) -> T {
    let max = |m: T, v: T| if v > m { v } else { m };
    lanes(x, first, max).into_iter().fold(first, max)
}

/// The sum of the squares of `x` (each square rounded, then added: no fused multiply-add).
fn lane_sum_of_squares<T: Float>(x: &[T]) -> T {
    lanes(x, T::zero(), |a, v| a + v * v).into_iter().fold(T::zero(), |s, a| s + a)
}

/// The sum of `x`.
fn lane_sum<T: Float>(x: &[T]) -> T {
    lanes(x, T::zero(), |a, v| a + v).into_iter().fold(T::zero(), |s, a| s + a)
}

/// Softmax (or log-softmax) of one contiguous row.
fn softmax_row<T: Float>(x: &[T], y: &mut [T], log: bool) {
    let mut m = x[0];
    for &v in x {
        if v > m || v.is_nan() {
            m = v;
        }
    }
    let mut s = T::zero();
    if log {
        for &v in x {
            s = s + (v - m).exp();
        }
        let ls = s.ln();
        for (o, &v) in y.iter_mut().zip(x) {
            *o = v - m - ls;
        }
    } else {
        for (o, &v) in y.iter_mut().zip(x) {
            let e = (v - m).exp();
            *o = e;
            s = s + e;
        }
        for o in y.iter_mut() {
            *o = *o / s;
        }
    }
}

/// ONNX `LRN` on `x` of shape `[N, C, ...]`: each element is divided by
/// `(bias + alpha / size * sum_sq)^beta`, where `sum_sq` sums squares over channels
/// `c - floor((size-1)/2) ..= c + ceil((size-1)/2)` (clipped to the tensor).
pub fn lrn<T: Float>(
    x: &[T],
    x_shape: &[usize],
    size: usize,
    alpha: f64,
    beta: f64,
    bias: f64,
    y: &mut [T],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "lrn: input length does not match its shape")?;
    if x_shape.len() < 2 || size == 0 || y.len() != x.len() {
        return Err(Error::Layout("lrn: needs rank >= 2, size >= 1 and an output as long as the input"));
    }
    if x.is_empty() {
        return Ok(());
    }
    let c = x_shape[1];
    let inner = numel(&x_shape[2..])?;
    let (before, after) = ((size - 1) / 2, size - 1 - (size - 1) / 2);
    let scale = T::from_f64(alpha / size as f64);
    let (bias, beta) = (T::from_f64(bias), T::from_f64(beta));
    for (xb, yb) in x.chunks_exact(c * inner).zip(y.chunks_exact_mut(c * inner)) {
        for (ch, yc) in yb.chunks_exact_mut(inner).enumerate() {
            yc.fill(T::zero());
            for c2 in ch.saturating_sub(before)..(ch + after + 1).min(c) {
                for (o, &v) in yc.iter_mut().zip(&xb[c2 * inner..(c2 + 1) * inner]) {
                    *o = *o + v * v;
                }
            }
            for (o, &v) in yc.iter_mut().zip(&xb[ch * inner..(ch + 1) * inner]) {
                *o = v / (bias + scale * *o).powf(beta);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_softmax(x: &[f64], outer: usize, axis: usize, inner: usize, log: bool) -> Vec<f64> {
        let mut y = vec![0.0; x.len()];
        for o in 0..outer {
            for j in 0..inner {
                let idx = |a: usize| (o * axis + a) * inner + j;
                let s: f64 = (0..axis).map(|a| x[idx(a)].exp()).sum();
                for a in 0..axis {
                    y[idx(a)] = if log { x[idx(a)] - s.ln() } else { x[idx(a)].exp() / s };
                }
            }
        }
        y
    }

    #[test]
    fn softmax_matches_naive() {
        for (outer, axis, inner) in [(1, 5, 1), (3, 4, 1), (2, 3, 5), (2, 7, 130), (1, 1, 3)] {
            let n = outer * axis * inner;
            let x: Vec<f64> = (0..n).map(|i| ((i * 37 % 23) as f64 - 11.0) * 0.3).collect();
            for log in [false, true] {
                let want = naive_softmax(&x, outer, axis, inner, log);
                let mut y = vec![0.0; n];
                if log {
                    log_softmax(&x, &mut y, outer, axis, inner).unwrap();
                } else {
                    softmax(&x, &mut y, outer, axis, inner).unwrap();
                }
                for (a, b) in y.iter().zip(&want) {
                    assert!((a - b).abs() < 1e-12, "{a} vs {b} ({outer},{axis},{inner}) log={log}");
                }
            }
        }
    }

    #[test]
    fn softmax_is_stable() {
        let x = [1000.0f32, 1000.0, -1000.0];
        let mut y = [0.0f32; 3];
        softmax(&x, &mut y, 1, 3, 1).unwrap();
        assert_eq!(y, [0.5, 0.5, 0.0]);
        log_softmax(&x, &mut y, 1, 3, 1).unwrap();
        assert!((y[0] - -std::f32::consts::LN_2).abs() < 1e-6);
        assert_eq!(y[2], -2000.0 - std::f32::consts::LN_2);
        assert!(softmax(&x, &mut y, 1, 2, 1).is_err());
        assert!(softmax(&x, &mut y[..2], 1, 3, 1).is_err());
    }

    #[test]
    fn lrn_by_hand() {
        // N=1, C=3, one spatial position; size 2: window [c, c+1].
        let x = [1.0f64, 2.0, 3.0];
        let mut y = [0.0f64; 3];
        lrn(&x, &[1, 3, 1], 2, 0.5, 0.75, 1.0, &mut y).unwrap();
        let want = [
            1.0 / (1.0 + 0.25 * 5.0f64).powf(0.75),
            2.0 / (1.0 + 0.25 * 13.0f64).powf(0.75),
            3.0 / (1.0 + 0.25 * 9.0f64).powf(0.75),
        ];
        for (a, b) in y.iter().zip(&want) {
            assert!((a - b).abs() < 1e-12);
        }
        // size 3: window [c-1, c+1].
        lrn(&x, &[1, 3], 3, 3.0, 1.0, 2.0, &mut y).unwrap();
        let want = [1.0 / (2.0 + 5.0), 2.0 / (2.0 + 14.0), 3.0 / (2.0 + 13.0)];
        for (a, b) in y.iter().zip(&want) {
            assert!((a - b).abs() < 1e-12);
        }
        assert!(lrn(&x, &[3], 3, 1.0, 1.0, 1.0, &mut y).is_err());
    }
}
