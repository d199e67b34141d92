//! CumSum (11+) and CumProd (26+): <https://onnx.ai/onnx/operators/onnx__CumSum.html>
//! The axis input is needed at build time; attributes exclusive and reverse.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let a = *ctx.const_i64s(n.input(1)?, "axis")?.first().ok_or("axis is empty")?;
    let op = Op::Cumulative {
        axis: axis(a, ctx.rank(x))?,
        exclusive: n.attrs.int_or("exclusive", 0) != 0,
        reverse: n.attrs.int_or("reverse", 0) != 0,
        product: n.op_type == "CumProd",
    };
    Ok(vec![ctx.node(n.name, op, vec![x])?])
}
