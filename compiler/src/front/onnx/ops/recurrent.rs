//! RNN, GRU and LSTM (opsets 7-22): <https://onnx.ai/onnx/operators/onnx__LSTM.html>
//!
//! The input projection of all steps is one MatMul. The configurations PyTorch exports (LSTM,
//! GRU with linear_before_reset; default activations; no clip, peepholes or sequence_lens) then
//! run as one core `Recurrence` op per direction, whose kernel loops over the steps. Everything
//! else is unrolled over the (static) sequence: each step is a MatMul with the recurrence
//! weights and the gate arithmetic. Directions forward, reverse and bidirectional; layout 0
//! and 1; biases, initial states, peepholes, clip, linear_before_reset (GRU), activations with
//! their alpha/beta, and sequence_lens (steps past a batch entry's length keep its state and
//! output zeros). LSTM's input_forget is not supported.
//!
//! com.microsoft `DynamicQuantizeLSTM` (ONNX Runtime's dynamic quantizer writes it for every
//! LSTM): the LSTM's inputs, then `W_scale, W_zero_point, R_scale, R_zero_point`; W and R are
//! 8-bit, stored `[directions, input, 4 * hidden]` (not transposed), with scales and zero points
//! per direction or per direction and column. As ONNX Runtime computes it, each product
//! quantizes its left side to uint8 from its range (the whole input sequence once, the hidden
//! state at every step: `DynamicQuantizeLinear`) and multiplies integers; it runs unrolled.

use super::{quantize, Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, Dim, MathFn, Op, RecurrentCell, UnaryOp, ValueId};

/// One direction's input or recurrence weights, laid out `[in, gates * hidden]`.
#[derive(Clone, Copy)]
enum Weights {
    Float(ValueId),
    /// 8-bit weights with their scale and zero point (a scalar or one per column).
    Quantized {
        w: ValueId,
        scale: ValueId,
        zero_point: Option<ValueId>,
    },
}

#[derive(Clone, Copy, PartialEq)]
enum Cell {
    Rnn,
    Gru,
    Lstm,
}

impl Cell {
    fn gates(self) -> usize {
        match self {
            Cell::Rnn => 1,
            Cell::Gru => 3,
            Cell::Lstm => 4,
        }
    }
    fn default_activations(self) -> &'static [&'static str] {
        match self {
            Cell::Rnn => &["Tanh"],
            Cell::Gru => &["Sigmoid", "Tanh"],
            Cell::Lstm => &["Sigmoid", "Tanh", "Tanh"],
        }
    }
}

/// An activation named by the `activations` attribute.
#[derive(Clone, Copy)]
enum Act {
    Unary(UnaryOp),
    /// `alpha * tanh(beta * x)`.
    ScaledTanh(f32, f32),
    /// `alpha * x + beta`.
    Affine(f32, f32),
}

fn activations(n: &NodeIn, cell: Cell, dirs: usize) -> Result<Vec<Act>, NodeError> {
    let names: Vec<String> = match n.attrs.strings("activations") {
        Some(a) => a,
        None => (0..dirs).flat_map(|_| cell.default_activations().iter().map(|s| s.to_string())).collect(),
    };
    let (alphas, betas) =
        (n.attrs.floats("activation_alpha").unwrap_or_default(), n.attrs.floats("activation_beta").unwrap_or_default());
    let (mut ai, mut bi) = (0, 0);
    let next = |v: &[f32], i: &mut usize, default: f32| {
        let x = v.get(*i).copied().unwrap_or(default);
        *i += 1;
        x
    };
    names
        .iter()
        .map(|name| {
            Ok(match name.to_ascii_lowercase().as_str() {
                "sigmoid" => Act::Unary(UnaryOp::Math(MathFn::Sigmoid)),
                "tanh" => Act::Unary(UnaryOp::Math(MathFn::Tanh)),
                "relu" => Act::Unary(UnaryOp::Relu),
                "softsign" => Act::Unary(UnaryOp::Math(MathFn::Softsign)),
                "softplus" => Act::Unary(UnaryOp::Math(MathFn::Softplus)),
                "leakyrelu" => Act::Unary(UnaryOp::Math(MathFn::LeakyRelu { alpha: next(&alphas, &mut ai, 0.01) })),
                "thresholdedrelu" => {
                    Act::Unary(UnaryOp::Math(MathFn::ThresholdedRelu { alpha: next(&alphas, &mut ai, 1.0) }))
                }
                "elu" => Act::Unary(UnaryOp::Math(MathFn::Elu { alpha: next(&alphas, &mut ai, 1.0) })),
                "hardsigmoid" => {
                    let alpha = next(&alphas, &mut ai, 0.2);
                    Act::Unary(UnaryOp::Math(MathFn::HardSigmoid { alpha, beta: next(&betas, &mut bi, 0.5) }))
                }
                "scaledtanh" => Act::ScaledTanh(next(&alphas, &mut ai, 1.0), next(&betas, &mut bi, 1.0)),
                "affine" => Act::Affine(next(&alphas, &mut ai, 1.0), next(&betas, &mut bi, 0.0)),
                other => return Err(NodeError::Unsupported(format!("activation {other}"))),
            })
        })
        .collect()
}

