//! One recurrent layer over a whole sequence: LSTM, or GRU with `linear_before_reset` (the
//! form PyTorch exports), forward or reverse, with ONNX's default activations.
//!
//! The input projection of every step (`x W^T` plus biases) is one MatMul before this kernel;
//! each step here is one product of the previous hidden state with the recurrence weights
//! (`h R^T`, on the GEMM) and the gate arithmetic, written with the same scalar functions as
//! the unfused ops (`sigmoid`, `tanh`) in the same order as the importer's unrolled form. The
//! graph stays one node whatever the sequence length (unrolled, a 50-step LSTM was 1400 nodes
//! and a minute of compile time).

use super::matmul::{MatLayout, MatMulElem};
use crate::scalar::{sigmoid, Float};
use crate::Error;

/// The cell of a [`recurrence`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// Gates `i, o, f, c` in the projection's columns; `c' = f c + i tanh(c~)`, `h' = o tanh(c')`.
    Lstm,
    /// Gates `z, r, h` (linear_before_reset): `h~ = tanh(x_h + r (h R_h + Rb_h))`,
    /// `h' = h~ + z (h - h~)`.
    Gru,
}

impl Cell {
    /// Gates per hidden unit.
    pub fn gates(self) -> usize {
        match self {
            Cell::Lstm => 4,
            Cell::Gru => 3,
        }
    }
}

/// Scratch elements [`recurrence`] needs: one step's gates, and the running hidden and cell
/// states.
pub fn scratch_len(cell: Cell, batch: usize, hidden: usize) -> usize {
    batch * hidden * (cell.gates() + 2)
}

