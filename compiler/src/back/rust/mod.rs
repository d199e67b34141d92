//! The Rust back-end: a module with a typed `Model` whose `run` is straight-line calls into
//! runtime-min's kernels, with every shape and offset a constant, plus the weight blob.
//!
//! Architecture invariants: generated code has no `unsafe`, never embeds weights as literals
//! (one blob, `include_bytes!`), is formatted with prettyplease and is deterministic.

mod cuda_host;
mod dims;
mod namer;
mod node;
mod ops;
mod profile;

use std::collections::HashMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, ToTokens};

pub(crate) use namer::{module_name, Namer};

use crate::ir::{DType, Data, Dim, Graph, Node, NodeId, Op, Tensor, ValueId};
use crate::plan::{Loc, Plan};
use crate::Error;
use dims::DimIdents;
use ops::Operand;

/// How the generated module finds its weight blob.
#[derive(Debug, Clone)]
pub enum BlobPath {
    /// Next to the generated `.rs` file: `include_bytes!("net.bin")`.
    Sibling(String),
    /// In `OUT_DIR`: `include_bytes!(concat!(env!("OUT_DIR"), "/net.bin"))`.
    OutDir(String),
    /// An absolute path (the proc macro).
    Absolute(String),
}

impl BlobPath {
    /// The same place with the file's extension replaced: `net.bin` -> `net.ptx`.
    pub(crate) fn with_ext(&self, ext: &str) -> BlobPath {
        let swap = |f: &str| match f.rsplit_once('.') {
            Some((stem, _)) => format!("{stem}.{ext}"),
            None => format!("{f}.{ext}"),
        };
        match self {
            BlobPath::Sibling(f) => BlobPath::Sibling(swap(f)),
            BlobPath::OutDir(f) => BlobPath::OutDir(swap(f)),
            BlobPath::Absolute(f) => BlobPath::Absolute(swap(f)),
        }
    }
}

/// Options of the Rust back-end.
#[derive(Debug, Clone)]
pub struct RustOptions {
    /// The module's name.
    pub name: String,
    /// The path of the runtime crate as generated code names it (`::ronn_runtime`,
    /// `::ronn::runtime`).
    pub runtime: String,
    /// Where the module reads its weight blob from.
    pub blob: BlobPath,
    /// Also emit `run_any`, a dynamically typed entry point used by standalone executables and
    /// `ronnc check`.
    pub dyn_api: bool,
    /// Per-node timers and the `PROFILE` table they fill (CPU code only).
    pub profile: bool,
    /// The source file the model came from, for the doc comment.
    pub source: String,
    /// A device body instead of CPU kernel calls (`--target cuda`).
    pub cuda: Option<CudaHost>,
}

/// What the host side of a CUDA model needs: where its PTX is and the launch sequence.
#[derive(Debug, Clone)]
pub struct CudaHost {
    /// The PTX file, found like the blob.
    pub ptx: BlobPath,
    /// The kernels and their launch sequence.
    pub program: crate::back::cuda::Program,
}

/// Generated code and its weight blob.
pub struct RustModule {
    /// The module's source: `pub mod NAME { ... }`, formatted.
    pub code: String,
    /// The weight blob the code includes (64-byte-aligned offsets, little-endian).
    pub blob: Vec<u8>,
    /// The kernels of a CUDA model.
    pub cuda: Option<CudaFiles>,
}

/// A CUDA model's kernels: the CUDA C translation unit and its PTX.
#[derive(Debug, Clone)]
pub struct CudaFiles {
    /// The CUDA C translation unit.
    pub source: String,
    /// Its PTX; empty when built with `ptx: false` (see [`crate::Target::Cuda`]).
    pub ptx: String,
}

/// Writes the module for a planned graph.
pub fn emit(g: &Graph, plan: &Plan, opts: &RustOptions) -> Result<RustModule, Error> {
    let tokens = module_tokens(g, plan, opts)?;
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| Error::Emit(format!("generated code does not parse: {e}")))?;
    // Node markers become plain comments (a doc comment on a block is a warning).
    let code = prettyplease::unparse(&file).replace(&format!("///{NODE_MARK}"), "// ");
    Ok(RustModule { code, blob: blob(g, plan)?, cuda: None })
}

