//! The static memory plan: every intermediate value (and every kernel's scratch memory) gets an
//! offset in one arena. Liveness comes from the schedule; placement is best-fit over the gaps
//! between blocks live at the same time. Offsets are 64-byte aligned for SIMD loads.
//!
//! Architecture invariant: two blocks whose lifetimes overlap never overlap in memory.

use std::collections::HashMap;

use crate::ir::{Graph, NodeId, Op, ValueDef, ValueId};
use ronn_runtime::kernels::conv;

pub const ALIGN: usize = 64;

/// Where every value lives at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loc {
    /// The n-th argument of `run`.
    Input(usize),
    /// `len` bytes at `offset` of the weight blob.
    Weight { offset: usize, len: usize },
    /// `len` bytes at `offset` of the arena.
    Arena { offset: usize, len: usize },
}

/// The result of planning.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The execution order.
    pub schedule: Vec<NodeId>,
    pub locs: HashMap<ValueId, Loc>,
    /// Scratch memory per node (bytes in the arena), for kernels that need it.
    pub scratch: HashMap<NodeId, Loc>,
    /// Constants in blob order.
    pub weights: Vec<ValueId>,
    pub weight_bytes: usize,
    pub arena_bytes: usize,
    /// The arena size with no reuse: the sum of all intermediate tensors.
    pub intermediate_bytes: usize,
}

impl Plan {
    pub fn loc(&self, v: ValueId) -> Option<Loc> {
        self.locs.get(&v).copied()
    }
}

fn align(n: usize) -> usize {
    n.div_ceil(ALIGN) * ALIGN
}

/// Scratch elements a node's kernel needs (0 for most ops).
pub fn scratch_elements(g: &Graph, n: NodeId) -> usize {
    let node = g.node(n);
    // A fused Conv needs its scratch like a plain one.
    let op = match &node.op {
        Op::Fused { head: Some(head), .. } => head.op.as_ref(),
        op => op,
    };
    // At the bounds: the most scratch any size needs.
    let bound = |s: &str| g.bounds.get(s).and_then(|&b| i64::try_from(b).ok());
    let dims = |v: ValueId| -> Vec<usize> { g.value(v).ty.shape.iter().map(|d| d.eval(&bound).and_then(|n| usize::try_from(n).ok()).unwrap_or(0)).collect() };
    match op {
        Op::Recurrence { cell, .. } => {
            let h0 = dims(node.inputs[2]);
            ronn_runtime::kernels::recurrent::scratch_len(*cell, h0.first().copied().unwrap_or(0), h0.get(1).copied().unwrap_or(0))
        }
        Op::Attention { head_dim, .. } => {
            let (q, k) = (dims(node.inputs[0]), dims(node.inputs[1]));
            ronn_runtime::kernels::attention::scratch_len(q.get(1).copied().unwrap_or(0), k.get(1).copied().unwrap_or(0), *head_dim)
        }
        Op::Conv { group, window } => {
            let p = conv::ConvParams { group: *group, strides: &window.strides, dilations: &window.dilations, pads: &window.pads };
            conv::conv_scratch_len(&dims(node.inputs[0]), &dims(node.inputs[1]), &dims(node.outputs[0]), &p)
        }
        _ => 0,
    }
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
pub fn max_bytes(g: &Graph, v: ValueId) -> Result<usize, String> {
    let val = g.value(v);
    let numel = val.ty.numel_dim();
    if !numel.is_monotone() {
        return Err(format!("value `{}` has {} elements, which does not grow with its symbols", val.name, numel));
    }
    if let Some(s) = numel.symbols().into_iter().find(|s| !g.bounds.contains_key(*s)) {
        return Err(format!("the symbolic dim `{s}` needs a bound to plan memory: give --dim-max {s}=N (or fix it with --dim {s}=N)"));
    }
    let bound = |s: &str| g.bounds.get(s).and_then(|&b| i64::try_from(b).ok());
    val.ty.bytes_at(&bound).ok_or_else(|| format!("value `{}` ({}) is too large at the dims' bounds", val.name, val.ty))
}

/// What a back-end needs from the plan.
#[derive(Clone, Copy)]
pub struct PlanOptions {
    /// Graph inputs get arena space too (a device back-end uploads them there) instead of
    /// being read where the caller has them.
    pub inputs_in_arena: bool,
    /// Scratch bytes a node's kernel needs.
    pub scratch_bytes: fn(&Graph, NodeId) -> usize,
}

impl PlanOptions {
    /// The CPU back-end's: inputs read in place, scratch for runtime-min's kernels.
    pub fn cpu() -> Self {
        PlanOptions { inputs_in_arena: false, scratch_bytes: |g, n| scratch_elements(g, n) * g.value(g.node(n).inputs[0]).ty.dtype.size() }
    }
}

/// Plans a graph for the CPU back-end; symbolic shapes are planned at their bounds.
pub fn plan(g: &Graph) -> Result<Plan, String> {
    plan_with(g, &PlanOptions::cpu())
}

/// Plans a graph for a back-end.
pub fn plan_with(g: &Graph, opts: &PlanOptions) -> Result<Plan, String> {
    let schedule = g.topo_order().map_err(|e| e.to_string())?;
    let mut plan = Plan { schedule: schedule.clone(), ..Default::default() };
    if !opts.inputs_in_arena {
        for (i, &v) in g.inputs.iter().enumerate() {
            plan.locs.insert(v, Loc::Input(i));
        }
    }
    // Weights: constants read by nodes, in first-use order.
    let add_weight = |plan: &mut Plan, v: ValueId| {
        if let (ValueDef::Const(t), false) = (&g.value(v).def, plan.locs.contains_key(&v)) {
            let len = t.bytes();
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
    let mut intervals = Vec::new();
    if opts.inputs_in_arena {
        for &v in &g.inputs {
            let end = last_use.get(&v).copied().unwrap_or(0);
            intervals.push(Interval { start: 0, end, bytes: max_bytes(g, v)?, owner: Owner::Value(v) });
        }
    }
    for (i, &n) in schedule.iter().enumerate() {
        for &v in &g.node(n).outputs {
            let bytes = max_bytes(g, v)?;
            let end = last_use.get(&v).copied().unwrap_or(i);
            intervals.push(Interval { start: step_of[&n], end, bytes, owner: Owner::Value(v) });
        }
        let scratch = (opts.scratch_bytes)(g, n);
        if scratch > 0 {
            intervals.push(Interval { start: i, end: i, bytes: scratch, owner: Owner::Scratch(n) });
        }
    }
    plan.intermediate_bytes = intervals.iter().map(|iv| align(iv.bytes)).sum();
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
    Ok(plan)
}
