//! Tests: Conv and pooling windows.

use super::*;
use crate::ir::Dim;

#[test]
fn conv_defaults_are_unit_strides_and_no_padding() {
    let g = import_ok(&conv_model(vec![], &[1, 2, 5, 5], &[4, 2, 3, 3]));
    let want = Window { kernel: vec![3, 3], strides: vec![1, 1], dilations: vec![1, 1], pads: vec![0, 0, 0, 0] };
    assert_eq!(only_op(&g), Op::Conv { group: 1, window: want });
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![1, 4, 3, 3]));
}

#[test]
fn conv_same_upper_puts_the_odd_pad_at_the_end() {
    // Kernel 2 over 5 at stride 1: output 5, total pad (5 - 1) + 2 - 5 = 1, at the end.
    let g = import_ok(&conv_model(vec![attr_s("auto_pad", "SAME_UPPER")], &[1, 1, 5, 5], &[1, 1, 2, 2]));
    let Op::Conv { window, .. } = only_op(&g) else { panic!("not a Conv") };
    assert_eq!(window.pads, vec![0, 0, 1, 1]);
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![1, 1, 5, 5]));
}

#[test]
fn conv_same_lower_puts_the_odd_pad_at_the_start() {
    let g = import_ok(&conv_model(vec![attr_s("auto_pad", "SAME_LOWER")], &[1, 1, 5, 5], &[1, 1, 2, 2]));
    let Op::Conv { window, .. } = only_op(&g) else { panic!("not a Conv") };
    assert_eq!(window.pads, vec![1, 1, 0, 0]);
}

#[test]
fn conv_same_upper_with_stride_two_pads_to_ceil_of_input_over_stride() {
    // Kernel 3 over 6 at stride 2: output 3, total (3 - 1) * 2 + 3 - 6 = 1; over 5: output 3,
    // total (3 - 1) * 2 + 3 - 5 = 2, split evenly.
    let attrs = || vec![attr_s("auto_pad", "SAME_UPPER"), attr_ints("strides", &[2, 2])];
    let g = import_ok(&conv_model(attrs(), &[1, 1, 6, 5], &[1, 1, 3, 3]));
    let Op::Conv { window, .. } = only_op(&g) else { panic!("not a Conv") };
    assert_eq!(window.strides, vec![2, 2]);
    assert_eq!(window.pads, vec![0, 1, 1, 1]);
    assert_eq!(g.value(g.outputs[0]).ty.static_dims(), Some(vec![1, 1, 3, 3]));
}

#[test]
fn conv_valid_ignores_the_pads_attribute() {
    let attrs = vec![attr_s("auto_pad", "VALID"), attr_ints("pads", &[1, 1, 1, 1])];
    let g = import_ok(&conv_model(attrs, &[1, 1, 5, 5], &[1, 1, 3, 3]));
    let Op::Conv { window, .. } = only_op(&g) else { panic!("not a Conv") };
    assert_eq!(window.pads, vec![0, 0, 0, 0]);
}

#[test]
fn conv_explicit_pads_dilations_and_group() {
    let attrs = vec![attr_ints("pads", &[1, 2, 3, 4]), attr_ints("dilations", &[2, 1]), attr_i("group", 2)];
    let g = import_ok(&conv_model(attrs, &[1, 4, 9, 9], &[6, 2, 3, 3]));
    let want = Window { kernel: vec![3, 3], strides: vec![1, 1], dilations: vec![2, 1], pads: vec![1, 2, 3, 4] };
    assert_eq!(only_op(&g), Op::Conv { group: 2, window: want });
}

#[test]
fn conv_unknown_auto_pad_is_refused_naming_the_node() {
    let e = import_err(&conv_model(vec![attr_s("auto_pad", "SAME_MIDDLE")], &[1, 1, 5, 5], &[1, 1, 3, 3]));
    let msg = e.to_string();
    assert!(matches!(e, Error::Model(_)), "{msg}");
    assert!(msg.contains("`conv`") && msg.contains("SAME_MIDDLE"), "{msg}");
}

#[test]
fn conv_kernel_shape_must_agree_with_the_weights() {
    let e = import_err(&conv_model(vec![attr_ints("kernel_shape", &[2, 2])], &[1, 1, 5, 5], &[1, 1, 3, 3]));
    assert!(e.to_string().contains("kernel_shape"), "{e}");
}

