//! One lowering per core op: the CUDA C kernel(s) a node runs, rendered from the templates in
//! `kernels/` with every shape, stride and offset as a constant. Operands are addressed as the
//! arena or weight pointer plus their planned offset; all kernels have the prelude's uniform
//! signature, so launching one needs only its name and thread count.

use std::fmt::Write;

use tera::{Context, Tera};

use super::expr::{self, c_type};
use crate::ir::{DType, FusedExpr, Graph, NodeId, Op, PadMode, PoolKind, RecurrentCell, ReduceKind, ValueId, Window};
use crate::plan::{Loc, Plan};

/// Threads per block of every launch.
pub const BLOCK: u64 = 256;

/// One kernel of a node: its name, CUDA C source, threads to launch and launch parameters
/// (one launch per entry of `params`).
pub struct Kernel {
    pub name: String,
    pub source: String,
    pub threads: u64,
    pub params: Vec<i64>,
}

/// The kernel templates, parsed once.
pub fn templates() -> Result<Tera, String> {
    let mut t = Tera::default();
    let files: [(&str, &str); 16] = [
        ("map.cu", include_str!("../../../../kernels/map.cu")),
        ("matmul.cu", include_str!("../../../../kernels/matmul.cu")),
        ("conv.cu", include_str!("../../../../kernels/conv.cu")),
        ("pool.cu", include_str!("../../../../kernels/pool.cu")),
        ("softmax.cu", include_str!("../../../../kernels/softmax.cu")),
        ("layer_norm.cu", include_str!("../../../../kernels/layer_norm.cu")),
        ("reduce.cu", include_str!("../../../../kernels/reduce.cu")),
        ("gather.cu", include_str!("../../../../kernels/gather.cu")),
        ("resample.cu", include_str!("../../../../kernels/resample.cu")),
        ("attention.cu", include_str!("../../../../kernels/attention.cu")),
        ("gather_nd.cu", include_str!("../../../../kernels/gather_nd.cu")),
        ("recurrence.cu", include_str!("../../../../kernels/recurrence.cu")),
        ("lrn.cu", include_str!("../../../../kernels/lrn.cu")),
        ("excite.cu", include_str!("../../../../kernels/excite.cu")),
        ("scan.cu", include_str!("../../../../kernels/scan.cu")),
        ("arg_reduce.cu", include_str!("../../../../kernels/arg_reduce.cu")),
    ];
    t.add_raw_templates(files).map_err(|e| format!("kernel templates: {e}"))?;
    t.autoescape_on(vec![]);
    Ok(t)
}

/// Scratch bytes a node's CUDA kernel needs in the arena.
pub fn scratch_bytes(g: &Graph, n: NodeId) -> usize {
    let node = g.node(n);
    // A fused node's head needs what it needs alone.
    let op = match &node.op {
        Op::Fused { head: Some(head), .. } => head.op.as_ref(),
        op => op,
    };
    match op {
        Op::Attention { heads, .. } => {
            let dims = |v: ValueId| g.value(v).ty.static_dims().unwrap_or_default();
            let (q, k) = (dims(node.inputs[0]), dims(node.inputs[1]));
            q.first().copied().unwrap_or(0)
                * heads
                * q.get(1).copied().unwrap_or(0)
                * k.get(1).copied().unwrap_or(0)
                * 4
        }
        Op::SqueezeExcite { project, .. } => {
            // Per image: the means, the hidden units and the gates (f32), and with a projection
            // the scaled input.
            let (x, b1) = (
                g.value(node.inputs[0]).ty.static_dims().unwrap_or_default(),
                g.value(node.inputs[2]).ty.static_dims().unwrap_or_default(),
            );
            let (n, c, r) =
                (x.first().copied().unwrap_or(0), x.get(1).copied().unwrap_or(0), b1.first().copied().unwrap_or(0));
            let scaled = if *project { x.iter().product::<usize>() } else { 0 };
            4 * (n * (2 * c + r) + scaled)
        }
        Op::Recurrence { .. } => {
            // Two buffers each of the hidden and the cell state, [batch, hidden].
            let h0 = g.value(node.inputs[2]).ty.static_dims().unwrap_or_default();
            4 * h0.iter().product::<usize>() * 4
        }
        _ => 0,
    }
}

/// Lowers one node (the `step`-th of the schedule).
pub fn lower(g: &Graph, plan: &Plan, tera: &Tera, n: NodeId, step: usize) -> Result<Vec<Kernel>, String> {
    let cx = Cx { g, plan, tera, n, step };
    cx.lower()
}

struct Cx<'a> {
    g: &'a Graph,
    plan: &'a Plan,
    tera: &'a Tera,
    n: NodeId,
    step: usize,
}

/// What a convolution kernel reads: `x` as a pointer expression with its dims, the weights and
/// the bias.
struct ConvOperands {
    x: String,
    x_dims: Vec<usize>,
    w: ValueId,
    bias: Option<ValueId>,
}

/// A value read per element: its C type and the expression that loads it.
#[derive(serde::Serialize)]
struct Load {
    ty: &'static str,
    expr: String,
}

fn strides(dims: &[usize]) -> Vec<usize> {
    let mut s = vec![1; dims.len()];
    for d in (0..dims.len().saturating_sub(1)).rev() {
        s[d] = s[d + 1] * dims[d + 1];
    }
    s
}

/// The type arithmetic runs in: half floats compute in f32.
fn computed(d: DType) -> DType {
    match d {
        DType::F16 | DType::BF16 => DType::F32,
        d => d,
    }
}

/// `expr`, a value of type `d`, in its [`computed`] type (half floats widened to f32).
fn widened(d: DType, expr: String) -> String {
    match d {
        DType::F16 => format!("ronn_h2f({expr})"),
        DType::BF16 => format!("ronn_bf2f({expr})"),
        _ => expr,
    }
}

/// `expr`, computed for a value of type `d`, as stored (rounded to half floats).
fn narrowed(d: DType, expr: String) -> String {
    match d {
        DType::F16 => format!("ronn_f2h({expr})"),
        DType::BF16 => format!("ronn_f2bf({expr})"),
        _ => expr,
    }
}

