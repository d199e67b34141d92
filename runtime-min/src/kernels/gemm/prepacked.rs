//! GEMM with a left operand packed ahead of time: the weights of a convolution, laid out by the
//! compiler at build time in the order the register tiles read them, so `run` never packs them.
//!
//! The layout ([`pack`]): `k` in blocks of `BLOCK_DEPTH`; within a block, the rows in panels
//! of [`PANEL_ROWS`], each panel `kc x PANEL_ROWS` with step `p` of `k` holding the panel's
//! rows side by side. A last panel of at most 4 rows is stored 4 rows wide (a 4-row tile reads
//! it); a longer one is zero-padded to a full panel. Both x86 tiles read the same layout: the
//! AVX-512 tile takes a whole panel, the AVX2 tile each half of it. Without AVX2 a portable
//! loop reads the layout element by element.
//!
//! The product is always written, never accumulated: `c = a * b + bias` (a bias per row), so
//! a convolution needs no pass that writes its bias first.
//!
//! Lives in `gemm/` with the GEMMs it feeds (`packed.rs` reads this layout); generated code
//! reaches it as `kernels::prepacked` (a re-export).

use crate::kernels::epilogue::Post;
use crate::Error;

/// Rows of one packed panel.
pub const PANEL_ROWS: usize = 12;
/// Depth of one block of `k` (the x86 driver's block, so one packed block feeds one pass).
pub(crate) const BLOCK_DEPTH: usize = 256;
/// Rows of the narrow last panel.
const NARROW: usize = 4;

/// How an `m`-row operand splits into panels: `full` panels of [`PANEL_ROWS`] rows, then
/// `tail` rows (`0..PANEL_ROWS`) in one last panel `tail_width` rows wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Panels {
    pub full: usize,
    pub tail: usize,
    pub tail_width: usize,
}

impl Panels {
    pub fn of(m: usize) -> Self {
        let (full, tail) = (m / PANEL_ROWS, m % PANEL_ROWS);
        let tail_width = match tail {
            0 => 0,
            1..=NARROW => NARROW,
            _ => PANEL_ROWS,
        };
        Panels { full, tail, tail_width }
    }

    /// Rows stored per step of `k`, padding included.
    pub fn stored_rows(&self) -> usize {
        self.full * PANEL_ROWS + self.tail_width
    }
}

/// Floats [`pack`] writes for an `m x k` matrix.
pub fn packed_len(m: usize, k: usize) -> usize {
    Panels::of(m).stored_rows() * k
}

/// The block of `k` that step `p` falls in: its first step, and (with `k` total steps) its depth.
fn block_of(p: usize, k: usize) -> (usize, usize) {
    let p0 = p / BLOCK_DEPTH * BLOCK_DEPTH;
    (p0, block_len(p0, k))
}

fn block_len(p0: usize, k: usize) -> usize {
    BLOCK_DEPTH.min(k.saturating_sub(p0))
}

/// Packs the row-major `m x k` matrix `a` into `out` ([`packed_len`] floats), zero padding
/// included. The compiler calls this at build time.
pub fn pack(a: &[f32], m: usize, k: usize, out: &mut [f32]) -> Result<(), Error> {
    if a.len() != m * k || out.len() != packed_len(m, k) {
        return Err(Error::Layout("prepacked: operand lengths do not match m x k"));
    }
    let panels = Panels::of(m);
    out.fill(0.0);
    for i in 0..m {
        for p in 0..k {
            out[index(&panels, k, i, p)] = a[i * k + p];
        }
    }
    Ok(())
}

/// Index of `(i, p)` in the packed layout of an `m x k` matrix (`panels` = `Panels::of(m)`).
fn index(panels: &Panels, k: usize, i: usize, p: usize) -> usize {
    let (p0, kc) = block_of(p, k);
    let (q, r) = (i / PANEL_ROWS, i % PANEL_ROWS);
    let width = if q < panels.full { PANEL_ROWS } else { panels.tail_width };
    p0 * panels.stored_rows() + q * PANEL_ROWS * kc + (p - p0) * width + r
}

/// Values of the fewest panels a thread scales in [`scale_columns`].
const SCALE_MIN_PER_THREAD: usize = 1 << 15;

