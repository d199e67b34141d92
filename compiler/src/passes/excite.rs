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
//!
//! When `y`'s only reader is a 1x1 convolution (the MBConv projection, possibly with its
//! epilogue), the block takes it in (`project`): the kernel scales the convolution's weights by
//! the gates instead of scaling `x`, so `y` is never written. A fused epilogue stays around the
//! new op as its head.

use super::rewrite::{self, Applied, Rule};
use super::Pass;
use crate::ir::{
    BinaryOp, DType, Data, FusedExpr, FusedHead, Graph, IrError, NodeId, Op, ReduceKind, Tensor, ValueDef, ValueId,
};

pub struct Excite;

impl Pass for Excite {
    fn name(&self) -> &'static str {
        "excite"
    }

    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        rewrite::sweep(g, &mut Excite)
    }
}

/// A match ends at the Mul node; the projection it takes in comes later in the order and is
/// consumed with it.
impl Rule for Excite {
    type Match = Match;

    fn find(&mut self, g: &Graph, n: NodeId) -> Option<Match> {
        find(g, n)
    }

    fn apply(&mut self, g: &mut Graph, n: NodeId, m: Match) -> Result<Applied, IrError> {
        let name = g.node(n).name.clone();
        let dtype = g.value(m.x).ty.dtype;
        let bias = |g: &mut Graph, b: Option<ValueId>, len: usize, part: &str| -> Option<ValueId> {
            b.or_else(|| {
                Tensor::new(vec![len], Data::zeros(dtype, len)).map(|t| g.add_const(format!("{name}/{part}"), t))
            })
        };
        let (Some(b1), Some(b2)) = (bias(g, m.fc1.bias, m.hidden, "b1"), bias(g, m.fc2.bias, m.channels, "b2")) else {
            return Ok(Applied::Declined);
        };
        let mut inputs = vec![m.x, m.fc1.weight, b1, m.fc2.weight, b2];
        let (act, gate) = (m.fc1.expr, m.fc2.expr);
        let mut nodes = m.nodes;
        let (op, replaced) = match m.projection {
            Some(p) => {
                let outputs = g.value(p.weight).ty.shape[0].as_fixed().unwrap_or(0);
                let Some(bp) = bias(g, p.bias, outputs, "bp") else { return Ok(Applied::Declined) };
                inputs.extend([p.weight, bp]);
                inputs.extend(&p.leaves);
                nodes.push(p.node);
                let se = Op::SqueezeExcite { act, gate, project: true };
                let op = match p.epilogue {
                    Some(expr) => Op::Fused { head: Some(FusedHead { op: Box::new(se), inputs: 7 }), expr },
                    None => se,
                };
                (op, p.out)
            }
            None => (Op::SqueezeExcite { act, gate, project: false }, m.y),
        };
        let outs = g.add_node(name, op, inputs)?;
        g.rename_value(outs[0], g.value(replaced).name.clone());
        g.replace_uses(replaced, outs[0]);
        for &node in &nodes {
            g.remove_node(node);
        }
        Ok(Applied::Rewritten { removed: nodes })
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

pub(super) struct Match {
    x: ValueId,
    fc1: Dense,
    fc2: Dense,
    channels: usize,
    hidden: usize,
    /// The value the block replaces, and every node of the pattern.
    y: ValueId,
    nodes: Vec<NodeId>,
    /// The 1x1 convolution reading `y` that the block takes in, if any.
    projection: Option<Projection>,
}

/// The 1x1 convolution that is the only reader of a block's output `y`.
struct Projection {
    node: NodeId,
    weight: ValueId,
    bias: Option<ValueId>,
    /// The convolution's fused epilogue and its other operands.
    epilogue: Option<FusedExpr>,
    leaves: Vec<ValueId>,
    out: ValueId,
}

fn projection(g: &Graph, y: ValueId, channels: usize) -> Option<Projection> {
    let [node] = g.users(y)[..] else { return None };
    if g.outputs.contains(&y) {
        return None;
    }
    let nd = g.node(node);
    let (epilogue, head_inputs) = unit_conv_head(&nd.op, nd.inputs.len())?;
    let leaves = nd.inputs.get(head_inputs..)?.to_vec();
    if nd.inputs[0] != y || nd.inputs[1..].contains(&y) {
        return None;
    }
    let (weight, bias) = (nd.inputs[1], nd.inputs[..head_inputs].get(2).copied());
    let wd = g.value(weight).ty.static_dims()?;
    let dtype = g.value(y).ty.dtype;
    let bias_ok =
        bias.is_none_or(|b| g.value(b).ty.static_dims().is_some_and(|d| d == [wd[0]]) && g.value(b).ty.dtype == dtype);
    let shape_ok = wd.len() == g.value(y).ty.rank() && wd.get(1) == Some(&channels) && wd[2..].iter().all(|&k| k == 1);
    (shape_ok && bias_ok && g.value(weight).ty.dtype == dtype).then(|| Projection {
        node,
        weight,
        bias,
        epilogue,
        leaves,
        out: nd.outputs[0],
    })
}

/// A node op that is a 1x1, stride-1, unpadded, ungrouped convolution (with or without a bias),
/// plain or as the head of a `Fused` node: its epilogue (`None` for a plain Conv) and how many
/// of the node's `inputs` are the convolution's.
fn unit_conv_head(op: &Op, inputs: usize) -> Option<(Option<FusedExpr>, usize)> {
    let (conv, epilogue, head_inputs) = if let Op::Fused { head: Some(h), expr } = op {
        (h.op.as_ref(), Some(expr.clone()), h.inputs)
    } else {
        (op, None, inputs)
    };
    let Op::Conv { group: 1, window } = conv else { return None };
    let unit = window.kernel.iter().chain(&window.strides).chain(&window.dilations).all(|&k| k == 1)
        && window.pads.iter().all(|&p| p == 0);
    (unit && (2..=3).contains(&head_inputs)).then_some((epilogue, head_inputs))
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
    let (epilogue, head_inputs) = unit_conv_head(&nd.op, nd.inputs.len())?;
    // An activation of the product alone: no operands besides the convolution's.
    if nd.inputs.len() != head_inputs {
        return None;
    }
    let expr = epilogue.unwrap_or(FusedExpr::Input(0));
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
        let is_mean =
            matches!(&g.node(mean).op, Op::Reduce { kind: ReduceKind::Mean, axes, keepdims: true } if *axes == spatial);
        if !is_mean || g.node(mean).inputs[..] != [x] || g.value(x).ty != *ty {
            return None;
        }
        let channels = ty.shape[1].as_fixed()?;
        let hidden = g.value(fc1.weight).ty.shape.first()?.as_fixed()?;
        let nodes = vec![mean, fc1.node, fc2.node, n];
        let projection = projection(g, y, channels);
        let m = Match { x, fc1, fc2, channels, hidden, y, nodes, projection };
        // The weights' shapes are checked by inference when the node is added; check first so
        // that a mismatch leaves the graph as it was.
        let tys: Vec<_> = [m.x, m.fc1.weight, m.fc2.weight].iter().map(|&v| g.value(v).ty.clone()).collect();
        let dims_ok = tys[1].static_dims()? == [vec![hidden, channels], vec![1; spatial.len()]].concat()
            && tys[2].static_dims()? == [vec![channels, hidden], vec![1; spatial.len()]].concat();
        let bias_ok = |b: Option<ValueId>, len: usize| {
            b.is_none_or(|b| g.value(b).ty.static_dims().is_some_and(|d| d == [len]) && g.value(b).ty.dtype == ty.dtype)
        };
        (dims_ok
            && bias_ok(m.fc1.bias, hidden)
            && bias_ok(m.fc2.bias, channels)
            && tys[1].dtype == ty.dtype
            && tys[2].dtype == ty.dtype)
            .then_some(m)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{text, MathFn, TensorType, UnaryOp, Window};
    use crate::passes::test_support::{inputs_for, run_inputs};

    fn conv_1x1(group: usize) -> Op {
        Op::Conv {
            group,
            window: Window { kernel: vec![1, 1], strides: vec![1, 1], dilations: vec![1, 1], pads: vec![0; 4] },
        }
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
        let m = g
            .add_node("mean", Op::Reduce { kind: ReduceKind::Mean, axes: vec![2, 3], keepdims: true }, vec![x])
            .unwrap()[0];
        let (w1, b1, w2) = (
            weights(&mut g, "w1", vec![2, 6 / group, 1, 1], 1),
            weights(&mut g, "b1", vec![2], 2),
            weights(&mut g, "w2", vec![6, 2, 1, 1], 3),
        );
        let h = g
            .add_node(
                "fc1",
                fused(FusedExpr::Unary(UnaryOp::Relu, Box::new(FusedExpr::Input(0))), 3, group),
                vec![m, w1, b1],
            )
            .unwrap()[0];
        let hard = FusedExpr::Unary(
            UnaryOp::Math(MathFn::HardSigmoid { alpha: 1.0 / 6.0, beta: 0.5 }),
            Box::new(FusedExpr::Input(0)),
        );
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
    fn a_projection_reading_the_block_is_taken_in_with_its_epilogue() {
        let mut g = block(false, 1);
        let y = g.outputs[0];
        let x = g.inputs[0];
        let wp = weights(&mut g, "wp", vec![4, 6, 1, 1], 4);
        let residual = g.add_input("r", TensorType::new(DType::F32, crate::ir::fixed_dims([1, 4, 3, 4])));
        let add = FusedExpr::Binary(BinaryOp::Add, Box::new(FusedExpr::Input(0)), Box::new(FusedExpr::Input(1)));
        let z = g.add_node("proj", fused(add, 2, 1), vec![y, wp, residual]).unwrap()[0];
        g.outputs = vec![z];
        let inputs = inputs_for(&g);
        let before = run_inputs(&g, &inputs);
        assert!(Excite.run(&mut g).unwrap());
        let nodes: Vec<NodeId> = g.node_ids().collect();
        assert_eq!(nodes.len(), 1, "{}", text::print(&g));
        let node = g.node(nodes[0]);
        let Op::Fused { head: Some(head), .. } = &node.op else { panic!("{}", text::print(&g)) };
        assert!(matches!(head.op.as_ref(), Op::SqueezeExcite { project: true, .. }) && head.inputs == 7);
        assert_eq!((node.inputs[0], node.inputs[5], node.inputs[7]), (x, wp, residual));
        let after = run_inputs(&g, &inputs);
        assert_eq!(before, after);
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
