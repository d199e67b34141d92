//! Data movement: shapes, transposes, concatenation, slicing, gathers and scatters, padding.
//!
//! Per op: `infer_*` (output types from input types) and `eval_*` (reference evaluation on
//! constants through the runtime's kernels); `super` dispatches to them.

use super::*;

pub(super) fn infer_reshape(shape: &[Dim], inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    // Element counts that are both symbolic but different expressions may still be equal at
    // run time (an upsampled size and the size it was pooled from): `run` checks them.
    let (have, want) = (inputs[0].numel_dim(), Dim::product(shape));
    let unproven = have != want && (have.is_fixed() || want.is_fixed());
    if unproven || shape.iter().any(|d| !d.is_monotone() || d.at_ones() < 0) {
        return Err(format!("cannot reshape {} to {}", inputs[0], TensorType::new(inputs[0].dtype, shape.to_vec())));
    }
    Ok(vec![TensorType::new(inputs[0].dtype, shape.to_vec())])
}

pub(super) fn infer_transpose(perm: &[usize], inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let x = &inputs[0].shape;
    let mut seen = vec![false; x.len()];
    if perm.len() != x.len() || perm.iter().any(|&p| p >= x.len() || std::mem::replace(&mut seen[p], true)) {
        return Err(format!("perm {perm:?} is not a permutation of rank {}", x.len()));
    }
    let out = perm.iter().map(|&p| x[p].clone()).collect();
    Ok(vec![TensorType::new(inputs[0].dtype, out)])
}

pub(super) fn infer_concat(axis: &usize, inputs: &[&TensorType]) -> Types {
    if inputs.is_empty() {
        return Err("needs at least one input".into());
    }
    let mut out = inputs[0].shape.to_vec();
    if *axis >= out.len() {
        return Err("axis outside rank".into());
    }
    for t in &inputs[1..] {
        let d = &t.shape;
        if t.dtype != inputs[0].dtype || d.len() != out.len() || (0..d.len()).any(|i| i != *axis && d[i] != out[i]) {
            return Err(format!("cannot concatenate {} with {} on axis {axis}", inputs[0], t));
        }
        out[*axis] = &out[*axis] + &d[*axis];
    }
    Ok(vec![TensorType::new(inputs[0].dtype, out)])
}

pub(super) fn infer_gather(axis: &usize, inputs: &[&TensorType]) -> Types {
    arity(inputs, 2, 2)?;
    let (d, i) = (&inputs[0].shape, &inputs[1].shape);
    if *axis >= d.len() || !matches!(inputs[1].dtype, DType::I64 | DType::I32) {
        return Err("gather needs an axis within rank and i32/i64 indices".into());
    }
    let mut out = d[..*axis].to_vec();
    out.extend(i.iter().cloned());
    out.extend(d[axis + 1..].iter().cloned());
    Ok(vec![TensorType::new(inputs[0].dtype, out)])
}

pub(super) fn infer_scatter_elements(axis: &usize, inputs: &[&TensorType]) -> Types {
    arity(inputs, 3, 3)?;
    let (d, i, u) = (dims(inputs[0])?, dims(inputs[1])?, dims(inputs[2])?);
    if *axis >= d.len()
        || i.len() != d.len()
        || i != u
        || inputs[1].dtype != DType::I64
        || inputs[2].dtype != inputs[0].dtype
    {
        return Err("ScatterElements needs same-rank i64 indices and updates of their shape".into());
    }
    Ok(vec![inputs[0].clone()])
}

pub(super) fn infer_scatter_nd(inputs: &[&TensorType]) -> Types {
    arity(inputs, 3, 3)?;
    let (d, i, u) = (dims(inputs[0])?, dims(inputs[1])?, dims(inputs[2])?);
    let q = *i.last().ok_or("indices need rank >= 1")?;
    let mut want = i[..i.len() - 1].to_vec();
    want.extend(d.get(q..).ok_or("index tuples longer than the rank")?);
    if u != want || inputs[1].dtype != DType::I64 || inputs[2].dtype != inputs[0].dtype {
        return Err(format!("updates {u:?} should be {want:?}"));
    }
    Ok(vec![inputs[0].clone()])
}

