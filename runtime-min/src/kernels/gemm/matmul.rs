//! Matrix multiplication: [`MatMulElem`] (a strided GEMM per element type), ONNX/numpy
//! [`matmul`] with batch broadcasting, and [`gemm_f32`] for the compiler's `Gemm` lowering.
//!
//! f32 and f64 go to `strided.rs` (no heap allocation, arbitrary row and column strides), so
//! transposed or batched operands are never copied. Integer types use plain wrapping loops
//! (ONNX integer MatMul wraps on overflow).
//!
//! Lives in `gemm/` with the GEMMs it calls; reached as `kernels::matmul` (a re-export).

use crate::kernels::nd::{check_len, Strided};
use crate::Error;

/// A strided matrix operand: `rows x cols` with element `(i, j)` at `i * rs + j * cs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatLayout {
    /// Number of rows.
    pub rows: usize,
    /// Number of columns.
    pub cols: usize,
    /// Row stride, in elements.
    pub rs: usize,
    /// Column stride, in elements.
    pub cs: usize,
}

impl MatLayout {
    /// A contiguous row-major matrix.
    pub fn row_major(rows: usize, cols: usize) -> Self {
        MatLayout { rows, cols, rs: cols, cs: 1 }
    }

    /// Checks that every element lies inside a slice of `len` elements and that the strides
    /// fit `isize` (pointer offsets).
    fn check(&self, len: usize) -> Result<(), Error> {
        const WHY: &str = "gemm: matrix does not fit its slice";
        if self.rows == 0 || self.cols == 0 {
            return Ok(());
        }
        if self.rs > isize::MAX as usize || self.cs > isize::MAX as usize {
            return Err(Error::Layout(WHY));
        }
        let last = (self.rows - 1)
            .checked_mul(self.rs)
            .and_then(|r| (self.cols - 1).checked_mul(self.cs).and_then(|c| r.checked_add(c)))
            .ok_or(Error::Layout(WHY))?;
        if last < len {
            Ok(())
        } else {
            Err(Error::Layout(WHY))
        }
    }
}

/// Checks the operands of `c = alpha * a * b + beta * c` agree and fit their slices. Returns
/// `(m, k, n)`.
fn check_gemm(
    a: &MatLayout,
    al: usize,
    b: &MatLayout,
    bl: usize,
    c: &MatLayout,
    cl: usize,
) -> Result<(usize, usize, usize), Error> {
    if a.cols != b.rows || a.rows != c.rows || b.cols != c.cols {
        return Err(Error::Layout("gemm: matrix dimensions disagree"));
    }
    a.check(al)?;
    b.check(bl)?;
    c.check(cl)?;
    Ok((a.rows, a.cols, b.cols))
}

/// Element types [`matmul`] supports, each with a strided GEMM.
pub trait MatMulElem: Copy + Default + PartialEq + 'static {
    /// The additive identity.
    const ZERO: Self;
    /// The multiplicative identity.
    const ONE: Self;

    /// `c = alpha * a * b + beta * c` on strided matrices. With `beta == 0`, `c` is overwritten
    /// (its old contents, NaN included, are ignored). Fails if the layouts disagree or do not
    /// fit their slices.
    #[allow(clippy::too_many_arguments)]
    fn gemm(
        alpha: Self,
        a: &[Self],
        al: MatLayout,
        b: &[Self],
        bl: MatLayout,
        beta: Self,
        c: &mut [Self],
        cl: MatLayout,
    ) -> Result<(), Error>;

    /// `c[q * len + j] += a · b[.., starts[q] + j]` for every range `q` and `j < len`: a vector
    /// (`a.len()` values) times several ranges of `len` columns of the row-major `b` (row
    /// stride `ldb`). Each value is summed in the order of `a`, as [`MatMulElem::gemm`] sums a
    /// one-row product, whichever ranges are computed together. Fails if a range lies outside
    /// `b` or `c` is short.
    fn matvec_columns(
        a: &[Self],
        b: &[Self],
        ldb: usize,
        starts: &[usize],
        len: usize,
        c: &mut [Self],
    ) -> Result<(), Error> {
        if c.len() < starts.len() * len {
            return Err(Error::Layout("matvec_columns: output too short"));
        }
        let k = a.len();
        for (&start, cq) in starts.iter().zip(c.chunks_exact_mut(len.max(1))) {
            let bl = MatLayout { rows: k, cols: len, rs: ldb, cs: 1 };
            Self::gemm(
                Self::ONE,
                a,
                MatLayout::row_major(1, k),
                b.get(start..).unwrap_or(&[]),
                bl,
                Self::ONE,
                cq,
                MatLayout::row_major(1, len),
            )?;
        }
        Ok(())
    }
}

