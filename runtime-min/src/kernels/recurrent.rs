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

/// Scratch elements [`recurrence`] needs: one step's gates, the running hidden state (twice:
/// a step split across threads reads one while it writes the other) and the cell state.
pub fn scratch_len(cell: Cell, batch: usize, hidden: usize) -> usize {
    batch * hidden * (cell.gates() + 3)
}

/// Least multiply-adds per step (`hidden x gates * hidden`, batch 1) for which steps are split
/// across threads: an LSTM of 128 units (65536) read its 256 KiB of recurrence weights from
/// L2 in ~2.5 us a step, and a dispatch costs ~0.25 us.
const SPLIT_MIN: usize = 1 << 15;
/// Hidden units per part of a split step: whole vectors.
const UNIT_GRAIN: usize = 16;
/// Most parts of a split step.
const MAX_PARTS: usize = 16;

/// Runs the layer over `xw` (`[seq, batch, gates * hidden]`, the input projection with its
/// biases). `rt` is `[hidden, gates * hidden]` (the recurrence weights transposed), `h0` the
/// initial hidden state `[batch, hidden]`; `extra` is the initial cell state `[batch, hidden]`
/// for an LSTM and the recurrence bias of the `h` gate `[hidden]` for a GRU. Writes
/// `y[t] = h_t` (`[seq, batch, hidden]`), or the cell state `c_t` when `cell_output`; step `t`
/// runs in order `seq-1 .. 0` when `reverse`.
///
/// With batch 1 and several threads, each step is split by hidden units: every part computes
/// its units' columns of `h R^T` for every gate and their gate arithmetic, so each thread reads
/// only its share of the recurrence weights, from its own core's cache. A unit's arithmetic is
/// the same whichever part computes it (as a test checks), so the result does not depend on
/// the thread count.
#[allow(clippy::too_many_arguments)]
pub fn recurrence<T: Float + MatMulElem + Send + Sync>(
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
    let parts = crate::threads::threads();
    recurrence_in_parts(cell, reverse, cell_output, (xw, xw_shape), (rt, rt_shape), h0, extra, y, scratch, parts)
}

/// [`recurrence`] with steps split into at most `parts` parts where it splits them.
#[allow(clippy::too_many_arguments)]
fn recurrence_in_parts<T: Float + MatMulElem + Send + Sync>(
    cell: Cell,
    reverse: bool,
    cell_output: bool,
    (xw, xw_shape): (&[T], &[usize]),
    (rt, rt_shape): (&[T], &[usize]),
    h0: &[T],
    extra: &[T],
    y: &mut [T],
    scratch: &mut [T],
    parts: usize,
) -> Result<(), Error> {
    let ([seq, batch, gh], [hidden, gh2]) = (
        <[usize; 3]>::try_from(xw_shape)
            .map_err(|_| Error::Layout("recurrence: xw must be [seq, batch, gates*hidden]"))?,
        <[usize; 2]>::try_from(rt_shape).map_err(|_| Error::Layout("recurrence: rt must be [hidden, gates*hidden]"))?,
    );
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
    let (c, rest) = rest.split_at_mut(bh);
    let h_next = &mut rest[..bh];
    h.copy_from_slice(h0);
    if cell == Cell::Lstm {
        c.copy_from_slice(extra);
    }
    if batch == 1 {
        // One part, or several: each unit's arithmetic is the same (`step_units`).
        let parts = if hidden * gh >= SPLIT_MIN { parts.min(hidden / UNIT_GRAIN).clamp(1, MAX_PARTS) } else { 1 };
        let layer = Layer { cell, cell_output, rt, extra, hidden };
        return split_steps(&layer, reverse, xw, g, h, h_next, c, y, parts);
    }
    let (hl, rl, gl) =
        (MatLayout::row_major(batch, hidden), MatLayout::row_major(hidden, gh), MatLayout::row_major(batch, gh));
    for step in 0..seq {
        let t = if reverse { seq - 1 - step } else { step };
        let xt = &xw[t * batch * gh..(t + 1) * batch * gh];
        let yt = &mut y[t * bh..(t + 1) * bh];
        match cell {
            Cell::Lstm => {
                // gates = x_t + h R^T
                g.copy_from_slice(xt);
                T::gemm(T::ONE, h, hl, rt, rl, T::ONE, g, gl)?;
                for (((gb, cb), hb), yb) in g
                    .chunks_exact(gh.max(1))
                    .zip(c.chunks_exact_mut(hidden.max(1)))
                    .zip(h.chunks_exact_mut(hidden.max(1)))
                    .zip(yt.chunks_exact_mut(hidden.max(1)))
                {
                    let (gi, rest) = gb.split_at(hidden);
                    let (go, rest) = rest.split_at(hidden);
                    let (gf, gc) = rest.split_at(hidden);
                    lstm_units([gi, go, gf, gc], cb, hb, yb, cell_output);
                }
            }
            Cell::Gru => {
                // g = h R^T for all three gates; the h gate's bias joins before the reset.
                T::gemm(T::ONE, h, hl, rt, rl, T::ZERO, g, gl)?;
                for (((gb, xb), hb), yb) in g
                    .chunks_exact(gh.max(1))
                    .zip(xt.chunks_exact(gh.max(1)))
                    .zip(h.chunks_exact(hidden.max(1)))
                    .zip(yt.chunks_exact_mut(hidden.max(1)))
                {
                    let (gz, rest) = gb.split_at(hidden);
                    let (gr, gn) = rest.split_at(hidden);
                    let (xz, rest) = xb.split_at(hidden);
                    let (xr, xn) = rest.split_at(hidden);
                    gru_units([gz, gr, gn], [xz, xr, xn], extra, hb, yb);
                }
                h.copy_from_slice(yt);
            }
        }
    }
    Ok(())
}

