//! Shape arithmetic on symbolic dims. Exporters compute target shapes at run time:
//! `Shape -> Gather -> Unsqueeze -> Concat -> Reshape`, `Shape -> ConstantOfShape`,
//! `Equal/Where` around `Expand`. When a shape holds symbols (`batch`, `seq`), these small
//! integer tensors are tracked here as *shape values*: one [`Dim`] per element. Importers that
//! need a shape read it with `Ctx::dim_values`, so a Reshape's target stays an exact expression
//! and the arithmetic nodes become dead code. A result without symbols becomes a plain constant
//! and folds on as before.

use crate::ir::{BinaryOp, DType, Dim, Op, TensorType, UnaryOp};

/// The symbol a failed broadcast shows equal to an expression of others: two inputs whose
/// right-aligned dims differ where neither is 1 can only run when they are equal, as
/// onnxruntime finds at run time. A bare symbol (`total_sequence`) is taken to equal the other
/// side (`past_sequence + sequence`) when that side is symbolic and does not contain it; of two
/// bare symbols, the later name takes the earlier. The run then checks the equality on the inputs' shapes.
pub fn equality(tys: &[&TensorType]) -> Option<(String, Dim)> {
    let one = Dim::fixed(1);
    for (i, a) in tys.iter().enumerate() {
        for b in &tys[i + 1..] {
            let (ra, rb) = (a.shape.len(), b.shape.len());
            for k in 1..=ra.min(rb) {
                let (da, db) = (&a.shape[ra - k], &b.shape[rb - k]);
                if da == db || *da == one || *db == one {
                    continue;
                }
                let bare = |d: &Dim| d.symbols().into_iter().next().filter(|s| *d == Dim::sym(s)).map(str::to_string);
                let candidate = match (bare(da), bare(db)) {
                    (Some(x), Some(y)) => Some(if x > y { (x, db.clone()) } else { (y, da.clone()) }),
                    // Against a size the symbol stays (it may be 1 there): `--dim` fixes it.
                    (Some(x), None) if !db.is_fixed() && !db.symbols().contains(x.as_str()) => Some((x, db.clone())),
                    (None, Some(y)) if !da.is_fixed() && !da.symbols().contains(y.as_str()) => Some((y, da.clone())),
                    _ => None,
                };
                if candidate.is_some() {
                    return candidate;
                }
            }
        }
    }
    None
}

/// Shape values are small: at most this many elements (a shape or a few sizes).
pub const MAX_ELEMENTS: usize = 16;

/// The result of `op` on shape values `xs` (one per input, flat, row-major), or `None` when
/// the op or its operands are not shape arithmetic this module follows.
pub fn eval(op: &Op, xs: &[Vec<Dim>], tys: &[&TensorType], out: &TensorType) -> Option<Vec<Dim>> {
    let n = out.numel().filter(|&n| n <= MAX_ELEMENTS)?;
    if !matches!(out.dtype, DType::I64 | DType::I32 | DType::Bool) {
        return None;
    }
    let y = match op {
        Op::Reshape { .. } => xs.first()?.clone(),
        Op::Unary(u) => match u {
            UnaryOp::Identity => xs.first()?.clone(),
            _ => return None,
        },
        Op::Cast { to } => {
            let ints = |d: &DType| matches!(d, DType::I64 | DType::I32);
            if !ints(to) || !ints(&tys.first()?.dtype) {
                return None;
            }
            xs.first()?.clone()
        }
        Op::Concat { axis } => {
            if *axis != 0 {
                return None;
            }
            xs.concat()
        }
        Op::Gather { axis } => {
            if *axis != 0 || tys.first()?.rank() != 1 {
                return None;
            }
            let len = i64::try_from(xs.first()?.len()).ok()?;
            xs.get(1)?
                .iter()
                .map(|i| {
                    let i = i.as_int()?;
                    let i = if i < 0 { i + len } else { i };
                    xs[0].get(usize::try_from(i).ok()?).cloned()
                })
                .collect::<Option<_>>()?
        }
        Op::Slice { starts, steps, .. } => {
            if tys.first()?.rank() != 1 {
                return None;
            }
            let (mut at, step) = (starts[0], steps[0]);
            let mut y = Vec::with_capacity(n);
            for _ in 0..n {
                y.push(xs[0].get(usize::try_from(at).ok()?)?.clone());
                at += step;
            }
            y
        }
        Op::Expand { .. } => {
            if xs.first()?.len() != 1 {
                return None;
            }
            vec![xs[0][0].clone(); n]
        }
        Op::Binary(b) => {
            let (a, c) = (xs.first()?, xs.get(1)?);
            if a.len() != n && a.len() != 1 || c.len() != n && c.len() != 1 {
                return None;
            }
            let at = |v: &Vec<Dim>, i: usize| v[if v.len() == 1 { 0 } else { i }].clone();
            (0..n).map(|i| binary(*b, &at(a, i), &at(c, i))).collect::<Option<_>>()?
        }
        Op::Where => {
            let (c, a, b) = (xs.first()?, xs.get(1)?, xs.get(2)?);
            let at = |v: &Vec<Dim>, i: usize| v.get(if v.len() == 1 { 0 } else { i }).cloned();
            (0..n)
                .map(|i| match at(c, i)?.as_int()? {
                    0 => at(b, i),
                    _ => at(a, i),
                })
                .collect::<Option<_>>()?
        }
        // Not shape arithmetic.
        Op::BitCast { .. }
        | Op::MatMul
        | Op::Conv { .. }
        | Op::ConvTranspose { .. }
        | Op::DeformConv { .. }
        | Op::Pool { .. }
        | Op::MaxPoolIndices { .. }
        | Op::Lrn { .. }
        | Op::Softmax { .. }
        | Op::Reduce { .. }
        | Op::ArgReduce { .. }
        | Op::Transpose { .. }
        | Op::GatherElements { .. }
        | Op::Tile { .. }
        | Op::Pad { .. }
        | Op::Resample { .. }
        | Op::Cumulative { .. }
        | Op::TopK { .. }
        | Op::ScatterElements { .. }
        | Op::ScatterNd { .. }
        | Op::GatherNd { .. }
        | Op::GridSample { .. }
        | Op::RoiAlign { .. }
        | Op::Det
        | Op::Shape { .. }
        | Op::LayerNorm { .. }
        | Op::SqueezeExcite { .. }
        | Op::Attention { .. }
        | Op::Recurrence { .. }
        | Op::Fused { .. } => return None,
    };
    (y.len() == n).then_some(y)
}

