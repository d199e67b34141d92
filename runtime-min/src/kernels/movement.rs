//! Data movement: `Transpose`, `Concat`, `Gather`, `Slice`, `Pad` and `Tile`. All of them only
//! copy elements, so they are generic over any `Copy` element type (bool included).
//!
//! Transpose, slice and tile are strided copies through `Strided`, which merges axes that
//! stay adjacent so the inner loop is as long as possible.

use super::elementwise::copy_strided;
use super::nd::{check_len, numel, Strided, CAP};
use crate::Error;

/// Row-major stride of axis `a` of `shape`.
fn stride_of(shape: &[usize], a: usize) -> usize {
    shape[a + 1..].iter().product()
}

/// ONNX `Transpose`: `y` has axis `i` equal to `x`'s axis `perm[i]`.
pub fn transpose<T: Copy>(x: &[T], x_shape: &[usize], perm: &[usize], y: &mut [T]) -> Result<(), Error> {
    check_len(x.len(), x_shape, "transpose: input length does not match its shape")?;
    let r = x_shape.len();
    if perm.len() != r || x.len() != y.len() {
        return Err(Error::Layout("transpose: permutation or output length does not match the input"));
    }
    for (i, &p) in perm.iter().enumerate() {
        if p >= r || perm[..i].contains(&p) {
            return Err(Error::Layout("transpose: `perm` is not a permutation of the axes"));
        }
    }
    if y.is_empty() {
        return Ok(());
    }
    let mut sp = Strided::<1>::new([0]);
    for &p in perm.iter().rev() {
        sp.push_outer(x_shape[p], [stride_of(x_shape, p) as isize])?;
    }
    copy_strided(x, &sp, y);
    Ok(())
}

/// ONNX `Concat` of `inputs` (each a slice with its shape) along `axis` into `y`.
pub fn concat<T: Copy>(inputs: &[(&[T], &[usize])], axis: usize, y: &mut [T], y_shape: &[usize]) -> Result<(), Error> {
    check_len(y.len(), y_shape, "concat: output length does not match its shape")?;
    let r = y_shape.len();
    if axis >= r {
        return Err(Error::Layout("concat: axis out of range"));
    }
    let mut total = 0usize;
    for (x, s) in inputs {
        check_len(x.len(), s, "concat: input length does not match its shape")?;
        let same = s.len() == r && (0..r).all(|a| a == axis || s[a] == y_shape[a]);
        if !same {
            return Err(Error::Layout("concat: input shape does not match the output off the axis"));
        }
        total += s[axis];
    }
    if total != y_shape[axis] {
        return Err(Error::Layout("concat: input extents do not add up to the output's"));
    }
    if y.is_empty() {
        return Ok(());
    }
    let outer: usize = y_shape[..axis].iter().product();
    let inner = stride_of(y_shape, axis);
    let mut yo = 0;
    for o in 0..outer {
        for (x, s) in inputs {
            let chunk = s[axis] * inner;
            y[yo..yo + chunk].copy_from_slice(&x[o * chunk..(o + 1) * chunk]);
            yo += chunk;
        }
    }
    Ok(())
}

/// ONNX `Gather`: `y` has shape `data_shape[..axis] ++ indices_shape ++ data_shape[axis+1..]`.
/// Negative indices count from the end; an index out of range is an error.
pub fn gather<T: Copy>(
    data: &[T],
    data_shape: &[usize],
    indices: &[i64],
    indices_shape: &[usize],
    axis: usize,
    y: &mut [T],
) -> Result<(), Error> {
    check_len(data.len(), data_shape, "gather: data length does not match its shape")?;
    check_len(indices.len(), indices_shape, "gather: indices length does not match their shape")?;
    if axis >= data_shape.len() {
        return Err(Error::Layout("gather: axis out of range"));
    }
    let outer: usize = data_shape[..axis].iter().product();
    let n = data_shape[axis];
    let inner = stride_of(data_shape, axis);
    let want = numel(&[outer, indices.len(), inner])?;
    if y.len() != want {
        return Err(Error::Layout("gather: output length does not match"));
    }
    let ni = n as i64;
    if indices.iter().any(|&i| i < -ni || i >= ni) {
        return Err(Error::Layout("gather: index out of range"));
    }
    if y.is_empty() {
        return Ok(());
    }
    let mut yo = 0;
    for o in 0..outer {
        let block = &data[o * n * inner..(o + 1) * n * inner];
        for &i in indices {
            let i = if i < 0 { i + ni } else { i } as usize;
            y[yo..yo + inner].copy_from_slice(&block[i * inner..(i + 1) * inner]);
            yo += inner;
        }
    }
    Ok(())
}

