//! Named reductions over a set of axes, one per core reduce kind, built on the generic
//! [`reduce`]. Floats accumulate in their compute type ([`Real`]).
//! The output has the reduced axes kept as 1 (keepdims form: same bytes either way).

use super::binary::Arith;
use super::reduce::reduce;
use super::unary::Real;
use crate::scalar::Float;
use crate::Error;

/// Sum.
pub fn sum<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    if let Some(done) = trailing_sums(x, x_shape, axes, y, |a, _| T::down(a)) {
        return done;
    }
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up(), |a, _| T::down(a))
}

/// Mean.
pub fn mean<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    let fin = |a: T::Acc, n: usize| T::down(a / <T::Acc as Float>::from_f64(n as f64));
    if let Some(done) = trailing_sums(x, x_shape, axes, y, fin) {
        return done;
    }
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up(), fin)
}

/// Values per run below which [`trailing_sums`] leaves a sum to the generic fold.
const LANES_MIN_RUN: usize = 32;
/// Partial sums per run in [`trailing_sums`].
const SUM_LANES: usize = 16;

/// Sums over the trailing axes (a global average pooling: `[N, C, H, W]` over H and W), each
/// output's contiguous run in `SUM_LANES` interleaved partial sums added pairwise at the end,
/// outputs split across threads: one dependent chain of additions per output ran at one add
/// per four cycles (SqueezeNet's 1000 x 169 mean took 96 us). `None` where the axes are not
/// the trailing ones or the runs are short (the generic fold then runs).
fn trailing_sums<T: Real>(
    x: &[T],
    x_shape: &[usize],
    axes: &[usize],
    y: &mut [T],
    fin: impl Fn(T::Acc, usize) -> T + Sync,
) -> Option<Result<(), Error>> {
    // The axes as a set of bits (no sorting into a vector: this runs inside inference,
    // which allocates nothing); trailing when they are the last `count` axes.
    let r = x_shape.len();
    if r >= 64 || axes.iter().any(|&a| a >= r) {
        return None;
    }
    let set = axes.iter().fold(0u64, |set, &a| set | 1 << a);
    let count = set.count_ones() as usize;
    let trailing = count > 0 && set == ((1u64 << r) - 1) & !((1u64 << (r - count)) - 1);
    let run: usize = x_shape[r - count..].iter().product();
    if !trailing || run < LANES_MIN_RUN || x.len() != y.len() * run {
        return None;
    }
    let outputs = |o0: usize, part: &mut [T]| {
        for (o, out) in part.iter_mut().enumerate() {
            let values = &x[(o0 + o) * run..(o0 + o + 1) * run];
            let mut lanes = [<T::Acc as Float>::zero(); SUM_LANES];
            let chunks = values.chunks_exact(SUM_LANES);
            let rest = chunks.remainder();
            for chunk in chunks {
                for (l, &v) in lanes.iter_mut().zip(chunk) {
                    *l = *l + v.up();
                }
            }
            let mut width = SUM_LANES;
            while width > 1 {
                width /= 2;
                for i in 0..width {
                    lanes[i] = lanes[i] + lanes[i + width];
                }
            }
            let total = rest.iter().fold(lanes[0], |a, &v| a + v.up());
            *out = fin(total, run);
        }
    };
    if crate::threads::threads() > 1 && x.len() >= 1 << 16 {
        crate::threads::for_each_chunk(y, y.len(), 1, 1, &outputs);
    } else {
        outputs(0, y);
    }
    Some(Ok(()))
}

/// Product.
pub fn prod<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::one(), |a, v| a * v.up(), |a, _| T::down(a))
}

/// Sum of squares.
pub fn sum_square<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up() * v.up(), |a, _| T::down(a))
}

/// Sum of absolute values.
pub fn l1<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up().abs(), |a, _| T::down(a))
}

/// Euclidean norm.
pub fn l2<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up() * v.up(), |a, _| T::down(a.sqrt()))
}

/// `log(sum(exp(x)))`.
pub fn log_sum_exp<T: Real>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, <T::Acc as Float>::zero(), |a, v| a + v.up().exp(), |a, _| T::down(a.ln()))
}

/// Integer sum (wrapping).
pub fn sum_int<T: Arith + Default>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, T::default(), |a: T, v| a.add(v), |a, _| a)
}

/// Maximum (NaN-propagating). An empty reduction gives the type's default (ONNX leaves it open).
pub fn max<T: Arith + Default>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, None::<T>, |a, v| Some(a.map_or(v, |a: T| a.max(v))), |a, _| a.unwrap_or_default())
}

/// Minimum (NaN-propagating).
pub fn min<T: Arith + Default>(x: &[T], x_shape: &[usize], axes: &[usize], y: &mut [T]) -> Result<(), Error> {
    reduce(x, x_shape, axes, y, None::<T>, |a, v| Some(a.map_or(v, |a: T| a.min(v))), |a, _| a.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_sums_match_the_definition() {
        // Global average pooling shapes (runs of 49 and 169 values, remainders after the 16
        // lanes), trailing axes given in any order, one thread and two; and the shapes the
        // generic fold keeps (a middle axis, short runs).
        for threads in [1, 2] {
            let _threads = crate::threads::limit_threads(threads);
            for (shape, axes) in [
                (vec![1, 1000, 13, 13], vec![2, 3]),
                (vec![2, 64, 7, 7], vec![3, 2]),
                (vec![3, 40], vec![1]),
                (vec![4, 5, 6], vec![1]),
                (vec![8, 20], vec![1]),
            ] {
                let n: usize = shape.iter().product();
                let x: Vec<f32> = (0..n).map(|i| ((i * 37) % 101) as f32 / 7.0 - 6.0).collect();
                let run: usize = axes.iter().map(|&a| shape[a]).product();
                let kept: Vec<usize> =
                    shape.iter().enumerate().map(|(a, &d)| if axes.contains(&a) { 1 } else { d }).collect();
                let outs: usize = kept.iter().product();
                // The definition in f64: each output sums the elements whose kept coordinates
                // are its own.
                let mut want = vec![0f64; outs];
                for (i, &v) in x.iter().enumerate() {
                    let (mut rem, mut o, mut stride) = (i, 0, 1);
                    for a in (0..shape.len()).rev() {
                        let c = rem % shape[a];
                        rem /= shape[a];
                        if !axes.contains(&a) {
                            o += c * stride;
                            stride *= shape[a];
                        }
                    }
                    want[o] += v as f64;
                }
                let (mut s, mut m) = (vec![f32::NAN; outs], vec![f32::NAN; outs]);
                sum(&x, &shape, &axes, &mut s).unwrap();
                mean(&x, &shape, &axes, &mut m).unwrap();
                for o in 0..outs {
                    assert!(
                        (s[o] as f64 - want[o]).abs() < 1e-3,
                        "sum {shape:?} {axes:?} at {o}: {} vs {}",
                        s[o],
                        want[o]
                    );
                    assert!((m[o] as f64 - want[o] / run as f64).abs() < 1e-5, "mean {shape:?} {axes:?} at {o}");
                }
            }
        }
    }
}
