//! Reductions along axes: Reduce*, ArgMax/ArgMin, cumulative sums and products, TopK.
//!
//! Per op: `infer_*` (output types from input types) and `eval_*` (reference evaluation on
//! constants through the runtime's kernels); `super` dispatches to them.

use super::*;

pub(super) fn infer_reduce(axes: &[usize], keepdims: &bool, inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let x = &inputs[0].shape;
    if axes.iter().any(|&a| a >= x.len()) {
        return Err(format!("reduce axes {axes:?} outside rank {}", x.len()));
    }
    Ok(vec![TensorType::new(inputs[0].dtype, reduced(x, axes, *keepdims))])
}

pub(super) fn infer_arg_reduce(axis: &usize, keepdims: &bool, inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let x = &inputs[0].shape;
    if *axis >= x.len() {
        return Err("axis outside rank".into());
    }
    Ok(vec![TensorType::new(DType::I64, reduced(x, &[*axis], *keepdims))])
}

pub(super) fn infer_cumulative(axis: &usize, inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    if *axis >= inputs[0].rank() || matches!(inputs[0].dtype, DType::Bool) {
        return Err("cumulative ops need a numeric input and an axis within rank".into());
    }
    Ok(vec![inputs[0].clone()])
}

pub(super) fn infer_top_k(axis: &usize, k: &usize, indices: &bool, inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let mut d = dims(inputs[0])?;
    if *axis >= d.len() || *k > d[*axis] {
        return Err(format!("k = {k} is more than the axis holds"));
    }
    d[*axis] = *k;
    Ok(vec![TensorType::fixed(if *indices { DType::I64 } else { inputs[0].dtype }, &d)])
}

pub(super) fn eval_reduce(kind: &ReduceKind, axes: &[usize], cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    reduce_op(*kind, x, axes, &mut y)?;
    Ok(y)
}

pub(super) fn eval_arg_reduce(max: &bool, axis: &usize, select_last: &bool, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let Data::I64(out) = &mut y else { return Err("arg reduce yields i64".into()) };
    with_data!(&x.data, a => reduce_k::arg_reduce(a, &x.shape, *axis, *max, *select_last, out)).map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_cumulative(axis: &usize, exclusive: &bool, reverse: &bool, product: &bool, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let id = Tensor::scalar_of(x.dtype(), if *product { 1.0 } else { 0.0 }).data;
    macro_rules! cumulative {
                ($($v:ident),*) => {
                    match (&x.data, &id, &mut y) {
                        $((Data::$v(a), Data::$v(i), Data::$v(b)) => scan::cumulative(a, &x.shape, *axis, *exclusive, *reverse, *product, i[0], b),)*
                        _ => return Err(format!("cumulative ops of {}", x.dtype())),
                    }
                };
            }
    cumulative!(F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64).map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_top_k(axis: &usize, k: &usize, largest: &bool, indices: &bool, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    if *indices {
        let Data::I64(out) = &mut y else { return Err("TopK indices are i64".into()) };
        with_data!(&x.data, a => select::top_k(a, &x.shape, *axis, *k, *largest, &mut [], out)).map_err(kerr)?
    } else {
        all!((&x.data, &mut y), |a, b| select::top_k(a, &x.shape, *axis, *k, *largest, b, &mut []))?
    };
    Ok(y)
}

fn reduce_op(kind: ReduceKind, x: &Tensor, axes: &[usize], y: &mut Data) -> R<()> {
    use ReduceKind::*;
    let s = &x.shape;
    match kind {
        Max => numeric!((&x.data, y), |a, b| reductions::max(a, s, axes, b)),
        Min => numeric!((&x.data, y), |a, b| reductions::min(a, s, axes, b)),
        Sum if !x.dtype().is_float() => integer!((&x.data, y), |a, b| reductions::sum_int(a, s, axes, b)),
        Sum => real!((&x.data, y), |a, b| reductions::sum(a, s, axes, b)),
        Mean => real!((&x.data, y), |a, b| reductions::mean(a, s, axes, b)),
        Prod => real!((&x.data, y), |a, b| reductions::prod(a, s, axes, b)),
        SumSquare => real!((&x.data, y), |a, b| reductions::sum_square(a, s, axes, b)),
        L1 => real!((&x.data, y), |a, b| reductions::l1(a, s, axes, b)),
        L2 => real!((&x.data, y), |a, b| reductions::l2(a, s, axes, b)),
        LogSumExp => real!((&x.data, y), |a, b| reductions::log_sum_exp(a, s, axes, b)),
    }
}
