//! The static memory plan: every intermediate value (and every kernel's scratch memory) gets an
//! offset in one arena. Liveness comes from the schedule; placement is best-fit over the gaps
//! between blocks live at the same time. Offsets are 64-byte aligned for SIMD loads.
//!
//! Views (`views.rs`): a Reshape, a contiguous Slice and a Concat whose parts are written in
//! place run no kernel; each tree of aliased values is placed as one block.
//!
//! Architecture invariant: two blocks whose lifetimes overlap never overlap in memory.

pub mod prepack;
pub mod views;

use std::collections::HashMap;

use crate::ir::{ops, Graph, NodeId, ValueDef, ValueId};

/// The alignment of every arena and blob offset, in bytes (a cache line; any SIMD load).
pub const ALIGN: usize = 64;

/// Where every value lives at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loc {
    /// The n-th argument of `run`.
    Input(usize),
    /// `len` bytes at `offset` of the weight blob.
    Weight {
        /// Byte offset in the blob.
        offset: usize,
        /// Length in bytes.
        len: usize,
    },
    /// `len` bytes at `offset` of the arena.
    Arena {
        /// Byte offset in the arena.
        offset: usize,
        /// Length in bytes.
        len: usize,
    },
}

/// The result of planning.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The execution order.
    pub schedule: Vec<NodeId>,
    /// Where each value lives.
    pub locs: HashMap<ValueId, Loc>,
    /// Scratch memory per node (bytes in the arena), for kernels that need it.
    pub scratch: HashMap<NodeId, Loc>,
    /// Nodes that run no kernel (their output is a view of memory other nodes write), and the
    /// values that share a block.
    pub views: views::Views,
    /// Constants in blob order.
    pub weights: Vec<ValueId>,
    /// Constants stored packed for the CPU GEMM (`prepack.rs`); their blob bytes are the
    /// packed form.
    pub prepacked: HashMap<ValueId, prepack::Packing>,
    /// The blob's size in bytes.
    pub weight_bytes: usize,
    /// The arena's size in bytes (`Model::new` allocates it once).
    pub arena_bytes: usize,
    /// The arena size with no reuse: the sum of all intermediate tensors.
    pub intermediate_bytes: usize,
}

impl Plan {
    /// Where `v` lives, if the plan placed it (values of removed nodes have no place).
    pub fn loc(&self, v: ValueId) -> Option<Loc> {
        self.locs.get(&v).copied()
    }
}

fn align(n: usize) -> usize {
    n.div_ceil(ALIGN) * ALIGN
}

/// Scratch elements a node's kernel needs (0 for most ops), for its shapes at the bounds of
/// their symbols: the most any size needs. What each op needs is `ir::ops::scratch_elements`.
pub(crate) fn scratch_elements(g: &Graph, n: NodeId) -> usize {
    let node = g.node(n);
    let dims = |v: &ValueId| -> Vec<usize> { dims_at_bounds(g, *v).unwrap_or_default() };
    let inputs: Vec<Vec<usize>> = node.inputs.iter().map(dims).collect();
    let outputs: Vec<Vec<usize>> = node.outputs.iter().map(dims).collect();
    let symbolic = node.inputs.iter().chain(&node.outputs).any(|&v| g.value(v).ty.static_dims().is_none());
    if symbolic {
        ops::scratch_elements_up_to(&node.op, &inputs, &outputs)
    } else {
        ops::scratch_elements(&node.op, &inputs, &outputs)
    }
}

/// A value's dims with every symbol at its bound (the sizes memory is planned for); `None`
/// where a symbol has no bound.
pub(crate) fn dims_at_bounds(g: &Graph, v: ValueId) -> Option<Vec<usize>> {
    let bound = |s: &str| g.bounds.get(s).and_then(|&b| i64::try_from(b).ok());
    g.value(v).ty.shape.iter().map(|d| d.eval(&bound).and_then(|n| usize::try_from(n).ok())).collect()
}

struct Interval {
    start: usize,
    end: usize,
    bytes: usize,
    owner: Owner,
}

enum Owner {
    Value(ValueId),
    Scratch(NodeId),
}

/// The bytes of a value at the symbols' bounds: the most it ever holds. Symbolic shapes must
/// grow with their symbols so that memory planned at the bounds suffices at smaller sizes.
pub(crate) fn max_bytes(g: &Graph, v: ValueId) -> Result<usize, PlanError> {
    let val = g.value(v);
    let numel = val.ty.numel_dim();
    if !numel.is_monotone() {
        return Err(PlanError::NotMonotone { value: val.name.clone(), elements: numel.to_string() });
    }
    if let Some(s) = numel.symbols().into_iter().find(|s| !g.bounds.contains_key(*s)) {
        return Err(PlanError::Unbounded(s.to_string()));
    }
    let bound = |s: &str| g.bounds.get(s).and_then(|&b| i64::try_from(b).ok());
    val.ty.bytes_at(&bound).ok_or_else(|| PlanError::TooLarge { value: val.name.clone(), ty: val.ty.to_string() })
}

