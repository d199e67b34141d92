//! Window functions (17+), computed at build time from the `size` input (needed then):
//! HannWindow, HammingWindow (alpha 25/46), BlackmanWindow; periodic (1) and
//! output_datatype (1 = float). <https://onnx.ai/onnx/operators/onnx__HannWindow.html>

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Data, Op, Tensor, ValueId};
use std::f64::consts::PI;

pub fn import_window(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let size = *ctx.const_i64s(n.input(0)?, "size")?.first().ok_or("size is empty")?;
    let size = usize::try_from(size).map_err(|_| NodeError::Invalid(format!("size {size}")))?;
    let code = n.attrs.int_or("output_datatype", 1);
    let dtype =
        DType::from_onnx_code(code as i32).ok_or_else(|| NodeError::Unsupported(format!("output_datatype {code}")))?;
    ctx.allow(&[size], "a window")?;
    let periods = if n.attrs.int_or("periodic", 1) != 0 { size as f64 } else { size as f64 - 1.0 };
    let values: Vec<f64> = (0..size)
        .map(|i| {
            let x = i as f64;
            match n.op_type {
                "HannWindow" => (x * PI / periods).sin().powi(2),
                "HammingWindow" => 25.0 / 46.0 - (x * PI * 2.0 / periods).cos() * (21.0 / 46.0),
                _ => 0.42 - 0.5 * (x * PI * 2.0 / periods).cos() + 0.08 * (x * PI * 4.0 / periods).cos(),
            }
        })
        .collect();
    let window = ctx.constant(Tensor::new(vec![size], Data::F64(values)).ok_or("bad window")?);
    Ok(vec![ctx.node(n.name, Op::Cast { to: dtype }, vec![window])?])
}

