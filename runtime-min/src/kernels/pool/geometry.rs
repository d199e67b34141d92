//! A pooling call's resolved geometry ([`Geom`]) and its windows ([`Window`]: the taps of one
//! output position that lie inside the input), shared by every pooling path. Attribute
//! defaults (empty strides, dilations or pads) resolve through the same rule as convolution's
//! (`conv::param`); the windows themselves differ from a convolution's (explicit end pads,
//! ceil-mode windows that run past the padded end, onnxruntime's `count_include_pad` rule).

use crate::kernels::conv::param;
use crate::kernels::nd::numel;
use crate::Error;

use super::PoolParams;

/// Most spatial axes pooling accepts (onnxruntime itself stops at 3); small, because every
/// window carries arrays of this size.
pub(super) const CAP: usize = 8;

/// Resolved geometry of one pooling call.
pub(super) struct Geom {
    pub(super) d: usize,
    pub(super) planes: usize,
    pub(super) in_sp: [usize; CAP],
    pub(super) in_stride: [usize; CAP],
    pub(super) out_sp: [usize; CAP],
    pub(super) kernel: [usize; CAP],
    pub(super) stride: [usize; CAP],
    pub(super) dil: [usize; CAP],
    pub(super) pad_b: [usize; CAP],
    pub(super) pad_e: [usize; CAP],
    pub(super) in_size: usize,
    pub(super) out_size: usize,
}

/// The positions of one window that lie inside the input: along axis `j`, `n[j]` positions
/// starting at input offset `base` and `step[j]` apart.
pub(super) struct Window {
    pub(super) base: usize,
    pub(super) n: [usize; CAP],
    pub(super) step: [usize; CAP],
    pub(super) real: usize,
    pub(super) padded: usize,
}

/// `ceil(a / b)` for `a >= 0`, `b > 0`.
fn ceil_div(a: isize, b: isize) -> isize {
    (a + b - 1) / b
}

impl Geom {
    pub(super) fn new(x_shape: &[usize], y_shape: &[usize], p: &PoolParams) -> Result<Self, Error> {
        let r = x_shape.len();
        if r < 3 || r - 2 > CAP || y_shape.len() != r || y_shape[..2] != x_shape[..2] {
            return Err(Error::Layout("pool: shapes must be [N, C, spatial...] alike"));
        }
        let d = r - 2;
        let bad_len = |s: &[usize], n: usize| !s.is_empty() && s.len() != n;
        if p.kernel.len() != d || bad_len(p.strides, d) || bad_len(p.dilations, d) || bad_len(p.pads, 2 * d) {
            return Err(Error::Layout("pool: parameter lengths do not match the spatial rank"));
        }
        let mut g = Geom {
            d,
            planes: x_shape[0] * x_shape[1],
            in_sp: [0; CAP],
            in_stride: [0; CAP],
            out_sp: [0; CAP],
            kernel: [0; CAP],
            stride: [0; CAP],
            dil: [0; CAP],
            pad_b: [0; CAP],
            pad_e: [0; CAP],
            in_size: numel(&x_shape[2..])?,
            out_size: numel(&y_shape[2..])?,
        };
        for j in 0..d {
            g.in_sp[j] = x_shape[2 + j];
            g.in_stride[j] = x_shape[3 + j..].iter().product();
            g.out_sp[j] = y_shape[2 + j];
            g.kernel[j] = p.kernel[j];
            g.stride[j] = param(p.strides, j, 1);
            g.dil[j] = param(p.dilations, j, 1);
            g.pad_b[j] = param(p.pads, j, 0);
            g.pad_e[j] = param(p.pads, d + j, 0);
            if g.kernel[j] == 0 || g.stride[j] == 0 || g.dil[j] == 0 {
                return Err(Error::Layout("pool: kernel, strides and dilations must be positive"));
            }
            let big = [g.in_sp[j], g.out_sp[j], g.kernel[j], g.stride[j], g.dil[j], g.pad_b[j], g.pad_e[j]];
            if big.iter().any(|&v| v > (isize::MAX as usize) >> 16) {
                return Err(Error::Layout("pool: extents too large"));
            }
        }
        Ok(g)
    }