/// Runs the layer over `xw` (`[seq, batch, gates * hidden]`, the input projection with its
/// biases). `rt` is `[hidden, gates * hidden]` (the recurrence weights transposed), `h0` the
/// initial hidden state `[batch, hidden]`; `extra` is the initial cell state `[batch, hidden]`
/// for an LSTM and the recurrence bias of the `h` gate `[hidden]` for a GRU. Writes
/// `y[t] = h_t` (`[seq, batch, hidden]`), or the cell state `c_t` when `cell_output`; step `t`
/// runs in order `seq-1 .. 0` when `reverse`.
#[allow(clippy::too_many_arguments)]
pub fn recurrence<T: Float + MatMulElem>(
    cell: Cell,
    reverse: bool,
    cell_output: bool,
    (xw, xw_shape): (&[T], &[usize]),
    (rt, rt_shape): (&[T], &[usize]),
    h0: &[T],
    extra: &[T],
    y: &mut [T],
    scratch: &mut [T],
) -> Result<(), Error> {
    let ([seq, batch, gh], [hidden, gh2]) = (<[usize; 3]>::try_from(xw_shape).map_err(|_| Error::Layout("recurrence: xw must be [seq, batch, gates*hidden]"))?, <[usize; 2]>::try_from(rt_shape).map_err(|_| Error::Layout("recurrence: rt must be [hidden, gates*hidden]"))?);
    let bh = batch * hidden;
    let extra_len = if cell == Cell::Lstm { bh } else { hidden };
    if gh != cell.gates() * hidden || gh2 != gh || xw.len() != seq * batch * gh || rt.len() != hidden * gh {
        return Err(Error::Layout("recurrence: projection, weights and hidden size disagree"));
    }
    if h0.len() != bh || extra.len() != extra_len || y.len() != seq * bh {
        return Err(Error::Layout("recurrence: state or output length does not match batch x hidden"));
    }
    if scratch.len() < scratch_len(cell, batch, hidden) {
        return Err(Error::Layout("recurrence: scratch too small"));
    }
    let (g, rest) = scratch.split_at_mut(batch * gh);
    let (h, rest) = rest.split_at_mut(bh);
    let c = &mut rest[..bh];
    h.copy_from_slice(h0);
    if cell == Cell::Lstm {
        c.copy_from_slice(extra);
    }
    let (hl, rl, gl) = (MatLayout::row_major(batch, hidden), MatLayout::row_major(hidden, gh), MatLayout::row_major(batch, gh));
    for step in 0..seq {
        let t = if reverse { seq - 1 - step } else { step };
        let xt = &xw[t * batch * gh..(t + 1) * batch * gh];
        let yt = &mut y[t * bh..(t + 1) * bh];
        match cell {
            Cell::Lstm => {
                // gates = x_t + h R^T
                g.copy_from_slice(xt);
                T::gemm(T::ONE, h, hl, rt, rl, T::ONE, g, gl)?;
                // Per batch row, the four gates and the states as slices of `hidden` zipped
                // together: no index arithmetic in the loop, so it vectorises.
                for (((gb, cb), hb), yb) in g.chunks_exact(gh.max(1)).zip(c.chunks_exact_mut(hidden.max(1))).zip(h.chunks_exact_mut(hidden.max(1))).zip(yt.chunks_exact_mut(hidden.max(1))) {
                    let (gi, rest) = gb.split_at(hidden);
                    let (go, rest) = rest.split_at(hidden);
                    let (gf, gc) = rest.split_at(hidden);
                    let gates = gi.iter().zip(go).zip(gf).zip(gc);
                    for ((((&gi, &go), &gf), &gc), ((cv, hv), yv)) in gates.zip(cb.iter_mut().zip(hb.iter_mut()).zip(yb.iter_mut())) {
                        let (i, o, f) = (sigmoid(gi), sigmoid(go), sigmoid(gf));
                        let cand = gc.tanh();
                        let c_new = f * *cv + i * cand;
                        let h_new = o * c_new.tanh();
                        *cv = c_new;
                        *hv = h_new;
                        *yv = if cell_output { c_new } else { h_new };
                    }
                }
            }
            Cell::Gru => {
                // g = h R^T for all three gates; the h gate's bias joins before the reset.
                T::gemm(T::ONE, h, hl, rt, rl, T::ZERO, g, gl)?;
                for (((gb, xb), hb), yb) in g.chunks_exact(gh.max(1)).zip(xt.chunks_exact(gh.max(1))).zip(h.chunks_exact(hidden.max(1))).zip(yt.chunks_exact_mut(hidden.max(1))) {
                    let (gz, rest) = gb.split_at(hidden);
                    let (gr, gn) = rest.split_at(hidden);
                    let (xz, rest) = xb.split_at(hidden);
                    let (xr, xn) = rest.split_at(hidden);
                    let gates = gz.iter().zip(gr).zip(gn).zip(xz.iter().zip(xr).zip(xn)).zip(extra);
                    for (((((&gz, &gr), &gn), ((&xz, &xr), &xn)), &e), (yv, &hv)) in gates.zip(yb.iter_mut().zip(hb)) {
                        let z = sigmoid(xz + gz);
                        let r = sigmoid(xr + gr);
                        let lin = gn + e;
                        let cand = (xn + r * lin).tanh();
                        *yv = cand + z * (hv - cand);
                    }
                }
                h.copy_from_slice(yt);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(n: usize, seed: usize) -> Vec<f64> {
        (0..n).map(|i| ((i * 7919 + seed * 104729) % 89) as f64 / 44.0 - 1.0).collect()
    }

    fn sig(x: f64) -> f64 {
        1.0 / (1.0 + (-x).exp())
    }

    #[test]
    #[allow(clippy::needless_range_loop)]
    fn lstm_and_gru_follow_their_equations_both_ways() {
        let (seq, batch, hidden) = (4, 2, 3);
        for cell in [Cell::Lstm, Cell::Gru] {
            for reverse in [false, true] {
                let gh = cell.gates() * hidden;
                let (xw, rt, h0) = (values(seq * batch * gh, 1), values(hidden * gh, 2), values(batch * hidden, 3));
                let extra = if cell == Cell::Lstm { values(batch * hidden, 4) } else { values(hidden, 5) };
                let mut y = vec![f64::NAN; seq * batch * hidden];
                let mut cs = vec![f64::NAN; seq * batch * hidden];
                let mut scratch = vec![0.0; scratch_len(cell, batch, hidden)];
                recurrence(cell, reverse, false, (&xw, &[seq, batch, gh]), (&rt, &[hidden, gh]), &h0, &extra, &mut y, &mut scratch).unwrap();
                if cell == Cell::Lstm {
                    recurrence(cell, reverse, true, (&xw, &[seq, batch, gh]), (&rt, &[hidden, gh]), &h0, &extra, &mut cs, &mut scratch).unwrap();
                }
                // The equations, step by step in f64.
                let (mut h, mut c) = (h0.clone(), extra.clone());
                for step in 0..seq {
                    let t = if reverse { seq - 1 - step } else { step };
                    let mut hn = vec![0.0; batch * hidden];
                    let mut cn = vec![0.0; batch * hidden];
                    for b in 0..batch {
                        let hr = |col: usize| (0..hidden).map(|p| h[b * hidden + p] * rt[p * gh + col]).sum::<f64>();
                        let x = |col: usize| xw[(t * batch + b) * gh + col];
                        for j in 0..hidden {
                            let k = b * hidden + j;
                            if cell == Cell::Lstm {
                                let (i, o, f) = (sig(x(j) + hr(j)), sig(x(hidden + j) + hr(hidden + j)), sig(x(2 * hidden + j) + hr(2 * hidden + j)));
                                cn[k] = f * c[k] + i * (x(3 * hidden + j) + hr(3 * hidden + j)).tanh();
                                hn[k] = o * cn[k].tanh();
                            } else {
                                let (z, r) = (sig(x(j) + hr(j)), sig(x(hidden + j) + hr(hidden + j)));
                                let cand = (x(2 * hidden + j) + r * (hr(2 * hidden + j) + extra[j])).tanh();
                                hn[k] = (1.0 - z) * cand + z * h[k];
                            }
                        }
                    }
                    for k in 0..batch * hidden {
                        let at = t * batch * hidden + k;
                        assert!((y[at] - hn[k]).abs() < 1e-12, "{cell:?} reverse={reverse} t={t}: {} vs {}", y[at], hn[k]);
                        if cell == Cell::Lstm {
                            assert!((cs[at] - cn[k]).abs() < 1e-12);
                        }
                    }
                    h = hn;
                    c = cn;
                }
            }
        }
    }

    #[test]
    fn mismatched_sizes_are_errors() {
        let mut y = vec![0.0f32; 6];
        let mut s = vec![0.0f32; 64];
        let r = recurrence(Cell::Gru, false, false, (&[0.0f32; 18], &[2, 1, 9]), (&[0.0f32; 27], &[3, 9]), &[0.0; 3], &[0.0; 2], &mut y, &mut s);
        assert!(r.is_err());
    }
}