#[test]
fn conv_negative_stride_is_refused() {
    let e = import_err(&conv_model(vec![attr_ints("strides", &[1, -1])], &[1, 1, 5, 5], &[1, 1, 3, 3]));
    assert!(e.to_string().contains("negative"), "{e}");
}

#[test]
fn conv_with_a_missing_weight_input_is_reported() {
    let m = one(11, vec![f32_input("x", &[1, 1, 5, 5])], vec![], node("Conv", "conv", &["x"], &["y"], vec![]));
    let e = import_err(&m);
    assert!(e.to_string().contains("`conv`") && e.to_string().contains("missing input 1"), "{e}");
}

fn pool_model(op: &str, attrs: Vec<AttributeProto>, outputs: &[&str]) -> ModelProto {
    one(12, vec![f32_input("x", &[1, 1, 5, 5])], vec![], node(op, "pool", &["x"], outputs, attrs))
}

#[test]
fn max_pool_ceil_mode_adds_the_partial_window() {
    // Kernel 2 stride 2 over 5: floor gives 2 windows, ceil 3 (the last starts at 4, inside).
    let attrs =
        |ceil| vec![attr_ints("kernel_shape", &[2, 2]), attr_ints("strides", &[2, 2]), attr_i("ceil_mode", ceil)];
    let Op::Pool { kind, output, .. } = only_op(&import_ok(&pool_model("MaxPool", attrs(0), &["y"]))) else {
        panic!("not a Pool")
    };
    assert_eq!((kind, output), (PoolKind::Max, crate::ir::fixed_dims([2, 2])));
    let Op::Pool { output, .. } = only_op(&import_ok(&pool_model("MaxPool", attrs(1), &["y"]))) else {
        panic!("not a Pool")
    };
    assert_eq!(output, crate::ir::fixed_dims([3, 3]));
}

#[test]
fn max_pool_second_output_is_its_indices_in_the_storage_order() {
    let attrs = vec![attr_ints("kernel_shape", &[2, 2]), attr_i("storage_order", 1)];
    let g = import_ok(&pool_model("MaxPool", attrs, &["y", "i"]));
    let all = ops(&g);
    assert_eq!(all.len(), 2);
    let Op::MaxPoolIndices { output, column_major, .. } = &all[1].1 else { panic!("{all:?}") };
    assert_eq!((output.clone(), *column_major), (vec![4, 4], true));
    assert_eq!(g.value(g.outputs[1]).ty.dtype, DType::I64);
}

#[test]
fn average_pool_reads_count_include_pad() {
    let attrs =
        vec![attr_ints("kernel_shape", &[3, 3]), attr_ints("pads", &[1, 1, 1, 1]), attr_i("count_include_pad", 1)];
    let Op::Pool { kind, window, output } = only_op(&import_ok(&pool_model("AveragePool", attrs, &["y"]))) else {
        panic!("not a Pool")
    };
    assert_eq!(kind, PoolKind::Avg { count_include_pad: true });
    assert_eq!(window.pads, vec![1, 1, 1, 1]);
    assert_eq!(output, crate::ir::fixed_dims([5, 5]));
    let Op::Pool { kind, .. } =
        only_op(&import_ok(&pool_model("AveragePool", vec![attr_ints("kernel_shape", &[2, 2])], &["y"])))
    else {
        panic!("not a Pool")
    };
    assert_eq!(kind, PoolKind::Avg { count_include_pad: false });
}

#[test]
fn pool_without_kernel_shape_is_refused() {
    let e = import_err(&pool_model("MaxPool", vec![], &["y"]));
    assert!(e.to_string().contains("kernel_shape"), "{e}");
}

#[test]
fn global_average_pool_is_a_mean_over_the_spatial_axes() {
    let g = import_ok(&pool_model("GlobalAveragePool", vec![], &["y"]));
    assert_eq!(only_op(&g), Op::Reduce { kind: ReduceKind::Mean, axes: vec![2, 3], keepdims: true });
}

// ---- symbolic image sizes (unknown dims get names of their own: `x_2`, `x_3`) ----------------

