//! Algebraic simplification: ops that return their input unchanged go (Identity, Reshape /
//! Expand / Cast to the same type, Transpose by the identity, a whole-tensor Slice, `x * 1`,
//! `x / 1`, `x + 0`, `x - 0`), chains of Reshapes become one Reshape of the first input,
//! a Transpose of a Transpose becomes one Transpose by the composed permutation, and a Concat
//! of consecutive slices covering a whole tensor reads the tensor itself.
//!
//! Graph outputs keep their names (the generated API): an identity that defines one stays, and
//! a merged node takes over the name of the value it replaces.

use super::rewrite::{self, Applied, Rule};
use super::Pass;
use crate::ir::{BinaryOp, Graph, IrError, NodeId, Op, UnaryOp, ValueId};

pub struct Simplify;

impl Pass for Simplify {
    fn name(&self) -> &'static str {
        "simplify"
    }

    /// Sweeps until nothing changes: a merge can make an identity the next sweep removes.
    fn run(&self, g: &mut Graph) -> Result<bool, IrError> {
        rewrite::sweeps(g, &mut Simplify, 8)
    }
}

/// What to do with a node whose single output is `y`.
pub(super) enum Simplification {
    /// `y` is this value: its readers read it instead.
    Passthrough(ValueId),
    /// A Concat with these inputs instead (a run of slices joined back into their source).
    Concat(Vec<ValueId>),
    /// `x^power` as products of `x` (`power` 2 or 3).
    Power { x: ValueId, power: u32 },
    /// The node's own op made from it and its producer's (Reshape of a Reshape, Transpose of a
    /// Transpose), reading the producer's input.
    Merge { op: Op, input: ValueId },
}

/// Every node in producers-first order; a rewritten node's readers are met later in the same
/// walk, so chains collapse in one.
impl Rule for Simplify {
    type Match = Simplification;

    fn find(&mut self, g: &Graph, n: NodeId) -> Option<Simplification> {
        let node = g.node(n);
        let (&[y], Some(&x)) = (&node.outputs[..], node.inputs.first()) else { return None };
        if let Some(keep) = passthrough(g, n).filter(|_| !g.outputs.contains(&y)) {
            return Some(Simplification::Passthrough(keep));
        }
        if let Some(inputs) = merged_concat_inputs(g, n).filter(|_| !g.outputs.contains(&y)) {
            return Some(Simplification::Concat(inputs));
        }
        if let Some(power) = small_power(g, n) {
            return Some(Simplification::Power { x, power });
        }
        let (inner, inner_x) = producer(g, x)?;
        // reshape(reshape(v)) = reshape(v)
        if let (Op::Reshape { .. }, Op::Reshape { .. }) = (&node.op, inner) {
            return Some(Simplification::Merge { op: node.op.clone(), input: inner_x });
        }
        // transpose_p(transpose_q(v)) = transpose_{q o p}(v)
        let (Op::Transpose { perm }, Op::Transpose { perm: inner_perm }) = (&node.op, inner) else { return None };
        let op = Op::Transpose { perm: perm.iter().map(|&p| inner_perm[p]).collect() };
        Some(Simplification::Merge { op, input: inner_x })
    }

