//! Elementwise kernels: unary `map`, binary `zip` with numpy broadcasting, ONNX `Where`
//! (`select`) and `Expand` (`broadcast_to`). The operation itself is a closure the compiler
//! writes (usually one of [`crate::scalar`]'s functions), so one kernel serves every op.
//!
//! Broadcasting goes through `Strided`: axes are merged, so the inner loop is a plain slice
//! loop whose operands are either contiguous or a repeated scalar.

use super::nd::{check_len, Strided};
use crate::Error;

/// `y[i] = f(x[i])`.
pub fn map<A: Copy, B>(x: &[A], y: &mut [B], f: impl Fn(A) -> B) -> Result<(), Error> {
    if x.len() != y.len() {
        return Err(Error::Layout("map: input and output lengths differ"));
    }
    for (o, &v) in y.iter_mut().zip(x) {
        *o = f(v);
    }
    Ok(())
}

/// `y = f([x0, x1, ...])` with numpy broadcasting of every input to `y_shape`: a fused group
/// of elementwise ops in one pass over memory (the compiler writes `f` as a closure).
pub fn fused<T: Copy + Default + Send + Sync, const K: usize>(
    xs: [(&[T], &[usize]); K],
    y: &mut [T],
    y_shape: &[usize],
    f: impl Fn([T; K]) -> T + Sync,
) -> Result<(), Error> {
    chunked(xs, y, y_shape, &|out, ops| {
        // `i < CHUNK` is evident to the compiler, so neither index is checked.
        #[allow(clippy::needless_range_loop)]
        for i in 0..out.len().min(CHUNK) {
            out[i] = f(core::array::from_fn(|k| ops[k][i]));
        }
    })
}

/// `y = f(y, [x0, x1, ...])` in place, each `x` broadcast to `y_shape`: the epilogue of a
/// fused Conv or MatMul, run over the output its kernel just wrote.
pub fn fused_in_place<T: Copy + Default + Send + Sync, const K: usize>(
    y: &mut [T],
    y_shape: &[usize],
    xs: [(&[T], &[usize]); K],
    f: impl Fn(T, [T; K]) -> T + Sync,
) -> Result<(), Error> {
    chunked(xs, y, y_shape, &|out, ops| {
        #[allow(clippy::needless_range_loop)]
        for i in 0..out.len().min(CHUNK) {
            out[i] = f(out[i], core::array::from_fn(|k| ops[k][i]));
        }
    })
}

/// Whether an operand of `shape` with as many elements as the output is laid out like it
/// (its shape is the output's, perhaps with fewer leading 1s).
fn broadcasts_whole(shape: &[usize], y_shape: &[usize]) -> bool {
    let skip = y_shape.len() - shape.len();
    y_shape[..skip].iter().all(|&d| d == 1) && y_shape[skip..] == *shape
}

/// Elements per chunk of a fused loop.
const CHUNK: usize = 256;

/// Outputs from which a fused loop over same-shaped (or scalar) operands is split across threads.
const PARALLEL_MIN: usize = 1 << 15;