fn image_sizes(g: &Graph) -> Vec<Dim> {
    g.value(g.outputs[0]).ty.shape[2..].to_vec()
}

#[test]
fn strided_conv_and_ceil_mode_pool_on_a_symbolic_image() {
    let (h, w) = (Dim::sym("x_2"), Dim::sym("x_3"));
    // 3x3 at stride 2, pads 1: floor((h - 1) / 2) + 1 = floor((h + 1) / 2).
    let attrs = vec![attr_ints("strides", &[2, 2]), attr_ints("pads", &[1, 1, 1, 1])];
    let g = import_ok(&conv_model(attrs, &[1, 2, -1, -1], &[4, 2, 3, 3]));
    let half = |d: &Dim| (d + &Dim::int(1)).floor_div(2).unwrap();
    assert_eq!(image_sizes(&g), vec![half(&h), half(&w)]);
    // 2x2 at stride 2 in ceil mode: ceil((h - 2) / 2) + 1, the same.
    let pool = vec![attr_ints("kernel_shape", &[2, 2]), attr_ints("strides", &[2, 2]), attr_i("ceil_mode", 1)];
    let g =
        import_ok(&one(13, vec![f32_input("x", &[1, 2, -1, -1])], vec![], node("MaxPool", "p", &["x"], &["y"], pool)));
    assert_eq!(image_sizes(&g), vec![half(&h), half(&w)]);
    // Without padding the window's room, h - 3, is an atom run checks; the size is (h-3)+1.
    let g = import_ok(&conv_model(vec![], &[1, 2, -1, -1], &[4, 2, 3, 3]));
    assert_eq!(image_sizes(&g)[0].to_string(), "(x_2-3)+1");
}

#[test]
fn conv_transpose_and_resize_double_a_symbolic_image() {
    let (h, w) = (Dim::sym("x_2"), Dim::sym("x_3"));
    let twice = vec![&h * &Dim::fixed(2), &w * &Dim::fixed(2)];
    let up = node("ConvTranspose", "up", &["x", "w"], &["y"], vec![attr_ints("strides", &[2, 2])]);
    let g =
        import_ok(&one(13, vec![f32_input("x", &[1, 4, -1, -1])], vec![init_f32("w", &[4, 2, 2, 2], &[0.5; 32])], up));
    assert_eq!(image_sizes(&g), twice);
    let resize = |mode: &str| {
        let attrs = vec![
            attr_s("mode", mode),
            attr_s("coordinate_transformation_mode", "asymmetric"),
            attr_s("nearest_mode", "floor"),
        ];
        let inits = vec![init_f32("roi", &[0], &[]), init_f32("scales", &[4], &[1.0, 1.0, 2.0, 2.0])];
        one(
            13,
            vec![f32_input("x", &[1, 4, -1, -1])],
            inits,
            node("Resize", "r", &["x", "roi", "scales"], &["y"], attrs),
        )
    };
    assert_eq!(image_sizes(&import_ok(&resize("nearest"))), twice);
    // Linear interpolation of a symbolic size needs its taps at build time: refused, by name.
    assert!(import_err(&resize("linear")).to_string().contains("Resize of the symbolic shape"));
}

#[test]
fn a_concat_of_sizes_the_compiler_cannot_prove_equal_is_checked_at_run_time() {
    let cat = node("Concat", "cat", &["a", "b"], &["y"], vec![attr_i("axis", 1)]);
    let g = import_ok(&one(13, vec![f32_input("a", &[1, 2, -1]), f32_input("b", &[1, 3, -1])], vec![], cat));
    assert_eq!(g.equal_sizes, vec![(Dim::sym("b_2"), Dim::sym("a_2"))]);
    assert_eq!(g.value(g.outputs[0]).ty.shape, vec![Dim::fixed(1), Dim::fixed(5), Dim::sym("a_2")]);
    // Fixed sizes that differ stay an error.
    let cat = node("Concat", "cat", &["a", "b"], &["y"], vec![attr_i("axis", 1)]);
    assert!(import_err(&one(13, vec![f32_input("a", &[1, 2, 4]), f32_input("b", &[1, 3, 5])], vec![], cat))
        .to_string()
        .contains("cannot concatenate"));
}
