//! The `com.microsoft` ops of ONNX Runtime's static quantizer in its QOperator format
//! (`quantize_static(..., quant_format=QuantFormat.QOperator)`): 8-bit tensors with a scale and
//! a zero point on every input and output. Spec:
//! <https://github.com/microsoft/onnxruntime/blob/main/docs/ContribOperators.md>.
//!
//! Each is imported as the float arithmetic ONNX Runtime's CPU kernels (MLAS) perform, so the
//! integers come out the same, not merely close:
//! - `QLinearAdd(A, A_scale, A_zp?, B, B_scale, B_zp?, C_scale, C_zp?)`:
//!   `q((A - A_zp) * (A_scale / C_scale) + (B - B_zp) * (B_scale / C_scale))`;
//! - `QLinearMul` (same inputs): `q((A - A_zp) * (B - B_zp) * (A_scale * B_scale / C_scale))`;
//! - `QLinearSigmoid(X, X_scale, X_zp?, Y_scale, Y_zp?)` and `QLinearLeakyRelu` (`alpha`,
//!   0.01): ONNX Runtime tabulates dequantize, the function, quantize; so is this;
//! - `QLinearConcat(Y_scale, Y_zp, (X, X_scale, X_zp)...; axis)`: each input requantized;
//! - `QLinearAveragePool(X, x_scale, x_zp?, y_scale, y_zp?; AveragePool's attributes)`:
//!   dequantize, pool, quantize;
//! - `QLinearGlobalAveragePool(X, x_scale, x_zp, y_scale, y_zp)`:
//!   `q(sum(X - x_zp) * (x_scale / (y_scale * count)))`, as MLAS requantizes its integer sums;
//! - `QLinearSoftmax(X, X_scale, x_zp?, y_scale, y_zp?; axis, opset)`: dequantize, Softmax of
//!   that `opset`'s semantics, quantize;
//! - `QGemm(A, a_scale, a_zp, B, b_scale, b_zp, C?, y_scale?, y_zp?; alpha, transA, transB)`:
//!   the integer product plus the int32 bias C, times `alpha * a_scale * b_scale (/ y_scale)`;
//!   quantized when `y_scale` is given, f32 otherwise. `b_scale` and `b_zp` may be per column.
//!
//! `q(v)` is `clip(round_half_even(v) + zp)` in the zero point's type (uint8 without one).
//! `channels_last` layouts are not supported (the quantizer writes channels first).

use super::quantize::{centered, dequantize, quantize, spread};
use super::{pool, softmax, Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, MathFn, Op, ReduceKind, UnaryOp, ValueId};

/// The op types this file imports.
pub const OPS: &[&str] = &[
    "QLinearAdd",
    "QLinearMul",
    "QLinearSigmoid",
    "QLinearLeakyRelu",
    "QLinearConcat",
    "QLinearAveragePool",
    "QLinearGlobalAveragePool",
    "QLinearSoftmax",
    "QGemm",
];

/// Imports one op of [`OPS`].
pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    if n.attrs.int_or("channels_last", 0) != 0 {
        return Err(NodeError::Unsupported(format!("{} with channels_last", n.op_type)));
    }
    let y = match n.op_type {
        "QLinearAdd" | "QLinearMul" => binary(ctx, n)?,
        "QLinearSigmoid" | "QLinearLeakyRelu" => {
            let x = dequantize(ctx, &ctx.sub(n.name, "x"), n.input(0)?, n.input(1)?, n.opt(2))?;
            let f = match n.op_type {
                "QLinearSigmoid" => MathFn::Sigmoid,
                _ => MathFn::LeakyRelu { alpha: n.attrs.float_or("alpha", 0.01) },
            };
            let y = ctx.unary(&ctx.sub(n.name, "f"), UnaryOp::Math(f), x)?;
            quantize_output(ctx, n, y, 3, 4)?
        }
        "QLinearConcat" => concat(ctx, n)?,
        "QLinearAveragePool" => {
            let x = dequantize(ctx, &ctx.sub(n.name, "x"), n.input(0)?, n.input(1)?, n.opt(2))?;
            let pool_name = ctx.sub(n.name, "pool");
            // The pool op of the opset that has every attribute (dilations are 19+).
            let y = pool::import(ctx, &NodeIn { name: &pool_name, ..n.as_op("AveragePool", 22, vec![Some(x)], 1) })?;
            quantize_output(ctx, n, y[0], 3, 4)?
        }
        "QLinearGlobalAveragePool" => global_average_pool(ctx, n)?,
        "QLinearSoftmax" => {
            let x = dequantize(ctx, &ctx.sub(n.name, "x"), n.input(0)?, n.input(1)?, n.opt(2))?;
            let opset = n.attrs.int("opset").ok_or("QLinearSoftmax needs its opset attribute")?;
            let softmax_name = ctx.sub(n.name, "softmax");
            let y =
                softmax::import(ctx, &NodeIn { name: &softmax_name, ..n.as_op("Softmax", opset, vec![Some(x)], 1) })?;
            quantize_output(ctx, n, y[0], 3, 4)?
        }
        "QGemm" => qgemm(ctx, n)?,
        other => return Err(NodeError::Unsupported(format!("com.microsoft {other} has no importer"))),
    };
    Ok(vec![y])
}

