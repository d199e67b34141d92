//! Tests: attention.

use super::*;

#[test]
fn attention_weights_values_by_softmax_of_scores() {
    // One head of width 1: q = 1, keys [0, ln 2] -> weights [1/3, 2/3]; values [3, 6] -> 5.
    let op = Op::Attention { heads: 1, head_dim: 1, offsets: [0, 0, 0], score: FusedExpr::Input(0) };
    let q = f32s(&[1, 1, 1], &[1.]);
    let k = f32s(&[1, 2, 1], &[0., std::f32::consts::LN_2]);
    let v = f32s(&[1, 2, 1], &[3., 6.]);
    let y = run_ok(&op, &[q, k, v]);
    assert_eq!(y.shape, vec![1, 1, 1]);
    assert_close(as_f32(&y), &[5.]);
}

#[test]
fn attention_score_expression_adds_a_mask() {
    // Scores [0, 0] plus mask [0, -inf]: all weight on the first value.
    let score = FusedExpr::Binary(BinaryOp::Add, Box::new(FusedExpr::Input(0)), Box::new(FusedExpr::Input(1)));
    let op = Op::Attention { heads: 1, head_dim: 1, offsets: [0, 0, 0], score };
    let q = f32s(&[1, 1, 1], &[0.]);
    let k = f32s(&[1, 2, 1], &[1., 1.]);
    let v = f32s(&[1, 2, 1], &[3., 6.]);
    let mask = f32s(&[1, 1, 1, 2], &[0., f32::NEG_INFINITY]);
    assert_close(as_f32(&run_ok(&op, &[q, k, v, mask])), &[3.]);
}

#[test]
fn attention_reads_heads_at_column_offsets() {
    // Packed rows [q | k | v] of width 3, one head of width 1 at offsets 0, 1, 2. One key: the
    // softmax over one key is 1, so y is v.
    let op = Op::Attention { heads: 1, head_dim: 1, offsets: [0, 1, 2], score: FusedExpr::Input(0) };
    let qkv = f32s(&[1, 1, 3], &[0.3, 0.7, 42.]);
    let y = run_ok(&op, &[qkv.clone(), qkv.clone(), qkv]);
    assert_close(as_f32(&y), &[42.]);
}

#[test]
fn attention_infers_merged_heads_and_refuses_heads_past_the_rows() {
    let op = Op::Attention { heads: 2, head_dim: 4, offsets: [0, 0, 0], score: FusedExpr::Input(0) };
    let (q, kv) = (ty(DType::F32, &[2, 5, 8]), ty(DType::F32, &[2, 7, 8]));
    assert_eq!(infer_of(&op, &[q.clone(), kv.clone(), kv.clone()]).unwrap(), vec![ty(DType::F32, &[2, 5, 8])]);
    let shifted = Op::Attention { heads: 2, head_dim: 4, offsets: [1, 0, 0], score: FusedExpr::Input(0) };
    assert!(infer_of(&shifted, &[q.clone(), kv.clone(), kv.clone()]).is_err());
    // Values of another key length.
    assert!(infer_of(&op, &[q.clone(), kv, ty(DType::F32, &[2, 6, 8])]).is_err());
    assert!(infer_of(&op, &[q.clone(), q]).is_err());
}
