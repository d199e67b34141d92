//! f32/f64 GEMM without heap allocation: `c = alpha * a * b + beta * c`.
//!
//! `run` must never allocate, and general GEMM libraries allocate packing buffers on every call,
//! so this one reads its operands in place. Row-major operands (unit column stride, the layout
//! every caller uses) go through register-blocked tiles: an `MR x NR` block of `c` is held in
//! registers while `k` runs in blocks of `KC`, each step broadcasting one element of `a` per row
//! and loading one `NR`-wide row of a `KC x NR` panel of `b` packed into a stack buffer; rows
//! and columns left over, and products of fewer than `MR` rows, stream `b` row by row. The same generic code is compiled for AVX-512, AVX2+FMA and portable
//! SIMD, chosen once per call by run-time CPU detection. Other strides take a plain loop.

/// Floats the tiles work on.
pub(crate) trait Float:
    Copy + PartialEq + core::ops::Add<Output = Self> + core::ops::Mul<Output = Self>
{
    const ZERO: Self;
    const ONE: Self;
    fn mul_add(self, b: Self, c: Self) -> Self;
}

impl Float for f32 {
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;
    #[inline(always)]
    fn mul_add(self, b: Self, c: Self) -> Self {
        f32::mul_add(self, b, c)
    }
}

impl Float for f64 {
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;
    #[inline(always)]
    fn mul_add(self, b: Self, c: Self) -> Self {
        f64::mul_add(self, b, c)
    }
}

/// `x * y + acc`, fused where the target has FMA (without it `mul_add` is a slow libm call).
#[inline(always)]
fn madd<T: Float, const FMA: bool>(x: T, y: T, acc: T) -> T {
    if FMA {
        x.mul_add(y, acc)
    } else {
        x * y + acc
    }
}

/// Depth of one block of `k`: a `KC x NR` panel of `b` stays in L1 while all rows use it.
const KC: usize = 256;

/// A strided matrix operand: element `(i, j)` at `i * rs + j * cs`.
#[derive(Clone, Copy)]
pub(crate) struct Strides {
    pub rs: usize,
    pub cs: usize,
}

/// The widest tile: a packed `KC x NR` panel of `b` fits this stack buffer (no heap).
const PANEL: usize = KC * 32;

/// `c += alpha * a * b` for one `MR x NR` tile. `a` starts at the tile's first row and step;
/// `panel` holds `kc` rows of `NR` values of `b`, packed; `c` starts at the tile's corner.
#[inline(always)]
fn tile<T: Float, const MR: usize, const NR: usize, const FMA: bool>(
    alpha: T,
    a: &[T],
    lda: usize,
    panel: &[T],
    c: &mut [T],
    ldc: usize,
) {
    let kc = panel.len() / NR;
    // Each row of `a` as a slice of exactly `kc` values: the loop below needs no bounds checks.
    let mut rows: [&[T]; MR] = [&[]; MR];
    for (r, row) in rows.iter_mut().enumerate() {
        let Some(s) = a.get(r * lda..r * lda + kc) else { return };
        *row = s;
    }
    let mut acc = [[T::ZERO; NR]; MR];
    for (p, brow) in panel.chunks_exact(NR).enumerate() {
        for (row, acc_r) in rows.iter().zip(acc.iter_mut()) {
            let av = alpha * row[p];
            for j in 0..NR {
                acc_r[j] = madd::<T, FMA>(av, brow[j], acc_r[j]);
            }
        }
    }
    for (r, acc_r) in acc.iter().enumerate() {
        let Some(crow) = c.get_mut(r * ldc..r * ldc + NR) else { return };
        for j in 0..NR {
            crow[j] = crow[j] + acc_r[j];
        }
    }
}

/// `c[i, cols] += alpha * a[i, p] * b[p, cols]` row by row: streams `b` in order, the best
/// access for few rows (matrix-vector products).
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn rows_axpy<T: Float, const FMA: bool>(
    rows: core::ops::Range<usize>,
    ps: core::ops::Range<usize>,
    cols: core::ops::Range<usize>,
    alpha: T,
    a: &[T],
    lda: usize,
    b: &[T],
    ldb: usize,
    c: &mut [T],
    ldc: usize,
) {
    // Each row is a vector times one range of columns: blocks of columns summed in registers
    // over all of `ps` (a recurrent layer's 1 x 128 x 512 step loaded and stored its whole row
    // of `c` per step of `k`), each element adding its products in the order of `ps`.
    let b = &b[ps.start * ldb..];
    for i in rows {
        let c_row = &mut c[i * ldc + cols.start..i * ldc + cols.end];
        column_groups::<T, FMA, 1>(
            alpha,
            &a[i * lda + ps.start..i * lda + ps.end],
            b,
            ldb,
            [cols.start],
            cols.len(),
            c_row,
        );
    }
}

