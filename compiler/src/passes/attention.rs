//! Pattern fusion of scaled-dot-product attention. Exporters spell each attention block out
//! over projections `q`, `k`, `v` of shape `[B, S, H*D]` (possibly column slices of one fused
//! QKV projection):
//!
//! ```text
//! Q = Transpose[0,2,1,3](Reshape[B,Sq,H,D](q))      KT = Transpose[0,2,3,1](Reshape[B,Sk,H,D](k))
//! V = Transpose[0,2,1,3](Reshape[B,Sk,H,D](v))
//! S = MatMul(Q, KT), or a fused MatMul whose epilogue scales and masks it
//! O = MatMul(Softmax[axis 3](S), V)
//! y = Reshape[B,Sq,H*D](Transpose[0,2,1,3](O))
//! ```
//!
//! Ten to fourteen nodes, four transposed copies and the `[B, H, Sq, Sk]` score tensor become
//! one [`Op::Attention`] that reads the heads in place (runs after `fuse`, so the score epilogue
//! is already one expression, which the new op keeps). The head-splitting nodes are left for
//! dead-code elimination, so values other nodes still read stay.

use super::rewrite::{self, Applied, Rule};
use super::Pass;
use crate::ir::{DType, FusedExpr, Graph, IrError, NodeId, Op, ValueId};

pub struct Attention;

impl Pass for Attention {
    fn name(&self) -> &'static str {
        "attention"
    }

    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        rewrite::sweep(g, &mut Attention)
    }
}

/// A match is found at the Softmax node. Applying it removes nothing: the replaced nodes are
/// left for dead-code elimination.
impl Rule for Attention {
    type Match = Match;

    fn find(&mut self, g: &Graph, n: NodeId) -> Option<Match> {
        find(g, n)
    }

    fn apply(&mut self, g: &mut Graph, n: NodeId, m: Match) -> Result<Applied, IrError> {
        let name = g.node(n).name.clone();
        let op = Op::Attention { heads: m.heads, head_dim: m.head_dim, offsets: m.offsets, score: m.score };
        let mut inputs = m.qkv.to_vec();
        inputs.extend(&m.leaves);
        let y = g.add_node(format!("{name}/attention"), op, inputs)?[0];
        match m.merged {
            // The exporter's own Reshape already gives `[B, Sq, H*D]`: the new node replaces it.
            Some(r) if g.value(r).ty.shape == g.value(y).ty.shape => {
                g.rename_value(y, g.value(r).name.clone());
                g.replace_uses(r, y);
            }
            // Otherwise keep the heads-split shape for the readers of the Transpose.
            _ => {
                let shape = g.value(m.transposed).ty.shape.clone();
                let r = g.add_node(format!("{name}/heads"), Op::Reshape { shape }, vec![y])?[0];
                g.replace_uses(m.transposed, r);
            }
        }
        Ok(Applied::Rewritten { removed: vec![] })
    }
}

pub(super) struct Match {
    qkv: [ValueId; 3],
    offsets: [usize; 3],
    heads: usize,
    head_dim: usize,
    score: FusedExpr,
    leaves: Vec<ValueId>,
    /// The Transpose that merges the heads, and the Reshape after it when it is its only reader.
    transposed: ValueId,
    merged: Option<ValueId>,
}

/// The op and inputs of the node defining `v`.
fn def(g: &Graph, v: ValueId) -> Option<(&Op, &[ValueId])> {
    g.producer(v).map(|n| (&n.op, &n.inputs[..]))
}

