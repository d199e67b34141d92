//! Copies the compiler does not make fast by itself.
//!
//! - [`copy_short`]: `copy_from_slice` with a run-time length is a call to `memmove`, whose
//!   fixed cost is larger than the copy itself for the 5-float rows of a keyword spotter's 25x5
//!   feature maps. Up to 16 elements it dispatches to a copy of constant length, which the
//!   compiler turns into a few register moves.
//! - [`every_other`]: a stride-2 gather as whole pairs, which vectorises (a `step_by(2)` walk
//!   stays a scalar loop).

/// `dst.copy_from_slice(&src[..dst.len()])`, without a call for short lengths.
/// Panics like `copy_from_slice` when `src` is shorter than `dst`.
#[inline]
pub(crate) fn copy_short<T: Copy>(dst: &mut [T], src: &[T]) {
    macro_rules! fixed {
        ($($n:literal)*) => {
            match dst.len() {
                $($n => dst[..$n].copy_from_slice(&src[..$n]),)*
                0 => {}
                n => dst.copy_from_slice(&src[..n]),
            }
        };
    }
    fixed!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);
}

/// `dst[i] = src[2 * i]` for every `i` of `dst` (`src` holds at least `2 * dst.len() - 1`
/// values): whole pairs, then the last value.
pub(crate) fn every_other<T: Copy>(dst: &mut [T], src: &[T]) {
    #[cfg(target_arch = "x86_64")]
    if core::mem::size_of::<T>() == 4
        && core::mem::align_of::<T>() == 4
        && src.len() + 1 >= 2 * dst.len()
        && std::is_x86_feature_detected!("avx512f")
    {
        // SAFETY: `T` is a 4-byte plain value (`Copy`), so its slices are `u32` slices of the
        // same length; the lengths were checked just above.
        unsafe {
            let d = core::slice::from_raw_parts_mut(dst.as_mut_ptr().cast::<u32>(), dst.len());
            let s = core::slice::from_raw_parts(src.as_ptr().cast::<u32>(), src.len());
            every_other_avx512(d, s);
        }
        return;
    }
    let pairs = src.chunks_exact(2);
    let last = pairs.remainder().first().copied();
    let whole = pairs.len().min(dst.len());
    for (d, pair) in dst.iter_mut().zip(pairs) {
        *d = pair[0];
    }
    if let (Some(v), true) = (last, whole < dst.len()) {
        dst[whole] = v;
    }
}

/// [`every_other`] for 4-byte values with AVX-512: 16 outputs from two loads and a lane
/// permute, the last few through masked loads and a masked store, not a scalar tail (the
/// stride phases of a convolution's input rows are 80 or 81 values long).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn every_other_avx512(dst: &mut [u32], src: &[u32]) {
    use core::arch::x86_64::*;
    let evens = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    let (n, avail) = (dst.len(), src.len());
    let (d, s) = (dst.as_mut_ptr(), src.as_ptr());
    let lanes = |k: usize| if k >= 16 { u16::MAX } else { (1u16 << k) - 1 };
    let mut i = 0;
    // SAFETY: whole steps read src[2i .. 2i + 32] and write dst[i .. i + 16], both checked;
    // the last step's loads and store are masked to the values that exist.
    unsafe {
        while i + 16 <= n && 2 * i + 32 <= avail {
            let (a, b) = (_mm512_loadu_si512(s.add(2 * i).cast()), _mm512_loadu_si512(s.add(2 * i + 16).cast()));
            _mm512_storeu_si512(d.add(i).cast(), _mm512_permutex2var_epi32(a, evens, b));
            i += 16;
        }
        if i < n {
            let left = avail - 2 * i;
            let a = _mm512_maskz_loadu_epi32(lanes(left), s.add(2 * i).cast());
            let b = _mm512_maskz_loadu_epi32(lanes(left.saturating_sub(16)), s.add(2 * i + 16).cast());
            _mm512_mask_storeu_epi32(d.add(i).cast(), lanes(n - i), _mm512_permutex2var_epi32(a, evens, b));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_other_takes_the_even_positions() {
        let src: Vec<u32> = (0..81).collect();
        for n in (0..=6).chain(14..=40) {
            let mut dst = vec![99u32; n];
            every_other(&mut dst, &src[..(2 * n).saturating_sub(1)]);
            assert_eq!(
                dst,
                (0..n as u32).map(|i| 2 * i).collect::<Vec<_>>(),
                "{n} values from {} source values",
                (2 * n).saturating_sub(1)
            );
        }
    }

    #[test]
    fn copies_every_length_exactly() {
        let src: Vec<u32> = (1..=40).collect();
        for n in 0..=24 {
            let mut dst = vec![0u32; n + 2];
            copy_short(&mut dst[1..n + 1], &src);
            assert_eq!(dst[0], 0, "length {n} wrote before its start");
            assert_eq!(&dst[1..n + 1], &src[..n], "length {n}");
            assert_eq!(dst[n + 1], 0, "length {n} wrote past its end");
        }
    }
}