/// Columns a single range of [`column_groups`] sums in registers at once (8 AVX-512 vectors
/// of f32: one range alone needs that many sums in flight to hide the FMAs' latency).
const AXPY_BLOCK: usize = 128;

/// `c += alpha * a * b` on row-major operands (`m x k`, `k x n`, `m x n` with row strides).
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn row_major<T: Float, const MR: usize, const NR: usize, const FMA: bool>(
    m: usize,
    k: usize,
    n: usize,
    alpha: T,
    a: &[T],
    lda: usize,
    b: &[T],
    ldb: usize,
    c: &mut [T],
    ldc: usize,
) {
    if m < MR {
        return rows_axpy::<T, FMA>(0..m, 0..k, 0..n, alpha, a, lda, b, ldb, c, ldc);
    }
    let (m_full, n_full) = (m - m % MR, n - n % NR);
    let mut panel = [T::ZERO; PANEL];
    for p0 in (0..k).step_by(KC) {
        let kc = KC.min(k - p0);
        for j0 in (0..n_full).step_by(NR) {
            // Pack the `kc x NR` block of `b` once; every row tile reads it from L1.
            let packed = &mut panel[..kc * NR];
            for (p, dst) in packed.chunks_exact_mut(NR).enumerate() {
                dst.copy_from_slice(&b[(p0 + p) * ldb + j0..(p0 + p) * ldb + j0 + NR]);
            }
            let packed = &panel[..kc * NR];
            for i0 in (0..m_full).step_by(MR) {
                tile::<T, MR, NR, FMA>(alpha, &a[i0 * lda + p0..], lda, packed, &mut c[i0 * ldc + j0..], ldc);
            }
            for i in m_full..m {
                tile::<T, 1, NR, FMA>(alpha, &a[i * lda + p0..], lda, packed, &mut c[i * ldc + j0..], ldc);
            }
        }
        rows_axpy::<T, FMA>(0..m, p0..p0 + kc, n_full..n, alpha, a, lda, b, ldb, c, ldc);
    }
}

macro_rules! dispatch {
    ($name:ident, $t:ty, avx512: $nr512:literal, avx2: $nr2:literal, portable: $nrp:literal) => {
        /// Row-major `c += alpha * a * b`, on the widest vector unit this CPU has.
        #[allow(clippy::too_many_arguments)]
        fn $name(
            m: usize,
            k: usize,
            n: usize,
            alpha: $t,
            a: &[$t],
            lda: usize,
            b: &[$t],
            ldb: usize,
            c: &mut [$t],
            ldc: usize,
        ) {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx2,fma")]
                #[allow(clippy::too_many_arguments)]
                fn avx512(
                    m: usize,
                    k: usize,
                    n: usize,
                    alpha: $t,
                    a: &[$t],
                    lda: usize,
                    b: &[$t],
                    ldb: usize,
                    c: &mut [$t],
                    ldc: usize,
                ) {
                    row_major::<$t, 6, $nr512, true>(m, k, n, alpha, a, lda, b, ldb, c, ldc)
                }
                #[target_feature(enable = "avx2,fma")]
                #[allow(clippy::too_many_arguments)]
                fn avx2(
                    m: usize,
                    k: usize,
                    n: usize,
                    alpha: $t,
                    a: &[$t],
                    lda: usize,
                    b: &[$t],
                    ldb: usize,
                    c: &mut [$t],
                    ldc: usize,
                ) {
                    row_major::<$t, 6, $nr2, true>(m, k, n, alpha, a, lda, b, ldb, c, ldc)
                }
                if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("fma") {
                    // SAFETY: the CPU has AVX-512F, AVX2 and FMA (checked just above).
                    return unsafe { avx512(m, k, n, alpha, a, lda, b, ldb, c, ldc) };
                }
                if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
                    // SAFETY: the CPU has AVX2 and FMA (checked just above).
                    return unsafe { avx2(m, k, n, alpha, a, lda, b, ldb, c, ldc) };
                }
            }
            row_major::<$t, 4, $nrp, false>(m, k, n, alpha, a, lda, b, ldb, c, ldc)
        }
    };
}

