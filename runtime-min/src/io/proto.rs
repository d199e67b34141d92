//! ONNX `TensorProto` messages (`.pb`, the files of ONNX's `test_data_set_*` folders): a minimal
//! protobuf wire-format reader and writer, [`read_tensor_proto`] and [`write_tensor_proto`].

use super::tensor::*;
use crate::DType;

pub(super) struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

pub(super) const WIRE_VARINT: u8 = 0;
pub(super) const WIRE_I64: u8 = 1;
pub(super) const WIRE_LEN: u8 = 2;
pub(super) const WIRE_SGROUP: u8 = 3;
pub(super) const WIRE_EGROUP: u8 = 4;
pub(super) const WIRE_I32: u8 = 5;

impl<'a> Reader<'a> {
    fn new(b: &'a [u8]) -> Self {
        Reader { b, pos: 0 }
    }

    fn done(&self) -> bool {
        self.pos >= self.b.len()
    }

    fn varint(&mut self) -> Result<u64, IoError> {
        let mut v: u64 = 0;
        for i in 0..10 {
            let byte = *self.b.get(self.pos).ok_or(IoError::Truncated("a protobuf varint"))?;
            self.pos += 1;
            if i == 9 && byte > 1 {
                return Err(IoError::BadProtobuf("varint longer than 64 bits".into()));
            }
            v |= u64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(IoError::BadProtobuf("varint longer than 10 bytes".into()))
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], IoError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.b.len()).ok_or(IoError::Truncated(what))?;
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn fixed<const N: usize>(&mut self) -> Result<[u8; N], IoError> {
        let s = self.take(N, "a protobuf fixed-width value")?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    fn len_delimited(&mut self) -> Result<&'a [u8], IoError> {
        let len = self.varint()?;
        let len = usize::try_from(len).map_err(|_| IoError::Truncated("a length-delimited protobuf field"))?;
        self.take(len, "a length-delimited protobuf field")
    }

    /// Returns (field number, wire type).
    fn tag(&mut self) -> Result<(u64, u8), IoError> {
        let key = self.varint()?;
        let field = key >> 3;
        if field == 0 || field > (1 << 29) - 1 {
            return Err(IoError::BadProtobuf(format!("invalid field number {field}")));
        }
        Ok((field, (key & 7) as u8))
    }

    /// Skips the value of a field of wire type `wire` (for groups, up to the matching end).
    fn skip(&mut self, field: u64, wire: u8, depth: usize) -> Result<(), IoError> {
        match wire {
            WIRE_VARINT => self.varint().map(drop),
            WIRE_I64 => self.take(8, "a protobuf fixed64").map(drop),
            WIRE_LEN => self.len_delimited().map(drop),
            WIRE_I32 => self.take(4, "a protobuf fixed32").map(drop),
            WIRE_SGROUP => {
                if depth >= 64 {
                    return Err(IoError::BadProtobuf("groups nested too deeply".into()));
                }
                loop {
                    if self.done() {
                        return Err(IoError::Truncated("a protobuf group"));
                    }
                    let (f, w) = self.tag()?;
                    if w == WIRE_EGROUP {
                        if f != field {
                            return Err(IoError::BadProtobuf(format!("group {field} closed as {f}")));
                        }
                        return Ok(());
                    }
                    self.skip(f, w, depth + 1)?;
                }
            }
            WIRE_EGROUP => Err(IoError::BadProtobuf(format!("unmatched end of group {field}"))),
            w => Err(IoError::BadProtobuf(format!("invalid wire type {w} (field {field})"))),
        }
    }
}

/// Reads a repeated varint field, packed (wire type 2) or not (wire type 0).
pub(super) fn repeated_varint(r: &mut Reader, field: u64, wire: u8, out: &mut Vec<u64>) -> Result<(), IoError> {
    match wire {
        WIRE_VARINT => out.push(r.varint()?),
        WIRE_LEN => {
            let mut p = Reader::new(r.len_delimited()?);
            while !p.done() {
                out.push(p.varint()?);
            }
        }
        w => return Err(wrong_wire(field, w)),
    }
    Ok(())
}