/// Writes into `out` the packed `m x k` matrix `packed` with column `p` scaled by `scale[p]`
/// (the packed form of `a * diag(scale)`): one streaming pass, since a step of `k` is a run of
/// its panel's rows in the layout.
pub fn scale_columns(packed: &[f32], m: usize, k: usize, scale: &[f32], out: &mut [f32]) -> Result<(), Error> {
    let len = packed_len(m, k);
    if packed.len() != len || out.len() < len || scale.len() < k {
        return Err(Error::Layout("prepacked: scale_columns lengths do not match m x k"));
    }
    let panels = Panels::of(m);
    let stored = panels.stored_rows();
    let mut at = 0;
    for p0 in (0..k).step_by(BLOCK_DEPTH) {
        let kc = block_len(p0, k);
        // A block is its panels one after another (`kc x 12` floats each, the narrow last one
        // `kc x 4`): whole panels split across threads, each value scaled by its step's factor.
        let (src, dst) = (&packed[at..at + kc * stored], &mut out[at..at + kc * stored]);
        let panel_len = kc * PANEL_ROWS;
        let grain = SCALE_MIN_PER_THREAD.div_ceil(panel_len.max(1));
        crate::threads::for_each_chunk(
            dst,
            panels.full + usize::from(panels.tail_width > 0),
            panel_len,
            grain,
            &|q0, band| {
                let src = &src[q0 * panel_len..][..band.len()];
                for (dst, src) in band.chunks_mut(panel_len).zip(src.chunks(panel_len)) {
                    let w = dst.len() / kc.max(1);
                    for ((d, s), &f) in
                        dst.chunks_exact_mut(w.max(1)).zip(src.chunks_exact(w.max(1))).zip(&scale[p0..p0 + kc])
                    {
                        for (o, &v) in d.iter_mut().zip(s) {
                            *o = v * f;
                        }
                    }
                }
            },
        );
        at += kc * stored;
    }
    Ok(())
}

/// A packed left operand: rows `first_row..first_row + rows` of a packed `m x k` matrix
/// (`first_row` a multiple of [`PANEL_ROWS`]).
#[derive(Clone, Copy)]
pub(crate) struct PackedLhs<'a> {
    pub data: &'a [f32],
    pub m: usize,
    pub k: usize,
    pub first_row: usize,
    pub rows: usize,
}

impl<'a> PackedLhs<'a> {
    /// The rows of the band starting at row `r0` of this operand, `rows` long.
    pub fn band(&self, r0: usize, rows: usize) -> PackedLhs<'a> {
        PackedLhs { first_row: self.first_row + r0, rows, ..*self }
    }

    /// The packed block of `k` starting at step `p0` (`kc` deep), from this band's first panel.
    pub fn block(&self, p0: usize, kc: usize) -> &'a [f32] {
        let panels = Panels::of(self.m);
        let at = p0 * panels.stored_rows() + self.first_row * kc;
        self.data.get(at..at + (panels.stored_rows() - self.first_row) * kc).unwrap_or(&[])
    }
}

/// Columns of one packed sliver of a right operand.
pub const PANEL_COLS: usize = 32;

/// Floats [`pack_rhs`] writes for a `k x n` matrix: whole slivers of [`PANEL_COLS`] columns.
pub fn packed_rhs_len(k: usize, n: usize) -> usize {
    k * n.div_ceil(PANEL_COLS) * PANEL_COLS
}

/// Index of `(p, j)` in the packed layout of a `k x n` right operand: per block of `k`, the
/// slivers of [`PANEL_COLS`] columns one after another, each `kc` rows of `PANEL_COLS`.
fn rhs_index(k: usize, n: usize, p: usize, j: usize) -> usize {
    let (p0, kc) = block_of(p, k);
    let stored = n.div_ceil(PANEL_COLS) * PANEL_COLS;
    p0 * stored + (j / PANEL_COLS) * kc * PANEL_COLS + (p - p0) * PANEL_COLS + j % PANEL_COLS
}

