//! Convolutions: Conv, ConvTranspose, and squeeze-and-excitation blocks (built on 1x1
//! convolutions).
//!
//! Per op: `infer_*` (output types from input types) and `eval_*` (reference evaluation on
//! constants through the runtime's kernels); `super` dispatches to them.

use super::*;

pub(super) fn infer_conv(group: &usize, window: &Window, inputs: &[&TensorType]) -> Types {
    arity(inputs, 2, 3)?;
    let (batch, channels, spatial) = batch_channels_spatial(inputs[0])?;
    let w = dims(inputs[1])?;
    let sr = window.kernel.len();
    if spatial.len() != sr || w.len() != sr + 2 {
        return Err(format!("input {} and weight rank {} do not match {sr} spatial axes", inputs[0], w.len()));
    }
    if *group == 0 || channels != w[1] * group || w[0] % group != 0 {
        return Err(format!("channels do not match: input {}, weights {:?}, group {group}", inputs[0], w));
    }
    if w[2..] != window.kernel[..] {
        return Err("kernel_shape disagrees with the weights".into());
    }
    if let Some(b) = inputs.get(2) {
        if dims(b)? != [w[0]] {
            return Err(format!("bias shape {} should be [{}]", b, w[0]));
        }
    }
    let mut out = vec![batch, Dim::fixed(w[0])];
    for (i, d) in spatial.iter().enumerate() {
        out.push(window_out_dim(d, window, i, false)?);
    }
    Ok(vec![TensorType::new(inputs[0].dtype, out)])
}

pub(super) fn infer_conv_transpose(group: &usize, output: &[Dim], inputs: &[&TensorType]) -> Types {
    arity(inputs, 2, 3)?;
    let (batch, channels, spatial) = batch_channels_spatial(inputs[0])?;
    let w = dims(inputs[1])?;
    if w.len() != spatial.len() + 2
        || output.len() != spatial.len()
        || w[0] != channels
        || *group == 0
        || channels % group != 0
    {
        return Err(format!("input {} and weights {w:?} do not match (group {group})", inputs[0]));
    }
    if inputs.iter().any(|t| t.dtype != inputs[0].dtype) || !matches!(inputs[0].dtype, DType::F32 | DType::F64) {
        return Err("ConvTranspose needs f32 or f64 operands of one dtype".into());
    }
    let mut out = vec![batch, Dim::fixed(w[1] * group)];
    out.extend(output.iter().cloned());
    Ok(vec![TensorType::new(inputs[0].dtype, out)])
}

pub(super) fn infer_squeeze_excite(act: &FusedExpr, gate: &FusedExpr, project: &bool, inputs: &[&TensorType]) -> Types {
    let n = if *project { 7 } else { 5 };
    arity(inputs, n, n)?;
    let (x, w1, b1, w2, b2) = (inputs[0], inputs[1], inputs[2], inputs[3], inputs[4]);
    let dims = |t: &TensorType| t.static_dims().ok_or_else(|| "SqueezeExcite needs static weight shapes".to_string());
    let (d1, d2, e1, e2) = (dims(w1)?, dims(w2)?, dims(b1)?, dims(b2)?);
    let (r, c) = (d1.first().copied().unwrap_or(0), x.shape.get(1).and_then(Dim::as_fixed).unwrap_or(0));
    let ones = |d: &[usize]| d.len() + 2 == x.rank() && d.iter().all(|&k| k == 1);
    let ok = matches!(x.dtype, DType::F32 | DType::F64)
        && x.rank() >= 3
        && inputs.iter().all(|t| t.dtype == x.dtype)
        && d1.get(1) == Some(&c)
        && ones(&d1[2..])
        && d2.get(..2) == Some(&[c, r][..])
        && ones(&d2[2..])
        && e1 == [r]
        && e2 == [c];
    if !ok {
        return Err(format!("SqueezeExcite needs f32/f64 x [N, C, ...] and weights [R, C, 1...], [R], [C, R, 1...], [C]; got {x}, {w1}, {b1}, {w2}, {b2}"));
    }
    for e in [act, gate] {
        infer(&Op::Fused { head: None, expr: e.clone() }, &[b1])?;
    }
    if !*project {
        return Ok(vec![x.clone()]);
    }
    let (wp, bp) = (dims(inputs[5])?, dims(inputs[6])?);
    let m = wp.first().copied().unwrap_or(0);
    if wp.get(1) != Some(&c) || !ones(&wp[2..]) || bp != [m] {
        return Err(format!(
            "SqueezeExcite's projection needs weights [M, {c}, 1...] and bias [M]; got {}, {}",
            inputs[5], inputs[6]
        ));
    }
    let mut shape = x.shape.clone();
    shape[1] = Dim::fixed(m);
    Ok(vec![TensorType::new(x.dtype, shape)])
}

