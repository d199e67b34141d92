//! Tests: Softmax.

use super::*;

fn softmax_model(opset: i64, op: &str, attrs: Vec<AttributeProto>) -> ModelProto {
    one(opset, vec![f32_input("x", &[2, 3, 4])], vec![], node(op, "sm", &["x"], &["y"], attrs))
}

#[test]
fn softmax_from_opset_13_defaults_to_the_last_axis() {
    let g = import_ok(&softmax_model(13, "Softmax", vec![]));
    assert_eq!(only_op(&g), Op::Softmax { axis: 2, log: false });
    let g = import_ok(&softmax_model(13, "LogSoftmax", vec![attr_i("axis", 1)]));
    assert_eq!(only_op(&g), Op::Softmax { axis: 1, log: true });
}

#[test]
fn softmax_before_opset_13_flattens_from_axis_one() {
    let g = import_ok(&softmax_model(11, "Softmax", vec![]));
    let all = ops(&g);
    let want = vec![
        ("sm/flat".to_string(), Op::Reshape { shape: fixed_dims([2, 12]) }),
        ("sm/softmax".to_string(), Op::Softmax { axis: 1, log: false }),
        ("sm".to_string(), Op::Reshape { shape: fixed_dims([2, 3, 4]) }),
    ];
    assert_eq!(all, want);
}

#[test]
fn softmax_before_opset_13_on_the_last_axis_needs_no_reshape() {
    let g = import_ok(&softmax_model(11, "Softmax", vec![attr_i("axis", -1)]));
    assert_eq!(only_op(&g), Op::Softmax { axis: 2, log: false });
}

#[test]
fn softmax_axis_outside_the_rank_is_refused() {
    let e = import_err(&softmax_model(13, "Softmax", vec![attr_i("axis", 3)]));
    assert!(e.to_string().contains("`sm`") && e.to_string().contains("axis 3"), "{e}");
}