/// Packs the row-major `k x n` matrix `b` (a MatMul's constant right operand) into `out`
/// ([`packed_rhs_len`] floats), zero-padded to whole slivers. The compiler calls this at
/// build time.
pub fn pack_rhs(b: &[f32], k: usize, n: usize, out: &mut [f32]) -> Result<(), Error> {
    if b.len() != k * n || out.len() != packed_rhs_len(k, n) {
        return Err(Error::Layout("prepacked: operand lengths do not match k x n"));
    }
    out.fill(0.0);
    for p in 0..k {
        for j in 0..n {
            out[rhs_index(k, n, p, j)] = b[p * n + j];
        }
    }
    Ok(())
}

/// A packed right operand: columns `first_col..first_col + cols` of a packed `k x n` matrix
/// (`first_col` a multiple of [`PANEL_COLS`]).
#[derive(Clone, Copy)]
pub(crate) struct PackedRhs<'a> {
    pub data: &'a [f32],
    pub k: usize,
    pub n: usize,
    pub first_col: usize,
    pub cols: usize,
}

impl<'a> PackedRhs<'a> {
    /// The packed rows of the block of `k` at `p0` (`kc` deep) from column `j0` of this band
    /// on (`j0` a multiple of the tile's width, which divides [`PANEL_COLS`]); step
    /// `PANEL_COLS` floats per row.
    pub fn sliver(&self, p0: usize, kc: usize, j0: usize) -> &'a [f32] {
        let j = self.first_col + j0;
        let stored = self.n.div_ceil(PANEL_COLS) * PANEL_COLS;
        let at = p0 * stored + (j / PANEL_COLS) * kc * PANEL_COLS + j % PANEL_COLS;
        self.data.get(at..).unwrap_or(&[])
    }
}

/// `c = a * b` for a row-major `a` (`m x k`, row stride `lda`), a packed `k x n` matrix `b`
/// (`data`, [`packed_rhs_len`] floats) and `c` (`m x n`, row stride `ldc`), across the thread
/// pool: bands of rows, or for one row, bands of whole slivers.
#[allow(clippy::too_many_arguments)]
pub fn gemm_rhs(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    lda: usize,
    data: &[f32],
    c: &mut [f32],
    ldc: usize,
) -> Result<(), Error> {
    if data.len() != packed_rhs_len(k, n) {
        return Err(Error::Layout("prepacked: packed operand length does not match k x n"));
    }
    if m == 0 || n == 0 {
        return Ok(());
    }
    if (k > 0 && !fits(m, k, lda, a.len())) || !fits(m, n, ldc, c.len()) {
        return Err(Error::Layout("prepacked: a or c smaller than its layout"));
    }
    if k == 0 {
        bias_only(m, n, None, c, ldc, None);
        return Ok(());
    }
    let rhs = PackedRhs { data, k, n, first_col: 0, cols: n };
    use crate::threads::{for_each_chunk, threads};
    let parallel = threads() > 1 && m * k * n >= PARALLEL_MIN;
    if parallel && m >= 8 {
        for_each_chunk(c, m, ldc, 4, &|r0, band| {
            let rows = band.len().div_ceil(ldc).min(m - r0);
            run_rhs(rows, &a[r0 * lda..], lda, rhs, band, ldc);
        });
    } else if parallel && m == 1 {
        for_each_chunk(&mut c[..n], n, 1, PANEL_COLS, &|j0, band| {
            run_rhs(1, a, lda, PackedRhs { first_col: j0, cols: band.len(), ..rhs }, band, ldc)
        });
    } else {
        run_rhs(m, a, lda, rhs, c, ldc);
    }
    Ok(())
}

/// One band on this thread: the x86 tiles where the CPU has them (and the rows fill a tile),
/// else a row at a time.
fn run_rhs(m: usize, a: &[f32], lda: usize, b: PackedRhs, c: &mut [f32], ldc: usize) {
    #[cfg(target_arch = "x86_64")]
    if m >= ROWS_FOR_TILES && crate::kernels::gemm::packed::gemm_packed_rhs(m, a, lda, b, c, ldc) {
        return;
    }
    for i in 0..m {
        row_times_packed(&a[i * lda..i * lda + b.k], b, &mut c[i * ldc..i * ldc + b.cols]);
    }
}

