//! Top-k selection along one axis (ONNX `TopK`), without scratch memory: the j-th pick is the
//! best element after the (j-1)-th in the order (value, then lower index first), so each
//! output costs one pass over the axis and no sort buffer is needed.

use super::nd::check_len;
use crate::Error;

/// Whether `(a, i)` comes before `(b, j)`: larger (or smaller) value first, then lower index.
fn before<T: PartialOrd>(a: T, i: usize, b: T, j: usize, largest: bool) -> bool {
    let better = if largest { a > b } else { a < b };
    let worse = if largest { a < b } else { a > b };
    better || (!worse && i < j)
}

/// The `k` first elements along `axis` in the order above: their values into `values` and
/// their indices into `indices` (either may be empty to skip it), both shaped like `x` with
/// `axis` of length `k`.
pub fn top_k<T: Copy + PartialOrd>(
    x: &[T],
    x_shape: &[usize],
    axis: usize,
    k: usize,
    largest: bool,
    values: &mut [T],
    indices: &mut [i64],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "top_k: input length does not match its shape")?;
    if axis >= x_shape.len() || k > x_shape[axis] {
        return Err(Error::Layout("top_k: bad axis or k"));
    }
    let n = x_shape[axis];
    let outer: usize = x_shape[..axis].iter().product();
    let inner: usize = x_shape[axis + 1..].iter().product();
    let out_len = outer * k * inner;
    if (!values.is_empty() && values.len() != out_len) || (!indices.is_empty() && indices.len() != out_len) {
        return Err(Error::Layout("top_k: output length does not match"));
    }
    for o in 0..outer {
        for c in 0..inner {
            let at = |i: usize| x[(o * n + i) * inner + c];
            let mut last: Option<usize> = None;
            for j in 0..k {
                let mut best: Option<usize> = None;
                for i in 0..n {
                    let after_last = last.is_none_or(|l| before(at(l), l, at(i), i, largest));
                    if after_last && best.is_none_or(|b| before(at(i), i, at(b), b, largest)) {
                        best = Some(i);
                    }
                }
                let b = best.ok_or(Error::Layout("top_k: ran out of elements"))?;
                let out = (o * k + j) * inner + c;
                if !values.is_empty() {
                    values[out] = at(b);
                }
                if !indices.is_empty() {
                    indices[out] = b as i64;
                }
                last = Some(b);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_keep_the_lower_index_first() {
        let (mut v, mut i) = ([0; 3], [0i64; 3]);
        top_k(&[3, 1, 3, 2], &[4], 0, 3, true, &mut v, &mut i).unwrap();
        assert_eq!((v, i), ([3, 3, 2], [0, 2, 3]));
        top_k(&[3, 1, 3, 2], &[4], 0, 3, false, &mut v, &mut i).unwrap();
        assert_eq!((v, i), ([1, 2, 3], [1, 3, 0]));
    }
}
