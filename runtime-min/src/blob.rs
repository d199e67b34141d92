//! The weight blob: one 64-byte-aligned byte array per model, embedded with `include_bytes!`.

use crate::Error;

/// Wraps `include_bytes!` output so it is 64-byte aligned:
/// `static BLOB: &Blob<[u8]> = &Blob(*include_bytes!("weights.bin"));`
#[repr(C, align(64))]
pub struct Blob<B: ?Sized>(pub B);

/// Typed access to the weights at the offsets the compiler chose (each 64-byte aligned).
#[derive(Clone, Copy)]
pub struct Weights {
    bytes: &'static [u8],
}

impl Weights {
    /// Wraps an aligned blob.
    pub fn new(blob: &'static Blob<[u8]>) -> Self {
        Weights { bytes: &blob.0 }
    }

    /// The bytes at `offset..offset + len`.
    pub fn get(&self, offset: usize, len: usize) -> Result<&'static [u8], Error> {
        let end = offset.checked_add(len).ok_or(Error::Layout("weight range overflows"))?;
        self.bytes.get(offset..end).ok_or(Error::Layout("weight range out of bounds"))
    }

    /// Size in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// True for a model without weights.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static BLOB: &Blob<[u8]> = &Blob([1, 2, 3, 4, 5, 6, 7, 8]);

    #[test]
    fn blob_is_aligned_and_readable() {
        let w = Weights::new(BLOB);
        assert_eq!(BLOB.0.as_ptr() as usize % 64, 0);
        assert_eq!(w.get(4, 4).unwrap(), &[5, 6, 7, 8]);
        assert!(w.get(6, 4).is_err());
    }
}