/// Prefix of the doc attribute that marks a node's block; turned into a `//` comment.
const NODE_MARK: &str = "@ronn-node ";

/// A model name made safe for a one-line comment.
fn printable(name: &str) -> String {
    name.chars().map(|c| if c.is_control() { '_' } else { c }).collect()
}

/// The weight blob: every constant at its planned offset, packed ones in their packed form.
fn blob(g: &Graph, plan: &Plan) -> Result<Vec<u8>, Error> {
    let mut out = vec![0u8; plan.weight_bytes];
    for &v in &plan.weights {
        if let (Some(Loc::Weight { offset, len }), Some(t)) = (plan.loc(v), g.const_value(v)) {
            let bytes = match plan.prepacked.get(&v) {
                Some(&packing) => crate::plan::prepack::packed_bytes(t, packing)
                    .map_err(|e| Error::Emit(format!("packing `{}`: {e}", g.value(v).name)))?,
                None => t.data.to_le_bytes(),
            };
            let slot = out.get_mut(offset..offset + len).filter(|s| s.len() == bytes.len());
            slot.ok_or_else(|| {
                Error::Emit(format!("constant `{}` does not fit its planned blob slot", g.value(v).name))
            })?
            .copy_from_slice(&bytes);
        }
    }
    Ok(out)
}