/// Calls `body(out, operands)` over chunks of at most [`CHUNK`] consecutive output elements,
/// with every input's values for those elements gathered into a stack buffer of the chunk's
/// length (a repeated scalar, a copy of a contiguous run, or a strided gather). The body then
/// indexes plain arrays with a known bound: no bounds checks, and the loop vectorises whatever
/// the broadcasting. Large outputs whose operands are all whole or scalar are split into bands
/// across the thread pool (elementwise, so the values do not depend on the split).
#[allow(clippy::type_complexity)]
fn chunked<T: Copy + Default + Send + Sync, const K: usize>(
    xs: [(&[T], &[usize]); K],
    y: &mut [T],
    y_shape: &[usize],
    body: &(dyn Fn(&mut [T], &[[T; CHUNK]; K]) + Sync),
) -> Result<(), Error> {
    for (x, shape) in &xs {
        check_len(x.len(), shape, "fused: an input length does not match its shape")?;
    }
    check_len(y.len(), y_shape, "fused: output length does not match its shape")?;
    let n = y.len();
    let flat = xs
        .iter()
        .all(|(x, s)| (x.len() == n && s.len() <= y_shape.len() && broadcasts_whole(s, y_shape)) || x.len() == 1);
    let data = xs.map(|(x, _)| x);
    if flat && n >= PARALLEL_MIN && crate::threads::threads() > 1 {
        // A whole operand steps along with the output; a scalar stays put.
        let strides: [isize; K] = core::array::from_fn(|k| (data[k].len() != 1) as isize);
        crate::threads::for_each_chunk(y, n, 1, CHUNK, &|start, band| {
            let starts: [isize; K] = core::array::from_fn(|k| start as isize * strides[k]);
            let mut ops = [[T::default(); CHUNK]; K];
            run_chunks(band, &data, starts, strides, &mut ops, body);
        });
        return Ok(());
    }
    let sp = Strided::broadcast(xs.map(|(_, s)| s), y_shape)?;
    if y.is_empty() {
        return Ok(());
    }
    let len = sp.inner();
    let strides: [isize; K] = core::array::from_fn(|k| sp.inner_stride(k));
    let mut ops = [[T::default(); CHUNK]; K];
    let mut yo = 0usize;
    sp.for_each_run(|starts| {
        run_chunks(&mut y[yo..yo + len], &data, starts, strides, &mut ops, body);
        yo += len;
    });
    Ok(())
}

/// One run of outputs, chunk by chunk: operand `k`'s values for the run start at `starts[k]`
/// and step by `strides[k]` (0: a repeated scalar, 1: a contiguous copy, else a gather).
#[allow(clippy::type_complexity)]
fn run_chunks<T: Copy, const K: usize>(
    out: &mut [T],
    data: &[&[T]; K],
    starts: [isize; K],
    strides: [isize; K],
    ops: &mut [[T; CHUNK]; K],
    body: &(dyn Fn(&mut [T], &[[T; CHUNK]; K]) + Sync),
) {
    for c0 in (0..out.len()).step_by(CHUNK) {
        let n = CHUNK.min(out.len() - c0);
        for k in 0..K {
            let buf = &mut ops[k][..n];
            let first = starts[k] + c0 as isize * strides[k];
            match strides[k] {
                0 => buf.fill(data[k][first as usize]),
                1 => buf.copy_from_slice(&data[k][first as usize..first as usize + n]),
                st => {
                    for (i, b) in buf.iter_mut().enumerate() {
                        *b = data[k][(first + i as isize * st) as usize];
                    }
                }
            }
        }
        body(&mut out[c0..c0 + n], ops);
    }
}

