//! Reading and writing tensors as `.npy` files and as ONNX `TensorProto` messages (`.pb`, the
//! format of ONNX's `test_data_set_*` folders), without dependencies.
//!
//! Every reader returns an [`IoError`] on malformed input, never panics, and checks a declared
//! shape against the bytes actually present before allocating anything of that size.
//!
//! Element bytes are little-endian (the byte order of every target ronn supports).

use core::fmt;

use crate::{DType, Element};

/// The largest tensor the readers accept, in bytes of element data (1 TiB).
pub const MAX_TENSOR_BYTES: u64 = 1 << 40;

/// A tensor of any supported dtype, as read from or written to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnyTensor {
    pub dtype: DType,
    pub shape: Vec<usize>,
    /// Element data in C order, little-endian; a bool is one byte, 0 or 1.
    pub bytes: Vec<u8>,
}

impl AnyTensor {
    /// Builds a tensor from raw element bytes, checking that their length matches the shape.
    /// Bool bytes are normalised to 0/1.
    pub fn new(dtype: DType, shape: Vec<usize>, mut bytes: Vec<u8>) -> Result<Self, IoError> {
        let dims: Vec<u64> = shape.iter().map(|&d| d as u64).collect();
        let expected = byte_len(dtype, &dims)?;
        if bytes.len() as u64 != expected {
            return Err(IoError::DataLength { field: "bytes", expected, got: bytes.len() as u64 });
        }
        if dtype == DType::Bool {
            normalise_bools(&mut bytes);
        }
        Ok(AnyTensor { dtype, shape, bytes })
    }

    /// Copies a typed slice. Works for `bool` too (see also [`AnyTensor::from_bools`]).
    ///
    /// # Panics
    /// If `data.len()` is not the product of `shape` (a programming error, not an input error).
    pub fn from_slice<T: Element + bytemuck::NoUninit>(data: &[T], shape: &[usize]) -> Self {
        let n: usize = shape.iter().product();
        assert_eq!(data.len(), n, "AnyTensor::from_slice: {} elements for shape {shape:?}", data.len());
        AnyTensor { dtype: T::DTYPE, shape: shape.to_vec(), bytes: bytemuck::cast_slice(data).to_vec() }
    }

    /// Copies a bool slice (one byte per element, 0 or 1).
    ///
    /// # Panics
    /// If `data.len()` is not the product of `shape`.
    pub fn from_bools(data: &[bool], shape: &[usize]) -> Self {
        let n: usize = shape.iter().product();
        assert_eq!(data.len(), n, "AnyTensor::from_bools: {} elements for shape {shape:?}", data.len());
        AnyTensor { dtype: DType::Bool, shape: shape.to_vec(), bytes: data.iter().map(|&b| b as u8).collect() }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.bytes.len() / self.dtype.size()
    }

    /// Whether the tensor has no elements (some dimension is 0).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The elements converted to `f64`, for comparisons (64-bit integers beyond 2^53 round).
    pub fn to_f64_vec(&self) -> Vec<f64> {
        let b = &self.bytes;
        match self.dtype {
            DType::F32 => le::<4, _>(b, |x| f32::from_le_bytes(x) as f64),
            DType::F64 => le::<8, _>(b, f64::from_le_bytes),
            DType::F16 => le::<2, _>(b, |x| half::f16::from_bits(u16::from_le_bytes(x)).to_f64()),
            DType::BF16 => le::<2, _>(b, |x| half::bf16::from_bits(u16::from_le_bytes(x)).to_f64()),
            DType::I8 => b.iter().map(|&x| x as i8 as f64).collect(),
            DType::U8 => b.iter().map(|&x| x as f64).collect(),
            DType::Bool => b.iter().map(|&x| if x != 0 { 1.0 } else { 0.0 }).collect(),
            DType::I16 => le::<2, _>(b, |x| i16::from_le_bytes(x) as f64),
            DType::U16 => le::<2, _>(b, |x| u16::from_le_bytes(x) as f64),
            DType::I32 => le::<4, _>(b, |x| i32::from_le_bytes(x) as f64),
            DType::U32 => le::<4, _>(b, |x| u32::from_le_bytes(x) as f64),
            DType::I64 => le::<8, _>(b, |x| i64::from_le_bytes(x) as f64),
            DType::U64 => le::<8, _>(b, |x| u64::from_le_bytes(x) as f64),
        }
    }

    /// The elements as a typed vector; `T` must match the tensor's dtype.
    pub fn to_vec<T: Element + bytemuck::Pod>(&self) -> Result<Vec<T>, IoError> {
        if T::DTYPE != self.dtype {
            return Err(IoError::DTypeMismatch { expected: T::DTYPE, got: self.dtype });
        }
        Ok(self.bytes.chunks_exact(core::mem::size_of::<T>()).map(bytemuck::pod_read_unaligned).collect())
    }

    /// The elements of a bool tensor.
    pub fn to_bools(&self) -> Result<Vec<bool>, IoError> {
        if self.dtype != DType::Bool {
            return Err(IoError::DTypeMismatch { expected: DType::Bool, got: self.dtype });
        }
        Ok(self.bytes.iter().map(|&b| b != 0).collect())
    }
}

