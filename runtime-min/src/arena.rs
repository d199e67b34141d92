//! The arena: one allocation made when a model is constructed, holding every intermediate.

use crate::Error;

/// One 64-byte, 64-byte-aligned unit of arena memory: the alignment AVX-512 loads like.
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C, align(64))]
struct Line([u8; 64]);

/// All intermediate tensors of a model, at offsets planned by the compiler.
pub struct Arena {
    memory: Memory,
}

/// The arena's zeroed memory: on Linux, from 2 MiB up, its own mapping on transparent huge
/// pages (touching a fresh 4 KiB page is a fault, and a 10 MB arena's 2500 of them were a fifth
/// of a MobileNet's cold start); otherwise, and if mapping fails, a vector.
enum Memory {
    Lines(Vec<Line>),
    #[cfg(target_os = "linux")]
    Mapped(huge::Mapping),
}

impl Arena {
    /// Allocates `bytes` (rounded up to 64) of zeroed memory. Called once, in `Model::new`.
    pub fn new(bytes: usize) -> Self {
        let lines = bytes.div_ceil(64);
        #[cfg(target_os = "linux")]
        if let Some(m) = huge::Mapping::new(lines * 64) {
            return Arena { memory: Memory::Mapped(m) };
        }
        Arena { memory: Memory::Lines(vec![Line([0; 64]); lines]) }
    }

    /// Size in bytes.
    pub fn len(&self) -> usize {
        self.bytes().len()
    }

    /// True when the model needs no intermediate memory.
    pub fn is_empty(&self) -> bool {
        self.bytes().is_empty()
    }

    fn bytes(&self) -> &[u8] {
        match &self.memory {
            Memory::Lines(lines) => bytemuck::cast_slice(lines),
            #[cfg(target_os = "linux")]
            Memory::Mapped(m) => m.bytes(),
        }
    }

    fn bytes_mut(&mut self) -> &mut [u8] {
        match &mut self.memory {
            Memory::Lines(lines) => bytemuck::cast_slice_mut(lines),
            #[cfg(target_os = "linux")]
            Memory::Mapped(m) => m.bytes_mut(),
        }
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

#[cfg(target_os = "linux")]
mod huge {
    /// Transparent huge pages' size on x86-64 and most of aarch64.
    const HUGE: usize = 1 << 21;

    /// An anonymous private mapping (zero-filled by the kernel) with `len` bytes from a
    /// 2 MiB-aligned start, marked for huge pages.
    pub(super) struct Mapping {
        base: *mut libc::c_void,
        mapped: usize,
        start: *mut u8,
        len: usize,
    }

    // SAFETY: the mapping is owned by its `Mapping` alone, like a `Vec`'s buffer.
    unsafe impl Send for Mapping {}
    unsafe impl Sync for Mapping {}

    impl Mapping {
        /// `None` below 2 MiB (a vector does) or where the kernel refuses the mapping.
        pub(super) fn new(len: usize) -> Option<Mapping> {
            if len < HUGE {
                return None;
            }
            let mapped = len.div_ceil(HUGE).checked_add(1)?.checked_mul(HUGE)?;
            // SAFETY: a fresh anonymous mapping; no existing memory is touched.
            let base = unsafe {
                libc::mmap(
                    core::ptr::null_mut(),
                    mapped,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                    -1,
                    0,
                )
            };
            if base == libc::MAP_FAILED {
                return None;
            }
            let skip = (HUGE - base as usize % HUGE) % HUGE;
            // SAFETY: skip + len <= mapped (one spare huge page of room for the alignment).
            let start = unsafe { base.cast::<u8>().add(skip) };
            // Advice only: without huge pages the mapping still works, page by page.
            // SAFETY: the range lies inside the mapping just made.
            let _ = unsafe { libc::madvise(start.cast(), len.div_ceil(HUGE) * HUGE, libc::MADV_HUGEPAGE) };
            Some(Mapping { base, mapped, start, len })
        }

        pub(super) fn bytes(&self) -> &[u8] {
            // SAFETY: `len` initialised (zero-filled) bytes from `start`, owned by `self`.
            unsafe { core::slice::from_raw_parts(self.start, self.len) }
        }

        pub(super) fn bytes_mut(&mut self) -> &mut [u8] {
            // SAFETY: as in `bytes`, and `&mut self` makes the borrow exclusive.
            unsafe { core::slice::from_raw_parts_mut(self.start, self.len) }
        }
    }

    impl Drop for Mapping {
        fn drop(&mut self) {
            // SAFETY: the mapping made in `new`, unmapped once.
            let _ = unsafe { libc::munmap(self.base, self.mapped) };
        }
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
    fn large_arenas_are_zeroed_aligned_and_writable_to_their_end() {
        let mut arena = Arena::new((3 << 20) + 100);
        assert_eq!(arena.len(), (3 << 20) + 128);
        assert_eq!(arena.bytes().as_ptr() as usize % 64, 0);
        assert!(arena.bytes().iter().step_by(4093).all(|&b| b == 0));
        let end = arena.len() - 64;
        let [tail] = arena.split([(end, 64)]).unwrap();
        tail.fill(7);
        assert_eq!(arena.get(end, 64).unwrap(), &[7u8; 64][..]);
    }

    #[test]
    fn arena_is_64_byte_aligned() {
        let arena = Arena::new(100);
        assert_eq!(arena.len(), 128);
        assert_eq!(arena.bytes().as_ptr() as usize % 64, 0);
    }
}