dispatch!(row_major_f32, f32, avx512: 32, avx2: 16, portable: 8);
dispatch!(row_major_f64, f64, avx512: 16, avx2: 8, portable: 4);

/// `c[q * len + j] += a · b[.., starts[q] + j]` for every group `q` and `j < len`: a vector
/// (`k = a.len()` values) times several ranges of `len` columns of one row-major matrix (row
/// stride `ldb`), all ranges in one pass over `a`. A recurrent step's gates for some hidden
/// units: four ranges of 64 columns summed together keep 16 vectors of sums in flight, where
/// one range at a time left each waiting on its FMA's latency. Each value is still summed in
/// the order of `a` from its old value of `c`, as [`rows_axpy`] sums it, so it does not depend
/// on the ranges computed with it. The caller has checked every range lies inside `b` and `c`
/// holds `starts.len() * len` values.
#[inline(always)]
fn matvec_columns<T: Float, const FMA: bool>(a: &[T], b: &[T], ldb: usize, starts: &[usize], len: usize, c: &mut [T]) {
    match *starts {
        [s0] => column_groups::<T, FMA, 1>(T::ONE, a, b, ldb, [s0], len, c),
        [s0, s1] => column_groups::<T, FMA, 2>(T::ONE, a, b, ldb, [s0, s1], len, c),
        [s0, s1, s2] => column_groups::<T, FMA, 3>(T::ONE, a, b, ldb, [s0, s1, s2], len, c),
        [s0, s1, s2, s3] => column_groups::<T, FMA, 4>(T::ONE, a, b, ldb, [s0, s1, s2, s3], len, c),
        _ => {
            for (&start, cq) in starts.iter().zip(c.chunks_exact_mut(len.max(1))) {
                column_groups::<T, FMA, 1>(T::ONE, a, b, ldb, [start], len, cq);
            }
        }
    }
}

/// Columns per group [`column_groups`] sums in registers at once (four AVX-512 vectors of
/// f32: with four groups, 16 vectors of sums in flight).
const GROUP_BLOCK: usize = 64;

/// `c[q * len + j] += alpha * a · b[.., starts[q] + j]` for `G` ranges: blocks of columns of
/// every range summed in registers together, then the last few columns of each.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn column_groups<T: Float, const FMA: bool, const G: usize>(
    alpha: T,
    a: &[T],
    b: &[T],
    ldb: usize,
    starts: [usize; G],
    len: usize,
    c: &mut [T],
) {
    let mut j0 = 0;
    if G == 1 {
        while j0 + AXPY_BLOCK <= len {
            column_block::<T, FMA, G, AXPY_BLOCK>(alpha, a, b, ldb, starts, len, c, j0);
            j0 += AXPY_BLOCK;
        }
    }
    while j0 + GROUP_BLOCK <= len {
        column_block::<T, FMA, G, GROUP_BLOCK>(alpha, a, b, ldb, starts, len, c, j0);
        j0 += GROUP_BLOCK;
    }
    if j0 + GROUP_BLOCK / 2 <= len {
        column_block::<T, FMA, G, { GROUP_BLOCK / 2 }>(alpha, a, b, ldb, starts, len, c, j0);
        j0 += GROUP_BLOCK / 2;
    }
    if j0 + GROUP_BLOCK / 4 <= len {
        column_block::<T, FMA, G, { GROUP_BLOCK / 4 }>(alpha, a, b, ldb, starts, len, c, j0);
        j0 += GROUP_BLOCK / 4;
    }
    if j0 == len {
        return;
    }
    // The last few columns, step by step of `a` (a vector loop along each range's row).
    for (p, &ap) in a.iter().enumerate() {
        let av = alpha * ap;
        for (q, &start) in starts.iter().enumerate() {
            let (brow, crow) = (&b[p * ldb + start + j0..p * ldb + start + len], &mut c[q * len + j0..(q + 1) * len]);
            for (cv, &bv) in crow.iter_mut().zip(brow) {
                *cv = madd::<T, FMA>(av, bv, *cv);
            }
        }
    }
}

