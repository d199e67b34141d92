//! Views: nodes whose output is memory that other values already hold, so they run no kernel.
//!
//! - `Reshape`: the same bytes as its input.
//! - `Slice` that is one contiguous range of its input (steps of 1, only 1s before the first
//!   cut axis, whole axes after it): a range of the input's bytes.
//! - `Concat` along an axis with only 1s before it: each part is one contiguous range of the
//!   output, so the parts' producers write their results there and the Concat copies nothing
//!   ("concat in place").
//!
//! The plan places every tree of aliased values as one block, live from the first member's
//! definition to the last member's use (`plan::plan_with`). Invariant: values are written once,
//! by their producer, so a view never sees its memory change while it is live.

use std::collections::{HashMap, HashSet};

use crate::ir::{Dim, Graph, NodeId, Op, ValueDef, ValueId};

/// `value`'s bytes start `offset` bytes into `parent`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alias {
    /// The value whose block holds this one.
    pub parent: ValueId,
    /// Where in it this one starts, in bytes.
    pub offset: usize,
}

/// What the plan learns from views.
#[derive(Debug, Clone, Default)]
pub struct Views {
    /// The values that live inside another's block.
    pub aliases: HashMap<ValueId, Alias>,
    /// The nodes that run no kernel.
    pub nodes: HashSet<NodeId>,
}

impl Views {
    /// The value whose block holds `v`, and where in it `v` starts.
    pub(crate) fn root(&self, mut v: ValueId) -> (ValueId, usize) {
        let mut offset = 0;
        while let Some(a) = self.aliases.get(&v) {
            offset += a.offset;
            v = a.parent;
        }
        (v, offset)
    }
}

/// Finds the views of a schedule. `inputs_in_arena`: graph inputs live in the arena (a device
/// back-end), so a Reshape or Slice of one can be a view too.
pub(crate) fn find(g: &Graph, schedule: &[NodeId], inputs_in_arena: bool) -> Views {
    let mut views = Views::default();
    // Values with a block of their own in the arena (node outputs; inputs on a device).
    let in_arena = |v: ValueId| match g.value(v).def {
        ValueDef::Node { .. } => true,
        ValueDef::Input(_) => inputs_in_arena,
        ValueDef::Const(_) => false,
    };
    for &n in schedule {
        let node = g.node(n);
        let ([x, ..], [y]) = (node.inputs.as_slice(), node.outputs.as_slice()) else { continue };
        let (x, y) = (*x, *y);
        // Only these three can run as views; every other op computes its output (a Reshape or
        // Slice of a value outside the arena, too).
        let alias = if let Op::Concat { axis } = &node.op {
            concat_parts(g, &node.inputs, y, *axis, &views).unwrap_or_default()
        } else if !in_arena(x) {
            continue;
        } else if let Op::Reshape { .. } = &node.op {
            vec![(y, Alias { parent: x, offset: 0 })]
        } else if let Op::Slice { starts, steps, .. } = &node.op {
            contiguous_range(g, x, y, starts, steps)
                .map(|offset| vec![(y, Alias { parent: x, offset })])
                .unwrap_or_default()
        } else {
            continue;
        };
        if alias.is_empty() {
            continue;
        }
        views.aliases.extend(alias);
        views.nodes.insert(n);
    }
    views
}

/// Fixed dims of a value, if all are fixed.
fn fixed_dims(g: &Graph, v: ValueId) -> Option<Vec<usize>> {
    g.value(v).ty.shape.iter().map(Dim::as_fixed).collect()
}

/// The byte offset of a Slice's output in its input, when the output is one contiguous range.
fn contiguous_range(g: &Graph, x: ValueId, y: ValueId, starts: &[i64], steps: &[i64]) -> Option<usize> {
    let (xd, yd) = (fixed_dims(g, x)?, fixed_dims(g, y)?);
    if steps.iter().any(|&s| s != 1) || xd.len() != yd.len() || starts.len() != xd.len() || yd.contains(&0) {
        return None;
    }
    // The last axis that is cut; every axis before it must have one element in the output.
    let cut = (0..xd.len()).rev().find(|&i| yd[i] != xd[i]).unwrap_or(0);
    if yd[..cut].iter().any(|&d| d != 1) {
        return None;
    }
    let mut offset = 0usize;
    let mut stride = g.value(x).ty.dtype.size();
    for i in (0..xd.len()).rev() {
        offset += usize::try_from(starts[i]).ok()? * stride;
        stride *= xd[i];
    }
    Some(offset)
}