fn le<const N: usize, F: Fn([u8; N]) -> f64>(bytes: &[u8], f: F) -> Vec<f64> {
    bytes
        .chunks_exact(N)
        .map(|c| {
            let mut a = [0u8; N];
            a.copy_from_slice(c);
            f(a)
        })
        .collect()
}

fn normalise_bools(bytes: &mut [u8]) {
    for b in bytes {
        *b = (*b != 0) as u8;
    }
}

/// Why a tensor file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoError {
    /// The input ended in the middle of `what`.
    Truncated(&'static str),
    /// Not a `.npy` file, or its header is malformed.
    BadNpy(String),
    /// The `.npy` array is stored in Fortran order; only C order is supported.
    FortranOrder,
    /// Not a valid protobuf `TensorProto` message.
    BadProtobuf(String),
    /// The `TensorProto` keeps its data in an external file.
    ExternalData,
    /// An element type ronn does not support (a `.npy` descriptor or an ONNX data type).
    UnsupportedDType(String),
    /// A dimension is negative, or the tensor would exceed [`MAX_TENSOR_BYTES`].
    BadShape(String),
    /// The data holds a different amount than the shape declares (`field` names where it was
    /// looked for; the counts are in bytes for raw data, in elements otherwise).
    DataLength { field: &'static str, expected: u64, got: u64 },
    /// A typed accessor was called with the wrong element type.
    DTypeMismatch { expected: DType, got: DType },
}

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IoError::Truncated(what) => write!(f, "truncated input: it ends in the middle of {what}"),
            IoError::BadNpy(why) => write!(f, "malformed .npy file: {why}"),
            IoError::FortranOrder => {
                f.write_str(".npy array is in Fortran order; only C order is supported (use np.ascontiguousarray)")
            }
            IoError::BadProtobuf(why) => write!(f, "malformed TensorProto: {why}"),
            IoError::ExternalData => f.write_str("TensorProto stores its data externally, which is not supported"),
            IoError::UnsupportedDType(what) => write!(f, "unsupported element type {what}"),
            IoError::BadShape(why) => write!(f, "bad tensor shape: {why}"),
            IoError::DataLength { field, expected, got } => {
                let unit = if matches!(*field, "raw_data" | "array data" | "bytes") { "bytes" } else { "values" };
                write!(f, "{field} holds {got} {unit} but the shape needs {expected}")
            }
            IoError::DTypeMismatch { expected, got } => {
                write!(f, "tensor has dtype {got}, asked for {expected}")
            }
        }
    }
}

impl std::error::Error for IoError {}

/// Number of elements of `dims`, checked: errors on overflow or beyond [`MAX_TENSOR_BYTES`].
/// A shape with a zero dimension is empty, but its other dimensions are held to the same limit,
/// so that the product of any subset of a returned shape's dimensions fits in a `usize`.
fn element_count(dtype: DType, dims: &[u64]) -> Result<u64, IoError> {
    let too_big = || IoError::BadShape(format!("{dims:?} of {dtype} exceeds {MAX_TENSOR_BYTES} bytes"));
    let mut n: u64 = 1;
    for &d in dims.iter().filter(|&&d| d != 0) {
        n = n.checked_mul(d).ok_or_else(too_big)?;
        if n.checked_mul(dtype.size() as u64).is_none_or(|b| b > MAX_TENSOR_BYTES) {
            return Err(too_big());
        }
    }
    Ok(if dims.contains(&0) { 0 } else { n })
}

fn byte_len(dtype: DType, dims: &[u64]) -> Result<u64, IoError> {
    // Cannot overflow: element_count checked the byte size.
    Ok(element_count(dtype, dims)? * dtype.size() as u64)
}

fn dims_to_shape(dims: &[u64]) -> Result<Vec<usize>, IoError> {
    dims.iter()
        .map(|&d| usize::try_from(d).map_err(|_| IoError::BadShape(format!("dimension {d} does not fit in usize"))))
        .collect()
}

// ------------------------------------------------------------------------------------------------
// .npy
// ------------------------------------------------------------------------------------------------

const NPY_MAGIC: &[u8] = b"\x93NUMPY";

/// Reads a `.npy` file (format versions 1, 2 and 3; little-endian or byte-order-free
/// descriptors; C order). `<V2` (numpy has no bfloat16) reads as bf16.
pub fn read_npy(bytes: &[u8]) -> Result<AnyTensor, IoError> {
    let rest = bytes.strip_prefix(NPY_MAGIC).ok_or_else(|| {
        if NPY_MAGIC.starts_with(bytes) {
            IoError::Truncated("the .npy magic string")
        } else {
            IoError::BadNpy("it does not start with \\x93NUMPY".into())
        }
    })?;
    let (&major, rest) = rest.split_first().ok_or(IoError::Truncated("the .npy version"))?;
    let (_minor, rest) = rest.split_first().ok_or(IoError::Truncated("the .npy version"))?;
    let (header_len, rest) = match major {
        1 => {
            let (l, r) = split_at_checked(rest, 2).ok_or(IoError::Truncated("the .npy header length"))?;
            (u16::from_le_bytes([l[0], l[1]]) as usize, r)
        }
        2 | 3 => {
            let (l, r) = split_at_checked(rest, 4).ok_or(IoError::Truncated("the .npy header length"))?;
            let len = u32::from_le_bytes([l[0], l[1], l[2], l[3]]);
            (usize::try_from(len).map_err(|_| IoError::BadNpy("header length too large".into()))?, r)
        }
        v => return Err(IoError::BadNpy(format!("unsupported format version {v}"))),
    };
    let (header, data) = split_at_checked(rest, header_len).ok_or(IoError::Truncated("the .npy header"))?;
    let header = if major == 3 {
        core::str::from_utf8(header).map_err(|_| IoError::BadNpy("header is not UTF-8".into()))?
    } else {
        // Versions 1 and 2 are latin-1; a valid header is plain ASCII.
        core::str::from_utf8(header)
            .ok()
            .filter(|h| h.is_ascii())
            .ok_or_else(|| IoError::BadNpy("header is not ASCII".into()))?
    };
    let (dtype, fortran, dims) = parse_npy_header(header)?;
    if fortran {
        return Err(IoError::FortranOrder);
    }
    let expected = byte_len(dtype, &dims)?;
    if data.len() as u64 != expected {
        return Err(IoError::DataLength { field: "array data", expected, got: data.len() as u64 });
    }
    let mut bytes = data.to_vec();
    if dtype == DType::Bool {
        normalise_bools(&mut bytes);
    }
    Ok(AnyTensor { dtype, shape: dims_to_shape(&dims)?, bytes })
}

