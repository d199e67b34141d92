//! Linear quantisation, expanded into float arithmetic (the ONNX reference's formulas):
//! - QuantizeLinear (10+): `y = clip(round_half_even(x / scale) + zero_point)`; per tensor,
//!   per axis, or blocked (block_size, 21+); output type from the zero point, output_dtype,
//!   else uint8. Integer outputs (int8/uint8/int16/uint16/int32) are supported.
//! - DequantizeLinear (10+): `y = (x - zero_point) * scale`.
//! - DynamicQuantizeLinear (11): uint8 with scale and zero point from the data's range (scale 1
//!   for an all-zero input, as ONNX Runtime).
//! - QLinearMatMul (10+), MatMulInteger (10), ConvInteger (10), QLinearConv (10): dequantise,
//!   compute in f32 (exact for these integer ranges), requantise or convert.

use super::{axis, conv, Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Data, MathFn, Op, ReduceKind, Tensor, UnaryOp, ValueId};

/// The value range of an integer quantised type.
fn int_range(d: DType) -> Option<(f64, f64)> {
    Some(match d {
        DType::I8 => (-128.0, 127.0),
        DType::U8 => (0.0, 255.0),
        DType::I16 => (-32768.0, 32767.0),
        DType::U16 => (0.0, 65535.0),
        DType::I32 => (i32::MIN as f64, i32::MAX as f64),
        _ => return None,
    })
}

/// A scale or zero point made broadcastable against `x`: scalars stay scalars, 1-D per-axis
/// values get size 1 elsewhere, blocked values are repeated `block` times along `axis`.
pub(super) fn spread(
    ctx: &mut Ctx,
    name: &str,
    v: ValueId,
    x_dims: &[usize],
    axis_attr: i64,
    block: usize,
) -> Result<ValueId, NodeError> {
    let d = ctx.dims(v)?;
    let count: usize = d.iter().product();
    if count == 1 {
        return ctx.node(name, Op::Reshape { shape: crate::ir::fixed_dims(vec![]) }, vec![v]);
    }
    let axis = axis(axis_attr, x_dims.len())?;
    if block == 0 {
        let mut shape = vec![1; x_dims.len()];
        shape[axis] = count;
        return ctx.node(name, Op::Reshape { shape: crate::ir::fixed_dims(shape) }, vec![v]);
    }
    ctx.allow(&[x_dims[axis]], "a block index")?;
    let idx: Vec<i64> = (0..x_dims[axis]).map(|i| (i / block) as i64).collect();
    let idx = ctx.constant(Tensor::new(vec![x_dims[axis]], Data::I64(idx)).ok_or("bad block index")?);
    ctx.node(name, Op::Gather { axis }, vec![v, idx])
}

/// The `axis` attribute (resolved only for per-axis parameters) and `block_size`.
fn params(n: &NodeIn) -> Result<(i64, usize), NodeError> {
    let block = usize::try_from(n.attrs.int_or("block_size", 0)).map_err(|_| "block_size < 0")?;
    Ok((n.attrs.int_or("axis", 1), block))
}

/// `clip(round(x / scale) + zp)` converted to `to` (all values float of x's type).
pub(super) fn quantize(
    ctx: &mut Ctx,
    name: &str,
    x: ValueId,
    scale: ValueId,
    zp: Option<ValueId>,
    to: DType,
) -> Result<ValueId, NodeError> {
    let (lo, hi) = int_range(to).ok_or_else(|| NodeError::Unsupported(format!("quantising to {to}")))?;
    let part = |p: &str| format!("{name}/{p}");
    let ft = ctx.dtype(x);
    let scale = ctx.cast(&part("scale_t"), scale, ft)?;
    let q = ctx.binary(&part("div"), BinaryOp::Div, x, scale)?;
    let mut q = ctx.unary(&part("round"), UnaryOp::Math(MathFn::Round), q)?;
    // Integer arithmetic as in the reference: the zero point adds after rounding.
    let wide = if ft == DType::F64 { DType::F64 } else { DType::F32 };
    q = ctx.cast(&part("wide"), q, wide)?;
    if let Some(zp) = zp {
        let zp = ctx.cast(&part("zero_point_f"), zp, wide)?;
        q = ctx.binary(&part("shift"), BinaryOp::Add, q, zp)?;
    }
    let (lo, hi) = (ctx.scalar(wide, lo), ctx.scalar(wide, hi));
    let q = ctx.binary(&part("clip_lo"), BinaryOp::Max, q, lo)?;
    let q = ctx.binary(&part("clip_hi"), BinaryOp::Min, q, hi)?;
    ctx.cast(name, q, to)
}

