// trybuild compiles this from target/tests/trybuild/ronn: paths climb back to the repository.
ronn::include_model!("../../../../tests/fixtures/add.onnx");

use ronn::runtime::TensorView;

fn main() {
    let mut model = add::Model::new().unwrap();
    let a = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0];
    let b = [10.0f32; 6];
    let out = model.run(TensorView::new(&a, &[2, 3]), TensorView::new(&b, &[2, 3])).unwrap();
    assert_eq!(out.y.data, &[11.0, 12.0, 13.0, 14.0, 15.0, 16.0]);
    assert_eq!(out.y.shape, &[2, 3]);
    // A wrong shape is an error, not a panic.
    let err = model.run(TensorView::new(&a, &[3, 2]), TensorView::new(&b, &[2, 3]));
    assert!(err.is_err());
}