/// What a back-end needs from the plan.
#[derive(Clone, Copy)]
pub(crate) struct PlanOptions {
    /// Graph inputs get arena space too (a device back-end uploads them there) instead of
    /// being read where the caller has them.
    pub inputs_in_arena: bool,
    /// Scratch bytes a node's kernel needs.
    pub scratch_bytes: fn(&Graph, NodeId) -> usize,
    /// Reshapes, contiguous Slices and Concats become views where they can (`views.rs`).
    pub views: bool,
    /// Convolution weights and MatMul right operands are stored packed for the CPU GEMM
    /// (`prepack.rs`).
    pub prepack: bool,
}

impl PlanOptions {
    /// The CPU back-end's: inputs read in place, scratch for runtime-min's kernels.
    pub fn cpu() -> Self {
        PlanOptions {
            inputs_in_arena: false,
            scratch_bytes: |g, n| scratch_elements(g, n) * g.value(g.node(n).inputs[0]).ty.dtype.size(),
            views: true,
            prepack: true,
        }
    }
}

/// Why a graph cannot be planned, or a plan breaks its invariant.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// A value's size does not grow with its symbols, so planning it at their bounds would
    /// not be an upper bound.
    #[error("value `{value}` has {elements} elements, which does not grow with its symbols")]
    NotMonotone {
        /// The value's name.
        value: String,
        /// Its element count as a polynomial.
        elements: String,
    },
    /// Symbolic dims of graph inputs without a size or a bound, all of them: one line each,
    /// with the inputs and axes the symbol is on and the flags that resolve it.
    #[error("symbolic dims without a size or a bound:\n{0}")]
    Unresolved(String),
    /// A symbolic dim has neither a fixed size nor a bound (the symbol's name).
    #[error("the symbolic dim `{0}` needs a bound to plan memory: give --dim-max {0}=N (or fix it with --dim {0}=N)")]
    Unbounded(String),
    /// A value's size overflows at the dims' bounds.
    #[error("value `{value}` ({ty}) is too large at the dims' bounds")]
    TooLarge {
        /// The value's name.
        value: String,
        /// Its type.
        ty: String,
    },
    /// The graph is invalid (e.g. has a cycle).
    #[error(transparent)]
    Ir(#[from] crate::ir::IrError),
    /// Two values live at the same time share bytes (the two values): a ronn bug.
    #[error("the plan overlaps {0} and {1} while both are live")]
    Overlap(String, String),
    /// A constant cannot be stored in its kernel's packed layout.
    #[error("cannot pack a constant: {0}")]
    Pack(String),
}

/// Plans a graph for the CPU back-end; symbolic shapes are planned at their bounds.
pub fn plan(g: &Graph) -> Result<Plan, PlanError> {
    plan_with(g, &PlanOptions::cpu())
}