macro_rules! float_gemm {
    ($($t:ty),*) => { $(
        impl MatMulElem for $t {
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;

            fn gemm(alpha: Self, a: &[Self], al: MatLayout, b: &[Self], bl: MatLayout, beta: Self, c: &mut [Self], cl: MatLayout) -> Result<(), Error> {
                let (m, k, n) = check_gemm(&al, a.len(), &bl, b.len(), &cl, c.len())?;
                let s = |l: MatLayout| crate::kernels::gemm::strided::Strides { rs: l.rs, cs: l.cs };
                crate::kernels::gemm::strided::gemm(m, k, n, alpha, a, s(al), b, s(bl), beta, c, s(cl));
                Ok(())
            }

            fn matvec_columns(a: &[Self], b: &[Self], ldb: usize, starts: &[usize], len: usize, c: &mut [Self]) -> Result<(), Error> {
                if <Self as crate::kernels::gemm::strided::Gemm>::matvec_columns(a, b, ldb, starts, len, c) {
                    Ok(())
                } else {
                    Err(Error::Layout("matvec_columns: a range of columns lies outside the matrix, or the output is short"))
                }
            }
        }
    )* };
}

float_gemm!(f32, f64);

macro_rules! int_gemm {
    ($($t:ty),*) => { $(
        impl MatMulElem for $t {
            const ZERO: Self = 0;
            const ONE: Self = 1;

            fn gemm(alpha: Self, a: &[Self], al: MatLayout, b: &[Self], bl: MatLayout, beta: Self, c: &mut [Self], cl: MatLayout) -> Result<(), Error> {
                let (m, k, n) = check_gemm(&al, a.len(), &bl, b.len(), &cl, c.len())?;
                for i in 0..m {
                    for j in 0..n {
                        let x = &mut c[i * cl.rs + j * cl.cs];
                        *x = if beta == 0 { 0 } else { beta.wrapping_mul(*x) };
                    }
                    for p in 0..k {
                        let aip = alpha.wrapping_mul(a[i * al.rs + p * al.cs]);
                        if aip == 0 {
                            continue;
                        }
                        for j in 0..n {
                            let x = &mut c[i * cl.rs + j * cl.cs];
                            *x = x.wrapping_add(aip.wrapping_mul(b[p * bl.rs + j * bl.cs]));
                        }
                    }
                }
                Ok(())
            }
        }
    )* };
}

int_gemm!(i32, i64, u32, u64);

macro_rules! half_gemm {
    ($($t:ty),*) => { $(
        /// Half precision: each output accumulates in f32 and rounds once.
        impl MatMulElem for $t {
            const ZERO: Self = <$t>::ZERO;
            const ONE: Self = <$t>::ONE;

            fn gemm(alpha: Self, a: &[Self], al: MatLayout, b: &[Self], bl: MatLayout, beta: Self, c: &mut [Self], cl: MatLayout) -> Result<(), Error> {
                let (m, k, n) = check_gemm(&al, a.len(), &bl, b.len(), &cl, c.len())?;
                let (alpha, beta) = (alpha.to_f32(), beta.to_f32());
                for i in 0..m {
                    for j in 0..n {
                        let mut acc = 0.0f32;
                        for p in 0..k {
                            acc += a[i * al.rs + p * al.cs].to_f32() * b[p * bl.rs + j * bl.cs].to_f32();
                        }
                        let x = &mut c[i * cl.rs + j * cl.cs];
                        let old = if beta == 0.0 { 0.0 } else { beta * x.to_f32() };
                        *x = <$t>::from_f32(alpha * acc + old);
                    }
                }
                Ok(())
            }
        }
    )* };
}

