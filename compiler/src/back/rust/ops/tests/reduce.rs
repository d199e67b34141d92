//! Tests: reduce.

use super::*;

#[test]
fn reduce_sum_picks_the_integer_kernel_for_integers() {
    let op = Op::Reduce { kind: ReduceKind::Sum, axes: vec![0, 2], keepdims: false };
    assert_eq!(
        lowered(&op, &[f32o("x", &[2, 3, 4])], &f32o("y", &[3])),
        s(quote!(rt::kernels::reductions::sum(x, &[2, 3, 4], &[0, 2], y)?;))
    );
    assert_eq!(
        lowered(&op, &[opnd("x", DType::I64, &[2, 3, 4])], &opnd("y", DType::I64, &[3])),
        s(quote!(rt::kernels::reductions::sum_int(x, &[2, 3, 4], &[0, 2], y)?;))
    );
    let op = Op::Reduce { kind: ReduceKind::LogSumExp, axes: vec![1], keepdims: true };
    assert_eq!(
        lowered(&op, &[f32o("x", &[2, 3])], &f32o("y", &[2, 1])),
        s(quote!(rt::kernels::reductions::log_sum_exp(x, &[2, 3], &[1], y)?;))
    );
}

#[test]
fn arg_reduce_passes_axis_direction_and_tie_rule() {
    let op = Op::ArgReduce { max: false, axis: 1, keepdims: true, select_last: true };
    assert_eq!(
        lowered(&op, &[f32o("x", &[2, 3])], &opnd("y", DType::I64, &[2, 1])),
        s(quote!(rt::kernels::reduce::arg_reduce(x, &[2, 3], 1, false, true, y)?;))
    );
}

#[test]
fn cumulative_passes_its_flags_and_identity_of_the_dtype() {
    let op = Op::Cumulative { axis: 0, exclusive: true, reverse: false, product: true };
    assert_eq!(
        lowered(&op, &[opnd("x", DType::I32, &[5])], &opnd("y", DType::I32, &[5])),
        s(quote!(rt::kernels::scan::cumulative(x, &[5], 0, true, false, true, 1i32, y)?;))
    );
    let op = Op::Cumulative { axis: 1, exclusive: false, reverse: true, product: false };
    assert_eq!(
        lowered(&op, &[f32o("x", &[2, 5])], &f32o("y", &[2, 5])),
        s(quote!(rt::kernels::scan::cumulative(x, &[2, 5], 1, false, true, false, 0f32, y)?;))
    );
}

#[test]
fn top_k_writes_values_or_indices() {
    let x = f32o("x", &[3, 5]);
    let values = Op::TopK { axis: 1, k: 2, largest: true, indices: false };
    assert_eq!(
        lowered(&values, std::slice::from_ref(&x), &f32o("y", &[3, 2])),
        s(quote!(rt::kernels::select::top_k(x, &[3, 5], 1, 2, true, y, &mut [])?;))
    );
    let indices = Op::TopK { axis: 1, k: 2, largest: false, indices: true };
    assert_eq!(
        lowered(&indices, &[x], &opnd("y", DType::I64, &[3, 2])),
        s(quote!(rt::kernels::select::top_k(x, &[3, 5], 1, 2, false, &mut [], y)?;))
    );
}
