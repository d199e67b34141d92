//! Tests: pool.

use super::*;

#[test]
fn pool_output_comes_from_the_op() {
    let op = Op::Pool {
        kind: PoolKind::Max,
        window: window(&[2, 2], &[2, 2], &[1, 1, 1, 1]),
        output: crate::ir::fixed_dims([2, 2]),
    };
    assert_eq!(infer_of(&op, &[ty(DType::F32, &[1, 3, 3, 3])]).unwrap(), vec![ty(DType::F32, &[1, 3, 2, 2])]);
}

#[test]
fn pool_refuses_rank_mismatch_and_integer_average() {
    let max = Op::Pool {
        kind: PoolKind::Max,
        window: window(&[2, 2], &[1, 1], &[0; 4]),
        output: crate::ir::fixed_dims([2, 2]),
    };
    assert!(infer_of(&max, &[ty(DType::F32, &[1, 1, 3])]).is_err());
    let avg = Op::Pool {
        kind: PoolKind::Avg { count_include_pad: false },
        window: window(&[2, 2], &[1, 1], &[0; 4]),
        output: crate::ir::fixed_dims([2, 2]),
    };
    assert!(infer_of(&avg, &[ty(DType::I32, &[1, 1, 3, 3])]).is_err());
}

#[test]
fn max_pool_with_padding_ignores_the_pad() {
    // Windows (rows/cols {-1, 0} and {1, 2}) over 1..9.
    let op = Op::Pool {
        kind: PoolKind::Max,
        window: window(&[2, 2], &[2, 2], &[1, 1, 1, 1]),
        output: crate::ir::fixed_dims([2, 2]),
    };
    assert_eq!(as_f32(&run_ok(&op, &[image_3x3()])), &[1., 3., 7., 9.]);
}

#[test]
fn max_pool_of_negatives_never_picks_the_padding() {
    let op = Op::Pool { kind: PoolKind::Max, window: window(&[2], &[1], &[1, 1]), output: crate::ir::fixed_dims([3]) };
    let y = run_ok(&op, &[f32s(&[1, 1, 2], &[-3., -5.])]);
    assert_eq!(as_f32(&y), &[-3., -3., -5.]);
}

#[test]
fn avg_pool_with_padding_excludes_or_counts_the_pad() {
    let w = window(&[2, 2], &[2, 2], &[1, 1, 1, 1]);
    let excl = Op::Pool {
        kind: PoolKind::Avg { count_include_pad: false },
        window: w.clone(),
        output: crate::ir::fixed_dims([2, 2]),
    };
    assert_close(as_f32(&run_ok(&excl, &[image_3x3()])), &[1., 2.5, 5.5, 7.]);
    let incl =
        Op::Pool { kind: PoolKind::Avg { count_include_pad: true }, window: w, output: crate::ir::fixed_dims([2, 2]) };
    assert_close(as_f32(&run_ok(&incl, &[image_3x3()])), &[0.25, 1.25, 2.75, 7.]);
}

#[test]
fn max_pool_indices_are_flat_row_or_column_major() {
    // [[1, 4], [3, 2]]: the max 4 is at row 0, column 1.
    let x = f32s(&[1, 1, 2, 2], &[1., 4., 3., 2.]);
    let w = window(&[2, 2], &[1, 1], &[0; 4]);
    let op = Op::MaxPoolIndices { window: w.clone(), output: vec![1, 1], column_major: false };
    assert_eq!(infer_of(&op, &[x.ty()]).unwrap(), vec![ty(DType::I64, &[1, 1, 1, 1])]);
    assert_eq!(as_i64(&run_ok(&op, std::slice::from_ref(&x))), &[1]);
    let op = Op::MaxPoolIndices { window: w, output: vec![1, 1], column_major: true };
    assert_eq!(as_i64(&run_ok(&op, &[x])), &[2]);
}