/// DFT (17+): <https://onnx.ai/onnx/operators/onnx__DFT.html>
/// The signal axis (attribute before 20, input from 20) is moved last, cut or zero-padded to
/// dft_length, and multiplied by cosine and sine matrices computed here, in f64 like numpy's
/// FFT; inverse (scaled by 1/N), onesided (half spectrum), and the one-sided inverse (irfft,
/// Hermitian weights) are all matrix products.
pub fn import_dft(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let x = n.input(0)?;
    let dims = ctx.dims(x)?;
    let r = dims.len();
    let c = *dims.last().ok_or("input must have rank >= 2")?;
    if r < 2 || !matches!(c, 1 | 2) {
        return Err(NodeError::Invalid(format!("input {dims:?} must end in 1 (real) or 2 (complex)")));
    }
    let axis_raw = if n.opset >= 20 {
        match n.opt(2) {
            Some(a) => *ctx.const_i64s(a, "axis")?.first().ok_or("axis is empty")?,
            None => -2,
        }
    } else {
        n.attrs.int_or("axis", 1)
    };
    let axis = super::axis(axis_raw, r)?;
    if axis == r - 1 {
        return Err(NodeError::Invalid("the signal axis cannot be the last (real/imaginary) axis".into()));
    }
    let (inverse, onesided) = (n.attrs.int_or("inverse", 0) != 0, n.attrs.int_or("onesided", 0) != 0);
    let len = dims[axis];
    let fft = match n.opt(1) {
        Some(v) => usize::try_from(*ctx.const_i64s(v, "dft_length")?.first().ok_or("dft_length is empty")?)
            .map_err(|_| "dft_length < 0")?,
        None if inverse && onesided => 2 * len.saturating_sub(1),
        None => len,
    };
    if fft == 0 {
        return Err(NodeError::Invalid("dft_length is 0".into()));
    }
    // Signal axis last (before real/imag), in f64.
    let mut perm: Vec<usize> = (0..r - 1).filter(|&a| a != axis).collect();
    perm.push(axis);
    perm.push(r - 1);
    let mut inv_perm = vec![0; r];
    for (i, &p) in perm.iter().enumerate() {
        inv_perm[p] = i;
    }
    let dtype = ctx.dtype(x);
    let x64 = ctx.cast(&part("f64"), x, DType::F64)?;
    let xt = ctx.node(&part("signal_last"), Op::Transpose { perm: perm.clone() }, vec![x64])?;
    let td: Vec<usize> = perm.iter().map(|&p| dims[p]).collect();
    let rest = &td[..r - 2];
    let component = |ctx: &mut Ctx, k: usize, name: &str| -> Result<ValueId, NodeError> {
        let s = ctx.slice_axis(&part(name), xt, r - 1, k, 1, 1)?;
        ctx.node(&part(&format!("{name}_flat")), Op::Reshape { shape: crate::ir::fixed_dims(&td[..r - 1]) }, vec![s])
    };
    let re = component(ctx, 0, "re")?;
    let im = if c == 2 { Some(component(ctx, 1, "im")?) } else { None };
    // Input length the matrices read: the signal cut or padded to the DFT length (the
    // one-sided inverse reads the half spectrum, N/2 + 1 values).
    let rows = if inverse && onesided { fft / 2 + 1 } else { fft };
    let fit = |ctx: &mut Ctx, v: ValueId, name: &str| -> Result<ValueId, NodeError> {
        if rows == len {
            return Ok(v);
        }
        let mut pads = vec![0i64; 2 * (r - 1)];
        pads[2 * (r - 1) - 1] = rows as i64 - len as i64;
        ctx.node(&part(name), Op::Pad { pads, mode: crate::ir::PadMode::Constant, value: 0.0 }, vec![v])
    };
    let re = fit(ctx, re, "re_fit")?;
    let im = match im {
        Some(v) => Some(fit(ctx, v, "im_fit")?),
        None => None,
    };
    let cols = if inverse {
        fft
    } else if onesided {
        fft / 2 + 1
    } else {
        fft
    };
    ctx.allow(&[rows, cols], "a DFT matrix")?;
    let two_pi = 2.0 * std::f64::consts::PI;
    let scale = if inverse { 1.0 / fft as f64 } else { 1.0 };
    // Weight of each input frequency for the one-sided inverse (the mirrored half counts twice).
    let weight = |k: usize| if !(inverse && onesided) || k == 0 || (fft % 2 == 0 && k == fft / 2) { 1.0 } else { 2.0 };
    let matrix = |f: fn(f64) -> f64| -> Vec<f64> {
        (0..rows)
            .flat_map(|k| (0..cols).map(move |j| (k, j)))
            .map(|(k, j)| weight(k) * scale * f(two_pi * ((k * j) % fft) as f64 / fft as f64))
            .collect()
    };
    let cos = ctx.constant(Tensor::new(vec![rows, cols], Data::F64(matrix(f64::cos))).ok_or("bad matrix")?);
    let sin = ctx.constant(Tensor::new(vec![rows, cols], Data::F64(matrix(f64::sin))).ok_or("bad matrix")?);
    // Forward: e^{-i t}; inverse: e^{+i t}.
    let sign = if inverse { 1.0 } else { -1.0 };
    let mm = |ctx: &mut Ctx, a: ValueId, m: ValueId, name: &str| ctx.node(&part(name), Op::MatMul, vec![a, m]);
    let re_cos = mm(ctx, re, cos, "re_cos")?;
    let re_sin = mm(ctx, re, sin, "re_sin")?;
    let (mut out_re, mut out_im) = (re_cos, {
        let s = ctx.scalar(DType::F64, sign);
        ctx.binary(&part("im_from_re"), BinaryOp::Mul, re_sin, s)?
    });
    if let Some(im) = im {
        let im_cos = mm(ctx, im, cos, "im_cos")?;
        let im_sin = mm(ctx, im, sin, "im_sin")?;
        out_re = ctx.binary(&part("re_total"), if inverse { BinaryOp::Sub } else { BinaryOp::Add }, out_re, im_sin)?;
        out_im = ctx.binary(&part("im_total"), BinaryOp::Add, out_im, im_cos)?;
    }
    let mut col_shape = rest.to_vec();
    col_shape.extend([cols, 1]);
    let re_col =
        ctx.node(&part("re_col"), Op::Reshape { shape: crate::ir::fixed_dims(col_shape.clone()) }, vec![out_re])?;
    let y = if inverse && onesided {
        re_col
    } else {
        let im_col =
            ctx.node(&part("im_col"), Op::Reshape { shape: crate::ir::fixed_dims(col_shape) }, vec![out_im])?;
        ctx.node(&part("complex"), Op::Concat { axis: r - 1 }, vec![re_col, im_col])?
    };
    let y = ctx.node(&part("axis_back"), Op::Transpose { perm: inv_perm }, vec![y])?;
    Ok(vec![ctx.cast(n.name, y, dtype)?])
}
