//! The arena: one allocation made when a model is constructed, holding every intermediate.

use crate::Error;

/// One 64-byte, 64-byte-aligned unit of arena memory: the alignment AVX-512 loads like.
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C, align(64))]
struct Line([u8; 64]);

/// All intermediate tensors of a model, at offsets planned by the compiler.
pub struct Arena {
    lines: Vec<Line>,
}

impl Arena {
    /// Allocates `bytes` (rounded up to 64) of zeroed memory. Called once, in `Model::new`.
    pub fn new(bytes: usize) -> Self {
        Arena { lines: vec![Line([0; 64]); bytes.div_ceil(64)] }
    }

    /// Size in bytes.
    pub fn len(&self) -> usize {
        self.lines.len() * 64
    }

    /// True when the model needs no intermediate memory.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    fn bytes(&self) -> &[u8] {
        bytemuck::cast_slice(&self.lines)
    }

    fn bytes_mut(&mut self) -> &mut [u8] {
        bytemuck::cast_slice_mut(&mut self.lines)
    }

    /// The bytes at `offset..offset + len`.
    pub fn get(&self, offset: usize, len: usize) -> Result<&[u8], Error> {
        let end = offset.checked_add(len).ok_or(Error::Layout("arena range overflows"))?;
        self.bytes().get(offset..end).ok_or(Error::Layout("arena range out of bounds"))
    }

    /// `N` disjoint mutable regions at once, given as `(offset, len)` pairs in any order.
    /// The planner guarantees that the tensors one kernel touches never overlap; this checks it.
    pub fn split<const N: usize>(&mut self, ranges: [(usize, usize); N]) -> Result<[&mut [u8]; N], Error> {
        let mut order: [usize; N] = core::array::from_fn(|i| i);
        order.sort_unstable_by_key(|&i| ranges[i].0);
        let mut out: [Option<&mut [u8]>; N] = core::array::from_fn(|_| None);
        let mut rest = self.bytes_mut();
        let mut consumed = 0usize;
        for &i in &order {
            let (offset, len) = ranges[i];
            let skip = offset.checked_sub(consumed).ok_or(Error::Layout("overlapping arena regions"))?;
            if skip.checked_add(len).is_none_or(|end| end > rest.len()) {
                return Err(Error::Layout("arena region out of bounds"));
            }
            let (_, tail) = core::mem::take(&mut rest).split_at_mut(skip);
            let (region, tail) = tail.split_at_mut(len);
            out[i] = Some(region);
            rest = tail;
            consumed = offset + len;
        }
        let mut result: [&mut [u8]; N] = core::array::from_fn(|_| Default::default());
        for (slot, region) in result.iter_mut().zip(out) {
            *slot = region.ok_or(Error::Layout("arena region missing"))?;
        }
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_gives_disjoint_regions_in_request_order() {
        let mut arena = Arena::new(256);
        let [a, b] = arena.split([(128, 64), (0, 64)]).unwrap();
        a.fill(1);
        b.fill(2);
        assert_eq!(arena.get(128, 64).unwrap(), &[1u8; 64][..]);
        assert_eq!(arena.get(0, 64).unwrap(), &[2u8; 64][..]);
    }

    #[test]
    fn split_rejects_overlap_and_out_of_bounds() {
        let mut arena = Arena::new(128);
        assert!(arena.split([(0, 64), (32, 64)]).is_err());
        assert!(arena.split([(64, 128)]).is_err());
    }

    #[test]
    fn arena_is_64_byte_aligned() {
        let arena = Arena::new(100);
        assert_eq!(arena.len(), 128);
        assert_eq!(arena.bytes().as_ptr() as usize % 64, 0);
    }
}
