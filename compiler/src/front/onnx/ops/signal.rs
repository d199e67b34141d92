//! Window functions (17+), computed at build time from the `size` input (needed then):
//! HannWindow, HammingWindow (alpha 25/46), BlackmanWindow; periodic (1) and
//! output_datatype (1 = float). https://onnx.ai/onnx/operators/onnx__HannWindow.html

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{DType, Data, Op, Tensor, ValueId};
use std::f64::consts::PI;

pub fn import_window(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let size = *ctx.const_i64s(n.input(0)?, "size")?.first().ok_or("size is empty")?;
    let size = usize::try_from(size).map_err(|_| NodeError::Invalid(format!("size {size}")))?;
    let code = n.attrs.int_or("output_datatype", 1);
    let dtype = DType::from_onnx_code(code as i32).ok_or_else(|| NodeError::Unsupported(format!("output_datatype {code}")))?;
    let periods = if n.attrs.int_or("periodic", 1) != 0 { size as f64 } else { size as f64 - 1.0 };
    let values: Vec<f64> = (0..size)
        .map(|i| {
            let x = i as f64;
            match n.op_type {
                "HannWindow" => (x * PI / periods).sin().powi(2),
                "HammingWindow" => 25.0 / 46.0 - (x * PI * 2.0 / periods).cos() * (21.0 / 46.0),
                _ => 0.42 - 0.5 * (x * PI * 2.0 / periods).cos() + 0.08 * (x * PI * 4.0 / periods).cos(),
            }
        })
        .collect();
    let window = ctx.constant(Tensor::new(vec![size], Data::F64(values)).ok_or("bad window")?);
    Ok(vec![ctx.node(n.name, Op::Cast { to: dtype }, vec![window])?])
}