    /// The window of output position `oc` (spatial coordinates).
    #[allow(clippy::needless_range_loop)] // `j` indexes several parallel arrays
    pub(super) fn window(&self, oc: &[usize; CAP]) -> Window {
        let mut w = Window { base: 0, n: [0; CAP], step: [0; CAP], real: 1, padded: 1 };
        for j in 0..self.d {
            let (k, dil) = (self.kernel[j] as isize, self.dil[j] as isize);
            let (start, lo, hi) = self.taps(j, oc[j]);
            let size = self.in_sp[j] as isize;
            let n = (hi - lo).max(0);
            // Window indices before the padded end `size + pad_end`.
            let end = size + self.pad_e[j] as isize;
            let padded = if end - start <= 0 { 0 } else { ceil_div(end - start, dil).min(k) };
            w.n[j] = n as usize;
            w.step[j] = self.dil[j] * self.in_stride[j];
            if n > 0 {
                w.base += (start + lo * dil) as usize * self.in_stride[j];
            }
            w.real *= n as usize;
            w.padded *= padded as usize;
        }
        w
    }

    /// Along axis `j`, for output position `o`: the window's first input index `start` (may be
    /// negative, in the padding) and the range `lo..hi` of window taps `i` that read inside the
    /// input (`0 <= start + i*dil < size`).
    pub(super) fn taps(&self, j: usize, o: usize) -> (isize, isize, isize) {
        let (k, dil) = (self.kernel[j] as isize, self.dil[j] as isize);
        let start = (o * self.stride[j]) as isize - self.pad_b[j] as isize;
        let size = self.in_sp[j] as isize;
        let lo = if start >= 0 { 0 } else { ceil_div(-start, dil) };
        let hi = if size - start <= 0 { 0 } else { ceil_div(size - start, dil).min(k) };
        (start, lo, hi)
    }

    /// The output columns (last axis) whose window spans the whole kernel inside the input:
    /// one run between the left and right edges.
    pub(super) fn full_columns(&self) -> core::ops::Range<usize> {
        self.full(self.d - 1)
    }

    /// The output positions along axis `j` whose window spans the whole kernel inside the
    /// input: one run between the two edges.
    pub(super) fn full(&self, j: usize) -> core::ops::Range<usize> {
        let full = |o: usize| {
            let (_, lo, hi) = self.taps(j, o);
            lo == 0 && hi == self.kernel[j] as isize
        };
        let ow = self.out_sp[j];
        let lo = (0..ow).find(|&o| full(o)).unwrap_or(ow);
        lo..(lo..ow).find(|&o| !full(o)).unwrap_or(ow)
    }

    /// Whether some output position's window covers no input element.
    pub(super) fn some_window_empty(&self) -> bool {
        self.out_size > 0 && (0..self.d).any(|j| (0..self.out_sp[j]).any(|o| self.taps(j, o).2 <= self.taps(j, o).1))
    }

    /// Calls `f(output index, window)` for every output position of one plane.
    pub(super) fn for_each_window(&self, mut f: impl FnMut(usize, &Window)) {
        let mut oc = [0usize; CAP];
        for o in 0..self.out_size {
            f(o, &self.window(&oc));
            for j in (0..self.d).rev() {
                oc[j] += 1;
                if oc[j] < self.out_sp[j] {
                    break;
                }
                oc[j] = 0;
            }
        }
    }
}

/// Calls `f` with the input offset of every real position of window `w` (which must not be
/// empty), innermost axis fastest.
pub(super) fn for_each_in_window(d: usize, w: &Window, mut f: impl FnMut(usize)) {
    let (n_in, s_in) = (w.n[d - 1], w.step[d - 1]);
    let mut idx = [0usize; CAP];
    let mut off = w.base;
    loop {
        for i in 0..n_in {
            f(off + i * s_in);
        }
        let mut j = d - 1;
        loop {
            if j == 0 {
                return;
            }
            j -= 1;
            idx[j] += 1;
            off += w.step[j];
            if idx[j] < w.n[j] {
                break;
            }
            off -= w.step[j] * w.n[j];
            idx[j] = 0;
        }
    }
}