/// Plans a graph for a back-end.
pub(crate) fn plan_with(g: &Graph, opts: &PlanOptions) -> Result<Plan, PlanError> {
    let schedule = g.topo_order()?;
    let prepacked = if opts.prepack { prepack::find(g) } else { HashMap::new() };
    let mut plan = Plan { schedule: schedule.clone(), prepacked, ..Default::default() };
    if !opts.inputs_in_arena {
        for (i, &v) in g.inputs.iter().enumerate() {
            plan.locs.insert(v, Loc::Input(i));
        }
    }
    // Weights: constants read by nodes, in first-use order.
    let add_weight = |plan: &mut Plan, v: ValueId| {
        if let (ValueDef::Const(t), false) = (&g.value(v).def, plan.locs.contains_key(&v)) {
            let len = match plan.prepacked.get(&v) {
                Some(&packing) => prepack::packed_len_bytes(t, packing),
                None => t.bytes(),
            };
            plan.locs.insert(v, Loc::Weight { offset: plan.weight_bytes, len });
            plan.weights.push(v);
            plan.weight_bytes += align(len);
        }
    };
    for &n in &schedule {
        for &v in &g.node(n).inputs {
            add_weight(&mut plan, v);
        }
    }
    // Lifetimes, in schedule steps. Graph outputs live to the end.
    let step_of: HashMap<NodeId, usize> = schedule.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let mut last_use: HashMap<ValueId, usize> = HashMap::new();
    for (i, &n) in schedule.iter().enumerate() {
        for &v in &g.node(n).inputs {
            last_use.insert(v, i);
        }
    }
    let end = schedule.len();
    for &o in &g.outputs {
        last_use.insert(o, end);
    }
    let views = if opts.views { views::find(g, &schedule, opts.inputs_in_arena) } else { views::Views::default() };
    // Every arena value's lifetime, then one interval per tree of aliased values: its root's
    // bytes, from the first member's definition to the last member's use.
    let mut values: Vec<(ValueId, usize, usize)> = Vec::new(); // (value, start, end)
    if opts.inputs_in_arena {
        for &v in &g.inputs {
            values.push((v, 0, last_use.get(&v).copied().unwrap_or(0)));
        }
    }
    for (i, &n) in schedule.iter().enumerate() {
        for &v in &g.node(n).outputs {
            values.push((v, step_of[&n], last_use.get(&v).copied().unwrap_or(i)));
        }
    }
    let mut span: HashMap<ValueId, (usize, usize)> = HashMap::new();
    for &(v, start, end) in &values {
        let s = span.entry(views.root(v).0).or_insert((start, end));
        *s = (s.0.min(start), s.1.max(end));
    }
    let bytes: HashMap<ValueId, usize> =
        values.iter().map(|&(v, _, _)| Ok((v, max_bytes(g, v)?))).collect::<Result<_, PlanError>>()?;
    let mut intervals = Vec::new();
    let mut view_bytes = 0;
    for &(v, _, _) in &values {
        match span.get(&v) {
            Some(&(start, end)) => intervals.push(Interval { start, end, bytes: bytes[&v], owner: Owner::Value(v) }),
            None => view_bytes += align(bytes[&v]),
        }
    }
    for (i, &n) in schedule.iter().enumerate() {
        let scratch = (opts.scratch_bytes)(g, n);
        if scratch > 0 {
            intervals.push(Interval { start: i, end: i, bytes: scratch, owner: Owner::Scratch(n) });
        }
    }
    // Best fit goes by start step.
    intervals.sort_by_key(|iv| iv.start);
    plan.intermediate_bytes = view_bytes + intervals.iter().map(|iv| align(iv.bytes)).sum::<usize>();
    // Best fit: place blocks in order of start step; among the gaps left by blocks alive at
    // the same time, take the smallest that fits.
    let mut placed: Vec<(usize, usize, usize)> = Vec::new(); // (offset, size, end step)
    for iv in intervals {
        let size = align(iv.bytes.max(1));
        placed.retain(|&(_, _, e)| e >= iv.start);
        placed.sort_by_key(|&(o, _, _)| o);
        let mut best: Option<(usize, usize)> = None; // (gap size, offset)
        let mut cursor = 0;
        for &(o, s, _) in &placed {
            if o >= cursor + size && best.is_none_or(|(g, _)| o - cursor < g) {
                best = Some((o - cursor, cursor));
            }
            cursor = cursor.max(o + s);
        }
        let offset = best.map(|(_, o)| o).unwrap_or(cursor);
        placed.push((offset, size, iv.end));
        plan.arena_bytes = plan.arena_bytes.max(offset + size);
        let loc = Loc::Arena { offset, len: iv.bytes };
        match iv.owner {
            Owner::Value(v) => plan.locs.insert(v, loc),
            Owner::Scratch(n) => plan.scratch.insert(n, loc),
        };
    }
    for &(v, _, _) in &values {
        let (root, delta) = views.root(v);
        if let (true, Some(Loc::Arena { offset, .. })) = (root != v, plan.loc(root)) {
            plan.locs.insert(v, Loc::Arena { offset: offset + delta, len: bytes[&v] });
        }
    }
    plan.views = views;
    if cfg!(debug_assertions) {
        verify(g, &plan)?;
    }
    Ok(plan)
}

/// Checks the plan's invariant: two blocks live at the same step never share a byte, unless one
/// is a view of the other's memory. Run after planning in debug builds.
pub(crate) fn verify(g: &Graph, plan: &Plan) -> Result<(), PlanError> {
    let step_of: HashMap<NodeId, usize> = plan.schedule.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let views = &plan.views;
    let mut live: Vec<(String, Option<ValueId>, usize, usize, usize, usize)> = Vec::new(); // (what, root, first, last step, offset, end)
    let mut last_use: HashMap<ValueId, usize> = HashMap::new();
    for (i, &n) in plan.schedule.iter().enumerate() {
        for &v in &g.node(n).inputs {
            last_use.insert(v, i);
        }
    }
    for &o in &g.outputs {
        last_use.insert(o, plan.schedule.len());
    }
    for v in g.value_ids() {
        let Some(Loc::Arena { offset, len }) = plan.loc(v) else { continue };
        let first = match g.value(v).def {
            ValueDef::Node { node, .. } => step_of[&node],
            _ => 0,
        };
        let last = last_use.get(&v).copied().unwrap_or(first);
        live.push((format!("value `{}`", g.value(v).name), Some(views.root(v).0), first, last, offset, offset + len));
    }
    for (&n, loc) in &plan.scratch {
        if let Loc::Arena { offset, len } = *loc {
            let s = step_of[&n];
            live.push((format!("scratch of `{}`", g.node(n).name), None, s, s, offset, offset + len));
        }
    }
    for (i, a) in live.iter().enumerate() {
        for b in &live[i + 1..] {
            let same_tree = a.1.is_some() && a.1 == b.1;
            let (at_once, shared) = (a.2 <= b.3 && b.2 <= a.3, a.4 < b.5 && b.4 < a.5);
            if at_once && shared && !same_tree {
                return Err(PlanError::Overlap(
                    format!("{} ({}..{})", a.0, a.4, a.5),
                    format!("{} ({}..{})", b.0, b.4, b.5),
                ));
            }
        }
    }
    Ok(())
}