/// What every step of a layer shares.
struct Layer<'a, T> {
    cell: Cell,
    cell_output: bool,
    rt: &'a [T],
    extra: &'a [T],
    hidden: usize,
}

/// One part's share of a split step: its units' gates (gate by gate), cell and next hidden
/// states and outputs.
type PartSlices<'a, T> = (&'a mut [T], &'a mut [T], &'a mut [T], &'a mut [T]);

/// The steps of a batch-1 layer, each split by hidden units into `parts` parts across the
/// thread pool. `h` and `h_next` alternate as the state read and the state written.
#[allow(clippy::too_many_arguments)]
fn split_steps<T: Float + MatMulElem + Send + Sync>(
    layer: &Layer<T>,
    reverse: bool,
    xw: &[T],
    g: &mut [T],
    h: &mut [T],
    h_next: &mut [T],
    c: &mut [T],
    y: &mut [T],
    parts: usize,
) -> Result<(), Error> {
    let (hidden, gates) = (layer.hidden, layer.cell.gates());
    let gh = gates * hidden;
    let seq = xw.len() / gh.max(1);
    let per = hidden.div_ceil(parts).div_ceil(UNIT_GRAIN) * UNIT_GRAIN;
    let parts = hidden.div_ceil(per);
    let failed = std::sync::Mutex::new(None);
    let (mut prev, mut next) = (h, h_next);
    for step in 0..seq {
        let t = if reverse { seq - 1 - step } else { step };
        let xt = &xw[t * gh..(t + 1) * gh];
        let yt = &mut y[t * hidden..(t + 1) * hidden];
        if parts == 1 {
            // On this thread, without the parts' slots (a recurrent step is a few µs).
            step_units(layer, xt, prev, 0, g, c, next, yt)?;
            core::mem::swap(&mut prev, &mut next);
            continue;
        }
        // Each part's slices: units u0 .. u0 + len of the states and output, and its own
        // region of `g` (its units' columns, gate by gate).
        let mut slots: [std::sync::Mutex<PartSlices<T>>; MAX_PARTS] =
            core::array::from_fn(|_| std::sync::Mutex::new((&mut [][..], &mut [][..], &mut [][..], &mut [][..])));
        let (mut gs, mut cs, mut ns, mut ys) = (&mut g[..], &mut c[..], &mut next[..], &mut yt[..]);
        for (p, slot) in slots.iter_mut().enumerate().take(parts) {
            let len = per.min(hidden - p * per);
            let (gp, gr) = core::mem::take(&mut gs).split_at_mut(gates * len);
            let (cp, cr) = core::mem::take(&mut cs).split_at_mut(len);
            let (np, nr) = core::mem::take(&mut ns).split_at_mut(len);
            let (yp, yr) = core::mem::take(&mut ys).split_at_mut(len);
            *slot.get_mut().unwrap_or_else(|e| e.into_inner()) = (gp, cp, np, yp);
            (gs, cs, ns, ys) = (gr, cr, nr, yr);
        }
        let prev_state: &[T] = prev;
        crate::threads::parallel_for(parts, &|p| {
            let Ok(mut slot) = slots[p].lock() else { return };
            let (gp, cp, np, yp) = &mut *slot;
            if let Err(e) = step_units(layer, xt, prev_state, p * per, gp, cp, np, yp) {
                if let Ok(mut f) = failed.lock() {
                    *f = Some(e);
                }
            }
        });
        if let Some(e) = failed.lock().ok().and_then(|mut f| f.take()) {
            return Err(e);
        }
        core::mem::swap(&mut prev, &mut next);
    }
    Ok(())
}

