//! Reductions: one generic [`reduce`] (the compiler supplies the accumulator and the final
//! step, so it serves ReduceSum/Mean/Max/Min/Prod/L1/L2/LogSumExp/...) and [`arg_reduce`]
//! (ArgMax / ArgMin).
//!
//! Adjacent axes of the same kind (reduced or kept) are merged first. When the innermost merged
//! group is reduced, each output folds contiguous runs; when it is kept, outputs are produced
//! in blocks of `BLOCK` columns with their accumulators on the stack, so reducing leading
//! axes also reads memory contiguously.

use super::nd::{check_len, Strided};
use crate::Error;

/// Columns accumulated at once when the innermost axis is kept.
const BLOCK: usize = 64;

/// Reduces `x` over `axes` into `y`, whose shape is `x_shape` with the reduced axes set to 1
/// (keepdims form; dropping them does not change the layout). Each output is
/// `fin(fold(acc, init, elements), count)` where `count` is the number of elements reduced, in
/// row-major order of the reduced axes.
pub fn reduce<T: Copy, A: Copy, O>(
    x: &[T],
    x_shape: &[usize],
    axes: &[usize],
    y: &mut [O],
    init: A,
    acc: impl Fn(A, T) -> A,
    fin: impl Fn(A, usize) -> O,
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "reduce: input length does not match its shape")?;
    let r = x_shape.len();
    if axes.iter().any(|&a| a >= r) {
        return Err(Error::Layout("reduce: axis out of range"));
    }
    let is_red = |a: usize| axes.contains(&a);
    let (mut kept_n, mut count) = (1usize, 1usize);
    for (a, &d) in x_shape.iter().enumerate() {
        if is_red(a) {
            count *= d;
        } else {
            kept_n *= d;
        }
    }
    if y.len() != kept_n {
        return Err(Error::Layout("reduce: output length does not match the kept axes"));
    }
    if y.is_empty() {
        return Ok(());
    }
    if x.is_empty() {
        // Some reduced axis is empty: every output reduces nothing.
        for o in y.iter_mut() {
            *o = fin(init, 0);
        }
        return Ok(());
    }
    // Merge axes into groups of one kind, innermost first; extents of 1 vanish.
    let mut kept = Strided::<1>::new([0]);
    let mut red = Strided::<1>::new([0]);
    let mut inner_kind: Option<bool> = None;
    let mut stride = 1usize;
    for a in (0..r).rev() {
        let d = x_shape[a];
        if d == 1 {
            continue;
        }
        let reduced = is_red(a);
        inner_kind.get_or_insert(reduced);
        if reduced {
            red.push_outer(d, [stride as isize])?;
        } else {
            kept.push_outer(d, [stride as isize])?;
        }
        stride *= d;
    }
    let mut yi = 0usize;
    if inner_kind == Some(true) {
        // Innermost group reduced: each output folds contiguous runs of `run` elements.
        let run = red.inner();
        let outer_red = red.without_inner();
        kept.for_each_offset(0, |base| {
            let mut a = init;
            outer_red.for_each_offset(base, |off| {
                for &v in &x[off as usize..off as usize + run] {
                    a = acc(a, v);
                }
            });
            y[yi] = fin(a, count);
            yi += 1;
        });
    } else {
        // Innermost group kept (or nothing left): blocks of columns with stack accumulators.
        let run = kept.inner();
        let outer_kept = kept.without_inner();
        outer_kept.for_each_offset(0, |base| {
            for k0 in (0..run).step_by(BLOCK) {
                let bs = BLOCK.min(run - k0);
                let mut accs = [init; BLOCK];
                red.for_each_offset(base + k0 as isize, |off| {
                    let off = off as usize;
                    for (a, &v) in accs[..bs].iter_mut().zip(&x[off..off + bs]) {
                        *a = acc(*a, v);
                    }
                });
                for (o, &a) in y[yi..yi + bs].iter_mut().zip(&accs[..bs]) {
                    *o = fin(a, count);
                }
                yi += bs;
            }
        });
    }
    Ok(())
}