pub fn import_quantize(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let xd = ctx.dims(x)?;
    let (a, block) = params(n)?;
    let to = match (n.opt(2), n.attrs.int("output_dtype")) {
        (Some(zp), _) => ctx.dtype(zp),
        (None, Some(code)) => {
            DType::from_onnx_code(code as i32).ok_or_else(|| NodeError::Unsupported(format!("output_dtype {code}")))?
        }
        (None, None) => DType::U8,
    };
    let scale = spread(ctx, &ctx.sub(n.name, "scale"), n.input(1)?, &xd, a, block)?;
    let zp = match n.opt(2) {
        Some(z) => Some(spread(ctx, &ctx.sub(n.name, "zero_point"), z, &xd, a, block)?),
        None => None,
    };
    let mut xs = x;
    if let Some(code) = n.attrs.int("precision") {
        let p = DType::from_onnx_code(code as i32)
            .filter(|d| d.is_float())
            .ok_or_else(|| NodeError::Unsupported(format!("precision {code}")))?;
        xs = ctx.cast(&ctx.sub(n.name, "precise"), x, p)?;
    }
    Ok(vec![quantize(ctx, n.name, xs, scale, zp, to)?])
}

/// `(x - zp) * scale` in the scale's float type.
pub(super) fn dequantize(
    ctx: &mut Ctx,
    name: &str,
    x: ValueId,
    scale: ValueId,
    zp: Option<ValueId>,
) -> Result<ValueId, NodeError> {
    let part = |p: &str| format!("{name}/{p}");
    let ft = ctx.dtype(scale);
    if int_range(ctx.dtype(x)).is_none() {
        return Err(NodeError::Unsupported(format!("dequantising {}", ctx.dtype(x))));
    }
    // Through f32 (exact for these integers), then the scale's type.
    let mut v = ctx.cast(&part("x_f"), x, DType::F32)?;
    if let Some(zp) = zp {
        let zp = ctx.cast(&part("zero_point_f"), zp, DType::F32)?;
        v = ctx.binary(&part("centered"), BinaryOp::Sub, v, zp)?;
    }
    let v = ctx.cast(&part("x_t"), v, ft)?;
    ctx.binary(name, BinaryOp::Mul, v, scale)
}

pub fn import_dequantize(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let xd = ctx.dims(x)?;
    let (a, block) = params(n)?;
    let scale = spread(ctx, &ctx.sub(n.name, "scale"), n.input(1)?, &xd, a, block)?;
    let zp = match n.opt(2) {
        Some(z) => Some(spread(ctx, &ctx.sub(n.name, "zero_point"), z, &xd, a, block)?),
        None => None,
    };
    let y = dequantize(ctx, n.name, x, scale, zp)?;
    match n.attrs.int("output_dtype") {
        Some(code) => {
            let to = DType::from_onnx_code(code as i32)
                .ok_or_else(|| NodeError::Unsupported(format!("output_dtype {code}")))?;
            Ok(vec![ctx.cast(&ctx.sub(n.name, "out"), y, to)?])
        }
        None => Ok(vec![y]),
    }
}

pub(super) fn import_dynamic(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let part = |p: &str| format!("{}/{p}", n.name);
    let all: Vec<usize> = (0..ctx.rank(x)).collect();
    let reduce = |ctx: &mut Ctx, name: &str, kind| {
        ctx.node(name, Op::Reduce { kind, axes: all.clone(), keepdims: false }, vec![x])
    };
    let (hi, lo) = (reduce(ctx, &part("max"), ReduceKind::Max)?, reduce(ctx, &part("min"), ReduceKind::Min)?);
    let zero = ctx.scalar(DType::F32, 0.0);
    let hi = ctx.binary(&part("max0"), BinaryOp::Max, hi, zero)?;
    let lo = ctx.binary(&part("min0"), BinaryOp::Min, lo, zero)?;
    let range = ctx.binary(&part("range"), BinaryOp::Sub, hi, lo)?;
    let q = ctx.scalar(DType::F32, 255.0);
    let scale = ctx.binary(&part("range_scale"), BinaryOp::Div, range, q)?;
    // An all-zero input has no range: ONNX Runtime takes scale 1 there (the formula's 0 would
    // divide 0 by 0). Zero-state LSTM steps and padding rows meet this.
    let zero_range = ctx.binary(&part("zero_range"), BinaryOp::Equal, range, zero)?;
    let one = ctx.scalar(DType::F32, 1.0);
    let scale = ctx.node(&part("scale"), Op::Where, vec![zero_range, one, scale])?;
    let neg_lo = ctx.unary(&part("neg_min"), UnaryOp::Neg, lo)?;
    let zp = quantize(ctx, &part("zero_point"), neg_lo, scale, None, DType::U8)?;
    let y = quantize(ctx, n.name, x, scale, Some(zp), DType::U8)?;
    Ok(vec![y, scale, zp])
}

