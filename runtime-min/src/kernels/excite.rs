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

/// Scratch elements [`squeeze_excite`] needs: `c` means, `r` hidden units and `c` gates.
pub fn squeeze_excite_scratch_len(c: usize, r: usize) -> usize {
    2 * c + r
}

/// The weights of a squeeze-and-excitation block: `w1` is `[r, c]` (a 1x1 conv's `[r, c, 1, 1]`
/// has the same elements), `w2` is `[c, r]`; `act` follows the first product, `gate` the second.
pub struct Excite<'a, T, A, G> {
    pub w1: &'a [T],
    pub b1: &'a [T],
    pub w2: &'a [T],
    pub b2: &'a [T],
    pub act: A,
    pub gate: G,
}

/// `x` is `[n, c, spatial...]`; `y` has its shape. `scratch` holds at least
/// [`squeeze_excite_scratch_len`] elements.
pub fn squeeze_excite<T, A, G>(x: &[T], x_shape: &[usize], e: Excite<'_, T, A, G>, y: &mut [T], scratch: &mut [T]) -> Result<(), Error>
where
    T: Float + Send + Sync,
    A: Fn([T; 1]) -> T,
    G: Fn([T; 1]) -> T,
{
    check_len(x.len(), x_shape, "squeeze_excite: input length does not match its shape")?;
    let (n, c) = match x_shape {
        [n, c, _, ..] => (*n, *c),
        _ => return Err(Error::Layout("squeeze_excite: the input needs a batch, a channel and a spatial axis")),
    };
    let r = e.b1.len();
    if y.len() != x.len() || e.w1.len() != r * c || e.w2.len() != c * r || e.b2.len() != c {
        return Err(Error::Layout("squeeze_excite: output or weight length does not match"));
    }
    if scratch.len() < squeeze_excite_scratch_len(c, r) {
        return Err(Error::Layout("squeeze_excite: scratch is too small"));
    }
    let hw: usize = x_shape[2..].iter().product();
    if n * c * hw == 0 {
        return Ok(());
    }
    let (means, rest) = scratch.split_at_mut(c);
    let (hidden, rest) = rest.split_at_mut(r);
    let gates = &mut rest[..c];
    let grain = MIN_ELEMENTS_PER_THREAD.div_ceil(hw);
    let count = T::from_f64(hw as f64);
    for (xi, yi) in x.chunks_exact(c * hw).zip(y.chunks_exact_mut(c * hw)) {
        crate::threads::for_each_chunk(means, c, 1, grain, &|c0, band| {
            for (k, m) in band.iter_mut().enumerate() {
                let first = (c0 + k) * hw;
                *m = sum(&xi[first..first + hw]) / count;
            }
        });
        for ((h, w), &b) in hidden.iter_mut().zip(e.w1.chunks_exact(c)).zip(e.b1) {
            *h = (e.act)([dot(w, means) + b]);
        }
        for (k, (s, &b)) in gates.iter_mut().zip(e.b2).enumerate() {
            *s = (e.gate)([dot(&e.w2[k * r..(k + 1) * r], hidden) + b]);
        }
        let gates = &*gates;
        crate::threads::for_each_chunk(yi, c, hw, grain, &|c0, band| {
            for (k, plane) in band.chunks_mut(hw).enumerate() {
                let (s, first) = (gates[c0 + k], (c0 + k) * hw);
                for (o, &v) in plane.iter_mut().zip(&xi[first..first + hw]) {
                    *o = v * s;
                }
            }
        });
    }
    Ok(())
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
    fn reference(x: &[f64], n: usize, c: usize, hw: usize, w1: &[f64], b1: &[f64], w2: &[f64], b2: &[f64]) -> Vec<f64> {
        let r = b1.len();
        let mut y = vec![0.0; x.len()];
        for i in 0..n {
            let img = &x[i * c * hw..(i + 1) * c * hw];
            let means: Vec<f64> = (0..c).map(|k| img[k * hw..(k + 1) * hw].iter().sum::<f64>() / hw as f64).collect();
            let hidden: Vec<f64> = (0..r).map(|j| (0..c).map(|k| w1[j * c + k] * means[k]).sum::<f64>() + b1[j]).map(|v| v.max(0.0)).collect();
            let gates: Vec<f64> = (0..c).map(|k| (0..r).map(|j| w2[k * r + j] * hidden[j]).sum::<f64>() + b2[k]).map(|v| 1.0 / (1.0 + (-v).exp())).collect();
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
        let (w1, b1): (Vec<f64>, Vec<f64>) = ((0..r * c).map(|i| val(i, 2)).collect(), (0..r).map(|i| val(i, 3)).collect());
        let (w2, b2): (Vec<f64>, Vec<f64>) = ((0..c * r).map(|i| val(i, 4)).collect(), (0..c).map(|i| val(i, 5)).collect());
        let want = reference(&x, n, c, hw, &w1, &b1, &w2, &b2);
        let mut y = vec![0.0; x.len()];
        let mut scratch = vec![0.0; squeeze_excite_scratch_len(c, r)];
        let e = Excite { w1: &w1, b1: &b1, w2: &w2, b2: &b2, act: |[v]: [f64; 1]| v.max(0.0), gate: |[v]: [f64; 1]| 1.0 / (1.0 + (-v).exp()) };
        squeeze_excite(&x, &[n, c, h, w], e, &mut y, &mut scratch).unwrap();
        for (i, (a, b)) in y.iter().zip(&want).enumerate() {
            assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "element {i}: {a} vs {b}");
        }
    }

    #[test]
    fn wrong_weight_lengths_are_errors() {
        let x = [1.0f32; 12];
        let mut y = [0.0f32; 12];
        let mut scratch = [0.0f32; 16];
        let e = Excite { w1: &[1.0; 5], b1: &[0.0; 2], w2: &[1.0; 6], b2: &[0.0; 3], act: |[v]: [f32; 1]| v, gate: |[v]: [f32; 1]| v };
        assert!(squeeze_excite(&x, &[1, 3, 2, 2], e, &mut y, &mut scratch).is_err());
    }
}
