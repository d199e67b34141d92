//! Constant (opsets 1-24: value, value_float(s), value_int(s)) and ConstantOfShape (9-24):
//! <https://onnx.ai/onnx/operators/onnx__Constant.html>
//! A ConstantOfShape too large to fold becomes a `Fill` op, run once per call.

use super::{Ctx, NodeError, NodeIn};
use crate::front::onnx::tensor_from_proto;
use crate::ir::{Data, Dim, Op, Tensor, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let a = &n.attrs;
    let t = if let Some(t) = a.tensor("value") {
        tensor_from_proto(t, usize::MAX).map_err(NodeError::Invalid)?
    } else if let Some(f) = a.float("value_float") {
        Tensor::scalar_f32(f)
    } else if let Some(v) = a.floats("value_floats") {
        Tensor { shape: vec![v.len()], data: Data::F32(v) }
    } else if let Some(i) = a.int("value_int") {
        Tensor::scalar_i64(i)
    } else if let Some(v) = a.ints("value_ints") {
        Tensor::vec_i64(v)
    } else {
        return Err(NodeError::Unsupported("Constant without a numeric value (sparse or string)".into()));
    };
    Ok(vec![ctx.graph.add_const(n.name.to_string(), t)])
}

pub fn import_of_shape(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let shape = target_shape(ctx, n.input(0)?)?;
    let value = match n.attrs.tensor("value") {
        Some(t) => tensor_from_proto(t, 1 << 10).map_err(NodeError::Invalid)?,
        None => Tensor::scalar_f32(0.0),
    };
    if value.numel() != 1 {
        return Err(NodeError::Invalid("value must have one element".into()));
    }
    let scalar = ctx.constant(Tensor { shape: vec![], data: value.data });
    Ok(vec![ctx.node(n.name, Op::Expand { shape }, vec![scalar])?])
}

/// A shape given as an input (Expand, ConstantOfShape): constant or symbolic, no negative dims.
pub fn target_shape(ctx: &Ctx, v: ValueId) -> Result<Vec<Dim>, NodeError> {
    let shape = ctx.dim_values(v, "the shape")?;
    if let Some(bad) = shape.iter().find(|d| !d.is_monotone() || d.at_ones() < 0) {
        return Err(NodeError::Invalid(format!("invalid dim {bad} in the shape")));
    }
    if let Some(fixed) = crate::ir::static_of(&shape) {
        ctx.allow(&fixed, "the shape")?;
    }
    Ok(shape)
}