/// `v = Transpose[perm](Reshape[B, S, H, D](x))` with `x` `[B, S, H*D]`, `x` possibly a slice of
/// columns of a wider `[B, S, W]` tensor. Returns (the tensor read, column offset, H, D).
fn heads(g: &Graph, v: ValueId, perm: &[usize]) -> Option<(ValueId, usize, usize, usize)> {
    let (Op::Transpose { perm: p }, [r]) = def(g, v)? else { return None };
    if p != perm {
        return None;
    }
    let (Op::Reshape { .. }, [x]) = def(g, *r)? else { return None };
    let (split, packed) = (&g.value(*r).ty.shape, &g.value(*x).ty.shape);
    let [b, s, h, d] = &split[..] else { return None };
    let (h, d) = (h.as_fixed()?, d.as_fixed()?);
    if packed.len() != 3 || packed[0] != *b || packed[1] != *s || packed[2].as_fixed() != Some(h * d) {
        return None;
    }
    // Columns `off..off + H*D` of every row of a wider tensor: read them in place.
    if let Some((Op::Slice { starts, steps, dims }, [src])) = def(g, *x) {
        let full = &g.value(*src).ty.shape;
        if full.len() == 3 && steps == &[1, 1, 1] && starts[..2] == [0, 0] && dims[..2] == full[..2] && starts[2] >= 0 {
            return Some((*src, starts[2] as usize, h, d));
        }
    }
    Some((*x, 0, h, d))
}