pub fn import_qlinear_matmul(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let a = dequantize(ctx, &part("a"), n.input(0)?, n.input(1)?, n.opt(2))?;
    let b = dequantize(ctx, &part("b"), n.input(3)?, n.input(4)?, n.opt(5))?;
    let a = ctx.cast(&part("a32"), a, DType::F32)?;
    let b = ctx.cast(&part("b32"), b, DType::F32)?;
    let y = ctx.node(&part("matmul"), Op::MatMul, vec![a, b])?;
    let to = ctx.dtype(n.input(7)?);
    Ok(vec![quantize(ctx, n.name, y, n.input(6)?, n.opt(7), to)?])
}

/// `x - zp` as exact f32 (zp per tensor, or per row of a / column of b).
pub(super) fn centered(
    ctx: &mut Ctx,
    name: &str,
    x: ValueId,
    zp: Option<ValueId>,
    per_row: Option<usize>,
) -> Result<ValueId, NodeError> {
    let v = ctx.cast(&format!("{name}_f"), x, DType::F32)?;
    let Some(zp) = zp else { return Ok(v) };
    let mut z = ctx.cast(&format!("{name}_zero_point_f"), zp, DType::F32)?;
    if let Some(rank) = per_row.filter(|_| ctx.dims(zp).is_ok_and(|d| d.iter().product::<usize>() > 1)) {
        let count: usize = ctx.dims(zp)?.iter().product();
        let mut shape = vec![1; rank];
        shape[rank.saturating_sub(2)] = count;
        z =
            ctx.node(&format!("{name}_zero_point_rows"), Op::Reshape { shape: crate::ir::fixed_dims(shape) }, vec![z])?;
    }
    ctx.binary(&format!("{name}_centered"), BinaryOp::Sub, v, z)
}

pub fn import_matmul_integer(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (a, b) = (n.input(0)?, n.input(1)?);
    let rank_a = ctx.rank(a);
    let a = centered(ctx, &ctx.sub(n.name, "a"), a, n.opt(2), Some(rank_a))?;
    let b = centered(ctx, &ctx.sub(n.name, "b"), b, n.opt(3), None)?;
    let y = ctx.node(&ctx.sub(n.name, "matmul"), Op::MatMul, vec![a, b])?;
    Ok(vec![ctx.cast(n.name, y, DType::I32)?])
}

/// com.microsoft `MatMulIntegerToFloat(A, B, a_scale, b_scale, a_zero_point?, b_zero_point?,
/// bias?)`: `(A - a_zp) @ (B - b_zp) * (a_scale * b_scale) + bias`, in f32; `b_scale` and
/// `b_zero_point` may be per column. ONNX Runtime's quantizer writes it (and the
/// `DynamicQuantizeMatMul` below) for the MatMuls of dynamically quantized models.
pub fn import_matmul_integer_to_float(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (a, b) = (n.input(0)?, n.input(1)?);
    let (a_scale, b_scale) = (n.input(2)?, n.input(3)?);
    integer_matmul_to_float(ctx, n, a, b, a_scale, b_scale, n.opt(4), n.opt(5), n.opt(6))
}

/// com.microsoft `DynamicQuantizeMatMul(A, B, b_scale, b_zero_point?, bias?)`: A quantized to
/// uint8 as DynamicQuantizeLinear does, then [`import_matmul_integer_to_float`].
pub fn import_dynamic_quantize_matmul(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let [a, a_scale, a_zero_point] = quantize_dynamically(ctx, n, &ctx.sub(n.name, "quantize_a"), n.input(0)?)?;
    integer_matmul_to_float(ctx, n, a, n.input(1)?, a_scale, n.input(2)?, Some(a_zero_point), n.opt(3), n.opt(4))
}