/// Columns `j0 .. j0 + W` of every range of [`column_groups`], summed in registers.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn column_block<T: Float, const FMA: bool, const G: usize, const W: usize>(
    alpha: T,
    a: &[T],
    b: &[T],
    ldb: usize,
    starts: [usize; G],
    len: usize,
    c: &mut [T],
    j0: usize,
) {
    let mut acc: [[T; W]; G] = core::array::from_fn(|q| core::array::from_fn(|w| c[q * len + j0 + w]));
    for (p, &ap) in a.iter().enumerate() {
        let av = alpha * ap;
        for (acc_q, &start) in acc.iter_mut().zip(&starts) {
            let at = p * ldb + start + j0;
            if let Some(Ok(brow)) = b.get(at..at + W).map(<&[T; W]>::try_from) {
                for (cv, &bv) in acc_q.iter_mut().zip(brow) {
                    *cv = madd::<T, FMA>(av, bv, *cv);
                }
            }
        }
    }
    for (q, acc_q) in acc.iter().enumerate() {
        c[q * len + j0..q * len + j0 + W].copy_from_slice(acc_q);
    }
}

macro_rules! dispatch_columns {
    ($name:ident, $t:ty) => {
        /// [`matvec_columns`] on the widest vector unit this CPU has.
        fn $name(a: &[$t], b: &[$t], ldb: usize, starts: &[usize], len: usize, c: &mut [$t]) {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx2,fma")]
                fn avx512(a: &[$t], b: &[$t], ldb: usize, starts: &[usize], len: usize, c: &mut [$t]) {
                    matvec_columns::<$t, true>(a, b, ldb, starts, len, c)
                }
                #[target_feature(enable = "avx2,fma")]
                fn avx2(a: &[$t], b: &[$t], ldb: usize, starts: &[usize], len: usize, c: &mut [$t]) {
                    matvec_columns::<$t, true>(a, b, ldb, starts, len, c)
                }
                if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("fma") {
                    // SAFETY: the CPU has AVX-512F, AVX2 and FMA (checked just above).
                    return unsafe { avx512(a, b, ldb, starts, len, c) };
                }
                if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
                    // SAFETY: the CPU has AVX2 and FMA (checked just above).
                    return unsafe { avx2(a, b, ldb, starts, len, c) };
                }
            }
            matvec_columns::<$t, false>(a, b, ldb, starts, len, c)
        }
    };
}

dispatch_columns!(matvec_columns_f32, f32);
dispatch_columns!(matvec_columns_f64, f64);

/// Checks [`Gemm::matvec_columns`]'s operands: every range of columns inside `b`, `c` long
/// enough.
fn columns_fit(k: usize, b_len: usize, ldb: usize, starts: &[usize], len: usize, c_len: usize) -> bool {
    let last_row = k.checked_sub(1).and_then(|r| r.checked_mul(ldb));
    let inside = |s: usize| {
        len == 0
            || k == 0
            || last_row.and_then(|r| r.checked_add(s)).and_then(|x| x.checked_add(len)).is_some_and(|end| end <= b_len)
    };
    starts.iter().all(|&s| inside(s)) && starts.len().checked_mul(len).is_some_and(|n| n <= c_len)
}

/// Floats with a GEMM here.
pub(crate) trait Gemm: Float {
    /// [`matvec_columns`]: `c[q * len + j] += a · b[.., starts[q] + j]`; `false` (nothing done)
    /// where a range lies outside `b` or `c` is short.
    fn matvec_columns(a: &[Self], b: &[Self], ldb: usize, starts: &[usize], len: usize, c: &mut [Self]) -> bool;

    /// Row-major `c += alpha * a * b`; with `overwrite`, `c = alpha * a * b` (old contents,
    /// NaN included, ignored).
    #[allow(clippy::too_many_arguments)]
    fn row_major(
        m: usize,
        k: usize,
        n: usize,
        alpha: Self,
        a: &[Self],
        lda: usize,
        b: &[Self],
        ldb: usize,
        c: &mut [Self],
        ldc: usize,
        overwrite: bool,
    );
}

/// Zeroes rows `0..m`, columns `0..n` of `c`.
fn zero_rows<T: Float>(m: usize, n: usize, c: &mut [T], ldc: usize) {
    for i in 0..m {
        c[i * ldc..i * ldc + n].fill(T::ZERO);
    }
}

/// Fewest rows for the packed f32 kernel; fewer (matrix-vector work) stream `b` row by row.
const PACKED_MIN_ROWS: usize = 4;

impl Gemm for f32 {
    fn matvec_columns(a: &[Self], b: &[Self], ldb: usize, starts: &[usize], len: usize, c: &mut [Self]) -> bool {
        let fits = columns_fit(a.len(), b.len(), ldb, starts, len, c.len());
        if fits {
            matvec_columns_f32(a, b, ldb, starts, len, c);
        }
        fits
    }