/// `y = f(a, b)` with numpy multidirectional broadcasting of `a` and `b` to `y_shape`.
pub fn zip<A: Copy, B: Copy, C>(
    a: &[A],
    a_shape: &[usize],
    b: &[B],
    b_shape: &[usize],
    y: &mut [C],
    y_shape: &[usize],
    f: impl Fn(A, B) -> C,
) -> Result<(), Error> {
    check_len(a.len(), a_shape, "zip: `a` length does not match its shape")?;
    check_len(b.len(), b_shape, "zip: `b` length does not match its shape")?;
    check_len(y.len(), y_shape, "zip: output length does not match its shape")?;
    let sp = Strided::broadcast([a_shape, b_shape], y_shape)?;
    if y.is_empty() {
        return Ok(());
    }
    // Fast paths: after a successful broadcast check, an operand with as many elements as the
    // output is laid out exactly like it, and a one-element operand is a scalar.
    let n = y.len();
    match (a.len() == n, b.len() == n) {
        (true, true) => {
            for ((o, &u), &v) in y.iter_mut().zip(a).zip(b) {
                *o = f(u, v);
            }
            return Ok(());
        }
        (true, false) if b.len() == 1 => {
            let v = b[0];
            for (o, &u) in y.iter_mut().zip(a) {
                *o = f(u, v);
            }
            return Ok(());
        }
        (false, true) if a.len() == 1 => {
            let u = a[0];
            for (o, &v) in y.iter_mut().zip(b) {
                *o = f(u, v);
            }
            return Ok(());
        }
        _ => {}
    }
    let len = sp.inner();
    let (sa, sb) = (sp.inner_stride(0), sp.inner_stride(1));
    let mut yo = 0usize;
    sp.for_each_run(|[ia, ib]| {
        let (ia, ib) = (ia as usize, ib as usize);
        let out = &mut y[yo..yo + len];
        yo += len;
        match (sa, sb) {
            (1, 1) => {
                for ((o, &u), &v) in out.iter_mut().zip(&a[ia..ia + len]).zip(&b[ib..ib + len]) {
                    *o = f(u, v);
                }
            }
            (1, 0) => {
                let v = b[ib];
                for (o, &u) in out.iter_mut().zip(&a[ia..ia + len]) {
                    *o = f(u, v);
                }
            }
            (0, 1) => {
                let u = a[ia];
                for (o, &v) in out.iter_mut().zip(&b[ib..ib + len]) {
                    *o = f(u, v);
                }
            }
            _ => {
                for (i, o) in out.iter_mut().enumerate() {
                    let i = i as isize;
                    *o = f(a[(ia as isize + i * sa) as usize], b[(ib as isize + i * sb) as usize]);
                }
            }
        }
    });
    Ok(())
}

/// ONNX `Where`: `y = if cond { a } else { b }`, all three broadcast to `y_shape`.
#[allow(clippy::too_many_arguments)]
pub fn select<T: Copy>(
    cond: &[bool],
    c_shape: &[usize],
    a: &[T],
    a_shape: &[usize],
    b: &[T],
    b_shape: &[usize],
    y: &mut [T],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(cond.len(), c_shape, "select: condition length does not match its shape")?;
    check_len(a.len(), a_shape, "select: `a` length does not match its shape")?;
    check_len(b.len(), b_shape, "select: `b` length does not match its shape")?;
    check_len(y.len(), y_shape, "select: output length does not match its shape")?;
    let sp = Strided::broadcast([c_shape, a_shape, b_shape], y_shape)?;
    if y.is_empty() {
        return Ok(());
    }
    let n = y.len();
    if cond.len() == n && a.len() == n && b.len() == n {
        for (((o, &c), &u), &v) in y.iter_mut().zip(cond).zip(a).zip(b) {
            *o = if c { u } else { v };
        }
        return Ok(());
    }
    let len = sp.inner();
    let st = [sp.inner_stride(0), sp.inner_stride(1), sp.inner_stride(2)];
    let mut yo = 0usize;
    sp.for_each_run(|[ic, ia, ib]| {
        let out = &mut y[yo..yo + len];
        yo += len;
        for (i, o) in out.iter_mut().enumerate() {
            let i = i as isize;
            *o = if cond[(ic + i * st[0]) as usize] {
                a[(ia + i * st[1]) as usize]
            } else {
                b[(ib + i * st[2]) as usize]
            };
        }
    });
    Ok(())
}

/// ONNX `Expand` (with the output shape already resolved): copies `x` broadcast to `y_shape`.
pub fn broadcast_to<T: Copy>(x: &[T], x_shape: &[usize], y: &mut [T], y_shape: &[usize]) -> Result<(), Error> {
    check_len(x.len(), x_shape, "broadcast_to: input length does not match its shape")?;
    check_len(y.len(), y_shape, "broadcast_to: output length does not match its shape")?;
    let sp = Strided::broadcast([x_shape], y_shape)?;
    copy_strided(x, &sp, y);
    Ok(())
}