fn ty_tokens(d: DType) -> TokenStream {
    match d {
        DType::F16 => quote!(rt::f16),
        DType::BF16 => quote!(rt::bf16),
        other => {
            let i = format_ident!("{}", other.rust_name());
            quote!(#i)
        }
    }
}

fn usizes(v: &[usize]) -> TokenStream {
    let v = v.iter().map(|&d| Literal::usize_unsuffixed(d));
    quote!(&[#(#v),*])
}

fn lit(n: usize) -> Literal {
    Literal::usize_unsuffixed(n)
}

struct Io {
    ident: proc_macro2::Ident,
    name: String,
    dtype: DType,
    dims: Vec<Dim>,
}

/// The dims of `run`'s inputs: each symbol bound to a local from the first input axis that is
/// exactly that symbol, with its bound.
fn bind_symbols(g: &Graph, inputs: &[Io], namer: &mut Namer) -> Result<(DimIdents, Vec<TokenStream>), Error> {
    let mut ids = DimIdents::default();
    let mut binds = Vec::new();
    for io in inputs {
        let (id, name, rank) = (&io.ident, &io.name, lit(io.dims.len()));
        if io.dims.iter().all(Dim::is_fixed) {
            continue;
        }
        let at_bounds = usizes(&bounded_dims(g, &io.dims)?);
        binds.push(quote! {
            if #id.shape.len() != #rank { return Err(rt::Error::input_shape(#name, #at_bounds, #id.shape)); }
        });
        for (axis, d) in io.dims.iter().enumerate() {
            let Some(s) = d.symbols().into_iter().next().filter(|s| *d == Dim::sym(s)) else { continue };
            if ids.idents.contains_key(s) {
                continue;
            }
            let local = format_ident!("{}", namer.ident(&format!("dim_{s}")));
            let max =
                lit(*g.bounds.get(s).ok_or_else(|| Error::Emit(format!("the symbolic dim `{s}` has no bound")))?);
            let axis = lit(axis);
            let least = g.mins.get(s).copied().unwrap_or(1);
            let min = lit(least);
            // (`usize < 0` would draw a lint in the user's crate.)
            let below = if least > 0 { quote!(#local < #min ||) } else { quote!() };
            binds.push(quote! {
                let #local: usize = #id.shape[#axis];
                if #below #local > #max { return Err(rt::Error::DimRange { dim: #s, value: #local, min: #min, max: #max }); }
            });
            ids.idents.insert(s.to_string(), local);
        }
    }
    Ok((ids, binds))
}

/// `run`'s checks of the sizes it computes from the inputs, before anything else: sizes that
/// would be negative at small inputs (a window over too small an image: the checked rooms,
/// innermost first, then any other size that can be negative at the symbols' least), then the
/// sizes the model joins and the element counts it reshapes between that are equal only for
/// some inputs.
fn size_checks(g: &Graph, sym: &DimIdents) -> Result<Vec<TokenStream>, String> {
    let produced: Vec<&Dim> =
        g.node_ids().flat_map(|n| g.node(n).outputs.iter().flat_map(|&v| &g.value(v).ty.shape)).collect();
    let min_of = |s: &str| g.mins.get(s).map_or(1, |&m| m as i64);
    let can_be_negative = |d: &&Dim| d.least_with(&min_of) < 0;
    let mut small: Vec<&Dim> = Vec::new();
    for d in produced.iter().flat_map(|d| d.checked()).chain(produced.iter().copied().filter(can_be_negative)) {
        if !small.contains(&d) {
            small.push(d);
        }
    }
    let mut equal: Vec<(Dim, Dim)> = g.equal_sizes.clone();
    for n in g.node_ids() {
        let node = g.node(n);
        if let (Op::Reshape { shape }, [x]) = (&node.op, node.inputs.as_slice()) {
            equal.push((g.value(*x).ty.numel_dim(), Dim::product(shape)));
        }
    }
    let mut checks = small.into_iter().map(|d| sym.nonnegative_check(d)).collect::<Result<Vec<_>, _>>()?;
    for (k, (a, b)) in equal.iter().enumerate() {
        if a != b && !equal[..k].iter().any(|(x, y)| x == a && y == b) {
            checks.push(sym.equality_check(a, b)?);
        }
    }
    Ok(checks)
}

/// Dims with every symbol at its bound (the sizes memory is planned for).
fn bounded_dims(g: &Graph, dims: &[Dim]) -> Result<Vec<usize>, Error> {
    let bound = |s: &str| g.bounds.get(s).and_then(|&b| i64::try_from(b).ok());
    dims.iter()
        .map(|d| {
            d.eval(&bound)
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| Error::Emit(format!("dim {d} has no value at the bounds")))
        })
        .collect()
}

fn module_tokens(g: &Graph, plan: &Plan, opts: &RustOptions) -> Result<TokenStream, Error> {
    let rt: syn::Path =
        syn::parse_str(&opts.runtime).map_err(|e| Error::Emit(format!("runtime path `{}`: {e}", opts.runtime)))?;
    let module = format_ident!("{}", module_name(&opts.name));
    let mut namer = Namer::default();
    let io = |namer: &mut Namer, v: ValueId| -> Result<Io, Error> {
        let val = g.value(v);
        Ok(Io {
            ident: format_ident!("{}", namer.ident(&val.name)),
            name: val.name.clone(),
            dtype: val.ty.dtype,
            dims: val.ty.shape.clone(),
        })
    };
    let inputs: Vec<Io> = g.inputs.iter().map(|&v| io(&mut namer, v)).collect::<Result<_, _>>()?;
    let mut out_namer = Namer::default();
    let outputs: Vec<Io> = g.outputs.iter().map(|&v| io(&mut out_namer, v)).collect::<Result<_, _>>()?;

    let blob_expr = file_expr(&opts.blob, "include_bytes");

    // `run`'s parameters and input checks.
    let params = inputs.iter().map(|i| {
        let (id, t) = (&i.ident, ty_tokens(i.dtype));
        quote!(#id: rt::TensorView<'_, #t>)
    });
    let (sym, symbol_binds) = bind_symbols(g, &inputs, &mut namer)?;
    let emit_err = |e: String| Error::Emit(e);
    let size_checks = size_checks(g, &sym).map_err(emit_err)?;
    let checks = inputs
        .iter()
        .map(|i| {
            let (id, name, dims, n) = (&i.ident, &i.name, sym.shape(&i.dims).map_err(emit_err)?, sym.dim(&Dim::product(&i.dims)).map_err(emit_err)?);
            Ok(quote! {
                if #id.shape != #dims { return Err(rt::Error::input_shape(#name, #dims, #id.shape)); }
                if #id.data.len() != #n { return Err(rt::Error::InputLen { input: #name, expected: #n, got: #id.data.len() }); }
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;

    // Inputs compiled for one value: anything else is refused.
    let value_checks = g
        .specialized
        .iter()
        .map(|(v, t)| {
            let i = g
                .inputs
                .iter()
                .position(|x| x == v)
                .ok_or_else(|| Error::Emit("a specialised value is not an input".into()))?;
            let (id, name) = (&inputs[i].ident, &inputs[i].name);
            let lits = tensor_literals(t)?;
            Ok(quote! {
                if #id.data[..] != [#(#lits),*] { return Err(rt::Error::InputValue { input: #name }); }
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;

    // Views run nothing: their memory is written by the nodes that produce their parts.
    let running: Vec<NodeId> = plan.schedule.iter().copied().filter(|n| !plan.views.nodes.contains(n)).collect();
    let steps = match &opts.cuda {
        None => running.iter().map(|&n| node::node_tokens(g, plan, n, &inputs, &sym)).collect::<Result<Vec<_>, _>>()?,
        Some(_) => cuda_host::cuda_steps(g, plan, &inputs)?,
    };
    let (steps, profile_table) =
        if opts.profile && opts.cuda.is_none() { profile::profiled(g, &running, steps) } else { (steps, quote!()) };

    let out_fields = outputs.iter().map(|o| {
        let (id, t) = (&o.ident, ty_tokens(o.dtype));
        let dims: Vec<String> = o.dims.iter().map(Dim::to_string).collect();
        let doc = format!(" Output `{}`, shape [{}].", printable(&o.name), dims.join(", "));
        quote!(#[doc = #doc] pub #id: rt::TensorView<'a, #t>)
    });
    // Symbolic output shapes are written to `self.shapes` so that the views can borrow them.
    let mut shape_slots: Vec<TokenStream> = Vec::new();
    let out_values = outputs
        .iter()
        .zip(&g.outputs)
        .map(|(o, &v)| {
            let Some(Loc::Arena { offset, .. }) = plan.loc(v) else {
                return Err(Error::Emit(format!("output `{}` is not in the arena", o.name)));
            };
            let len = Dim::product(&o.dims);
            let len = &len * &Dim::fixed(o.dtype.size());
            let (id, off, len) = (&o.ident, lit(offset), sym.dim(&len).map_err(emit_err)?);
            let dims = if o.dims.iter().all(Dim::is_fixed) {
                sym.shape(&o.dims).map_err(emit_err)?
            } else {
                let (from, to) = (lit(shape_slots.len()), lit(shape_slots.len() + o.dims.len()));
                for d in &o.dims {
                    shape_slots.push(sym.dim(d).map_err(emit_err)?);
                }
                quote!(&self.shapes[#from..#to])
            };
            let cast = node::cast_fn(o.dtype, false);
            Ok(quote!(#id: rt::TensorView::new(#cast(self.arena.get(#off, #len)?)?, #dims)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let n_slots = lit(shape_slots.len());
    let (shapes_field, shapes_init, shapes_set) = if shape_slots.is_empty() {
        (quote!(), quote!(), quote!())
    } else {
        (quote!(shapes: [usize; #n_slots],), quote!(shapes: [0; #n_slots],), quote!(self.shapes = [#(#shape_slots),*];))
    };

    let meta = |list: &[Io]| -> Result<TokenStream, Error> {
        let items = list
            .iter()
            .map(|i| {
                let (name, dims) = (&i.name, usizes(&bounded_dims(g, &i.dims)?));
                let d = format_ident!("{}", format!("{:?}", i.dtype));
                Ok(quote!((#name, rt::DType::#d, #dims)))
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(quote!(&[#(#items),*]))
    };
    let (in_meta, out_meta) = (meta(&inputs)?, meta(&outputs)?);
    let dims_meta = g.bounds.iter().map(|(s, &b)| {
        let b = lit(b);
        quote!((#s, #b))
    });
    let dims_const = if g.bounds.is_empty() {
        quote!()
    } else {
        quote! {
            /// Symbolic dims: (name, largest size). `INPUTS` and `OUTPUTS` show them at that size.
            pub const DIMS: &[(&str, usize)] = &[#(#dims_meta),*];
        }
    };
    let (arena_bytes, weight_bytes) = (lit(plan.arena_bytes), lit(plan.weight_bytes));
    let model = match &opts.cuda {
        None => ModelParts {
            fields: quote!(arena: rt::Arena, weights: rt::Weights,),
            new: quote! {
                /// Allocates the arena; the weights stay where the binary has them.
                pub fn new() -> Result<Self, rt::Error> {
                    rt::warn_if_unoptimized();
                    Ok(Model { arena: rt::Arena::new(ARENA_BYTES), weights: rt::Weights::new(BLOB), #shapes_init })
                }
            },
            prologue: quote! {
                let weights = self.weights;
                let arena = &mut self.arena;
                let _ = (&weights, &arena);
            },
            consts: quote!(),
            run_doc: " Runs the model. Checks every input's shape; never allocates.",
        },
        Some(c) => cuda_host::cuda_model_parts(g, plan, c, &module.to_string())?,
    };
    let ModelParts { fields: model_fields, new: model_new, prologue, consts: target_consts, run_doc } = model;
    let dyn_api = if opts.dyn_api { dyn_api_tokens(&inputs, &outputs) } else { quote!() };
    let doc = format!(" Generated by ronn from `{}`. Do not edit.", opts.source);
    let model_doc = format!(" The compiled model: {} input(s), {} output(s).", inputs.len(), outputs.len());

    Ok(quote! {
        #[doc = #doc]
        #[allow(clippy::all, unused_braces)]
        pub mod #module {
            use #rt as rt;

            static BLOB: &rt::Blob<[u8]> = &rt::Blob(*#blob_expr);

            /// Bytes of intermediate memory the model allocates once, in `Model::new`.
            pub const ARENA_BYTES: usize = #arena_bytes;
            /// Bytes of weights embedded in the binary.
            pub const WEIGHT_BYTES: usize = #weight_bytes;
            /// Inputs: (ONNX name, dtype, shape).
            pub const INPUTS: &[(&str, rt::DType, &[usize])] = #in_meta;
            /// Outputs: (ONNX name, dtype, shape).
            pub const OUTPUTS: &[(&str, rt::DType, &[usize])] = #out_meta;
            #dims_const
            #target_consts
            #profile_table

            #[doc = #model_doc]
            pub struct Model {
                #model_fields
                #shapes_field
            }

            /// The outputs of one `run`, borrowing the model's arena.
            pub struct Outputs<'a> {
                #(#out_fields,)*
            }

            impl Model {
                #model_new

                #[doc = #run_doc]
                pub fn run(&mut self, #(#params),*) -> Result<Outputs<'_>, rt::Error> {
                    #(#symbol_binds)*
                    #(#size_checks)*
                    #(#checks)*
                    #(#value_checks)*
                    #prologue
                    #(#steps)*
                    #shapes_set
                    Ok(Outputs { #(#out_values,)* })
                }

                #dyn_api
            }
        }
    })
}

/// What differs between a CPU and a CUDA `Model`.
struct ModelParts {
    fields: TokenStream,
    new: TokenStream,
    prologue: TokenStream,
    consts: TokenStream,
    run_doc: &'static str,
}

/// The elements of a (small) constant as exact Rust literals.
fn tensor_literals(t: &Tensor) -> Result<Vec<TokenStream>, Error> {
    const MAX: usize = 1 << 16;
    if t.numel() > MAX {
        return Err(Error::Emit(format!("a specialised input value has {} elements (at most {MAX})", t.numel())));
    }
    let ints = |v: Vec<i64>, f: fn(i64) -> Literal| v.into_iter().map(|x| f(x).into_token_stream()).collect();
    Ok(match &t.data {
        Data::I8(v) => ints(v.iter().map(|&x| x as i64).collect(), |x| Literal::i8_suffixed(x as i8)),
        Data::I16(v) => ints(v.iter().map(|&x| x as i64).collect(), |x| Literal::i16_suffixed(x as i16)),
        Data::I32(v) => ints(v.iter().map(|&x| x as i64).collect(), |x| Literal::i32_suffixed(x as i32)),
        Data::I64(v) => ints(v.clone(), Literal::i64_suffixed),
        Data::U8(v) => ints(v.iter().map(|&x| x as i64).collect(), |x| Literal::u8_suffixed(x as u8)),
        Data::U16(v) => ints(v.iter().map(|&x| x as i64).collect(), |x| Literal::u16_suffixed(x as u16)),
        Data::U32(v) => ints(v.iter().map(|&x| x as i64).collect(), |x| Literal::u32_suffixed(x as u32)),
        Data::U64(v) => v.iter().map(|&x| Literal::u64_suffixed(x).into_token_stream()).collect(),
        Data::Bool(v) => v.iter().map(|&b| quote!(#b)).collect(),
        other => other.to_f64_vec().into_iter().map(|x| ops::scalar(other.dtype(), x)).collect(),
    })
}

/// `run_any`: inputs and outputs as `rt::io::AnyTensor`, for executables and `ronnc check`.
fn dyn_api_tokens(inputs: &[Io], outputs: &[Io]) -> TokenStream {
    let n = lit(inputs.len());
    let conv = inputs.iter().enumerate().map(|(k, i)| {
        let (id, t) = (&i.ident, ty_tokens(i.dtype));
        let k = lit(k);
        let get = if i.dtype == DType::Bool { quote!(to_bools()) } else { quote!(to_vec::<#t>()) };
        quote! {
            let #id = &inputs[#k];
            let #id = (#id.#get.map_err(|e| e.to_string())?, #id.shape.clone());
            let #id = rt::TensorView::new(&#id.0, &#id.1);
        }
    });
    // Both functions below convert the inputs the same way (quote reads a Vec by reference).
    let conv: Vec<TokenStream> = conv.collect();
    let args: Vec<_> = inputs.iter().map(|i| &i.ident).collect();
    let outs = outputs.iter().map(|o| {
        let id = &o.ident;
        if o.dtype == DType::Bool {
            quote!(rt::io::AnyTensor::from_bools(out.#id.data, out.#id.shape))
        } else {
            quote!(rt::io::AnyTensor::from_slice(out.#id.data, out.#id.shape))
        }
    });
    quote! {
        /// Runs on dynamically typed tensors (for executables and `ronnc check`).
        pub fn run_any(&mut self, inputs: &[rt::io::AnyTensor]) -> Result<Vec<rt::io::AnyTensor>, String> {
            if inputs.len() != #n {
                return Err(rt::Error::InputCount { expected: #n, got: inputs.len() }.to_string());
            }
            #(#conv)*
            let out = self.run(#(#args),*).map_err(|e| e.to_string())?;
            Ok(vec![#(#outs),*])
        }

        /// Times `runs` calls of `run` on these inputs (converted once, outside the timed
        /// calls): each call's latency in milliseconds, for benchmarks.
        pub fn time_runs(&mut self, inputs: &[rt::io::AnyTensor], runs: usize) -> Result<Vec<f64>, String> {
            if inputs.len() != #n {
                return Err(rt::Error::InputCount { expected: #n, got: inputs.len() }.to_string());
            }
            #(#conv)*
            let mut times = Vec::with_capacity(runs);
            for _ in 0..runs {
                let t0 = std::time::Instant::now();
                let out = self.run(#(#args),*).map_err(|e| e.to_string())?;
                std::hint::black_box(&out);
                times.push(t0.elapsed().as_secs_f64() * 1e3);
            }
            Ok(times)
        }
    }
}

/// `include_bytes!`/`include_str!` (`macro_name`) of a file found like the blob.
fn file_expr(path: &BlobPath, macro_name: &str) -> TokenStream {
    let m = format_ident!("{macro_name}");
    match path {
        BlobPath::Sibling(f) | BlobPath::Absolute(f) => quote!(#m!(#f)),
        BlobPath::OutDir(f) => {
            let f = format!("/{f}");
            quote!(#m!(concat!(env!("OUT_DIR"), #f)))
        }
    }
}
