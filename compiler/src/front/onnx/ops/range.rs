//! Range (opset 11): <https://onnx.ai/onnx/operators/onnx__Range.html>. Inputs known at build time
//! (constants or `--input-value`) give a constant computed here. A limit from symbolic dims
//! (`arange(seq)`) gives `start + delta * iota(n)`, computed at run time as an exclusive
//! running sum of ones.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Data, Dim, Op, Tensor, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    if ctx.const_of(n.input(1)?).is_none() && matches!(ctx.dtype(n.input(0)?), DType::I64 | DType::I32) {
        if let Ok(limit) = ctx.dim_values(n.input(1)?, "limit") {
            return symbolic(ctx, n, limit);
        }
    }
    let get = |i: usize| -> Result<&Tensor, NodeError> { ctx.value_of(n.input(i)?, ["start", "limit", "delta"][i]) };
    let (start, limit, delta) = (get(0)?, get(1)?, get(2)?);
    let dtype = start.dtype();
    let (s, l, d) = (start.data.to_f64_vec(), limit.data.to_f64_vec(), delta.data.to_f64_vec());
    let (s, l, d) = (
        s.first().copied().ok_or("empty start")?,
        l.first().copied().ok_or("empty limit")?,
        d.first().copied().ok_or("empty delta")?,
    );
    if d == 0.0 {
        return Err(NodeError::Invalid("delta is zero".into()));
    }
    let count = ((l - s) / d).ceil().max(0.0);
    if count > (1u64 << 32) as f64 {
        return Err(NodeError::Invalid(format!("Range of {count} elements is too large")));
    }
    let count = count as usize;
    ctx.allow(&[count], "a Range")?;
    let data = match dtype {
        DType::F32 => Data::F32((0..count).map(|i| (s + i as f64 * d) as f32).collect()),
        DType::F64 => Data::F64((0..count).map(|i| s + i as f64 * d).collect()),
        DType::I32 => Data::I32((0..count).map(|i| (s as i64 + i as i64 * d as i64) as i32).collect()),
        DType::I64 => Data::I64((0..count).map(|i| s as i64 + i as i64 * d as i64).collect()),
        half @ (DType::F16 | DType::BF16) => {
            // Computed in f64, rounded once.
            let wide = ctx.constant(Tensor {
                shape: vec![count],
                data: Data::F64((0..count).map(|i| s + i as f64 * d).collect()),
            });
            return Ok(vec![ctx.node(n.name, crate::ir::Op::Cast { to: half }, vec![wide])?]);
        }
        other => return Err(NodeError::Unsupported(format!("Range of {other}"))),
    };
    Ok(vec![ctx.graph.add_const(n.name.to_string(), Tensor { shape: vec![count], data })])
}

/// `0, 1, .., count - 1` of `dtype` for a `count` known only at run time: an exclusive running
/// sum of ones. Its nodes are named `{prefix}ones` and `{prefix}iota`.
pub(super) fn iota(ctx: &mut Ctx, prefix: &str, dtype: DType, count: Dim) -> Result<ValueId, NodeError> {
    let one = ctx.scalar(dtype, 1.0);
    let ones = ctx.node(&format!("{prefix}ones"), Op::Expand { shape: vec![count] }, vec![one])?;
    let scan = Op::Cumulative { axis: 0, exclusive: true, reverse: false, product: false };
    ctx.node(&format!("{prefix}iota"), scan, vec![ones])
}

/// Range with a symbolic limit and constant integer start and delta.
fn symbolic(ctx: &mut Ctx, n: &NodeIn, limit: Vec<Dim>) -> Result<Vec<ValueId>, NodeError> {
    let one = |v: Vec<i64>, what: &str| v.first().copied().ok_or_else(|| NodeError::Invalid(format!("empty {what}")));
    let start = one(ctx.const_i64s(n.input(0)?, "start")?, "start")?;
    let delta = one(ctx.const_i64s(n.input(2)?, "delta")?, "delta")?;
    let limit = limit.first().cloned().ok_or("empty limit")?;
    let span = &limit - &Dim::int(start);
    let count = span.div_exact(&Dim::int(delta)).filter(|c| delta > 0 && c.is_monotone() && c.at_ones() >= 0);
    let count = count.ok_or_else(|| {
        NodeError::Unsupported(format!("Range({start}, {limit}, {delta}) has no exact symbolic length"))
    })?;
    let dtype = ctx.dtype(n.input(0)?);
    let part = |p: &str| format!("{}/{p}", n.name);
    let mut y = iota(ctx, &part(""), dtype, count)?;
    if delta != 1 {
        let d = ctx.scalar(dtype, delta as f64);
        y = ctx.binary(&part("scaled"), BinaryOp::Mul, y, d)?;
    }
    if start != 0 {
        let s = ctx.scalar(dtype, start as f64);
        y = ctx.binary(&part("shifted"), BinaryOp::Add, y, s)?;
    }
    Ok(vec![y])
}
