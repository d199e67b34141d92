//! Copies of a few elements whose length is only known at run time.
//!
//! `copy_from_slice` with a run-time length is a call to `memmove`, whose fixed cost is larger
//! than the copy itself for the 5-float rows of a keyword spotter's 25x5 feature maps. Up to
//! 16 elements [`copy_short`] dispatches to a copy of constant length, which the compiler
//! turns into a few register moves.

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

#[cfg(test)]
mod tests {
    use super::*;

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