/// ONNX `Slice` with resolved parameters: output axis `a` takes `x`'s elements
/// `starts[a] + i * steps[a]` for `i < y_shape[a]`. Every position read must lie in `x`.
pub fn slice<T: Copy>(
    x: &[T],
    x_shape: &[usize],
    starts: &[i64],
    steps: &[i64],
    y: &mut [T],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "slice: input length does not match its shape")?;
    check_len(y.len(), y_shape, "slice: output length does not match its shape")?;
    let r = x_shape.len();
    if y_shape.len() != r || starts.len() != r || steps.len() != r {
        return Err(Error::Layout("slice: ranks of the parameters differ"));
    }
    if y.is_empty() {
        return Ok(());
    }
    let mut base = 0isize;
    for a in 0..r {
        let (d, start, step, n) = (x_shape[a] as i128, starts[a] as i128, steps[a] as i128, y_shape[a] as i128);
        let last = start + (n - 1) * step;
        if step == 0 || start < 0 || start >= d || last < 0 || last >= d {
            return Err(Error::Layout("slice: positions out of range"));
        }
        base += (start as usize * stride_of(x_shape, a)) as isize;
    }
    let mut sp = Strided::<1>::new([base]);
    for a in (0..r).rev() {
        sp.push_outer(y_shape[a], [steps[a] as isize * stride_of(x_shape, a) as isize])?;
    }
    copy_strided(x, &sp, y);
    Ok(())
}

/// How [`pad`] fills positions outside the input (ONNX `Pad` modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PadMode {
    /// A constant value.
    Constant,
    /// Mirror without repeating the edge: `[1,2,3]` pads to `3,2,[1,2,3],2,1`.
    Reflect,
    /// Repeat the edge value.
    Edge,
    /// Wrap around: `[1,2,3]` pads to `2,3,[1,2,3],1,2`.
    Wrap,
}

/// The input coordinate that padded coordinate `i` (relative to the input's start) reads, or
/// `None` for the constant value. `n > 0`.
fn source(i: i64, n: i64, mode: PadMode) -> Option<usize> {
    if (0..n).contains(&i) {
        return Some(i as usize);
    }
    let s = match mode {
        PadMode::Constant => return None,
        PadMode::Edge => i.clamp(0, n - 1),
        PadMode::Wrap => i.rem_euclid(n),
        PadMode::Reflect if n == 1 => 0,
        PadMode::Reflect => {
            let period = 2 * (n - 1);
            let m = i.rem_euclid(period);
            if m >= n {
                period - m
            } else {
                m
            }
        }
    };
    Some(s as usize)
}

