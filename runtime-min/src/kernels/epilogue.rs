//! Epilogues fused into a kernel's stores: `y = f(y, [x0, x1, ...])` applied to output values
//! while they are still in cache, instead of a pass over the whole output afterwards (on the
//! large maps of a CNN that pass ran at memory speed: 17% of EfficientNet's time).
//!
//! A kernel hands finished runs of its output to a [`Post`] (a trait object, so one kernel
//! serves every epilogue without being compiled once per call site). Operands are read by
//! their position in the output; those [`Leaf`] can express are a full tensor shaped like the
//! output, one value per channel (axis 1) and a scalar. Other broadcasts keep the separate
//! pass (`elementwise::fused_in_place`).

/// One operand of a fused epilogue, as the output's positions see it.
#[derive(Clone, Copy, Debug)]
pub enum Leaf<'a> {
    /// Laid out like the output: output element `i` reads element `i`.
    Full(&'a [f32]),
    /// One value per channel (axis 1 of `[N, C, ...]`).
    Channel(&'a [f32]),
    /// One value for every element.
    Scalar(f32),
}

impl<'a> Leaf<'a> {
    /// How an operand of `shape` broadcasts against an output of `y_shape` (`[N, C, ...]`),
    /// or `None` for other broadcasts.
    pub fn classify(x: &'a [f32], shape: &[usize], y_shape: &[usize]) -> Option<Leaf<'a>> {
        let numel: usize = shape.iter().product();
        if x.len() != numel || shape.len() > y_shape.len() {
            return None;
        }
        let skip = y_shape.len() - shape.len();
        // Right-aligned against the output, padded with 1s in front.
        let dim = |axis: usize| if axis < skip { 1 } else { shape[axis - skip] };
        if numel == 1 {
            return x.first().map(|&v| Leaf::Scalar(v));
        }
        if (0..y_shape.len()).all(|a| dim(a) == y_shape[a]) {
            return Some(Leaf::Full(x));
        }
        let channel_only =
            y_shape.len() >= 2 && (0..y_shape.len()).all(|a| if a == 1 { dim(a) == y_shape[1] } else { dim(a) == 1 });
        channel_only.then_some(Leaf::Channel(x))
    }
}

/// What a kernel calls on each run of finished outputs.
pub trait Post: Sync {
    /// Applies the epilogue to `run`, consecutive output elements of channel `channel`, the
    /// first of them element `at` of the whole output.
    fn apply(&self, run: &mut [f32], channel: usize, at: usize);

    /// `Some((lo, hi))` where the epilogue is [`clip_steps`] and nothing else (a ReLU:
    /// `(0, inf)`; ReLU6: `(0, 6)`): kernels that can clip in their registers as they store
    /// do, and skip `apply` (on a 1x1 convolution over 16 channels a ReLU pass over the
    /// stored outputs cost a quarter of the product).
    fn clamp(&self) -> Option<(f32, f32)> {
        None
    }
}

/// ONNX `Clip`'s steps, as its kernel (`unary::clip`) and fused code take them: raised to
/// `lo` where below it, then lowered to `hi` where above it (so `hi` wins where `lo > hi`);
/// NaN kept. In AVX-512, `min(hi, max(lo, v))` with those operand orders.
#[inline(always)]
pub fn clip_steps(v: f32, lo: f32, hi: f32) -> f32 {
    let v = if v < lo { lo } else { v };
    if v > hi {
        hi
    } else {
        v
    }
}

/// The epilogue [`clip_steps`], which kernels may apply as they store.
pub struct Clamp {
    /// The lower bound.
    pub lo: f32,
    /// The upper bound.
    pub hi: f32,
}

impl Post for Clamp {
    fn apply(&self, run: &mut [f32], _channel: usize, _at: usize) {
        for v in run {
            *v = clip_steps(*v, self.lo, self.hi);
        }
    }

    fn clamp(&self) -> Option<(f32, f32)> {
        Some((self.lo, self.hi))
    }
}

/// `f(y, [x0, ...])` over operands `leaves`.
pub struct Epilogue<'a, const K: usize, F> {
    /// The operands `x0...`, each read at the output element's position.
    pub leaves: [Leaf<'a>; K],
    /// The expression: the stored value `y` and the operands' values.
    pub f: F,
}

/// Values per inner loop: a run is done in pieces of this many, each operand gathered into a
/// stack array first, so the loop over a piece vectorises with several vectors in flight
/// (pieces of one 32-value sliver left the latency of each vector's divide exposed).
const PIECE: usize = 256;

impl<const K: usize, F: Fn(f32, [f32; K]) -> f32 + Sync> Post for Epilogue<'_, K, F> {
    #[inline]
    fn apply(&self, run: &mut [f32], channel: usize, at: usize) {
        let mut ops = [[0f32; PIECE]; K];
        for (p, piece) in run.chunks_mut(PIECE).enumerate() {
            let (at, len) = (at + p * PIECE, piece.len().min(PIECE));
            for (op, leaf) in ops.iter_mut().zip(&self.leaves) {
                match *leaf {
                    Leaf::Full(x) => {
                        if let Some(src) = x.get(at..at + len) {
                            op[..len].copy_from_slice(src);
                        }
                    }
                    Leaf::Channel(x) => op[..len].fill(x.get(channel).copied().unwrap_or(0.0)),
                    Leaf::Scalar(v) => op[..len].fill(v),
                }
            }
            // Indexing both by `i < len <= PIECE` (not zipping) keeps the loop free of bounds
            // checks, so it vectorises.
            #[allow(clippy::needless_range_loop)]
            for i in 0..len {
                piece[i] = (self.f)(piece[i], core::array::from_fn(|k| ops[k][i]));
            }
        }
    }
}

/// Runs `kernel` on `y` with the epilogue `y = f(y, [x0, ...])` (operands `xs`, each with its
/// shape, broadcast to `y_shape`) inside its stores where every operand is a [`Leaf`] and the
/// kernel can take one (`in_kernel`); otherwise the kernel alone, then a pass over `y`.
pub fn fused<const K: usize, F: Fn(f32, [f32; K]) -> f32 + Sync>(
    y: &mut [f32],
    y_shape: &[usize],
    xs: [(&[f32], &[usize]); K],
    f: F,
    in_kernel: bool,
    kernel: impl FnOnce(&mut [f32], Option<&dyn Post>) -> Result<(), crate::Error>,
) -> Result<(), crate::Error> {
    match classify(xs, y_shape, &f).filter(|_| in_kernel) {
        Some(post) => kernel(y, Some(&post)),
        None => {
            kernel(y, None)?;
            super::elementwise::fused_in_place(y, y_shape, xs, f)
        }
    }
}

/// An epilogue for operands `xs` (each with its shape) against an output of `y_shape`, or
/// `None` when one of them broadcasts in a way [`Leaf`] cannot express.
pub fn classify<'a, const K: usize, F>(
    xs: [(&'a [f32], &[usize]); K],
    y_shape: &[usize],
    f: F,
) -> Option<Epilogue<'a, K, F>> {
    let mut leaves = [Leaf::Scalar(0.0); K];
    for (leaf, (x, shape)) in leaves.iter_mut().zip(xs) {
        *leaf = Leaf::classify(x, shape, y_shape)?;
    }
    Some(Epilogue { leaves, f })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operands_classify_by_how_they_broadcast() {
        let y = [2, 3, 4, 5];
        let full = vec![0.0; 120];
        assert!(matches!(Leaf::classify(&full, &y, &y), Some(Leaf::Full(_))));
        assert!(matches!(Leaf::classify(&full[..60], &[3, 4, 5], &[1, 3, 4, 5]), Some(Leaf::Full(_))));
        assert!(matches!(Leaf::classify(&full[..3], &[3, 1, 1], &y), Some(Leaf::Channel(_))));
        assert!(matches!(Leaf::classify(&full[..3], &[1, 3, 1, 1], &y), Some(Leaf::Channel(_))));
        assert!(matches!(Leaf::classify(&[2.0], &[1, 1], &y), Some(Leaf::Scalar(2.0))));
        // Along the last axis, or a missing batch: not expressible.
        assert!(Leaf::classify(&full[..5], &[5], &y).is_none());
        assert!(Leaf::classify(&full[..60], &[3, 4, 5], &y).is_none());
        assert!(Leaf::classify(&full[..4], &[3, 4, 5], &y).is_none(), "length disagrees with the shape");
    }

    #[test]
    fn runs_of_every_length_get_every_value_and_nothing_else() {
        // Whole vectors, a padded last group and several pieces: each value of the run is
        // f(value, operands at its position), the values around the run are untouched.
        let full: Vec<f32> = (0..1200).map(|i| i as f32 * 0.5).collect();
        let y_shape = [1, 2, 600];
        let e = classify([(&full[..], &y_shape[..]), (&[3.0, 7.0][..], &[2, 1][..])], &y_shape, |a, v: [f32; 2]| {
            a * v[1] + v[0]
        })
        .unwrap();
        for len in (0..=40).chain([255, 256, 257, 271, 513]) {
            let at = 600 + 9;
            let mut buf = vec![-1.0f32; len + 2];
            for (i, v) in buf[1..=len].iter_mut().enumerate() {
                *v = i as f32;
            }
            e.apply(&mut buf[1..=len], 1, at);
            assert_eq!((buf[0], buf[len + 1]), (-1.0, -1.0), "length {len} wrote outside its run");
            for (i, &v) in buf[1..=len].iter().enumerate() {
                assert_eq!(v, i as f32 * 7.0 + full[at + i], "length {len}, value {i}");
            }
        }
    }

    #[test]
    fn blocks_read_operands_at_their_output_positions() {
        // y: [1, 2, 2, 3]; the block is channel 1's second row (elements 9..12).
        let y_shape = [1, 2, 2, 3];
        let full: Vec<f32> = (0..12).map(|i| i as f32).collect();
        let per_channel = [10.0, 20.0];
        let e =
            classify([(&full[..], &y_shape[..]), (&per_channel[..], &[2, 1, 1][..])], &y_shape, |a, v: [f32; 2]| {
                a + v[0] * v[1]
            })
            .unwrap();
        let mut vals = [1.0; 3];
        e.apply(&mut vals, 1, 9);
        assert_eq!(vals, [1.0 + 9.0 * 20.0, 1.0 + 10.0 * 20.0, 1.0 + 11.0 * 20.0]);
        // Two rows of a GEMM block: one per channel.
        let mut c = [0.0; 4];
        let (row0, row1) = c.split_at_mut(2);
        e.apply(row0, 0, 1);
        e.apply(row1, 1, 7);
        assert_eq!(c, [10.0, 20.0, 7.0 * 20.0, 8.0 * 20.0]);
    }
}
