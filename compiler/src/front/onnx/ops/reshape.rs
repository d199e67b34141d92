//! Reshape (opsets 5-24; opset 1's `shape` attribute too): <https://onnx.ai/onnx/operators/onnx__Reshape.html>
//! The target shape must be known at compile time: a constant (exporters' shape arithmetic
//! folds to it) or shape arithmetic on symbolic dims. 0 copies the input dim (unless
//! `allowzero`), -1 is inferred by exact division.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Dim, Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let spec = match n.opt(1) {
        Some(s) => ctx.dim_values(s, "the target shape")?,
        None => n.attrs.ints("shape").ok_or("no target shape")?.into_iter().map(Dim::int).collect(),
    };
    let shape = resolve(&ctx.shape(x), &spec, n.attrs.int_or("allowzero", 0) != 0).map_err(NodeError::Invalid)?;
    Ok(vec![ctx.node(n.name, Op::Reshape { shape }, vec![x])?])
}

/// Resolves 0 and -1 entries of an ONNX target shape.
pub fn resolve(input: &[Dim], spec: &[Dim], allowzero: bool) -> Result<Vec<Dim>, String> {
    let total = Dim::product(input);
    let show = |s: &[Dim]| format!("[{}]", s.iter().map(Dim::to_string).collect::<Vec<_>>().join(", "));
    let mut out = Vec::with_capacity(spec.len());
    let mut infer_at = None;
    for (i, d) in spec.iter().enumerate() {
        match d.as_int() {
            Some(-1) if infer_at.is_none() => {
                infer_at = Some(i);
                out.push(Dim::int(1));
            }
            Some(0) if !allowzero => {
                out.push(input.get(i).cloned().ok_or_else(|| format!("0 at axis {i} has no input dim to copy"))?)
            }
            Some(d) if d >= 0 => out.push(Dim::int(d)),
            None if d.is_monotone() && d.at_ones() >= 0 => out.push(d.clone()),
            _ => return Err(format!("invalid target shape {}", show(spec))),
        }
    }
    let known = Dim::product(&out);
    if let Some(i) = infer_at {
        out[i] = total.div_exact(&known).ok_or_else(|| format!("cannot reshape {} to {}", show(input), show(spec)))?;
    } else if known != total && (known.is_fixed() || total.is_fixed()) {
        // Two symbolic counts that differ as expressions may still be equal at run time (a
        // height the model only runs at one size of): `run` checks them.
        return Err(format!("cannot reshape {} ({total} elements) to {}", show(input), show(spec)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use crate::ir::{fixed_dims, Dim};

    fn ints(v: &[i64]) -> Vec<Dim> {
        v.iter().map(|&d| Dim::int(d)).collect()
    }

    #[test]
    fn zero_copies_and_minus_one_infers() {
        assert_eq!(resolve(&fixed_dims([2, 3, 4]), &ints(&[0, -1]), false).unwrap(), fixed_dims([2, 12]));
        assert_eq!(resolve(&fixed_dims([2, 3, 4]), &ints(&[4, 0, 2]), false).unwrap(), fixed_dims([4, 3, 2]));
        assert!(resolve(&fixed_dims([2, 3, 4]), &ints(&[5, -1]), false).is_err());
        assert!(resolve(&fixed_dims([2, 3]), &ints(&[-1, -1]), false).is_err());
    }

    #[test]
    fn symbolic_targets_divide_exactly() {
        let (b, s) = (Dim::sym("batch"), Dim::sym("seq"));
        let x = vec![b.clone(), s.clone(), Dim::int(256)];
        let heads = resolve(&x, &[b.clone(), Dim::int(-1), Dim::int(4), Dim::int(64)], false).unwrap();
        assert_eq!(heads, vec![b.clone(), s.clone(), Dim::int(4), Dim::int(64)]);
        let flat = resolve(&x, &ints(&[-1, 256]), false).unwrap();
        assert_eq!(flat, vec![&b * &s, Dim::int(256)]);
        assert!(resolve(&x, &ints(&[-1, 3]), false).is_err());
    }
}
