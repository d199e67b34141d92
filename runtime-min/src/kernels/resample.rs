//! Resampling along one axis with precomputed taps: the kernel of ONNX `Resize` (linear,
//! cubic, antialiased; nearest is a gather). Interpolation is separable, so the compiler
//! applies this once per resized axis, with tap tables it computed at build time.

use super::nd::check_len;
use crate::scalar::Float;
use crate::Error;

/// `y[.., o, ..] = sum_k coeffs[o, k] * x[.., idx[o, k], ..]` along `axis`, with `taps`
/// entries per output position (`idx` and `coeffs` are `[out, taps]`, row-major).
pub fn resample<T: Float>(x: &[T], x_shape: &[usize], axis: usize, idx: &[i64], coeffs: &[T], taps: usize, y: &mut [T]) -> Result<(), Error> {
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
    for o in 0..outer {
        let src = &x[o * n_in * inner..(o + 1) * n_in * inner];
        for p in 0..n_out {
            let row = &mut y[(o * n_out + p) * inner..(o * n_out + p + 1) * inner];
            row.fill(T::zero());
            for k in 0..taps {
                let (i, c) = (idx[p * taps + k] as usize, coeffs[p * taps + k]);
                for (out, &v) in row.iter_mut().zip(&src[i * inner..(i + 1) * inner]) {
                    *out = *out + c * v;
                }
            }
        }
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
}