/// Fills `y` (contiguous, in `sp`'s order) from `x` read through the single-operand space `sp`,
/// whose offsets the caller has validated against `x`.
pub(crate) fn copy_strided<T: Copy>(x: &[T], sp: &Strided<1>, y: &mut [T]) {
    if y.is_empty() {
        return;
    }
    let len = sp.inner();
    let s = sp.inner_stride(0);
    let mut yo = 0usize;
    sp.for_each_run(|[ix]| {
        let out = &mut y[yo..yo + len];
        yo += len;
        match s {
            1 => out.copy_from_slice(&x[ix as usize..ix as usize + len]),
            0 => out.fill(x[ix as usize]),
            _ => {
                for (i, o) in out.iter_mut().enumerate() {
                    *o = x[(ix + i as isize * s) as usize];
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fused_broadcasts_every_input_like_numpy() {
        // y[i, j] = a[i, j] * b[j] + c[i, 0], then in place y += d (a scalar).
        let a = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0];
        let (b, c, d) = ([10.0f32, 20.0, 30.0], [0.5f32, -0.5], [100.0f32]);
        let mut y = [0.0f32; 6];
        fused([(&a[..], &[2, 3][..]), (&b[..], &[3][..]), (&c[..], &[2, 1][..])], &mut y, &[2, 3], |v| {
            v[0] * v[1] + v[2]
        })
        .unwrap();
        assert_eq!(y, [10.5, 40.5, 90.5, 39.5, 99.5, 179.5]);
        fused_in_place(&mut y, &[2, 3], [(&d[..], &[][..])], |o, v| o + v[0]).unwrap();
        assert_eq!(y, [110.5, 140.5, 190.5, 139.5, 199.5, 279.5]);
        // Shapes that do not broadcast are an error.
        assert!(fused([(&a[..], &[2, 3][..]), (&c[..], &[2][..])], &mut y, &[2, 3], |v| v[0] + v[1]).is_err());
    }

    /// Independent reference: unravel every output index and re-ravel it into each operand.
    fn naive_index(y_shape: &[usize], x_shape: &[usize], mut flat: usize) -> usize {
        let mut coords = vec![0; y_shape.len()];
        for i in (0..y_shape.len()).rev() {
            coords[i] = flat % y_shape[i];
            flat /= y_shape[i];
        }
        let off = y_shape.len() - x_shape.len();
        let mut idx = 0;
        for (j, &d) in x_shape.iter().enumerate() {
            let c = if d == 1 { 0 } else { coords[j + off] };
            idx = idx * d + c;
        }
        idx
    }

    fn check_zip(a_shape: &[usize], b_shape: &[usize], y_shape: &[usize]) {
        let na: usize = a_shape.iter().product();
        let nb: usize = b_shape.iter().product();
        let ny: usize = y_shape.iter().product();
        let a: Vec<i64> = (0..na as i64).collect();
        let b: Vec<i64> = (0..nb as i64).map(|v| v * 1000).collect();
        let mut y = vec![0i64; ny];
        zip(&a, a_shape, &b, b_shape, &mut y, y_shape, |u, v| u + v).unwrap();
        for (i, &got) in y.iter().enumerate() {
            let want = a[naive_index(y_shape, a_shape, i)] + b[naive_index(y_shape, b_shape, i)];
            assert_eq!(got, want, "a{a_shape:?} b{b_shape:?} y{y_shape:?} at {i}");
        }
    }

    #[test]
    fn zip_broadcasting() {
        check_zip(&[2, 3], &[2, 3], &[2, 3]);
        check_zip(&[2, 3], &[], &[2, 3]);
        check_zip(&[1], &[2, 3], &[2, 3]);
        check_zip(&[2, 3, 4, 5], &[3, 1, 1], &[2, 3, 4, 5]);
        check_zip(&[3, 1, 1], &[2, 3, 4, 5], &[2, 3, 4, 5]);
        check_zip(&[2, 3, 4], &[4], &[2, 3, 4]);
        check_zip(&[2, 1, 4], &[3, 1], &[2, 3, 4]);
        check_zip(&[1, 3, 1, 5], &[2, 1, 4, 1], &[2, 3, 4, 5]);
        check_zip(&[5, 1], &[1, 6], &[5, 6]);
        check_zip(&[1, 1, 7], &[7], &[1, 1, 7]);
        check_zip(&[2, 0, 3], &[3], &[2, 0, 3]);
        check_zip(&[2, 3, 1], &[2, 1, 1], &[2, 3, 1]);
        check_zip(&[], &[], &[]);
    }

    #[test]
    fn zip_type_change_and_errors() {
        let a = [1.0f32, 2.0, 3.0];
        let b = [2.0f32];
        let mut y = [false; 3];
        zip(&a, &[3], &b, &[1], &mut y, &[3], |u, v| u < v).unwrap();
        assert_eq!(y, [true, false, false]);
        let mut y = [0.0f32; 3];
        assert!(zip(&a, &[3], &[1.0, 2.0], &[2], &mut y, &[3], |u, v| u + v).is_err());
        assert!(zip(&a, &[4], &b, &[1], &mut y, &[3], |u, v| u + v).is_err());
        assert!(zip(&a, &[3], &b, &[1], &mut y[..2], &[3], |u, v| u + v).is_err());
        assert!(zip(&a, &[1, 3], &b, &[1], &mut y, &[3], |u, v| u + v).is_err());
    }

    #[test]
    fn map_works() {
        let mut y = [0i32; 3];
        map(&[1.5f32, -2.5, 3.0], &mut y, |v| v as i32).unwrap();
        assert_eq!(y, [1, -2, 3]);
        assert!(map(&[1.0f32], &mut y, |v| v as i32).is_err());
    }

    #[test]
    fn select_broadcast() {
        let cond = [true, false, true];
        let a = [1, 2, 3, 4, 5, 6];
        let b = [-1];
        let mut y = [0; 6];
        select(&cond, &[3], &a, &[2, 3], &b, &[], &mut y, &[2, 3]).unwrap();
        assert_eq!(y, [1, -1, 3, 4, -1, 6]);
        let cond = [true, false];
        let a = [10, 20, 30];
        let b = [7, 8, 9, 7, 8, 9];
        let mut y = [0; 6];
        select(&cond, &[2, 1], &a, &[3], &b, &[2, 3], &mut y, &[2, 3]).unwrap();
        assert_eq!(y, [10, 20, 30, 7, 8, 9]);
        let mut y = [0; 6];
        select(&[true; 6], &[2, 3], &a, &[3], &b, &[2, 3], &mut y, &[2, 3]).unwrap();
        assert_eq!(y, [10, 20, 30, 10, 20, 30]);
        assert!(select(&[true; 2], &[2], &a, &[3], &b, &[2, 3], &mut y, &[2, 3]).is_err());
    }

    #[test]
    fn broadcast_to_works() {
        let x = [1, 2, 3];
        let mut y = [0; 6];
        broadcast_to(&x, &[3, 1], &mut y, &[3, 2]).unwrap();
        assert_eq!(y, [1, 1, 2, 2, 3, 3]);
        broadcast_to(&x, &[3], &mut y, &[2, 3]).unwrap();
        assert_eq!(y, [1, 2, 3, 1, 2, 3]);
        let mut y = [0; 24];
        broadcast_to(&x, &[1, 3, 1], &mut y, &[2, 3, 4]).unwrap();
        for (i, &v) in y.iter().enumerate() {
            assert_eq!(v, x[naive_index(&[2, 3, 4], &[1, 3, 1], i)]);
        }
        assert!(broadcast_to(&x, &[3], &mut y[..4], &[4]).is_err());
    }
}
