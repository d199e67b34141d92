//! Tensor files given on the command line (`--input-value NAME=FILE`, `.npy` or ONNX
//! TensorProto `.pb`) and from `ronnc check`'s data sets, as IR constants.

use std::path::Path;

use ronn_compiler::ir::{Data, Tensor};
use ronn_runtime::io::{read_npy, read_tensor_proto, AnyTensor};

/// Reads a tensor file; the name stored in a `.pb` (possibly empty) comes with it.
pub fn read(path: &Path) -> Result<(String, Tensor), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    let (name, t) = if path.extension().is_some_and(|e| e == "npy") {
        (String::new(), read_npy(&bytes).map_err(|e| format!("`{}`: {e}", path.display()))?)
    } else {
        read_tensor_proto(&bytes).map_err(|e| format!("`{}`: {e}", path.display()))?
    };
    Ok((name, to_tensor(t).map_err(|e| format!("`{}`: {e}", path.display()))?))
}

fn to_tensor(t: AnyTensor) -> Result<Tensor, String> {
    let data = Data::from_le_bytes(t.dtype, &t.bytes).ok_or("bad tensor data")?;
    Tensor::new(t.shape, data).ok_or_else(|| "tensor data does not match its shape".to_string())
}
