//! Pattern fusion of LayerNorm. Exporters spell it out over the last axis:
//!
//! ```text
//! mean = ReduceMean(x)          d = x - mean          var = ReduceMean(Pow(d, 2) or d * d)
//! y = d / Sqrt(var + eps)       [* scale]             [+ bias]
//! ```
//!
//! Seven to nine nodes, two passes over `x` and three intermediates become one
//! [`Op::LayerNorm`], whose kernel performs the same operations in the same order (so the
//! values are the decomposed form's). Scale and bias must be `[H]` constants; without them the
//! node gets ones and zeros.

use super::rewrite::{self, Applied, Rule};
use super::Pass;
use crate::ir::{
    BinaryOp, DType, Data, Graph, IrError, MathFn, NodeId, Op, ReduceKind, Tensor, UnaryOp, ValueDef, ValueId,
};

pub struct LayerNorm;

impl Pass for LayerNorm {
    fn name(&self) -> &'static str {
        "layer-norm"
    }

    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        rewrite::sweep(g, &mut LayerNorm)
    }
}

/// A match ends at the Div node; its scale and bias nodes come later in the order and are
/// consumed with it.
impl Rule for LayerNorm {
    type Match = Match;

    fn find(&mut self, g: &Graph, n: NodeId) -> Option<Match> {
        find(g, n)
    }

    fn apply(&mut self, g: &mut Graph, n: NodeId, m: Match) -> Result<Applied, IrError> {
        let h = g.value(m.x).ty.shape.last().and_then(|d| d.as_fixed()).unwrap_or(0);
        let dtype = g.value(m.x).ty.dtype;
        let fill = |g: &mut Graph, name: String, v: f64| {
            let data = match dtype {
                DType::F64 => Data::F64(vec![v; h]),
                _ => Data::F32(vec![v as f32; h]),
            };
            Tensor::new(vec![h], data).map(|t| g.add_const(name, t))
        };
        let name = g.node(n).name.clone();
        let scale = match m.scale {
            Some(s) => s,
            None => match fill(g, format!("{name}/ones"), 1.0) {
                Some(v) => v,
                None => return Ok(Applied::Declined),
            },
        };
        let bias = match m.bias {
            Some(b) => b,
            None => match fill(g, format!("{name}/zeros"), 0.0) {
                Some(v) => v,
                None => return Ok(Applied::Declined),
            },
        };
        let outs = g.add_node(name, Op::LayerNorm { epsilon: m.epsilon }, vec![m.x, scale, bias])?;
        g.rename_value(outs[0], g.value(m.y).name.clone());
        g.replace_uses(m.y, outs[0]);
        for &node in &m.nodes {
            g.remove_node(node);
        }
        Ok(Applied::Rewritten { removed: m.nodes })
    }
}

pub(super) struct Match {
    x: ValueId,
    epsilon: f64,
    scale: Option<ValueId>,
    bias: Option<ValueId>,
    /// The value the LayerNorm replaces, and every node of the pattern.
    y: ValueId,
    nodes: Vec<NodeId>,
}

/// The node defining `v` with its op and inputs, if `v` has exactly `readers` readers and is
/// not a graph output.
fn def(g: &Graph, v: ValueId, readers: usize) -> Option<(NodeId, Op, Vec<ValueId>)> {
    let ValueDef::Node { node, .. } = g.value(v).def else { return None };
    if g.outputs.contains(&v) || g.users(v).len() != readers {
        return None;
    }
    let n = g.node(node);
    Some((node, n.op.clone(), n.inputs.clone()))
}

/// A scalar constant's value.
fn scalar(g: &Graph, v: ValueId) -> Option<f64> {
    let t = g.const_value(v)?;
    (t.numel() == 1).then(|| t.data.to_f64_vec()[0])
}

/// A `[h]` constant.
fn per_feature(g: &Graph, v: ValueId, h: usize) -> bool {
    g.const_value(v).is_some_and(|t| t.shape == [h])
}

/// `Add`'s or `Mul`'s operands with the constant one second.
fn split_const(
    g: &Graph,
    inputs: &[ValueId],
    is_const: impl Fn(&Graph, ValueId) -> bool,
) -> Option<(ValueId, ValueId)> {
    match inputs {
        [a, b] if is_const(g, *b) => Some((*a, *b)),
        [a, b] if is_const(g, *a) => Some((*b, *a)),
        _ => None,
    }
}

