//! Small ops expanded into core ops:
//! - SwiGLU (28+): `a * sigmoid(alpha * a) * b`.
//! - AffineGrid (20+): sampling grids `theta @ [x, y(, z), 1]` over a base grid in [-1, 1]
//!   (align_corners); the `size` input is needed at build time.
//! - GridSample (16+; modes bilinear/nearest/bicubic, or linear/nearest/cubic from 20; padding
//!   zeros/border/reflection; align_corners): one core op.
//! - RoiAlign (10+, 16+): one core op (avg or max, half_pixel or output_half_pixel).
//! - Det (11+): determinants by LU decomposition (one core op).
//! - TensorScatter (24+): cache writes at per-batch positions, as one ScatterElements.
//! - ReverseSequence (10+): reverses the first `sequence_lens[b]` steps of each batch entry,
//!   with indices computed at run time and one GatherElements.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Data, GridMode, GridPadding, MathFn, Op, Tensor, UnaryOp, ValueId};

pub fn import_swiglu(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (a, b) = (n.input(0)?, n.input(1)?);
    let alpha = ctx.scalar(ctx.dtype(a), n.attrs.float_or("alpha", 1.0) as f64);
    let scaled = ctx.binary(&ctx.sub(n.name, "scaled"), BinaryOp::Mul, a, alpha)?;
    let gate = ctx.unary(&ctx.sub(n.name, "sigmoid"), UnaryOp::Math(MathFn::Sigmoid), scaled)?;
    let swish = ctx.binary(&ctx.sub(n.name, "swish"), BinaryOp::Mul, a, gate)?;
    Ok(vec![ctx.binary(n.name, BinaryOp::Mul, swish, b)?])
}

pub fn import_affine_grid(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let theta = n.input(0)?;
    let size = ctx.const_i64s(n.input(1)?, "size")?;
    let spatial: Vec<usize> = size
        .iter()
        .skip(2)
        .map(|&s| usize::try_from(s).map_err(|_| NodeError::Invalid(format!("size {s}"))))
        .collect::<Result<_, _>>()?;
    if !matches!(spatial.len(), 2 | 3) {
        return Err(NodeError::Invalid(format!("size {size:?} must be 4-D or 5-D")));
    }
    let align = n.attrs.int_or("align_corners", 0) != 0;
    let coords = |len: usize| -> Vec<f64> {
        (0..len)
            .map(|i| {
                if align {
                    if len == 1 {
                        -1.0
                    } else {
                        -1.0 + i as f64 * 2.0 / (len as f64 - 1.0)
                    }
                } else {
                    let step = 2.0 / len as f64;
                    -1.0 + step / 2.0 + i as f64 * step
                }
            })
            .collect()
    };
    ctx.allow(&spatial, "a sampling grid")?;
    let axes: Vec<Vec<f64>> = spatial.iter().map(|&s| coords(s)).collect();
    let points: usize = spatial.iter().product();
    let k = spatial.len();
    // Base grid [points, k + 1]: (x, y(, z), 1) with x the innermost axis.
    let mut base = Vec::with_capacity(points * (k + 1));
    for p in 0..points {
        let mut rest = p;
        let mut idx = vec![0; k];
        for a in (0..k).rev() {
            idx[a] = rest % spatial[a];
            rest /= spatial[a];
        }
        for a in (0..k).rev() {
            base.push(axes[a][idx[a]]);
        }
        base.push(1.0);
    }
    let dtype = ctx.dtype(theta);
    let base = ctx.constant(Tensor::new(vec![points, k + 1], Data::F64(base)).ok_or("bad grid")?);
    let base = ctx.cast(&ctx.sub(n.name, "base"), base, dtype)?;
    let theta_t = ctx.node(&ctx.sub(n.name, "theta_t"), Op::Transpose { perm: vec![0, 2, 1] }, vec![theta])?;
    let grid = ctx.node(&ctx.sub(n.name, "grid"), Op::MatMul, vec![base, theta_t])?;
    let batch = ctx.dims(theta)?[0];
    let mut shape = vec![batch];
    shape.extend(&spatial);
    shape.push(k);
    Ok(vec![ctx.node(n.name, Op::Reshape { shape: crate::ir::fixed_dims(shape) }, vec![grid])?])
}

pub fn import_reverse_sequence(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (data, lens) = (n.input(0)?, n.input(1)?);
    let dims = ctx.dims(data)?;
    let r = dims.len();
    let (ta, ba) = (axis(n.attrs.int_or("time_axis", 0), r)?, axis(n.attrs.int_or("batch_axis", 1), r)?);
    let part = |p: &str| format!("{}/{p}", n.name);
    let shape_on = |a: usize, len: usize| {
        let mut s = vec![1; r];
        s[a] = len;
        s
    };
    let t = ctx
        .constant(Tensor::new(shape_on(ta, dims[ta]), Data::I64((0..dims[ta] as i64).collect())).ok_or("bad shape")?);
    let lens = ctx.cast(&part("lens_i64"), lens, DType::I64)?;
    let lens =
        ctx.node(&part("lens_axis"), Op::Reshape { shape: crate::ir::fixed_dims(shape_on(ba, dims[ba])) }, vec![lens])?;
    let inside = ctx.binary(&part("inside"), BinaryOp::Less, t, lens)?;
    let one = ctx.scalar(DType::I64, 1.0);
    let last = ctx.binary(&part("last"), BinaryOp::Sub, lens, one)?;
    let mirrored = ctx.binary(&part("mirrored"), BinaryOp::Sub, last, t)?;
    let idx = ctx.node(&part("index"), Op::Where, vec![inside, mirrored, t])?;
    let idx = ctx.node(&part("index_full"), Op::Expand { shape: crate::ir::fixed_dims(dims) }, vec![idx])?;
    Ok(vec![ctx.node(n.name, Op::GatherElements { axis: ta }, vec![data, idx])?])
}

