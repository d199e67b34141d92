//! Linear algebra: MatMul (numpy semantics) and Det.
//!
//! Per op: `infer_*` (output types from input types) and `eval_*` (reference evaluation on
//! constants through the runtime's kernels); `super` dispatches to them.

use super::*;

pub(super) fn infer_mat_mul(inputs: &[&TensorType]) -> Types {
    arity(inputs, 2, 2)?;
    if inputs[0].dtype != inputs[1].dtype {
        return Err("input dtypes differ".into());
    }
    Ok(vec![TensorType::new(inputs[0].dtype, matmul_shape(&inputs[0].shape, &inputs[1].shape)?)])
}

pub(super) fn infer_det(inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let x = dims(inputs[0])?;
    let r = x.len();
    if r < 2 || x[r - 1] != x[r - 2] || !matches!(inputs[0].dtype, DType::F32 | DType::F64) {
        return Err(format!("Det needs f32/f64 square matrices, got {x:?}"));
    }
    Ok(vec![TensorType::fixed(inputs[0].dtype, &x[..r - 2])])
}

pub(super) fn eval_mat_mul(cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    let b = cx.input(1)?;
    match (&x.data, &b.data, &mut y) {
        (Data::F32(p), Data::F32(q), Data::F32(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, dims),
        (Data::F64(p), Data::F64(q), Data::F64(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, dims),
        (Data::F16(p), Data::F16(q), Data::F16(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, dims),
        (Data::BF16(p), Data::BF16(q), Data::BF16(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, dims),
        (Data::I32(p), Data::I32(q), Data::I32(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, dims),
        (Data::I64(p), Data::I64(q), Data::I64(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, dims),
        (Data::U32(p), Data::U32(q), Data::U32(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, dims),
        (Data::U64(p), Data::U64(q), Data::U64(r)) => matmul::matmul(p, &x.shape, q, &b.shape, r, dims),
        _ => return Err(format!("MatMul of {} is not supported", x.dtype())),
    }
    .map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_det(cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    float!((&x.data, &mut y), |a, b| linalg_k::det(a, &x.shape, b))?;
    Ok(y)
}
