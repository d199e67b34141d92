//! Small linear algebra: the determinant of each `[M, M]` matrix of a batch (ONNX `Det`), by
//! LU decomposition with partial pivoting in f64. No scratch: the elimination works on a
//! stack copy, so matrices are limited to [`MAX_ORDER`].

use super::nd::check_len;
use crate::scalar::Float;
use crate::Error;

/// The largest matrix order `det` handles.
pub const MAX_ORDER: usize = 16;

/// `y[b] = det(x[b])` for `x` of shape `[..., M, M]`.
pub fn det<T: Float>(x: &[T], x_shape: &[usize], y: &mut [T]) -> Result<(), Error> {
    check_len(x.len(), x_shape, "det: input length does not match its shape")?;
    let r = x_shape.len();
    if r < 2 || x_shape[r - 1] != x_shape[r - 2] || x_shape[r - 1] > MAX_ORDER {
        return Err(Error::Layout("det: needs square matrices of order <= 16"));
    }
    let m = x_shape[r - 1];
    if y.len() * m * m != x.len() {
        return Err(Error::Layout("det: output length does not match"));
    }
    for (b, out) in y.iter_mut().enumerate() {
        let mut a = [[0f64; MAX_ORDER]; MAX_ORDER];
        for i in 0..m {
            for j in 0..m {
                a[i][j] = x[b * m * m + i * m + j].to_f64();
            }
        }
        let mut d = 1f64;
        for col in 0..m {
            let pivot = (col..m).max_by(|&p, &q| a[p][col].abs().total_cmp(&a[q][col].abs())).unwrap_or(col);
            if a[pivot][col] == 0.0 {
                d = 0.0;
                break;
            }
            if pivot != col {
                a.swap(pivot, col);
                d = -d;
            }
            d *= a[col][col];
            let pivot_row = a[col];
            for row in a.iter_mut().take(m).skip(col + 1) {
                let f = row[col] / pivot_row[col];
                for (v, &p) in row[col..m].iter_mut().zip(&pivot_row[col..m]) {
                    *v -= f * p;
                }
            }
        }
        *out = T::from_f64(d);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn determinants_of_a_batch() {
        let mut y = [0.0f64; 2];
        det(&[1.0, 2.0, 3.0, 4.0, 0.0, 1.0, 1.0, 0.0], &[2, 2, 2], &mut y).unwrap();
        assert_eq!(y, [-2.0, -1.0]);
    }
}
