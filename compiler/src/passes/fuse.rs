//! Elementwise fusion: a tree of elementwise ops (Add, Mul, Erf, Sqrt, Relu, ...) whose
//! intermediate values have one reader each becomes one [`Op::Fused`] node computing the whole
//! expression per element, in one pass over memory and with no intermediate in the arena.
//! The decomposed LayerNorm's `(x - mean) / sqrt(var + eps) * gamma + beta`, the Erf GELU and
//! a bias + activation after a MatMul each become one node.
//!
//! Inside a group no broadcasting happens except at the leaves: an op joins its reader's group
//! only when its output has the group's output type. Graph outputs stay values of their own.

use super::rewrite::{self, Applied, Order, Rule};
use super::Pass;
use crate::ir::{DType, FusedExpr, FusedHead, Graph, IrError, NodeId, Op, ValueDef, ValueId};

/// Inputs one fused node may take (the kernel is generic over their count).
const MAX_INPUTS: usize = 8;

/// Ops one fused node may hold. Growing a group and everything done with its expression
/// (evaluating, writing code, dropping it) recurse over the expression, so a hostile chain of
/// 100 000 Relus must become many groups, not one 100 000 deep.
const MAX_OPS: usize = 64;

pub struct Fuse;

impl Pass for Fuse {
    fn name(&self) -> &'static str {
        "fuse"
    }

    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        rewrite::sweep(g, &mut Fuse)
    }
}

/// One fused node to make: its op, inputs, the value it replaces and the nodes it takes in.
pub(super) struct Match {
    op: Op,
    inputs: Vec<ValueId>,
    y: ValueId,
    members: Vec<NodeId>,
}

/// Readers first: each group grows from its last op (the node the match is found at) back
/// through its operands, whose nodes come later in the walk and are consumed with it.
impl Rule for Fuse {
    type Match = Match;
    const ORDER: Order = Order::ReadersFirst;

    fn find(&mut self, g: &Graph, root: NodeId) -> Option<Match> {
        if !candidate(g, root) {
            return None;
        }
        let y = g.node(root).outputs[0];
        let mut group = Group { out_ty: g.value(y).ty.clone(), leaves: Vec::new(), members: Vec::new() };
        let mut expr = group.grow(g, root)?;
        // A Conv or MatMul feeding the group only becomes its head (the epilogue runs on
        // its output in place): leaf `h` moves to input 0.
        let head = group.leaves.iter().position(|&l| is_head(g, l, &group));
        let (mut members, leaves) = (group.members, group.leaves);
        if head.is_none() && members.len() < 2 {
            return None;
        }
        let mut inputs = leaves;
        let mut fused_head = None;
        if let Some(h) = head {
            let leaf = inputs.remove(h);
            let ValueDef::Node { node: p, .. } = g.value(leaf).def else { return None };
            let hn = g.node(p);
            fused_head = Some(FusedHead { op: Box::new(hn.op.clone()), inputs: hn.inputs.len() });
            let mut all = hn.inputs.clone();
            all.extend(inputs);
            inputs = all;
            expr = remap(&expr, &|k| {
                if k == h {
                    0
                } else if k < h {
                    k + 1
                } else {
                    k
                }
            });
            members.push(p);
        }
        Some(Match { op: Op::Fused { head: fused_head, expr }, inputs, y, members })
    }

    fn apply(&mut self, g: &mut Graph, root: NodeId, m: Match) -> Result<Applied, IrError> {
        let name = g.node(root).name.clone();
        let outs = g.add_node(name, m.op, m.inputs)?;
        g.rename_value(outs[0], g.value(m.y).name.clone());
        g.replace_uses(m.y, outs[0]);
        for &n in &m.members {
            g.remove_node(n);
        }
        Ok(Applied::Rewritten { removed: m.members })
    }
}

/// Whether leaf `v` is a Conv's or MatMul's output that only the group reads, of the group's
/// type (so the epilogue can run in place on it).
fn is_head(g: &Graph, v: ValueId, group: &Group) -> bool {
    let ValueDef::Node { node: p, .. } = g.value(v).def else { return false };
    let op_ok = matches!(g.node(p).op, Op::Conv { .. } | Op::MatMul);
    op_ok
        && g.value(v).ty == group.out_ty
        && !g.outputs.contains(&v)
        && g.users(v).iter().all(|u| group.members.contains(u))
}

