//! Tests: the driver: names, missing inputs, unsupported ops.

use super::*;

#[test]
fn a_node_reading_an_undefined_value_is_reported() {
    let m = one(13, vec![f32_input("x", &[2])], vec![], node("Relu", "relu", &["nope"], &["y"], vec![]));
    let e = import_err(&m);
    assert!(matches!(e, Error::Model(_)));
    assert!(e.to_string().contains("`relu`") && e.to_string().contains("`nope`"), "{e}");
}

#[test]
fn nodes_out_of_order_are_reported_as_such() {
    let m = model(
        13,
        vec![f32_input("x", &[2])],
        vec![],
        vec![node("Relu", "second", &["t"], &["y"], vec![]), node("Neg", "first", &["x"], &["t"], vec![])],
    );
    let e = import_err(&m);
    assert!(e.to_string().contains("only node `first` after it defines"), "{e}");
}

#[test]
fn unknown_ops_are_all_listed() {
    let m = model(
        13,
        vec![f32_input("x", &[2])],
        vec![],
        vec![
            node("NoSuchOp", "a", &["x"], &["t"], vec![]),
            node("Relu", "b", &["t"], &["u"], vec![]),
            node("AlsoUnknown", "c", &["u"], &["y"], vec![]),
        ],
    );
    match import_err(&m) {
        Error::Unsupported(list) => {
            let names: Vec<(&str, &str)> = list.iter().map(|u| (u.node.as_str(), u.op_type.as_str())).collect();
            assert_eq!(names, vec![("a", "NoSuchOp"), ("c", "AlsoUnknown")]);
            assert_eq!(list[0].opset, 13);
        }
        other => panic!("expected Unsupported, got {other}"),
    }
}

#[test]
fn an_opset_beyond_the_known_range_is_refused() {
    let m = one(99, vec![f32_input("x", &[2])], vec![], node("Relu", "r", &["x"], &["y"], vec![]));
    assert!(import_err(&m).to_string().contains("opset 99"));
}

#[test]
fn an_unnamed_node_is_named_after_its_op_and_position() {
    let mut n = node("Relu", "", &["x"], &["y"], vec![]);
    n.name = None;
    let m = one(13, vec![f32_input("x", &[2])], vec![], n);
    let g = import_ok(&m);
    assert_eq!(ops(&g), vec![("Relu_0".to_string(), Op::Unary(UnaryOp::Relu))]);
    // The output takes the ONNX output name.
    assert_eq!(g.value(g.outputs[0]).name, "y");
}

#[test]
fn a_node_on_constants_only_is_folded_at_import() {
    let m = one(
        13,
        vec![],
        vec![init_f32("a", &[2], &[1., 2.]), init_f32("b", &[2], &[10., 20.])],
        node("Add", "add", &["a", "b"], &["y"], vec![]),
    );
    let g = import_ok(&m);
    assert!(ops(&g).is_empty());
    match &g.value(g.outputs[0]).def {
        ValueDef::Const(t) => assert_eq!(t.data, Data::F32(vec![11., 22.])),
        other => panic!("expected a constant, got {other:?}"),
    }
}
