//! Tests: movement.

use super::*;

#[test]
fn reshape_copies_and_transpose_passes_the_perm() {
    assert_eq!(
        lowered(&Op::Reshape { shape: fixed_dims([6]) }, &[f32o("x", &[2, 3])], &f32o("y", &[6])),
        s(quote!(rt::kernels::unary::identity(x, y)?;))
    );
    assert_eq!(
        lowered(&Op::Transpose { perm: vec![2, 0, 1] }, &[f32o("x", &[2, 3, 4])], &f32o("y", &[4, 2, 3])),
        s(quote!(rt::kernels::movement::transpose(x, &[2, 3, 4], &[2, 0, 1], y)?;))
    );
}

#[test]
fn concat_lists_every_part_with_its_shape() {
    let xs = [f32o("a", &[2, 1]), f32o("b", &[2, 2]), f32o("c", &[2, 3])];
    assert_eq!(
        lowered(&Op::Concat { axis: 1 }, &xs, &f32o("y", &[2, 6])),
        s(
            quote!(rt::kernels::movement::concat(&[(&a[..], & &[2, 1][..]), (&b[..], & &[2, 2][..]), (&c[..], & &[2, 3][..])], 1, y, &[2, 6])?;)
        )
    );
}

#[test]
fn slice_passes_its_starts_and_steps() {
    let op = Op::Slice { starts: vec![1, 5], steps: vec![1, -2], dims: fixed_dims([2, 3]) };
    assert_eq!(
        lowered(&op, &[f32o("x", &[3, 6])], &f32o("y", &[2, 3])),
        s(quote!(rt::kernels::movement::slice(x, &[3, 6], &[1, 5], &[1, -2], y, &[2, 3])?;))
    );
}

#[test]
fn gathers_pass_indices_and_their_shape() {
    let xs = [f32o("d", &[3, 4]), opnd("i", DType::I64, &[2])];
    assert_eq!(
        lowered(&Op::Gather { axis: 1 }, &xs, &f32o("y", &[3, 2])),
        s(quote!(rt::kernels::movement::gather(d, &[3, 4], i, &[2], 1, y)?;))
    );
    let xs = [f32o("d", &[3, 4]), opnd("i", DType::I64, &[3, 2])];
    assert_eq!(
        lowered(&Op::GatherElements { axis: 1 }, &xs, &f32o("y", &[3, 2])),
        s(quote!(rt::kernels::scatter::gather_elements(d, &[3, 4], i, &[3, 2], 1, y)?;))
    );
    let xs = [f32o("d", &[3, 4]), opnd("i", DType::I64, &[2, 1])];
    assert_eq!(
        lowered(&Op::GatherNd { batch_dims: 0 }, &xs, &f32o("y", &[2, 4])),
        s(quote!(rt::kernels::scatter::gather_nd(d, &[3, 4], i, &[2, 1], 0, y)?;))
    );
    assert!(lower_err(&Op::Gather { axis: 0 }, &[f32o("d", &[3])], &f32o("y", &[1])).contains("indices"));
}

#[test]
fn scatters_pass_their_reduction() {
    let xs = [f32o("d", &[4]), opnd("i", DType::I64, &[2]), f32o("u", &[2])];
    assert_eq!(
        lowered(&Op::ScatterElements { axis: 0, reduction: Reduction::Add }, &xs, &f32o("y", &[4])),
        s(
            quote!(rt::kernels::scatter::scatter_elements(d, &[4], i, &[2], u, 0, rt::kernels::scatter::Reduction::Add, y)?;)
        )
    );
    let xs = [f32o("d", &[4]), opnd("i", DType::I64, &[2, 1]), f32o("u", &[2])];
    assert_eq!(
        lowered(&Op::ScatterNd { reduction: Reduction::None }, &xs, &f32o("y", &[4])),
        s(quote!(rt::kernels::scatter::scatter_nd(d, &[4], i, &[2, 1], u, rt::kernels::scatter::Reduction::None, y)?;))
    );
    assert!(lower_err(&Op::ScatterNd { reduction: Reduction::Max }, &xs[..2], &f32o("y", &[4])).contains("updates"));
}

#[test]
fn pad_passes_pads_mode_and_value_of_the_operand_type() {
    let op = Op::Pad { pads: vec![1, -1], mode: PadMode::Reflect, value: 0.0 };
    assert_eq!(
        lowered(&op, &[f32o("x", &[4])], &f32o("y", &[4])),
        s(
            quote!(rt::kernels::movement::pad(x, &[4], &[1, -1], rt::kernels::movement::PadMode::Reflect, 0f32, y, &[4])?;)
        )
    );
    let op = Op::Pad { pads: vec![0, 2], mode: PadMode::Constant, value: 7.0 };
    assert_eq!(
        lowered(&op, &[opnd("x", DType::I64, &[3])], &opnd("y", DType::I64, &[5])),
        s(
            quote!(rt::kernels::movement::pad(x, &[3], &[0, 2], rt::kernels::movement::PadMode::Constant, 7i64, y, &[5])?;)
        )
    );
    let op = Op::Pad { pads: vec![1, 1], mode: PadMode::Constant, value: f64::NEG_INFINITY };
    assert_eq!(
        lowered(&op, &[f32o("x", &[3])], &f32o("y", &[5])),
        s(
            quote!(rt::kernels::movement::pad(x, &[3], &[1, 1], rt::kernels::movement::PadMode::Constant, f32::NEG_INFINITY, y, &[5])?;)
        )
    );
}

#[test]
fn expand_and_tile_pass_both_shapes() {
    assert_eq!(
        lowered(&Op::Expand { shape: fixed_dims([2, 3]) }, &[f32o("x", &[3])], &f32o("y", &[2, 3])),
        s(quote!(rt::kernels::elementwise::broadcast_to(x, &[3], y, &[2, 3])?;))
    );
    assert_eq!(
        lowered(&Op::Tile { repeats: vec![2, 1] }, &[f32o("x", &[1, 3])], &f32o("y", &[2, 3])),
        s(quote!(rt::kernels::movement::tile(x, &[1, 3], y, &[2, 3])?;))
    );
}

#[test]
fn shape_writes_symbolic_dims_at_run_time() {
    let mut sym = DimIdents::default();
    sym.idents.insert("n".into(), format_ident!("dim_n"));
    let x = Operand {
        ident: format_ident!("x"),
        dims: vec![Dim::fixed(2), Dim::sym("n"), Dim::fixed(4)],
        dtype: DType::F32,
        packing: None,
    };
    let y = opnd("y", DType::I64, &[2]);
    let t = lower(&Op::Shape { start: 1, end: 3 }, std::slice::from_ref(&x), &y, None, &sym).unwrap();
    let want = quote! {
        let _ = x;
        for (o, d) in y.iter_mut().zip([(dim_n), 4]) { *o = d as i64; }
    };
    assert_eq!(s(t), s(want));
    assert!(lower(&Op::Shape { start: 1, end: 4 }, &[x], &y, None, &sym).is_err());
}
