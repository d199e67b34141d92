//! Shape (opsets 1-24, with start/end from 15): <https://onnx.ai/onnx/operators/onnx__Shape.html>
//! With a static input shape the result is a constant; with symbolic dims it is a node whose
//! value the importer follows symbolically (`symbolic.rs`).

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, Tensor, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let d = ctx.shape(x);
    let r = d.len() as i64;
    let clamp = |v: i64| (if v < 0 { v + r } else { v }).clamp(0, r) as usize;
    let (start, end) = (clamp(n.attrs.int_or("start", 0)), clamp(n.attrs.int_or("end", r)));
    let end = end.max(start);
    let part = &d[start..end];
    if let Some(fixed) = crate::ir::static_of(part) {
        let dims: Vec<i64> = fixed.iter().map(|&v| v as i64).collect();
        return Ok(vec![ctx.graph.add_const(n.name.to_string(), Tensor::vec_i64(dims))]);
    }
    let part = part.to_vec();
    let y = ctx.node(n.name, Op::Shape { start, end }, vec![x])?;
    ctx.set_shape_value(y, part);
    Ok(vec![y])
}

/// Size (1+): the element count as an i64 scalar, a constant for static shapes.
pub fn import_size(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let count: usize = ctx.dims(x)?.iter().product();
    Ok(vec![ctx.graph.add_const(n.name.to_string(), Tensor::scalar_of(crate::ir::DType::I64, count as f64))])
}
