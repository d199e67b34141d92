//! Tests: Transpose, Squeeze, Unsqueeze, Concat, Flatten, Reshape.

use super::*;

#[test]
fn transpose_default_perm_reverses_the_axes() {
    let m = one(13, vec![f32_input("x", &[2, 3, 4])], vec![], node("Transpose", "t", &["x"], &["y"], vec![]));
    let g = import_ok(&m);
    assert_eq!(only_op(&g), Op::Transpose { perm: vec![2, 1, 0] });
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![4, 3, 2]));
}

#[test]
fn transpose_with_a_perm_attribute() {
    let m = one(
        13,
        vec![f32_input("x", &[2, 3, 4])],
        vec![],
        node("Transpose", "t", &["x"], &["y"], vec![attr_ints("perm", &[0, 2, 1])]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Transpose { perm: vec![0, 2, 1] });
    let bad = one(
        13,
        vec![f32_input("x", &[2, 3, 4])],
        vec![],
        node("Transpose", "t", &["x"], &["y"], vec![attr_ints("perm", &[0, 1, 1])]),
    );
    assert!(import_err(&bad).to_string().contains("`t`"));
}

#[test]
fn unsqueeze_reads_axes_from_the_attribute_before_opset_13() {
    let m = one(
        11,
        vec![f32_input("x", &[3])],
        vec![],
        node("Unsqueeze", "u", &["x"], &["y"], vec![attr_ints("axes", &[0, -1])]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([1, 3, 1]) });
}

#[test]
fn unsqueeze_reads_axes_from_the_input_from_opset_13() {
    let m = one(
        13,
        vec![f32_input("x", &[3])],
        vec![init_i64("axes", &[-1])],
        node("Unsqueeze", "u", &["x", "axes"], &["y"], vec![]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([3, 1]) });
    // From 13 an axes attribute is not read: without the input, axes are missing.
    let m = one(
        13,
        vec![f32_input("x", &[3])],
        vec![],
        node("Unsqueeze", "u", &["x"], &["y"], vec![attr_ints("axes", &[0])]),
    );
    assert!(import_err(&m).to_string().contains("axes"));
}

#[test]
fn unsqueeze_refuses_a_repeated_axis() {
    let m = one(
        11,
        vec![f32_input("x", &[3])],
        vec![],
        node("Unsqueeze", "u", &["x"], &["y"], vec![attr_ints("axes", &[0, -3])]),
    );
    assert!(import_err(&m).to_string().contains("repeated"));
}

#[test]
fn squeeze_with_axes_attribute_and_input() {
    let m = one(
        11,
        vec![f32_input("x", &[1, 3, 1])],
        vec![],
        node("Squeeze", "s", &["x"], &["y"], vec![attr_ints("axes", &[0])]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([3, 1]) });
    let m = one(
        13,
        vec![f32_input("x", &[1, 3, 1])],
        vec![init_i64("axes", &[-1])],
        node("Squeeze", "s", &["x", "axes"], &["y"], vec![]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([1, 3]) });
}

#[test]
fn squeeze_without_axes_removes_every_one() {
    let m = one(13, vec![f32_input("x", &[1, 3, 1, 2])], vec![], node("Squeeze", "s", &["x"], &["y"], vec![]));
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([3, 2]) });
}

#[test]
fn squeeze_of_an_axis_that_is_not_one_is_refused() {
    let m = one(
        11,
        vec![f32_input("x", &[1, 3])],
        vec![],
        node("Squeeze", "s", &["x"], &["y"], vec![attr_ints("axes", &[1])]),
    );
    let e = import_err(&m);
    assert!(e.to_string().contains("`s`") && e.to_string().contains("cannot squeeze axis 1"), "{e}");
}

#[test]
fn concat_resolves_a_negative_axis() {
    let m = one(
        13,
        vec![f32_input("a", &[2, 1]), f32_input("b", &[2, 3])],
        vec![],
        node("Concat", "c", &["a", "b"], &["y"], vec![attr_i("axis", -1)]),
    );
    let g = import_ok(&m);
    assert_eq!(only_op(&g), Op::Concat { axis: 1 });
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![2, 4]));
}

#[test]
fn concat_without_axis_is_refused() {
    let m = one(
        13,
        vec![f32_input("a", &[2, 1]), f32_input("b", &[2, 3])],
        vec![],
        node("Concat", "c", &["a", "b"], &["y"], vec![]),
    );
    let e = import_err(&m);
    assert!(e.to_string().contains("`c`") && e.to_string().contains("axis"), "{e}");
}

#[test]
fn flatten_reshapes_to_two_dims_at_its_axis() {
    let m = |attrs| one(13, vec![f32_input("x", &[2, 3, 4])], vec![], node("Flatten", "f", &["x"], &["y"], attrs));
    assert_eq!(only_op(&import_ok(&m(vec![]))), Op::Reshape { shape: fixed_dims([2, 12]) });
    assert_eq!(only_op(&import_ok(&m(vec![attr_i("axis", 0)]))), Op::Reshape { shape: fixed_dims([1, 24]) });
    assert_eq!(only_op(&import_ok(&m(vec![attr_i("axis", -1)]))), Op::Reshape { shape: fixed_dims([6, 4]) });
}

#[test]
fn reshape_copies_zeros_and_infers_minus_one() {
    let m = one(
        13,
        vec![f32_input("x", &[2, 3, 4])],
        vec![init_i64("shape", &[0, -1])],
        node("Reshape", "r", &["x", "shape"], &["y"], vec![]),
    );
    assert_eq!(only_op(&import_ok(&m)), Op::Reshape { shape: fixed_dims([2, 12]) });
    let m = one(
        13,
        vec![f32_input("x", &[2, 3, 4])],
        vec![init_i64("shape", &[5, -1])],
        node("Reshape", "r", &["x", "shape"], &["y"], vec![]),
    );
    assert!(import_err(&m).to_string().contains("`r`"));
}

#[test]
fn concat_1_defaults_its_axis_to_1_and_later_opsets_require_it() {
    let inputs = || vec![f32_input("a", &[2, 3]), f32_input("b", &[2, 4])];
    let old = one(1, inputs(), vec![], node("Concat", "c", &["a", "b"], &["y"], vec![]));
    assert_eq!(only_op(&import_ok(&old)), Op::Concat { axis: 1 });
    let new = one(4, inputs(), vec![], node("Concat", "c", &["a", "b"], &["y"], vec![]));
    let err = import_err(&new).to_string();
    assert!(err.contains("axis") && err.contains("`c`"), "{err}");
}
