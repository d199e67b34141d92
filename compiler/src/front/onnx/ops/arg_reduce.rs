//! ArgMax, ArgMin: <https://onnx.ai/onnx/operators/onnx__ArgMax.html>
//! Attributes axis (0), keepdims (1), select_last_index (0, opset 12+). Output is i64.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let op = Op::ArgReduce {
        max: n.op_type == "ArgMax",
        axis: axis(n.attrs.int_or("axis", 0), ctx.rank(x))?,
        keepdims: n.attrs.int_or("keepdims", 1) != 0,
        select_last: n.attrs.int_or("select_last_index", 0) != 0,
    };
    Ok(vec![ctx.node(n.name, op, vec![x])?])
}
