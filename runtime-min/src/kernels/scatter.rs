//! Index-driven movement: ONNX `GatherElements`, `ScatterElements`, `ScatterND` and `GatherND`. Out-of-range
//! indices are errors, never panics; negative indices count from the end.

use super::binary::Arith;
use super::nd::{check_len, CAP};
use crate::Error;

/// How a scattered update combines with what is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reduction {
    /// The update replaces the element.
    None,
    /// The update is added to the element.
    Add,
    /// The element is multiplied by the update.
    Mul,
    /// The larger of the two is kept.
    Max,
    /// The smaller of the two is kept.
    Min,
}

fn combine<T: Arith>(old: T, new: T, r: Reduction) -> T {
    match r {
        Reduction::None => new,
        Reduction::Add => old.add(new),
        Reduction::Mul => old.mul(new),
        Reduction::Max => old.max(new),
        Reduction::Min => old.min(new),
    }
}

fn row_major_strides(shape: &[usize]) -> [usize; CAP] {
    let mut s = [0usize; CAP];
    let mut acc = 1;
    for d in (0..shape.len()).rev() {
        s[d] = acc;
        acc *= shape[d];
    }
    s
}

fn resolve(i: i64, n: usize) -> Result<usize, Error> {
    let v = if i < 0 { i + n as i64 } else { i };
    if (0..n as i64).contains(&v) {
        Ok(v as usize)
    } else {
        Err(Error::Layout("scatter/gather: index out of range"))
    }
}

/// Row-major position following `coord` within `shape` (the last axis fastest).
fn advance(coord: &mut [usize; CAP], shape: &[usize]) {
    for d in (0..shape.len()).rev() {
        coord[d] += 1;
        if coord[d] < shape[d] {
            break;
        }
        coord[d] = 0;
    }
}

/// ONNX `GatherElements`: `y[p] = data[p with p[axis] = indices[p]]`, for every position `p`
/// of `indices` (whose shape is `y`'s).
pub fn gather_elements<T: Copy>(
    data: &[T],
    shape: &[usize],
    indices: &[i64],
    idx_shape: &[usize],
    axis: usize,
    y: &mut [T],
) -> Result<(), Error> {
    check_len(data.len(), shape, "gather_elements: data length does not match its shape")?;
    check_len(indices.len(), idx_shape, "gather_elements: indices length does not match their shape")?;
    let r = shape.len();
    if axis >= r || idx_shape.len() != r || r > CAP || y.len() != indices.len() {
        return Err(Error::Layout("gather_elements: shapes do not match"));
    }
    if (0..r).any(|d| d != axis && idx_shape[d] > shape[d]) {
        return Err(Error::Layout("gather_elements: indices exceed the data"));
    }
    let strides = row_major_strides(shape);
    let mut coord = [0usize; CAP];
    for (out, &i) in y.iter_mut().zip(indices) {
        let i = resolve(i, shape[axis])?;
        let off: usize = (0..r).map(|d| if d == axis { i } else { coord[d] } * strides[d]).sum();
        *out = data[off];
        advance(&mut coord, idx_shape);
    }
    Ok(())
}

/// `y = data`, then for every position `p` of `indices`:
/// `y[p with p[axis] = indices[p]] (reduction)= updates[p]`.
#[allow(clippy::too_many_arguments)]
pub fn scatter_elements<T: Arith>(
    data: &[T],
    shape: &[usize],
    indices: &[i64],
    idx_shape: &[usize],
    updates: &[T],
    axis: usize,
    reduction: Reduction,
    y: &mut [T],
) -> Result<(), Error> {
    check_len(data.len(), shape, "scatter_elements: data length does not match its shape")?;
    check_len(indices.len(), idx_shape, "scatter_elements: indices length does not match their shape")?;
    let r = shape.len();
    if axis >= r || idx_shape.len() != r || r > CAP || updates.len() != indices.len() || y.len() != data.len() {
        return Err(Error::Layout("scatter_elements: shapes do not match"));
    }
    y.copy_from_slice(data);
    let strides = row_major_strides(shape);
    let mut coord = [0usize; CAP];
    for (&i, &u) in indices.iter().zip(updates) {
        let mut off = 0;
        for d in 0..r {
            let c = if d == axis { resolve(i, shape[d])? } else { coord[d] };
            if c >= shape[d] {
                return Err(Error::Layout("scatter_elements: indices exceed the data"));
            }
            off += c * strides[d];
        }
        y[off] = combine(y[off], u, reduction);
        advance(&mut coord, idx_shape);
    }
    Ok(())
}

