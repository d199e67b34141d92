//! Transposed convolution (ONNX `ConvTranspose`), N-d, NC... layout, by scattering each input
//! element through the kernel: plain and exact, not yet tuned (issue: CPU speed).
//! Kept with the other convolutions in `conv/`; generated code reaches it as
//! `kernels::conv_transpose` (a re-export).

use crate::kernels::nd::{check_len, CAP};
use crate::scalar::Float;
use crate::Error;

/// Geometry of one transposed convolution.
pub struct ConvTransposeParams<'a> {
    /// Number of groups of input and output channels.
    pub group: usize,
    /// Step between input positions in the output, per spatial axis.
    pub strides: &'a [usize],
    /// Spacing between kernel taps, per spatial axis.
    pub dilations: &'a [usize],
    /// Padding removed at the start of each spatial axis.
    pub pads_begin: &'a [usize],
}

/// Row-major position of the `i`-th element of an extent list.
fn unravel(mut i: usize, ext: &[usize], out: &mut [usize; CAP]) {
    for d in (0..ext.len()).rev() {
        out[d] = i % ext[d];
        i /= ext[d];
    }
}

/// `x` is `[N, C, in...]`, `w` is `[C, M/group, k...]`, `bias` is `[M]`, `y` is `[N, M, out...]`.
#[allow(clippy::too_many_arguments)]
pub fn conv_transpose<T: Float>(
    x: &[T],
    x_shape: &[usize],
    w: &[T],
    w_shape: &[usize],
    bias: Option<&[T]>,
    p: &ConvTransposeParams,
    y: &mut [T],
    y_shape: &[usize],
) -> Result<(), Error> {
    check_len(x.len(), x_shape, "conv_transpose: input length does not match its shape")?;
    check_len(w.len(), w_shape, "conv_transpose: weight length does not match its shape")?;
    check_len(y.len(), y_shape, "conv_transpose: output length does not match its shape")?;
    let d = x_shape.len().saturating_sub(2);
    let sp_ok = |v: &[usize]| v.len() == d;
    if d == 0
        || d > CAP
        || w_shape.len() != d + 2
        || y_shape.len() != d + 2
        || !sp_ok(p.strides)
        || !sp_ok(p.dilations)
        || !sp_ok(p.pads_begin)
    {
        return Err(Error::Layout("conv_transpose: ranks do not match"));
    }
    let (n, c, g) = (x_shape[0], x_shape[1], p.group);
    let mg = w_shape[1];
    let m = mg * g;
    if g == 0
        || c % g != 0
        || w_shape[0] != c
        || y_shape[0] != n
        || y_shape[1] != m
        || bias.is_some_and(|b| b.len() != m)
    {
        return Err(Error::Layout("conv_transpose: channels do not match"));
    }
    let cg = c / g;
    let (in_sp, k_sp, out_sp) = (&x_shape[2..], &w_shape[2..], &y_shape[2..]);
    let (in_n, k_n, out_n): (usize, usize, usize) =
        (in_sp.iter().product(), k_sp.iter().product(), out_sp.iter().product());
    for b in 0..n {
        for oc in 0..m {
            let v = bias.map_or(T::zero(), |bias| bias[oc]);
            y[(b * m + oc) * out_n..(b * m + oc + 1) * out_n].fill(v);
        }
    }
    let (mut ip, mut kp) = ([0usize; CAP], [0usize; CAP]);
    for b in 0..n {
        for gi in 0..g {
            for ci in 0..cg {
                let ch = gi * cg + ci;
                for i in 0..in_n {
                    let v = x[(b * c + ch) * in_n + i];
                    unravel(i, in_sp, &mut ip);
                    for k in 0..k_n {
                        unravel(k, k_sp, &mut kp);
                        // Output position, or None when it falls outside.
                        let mut at = 0usize;
                        let mut inside = true;
                        for a in 0..d {
                            let pos =
                                (ip[a] * p.strides[a] + kp[a] * p.dilations[a]) as isize - p.pads_begin[a] as isize;
                            if pos < 0 || pos as usize >= out_sp[a] {
                                inside = false;
                                break;
                            }
                            at = at * out_sp[a] + pos as usize;
                        }
                        if !inside {
                            continue;
                        }
                        for mi in 0..mg {
                            let oc = gi * mg + mi;
                            let wv = w[(ch * mg + mi) * k_n + k];
                            let o = &mut y[(b * m + oc) * out_n + at];
                            *o = *o + v * wv;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stride_two_spreads_the_kernel() {
        // 1-d: x = [1, 2], w = [1, 10], stride 2 -> y = [1, 10, 2, 20].
        let mut y = [0.0f32; 4];
        let p = ConvTransposeParams { group: 1, strides: &[2], dilations: &[1], pads_begin: &[0] };
        conv_transpose(&[1.0, 2.0], &[1, 1, 2], &[1.0, 10.0], &[1, 1, 2], None, &p, &mut y, &[1, 1, 4]).unwrap();
        assert_eq!(y, [1.0, 10.0, 2.0, 20.0]);
    }
}
