//! One lowering per core op, one file per op family (the families of `ir/ops/`): the call into
//! runtime-min's kernels, with every shape and
//! attribute as a constant. Operands arrive as identifiers already bound to typed slices.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, ToTokens};

use super::dims::DimIdents;
use crate::back::LowerError;
use crate::ir::{
    BinaryOp, DType, Dim, FusedExpr, FusedHead, GridMode, GridPadding, MathFn, Op, PadMode, PoolKind, RecurrentCell,
    ReduceKind, Reduction, UnaryOp, Window,
};
use crate::plan::prepack::Packing;

mod attention;
mod conv;
mod elementwise;
mod linalg;
mod movement;
mod norm;
mod pool;
mod recurrence;
mod reduce;
mod sample;
#[cfg(test)]
mod tests;

/// One operand: the identifier of its slice, its dims and dtype.
pub struct Operand {
    pub ident: proc_macro2::Ident,
    pub dims: Vec<Dim>,
    pub dtype: DType,
    /// How it is stored packed (`plan/prepack.rs`), if it is: the kernel's variant for that
    /// layout reads it.
    pub packing: Option<Packing>,
}

impl Operand {
    /// Stored packed, in any layout.
    fn prepacked(&self) -> bool {
        self.packing.is_some()
    }
}

/// The convolution kernel for weights `w` (stored plain, packed, or for Winograd), with or
/// without a fused epilogue.
fn conv_kernel(w: Option<&Operand>, fused: bool) -> TokenStream {
    let k = quote!(rt::kernels);
    match (w.and_then(|w| w.packing), fused) {
        (Some(Packing::Winograd { .. }), false) => quote!(#k::winograd::conv_winograd),
        (Some(Packing::Winograd { .. }), true) => quote!(#k::winograd::conv_winograd_fused),
        (Some(_), false) => quote!(#k::conv::conv_prepacked),
        (Some(_), true) => quote!(#k::conv::conv_prepacked_fused),
        (None, false) => quote!(#k::conv::conv),
        (None, true) => quote!(#k::conv::conv_fused),
    }
}

fn usizes(v: &[usize]) -> TokenStream {
    let v = v.iter().map(|&d| Literal::usize_unsuffixed(d));
    quote!(&[#(#v),*])
}

fn i64s(v: &[i64]) -> TokenStream {
    let v = v.iter().map(|&d| Literal::i64_unsuffixed(d));
    quote!(&[#(#v),*])
}

/// A literal of `dtype` with value `v` (non-finite floats spelled as constants).
pub fn scalar(dtype: DType, v: f64) -> TokenStream {
    let float = |ty: TokenStream, lit: Literal, v: f64| -> TokenStream {
        if v.is_nan() {
            quote!(#ty::NAN)
        } else if v == f64::INFINITY {
            quote!(#ty::INFINITY)
        } else if v == f64::NEG_INFINITY {
            quote!(#ty::NEG_INFINITY)
        } else {
            quote!(#lit)
        }
    };
    let f32_lit = |v: f64| {
        float(
            quote!(f32),
            if v.is_finite() && (v as f32).is_finite() {
                Literal::f32_suffixed(v as f32)
            } else {
                Literal::f32_suffixed(0.0)
            },
            if (v as f32).is_finite() { v } else { v * f64::INFINITY },
        )
    };
    match dtype {
        DType::F32 => f32_lit(v),
        DType::F64 => {
            float(quote!(f64), if v.is_finite() { Literal::f64_suffixed(v) } else { Literal::f64_suffixed(0.0) }, v)
        }
        DType::F16 => {
            let f = f32_lit(v);
            quote!(rt::f16::from_f32(#f))
        }
        DType::BF16 => {
            let f = f32_lit(v);
            quote!(rt::bf16::from_f32(#f))
        }
        DType::Bool => {
            let b = v != 0.0;
            quote!(#b)
        }
        DType::I8 => Literal::i8_suffixed(v as i8).into_token_stream(),
        DType::I16 => Literal::i16_suffixed(v as i16).into_token_stream(),
        DType::I32 => Literal::i32_suffixed(v as i32).into_token_stream(),
        DType::I64 => Literal::i64_suffixed(v as i64).into_token_stream(),
        DType::U8 => Literal::u8_suffixed(v as u8).into_token_stream(),
        DType::U16 => Literal::u16_suffixed(v as u16).into_token_stream(),
        DType::U32 => Literal::u32_suffixed(v as u32).into_token_stream(),
        DType::U64 => Literal::u64_suffixed(v as u64).into_token_stream(),
    }
}

/// A scatter [`Reduction`] variant's name.
fn reduction_tokens(r: Reduction) -> proc_macro2::Ident {
    format_ident!("{}", format!("{r:?}"))
}

/// A [`MathFn`] as a Rust expression (after `MathFn::`); parameters as f32 literals.
fn math_fn(f: MathFn) -> TokenStream {
    let p = |v: f32| scalar(DType::F32, v as f64);
    macro_rules! with_params {
        ($($variant:ident { $($field:ident),* }),* $(,)?) => {
            match f {
                $(MathFn::$variant { $($field),* } => {
                    $(let $field = p($field);)*
                    quote!($variant { $($field: #$field),* })
                })*
                unit => {
                    // Unit variants: their Debug name is the identifier.
                    let name = format_ident!("{}", format!("{unit:?}"));
                    quote!(#name)
                }
            }
        };
    }
    with_params!(
        LeakyRelu { alpha },
        HardSigmoid { alpha, beta },
        Elu { alpha },
        Selu { alpha, gamma },
        Celu { alpha },
        ThresholdedRelu { alpha },
        Shrink { bias, lambd },
        Swish { alpha },
    )
}

/// What a lowering reads: the node's operands, bound to identifiers, and their dims as tokens.
pub(super) struct Lower<'a> {
    xs: &'a [Operand],
    /// The first operand, and its identifier and dims.
    x: &'a Operand,
    xi: &'a proc_macro2::Ident,
    xd: TokenStream,
    y: &'a Operand,
    yi: &'a proc_macro2::Ident,
    yd: TokenStream,
    /// The runtime's kernels module, as generated code names it.
    k: TokenStream,
    scratch: Option<&'a proc_macro2::Ident>,
    sym: &'a DimIdents,
}

/// The kernel call computing `y` from `xs` (and `scratch` where the kernel needs it).
pub fn lower(
    op: &Op,
    xs: &[Operand],
    y: &Operand,
    scratch: Option<&proc_macro2::Ident>,
    sym: &DimIdents,
) -> Result<TokenStream, LowerError> {
    let x = xs.first().ok_or("op without inputs")?;
    let cx = &Lower {
        xs,
        x,
        xi: &x.ident,
        xd: sym.shape(&x.dims)?,
        y,
        yi: &y.ident,
        yd: sym.shape(&y.dims)?,
        k: quote!(rt::kernels),
        scratch,
        sym,
    };
    match op {
        Op::Unary(u) => elementwise::lower_unary(u, cx),
        Op::Binary(b) => elementwise::lower_binary(b, cx),
        Op::Where => elementwise::lower_where(cx),
        Op::Cast { .. } => elementwise::lower_cast(cx),
        Op::BitCast { .. } => elementwise::lower_bit_cast(cx),
        Op::MatMul => linalg::lower_mat_mul(cx),
        Op::Conv { group, window } => conv::lower_conv(group, window, cx),
        Op::ConvTranspose { group, strides, dilations, pads_begin, .. } => {
            conv::lower_conv_transpose(group, strides, dilations, pads_begin, cx)
        }
        Op::DeformConv { group, offset_group, window, .. } => {
            conv::lower_deform_conv(*group, *offset_group, window, cx)
        }
        Op::Pool { kind, window, .. } => pool::lower_pool(kind, window, cx),
        Op::MaxPoolIndices { window, column_major, .. } => pool::lower_max_pool_indices(window, column_major, cx),
        Op::Lrn { size, alpha, beta, bias } => norm::lower_lrn(size, alpha, beta, bias, cx),
        Op::Softmax { axis, log } => norm::lower_softmax(axis, log, cx),
        Op::Reduce { kind, axes, .. } => reduce::lower_reduce(kind, axes, cx),
        Op::ArgReduce { max, axis, select_last, .. } => reduce::lower_arg_reduce(max, axis, select_last, cx),
        Op::Reshape { .. } => movement::lower_reshape(cx),
        Op::Transpose { perm } => movement::lower_transpose(perm, cx),
        Op::Concat { axis } => movement::lower_concat(axis, cx),
        Op::Gather { axis } => movement::lower_gather(axis, cx),
        Op::GridSample { mode, padding, align_corners } => sample::lower_grid_sample(mode, padding, align_corners, cx),
        Op::RoiAlign { max_mode, half_pixel, spatial_scale, sampling_ratio, .. } => {
            sample::lower_roi_align(max_mode, half_pixel, spatial_scale, sampling_ratio, cx)
        }
        Op::Det => linalg::lower_det(cx),
        Op::Cumulative { axis, exclusive, reverse, product } => {
            reduce::lower_cumulative(axis, exclusive, reverse, product, cx)
        }
        Op::TopK { axis, k: count, largest, indices } => reduce::lower_top_k(axis, count, largest, indices, cx),
        Op::ScatterElements { axis, reduction } => movement::lower_scatter_elements(axis, reduction, cx),
        Op::ScatterNd { reduction } => movement::lower_scatter_nd(reduction, cx),
        Op::GatherNd { batch_dims } => movement::lower_gather_nd(batch_dims, cx),
        Op::Resample { axis } => sample::lower_resample(axis, cx),
        Op::GatherElements { axis } => movement::lower_gather_elements(axis, cx),
        Op::Slice { starts, steps, .. } => movement::lower_slice(starts, steps, cx),
        Op::Expand { .. } => movement::lower_expand(cx),
        Op::Tile { .. } => movement::lower_tile(cx),
        Op::Pad { pads, mode, value } => movement::lower_pad(pads, mode, value, cx),
        Op::LayerNorm { epsilon } => norm::lower_layer_norm(epsilon, cx),
        Op::SqueezeExcite { act, gate, project } => conv::lower_squeeze_excite(act, gate, project, cx),
        Op::Recurrence { cell, reverse, cell_output } => recurrence::lower_recurrence(cell, reverse, cell_output, cx),
        Op::Attention { heads, head_dim, offsets, score } => {
            attention::lower_attention(heads, head_dim, offsets, score, cx)
        }
        Op::Fused { head, expr } => elementwise::lower_fused(head, expr, cx),
        Op::Shape { start, end } => movement::lower_shape(start, end, cx),
    }
}

/// `(lo, hi)` where a fused epilogue is a ReLU or a Clip of its head's output and nothing
/// else (an open Clip side is infinite): kernels clip that as they store.
fn clamp_bounds(expr: &FusedExpr) -> Option<(f32, f32)> {
    match expr {
        FusedExpr::Unary(UnaryOp::Relu, x) if matches!(**x, FusedExpr::Input(0)) => Some((0.0, f32::INFINITY)),
        FusedExpr::Unary(UnaryOp::Clip { min, max }, x) if matches!(**x, FusedExpr::Input(0)) => {
            Some((min.unwrap_or(f32::NEG_INFINITY), max.unwrap_or(f32::INFINITY)))
        }
        _ => None,
    }
}

/// An optional bias operand as a kernel argument: `Some(v)` or `None`.
fn bias_arg(b: Option<&Operand>) -> TokenStream {
    match b {
        Some(b) => {
            let bi = &b.ident;
            quote!(Some(#bi))
        }
        None => quote!(None),
    }
}

/// A convolution's arguments up to its output (`x, x_shape, w, w_shape, bias, &params,`), and
/// its scratch argument.
fn conv_args(
    xs: &[Operand],
    group: usize,
    window: &crate::ir::Window,
    scratch: Option<&proc_macro2::Ident>,
    sym: &DimIdents,
) -> Result<(TokenStream, TokenStream), String> {
    let k = quote!(rt::kernels);
    let x = xs.first().ok_or("op without inputs")?;
    let (xi, xd) = (&x.ident, sym.shape(&x.dims)?);
    let w = xs.get(1).ok_or("missing weights")?;
    let (wi, wd) = (&w.ident, sym.shape(&w.dims)?);
    let bias = bias_arg(xs.get(2));
    let (s, d, p) = (usizes(&window.strides), usizes(&window.dilations), usizes(&window.pads));
    let g = Literal::usize_unsuffixed(group);
    let scratch = match scratch {
        Some(s) => quote!(#s),
        None => quote!(&mut []),
    };
    let args =
        quote!(#xi, #xd, #wi, #wd, #bias, &#k::conv::ConvParams { group: #g, strides: #s, dilations: #d, pads: #p },);
    Ok((args, scratch))
}

/// `(data, &shape[..])` for a kernel's operand list (`sym.shape` is already a reference).
fn operand(o: &Operand, sym: &DimIdents) -> Result<TokenStream, LowerError> {
    let (i, d) = (&o.ident, sym.shape(&o.dims)?);
    Ok(quote!((#i, #d[..])))
}

/// The Rust type of a fused computation's floats.
fn float_type(dtype: DType) -> Result<TokenStream, LowerError> {
    match dtype {
        DType::F32 => Ok(quote!(f32)),
        DType::F64 => Ok(quote!(f64)),
        other => Err(LowerError::Unsupported(format!("a fused computation on {other}"))),
    }
}

/// An epilogue applied to values a kernel computed (a fused Conv/MatMul's output, attention's
/// raw scores): the operand list of `leaves` and the closure `|a, v| expr`, where the
/// expression's `Input(0)` is `a` and `Input(k)` is `v[k - 1]`, leaf `k - 1`.
fn epilogue(
    expr: &FusedExpr,
    dtype: DType,
    leaves: &[Operand],
    sym: &DimIdents,
) -> Result<(Vec<TokenStream>, TokenStream), LowerError> {
    let t = float_type(dtype)?;
    let parts = leaves.iter().map(|o| operand(o, sym)).collect::<Result<Vec<_>, LowerError>>()?;
    let n = Literal::usize_unsuffixed(leaves.len());
    let body = fused_tokens(expr, dtype, &|k| match k {
        0 => quote!(a),
        k => {
            let k = Literal::usize_unsuffixed(k - 1);
            quote!(v[#k])
        }
    })?;
    // Without leaves the array is empty and unused.
    let v = if leaves.is_empty() { format_ident!("_v") } else { format_ident!("v") };
    Ok((parts, quote!(|a: #t, #v: [#t; #n]| #body)))
}

/// A fused expression as Rust, element `v[k]` for input `k`. Every op calls the same scalar
/// function its unfused kernel maps over the tensor, so fusing never changes a result.
fn fused_tokens(e: &FusedExpr, dtype: DType, leaf: &dyn Fn(usize) -> TokenStream) -> Result<TokenStream, LowerError> {
    let k = quote!(rt::kernels);
    Ok(match e {
        FusedExpr::Input(i) => leaf(*i),
        FusedExpr::Binary(b, x, y) => {
            let (x, y) = (fused_tokens(x, dtype, leaf)?, fused_tokens(y, dtype, leaf)?);
            if !Op::Binary(*b).fusable() {
                return Err(LowerError::Unsupported(format!("{b:?} is not fusable")));
            }
            let f = binary_name(*b);
            let f = format_ident!("{f}");
            quote!(#k::binary::Arith::#f(#x, #y))
        }
        FusedExpr::Unary(u, x) => {
            let x = fused_tokens(x, dtype, leaf)?;
            let s = quote!(rt::scalar);
            match u {
                UnaryOp::Identity => x,
                UnaryOp::Clip { min, max } => {
                    // The clip kernel's steps: raise to `min`, then lower to `max`.
                    let lo = min.map(|m| {
                        let m = scalar(dtype, m as f64);
                        quote!(if c < #m { c = #m; })
                    });
                    let hi = max.map(|m| {
                        let m = scalar(dtype, m as f64);
                        quote!(if c > #m { c = #m; })
                    });
                    quote!({ let mut c = #x; #lo #hi c })
                }
                UnaryOp::Neg => quote!(#k::unary::Signed::neg(#x)),
                UnaryOp::Abs => quote!(#k::unary::Signed::abs(#x)),
                UnaryOp::Relu => quote!(#s::relu(#x)),
                UnaryOp::Math(f) => match f {
                    MathFn::Exp => quote!(#s::Float::exp(#x)),
                    MathFn::Log => quote!(#s::Float::ln(#x)),
                    MathFn::Sqrt => quote!(#s::Float::sqrt(#x)),
                    MathFn::Tanh => quote!(#s::Float::tanh(#x)),
                    MathFn::Erf => quote!(#s::Float::erf(#x)),
                    MathFn::Sigmoid => quote!(#s::sigmoid(#x)),
                    MathFn::Gelu => quote!(#s::gelu_erf(#x)),
                    MathFn::GeluTanh => quote!(#s::gelu_tanh(#x)),
                    MathFn::HardSwish => quote!(#s::hard_swish(#x)),
                    MathFn::Softplus => quote!(#s::softplus(#x)),
                    // Parameters are f32 in the op; the kernel widens them to T as these literals do.
                    MathFn::HardSigmoid { alpha, beta } => {
                        let (a, b) = (scalar(dtype, *alpha as f64), scalar(dtype, *beta as f64));
                        quote!(#s::hard_sigmoid(#x, #a, #b))
                    }
                    MathFn::LeakyRelu { alpha } => {
                        let a = scalar(dtype, *alpha as f64);
                        quote!(#s::leaky_relu(#x, #a))
                    }
                    other => return Err(LowerError::Unsupported(format!("{other:?} is not fusable"))),
                },
                other => return Err(LowerError::Unsupported(format!("{other:?} is not fusable"))),
            }
        }
    })
}

/// The runtime's name for a binary op: its kernel in `kernels::binary` and its `Arith` method.
fn binary_name(b: BinaryOp) -> &'static str {
    match b {
        BinaryOp::Add => "add",
        BinaryOp::Sub => "sub",
        BinaryOp::Mul => "mul",
        BinaryOp::Div => "div",
        BinaryOp::Pow => "pow",
        BinaryOp::Max => "max",
        BinaryOp::Min => "min",
        BinaryOp::Equal => "equal",
        BinaryOp::Less => "less",
        BinaryOp::LessOrEqual => "less_or_equal",
        BinaryOp::Greater => "greater",
        BinaryOp::GreaterOrEqual => "greater_or_equal",
        BinaryOp::And => "and",
        BinaryOp::Or => "or",
        BinaryOp::Xor => "xor",
        BinaryOp::Mod { fmod: false } => "rem",
        BinaryOp::Mod { fmod: true } => "fmod",
        BinaryOp::BitAnd => "bit_and",
        BinaryOp::BitOr => "bit_or",
        BinaryOp::BitXor => "bit_xor",
        BinaryOp::ShiftLeft => "shift_left",
        BinaryOp::ShiftRight => "shift_right",
    }
}
