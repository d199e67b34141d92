//! Range (opset 11): https://onnx.ai/onnx/operators/onnx__Range.html. Inputs known at build time
//! only (constants or `--input-value`); the result is computed here (it is shape arithmetic in practice).

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Data, Tensor, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let get = |i: usize| -> Result<&Tensor, NodeError> { ctx.value_of(n.input(i)?, ["start", "limit", "delta"][i]) };
    let (start, limit, delta) = (get(0)?, get(1)?, get(2)?);
    let dtype = start.dtype();
    let (s, l, d) = (start.data.to_f64_vec(), limit.data.to_f64_vec(), delta.data.to_f64_vec());
    let (s, l, d) = (s.first().copied().ok_or("empty start")?, l.first().copied().ok_or("empty limit")?, d.first().copied().ok_or("empty delta")?);
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
        crate::ir::DType::F32 => Data::F32((0..count).map(|i| (s + i as f64 * d) as f32).collect()),
        crate::ir::DType::F64 => Data::F64((0..count).map(|i| s + i as f64 * d).collect()),
        crate::ir::DType::I32 => Data::I32((0..count).map(|i| (s as i64 + i as i64 * d as i64) as i32).collect()),
        crate::ir::DType::I64 => Data::I64((0..count).map(|i| s as i64 + i as i64 * d as i64).collect()),
        half @ (crate::ir::DType::F16 | crate::ir::DType::BF16) => {
            // Computed in f64, rounded once.
            let wide = ctx.constant(Tensor { shape: vec![count], data: Data::F64((0..count).map(|i| s + i as f64 * d).collect()) });
            return Ok(vec![ctx.node(n.name, crate::ir::Op::Cast { to: half }, vec![wide])?]);
        }
        other => return Err(NodeError::Unsupported(format!("Range of {other}"))),
    };
    Ok(vec![ctx.graph.add_const(n.name.to_string(), Tensor { shape: vec![count], data })])
}
