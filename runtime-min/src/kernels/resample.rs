//! Resampling along one axis with precomputed taps: the kernel of ONNX `Resize` (linear,
//! cubic, antialiased; nearest is a gather). Interpolation is separable, so the compiler
//! applies this once per resized axis, with tap tables it computed at build time.

use super::nd::check_len;
use crate::scalar::Float;
use crate::Error;

/// `y[.., o, ..] = sum_k coeffs[o, k] * x[.., idx[o, k], ..]` along `axis`, with `taps`
/// entries per output position (`idx` and `coeffs` are `[out, taps]`, row-major).
pub fn resample<T: Float + Send + Sync>(x: &[T], x_shape: &[usize], axis: usize, idx: &[i64], coeffs: &[T], taps: usize, y: &mut [T]) -> Result<(), Error> {
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
    // Slabs of `n_out * inner` outputs, one per outer index; all threads share them when large.
    let slab = n_out * inner;
    let slabs = |o0: usize, ys: &mut [T]| {
        for (o, ys) in ys.chunks_exact_mut(slab.max(1)).enumerate() {
            let src = &x[(o0 + o) * n_in * inner..(o0 + o + 1) * n_in * inner];
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
            for (row, (ip, cp)) in ys.chunks_exact_mut(inner).zip(idx.chunks_exact(taps).zip(coeffs.chunks_exact(taps))) {
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
}
