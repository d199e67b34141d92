ronn::include_model!("../../../../tests/fixtures/bad_shapes.onnx");

fn main() {}
