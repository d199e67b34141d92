//! NumPy `.npy` files: [`read_npy`] (versions 1-3, either byte order of the header's dict,
//! C or Fortran order) and [`write_npy`], with the small Python-literal parser the header
//! needs.

use super::tensor::*;
use crate::DType;

pub(super) const NPY_MAGIC: &[u8] = b"\x93NUMPY";

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

pub(super) fn split_at_checked(b: &[u8], mid: usize) -> Option<(&[u8], &[u8])> {
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
pub(super) enum PyLit {
    Str(String),
    Bool(bool),
    Int(u64),
    Tuple(Vec<PyLit>),
}

pub(super) struct PyParser<'a> {
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

pub(super) fn parse_npy_header(header: &str) -> Result<(DType, bool, Vec<u64>), IoError> {
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

pub(super) fn npy_dtype(descr: &str) -> Result<DType, IoError> {
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