/// The pattern ending at the Div node `n`.
fn find(g: &Graph, n: NodeId) -> Option<Match> {
    let node = g.node(n);
    let (Op::Binary(BinaryOp::Div), [d, s], [out]) = (&node.op, &node.inputs[..], &node.outputs[..]) else {
        return None;
    };
    let (d, s, out) = (*d, *s, *out);
    let ty = &g.value(out).ty;
    let rank = ty.rank();
    if !matches!(ty.dtype, DType::F32 | DType::F64) || rank == 0 {
        return None;
    }
    let last_mean =
        |op: &Op| matches!(op, Op::Reduce { kind: ReduceKind::Mean, axes, keepdims: true } if axes == &[rank - 1]);
    // d = x - mean(x)
    let (d_node, Op::Binary(BinaryOp::Sub), d_in) = def(g, d, 2)? else { return None };
    let (x, mean) = (d_in[0], d_in[1]);
    let (mean_node, mean_op, mean_in) = def(g, mean, 1)?;
    if !last_mean(&mean_op) || mean_in != [x] || g.value(x).ty != *ty {
        return None;
    }
    // s = sqrt(mean(pow(d, 2)) + eps)
    let (s_node, Op::Unary(UnaryOp::Math(MathFn::Sqrt)), s_in) = def(g, s, 1)? else { return None };
    let (ve_node, Op::Binary(BinaryOp::Add), ve_in) = def(g, s_in[0], 1)? else { return None };
    let (var, eps) = split_const(g, &ve_in, |g, v| scalar(g, v).is_some())?;
    let (var_node, var_op, var_in) = def(g, var, 1)?;
    if !last_mean(&var_op) {
        return None;
    }
    // The square: `Pow(d, 2)`, or `d * d` (some exporters' spelling, and simplify's for Pow).
    let (pow_node, square_op, pow_in) = def(g, var_in[0], 1)?;
    let square =
        (matches!(square_op, Op::Binary(BinaryOp::Pow)) && pow_in[0] == d && scalar(g, pow_in[1]) == Some(2.0))
            || (matches!(square_op, Op::Binary(BinaryOp::Mul)) && pow_in[..] == [d, d]);
    if !square {
        return None;
    }
    let mut m = Match {
        x,
        epsilon: scalar(g, eps)?,
        scale: None,
        bias: None,
        y: out,
        nodes: vec![mean_node, d_node, pow_node, var_node, ve_node, s_node, n],
    };
    // Optional `* scale` and `+ bias` with [h] constants.
    let h = ty.shape.last().and_then(|d| d.as_fixed())?;
    let only_reader = |v: ValueId| -> Option<NodeId> {
        let users = g.users(v);
        (users.len() == 1 && !g.outputs.contains(&v)).then(|| users[0])
    };
    if let Some(mul) = only_reader(m.y) {
        let node = g.node(mul);
        if let (Op::Binary(BinaryOp::Mul), Some((_, w))) =
            (&node.op, split_const(g, &node.inputs, |g, v| per_feature(g, v, h)))
        {
            m.scale = Some(w);
            m.y = node.outputs[0];
            m.nodes.push(mul);
            if let Some(add) = only_reader(m.y) {
                let node = g.node(add);
                if let (Op::Binary(BinaryOp::Add), Some((_, b))) =
                    (&node.op, split_const(g, &node.inputs, |g, v| per_feature(g, v, h)))
                {
                    m.bias = Some(b);
                    m.y = node.outputs[0];
                    m.nodes.push(add);
                }
            }
        }
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::TensorType;

    #[test]
    fn the_decomposed_spelling_becomes_one_node_with_the_same_values() {
        // The variance's square spelled `Pow(d, 2)` and `d * d`.
        for square_by_mul in [false, true] {
            let mut g = Graph::new("t");
            let x = g.add_input("x", TensorType::fixed(DType::F32, &[2, 4]));
            let c = |g: &mut Graph, name: &str, v: Vec<f32>| {
                let shape = if v.len() == 1 { vec![] } else { vec![v.len()] };
                g.add_const(name, Tensor::new(shape, Data::F32(v)).unwrap())
            };
            let (two, eps) = (c(&mut g, "two", vec![2.0]), c(&mut g, "eps", vec![1e-5]));
            let (w, b) = (c(&mut g, "w", vec![1.0, 0.5, -1.0, 2.0]), c(&mut g, "b", vec![0.1, 0.2, 0.3, 0.4]));
            let mean = Op::Reduce { kind: ReduceKind::Mean, axes: vec![1], keepdims: true };
            let node = |g: &mut Graph, op: Op, ins: Vec<ValueId>| g.add_node("n", op, ins).unwrap()[0];
            let m = node(&mut g, mean.clone(), vec![x]);
            let d = node(&mut g, Op::Binary(BinaryOp::Sub), vec![x, m]);
            let p = if square_by_mul {
                node(&mut g, Op::Binary(BinaryOp::Mul), vec![d, d])
            } else {
                node(&mut g, Op::Binary(BinaryOp::Pow), vec![d, two])
            };
            let v = node(&mut g, mean, vec![p]);
            let ve = node(&mut g, Op::Binary(BinaryOp::Add), vec![v, eps]);
            let s = node(&mut g, Op::Unary(UnaryOp::Math(MathFn::Sqrt)), vec![ve]);
            let n = node(&mut g, Op::Binary(BinaryOp::Div), vec![d, s]);
            let sc = node(&mut g, Op::Binary(BinaryOp::Mul), vec![n, w]);
            let y = node(&mut g, Op::Binary(BinaryOp::Add), vec![sc, b]);
            g.outputs = vec![y];
            let input = Tensor::new(vec![2, 4], Data::F32(vec![1.0, 2.0, 4.0, -3.0, 0.5, 0.25, -8.0, 3.0])).unwrap();
            let before = crate::passes::test_support::run(&g, &input);
            assert!(LayerNorm.run(&mut g).unwrap());
            crate::passes::dce::DeadCode.run(&mut g).unwrap();
            assert_eq!(g.node_count(), 1, "{}", crate::ir::text::print(&g));
            assert_eq!(crate::passes::test_support::run(&g, &input), before);
        }
    }
}