/// The expression with input `k` renamed `f(k)`.
fn remap(e: &FusedExpr, f: &dyn Fn(usize) -> usize) -> FusedExpr {
    match e {
        FusedExpr::Input(k) => FusedExpr::Input(f(*k)),
        FusedExpr::Unary(u, a) => FusedExpr::Unary(*u, Box::new(remap(a, f))),
        FusedExpr::Binary(b, x, y) => FusedExpr::Binary(*b, Box::new(remap(x, f)), Box::new(remap(y, f))),
    }
}

/// A fusable elementwise node on floats.
fn candidate(g: &Graph, n: NodeId) -> bool {
    let node = g.node(n);
    node.op.fusable() && node.outputs.len() == 1 && matches!(g.value(node.outputs[0]).ty.dtype, DType::F32 | DType::F64)
}

struct Group {
    out_ty: crate::ir::TensorType,
    leaves: Vec<ValueId>,
    members: Vec<NodeId>,
}

impl Group {
    /// The expression of node `n` (a member), absorbing the producers of its operands where
    /// they qualify; `None` if it would need too many inputs.
    fn grow(&mut self, g: &Graph, n: NodeId) -> Option<FusedExpr> {
        self.members.push(n);
        let node = g.node(n);
        let mut args = Vec::with_capacity(node.inputs.len());
        for &v in &node.inputs {
            args.push(self.operand(g, v)?);
        }
        let mut args = args.into_iter();
        if let Op::Unary(u) = &node.op {
            return Some(FusedExpr::Unary(*u, Box::new(args.next()?)));
        }
        let Op::Binary(b) = &node.op else { return None };
        Some(FusedExpr::Binary(*b, Box::new(args.next()?), Box::new(args.next()?)))
    }

    /// An operand: the producer's expression when it joins the group, else a leaf input.
    fn operand(&mut self, g: &Graph, v: ValueId) -> Option<FusedExpr> {
        if let ValueDef::Node { node: p, .. } = g.value(v).def {
            // One read in all (`x * x` reads x twice: its producer would be absorbed by the
            // first read and leave the second without a value).
            let reads: usize = g.users(v).iter().map(|&u| g.node(u).inputs.iter().filter(|&&i| i == v).count()).sum();
            let joins = self.members.len() < MAX_OPS
                && candidate(g, p)
                && g.value(v).ty == self.out_ty
                && !g.outputs.contains(&v)
                && reads == 1
                && !self.members.contains(&p);
            if joins {
                return self.grow(g, p);
            }
        }
        let k = match self.leaves.iter().position(|&l| l == v) {
            Some(k) => k,
            None => {
                self.leaves.push(v);
                self.leaves.len() - 1
            }
        };
        (self.leaves.len() <= MAX_INPUTS).then_some(FusedExpr::Input(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{text, BinaryOp, MathFn, Tensor, TensorType, UnaryOp};

    /// The Erf GELU `x * 0.5 * (1 + erf(x / sqrt 2))` after a bias add: one fused node.
    #[test]
    fn a_bias_and_erf_gelu_become_one_node() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[2, 4]));
        let bias = g.add_const("bias", Tensor::new(vec![4], crate::ir::Data::F32(vec![0.1, 0.2, 0.3, 0.4])).unwrap());
        let c = |g: &mut Graph, v: f32| g.add_const(format!("c{v}"), Tensor::scalar_f32(v));
        let (half, one, sqrt2) = (c(&mut g, 0.5), c(&mut g, 1.0), c(&mut g, std::f32::consts::SQRT_2));
        let b = |g: &mut Graph, op, a, b| g.add_node("n", Op::Binary(op), vec![a, b]).unwrap()[0];
        let h = b(&mut g, BinaryOp::Add, x, bias);
        let d = b(&mut g, BinaryOp::Div, h, sqrt2);
        let e = g.add_node("erf", Op::Unary(UnaryOp::Math(MathFn::Erf)), vec![d]).unwrap()[0];
        let p = b(&mut g, BinaryOp::Add, e, one);
        let m = b(&mut g, BinaryOp::Mul, h, p);
        let y = b(&mut g, BinaryOp::Mul, m, half);
        g.outputs = vec![y];
        assert!(Fuse.run(&mut g).unwrap());
        crate::passes::dce::DeadCode.run(&mut g).unwrap();
        // `h` has two readers, so it stays a node (a leaf of the group); the other five fuse.
        let printed = text::print(&g);
        assert_eq!(g.node_count(), 2, "{printed}");
        assert!(printed.contains("Fused"), "{printed}");
    }