/// `q(v / scale)` with the scale and zero point at inputs `scale` and `zero_point`.
fn quantize_output(
    ctx: &mut Ctx,
    n: &NodeIn,
    v: ValueId,
    scale: usize,
    zero_point: usize,
) -> Result<ValueId, NodeError> {
    let zp = n.opt(zero_point);
    let to = zp.map_or(DType::U8, |z| ctx.dtype(z));
    quantize(ctx, n.name, v, n.input(scale)?, zp, to)
}

/// `q(v)` for a `v` already in units of the output scale (MLAS requantizes this way).
fn round_to_output(ctx: &mut Ctx, n: &NodeIn, v: ValueId, zero_point: usize) -> Result<ValueId, NodeError> {
    let zp = n.opt(zero_point);
    let to = zp.map_or(DType::U8, |z| ctx.dtype(z));
    let one = ctx.scalar(DType::F32, 1.0);
    quantize(ctx, n.name, v, one, zp, to)
}

/// `a / b` of two scales, in f32.
fn ratio(ctx: &mut Ctx, name: &str, a: ValueId, b: ValueId) -> Result<ValueId, NodeError> {
    let (a, b) = (ctx.cast(&format!("{name}_a"), a, DType::F32)?, ctx.cast(&format!("{name}_b"), b, DType::F32)?);
    ctx.binary(name, BinaryOp::Div, a, b)
}

fn binary(ctx: &mut Ctx, n: &NodeIn) -> Result<ValueId, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let a = centered(ctx, &part("a"), n.input(0)?, n.opt(2), None)?;
    let b = centered(ctx, &part("b"), n.input(3)?, n.opt(5), None)?;
    let (a_scale, b_scale, c_scale) = (n.input(1)?, n.input(4)?, n.input(6)?);
    let v = if n.op_type == "QLinearAdd" {
        let ra = ratio(ctx, &part("ratio_a"), a_scale, c_scale)?;
        let rb = ratio(ctx, &part("ratio_b"), b_scale, c_scale)?;
        let a = ctx.binary(&part("a_scaled"), BinaryOp::Mul, a, ra)?;
        let b = ctx.binary(&part("b_scaled"), BinaryOp::Mul, b, rb)?;
        ctx.binary(&part("sum"), BinaryOp::Add, a, b)?
    } else {
        let ab = ctx.binary(&part("scales"), BinaryOp::Mul, a_scale, b_scale)?;
        let multiplier = ratio(ctx, &part("multiplier"), ab, c_scale)?;
        let product = ctx.binary(&part("product"), BinaryOp::Mul, a, b)?;
        ctx.binary(&part("scaled"), BinaryOp::Mul, product, multiplier)?
    };
    round_to_output(ctx, n, v, 7)
}

fn concat(ctx: &mut Ctx, n: &NodeIn) -> Result<ValueId, NodeError> {
    let rest = &n.inputs[2.min(n.inputs.len())..];
    if rest.is_empty() || !rest.len().is_multiple_of(3) {
        return Err(NodeError::Invalid(format!(
            "{} inputs after Y_scale and Y_zero_point, not (X, scale, zero point) triples",
            rest.len()
        )));
    }
    let mut parts = Vec::new();
    for (k, triple) in rest.chunks(3).enumerate() {
        let missing = || NodeError::Invalid(format!("input triple {k} lacks its tensor or scale"));
        let (x, scale) = (triple[0].ok_or_else(missing)?, triple[1].ok_or_else(missing)?);
        parts.push(dequantize(ctx, &ctx.sub(n.name, &format!("x{k}")), x, scale, triple[2])?);
    }
    let rank = ctx.rank(parts[0]);
    let axis = super::axis(n.attrs.int("axis").ok_or("QLinearConcat needs axis")?, rank)?;
    let y = ctx.node(&ctx.sub(n.name, "concat"), Op::Concat { axis }, parts)?;
    quantize_output(ctx, n, y, 0, 1)
}