/// The pattern around the Softmax node `n`.
fn find(g: &Graph, n: NodeId) -> Option<Match> {
    let node = g.node(n);
    let (Op::Softmax { axis: 3, log: false }, [s], [p]) = (&node.op, &node.inputs[..], &node.outputs[..]) else {
        return None;
    };
    let ty = &g.value(*p).ty;
    if !matches!(ty.dtype, DType::F32 | DType::F64) || ty.rank() != 4 || g.only_reader(*s) != Some(n) {
        return None;
    }
    // O = MatMul(P, V), the softmax's only reader.
    let o_node = g.only_reader(*p)?;
    let (Op::MatMul, [p_in, v4]) = (&g.node(o_node).op, &g.node(o_node).inputs[..]) else { return None };
    if p_in != p {
        return None;
    }
    // S = Q x KT, with the epilogue fusion gave it.
    let (s_op, s_in) = def(g, *s)?;
    let (q4, kt4, score, leaves) = if let (Op::MatMul, [q4, kt4]) = (s_op, s_in) {
        (*q4, *kt4, FusedExpr::Input(0), vec![])
    } else {
        let (Op::Fused { head: Some(h), expr }, [q4, kt4, rest @ ..]) = (s_op, s_in) else { return None };
        if !matches!(*h.op, Op::MatMul) || h.inputs != 2 {
            return None;
        }
        (*q4, *kt4, expr.clone(), rest.to_vec())
    };
    let (q, q_off, hq, dq) = heads(g, q4, &[0, 2, 1, 3])?;
    let (k, k_off, hk, dk) = heads(g, kt4, &[0, 2, 3, 1])?;
    let (v, v_off, hv, dv) = heads(g, *v4, &[0, 2, 1, 3])?;
    if (hq, dq) != (hk, dk) || (hq, dq) != (hv, dv) {
        return None;
    }
    // y = Transpose[0,2,1,3](O), the product's only reader; then maybe a Reshape to [B, Sq, H*D].
    let o = *g.node(o_node).outputs.first()?;
    let t_node = g.only_reader(o)?;
    let (Op::Transpose { perm }, [transposed]) = (&g.node(t_node).op, &g.node(t_node).outputs[..]) else { return None };
    if perm != &[0, 2, 1, 3] {
        return None;
    }
    let merged = g.only_reader(*transposed).and_then(|r| {
        let (Op::Reshape { .. }, [out]) = (&g.node(r).op, &g.node(r).outputs[..]) else { return None };
        Some(*out)
    });
    Some(Match {
        qkv: [q, k, v],
        offsets: [q_off, k_off, v_off],
        heads: hq,
        head_dim: dq,
        score,
        leaves,
        transposed: *transposed,
        merged,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{inputs_for, run_inputs};
    use super::*;
    use crate::ir::{fixed_dims, BinaryOp, FusedHead, TensorType};

    /// A BERT-style attention block over one fused QKV projection, the score scaled and masked
    /// by a fused MatMul epilogue, as exporters and `fuse` leave it.
    fn spelled_out(merge_reshape: bool, k_perm: Vec<usize>) -> Graph {
        let (b, s, h, d) = (2, 4, 3, 4);
        let mut g = Graph::new("attention");
        let qkv = g.add_input("qkv", TensorType::new(DType::F32, fixed_dims([b, s, 3 * h * d])));
        let mask = g.add_input("mask", TensorType::new(DType::F32, fixed_dims([b, 1, 1, s])));
        let scale = g.add_const("scale", crate::ir::Tensor::scalar_f32(0.5));
        let split = |g: &mut Graph, part: usize, perm: Vec<usize>| {
            let cols = g
                .add_node(
                    format!("slice{part}"),
                    Op::Slice {
                        starts: vec![0, 0, (part * h * d) as i64],
                        steps: vec![1; 3],
                        dims: fixed_dims([b, s, h * d]),
                    },
                    vec![qkv],
                )
                .unwrap()[0];
            let r = g
                .add_node(format!("view{part}"), Op::Reshape { shape: fixed_dims([b, s, h, d]) }, vec![cols])
                .unwrap()[0];
            g.add_node(format!("t{part}"), Op::Transpose { perm }, vec![r]).unwrap()[0]
        };
        let q = split(&mut g, 0, vec![0, 2, 1, 3]);
        let kt = split(&mut g, 1, k_perm);
        let v = split(&mut g, 2, vec![0, 2, 1, 3]);
        let expr = FusedExpr::Binary(
            BinaryOp::Add,
            Box::new(FusedExpr::Binary(BinaryOp::Mul, Box::new(FusedExpr::Input(0)), Box::new(FusedExpr::Input(1)))),
            Box::new(FusedExpr::Input(2)),
        );
        let head = Some(FusedHead { op: Box::new(Op::MatMul), inputs: 2 });
        let scores = g.add_node("scores", Op::Fused { head, expr }, vec![q, kt, scale, mask]).unwrap()[0];
        let p = g.add_node("softmax", Op::Softmax { axis: 3, log: false }, vec![scores]).unwrap()[0];
        let o = g.add_node("context", Op::MatMul, vec![p, v]).unwrap()[0];
        let t = g.add_node("merge", Op::Transpose { perm: vec![0, 2, 1, 3] }, vec![o]).unwrap()[0];
        let out = if merge_reshape {
            g.add_node("out", Op::Reshape { shape: fixed_dims([b, s, h * d]) }, vec![t]).unwrap()[0]
        } else {
            t
        };
        g.outputs.push(out);
        g
    }

    #[test]
    fn fuses_the_block_into_one_op_with_the_same_values() {
        for merge_reshape in [true, false] {
            let mut g = spelled_out(merge_reshape, vec![0, 2, 3, 1]);
            let inputs = inputs_for(&g);
            let before = run_inputs(&g, &inputs);
            assert!(Attention.run(&mut g).unwrap());
            crate::passes::dce::DeadCode.run(&mut g).unwrap();
            let kinds: Vec<String> = g.node_ids().map(|n| g.node(n).op.kind()).collect();
            let want: &[&str] = if merge_reshape { &["Attention"] } else { &["Attention", "Reshape"] };
            assert_eq!(kinds, want, "merge_reshape={merge_reshape}");
            let Op::Attention { heads, head_dim, offsets, .. } = &g.node(g.node_ids().next().unwrap()).op else {
                panic!("not attention")
            };
            assert_eq!((*heads, *head_dim, *offsets), (3, 4, [0, 12, 24]));
            let after = run_inputs(&g, &inputs);
            assert_eq!(before.len(), after.len());
            for (x, y) in before.iter().zip(&after) {
                assert!((x - y).abs() <= 1e-6 * (1.0 + y.abs()), "{x} vs {y}");
            }
        }
    }

    #[test]
    fn leaves_other_head_layouts_alone() {
        // Keys split with the queries' permutation cannot be the K^T operand.
        // (square heads, S = D, so the graph is still well-typed).
        let mut g = spelled_out(true, vec![0, 2, 1, 3]);
        assert!(!Attention.run(&mut g).unwrap());
    }
}
