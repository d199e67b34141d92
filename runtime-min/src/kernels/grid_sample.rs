//! ONNX `GridSample` (N-d spatial): sample `x` at the normalised coordinates of `grid`, with
//! nearest / linear / cubic interpolation and zeros / border / reflection padding, following
//! the ONNX reference implementation step by step (coordinates are rounded to f32 as there).

use super::nd::{check_len, CAP};
use crate::scalar::Float;
use crate::Error;

/// How `GridSample` interpolates between input positions (its `mode` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridMode {
    /// The nearest position (ties to even, as the reference rounds).
    Nearest,
    /// Linear in each spatial axis (bilinear for 2-D, trilinear for 3-D).
    Linear,
    /// Cubic convolution in each spatial axis (`A = -0.75`).
    Cubic,
}

/// What `GridSample` reads outside the input (its `padding_mode` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridPadding {
    /// Zeros.
    Zeros,
    /// The nearest border value.
    Border,
    /// The input reflected at its borders.
    Reflection,
}

/// Folds `x` into `[lo, hi]` by reflecting at the borders (the reference's `_gs_reflect`).
fn reflect(x: f64, lo: f64, hi: f64) -> f64 {
    let range = hi - lo;
    if x < lo {
        let dx = lo - x;
        let n = (dx / range) as i64;
        let r = dx - n as f64 * range;
        if n % 2 == 0 {
            lo + r
        } else {
            hi - r
        }
    } else if x > hi {
        let dx = x - hi;
        let n = (dx / range) as i64;
        let r = dx - n as f64 * range;
        if n % 2 == 0 {
            hi - r
        } else {
            lo + r
        }
    } else {
        x
    }
}

fn cubic_coeffs(t: f64) -> [f64; 4] {
    let a = -0.75;
    let x = t.abs();
    [
        ((a * (x + 1.0) - 5.0 * a) * (x + 1.0) + 8.0 * a) * (x + 1.0) - 4.0 * a,
        ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0,
        ((a + 2.0) * (1.0 - x) - (a + 3.0)) * (1.0 - x) * (1.0 - x) + 1.0,
        ((a * (2.0 - x) - 5.0 * a) * (2.0 - x) + 8.0 * a) * (2.0 - x) - 4.0 * a,
    ]
}

