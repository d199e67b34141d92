//! Row-wise work on the tensor's own shape. Exporters flatten `[B, S, K]` activations to
//! `[B*S, K]` around every `Gemm` (and GPT-2's Conv1D) and view the result back as `[B, S, N]`:
//!
//! ```text
//! Reshape[B*S, K](x) -> MatMul(W[K, N]) -> Add(bias[N]) -> Reshape[B, S, N]
//! ```
//!
//! A MatMul by a 2-D weight and an elementwise op whose other operand varies only along the last
//! axis treat every row alike, so they can run on the unflattened tensor. This pass moves such
//! Reshapes past them, towards the output:
//!
//! - `MatMul(Reshape[M, K](x), W)` becomes `Reshape[M, N](MatMul(x', W))`, where `x'` is `x`
//!   viewed as `[d0, .., dp-1, K]` for a split of `x`'s axes whose products are `M` and `K`
//!   (`x` itself when only the last axis is `K`, as after an attention block);
//! - `op(Reshape(a), c)` for a fusable binary `op` with `c` broadcast along the last axis only,
//!   and a fusable unary `op(Reshape(a))`, become `Reshape(op(a, c))` when the Reshape flattens
//!   leading axes and keeps the last one.
//!
//! The moved Reshapes then meet the exporter's view back, where `simplify` merges the chain into
//! an identity and drops it. What was `Reshape, MatMul, Add, Reshape` becomes one MatMul with
//! its bias, which `fuse` then folds into its epilogue.

use super::rewrite::{self, Applied, Rule};
use super::Pass;
use crate::ir::{Dim, Graph, IrError, NodeId, Op, ValueId};

pub struct Rows;

impl Pass for Rows {
    fn name(&self) -> &'static str {
        "rows"
    }

    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        rewrite::sweep(g, &mut Rows)
    }
}

/// A match is a row-wise node reading a flattening Reshape; the walk meets the rewritten node's
/// readers afterwards, so a Reshape moves past a whole chain of them in one walk.
impl Rule for Rows {
    type Match = Rewrite;

    fn find(&mut self, g: &Graph, n: NodeId) -> Option<Rewrite> {
        find(g, n)
    }

    fn apply(&mut self, g: &mut Graph, n: NodeId, rw: Rewrite) -> Result<Applied, IrError> {
        let node = g.node(n);
        let (name, y) = (node.name.clone(), node.outputs[0]);
        let y_shape = g.value(y).ty.shape.clone();
        let mut inputs = rw.inputs;
        if let Some(view) = rw.view {
            let v = g.add_node(format!("{name}/rows"), Op::Reshape { shape: view }, vec![inputs[rw.reshaped]])?[0];
            inputs[rw.reshaped] = v;
        }
        let inner = g.add_node(format!("{name}/unflat"), rw.op, inputs)?[0];
        let out = g.add_node(name, Op::Reshape { shape: y_shape }, vec![inner])?[0];
        // The Reshape takes over the value's name (a graph output keeps its name).
        g.rename_value(out, g.value(y).name.clone());
        g.replace_uses(y, out);
        g.remove_node(n);
        Ok(Applied::Rewritten { removed: vec![n] })
    }
}

/// The node `n` recomputed on the unflattened operand: `op(inputs)`, with input `reshaped`
/// first viewed as `view` when that is given.
pub(super) struct Rewrite {
    op: Op,
    inputs: Vec<ValueId>,
    reshaped: usize,
    view: Option<Vec<Dim>>,
}

/// `v`'s defining Reshape and its input, when `v` is read only by `reader` and is not a graph output.
fn reshape_of(g: &Graph, v: ValueId, reader: NodeId) -> Option<ValueId> {
    let p = g.producer(v)?;
    if !matches!(p.op, Op::Reshape { .. }) || g.only_reader(v) != Some(reader) {
        return None;
    }
    p.inputs.first().copied()
}

