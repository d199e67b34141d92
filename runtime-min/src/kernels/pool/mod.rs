//! `MaxPool` and `AveragePool` over any number of spatial axes, matching onnxruntime.
//!
//! Window `o` along an axis covers input positions `o * stride - pad_begin + i * dilation` for
//! `i < kernel`; only positions inside the input are read. The output extent is whatever the
//! compiler chose (floor or ceil mode), so a ceil-mode window may run past the padded end.
//! For `count_include_pad` the divisor counts window positions before `input + pad_end`, which
//! is onnxruntime's rule (the clipped tail of a ceil-mode window does not count).
//!
//! Files: this one holds the public entry points and the general N-d window walk;
//! `geometry.rs` the resolved geometry and windows; `max_2d.rs` the fast 2-D max-pooling
//! paths, with `max_avx512.rs` their AVX-512 inner columns; `tests.rs` the tests.

mod geometry;
mod max_2d;
mod max_avx512;
#[cfg(test)]
mod tests;

use crate::kernels::nd::check_len;
use crate::scalar::Float;
use crate::Error;
use geometry::{for_each_in_window, Geom};
use max_2d::{lanes_of_channels, max_pool_2d, LANES};

/// Pooling window geometry; every slice has one entry per spatial axis (pads: all begins, then
/// all ends). Empty `strides`/`dilations`/`pads` mean 1, 1 and 0.
#[derive(Clone, Copy, Debug)]
pub struct PoolParams<'a> {
    /// Window size, per spatial axis.
    pub kernel: &'a [usize],
    /// Step between windows, per spatial axis.
    pub strides: &'a [usize],
    /// Spacing between window taps, per spatial axis.
    pub dilations: &'a [usize],
    /// Padding: the begins of each spatial axis, then the ends.
    pub pads: &'a [usize],
}

/// ONNX `MaxPool` (without the indices output). A window with no input position (only
/// possible with pads at least as large as the window) is an error, as no element type
/// bound here provides a lowest value.
pub fn max_pool<T: Copy + PartialOrd + Send + Sync + 'static>(
    x: &[T],
    x_shape: &[usize],
    p: &PoolParams,
    y: &mut [T],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "max_pool: input length does not match its shape")?;
    check_len(y.len(), y_shape, "max_pool: output length does not match its shape")?;
    let g = Geom::new(x_shape, y_shape, p)?;
    if y.is_empty() {
        return Ok(());
    }
    if g.d == 2 {
        if g.some_window_empty() {
            return Err(Error::Layout("max_pool: a window covers no input element"));
        }
        // The output rows and columns whose windows lie wholly inside the input, for every
        // plane.
        let (full_rows, inner) = (g.full(0), g.full_columns());
        // Narrow maps whose windows meet the edges (padding): the channels in the lanes.
        let edges = inner != (0..g.out_sp[1]) || full_rows != (0..g.out_sp[0]);
        if edges && g.out_sp[1] <= LANES && lanes_of_channels(&g, x, y) {
            return Ok(());
        }
        // Whole planes per thread; each plane's result does not depend on the split.
        let plane = |p0: usize, band: &mut [T]| {
            for (pi, yp) in band.chunks_exact_mut(g.out_size).enumerate() {
                let at = (p0 + pi) * g.in_size;
                max_pool_2d(&g, full_rows.clone(), inner.clone(), &x[at..at + g.in_size], yp);
            }
        };
        // Split by the comparisons, not the outputs: a 5x5 window (YOLO's SPPF pools, 12.8K
        // outputs) is 25 of them per output.
        if g.planes * g.out_size * g.kernel[0] * g.kernel[1] >= 1 << 17 {
            crate::threads::for_each_chunk(y, g.planes, g.out_size, 1, &plane);
        } else {
            plane(0, y);
        }
        return Ok(());
    }
    let mut res = Ok(());
    for (pi, yp) in y.chunks_exact_mut(g.out_size).enumerate().take(g.planes) {
        let xp = &x[pi * g.in_size..(pi + 1) * g.in_size];
        g.for_each_window(|o, w| {
            if w.real == 0 {
                res = Err(Error::Layout("max_pool: a window covers no input element"));
                return;
            }
            let mut m = xp[w.base];
            for_each_in_window(g.d, w, |i| {
                let v = xp[i];
                if v > m {
                    m = v;
                }
            });
            yp[o] = m;
        });
    }
    res
}

/// MaxPool's `Indices` output: the flat position (over the whole input tensor) of each window's
/// first maximum; with `column_major` the spatial part counts the first axis fastest
/// (`storage_order = 1`).
pub fn max_pool_indices<T: Copy + PartialOrd>(
    x: &[T],
    x_shape: &[usize],
    p: &PoolParams,
    column_major: bool,
    y: &mut [i64],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "max_pool_indices: input length does not match its shape")?;
    check_len(y.len(), y_shape, "max_pool_indices: output length does not match its shape")?;
    let g = Geom::new(x_shape, y_shape, p)?;
    if y.is_empty() {
        return Ok(());
    }
    let spatial = &x_shape[2..];
    let position = |pi: usize, i: usize| -> i64 {
        let local = if column_major {
            let (mut rest, mut idx, mut stride) = (i, 0usize, 1usize);
            let mut coords = [0usize; crate::kernels::nd::CAP];
            for k in (0..spatial.len()).rev() {
                coords[k] = rest % spatial[k];
                rest /= spatial[k];
            }
            for (k, &d) in spatial.iter().enumerate() {
                idx += coords[k] * stride;
                stride *= d;
            }
            idx
        } else {
            i
        };
        (pi * g.in_size + local) as i64
    };
    let mut res = Ok(());
    for (pi, yp) in y.chunks_exact_mut(g.out_size).enumerate().take(g.planes) {
        let xp = &x[pi * g.in_size..(pi + 1) * g.in_size];
        g.for_each_window(|o, w| {
            if w.real == 0 {
                res = Err(Error::Layout("max_pool_indices: a window covers no input element"));
                return;
            }
            let (mut m, mut at) = (xp[w.base], w.base);
            for_each_in_window(g.d, w, |i| {
                if xp[i] > m {
                    m = xp[i];
                    at = i;
                }
            });
            yp[o] = position(pi, at);
        });
    }
    res
}

/// ONNX `AveragePool`. Without `count_include_pad` the divisor is the number of input
/// positions in the window; with it, the number of window positions inside the padded input.
/// A window with no input position yields 0.
pub fn avg_pool<T: Float>(
    x: &[T],
    x_shape: &[usize],
    p: &PoolParams,
    count_include_pad: bool,
    y: &mut [T],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "avg_pool: input length does not match its shape")?;
    check_len(y.len(), y_shape, "avg_pool: output length does not match its shape")?;
    let g = Geom::new(x_shape, y_shape, p)?;
    if y.is_empty() {
        return Ok(());
    }
    for (pi, yp) in y.chunks_exact_mut(g.out_size).enumerate().take(g.planes) {
        let xp = &x[pi * g.in_size..(pi + 1) * g.in_size];
        g.for_each_window(|o, w| {
            if w.real == 0 {
                yp[o] = T::zero();
                return;
            }
            let mut s = T::zero();
            for_each_in_window(g.d, w, |i| s = s + xp[i]);
            let count = if count_include_pad { w.padded } else { w.real };
            yp[o] = s / T::from_f64(count as f64);
        });
    }
    Ok(())
}
