//! Einsum (12+): <https://onnx.ai/onnx/operators/onnx__Einsum.html>
//!
//! General form, no pattern matching yet: each operand takes its diagonals (repeated letters)
//! with an identity mask and a sum, is transposed into one global letter order (output letters
//! first, summed letters last) with size-1 axes for letters it lacks, the operands multiply
//! with broadcasting, and the summed letters are reduced. Ellipses stand for the same leading
//! batch axes in every operand. Simple and exact; a MatMul fast path would serve large
//! contractions better.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, Data, Op, ReduceKind, Tensor, UnaryOp, ValueId};

/// Letters per operand with ellipses expanded into upper-case placeholders (`A`, `B`, ...,
/// which the equation itself cannot contain as batch letters).
fn expand(term: &str, rank: usize, batch: usize) -> Result<Vec<char>, NodeError> {
    let explicit: Vec<char> = term.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    if !term.contains("...") {
        if explicit.len() != rank {
            return Err(NodeError::Invalid(format!("term `{term}` has {} letters for rank {rank}", explicit.len())));
        }
        return Ok(explicit);
    }
    let own = rank
        .checked_sub(explicit.len())
        .ok_or_else(|| NodeError::Invalid(format!("term `{term}` is longer than rank {rank}")))?;
    let (before, after) = term.split_once("...").ok_or("bad ellipsis")?;
    let mut out: Vec<char> = before.chars().collect();
    // Right-aligned: the last `own` of the `batch` placeholders.
    out.extend((batch - own..batch).map(|i| char::from(b'0' + i as u8)));
    out.extend(after.chars());
    Ok(out)
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let eq: String = n
        .attrs
        .string("equation")
        .ok_or("attribute `equation` is required")?
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let operands: Vec<ValueId> = n.inputs.iter().flatten().copied().collect();
    let (lhs, rhs) = match eq.split_once("->") {
        Some((l, r)) => (l.to_string(), Some(r.to_string())),
        None => (eq.clone(), None),
    };
    let terms: Vec<&str> = lhs.split(',').collect();
    if terms.len() != operands.len() {
        return Err(NodeError::Invalid(format!("{} terms for {} inputs", terms.len(), operands.len())));
    }
    let ranks: Vec<usize> = operands.iter().map(|&v| ctx.rank(v)).collect();
    let batch = terms
        .iter()
        .zip(&ranks)
        .filter(|(t, _)| t.contains("..."))
        .map(|(t, &r)| r.saturating_sub(t.chars().filter(|c| c.is_ascii_alphabetic()).count()))
        .max()
        .unwrap_or(0);
    if batch > 10 {
        return Err(NodeError::Unsupported("more than 10 ellipsis axes".into()));
    }
    let letters: Vec<Vec<char>> =
        terms.iter().zip(&ranks).map(|(t, &r)| expand(t, r, batch)).collect::<Result<_, _>>()?;
    let placeholders: Vec<char> = (0..batch).map(|i| char::from(b'0' + i as u8)).collect();
    let output: Vec<char> = match &rhs {
        Some(r) => expand(
            r,
            r.chars().filter(|c| c.is_ascii_alphabetic()).count() + if r.contains("...") { batch } else { 0 },
            batch,
        )?,
        None => {
            let mut once: Vec<char> = ('a'..='z')
                .chain('A'..='Z')
                .filter(|c| letters.iter().flatten().filter(|x| *x == c).count() == 1)
                .collect();
            once.sort_unstable();
            placeholders.iter().copied().chain(once).collect()
        }
    };
    // Global order: output letters, then summed ones.
    let mut order = output.clone();
    for &c in letters.iter().flatten() {
        if !order.contains(&c) {
            order.push(c);
        }
    }
    let mut sizes = std::collections::HashMap::new();
    let part = |p: &str, i: usize| format!("{}/{p}{i}", n.name);
    let mut product: Option<ValueId> = None;
    for (k, (&v0, mine)) in operands.iter().zip(&letters).enumerate() {
        let mut v = v0;
        let mut mine = mine.clone();
        let dims = ctx.dims(v)?;
        for (&c, &d) in mine.iter().zip(&dims) {
            let s = *sizes.entry(c).or_insert(d);
            if s != d && s != 1 && d != 1 {
                return Err(NodeError::Invalid(format!("letter `{c}` has sizes {s} and {d}")));
            }
            sizes.insert(c, s.max(d));
        }
        // Diagonals: a letter twice in one term keeps the entries where both indices agree.
        while let Some((a, b)) =
            (0..mine.len()).find_map(|a| (a + 1..mine.len()).find(|&b| mine[b] == mine[a]).map(|b| (a, b)))
        {
            let d = ctx.dims(v)?;
            let size = d[a];
            ctx.allow(&[size, size], "a diagonal mask")?;
            let mut shape = vec![1; d.len()];
            shape[a] = size;
            shape[b] = size;
            let eye: Vec<bool> = (0..size).flat_map(|i| (0..size).map(move |j| i == j)).collect();
            let eye = ctx.constant(Tensor::new(shape, Data::Bool(eye)).ok_or("bad mask")?);
            let zero = ctx.scalar(ctx.dtype(v), 0.0);
            let masked = ctx.node(&part("diag_mask", k), Op::Where, vec![eye, v, zero])?;
            v = ctx.node(
                &part("diag", k),
                Op::Reduce { kind: ReduceKind::Sum, axes: vec![b], keepdims: false },
                vec![masked],
            )?;
            mine.remove(b);
        }
        // Into the global order, with size-1 axes for missing letters.
        let mut perm: Vec<usize> = (0..mine.len()).collect();
        perm.sort_by_key(|&i| order.iter().position(|&c| c == mine[i]));
        if perm.iter().enumerate().any(|(i, &p)| i != p) {
            v = ctx.node(&part("order", k), Op::Transpose { perm: perm.clone() }, vec![v])?;
        }
        let d = ctx.dims(v)?;
        let sorted: Vec<char> = perm.iter().map(|&i| mine[i]).collect();
        let full: Vec<usize> = order.iter().map(|c| sorted.iter().position(|x| x == c).map_or(1, |i| d[i])).collect();
        v = ctx.node(&part("full", k), Op::Reshape { shape: crate::ir::fixed_dims(full) }, vec![v])?;
        product = Some(match product {
            Some(p) => ctx.binary(&part("mul", k), BinaryOp::Mul, p, v)?,
            None => v,
        });
    }
    let y = product.ok_or("Einsum needs at least one input")?;
    let summed: Vec<usize> = (output.len()..order.len()).collect();
    if summed.is_empty() {
        return Ok(vec![ctx.unary(n.name, UnaryOp::Identity, y)?]);
    }
    Ok(vec![ctx.node(n.name, Op::Reduce { kind: ReduceKind::Sum, axes: summed, keepdims: false }, vec![y])?])
}