    fn row_major(
        m: usize,
        k: usize,
        n: usize,
        alpha: Self,
        a: &[Self],
        lda: usize,
        b: &[Self],
        ldb: usize,
        c: &mut [Self],
        ldc: usize,
        overwrite: bool,
    ) {
        #[cfg(target_arch = "x86_64")]
        if m >= PACKED_MIN_ROWS
            && crate::kernels::gemm::packed::gemm_f32(m, k, n, alpha, a, lda, b, ldb, c, ldc, overwrite)
        {
            return;
        }
        if overwrite {
            zero_rows(m, n, c, ldc);
        }
        row_major_f32(m, k, n, alpha, a, lda, b, ldb, c, ldc)
    }
}

impl Gemm for f64 {
    fn matvec_columns(a: &[Self], b: &[Self], ldb: usize, starts: &[usize], len: usize, c: &mut [Self]) -> bool {
        let fits = columns_fit(a.len(), b.len(), ldb, starts, len, c.len());
        if fits {
            matvec_columns_f64(a, b, ldb, starts, len, c);
        }
        fits
    }

    fn row_major(
        m: usize,
        k: usize,
        n: usize,
        alpha: Self,
        a: &[Self],
        lda: usize,
        b: &[Self],
        ldb: usize,
        c: &mut [Self],
        ldc: usize,
        overwrite: bool,
    ) {
        if overwrite {
            zero_rows(m, n, c, ldc);
        }
        row_major_f64(m, k, n, alpha, a, lda, b, ldb, c, ldc)
    }
}

/// Products smaller than this many multiply-adds run on one thread (dispatch costs microseconds).
const PARALLEL_MIN: usize = 1 << 18;
/// Rows per part are a multiple of this: the packed kernel's short tile, so parts stay even
/// for the few rows of small convolutions (32 rows split 16 + 16, not 24 + 8).
const ROW_GRAIN: usize = 4;

/// Row-major `c += alpha * a * b` across the thread pool: bands of rows (each part reads all of
/// `b` and owns its rows of `c`), or for one row, bands of columns. Each element of `c` is
/// computed by one part with the same arithmetic as on one thread, so results do not depend on
/// the thread count.
#[allow(clippy::too_many_arguments)]
fn parallel_row_major<T: Gemm + Send + Sync>(
    m: usize,
    k: usize,
    n: usize,
    alpha: T,
    a: &[T],
    lda: usize,
    b: &[T],
    ldb: usize,
    c: &mut [T],
    ldc: usize,
    overwrite: bool,
) {
    use crate::threads::{for_each_chunk, threads};
    if threads() < 2 || m * k * n < PARALLEL_MIN {
        T::row_major(m, k, n, alpha, a, lda, b, ldb, c, ldc, overwrite)
    } else if m >= 2 * ROW_GRAIN {
        for_each_chunk(c, m, ldc, ROW_GRAIN, &|r0, band| {
            let rows = band.len().div_ceil(ldc).min(m - r0);
            T::row_major(rows, k, n, alpha, &a[r0 * lda..], lda, b, ldb, band, ldc, overwrite)
        });
    } else if m == 1 {
        for_each_chunk(&mut c[..n], n, 1, 16, &|j0, band| {
            T::row_major(1, k, band.len(), alpha, a, lda, &b[j0..], ldb, band, ldc, overwrite)
        });
    } else {
        T::row_major(m, k, n, alpha, a, lda, b, ldb, c, ldc, overwrite)
    }
}

