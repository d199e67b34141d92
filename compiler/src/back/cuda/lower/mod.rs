//! One lowering per core op: the CUDA C kernel(s) a node runs, rendered from the templates in
//! `kernels/` with every shape, stride and offset as a constant. Operands are addressed as the
//! arena or weight pointer plus their planned offset; all kernels have the prelude's uniform
//! signature, so launching one needs only its name and thread count.

use std::fmt::Write;

use tera::{Context, Tera};

use super::expr::{self, c_type};
use crate::back::LowerError;
use crate::ir::{DType, FusedExpr, Graph, NodeId, Op, PadMode, PoolKind, RecurrentCell, ReduceKind, ValueId, Window};
use crate::plan::{Loc, Plan};

mod attention;
mod conv;
mod linalg;
mod movement;
mod norm;
mod pool;
mod recurrence;
mod reduce;
mod sample;

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

/// The kernel templates, parsed once: `map.cu` (any elementwise or index-only op) and each
/// family's own (`TEMPLATES` in its file).
pub fn templates() -> Result<Tera, String> {
    let mut t = Tera::default();
    let map: &[(&str, &str)] = &[("map.cu", include_str!("../../../../../kernels/map.cu"))];
    let families = [
        attention::TEMPLATES,
        conv::TEMPLATES,
        linalg::TEMPLATES,
        movement::TEMPLATES,
        norm::TEMPLATES,
        pool::TEMPLATES,
        recurrence::TEMPLATES,
        reduce::TEMPLATES,
        sample::TEMPLATES,
    ];
    t.add_raw_templates(families.iter().fold(map.to_vec(), |mut all, f| {
        all.extend_from_slice(f);
        all
    }))
    .map_err(|e| format!("kernel templates: {e}"))?;
    t.autoescape_on(vec![]);
    Ok(t)
}

/// Scratch bytes a node's CUDA kernel needs in the arena.
pub fn scratch_bytes(g: &Graph, n: NodeId) -> usize {
    let node = g.node(n);
    // A fused node's head needs what it needs alone.
    let op = node.op.kernel_op();
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
        Op::Unary(_)
        | Op::Binary(_)
        | Op::Where
        | Op::Cast { .. }
        | Op::BitCast { .. }
        | Op::MatMul
        | Op::Conv { .. }
        | Op::ConvTranspose { .. }
        | Op::DeformConv { .. }
        | Op::Pool { .. }
        | Op::MaxPoolIndices { .. }
        | Op::Lrn { .. }
        | Op::Softmax { .. }
        | Op::Reduce { .. }
        | Op::ArgReduce { .. }
        | Op::Reshape { .. }
        | Op::Transpose { .. }
        | Op::Concat { .. }
        | Op::Gather { .. }
        | Op::GatherElements { .. }
        | Op::Slice { .. }
        | Op::Expand { .. }
        | Op::Tile { .. }
        | Op::Pad { .. }
        | Op::Resample { .. }
        | Op::Cumulative { .. }
        | Op::TopK { .. }
        | Op::ScatterElements { .. }
        | Op::ScatterNd { .. }
        | Op::GatherNd { .. }
        | Op::GridSample { .. }
        | Op::RoiAlign { .. }
        | Op::Det
        | Op::Shape { .. }
        | Op::LayerNorm { .. }
        | Op::Fused { .. } => 0,
    }
}