    #[test]
    fn fused_and_unfused_compute_the_same() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[3, 4]));
        let w = g.add_const("w", Tensor::new(vec![4], crate::ir::Data::F32(vec![0.5, -1.0, 2.0, 0.25])).unwrap());
        let m = g.add_node("m", Op::Binary(BinaryOp::Mul), vec![x, w]).unwrap()[0];
        let s = g.add_node("s", Op::Unary(UnaryOp::Math(MathFn::Sigmoid)), vec![m]).unwrap()[0];
        let y = g.add_node("y", Op::Binary(BinaryOp::Sub), vec![s, x]).unwrap()[0];
        g.outputs = vec![y];
        let input =
            Tensor::new(vec![3, 4], crate::ir::Data::F32((0..12).map(|i| i as f32 * 0.7 - 4.0).collect())).unwrap();
        let before = crate::passes::test_support::run(&g, &input);
        assert!(Fuse.run(&mut g).unwrap());
        assert_eq!(g.node_count(), 1, "{}", text::print(&g));
        assert_eq!(crate::passes::test_support::run(&g, &input), before);
    }

    /// `(x * 2) * (x * 2)`: the square reads its operand twice, so `x * 2` stays a value of its
    /// own (absorbing it would leave the second read without a value).
    #[test]
    fn an_operand_read_twice_is_not_absorbed() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[4]));
        let two = g.add_const("two", Tensor::scalar_f32(2.0));
        let d = g.add_node("d", Op::Binary(BinaryOp::Mul), vec![x, two]).unwrap()[0];
        let sq = g.add_node("sq", Op::Binary(BinaryOp::Mul), vec![d, d]).unwrap()[0];
        let y = g.add_node("y", Op::Unary(UnaryOp::Relu), vec![sq]).unwrap()[0];
        g.outputs = vec![y];
        let input = Tensor::new(vec![4], crate::ir::Data::F32(vec![-1.5, 0.0, 2.0, 3.0])).unwrap();
        let before = crate::passes::test_support::run(&g, &input);
        Fuse.run(&mut g).unwrap();
        crate::ir::verify(&g).unwrap();
        assert_eq!(crate::passes::test_support::run(&g, &input), before);
    }

    /// MatMul, bias Add and Relu: one node whose head is the MatMul, same values.
    #[test]
    fn a_matmul_with_bias_and_relu_is_one_node_with_a_head() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[2, 3]));
        let w = g.add_const(
            "w",
            Tensor::new(vec![3, 2], crate::ir::Data::F32(vec![1.0, -2.0, 0.5, 1.5, -1.0, 0.25])).unwrap(),
        );
        let b = g.add_const("b", Tensor::new(vec![2], crate::ir::Data::F32(vec![0.5, -0.5])).unwrap());
        let m = g.add_node("mm", Op::MatMul, vec![x, w]).unwrap()[0];
        let a = g.add_node("bias", Op::Binary(BinaryOp::Add), vec![b, m]).unwrap()[0];
        let y = g.add_node("relu", Op::Unary(UnaryOp::Relu), vec![a]).unwrap()[0];
        g.outputs = vec![y];
        let input = Tensor::new(vec![2, 3], crate::ir::Data::F32(vec![1.0, 2.0, 3.0, -1.0, 0.5, 2.0])).unwrap();
        let before = crate::passes::test_support::run(&g, &input);
        assert!(Fuse.run(&mut g).unwrap());
        crate::passes::dce::DeadCode.run(&mut g).unwrap();
        let printed = text::print(&g);
        assert_eq!(g.node_count(), 1, "{printed}");
        assert!(printed.contains("head: Some"), "{printed}");
        assert_eq!(crate::passes::test_support::run(&g, &input), before);
    }
}
