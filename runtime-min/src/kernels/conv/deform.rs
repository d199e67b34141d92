//! Deformable convolution (ONNX `DeformConv`, opset 19+), 2-D, NCHW. Each tap of each output
//! reads the input at its regular position plus a learned offset, bilinearly interpolated with
//! zeros outside the input (GridSample with `align_corners` and zero padding, as the spec's
//! reference does), times an optional mask. The sampled taps are written as im2col columns in
//! scratch, one image at a time, and multiplied with the weights group by group.

use crate::kernels::nd::check_len;
use crate::scalar::Float;
use crate::Error;

/// Geometry of one deformable convolution.
pub struct DeformConvParams<'a> {
    /// Number of groups of input and output channels.
    pub group: usize,
    /// Groups of input channels that share one set of offsets (and mask).
    pub offset_group: usize,
    /// Step between windows, height then width.
    pub strides: &'a [usize],
    /// Spacing between kernel taps, height then width.
    pub dilations: &'a [usize],
    /// Begins for each spatial axis, then ends.
    pub pads: &'a [usize],
}

/// Scratch elements for input `[N, C, H, W]`, weights `[M, C/group, kH, kW]` and output
/// `[N, M, oH, oW]`: one image's sampled columns, `C * kH * kW` rows of `oH * oW`.
pub fn scratch_len(x_shape: &[usize], w_shape: &[usize], y_shape: &[usize]) -> usize {
    let taps: usize = w_shape.get(2..).unwrap_or_default().iter().product();
    let positions: usize = y_shape.get(2..).unwrap_or_default().iter().product();
    x_shape.get(1).copied().unwrap_or(0) * taps * positions
}

/// `x` `[N, C, H, W]`, `w` `[M, C/group, kH, kW]`, `offset` `[N, offset_group*kH*kW*2, oH, oW]`
/// (per tap, the row offset then the column offset), `mask` `[N, offset_group*kH*kW, oH, oW]`,
/// `bias` `[M]`, `y` `[N, M, oH, oW]`.
#[allow(clippy::too_many_arguments)]
pub fn deform_conv<T: Float>(
    x: &[T],
    x_shape: &[usize],
    w: &[T],
    w_shape: &[usize],
    offset: &[T],
    mask: Option<&[T]>,
    bias: Option<&[T]>,
    p: &DeformConvParams,
    y: &mut [T],
    y_shape: &[usize],
    scratch: &mut [T],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "deform_conv: input length does not match its shape")?;
    check_len(w.len(), w_shape, "deform_conv: weight length does not match its shape")?;
    check_len(y.len(), y_shape, "deform_conv: output length does not match its shape")?;
    let ([n, c, ih, iw], [m, cg, kh, kw], [yn, ym, oh, ow]) = (
        <[usize; 4]>::try_from(x_shape).map_err(|_| Error::Layout("deform_conv: input is not 4-D"))?,
        <[usize; 4]>::try_from(w_shape).map_err(|_| Error::Layout("deform_conv: weights are not 4-D"))?,
        <[usize; 4]>::try_from(y_shape).map_err(|_| Error::Layout("deform_conv: output is not 4-D"))?,
    );
    let (g, og) = (p.group, p.offset_group);
    let ([sh, sw], [dh, dw], [ph, pw, _, _]) = (
        <[usize; 2]>::try_from(p.strides).map_err(|_| Error::Layout("deform_conv: two strides"))?,
        <[usize; 2]>::try_from(p.dilations).map_err(|_| Error::Layout("deform_conv: two dilations"))?,
        <[usize; 4]>::try_from(p.pads).map_err(|_| Error::Layout("deform_conv: four pads"))?,
    );
    let (taps, positions) = (kh * kw, oh * ow);
    if g == 0 || og == 0 || c != cg * g || m % g != 0 || c % og != 0 || yn != n || ym != m {
        return Err(Error::Layout("deform_conv: channels do not match"));
    }
    if offset.len() != n * og * taps * 2 * positions
        || mask.is_some_and(|k| k.len() != n * og * taps * positions)
        || bias.is_some_and(|b| b.len() != m)
        || scratch.len() < c * taps * positions
    {
        return Err(Error::Layout("deform_conv: offset, mask, bias or scratch lengths do not match"));
    }
    let (channels_per_offset, mg) = (c / og, m / g);
    let plane = ih * iw;
    let cols = &mut scratch[..c * taps * positions];
    for b in 0..n {
        // Columns: row (channel, tap), one sampled value per output position.
        for ch in 0..c {
            let group = ch / channels_per_offset;
            let image = &x[(b * c + ch) * plane..][..plane];
            for ki in 0..kh {
                for kj in 0..kw {
                    let tap = ki * kw + kj;
                    let at = ((b * og + group) * taps + tap) * 2 * positions;
                    let (rows, columns) = (&offset[at..][..positions], &offset[at + positions..][..positions]);
                    let scale = mask.map(|k| &k[((b * og + group) * taps + tap) * positions..][..positions]);
                    let out = &mut cols[(ch * taps + tap) * positions..][..positions];
                    for i in 0..oh {
                        for j in 0..ow {
                            let pos = i * ow + j;
                            let h = (i * sh + ki * dh) as f64 - ph as f64 + rows[pos].to_f64();
                            let v = (j * sw + kj * dw) as f64 - pw as f64 + columns[pos].to_f64();
                            let value = bilinear(image, ih, iw, h, v);
                            out[pos] = match scale {
                                Some(s) => value * s[pos],
                                None => value,
                            };
                        }
                    }
                }
            }
        }
        // Per group: y[oc] = bias + W[oc] . columns of the group's channels.
        for oc in 0..m {
            let group = oc / mg;
            let row = &w[oc * cg * taps..][..cg * taps];
            let out = &mut y[(b * m + oc) * positions..][..positions];
            out.fill(bias.map_or(T::zero(), |bias| bias[oc]));
            let first = &cols[group * cg * taps * positions..][..cg * taps * positions];
            for (r, &wv) in row.iter().enumerate() {
                for (o, &v) in out.iter_mut().zip(&first[r * positions..][..positions]) {
                    *o = *o + wv * v;
                }
            }
        }
    }
    Ok(())
}