/// ONNX `ArgMax` / `ArgMin` along `axis`: `y` (the kept-axes count of elements, as i64) holds
/// the index of the first extreme value, or the last one with `select_last`.
pub fn arg_reduce<T: Copy + PartialOrd>(
    x: &[T],
    x_shape: &[usize],
    axis: usize,
    is_max: bool,
    select_last: bool,
    y: &mut [i64],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "arg_reduce: input length does not match its shape")?;
    if axis >= x_shape.len() {
        return Err(Error::Layout("arg_reduce: axis out of range"));
    }
    let n = x_shape[axis];
    let outer: usize = x_shape[..axis].iter().product();
    let inner: usize = x_shape[axis + 1..].iter().product();
    if y.len() != outer * inner {
        return Err(Error::Layout("arg_reduce: output length does not match"));
    }
    if y.is_empty() {
        return Ok(());
    }
    if n == 0 {
        return Err(Error::Layout("arg_reduce: the reduced axis is empty"));
    }
    let better = |v: T, cur: T| match (is_max, select_last) {
        (true, false) => v > cur,
        (true, true) => v >= cur,
        (false, false) => v < cur,
        (false, true) => v <= cur,
    };
    for (block, yb) in x.chunks_exact(n * inner).zip(y.chunks_exact_mut(inner)) {
        yb.fill(0);
        for (a, row) in block.chunks_exact(inner).enumerate().skip(1) {
            for (j, (o, &v)) in yb.iter_mut().zip(row).enumerate() {
                if better(v, block[*o as usize * inner + j]) {
                    *o = a as i64;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Naive reference: sum with a count, via unravelled coordinates.
    fn naive_sum(x: &[i64], shape: &[usize], axes: &[usize]) -> Vec<(i64, usize)> {
        let y_shape: Vec<usize> =
            shape.iter().enumerate().map(|(a, &d)| if axes.contains(&a) { 1 } else { d }).collect();
        let ny: usize = y_shape.iter().product();
        let mut out = vec![(0i64, 0usize); ny];
        for (i, &v) in x.iter().enumerate() {
            let mut rem = i;
            let mut yi = 0;
            let mut coords = vec![0; shape.len()];
            for a in (0..shape.len()).rev() {
                coords[a] = rem % shape[a];
                rem /= shape[a];
            }
            for a in 0..shape.len() {
                yi = yi * y_shape[a] + if axes.contains(&a) { 0 } else { coords[a] };
            }
            out[yi].0 += v;
            out[yi].1 += 1;
        }
        out
    }

    #[test]
    fn reduce_matches_naive() {
        let shapes: [&[usize]; 5] = [&[2, 3, 4, 5], &[1, 3, 1, 70], &[130, 3], &[4, 1, 3, 2, 2], &[6]];
        for shape in shapes {
            let r = shape.len();
            let n: usize = shape.iter().product();
            let x: Vec<i64> = (0..n as i64).map(|v| v * 3 % 17).collect();
            for mask in 0..(1u32 << r) {
                let axes: Vec<usize> = (0..r).filter(|a| mask & (1 << a) != 0).collect();
                let want = naive_sum(&x, shape, &axes);
                let mut y = vec![(0i64, 0usize); want.len()];
                reduce(&x, shape, &axes, &mut y, 0i64, |a, v| a + v, |a, c| (a, c)).unwrap();
                let want: Vec<(i64, usize)> =
                    want.iter().map(|&(s, c)| (s, if axes.is_empty() { 1 } else { c })).collect();
                assert_eq!(y, want, "{shape:?} axes {axes:?}");
            }
        }
    }

    #[test]
    fn reduce_mean_max_and_empty() {
        let x = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0];
        let mut y = [0.0f32; 2];
        reduce(&x, &[2, 3], &[1], &mut y, 0.0f32, |a, v| a + v, |a, c| a / c as f32).unwrap();
        assert_eq!(y, [2.0, 5.0]);
        let mut y = [0.0f32; 3];
        reduce(&x, &[2, 3], &[0], &mut y, f32::NEG_INFINITY, |a, v| if v > a { v } else { a }, |a, _| a).unwrap();
        assert_eq!(y, [4.0, 5.0, 6.0]);
        let mut y = [0.0f32; 1];
        reduce(&x, &[2, 3], &[0, 1], &mut y, 0.0f32, |a, v| a + v, |a, _| a).unwrap();
        assert_eq!(y, [21.0]);
        let mut y = [7.0f32; 2];
        reduce(&[] as &[f32], &[2, 0], &[1], &mut y, 0.0f32, |a, v| a + v, |a, c| a + c as f32).unwrap();
        assert_eq!(y, [0.0, 0.0]);
        reduce(&[] as &[f32], &[0, 2], &[1], &mut [] as &mut [f32], 0.0f32, |a, v| a + v, |a, _| a).unwrap();
        assert!(reduce(&x, &[2, 3], &[2], &mut y, 0.0f32, |a, v| a + v, |a, _| a).is_err());
        assert!(reduce(&x, &[2, 3], &[0], &mut y, 0.0f32, |a, v| a + v, |a, _| a).is_err());
        let mut y = [0.0f32; 1];
        reduce(&[5.0f32], &[], &[], &mut y, 1.0f32, |a, v| a * v, |a, _| a).unwrap();
        assert_eq!(y, [5.0]);
    }

    #[test]
    fn arg_reduce_ties() {
        let x = [1, 3, 3, 0, 2, 0]; // [2, 3]
        let mut y = [0i64; 2];
        arg_reduce(&x, &[2, 3], 1, true, false, &mut y).unwrap();
        assert_eq!(y, [1, 1]);
        arg_reduce(&x, &[2, 3], 1, true, true, &mut y).unwrap();
        assert_eq!(y, [2, 1]);
        arg_reduce(&x, &[2, 3], 1, false, false, &mut y).unwrap();
        assert_eq!(y, [0, 0]);
        arg_reduce(&x, &[2, 3], 1, false, true, &mut y).unwrap();
        assert_eq!(y, [0, 2]);
        let mut y = [0i64; 3];
        arg_reduce(&x, &[2, 3], 0, true, false, &mut y).unwrap();
        assert_eq!(y, [0, 0, 0]);
        arg_reduce(&x, &[2, 3], 0, false, true, &mut y).unwrap();
        assert_eq!(y, [1, 1, 1]);
        assert!(arg_reduce(&[] as &[i32], &[2, 0], 1, true, false, &mut y[..2]).is_err());
        assert!(arg_reduce(&x, &[2, 3], 2, true, false, &mut y).is_err());
    }
}
