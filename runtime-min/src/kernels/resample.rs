//! Resampling along one axis with precomputed taps: the kernel of ONNX `Resize` (linear,
//! cubic, antialiased; nearest is a gather). Interpolation is separable, so the compiler
//! applies this once per resized axis, with tap tables it computed at build time.

use super::nd::check_len;
use crate::scalar::Float;
use crate::Error;

/// `y[.., o, ..] = sum_k coeffs[o, k] * x[.., idx[o, k], ..]` along `axis`, with `taps`
/// entries per output position (`idx` and `coeffs` are `[out, taps]`, row-major).
pub fn resample<T: Float + Send + Sync>(
    x: &[T],
    x_shape: &[usize],
    axis: usize,
    idx: &[i64],
    coeffs: &[T],
    taps: usize,
    y: &mut [T],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "resample: input length does not match its shape")?;
    if axis >= x_shape.len() || taps == 0 || idx.len() != coeffs.len() || !idx.len().is_multiple_of(taps) {
        return Err(Error::Layout("resample: bad tap tables"));
    }
    let (n_in, n_out) = (x_shape[axis], idx.len() / taps);
    let outer: usize = x_shape[..axis].iter().product();
    let inner: usize = x_shape[axis + 1..].iter().product();
    if y.len() != outer * n_out * inner {
        return Err(Error::Layout("resample: output length does not match"));
    }
    if idx.iter().any(|&i| i < 0 || i as usize >= n_in) {
        return Err(Error::Layout("resample: tap index out of range"));
    }
    // One tap of weight 1 (nearest neighbour): a copy of each value, or each row.
    let gather = taps == 1 && coeffs.iter().all(|&c| c == T::one());
    // Nearest-neighbour upsampling by a whole factor (`idx[o] = o / factor`, the usual 2x of
    // detectors' necks): each value fills `factor` neighbours, with no index loads.
    let factor = (gather && n_in > 0 && n_out.is_multiple_of(n_in))
        .then(|| n_out / n_in)
        .filter(|&f| idx.iter().enumerate().all(|(o, &i)| i as usize == o / f));
    // Slabs of `n_out * inner` outputs, one per outer index; all threads share them when large.
    let slab = n_out * inner;
    let slabs = |o0: usize, ys: &mut [T]| {
        for (o, ys) in ys.chunks_exact_mut(slab.max(1)).enumerate() {
            let src = &x[(o0 + o) * n_in * inner..(o0 + o + 1) * n_in * inner];
            if let Some(f) = factor {
                if inner > 1 {
                    for (rows, row) in ys.chunks_exact_mut(f * inner).zip(src.chunks_exact(inner)) {
                        for out in rows.chunks_exact_mut(inner) {
                            out.copy_from_slice(row);
                        }
                    }
                } else if f == 2 {
                    repeat_each_twice(src, ys);
                } else {
                    for (out, &v) in ys.chunks_exact_mut(f).zip(src) {
                        out.fill(v);
                    }
                }
                continue;
            }
            if gather && inner == 1 {
                for (out, &i) in ys.iter_mut().zip(idx) {
                    *out = src[i as usize];
                }
                continue;
            }
            if gather {
                for (row, &i) in ys.chunks_exact_mut(inner.max(1)).zip(idx) {
                    row.copy_from_slice(&src[i as usize * inner..(i as usize + 1) * inner]);
                }
                continue;
            }
            if inner == 1 {
                // The last axis: one gather-and-sum per output, no row loops.
                for (out, (ip, cp)) in ys.iter_mut().zip(idx.chunks_exact(taps).zip(coeffs.chunks_exact(taps))) {
                    *out = ip.iter().zip(cp).fold(T::zero(), |acc, (&i, &c)| acc + c * src[i as usize]);
                }
                continue;
            }
            for (row, (ip, cp)) in ys.chunks_exact_mut(inner).zip(idx.chunks_exact(taps).zip(coeffs.chunks_exact(taps)))
            {
                row.fill(T::zero());
                for (&i, &c) in ip.iter().zip(cp) {
                    for (out, &v) in row.iter_mut().zip(&src[i as usize * inner..(i as usize + 1) * inner]) {
                        *out = *out + c * v;
                    }
                }
            }
        }
    };
    if crate::threads::threads() > 1 && outer > 1 && y.len() >= 1 << 15 {
        crate::threads::for_each_chunk(y, outer, slab, 1, &slabs);
    } else {
        slabs(0, y);
    }
    Ok(())
}

/// `ys = [s0, s0, s1, s1, ..]`: pairs written together, which the compiler turns into
/// lane shuffles and full-width stores.
fn repeat_each_twice<T: Copy>(src: &[T], ys: &mut [T]) {
    for (pair, &v) in ys.chunks_exact_mut(2).zip(src) {
        pair.copy_from_slice(&[v, v]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_taps_interpolate_along_the_middle_axis() {
        // x: [1, 2, 2] = [[1, 2], [3, 4]]; out row = 0.5 * row0 + 0.5 * row1.
        let x = [1.0, 2.0, 3.0, 4.0];
        let mut y = [0.0; 2];
        resample(&x, &[1, 2, 2], 1, &[0, 1], &[0.5, 0.5], 2, &mut y).unwrap();
        assert_eq!(y, [2.0, 3.0]);
    }

    #[test]
    fn one_tap_of_weight_one_copies_values_signed_zeros_included() {
        // Nearest-neighbour doubling along the last axis and along the middle one.
        let x = [1.0f32, -0.0, 3.0, 4.0];
        let mut y = [9.0f32; 4 * 2];
        resample(&x, &[1, 2, 2], 2, &[0, 0, 1, 1], &[1.0; 4], 1, &mut y).unwrap();
        assert_eq!(y.map(f32::to_bits), [1.0f32, 1.0, -0.0, -0.0, 3.0, 3.0, 4.0, 4.0].map(f32::to_bits));
        resample(&x, &[1, 2, 2], 1, &[0, 0, 1, 1], &[1.0; 4], 1, &mut y).unwrap();
        assert_eq!(y.map(f32::to_bits), [1.0f32, -0.0, 1.0, -0.0, 3.0, 4.0, 3.0, 4.0].map(f32::to_bits));
    }

    #[test]
    fn whole_factor_and_irregular_gathers_match_indexing() {
        // [2, 3, 2] input, gathered along each axis by a factor of 3 and by an irregular table.
        let x: Vec<f32> = (0..12).map(|v| v as f32 - 5.5).collect();
        let shape = [2, 3, 2];
        for axis in 0..3 {
            let n = shape[axis];
            let tables: [Vec<i64>; 2] =
                [(0..3 * n as i64).map(|o| o / 3).collect(), (0..n as i64).rev().chain([0]).collect()];
            for idx in tables {
                let mut out_shape = shape;
                out_shape[axis] = idx.len();
                let mut y = vec![0.0f32; out_shape.iter().product()];
                resample(&x, &shape, axis, &idx, &vec![1.0; idx.len()], 1, &mut y).unwrap();
                let mut k = 0;
                for a in 0..out_shape[0] {
                    for b in 0..out_shape[1] {
                        for c in 0..out_shape[2] {
                            let mut at = [a, b, c];
                            at[axis] = idx[at[axis]] as usize;
                            assert_eq!(
                                y[k],
                                x[(at[0] * 3 + at[1]) * 2 + at[2]],
                                "axis {axis} table {idx:?} at {a},{b},{c}"
                            );
                            k += 1;
                        }
                    }
                }
            }
        }
    }
}