/// Fewest rows for the register tiles: a matrix-vector product (one token, a batch of one)
/// would pad a 4-row tile with zeros and pack its one row; it streams the slivers instead.
const ROWS_FOR_TILES: usize = 4;

/// `y = x * b` for one row `x` (`k` values) and a packed `b`: each sliver's columns in a
/// register-sized accumulator, the sliver's rows read once, in order. `y` holds `b.cols`.
fn row_times_packed(x: &[f32], b: PackedRhs, y: &mut [f32]) {
    use crate::scalar::Float;
    for j0 in (0..b.cols).step_by(PANEL_COLS) {
        let nc = PANEL_COLS.min(b.cols - j0);
        let mut acc = [0f32; PANEL_COLS];
        for p0 in (0..b.k).step_by(BLOCK_DEPTH) {
            let kc = block_len(p0, b.k);
            let sliver = b.sliver(p0, kc, j0);
            for (&xv, row) in x[p0..p0 + kc].iter().zip(sliver.chunks_exact(PANEL_COLS)) {
                // A fixed-length row, so the loop compiles to whole-vector FMAs.
                let Ok(row) = <&[f32; PANEL_COLS]>::try_from(row) else { continue };
                for j in 0..PANEL_COLS {
                    acc[j] = xv.madd(row[j], acc[j]);
                }
            }
        }
        y[j0..j0 + nc].copy_from_slice(&acc[..nc]);
    }
}

/// `c = a * b` a row at a time, reading `b` element by element through the packed layout:
/// the definition the fast paths are tested against.
#[cfg(test)]
fn portable_rhs(m: usize, a: &[f32], lda: usize, b: PackedRhs, c: &mut [f32], ldc: usize) {
    for i in 0..m {
        let row = &mut c[i * ldc..i * ldc + b.cols];
        row.fill(0.0);
        for p in 0..b.k {
            let v = a[i * lda + p];
            for (j, o) in row.iter_mut().enumerate() {
                *o += v * b.data[rhs_index(b.k, b.n, p, b.first_col + j)];
            }
        }
    }
}

/// An epilogue for a product's output: row `r`, column `j` of `c` is channel `channel + r`
/// and output element `at + r * ldc + j` (a convolution's rows are its output channels).
#[derive(Clone, Copy)]
pub struct GemmPost<'a> {
    /// The epilogue to apply.
    pub post: &'a dyn Post,
    /// The channel of the product's first row.
    pub channel: usize,
    /// The output element of the product's first element.
    pub at: usize,
}

impl GemmPost<'_> {
    /// Applies the epilogue to one run of finished values: a row segment starting at this
    /// product's first row and column.
    pub fn apply_row(&self, run: &mut [f32]) {
        self.post.apply(run, self.channel, self.at);
    }

    /// The same epilogue for the product's rows from `r0` (and columns from `j0`) on.
    pub fn offset(self, r0: usize, j0: usize, ldc: usize) -> Self {
        GemmPost { channel: self.channel + r0, at: self.at + r0 * ldc + j0, ..self }
    }
}

/// Fewest multiply-adds worth splitting across threads.
const PARALLEL_MIN: usize = 1 << 18;