/// Reads a repeated fixed-width field, packed (wire type 2) or not (`single`).
pub(super) fn repeated_fixed<const N: usize>(
    r: &mut Reader,
    field: u64,
    wire: u8,
    single: u8,
    out: &mut Vec<[u8; N]>,
) -> Result<(), IoError> {
    if wire == single {
        out.push(r.fixed::<N>()?);
    } else if wire == WIRE_LEN {
        let data = r.len_delimited()?;
        if data.len() % N != 0 {
            return Err(IoError::BadProtobuf(format!(
                "packed field {field} is {} bytes, not a multiple of {N}",
                data.len()
            )));
        }
        out.extend(data.chunks_exact(N).map(|c| {
            let mut a = [0u8; N];
            a.copy_from_slice(c);
            a
        }));
    } else {
        return Err(wrong_wire(field, wire));
    }
    Ok(())
}

pub(super) fn wrong_wire(field: u64, wire: u8) -> IoError {
    IoError::BadProtobuf(format!("field {field} has unexpected wire type {wire}"))
}

pub(super) fn onnx_type_name(code: i64) -> &'static str {
    const NAMES: [&str; 29] = [
        "UNDEFINED",
        "FLOAT",
        "UINT8",
        "INT8",
        "UINT16",
        "INT16",
        "INT32",
        "INT64",
        "STRING",
        "BOOL",
        "FLOAT16",
        "DOUBLE",
        "UINT32",
        "UINT64",
        "COMPLEX64",
        "COMPLEX128",
        "BFLOAT16",
        "FLOAT8E4M3FN",
        "FLOAT8E4M3FNUZ",
        "FLOAT8E5M2",
        "FLOAT8E5M2FNUZ",
        "UINT4",
        "INT4",
        "FLOAT4E2M1",
        "FLOAT8E8M0",
        "UINT2",
        "INT2",
        "FLOAT6E2M3",
        "FLOAT6E3M2",
    ];
    usize::try_from(code).ok().and_then(|i| NAMES.get(i)).copied().unwrap_or("unknown")
}

