//! Tests: activations and other attribute defaults.

use super::*;

fn unary_model(op: &str, attrs: Vec<AttributeProto>) -> ModelProto {
    one(14, vec![f32_input("x", &[4])], vec![], node(op, "act", &["x"], &["y"], attrs))
}

#[test]
fn activation_attributes_default_as_the_spec_says() {
    use crate::ir::MathFn;
    let math = |op: &str| match only_op(&import_ok(&unary_model(op, vec![]))) {
        Op::Unary(UnaryOp::Math(f)) => f,
        other => panic!("{op} imported as {other:?}"),
    };
    assert_eq!(math("LeakyRelu"), MathFn::LeakyRelu { alpha: 0.01 });
    assert_eq!(math("HardSigmoid"), MathFn::HardSigmoid { alpha: 0.2, beta: 0.5 });
    assert_eq!(math("Elu"), MathFn::Elu { alpha: 1.0 });
    assert_eq!(math("Celu"), MathFn::Celu { alpha: 1.0 });
    assert_eq!(math("ThresholdedRelu"), MathFn::ThresholdedRelu { alpha: 1.0 });
    assert_eq!(math("Shrink"), MathFn::Shrink { bias: 0.0, lambd: 0.5 });
    assert_eq!(math("Gelu"), MathFn::Gelu);
    let MathFn::Selu { alpha, gamma } = math("Selu") else { panic!("not Selu") };
    assert!((alpha - 1.673_263_2).abs() < 1e-6 && (gamma - 1.050_701).abs() < 1e-6);
}

#[test]
fn activation_attributes_are_read() {
    use crate::ir::MathFn;
    let g = import_ok(&unary_model("LeakyRelu", vec![attr_f("alpha", 0.3)]));
    assert_eq!(only_op(&g), Op::Unary(UnaryOp::Math(MathFn::LeakyRelu { alpha: 0.3 })));
    let g = import_ok(&unary_model("Gelu", vec![attr_s("approximate", "tanh")]));
    assert_eq!(only_op(&g), Op::Unary(UnaryOp::Math(MathFn::GeluTanh)));
    let e = import_err(&unary_model("Gelu", vec![attr_s("approximate", "cubic")]));
    assert!(e.to_string().contains("`act`") && e.to_string().contains("cubic"), "{e}");
    let g = import_ok(&unary_model("IsInf", vec![attr_i("detect_negative", 0)]));
    assert_eq!(only_op(&g), Op::Unary(UnaryOp::IsInf { positive: true, negative: false }));
}

#[test]
fn float_activations_of_integers_are_unsupported() {
    let m = one(13, vec![input("x", DType::I32, &[4])], vec![], node("Exp", "e", &["x"], &["y"], vec![]));
    match import_err(&m) {
        Error::Unsupported(list) => assert_eq!(list[0].node, "e"),
        other => panic!("expected Unsupported, got {other}"),
    }
}

#[test]
fn lrn_defaults_and_required_size() {
    let m = |attrs| one(13, vec![f32_input("x", &[1, 4, 2, 2])], vec![], node("LRN", "lrn", &["x"], &["y"], attrs));
    assert_eq!(
        only_op(&import_ok(&m(vec![attr_i("size", 3)]))),
        Op::Lrn { size: 3, alpha: 1e-4, beta: 0.75, bias: 1.0 }
    );
    assert!(import_err(&m(vec![])).to_string().contains("size"));
    assert!(import_err(&m(vec![attr_i("size", 0)])).to_string().contains("size"));
}

#[test]
fn arg_max_defaults_and_select_last_index() {
    let m = |attrs| one(13, vec![f32_input("x", &[2, 3])], vec![], node("ArgMax", "am", &["x"], &["y"], attrs));
    let want = Op::ArgReduce { max: true, axis: 0, keepdims: true, select_last: false };
    assert_eq!(only_op(&import_ok(&m(vec![]))), want);
    let attrs = vec![attr_i("axis", -1), attr_i("keepdims", 0), attr_i("select_last_index", 1)];
    let want = Op::ArgReduce { max: true, axis: 1, keepdims: false, select_last: true };
    assert_eq!(only_op(&import_ok(&m(attrs))), want);
}

#[test]
fn cast_reads_the_onnx_type_code() {
    let m = |to: i64| {
        one(13, vec![f32_input("x", &[2])], vec![], node("Cast", "c", &["x"], &["y"], vec![attr_i("to", to)]))
    };
    // 7 is INT64, 9 BOOL in TensorProto.DataType.
    assert_eq!(only_op(&import_ok(&m(7))), Op::Cast { to: DType::I64 });
    assert_eq!(only_op(&import_ok(&m(9))), Op::Cast { to: DType::Bool });
    // 8 is STRING.
    assert!(matches!(import_err(&m(8)), Error::Unsupported(_)));
}

#[test]
fn shape_of_a_static_input_folds_to_a_constant_with_start_and_end() {
    let m = one(
        15,
        vec![f32_input("x", &[2, 3, 4])],
        vec![],
        node("Shape", "s", &["x"], &["y"], vec![attr_i("start", -2)]),
    );
    let g = import_ok(&m);
    assert!(ops(&g).is_empty());
    match &g.value(g.outputs[0]).def {
        ValueDef::Const(t) => assert_eq!(t.data, Data::I64(vec![3, 4])),
        other => panic!("expected a constant, got {other:?}"),
    }
}
