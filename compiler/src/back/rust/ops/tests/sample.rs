//! Tests: sample.

use super::*;

#[test]
fn resample_passes_axis_and_tap_count() {
    let xs = [f32o("x", &[1, 4]), opnd("i", DType::I64, &[8, 2]), f32o("c", &[8, 2])];
    assert_eq!(
        lowered(&Op::Resample { axis: 1 }, &xs, &f32o("y", &[1, 8])),
        s(quote!(rt::kernels::resample::resample(x, &[1, 4], 1, i, c, 2, y)?;))
    );
    assert!(lower_err(&Op::Resample { axis: 1 }, &xs[..2], &f32o("y", &[1, 8])).contains("coefficients"));
}

#[test]
fn grid_sample_names_mode_and_padding() {
    let op = Op::GridSample { mode: GridMode::Nearest, padding: GridPadding::Reflection, align_corners: true };
    let xs = [f32o("x", &[1, 1, 4, 4]), f32o("g", &[1, 2, 2, 2])];
    assert_eq!(
        lowered(&op, &xs, &f32o("y", &[1, 1, 2, 2])),
        s(quote!(rt::kernels::grid_sample::grid_sample(x, &[1, 1, 4, 4], g, &[1, 2, 2, 2],
            rt::kernels::grid_sample::GridMode::Nearest, rt::kernels::grid_sample::GridPadding::Reflection, true, y)?;))
    );
}

#[test]
fn roi_align_passes_its_params() {
    let op =
        Op::RoiAlign { max_mode: true, half_pixel: false, spatial_scale: 0.25, sampling_ratio: 2, out_h: 2, out_w: 3 };
    let xs = [f32o("x", &[1, 3, 8, 8]), f32o("r", &[4, 4]), opnd("b", DType::I64, &[4])];
    assert_eq!(
        lowered(&op, &xs, &f32o("y", &[4, 3, 2, 3])),
        s(quote!(rt::kernels::roi_align::roi_align(x, &[1, 3, 8, 8], r, b,
            &rt::kernels::roi_align::RoiAlignParams { max_mode: true, half_pixel: false, spatial_scale: 0.25f32, sampling_ratio: 2 },
            y, &[4, 3, 2, 3])?;))
    );
}