/// ONNX `Pad`: `pads` holds the begin pad of every axis, then the end pads; negative pads crop.
#[allow(clippy::too_many_arguments)]
pub fn pad<T: Copy>(
    x: &[T],
    x_shape: &[usize],
    pads: &[i64],
    mode: PadMode,
    value: T,
    y: &mut [T],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "pad: input length does not match its shape")?;
    check_len(y.len(), y_shape, "pad: output length does not match its shape")?;
    let r = x_shape.len();
    if y_shape.len() != r || pads.len() != 2 * r {
        return Err(Error::Layout("pad: ranks of the parameters differ"));
    }
    for a in 0..r {
        if x_shape[a] as i128 + pads[a] as i128 + pads[a + r] as i128 != y_shape[a] as i128 {
            return Err(Error::Layout("pad: output shape does not match the pads"));
        }
    }
    if y.is_empty() {
        return Ok(());
    }
    if x.is_empty() {
        if mode == PadMode::Constant {
            y.fill(value);
            return Ok(());
        }
        return Err(Error::Layout("pad: cannot reflect, wrap or extend an empty input"));
    }
    if r == 0 {
        y.copy_from_slice(x);
        return Ok(());
    }
    if r > CAP {
        return Err(Error::Layout("pad: rank too large"));
    }
    let (xl, yl, pl) = (x_shape[r - 1] as i64, y_shape[r - 1], pads[r - 1]);
    // The part of every row that copies straight from the input row.
    let mid_lo = pl.clamp(0, yl as i64) as usize;
    let mid_hi = (pl + xl).clamp(mid_lo as i64, yl as i64) as usize;
    let mut xstr = [0usize; CAP];
    for (a, s) in xstr.iter_mut().enumerate().take(r) {
        *s = stride_of(x_shape, a);
    }
    let mut idx = [0usize; CAP];
    for row in y.chunks_exact_mut(yl) {
        let mut base = Some(0usize);
        for a in 0..r - 1 {
            base = match (base, source(idx[a] as i64 - pads[a], x_shape[a] as i64, mode)) {
                (Some(b), Some(s)) => Some(b + s * xstr[a]),
                _ => None,
            };
        }
        match base {
            None => row.fill(value),
            Some(b) => {
                let xrow = &x[b..b + xl as usize];
                let (head, rest) = row.split_at_mut(mid_lo);
                let (mid, tail) = rest.split_at_mut(mid_hi - mid_lo);
                let edge = |j: usize| match source(j as i64 - pl, xl, mode) {
                    Some(s) => xrow[s],
                    None => value,
                };
                for (j, o) in head.iter_mut().enumerate() {
                    *o = edge(j);
                }
                for (j, o) in tail.iter_mut().enumerate() {
                    *o = edge(mid_hi + j);
                }
                if !mid.is_empty() {
                    let s0 = (mid_lo as i64 - pl) as usize;
                    mid.copy_from_slice(&xrow[s0..s0 + mid.len()]);
                }
            }
        }
        for a in (0..r - 1).rev() {
            idx[a] += 1;
            if idx[a] < y_shape[a] {
                break;
            }
            idx[a] = 0;
        }
    }
    Ok(())
}