half_gemm!(crate::f16, crate::bf16);

/// [`matmul`] for f32 with a constant 2-D `b` packed at build time by
/// [`crate::kernels::prepacked::pack_rhs`] (`b_shape` is its ONNX shape `[K, N]`): `a`'s batch axes
/// fold into its rows, so the whole product is one GEMM whose `b` is never packed at run time.
pub fn matmul_prepacked(
    a: &[f32],
    a_shape: &[usize],
    b: &[f32],
    b_shape: &[usize],
    y: &mut [f32],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(a.len(), a_shape, "matmul: `a` length does not match its shape")?;
    check_len(y.len(), y_shape, "matmul: output length does not match its shape")?;
    let (&[k, n], Some((&ka, a_lead))) = (b_shape, a_shape.split_last()) else {
        return Err(Error::Layout("matmul: a prepacked `b` is 2-D and `a` has rank >= 1"));
    };
    if ka != k || y_shape.split_last() != Some((&n, a_lead)) {
        return Err(Error::Layout("matmul: output shape does not match the operands"));
    }
    let m = a.len().checked_div(k).unwrap_or(y.len() / n.max(1));
    crate::kernels::prepacked::gemm_rhs(m, k, n, a, k, b, y, n)
}

/// ONNX / numpy `MatMul`. A 1-D `a` is a row `[1, K]` and a 1-D `b` a column `[K, 1]`, with that
/// axis absent from the output; leading (batch) axes broadcast. `y_shape` is the output shape.
pub fn matmul<T: MatMulElem>(
    a: &[T],
    a_shape: &[usize],
    b: &[T],
    b_shape: &[usize],
    y: &mut [T],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(a.len(), a_shape, "matmul: `a` length does not match its shape")?;
    check_len(b.len(), b_shape, "matmul: `b` length does not match its shape")?;
    check_len(y.len(), y_shape, "matmul: output length does not match its shape")?;
    let (ra, rb) = (a_shape.len(), b_shape.len());
    if ra == 0 || rb == 0 {
        return Err(Error::Layout("matmul: operands must have rank >= 1"));
    }
    let (m, k, a_batch) =
        if ra == 1 { (1, a_shape[0], &a_shape[..0]) } else { (a_shape[ra - 2], a_shape[ra - 1], &a_shape[..ra - 2]) };
    let (kb, n, b_batch) =
        if rb == 1 { (b_shape[0], 1, &b_shape[..0]) } else { (b_shape[rb - 2], b_shape[rb - 1], &b_shape[..rb - 2]) };
    if k != kb {
        return Err(Error::Layout("matmul: inner dimensions differ"));
    }
    // The output is the batch shape followed by M (unless `a` is 1-D) and N (unless `b` is 1-D).
    let tail = usize::from(ra > 1) + usize::from(rb > 1);
    let yr = y_shape.len();
    if yr < tail {
        return Err(Error::Layout("matmul: output rank too small"));
    }
    let y_batch = &y_shape[..yr - tail];
    let ok_tail = match (ra > 1, rb > 1) {
        (true, true) => y_shape[yr - 2] == m && y_shape[yr - 1] == n,
        (true, false) => y_shape[yr - 1] == m,
        (false, true) => y_shape[yr - 1] == n,
        (false, false) => true,
    };
    if !ok_tail || y_batch.len() < a_batch.len().max(b_batch.len()) {
        return Err(Error::Layout("matmul: output shape does not match the operands"));
    }
    let sp = Strided::broadcast([a_batch, b_batch], y_batch)?;
    if y.is_empty() {
        return Ok(());
    }
    let (sa, sb, sy) = (m * k, k * n, m * n);
    let batches = y.len() / sy;
    // Shared `b` and unbroadcast `a`: the batch folds into M, one GEMM for everything.
    if b.len() == sb && a.len() == batches * sa {
        let al = MatLayout::row_major(batches * m, k);
        return T::gemm(T::ONE, a, al, b, MatLayout::row_major(k, n), T::ZERO, y, MatLayout::row_major(batches * m, n));
    }
    let run = sp.inner();
    let (ia_s, ib_s) = (sp.inner_stride(0), sp.inner_stride(1));
    let mut res = Ok(());
    let mut yb = 0usize;
    sp.for_each_run(|[ia, ib]| {
        for i in 0..run as isize {
            let ao = (ia + i * ia_s) as usize * sa;
            let bo = (ib + i * ib_s) as usize * sb;
            let r = T::gemm(
                T::ONE,
                &a[ao..ao + sa],
                MatLayout::row_major(m, k),
                &b[bo..bo + sb],
                MatLayout::row_major(k, n),
                T::ZERO,
                &mut y[yb..yb + sy],
                MatLayout::row_major(m, n),
            );
            if r.is_err() {
                res = r;
            }
            yb += sy;
        }
    });
    res
}

