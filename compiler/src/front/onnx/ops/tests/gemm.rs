//! Tests: Gemm.

use super::*;

fn gemm_model(attrs: Vec<AttributeProto>, with_c: bool) -> ModelProto {
    let mut inputs = vec![f32_input("a", &[3, 2]), f32_input("b", &[4, 3])];
    let mut names = vec!["a", "b"];
    if with_c {
        inputs.push(f32_input("c", &[4]));
        names.push("c");
    }
    one(13, inputs, vec![], node("Gemm", "gemm", &names, &["y"], attrs))
}

#[test]
fn gemm_expands_transposes_alpha_and_beta() {
    let attrs = vec![attr_i("transA", 1), attr_i("transB", 1), attr_f("alpha", 2.0), attr_f("beta", 3.0)];
    let g = import_ok(&gemm_model(attrs, true));
    let names: Vec<(String, String)> = ops(&g).into_iter().map(|(n, op)| (n, op.kind())).collect();
    let want = [
        ("gemm/a_t", "Transpose"),
        ("gemm/b_t", "Transpose"),
        ("gemm/matmul", "MatMul"),
        ("gemm/alpha", "Mul"),
        ("gemm/beta", "Mul"),
        ("gemm", "Add"),
    ];
    assert_eq!(names, want.map(|(a, b)| (a.to_string(), b.to_string())));
    assert_eq!(named(&g, "gemm/a_t").op, Op::Transpose { perm: vec![1, 0] });
    let alpha = named(&g, "gemm/alpha");
    assert_eq!(const_input(&g, alpha, 1).data, Data::F32(vec![2.0]));
    let beta = named(&g, "gemm/beta");
    assert_eq!(const_input(&g, beta, 1).data, Data::F32(vec![3.0]));
    // A^T [2, 3] x B^T [3, 4].
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![2, 4]));
}

#[test]
fn gemm_with_default_attributes_and_no_c_is_one_matmul() {
    let m = one(
        13,
        vec![f32_input("a", &[2, 3]), f32_input("b", &[3, 4])],
        vec![],
        node("Gemm", "gemm", &["a", "b"], &["y"], vec![]),
    );
    let g = import_ok(&m);
    assert_eq!(ops(&g), vec![("gemm".to_string(), Op::MatMul)]);
}

#[test]
fn gemm_with_beta_zero_drops_c() {
    let g = import_ok(&gemm_model(vec![attr_i("transA", 1), attr_i("transB", 1), attr_f("beta", 0.0)], true));
    let kinds: Vec<String> = ops(&g).into_iter().map(|(_, op)| op.kind()).collect();
    assert_eq!(kinds, ["Transpose", "Transpose", "MatMul"]);
}

#[test]
fn gemm_transposes_constant_weights_at_import() {
    // B = [[1, 2], [3, 4]] stored [N, K]; with transB the MatMul reads its transpose, folded.
    let m = one(
        13,
        vec![f32_input("a", &[1, 2])],
        vec![init_f32("b", &[2, 2], &[1., 2., 3., 4.])],
        node("Gemm", "gemm", &["a", "b"], &["y"], vec![attr_i("transB", 1)]),
    );
    let g = import_ok(&m);
    let mm = named(&g, "gemm");
    assert_eq!(mm.op, Op::MatMul);
    assert_eq!(const_input(&g, mm, 1).data, Data::F32(vec![1., 3., 2., 4.]));
}

#[test]
fn gemm_refuses_operands_that_are_not_matrices() {
    let m = one(
        13,
        vec![f32_input("a", &[2, 3, 1]), f32_input("b", &[3, 4])],
        vec![],
        node("Gemm", "gemm", &["a", "b"], &["y"], vec![]),
    );
    assert!(import_err(&m).to_string().contains("2-D"));
}
