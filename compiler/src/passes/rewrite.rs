//! The rewrite driver the pattern passes share. A pass is a [`Rule`]: `find` looks at one node
//! of the graph (read-only) and describes what to rewrite there as a plain value, its match;
//! `apply` performs a match and says which nodes it removed. The driver walks the nodes in
//! schedule order (producers first, or readers first), skips nodes an earlier rewrite consumed,
//! and applies each match before it looks at the next node, so every match is found on the
//! graph as the earlier rewrites left it: a chain (a Reshape of a Reshape of a Reshape, a
//! row-wise op after a moved Reshape) collapses in one walk, and no match names a value an
//! earlier rewrite replaced. [`sweep`] walks once, [`sweeps`] walks until a walk changes
//! nothing, and [`one_by_one`] applies the first match and looks again from the start.

use std::collections::HashSet;

use crate::ir::{Graph, IrError, NodeId};

/// The order in which a walk visits the nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// Producers before their readers.
    ProducersFirst,
    /// Readers before their producers (groups that grow back from their last op).
    ReadersFirst,
}

/// What applying a match did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Applied {
    /// The graph was rewritten; `removed` lists every node taken out, which the walk skips.
    Rewritten { removed: Vec<NodeId> },
    /// Nothing was rewritten after all (a value the rewrite needed could not be made).
    /// Constants it added on the way stay, unused, for dead-code elimination.
    Declined,
}

/// A pattern rewrite: what to look for at a node, and how to rewrite what was found.
pub(super) trait Rule {
    /// What to rewrite, as `find` describes it for `apply`.
    type Match;
    /// The order the walk visits nodes in.
    const ORDER: Order = Order::ProducersFirst;
    /// The match at node `n`, if there is one. Rules may keep state across the nodes of a walk
    /// (common-subexpression elimination remembers the nodes seen so far).
    fn find(&mut self, g: &Graph, n: NodeId) -> Option<Self::Match>;
    /// Rewrites the graph as match `m`, found at node `n`, says.
    fn apply(&mut self, g: &mut Graph, n: NodeId, m: Self::Match) -> Result<Applied, IrError>;
}

/// One walk over the graph, applying every match. Returns whether anything was rewritten.
pub(super) fn sweep<R: Rule>(g: &mut Graph, rule: &mut R) -> Result<bool, IrError> {
    walk(g, rule, false)
}

/// Walks until a walk rewrites nothing, at most `max` times (a rewrite can make a match the
/// next walk finds). Returns whether anything was rewritten.
pub(super) fn sweeps<R: Rule>(g: &mut Graph, rule: &mut R, max: usize) -> Result<bool, IrError> {
    let mut changed = false;
    for _ in 0..max {
        if !walk(g, rule, false)? {
            break;
        }
        changed = true;
    }
    Ok(changed)
}

/// Applies the first match in schedule order, then looks again from the start, until no match
/// is left (for rules whose rewrites reorder the graph, so that each match is the first of the
/// graph as it is). Returns whether anything was rewritten.
pub(super) fn one_by_one<R: Rule>(g: &mut Graph, rule: &mut R) -> Result<bool, IrError> {
    let mut changed = false;
    while walk(g, rule, true)? {
        changed = true;
    }
    Ok(changed)
}

/// Visits the nodes in the rule's order, skipping removed ones; stops after the first rewrite
/// when `first_only`.
fn walk<R: Rule>(g: &mut Graph, rule: &mut R, first_only: bool) -> Result<bool, IrError> {
    let mut order = g.topo_order()?;
    if R::ORDER == Order::ReadersFirst {
        order.reverse();
    }
    let mut consumed: HashSet<NodeId> = HashSet::new();
    let mut changed = false;
    for n in order {
        if consumed.contains(&n) {
            continue;
        }
        let Some(m) = rule.find(g, n) else { continue };
        if let Applied::Rewritten { removed } = rule.apply(g, n, m)? {
            consumed.extend(removed);
            changed = true;
            if first_only {
                break;
            }
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{DType, Op, TensorType, UnaryOp, ValueDef};

    /// Replaces a Neg of a Neg by its input, removing both; records the nodes it looks at.
    struct DoubleNeg {
        seen: Vec<String>,
    }

    impl Rule for DoubleNeg {
        type Match = NodeId;

        fn find(&mut self, g: &Graph, n: NodeId) -> Option<NodeId> {
            let node = g.node(n);
            self.seen.push(node.name.clone());
            let ValueDef::Node { node: inner, .. } = g.value(*node.inputs.first()?).def else { return None };
            let negs =
                matches!(node.op, Op::Unary(UnaryOp::Neg)) && matches!(g.node(inner).op, Op::Unary(UnaryOp::Neg));
            negs.then_some(inner)
        }

        fn apply(&mut self, g: &mut Graph, n: NodeId, inner: NodeId) -> Result<Applied, IrError> {
            let (x, y) = (g.node(inner).inputs[0], g.node(n).outputs[0]);
            g.replace_uses(y, x);
            g.remove_node(n);
            g.remove_node(inner);
            Ok(Applied::Rewritten { removed: vec![n, inner] })
        }
    }

    /// x -> relu r -> neg a -> neg b -> neg c -> neg d -> relu y.
    fn chain() -> Graph {
        let mut g = Graph::new("t");
        let x = g.add_input("x", TensorType::fixed(DType::F32, &[2]));
        let mut v = g.add_node("r", Op::Unary(UnaryOp::Relu), vec![x]).unwrap()[0];
        for name in ["a", "b", "c", "d"] {
            v = g.add_node(name, Op::Unary(UnaryOp::Neg), vec![v]).unwrap()[0];
        }
        let y = g.add_node("y", Op::Unary(UnaryOp::Relu), vec![v]).unwrap()[0];
        g.outputs = vec![y];
        g
    }

    fn names(g: &Graph) -> Vec<String> {
        g.topo_order().unwrap().into_iter().map(|n| g.node(n).name.clone()).collect()
    }

    #[test]
    fn a_sweep_applies_every_match_and_skips_consumed_nodes() {
        let mut g = chain();
        let mut rule = DoubleNeg { seen: vec![] };
        assert!(sweep(&mut g, &mut rule).unwrap());
        // b takes a with it, d takes c: the relus are left, and no node is looked at twice.
        assert_eq!(rule.seen, ["r", "a", "b", "c", "d", "y"]);
        assert_eq!(names(&g), ["r", "y"]);
        assert!(!sweeps(&mut g, &mut rule, 8).unwrap());
    }

    #[test]
    fn one_by_one_starts_again_after_each_rewrite() {
        let mut g = chain();
        let mut rule = DoubleNeg { seen: vec![] };
        assert!(one_by_one(&mut g, &mut rule).unwrap());
        assert_eq!(rule.seen, ["r", "a", "b", "r", "c", "d", "r", "y"]);
        assert_eq!(names(&g), ["r", "y"]);
    }
}