    fn apply(&mut self, g: &mut Graph, n: NodeId, s: Simplification) -> Result<Applied, IrError> {
        let node = g.node(n);
        let (y, name) = (node.outputs[0], node.name.clone());
        let out = match s {
            Simplification::Passthrough(keep) => keep,
            Simplification::Concat(inputs) => match inputs[..] {
                // The Concat was the whole source put back together.
                [only] => only,
                _ => {
                    let op = node.op.clone();
                    let out = g.add_node(name, op, inputs)?[0];
                    g.rename_value(out, g.value(y).name.clone());
                    out
                }
            },
            Simplification::Power { x, power } => {
                // x^2 = x*x and x^3 = x*x*x: products, where `pow` is a libm call per element
                // (the tanh GELU's cube is a third of GPT-2's elementwise time otherwise).
                let square = g.add_node(format!("{name}/square"), Op::Binary(BinaryOp::Mul), vec![x, x])?[0];
                let out = if power == 3 {
                    g.add_node(format!("{name}/cube"), Op::Binary(BinaryOp::Mul), vec![square, x])?[0]
                } else {
                    square
                };
                g.rename_value(out, g.value(y).name.clone());
                out
            }
            Simplification::Merge { op, input } => {
                let out = g.add_node(name, op, vec![input])?[0];
                // The merged node takes over the value's name (a graph output keeps its name).
                g.rename_value(out, g.value(y).name.clone());
                out
            }
        };
        g.replace_uses(y, out);
        g.remove_node(n);
        Ok(Applied::Rewritten { removed: vec![n] })
    }
}

/// A Concat's inputs with neighbouring slices of one tensor joined: `Concat(Slice(x, 0..a),
/// Slice(x, a..b), ..)` along the sliced axis reads `Slice(x, 0..b)`, and a slice that covers
/// all of `x` is `x` (exporters split a tensor and concatenate the parts back, as YOLO's C2f
/// blocks do). `None` when nothing joins.
fn merged_concat_inputs(g: &Graph, n: NodeId) -> Option<Vec<ValueId>> {
    let node = g.node(n);
    let Op::Concat { axis } = node.op else { return None };
    // (source, start along the axis, length along the axis) of a slice that is whole elsewhere.
    let part = |v: ValueId| -> Option<(ValueId, i64, i64)> {
        let p = g.producer(v)?;
        let (Op::Slice { starts, steps, dims }, [src]) = (&p.op, &p.inputs[..]) else { return None };
        let full = &g.value(*src).ty.shape;
        let whole_elsewhere = (0..full.len()).all(|a| a == axis || (starts[a] == 0 && dims[a] == full[a]));
        let len = dims.get(axis)?.as_fixed()? as i64;
        (steps.iter().all(|&s| s == 1) && whole_elsewhere && starts[axis] >= 0).then_some((*src, starts[axis], len))
    };
    let mut out: Vec<ValueId> = Vec::with_capacity(node.inputs.len());
    let mut joined = false;
    let mut k = 0;
    while k < node.inputs.len() {
        let v = node.inputs[k];
        let Some((src, start, mut len)) = part(v) else {
            out.push(v);
            k += 1;
            continue;
        };
        let mut j = k + 1;
        while let Some((s2, st2, l2)) = node.inputs.get(j).and_then(|&w| part(w)) {
            if s2 != src || st2 != start + len {
                break;
            }
            len += l2;
            j += 1;
        }
        // Only a run covering all of the source joins: a partial range has no value to read
        // yet (making one is rarely worth a node).
        let whole = j > k + 1 && start == 0 && g.value(src).ty.shape[axis].as_fixed() == Some(len as usize);
        if whole {
            joined = true;
            out.push(src);
        } else {
            out.extend(&node.inputs[k..j]);
        }
        k = j;
    }
    joined.then_some(out)
}

/// The op and first input of the node defining `v`.
fn producer(g: &Graph, v: ValueId) -> Option<(&Op, ValueId)> {
    let p = g.producer(v)?;
    Some((&p.op, *p.inputs.first()?))
}

/// 2 or 3 for a float `Pow(x, c)` whose constant exponent is that integer everywhere and which
/// does not broadcast `x`.
fn small_power(g: &Graph, n: NodeId) -> Option<u32> {
    let node = g.node(n);
    let (Op::Binary(BinaryOp::Pow), &[x, c]) = (&node.op, &node.inputs[..]) else { return None };
    let (xt, yt) = (&g.value(x).ty, &g.value(*node.outputs.first()?).ty);
    if xt != yt || !xt.dtype.is_float() {
        return None;
    }
    let exps = g.const_value(c)?.data.to_f64_vec();
    let first = *exps.first()?;
    (exps.iter().all(|&e| e == first) && (first == 2.0 || first == 3.0)).then_some(first as u32)
}