/// `x` quantized to uint8 from its range, as DynamicQuantizeLinear (a node named `name`):
/// the value, its scale and its zero point.
pub(super) fn quantize_dynamically(
    ctx: &mut Ctx,
    n: &NodeIn,
    name: &str,
    x: ValueId,
) -> Result<[ValueId; 3], NodeError> {
    let q = import_dynamic(ctx, &NodeIn { name, ..n.as_op("DynamicQuantizeLinear", 11, vec![Some(x)], 3) })?;
    Ok([q[0], q[1], q[2]])
}

#[allow(clippy::too_many_arguments)]
pub(super) fn integer_matmul_to_float(
    ctx: &mut Ctx,
    n: &NodeIn,
    a: ValueId,
    b: ValueId,
    a_scale: ValueId,
    b_scale: ValueId,
    a_zero_point: Option<ValueId>,
    b_zero_point: Option<ValueId>,
    bias: Option<ValueId>,
) -> Result<Vec<ValueId>, NodeError> {
    let rank_a = ctx.rank(a);
    let a = centered(ctx, &ctx.sub(n.name, "a"), a, a_zero_point, Some(rank_a))?;
    let b = centered(ctx, &ctx.sub(n.name, "b"), b, b_zero_point, None)?;
    // The integer product is exact in f32 while its sums stay below 2^24, as in MatMulInteger.
    let product = ctx.node(&ctx.sub(n.name, "matmul"), Op::MatMul, vec![a, b])?;
    // As ONNX Runtime does: one multiplier, a_scale * b_scale, then the bias.
    let multiplier = ctx.binary(&ctx.sub(n.name, "multiplier"), BinaryOp::Mul, a_scale, b_scale)?;
    let name = if bias.is_some() { ctx.sub(n.name, "scaled") } else { n.name.to_string() };
    let y = ctx.binary(&name, BinaryOp::Mul, product, multiplier)?;
    Ok(vec![match bias {
        Some(bias) => ctx.binary(n.name, BinaryOp::Add, y, bias)?,
        None => y,
    }])
}

pub fn import_conv_integer(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let (x, w) = (n.input(0)?, n.input(1)?);
    let xc = centered(ctx, &part("x"), x, n.opt(2), None)?;
    // A per-output-channel weight zero point broadcasts over [M, 1, 1, ...].
    let wd = ctx.dims(w)?;
    let wz = match n.opt(3) {
        Some(z) => Some(spread(ctx, &part("w_zero_point"), z, &wd, 0, 0)?),
        None => None,
    };
    let wc = centered(ctx, &part("w"), w, wz, None)?;
    let y = conv::build(ctx, n, &part("conv"), xc, wc, None)?;
    Ok(vec![ctx.cast(n.name, y, DType::I32)?])
}

pub fn import_qlinear_conv(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let x = dequantize(ctx, &part("x"), n.input(0)?, n.input(1)?, n.opt(2))?;
    let wd = ctx.dims(n.input(3)?)?;
    let ws = spread(ctx, &part("w_scale"), n.input(4)?, &wd, 0, 0)?;
    let wz = match n.opt(5) {
        Some(z) => Some(spread(ctx, &part("w_zero_point"), z, &wd, 0, 0)?),
        None => None,
    };
    let w = dequantize(ctx, &part("w"), n.input(3)?, ws, wz)?;
    let bias = match n.opt(8) {
        // int32 bias in units of x_scale * w_scale.
        Some(b) => {
            let b = ctx.cast(&part("bias_f"), b, DType::F32)?;
            let (xs, ws) =
                (ctx.cast(&part("xs"), n.input(1)?, DType::F32)?, ctx.cast(&part("ws"), n.input(4)?, DType::F32)?);
            let s = ctx.binary(&part("bias_scale"), BinaryOp::Mul, xs, ws)?;
            Some(ctx.binary(&part("bias"), BinaryOp::Mul, b, s)?)
        }
        None => None,
    };
    let y = conv::build(ctx, n, &part("conv"), x, w, bias)?;
    let to = ctx.dtype(n.input(7)?);
    Ok(vec![quantize(ctx, n.name, y, n.input(6)?, n.opt(7), to)?])
}
