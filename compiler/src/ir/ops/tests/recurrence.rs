//! Tests: recurrence.

use super::*;

fn lstm_inputs() -> [Tensor; 4] {
    // One step, batch 1, hidden 1, zero pre-activations: i = o = f = 1/2, c~ = 0.
    [f32s(&[1, 1, 4], &[0.; 4]), f32s(&[1, 4], &[0.; 4]), f32s(&[1, 1], &[0.]), f32s(&[1, 1], &[2.])]
}

#[test]
fn lstm_step_forgets_half_the_cell_state() {
    // c' = f c + i c~ = 1/2 * 2 = 1; h' = o tanh(c') = tanh(1) / 2.
    let op = Op::Recurrence { cell: RecurrentCell::Lstm, reverse: false, cell_output: false };
    assert_close(as_f32(&run_ok(&op, &lstm_inputs())), &[1f32.tanh() / 2.]);
    let op = Op::Recurrence { cell: RecurrentCell::Lstm, reverse: false, cell_output: true };
    assert_close(as_f32(&run_ok(&op, &lstm_inputs())), &[1.]);
}

#[test]
fn gru_step_with_linear_before_reset() {
    // h = 1, zero weights and projections, Rb_h = 2: z = r = 1/2, h~ = tanh(0 + 1/2 * 2) = tanh 1,
    // h' = h~ + z (h - h~) = (tanh 1 + 1) / 2.
    let op = Op::Recurrence { cell: RecurrentCell::Gru, reverse: false, cell_output: false };
    let inputs = [f32s(&[1, 1, 3], &[0.; 3]), f32s(&[1, 3], &[0.; 3]), f32s(&[1, 1], &[1.]), f32s(&[1], &[2.])];
    assert_close(as_f32(&run_ok(&op, &inputs)), &[(1f32.tanh() + 1.) / 2.]);
}

#[test]
fn reverse_recurrence_runs_the_last_step_first() {
    // A GRU over two steps, only step 0 with input: pre-activations z = r = 0 (gates 1/2) and
    // h = a_t; with h0 = 0 and zero weights, h_t = tanh(a_t) / 2 + h_prev / 2.
    let op = |reverse| Op::Recurrence { cell: RecurrentCell::Gru, reverse, cell_output: false };
    let xw = f32s(&[2, 1, 3], &[0., 0., 1., 0., 0., 0.]);
    let inputs = [xw, f32s(&[1, 3], &[0.; 3]), f32s(&[1, 1], &[0.]), f32s(&[1], &[0.])];
    let t = 1f32.tanh();
    // Forward: h_0 = tanh(1)/2, h_1 = h_0 / 2.
    assert_close(as_f32(&run_ok(&op(false), &inputs)), &[t / 2., t / 4.]);
    // Reverse: step 1 first: h = 0; then step 0: tanh(1)/2. y keeps the time order.
    assert_close(as_f32(&run_ok(&op(true), &inputs)), &[t / 2., 0.]);
}

#[test]
fn recurrence_refuses_gate_count_and_state_mismatches() {
    let op = Op::Recurrence { cell: RecurrentCell::Lstm, reverse: false, cell_output: false };
    let ok = [ty(DType::F32, &[5, 2, 12]), ty(DType::F32, &[3, 12]), ty(DType::F32, &[2, 3]), ty(DType::F32, &[2, 3])];
    assert_eq!(infer_of(&op, &ok).unwrap(), vec![ty(DType::F32, &[5, 2, 3])]);
    // A GRU has 3 gates, so 12 columns do not fit hidden 3.
    let gru = Op::Recurrence { cell: RecurrentCell::Gru, reverse: false, cell_output: false };
    assert!(infer_of(&gru, &[ok[0].clone(), ok[1].clone(), ok[2].clone(), ty(DType::F32, &[3])]).is_err());
    // The LSTM's cell state must be [batch, hidden].
    assert!(infer_of(&op, &[ok[0].clone(), ok[1].clone(), ok[2].clone(), ty(DType::F32, &[3])]).is_err());
    let ints = ok.clone().map(|t| TensorType::new(DType::I32, t.shape));
    assert!(infer_of(&op, &ints).is_err());
}
