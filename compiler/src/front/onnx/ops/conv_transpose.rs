//! ConvTranspose (opsets 1, 11): <https://onnx.ai/onnx/operators/onnx__ConvTranspose.html>
//! group, strides, dilations, pads, auto_pad, output_padding and output_shape, resolved as the
//! ONNX reference does (`onnx/reference/ops/op_conv_transpose.py`): with SAME_* auto_pad the
//! padding comes from output_shape (default `in * stride`); otherwise explicit pads (default
//! 0) and output_shape, when given, sets the extent.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Dim, Op, ValueId};

/// strides, dilations, output_padding and kernel_shape (default: the weights'), one per
/// spatial axis, checked.
struct Taps {
    strides: Vec<usize>,
    dilations: Vec<usize>,
    output_padding: Vec<usize>,
    kernel: Vec<usize>,
}

impl Taps {
    fn read(n: &NodeIn, r: usize, wd: &[usize]) -> Result<Taps, NodeError> {
        let list = |name: &str, default: usize| -> Result<Vec<usize>, NodeError> {
            let v = n.attrs.usizes(name)?.unwrap_or_else(|| vec![default; r]);
            if v.len() != r {
                return Err(NodeError::Invalid(format!("{name} must have {r} entries")));
            }
            Ok(v)
        };
        let (strides, dilations, output_padding) =
            (list("strides", 1)?, list("dilations", 1)?, list("output_padding", 0)?);
        let kernel = n.attrs.usizes("kernel_shape")?.unwrap_or_else(|| wd.get(2..).unwrap_or_default().to_vec());
        if strides.contains(&0) || dilations.contains(&0) || kernel.len() != r {
            return Err(NodeError::Invalid(
                "strides, dilations and kernel_shape must be positive, one per axis".into(),
            ));
        }
        Ok(Taps { strides, dilations, output_padding, kernel })
    }
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (x, w) = (n.input(0)?, n.input(1)?);
    let wd = ctx.dims(w)?;
    let Some(xd) = ctx.ty(x).static_dims() else { return import_symbolic(ctx, n, x, &wd) };
    if xd.len() < 3 || wd.len() != xd.len() {
        return Err(NodeError::Invalid(format!("input {xd:?} and weights {wd:?} must have the same rank >= 3")));
    }
    if !ctx.dtype(x).is_float() {
        return Err(NodeError::Unsupported(format!("ConvTranspose of {}", ctx.dtype(x))));
    }
    let r = xd.len() - 2;
    let Taps { strides, dilations, output_padding, kernel } = Taps::read(n, r, &wd)?;
    let span = |i: usize| (kernel[i] - 1) * dilations[i] + 1;
    let full = |i: usize| strides[i] * (xd[i + 2] - 1) + output_padding[i] + span(i);
    let output_shape = n.attrs.usizes("output_shape")?;
    let auto_pad = n.attrs.string("auto_pad").unwrap_or_else(|| "NOTSET".into());
    let (pads_begin, output): (Vec<usize>, Vec<usize>) = match auto_pad.as_str() {
        "SAME_UPPER" | "SAME_LOWER" => {
            let out = output_shape.unwrap_or_else(|| (0..r).map(|i| xd[i + 2] * strides[i]).collect());
            let begin = (0..r)
                .map(|i| {
                    let total = full(i).saturating_sub(out[i]);
                    if auto_pad == "SAME_UPPER" {
                        total / 2
                    } else {
                        total - total / 2
                    }
                })
                .collect();
            (begin, out)
        }
        "NOTSET" | "VALID" => {
            let pads = if auto_pad == "VALID" {
                vec![0; 2 * r]
            } else {
                n.attrs.usizes("pads")?.unwrap_or_else(|| vec![0; 2 * r])
            };
            if pads.len() != 2 * r {
                return Err(NodeError::Invalid(format!("pads must have {} entries", 2 * r)));
            }
            let out = match output_shape {
                Some(o) => o,
                None => (0..r)
                    .map(|i| full(i).checked_sub(pads[i] + pads[i + r]).ok_or("padding exceeds the output"))
                    .collect::<Result<_, _>>()?,
            };
            (pads[..r].to_vec(), out)
        }
        other => return Err(NodeError::Invalid(format!("unknown auto_pad `{other}`"))),
    };
    if output.len() != r {
        return Err(NodeError::Invalid(format!("output_shape must have {r} entries")));
    }
    let group = usize::try_from(n.attrs.int_or("group", 1)).map_err(|_| "group must be positive")?;
    let mut inputs = vec![x, w];
    inputs.extend(n.opt(2));
    let output = crate::ir::fixed_dims(output);
    Ok(vec![ctx.node(n.name, Op::ConvTranspose { group, strides, dilations, pads_begin, output }, inputs)?])
}