pub(super) fn infer_gather_nd(batch_dims: &usize, inputs: &[&TensorType]) -> Types {
    arity(inputs, 2, 2)?;
    let (d, i) = (dims(inputs[0])?, dims(inputs[1])?);
    let q = *i.last().ok_or("indices need rank >= 1")?;
    if inputs[1].dtype != DType::I64
        || *batch_dims >= i.len()
        || batch_dims + q > d.len()
        || d[..*batch_dims] != i[..*batch_dims]
    {
        return Err("GatherND needs i64 index tuples that fit the data".into());
    }
    let mut out = i[..i.len() - 1].to_vec();
    out.extend(&d[batch_dims + q..]);
    Ok(vec![TensorType::fixed(inputs[0].dtype, &out)])
}

pub(super) fn infer_gather_elements(axis: &usize, inputs: &[&TensorType]) -> Types {
    arity(inputs, 2, 2)?;
    let (d, i) = (dims(inputs[0])?, dims(inputs[1])?);
    if *axis >= d.len() || i.len() != d.len() || inputs[1].dtype != DType::I64 {
        return Err("GatherElements needs same-rank i64 indices and an axis within rank".into());
    }
    if (0..d.len()).any(|a| a != *axis && i[a] > d[a]) {
        return Err(format!("indices {:?} exceed data {:?}", i, d));
    }
    Ok(vec![TensorType::fixed(inputs[0].dtype, &i)])
}

pub(super) fn infer_slice(starts: &[i64], steps: &[i64], out: &[Dim], inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let r = inputs[0].rank();
    if starts.len() != r
        || steps.len() != r
        || out.len() != r
        || out.iter().any(|d| !d.is_monotone() || d.at_ones() < 0)
    {
        return Err("slice parameters do not match the rank".into());
    }
    Ok(vec![TensorType::new(inputs[0].dtype, out.to_vec())])
}

pub(super) fn infer_expand(shape: &[Dim], inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let out = broadcast_shapes(&inputs[0].shape, shape).ok_or_else(|| {
        format!("cannot expand {} to {}", inputs[0], TensorType::new(inputs[0].dtype, shape.to_vec()))
    })?;
    Ok(vec![TensorType::new(inputs[0].dtype, out)])
}

pub(super) fn infer_tile(repeats: &[usize], inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let x = dims(inputs[0])?;
    if repeats.len() != x.len() {
        return Err("repeats must have one entry per axis".into());
    }
    let out: Vec<usize> = x.iter().zip(repeats).map(|(a, b)| a * b).collect();
    Ok(vec![TensorType::fixed(inputs[0].dtype, &out)])
}

pub(super) fn infer_pad(pads: &[i64], inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let x = &inputs[0].shape;
    if pads.len() != 2 * x.len() {
        return Err("pads must have 2 entries per axis".into());
    }
    let r = x.len();
    // A symbolic axis may be cropped too: `run` refuses sizes that would crop it below zero.
    let out: Result<Vec<Dim>, String> = (0..r)
        .map(|i| {
            let n = &x[i] + &Dim::int(pads[i] + pads[i + r]);
            match n.as_int() {
                Some(v) if v < 0 => Err(format!("pads {pads:?} crop axis {i} below zero")),
                _ => Ok(n),
            }
        })
        .collect();
    Ok(vec![TensorType::new(inputs[0].dtype, out?)])
}

pub(super) fn infer_shape(start: &usize, end: &usize, inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    Ok(vec![TensorType::fixed(DType::I64, &[end.saturating_sub(*start)])])
}

pub(super) fn eval_reshape(cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    Ok(x.data.clone())
}

pub(super) fn eval_transpose(perm: &[usize], cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    all!((&x.data, &mut y), |a, b| movement_k::transpose(a, &x.shape, perm, b))?;
    Ok(y)
}

pub(super) fn eval_concat(axis: &usize, cx: &Eval) -> R<Data> {
    let inputs = cx.inputs;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    concat(inputs, *axis, &mut y, dims)?;
    Ok(y)
}

pub(super) fn eval_gather(axis: &usize, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let i = cx.input(1)?;
    let idx = i.data.to_i64_vec();
    all!((&x.data, &mut y), |a, b| movement_k::gather(a, &x.shape, &idx, &i.shape, *axis, b))?;
    Ok(y)
}