/// `y = alpha * op(a) * op(b) + beta * y` where `op(a)` is `m x k` (`a` stored `k x m` when
/// `trans_a`) and `op(b)` is `k x n` (`b` stored `n x k` when `trans_b`); `y` is `m x n`.
/// With `beta == 0`, `y`'s old contents are ignored.
#[allow(clippy::too_many_arguments)]
pub fn gemm_f32(
    trans_a: bool,
    trans_b: bool,
    m: usize,
    n: usize,
    k: usize,
    alpha: f32,
    a: &[f32],
    b: &[f32],
    beta: f32,
    y: &mut [f32],
) -> Result<(), Error> {
    let a_ok = m.checked_mul(k) == Some(a.len());
    let b_ok = k.checked_mul(n) == Some(b.len());
    let y_ok = m.checked_mul(n) == Some(y.len());
    if !(a_ok && b_ok && y_ok) {
        return Err(Error::Layout("gemm_f32: operand lengths do not match m, n, k"));
    }
    let al = if trans_a { MatLayout { rows: m, cols: k, rs: 1, cs: m } } else { MatLayout::row_major(m, k) };
    let bl = if trans_b { MatLayout { rows: k, cols: n, rs: 1, cs: k } } else { MatLayout::row_major(k, n) };
    f32::gemm(alpha, a, al, b, bl, beta, y, MatLayout::row_major(m, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_ranges_sum_like_one_row_products_bit_for_bit() {
        // One pass over several ranges (tails of 16 and of a few columns included) gives each
        // range exactly what a one-row GEMM of that range gives; a range outside is an error.
        let (k, ldb) = (37, 300);
        let a: Vec<f32> = (0..k).map(|i| ((i * 7919) % 211) as f32 / 105.0 - 1.0).collect();
        let b: Vec<f32> = (0..k * ldb).map(|i| ((i * 104729) % 223) as f32 / 111.0 - 1.0).collect();
        for (starts, len) in [
            (vec![0], 64),
            (vec![3, 70], 50),
            (vec![0, 64, 128], 64),
            (vec![1, 60, 130, 200], 19),
            (vec![5, 6, 7, 8, 9], 40),
        ] {
            let init: Vec<f32> = (0..starts.len() * len).map(|i| i as f32 * 0.25).collect();
            let mut c = init.clone();
            f32::matvec_columns(&a, &b, ldb, &starts, len, &mut c).unwrap();
            for (q, &start) in starts.iter().enumerate() {
                let mut want = init[q * len..(q + 1) * len].to_vec();
                let bl = MatLayout { rows: k, cols: len, rs: ldb, cs: 1 };
                f32::gemm(
                    1.0,
                    &a,
                    MatLayout::row_major(1, k),
                    &b[start..],
                    bl,
                    1.0,
                    &mut want,
                    MatLayout::row_major(1, len),
                )
                .unwrap();
                let same = want.iter().zip(&c[q * len..(q + 1) * len]).all(|(x, y)| x.to_bits() == y.to_bits());
                assert!(same, "starts {starts:?}, len {len}, range {q}");
            }
        }
        let mut c = vec![0.0f32; 64];
        assert!(f32::matvec_columns(&a, &b, ldb, &[ldb - 10], 32, &mut c).is_err(), "a range past the row's end");
        assert!(f32::matvec_columns(&a, &b, ldb, &[0, 0, 0], 32, &mut c).is_err(), "c too short");
    }

    /// Naive reference for numpy matmul on shapes already promoted to rank >= 2, broadcasting
    /// batch axes by unravelling.
    fn naive(a: &[i64], a_shape: &[usize], b: &[i64], b_shape: &[usize]) -> (Vec<i64>, Vec<usize>) {
        let a2: Vec<usize> = if a_shape.len() == 1 { vec![1, a_shape[0]] } else { a_shape.to_vec() };
        let b2: Vec<usize> = if b_shape.len() == 1 { vec![b_shape[0], 1] } else { b_shape.to_vec() };
        let (m, k, n) = (a2[a2.len() - 2], a2[a2.len() - 1], b2[b2.len() - 1]);
        let ab = &a2[..a2.len() - 2];
        let bb = &b2[..b2.len() - 2];
        let r = ab.len().max(bb.len());
        let pad =
            |s: &[usize]| -> Vec<usize> { std::iter::repeat_n(1, r - s.len()).chain(s.iter().copied()).collect() };
        let (pa, pb) = (pad(ab), pad(bb));
        let yb: Vec<usize> = pa.iter().zip(&pb).map(|(&x, &y)| x.max(y)).collect();
        let nb: usize = yb.iter().product();
        let mut out = vec![0i64; nb * m * n];
        for bi in 0..nb {
            let mut rem = bi;
            let mut coords = vec![0; r];
            for d in (0..r).rev() {
                coords[d] = rem % yb[d];
                rem /= yb[d];
            }
            let lin = |p: &[usize]| coords.iter().zip(p).fold(0, |acc, (&c, &d)| acc * d + if d == 1 { 0 } else { c });
            let (ao, bo) = (lin(&pa) * m * k, lin(&pb) * k * n);
            for i in 0..m {
                for j in 0..n {
                    let mut s = 0;
                    for p in 0..k {
                        s += a[ao + i * k + p] * b[bo + p * n + j];
                    }
                    out[bi * m * n + i * n + j] = s;
                }
            }
        }
        let mut shape = yb;
        if a_shape.len() > 1 {
            shape.push(m);
        }
        if b_shape.len() > 1 {
            shape.push(n);
        }
        (out, shape)
    }

    fn check(a_shape: &[usize], b_shape: &[usize]) {
        let na: usize = a_shape.iter().product();
        let nb: usize = b_shape.iter().product();
        let a: Vec<i64> = (0..na as i64).map(|v| (v * 7) % 11 - 5).collect();
        let b: Vec<i64> = (0..nb as i64).map(|v| (v * 5) % 13 - 6).collect();
        let (want, shape) = naive(&a, a_shape, &b, b_shape);
        let mut y = vec![0i64; want.len()];
        matmul(&a, a_shape, &b, b_shape, &mut y, &shape).unwrap();
        assert_eq!(y, want, "i64 {a_shape:?} x {b_shape:?}");
        let af: Vec<f32> = a.iter().map(|&v| v as f32).collect();
        let bf: Vec<f32> = b.iter().map(|&v| v as f32).collect();
        let mut yf = vec![f32::NAN; want.len()];
        matmul(&af, a_shape, &bf, b_shape, &mut yf, &shape).unwrap();
        let wf: Vec<f32> = want.iter().map(|&v| v as f32).collect();
        assert_eq!(yf, wf, "f32 {a_shape:?} x {b_shape:?}");
        let ad: Vec<f64> = a.iter().map(|&v| v as f64).collect();
        let bd: Vec<f64> = b.iter().map(|&v| v as f64).collect();
        let mut yd = vec![0.0f64; want.len()];
        matmul(&ad, a_shape, &bd, b_shape, &mut yd, &shape).unwrap();
        assert_eq!(yd, want.iter().map(|&v| v as f64).collect::<Vec<_>>());
    }

    #[test]
    fn matmul_shapes() {
        check(&[2, 3], &[3, 4]);
        check(&[3], &[3, 4]);
        check(&[2, 3], &[3]);
        check(&[3], &[3]);
        check(&[5, 2, 3], &[3, 4]);
        check(&[3], &[5, 3, 4]);
        check(&[5, 2, 3], &[3]);
        check(&[2, 3], &[5, 3, 4]);
        check(&[2, 1, 2, 3], &[4, 3, 2]);
        check(&[1, 4, 2, 3], &[2, 1, 3, 2]);
        check(&[4, 2, 3], &[4, 3, 5]);
        check(&[2, 0], &[0, 3]);
        check(&[17, 33], &[33, 19]);
    }

    #[test]
    fn matmul_errors() {
        let mut y = [0.0f32; 4];
        assert!(matmul(&[0.0f32; 6], &[2, 3], &[0.0; 6], &[2, 3], &mut y, &[2, 2]).is_err());
        assert!(matmul(&[0.0f32; 6], &[2, 3], &[0.0; 6], &[3, 2], &mut y[..3], &[2, 2]).is_err());
        assert!(matmul(&[0.0f32; 6], &[2, 3], &[0.0; 6], &[3, 2], &mut y, &[2, 1, 2]).is_err());
        assert!(matmul(&[0.0f32; 1], &[], &[0.0; 6], &[3, 2], &mut y, &[2, 2]).is_err());
    }

    #[test]
    fn integer_matmul_wraps() {
        let a = [i32::MAX, 2];
        let b = [2, 1];
        let mut y = [0i32];
        matmul(&a, &[2], &b, &[2], &mut y, &[]).unwrap();
        assert_eq!(y[0], i32::MAX.wrapping_mul(2).wrapping_add(2));
        let mut y = [0u32];
        matmul(&[u32::MAX, 1], &[1, 2], &[2, 3], &[2, 1], &mut y, &[1, 1]).unwrap();
        assert_eq!(y[0], u32::MAX.wrapping_mul(2).wrapping_add(3));
    }

    #[test]
    fn gemm_transposes() {
        // op(a) = [[1,2,3],[4,5,6]], op(b) = [[1,0],[0,1],[1,1]] → [[4,5],[10,11]].
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let at = [1.0, 4.0, 2.0, 5.0, 3.0, 6.0];
        let b = [1.0, 0.0, 0.0, 1.0, 1.0, 1.0];
        let bt = [1.0, 0.0, 1.0, 0.0, 1.0, 1.0];
        for (ta, aa) in [(false, &a), (true, &at)] {
            for (tb, bb) in [(false, &b), (true, &bt)] {
                let mut y = [1.0f32, 2.0, 3.0, 4.0];
                gemm_f32(ta, tb, 2, 2, 3, 2.0, aa, bb, 0.5, &mut y).unwrap();
                assert_eq!(y, [8.5, 11.0, 21.5, 24.0], "{ta} {tb}");
                let mut y = [f32::NAN; 4];
                gemm_f32(ta, tb, 2, 2, 3, 1.0, aa, bb, 0.0, &mut y).unwrap();
                assert_eq!(y, [4.0, 5.0, 10.0, 11.0]);
            }
        }
        let mut y = [3.0f32; 4];
        gemm_f32(false, false, 2, 2, 0, 1.0, &[], &[], 2.0, &mut y).unwrap();
        assert_eq!(y, [6.0; 4]);
        assert!(gemm_f32(false, false, 2, 2, 3, 1.0, &a[..5], &b, 0.0, &mut y).is_err());
    }

    #[test]
    fn strided_layout_checked() {
        let a = [1.0f32; 4];
        let mut c = [0.0f32; 4];
        let bad = MatLayout { rows: 2, cols: 2, rs: 3, cs: 1 };
        assert!(
            f32::gemm(1.0, &a, bad, &a, MatLayout::row_major(2, 2), 0.0, &mut c, MatLayout::row_major(2, 2)).is_err()
        );
    }
}
