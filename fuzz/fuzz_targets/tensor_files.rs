//! Input files of the standalone executable and `ronnc check`: `.npy` and ONNX TensorProto
//! `.pb` parsing, then the conversions `run_any` applies before calling the model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ronn_runtime::io::{read_npy, read_tensor_proto, AnyTensor};

fn convert(t: &AnyTensor) {
    let _ = t.to_f64_vec();
    let _ = t.to_vec::<f32>();
    let _ = t.to_vec::<i64>();
    let _ = t.to_bools();
}

fuzz_target!(|data: &[u8]| {
    if let Ok(t) = read_npy(data) {
        convert(&t);
    }
    if let Ok((_, t)) = read_tensor_proto(data) {
        convert(&t);
    }
});