/// The input a node returns unchanged, if it does.
fn passthrough(g: &Graph, n: NodeId) -> Option<ValueId> {
    let node = g.node(n);
    let y = g.value(*node.outputs.first()?);
    let same = |v: ValueId| g.value(v).ty == y.ty;
    let x = *node.inputs.first()?;
    let is = |v: ValueId, value: f64| g.const_value(v).is_some_and(|t| t.data.to_f64_vec().iter().all(|&e| e == value));
    // Ops that copy their input when the output has its type.
    let copies = matches!(
        node.op,
        Op::Unary(UnaryOp::Identity) | Op::Reshape { .. } | Op::Expand { .. } | Op::Cast { .. } | Op::Tile { .. }
    );
    if copies {
        return same(x).then_some(x);
    }
    if let Op::Transpose { perm } = &node.op {
        return (perm.iter().enumerate().all(|(i, &p)| i == p) && same(x)).then_some(x);
    }
    if let Op::Slice { starts, steps, .. } = &node.op {
        return (starts.iter().all(|&s| s == 0) && steps.iter().all(|&s| s == 1) && same(x)).then_some(x);
    }
    if let Op::Pad { pads, .. } = &node.op {
        return (pads.iter().all(|&p| p == 0) && same(x)).then_some(x);
    }
    let Op::Binary(b) = &node.op else { return None };
    let c = *node.inputs.get(1)?;
    let (left, right) = match b {
        BinaryOp::Mul => (is(x, 1.0), is(c, 1.0)),
        BinaryOp::Add => (is(x, 0.0), is(c, 0.0)),
        BinaryOp::Div => (false, is(c, 1.0)),
        BinaryOp::Sub => (false, is(c, 0.0)),
        _ => (false, false),
    };
    // The kept operand must already have the output's type (no broadcast, no cast).
    if right && same(x) {
        Some(x)
    } else if left && same(c) {
        Some(c)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{fixed_dims, text, DType, Tensor, TensorType};

    fn f32s(dims: &[usize]) -> TensorType {
        TensorType::fixed(DType::F32, dims)
    }

    #[test]
    fn identities_go_and_chains_merge() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(&[2, 3, 4]));
        let one = g.add_const("one", Tensor::scalar_f32(1.0));
        let m = g.add_node("mul1", Op::Binary(BinaryOp::Mul), vec![x, one]).unwrap()[0];
        let r1 = g.add_node("r1", Op::Reshape { shape: fixed_dims([6, 4]) }, vec![m]).unwrap()[0];
        let r2 = g.add_node("r2", Op::Reshape { shape: fixed_dims([24]) }, vec![r1]).unwrap()[0];
        let t1 = g.add_node("t1", Op::Transpose { perm: vec![1, 2, 0] }, vec![x]).unwrap()[0];
        let t2 = g.add_node("t2", Op::Transpose { perm: vec![2, 0, 1] }, vec![t1]).unwrap()[0];
        let y = g.add_node("y", Op::Binary(BinaryOp::Add), vec![t2, x]).unwrap()[0];
        g.outputs = vec![r2, y];
        // `x * 1` goes, the reshapes merge into one (keeping the output's name) and the
        // transposes compose.
        Simplify.run(&mut g).unwrap();
        crate::passes::dce::DeadCode.run(&mut g).unwrap();
        let want = "\
graph t
  in %0 x: f32[2,3,4]
  %7: f32[2,3,4] y = Binary(Add)(%0, %0)
  %9: f32[24] r2 = Reshape { shape: [24] }(%0)
  out %9, %7
";
        assert_eq!(text::print(&g), want);
        // A second run removes the identity transpose the first one composed.
        Simplify.run(&mut g).unwrap();
        crate::passes::dce::DeadCode.run(&mut g).unwrap();
        assert!(!text::print(&g).contains("Transpose"), "{}", text::print(&g));
    }

    #[test]
    fn squares_and_cubes_become_products() {
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(&[4]));
        let (two, three, half) = (
            g.add_const("two", Tensor::scalar_f32(2.0)),
            g.add_const("three", Tensor::scalar_f32(3.0)),
            g.add_const("half", Tensor::scalar_f32(0.5)),
        );
        let sq = g.add_node("sq", Op::Binary(BinaryOp::Pow), vec![x, two]).unwrap()[0];
        let cube = g.add_node("cube", Op::Binary(BinaryOp::Pow), vec![x, three]).unwrap()[0];
        let root = g.add_node("root", Op::Binary(BinaryOp::Pow), vec![x, half]).unwrap()[0];
        g.outputs = vec![sq, cube, root];
        // Values whose squares and cubes are exact in f32, so both forms agree bit for bit.
        let input = Tensor::new(vec![4], crate::ir::Data::F32(vec![-1.5, 0.0, 2.0, 3.25])).unwrap();
        let before = crate::passes::test_support::run(&g, &input);
        Simplify.run(&mut g).unwrap();
        crate::passes::dce::DeadCode.run(&mut g).unwrap();
        let printed = text::print(&g);
        // Only the square root stays a Pow; the outputs keep their names.
        assert_eq!(printed.matches("Pow").count(), 1, "{printed}");
        assert_eq!(printed.matches("Binary(Mul)").count(), 3, "{printed}");
        let names: Vec<_> = g.outputs.iter().map(|&v| g.value(v).name.clone()).collect();
        assert_eq!(names, ["sq", "cube", "root"]);
        assert_eq!(crate::passes::test_support::run(&g, &input), before);
    }

    #[test]
    fn broadcasting_identities_stay() {
        // x[3] * ones[2, 3] is a broadcast, not an identity.
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(&[3]));
        let ones = g.add_const("ones", Tensor::new(vec![2, 3], crate::ir::Data::F32(vec![1.0; 6])).unwrap());
        let m = g.add_node("m", Op::Binary(BinaryOp::Mul), vec![x, ones]).unwrap()[0];
        let y = g.add_node("y", Op::Unary(UnaryOp::Relu), vec![m]).unwrap()[0];
        g.outputs = vec![y];
        assert!(!Simplify.run(&mut g).unwrap());
    }

    #[test]
    fn a_concat_of_the_parts_of_a_split_reads_the_whole() {
        // YOLO's C2f: split x in two along the channels, concatenate both halves and another.
        let mut g = Graph::new("t");
        let x = g.add_input("x", f32s(&[1, 4, 2]));
        let other = g.add_input("other", f32s(&[1, 3, 2]));
        let half = |g: &mut Graph, start: i64| {
            g.add_node(
                format!("s{start}"),
                Op::Slice { starts: vec![0, start, 0], steps: vec![1; 3], dims: fixed_dims([1, 2, 2]) },
                vec![x],
            )
            .unwrap()[0]
        };
        let (a, b) = (half(&mut g, 0), half(&mut g, 2));
        let relu = g.add_node("relu", Op::Unary(UnaryOp::Relu), vec![b]).unwrap()[0];
        let cat = g.add_node("cat", Op::Concat { axis: 1 }, vec![a, b, other]).unwrap()[0];
        // Out of order halves are not the whole tensor: that Concat stays as it is.
        let swapped = g.add_node("swapped", Op::Concat { axis: 1 }, vec![b, a]).unwrap()[0];
        g.outputs = vec![cat, relu, swapped];
        let y = g.add_node("y", Op::Unary(UnaryOp::Neg), vec![cat]).unwrap()[0];
        g.outputs[0] = y;
        assert!(Simplify.run(&mut g).unwrap());
        crate::passes::dce::DeadCode.run(&mut g).unwrap();
        let printed = text::print(&g);
        assert!(printed.contains("= Concat { axis: 1 }(%0, %1)"), "{printed}");
        assert!(printed.contains("swapped = Concat { axis: 1 }(%"), "{printed}");
    }
}