/// Units `u0 .. u0 + len` of one batch-1 step (`len = h_next.len()`): their columns of `h R^T`
/// for every gate into `g` (gate by gate, in one pass over `h`), then their gate arithmetic.
#[allow(clippy::too_many_arguments)]
fn step_units<T: Float + MatMulElem>(
    layer: &Layer<T>,
    xt: &[T],
    h: &[T],
    u0: usize,
    g: &mut [T],
    c: &mut [T],
    h_next: &mut [T],
    y: &mut [T],
) -> Result<(), Error> {
    let (hidden, len, gates) = (layer.hidden, h_next.len(), layer.cell.gates());
    let x = |q: usize| &xt[q * hidden + u0..q * hidden + u0 + len];
    // LSTM: gates = x_t + h R^T; GRU: g = h R^T (the h gate's bias joins before the reset).
    for (q, gq) in g.chunks_exact_mut(len.max(1)).enumerate() {
        if layer.cell == Cell::Lstm {
            gq.copy_from_slice(x(q));
        } else {
            gq.fill(T::ZERO);
        }
    }
    // The units' columns of every gate: q * hidden + u0 .. + len of the transposed weights.
    let starts: [usize; 4] = core::array::from_fn(|q| q * hidden + u0);
    T::matvec_columns(h, layer.rt, gates * hidden, &starts[..gates], len, g)?;
    match layer.cell {
        Cell::Lstm => {
            let (gi, rest) = g.split_at(len);
            let (go, rest) = rest.split_at(len);
            let (gf, gc) = rest.split_at(len);
            lstm_units([gi, go, gf, gc], c, h_next, y, layer.cell_output);
        }
        Cell::Gru => {
            let (gz, rest) = g.split_at(len);
            let (gr, gn) = rest.split_at(len);
            gru_units([gz, gr, gn], [x(0), x(1), x(2)], &layer.extra[u0..u0 + len], &h[u0..u0 + len], y);
            h_next.copy_from_slice(y);
        }
    }
    Ok(())
}

/// An LSTM's gate arithmetic for some units of one batch row: gates `[i, o, f, c~]` (with the
/// input projection added), the cell state `c` updated in place, the new hidden state into
/// `h`, and `y` = `h` (or `c` when `cell_output`). Slices zipped, no index arithmetic, so it
/// vectorises.
fn lstm_units<T: Float>([gi, go, gf, gc]: [&[T]; 4], c: &mut [T], h: &mut [T], y: &mut [T], cell_output: bool) {
    let gates = gi.iter().zip(go).zip(gf).zip(gc);
    for ((((&gi, &go), &gf), &gc), ((cv, hv), yv)) in gates.zip(c.iter_mut().zip(h.iter_mut()).zip(y.iter_mut())) {
        let (i, o, f) = (sigmoid(gi), sigmoid(go), sigmoid(gf));
        let cand = gc.tanh();
        let c_new = f * *cv + i * cand;
        let h_new = o * c_new.tanh();
        *cv = c_new;
        *hv = h_new;
        *yv = if cell_output { c_new } else { h_new };
    }
}