fn global_average_pool(ctx: &mut Ctx, n: &NodeIn) -> Result<ValueId, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let x = n.input(0)?;
    let spatial = ctx.dims_from(x, 2)?;
    let count: usize = spatial.iter().product();
    let axes: Vec<usize> = (2..ctx.rank(x)).collect();
    let c = centered(ctx, &part("x"), x, n.opt(2), None)?;
    let sum = ctx.node(&part("sum"), Op::Reduce { kind: ReduceKind::Sum, axes, keepdims: true }, vec![c])?;
    let count = ctx.scalar(DType::F32, count as f64);
    let y_scale = ctx.cast(&part("y_scale_f"), n.input(3)?, DType::F32)?;
    let per_output = ctx.binary(&part("y_scale_count"), BinaryOp::Mul, y_scale, count)?;
    let scale = ratio(ctx, &part("scale"), n.input(1)?, per_output)?;
    let v = ctx.binary(&part("scaled"), BinaryOp::Mul, sum, scale)?;
    round_to_output(ctx, n, v, 4)
}

fn qgemm(ctx: &mut Ctx, n: &NodeIn) -> Result<ValueId, NodeError> {
    let part = |p: &str| format!("{}/{p}", n.name);
    let (a, b) = (n.input(0)?, n.input(3)?);
    let (trans_a, trans_b) = (n.attrs.int_or("transA", 0) != 0, n.attrs.int_or("transB", 0) != 0);
    if ctx.rank(a) != 2 || ctx.rank(b) != 2 {
        return Err(NodeError::Invalid(format!("A {} and B {} must be matrices", ctx.ty(a), ctx.ty(b))));
    }
    let a = centered(ctx, &part("a"), a, n.opt(2), None)?;
    // A per-column zero point of B lies along B's output axis: 0 when B is transposed.
    let b_zp = match n.opt(5) {
        Some(z) => Some(spread(ctx, &part("b_zero_point"), z, &ctx.dims(b)?, if trans_b { 0 } else { 1 }, 0)?),
        None => None,
    };
    let b = centered(ctx, &part("b"), b, b_zp, None)?;
    let t = |ctx: &mut Ctx, name: &str, v: ValueId, on: bool| {
        if on {
            ctx.node(&part(name), Op::Transpose { perm: vec![1, 0] }, vec![v])
        } else {
            Ok(v)
        }
    };
    let a = t(ctx, "a_t", a, trans_a)?;
    let b = t(ctx, "b_t", b, trans_b)?;
    // Integer sums, exact in f32 while they stay below 2^24 (as in MatMulInteger).
    let mut acc = ctx.node(&part("matmul"), Op::MatMul, vec![a, b])?;
    if let Some(c) = n.opt(6) {
        let c = ctx.cast(&part("c_f"), c, DType::F32)?;
        acc = ctx.binary(&part("bias"), BinaryOp::Add, acc, c)?;
    }
    let a_scale = ctx.cast(&part("a_scale_f"), n.input(1)?, DType::F32)?;
    let b_scale = ctx.cast(&part("b_scale_f"), n.input(4)?, DType::F32)?;
    let alpha = ctx.scalar(DType::F32, n.attrs.float_or("alpha", 1.0) as f64);
    let scale = ctx.binary(&part("alpha_a_scale"), BinaryOp::Mul, alpha, a_scale)?;
    let scale = ctx.binary(&part("ab_scale"), BinaryOp::Mul, scale, b_scale)?;
    match n.opt(7) {
        Some(y_scale) => {
            let multiplier = ratio(ctx, &part("multiplier"), scale, y_scale)?;
            let v = ctx.binary(&part("scaled"), BinaryOp::Mul, acc, multiplier)?;
            round_to_output(ctx, n, v, 8)
        }
        None => ctx.binary(n.name, BinaryOp::Mul, acc, scale),
    }
}