/// ONNX `Tile`: every output extent is a multiple of the input's. Runs as a broadcast of `x`
/// viewed as `[1, d0, 1, d1, ...]` to `y` viewed as `[r0, d0, r1, d1, ...]`.
pub fn tile<T: Copy>(x: &[T], x_shape: &[usize], y: &mut [T], y_shape: &[usize]) -> Result<(), Error> {
    check_len(x.len(), x_shape, "tile: input length does not match its shape")?;
    check_len(y.len(), y_shape, "tile: output length does not match its shape")?;
    let r = x_shape.len();
    if y_shape.len() != r || r > CAP {
        return Err(Error::Layout("tile: ranks differ or are too large"));
    }
    let mut xs = [1usize; 2 * CAP];
    let mut ys = [1usize; 2 * CAP];
    for a in 0..r {
        let (d, e) = (x_shape[a], y_shape[a]);
        let reps = if d == 0 {
            usize::from(e == 0)
        } else if e % d == 0 {
            e / d
        } else {
            0
        };
        if reps == 0 && e != 0 {
            return Err(Error::Layout("tile: output extent is not a multiple of the input's"));
        }
        xs[2 * a + 1] = d;
        ys[2 * a] = reps;
        ys[2 * a + 1] = d;
    }
    if y.is_empty() {
        return Ok(());
    }
    let sp = Strided::broadcast([&xs[..2 * r]], &ys[..2 * r])?;
    copy_strided(x, &sp, y);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unravel(mut i: usize, shape: &[usize]) -> Vec<usize> {
        let mut c = vec![0; shape.len()];
        for a in (0..shape.len()).rev() {
            c[a] = i % shape[a];
            i /= shape[a];
        }
        c
    }

    fn ravel(c: &[usize], shape: &[usize]) -> usize {
        c.iter().zip(shape).fold(0, |acc, (&i, &d)| acc * d + i)
    }

    #[test]
    fn transpose_matches_naive() {
        for (shape, perm) in [
            (vec![2, 3], vec![1, 0]),
            (vec![2, 3, 4, 5], vec![0, 2, 3, 1]),
            (vec![2, 3, 4, 5], vec![0, 3, 1, 2]),
            (vec![2, 3, 4, 5], vec![3, 2, 1, 0]),
            (vec![2, 3, 4, 5], vec![0, 1, 3, 2]),
            (vec![1, 3, 1, 5], vec![2, 3, 0, 1]),
            (vec![4], vec![0]),
            (vec![], vec![]),
        ] {
            let n: usize = shape.iter().product();
            let x: Vec<u32> = (0..n as u32).collect();
            let mut y = vec![0; n];
            transpose(&x, &shape, &perm, &mut y).unwrap();
            let y_shape: Vec<usize> = perm.iter().map(|&p| shape[p]).collect();
            for (i, &v) in y.iter().enumerate() {
                let yc = unravel(i, &y_shape);
                let mut xc = vec![0; shape.len()];
                for (k, &p) in perm.iter().enumerate() {
                    xc[p] = yc[k];
                }
                assert_eq!(v, x[ravel(&xc, &shape)], "{shape:?} {perm:?}");
            }
        }
        let mut y = [0; 6];
        assert!(transpose(&[0; 6], &[2, 3], &[0, 0], &mut y).is_err());
        assert!(transpose(&[0; 6], &[2, 3], &[0, 2], &mut y).is_err());
    }

    #[test]
    fn concat_axes() {
        let a = [1, 2, 3, 4];
        let b = [5, 6];
        let mut y = [0; 6];
        concat(&[(&a, &[2, 2]), (&b, &[2, 1])], 1, &mut y, &[2, 3]).unwrap();
        assert_eq!(y, [1, 2, 5, 3, 4, 6]);
        concat(&[(&a, &[2, 2]), (&b, &[1, 2])], 0, &mut y, &[3, 2]).unwrap();
        assert_eq!(y, [1, 2, 3, 4, 5, 6]);
        concat(&[(&b, &[1, 2]), (&[], &[0, 2]), (&a, &[2, 2])], 0, &mut y, &[3, 2]).unwrap();
        assert_eq!(y, [5, 6, 1, 2, 3, 4]);
        assert!(concat(&[(&a, &[2, 2]), (&b, &[2, 1])], 0, &mut y, &[3, 2]).is_err());
        assert!(concat(&[(&a, &[2, 2]), (&b, &[2, 1])], 2, &mut y, &[2, 3]).is_err());
    }

    #[test]
    fn gather_axes() {
        let data = [1, 2, 3, 4, 5, 6]; // [3, 2]
        let mut y = [0; 4];
        gather(&data, &[3, 2], &[0, -1], &[2], 0, &mut y).unwrap();
        assert_eq!(y, [1, 2, 5, 6]);
        let mut y = [0; 6];
        gather(&data, &[3, 2], &[1, 0, 1], &[3, 1], 1, &mut y[..]).unwrap_err();
        let mut y = [0; 9];
        gather(&data, &[3, 2], &[1, 0, 1], &[3, 1], 1, &mut y).unwrap();
        assert_eq!(y, [2, 1, 2, 4, 3, 4, 6, 5, 6]);
        let mut y = [0; 3];
        gather(&data, &[3, 2], &[1], &[], 1, &mut y).unwrap();
        assert_eq!(y, [2, 4, 6]);
        assert!(gather(&data, &[3, 2], &[3], &[], 0, &mut y[..2]).is_err());
        assert!(gather(&data, &[3, 2], &[-4], &[], 0, &mut y[..2]).is_err());
    }

    #[test]
    fn slice_steps() {
        let x: Vec<i32> = (0..24).collect(); // [2, 3, 4]
        let mut y = [0; 4];
        slice(&x, &[2, 3, 4], &[1, 0, 1], &[1, 2, 2], &mut y, &[1, 2, 2]).unwrap();
        assert_eq!(y, [13, 15, 21, 23]);
        let mut y = [0; 6];
        slice(&x, &[2, 3, 4], &[1, 2, 3], &[-1, -1, -3], &mut y, &[1, 3, 2]).unwrap();
        assert_eq!(y, [23, 20, 19, 16, 15, 12]);
        let mut y = [0; 4];
        slice(&x, &[2, 3, 4], &[0, 0, 0], &[1, 1, 1], &mut y, &[1, 1, 4]).unwrap();
        assert_eq!(y, [0, 1, 2, 3]);
        assert!(slice(&x, &[2, 3, 4], &[0, 0, 2], &[1, 1, 1], &mut y, &[1, 1, 4]).is_err());
        assert!(slice(&x, &[2, 3, 4], &[0, 0, 3], &[1, 1, -1], &mut y, &[1, 1, 4]).is_ok());
        assert_eq!(y, [3, 2, 1, 0]);
        assert!(slice(&x, &[2, 3, 4], &[0, 0, 2], &[1, 1, -1], &mut y, &[1, 1, 4]).is_err());
        slice(&x, &[2, 3, 4], &[5, 5, 5], &[1, 1, 1], &mut [], &[0, 3, 4]).unwrap();
    }

    /// Naive pad: map every output coordinate independently.
    fn naive_pad(x: &[i32], xs: &[usize], pads: &[i64], mode: PadMode, ys: &[usize]) -> Vec<i32> {
        let r = xs.len();
        let n: usize = ys.iter().product();
        (0..n)
            .map(|i| {
                let c = unravel(i, ys);
                let mut src = vec![0; r];
                for a in 0..r {
                    match source(c[a] as i64 - pads[a], xs[a] as i64, mode) {
                        Some(s) => src[a] = s,
                        None => return -1,
                    }
                }
                x[ravel(&src, xs)]
            })
            .collect()
    }

    #[test]
    fn pad_modes() {
        let x = [1, 2, 3];
        let mut y = [0; 7];
        pad(&x, &[3], &[2, 2], PadMode::Reflect, 0, &mut y, &[7]).unwrap();
        assert_eq!(y, [3, 2, 1, 2, 3, 2, 1]);
        pad(&x, &[3], &[2, 2], PadMode::Edge, 0, &mut y, &[7]).unwrap();
        assert_eq!(y, [1, 1, 1, 2, 3, 3, 3]);
        pad(&x, &[3], &[2, 2], PadMode::Wrap, 0, &mut y, &[7]).unwrap();
        assert_eq!(y, [2, 3, 1, 2, 3, 1, 2]);
        pad(&x, &[3], &[2, 2], PadMode::Constant, 9, &mut y, &[7]).unwrap();
        assert_eq!(y, [9, 9, 1, 2, 3, 9, 9]);
        let mut y = [0; 2];
        pad(&x, &[3], &[-1, 0], PadMode::Constant, 9, &mut y, &[2]).unwrap();
        assert_eq!(y, [2, 3]);
        let mut y = [0; 3];
        pad(&x, &[3], &[-2, 2], PadMode::Constant, 9, &mut y, &[3]).unwrap();
        assert_eq!(y, [3, 9, 9]);
        pad(&x, &[3], &[4, -4], PadMode::Constant, 9, &mut y, &[3]).unwrap();
        assert_eq!(y, [9, 9, 9]);

        let xs = [3, 4];
        let x2: Vec<i32> = (0..12).collect();
        for mode in [PadMode::Constant, PadMode::Reflect, PadMode::Edge, PadMode::Wrap] {
            for pads in [[1, 2, 2, 1], [0, -1, 2, 3], [-1, 1, -1, 0], [2, 3, 2, 3]] {
                let ys: Vec<usize> = (0..2).map(|a| (xs[a] as i64 + pads[a] + pads[a + 2]) as usize).collect();
                let mut y = vec![0; ys.iter().product()];
                pad(&x2, &xs, &pads, mode, -1, &mut y, &ys).unwrap();
                assert_eq!(y, naive_pad(&x2, &xs, &pads, mode, &ys), "{mode:?} {pads:?}");
            }
        }
        let mut y = [0; 4];
        assert!(pad(&x, &[3], &[1, 1], PadMode::Edge, 0, &mut y, &[4]).is_err());
        assert!(pad(&[0i32; 0], &[0], &[1, 1], PadMode::Edge, 0, &mut y[..2], &[2]).is_err());
        pad(&[0i32; 0], &[0], &[1, 1], PadMode::Constant, 5, &mut y[..2], &[2]).unwrap();
        assert_eq!(y[..2], [5, 5]);
    }

    #[test]
    fn tile_repeats() {
        let x = [1, 2, 3, 4]; // [2, 2]
        let mut y = [0; 8];
        tile(&x, &[2, 2], &mut y, &[2, 4]).unwrap();
        assert_eq!(y, [1, 2, 1, 2, 3, 4, 3, 4]);
        tile(&x, &[2, 2], &mut y, &[4, 2]).unwrap();
        assert_eq!(y, [1, 2, 3, 4, 1, 2, 3, 4]);
        let mut y = [0; 16];
        tile(&x, &[2, 2], &mut y, &[4, 4]).unwrap();
        assert_eq!(y, [1, 2, 1, 2, 3, 4, 3, 4, 1, 2, 1, 2, 3, 4, 3, 4]);
        assert!(tile(&x, &[2, 2], &mut y[..6], &[2, 3]).is_err());
        let mut y = [false; 3];
        tile(&[true], &[1], &mut y, &[3]).unwrap();
        assert_eq!(y, [true; 3]);
    }
}
