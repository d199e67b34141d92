//! Reshape (opsets 5-24; opset 1's `shape` attribute too): https://onnx.ai/onnx/operators/onnx__Reshape.html
//! The target shape must be known at compile time (exporters' shape arithmetic folds to it);
//! 0 copies the input dim (unless `allowzero`), -1 is inferred.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let spec = match n.opt(1) {
        Some(s) => ctx.const_i64s(s, "the target shape")?,
        None => n.attrs.ints("shape").ok_or("no target shape")?,
    };
    let shape = resolve(&ctx.dims(x)?, &spec, n.attrs.int_or("allowzero", 0) != 0).map_err(NodeError::Invalid)?;
    Ok(vec![ctx.node(n.name, Op::Reshape { shape }, vec![x])?])
}

/// Resolves 0 and -1 entries of an ONNX target shape.
pub fn resolve(input: &[usize], spec: &[i64], allowzero: bool) -> Result<Vec<usize>, String> {
    let total: usize = input.iter().product();
    let mut out = Vec::with_capacity(spec.len());
    let mut infer_at = None;
    for (i, &d) in spec.iter().enumerate() {
        match d {
            -1 if infer_at.is_none() => {
                infer_at = Some(i);
                out.push(1);
            }
            0 if !allowzero => out.push(*input.get(i).ok_or_else(|| format!("0 at axis {i} has no input dim to copy"))?),
            d if d >= 0 => out.push(d as usize),
            _ => return Err(format!("invalid target shape {spec:?}")),
        }
    }
    let known = out.iter().try_fold(1usize, |a, &d| a.checked_mul(d)).ok_or("target shape overflows")?;
    if let Some(i) = infer_at {
        if known == 0 || !total.is_multiple_of(known) {
            return Err(format!("cannot reshape {input:?} to {spec:?}"));
        }
        out[i] = total / known;
    } else if known != total {
        return Err(format!("cannot reshape {input:?} ({total} elements) to {spec:?}"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn zero_copies_and_minus_one_infers() {
        assert_eq!(resolve(&[2, 3, 4], &[0, -1], false).unwrap(), vec![2, 12]);
        assert_eq!(resolve(&[2, 3, 4], &[4, 0, 2], false).unwrap(), vec![4, 3, 2]);
        assert!(resolve(&[2, 3, 4], &[5, -1], false).is_err());
        assert!(resolve(&[2, 3], &[-1, -1], false).is_err());
    }
}
