//! Weight folding: a per-channel `Mul` or `Add` by a constant right after a Conv goes into the
//! Conv's weights and bias. BatchNormalization imports as exactly that (`x * scale + shift`
//! with `[C, 1, 1]` constants), so every Conv + BatchNorm pair becomes one Conv:
//! `conv(x, W, b) * s + t = conv(x, W * s, b * s + t)`, computed once here in f64 and rounded
//! to the weights' type. Only a Conv whose output nothing else reads is changed.

use super::rewrite::{self, Applied, Rule};
use super::Pass;
use crate::ir::{BinaryOp, DType, Data, Graph, IrError, NodeId, Op, Tensor, ValueDef, ValueId};

pub struct FoldAffine;

impl Pass for FoldAffine {
    fn name(&self) -> &'static str {
        "fold-affine"
    }

    /// Each fold may enable the next (Mul, then Add): the first match in the order is folded,
    /// then the graph is looked at again from the start, until nothing is left to fold.
    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        rewrite::one_by_one(g, &mut FoldAffine)
    }
}

/// The Mul/Add node's one operand is a foldable Conv's output and its other a per-channel
/// constant: the conv node, per-channel scale and per-channel shift.
pub(super) struct Match {
    conv: NodeId,
    scale: Vec<f64>,
    shift: Vec<f64>,
}

impl Rule for FoldAffine {
    type Match = Match;

    fn find(&mut self, g: &Graph, n: NodeId) -> Option<Match> {
        let node = g.node(n);
        let Op::Binary(op @ (BinaryOp::Mul | BinaryOp::Add)) = node.op else { return None };
        let (&[a, b], &[y]) = (&node.inputs[..], &node.outputs[..]) else { return None };
        [(a, b), (b, a)].into_iter().find_map(|(x, c)| {
            let conv = foldable_conv(g, x)?;
            if g.value(y).ty != g.value(x).ty {
                return None;
            }
            let per = per_channel(g, c, g.value(x).ty.rank())?;
            let channels = g.value(x).ty.shape.get(1).and_then(|d| d.as_fixed()).unwrap_or(0);
            let per: Vec<f64> = if per.len() == 1 { vec![per[0]; channels] } else { per };
            if per.len() != channels {
                return None;
            }
            Some(if op == BinaryOp::Mul {
                Match { conv, scale: per, shift: vec![0.0; channels] }
            } else {
                Match { conv, scale: vec![1.0; channels], shift: per }
            })
        })
    }

    fn apply(&mut self, g: &mut Graph, n: NodeId, m: Match) -> Result<Applied, IrError> {
        fold(g, n, m.conv, m.scale, m.shift)
    }
}

/// The Conv node defining `x`, if it has constant weights (and bias), a float type, and no
/// other reader of `x`.
fn foldable_conv(g: &Graph, x: ValueId) -> Option<NodeId> {
    let ValueDef::Node { node, .. } = g.value(x).def else { return None };
    let conv = g.node(node);
    if !matches!(conv.op, Op::Conv { .. }) || !matches!(g.value(x).ty.dtype, DType::F32 | DType::F64) {
        return None;
    }
    if conv.inputs[1..].iter().any(|&v| g.const_value(v).is_none()) || g.users(x).len() != 1 || g.outputs.contains(&x) {
        return None;
    }
    Some(node)
}

/// The values of a constant that varies along axis 1 only (of a rank-`rank` result), or a
/// scalar; `None` otherwise.
fn per_channel(g: &Graph, c: ValueId, rank: usize) -> Option<Vec<f64>> {
    let t = g.const_value(c)?;
    if t.shape.len() > rank || rank < 2 {
        return None;
    }
    let lead = rank - t.shape.len();
    let ok = t.shape.iter().enumerate().all(|(i, &d)| d == 1 || i + lead == 1);
    ok.then(|| t.data.to_f64_vec())
}