/// One element of a binary op; comparisons give 0 or 1.
fn binary(op: BinaryOp, a: &Dim, b: &Dim) -> Option<Dim> {
    let truth = |t: bool| Some(Dim::int(t as i64));
    match op {
        BinaryOp::Add => Some(a + b),
        BinaryOp::Sub => Some(a - b),
        BinaryOp::Mul => Some(a * b),
        BinaryOp::Div => match (a.as_int(), b.as_int()) {
            (Some(x), Some(y)) if y != 0 => Some(Dim::int(x / y)),
            _ => a.div_exact(b),
        },
        BinaryOp::Equal => match (a.as_int(), b.as_int()) {
            (Some(x), Some(y)) => truth(x == y),
            _ if a == b => truth(true),
            // A size of at least 1 in every symbol is never below its value at ones.
            (None, Some(c)) if a.is_monotone() && a.at_ones() > c => truth(false),
            (Some(c), None) if b.is_monotone() && b.at_ones() > c => truth(false),
            _ => None,
        },
        _ => match (a.as_int(), b.as_int()) {
            (Some(x), Some(y)) => {
                let v = match op {
                    BinaryOp::Max => x.max(y),
                    BinaryOp::Min => x.min(y),
                    BinaryOp::Less => (x < y) as i64,
                    BinaryOp::Greater => (x > y) as i64,
                    _ => return None,
                };
                Some(Dim::int(v))
            }
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(d: &[Dim]) -> Vec<Dim> {
        d.to_vec()
    }

    fn one(d: &Dim) -> Vec<Dim> {
        vec![d.clone()]
    }

    #[test]
    fn gather_concat_and_arithmetic_follow_symbols() {
        let (b, s) = (Dim::sym("batch"), Dim::sym("seq"));
        let shape = v(&[b.clone(), s.clone(), Dim::int(256)]);
        let t1 = TensorType::fixed(DType::I64, &[3]);
        let scalar = TensorType::fixed(DType::I64, &[]);
        let got = eval(&Op::Gather { axis: 0 }, &[shape.clone(), v(&[Dim::int(-2)])], &[&t1, &scalar], &scalar);
        assert_eq!(got, Some(one(&s)));
        let two = TensorType::fixed(DType::I64, &[2]);
        let cat = eval(&Op::Concat { axis: 0 }, &[one(&b), one(&s)], &[&scalar, &scalar], &two);
        assert_eq!(cat, Some(v(&[b.clone(), s.clone()])));
        let prod = eval(&Op::Binary(BinaryOp::Mul), &[one(&b), one(&s)], &[&scalar, &scalar], &scalar);
        assert_eq!(prod, Some(v(&[&b * &s])));
        let div = eval(
            &Op::Binary(BinaryOp::Div),
            &[v(&[&s * &Dim::int(4)]), v(&[Dim::int(4)])],
            &[&scalar, &scalar],
            &scalar,
        );
        assert_eq!(div, Some(one(&s)));
    }

    #[test]
    fn equal_to_minus_one_is_false_for_sizes() {
        let scalar = TensorType::fixed(DType::I64, &[]);
        let out = TensorType::fixed(DType::Bool, &[]);
        let got =
            eval(&Op::Binary(BinaryOp::Equal), &[v(&[Dim::sym("seq")]), v(&[Dim::int(-1)])], &[&scalar, &scalar], &out);
        assert_eq!(got, Some(v(&[Dim::int(0)])));
        let unknown =
            eval(&Op::Binary(BinaryOp::Equal), &[v(&[Dim::sym("seq")]), v(&[Dim::int(8)])], &[&scalar, &scalar], &out);
        assert_eq!(unknown, None);
    }
}