/// `x` is `[N, C, spatial...]`, `grid` is `[N, out spatial..., d]` with coordinates in
/// (x, y, z) order, `y` is `[N, C, out spatial...]`.
#[allow(clippy::too_many_arguments)]
pub fn grid_sample<T: Float>(
    x: &[T],
    x_shape: &[usize],
    grid: &[T],
    grid_shape: &[usize],
    mode: GridMode,
    padding: GridPadding,
    align_corners: bool,
    y: &mut [T],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "grid_sample: input length does not match its shape")?;
    check_len(grid.len(), grid_shape, "grid_sample: grid length does not match its shape")?;
    let d = x_shape.len().saturating_sub(2);
    if d == 0 || d > CAP || grid_shape.len() != d + 2 || grid_shape[d + 1] != d || grid_shape[0] != x_shape[0] {
        return Err(Error::Layout("grid_sample: shapes do not match"));
    }
    let (n, c) = (x_shape[0], x_shape[1]);
    let dims = &x_shape[2..];
    let points: usize = grid_shape[1..=d].iter().product();
    let plane: usize = dims.iter().product();
    if y.len() != n * c * points {
        return Err(Error::Layout("grid_sample: output length does not match"));
    }
    let (mut lo, mut hi) = ([0f64; CAP], [0f64; CAP]);
    for i in 0..d {
        (lo[i], hi[i]) = if align_corners { (0.0, dims[i] as f64 - 1.0) } else { (-0.5, dims[i] as f64 - 0.5) };
    }
    // Value at integer position `idx` (per axis), under the padding mode.
    let pixel = |data: &[T], idx: &[i64]| -> T {
        let mut off = 0usize;
        for i in 0..d {
            let len = dims[i] as i64;
            let j = match padding {
                GridPadding::Zeros if idx[i] < 0 || idx[i] >= len => return T::zero(),
                GridPadding::Zeros => idx[i],
                GridPadding::Border => idx[i].clamp(0, len - 1),
                GridPadding::Reflection => (reflect(idx[i] as f64, lo[i], hi[i]) as i64).clamp(0, len - 1),
            };
            off = off * dims[i] + j as usize;
        }
        data[off]
    };
    let taps: usize = match mode {
        GridMode::Nearest => 1,
        GridMode::Linear => 2,
        GridMode::Cubic => 4,
    };
    let combos = taps.pow(d as u32);
    let (mut base, mut weights) = ([0i64; CAP], [[0f64; 4]; CAP]);
    let mut idx = [0i64; CAP];
    for b in 0..n {
        for p in 0..points {
            let g = &grid[(b * points + p) * d..(b * points + p + 1) * d];
            for i in 0..d {
                // Grid coordinates are (x, y, z): the last spatial axis first.
                let v = g[d - 1 - i].to_f64();
                let len = dims[i] as f64;
                let mut at = (if align_corners { (v + 1.0) / 2.0 * (len - 1.0) } else { ((v + 1.0) * len - 1.0) / 2.0 })
                    as f32 as f64;
                if mode == GridMode::Nearest {
                    at = at.round_ties_even();
                }
                if at < lo[i] || at > hi[i] {
                    match padding {
                        GridPadding::Border => at = at.clamp(0.0, len - 1.0),
                        GridPadding::Reflection => at = reflect(at, lo[i], hi[i]) as f32 as f64,
                        GridPadding::Zeros => {}
                    }
                }
                let f = at.floor();
                match mode {
                    GridMode::Nearest => {
                        base[i] = at as i64;
                        weights[i][0] = 1.0;
                    }
                    GridMode::Linear => {
                        base[i] = f as i64;
                        let t = at - f;
                        weights[i][..2].copy_from_slice(&[1.0 - t, t]);
                    }
                    GridMode::Cubic => {
                        base[i] = f as i64 - 1;
                        weights[i] = cubic_coeffs(at - f);
                    }
                }
            }
            for ch in 0..c {
                let data = &x[(b * c + ch) * plane..(b * c + ch + 1) * plane];
                let mut acc = 0f64;
                for combo in 0..combos {
                    let (mut rest, mut w) = (combo, 1f64);
                    for i in (0..d).rev() {
                        let k = rest % taps;
                        rest /= taps;
                        idx[i] = base[i] + k as i64;
                        w *= weights[i][k];
                    }
                    if w != 0.0 {
                        acc += w * pixel(data, &idx[..d]).to_f64();
                    }
                }
                y[(b * c + ch) * points + p] = T::from_f64(acc);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_and_centre_of_a_2x2_image() {
        // x = [[1, 2], [3, 4]]; with align_corners, (-1, -1) is x[0][0], (1, 1) is x[1][1] and
        // (0, 0) the mean; outside with zeros padding and nearest mode gives 0.
        let x = [1.0f32, 2.0, 3.0, 4.0];
        let grid = [-1.0, -1.0, 1.0, 1.0, 0.0, 0.0];
        let mut y = [0.0f32; 3];
        grid_sample(&x, &[1, 1, 2, 2], &grid, &[1, 1, 3, 2], GridMode::Linear, GridPadding::Zeros, true, &mut y)
            .unwrap();
        assert_eq!(y, [1.0, 4.0, 2.5]);
        let mut z = [9.0f32; 1];
        grid_sample(&x, &[1, 1, 2, 2], &[5.0, 5.0], &[1, 1, 1, 2], GridMode::Nearest, GridPadding::Zeros, true, &mut z)
            .unwrap();
        assert_eq!(z, [0.0]);
    }
}