/// Decodes the flat index `i` into coordinates `c0, c1, ...` of `dims`.
fn coords(dims: &[usize]) -> String {
    let mut s = String::new();
    if dims.is_empty() {
        return s;
    }
    s.push_str("    long long t_ = i;\n");
    for d in (1..dims.len()).rev() {
        let _ = writeln!(s, "    const long long c{d} = t_ % {n}LL; t_ /= {n}LL;", n = dims[d]);
    }
    s.push_str("    const long long c0 = t_;\n");
    s
}

/// A sum of `c{axis} * stride` terms (skipping zero strides), or `0`.
fn linear(terms: impl IntoIterator<Item = (String, usize)>) -> String {
    let parts: Vec<String> = terms
        .into_iter()
        .filter(|(_, s)| *s != 0)
        .map(|(c, s)| if s == 1 { c } else { format!("{c} * {s}LL") })
        .collect();
    if parts.is_empty() {
        "0".into()
    } else {
        parts.join(" + ")
    }
}

/// The flat index of an operand of `dims` broadcast to `out` (numpy rules), over `c0...`.
fn broadcast_index(dims: &[usize], out: &[usize]) -> String {
    if dims == out {
        return "i".into();
    }
    broadcast_terms(dims, out)
}

/// [`broadcast_index`] spelled out over all coordinates (for iteration spaces other than the
/// thread index).
fn broadcast_terms(dims: &[usize], out: &[usize]) -> String {
    let lead = out.len() - dims.len();
    let st = strides(dims);
    linear(dims.iter().enumerate().map(|(j, &d)| (format!("c{}", j + lead), if d == 1 { 0 } else { st[j] })))
}