/// The offset of the slice `data[index tuple]` (the last axis of `indices` holds tuples of
/// length `q`), and the slice length.
fn nd_slices(shape: &[usize], q: usize) -> Result<(usize, [usize; CAP]), Error> {
    if q > shape.len() || shape.len() > CAP {
        return Err(Error::Layout("scatter_nd/gather_nd: index tuples longer than the rank"));
    }
    Ok((shape[q..].iter().product(), row_major_strides(shape)))
}

/// `y = data`, then `y[indices[k]] (reduction)= updates[k]` for every index tuple `k`.
pub fn scatter_nd<T: Arith>(
    data: &[T],
    shape: &[usize],
    indices: &[i64],
    idx_shape: &[usize],
    updates: &[T],
    reduction: Reduction,
    y: &mut [T],
) -> Result<(), Error> {
    check_len(data.len(), shape, "scatter_nd: data length does not match its shape")?;
    check_len(indices.len(), idx_shape, "scatter_nd: indices length does not match their shape")?;
    let q = *idx_shape.last().ok_or(Error::Layout("scatter_nd: indices need rank >= 1"))?;
    let (slice, strides) = nd_slices(shape, q)?;
    let tuples = indices.len().checked_div(q).unwrap_or(0);
    if y.len() != data.len() || updates.len() != tuples * slice {
        return Err(Error::Layout("scatter_nd: shapes do not match"));
    }
    y.copy_from_slice(data);
    for (t, tuple) in indices.chunks(q.max(1)).enumerate().take(tuples) {
        let mut off = 0;
        for (d, &i) in tuple.iter().enumerate() {
            off += resolve(i, shape[d])? * strides[d];
        }
        for (k, &u) in updates[t * slice..(t + 1) * slice].iter().enumerate() {
            y[off + k] = combine(y[off + k], u, reduction);
        }
    }
    Ok(())
}

/// `y[b.., k] = data[b.., indices[b.., k]..]` with `batch_dims` leading axes shared by `data`
/// and `indices`.
pub fn gather_nd<T: Copy>(
    data: &[T],
    shape: &[usize],
    indices: &[i64],
    idx_shape: &[usize],
    batch_dims: usize,
    y: &mut [T],
) -> Result<(), Error> {
    check_len(data.len(), shape, "gather_nd: data length does not match its shape")?;
    check_len(indices.len(), idx_shape, "gather_nd: indices length does not match their shape")?;
    let q = *idx_shape.last().ok_or(Error::Layout("gather_nd: indices need rank >= 1"))?;
    if batch_dims >= idx_shape.len() || batch_dims + q > shape.len() || shape[..batch_dims] != idx_shape[..batch_dims] {
        return Err(Error::Layout("gather_nd: shapes do not match"));
    }
    let batches: usize = shape[..batch_dims].iter().product();
    let inner_shape = &shape[batch_dims..];
    let (slice, strides) = nd_slices(inner_shape, q)?;
    let block: usize = inner_shape.iter().product();
    let per_batch = (idx_shape[batch_dims..idx_shape.len() - 1]).iter().product::<usize>();
    if y.len() != batches * per_batch * slice {
        return Err(Error::Layout("gather_nd: output length does not match"));
    }
    for b in 0..batches {
        for t in 0..per_batch {
            let tuple = &indices[(b * per_batch + t) * q..(b * per_batch + t + 1) * q];
            let mut off = b * block;
            for (d, &i) in tuple.iter().enumerate() {
                off += resolve(i, inner_shape[d])? * strides[d];
            }
            let out = (b * per_batch + t) * slice;
            y[out..out + slice].copy_from_slice(&data[off..off + slice]);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scatter_elements_adds_along_the_axis() {
        // data [1, 4], indices/updates [1, 3]: y[0][idx] += u (negative index counts back).
        let mut y = [0.0f32; 4];
        scatter_elements(
            &[1.0, 2.0, 3.0, 4.0],
            &[1, 4],
            &[0, -1, 0],
            &[1, 3],
            &[10.0, 20.0, 30.0],
            1,
            Reduction::Add,
            &mut y,
        )
        .unwrap();
        assert_eq!(y, [41.0, 2.0, 3.0, 24.0]);
        assert!(scatter_elements(&[1.0f32; 4], &[1, 4], &[4], &[1, 1], &[1.0], 1, Reduction::None, &mut y).is_err());
    }

    #[test]
    fn scatter_nd_and_gather_nd_are_inverse_on_rows() {
        let data = [1, 2, 3, 4, 5, 6];
        let mut rows = [0; 4];
        gather_nd(&data, &[3, 2], &[2, 0], &[2, 1], 0, &mut rows).unwrap();
        assert_eq!(rows, [5, 6, 1, 2]);
        let mut y = [0; 6];
        scatter_nd(&[0; 6], &[3, 2], &[2, 0], &[2, 1], &rows, Reduction::None, &mut y).unwrap();
        assert_eq!(y, [1, 2, 0, 0, 5, 6]);
    }
}
