//! Pattern fusion of squeeze-and-excitation blocks (MobileNetV3, EfficientNet, RegNet). After
//! elementwise fusion, exporters' spelling is
//!
//! ```text
//! m = ReduceMean(x, spatial axes, keepdims)      h = act(Conv1x1(m, w1[, b1]))
//! s = gate(Conv1x1(h, w2[, b2]))                 y = Mul(x, s)   (or Mul(s, x))
//! ```
//!
//! where each `Conv1x1 + activation` is a `Fused` node with a Conv head (or a plain Conv).
//! Four kernels and two passes over `x` become one [`Op::SqueezeExcite`]. A missing bias
//! becomes zeros.

use super::Pass;
use crate::ir::{BinaryOp, DType, Data, FusedExpr, Graph, IrError, NodeId, Op, ReduceKind, Tensor, ValueDef, ValueId};

pub struct Excite;

impl Pass for Excite {
    fn name(&self) -> &'static str {
        "excite"
    }

    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        let mut changed = false;
        for n in g.topo_order()? {
            let Some(m) = find(g, n) else { continue };
            let name = g.node(n).name.clone();
            let bias = |g: &mut Graph, b: Option<ValueId>, len: usize, part: &str| -> Option<ValueId> {
                b.or_else(|| {
                    let data = match g.value(m.x).ty.dtype {
                        DType::F64 => Data::F64(vec![0.0; len]),
                        _ => Data::F32(vec![0.0; len]),
                    };
                    Tensor::new(vec![len], data).map(|t| g.add_const(format!("{name}/{part}"), t))
                })
            };
            let (Some(b1), Some(b2)) = (bias(g, m.fc1.bias, m.hidden, "b1"), bias(g, m.fc2.bias, m.channels, "b2")) else { continue };
            let op = Op::SqueezeExcite { act: m.fc1.expr, gate: m.fc2.expr };
            let outs = g.add_node(name, op, vec![m.x, m.fc1.weight, b1, m.fc2.weight, b2])?;
            g.rename_value(outs[0], g.value(m.y).name.clone());
            g.replace_uses(m.y, outs[0]);
            for node in m.nodes {
                g.remove_node(node);
            }
            changed = true;
        }
        Ok(changed)
    }
}

/// A 1x1 convolution with its activation.
struct Dense {
    weight: ValueId,
    bias: Option<ValueId>,
    expr: FusedExpr,
    node: NodeId,
    input: ValueId,
}

struct Match {
    x: ValueId,
    fc1: Dense,
    fc2: Dense,
    channels: usize,
    hidden: usize,
    /// The value the block replaces, and every node of the pattern.
    y: ValueId,
    nodes: Vec<NodeId>,
}

/// The node defining `v`, if `v` is read by that one node only and is not a graph output.
fn only_def(g: &Graph, v: ValueId) -> Option<NodeId> {
    let ValueDef::Node { node, .. } = g.value(v).def else { return None };
    (!g.outputs.contains(&v) && g.users(v).len() == 1).then_some(node)
}

/// `v` as the output of a 1x1, stride-1, unpadded, ungrouped Conv, possibly fused with an
/// activation of its output alone.
fn dense(g: &Graph, v: ValueId) -> Option<Dense> {
    let node = only_def(g, v)?;
    let nd = g.node(node);
    let (conv, expr, head_inputs) = match &nd.op {
        Op::Conv { .. } => (&nd.op, FusedExpr::Input(0), nd.inputs.len()),
        Op::Fused { head: Some(h), expr } => (h.op.as_ref(), expr.clone(), h.inputs),
        _ => return None,
    };
    let Op::Conv { group: 1, window } = conv else { return None };
    let unit = window.kernel.iter().chain(&window.strides).chain(&window.dilations).all(|&k| k == 1) && window.pads.iter().all(|&p| p == 0);
    if !unit || nd.inputs.len() != head_inputs || !(2..=3).contains(&head_inputs) {
        return None;
    }
    Some(Dense { weight: nd.inputs[1], bias: nd.inputs.get(2).copied(), expr, node, input: nd.inputs[0] })
}