/// ConvTranspose over a symbolic image size (a segmentation decoder's upsampling): the output
/// extent `stride * (in - 1) + output_padding + span - pads` is a polynomial in it, and with
/// SAME_* padding (output `in * stride`) the padding is the constant `output_padding + span -
/// stride`. An explicit `output_shape` needs fixed sizes.
fn import_symbolic(ctx: &mut Ctx, n: &NodeIn, x: ValueId, wd: &[usize]) -> Result<Vec<ValueId>, NodeError> {
    let xd = ctx.shape(x);
    let w = n.input(1)?;
    let refuse = |why: &str| {
        NodeError::Unsupported(format!(
            "ConvTranspose of the symbolic shape {}: {why}; fix the dims with --dim",
            ctx.ty(x)
        ))
    };
    if xd.len() < 3 || wd.len() != xd.len() || !xd[1].is_fixed() {
        return Err(refuse("needs fixed channels and weights of the same rank"));
    }
    if !ctx.dtype(x).is_float() {
        return Err(NodeError::Unsupported(format!("ConvTranspose of {}", ctx.dtype(x))));
    }
    if n.attrs.ints("output_shape").is_some() {
        return Err(refuse("an explicit output_shape"));
    }
    let r = xd.len() - 2;
    let Taps { strides, dilations, output_padding, kernel } = Taps::read(n, r, wd)?;
    // The output before cropping: stride * in + (output_padding + span - stride).
    let extra = |i: usize| (output_padding[i] + (kernel[i] - 1) * dilations[i] + 1) as i64 - strides[i] as i64;
    let full = |i: usize| &(&xd[i + 2] * &Dim::fixed(strides[i])) + &Dim::int(extra(i));
    let auto_pad = n.attrs.string("auto_pad").unwrap_or_else(|| "NOTSET".into());
    let (pads_begin, output): (Vec<usize>, Vec<Dim>) = match auto_pad.as_str() {
        "SAME_UPPER" | "SAME_LOWER" => {
            let mut begin = Vec::with_capacity(r);
            for i in 0..r {
                let total = usize::try_from(extra(i)).unwrap_or(0);
                begin.push(if auto_pad == "SAME_UPPER" { total / 2 } else { total - total / 2 });
            }
            (begin, (0..r).map(|i| &xd[i + 2] * &Dim::fixed(strides[i])).collect())
        }
        "NOTSET" | "VALID" => {
            let pads = match auto_pad.as_str() {
                "VALID" => vec![0; 2 * r],
                _ => n.attrs.usizes("pads")?.unwrap_or_else(|| vec![0; 2 * r]),
            };
            if pads.len() != 2 * r {
                return Err(NodeError::Invalid(format!("pads must have {} entries", 2 * r)));
            }
            let out = (0..r).map(|i| Dim::nonnegative(&full(i) - &Dim::fixed(pads[i] + pads[i + r]))).collect();
            (pads[..r].to_vec(), out)
        }
        other => return Err(NodeError::Invalid(format!("unknown auto_pad `{other}`"))),
    };
    let group = usize::try_from(n.attrs.int_or("group", 1)).map_err(|_| "group must be positive")?;
    let mut inputs = vec![x, w];
    inputs.extend(n.opt(2));
    Ok(vec![ctx.node(n.name, Op::ConvTranspose { group, strides, dilations, pads_begin, output }, inputs)?])
}