/// `c = a * b + bias` for a packed `m x k` matrix `a` (`data`, [`packed_len`] floats), a
/// row-major `k x n` matrix `b` (row stride `ldb`) and `c` (`m x n`, row stride `ldc`),
/// across the thread pool in bands of whole panels; then `post`, if any, on every value.
#[allow(clippy::too_many_arguments)]
pub fn gemm(
    data: &[f32],
    m: usize,
    k: usize,
    n: usize,
    b: &[f32],
    ldb: usize,
    bias: Option<&[f32]>,
    c: &mut [f32],
    ldc: usize,
    post: Option<GemmPost>,
) -> Result<(), Error> {
    if !prologue(data, m, k, n, b, ldb, bias, c, ldc, post)? {
        return Ok(());
    }
    let lhs = PackedLhs { data, m, k, first_row: 0, rows: m };
    use crate::threads::{for_each_chunk, threads};
    let parallel = threads() > 1 && m * k * n >= PARALLEL_MIN;
    // Rows or columns, whichever leaves each thread less to read: a band of rows reads all
    // of `b` (`k x n`), a band of columns all of `a` (`m x k`). Splitting ResNet-50's 256 -> 64
    // 1x1 convolution on 56x56 by rows also left one thread a panel more: 2 threads, 359 ->
    // 282 us by columns.
    if parallel && m >= 2 * PANEL_ROWS * threads() && m >= n {
        // Bands of whole panels of rows: each thread reads all of `b`.
        for_each_chunk(c, m, ldc, PANEL_ROWS, &|r0, c| {
            let rows = c.len().div_ceil(ldc).min(m - r0);
            run(
                lhs.band(r0, rows),
                b,
                ldb,
                bias.map(|b| &b[r0..]),
                ColumnBand::whole(c, ldc, n),
                post.map(|p| p.offset(r0, 0, ldc)),
            );
        });
    } else if parallel && n >= 2 * COLUMN_GRAIN {
        // Few rows (the first layers of a CNN have 16 or 32 channels), many columns: bands of
        // columns, each thread packing only its part of `b`.
        ColumnBand::for_each(c, ldc, n, COLUMN_GRAIN, &|j0, band| {
            run(lhs, &b[j0..], ldb, bias, band, post.map(|p| p.offset(0, j0, ldc)));
        });
    } else {
        run(lhs, b, ldb, bias, ColumnBand::whole(c, ldc, n), post);
    }
    Ok(())
}

/// [`gemm`] without bias or epilogue, on the calling thread alone: for callers that split
/// their work across the pool themselves (a Winograd convolution's per-point products are its
/// parts).
#[allow(clippy::too_many_arguments)]
pub(crate) fn gemm_here(
    data: &[f32],
    m: usize,
    k: usize,
    n: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
) -> Result<(), Error> {
    if prologue(data, m, k, n, b, ldb, None, c, ldc, None)? {
        run(PackedLhs { data, m, k, first_row: 0, rows: m }, b, ldb, None, ColumnBand::whole(c, ldc, n), None);
    }
    Ok(())
}

/// Checks [`gemm`]'s operands against its sizes and finishes a product with nothing to
/// multiply (no rows or columns; an empty `k` leaves the bias). `false` when nothing is left.
#[allow(clippy::too_many_arguments)]
fn prologue(
    data: &[f32],
    m: usize,
    k: usize,
    n: usize,
    b: &[f32],
    ldb: usize,
    bias: Option<&[f32]>,
    c: &mut [f32],
    ldc: usize,
    post: Option<GemmPost>,
) -> Result<bool, Error> {
    if data.len() != packed_len(m, k) {
        return Err(Error::Layout("prepacked: packed operand length does not match m x k"));
    }
    if bias.is_some_and(|b| b.len() < m) {
        return Err(Error::Layout("prepacked: fewer biases than rows"));
    }
    if m == 0 || n == 0 {
        return Ok(false);
    }
    if (k > 0 && !fits(k, n, ldb, b.len())) || !fits(m, n, ldc, c.len()) {
        return Err(Error::Layout("prepacked: b or c smaller than its layout"));
    }
    if k == 0 {
        bias_only(m, n, bias, c, ldc, post);
        return Ok(false);
    }
    Ok(true)
}

/// Whether a `rows x cols` matrix (`rows > 0`) with row stride `ld` fits in `len` elements.
fn fits(rows: usize, cols: usize, ld: usize, len: usize) -> bool {
    (rows - 1) * ld + cols <= len && cols <= ld
}

/// The product of an empty `k`: `c = bias` (or zeros), then the epilogue.
fn bias_only(m: usize, n: usize, bias: Option<&[f32]>, c: &mut [f32], ldc: usize, post: Option<GemmPost>) {
    for i in 0..m {
        let row = &mut c[i * ldc..i * ldc + n];
        row.fill(bias.map_or(0.0, |b| b[i]));
        if let Some(post) = post {
            post.offset(i, 0, ldc).apply_row(row);
        }
    }
}

/// Columns per band when a product is split by columns: whole slivers of both tiles.
const COLUMN_GRAIN: usize = 32;

