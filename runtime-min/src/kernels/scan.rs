//! Running sums and products along one axis (ONNX `CumSum`, `CumProd`).

use super::binary::Arith;
use super::nd::check_len;
use crate::Error;

/// `y[.., i, ..] = x[.., 0, ..] op ... op x[.., i, ..]` along `axis`; `exclusive` leaves out
/// `x[.., i, ..]` itself (starting from `identity`), `reverse` runs from the end.
#[allow(clippy::too_many_arguments)]
pub fn cumulative<T: Arith>(
    x: &[T],
    x_shape: &[usize],
    axis: usize,
    exclusive: bool,
    reverse: bool,
    product: bool,
    identity: T,
    y: &mut [T],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "cumulative: input length does not match its shape")?;
    if axis >= x_shape.len() || y.len() != x.len() {
        return Err(Error::Layout("cumulative: bad axis or output length"));
    }
    let n = x_shape[axis];
    let outer: usize = x_shape[..axis].iter().product();
    let inner: usize = x_shape[axis + 1..].iter().product();
    let op = |a: T, b: T| if product { a.mul(b) } else { a.add(b) };
    for o in 0..outer {
        for c in 0..inner {
            let at = |i: usize| (o * n + i) * inner + c;
            let mut acc = identity;
            for step in 0..n {
                let i = if reverse { n - 1 - step } else { step };
                if exclusive {
                    y[at(i)] = acc;
                    acc = op(acc, x[at(i)]);
                } else {
                    acc = op(acc, x[at(i)]);
                    y[at(i)] = acc;
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
    fn exclusive_reverse_sums() {
        let mut y = [0.0f32; 4];
        cumulative(&[1.0, 2.0, 3.0, 4.0], &[4], 0, true, true, false, 0.0, &mut y).unwrap();
        assert_eq!(y, [9.0, 7.0, 4.0, 0.0]);
        cumulative(&[1.0, 2.0, 3.0, 4.0], &[4], 0, false, false, true, 1.0, &mut y).unwrap();
        assert_eq!(y, [1.0, 2.0, 6.0, 24.0]);
    }
}