/// `image` (`ih` x `iw`) at real position (`h`, `w`): the four neighbours weighted by their
/// distances, those outside the image read as zero.
fn bilinear<T: Float>(image: &[T], ih: usize, iw: usize, h: f64, w: f64) -> T {
    if !(h > -1.0 && w > -1.0 && h < ih as f64 && w < iw as f64) {
        return T::zero();
    }
    let (h0, w0) = (h.floor(), w.floor());
    let (fh, fw) = (h - h0, w - w0);
    let at = |r: f64, q: f64| -> f64 {
        if r < 0.0 || q < 0.0 || r >= ih as f64 || q >= iw as f64 {
            return 0.0;
        }
        image[r as usize * iw + q as usize].to_f64()
    };
    let v = at(h0, w0) * (1.0 - fh) * (1.0 - fw)
        + at(h0, w0 + 1.0) * (1.0 - fh) * fw
        + at(h0 + 1.0, w0) * fh * (1.0 - fw)
        + at(h0 + 1.0, w0 + 1.0) * fh * fw;
    T::from_f64(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params<'a>(pads: &'a [usize], group: usize, offset_group: usize) -> DeformConvParams<'a> {
        DeformConvParams { group, offset_group, strides: &[1, 1], dilations: &[1, 1], pads }
    }

    #[test]
    fn zero_offsets_and_no_mask_are_a_plain_convolution() {
        // 1x1x3x3 input, 2x2 kernel of ones: each output is the sum of a 2x2 window.
        let x: Vec<f32> = (1..=9).map(|v| v as f32).collect();
        let w = [1.0f32; 4];
        let offset = [0.0f32; 4 * 2 * 4];
        let mut y = [0.0f32; 4];
        let mut scratch = vec![0.0f32; scratch_len(&[1, 1, 3, 3], &[1, 1, 2, 2], &[1, 1, 2, 2])];
        let p = params(&[0, 0, 0, 0], 1, 1);
        deform_conv(
            &x,
            &[1, 1, 3, 3],
            &w,
            &[1, 1, 2, 2],
            &offset,
            None,
            Some(&[0.5]),
            &p,
            &mut y,
            &[1, 1, 2, 2],
            &mut scratch,
        )
        .unwrap();
        assert_eq!(y, [12.5, 16.5, 24.5, 28.5]);
    }

    #[test]
    fn offsets_interpolate_between_pixels_and_read_zero_outside() {
        // 1x1 kernel on a 1x2 image [10, 20]: a column offset of 0.25 reads 12.5 at (0, 0) and,
        // at (0, 1), three quarters of 20 (its right neighbour is outside).
        let x = [10.0f64, 20.0];
        let offset = [0.0, 0.0, 0.25, 0.25];
        let mut y = [0.0f64; 2];
        let mut scratch = [0.0f64; 2];
        let p = params(&[0, 0, 0, 0], 1, 1);
        deform_conv(
            &x,
            &[1, 1, 1, 2],
            &[1.0],
            &[1, 1, 1, 1],
            &offset,
            None,
            None,
            &p,
            &mut y,
            &[1, 1, 1, 2],
            &mut scratch,
        )
        .unwrap();
        assert_eq!(y, [12.5, 15.0]);
        // The mask scales each tap.
        deform_conv(
            &x,
            &[1, 1, 1, 2],
            &[1.0],
            &[1, 1, 1, 1],
            &offset,
            Some(&[2.0, 0.0]),
            None,
            &p,
            &mut y,
            &[1, 1, 1, 2],
            &mut scratch,
        )
        .unwrap();
        assert_eq!(y, [25.0, 0.0]);
    }

    #[test]
    fn mismatched_lengths_are_errors() {
        let p = params(&[0, 0, 0, 0], 1, 1);
        let mut y = [0.0f32; 1];
        let r = deform_conv(
            &[1.0f32],
            &[1, 1, 1, 1],
            &[1.0],
            &[1, 1, 1, 1],
            &[0.0],
            None,
            None,
            &p,
            &mut y,
            &[1, 1, 1, 1],
            &mut [],
        );
        assert!(r.is_err());
    }
}