/// The unrolling state shared by the helpers.
struct Unroll<'a, 'g> {
    ctx: &'a mut Ctx<'g>,
    name: String,
    counter: usize,
    dtype: DType,
}

impl Unroll<'_, '_> {
    fn fresh(&mut self, what: &str) -> String {
        self.counter += 1;
        format!("{}/{what}{}", self.name, self.counter)
    }
    fn op(&mut self, what: &str, op: Op, inputs: Vec<ValueId>) -> Result<ValueId, NodeError> {
        let name = self.fresh(what);
        self.ctx.node(&name, op, inputs)
    }
    fn bin(&mut self, op: BinaryOp, a: ValueId, b: ValueId) -> Result<ValueId, NodeError> {
        self.op("t", Op::Binary(op), vec![a, b])
    }
    fn scalar(&mut self, v: f64) -> ValueId {
        self.ctx.scalar(self.dtype, v)
    }
    fn act(&mut self, a: Act, x: ValueId) -> Result<ValueId, NodeError> {
        match a {
            Act::Unary(u) => self.op("act", Op::Unary(u), vec![x]),
            Act::ScaledTanh(alpha, beta) => {
                let b = self.scalar(beta as f64);
                let t = self.bin(BinaryOp::Mul, x, b)?;
                let t = self.op("tanh", Op::Unary(UnaryOp::Math(MathFn::Tanh)), vec![t])?;
                let a = self.scalar(alpha as f64);
                self.bin(BinaryOp::Mul, t, a)
            }
            Act::Affine(alpha, beta) => {
                let a = self.scalar(alpha as f64);
                let t = self.bin(BinaryOp::Mul, x, a)?;
                let b = self.scalar(beta as f64);
                self.bin(BinaryOp::Add, t, b)
            }
        }
    }
    /// `x[.., start..start+len]` on the last axis.
    fn cols(&mut self, x: ValueId, start: usize, len: usize) -> Result<ValueId, NodeError> {
        let (name, last) = (self.fresh("cols"), self.ctx.rank(x).saturating_sub(1));
        self.ctx.slice_axis(&name, x, last, start, 1, len)
    }
    /// The last step's entry of `all` (`[seq, batch, hidden]`, the first in reverse) as
    /// `[1, batch, hidden]`: a slice where the sizes are fixed, else a Gather (at `seq - 1`
    /// read from the shape at run time where `seq` is symbolic).
    fn last_step(&mut self, all: ValueId, reverse: bool, part: &str) -> Result<ValueId, NodeError> {
        let shape = self.ctx.shape(all);
        let seq = shape.first().cloned().unwrap_or_else(|| Dim::fixed(1));
        if let (Some(n), true) = (seq.as_fixed(), shape.iter().all(Dim::is_fixed)) {
            let state = shape.iter().enumerate().map(|(i, d)| if i == 0 { Dim::fixed(1) } else { d.clone() }).collect();
            let row = self.take(all, if reverse { 0 } else { n.saturating_sub(1) })?;
            return self.op(part, Op::Reshape { shape: state }, vec![row]);
        }
        let index = match (seq.as_fixed(), reverse) {
            (_, true) => self.ctx.constant(crate::ir::Tensor::vec_i64(vec![0])),
            (Some(n), false) => self.ctx.constant(crate::ir::Tensor::vec_i64(vec![n as i64 - 1])),
            (None, false) => {
                let len = self.op("seq_len", Op::Shape { start: 0, end: 1 }, vec![all])?;
                let one = self.ctx.constant(crate::ir::Tensor::vec_i64(vec![1]));
                self.op("last_index", Op::Binary(BinaryOp::Sub), vec![len, one])?
            }
        };
        self.op(part, Op::Gather { axis: 0 }, vec![all, index])
    }
    /// Entry `i` of axis 0, without that axis.
    fn take(&mut self, x: ValueId, i: usize) -> Result<ValueId, NodeError> {
        let dims = self.ctx.dims(x)?;
        let name = self.fresh("take");
        let s = self.ctx.slice_axis(&name, x, 0, i, 1, 1)?;
        self.op("drop", Op::Reshape { shape: crate::ir::fixed_dims(&dims[1..]) }, vec![s])
    }
    /// `a @ w`: a float MatMul, or ONNX Runtime's dynamically quantized product.
    fn product(&mut self, n: &NodeIn, a: ValueId, w: Weights) -> Result<ValueId, NodeError> {
        match w {
            Weights::Float(w) => self.op("mm", Op::MatMul, vec![a, w]),
            Weights::Quantized { w, scale, zero_point } => {
                let name = self.fresh("quantized");
                let [q, q_scale, q_zero_point] = quantize::quantize_dynamically(self.ctx, n, &name, a)?;
                let name = self.fresh("qmm");
                let mm = NodeIn { name: &name, ..n.as_op("MatMulIntegerToFloat", 1, vec![], 1) };
                let y = quantize::integer_matmul_to_float(
                    self.ctx,
                    &mm,
                    q,
                    w,
                    q_scale,
                    scale,
                    Some(q_zero_point),
                    zero_point,
                    None,
                )?;
                Ok(y[0])
            }
        }
    }
    /// Direction `d` of the weights at input `k` (and, quantized, of their scale and zero point
    /// at inputs `scale` and `scale + 1`).
    fn weights(&mut self, n: &NodeIn, k: usize, d: usize, scale: Option<usize>) -> Result<Weights, NodeError> {
        let wd = self.take(n.input(k)?, d)?;
        let Some(s) = scale else {
            let what = if k == 1 { "w_t" } else { "r_t" };
            return Ok(Weights::Float(self.op(what, Op::Transpose { perm: vec![1, 0] }, vec![wd])?));
        };
        let scale = self.take(n.input(s)?, d)?;
        let zero_point = match n.opt(s + 1) {
            Some(z) => Some(self.take(z, d)?),
            None => None,
        };
        Ok(Weights::Quantized { w: wd, scale, zero_point })
    }
    fn clip(&mut self, x: ValueId, clip: Option<f32>) -> Result<ValueId, NodeError> {
        match clip {
            Some(c) => self.op("clip", Op::Unary(UnaryOp::Clip { min: Some(-c), max: Some(c) }), vec![x]),
            None => Ok(x),
        }
    }
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let cell = match n.op_type {
        "RNN" => Cell::Rnn,
        "GRU" => Cell::Gru,
        _ => Cell::Lstm,
    };
    // DynamicQuantizeLSTM: the scales and zero points of W (inputs 8, 9) and R (10, 11).
    let quantized = n.op_type == "DynamicQuantizeLSTM";
    let (w_scale, r_scale) = if quantized { (Some(8), Some(10)) } else { (None, None) };
    if n.attrs.int_or("input_forget", 0) != 0 {
        return Err(NodeError::Unsupported("LSTM input_forget".into()));
    }
    let (x, r) = (n.input(0)?, n.input(2)?);
    let dtype = ctx.dtype(x);
    if !matches!(dtype, DType::F32 | DType::F64) {
        return Err(NodeError::Unsupported(format!("{} of {dtype}", n.op_type)));
    }
    let batchwise = n.attrs.int_or("layout", 0) != 0;
    let dirs_attr = n.attrs.string("direction").unwrap_or_else(|| "forward".into());
    let directions: Vec<bool> = match dirs_attr.as_str() {
        "forward" => vec![false],
        "reverse" => vec![true],
        "bidirectional" => vec![false, true],
        other => return Err(NodeError::Invalid(format!("direction \"{other}\""))),
    };
    let acts = activations(n, cell, directions.len())?;
    let per_dir = cell.default_activations().len();
    if acts.len() != per_dir * directions.len() {
        return Err(NodeError::Invalid(format!("{} activations for {} direction(s)", acts.len(), directions.len())));
    }
    let clip = n.attrs.float("clip").filter(|&c| c > 0.0);
    let linear_before_reset = n.attrs.int_or("linear_before_reset", 0) != 0;
    let g = cell.gates();