pub(super) fn eval_scatter_elements(axis: &usize, reduction: &Reduction, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let (i, u) = (cx.input(1)?, cx.input(2)?);
    let idx = i.data.to_i64_vec();
    macro_rules! scatter {
                ($($v:ident),*) => {
                    match (&x.data, &u.data, &mut y) {
                        $((Data::$v(a), Data::$v(w), Data::$v(b)) => scatter::scatter_elements(a, &x.shape, &idx, &i.shape, w, *axis, *reduction, b),)*
                        _ => return Err(format!("scatter of {}", x.dtype())),
                    }
                };
            }
    scatter!(F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64).map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_scatter_nd(reduction: &Reduction, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let (i, u) = (cx.input(1)?, cx.input(2)?);
    let idx = i.data.to_i64_vec();
    macro_rules! scatter {
                ($($v:ident),*) => {
                    match (&x.data, &u.data, &mut y) {
                        $((Data::$v(a), Data::$v(w), Data::$v(b)) => scatter::scatter_nd(a, &x.shape, &idx, &i.shape, w, *reduction, b),)*
                        _ => return Err(format!("scatter of {}", x.dtype())),
                    }
                };
            }
    scatter!(F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64).map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_gather_nd(batch_dims: &usize, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let i = cx.input(1)?;
    let idx = i.data.to_i64_vec();
    all!((&x.data, &mut y), |a, b| scatter::gather_nd(a, &x.shape, &idx, &i.shape, *batch_dims, b))?;
    Ok(y)
}

pub(super) fn eval_gather_elements(axis: &usize, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    let i = cx.input(1)?;
    let idx = i.data.to_i64_vec();
    all!((&x.data, &mut y), |a, b| scatter::gather_elements(a, &x.shape, &idx, &i.shape, *axis, b))?;
    Ok(y)
}

pub(super) fn eval_slice(starts: &[i64], steps: &[i64], cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    all!((&x.data, &mut y), |a, b| movement_k::slice(a, &x.shape, starts, steps, b, dims))?;
    Ok(y)
}

pub(super) fn eval_expand(cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    all!((&x.data, &mut y), |a, b| elementwise_k::broadcast_to(a, &x.shape, b, dims))?;
    Ok(y)
}

pub(super) fn eval_tile(cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    all!((&x.data, &mut y), |a, b| movement_k::tile(a, &x.shape, b, dims))?;
    Ok(y)
}

pub(super) fn eval_pad(pads: &[i64], mode: &PadMode, value: &f64, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    let fill = Tensor::scalar_of(x.dtype(), *value).data;
    let mode = pad_mode(*mode);
    match (&x.data, &fill, &mut y) {
        (Data::F32(a), Data::F32(v), Data::F32(b)) => movement_k::pad(a, &x.shape, pads, mode, v[0], b, dims),
        (Data::F64(a), Data::F64(v), Data::F64(b)) => movement_k::pad(a, &x.shape, pads, mode, v[0], b, dims),
        (Data::I64(a), Data::I64(v), Data::I64(b)) => movement_k::pad(a, &x.shape, pads, mode, v[0], b, dims),
        (Data::I32(a), Data::I32(v), Data::I32(b)) => movement_k::pad(a, &x.shape, pads, mode, v[0], b, dims),
        _ => return Err(format!("Pad of {} is not supported", x.dtype())),
    }
    .map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_shape(start: &usize, end: &usize, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    Ok(Data::I64(x.shape[*start..*end].iter().map(|&d| d as i64).collect()))
}

fn concat(inputs: &[&Tensor], axis: usize, y: &mut Data, dims: &[usize]) -> R<()> {
    macro_rules! arm {
        ($($v:ident),*) => {
            match y {
                $(Data::$v(out) => {
                    let parts: Option<Vec<(&[_], &[usize])>> = inputs
                        .iter()
                        .map(|t| if let Data::$v(d) = &t.data { Some((d.as_slice(), t.shape.as_slice())) } else { None })
                        .collect();
                    let parts = parts.ok_or("concat inputs have different dtypes")?;
                    movement_k::concat(&parts, axis, out, dims).map_err(kerr)
                })*
            }
        };
    }
    arm!(F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64, Bool)
}

/// Maps the IR pad mode onto the runtime's.
pub fn pad_mode(m: PadMode) -> movement_k::PadMode {
    match m {
        PadMode::Constant => movement_k::PadMode::Constant,
        PadMode::Reflect => movement_k::PadMode::Reflect,
        PadMode::Edge => movement_k::PadMode::Edge,
        PadMode::Wrap => movement_k::PadMode::Wrap,
    }
}