fn split_at_checked(b: &[u8], mid: usize) -> Option<(&[u8], &[u8])> {
    if mid <= b.len() {
        Some(b.split_at(mid))
    } else {
        None
    }
}

/// Writes a `.npy` file (version 1 unless the header needs more than 64 KiB), as `np.save` does.
pub fn write_npy(t: &AnyTensor) -> Vec<u8> {
    let shape = match t.shape.as_slice() {
        [d] => format!("({d},)"),
        s => format!("({})", s.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    };
    let mut header = format!("{{'descr': '{}', 'fortran_order': False, 'shape': {shape}, }}", t.dtype.npy_descr());
    // Magic (6) + version (2) + length (2 or 4) + header + '\n', padded with spaces to 64 bytes.
    let mut prefix_len = 10;
    if header.len() + 1 + prefix_len > 65535 {
        prefix_len = 12;
    }
    let total = (prefix_len + header.len() + 1).div_ceil(64) * 64;
    let pad = total - prefix_len - header.len() - 1;
    header.extend(core::iter::repeat_n(' ', pad));
    header.push('\n');
    let mut out = Vec::with_capacity(total + t.bytes.len());
    out.extend_from_slice(NPY_MAGIC);
    if prefix_len == 10 {
        out.extend_from_slice(&[1, 0]);
        out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    } else {
        out.extend_from_slice(&[2, 0]);
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    }
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(&t.bytes);
    out
}

/// A Python literal in a `.npy` header.
#[derive(Debug, PartialEq)]
enum PyLit {
    Str(String),
    Bool(bool),
    Int(u64),
    Tuple(Vec<PyLit>),
}

struct PyParser<'a> {
    s: &'a [u8],
    pos: usize,
    depth: usize,
}

