//! One lowering per core op: the call into runtime-min's kernels, with every shape and
//! attribute as a constant. Operands arrive as identifiers already bound to typed slices.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, ToTokens};

use super::dims::DimIdents;
use crate::ir::{BinaryOp, DType, Dim, FusedExpr, MathFn, Op, PadMode, PoolKind, ReduceKind, Reduction, UnaryOp};
use crate::plan::prepack::Packing;

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

/// The kernel call computing `y` from `xs` (and `scratch` where the kernel needs it).
pub fn lower(
    op: &Op,
    xs: &[Operand],
    y: &Operand,
    scratch: Option<&proc_macro2::Ident>,
    sym: &DimIdents,
) -> Result<TokenStream, String> {
    let x = xs.first().ok_or("op without inputs")?;
    let (xi, xd) = (&x.ident, sym.shape(&x.dims)?);
    let (yi, yd) = (&y.ident, sym.shape(&y.dims)?);
    let k = quote!(rt::kernels);
    Ok(match op {
        Op::Unary(u) => match u {
            UnaryOp::Math(f) => {
                let f = math_fn(*f);
                quote!(#k::math::apply(#k::math::MathFn::#f, #xi, #yi)?;)
            }
            UnaryOp::Clip { min, max } => {
                let b = |v: &Option<f32>| match v {
                    Some(v) => {
                        let s = scalar(x.dtype, *v as f64);
                        quote!(Some(#s))
                    }
                    None => quote!(None),
                };
                let (lo, hi) = (b(min), b(max));
                quote!(#k::unary::clip(#xi, #yi, #lo, #hi)?;)
            }
            UnaryOp::IsInf { positive, negative } => quote!(#k::unary::is_inf(#xi, #yi, #positive, #negative)?;),
            other => {
                let name = match other {
                    UnaryOp::Identity => "identity",
                    UnaryOp::Neg => "neg",
                    UnaryOp::Abs => "abs",
                    UnaryOp::Relu => "relu",
                    UnaryOp::Sign => "sign",
                    UnaryOp::Not => "not",
                    UnaryOp::BitNot => "bit_not",
                    UnaryOp::IsNaN => "is_nan",
                    UnaryOp::Math(_) | UnaryOp::Clip { .. } | UnaryOp::IsInf { .. } => "unreachable",
                };
                let f = format_ident!("{name}");
                quote!(#k::unary::#f(#xi, #yi)?;)
            }
        },
        Op::Binary(b) => {
            let bx = xs.get(1).ok_or("missing operand")?;
            let (bi, bd) = (&bx.ident, sym.shape(&bx.dims)?);
            let name = binary_name(*b);
            let f = format_ident!("{name}");
            quote!(#k::binary::#f(#xi, #xd, #bi, #bd, #yi, #yd)?;)
        }
        Op::Where => {
            let (a, b) = (xs.get(1).ok_or("missing operand")?, xs.get(2).ok_or("missing operand")?);
            let (ai, ad, bi, bd) = (&a.ident, sym.shape(&a.dims)?, &b.ident, sym.shape(&b.dims)?);
            quote!(#k::elementwise::select(#xi, #xd, #ai, #ad, #bi, #bd, #yi, #yd)?;)
        }
        Op::Cast { .. } => quote!(#k::unary::cast(#xi, #yi)?;),
        Op::BitCast { .. } => quote!(#k::unary::bitcast(#xi, #yi)?;),
        Op::MatMul => {
            let b = xs.get(1).ok_or("missing operand")?;
            let (bi, bd) = (&b.ident, sym.shape(&b.dims)?);
            let kernel = if b.prepacked() { quote!(matmul_prepacked) } else { quote!(matmul) };
            quote!(#k::matmul::#kernel(#xi, #xd, #bi, #bd, #yi, #yd)?;)
        }
        Op::Conv { group, window } => {
            let (args, scratch) = conv_args(xs, *group, window, scratch, sym)?;
            let kernel = conv_kernel(xs.get(1), false);
            quote!(#kernel(#args #yi, #yd, #scratch)?;)
        }
        Op::ConvTranspose { group, strides, dilations, pads_begin, .. } => {
            let w = xs.get(1).ok_or("missing weights")?;
            let (wi, wd) = (&w.ident, sym.shape(&w.dims)?);
            let bias = bias_arg(xs.get(2));
            let (s, d, p, g) =
                (usizes(strides), usizes(dilations), usizes(pads_begin), Literal::usize_unsuffixed(*group));
            quote! {
                #k::conv_transpose::conv_transpose(#xi, #xd, #wi, #wd, #bias,
                    &#k::conv_transpose::ConvTransposeParams { group: #g, strides: #s, dilations: #d, pads_begin: #p },
                    #yi, #yd)?;
            }
        }
        Op::Pool { kind, window, .. } => {
            let (kk, s, d, p) =
                (usizes(&window.kernel), usizes(&window.strides), usizes(&window.dilations), usizes(&window.pads));
            let params = quote!(&#k::pool::PoolParams { kernel: #kk, strides: #s, dilations: #d, pads: #p });
            match kind {
                PoolKind::Max => quote!(#k::pool::max_pool(#xi, #xd, #params, #yi, #yd)?;),
                PoolKind::Avg { count_include_pad } => {
                    quote!(#k::pool::avg_pool(#xi, #xd, #params, #count_include_pad, #yi, #yd)?;)
                }
            }
        }
        Op::MaxPoolIndices { window, column_major, .. } => {
            let (kk, s, d, p) =
                (usizes(&window.kernel), usizes(&window.strides), usizes(&window.dilations), usizes(&window.pads));
            quote!(#k::pool::max_pool_indices(#xi, #xd, &#k::pool::PoolParams { kernel: #kk, strides: #s, dilations: #d, pads: #p }, #column_major, #yi, #yd)?;)
        }
        Op::Lrn { size, alpha, beta, bias } => {
            let f = |v: f32| scalar(DType::F64, v as f64);
            let (a, b, c) = (f(*alpha), f(*beta), f(*bias));
            let sz = Literal::usize_unsuffixed(*size);
            quote!(#k::norm::lrn(#xi, #xd, #sz, #a, #b, #c, #yi)?;)
        }
        Op::Softmax { axis, log } => {
            let (o, l, i) = (
                Dim::product(&x.dims[..*axis]),
                x.dims.get(*axis).ok_or("softmax axis outside rank")?,
                Dim::product(&x.dims[axis + 1..]),
            );
            let (o, l, i) = (sym.dim(&o)?, sym.dim(l)?, sym.dim(&i)?);
            let f = if *log { format_ident!("log_softmax") } else { format_ident!("softmax") };
            quote!(#k::norm::#f(#xi, #yi, #o, #l, #i)?;)
        }
        Op::Reduce { kind, axes, .. } => {
            let name = match (kind, x.dtype.is_float()) {
                (ReduceKind::Sum, false) => "sum_int",
                (ReduceKind::Sum, true) => "sum",
                (ReduceKind::Mean, _) => "mean",
                (ReduceKind::Max, _) => "max",
                (ReduceKind::Min, _) => "min",
                (ReduceKind::Prod, _) => "prod",
                (ReduceKind::SumSquare, _) => "sum_square",
                (ReduceKind::L1, _) => "l1",
                (ReduceKind::L2, _) => "l2",
                (ReduceKind::LogSumExp, _) => "log_sum_exp",
            };
            let f = format_ident!("{name}");
            let a = usizes(axes);
            quote!(#k::reductions::#f(#xi, #xd, #a, #yi)?;)
        }
        Op::ArgReduce { max, axis, select_last, .. } => {
            let a = Literal::usize_unsuffixed(*axis);
            quote!(#k::reduce::arg_reduce(#xi, #xd, #a, #max, #select_last, #yi)?;)
        }
        Op::Reshape { .. } => quote!(#k::unary::identity(#xi, #yi)?;),
        Op::Transpose { perm } => {
            let p = usizes(perm);
            quote!(#k::movement::transpose(#xi, #xd, #p, #yi)?;)
        }
        Op::Concat { axis } => {
            let parts = xs
                .iter()
                .map(|o| {
                    let (i, d) = (&o.ident, sym.shape(&o.dims)?);
                    Ok(quote!((&#i[..], &#d[..])))
                })
                .collect::<Result<Vec<_>, String>>()?;
            let a = Literal::usize_unsuffixed(*axis);
            quote!(#k::movement::concat(&[#(#parts),*], #a, #yi, #yd)?;)
        }
        Op::Gather { axis } => {
            let i = xs.get(1).ok_or("missing indices")?;
            let (ii, id) = (&i.ident, sym.shape(&i.dims)?);
            let a = Literal::usize_unsuffixed(*axis);
            quote!(#k::movement::gather(#xi, #xd, #ii, #id, #a, #yi)?;)
        }
        Op::GridSample { mode, padding, align_corners } => {
            let g = xs.get(1).ok_or("missing grid")?;
            let (gi, gd) = (&g.ident, sym.shape(&g.dims)?);
            let (m, p) = (format_ident!("{}", format!("{mode:?}")), format_ident!("{}", format!("{padding:?}")));
            quote!(#k::grid_sample::grid_sample(#xi, #xd, #gi, #gd, #k::grid_sample::GridMode::#m, #k::grid_sample::GridPadding::#p, #align_corners, #yi)?;)
        }
        Op::RoiAlign { max_mode, half_pixel, spatial_scale, sampling_ratio, .. } => {
            let (rois, b) = (xs.get(1).ok_or("missing rois")?, xs.get(2).ok_or("missing batch indices")?);
            let (ri, bi) = (&rois.ident, &b.ident);
            let (s, sr) = (scalar(DType::F32, *spatial_scale as f64), Literal::usize_unsuffixed(*sampling_ratio));
            quote!(#k::roi_align::roi_align(#xi, #xd, #ri, #bi,
                &#k::roi_align::RoiAlignParams { max_mode: #max_mode, half_pixel: #half_pixel, spatial_scale: #s, sampling_ratio: #sr },
                #yi, #yd)?;)
        }
        Op::Det => quote!(#k::linalg::det(#xi, #xd, #yi)?;),
        Op::Cumulative { axis, exclusive, reverse, product } => {
            let id = scalar(x.dtype, if *product { 1.0 } else { 0.0 });
            let a = Literal::usize_unsuffixed(*axis);
            quote!(#k::scan::cumulative(#xi, #xd, #a, #exclusive, #reverse, #product, #id, #yi)?;)
        }
        Op::TopK { axis, k: count, largest, indices } => {
            let (a, c) = (Literal::usize_unsuffixed(*axis), Literal::usize_unsuffixed(*count));
            if *indices {
                quote!(#k::select::top_k(#xi, #xd, #a, #c, #largest, &mut [], #yi)?;)
            } else {
                quote!(#k::select::top_k(#xi, #xd, #a, #c, #largest, #yi, &mut [])?;)
            }
        }
        Op::ScatterElements { axis, reduction } => {
            let (i, u) = (xs.get(1).ok_or("missing indices")?, xs.get(2).ok_or("missing updates")?);
            let (ii, id, ui) = (&i.ident, sym.shape(&i.dims)?, &u.ident);
            let (a, r) = (Literal::usize_unsuffixed(*axis), reduction_tokens(*reduction));
            quote!(#k::scatter::scatter_elements(#xi, #xd, #ii, #id, #ui, #a, #k::scatter::Reduction::#r, #yi)?;)
        }
        Op::ScatterNd { reduction } => {
            let (i, u) = (xs.get(1).ok_or("missing indices")?, xs.get(2).ok_or("missing updates")?);
            let (ii, id, ui) = (&i.ident, sym.shape(&i.dims)?, &u.ident);
            let r = reduction_tokens(*reduction);
            quote!(#k::scatter::scatter_nd(#xi, #xd, #ii, #id, #ui, #k::scatter::Reduction::#r, #yi)?;)
        }
        Op::GatherNd { batch_dims } => {
            let i = xs.get(1).ok_or("missing indices")?;
            let (ii, id) = (&i.ident, sym.shape(&i.dims)?);
            let b = Literal::usize_unsuffixed(*batch_dims);
            quote!(#k::scatter::gather_nd(#xi, #xd, #ii, #id, #b, #yi)?;)
        }
        Op::Resample { axis } => {
            let (i, c) = (xs.get(1).ok_or("missing indices")?, xs.get(2).ok_or("missing coefficients")?);
            let (ii, ci) = (&i.ident, &c.ident);
            let (a, taps) = (Literal::usize_unsuffixed(*axis), sym.dim(i.dims.get(1).unwrap_or(&Dim::int(1)))?);
            quote!(#k::resample::resample(#xi, #xd, #a, #ii, #ci, #taps, #yi)?;)
        }
        Op::GatherElements { axis } => {
            let i = xs.get(1).ok_or("missing indices")?;
            let (ii, id) = (&i.ident, sym.shape(&i.dims)?);
            let a = Literal::usize_unsuffixed(*axis);
            quote!(#k::scatter::gather_elements(#xi, #xd, #ii, #id, #a, #yi)?;)
        }
        Op::Slice { starts, steps, .. } => {
            let (s, t) = (i64s(starts), i64s(steps));
            quote!(#k::movement::slice(#xi, #xd, #s, #t, #yi, #yd)?;)
        }
        Op::Expand { .. } => quote!(#k::elementwise::broadcast_to(#xi, #xd, #yi, #yd)?;),
        Op::Tile { .. } => quote!(#k::movement::tile(#xi, #xd, #yi, #yd)?;),
        Op::Pad { pads, mode, value } => {
            let p = i64s(pads);
            let m = format_ident!(
                "{}",
                match mode {
                    PadMode::Constant => "Constant",
                    PadMode::Reflect => "Reflect",
                    PadMode::Edge => "Edge",
                    PadMode::Wrap => "Wrap",
                }
            );
            let v = scalar(x.dtype, *value);
            quote!(#k::movement::pad(#xi, #xd, #p, #k::movement::PadMode::#m, #v, #yi, #yd)?;)
        }
        Op::LayerNorm { epsilon } => {
            let (s, b) = (xs.get(1).ok_or("missing scale")?, xs.get(2).ok_or("missing bias")?);
            let (si, bi, e) = (&s.ident, &b.ident, scalar(x.dtype, *epsilon));
            quote!(#k::norm::layer_norm(#xi, #xd, #e, #si, #bi, #yi)?;)
        }
        Op::SqueezeExcite { act, gate, project } => {
            let [w1, b1, w2, b2] =
                [1, 2, 3, 4].map(|i| xs.get(i).map(|o| &o.ident).ok_or("SqueezeExcite takes x and four weights"));
            let (w1, b1, w2, b2) = (w1?, b1?, w2?, b2?);
            let t = float_type(x.dtype)?;
            let [act, gate] = [act, gate].map(|e| fused_tokens(e, x.dtype, &|_| quote!(v[0])));
            let (act, gate) = (act?, gate?);
            let scratch = scratch.ok_or("SqueezeExcite needs scratch")?;
            let e = quote!(#k::excite::Excite { w1: #w1, b1: #b1, w2: #w2, b2: #b2, act: |v: [#t; 1]| #act, gate: |v: [#t; 1]| #gate });
            if !*project {
                quote!(#k::excite::squeeze_excite(#xi, #xd, #e, #yi, #scratch)?;)
            } else {
                let [wp, bp] = [5, 6].map(|i| xs.get(i).ok_or("a projecting SqueezeExcite takes seven inputs"));
                let (wp, bp) = (wp?, &bp?.ident);
                let (wi, wd) = (&wp.ident, sym.shape(&wp.dims)?);
                if wp.prepacked() {
                    quote!(#k::excite::squeeze_excite_project_prepacked(#xi, #xd, #e, #wi, #wd, #bp, #yi, #yd, #scratch)?;)
                } else {
                    quote!(#k::excite::squeeze_excite_project(#xi, #xd, #e, #wi, #bp, #yi, #yd, #scratch)?;)
                }
            }
        }
        Op::Recurrence { cell, reverse, cell_output } => {
            let [rt, h0, extra] = [1, 2, 3].map(|i| xs.get(i).ok_or("a recurrence needs xw, rt, h0 and extra"));
            let (rt, h0, extra) = (rt?, h0?, extra?);
            let (ri, rd, hi, ei) = (&rt.ident, sym.shape(&rt.dims)?, &h0.ident, &extra.ident);
            let cell = match cell {
                crate::ir::RecurrentCell::Lstm => quote!(Lstm),
                crate::ir::RecurrentCell::Gru => quote!(Gru),
            };
            let scratch = scratch.ok_or("a recurrence needs scratch")?;
            quote!(#k::recurrent::recurrence(#k::recurrent::Cell::#cell, #reverse, #cell_output, (#xi, #xd[..]), (#ri, #rd[..]), #hi, #ei, #yi, #scratch)?;)
        }
        Op::Attention { heads, head_dim, offsets, score } => {
            let [q, kk, v] = [0, 1, 2].map(|i| {
                xs.get(i).ok_or_else(|| "attention needs q, k and v".to_string()).and_then(|o| operand(o, sym))
            });
            let (q, kk, v) = (q?, kk?, v?);
            let (parts, closure) = epilogue(score, x.dtype, xs.get(3..).unwrap_or_default(), sym)?;
            let scratch = scratch.ok_or("attention needs scratch")?;
            let (h, d) = (Literal::usize_unsuffixed(*heads), Literal::usize_unsuffixed(*head_dim));
            let offs = offsets.map(Literal::usize_unsuffixed);
            quote! {
                #k::attention::attention(#q, #kk, #v,
                    #k::attention::Heads { heads: #h, head_dim: #d, offsets: [#(#offs),*] },
                    #yi, #scratch, [#(#parts),*], #closure)?;
            }
        }
        Op::Fused { head, expr } => {
            let split = head.as_ref().map_or(0, |h| h.inputs);
            let leaves = xs.get(split..).ok_or("a fused head takes more inputs than the node has")?;
            match head {
                None => {
                    let t = float_type(x.dtype)?;
                    let parts = leaves.iter().map(|o| operand(o, sym)).collect::<Result<Vec<_>, String>>()?;
                    let n = Literal::usize_unsuffixed(leaves.len());
                    let body = fused_tokens(expr, x.dtype, &|k| {
                        let k = Literal::usize_unsuffixed(k);
                        quote!(v[#k])
                    })?;
                    quote!(#k::elementwise::fused([#(#parts),*], #yi, #yd, |v: [#t; #n]| #body)?;)
                }
                Some(h) if matches!(*h.op, Op::Conv { .. }) && x.dtype == DType::F32 => {
                    // The epilogue runs inside the convolution, on each block of outputs its
                    // GEMM (or depthwise kernel) finishes; a lone ReLU or Clip on GEMM-packed
                    // weights inside the GEMM's stores.
                    let Op::Conv { group, window } = h.op.as_ref() else { return Err("a convolution head".into()) };
                    let gemm_packed = matches!(xs.get(1).and_then(|w| w.packing), Some(Packing::ConvWeights { .. }));
                    if let (Some((lo, hi)), true) = (clamp_bounds(expr), gemm_packed && leaves.is_empty()) {
                        let (args, scratch) = conv_args(&xs[..split], *group, window, scratch, sym)?;
                        let (yi, yd) = (&y.ident, sym.shape(&y.dims)?);
                        let (lo, hi) = (scalar(DType::F32, lo as f64), scalar(DType::F32, hi as f64));
                        return Ok(quote!(#k::conv::conv_prepacked_clamped(#args #yi, #yd, #scratch, #lo, #hi)?;));
                    }
                    let (parts, closure) = epilogue(expr, x.dtype, leaves, sym)?;
                    let (args, scratch) = conv_args(&xs[..split], *group, window, scratch, sym)?;
                    let (yi, yd) = (&y.ident, sym.shape(&y.dims)?);
                    let kernel = conv_kernel(xs.get(1), true);
                    quote!(#kernel(#args #yi, #yd, #scratch, [#(#parts),*], #closure)?;)
                }
                Some(h) => {
                    // The head writes y; the epilogue then runs over it in place.
                    let call = lower(&h.op, &xs[..split], y, scratch, sym)?;
                    let (parts, closure) = epilogue(expr, x.dtype, leaves, sym)?;
                    quote! {
                        #call
                        #k::elementwise::fused_in_place(#yi, #yd, [#(#parts),*], #closure)?;
                    }
                }
            }
        }
        Op::Shape { start, end } => {
            // Symbolic dims known only at run time (static ones fold at import).
            let ds = x
                .dims
                .get(*start..*end)
                .ok_or("shape range outside the rank")?
                .iter()
                .map(|d| sym.dim(d))
                .collect::<Result<Vec<_>, _>>()?;
            quote! {
                let _ = #xi;
                for (o, d) in #yi.iter_mut().zip([#(#ds),*]) { *o = d as i64; }
            }
        }
    })
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
fn operand(o: &Operand, sym: &DimIdents) -> Result<TokenStream, String> {
    let (i, d) = (&o.ident, sym.shape(&o.dims)?);
    Ok(quote!((#i, #d[..])))
}

/// The Rust type of a fused computation's floats.
fn float_type(dtype: DType) -> Result<TokenStream, String> {
    match dtype {
        DType::F32 => Ok(quote!(f32)),
        DType::F64 => Ok(quote!(f64)),
        other => Err(format!("a fused computation on {other}")),
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
) -> Result<(Vec<TokenStream>, TokenStream), String> {
    let t = float_type(dtype)?;
    let parts = leaves.iter().map(|o| operand(o, sym)).collect::<Result<Vec<_>, String>>()?;
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
fn fused_tokens(e: &FusedExpr, dtype: DType, leaf: &dyn Fn(usize) -> TokenStream) -> Result<TokenStream, String> {
    let k = quote!(rt::kernels);
    Ok(match e {
        FusedExpr::Input(i) => leaf(*i),
        FusedExpr::Binary(b, x, y) => {
            let (x, y) = (fused_tokens(x, dtype, leaf)?, fused_tokens(y, dtype, leaf)?);
            if !Op::Binary(*b).fusable() {
                return Err(format!("{b:?} is not fusable"));
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
                    other => return Err(format!("{other:?} is not fusable")),
                },
                other => return Err(format!("{other:?} is not fusable")),
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
