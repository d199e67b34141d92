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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_other_takes_the_even_positions() {
        let src: Vec<u32> = (0..11).collect();
        for n in 0..=6 {
            let mut dst = vec![99u32; n];
            every_other(&mut dst, &src[..(2 * n).saturating_sub(1)]);
            assert_eq!(dst, (0..n as u32).map(|i| 2 * i).collect::<Vec<_>>(), "{n} values from {} source values", (2 * n).saturating_sub(1));
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