/// Col2Im (18+): <https://onnx.ai/onnx/operators/onnx__Col2Im.html>
/// Summing sliding blocks back into an image is a grouped transposed convolution whose
/// weights pick one block position each: input `[N, C*K, L]` becomes `[N, C*K, blocks...]`
/// and a ConvTranspose with group C and 0/1 weights `[C*K, 1, block...]` writes the image.
/// image_shape and block_shape are needed at build time.
pub fn import_col2im(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let xd = ctx.dims(x)?;
    let to_sizes = |v: Vec<i64>, what: &str| -> Result<Vec<usize>, NodeError> {
        v.into_iter().map(|s| usize::try_from(s).map_err(|_| NodeError::Invalid(format!("{what} {s}")))).collect()
    };
    let image = to_sizes(ctx.const_i64s(n.input(1)?, "image_shape")?, "image size")?;
    let block = to_sizes(ctx.const_i64s(n.input(2)?, "block_shape")?, "block size")?;
    let r = image.len();
    if xd.len() != 3 || block.len() != r || block.contains(&0) {
        return Err(NodeError::Invalid(format!("input {xd:?} with image {image:?} and block {block:?}")));
    }
    let list = |name: &str, len: usize, default: usize| -> Result<Vec<usize>, NodeError> {
        let v = n.attrs.usizes(name)?.unwrap_or_else(|| vec![default; len]);
        if v.len() != len {
            return Err(NodeError::Invalid(format!("{name} must have {len} entries")));
        }
        Ok(v)
    };
    let (dilations, strides, pads) = (list("dilations", r, 1)?, list("strides", r, 1)?, list("pads", 2 * r, 0)?);
    if strides.contains(&0) || dilations.contains(&0) {
        return Err(NodeError::Invalid("strides and dilations must be positive".into()));
    }
    let k: usize = block.iter().product();
    if xd[1] % k != 0 {
        return Err(NodeError::Invalid(format!("{} rows are not a multiple of the block size {k}", xd[1])));
    }
    let c = xd[1] / k;
    let blocks: Vec<usize> = (0..r)
        .map(|i| {
            (image[i] + pads[i] + pads[r + i])
                .checked_sub(dilations[i] * (block[i] - 1) + 1)
                .map(|s| s / strides[i] + 1)
                .ok_or("the block does not fit the padded image")
        })
        .collect::<Result<_, _>>()?;
    if blocks.iter().product::<usize>() != xd[2] {
        return Err(NodeError::Invalid(format!("{} columns, but the image holds {blocks:?} blocks", xd[2])));
    }
    let dtype = ctx.dtype(x);
    ctx.allow(&[c, k, k], "Col2Im's weights")?;
    let mut grid = vec![xd[0], xd[1]];
    grid.extend(&blocks);
    let xg = ctx.node(&ctx.sub(n.name, "blocks"), Op::Reshape { shape: crate::ir::fixed_dims(grid) }, vec![x])?;
    // Weight [C*K, 1, block...]: row c*K + j is 1 at block position j.
    let w: Vec<f64> = (0..c * k).flat_map(|row| (0..k).map(move |j| if row % k == j { 1.0 } else { 0.0 })).collect();
    let mut wshape = vec![c * k, 1];
    wshape.extend(&block);
    let w = ctx.constant(crate::ir::Tensor::new(wshape, crate::ir::Data::F64(w)).ok_or("bad weights")?);
    let w = ctx.cast(&ctx.sub(n.name, "picks"), w, dtype)?;
    let output = crate::ir::fixed_dims(image);
    let op = Op::ConvTranspose { group: c, strides, dilations, pads_begin: pads[..r].to_vec(), output };
    Ok(vec![ctx.node(n.name, op, vec![xg, w])?])
}