pub fn import_grid_sample(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (x, grid) = (n.input(0)?, n.input(1)?);
    let mode = match n.attrs.string("mode").as_deref().unwrap_or(if n.opset >= 20 { "linear" } else { "bilinear" }) {
        "bilinear" | "linear" => GridMode::Linear,
        "nearest" => GridMode::Nearest,
        "bicubic" | "cubic" => GridMode::Cubic,
        other => return Err(NodeError::Invalid(format!("mode \"{other}\""))),
    };
    let padding = match n.attrs.string("padding_mode").as_deref().unwrap_or("zeros") {
        "zeros" => GridPadding::Zeros,
        "border" => GridPadding::Border,
        "reflection" => GridPadding::Reflection,
        other => return Err(NodeError::Invalid(format!("padding_mode \"{other}\""))),
    };
    let align_corners = n.attrs.int_or("align_corners", 0) != 0;
    Ok(vec![ctx.node(n.name, Op::GridSample { mode, padding, align_corners }, vec![x, grid])?])
}

/// TensorScatter (24+): writes `update` into a copy of `past_cache` along `axis` (-2) starting
/// at `write_indices[batch]` (0 by default), wrapping around in `circular` mode: one
/// ScatterElements with run-time indices.
pub fn import_roi_align(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (x, rois, b) = (n.input(0)?, n.input(1)?, n.input(2)?);
    let b = ctx.cast(&ctx.sub(n.name, "batch_i64"), b, DType::I64)?;
    let size = |a: &str| usize::try_from(n.attrs.int_or(a, 1)).map_err(|_| NodeError::Invalid(format!("{a} < 0")));
    let op = Op::RoiAlign {
        max_mode: match n.attrs.string("mode").as_deref().unwrap_or("avg") {
            "avg" => false,
            "max" => true,
            other => return Err(NodeError::Invalid(format!("mode \"{other}\""))),
        },
        // Opset 16 made half_pixel the default; opset 10 had only the output_half_pixel behaviour.
        half_pixel: n.attrs.string("coordinate_transformation_mode").as_deref().unwrap_or(if n.opset >= 16 {
            "half_pixel"
        } else {
            "output_half_pixel"
        }) == "half_pixel",
        spatial_scale: n.attrs.float_or("spatial_scale", 1.0),
        sampling_ratio: usize::try_from(n.attrs.int_or("sampling_ratio", 0)).map_err(|_| "sampling_ratio < 0")?,
        out_h: size("output_height")?,
        out_w: size("output_width")?,
    };
    Ok(vec![ctx.node(n.name, op, vec![x, rois, b])?])
}

pub fn import_det(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    Ok(vec![ctx.node(n.name, Op::Det, vec![n.input(0)?])?])
}

pub fn import_tensor_scatter(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let (cache, update) = (n.input(0)?, n.input(1)?);
    let (cd, ud) = (ctx.dims(cache)?, ctx.dims(update)?);
    let r = cd.len();
    let a = axis(n.attrs.int_or("axis", -2), r)?;
    if ud.len() != r || a == 0 {
        return Err(NodeError::Invalid(format!("cache {cd:?} and update {ud:?} (axis {a})")));
    }
    let part = |p: &str| format!("{}/{p}", n.name);
    let mut steps_shape = vec![1; r];
    steps_shape[a] = ud[a];
    let steps = ctx.constant(Tensor::new(steps_shape, Data::I64((0..ud[a] as i64).collect())).ok_or("bad shape")?);
    let mut idx = steps;
    if let Some(w) = n.opt(2) {
        let w = ctx.cast(&part("write_i64"), w, DType::I64)?;
        let mut wshape = vec![1; r];
        wshape[0] = cd[0];
        let w = ctx.node(&part("write_b"), Op::Reshape { shape: crate::ir::fixed_dims(wshape) }, vec![w])?;
        idx = ctx.binary(&part("positions"), BinaryOp::Add, w, idx)?;
    }
    match n.attrs.string("mode").as_deref().unwrap_or("linear") {
        "linear" => {}
        "circular" => {
            let len = ctx.scalar(DType::I64, cd[a] as f64);
            idx = ctx.binary(&part("wrapped"), BinaryOp::Mod { fmod: false }, idx, len)?;
        }
        other => return Err(NodeError::Invalid(format!("mode \"{other}\""))),
    }
    let idx = ctx.node(&part("indices"), Op::Expand { shape: crate::ir::fixed_dims(ud) }, vec![idx])?;
    Ok(vec![ctx.node(
        n.name,
        Op::ScatterElements { axis: a, reduction: crate::ir::Reduction::None },
        vec![cache, idx, update],
    )?])
}
