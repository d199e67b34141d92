//! Just enough of the .npy format for the harness: little-endian f32/f64/i64/i32/bool, C order.

use anyhow::{anyhow, bail, ensure};
use tract_onnx::prelude::*;

pub fn read(path: &str) -> TractResult<Tensor> {
    let bytes = std::fs::read(path)?;
    ensure!(bytes.len() > 10 && &bytes[..6] == b"\x93NUMPY", "{path}: not an .npy file");
    let (header_len, start) = if bytes[6] == 1 {
        (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10)
    } else {
        (u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize, 12)
    };
    let header = std::str::from_utf8(&bytes[start..start + header_len])?;
    ensure!(header.contains("'fortran_order': False"), "{path}: Fortran order");
    let descr = field(header, "'descr': '").ok_or_else(|| anyhow!("{path}: no descr"))?;
    let shape_text = header.split("'shape': (").nth(1).and_then(|s| s.split(')').next()).unwrap_or("");
    let shape: Vec<usize> =
        shape_text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::parse).collect::<Result<_, _>>()?;
    let data = &bytes[start + header_len..];
    let dt = match descr {
        "<f4" => f32::datum_type(),
        "<f8" => f64::datum_type(),
        "<i8" => i64::datum_type(),
        "<i4" => i32::datum_type(),
        "|b1" => bool::datum_type(),
        other => bail!("{path}: dtype {other} not handled"),
    };
    Ok(unsafe { Tensor::from_raw_dt(dt, &shape, data)? })
}

fn field<'a>(header: &'a str, key: &str) -> Option<&'a str> {
    header.split(key).nth(1)?.split('\'').next()
}

pub fn write(path: &str, t: &Tensor) -> TractResult<()> {
    let t = t.cast_to::<f32>()?;
    let shape: Vec<String> = t.shape().iter().map(|d| d.to_string()).collect();
    let shape = if shape.len() == 1 { format!("{},", shape[0]) } else { shape.join(", ") };
    let mut header = format!("{{'descr': '<f4', 'fortran_order': False, 'shape': ({shape}), }}");
    while (header.len() + 11) % 64 != 0 {
        header.push(' ');
    }
    header.push('\n');
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    for v in t.to_plain_array_view::<f32>()?.iter() {
        out.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::write(path, out)?;
    Ok(())
}
