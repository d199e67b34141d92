//! Shape helpers shared by the kernels: checked element counts, and [`Strided`], a walk over an
//! n-d iteration space whose adjacent axes are merged wherever every operand's strides allow.
//!
//! Merging is what makes broadcasting, transposes and slices cheap: `[N,C,H,W] + [C,1,1]`
//! becomes three axes with a contiguous inner run of `H*W`, so the hot loop is a plain slice
//! loop and the outer odometer advances by additions only (no per-element division or modulo).
//! Everything lives in fixed-size arrays, so kernels stay allocation-free.

use crate::Error;

/// The most axes a [`Strided`] walk keeps after merging (and the most spatial axes conv
/// accepts). ONNX models stay far below it; beyond it kernels report an error.
pub(crate) const CAP: usize = 32;

/// Number of elements of `shape`, or an error if the product overflows.
pub(crate) fn numel(shape: &[usize]) -> Result<usize, Error> {
    shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or(Error::Layout("tensor element count overflows usize"))
}

/// Checks that a slice of `len` elements holds exactly a tensor of `shape`.
pub(crate) fn check_len(len: usize, shape: &[usize], what: &'static str) -> Result<usize, Error> {
    let n = numel(shape)?;
    if n == len {
        Ok(n)
    } else {
        Err(Error::Layout(what))
    }
}

/// An iteration space of up to [`CAP`] merged axes over `K` operands, stored innermost first.
/// Its output is implicit: the walk visits positions in row-major order, so a contiguous output
/// advances by `inner()` per run.
#[derive(Clone, Copy)]
pub(crate) struct Strided<const K: usize> {
    rank: usize,
    dims: [usize; CAP],
    strides: [[isize; CAP]; K],
    /// Offset of the first position in each operand.
    pub(crate) base: [isize; K],
}

impl<const K: usize> Strided<K> {
    /// An empty space (a single position) with the given base offsets.
    pub(crate) fn new(base: [isize; K]) -> Self {
        Strided { rank: 0, dims: [1; CAP], strides: [[0; CAP]; K], base }
    }

    /// Adds the next axis, going from the innermost outwards. Axes of extent 1 vanish; an axis
    /// whose strides continue the previous one's in every operand is merged into it.
    pub(crate) fn push_outer(&mut self, dim: usize, strides: [isize; K]) -> Result<(), Error> {
        if dim == 1 {
            return Ok(());
        }
        if self.rank > 0 {
            let r = self.rank - 1;
            let prev = self.dims[r] as isize;
            if (0..K).all(|k| strides[k] == self.strides[k][r].wrapping_mul(prev)) {
                self.dims[r] *= dim;
                return Ok(());
            }
        }
        if self.rank == CAP {
            return Err(Error::Layout("too many axes after merging"));
        }
        self.dims[self.rank] = dim;
        for (k, s) in strides.iter().enumerate() {
            self.strides[k][self.rank] = *s;
        }
        self.rank += 1;
        Ok(())
    }

    /// The space of `y_shape` with every operand broadcast to it numpy-style (shapes aligned on
    /// the right, extents of 1 repeated). Fails when an operand cannot broadcast to `y_shape`.
    pub(crate) fn broadcast(shapes: [&[usize]; K], y_shape: &[usize]) -> Result<Self, Error> {
        let yr = y_shape.len();
        if shapes.iter().any(|s| s.len() > yr) {
            return Err(Error::Layout("broadcast operand has a higher rank than the output"));
        }
        let mut acc = [1isize; K];
        let mut out = Strided::new([0; K]);
        for i in (0..yr).rev() {
            let d = y_shape[i];
            let mut st = [0isize; K];
            for k in 0..K {
                let s = shapes[k];
                let off = yr - s.len();
                let dk = if i >= off { s[i - off] } else { 1 };
                if dk == d {
                    st[k] = acc[k];
                    acc[k] = acc[k].wrapping_mul(dk as isize);
                } else if dk != 1 {
                    return Err(Error::Layout("operand shape does not broadcast to the output shape"));
                }
            }
            out.push_outer(d, st)?;
        }
        Ok(out)
    }

    /// The same space without its innermost axis (the space of run starts).
    pub(crate) fn without_inner(&self) -> Self {
        let mut out = Strided::new(self.base);
        for i in 1..self.rank {
            out.dims[i - 1] = self.dims[i];
            for k in 0..K {
                out.strides[k][i - 1] = self.strides[k][i];
            }
        }
        out.rank = self.rank.saturating_sub(1);
        out
    }

    /// Length of the innermost run.
    pub(crate) fn inner(&self) -> usize {
        if self.rank == 0 {
            1
        } else {
            self.dims[0]
        }
    }

    /// Stride of the innermost run in operand `k` (0 when the space has no axes).
    pub(crate) fn inner_stride(&self, k: usize) -> isize {
        if self.rank == 0 {
            0
        } else {
            self.strides[k][0]
        }
    }

    /// Number of inner runs.
    pub(crate) fn runs(&self) -> usize {
        self.dims[1..self.rank.max(1)].iter().product()
    }

    /// Calls `f` with each operand's offset at the start of every inner run, in row-major order.
    #[allow(clippy::needless_range_loop)] // `j` indexes several parallel arrays
    pub(crate) fn for_each_run(&self, mut f: impl FnMut([isize; K])) {
        if self.rank <= 1 {
            f(self.base);
            return;
        }
        let mut idx = [0usize; CAP];
        let mut off = self.base;
        for _ in 0..self.runs() {
            f(off);
            for j in 1..self.rank {
                idx[j] += 1;
                for (k, o) in off.iter_mut().enumerate() {
                    *o += self.strides[k][j];
                }
                if idx[j] < self.dims[j] {
                    break;
                }
                for (k, o) in off.iter_mut().enumerate() {
                    *o -= self.strides[k][j] * self.dims[j] as isize;
                }
                idx[j] = 0;
            }
        }
    }
}

impl Strided<1> {
    /// Calls `f` with the offset of every position shifted by
    /// `shift`, in row-major order.
    pub(crate) fn for_each_offset(&self, shift: isize, mut f: impl FnMut(isize)) {
        let n = self.inner();
        let s = self.inner_stride(0);
        self.for_each_run(|o| {
            let [o] = o;
            let o = o + shift;
            for i in 0..n as isize {
                f(o + i * s);
            }
        });
    }
}