/// Columns `j0 .. j0 + cols` of the rows of a row-major matrix (row stride `ld`), whose other
/// columns other threads may be writing at the same time: it hands out one row segment at a
/// time (or, for a register tile's stores, a pointer to a checked block of its own columns),
/// never a slice that reaches into another band's columns.
pub(crate) struct ColumnBand<'a> {
    ptr: *mut f32,
    len: usize,
    ld: usize,
    j0: usize,
    cols: usize,
    _c: core::marker::PhantomData<&'a mut [f32]>,
}

// SAFETY: a band only ever touches its own columns (`row` checks), which no other band has.
unsafe impl Send for ColumnBand<'_> {}

/// A raw pointer shared by the parts of [`ColumnBand::for_each`], each of which builds its
/// band (disjoint columns) from it.
struct SharedPtr(*mut f32);
// SAFETY: see ColumnBand: the parts write disjoint columns.
unsafe impl Sync for SharedPtr {}

impl<'a> ColumnBand<'a> {
    /// Every column `0..cols` of `c`.
    pub fn whole(c: &'a mut [f32], ld: usize, cols: usize) -> Self {
        ColumnBand { ptr: c.as_mut_ptr(), len: c.len(), ld, j0: 0, cols, _c: core::marker::PhantomData }
    }

    /// Columns in this band.
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// Row stride of the whole matrix.
    pub fn ld(&self) -> usize {
        self.ld
    }

    /// Runs `f(j0, band)` across the thread pool for bands of columns of `c` (`n` columns,
    /// row stride `ld`), each a multiple of `grain` columns but the last.
    pub fn for_each(c: &'a mut [f32], ld: usize, n: usize, grain: usize, f: &(dyn Fn(usize, ColumnBand) + Sync)) {
        let parts = crate::threads::threads().min(n.div_ceil(grain.max(1))).max(1);
        let per = n.div_ceil(parts).div_ceil(grain.max(1)) * grain.max(1);
        let (ptr, len) = (SharedPtr(c.as_mut_ptr()), c.len());
        let ptr = &ptr;
        crate::threads::parallel_for(n.div_ceil(per), &|p| {
            let j0 = p * per;
            let band = ColumnBand { ptr: ptr.0, len, ld, j0, cols: per.min(n - j0), _c: core::marker::PhantomData };
            f(j0, band);
        });
    }

    /// A pointer to columns `j .. j + cols` of rows `r .. r + rows` (band-relative columns),
    /// for a register tile to store a whole block through: checked to lie inside `c` and inside
    /// this band's columns (rows `ld` apart); with `&mut self`, no segment of the band is
    /// borrowed meanwhile.
    #[inline]
    pub fn block_ptr(&mut self, r: usize, rows: usize, j: usize, cols: usize) -> *mut f32 {
        let at = r * self.ld + self.j0 + j;
        assert!(
            rows > 0 && j + cols <= self.cols && at + (rows - 1) * self.ld + cols <= self.len,
            "column band: block outside the band"
        );
        self.ptr.wrapping_add(at)
    }

    /// Columns `j .. j + n` of row `r` (band-relative columns).
    #[inline]
    pub fn row(&mut self, r: usize, j: usize, n: usize) -> &mut [f32] {
        let at = r * self.ld + self.j0 + j;
        assert!(j + n <= self.cols && at + n <= self.len, "column band: row segment outside the band");
        // SAFETY: the segment lies inside `c` (checked) and inside this band's columns, which
        // no other band reaches; `&mut self` keeps segments of one band from overlapping.
        unsafe { core::slice::from_raw_parts_mut(self.ptr.add(at), n) }
    }
}

/// One band on this thread: the x86 tiles where the CPU has them, else the portable loop.
fn run(a: PackedLhs, b: &[f32], ldb: usize, bias: Option<&[f32]>, mut c: ColumnBand, post: Option<GemmPost>) {
    #[cfg(target_arch = "x86_64")]
    if crate::kernels::gemm::packed::gemm_prepacked(a, b, ldb, bias, &mut c, post) {
        return;
    }
    portable(a, b, ldb, bias, &mut c);
    if let Some(post) = post {
        for r in 0..a.rows {
            post.offset(r, 0, c.ld()).apply_row(c.row(r, 0, c.cols()));
        }
    }
}