/// `c = alpha * a * b + beta * c` for an `m x k` by `k x n` product. The caller has checked that
/// every addressed element lies inside its slice. With `beta == 0`, `c`'s old contents (NaN
/// included) are ignored.
#[allow(clippy::too_many_arguments)]
pub(crate) fn gemm<T: Gemm + Send + Sync>(
    m: usize,
    k: usize,
    n: usize,
    alpha: T,
    a: &[T],
    sa: Strides,
    b: &[T],
    sb: Strides,
    beta: T,
    c: &mut [T],
    sc: Strides,
) {
    let row_major = sa.cs == 1 && sb.cs == 1 && sc.cs == 1;
    if beta == T::ZERO && row_major && k > 0 && m > 0 && n > 0 {
        // The kernels write c (in parallel bands) instead of zeroing it first.
        return parallel_row_major(m, k, n, alpha, a, sa.rs, b, sb.rs, c, sc.rs, true);
    }
    // c = beta * c first; the products then accumulate into it. (beta = 1, a bias already in
    // c, needs no pass at all.)
    if beta == T::ZERO && sc.cs == 1 {
        zero_rows(m, n, c, sc.rs);
    } else if beta != T::ONE {
        for i in 0..m {
            for j in 0..n {
                let x = &mut c[i * sc.rs + j * sc.cs];
                *x = if beta == T::ZERO { T::ZERO } else { beta * *x };
            }
        }
    }
    if k == 0 || m == 0 || n == 0 {
        return;
    }
    if row_major {
        return parallel_row_major(m, k, n, alpha, a, sa.rs, b, sb.rs, c, sc.rs, false);
    }
    for i in 0..m {
        for p in 0..k {
            let av = alpha * a[i * sa.rs + p * sa.cs];
            for j in 0..n {
                let x = &mut c[i * sc.rs + j * sc.cs];
                *x = av * b[p * sb.rs + j * sb.cs] + *x;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(m: usize, k: usize, n: usize, a: &[f64], sa: Strides, b: &[f64], sb: Strides) -> Vec<f64> {
        let mut c = vec![0.0; m * n];
        for i in 0..m {
            for j in 0..n {
                c[i * n + j] = (0..k).map(|p| a[i * sa.rs + p * sa.cs] * b[p * sb.rs + j * sb.cs]).sum();
            }
        }
        c
    }

    fn values(len: usize, seed: usize) -> Vec<f64> {
        (0..len).map(|i| ((i * 7919 + seed * 104729) % 211) as f64 / 105.0 - 1.0).collect()
    }

    #[test]
    fn matches_the_definition_on_ragged_sizes_and_strides() {
        // Sizes around the tile edges (MR = 6, NR = 32/16/8, KC = 256) and a matrix-vector.
        for &(m, k, n) in &[
            (1, 1, 1),
            (1, 768, 70),
            (5, 3, 7),
            (6, 32, 32),
            (7, 300, 33),
            (13, 257, 65),
            (2, 5, 200),
            (4, 9, 40),
            (16, 20, 50),
            (28, 300, 70),
            (100, 40, 33),
            (203, 300, 49),
            (64, 9, 5),
            (64, 64, 125),
            (72, 64, 40),
            (73, 64, 40),
            (61, 65, 33),
        ] {
            for trans_b in [false, true] {
                let a = values(m * k, 1);
                let b = values(k * n, 2);
                let sa = Strides { rs: k, cs: 1 };
                let sb = if trans_b { Strides { rs: 1, cs: k } } else { Strides { rs: n, cs: 1 } };
                let want = naive(m, k, n, &a, sa, &b, sb);
                let mut c = vec![f64::NAN; m * n];
                gemm(m, k, n, 1.0, &a, sa, &b, sb, 0.0, &mut c, Strides { rs: n, cs: 1 });
                for (x, y) in c.iter().zip(&want) {
                    assert!((x - y).abs() <= 1e-9 * (1.0 + y.abs()), "{m}x{k}x{n} trans_b={trans_b}: {x} vs {y}");
                }
                // f32 with alpha and beta: c = 2ab + 0.5c.
                let (af, bf): (Vec<f32>, Vec<f32>) =
                    (a.iter().map(|&v| v as f32).collect(), b.iter().map(|&v| v as f32).collect());
                let mut cf = vec![1.0f32; m * n];
                gemm(m, k, n, 2.0f32, &af, sa, &bf, sb, 0.5, &mut cf, Strides { rs: n, cs: 1 });
                for (x, y) in cf.iter().zip(&want) {
                    let y = 2.0 * y + 0.5;
                    assert!(
                        (*x as f64 - y).abs() <= 1e-4 * (1.0 + y.abs()) * (k as f64).sqrt(),
                        "f32 {m}x{k}x{n}: {x} vs {y}"
                    );
                }
                // f32 with beta = 0 over NaN: the packed kernel writes c without reading it.
                let mut cf = vec![f32::NAN; m * n];
                gemm(m, k, n, 1.0f32, &af, sa, &bf, sb, 0.0, &mut cf, Strides { rs: n, cs: 1 });
                for (x, y) in cf.iter().zip(&want) {
                    assert!(
                        (*x as f64 - y).abs() <= 1e-4 * (1.0 + y.abs()) * (k as f64).sqrt(),
                        "f32 beta=0 {m}x{k}x{n}: {x} vs {y}"
                    );
                }
            }
        }
    }
}
