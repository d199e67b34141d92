//! The Rust back-end: a module with a typed `Model` whose `run` is straight-line calls into
//! runtime-min's kernels, with every shape and offset a constant, plus the weight blob.
//!
//! Architecture invariants: generated code has no `unsafe`, never embeds weights as literals
//! (one blob, `include_bytes!`), is formatted with prettyplease and is deterministic.

mod dims;
mod namer;
mod ops;

use std::collections::HashMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, ToTokens};

pub use namer::{module_name, Namer};

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
    pub fn with_ext(&self, ext: &str) -> BlobPath {
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
    pub program: crate::back::cuda::Program,
}

/// Generated code and its weight blob.
pub struct RustModule {
    pub code: String,
    pub blob: Vec<u8>,
    /// The kernels of a CUDA model.
    pub cuda: Option<CudaFiles>,
}

/// A CUDA model's kernels: the CUDA C translation unit and its PTX.
#[derive(Debug, Clone)]
pub struct CudaFiles {
    pub source: String,
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
            binds.push(quote! {
                let #local: usize = #id.shape[#axis];
                if #local < 1 || #local > #max { return Err(rt::Error::DimRange { dim: #s, value: #local, max: #max }); }
            });
            ids.idents.insert(s.to_string(), local);
        }
    }
    Ok((ids, binds))
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
        None => running.iter().map(|&n| node_tokens(g, plan, n, &inputs, &sym)).collect::<Result<Vec<_>, _>>()?,
        Some(_) => cuda_steps(g, plan, &inputs)?,
    };
    let (steps, profile_table) =
        if opts.profile && opts.cuda.is_none() { profiled(g, &running, steps) } else { (steps, quote!()) };

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
            let cast = cast_fn(o.dtype, false);
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
        Some(c) => cuda_model_parts(g, plan, c, &module.to_string())?,
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