fn find(g: &Graph, n: NodeId) -> Option<Rewrite> {
    let node = g.node(n);
    let shape = |v: ValueId| &g.value(v).ty.shape;
    if let (Op::MatMul, &[r, w]) = (&node.op, &node.inputs[..]) {
        if shape(w).len() != 2 || shape(r).len() != 2 {
            return None;
        }
        let x = reshape_of(g, r, n)?;
        let (m, k) = (&shape(r)[0], &shape(r)[1]);
        let xs = shape(x);
        // The split point p: x's axes before it multiply to M, the rest to K.
        let p = (2..xs.len()).find(|&p| Dim::product(&xs[..p]) == *m && Dim::product(&xs[p..]) == *k)?;
        let view = (p + 1 != xs.len()).then(|| {
            let mut v = xs[..p].to_vec();
            v.push(k.clone());
            v
        });
        return Some(Rewrite { op: Op::MatMul, inputs: vec![x, w], reshaped: 0, view });
    }
    if !node.op.fusable() {
        return None;
    }
    if let (Op::Binary(_), &[a, b]) = (&node.op, &node.inputs[..]) {
        let y = shape(node.outputs[0]);
        // Which operand is the Reshape; the other must vary along the last axis only.
        let (pos, r, c) = match (reshape_of(g, a, n), reshape_of(g, b, n)) {
            (Some(_), _) if shape(a) == y => (0, a, b),
            (_, Some(_)) if shape(b) == y => (1, b, a),
            _ => return None,
        };
        let x = reshape_of(g, r, n)?;
        let cs = shape(c);
        let last_only = cs.len() <= shape(x).len() && cs.iter().rev().skip(1).all(|d| d.as_fixed() == Some(1));
        if !keeps_last_axis(shape(x), shape(r))
            || !last_only
            || cs.last().is_some_and(|d| d.as_fixed() != Some(1) && Some(d) != shape(x).last())
        {
            return None;
        }
        let mut inputs = vec![a, b];
        inputs[pos] = x;
        return Some(Rewrite { op: node.op.clone(), inputs, reshaped: pos, view: None });
    }
    let (Op::Unary(_), &[r]) = (&node.op, &node.inputs[..]) else { return None };
    let x = reshape_of(g, r, n)?;
    keeps_last_axis(shape(x), shape(r)).then(|| Rewrite {
        op: node.op.clone(),
        inputs: vec![x],
        reshaped: 0,
        view: None,
    })
}

/// Whether a Reshape from `from` to `to` flattens leading axes and keeps the last one (so rows
/// stay rows). Views back to more axes are where the moved Reshapes are headed, and stay.
fn keeps_last_axis(from: &[Dim], to: &[Dim]) -> bool {
    to.len() < from.len() && matches!((from.last(), to.last()), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{inputs_for, run_inputs};
    use super::*;
    use crate::ir::{fixed_dims, BinaryOp, DType, Data, Tensor, TensorType, UnaryOp};
    use crate::passes::{dce::DeadCode, simplify::Simplify};

    fn f32s(dims: &[usize]) -> TensorType {
        TensorType::fixed(DType::F32, dims)
    }

    /// GPT-2's Conv1D as exported: flatten, Gemm (MatMul + bias), activation, view back.
    fn flattened_gemm(x_dims: &[usize]) -> Graph {
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(x_dims));
        let w = g.add_const(
            "w",
            Tensor::new(vec![8, 5], Data::F32((0..40).map(|i| i as f32 / 20.0 - 1.0).collect())).unwrap(),
        );
        let bias = g.add_const("b", Tensor::new(vec![5], Data::F32(vec![0.5, -0.25, 1.0, 0.0, 2.0])).unwrap());
        let flat = g.add_node("flat", Op::Reshape { shape: fixed_dims([6, 8]) }, vec![x]).unwrap()[0];
        let mm = g.add_node("gemm", Op::MatMul, vec![flat, w]).unwrap()[0];
        let biased = g.add_node("bias", Op::Binary(BinaryOp::Add), vec![bias, mm]).unwrap()[0];
        let act = g.add_node("act", Op::Unary(UnaryOp::Relu), vec![biased]).unwrap()[0];
        let view = g.add_node("view", Op::Reshape { shape: fixed_dims([2, 3, 5]) }, vec![act]).unwrap()[0];
        // A reader after the view (an identity that defines a graph output stays, for its name).
        let y = g.add_node("neg", Op::Unary(UnaryOp::Neg), vec![view]).unwrap()[0];
        g.outputs.push(y);
        g
    }

    #[test]
    fn reshapes_move_past_row_wise_ops_and_vanish() {
        // From [2, 3, 8] (only the last axis is K) and from [2, 3, 2, 4] (heads to merge).
        for x_dims in [&[2, 3, 8][..], &[2, 3, 2, 4]] {
            let mut g = flattened_gemm(x_dims);
            let inputs = inputs_for(&g);
            let before = run_inputs(&g, &inputs);
            assert!(Rows.run(&mut g).unwrap());
            for _ in 0..2 {
                Simplify.run(&mut g).unwrap();
                DeadCode.run(&mut g).unwrap();
            }
            let kinds: Vec<String> = g.node_ids().map(|n| g.node(n).op.kind()).collect();
            let reshapes = kinds.iter().filter(|k| *k == "Reshape").count();
            assert_eq!(reshapes, usize::from(x_dims.len() == 4), "{x_dims:?}: {}", crate::ir::text::print(&g));
            assert_eq!(run_inputs(&g, &inputs), before, "{x_dims:?}");
        }
    }

    #[test]
    fn operands_that_vary_across_rows_keep_the_reshape() {
        // A [6, 1] operand differs per row of the flattened view: not row-wise.
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(&[2, 3, 8]));
        let c = g.add_input("c", f32s(&[6, 1]));
        let flat = g.add_node("flat", Op::Reshape { shape: fixed_dims([6, 8]) }, vec![x]).unwrap()[0];
        let y = g.add_node("mul", Op::Binary(BinaryOp::Mul), vec![flat, c]).unwrap()[0];
        g.outputs.push(y);
        assert!(!Rows.run(&mut g).unwrap());
    }
}