/// A GRU's gate arithmetic (linear_before_reset) for some units of one batch row: `g` the
/// units' `[z, r, h]` columns of `h R^T`, `x` the input projection's, `bias` the `h` gate's
/// recurrence bias, `h` the previous state; the new state into `y`.
fn gru_units<T: Float>([gz, gr, gn]: [&[T]; 3], [xz, xr, xn]: [&[T]; 3], bias: &[T], h: &[T], y: &mut [T]) {
    let gates = gz.iter().zip(gr).zip(gn).zip(xz.iter().zip(xr).zip(xn)).zip(bias);
    for (((((&gz, &gr), &gn), ((&xz, &xr), &xn)), &e), (yv, &hv)) in gates.zip(y.iter_mut().zip(h)) {
        let z = sigmoid(xz + gz);
        let r = sigmoid(xr + gr);
        let lin = gn + e;
        let cand = (xn + r * lin).tanh();
        *yv = cand + z * (hv - cand);
    }
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
        let (seq, hidden) = (4, 3);
        for (cell, batch) in [(Cell::Lstm, 1), (Cell::Lstm, 2), (Cell::Gru, 1), (Cell::Gru, 2)] {
            for reverse in [false, true] {
                let gh = cell.gates() * hidden;
                let (xw, rt, h0) = (values(seq * batch * gh, 1), values(hidden * gh, 2), values(batch * hidden, 3));
                let extra = if cell == Cell::Lstm { values(batch * hidden, 4) } else { values(hidden, 5) };
                let mut y = vec![f64::NAN; seq * batch * hidden];
                let mut cs = vec![f64::NAN; seq * batch * hidden];
                let mut scratch = vec![0.0; scratch_len(cell, batch, hidden)];
                recurrence(
                    cell,
                    reverse,
                    false,
                    (&xw, &[seq, batch, gh]),
                    (&rt, &[hidden, gh]),
                    &h0,
                    &extra,
                    &mut y,
                    &mut scratch,
                )
                .unwrap();
                if cell == Cell::Lstm {
                    recurrence(
                        cell,
                        reverse,
                        true,
                        (&xw, &[seq, batch, gh]),
                        (&rt, &[hidden, gh]),
                        &h0,
                        &extra,
                        &mut cs,
                        &mut scratch,
                    )
                    .unwrap();
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
                                let (i, o, f) = (
                                    sig(x(j) + hr(j)),
                                    sig(x(hidden + j) + hr(hidden + j)),
                                    sig(x(2 * hidden + j) + hr(2 * hidden + j)),
                                );
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
                        assert!(
                            (y[at] - hn[k]).abs() < 1e-12,
                            "{cell:?} batch={batch} reverse={reverse} t={t}: {} vs {}",
                            y[at],
                            hn[k]
                        );
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
    fn steps_split_by_units_equal_whole_steps_bit_for_bit() {
        // Batch 1, 144 units (parts of 48 + 48 + 48, or 80 + 64): every split gives exactly
        // the unsplit result, h and c, LSTM and GRU, both directions, on the pool's threads.
        let _threads = crate::threads::limit_threads(2);
        let (seq, hidden) = (5, 144);
        for cell in [Cell::Lstm, Cell::Gru] {
            let gh = cell.gates() * hidden;
            let to_f32 = |v: Vec<f64>| v.into_iter().map(|x| x as f32).collect::<Vec<f32>>();
            let (xw, rt, h0) = (to_f32(values(seq * gh, 1)), to_f32(values(hidden * gh, 2)), to_f32(values(hidden, 3)));
            let extra = to_f32(values(hidden, 4));
            for reverse in [false, true] {
                for cell_output in [false, true].into_iter().filter(|&o| !o || cell == Cell::Lstm) {
                    let run = |parts: usize| {
                        let mut y = vec![f32::NAN; seq * hidden];
                        let mut scratch = vec![f32::NAN; scratch_len(cell, 1, hidden)];
                        recurrence_in_parts(
                            cell,
                            reverse,
                            cell_output,
                            (&xw, &[seq, 1, gh]),
                            (&rt, &[hidden, gh]),
                            &h0,
                            &extra,
                            &mut y,
                            &mut scratch,
                            parts,
                        )
                        .unwrap();
                        y
                    };
                    let whole = run(1);
                    assert!(whole.iter().all(|v| v.is_finite()));
                    for parts in [2, 3] {
                        let split = run(parts);
                        let same = whole.iter().zip(&split).all(|(a, b)| a.to_bits() == b.to_bits());
                        assert!(same, "{cell:?} reverse={reverse} cell_output={cell_output} parts={parts}");
                    }
                }
            }
        }
    }

    #[test]
    fn mismatched_sizes_are_errors() {
        let mut y = vec![0.0f32; 6];
        let mut s = vec![0.0f32; 64];
        let r = recurrence(
            Cell::Gru,
            false,
            false,
            (&[0.0f32; 18], &[2, 1, 9]),
            (&[0.0f32; 27], &[3, 9]),
            &[0.0; 3],
            &[0.0; 2],
            &mut y,
            &mut s,
        );
        assert!(r.is_err());
    }
}
