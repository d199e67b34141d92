//! Normalisations: LRN, Softmax / LogSoftmax, LayerNorm.
//!
//! Per op: `infer_*` (output types from input types) and `eval_*` (reference evaluation on
//! constants through the runtime's kernels); `super` dispatches to them.

use super::*;

pub(super) fn infer_lrn(inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    if inputs[0].rank() < 2 || !inputs[0].dtype.is_float() {
        return Err("LRN needs a float tensor of rank >= 2".into());
    }
    Ok(vec![inputs[0].clone()])
}

pub(super) fn infer_softmax(axis: &usize, inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    if *axis >= inputs[0].rank() || !inputs[0].dtype.is_float() {
        return Err("softmax needs a float tensor and an axis within its rank".into());
    }
    Ok(vec![inputs[0].clone()])
}

pub(super) fn infer_layer_norm(inputs: &[&TensorType]) -> Types {
    arity(inputs, 3, 3)?;
    let x = inputs[0];
    let h = x.shape.last().ok_or("LayerNorm of a scalar")?;
    if !matches!(x.dtype, DType::F32 | DType::F64)
        || inputs[1..].iter().any(|t| t.dtype != x.dtype || t.shape != [h.clone()])
    {
        return Err(format!("LayerNorm needs f32/f64 x and [{h}] scale and bias of its type"));
    }
    Ok(vec![x.clone()])
}

pub(super) fn eval_lrn(size: &usize, alpha: &f32, beta: &f32, bias: &f32, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let (a, be, bi) = (*alpha as f64, *beta as f64, *bias as f64);
    float!((&x.data, &mut y), |p, q| norm_k::lrn(p, &x.shape, *size, a, be, bi, q))?;
    Ok(y)
}

pub(super) fn eval_softmax(axis: &usize, log: &bool, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let (outer, len, inner) = split_axis(&x.shape, *axis);
    if *log {
        float!((&x.data, &mut y), |a, b| norm_k::log_softmax(a, b, outer, len, inner))?
    } else {
        float!((&x.data, &mut y), |a, b| norm_k::softmax(a, b, outer, len, inner))?
    };
    Ok(y)
}

pub(super) fn eval_layer_norm(epsilon: &f64, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    let (s, b) = (cx.input(1)?, cx.input(2)?);
    match (&x.data, &s.data, &b.data, &mut y) {
        (Data::F32(x), Data::F32(s), Data::F32(b), Data::F32(y)) => {
            norm_k::layer_norm(x, dims, *epsilon as f32, s, b, y).map_err(kerr)?
        }
        (Data::F64(x), Data::F64(s), Data::F64(b), Data::F64(y)) => {
            norm_k::layer_norm(x, dims, *epsilon, s, b, y).map_err(kerr)?
        }
        _ => return Err("LayerNorm takes f32 or f64 operands of one type".into()),
    };
    Ok(y)
}
