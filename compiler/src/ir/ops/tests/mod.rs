//! Unit tests of this folder's op families.

use super::*;

// ---- helpers -------------------------------------------------------------------------------

fn ty(dtype: DType, dims: &[usize]) -> TensorType {
    TensorType::fixed(dtype, dims)
}

fn f32s(shape: &[usize], v: &[f32]) -> Tensor {
    Tensor::new(shape.to_vec(), Data::F32(v.to_vec())).expect("element count matches the shape")
}

fn i64t(shape: &[usize], v: &[i64]) -> Tensor {
    Tensor::new(shape.to_vec(), Data::I64(v.to_vec())).expect("element count matches the shape")
}

fn i32t(shape: &[usize], v: &[i32]) -> Tensor {
    Tensor::new(shape.to_vec(), Data::I32(v.to_vec())).expect("element count matches the shape")
}

fn bools(shape: &[usize], v: &[bool]) -> Tensor {
    Tensor::new(shape.to_vec(), Data::Bool(v.to_vec())).expect("element count matches the shape")
}

/// Output types of `op` on inputs of these types.
fn infer_of(op: &Op, inputs: &[TensorType]) -> Result<Vec<TensorType>, String> {
    infer(op, &inputs.iter().collect::<Vec<_>>())
}

/// `op` on constant inputs: types inferred, then evaluated; the single output.
fn run(op: &Op, inputs: &[Tensor]) -> Result<Tensor, String> {
    let tys: Vec<TensorType> = inputs.iter().map(Tensor::ty).collect();
    let out = infer_of(op, &tys)?;
    let mut y = eval(op, &inputs.iter().collect::<Vec<_>>(), &out)?;
    assert_eq!(y.len(), 1, "one output");
    let y = y.pop().unwrap();
    assert_eq!(y.ty(), out[0], "evaluation agrees with inference");
    Ok(y)
}

fn run_ok(op: &Op, inputs: &[Tensor]) -> Tensor {
    run(op, inputs).unwrap_or_else(|e| panic!("{op:?} failed: {e}"))
}

fn as_f32(t: &Tensor) -> &[f32] {
    match &t.data {
        Data::F32(v) => v,
        other => panic!("expected f32 data, got {}", other.dtype()),
    }
}

fn as_i64(t: &Tensor) -> &[i64] {
    match &t.data {
        Data::I64(v) => v,
        other => panic!("expected i64 data, got {}", other.dtype()),
    }
}

fn as_bool(t: &Tensor) -> &[bool] {
    match &t.data {
        Data::Bool(v) => v,
        other => panic!("expected bool data, got {}", other.dtype()),
    }
}

fn assert_close(got: &[f32], want: &[f32]) {
    assert_eq!(got.len(), want.len(), "lengths of {got:?} and {want:?}");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() <= 1e-5 * w.abs().max(1.0), "element {i}: got {g}, want {w} ({got:?} vs {want:?})");
    }
}

fn window(kernel: &[usize], strides: &[usize], pads: &[usize]) -> Window {
    Window { kernel: kernel.to_vec(), strides: strides.to_vec(), dilations: vec![1; kernel.len()], pads: pads.to_vec() }
}

/// 1..=9 as a `[1, 1, 3, 3]` image.
fn image_3x3() -> Tensor {
    f32s(&[1, 1, 3, 3], &[1., 2., 3., 4., 5., 6., 7., 8., 9.])
}

fn m2x3() -> Tensor {
    f32s(&[2, 3], &[1., 2., 3., 4., 5., 6.])
}

mod attention;
mod conv;
mod edge_cases;
mod elementwise;
mod linalg;
mod movement;
mod norm;
mod pool;
mod recurrence;
mod reduce;
mod sample;