/// `c = a * b + bias` a row at a time, reading `a` through the packed layout.
fn portable(a: PackedLhs, b: &[f32], ldb: usize, bias: Option<&[f32]>, c: &mut ColumnBand) {
    let (panels, n) = (Panels::of(a.m), c.cols());
    for i in 0..a.rows {
        let row = c.row(i, 0, n);
        row.fill(bias.map_or(0.0, |b| b[i]));
        for p in 0..a.k {
            let v = a.data[index(&panels, a.k, a.first_row + i, p)];
            for (o, &x) in row.iter_mut().zip(&b[p * ldb..p * ldb + n]) {
                *o += v * x;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernels::epilogue::Leaf;

    fn values(len: usize, seed: usize) -> Vec<f32> {
        (0..len).map(|i| ((i * 7 + seed * 13) % 23) as f32 / 8.0 - 1.0).collect()
    }

    /// `a * b + bias` by the definition, in f64.
    fn reference(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], bias: &[f32]) -> Vec<f32> {
        let mut c = vec![0f32; m * n];
        for i in 0..m {
            for j in 0..n {
                let dot: f64 = (0..k).map(|p| a[i * k + p] as f64 * b[p * n + j] as f64).sum();
                c[i * n + j] = (dot + bias[i] as f64) as f32;
            }
        }
        c
    }

    #[test]
    fn packing_places_every_element_once() {
        for (m, k) in [(1, 1), (4, 3), (5, 300), (12, 256), (13, 257), (29, 600)] {
            let panels = Panels::of(m);
            let mut seen = vec![false; packed_len(m, k)];
            for i in 0..m {
                for p in 0..k {
                    let at = index(&panels, k, i, p);
                    assert!(!seen[at], "{m}x{k}: ({i}, {p}) lands on a used slot");
                    seen[at] = true;
                }
            }
            assert_eq!(seen.iter().filter(|&&s| s).count(), m * k);
        }
    }

    #[test]
    fn products_match_the_definition_on_every_path() {
        let _threads = crate::threads::limit_threads(2);
        // Ragged rows (narrow and padded tails), depths across a block, columns across slivers.
        // Last slivers of 1-4 columns, and of 17-20 (a one-vector tile and 1-4 columns); last
        // panels of 8 rows (an 8-row tile).
        for (m, k, n) in [
            (3, 0, 2),
            (1, 5, 3),
            (4, 7, 33),
            (7, 257, 49),
            (16, 64, 70),
            (24, 300, 100),
            (100, 520, 196),
            (13, 300, 18),
            (5, 40, 51),
            (12, 64, 35),
            (30, 520, 52),
            (32, 300, 64),
            (20, 40, 96),
        ] {
            let (a, b, bias) = (values(m * k, 1), values(k * n, 2), values(m, 3));
            let mut packed = vec![0f32; packed_len(m, k)];
            pack(&a, m, k, &mut packed).unwrap();
            let want = reference(m, k, n, &a, &b, &bias);
            let close = |got: &[f32]| got.iter().zip(&want).all(|(g, w)| (g - w).abs() <= 1e-4 * (1.0 + w.abs()));
            let mut c = vec![f32::NAN; m * n];
            gemm(&packed, m, k, n, &b, n, Some(&bias), &mut c, n, None).unwrap();
            assert!(close(&c), "{m}x{k}x{n} threaded");
            // An epilogue in the stores (bands of rows on threads): c * row scale + residual.
            let (res, scale) = (values(m * n, 6), values(m, 7));
            let e = crate::kernels::epilogue::Epilogue {
                leaves: [Leaf::Full(&res), Leaf::Channel(&scale)],
                f: |a: f32, v: [f32; 2]| a * v[1] + v[0],
            };
            let mut fused = vec![f32::NAN; m * n];
            gemm(&packed, m, k, n, &b, n, Some(&bias), &mut fused, n, Some(GemmPost { post: &e, channel: 0, at: 0 }))
                .unwrap();
            let expect: Vec<f32> = c.iter().enumerate().map(|(i, &v)| v * scale[i / n] + res[i]).collect();
            assert_eq!(fused, expect, "{m}x{k}x{n} with an epilogue");
            if k == 0 {
                continue; // the entry point writes the result itself; the band paths need k > 0
            }
            #[cfg(target_arch = "x86_64")]
            {
                let mut c = vec![f32::NAN; m * n];
                if crate::kernels::gemm::packed::gemm_prepacked_avx2(
                    PackedLhs { data: &packed, m, k, first_row: 0, rows: m },
                    &b,
                    n,
                    Some(&bias),
                    &mut ColumnBand::whole(&mut c, n, n),
                    None,
                ) {
                    assert!(close(&c), "{m}x{k}x{n} AVX2");
                }
            }
            let mut c = vec![f32::NAN; m * n];
            portable(
                PackedLhs { data: &packed, m, k, first_row: 0, rows: m },
                &b,
                n,
                Some(&bias),
                &mut ColumnBand::whole(&mut c, n, n),
            );
            assert!(close(&c), "{m}x{k}x{n} portable");
        }
    }

    #[test]
    fn packed_right_operands_match_the_definition() {
        let _threads = crate::threads::limit_threads(2);
        for (m, k, n) in
            [(2, 0, 3), (1, 5, 3), (1, 600, 700), (3, 70, 33), (12, 257, 64), (40, 520, 100), (128, 64, 96)]
        {
            let (a, b) = (values(m * k, 4), values(k * n, 5));
            let mut packed = vec![0f32; packed_rhs_len(k, n)];
            pack_rhs(&b, k, n, &mut packed).unwrap();
            let want = reference(m, k, n, &a, &b, &vec![0.0; m]);
            let close = |got: &[f32]| got.iter().zip(&want).all(|(g, w)| (g - w).abs() <= 1e-4 * (1.0 + w.abs()));
            let mut c = vec![f32::NAN; m * n];
            gemm_rhs(m, k, n, &a, k, &packed, &mut c, n).unwrap();
            assert!(close(&c), "{m}x{k}x{n} threaded");
            if k == 0 {
                continue; // the entry point writes the result itself; the band paths need k > 0
            }
            let rhs = PackedRhs { data: &packed, k, n, first_col: 0, cols: n };
            #[cfg(target_arch = "x86_64")]
            {
                let mut c = vec![f32::NAN; m * n];
                if crate::kernels::gemm::packed::gemm_packed_rhs_avx2(m, &a, k, rhs, &mut c, n) {
                    assert!(close(&c), "{m}x{k}x{n} AVX2");
                }
            }
            let mut c = vec![f32::NAN; m * n];
            portable_rhs(m, &a, k, rhs, &mut c, n);
            assert!(close(&c), "{m}x{k}x{n} portable");
        }
    }

    #[test]
    fn scaling_packed_columns_packs_the_scaled_matrix() {
        for (m, k) in [(5, 300), (16, 7), (29, 520)] {
            let (a, scale) = (values(m * k, 8), values(k, 9));
            let scaled: Vec<f32> = a.iter().enumerate().map(|(i, &v)| v * scale[i % k]).collect();
            let (mut packed, mut want) = (vec![0f32; packed_len(m, k)], vec![0f32; packed_len(m, k)]);
            pack(&a, m, k, &mut packed).unwrap();
            pack(&scaled, m, k, &mut want).unwrap();
            let mut got = vec![f32::NAN; packed.len()];
            scale_columns(&packed, m, k, &scale, &mut got).unwrap();
            assert_eq!(got, want, "{m}x{k}");
        }
    }

    #[test]
    fn bad_lengths_are_errors() {
        let mut out = vec![0f32; 3];
        assert!(pack(&[0.0; 6], 2, 3, &mut out).is_err());
        let mut c = vec![0f32; 4];
        assert!(gemm(&[0.0; 3], 2, 3, 2, &[0.0; 6], 2, None, &mut c, 2, None).is_err());
        let packed = vec![0f32; packed_len(2, 3)];
        assert!(gemm(&packed, 2, 3, 2, &[0.0; 5], 2, None, &mut c, 2, None).is_err());
    }
}