    let mut u = Unroll { ctx, name: n.name.to_string(), counter: 0, dtype };
    let x = if batchwise { u.op("x_sbi", Op::Transpose { perm: vec![1, 0, 2] }, vec![x])? } else { x };
    let (xd, rd) = (u.ctx.shape(x), u.ctx.dims(r)?);
    let ([seq_dim, batch_dim, _], &[_, r1, r2]) = (xd.as_slice(), rd.as_slice()) else {
        return Err(NodeError::Invalid(format!("X {} and R {rd:?} must both have rank 3", u.ctx.ty(x))));
    };
    let (seq_dim, batch_dim) = (seq_dim.clone(), batch_dim.clone());
    // A symbolic sequence (a text line's width after its convolutions) or batch runs through
    // the one-op path only; unrolling needs them fixed.
    let fixed = seq_dim.as_fixed().zip(batch_dim.as_fixed());
    let (seq, batch) = fixed.unwrap_or((0, 0));
    // R is [dirs, gates * hidden, hidden], or [dirs, hidden, gates * hidden] quantized.
    let hidden = if quantized { r1 } else { r2 };
    if (if quantized { r2 } else { r1 }) != g * hidden {
        return Err(NodeError::Invalid(format!("R {rd:?} does not hold {g} gates of size {hidden}")));
    }
    let state = |u: &mut Unroll, input: Option<ValueId>, d: usize| -> Result<ValueId, NodeError> {
        match input {
            Some(v) => {
                let v = if batchwise { u.op("state_dbh", Op::Transpose { perm: vec![1, 0, 2] }, vec![v])? } else { v };
                u.take(v, d)
            }
            None => {
                let z = u.scalar(0.0);
                u.op("zeros", Op::Expand { shape: vec![batch_dim.clone(), Dim::fixed(hidden)] }, vec![z])
            }
        }
    };
    let lens = match n.opt(4) {
        Some(l) => {
            let l = u.ctx.cast(&format!("{}/lens", n.name), l, DType::I64)?;
            Some(u.op("lens_b1", Op::Reshape { shape: vec![batch_dim.clone(), Dim::fixed(1)] }, vec![l])?)
        }
        None => None,
    };