/// Wraps each node's block (`steps`, one per node of `running`) in a timer of its own slot of
/// a `PROFILE` table (`--profile`).
fn profiled(g: &Graph, running: &[NodeId], steps: Vec<TokenStream>) -> (Vec<TokenStream>, TokenStream) {
    let names: Vec<String> = running.iter().map(|&n| profile_label(g, g.node(n))).collect();
    let steps = steps
        .into_iter()
        .enumerate()
        .map(|(i, step)| {
            let i = lit(i);
            quote! {{
                let _timer = rt::profile::Timer::start(&PROFILE[#i]);
                #step
            }}
        })
        .collect();
    let n = lit(names.len());
    let table = quote! {
        /// Each node's time over the runs so far (`ronnc build --profile`).
        pub static PROFILE: [rt::profile::Slot; #n] = [#(rt::profile::Slot::new(#names)),*];
    };
    (steps, table)
}

/// `name (Op) [input shapes] -> [output shape]`, a fused node named by its head: what a
/// profile's reader needs to tell a depthwise from a pointwise convolution.
fn profile_label(g: &Graph, node: &Node) -> String {
    let kind =
        if let Op::Fused { head: Some(h), .. } = &node.op { format!("{}+", h.op.kind()) } else { node.op.kind() };
    let shape = |v: &ValueId| {
        let dims: Vec<String> = g.value(*v).ty.shape.iter().map(Dim::to_string).collect();
        format!("[{}]", dims.join(","))
    };
    let ins: Vec<String> = node.inputs.iter().map(shape).collect();
    let outs: Vec<String> = node.outputs.iter().map(shape).collect();
    format!("{} ({kind}) {} -> {}", printable(&node.name), ins.join(" "), outs.join(" "))
}

/// What differs between a CPU and a CUDA `Model`.
struct ModelParts {
    fields: TokenStream,
    new: TokenStream,
    prologue: TokenStream,
    consts: TokenStream,
    run_doc: &'static str,
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

/// A CUDA model: the device state, and a host arena only as large as the outputs need (they
/// are downloaded to their planned offsets).
fn cuda_model_parts(g: &Graph, plan: &Plan, c: &CudaHost, module: &str) -> Result<ModelParts, Error> {
    if !g.bounds.is_empty() {
        return Err(Error::Emit("the CUDA target needs static shapes: fix the symbolic dims with --dim".into()));
    }
    let mut host_bytes = 0;
    for &v in &g.outputs {
        match plan.loc(v) {
            Some(Loc::Arena { offset, len }) => host_bytes = host_bytes.max(offset + len),
            _ => return Err(Error::Emit(format!("output `{}` is not in the arena", g.value(v).name))),
        }
    }
    let host_bytes = lit(host_bytes);
    let ptx = file_expr(&c.ptx, "include_str");
    let names = c.program.kernels.iter();
    let launches = c.program.launches.iter().map(|l| {
        let (k, threads, param) = (
            Literal::u32_unsuffixed(l.kernel as u32),
            Literal::u64_unsuffixed(l.threads),
            Literal::i64_unsuffixed(l.param),
        );
        quote!(rt::cuda::Launch { kernel: #k, threads: #threads, param: #param })
    });
    Ok(ModelParts {
        fields: quote!(arena: rt::Arena, gpu: rt::cuda::Gpu,),
        new: quote! {
            /// Loads the kernels on GPU 0, allocates the device arena and uploads the weights.
            /// Without an NVIDIA driver or GPU this returns `rt::Error::Cuda`.
            pub fn new() -> Result<Self, rt::Error> {
                let weights = BLOB.0.get(..WEIGHT_BYTES).ok_or(rt::Error::Layout("weight blob shorter than planned"))?;
                let gpu = rt::cuda::Gpu::new(#module, PTX, KERNELS, ARENA_BYTES, weights)?;
                Ok(Model { arena: rt::Arena::new(HOST_BYTES), gpu })
            }

            /// With `on`, the next `run` captures its kernel launches as a CUDA graph and later
            /// runs replay it (one driver call instead of one per kernel).
            pub fn use_cuda_graph(&mut self, on: bool) {
                self.gpu.use_graph(on);
            }
        },
        prologue: quote!(),
        run_doc: " Runs the model: checks every input's shape, uploads the inputs, launches the kernels in order and downloads the outputs.",
        consts: quote! {
            /// The kernels, as PTX built ahead of time.
            pub const PTX: &str = #ptx;
            /// The kernels' names in `PTX`.
            pub const KERNELS: &[&str] = &[#(#names),*];
            /// Host memory for the outputs, downloaded to their planned offsets.
            const HOST_BYTES: usize = #host_bytes;
            /// `run`'s kernel launches in order (the `.cu` file names each kernel's node).
            const LAUNCHES: &[rt::cuda::Launch] = &[#(#launches),*];
        },
    })
}

/// `run`'s body on the device: upload the inputs, launch every kernel, download the outputs.
fn cuda_steps(g: &Graph, plan: &Plan, inputs: &[Io]) -> Result<Vec<TokenStream>, Error> {
    let mut steps = Vec::new();
    for (io, &v) in inputs.iter().zip(&g.inputs) {
        let Some(Loc::Arena { offset, .. }) = plan.loc(v) else {
            return Err(Error::Emit(format!("input `{}` has no device location", io.name)));
        };
        let (id, off) = (&io.ident, lit(offset));
        steps.push(quote!(self.gpu.upload(#off, rt::cuda::bytes(#id.data))?;));
    }
    steps.push(quote!(self.gpu.run(LAUNCHES)?;));
    for &v in &g.outputs {
        let Some(Loc::Arena { offset, len }) = plan.loc(v) else {
            return Err(Error::Emit(format!("output `{}` is not in the arena", g.value(v).name)));
        };
        let (off, len) = (lit(offset), lit(len));
        steps.push(quote! {
            let [host] = self.arena.split([(#off, #len)])?;
            self.gpu.download(#off, host)?;
        });
    }
    Ok(steps)
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

fn cast_fn(d: DType, mutable: bool) -> TokenStream {
    match (d, mutable) {
        (DType::Bool, false) => quote!(rt::cast_bool),
        (DType::Bool, true) => quote!(rt::cast_bool_mut),
        (_, false) => quote!(rt::cast),
        (_, true) => quote!(rt::cast_mut),
    }
}

/// One node: bind its operands to typed slices, then call its kernel.
fn node_tokens(
    g: &Graph,
    plan: &Plan,
    n: crate::ir::NodeId,
    inputs: &[Io],
    sym: &DimIdents,
) -> Result<TokenStream, Error> {
    let node = g.node(n);
    let emit_err = |m: String| Error::Emit(format!("node `{}`: {m}", node.name));
    // Arena regions this node touches, each once.
    let mut regions: Vec<(ValueId, usize, TokenStream)> = Vec::new();
    let mut region_of: HashMap<ValueId, usize> = HashMap::new();
    let mut binds = Vec::new();
    let operand = |v: ValueId, ident: proc_macro2::Ident| -> Result<Operand, Error> {
        let val = g.value(v);
        Ok(Operand { ident, dims: val.ty.shape.clone(), dtype: val.ty.dtype, packing: plan.prepacked.get(&v).copied() })
    };
    let mut xs = Vec::new();
    // Inputs that are views of one block may overlap: they share one region spanning their
    // planned bytes and each reads its part (`shared`: value -> byte offset in the region).
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut shared: HashMap<ValueId, usize> = HashMap::new();
    let byte_len = |v: ValueId| {
        let ty = &g.value(v).ty;
        sym.dim(&(&ty.numel_dim() * &Dim::fixed(ty.dtype.size()))).map_err(emit_err)
    };
    for (k, &v) in node.inputs.iter().chain(&node.outputs).enumerate() {
        let Some(Loc::Arena { offset, len: planned }) = plan.loc(v) else { continue };
        if region_of.contains_key(&v) {
            continue;
        }
        let is_input = k < node.inputs.len();
        let overlapping = spans.iter().position(|&(o, e)| is_input && offset < e && o < offset + planned);
        if let Some(r) = overlapping {
            let (o, e) = (spans[r].0.min(offset), spans[r].1.max(offset + planned));
            spans[r] = (o, e);
            regions[r].1 = o;
            regions[r].2 = lit(e - o).into_token_stream();
            region_of.insert(v, r);
            shared.insert(v, 0);
            shared.insert(regions[r].0, 0);
            continue;
        }
        // The region's length is the value's size now (at most the planned size).
        region_of.insert(v, regions.len());
        regions.push((v, offset, byte_len(v)?));
        spans.push((offset, if is_input { offset + planned } else { 0 }));
    }
    for (&v, at) in shared.iter_mut() {
        if let Some(Loc::Arena { offset, .. }) = plan.loc(v) {
            *at = offset - regions[region_of[&v]].1;
        }
    }
    let scratch = plan.scratch.get(&n).copied();
    let region_idents: Vec<proc_macro2::Ident> = (0..regions.len()).map(|i| format_ident!("r{i}")).collect();
    let mut bound: HashMap<ValueId, proc_macro2::Ident> = HashMap::new();
    for &v in &node.inputs {
        if let Some(id) = bound.get(&v) {
            xs.push(operand(v, id.clone())?);
            continue;
        }
        let id = format_ident!("v{}", v.index());
        let ty = ty_tokens(g.value(v).ty.dtype);
        let src = match plan.loc(v) {
            Some(Loc::Input(i)) => {
                let input = &inputs.get(i).ok_or_else(|| emit_err("unknown input".into()))?.ident;
                quote!(#input.data)
            }
            Some(Loc::Weight { offset, len }) => {
                let (o, l, c) = (lit(offset), lit(len), cast_fn(g.value(v).ty.dtype, false));
                quote!(#c(weights.get(#o, #l)?)?)
            }
            Some(Loc::Arena { .. }) => {
                let r = &region_idents[region_of[&v]];
                let c = cast_fn(g.value(v).ty.dtype, false);
                match shared.get(&v) {
                    Some(&at) => {
                        let (at, len) = (lit(at), byte_len(v)?);
                        quote!(#c(&#r[#at..#at + #len])?)
                    }
                    None => quote!(#c(&*#r)?),
                }
            }
            None => return Err(emit_err(format!("value `{}` has no location", g.value(v).name))),
        };
        binds.push(quote!(let #id: &[#ty] = #src;));
        bound.insert(v, id.clone());
        xs.push(operand(v, id)?);
    }
    let out = *node.outputs.first().ok_or_else(|| emit_err("no outputs".into()))?;
    let y_id = format_ident!("v{}", out.index());
    let y_ty = ty_tokens(g.value(out).ty.dtype);
    let y_region = &region_idents[*region_of.get(&out).ok_or_else(|| emit_err("output not in the arena".into()))?];
    let y_cast = cast_fn(g.value(out).ty.dtype, true);
    binds.push(quote!(let #y_id: &mut [#y_ty] = #y_cast(#y_region)?;));
    let y = operand(out, y_id)?;
    let mut ranges: Vec<TokenStream> = regions
        .iter()
        .map(|(_, o, l)| {
            let o = lit(*o);
            quote!((#o, #l))
        })
        .collect();
    let mut idents = region_idents.clone();
    let scratch_ident = format_ident!("scratch");
    if let Some(Loc::Arena { offset, len }) = scratch {
        let (o, l) = (lit(offset), lit(len));
        ranges.push(quote!((#o, #l)));
        idents.push(format_ident!("rs"));
        let ty = ty_tokens(g.value(node.inputs[0]).ty.dtype);
        binds.push(quote!(let #scratch_ident: &mut [#ty] = rt::cast_mut(rs)?;));
    }
    let call =
        ops::lower(&node.op, &xs, &y, scratch.map(|_| &scratch_ident), sym).map_err(|e| emit_err(e.to_string()))?;
    let comment = format!("{NODE_MARK}{} ({})", printable(&node.name), node.op.kind());
    Ok(quote! {
        #[doc = #comment]
        {
            let [#(#idents),*] = arena.split([#(#ranges),*])?;
            #(#binds)*
            #call
        }
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
