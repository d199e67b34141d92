//! ONNX `RoiAlign` on NCHW: each region of interest is divided into `out_h x out_w` bins, each
//! bin sampled on a grid of bilinear points, then averaged (or, in max mode, the largest
//! weighted corner taken), following the ONNX reference implementation.

use super::nd::check_len;
use crate::scalar::Float;
use crate::Error;

/// The parameters of a RoiAlign.
pub struct RoiAlignParams {
    /// Pool each bin by its largest weighted sample (`mode = "max"`) instead of the average.
    pub max_mode: bool,
    /// Shift the region's corners by half a pixel
    /// (`coordinate_transformation_mode = "half_pixel"`).
    pub half_pixel: bool,
    /// The factor from the regions' coordinates to the input's pixel coordinates.
    pub spatial_scale: f32,
    /// Samples per bin and axis; 0 picks `ceil(roi size / bins)`.
    pub sampling_ratio: usize,
}

/// `x` is `[N, C, H, W]`, `rois` `[R, 4]` (x1, y1, x2, y2), `batch` `[R]`, `y` `[R, C, out_h, out_w]`.
#[allow(clippy::too_many_arguments)]
pub fn roi_align<T: Float>(
    x: &[T],
    x_shape: &[usize],
    rois: &[T],
    batch: &[i64],
    p: &RoiAlignParams,
    y: &mut [T],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "roi_align: input length does not match its shape")?;
    check_len(y.len(), y_shape, "roi_align: output length does not match its shape")?;
    let ([n, c, h, w], [r, yc, out_h, out_w]) = (x_shape, y_shape) else {
        return Err(Error::Layout("roi_align: needs rank-4 input and output"));
    };
    let (n, c, h, w, r, out_h, out_w) = (*n, *c, *h, *w, *r, *out_h, *out_w);
    if *yc != c || h == 0 || w == 0 || rois.len() != r * 4 || batch.len() != r || out_h == 0 || out_w == 0 {
        return Err(Error::Layout("roi_align: shapes do not match"));
    }
    let scale = p.spatial_scale as f64;
    let offset = if p.half_pixel { 0.5 } else { 0.0 };
    for ri in 0..r {
        let b = usize::try_from(batch[ri])
            .ok()
            .filter(|&b| b < n)
            .ok_or(Error::Layout("roi_align: batch index out of range"))?;
        let roi = |k: usize| rois[ri * 4 + k].to_f64() * scale - offset;
        let (start_w, start_h, end_w, end_h) = (roi(0), roi(1), roi(2), roi(3));
        let (mut roi_w, mut roi_h) = (end_w - start_w, end_h - start_h);
        if !p.half_pixel {
            roi_w = roi_w.max(1.0);
            roi_h = roi_h.max(1.0);
        }
        let (bin_h, bin_w) = (roi_h / out_h as f64, roi_w / out_w as f64);
        let grid = |size: f64, bins: usize| {
            if p.sampling_ratio > 0 {
                p.sampling_ratio
            } else {
                (size / bins as f64).ceil().max(0.0) as usize
            }
        };
        let (grid_h, grid_w) = (grid(roi_h, out_h), grid(roi_w, out_w));
        let count = (grid_h * grid_w).max(1) as f64;
        for ch in 0..c {
            let plane = &x[(b * c + ch) * h * w..(b * c + ch + 1) * h * w];
            for ph in 0..out_h {
                for pw in 0..out_w {
                    let (mut sum, mut best): (f64, Option<f64>) = (0.0, None);
                    for iy in 0..grid_h {
                        let yy = start_h + ph as f64 * bin_h + (iy as f64 + 0.5) * bin_h / grid_h as f64;
                        for ix in 0..grid_w {
                            let xx = start_w + pw as f64 * bin_w + (ix as f64 + 0.5) * bin_w / grid_w as f64;
                            // The four weighted corners, zero outside the image.
                            let corners = if yy < -1.0 || yy > h as f64 || xx < -1.0 || xx > w as f64 {
                                [0.0; 4]
                            } else {
                                let (mut y0, mut x0) = (yy.max(0.0), xx.max(0.0));
                                let (yl, y1) = if y0 as usize >= h - 1 {
                                    y0 = (h - 1) as f64;
                                    (h - 1, h - 1)
                                } else {
                                    (y0 as usize, y0 as usize + 1)
                                };
                                let (xl, x1) = if x0 as usize >= w - 1 {
                                    x0 = (w - 1) as f64;
                                    (w - 1, w - 1)
                                } else {
                                    (x0 as usize, x0 as usize + 1)
                                };
                                let (ly, lx) = (y0 - yl as f64, x0 - xl as f64);
                                let (hy, hx) = (1.0 - ly, 1.0 - lx);
                                let v = |yi: usize, xi: usize| plane[yi * w + xi].to_f64();
                                [hy * hx * v(yl, xl), hy * lx * v(yl, x1), ly * hx * v(y1, xl), ly * lx * v(y1, x1)]
                            };
                            if p.max_mode {
                                let m = corners.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                                best = Some(best.map_or(m, |b| b.max(m)));
                            } else {
                                sum += corners.iter().sum::<f64>();
                            }
                        }
                    }
                    let v = if p.max_mode { best.unwrap_or(0.0) } else { sum / count };
                    y[((ri * c + ch) * out_h + ph) * out_w + pw] = T::from_f64(v);
                }
            }
        }
    }
    Ok(())
}