/// Where each part of a Concat lies in its output, when every part can be written there by its
/// producer: only 1s before the axis, and every part a distinct node output of its own block.
fn concat_parts(g: &Graph, parts: &[ValueId], y: ValueId, axis: usize, views: &Views) -> Option<Vec<(ValueId, Alias)>> {
    let yd = fixed_dims(g, y)?;
    if yd[..axis.min(yd.len())].iter().any(|&d| d != 1) {
        return None;
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(parts.len());
    let mut offset = 0usize;
    for &p in parts {
        let own_block = matches!(g.value(p).def, ValueDef::Node { .. }) && !views.aliases.contains_key(&p);
        if !own_block || !seen.insert(p) {
            return None;
        }
        out.push((p, Alias { parent: y, offset }));
        offset += fixed_dims(g, p)?.iter().product::<usize>() * g.value(p).ty.dtype.size();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{fixed_dims as dims, DType, Dim, Graph, Op, TensorType, UnaryOp};

    fn f32s(d: &[usize]) -> TensorType {
        TensorType::new(DType::F32, d.iter().map(|&n| Dim::fixed(n)).collect())
    }

    #[test]
    fn channel_slice_of_a_batch_of_one_is_a_view_and_a_row_slice_is_not() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(&[1, 4, 2, 3]));
        let a = g.add_node("a", Op::Unary(UnaryOp::Neg), vec![x]).unwrap()[0];
        let channels = g
            .add_node("c", Op::Slice { starts: vec![0, 2, 0, 0], steps: vec![1; 4], dims: dims([1, 2, 2, 3]) }, vec![a])
            .unwrap()[0];
        let rows = g
            .add_node("r", Op::Slice { starts: vec![0, 0, 1, 0], steps: vec![1; 4], dims: dims([1, 4, 1, 3]) }, vec![a])
            .unwrap()[0];
        g.outputs = vec![channels, rows];
        let views = find(&g, &g.topo_order().unwrap(), false);
        assert_eq!(views.aliases.get(&channels), Some(&Alias { parent: a, offset: 2 * 2 * 3 * 4 }));
        assert!(!views.aliases.contains_key(&rows));
        assert_eq!(views.nodes.len(), 1);
    }

    #[test]
    fn concat_parts_land_in_the_output_unless_a_part_is_an_input_or_repeated() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(&[1, 2, 3]));
        let a = g.add_node("a", Op::Unary(UnaryOp::Neg), vec![x]).unwrap()[0];
        let b = g
            .add_node("b", Op::Slice { starts: vec![0, 1, 0], steps: vec![1; 3], dims: dims([1, 1, 3]) }, vec![a])
            .unwrap()[0];
        let b = g.add_node("b2", Op::Unary(UnaryOp::Abs), vec![b]).unwrap()[0];
        let y = g.add_node("y", Op::Concat { axis: 1 }, vec![a, b]).unwrap()[0];
        let with_input = g.add_node("z", Op::Concat { axis: 1 }, vec![a, x]).unwrap()[0];
        let repeated = g.add_node("w", Op::Concat { axis: 1 }, vec![b, b]).unwrap()[0];
        let inner = g.add_node("v", Op::Concat { axis: 2 }, vec![y, y]).unwrap()[0];
        g.outputs = vec![y, with_input, repeated, inner];
        let views = find(&g, &g.topo_order().unwrap(), false);
        assert_eq!(views.root(a), (y, 0));
        assert_eq!(views.root(b), (y, 2 * 3 * 4));
        // The slice feeding `b` and the first Concat run no kernel; the other Concats do.
        let node_of = |v: ValueId| match g.value(v).def {
            ValueDef::Node { node, .. } => node,
            _ => unreachable!(),
        };
        let part = g.node(node_of(b)).inputs[0];
        let expected: HashSet<NodeId> = [node_of(part), node_of(y)].into();
        assert_eq!(views.nodes, expected);
        assert!([with_input, repeated, inner].iter().all(|&v| !views.nodes.contains(&node_of(v))));
    }

    #[test]
    fn the_plan_places_concat_parts_in_their_output_and_verify_catches_overlaps() {
        use crate::plan::{plan, verify, Loc};
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(&[1, 2, 3]));
        let a = g.add_node("a", Op::Unary(UnaryOp::Neg), vec![x]).unwrap()[0];
        let b = g.add_node("b", Op::Unary(UnaryOp::Abs), vec![x]).unwrap()[0];
        let y = g.add_node("y", Op::Concat { axis: 1 }, vec![a, b]).unwrap()[0];
        let z = g.add_node("z", Op::Unary(UnaryOp::Neg), vec![y]).unwrap()[0];
        g.outputs = vec![z];
        let mut p = plan(&g).unwrap();
        let at = |p: &crate::plan::Plan, v| match p.loc(v) {
            Some(Loc::Arena { offset, .. }) => offset,
            other => panic!("{other:?}"),
        };
        assert_eq!((at(&p, a), at(&p, b)), (at(&p, y), at(&p, y) + 24));
        assert_ne!(at(&p, z), at(&p, y), "z is written while y is read");
        verify(&g, &p).unwrap();
        // Put z where y is: both live at z's step.
        p.locs.insert(z, Loc::Arena { offset: at(&p, y), len: 24 });
        let err = verify(&g, &p).unwrap_err();
        assert!(matches!(err, crate::plan::PlanError::Overlap(..)), "{err}");
    }
}