impl PyParser<'_> {
    fn err(&self, what: &str) -> IoError {
        IoError::BadNpy(format!("header: {what} at byte {}", self.pos))
    }

    fn skip_ws(&mut self) {
        while self.s.get(self.pos).is_some_and(|c| c.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Result<PyLit, IoError> {
        match self.peek() {
            Some(q @ (b'\'' | b'"')) => {
                self.pos += 1;
                let start = self.pos;
                while let Some(&c) = self.s.get(self.pos) {
                    if c == q {
                        let text =
                            core::str::from_utf8(&self.s[start..self.pos]).map_err(|_| self.err("bad string"))?;
                        self.pos += 1;
                        return Ok(PyLit::Str(text.to_string()));
                    }
                    if c == b'\\' {
                        return Err(self.err("escaped string"));
                    }
                    self.pos += 1;
                }
                Err(self.err("unterminated string"))
            }
            Some(b'(') => {
                self.pos += 1;
                self.depth += 1;
                if self.depth > 4 {
                    return Err(self.err("nesting too deep"));
                }
                let mut items = Vec::new();
                loop {
                    if self.eat(b')') {
                        break;
                    }
                    items.push(self.value()?);
                    if !self.eat(b',') {
                        if self.eat(b')') {
                            break;
                        }
                        return Err(self.err("expected ',' or ')' in tuple"));
                    }
                }
                self.depth -= 1;
                Ok(PyLit::Tuple(items))
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.pos;
                while self.s.get(self.pos).is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
                // Python 2 era writers append `L` to longs.
                if self.s.get(self.pos) == Some(&b'L') {
                    self.pos += 1;
                }
                let digits = core::str::from_utf8(&self.s[start..self.pos]).unwrap_or("").trim_end_matches('L');
                digits
                    .parse()
                    .map(PyLit::Int)
                    .map_err(|_| IoError::BadShape(format!("dimension {digits} is too large")))
            }
            Some(b'-') => Err(IoError::BadShape("negative dimension in .npy shape".into())),
            Some(_) => {
                for (word, v) in [("True", true), ("False", false)] {
                    if self.s[self.pos..].starts_with(word.as_bytes()) {
                        self.pos += word.len();
                        return Ok(PyLit::Bool(v));
                    }
                }
                Err(self.err("unsupported value (structured dtypes are not supported)"))
            }
            None => Err(self.err("unexpected end")),
        }
    }
}

fn parse_npy_header(header: &str) -> Result<(DType, bool, Vec<u64>), IoError> {
    let mut p = PyParser { s: header.as_bytes(), pos: 0, depth: 0 };
    if !p.eat(b'{') {
        return Err(p.err("expected '{'"));
    }
    let (mut descr, mut fortran, mut shape) = (None, None, None);
    loop {
        if p.eat(b'}') {
            break;
        }
        let key = match p.value()? {
            PyLit::Str(k) => k,
            _ => return Err(p.err("expected a string key")),
        };
        if !p.eat(b':') {
            return Err(p.err("expected ':'"));
        }
        let value = p.value()?;
        match (key.as_str(), value) {
            ("descr", PyLit::Str(d)) => descr = Some(d),
            ("fortran_order", PyLit::Bool(b)) => fortran = Some(b),
            ("shape", PyLit::Tuple(items)) => {
                let dims = items
                    .into_iter()
                    .map(|i| match i {
                        PyLit::Int(d) => Ok(d),
                        _ => Err(IoError::BadNpy("shape holds a non-integer".into())),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                shape = Some(dims);
            }
            ("descr" | "fortran_order" | "shape", v) => {
                return Err(IoError::BadNpy(format!("unexpected value {v:?} for '{key}'")))
            }
            _ => {} // numpy rejects extra keys; ignoring them is harmless
        }
        if !p.eat(b',') {
            if p.eat(b'}') {
                break;
            }
            return Err(p.err("expected ',' or '}'"));
        }
    }
    let descr = descr.ok_or_else(|| IoError::BadNpy("header has no 'descr'".into()))?;
    let fortran = fortran.ok_or_else(|| IoError::BadNpy("header has no 'fortran_order'".into()))?;
    let shape = shape.ok_or_else(|| IoError::BadNpy("header has no 'shape'".into()))?;
    Ok((npy_dtype(&descr)?, fortran, shape))
}

fn npy_dtype(descr: &str) -> Result<DType, IoError> {
    let unsupported = || IoError::UnsupportedDType(format!(".npy descriptor '{descr}'"));
    let (order, code) = match descr.as_bytes().first() {
        Some(&c @ (b'<' | b'>' | b'|' | b'=')) => (c, &descr[1..]),
        _ => return Err(unsupported()),
    };
    let dtype = match code {
        "f2" => DType::F16,
        "f4" => DType::F32,
        "f8" => DType::F64,
        "i1" => DType::I8,
        "i2" => DType::I16,
        "i4" => DType::I32,
        "i8" => DType::I64,
        "u1" => DType::U8,
        "u2" => DType::U16,
        "u4" => DType::U32,
        "u8" => DType::U64,
        "b1" => DType::Bool,
        "V2" => DType::BF16,
        _ => return Err(unsupported()),
    };
    let native_le = cfg!(target_endian = "little");
    let little = order == b'<' || order == b'|' || (order == b'=' && native_le);
    if !little && dtype.size() > 1 {
        return Err(IoError::UnsupportedDType(format!(".npy descriptor '{descr}' (big-endian)")));
    }
    Ok(dtype)
}

// ------------------------------------------------------------------------------------------------
// TensorProto
// ------------------------------------------------------------------------------------------------

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

const WIRE_VARINT: u8 = 0;
const WIRE_I64: u8 = 1;
const WIRE_LEN: u8 = 2;
const WIRE_SGROUP: u8 = 3;
const WIRE_EGROUP: u8 = 4;
const WIRE_I32: u8 = 5;

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
fn repeated_varint(r: &mut Reader, field: u64, wire: u8, out: &mut Vec<u64>) -> Result<(), IoError> {
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
fn repeated_fixed<const N: usize>(
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

fn wrong_wire(field: u64, wire: u8) -> IoError {
    IoError::BadProtobuf(format!("field {field} has unexpected wire type {wire}"))
}

fn onnx_type_name(code: i64) -> &'static str {
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

fn signed(dims: &[u64]) -> Vec<i64> {
    dims.iter().map(|&d| d as i64).collect()
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_tag(out: &mut Vec<u8>, field: u64, wire: u8) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use half::{bf16, f16};

    // Generated once with the venv python (`python=$(bash scripts/venv.sh)`), from
    // `import io, numpy as np; from onnx import numpy_helper, helper, TensorProto`, each literal
    // being `<expression>.SerializeToString()` (or, for .npy, the bytes that
    // `np.lib.format.write_array(f, <array>, version=<v>)` wrote into `f = io.BytesIO()`).
    // numpy_helper.from_array(np.array([[1, -2.5, 3], [0.25, 0, 7]], np.float32), 'x').SerializeToString()
    const F32_RAW: &[u8] = b"\x08\x02\x08\x03\x10\x01\x42\x01\x78\x4a\x18\x00\x00\x80\x3f\x00\x00\x20\xc0\x00\x00\x40\x40\x00\x00\x80\x3e\x00\x00\x00\x00\x00\x00\xe0\x40";
    // helper.make_tensor('w', TensorProto.FLOAT, [2, 2], [1.5, -2.0, 1e-3, 3e38]).SerializeToString()
    const F32_FLOAT_DATA: &[u8] =
        b"\x08\x02\x08\x02\x10\x01\x22\x10\x00\x00\xc0\x3f\x00\x00\x00\xc0\x6f\x12\x83\x3a\xe6\xb1\x61\x7f\x42\x01\x77";
    // helper.make_tensor('ids', TensorProto.INT64, [3], [1, -2, 1 << 40]).SerializeToString()
    const I64_INT64_DATA: &[u8] = b"\x08\x03\x10\x07\x3a\x11\x01\xfe\xff\xff\xff\xff\xff\xff\xff\xff\x01\x80\x80\x80\x80\x80\x20\x42\x03\x69\x64\x73";
    // helper.make_tensor('h', TensorProto.FLOAT16, [3], np.array([1, -0.5, 65504], np.float16)).SerializeToString()
    const F16_INT32_DATA: &[u8] = b"\x08\x03\x10\x0a\x2a\x08\x80\x78\x80\xf0\x02\xff\xf7\x01\x42\x01\x68";
    // helper.make_tensor('b', TensorProto.BFLOAT16, [2], [1.0, -2.0]).SerializeToString()
    const BF16_INT32_DATA: &[u8] = b"\x08\x02\x10\x10\x2a\x05\x80\x7f\x80\x80\x03\x42\x01\x62";
    // helper.make_tensor('i8', TensorProto.INT8, [3], [-1, 2, -128]).SerializeToString()
    const I8_INT32_DATA: &[u8] = b"\x08\x03\x10\x03\x2a\x15\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01\x02\x80\xff\xff\xff\xff\xff\xff\xff\xff\x01\x42\x02\x69\x38";
    // helper.make_tensor('u32', TensorProto.UINT32, [2], [1, 4000000000]).SerializeToString()
    const U32_UINT64_DATA: &[u8] = b"\x08\x02\x10\x0c\x42\x03\x75\x33\x32\x5a\x06\x01\x80\xd0\xac\xf3\x0e";
    // helper.make_tensor('d', TensorProto.DOUBLE, [2], [0.1, -1e300]).SerializeToString()
    const F64_DOUBLE_DATA: &[u8] =
        b"\x08\x02\x10\x0b\x42\x01\x64\x52\x10\x9a\x99\x99\x99\x99\x99\xb9\x3f\x9c\x75\x00\x88\x3c\xe4\x37\xfe";
    // numpy_helper.from_array(np.array([True, False, True]), 'mask').SerializeToString()
    const BOOL_RAW: &[u8] = b"\x08\x03\x10\x09\x42\x04\x6d\x61\x73\x6b\x4a\x03\x01\x00\x01";
    // numpy_helper.from_array(np.array(-7, np.int32), 's').SerializeToString()
    const I32_SCALAR_RAW: &[u8] = b"\x10\x06\x42\x01\x73\x4a\x04\xf9\xff\xff\xff";
    // numpy_helper.from_array(np.array([[0.5], [-3]], np.float16), 'hr').SerializeToString()
    const F16_RAW: &[u8] = b"\x08\x02\x08\x01\x10\x0a\x42\x02\x68\x72\x4a\x04\x00\x38\x00\xc2";
    // np.lib.format.write_array(f, np.arange(6, dtype=np.float32).reshape(2, 3) - 2.5, version=(1, 0))
    const NPY_F32_V1: &[u8] = b"\x93\x4e\x55\x4d\x50\x59\x01\x00\x76\x00\x7b\x27\x64\x65\x73\x63\x72\x27\x3a\x20\x27\x3c\x66\x34\x27\x2c\x20\x27\x66\x6f\x72\x74\x72\x61\x6e\x5f\x6f\x72\x64\x65\x72\x27\x3a\x20\x46\x61\x6c\x73\x65\x2c\x20\x27\x73\x68\x61\x70\x65\x27\x3a\x20\x28\x32\x2c\x20\x33\x29\x2c\x20\x7d\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x0a\x00\x00\x20\xc0\x00\x00\xc0\xbf\x00\x00\x00\xbf\x00\x00\x00\x3f\x00\x00\xc0\x3f\x00\x00\x20\x40";
    // np.lib.format.write_array(f, np.array([True, False, False, True]), version=(2, 0))
    const NPY_BOOL_V2: &[u8] = b"\x93\x4e\x55\x4d\x50\x59\x02\x00\x74\x00\x00\x00\x7b\x27\x64\x65\x73\x63\x72\x27\x3a\x20\x27\x7c\x62\x31\x27\x2c\x20\x27\x66\x6f\x72\x74\x72\x61\x6e\x5f\x6f\x72\x64\x65\x72\x27\x3a\x20\x46\x61\x6c\x73\x65\x2c\x20\x27\x73\x68\x61\x70\x65\x27\x3a\x20\x28\x34\x2c\x29\x2c\x20\x7d\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x0a\x01\x00\x00\x01";
    // np.lib.format.write_array(f, np.array(-42, np.int64), version=(3, 0))
    const NPY_I64_SCALAR_V3: &[u8] = b"\x93\x4e\x55\x4d\x50\x59\x03\x00\x74\x00\x00\x00\x7b\x27\x64\x65\x73\x63\x72\x27\x3a\x20\x27\x3c\x69\x38\x27\x2c\x20\x27\x66\x6f\x72\x74\x72\x61\x6e\x5f\x6f\x72\x64\x65\x72\x27\x3a\x20\x46\x61\x6c\x73\x65\x2c\x20\x27\x73\x68\x61\x70\x65\x27\x3a\x20\x28\x29\x2c\x20\x7d\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x0a\xd6\xff\xff\xff\xff\xff\xff\xff";
    // np.lib.format.write_array(f, np.zeros((0, 3), np.uint8), version=(1, 0))
    const NPY_U8_EMPTY: &[u8] = b"\x93\x4e\x55\x4d\x50\x59\x01\x00\x76\x00\x7b\x27\x64\x65\x73\x63\x72\x27\x3a\x20\x27\x7c\x75\x31\x27\x2c\x20\x27\x66\x6f\x72\x74\x72\x61\x6e\x5f\x6f\x72\x64\x65\x72\x27\x3a\x20\x46\x61\x6c\x73\x65\x2c\x20\x27\x73\x68\x61\x70\x65\x27\x3a\x20\x28\x30\x2c\x20\x33\x29\x2c\x20\x7d\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x0a";

    #[test]
    fn tensor_proto_raw_f32() {
        let (name, t) = read_tensor_proto(F32_RAW).unwrap();
        assert_eq!(name, "x");
        assert_eq!(t.dtype, DType::F32);
        assert_eq!(t.shape, [2, 3]);
        assert_eq!(t.to_vec::<f32>().unwrap(), [1.0, -2.5, 3.0, 0.25, 0.0, 7.0]);
        // Our writer produces exactly what numpy_helper.from_array does.
        assert_eq!(write_tensor_proto("x", &t), F32_RAW);
    }

    #[test]
    fn tensor_proto_raw_matches_python_for_other_dtypes() {
        for (bytes, name) in [(BOOL_RAW, "mask"), (I32_SCALAR_RAW, "s"), (F16_RAW, "hr")] {
            let (n, t) = read_tensor_proto(bytes).unwrap();
            assert_eq!(n, name);
            assert_eq!(write_tensor_proto(name, &t), bytes);
        }
        let (_, t) = read_tensor_proto(BOOL_RAW).unwrap();
        assert_eq!(t.to_bools().unwrap(), [true, false, true]);
        let (_, t) = read_tensor_proto(I32_SCALAR_RAW).unwrap();
        assert_eq!((t.shape.as_slice(), t.to_vec::<i32>().unwrap()), (&[][..], vec![-7]));
        let (_, t) = read_tensor_proto(F16_RAW).unwrap();
        assert_eq!(t.shape, [2, 1]);
        assert_eq!(t.to_f64_vec(), [0.5, -3.0]);
    }

    #[test]
    fn tensor_proto_float_data() {
        let (name, t) = read_tensor_proto(F32_FLOAT_DATA).unwrap();
        assert_eq!(name, "w");
        assert_eq!(t.shape, [2, 2]);
        assert_eq!(t.to_vec::<f32>().unwrap(), [1.5, -2.0, 1e-3, 3e38]);
    }

    #[test]
    fn tensor_proto_int64_data() {
        let (name, t) = read_tensor_proto(I64_INT64_DATA).unwrap();
        assert_eq!(name, "ids");
        assert_eq!(t.shape, [3]);
        assert_eq!(t.to_vec::<i64>().unwrap(), [1, -2, 1 << 40]);
    }

    #[test]
    fn tensor_proto_int32_data_small_types() {
        let (_, t) = read_tensor_proto(F16_INT32_DATA).unwrap();
        assert_eq!(t.dtype, DType::F16);
        assert_eq!(t.to_vec::<f16>().unwrap(), [f16::from_f32(1.0), f16::from_f32(-0.5), f16::MAX]);
        assert_eq!(t.to_f64_vec(), [1.0, -0.5, 65504.0]);
        let (_, t) = read_tensor_proto(BF16_INT32_DATA).unwrap();
        assert_eq!(t.to_vec::<bf16>().unwrap(), [bf16::from_f32(1.0), bf16::from_f32(-2.0)]);
        let (_, t) = read_tensor_proto(I8_INT32_DATA).unwrap();
        assert_eq!(t.to_vec::<i8>().unwrap(), [-1, 2, -128]);
    }

    #[test]
    fn tensor_proto_uint64_and_double_data() {
        let (_, t) = read_tensor_proto(U32_UINT64_DATA).unwrap();
        assert_eq!(t.to_vec::<u32>().unwrap(), [1, 4_000_000_000]);
        let (_, t) = read_tensor_proto(F64_DOUBLE_DATA).unwrap();
        assert_eq!(t.to_vec::<f64>().unwrap(), [0.1, -1e300]);
    }

    #[test]
    fn tensor_proto_round_trips_every_dtype() {
        for dtype in DType::ALL {
            let bytes: Vec<u8> = (0..6 * dtype.size()).map(|i| (i * 37 + 1) as u8).collect();
            let t = AnyTensor::new(dtype, vec![3, 1, 2], bytes).unwrap();
            let (name, back) = read_tensor_proto(&write_tensor_proto("t", &t)).unwrap();
            assert_eq!((name.as_str(), &back), ("t", &t), "{dtype}");
            assert_eq!(read_npy(&write_npy(&t)).unwrap(), t, "{dtype}");
            assert_eq!(t.to_f64_vec().len(), 6);
        }
    }

    #[test]
    fn tensor_proto_unpacked_and_unknown_fields() {
        // dims packed, float_data unpacked (fixed32 each), plus unknown fields of every wire type
        // (varint, fixed64, bytes, group containing a nested group, fixed32) and doc_string.
        let mut b = vec![0x0a, 0x02, 0x02, 0x01]; // dims = [2, 1], packed
        b.extend([0x10, 0x01]); // data_type FLOAT
        b.extend([0x25]); // float_data, wire type 5
        b.extend(1.5f32.to_le_bytes());
        b.extend([0xf8, 0x01, 0x96, 0x01]); // field 31 varint 150
        b.extend([0x61]); // field 12, fixed64
        b.extend([0; 8]);
        b.extend([0x62, 0x03, b'd', b'o', b'c']); // doc_string (12) "doc"
        b.extend([0x9b, 0x01, 0xa3, 0x01, 0x08, 0x05, 0xa4, 0x01, 0x9c, 0x01]); // group 19 { group 20 { 1: 5 } }
        b.extend([0xb5, 0x01, 1, 2, 3, 4]); // field 22, fixed32
        b.extend([0x25]);
        b.extend((-4.0f32).to_le_bytes());
        let (name, t) = read_tensor_proto(&b).unwrap();
        assert_eq!(name, "");
        assert_eq!(t.shape, [2, 1]);
        assert_eq!(t.to_vec::<f32>().unwrap(), [1.5, -4.0]);
    }

    #[test]
    fn tensor_proto_errors() {
        // Every truncation of every vector is an error, never a panic.
        for v in [F32_RAW, F32_FLOAT_DATA, I64_INT64_DATA, F16_INT32_DATA, U32_UINT64_DATA, F64_DOUBLE_DATA] {
            let full = read_tensor_proto(v).unwrap();
            for cut in 0..v.len() {
                // A cut just before a trailing name is a valid, differently named tensor.
                let r = read_tensor_proto(&v[..cut]);
                assert!(
                    r.is_err() || r.as_ref().is_ok_and(|(n, t)| n.is_empty() && *t == full.1),
                    "cut at {cut}: {r:?}"
                );
            }
        }
        // Huge dims with little data: rejected before allocating.
        let mut b = vec![0x0a, 0x13];
        for _ in 0..2 {
            b.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]); // 2^63 - 1
        }
        b.push(0x00); // a zero dim does not make the others acceptable
        b.extend([0x10, 0x01, 0x4a, 0x00]);
        let e = read_tensor_proto(&b).unwrap_err();
        assert!(matches!(e, IoError::BadShape(_)), "{e}");
        // 2^20 x 2^20 floats = 4 TiB: too large.
        let b = [0x08, 0x80, 0x80, 0x40, 0x08, 0x80, 0x80, 0x40, 0x10, 0x01, 0x4a, 0x00];
        assert!(matches!(read_tensor_proto(&b), Err(IoError::BadShape(_))));
        // 1000 floats declared, 4 bytes present.
        let b = [0x08, 0xe8, 0x07, 0x10, 0x01, 0x4a, 0x04, 0, 0, 0, 0];
        let e = read_tensor_proto(&b).unwrap_err();
        assert_eq!(e, IoError::DataLength { field: "raw_data", expected: 4000, got: 4 });
        assert_eq!(e.to_string(), "raw_data holds 4 bytes but the shape needs 4000");
        // Negative dim (-1 as a 10-byte varint).
        let mut b = vec![0x08];
        b.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        b.extend([0x10, 0x01, 0x4a, 0x00]);
        assert!(matches!(read_tensor_proto(&b), Err(IoError::BadShape(_))));
        // STRING tensors are not supported; the message names the type.
        let e = read_tensor_proto(&[0x08, 0x01, 0x10, 0x08, 0x32, 0x01, b'a']).unwrap_err();
        assert_eq!(e.to_string(), "unsupported element type STRING (ONNX data type 8)");
        // External data.
        let b = [0x10, 0x01, 0x6a, 0x00];
        assert_eq!(read_tensor_proto(&b), Err(IoError::ExternalData));
        let b = [0x10, 0x01, 0x70, 0x01];
        assert_eq!(read_tensor_proto(&b), Err(IoError::ExternalData));
        // Missing data, bad wire types, bad field numbers, overlong varints, unmatched groups.
        assert!(read_tensor_proto(&[0x08, 0x02, 0x10, 0x01]).is_err());
        assert!(read_tensor_proto(&[0x12, 0x00]).is_err());
        assert!(read_tensor_proto(&[0x07, 0x00]).is_err());
        assert!(read_tensor_proto(&[0x00, 0x00]).is_err());
        assert!(read_tensor_proto(&[0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]).is_err());
        assert!(read_tensor_proto(&[0x9c, 0x01]).is_err());
        assert!(read_tensor_proto(&[0x9b, 0x01]).is_err());
        assert!(read_tensor_proto(&[0x22, 0x03, 0, 0, 0]).is_err());
        // Deeply nested groups.
        let deep: Vec<u8> = core::iter::repeat_n([0x9b, 0x01], 100_000).flatten().collect();
        assert!(read_tensor_proto(&deep).is_err());
        // No data_type.
        assert!(read_tensor_proto(&[]).is_err());
    }

    #[test]
    fn npy_from_numpy() {
        let t = read_npy(NPY_F32_V1).unwrap();
        assert_eq!(t.shape, [2, 3]);
        assert_eq!(t.to_vec::<f32>().unwrap(), [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]);
        assert_eq!(write_npy(&t), NPY_F32_V1);
        let t = read_npy(NPY_BOOL_V2).unwrap();
        assert_eq!(t.to_bools().unwrap(), [true, false, false, true]);
        let t = read_npy(NPY_I64_SCALAR_V3).unwrap();
        assert_eq!((t.shape.len(), t.to_vec::<i64>().unwrap()), (0, vec![-42]));
        let t = read_npy(NPY_U8_EMPTY).unwrap();
        assert_eq!((t.shape.as_slice(), t.len(), t.is_empty()), (&[0, 3][..], 0, true));
        assert_eq!(write_npy(&t), NPY_U8_EMPTY);
    }

    #[test]
    fn npy_round_trip_shapes() {
        for shape in [vec![], vec![5], vec![1, 2, 3], vec![0]] {
            let n: usize = shape.iter().product();
            let data: Vec<f32> = (0..n).map(|i| i as f32 * 0.5).collect();
            let t = AnyTensor::from_slice(&data, &shape);
            let bytes = write_npy(&t);
            assert_eq!((bytes.len() - t.bytes.len()) % 64, 0);
            assert_eq!(read_npy(&bytes).unwrap(), t);
        }
        let t = AnyTensor::from_bools(&[true, false], &[2]);
        assert_eq!(read_npy(&write_npy(&t)).unwrap(), t);
        assert_eq!(AnyTensor::from_slice(&[true, false], &[2]), t);
    }

    fn npy_with_header(header: &str, data: &[u8]) -> Vec<u8> {
        let mut b = b"\x93NUMPY\x01\x00".to_vec();
        b.extend((header.len() as u16).to_le_bytes());
        b.extend(header.as_bytes());
        b.extend(data);
        b
    }

    #[test]
    fn npy_errors() {
        for v in [NPY_F32_V1, NPY_BOOL_V2, NPY_I64_SCALAR_V3] {
            for cut in 0..v.len() {
                assert!(read_npy(&v[..cut]).is_err(), "cut at {cut}");
            }
        }
        let h = |s: &str| read_npy(&npy_with_header(s, &[0; 8]));
        assert_eq!(h("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }"), Err(IoError::FortranOrder));
        assert!(matches!(
            h("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }"),
            Err(IoError::UnsupportedDType(_))
        ));
        assert!(matches!(
            h("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }"),
            Err(IoError::UnsupportedDType(_))
        ));
        assert!(h("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }").is_err());
        assert!(h("{'descr': '<f4', 'shape': (2,), }").is_err());
        assert!(h("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }").is_err());
        assert!(h("{'descr': '<f4', 'fortran_order': False, 'shape': (2,3), }").is_err());
        assert!(h("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999,), }").is_err());
        assert!(h("{'descr': '<f4', 'fortran_order': False, 'shape': ((((((2,),),),),),), }").is_err());
        assert!(h("{'descr': '<f4 'fortran_order': False, 'shape': (2,), }").is_err());
        assert!(h("").is_err());
        // Fine: big-endian marker on a one-byte type, no trailing comma, double quotes.
        assert!(h("{\"descr\": \">u1\", \"fortran_order\": False, \"shape\": (8,)}").is_ok());
        assert!(h("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)}").is_ok());
        // Huge shapes are rejected before allocating.
        let e = h("{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776, 1099511627776), }").unwrap_err();
        assert!(matches!(e, IoError::BadShape(_)), "{e}");
        let e = h("{'descr': '<f4', 'fortran_order': False, 'shape': (100000000,), }").unwrap_err();
        assert!(matches!(e, IoError::DataLength { .. }), "{e}");
        assert!(read_npy(b"PK\x03\x04").is_err());
        assert!(read_npy(b"\x93NUMPY\x04\x00\x00\x00").is_err());
    }

    #[test]
    fn mutated_inputs_never_panic() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let seeds = [F32_RAW, F32_FLOAT_DATA, I64_INT64_DATA, F16_INT32_DATA, U32_UINT64_DATA, NPY_F32_V1, NPY_BOOL_V2];
        for _ in 0..20_000 {
            let mut b = seeds[next() as usize % seeds.len()].to_vec();
            for _ in 0..1 + next() % 4 {
                let i = next() as usize % b.len();
                b[i] = next() as u8;
            }
            let _ = read_tensor_proto(&b);
            let _ = read_npy(&b);
        }
    }

    #[test]
    fn accessors() {
        let t = AnyTensor::from_slice(&[1i64, -3], &[2]);
        assert_eq!(t.len(), 2);
        assert_eq!(t.to_f64_vec(), [1.0, -3.0]);
        assert_eq!(t.to_vec::<i32>(), Err(IoError::DTypeMismatch { expected: DType::I32, got: DType::I64 }));
        assert!(t.to_bools().is_err());
        assert!(AnyTensor::new(DType::F32, vec![2], vec![0; 7]).is_err());
        let b = AnyTensor::new(DType::Bool, vec![2], vec![0, 7]).unwrap();
        assert_eq!(b.bytes, [0, 1]);
    }
}