/// Rewrites `node(conv(x, W, b), const)` as `conv(x, W * scale, b * scale + shift)`.
fn fold(g: &mut Graph, n: NodeId, conv: NodeId, scale: Vec<f64>, shift: Vec<f64>) -> Result<Applied, IrError> {
    let c = g.node(conv).clone();
    let y = g.node(n).outputs[0];
    let (w, dtype) = match g.const_value(c.inputs[1]) {
        Some(w) => (w.clone(), w.dtype()),
        None => return Ok(Applied::Declined),
    };
    let m = scale.len();
    let per_m = w.numel() / m.max(1);
    let wv: Vec<f64> = w.data.to_f64_vec().iter().enumerate().map(|(i, &v)| v * scale[i / per_m.max(1)]).collect();
    let bias: Vec<f64> = match c.inputs.get(2).and_then(|&b| g.const_value(b)) {
        Some(b) => b.data.to_f64_vec(),
        None => vec![0.0; m],
    };
    let bv: Vec<f64> = (0..m).map(|i| bias.get(i).copied().unwrap_or(0.0) * scale[i] + shift[i]).collect();
    let to = |v: Vec<f64>| match dtype {
        DType::F64 => Data::F64(v),
        _ => Data::F32(v.into_iter().map(|x| x as f32).collect()),
    };
    let w_name = format!("{}/folded_weights", c.name);
    let b_name = format!("{}/folded_bias", c.name);
    let (Some(wt), Some(bt)) = (Tensor::new(w.shape.clone(), to(wv)), Tensor::new(vec![m], to(bv))) else {
        return Ok(Applied::Declined);
    };
    let (wc, bc) = (g.add_const(w_name, wt), g.add_const(b_name, bt));
    let outs = g.add_node(c.name.clone(), c.op.clone(), vec![c.inputs[0], wc, bc])?;
    // The folded Conv takes over the name of the value it replaces (it may be a graph output).
    g.rename_value(outs[0], g.value(y).name.clone());
    g.replace_uses(y, outs[0]);
    g.remove_node(n);
    g.remove_node(conv);
    Ok(Applied::Rewritten { removed: vec![n, conv] })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{TensorType, Window};
    use crate::passes::test_support::run;

    /// conv -> * s -> + t on a 1x2x3x3 input, folded, computes the same values.
    #[test]
    fn conv_then_per_channel_mul_and_add_fold_into_one_conv() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[1, 2, 3, 3]));
        let w = g.add_const("w", Tensor::new(vec![2, 2, 1, 1], Data::F32(vec![1.0, 2.0, -1.0, 0.5])).unwrap());
        let s = g.add_const("s", Tensor::new(vec![2, 1, 1], Data::F32(vec![3.0, -2.0])).unwrap());
        let t = g.add_const("t", Tensor::new(vec![2, 1, 1], Data::F32(vec![0.25, 1.0])).unwrap());
        let window = Window { kernel: vec![1, 1], strides: vec![1, 1], dilations: vec![1, 1], pads: vec![0; 4] };
        let c = g.add_node("conv", Op::Conv { group: 1, window }, vec![x, w]).unwrap()[0];
        let m = g.add_node("scale", Op::Binary(BinaryOp::Mul), vec![c, s]).unwrap()[0];
        let y = g.add_node("shift", Op::Binary(BinaryOp::Add), vec![m, t]).unwrap()[0];
        g.outputs = vec![y];
        let input = Tensor::new(vec![1, 2, 3, 3], Data::F32((0..18).map(|i| i as f32 / 4.0 - 2.0).collect())).unwrap();
        let before = run(&g, &input);
        assert!(FoldAffine.run(&mut g).unwrap());
        crate::passes::dce::DeadCode.run(&mut g).unwrap();
        assert_eq!(g.node_count(), 1, "{}", crate::ir::text::print(&g));
        assert_eq!(run(&g, &input), before);
    }
}
