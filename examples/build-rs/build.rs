fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    if let Err(e) = ronn_compiler::Compiler::new("models/mnist_cnn.onnx").name("mnist").emit(&out_dir) {
        panic!("ronn: {e}");
    }
}