/// The pattern ending at the Mul node `n`.
fn find(g: &Graph, n: NodeId) -> Option<Match> {
    let node = g.node(n);
    let (Op::Binary(BinaryOp::Mul), [a, b], [y]) = (&node.op, &node.inputs[..], &node.outputs[..]) else { return None };
    let (a, b, y) = (*a, *b, *y);
    let ty = &g.value(y).ty;
    if !matches!(ty.dtype, DType::F32 | DType::F64) || ty.rank() < 3 {
        return None;
    }
    // Either operand may be the gates.
    [(a, b), (b, a)].into_iter().find_map(|(x, s)| {
        let fc2 = dense(g, s)?;
        let fc1 = dense(g, fc2.input)?;
        let mean = only_def(g, fc1.input)?;
        let spatial: Vec<usize> = (2..ty.rank()).collect();
        let is_mean = matches!(&g.node(mean).op, Op::Reduce { kind: ReduceKind::Mean, axes, keepdims: true } if *axes == spatial);
        if !is_mean || g.node(mean).inputs[..] != [x] || g.value(x).ty != *ty {
            return None;
        }
        let channels = ty.shape[1].as_fixed()?;
        let hidden = g.value(fc1.weight).ty.shape.first()?.as_fixed()?;
        let nodes = vec![mean, fc1.node, fc2.node, n];
        let m = Match { x, fc1, fc2, channels, hidden, y, nodes };
        // The weights' shapes are checked by inference when the node is added; check first so
        // that a mismatch leaves the graph as it was.
        let tys: Vec<_> = [m.x, m.fc1.weight, m.fc2.weight].iter().map(|&v| g.value(v).ty.clone()).collect();
        let dims_ok = tys[1].static_dims()? == [vec![hidden, channels], vec![1; spatial.len()]].concat() && tys[2].static_dims()? == [vec![channels, hidden], vec![1; spatial.len()]].concat();
        let bias_ok = |b: Option<ValueId>, len: usize| b.is_none_or(|b| g.value(b).ty.static_dims().is_some_and(|d| d == [len]) && g.value(b).ty.dtype == ty.dtype);
        (dims_ok && bias_ok(m.fc1.bias, hidden) && bias_ok(m.fc2.bias, channels) && tys[1].dtype == ty.dtype && tys[2].dtype == ty.dtype).then_some(m)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{text, FusedHead, MathFn, TensorType, UnaryOp, Window};
    use crate::passes::test_support::{inputs_for, run_inputs};

    fn conv_1x1(group: usize) -> Op {
        Op::Conv { group, window: Window { kernel: vec![1, 1], strides: vec![1, 1], dilations: vec![1, 1], pads: vec![0; 4] } }
    }

    fn fused(act: FusedExpr, inputs: usize, group: usize) -> Op {
        Op::Fused { head: Some(FusedHead { op: Box::new(conv_1x1(group)), inputs }), expr: act }
    }

    fn weights(g: &mut Graph, name: &str, dims: Vec<usize>, seed: usize) -> ValueId {
        let n: usize = dims.iter().product();
        let vals = (0..n).map(|i| ((i * 31 + seed * 17) % 23) as f32 / 11.0 - 1.0).collect();
        g.add_const(name, Tensor::new(dims, Data::F32(vals)).unwrap())
    }

    /// x [1, 6, 3, 4] -> SE(6 -> 2 -> 6): Relu after the first conv (with bias, in `group`
    /// groups), HardSigmoid after the second (without), the Mul with the gates first when
    /// `gates_first`.
    fn block(gates_first: bool, group: usize) -> Graph {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::new(DType::F32, crate::ir::fixed_dims([1, 6, 3, 4])));
        let m = g.add_node("mean", Op::Reduce { kind: ReduceKind::Mean, axes: vec![2, 3], keepdims: true }, vec![x]).unwrap()[0];
        let (w1, b1, w2) = (weights(&mut g, "w1", vec![2, 6 / group, 1, 1], 1), weights(&mut g, "b1", vec![2], 2), weights(&mut g, "w2", vec![6, 2, 1, 1], 3));
        let h = g.add_node("fc1", fused(FusedExpr::Unary(UnaryOp::Relu, Box::new(FusedExpr::Input(0))), 3, group), vec![m, w1, b1]).unwrap()[0];
        let hard = FusedExpr::Unary(UnaryOp::Math(MathFn::HardSigmoid { alpha: 1.0 / 6.0, beta: 0.5 }), Box::new(FusedExpr::Input(0)));
        let s = g.add_node("fc2", fused(hard, 2, 1), vec![h, w2]).unwrap()[0];
        let ins = if gates_first { vec![s, x] } else { vec![x, s] };
        let y = g.add_node("scale", Op::Binary(BinaryOp::Mul), ins).unwrap()[0];
        g.outputs = vec![y];
        g
    }

    #[test]
    fn the_block_becomes_one_op_with_the_same_values() {
        for gates_first in [false, true] {
            let mut g = block(gates_first, 1);
            let inputs = inputs_for(&g);
            let before = run_inputs(&g, &inputs);
            assert!(Excite.run(&mut g).unwrap());
            let ops: Vec<String> = g.node_ids().map(|n| g.node(n).op.kind()).collect();
            assert_eq!(ops, ["SqueezeExcite"], "{}", text::print(&g));
            let after = run_inputs(&g, &inputs);
            assert_eq!(before, after);
        }
    }

    #[test]
    fn a_mean_read_elsewhere_or_a_grouped_conv_stays_as_it_is() {
        let mut g = block(false, 1);
        let mean = g.value_ids().find(|&v| g.value(v).name.starts_with("mean")).unwrap();
        let extra = g.add_node("extra", Op::Unary(UnaryOp::Neg), vec![mean]).unwrap()[0];
        g.outputs.push(extra);
        assert!(!Excite.run(&mut g).unwrap());
        assert!(!Excite.run(&mut block(false, 2)).unwrap());
        assert!(Excite.run(&mut block(false, 1)).unwrap());
    }
}