pub(super) fn eval_squeeze_excite(act: &FusedExpr, gate: &FusedExpr, project: &bool, cx: &Eval) -> R<Data> {
    let inputs = cx.inputs;
    Ok(squeeze_excite_spelled_out(act, gate, *project, inputs)?.data)
}

pub(super) fn eval_conv(group: &usize, window: &Window, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let inputs = cx.inputs;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    let w = cx.input(1)?;
    let p = conv_k::ConvParams {
        group: *group,
        strides: &window.strides,
        dilations: &window.dilations,
        pads: &window.pads,
    };
    let scratch = conv_k::conv_scratch_len(&x.shape, &w.shape, dims, &p);
    let bias = inputs.get(2).map(|b| &b.data);
    match (&x.data, &w.data, bias, &mut y) {
        (Data::F32(a), Data::F32(k), b, Data::F32(r)) => {
            let b = if let Some(Data::F32(b)) = b { Some(b.as_slice()) } else { None };
            conv_k::conv(a, &x.shape, k, &w.shape, b, &p, r, dims, &mut vec![0.0; scratch])
        }
        (Data::F64(a), Data::F64(k), b, Data::F64(r)) => {
            let b = if let Some(Data::F64(b)) = b { Some(b.as_slice()) } else { None };
            conv_k::conv(a, &x.shape, k, &w.shape, b, &p, r, dims, &mut vec![0.0; scratch])
        }
        _ => return Err(format!("Conv of {} is not supported", x.dtype())),
    }
    .map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_conv_transpose(
    group: &usize,
    strides: &[usize],
    dilations: &[usize],
    pads_begin: &[usize],
    cx: &Eval,
) -> R<Data> {
    let x = cx.input(0)?;
    let inputs = cx.inputs;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    let w = cx.input(1)?;
    let p = conv_transpose::ConvTransposeParams { group: *group, strides, dilations, pads_begin };
    let bias = inputs.get(2).map(|b| &b.data);
    match (&x.data, &w.data, bias, &mut y) {
        (Data::F32(a), Data::F32(k), b, Data::F32(r)) => {
            let b = if let Some(Data::F32(b)) = b { Some(b.as_slice()) } else { None };
            conv_transpose::conv_transpose(a, &x.shape, k, &w.shape, b, &p, r, dims)
        }
        (Data::F64(a), Data::F64(k), b, Data::F64(r)) => {
            let b = if let Some(Data::F64(b)) = b { Some(b.as_slice()) } else { None };
            conv_transpose::conv_transpose(a, &x.shape, k, &w.shape, b, &p, r, dims)
        }
        _ => return Err(format!("ConvTranspose of {}", x.dtype())),
    }
    .map_err(kerr)?;
    Ok(y)
}

/// Squeeze-and-excitation as the ops it replaced: the spatial mean, a 1x1 convolution and `act`,
/// another and `gate`, the product with `x`, and the projecting 1x1 convolution.
fn squeeze_excite_spelled_out(
    act: &crate::ir::FusedExpr,
    gate: &crate::ir::FusedExpr,
    project: bool,
    inputs: &[&Tensor],
) -> R<Tensor> {
    let [x, w1, b1, w2, b2] =
        [0, 1, 2, 3, 4].map(|i| inputs.get(i).copied().ok_or_else(|| format!("missing input {i}")));
    let (x, w1, b1, w2, b2) = (x?, w1?, b1?, w2?, b2?);
    let spatial = x.shape.len().saturating_sub(2);
    let mean = apply(
        &Op::Reduce { kind: crate::ir::ReduceKind::Mean, axes: (2..2 + spatial).collect(), keepdims: true },
        &[x],
    )?;
    let one = crate::ir::Window {
        kernel: vec![1; spatial],
        strides: vec![1; spatial],
        dilations: vec![1; spatial],
        pads: vec![0; 2 * spatial],
    };
    let conv = Op::Conv { group: 1, window: one };
    let hidden = eval_expr(act, &[&apply(&conv, &[&mean, w1, b1])?])?;
    let gates = eval_expr(gate, &[&apply(&conv, &[&hidden, w2, b2])?])?;
    let scaled = apply(&Op::Binary(crate::ir::BinaryOp::Mul), &[x, &gates])?;
    if !project {
        return Ok(scaled);
    }
    let [wp, bp] = [5, 6].map(|i| inputs.get(i).copied().ok_or_else(|| format!("missing input {i}")));
    apply(&conv, &[&scaled, wp?, bp?])
}

/// Scratch of a convolution: enough for either path, since the plan may store its weights for
/// the Winograd one.
pub(super) fn scratch_conv(group: usize, window: &Window, inputs: &[Vec<usize>], outputs: &[Vec<usize>]) -> usize {
    let p = conv_k::ConvParams { group, strides: &window.strides, dilations: &window.dilations, pads: &window.pads };
    let (x, w, y) = (operand(inputs, 0), operand(inputs, 1), operand(outputs, 0));
    let winograd = ronn_runtime::kernels::winograd::scratch_len(x, w, &p, y);
    conv_k::conv_scratch_len(x, w, y, &p).max(winograd)
}

/// Scratch of a convolution at these (bound) shapes or any smaller spatial sizes.
pub(super) fn scratch_conv_up_to(
    group: usize,
    window: &Window,
    inputs: &[Vec<usize>],
    outputs: &[Vec<usize>],
) -> usize {
    let p = conv_k::ConvParams { group, strides: &window.strides, dilations: &window.dilations, pads: &window.pads };
    let (x, w, y) = (operand(inputs, 0), operand(inputs, 1), operand(outputs, 0));
    conv_k::conv_scratch_bound(x, w, y, &p).max(ronn_runtime::kernels::winograd::scratch_bound(x, w, &p, y))
}

/// Scratch of a squeeze-and-excitation block; with a projection, one image through its 1x1
/// convolution.
pub(super) fn scratch_squeeze_excite(project: bool, inputs: &[Vec<usize>], outputs: &[Vec<usize>]) -> usize {
    let (x, b1) = (operand(inputs, 0), operand(inputs, 2));
    let (c, r) = (x.get(1).copied().unwrap_or(0), b1.first().copied().unwrap_or(0));
    if !project {
        return ronn_runtime::kernels::excite::squeeze_excite_scratch_len(c, r);
    }
    let (wp, y) = (operand(inputs, 5), operand(outputs, 0));
    let one = |d: &[usize]| {
        let mut d = d.to_vec();
        if let Some(n) = d.first_mut() {
            *n = 1;
        }
        d
    };
    let spatial = x.len().saturating_sub(2);
    let (ones, zeros) = (vec![1; spatial], vec![0; 2 * spatial]);
    let p = conv_k::ConvParams { group: 1, strides: &ones, dilations: &ones, pads: &zeros };
    let conv = conv_k::conv_scratch_len(&one(x), wp, &one(y), &p);
    ronn_runtime::kernels::excite::squeeze_excite_project_scratch_len(c, r, wp.first().copied().unwrap_or(0), conv)
}

/// The dims of operand `k`, empty where it is missing.
fn operand(list: &[Vec<usize>], k: usize) -> &[usize] {
    list.get(k).map_or(&[], Vec::as_slice)
}

pub(super) fn infer_deform_conv(
    group: usize,
    offset_group: usize,
    window: &Window,
    mask: bool,
    inputs: &[&TensorType],
) -> Types {
    let n = if mask { 5 } else { 4 };
    arity(inputs, n, n)?;
    let [x, w, offset, bias] = [0, 1, 2, 3].map(|i| dims(inputs[i]));
    let (x, w, offset, bias) = (x?, w?, offset?, bias?);
    if !matches!(inputs[0].dtype, DType::F32 | DType::F64) || inputs.iter().any(|t| t.dtype != inputs[0].dtype) {
        return Err("DeformConv needs f32 or f64 operands of one dtype".into());
    }
    let (&[_, c, ih, iw], &[m, cg, kh, kw]) = (x.as_slice(), w.as_slice()) else {
        return Err(format!("DeformConv is 2-D: input {x:?} and weights {w:?} should be 4-D"));
    };
    if group == 0 || offset_group == 0 || c != cg * group || m % group != 0 || c % offset_group != 0 {
        return Err(format!(
            "channels do not match: input {x:?}, weights {w:?}, group {group}, offset_group {offset_group}"
        ));
    }
    if window.kernel != [kh, kw] || bias != [m] {
        return Err(format!("kernel_shape {:?} or bias {bias:?} disagrees with the weights {w:?}", window.kernel));
    }
    let (oh, ow) = (window_out(ih, window, 0, false)?, window_out(iw, window, 1, false)?);
    let taps = offset_group * kh * kw;
    if offset != [x[0], 2 * taps, oh, ow] {
        return Err(format!("offset {offset:?} should be {:?}", [x[0], 2 * taps, oh, ow]));
    }
    if mask && dims(inputs[4])? != [x[0], taps, oh, ow] {
        return Err(format!("mask {} should be {:?}", inputs[4], [x[0], taps, oh, ow]));
    }
    Ok(vec![TensorType::fixed(inputs[0].dtype, &[x[0], m, oh, ow])])
}

pub(super) fn eval_deform_conv(group: usize, offset_group: usize, window: &Window, mask: bool, cx: &Eval) -> R<Data> {
    let [x, w, offset, bias] = [0, 1, 2, 3].map(|i| cx.input(i));
    let (x, w, offset, bias) = (x?, w?, offset?, bias?);
    let mask = if mask { Some(cx.input(4)?) } else { None };
    let p = conv_k::deform::DeformConvParams {
        group,
        offset_group,
        strides: &window.strides,
        dilations: &window.dilations,
        pads: &window.pads,
    };
    let mut y = cx.zeros();
    let scratch = conv_k::deform::scratch_len(&x.shape, &w.shape, &cx.dims);
    macro_rules! run {
        ($v:ident, $t:ty) => {{
            let (Data::$v(a), Data::$v(k), Data::$v(o), Data::$v(b), Data::$v(r)) =
                (&x.data, &w.data, &offset.data, &bias.data, &mut y)
            else {
                return Err("DeformConv takes operands of one float type".into());
            };
            let mask = match mask.map(|t| &t.data) {
                Some(Data::$v(s)) => Some(s.as_slice()),
                Some(_) => return Err("DeformConv's mask has another type".into()),
                None => None,
            };
            let mut scratch = vec![<$t>::default(); scratch];
            conv_k::deform::deform_conv(a, &x.shape, k, &w.shape, o, mask, Some(b), &p, r, &cx.dims, &mut scratch)
                .map_err(kerr)?;
        }};
    }
    match x.dtype() {
        DType::F64 => run!(F64, f64),
        _ => run!(F32, f32),
    }
    Ok(y)
}

/// Scratch of a deformable convolution: one image's sampled columns.
pub(super) fn scratch_deform_conv(inputs: &[Vec<usize>], outputs: &[Vec<usize>]) -> usize {
    conv_k::deform::scratch_len(operand(inputs, 0), operand(inputs, 1), operand(outputs, 0))
}