/// Reads a serialized ONNX `TensorProto`: returns its name (empty when unset) and its value.
///
/// Accepts `raw_data` and every typed field (`float_data`, `int32_data`, `int64_data`,
/// `double_data`, `uint64_data`), packed or not; skips fields it does not know. Tensors with
/// external data, segments, or an unsupported data type are errors.
pub fn read_tensor_proto(bytes: &[u8]) -> Result<(String, AnyTensor), IoError> {
    let mut r = Reader::new(bytes);
    let mut dims: Vec<u64> = Vec::new();
    let mut data_type: Option<i64> = None;
    let mut name = String::new();
    let mut raw: Option<&[u8]> = None;
    let mut floats: Vec<[u8; 4]> = Vec::new();
    let mut doubles: Vec<[u8; 8]> = Vec::new();
    let mut int32s: Vec<u64> = Vec::new();
    let mut int64s: Vec<u64> = Vec::new();
    let mut uint64s: Vec<u64> = Vec::new();
    while !r.done() {
        let (field, wire) = r.tag()?;
        match field {
            1 => repeated_varint(&mut r, field, wire, &mut dims)?,
            2 if wire == WIRE_VARINT => data_type = Some(r.varint()? as i64),
            3 if wire == WIRE_LEN => return Err(IoError::BadProtobuf("segmented tensors are not supported".into())),
            4 => repeated_fixed::<4>(&mut r, field, wire, WIRE_I32, &mut floats)?,
            5 => repeated_varint(&mut r, field, wire, &mut int32s)?,
            7 => repeated_varint(&mut r, field, wire, &mut int64s)?,
            8 if wire == WIRE_LEN => {
                name = core::str::from_utf8(r.len_delimited()?)
                    .map_err(|_| IoError::BadProtobuf("name is not valid UTF-8".into()))?
                    .to_string()
            }
            9 if wire == WIRE_LEN => raw = Some(r.len_delimited()?),
            10 => repeated_fixed::<8>(&mut r, field, wire, WIRE_I64, &mut doubles)?,
            11 => repeated_varint(&mut r, field, wire, &mut uint64s)?,
            13 if wire == WIRE_LEN => return Err(IoError::ExternalData),
            14 if wire == WIRE_VARINT => {
                if r.varint()? != 0 {
                    return Err(IoError::ExternalData);
                }
            }
            2 | 3 | 8 | 9 | 13 | 14 => return Err(wrong_wire(field, wire)),
            _ => r.skip(field, wire, 0)?,
        }
    }

    let code = data_type.ok_or_else(|| IoError::BadProtobuf("no data_type".into()))?;
    let dtype = i32::try_from(code)
        .ok()
        .and_then(DType::from_onnx_code)
        .ok_or_else(|| IoError::UnsupportedDType(format!("{} (ONNX data type {code})", onnx_type_name(code))))?;
    for &d in &dims {
        if d as i64 <= -1 {
            return Err(IoError::BadShape(format!("negative dimension {} in {:?}", d as i64, signed(&dims))));
        }
    }
    let n = element_count(dtype, &dims)?;
    let shape = dims_to_shape(&dims)?;
    let size = dtype.size();

    if let Some(raw) = raw {
        let expected = n * size as u64;
        if raw.len() as u64 != expected {
            return Err(IoError::DataLength { field: "raw_data", expected, got: raw.len() as u64 });
        }
        let mut bytes = raw.to_vec();
        if dtype == DType::Bool {
            normalise_bools(&mut bytes);
        }
        return Ok((name, AnyTensor { dtype, shape, bytes }));
    }

    let (field, got) = match dtype {
        DType::F32 => ("float_data", floats.len()),
        DType::F64 => ("double_data", doubles.len()),
        DType::I64 => ("int64_data", int64s.len()),
        DType::U32 | DType::U64 => ("uint64_data", uint64s.len()),
        _ => ("int32_data", int32s.len()),
    };
    if got as u64 != n {
        return Err(IoError::DataLength { field, expected: n, got: got as u64 });
    }
    // n equals the length of a vector decoded from the input, so this allocation is bounded by it.
    let mut bytes = Vec::with_capacity(got * size);
    match dtype {
        DType::F32 => floats.iter().for_each(|f| bytes.extend_from_slice(f)),
        DType::F64 => doubles.iter().for_each(|d| bytes.extend_from_slice(d)),
        DType::I64 | DType::U64 => {
            let v = if dtype == DType::I64 { &int64s } else { &uint64s };
            v.iter().for_each(|x| bytes.extend_from_slice(&x.to_le_bytes()));
        }
        DType::U32 => uint64s.iter().for_each(|&x| bytes.extend_from_slice(&(x as u32).to_le_bytes())),
        DType::I32 => int32s.iter().for_each(|&x| bytes.extend_from_slice(&(x as i32).to_le_bytes())),
        // int32_data holds the 16-bit patterns of f16/bf16 and the values of the small integers.
        DType::I16 | DType::U16 | DType::F16 | DType::BF16 => {
            int32s.iter().for_each(|&x| bytes.extend_from_slice(&(x as u16).to_le_bytes()))
        }
        DType::I8 | DType::U8 => bytes.extend(int32s.iter().map(|&x| x as u8)),
        DType::Bool => bytes.extend(int32s.iter().map(|&x| (x != 0) as u8)),
    }
    Ok((name, AnyTensor { dtype, shape, bytes }))
}

pub(super) fn signed(dims: &[u64]) -> Vec<i64> {
    dims.iter().map(|&d| d as i64).collect()
}

pub(super) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(super) fn put_tag(out: &mut Vec<u8>, field: u64, wire: u8) {
    put_varint(out, (field << 3) | u64::from(wire));
}

/// Writes a `TensorProto` with `dims`, `data_type`, `name` (omitted when empty) and `raw_data`:
/// byte for byte what `onnx.numpy_helper.from_array(array, name).SerializeToString()` gives.
pub fn write_tensor_proto(name: &str, t: &AnyTensor) -> Vec<u8> {
    let mut out = Vec::with_capacity(t.bytes.len() + name.len() + 16 + 10 * t.shape.len());
    for &d in &t.shape {
        put_tag(&mut out, 1, WIRE_VARINT);
        put_varint(&mut out, d as u64);
    }
    put_tag(&mut out, 2, WIRE_VARINT);
    put_varint(&mut out, t.dtype.onnx_code() as u64);
    if !name.is_empty() {
        put_tag(&mut out, 8, WIRE_LEN);
        put_varint(&mut out, name.len() as u64);
        out.extend_from_slice(name.as_bytes());
    }
    put_tag(&mut out, 9, WIRE_LEN);
    put_varint(&mut out, t.bytes.len() as u64);
    out.extend_from_slice(&t.bytes);
    out
}