impl Cx<'_> {
    fn name(&self, k: usize) -> String {
        format!("k{}_{k}", self.step)
    }

    fn dims(&self, v: ValueId) -> Result<Vec<usize>, String> {
        let val = self.g.value(v);
        val.ty.static_dims().ok_or_else(|| {
            format!(
                "value `{}` has symbolic shape {}; the CUDA target needs static shapes (fix dims with --dim)",
                val.name, val.ty
            )
        })
    }

    fn dtype(&self, v: ValueId) -> DType {
        self.g.value(v).ty.dtype
    }

    /// The typed pointer to a value's first element.
    fn ptr(&self, v: ValueId) -> Result<String, String> {
        let ty = c_type(self.dtype(v));
        match self.plan.loc(v) {
            Some(Loc::Arena { offset, .. }) => Ok(format!("(({ty}*)(arena + {offset}))")),
            Some(Loc::Weight { offset, .. }) => Ok(format!("((const {ty}*)(weights + {offset}))")),
            _ => Err(format!("value `{}` has no device location", self.g.value(v).name)),
        }
    }

    fn input(&self, k: usize) -> Result<ValueId, String> {
        self.g.node(self.n).inputs.get(k).copied().ok_or_else(|| format!("missing input {k}"))
    }

    fn output(&self) -> Result<ValueId, String> {
        self.g.node(self.n).outputs.first().copied().ok_or_else(|| "no output".to_string())
    }

    fn render(&self, template: &str, ctx: &Context) -> Result<String, String> {
        self.tera.render(template, ctx).map_err(|e| format!("rendering {template}: {e:?}"))
    }

    fn numel(dims: &[usize]) -> u64 {
        dims.iter().product::<usize>() as u64
    }

    fn f32_only(&self, what: &str) -> Result<(), String> {
        let node = self.g.node(self.n);
        match node
            .inputs
            .iter()
            .chain(&node.outputs)
            .map(|&v| self.dtype(v))
            .find(|&d| d != DType::F32 && d != DType::I64 && d != DType::Bool)
        {
            Some(d) => Err(format!("{what} on {d} is not supported on the CUDA target (f32 only)")),
            None => Ok(()),
        }
    }

    fn lower(&self) -> Result<Vec<Kernel>, String> {
        let node = self.g.node(self.n);
        let y = self.output()?;
        let out = self.dims(y)?;
        match &node.op {
            Op::Fused { head: None, expr } => {
                let dtype = computed(self.dtype(y));
                let body = expr::fused(expr, dtype, &|k| format!("x{k}"))?;
                self.compute(&out, body)
            }
            Op::Fused { head: Some(head), expr } => match head.op.as_ref() {
                Op::MatMul => self.matmul(expr, head.inputs),
                Op::Conv { group, window } => self.conv(*group, window, expr, head.inputs),
                Op::SqueezeExcite { act, gate, project: true } => self.squeeze_excite(act, gate, true, expr),
                other => Err(format!("a fused {} head is not supported on the CUDA target", other.kind())),
            },
            Op::Unary(u) => {
                let body = expr::unary(*u, "x0", computed(self.dtype(node.inputs[0])))?;
                self.compute(&out, body)
            }
            Op::Binary(b) => {
                let body = expr::binary(*b, "x0", "x1", computed(self.dtype(node.inputs[0])))?;
                self.compute(&out, body)
            }
            Op::Where => self.map(&out, self.broadcast_loads(&node.inputs, &out)?, "(x0 ? x1 : x2)".into()),
            Op::Cast { to } => {
                let body = expr::cast("x0", computed(self.dtype(node.inputs[0])), computed(*to))?;
                self.compute(&out, body)
            }
            Op::Reshape { .. } => self.map(&out, vec![self.load(node.inputs[0], "i".into())?], "x0".into()),
            Op::Expand { .. } => self.map(&out, self.broadcast_loads(&node.inputs[..1], &out)?, "x0".into()),
            Op::Transpose { perm } => {
                let st = strides(&self.dims(node.inputs[0])?);
                let index = linear(perm.iter().enumerate().map(|(d, &p)| (format!("c{d}"), st[p])));
                self.map(&out, vec![self.load(node.inputs[0], index)?], "x0".into())
            }
            Op::Slice { starts, steps, .. } => {
                let st = strides(&self.dims(node.inputs[0])?);
                let terms: Vec<String> = (0..out.len())
                    .filter(|&d| st[d] != 0)
                    .map(|d| format!("({}LL + c{d} * {}LL) * {}LL", starts[d], steps[d], st[d]))
                    .collect();
                let index = if terms.is_empty() { "0".into() } else { terms.join(" + ") };
                self.map(&out, vec![self.load(node.inputs[0], index)?], "x0".into())
            }
            Op::Tile { .. } => {
                let dims = self.dims(node.inputs[0])?;
                let st = strides(&dims);
                let index = linear((0..out.len()).map(|d| (format!("(c{d} % {}LL)", dims[d]), st[d])));
                self.map(&out, vec![self.load(node.inputs[0], index)?], "x0".into())
            }
            Op::Pad { pads, mode, value } => self.pad(pads, *mode, *value, &out),
            Op::Concat { axis } => self.concat(*axis, &out),
            Op::MatMul => self.matmul(&FusedExpr::Input(0), 2),
            Op::Conv { group, window } => self.conv(*group, window, &FusedExpr::Input(0), node.inputs.len()),
            Op::Pool { kind, window, .. } => self.pool(*kind, window, &out),
            Op::Softmax { axis, log } => self.softmax(*axis, *log, &out),
            Op::LayerNorm { epsilon } => self.layer_norm(*epsilon, &out),
            Op::SqueezeExcite { act, gate, project } => self.squeeze_excite(act, gate, *project, &FusedExpr::Input(0)),
            Op::Reduce { kind, axes, .. } => self.reduce(*kind, axes),
            Op::Gather { axis } => self.gather(*axis, &out),
            Op::Resample { axis } => self.resample(*axis, &out),
            Op::Attention { heads, head_dim, offsets, score } => {
                self.attention(*heads, *head_dim, *offsets, score, &out)
            }
            Op::GatherNd { batch_dims } => self.gather_nd(*batch_dims, &out),
            Op::GatherElements { axis } => self.gather_elements(*axis, &out),
            Op::ArgReduce { max, axis, select_last, .. } => self.arg_reduce(*max, *axis, *select_last, &out),
            Op::Cumulative { axis, exclusive, reverse, product } => {
                self.cumulative(*axis, *exclusive, *reverse, *product, &out)
            }
            Op::BitCast { .. } => {
                // The bytes as the output's type: the same element size, so the same index.
                let x = node.inputs[0];
                let ty = c_type(self.dtype(y));
                let load = Load { ty, expr: format!("((const {ty}*){})[i]", self.ptr(x)?) };
                self.map(&out, vec![load], "x0".into())
            }
            Op::Lrn { size, alpha, beta, bias } => self.lrn(*size, *alpha, *beta, *bias, &out),
            Op::Recurrence { cell, reverse, cell_output } => self.recurrence(*cell, *reverse, *cell_output),
            other => Err(format!("{} is not supported on the CUDA target yet", other.kind())),
        }
    }

    /// A load for arithmetic: half floats widened to f32.
    fn value_load(&self, v: ValueId, index: String) -> Result<Load, String> {
        let d = self.dtype(v);
        Ok(Load { ty: c_type(computed(d)), expr: widened(d, format!("{}[{index}]", self.ptr(v)?)) })
    }

    fn load(&self, v: ValueId, index: String) -> Result<Load, String> {
        Ok(Load { ty: c_type(self.dtype(v)), expr: format!("{}[{index}]", self.ptr(v)?) })
    }

    /// Value loads of `inputs` broadcast to `out`.
    fn value_loads(&self, inputs: &[ValueId], out: &[usize]) -> Result<Vec<Load>, String> {
        inputs.iter().map(|&v| self.value_load(v, broadcast_index(&self.dims(v)?, out))).collect()
    }

    /// An elementwise kernel computing `expr` (in f32 for half floats, rounded on store).
    fn compute(&self, out: &[usize], expr: String) -> Result<Vec<Kernel>, String> {
        let node = self.g.node(self.n);
        let expr = narrowed(self.dtype(self.output()?), expr);
        self.map(out, self.value_loads(&node.inputs, out)?, expr)
    }

    fn broadcast_loads(&self, inputs: &[ValueId], out: &[usize]) -> Result<Vec<Load>, String> {
        inputs.iter().map(|&v| self.load(v, broadcast_index(&self.dims(v)?, out))).collect()
    }

    /// A [`Kernel`] launching `threads` threads once.
    fn kernel(&self, k: usize, source: String, threads: u64) -> Kernel {
        Kernel { name: self.name(k), source, threads, params: vec![0] }
    }

    /// An elementwise kernel over the output's index space (`map.cu`).
    fn map(&self, out: &[usize], loads: Vec<Load>, expr: String) -> Result<Vec<Kernel>, String> {
        self.map_with(out, String::new(), loads, expr)
    }

    /// [`Cx::map`] with statements before the loads (`setup`, over `i` and `c0...`).
    fn map_with(&self, out: &[usize], setup: String, loads: Vec<Load>, expr: String) -> Result<Vec<Kernel>, String> {
        let y = self.output()?;
        let mut ctx = Context::new();
        ctx.insert("setup", &setup);
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("coords", &coords(out));
        ctx.insert("loads", &loads);
        ctx.insert("out", &self.ptr(y)?);
        ctx.insert("out_index", "i");
        ctx.insert("expr", &expr);
        Ok(vec![self.kernel(0, self.render("map.cu", &ctx)?, Self::numel(out))])
    }

    fn pad(&self, pads: &[i64], mode: PadMode, value: f64, out: &[usize]) -> Result<Vec<Kernel>, String> {
        let x = self.input(0)?;
        let dims = self.dims(x)?;
        let st = strides(&dims);
        let r = dims.len();
        // The input coordinate along each axis, before bounds handling.
        let at = |d: usize| format!("(c{d} - {}LL)", pads[d]);
        let index_terms = |f: &dyn Fn(usize) -> String| linear((0..r).map(|d| (f(d), st[d])));
        let ty = c_type(self.dtype(x));
        let load = match mode {
            PadMode::Constant => {
                let inside: Vec<String> =
                    (0..r).map(|d| format!("{a} >= 0 && {a} < {n}LL", a = at(d), n = dims[d])).collect();
                let guard = if inside.is_empty() { "1".into() } else { inside.join(" && ") };
                let fill =
                    if self.dtype(x) == DType::F32 { expr::float(value as f32) } else { format!("({ty})({value})") };
                format!("({guard}) ? {}[{}] : {fill}", self.ptr(x)?, index_terms(&at))
            }
            PadMode::Edge | PadMode::Reflect | PadMode::Wrap => {
                // Each axis's read position folded back inside the input, the mode's way.
                let fold = |d: usize| {
                    let (a, n) = (at(d), dims[d]);
                    match mode {
                        PadMode::Edge => format!("({a} < 0 ? 0 : ({a} >= {n}LL ? {n}LL - 1 : {a}))"),
                        PadMode::Reflect => format!("({a} < 0 ? -{a} : ({a} >= {n}LL ? 2 * ({n}LL - 1) - {a} : {a}))"),
                        _ => format!("((({a} % {n}LL) + {n}LL) % {n}LL)"),
                    }
                };
                format!("{}[{}]", self.ptr(x)?, index_terms(&fold))
            }
        };
        self.map(out, vec![Load { ty, expr: load }], "x0".into())
    }

    /// One kernel per input, each writing its slab of the output.
    fn concat(&self, axis: usize, out: &[usize]) -> Result<Vec<Kernel>, String> {
        let y = self.output()?;
        let ost = strides(out);
        let mut kernels = Vec::new();
        let mut at = 0;
        for (k, &x) in self.g.node(self.n).inputs.iter().enumerate() {
            let dims = self.dims(x)?;
            let index = linear(
                (0..dims.len()).map(|d| (if d == axis { format!("(c{d} + {at}LL)") } else { format!("c{d}") }, ost[d])),
            );
            let mut ctx = Context::new();
            ctx.insert("name", &self.name(k));
            ctx.insert("n", &Self::numel(&dims));
            ctx.insert("coords", &coords(&dims));
            ctx.insert("loads", &vec![self.load(x, "i".into())?]);
            ctx.insert("setup", "");
            ctx.insert("out", &self.ptr(y)?);
            ctx.insert("out_index", &index);
            ctx.insert("expr", "x0");
            if Self::numel(&dims) > 0 {
                kernels.push(self.kernel(k, self.render("map.cu", &ctx)?, Self::numel(&dims)));
            }
            at += dims[axis];
        }
        Ok(kernels)
    }

    /// The epilogue's extra inputs (`Input(1)...`), broadcast to the output.
    fn epilogue_loads(&self, head_inputs: usize, out: &[usize]) -> Result<Vec<Load>, String> {
        let inputs = &self.g.node(self.n).inputs;
        self.broadcast_loads(&inputs[head_inputs.min(inputs.len())..], out)
    }

    fn matmul(&self, epilogue: &FusedExpr, head_inputs: usize) -> Result<Vec<Kernel>, String> {
        let (a, b, y) = (self.input(0)?, self.input(1)?, self.output()?);
        let half = [a, b, y].iter().all(|&v| self.dtype(v) == DType::F16)
            || [a, b, y].iter().all(|&v| self.dtype(v) == DType::BF16);
        if !half {
            self.f32_only("MatMul")?;
        }
        let (ad, bd, out) = (self.dims(a)?, self.dims(b)?, self.dims(y)?);
        // 1-D operands are promoted (numpy rules): [K] -> [1, K] for a, [K] -> [K, 1] for b.
        // The output then has a unit axis fewer, which leaves its flat order unchanged, so the
        // kernel runs over the promoted output.
        let (a_vec, b_vec) = (ad.len() == 1, bd.len() == 1);
        let ad = if a_vec { vec![1, ad[0]] } else { ad };
        let bd = if b_vec { vec![bd[0], 1] } else { bd };
        let mut out = out;
        if a_vec {
            out.insert(out.len() - usize::from(!b_vec), 1);
        }
        if b_vec {
            out.push(1);
        }
        if (a_vec || b_vec) && self.g.node(self.n).inputs.len() > head_inputs {
            return Err("a fused MatMul with a 1-D operand is not supported on the CUDA target".into());
        }
        let r = out.len();
        let (m, k, n) = (ad[ad.len() - 2], ad[ad.len() - 1], bd[bd.len() - 1]);
        // Batch offsets: each operand's batch dims aligned right against the output's.
        let base = |dims: &[usize], mat: usize| {
            let batch = &dims[..dims.len() - 2];
            let lead = (r - 2) - batch.len();
            let st = strides(batch);
            linear(
                batch
                    .iter()
                    .enumerate()
                    .map(|(j, &d)| (format!("c{}", j + lead), if d == 1 { 0 } else { st[j] * mat })),
            )
        };
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(&out));
        ctx.insert("coords", &coords(&out));
        ctx.insert("a", &self.ptr(a)?);
        ctx.insert("b", &self.ptr(b)?);
        ctx.insert("a_ty", c_type(self.dtype(a)));
        ctx.insert("b_ty", c_type(self.dtype(b)));
        ctx.insert("a_elem", &widened(self.dtype(a), "a[k]".into()));
        ctx.insert("b_elem", &widened(self.dtype(b), format!("b[k * {n}LL]")));
        ctx.insert("a_base", &base(&ad, m * k));
        ctx.insert("b_base", &base(&bd, k * n));
        ctx.insert("row_axis", &(r - 2));
        ctx.insert("col_axis", &(r - 1));
        ctx.insert("k", &k);
        ctx.insert("cols", &n);
        ctx.insert("loads", &self.epilogue_loads(head_inputs, &out)?);
        ctx.insert("out", &self.ptr(y)?);
        let value = expr::fused(epilogue, DType::F32, &|k| format!("x{k}"))?;
        ctx.insert("store", &narrowed(self.dtype(y), value));
        Ok(vec![self.kernel(0, self.render("matmul.cu", &ctx)?, Self::numel(&out))])
    }

    /// Nested loops over a window's taps: `body` runs for taps inside the input; `pos` names
    /// the flat input position. With `count_pads`, `padded` counts taps inside the pads too.
    fn taps_loop(
        window: &Window,
        kernel: &[usize],
        input: &[usize],
        indent: &str,
        body: &str,
        count_pads: bool,
    ) -> String {
        let r = kernel.len();
        let st = strides(input);
        let mut s = String::new();
        let mut pad = indent.to_string();
        for d in 0..r {
            let (stride, dil, begin, end) =
                (window.strides[d], window.dilations[d], window.pads[d], window.pads[d + r]);
            let _ = writeln!(s, "{pad}for (long long k{d} = 0; k{d} < {}; ++k{d}) {{", kernel[d]);
            pad.push_str("    ");
            let _ = writeln!(s, "{pad}const long long p{d} = c{} * {stride}LL - {begin}LL + k{d} * {dil}LL;", d + 2);
            if count_pads {
                let _ = writeln!(s, "{pad}const int pad{d} = p{d} >= -{begin}LL && p{d} < {}LL;", input[d] + end);
            }
            let _ = writeln!(s, "{pad}const int in{d} = p{d} >= 0 && p{d} < {}LL;", input[d]);
        }
        let all = |name: &str| (0..r).map(|d| format!("{name}{d}")).collect::<Vec<_>>().join(" && ");
        if count_pads {
            let _ = writeln!(s, "{pad}if ({}) padded++;", all("pad"));
        }
        let pos = linear((0..r).map(|d| (format!("p{d}"), st[d])));
        let _ = writeln!(s, "{pad}if ({}) {{ const long long pos = {pos}; {body} }}", all("in"));
        for _ in 0..r {
            pad.truncate(pad.len() - 4);
            let _ = writeln!(s, "{pad}}}");
        }
        s
    }

    fn conv(
        &self,
        group: usize,
        window: &Window,
        epilogue: &FusedExpr,
        head_inputs: usize,
    ) -> Result<Vec<Kernel>, String> {
        self.f32_only("Conv")?;
        let x = self.input(0)?;
        let bias = if head_inputs > 2 { Some(self.input(2)?) } else { None };
        let operands = ConvOperands { x: self.ptr(x)?, x_dims: self.dims(x)?, w: self.input(1)?, bias };
        self.conv_of(0, &operands, group, window, epilogue, head_inputs)
    }

    /// The `k`-th kernel of the node: a convolution of `x`, its epilogue's other operands the
    /// node's inputs from `head_inputs` on.
    fn conv_of(
        &self,
        k: usize,
        operands: &ConvOperands,
        group: usize,
        window: &Window,
        epilogue: &FusedExpr,
        head_inputs: usize,
    ) -> Result<Vec<Kernel>, String> {
        let (w, y) = (operands.w, self.output()?);
        let (xd, wd, out) = (operands.x_dims.clone(), self.dims(w)?, self.dims(y)?);
        if xd.len() < 3 {
            return Err("Conv needs at least one spatial axis".into());
        }
        let bias = match operands.bias {
            Some(b) => format!("{}[c1]", self.ptr(b)?),
            None => "0.0f".into(),
        };
        let spatial = &xd[2..];
        let kernel = &wd[2..];
        let taps: usize = kernel.iter().product();
        let kst = strides(kernel);
        let wpos = linear((0..kernel.len()).map(|d| (format!("k{d}"), kst[d])));
        let body = format!("acc += x[pos] * w[{wpos}];");
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(k));
        ctx.insert("n", &Self::numel(&out));
        ctx.insert("coords", &coords(&out));
        ctx.insert("x", &operands.x);
        ctx.insert("w", &self.ptr(w)?);
        ctx.insert("bias", &bias);
        ctx.insert("in_channels", &xd[1]);
        ctx.insert("in_per_group", &wd[1]);
        ctx.insert("out_per_group", &(out[1] / group.max(1)).max(1));
        ctx.insert("in_plane", &spatial.iter().product::<usize>());
        ctx.insert("taps", &taps);
        ctx.insert("taps_loop", &Self::taps_loop(window, kernel, spatial, "        ", &body, false));
        ctx.insert("loads", &self.epilogue_loads(head_inputs, &out)?);
        ctx.insert("out", &self.ptr(y)?);
        ctx.insert("expr", &expr::fused(epilogue, DType::F32, &|k| format!("x{k}"))?);
        Ok(vec![self.kernel(k, self.render("conv.cu", &ctx)?, Self::numel(&out))])
    }

    fn pool(&self, kind: PoolKind, window: &Window, out: &[usize]) -> Result<Vec<Kernel>, String> {
        self.f32_only("Pool")?;
        let (x, y) = (self.input(0)?, self.output()?);
        let xd = self.dims(x)?;
        let spatial = &xd[2..];
        let (init, body, result, count_pads) = match kind {
            PoolKind::Max => ("-RONN_INF", "acc = ronn_max(acc, x[pos]);", "acc".to_string(), false),
            PoolKind::Avg { count_include_pad } => {
                let divisor = if count_include_pad { "padded" } else { "count" };
                ("0.0f", "acc += x[pos]; count++;", format!("acc / (float){divisor}"), count_include_pad)
            }
        };
        let mut loops = String::new();
        if count_pads {
            loops.push_str("    long long padded = 0;\n");
        }
        loops.push_str(&Self::taps_loop(window, &window.kernel, spatial, "    ", body, count_pads));
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("coords", &coords(out));
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("channels", &xd[1]);
        ctx.insert("in_plane", &spatial.iter().product::<usize>());
        ctx.insert("init", init);
        ctx.insert("taps_loop", &loops);
        ctx.insert("out", &self.ptr(y)?);
        ctx.insert("result", &result);
        Ok(vec![self.kernel(0, self.render("pool.cu", &ctx)?, Self::numel(out))])
    }

    fn softmax(&self, axis: usize, log: bool, out: &[usize]) -> Result<Vec<Kernel>, String> {
        self.f32_only("Softmax")?;
        let (x, y) = (self.input(0)?, self.output()?);
        let inner: usize = out[axis + 1..].iter().product();
        let rows = Self::numel(out) / out[axis].max(1) as u64;
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("rows", &rows);
        ctx.insert("inner", &inner);
        ctx.insert("axis", &out[axis]);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("out", &self.ptr(y)?);
        ctx.insert("log", &log);
        Ok(vec![self.kernel(0, self.render("softmax.cu", &ctx)?, rows)])
    }

    /// Four kernels: the means, the hidden units, the gates (in scratch), then the scaling. With
    /// `project`, the scaled input goes to scratch and a fifth kernel convolves it (with the
    /// node's `epilogue`).
    fn squeeze_excite(
        &self,
        act: &FusedExpr,
        gate: &FusedExpr,
        project: bool,
        epilogue: &FusedExpr,
    ) -> Result<Vec<Kernel>, String> {
        self.f32_only("SqueezeExcite")?;
        let (x, w1, b1, w2, b2, y) =
            (self.input(0)?, self.input(1)?, self.input(2)?, self.input(3)?, self.input(4)?, self.output()?);
        let xd = self.dims(x)?;
        let (images, channels) = (xd.first().copied().unwrap_or(0), xd.get(1).copied().unwrap_or(0));
        let hidden = self.dims(b1)?.first().copied().unwrap_or(0);
        let hw: usize = xd.iter().skip(2).product();
        let Some(Loc::Arena { offset, .. }) = self.plan.scratch.get(&self.n).copied() else {
            return Err("SqueezeExcite has no scratch memory".into());
        };
        let at = |floats: usize| format!("((float*)(arena + {}))", offset + 4 * floats);
        let (means, hiddens, gates) = (at(0), at(images * channels), at(images * (channels + hidden)));
        let scaled = at(images * (2 * channels + hidden));
        let mut ctx = Context::new();
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("out", &if project { scaled.clone() } else { self.ptr(y)? });
        ctx.insert("means", &means);
        ctx.insert("gates", &gates);
        ctx.insert("images", &images);
        ctx.insert("channels", &channels);
        ctx.insert("hw", &hw);
        // The two products: (rows, cols, weights, bias, source, destination, expression).
        let dense =
            [(hidden, channels, w1, b1, &means, &hiddens, act), (channels, hidden, w2, b2, &hiddens, &gates, gate)];
        let mut stages = vec![("mean", images * channels, Context::new())];
        for (rows, cols, w, b, src, dst, e) in dense {
            let mut c = Context::new();
            c.insert("rows", &rows);
            c.insert("cols", &cols);
            c.insert("w", &self.ptr(w)?);
            c.insert("b", &self.ptr(b)?);
            c.insert("src", src);
            c.insert("dst", dst);
            c.insert("expr", &expr::fused(e, DType::F32, &|_| "x0".into())?);
            stages.push(("dense", images * rows, c));
        }
        stages.push(("scale", images * channels * hw, Context::new()));
        let mut kernels = Vec::new();
        for (k, (stage, threads, extra)) in stages.into_iter().enumerate() {
            let mut c = ctx.clone();
            c.extend(extra);
            c.insert("name", &self.name(k));
            c.insert("stage", stage);
            kernels.push(self.kernel(k, self.render("excite.cu", &c)?, threads as u64));
        }
        if project {
            let spatial = xd.len() - 2;
            let unit = Window {
                kernel: vec![1; spatial],
                strides: vec![1; spatial],
                dilations: vec![1; spatial],
                pads: vec![0; 2 * spatial],
            };
            let operands = ConvOperands { x: scaled, x_dims: xd, w: self.input(5)?, bias: Some(self.input(6)?) };
            kernels.extend(self.conv_of(kernels.len(), &operands, 1, &unit, epilogue, 7)?);
        }
        Ok(kernels)
    }

    fn layer_norm(&self, epsilon: f64, out: &[usize]) -> Result<Vec<Kernel>, String> {
        self.f32_only("LayerNorm")?;
        let (x, scale, bias, y) = (self.input(0)?, self.input(1)?, self.input(2)?, self.output()?);
        let width = out.last().copied().unwrap_or(1);
        for v in [scale, bias] {
            if Self::numel(&self.dims(v)?) != width as u64 {
                return Err("LayerNorm with a scale or bias other than [H] is not supported on the CUDA target".into());
            }
        }
        let rows = Self::numel(out) / width.max(1) as u64;
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("rows", &rows);
        ctx.insert("width", &width);
        ctx.insert("epsilon", &expr::float(epsilon as f32));
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("scale", &self.ptr(scale)?);
        ctx.insert("bias", &self.ptr(bias)?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("layer_norm.cu", &ctx)?, rows)])
    }

    fn reduce(&self, kind: ReduceKind, axes: &[usize]) -> Result<Vec<Kernel>, String> {
        self.f32_only("Reduce")?;
        let (x, y) = (self.input(0)?, self.output()?);
        if self.dtype(x) != DType::F32 {
            return Err(format!("Reduce on {} is not supported on the CUDA target", self.dtype(x)));
        }
        let xd = self.dims(x)?;
        let st = strides(&xd);
        // Iterate over the kept axes (as the output, keepdims or not) and the reduced ones.
        let kept: Vec<usize> = (0..xd.len()).filter(|d| !axes.contains(d)).collect();
        let kept_dims: Vec<usize> = kept.iter().map(|&d| xd[d]).collect();
        let red_dims: Vec<usize> = axes.iter().map(|&d| xd[d]).collect();
        let count: usize = red_dims.iter().product();
        let base = linear(kept.iter().enumerate().map(|(j, &d)| (format!("c{j}"), st[d])));
        let mut rc = String::new();
        if !red_dims.is_empty() {
            rc.push_str("        long long u_ = r;\n");
            for j in (0..red_dims.len()).rev() {
                let _ = writeln!(rc, "        const long long r{j} = u_ % {n}LL; u_ /= {n}LL;", n = red_dims[j]);
            }
        }
        let offset = linear(axes.iter().enumerate().map(|(j, &d)| (format!("r{j}"), st[d])));
        let (init, step, result): (&str, String, String) = match kind {
            ReduceKind::Sum => ("0.0f", "acc + v".into(), "acc".to_string()),
            ReduceKind::Mean => ("0.0f", "acc + v".into(), format!("acc / (float){count}")),
            ReduceKind::Max => ("-RONN_INF", "ronn_max(acc, v)".into(), "acc".into()),
            ReduceKind::Min => ("RONN_INF", "ronn_min(acc, v)".into(), "acc".into()),
            ReduceKind::Prod => ("1.0f", "acc * v".into(), "acc".into()),
            ReduceKind::SumSquare => ("0.0f", "acc + v * v".into(), "acc".into()),
            ReduceKind::L1 => ("0.0f", "acc + fabsf(v)".into(), "acc".into()),
            ReduceKind::L2 => ("0.0f", "acc + v * v".into(), "sqrtf(acc)".into()),
            ReduceKind::LogSumExp => return Err("ReduceLogSumExp is not supported on the CUDA target yet".into()),
        };
        let n = Self::numel(&kept_dims);
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &n);
        ctx.insert("coords", &coords(&kept_dims));
        ctx.insert("ty", "float");
        ctx.insert("acc_ty", "float");
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("base", &base);
        ctx.insert("init", init);
        ctx.insert("count", &count);
        ctx.insert("reduced_coords", &rc);
        ctx.insert("offset", &offset);
        ctx.insert("step", &step);
        ctx.insert("out", &self.ptr(y)?);
        ctx.insert("result", &result);
        Ok(vec![self.kernel(0, self.render("reduce.cu", &ctx)?, n)])
    }

    fn gather(&self, axis: usize, out: &[usize]) -> Result<Vec<Kernel>, String> {
        let (x, idx, y) = (self.input(0)?, self.input(1)?, self.output()?);
        if !matches!(self.dtype(idx), DType::I64 | DType::I32) {
            return Err(format!("Gather with {} indices is not supported on the CUDA target", self.dtype(idx)));
        }
        let xd = self.dims(x)?;
        let inner: usize = xd[axis + 1..].iter().product();
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("inner", &inner.max(1));
        ctx.insert("count", &Self::numel(&self.dims(idx)?).max(1));
        ctx.insert("axis", &xd[axis]);
        ctx.insert("indices", &self.ptr(idx)?);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("ty", c_type(self.dtype(x)));
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("gather.cu", &ctx)?, Self::numel(out))])
    }

    fn lrn(&self, size: usize, alpha: f32, beta: f32, bias: f32, out: &[usize]) -> Result<Vec<Kernel>, String> {
        self.f32_only("Lrn")?;
        let (x, y) = (self.input(0)?, self.output()?);
        if out.len() < 2 || size == 0 {
            return Err("Lrn needs rank >= 2 and size >= 1".into());
        }
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("inner", &out[2..].iter().product::<usize>().max(1));
        ctx.insert("channels", &out[1]);
        ctx.insert("before", &((size - 1) / 2));
        ctx.insert("after", &(size - 1 - (size - 1) / 2));
        // The CPU reference computes alpha / size in f64.
        ctx.insert("scale", &expr::float((alpha as f64 / size as f64) as f32));
        ctx.insert("bias", &expr::float(bias));
        ctx.insert("beta", &expr::float(beta));
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("lrn.cu", &ctx)?, Self::numel(out))])
    }

    fn gather_elements(&self, axis: usize, out: &[usize]) -> Result<Vec<Kernel>, String> {
        let (x, idx) = (self.input(0)?, self.input(1)?);
        if !matches!(self.dtype(idx), DType::I64 | DType::I32) {
            return Err(format!("GatherElements with {} indices is not supported on the CUDA target", self.dtype(idx)));
        }
        let xd = self.dims(x)?;
        let st = strides(&xd);
        // Out-of-range indices read zero (the CPU kernel reports them).
        let setup = format!(
            "    const long long j_ = ronn_index((long long){}[i], {}LL);
",
            self.ptr(idx)?,
            xd[axis]
        );
        let base = linear((0..xd.len()).filter(|&d| d != axis).map(|d| (format!("c{d}"), st[d])));
        let ty = c_type(self.dtype(x));
        let load = Load { ty, expr: format!("j_ < 0 ? ({ty})0 : {}[{base} + j_ * {}LL]", self.ptr(x)?, st[axis]) };
        self.map_with(out, setup, vec![load], "x0".into())
    }

    fn arg_reduce(&self, max: bool, axis: usize, select_last: bool, out: &[usize]) -> Result<Vec<Kernel>, String> {
        let (x, y) = (self.input(0)?, self.output()?);
        let xd = self.dims(x)?;
        if xd[axis] == 0 {
            return Err("ArgMax/ArgMin over an empty axis".into());
        }
        let better = match (max, select_last) {
            (true, false) => ">",
            (true, true) => ">=",
            (false, false) => "<",
            (false, true) => "<=",
        };
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("inner", &xd[axis + 1..].iter().product::<usize>().max(1));
        ctx.insert("len", &xd[axis]);
        ctx.insert("ty", c_type(self.dtype(x)));
        ctx.insert("better", better);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("arg_reduce.cu", &ctx)?, Self::numel(out))])
    }

    fn cumulative(
        &self,
        axis: usize,
        exclusive: bool,
        reverse: bool,
        product: bool,
        out: &[usize],
    ) -> Result<Vec<Kernel>, String> {
        let (x, y) = (self.input(0)?, self.output()?);
        let dtype = self.dtype(x);
        if !matches!(dtype, DType::F32 | DType::F64 | DType::I32 | DType::I64 | DType::U32 | DType::U64) {
            return Err(format!("CumSum/CumProd on {dtype} is not supported on the CUDA target"));
        }
        let len = out[axis];
        let inner: usize = out[axis + 1..].iter().product();
        let lines = if len == 0 { 0 } else { Self::numel(out) / len as u64 };
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("lines", &lines);
        ctx.insert("inner", &inner.max(1));
        ctx.insert("len", &len);
        ctx.insert("ty", c_type(dtype));
        ctx.insert("identity", if product { "1" } else { "0" });
        ctx.insert("op", if product { "*" } else { "+" });
        ctx.insert("exclusive", &exclusive);
        ctx.insert("reverse", &reverse);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("scan.cu", &ctx)?, lines)])
    }

    fn gather_nd(&self, batch_dims: usize, out: &[usize]) -> Result<Vec<Kernel>, String> {
        let (x, idx, y) = (self.input(0)?, self.input(1)?, self.output()?);
        if self.dtype(idx) != DType::I64 {
            return Err(format!("GatherND with {} indices is not supported on the CUDA target", self.dtype(idx)));
        }
        let (xd, id) = (self.dims(x)?, self.dims(idx)?);
        let q = *id.last().ok_or("GatherND needs indices of rank >= 1")?;
        if batch_dims >= id.len() || batch_dims + q > xd.len() {
            return Err("GatherND: index tuples longer than the data's rank".into());
        }
        let inner = &xd[batch_dims..];
        let st = strides(inner);
        let slice: usize = inner[q..].iter().product();
        let per_batch: usize = id[batch_dims..id.len() - 1].iter().product();
        let dims: Vec<(usize, usize)> = (0..q).map(|d| (inner[d], st[d])).collect();
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("slice", &slice.max(1));
        ctx.insert("q", &q);
        ctx.insert("per_batch", &per_batch.max(1));
        ctx.insert("block", &inner.iter().product::<usize>());
        ctx.insert("dims", &dims);
        ctx.insert("indices", &self.ptr(idx)?);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("ty", c_type(self.dtype(x)));
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("gather_nd.cu", &ctx)?, Self::numel(out))])
    }

    fn recurrence(&self, cell: RecurrentCell, reverse: bool, cell_output: bool) -> Result<Vec<Kernel>, String> {
        self.f32_only("LSTM/GRU")?;
        let (xw, rt, h0, extra, y) = (self.input(0)?, self.input(1)?, self.input(2)?, self.input(3)?, self.output()?);
        let xd = self.dims(xw)?;
        let [seq, batch, gh] =
            <[usize; 3]>::try_from(xd).map_err(|_| "recurrence: xw must be [seq, batch, gates*hidden]")?;
        let gates = match cell {
            RecurrentCell::Lstm => 4,
            RecurrentCell::Gru => 3,
        };
        let hidden = gh / gates;
        let Some(Loc::Arena { offset: scratch, .. }) = self.plan.scratch.get(&self.n).copied() else {
            return Err("recurrence has no scratch memory".into());
        };
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("bh", &(batch * hidden));
        ctx.insert("batch", &batch);
        ctx.insert("hidden", &hidden);
        ctx.insert("seq", &seq);
        ctx.insert("gh", &gh);
        ctx.insert("gates", &gates);
        ctx.insert("reverse", &reverse);
        ctx.insert("lstm", &(cell == RecurrentCell::Lstm));
        ctx.insert("cell_output", &cell_output);
        ctx.insert("scratch", &format!("((float*)(arena + {scratch}))"));
        ctx.insert("xw", &self.ptr(xw)?);
        ctx.insert("rt", &self.ptr(rt)?);
        ctx.insert("h0", &self.ptr(h0)?);
        ctx.insert("extra", &self.ptr(extra)?);
        ctx.insert("out", &self.ptr(y)?);
        let source = self.render("recurrence.cu", &ctx)?;
        // One launch per time step, in order: each reads the state the one before wrote.
        Ok(vec![Kernel {
            name: self.name(0),
            source,
            threads: (batch * hidden) as u64,
            params: (0..seq as i64).collect(),
        }])
    }

    fn resample(&self, axis: usize, out: &[usize]) -> Result<Vec<Kernel>, String> {
        self.f32_only("Resample")?;
        let (x, idx, coeffs, y) = (self.input(0)?, self.input(1)?, self.input(2)?, self.output()?);
        let xd = self.dims(x)?;
        let taps = self.dims(idx)?.get(1).copied().unwrap_or(1);
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("inner", &xd[axis + 1..].iter().product::<usize>());
        ctx.insert("out_len", &out[axis]);
        ctx.insert("axis", &xd[axis]);
        ctx.insert("taps", &taps);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("idx", &self.ptr(idx)?);
        ctx.insert("coeffs", &self.ptr(coeffs)?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("resample.cu", &ctx)?, Self::numel(out))])
    }

    fn attention(
        &self,
        heads: usize,
        d: usize,
        offsets: [usize; 3],
        score: &FusedExpr,
        out: &[usize],
    ) -> Result<Vec<Kernel>, String> {
        self.f32_only("Attention")?;
        let (q, k, v, y) = (self.input(0)?, self.input(1)?, self.input(2)?, self.output()?);
        let (qd, kd, vd) = (self.dims(q)?, self.dims(k)?, self.dims(v)?);
        let (b, sq, sk) = (qd[0], qd[1], kd[1]);
        let Some(Loc::Arena { offset: scratch, .. }) = self.plan.scratch.get(&self.n).copied() else {
            return Err("attention has no scratch memory".into());
        };
        // The score expression's leaves are broadcast to [B, heads, Sq, Sk]; the key index is
        // the loop variable c3.
        let score_dims = [b, heads, sq, sk];
        let leaves = &self.g.node(self.n).inputs[3..];
        let loads = leaves
            .iter()
            .map(|&x| self.load(x, broadcast_terms(&self.dims(x)?, &score_dims)))
            .collect::<Result<Vec<_>, _>>()?;
        let threads = (b * heads * sq) as u64;
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &threads);
        ctx.insert("coords", &coords(&[b, heads, sq]));
        ctx.insert("q", &self.ptr(q)?);
        ctx.insert("k", &self.ptr(k)?);
        ctx.insert("v", &self.ptr(v)?);
        ctx.insert("sq", &sq);
        ctx.insert("sk", &sk);
        ctx.insert("wq", &qd[2]);
        ctx.insert("wk", &kd[2]);
        ctx.insert("wv", &vd[2]);
        ctx.insert("q_off", &offsets[0]);
        ctx.insert("k_off", &offsets[1]);
        ctx.insert("v_off", &offsets[2]);
        ctx.insert("d", &d);
        ctx.insert("width", &out[2]);
        ctx.insert("scratch", &format!("((float*)(arena + {scratch}))"));
        ctx.insert("loads", &loads);
        ctx.insert("expr", &expr::fused(score, DType::F32, &|k| format!("x{k}"))?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("attention.cu", &ctx)?, threads)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_decode_row_major() {
        let c = coords(&[2, 3, 4]);
        assert!(c.contains("c2 = t_ % 4LL") && c.contains("c1 = t_ % 3LL") && c.contains("c0 = t_;"), "{c}");
    }

    #[test]
    fn broadcasting_skips_unit_axes() {
        assert_eq!(broadcast_index(&[3, 1], &[2, 3, 4]), "c1");
        assert_eq!(broadcast_index(&[4], &[2, 3, 4]), "c2");
        assert_eq!(broadcast_index(&[1], &[2, 3, 4]), "0");
        assert_eq!(broadcast_index(&[2, 3, 4], &[2, 3, 4]), "i");
        assert_eq!(broadcast_index(&[2, 1, 4], &[2, 3, 4]), "c0 * 4LL + c2");
    }
}