    // The configurations PyTorch exports (default activations, no clip, peepholes or
    // sequence lengths; GRU with linear_before_reset) run as one core op per direction.
    let default_acts = n.attrs.strings("activations").is_none_or(|names| {
        names.iter().zip(cell.default_activations().iter().cycle()).all(|(a, b)| a.eq_ignore_ascii_case(b))
    });
    let fast = match cell {
        Cell::Lstm if n.opt(7).is_none() => Some(RecurrentCell::Lstm),
        Cell::Gru if linear_before_reset => Some(RecurrentCell::Gru),
        _ => None,
    }
    .filter(|_| default_acts && clip.is_none() && lens.is_none() && seq_dim.as_fixed() != Some(0) && !quantized);
    let (mut ys, mut hs, mut cs) = (Vec::new(), Vec::new(), Vec::new());
    for (d, &reverse) in directions.iter().enumerate() {
        let act = &acts[d * per_dir..(d + 1) * per_dir];
        let wt = u.weights(n, 1, d, w_scale)?;
        let rw = u.weights(n, 2, d, r_scale)?;
        // Input projection of every step at once: [seq, batch, g*H].
        let mut xw = u.product(n, x, wt)?;
        let mut rb_h = None;
        if let Some(b) = n.opt(3) {
            let bd = u.take(b, d)?;
            let (wbias, rbias) = (u.cols(bd, 0, g * hidden)?, u.cols(bd, g * hidden, g * hidden)?);
            if cell == Cell::Gru && linear_before_reset {
                // The h gate's recurrence bias sits inside the reset product.
                xw = u.bin(BinaryOp::Add, xw, wbias)?;
                let rzr = u.cols(rbias, 0, 2 * hidden)?;
                let zeros = u.scalar(0.0);
                let pad = u.op("zeros", Op::Expand { shape: crate::ir::fixed_dims(vec![hidden]) }, vec![zeros])?;
                let rb = u.op("rb_zr", Op::Concat { axis: 0 }, vec![rzr, pad])?;
                xw = u.bin(BinaryOp::Add, xw, rb)?;
                rb_h = Some(u.cols(rbias, 2 * hidden, hidden)?);
            } else {
                let both = u.bin(BinaryOp::Add, wbias, rbias)?;
                xw = u.bin(BinaryOp::Add, xw, both)?;
            }
        }
        let peep = match n.opt(7).filter(|_| cell == Cell::Lstm) {
            Some(p) => {
                let pd = u.take(p, d)?;
                Some((u.cols(pd, 0, hidden)?, u.cols(pd, hidden, hidden)?, u.cols(pd, 2 * hidden, hidden)?))
            }
            None => None,
        };
        let mut h = state(&mut u, n.opt(5), d)?;
        let mut c = if cell == Cell::Lstm { Some(state(&mut u, n.opt(6), d)?) } else { None };
        if let (Some(fast), Weights::Float(rt)) = (fast, rw) {
            // One core op for the whole sequence (and a second for the cell states, which
            // dead-code elimination drops when Y_c is not read).
            let extra = match (fast, c, rb_h) {
                (RecurrentCell::Lstm, Some(c0), _) => c0,
                (_, _, Some(b)) => b,
                _ => {
                    let z = u.scalar(0.0);
                    u.op("zeros", Op::Expand { shape: crate::ir::fixed_dims(vec![hidden]) }, vec![z])?
                }
            };
            let layer = |cell_output| Op::Recurrence { cell: fast, reverse, cell_output };
            let all_h = u.op("seq", layer(false), vec![xw, rt, h, extra])?;
            let y_shape = vec![seq_dim.clone(), Dim::fixed(1), batch_dim.clone(), Dim::fixed(hidden)];
            ys.push(u.op("y_dir", Op::Reshape { shape: y_shape }, vec![all_h])?);
            // The last step's states, [1, batch, hidden]: the first row in reverse.
            hs.push(u.last_step(all_h, reverse, "h_dir")?);
            if fast == RecurrentCell::Lstm {
                let all_c = u.op("cells", layer(true), vec![xw, rt, h, extra])?;
                cs.push(u.last_step(all_c, reverse, "c_dir")?);
            }
            continue;
        }
        if fixed.is_none() {
            return Err(NodeError::Unsupported(format!(
                "{} over the symbolic shape {} with activations, clip, peepholes, sequence lengths or quantized weights (fix the dims with --dim)",
                n.op_type,
                u.ctx.ty(x)
            )));
        }
        let mut step_out = vec![None; seq];
        for step in 0..seq {
            u.ctx.check_budget()?;
            let t = if reverse { seq - 1 - step } else { step };
            let xt = u.take(xw, t)?;
            let (h_new, c_new) = match cell {
                Cell::Rnn => {
                    let hr = u.product(n, h, rw)?;
                    let pre = u.bin(BinaryOp::Add, xt, hr)?;
                    let pre = u.clip(pre, clip)?;
                    (u.act(act[0], pre)?, None)
                }
                Cell::Gru => {
                    let Weights::Float(rt) = rw else { return Err("a quantized GRU".into()) };
                    let (xz, xr, xh) =
                        (u.cols(xt, 0, hidden)?, u.cols(xt, hidden, hidden)?, u.cols(xt, 2 * hidden, hidden)?);
                    let (rz, rr, rh) =
                        (u.cols(rt, 0, hidden)?, u.cols(rt, hidden, hidden)?, u.cols(rt, 2 * hidden, hidden)?);
                    let hz = u.op("hz", Op::MatMul, vec![h, rz])?;
                    let z = u.bin(BinaryOp::Add, xz, hz)?;
                    let z = u.clip(z, clip)?;
                    let z = u.act(act[0], z)?;
                    let hrr = u.op("hr", Op::MatMul, vec![h, rr])?;
                    let rg = u.bin(BinaryOp::Add, xr, hrr)?;
                    let rg = u.clip(rg, clip)?;
                    let rg = u.act(act[0], rg)?;
                    let hh = if linear_before_reset {
                        let mut lin = u.op("hh", Op::MatMul, vec![h, rh])?;
                        if let Some(b) = rb_h {
                            lin = u.bin(BinaryOp::Add, lin, b)?;
                        }
                        u.bin(BinaryOp::Mul, rg, lin)?
                    } else {
                        let rh_in = u.bin(BinaryOp::Mul, rg, h)?;
                        u.op("hh", Op::MatMul, vec![rh_in, rh])?
                    };
                    let pre = u.bin(BinaryOp::Add, xh, hh)?;
                    let pre = u.clip(pre, clip)?;
                    let cand = u.act(act[1], pre)?;
                    // (1 - z) * cand + z * h = cand + z * (h - cand)
                    let diff = u.bin(BinaryOp::Sub, h, cand)?;
                    let zd = u.bin(BinaryOp::Mul, z, diff)?;
                    (u.bin(BinaryOp::Add, cand, zd)?, None)
                }
                Cell::Lstm => {
                    let c_prev = c.ok_or("LSTM without a cell state")?;
                    let hr = u.product(n, h, rw)?;
                    let gates = u.bin(BinaryOp::Add, xt, hr)?;
                    let (gi, go, gf, gc) = (
                        u.cols(gates, 0, hidden)?,
                        u.cols(gates, hidden, hidden)?,
                        u.cols(gates, 2 * hidden, hidden)?,
                        u.cols(gates, 3 * hidden, hidden)?,
                    );
                    let (mut gi, mut gf) = (gi, gf);
                    if let Some((pi, _, pf)) = peep {
                        let a = u.bin(BinaryOp::Mul, pi, c_prev)?;
                        gi = u.bin(BinaryOp::Add, gi, a)?;
                        let b = u.bin(BinaryOp::Mul, pf, c_prev)?;
                        gf = u.bin(BinaryOp::Add, gf, b)?;
                    }
                    let gi = u.clip(gi, clip)?;
                    let i = u.act(act[0], gi)?;
                    let gf = u.clip(gf, clip)?;
                    let f = u.act(act[0], gf)?;
                    let gc = u.clip(gc, clip)?;
                    let cand = u.act(act[1], gc)?;
                    let keep = u.bin(BinaryOp::Mul, f, c_prev)?;
                    let add = u.bin(BinaryOp::Mul, i, cand)?;
                    let c_new = u.bin(BinaryOp::Add, keep, add)?;
                    let mut go = go;
                    if let Some((_, po, _)) = peep {
                        let a = u.bin(BinaryOp::Mul, po, c_new)?;
                        go = u.bin(BinaryOp::Add, go, a)?;
                    }
                    let go = u.clip(go, clip)?;
                    let o = u.act(act[0], go)?;
                    let hc = u.act(act[2], c_new)?;
                    (u.bin(BinaryOp::Mul, o, hc)?, Some(c_new))
                }
            };
            // Past a batch entry's length: keep the state, output zeros.
            let (h_next, y_t) = match lens {
                Some(l) => {
                    let tc = u.ctx.scalar(DType::I64, t as f64);
                    let live = u.bin(BinaryOp::Less, tc, l)?;
                    let zero = u.scalar(0.0);
                    let y = u.op("y_live", Op::Where, vec![live, h_new, zero])?;
                    if let (Some(cn), Some(cp)) = (c_new, c) {
                        c = Some(u.op("c_live", Op::Where, vec![live, cn, cp])?);
                    }
                    (u.op("h_live", Op::Where, vec![live, h_new, h])?, y)
                }
                None => {
                    if c_new.is_some() {
                        c = c_new;
                    }
                    (h_new, h_new)
                }
            };
            h = h_next;
            step_out[t] = Some(u.op(
                "y_t",
                Op::Reshape { shape: crate::ir::fixed_dims(vec![1, 1, batch, hidden]) },
                vec![y_t],
            )?);
        }
        let steps: Vec<ValueId> = step_out.into_iter().map(|s| s.ok_or("missing step")).collect::<Result<_, _>>()?;
        ys.push(if steps.len() == 1 { steps[0] } else { u.op("y_dir", Op::Concat { axis: 0 }, steps)? });
        hs.push(u.op("h_dir", Op::Reshape { shape: crate::ir::fixed_dims(vec![1, batch, hidden]) }, vec![h])?);
        if let Some(c) = c {
            cs.push(u.op("c_dir", Op::Reshape { shape: crate::ir::fixed_dims(vec![1, batch, hidden]) }, vec![c])?);
        }
    }
    let join = |u: &mut Unroll, parts: Vec<ValueId>, axis: usize| {
        if parts.len() == 1 {
            Ok(parts[0])
        } else {
            u.op("join", Op::Concat { axis }, parts)
        }
    };
    let mut y = join(&mut u, ys, 1)?;
    let mut yh = join(&mut u, hs, 0)?;
    let mut yc = if cs.is_empty() { None } else { Some(join(&mut u, cs, 0)?) };
    if batchwise {
        y = u.op("y_batchwise", Op::Transpose { perm: vec![2, 0, 1, 3] }, vec![y])?;
        yh = u.op("h_batchwise", Op::Transpose { perm: vec![1, 0, 2] }, vec![yh])?;
        if let Some(c) = yc {
            yc = Some(u.op("c_batchwise", Op::Transpose { perm: vec![1, 0, 2] }, vec![c])?);
        }
    }
    let mut outs = vec![y, yh];
    outs.extend(yc);
    Ok(outs)
}
