//! Recurrent layers (LSTM, GRU) over a whole sequence.
//!
//! Per op: `infer_*` (output types from input types) and `eval_*` (reference evaluation on
//! constants through the runtime's kernels); `super` dispatches to them.

use super::*;

pub(super) fn infer_recurrence(cell: &RecurrentCell, inputs: &[&TensorType]) -> Types {
    arity(inputs, 4, 4)?;
    let (xw, rt, h0, extra) = (inputs[0], inputs[1], inputs[2], inputs[3]);
    if !matches!(xw.dtype, DType::F32 | DType::F64) || inputs.iter().any(|t| t.dtype != xw.dtype) {
        return Err("a recurrence takes f32 or f64 operands of one type".into());
    }
    let ([seq, batch, gh], [hidden, gh2]) = (&xw.shape[..], &rt.shape[..]) else {
        return Err(format!(
            "a recurrence needs [seq, batch, gates*hidden] and [hidden, gates*hidden], got {xw} and {rt}"
        ));
    };
    let state = [batch.clone(), hidden.clone()];
    let extra_ok = match cell {
        crate::ir::RecurrentCell::Lstm => extra.shape == state,
        crate::ir::RecurrentCell::Gru => extra.shape == [hidden.clone()],
    };
    if gh != gh2 || gh.as_fixed() != hidden.as_fixed().map(|h| h * cell.gates()) || h0.shape != state || !extra_ok {
        return Err(format!("recurrence operands {xw}, {rt}, {h0}, {extra} disagree"));
    }
    Ok(vec![TensorType::new(xw.dtype, vec![seq.clone(), batch.clone(), hidden.clone()])])
}

pub(super) fn eval_recurrence(cell: &RecurrentCell, reverse: &bool, cell_output: &bool, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let ty = cx.ty;
    let mut y = cx.zeros();
    let (rt, h0, extra) = (cx.input(1)?, cx.input(2)?, cx.input(3)?);
    let (batch, hidden) = (h0.shape.first().copied().unwrap_or(0), rt.shape.first().copied().unwrap_or(0));
    macro_rules! run {
        ($v:ident, $t:ty) => {{
            let (Data::$v(xw), Data::$v(rtv), Data::$v(h), Data::$v(e), Data::$v(yv)) =
                (&x.data, &rt.data, &h0.data, &extra.data, &mut y)
            else {
                return Err("a recurrence takes operands of one float type".into());
            };
            let mut scratch = vec![<$t>::default(); recurrent::scratch_len(*cell, batch, hidden)];
            recurrent::recurrence(
                *cell,
                *reverse,
                *cell_output,
                (xw, &x.shape),
                (rtv, &rt.shape),
                h,
                e,
                yv,
                &mut scratch,
            )
            .map_err(kerr)?;
        }};
    }
    match ty.dtype {
        crate::ir::DType::F64 => run!(F64, f64),
        _ => run!(F32, f32),
    };
    Ok(y)
}

/// Scratch of a recurrence over `batch` rows of `hidden` units.
pub(super) fn scratch_recurrence(cell: &RecurrentCell, batch: usize, hidden: usize) -> usize {
    recurrent::scratch_len(*cell, batch, hidden)
}