/// Lowers one node (the `step`-th of the schedule).
pub fn lower(g: &Graph, plan: &Plan, tera: &Tera, n: NodeId, step: usize) -> Result<Vec<Kernel>, LowerError> {
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

    fn dims(&self, v: ValueId) -> Result<Vec<usize>, LowerError> {
        let val = self.g.value(v);
        val.ty.static_dims().ok_or_else(|| {
            LowerError::Unsupported(format!(
                "value `{}` has symbolic shape {}; the CUDA target needs static shapes (fix dims with --dim)",
                val.name, val.ty
            ))
        })
    }

    fn dtype(&self, v: ValueId) -> DType {
        self.g.value(v).ty.dtype
    }

    /// The typed pointer to a value's first element.
    fn ptr(&self, v: ValueId) -> Result<String, LowerError> {
        let ty = c_type(self.dtype(v));
        match self.plan.loc(v) {
            Some(Loc::Arena { offset, .. }) => Ok(format!("(({ty}*)(arena + {offset}))")),
            Some(Loc::Weight { offset, .. }) => Ok(format!("((const {ty}*)(weights + {offset}))")),
            _ => Err(LowerError::Internal(format!("value `{}` has no device location", self.g.value(v).name))),
        }
    }

    fn input(&self, k: usize) -> Result<ValueId, LowerError> {
        self.g.node(self.n).inputs.get(k).copied().ok_or_else(|| LowerError::Internal(format!("missing input {k}")))
    }

    fn output(&self) -> Result<ValueId, LowerError> {
        self.g.node(self.n).outputs.first().copied().ok_or_else(|| LowerError::Internal("no output".into()))
    }

    fn render(&self, template: &str, ctx: &Context) -> Result<String, LowerError> {
        self.tera.render(template, ctx).map_err(|e| LowerError::Internal(format!("rendering {template}: {e:?}")))
    }

    fn numel(dims: &[usize]) -> u64 {
        dims.iter().product::<usize>() as u64
    }

    fn f32_only(&self, what: &str) -> Result<(), LowerError> {
        let node = self.g.node(self.n);
        match node
            .inputs
            .iter()
            .chain(&node.outputs)
            .map(|&v| self.dtype(v))
            .find(|&d| d != DType::F32 && d != DType::I64 && d != DType::Bool)
        {
            Some(d) => {
                Err(LowerError::Unsupported(format!("{what} on {d} is not supported on the CUDA target (f32 only)")))
            }
            None => Ok(()),
        }
    }

    fn lower(&self) -> Result<Vec<Kernel>, LowerError> {
        let node = self.g.node(self.n);
        let y = self.output()?;
        let out = self.dims(y)?;
        match &node.op {
            Op::Fused { head: None, expr } => {
                let dtype = computed(self.dtype(y));
                let body = expr::fused(expr, dtype, &|k| format!("x{k}"))?;
                self.compute(&out, body)
            }
            Op::Fused { head: Some(head), expr } => {
                // The fusion passes make heads of these three only.
                if let Op::MatMul = head.op.as_ref() {
                    self.matmul(expr, head.inputs)
                } else if let Op::Conv { group, window } = head.op.as_ref() {
                    self.conv(*group, window, expr, head.inputs)
                } else if let Op::SqueezeExcite { act, gate, project: true } = head.op.as_ref() {
                    self.squeeze_excite(act, gate, true, expr)
                } else {
                    Err(LowerError::Unsupported(format!(
                        "a fused {} head is not supported on the CUDA target",
                        head.op.kind()
                    )))
                }
            }
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
            op @ (Op::ConvTranspose { .. }
            | Op::DeformConv { .. }
            | Op::MaxPoolIndices { .. }
            | Op::TopK { .. }
            | Op::ScatterElements { .. }
            | Op::ScatterNd { .. }
            | Op::GridSample { .. }
            | Op::RoiAlign { .. }
            | Op::Det
            | Op::Shape { .. }) => {
                Err(LowerError::Unsupported(format!("{} is not supported on the CUDA target yet", op.kind())))
            }
        }
    }

    /// A load for arithmetic: half floats widened to f32.
    fn value_load(&self, v: ValueId, index: String) -> Result<Load, LowerError> {
        let d = self.dtype(v);
        Ok(Load { ty: c_type(computed(d)), expr: widened(d, format!("{}[{index}]", self.ptr(v)?)) })
    }

    fn load(&self, v: ValueId, index: String) -> Result<Load, LowerError> {
        Ok(Load { ty: c_type(self.dtype(v)), expr: format!("{}[{index}]", self.ptr(v)?) })
    }

    /// Value loads of `inputs` broadcast to `out`.
    fn value_loads(&self, inputs: &[ValueId], out: &[usize]) -> Result<Vec<Load>, LowerError> {
        inputs.iter().map(|&v| self.value_load(v, broadcast_index(&self.dims(v)?, out))).collect()
    }

    /// An elementwise kernel computing `expr` (in f32 for half floats, rounded on store).
    fn compute(&self, out: &[usize], expr: String) -> Result<Vec<Kernel>, LowerError> {
        let node = self.g.node(self.n);
        let expr = narrowed(self.dtype(self.output()?), expr);
        self.map(out, self.value_loads(&node.inputs, out)?, expr)
    }

    fn broadcast_loads(&self, inputs: &[ValueId], out: &[usize]) -> Result<Vec<Load>, LowerError> {
        inputs.iter().map(|&v| self.load(v, broadcast_index(&self.dims(v)?, out))).collect()
    }

    /// A [`Kernel`] launching `threads` threads once.
    fn kernel(&self, k: usize, source: String, threads: u64) -> Kernel {
        Kernel { name: self.name(k), source, threads, params: vec![0] }
    }

    /// An elementwise kernel over the output's index space (`map.cu`).
    fn map(&self, out: &[usize], loads: Vec<Load>, expr: String) -> Result<Vec<Kernel>, LowerError> {
        self.map_with(out, String::new(), loads, expr)
    }

    /// [`Cx::map`] with statements before the loads (`setup`, over `i` and `c0...`).
    fn map_with(
        &self,
        out: &[usize],
        setup: String,
        loads: Vec<Load>,
        expr: String,
    ) -> Result<Vec<Kernel>, LowerError> {
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

    /// The epilogue's extra inputs (`Input(1)...`), broadcast to the output.
    fn epilogue_loads(&self, head_inputs: usize, out: &[usize]) -> Result<Vec<Load>, LowerError> {
        let inputs = &self.g.node(self.n).inputs;
        self.broadcast_loads(&inputs[head_inputs.min(inputs.len())..], out)
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
