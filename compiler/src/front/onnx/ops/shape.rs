//! Shape (opsets 1-24, with start/end from 15): https://onnx.ai/onnx/operators/onnx__Shape.html
//! With a static input shape the result is a constant.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Tensor, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let d = ctx.dims(x)?;
    let r = d.len() as i64;
    let clamp = |v: i64| (if v < 0 { v + r } else { v }).clamp(0, r) as usize;
    let (start, end) = (clamp(n.attrs.int_or("start", 0)), clamp(n.attrs.int_or("end", r)));
    let dims: Vec<i64> = d[start..end.max(start)].iter().map(|&v| v as i64).collect();
    Ok(vec![ctx.graph.add_const(n.name.to_string(), Tensor::vec_i64(dims))])
}

/// Size (1+): the element count as an i64 scalar, a constant for static shapes.
pub fn import_size(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let count: usize = ctx.dims(x)?.iter().product();
    Ok(vec![ctx.graph.add_const(n.name.to_string(), Tensor::scalar_of(crate::ir::DType::I64, count as f64))])
}
