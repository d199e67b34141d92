//! Winograd convolution: 3x3, stride 1, ungrouped, 2-D, f32.
//!
//! A `TILE x TILE` block of outputs ("tile") depends on an `ALPHA x ALPHA` block of input
//! (`ALPHA = TILE + 2`). Transformed into the Winograd domain (`V = Bᵀ d B` per input channel,
//! `U = G g Gᵀ` per weight), the convolution of a tile becomes `ALPHA²` independent
//! element-wise products summed over input channels, that is `ALPHA²` matrix products
//! `M[ξ] = U[ξ] · V[ξ]` (output channels x input channels, times input channels x tiles), and
//! the outputs are `Aᵀ M A`. Two variants (`transforms.rs`): F(4x4, 3x3), 36 multiply-adds per
//! tile and channel pair instead of 144, for maps of 36 tiles and more; F(2x2, 3x3), 16
//! instead of 36, for the smaller maps of a network's last stages (7x7 to 20x20).
//!
//! The compiler transforms and packs the weights at build time ([`transform_weights`]: one
//! [`prepacked::pack`]ed matrix per point), so `run` only transforms the input and the output.
//! Work goes in blocks of whole rows of tiles sized so that the transformed input and the
//! products of one block stay near the core (`BLOCK_SCRATCH` floats); per block:
//! 1. the input transform, in parallel over input channels (each input row split into its
//!    column phases, so each stage is one flat loop over the block's tiles);
//! 2. the products, in parallel over the points `ξ`, each a prepacked GEMM on one thread;
//! 3. the output transform, in parallel over output channels, adding the bias and running the
//!    fused epilogue on each finished row of tiles while it is in cache.
//!
//! Only the compiler decides to use it ([`tile_for`]: enough channels and tiles for the
//! transforms to pay, a row of tiles short enough for the stack buffers). Rounding: F(4, 3)'s
//! largest error is 1e-6 to 4e-6 of the outputs' magnitude from 16 to 256 input channels, 2
//! to 4 times the direct convolution's (its points are chosen for that: `transforms::F4`);
//! F(2, 3)'s is half the direct convolution's (`tests::accuracy_against_f64`).
//!
//! Lives under `conv/` with the other convolution paths; generated code reaches it as
//! `kernels::winograd` (a re-export).

mod transforms;

use crate::kernels::epilogue::Post;
use crate::kernels::prepacked;
use crate::threads::for_each_chunk;
use crate::Error;

use transforms::{
    input_tiles, output_tiles, InputBuffers, Output, OutputBuffers, Variant, F2, F4, MAX_ROW_TILES, SLOTS,
};

/// Target floats of scratch per block of tiles (2 MiB: the core's L2 and a share of L3).
const BLOCK_SCRATCH: usize = 1 << 19;
/// Fewest tiles per block (see [`Shape::new`]).
const MIN_BLOCK_TILES: usize = 64;
/// Fewest input and output channels for F(4, 3), and for F(2, 3): below, the GEMMs are too
/// thin to pay for the transforms.
const MIN_CHANNELS: usize = 16;
const MIN_CHANNELS_F2: usize = 32;
/// Fewest tiles per image: below, the transformed weights (4x the direct convolution's for
/// F(4, 3), 1.8x for F(2, 3)) are read for too little work.
const MIN_TILES: usize = 16;
/// Fewest 4x4 tiles per image for F(4, 3) where F(2, 3) takes the convolution too; smaller
/// maps take F(2, 3), whose products have 4x
/// the columns (measured: 64 -> 64 on 20x20, 25 tiles, 180 -> 147 us; 64 -> 256 on 13x13
/// 252 -> 234 us; on 27x27, 49 tiles, F(4, 3) stays ahead, 221 against 256 us).
const MIN_TILES_F4: usize = 36;

/// A convolution's sizes, where the Winograd path takes it.
#[derive(Clone, Copy, Debug)]
struct Shape {
    n: usize,
    c: usize,
    m: usize,
    ih: usize,
    iw: usize,
    oh: usize,
    ow: usize,
    /// Padding before the first row and column.
    pad_top: usize,
    pad_left: usize,
    /// Outputs per tile side: 4 for F(4, 3), 2 for F(2, 3).
    tile: usize,
    /// Tile rows and columns.
    th: usize,
    tw: usize,
    /// Tile rows per block.
    block_rows: usize,
}

impl Shape {
    /// The shape where the Winograd path takes the convolution, its tile size chosen from the
    /// sizes.
    fn new(
        x_shape: &[usize],
        w_shape: &[usize],
        p: &crate::kernels::conv::ConvParams,
        y_shape: &[usize],
    ) -> Option<Shape> {
        Shape::with_tile(x_shape, w_shape, p, y_shape, None)
    }

    /// [`Shape::new`], or with the tile size given (`forced`: the weights were transformed for
    /// it at build time, for a symbolic image size's bound): any image size then runs with it,
    /// as long as a row of tiles fits the transforms' buffers. The size thresholds that
    /// choose the tile are about speed, not correctness.
    fn with_tile(
        x_shape: &[usize],
        w_shape: &[usize],
        p: &crate::kernels::conv::ConvParams,
        y_shape: &[usize],
        forced: Option<usize>,
    ) -> Option<Shape> {
        let (&[n, c, ih, iw], &[m, wc, 3, 3], &[yn, ym, oh, ow]) = (x_shape, w_shape, y_shape) else { return None };
        let ones = |v: &[usize]| v.is_empty() || v == [1, 1];
        if p.group != 1 || wc != c || yn != n || ym != m || !ones(p.strides) || !ones(p.dilations) {
            return None;
        }
        let [pad_top, pad_left, pad_bottom, pad_right] = match p.pads {
            [] => [0; 4],
            &[a, b, c, d] => [a, b, c, d],
            _ => return None,
        };
        if (ih + pad_top + pad_bottom).checked_sub(2) != Some(oh)
            || (iw + pad_left + pad_right).checked_sub(2) != Some(ow)
        {
            return None;
        }
        // F(4, 3) where the map has 16 tiles of 4x4, or where F(2, 3) also takes it, 36;
        // else F(2, 3) on wider channels.
        let fits = |tile: usize, channels: usize| {
            let (th, tw) = (oh.div_ceil(tile), ow.div_ceil(tile));
            (c >= channels && m >= channels && th * tw >= MIN_TILES && tw <= MAX_ROW_TILES).then_some((tile, th, tw))
        };
        let (tile, th, tw) = match (forced, fits(4, MIN_CHANNELS), fits(2, MIN_CHANNELS_F2)) {
            (Some(tile @ (2 | 4)), _, _) => {
                let (th, tw) = (oh.div_ceil(tile), ow.div_ceil(tile));
                (tw <= MAX_ROW_TILES).then_some((tile, th, tw))?
            }
            (Some(_), _, _) => return None,
            (None, Some(f4), Some(f2)) => {
                if f4.1 * f4.2 >= MIN_TILES_F4 {
                    f4
                } else {
                    f2
                }
            }
            (None, f4, f2) => f4.or(f2)?,
        };
        let points = (tile + 2) * (tile + 2);
        // At least `MIN_BLOCK_TILES` tiles per block even past the scratch target: the GEMMs'
        // columns are tiles, and a narrow block leaves most of each 32-column sliver empty.
        // At most what the transforms' buffers hold: `rows + 1` rows of `tw + 1` slots.
        let block_rows = (BLOCK_SCRATCH / (points * (c + m) * tw))
            .max(MIN_BLOCK_TILES.div_ceil(tw))
            .min(SLOTS / (tw + 1) - 1)
            .clamp(1, th);
        Some(Shape { n, c, m, ih, iw, oh, ow, pad_top, pad_left, tile, th, tw, block_rows })
    }

    /// Tiles of one block: the stride between the rows of a block's matrices.
    fn block_tiles(&self) -> usize {
        self.block_rows * self.tw
    }

    /// Points of the transform: one GEMM each.
    fn points(&self) -> usize {
        points(self.tile)
    }
}

/// Points of the transform with tiles of `tile` outputs a side.
fn points(tile: usize) -> usize {
    (tile + 2) * (tile + 2)
}

/// The tile size (outputs per side: 4 or 2) a convolution with these shapes runs the
/// Winograd way with, if it does (then its weights are [`transform_weights`]' for that size
/// and it is called through [`conv_winograd`]).
pub fn tile_for(
    x_shape: &[usize],
    w_shape: &[usize],
    p: &crate::kernels::conv::ConvParams,
    y_shape: &[usize],
) -> Option<usize> {
    Shape::new(x_shape, w_shape, p, y_shape).map(|s| s.tile)
}

/// Elements of scratch [`conv_winograd`] needs: a block's transformed input and products.
pub fn scratch_len(
    x_shape: &[usize],
    w_shape: &[usize],
    p: &crate::kernels::conv::ConvParams,
    y_shape: &[usize],
) -> usize {
    Shape::new(x_shape, w_shape, p, y_shape).map_or(0, |s| s.points() * (s.c + s.m) * s.block_tiles())
}

/// Elements of scratch [`conv_winograd`] needs for these shapes, with the tile size they
/// choose, or for any smaller image size with the same tile (a symbolic image size planned at
/// its bound): a block holds at most `BLOCK_SCRATCH` floats' worth of tiles or
/// `MIN_BLOCK_TILES` tiles, each rounded up to a whole row of tiles, and at most the image.
pub fn scratch_bound(
    x_shape: &[usize],
    w_shape: &[usize],
    p: &crate::kernels::conv::ConvParams,
    y_shape: &[usize],
) -> usize {
    Shape::new(x_shape, w_shape, p, y_shape).map_or(0, |s| {
        let per_tile = s.points() * (s.c + s.m);
        let tiles = (s.th * s.tw).min((BLOCK_SCRATCH / per_tile).max(MIN_BLOCK_TILES) + s.tw);
        (per_tile * tiles).max(per_tile * s.block_tiles())
    })
}

/// Floats of the transformed weights of `[M, C, 3, 3]` weights for tiles of `tile` (4 or 2).
pub fn weights_len(w_shape: &[usize], tile: usize) -> Option<usize> {
    let &[m, c, 3, 3] = w_shape else { return None };
    matches!(tile, 2 | 4).then(|| points(tile) * prepacked::packed_len(m, c))
}

/// The weights in the Winograd domain for tiles of `tile`, `U[ξ] = (G g Gᵀ)[ξ]` for every pair
/// of channels, as one packed `M x C` matrix per point. The compiler calls this at build time.
pub fn transform_weights(w: &[f32], w_shape: &[usize], tile: usize) -> Result<Vec<f32>, Error> {
    let len = weights_len(w_shape, tile)
        .ok_or(Error::Layout("winograd: weights are not [M, C, 3, 3], or tiles not 2 or 4"))?;
    let (m, c) = (w_shape[0], w_shape[1]);
    if w.len() != m * c * 9 {
        return Err(Error::Layout("winograd: weight length does not match its shape"));
    }
    let big_g = if tile == 4 { F4::G } else { F2::G };
    let alpha = big_g.len();
    let mut u = vec![0f32; alpha * alpha * m * c];
    for (pair, g) in w.chunks_exact(9).enumerate() {
        // (G g) is ALPHA x 3; (G g) Gᵀ is ALPHA x ALPHA. In f64, so the only rounding is the
        // final one.
        for (i, gi) in big_g.iter().enumerate() {
            let row: [f64; 3] = core::array::from_fn(|j| (0..3).map(|t| gi[t] * f64::from(g[t * 3 + j])).sum());
            for (j, gj) in big_g.iter().enumerate() {
                let v: f64 = (0..3).map(|t| row[t] * gj[t]).sum();
                u[(i * alpha + j) * m * c + pair] = v as f32;
            }
        }
    }
    let per = prepacked::packed_len(m, c);
    let mut out = vec![0f32; len];
    for (point, dst) in u.chunks_exact(m * c).zip(out.chunks_exact_mut(per)) {
        prepacked::pack(point, m, c, dst)?;
    }
    Ok(out)
}

/// ONNX `Conv` (3x3, stride 1, group 1) with weights from [`transform_weights`]; `w_shape` is
/// the weights' ONNX shape and `scratch` holds at least [`scratch_len`] elements.
#[allow(clippy::too_many_arguments)]
pub fn conv_winograd(
    x: &[f32],
    x_shape: &[usize],
    u: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &crate::kernels::conv::ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
) -> Result<(), Error> {
    run(x, x_shape, u, w_shape, bias, p, y, y_shape, scratch, None)
}

/// [`conv_winograd`] followed by the epilogue `y = f(y, [x0, ...])` of a fused node, run on
/// each row of tiles as the output transform writes it (where the operands broadcast as
/// [`crate::kernels::epilogue::Leaf`] can express; otherwise a pass afterwards).
#[allow(clippy::too_many_arguments)]
pub fn conv_winograd_fused<const K: usize, F: Fn(f32, [f32; K]) -> f32 + Sync>(
    x: &[f32],
    x_shape: &[usize],
    u: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &crate::kernels::conv::ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
    leaves: [(&[f32], &[usize]); K],
    f: F,
) -> Result<(), Error> {
    crate::kernels::epilogue::fused(y, y_shape, leaves, f, true, |y, post| {
        run(x, x_shape, u, w_shape, bias, p, y, y_shape, scratch, post)
    })
}

#[allow(clippy::too_many_arguments)]
fn run(
    x: &[f32],
    x_shape: &[usize],
    u: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &crate::kernels::conv::ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
    post: Option<&dyn Post>,
) -> Result<(), Error> {
    // The tile the weights were transformed for: the one these sizes choose in a build for
    // fixed sizes, the one the bound chose for a symbolic size.
    let tile = [4, 2].into_iter().find(|&t| weights_len(w_shape, t) == Some(u.len()));
    let s = Shape::with_tile(x_shape, w_shape, p, y_shape, tile)
        .ok_or(Error::Layout("winograd: the convolution is not one the Winograd path takes"))?;
    let (in_plane, out_plane) = (s.ih * s.iw, s.oh * s.ow);
    if x.len() != s.n * s.c * in_plane || y.len() != s.n * s.m * out_plane {
        return Err(Error::Layout("winograd: input or output length does not match its shape"));
    }
    if weights_len(w_shape, s.tile) != Some(u.len()) {
        return Err(Error::Layout("winograd: transformed weights do not match the weight shape"));
    }
    if bias.is_some_and(|b| b.len() != s.m) {
        return Err(Error::Layout("conv: bias length differs from the output channels"));
    }
    if scratch.len() < s.points() * (s.c + s.m) * s.block_tiles() {
        return Err(Error::Layout("winograd: scratch smaller than scratch_len"));
    }
    match s.tile {
        4 => blocks::<F4>(&s, x, u, bias, y, scratch, post),
        _ => blocks::<F2>(&s, x, u, bias, y, scratch, post),
    }
}

/// [`run`] for one variant, once the operands are checked against `s`.
fn blocks<V: Variant>(
    s: &Shape,
    x: &[f32],
    u: &[f32],
    bias: Option<&[f32]>,
    y: &mut [f32],
    scratch: &mut [f32],
    post: Option<&dyn Post>,
) -> Result<(), Error> {
    let (in_plane, out_plane, nbs, points) = (s.ih * s.iw, s.oh * s.ow, s.block_tiles(), V::points());
    let (v, rest) = scratch.split_at_mut(points * s.c * nbs);
    let products = &mut rest[..points * s.m * nbs];
    let per_point = prepacked::packed_len(s.m, s.c);
    for (nn, (xb, yb)) in x.chunks_exact(s.c * in_plane).zip(y.chunks_exact_mut(s.m * out_plane)).enumerate() {
        for ty0 in (0..s.th).step_by(s.block_rows) {
            let rows = s.block_rows.min(s.th - ty0);
            // 1. V[ci][ξ][t]: each channel's points, a run of `nbs` tiles per point.
            for_each_chunk(v, s.c, points * nbs, 1, &|c0, part| {
                let mut buf = InputBuffers::new();
                for (ci, vc) in part.chunks_exact_mut(points * nbs).enumerate() {
                    input_tiles::<V>(s, &xb[(c0 + ci) * in_plane..][..in_plane], ty0, rows, vc, nbs, &mut buf);
                }
            });
            // 2. M[ξ] = U[ξ] V[ξ]: V[ξ]'s rows (input channels) are `points * nbs` apart.
            let (v, tiles) = (&*v, rows * s.tw);
            let status = std::sync::Mutex::new(Ok(()));
            for_each_chunk(products, points, s.m * nbs, 1, &|p0, part| {
                for (pi, mp) in part.chunks_exact_mut(s.m * nbs).enumerate() {
                    let point = p0 + pi;
                    let r = prepacked::gemm_here(
                        &u[point * per_point..][..per_point],
                        s.m,
                        s.c,
                        tiles,
                        &v[point * nbs..],
                        points * nbs,
                        mp,
                        nbs,
                    );
                    if let (Err(e), Ok(mut status)) = (r, status.lock()) {
                        *status = Err(e);
                    }
                }
            });
            status.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())?;
            // 3. Y = Aᵀ M A + bias per output channel, then the epilogue.
            let products = &*products;
            for_each_chunk(yb, s.m, out_plane, 1, &|m0, part| {
                let mut buf = OutputBuffers::new();
                for (mi, yc) in part.chunks_exact_mut(out_plane).enumerate() {
                    let co = m0 + mi;
                    let out = Output {
                        bias: bias.map_or(0.0, |b| b[co]),
                        post,
                        at: nn * s.m * out_plane + co * out_plane,
                        channel: co,
                    };
                    output_tiles::<V>(s, products, co, ty0, rows, nbs, yc, out, &mut buf);
                }
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernels::conv::ConvParams;

    /// Each variant's matrices compute a 1-D correlation: `Aᵀ [(G g) ⊙ (Bᵀ d)]`, through the
    /// same `input` and `output` the transforms run (on runs of one slot).
    fn correlates<V: Variant>() {
        let d = [0.5f32, -1.25, 2.0, 0.75, -0.5, 1.5];
        let g = [0.25f32, -0.75, 1.5];
        let (tile, alpha) = (V::TILE, V::ALPHA);
        // Input r < TILE at slot 0, input TILE + r at slot 1 (step 1) of source row r.
        let rows: Vec<Vec<f32>> =
            (0..tile).map(|r| if tile + r < alpha { vec![d[r], d[tile + r]] } else { vec![d[r]] }).collect();
        let src: Vec<&[f32]> = rows.iter().map(Vec::as_slice).collect();
        let mut bd = vec![[0f32; 1]; alpha];
        V::input(&src, 1, 1, &mut bd.iter_mut().map(|v| &mut v[..]).collect::<Vec<_>>());
        let m: Vec<[f32; 1]> = (0..alpha)
            .map(|k| [(V::G[k].iter().zip(&g).map(|(&a, &b)| a * f64::from(b)).sum::<f64>() as f32) * bd[k][0]])
            .collect();
        let mut y = vec![[0f32; 1]; tile];
        V::output(
            &m.iter().map(|v| &v[..]).collect::<Vec<_>>(),
            1,
            0.0,
            &mut y.iter_mut().map(|v| &mut v[..]).collect::<Vec<_>>(),
        );
        for (i, yi) in y.iter().enumerate() {
            let direct: f32 = (0..3).map(|t| g[t] * d[i + t]).sum();
            assert!((yi[0] - direct).abs() < 1e-5, "F({tile}, 3) output {i}: {} vs {direct}", yi[0]);
        }
    }

    #[test]
    fn one_dimensional_transforms_are_correlations() {
        correlates::<F4>();
        correlates::<F2>();
    }

    struct Rng(u64);
    impl Rng {
        fn val(&mut self) -> f32 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
        }
    }

    /// Direct 3x3 stride-1 convolution, in f64.
    fn direct(
        x: &[f32],
        xs: [usize; 4],
        w: &[f32],
        m: usize,
        bias: &[f32],
        pads: [usize; 4],
    ) -> (Vec<f64>, [usize; 4]) {
        let [n, c, ih, iw] = xs;
        let (oh, ow) = (ih + pads[0] + pads[2] - 2, iw + pads[1] + pads[3] - 2);
        let mut y = vec![0f64; n * m * oh * ow];
        for b in 0..n {
            for o in 0..m {
                for oy in 0..oh {
                    for ox in 0..ow {
                        let mut sum = f64::from(bias[o]);
                        for ci in 0..c {
                            for ky in 0..3 {
                                for kx in 0..3 {
                                    let (iy, ix) = ((oy + ky).checked_sub(pads[0]), (ox + kx).checked_sub(pads[1]));
                                    if let (Some(iy), Some(ix)) = (iy.filter(|&v| v < ih), ix.filter(|&v| v < iw)) {
                                        sum += f64::from(x[((b * c + ci) * ih + iy) * iw + ix])
                                            * f64::from(w[((o * c + ci) * 3 + ky) * 3 + kx]);
                                    }
                                }
                            }
                        }
                        y[((b * m + o) * oh + oy) * ow + ox] = sum;
                    }
                }
            }
        }
        (y, [n, m, oh, ow])
    }

    fn check(xs: [usize; 4], m: usize, pads: [usize; 4], tile: usize) {
        let mut rng = Rng(xs.iter().product::<usize>() as u64 + m as u64);
        let x: Vec<f32> = (0..xs.iter().product()).map(|_| rng.val()).collect();
        let w_shape = [m, xs[1], 3, 3];
        let w: Vec<f32> = (0..w_shape.iter().product()).map(|_| rng.val() * 0.2).collect();
        let bias: Vec<f32> = (0..m).map(|_| rng.val()).collect();
        let (want, ys) = direct(&x, xs, &w, m, &bias, pads);
        let p = ConvParams { group: 1, strides: &[1, 1], dilations: &[], pads: &pads };
        assert_eq!(
            tile_for(&xs, &w_shape, &p, &ys),
            Some(tile),
            "{xs:?} x {m} takes the Winograd path with {tile}x{tile} tiles"
        );
        let u = transform_weights(&w, &w_shape, tile).unwrap();
        let mut scratch = vec![0f32; scratch_len(&xs, &w_shape, &p, &ys)];
        let mut y = vec![f32::NAN; want.len()];
        conv_winograd(&x, &xs, &u, &w_shape, Some(&bias), &p, &mut y, &ys, &mut scratch).unwrap();
        // Inputs in [-1, 1], weights in [-0.2, 0.2]: sums of 9C products. F(4, 3)'s transforms
        // scale intermediate values by up to ~100, so allow 1e-5 of the sums' magnitude.
        let tolerance = 1e-5 * (9 * xs[1]) as f64 * 0.2 * 10.0;
        for (i, (&got, &want)) in y.iter().zip(&want).enumerate() {
            assert!(
                (f64::from(got) - want).abs() <= tolerance,
                "{xs:?} x {m}, pads {pads:?}: output {i} is {got}, want {want}"
            );
        }
    }

    #[test]
    fn matches_direct_convolution() {
        // Same padding on a map that is a whole number of tiles, ragged maps, no padding,
        // asymmetric padding, a batch, and more output than input channels.
        check([1, 16, 16, 16], 16, [1, 1, 1, 1], 4);
        check([1, 16, 17, 14], 24, [1, 1, 1, 1], 4);
        check([2, 20, 18, 17], 16, [0, 0, 0, 0], 4);
        check([1, 17, 11, 21], 33, [2, 0, 1, 2], 4);
        // Maps with fewer than 16 tiles of 4x4 take 2x2 tiles: a ResNet's 7x7 stage, a ragged
        // 10x9 map with a batch, asymmetric padding.
        check([1, 64, 7, 7], 48, [1, 1, 1, 1], 2);
        check([2, 32, 10, 9], 40, [1, 1, 1, 1], 2);
        check([1, 33, 9, 12], 32, [0, 2, 1, 0], 2);
        // Where both take a map, F(4, 3) from 36 tiles: 20x20 (25 tiles) takes 2x2 tiles,
        // 27x27 (49) 4x4.
        check([1, 32, 20, 20], 32, [1, 1, 1, 1], 2);
        check([1, 32, 27, 27], 32, [1, 1, 1, 1], 4);
    }

    #[test]
    fn weights_transformed_at_a_bound_run_every_smaller_image() {
        // A symbolic image size: the tile the bound chooses, scratch for the bound, then maps
        // of every kind below it (fewer tiles than either tile size would take, ragged, one
        // pixel), each against the direct convolution.
        let (c, m, pads) = (32, 32, [1usize; 4]);
        let p = ConvParams { group: 1, strides: &[1, 1], dilations: &[], pads: &pads };
        let ws = [m, c, 3, 3];
        for (bound, tile) in [([1, c, 40, 36], 4), ([1, c, 9, 9], 2)] {
            let yb = [1, m, bound[2], bound[3]];
            assert_eq!(tile_for(&bound, &ws, &p, &yb), Some(tile));
            let mut rng = Rng(bound[2] as u64);
            let w: Vec<f32> = (0..ws.iter().product()).map(|_| rng.val() * 0.2).collect();
            let u = transform_weights(&w, &ws, tile).unwrap();
            let mut scratch = vec![0f32; scratch_bound(&bound, &ws, &p, &yb)];
            for (h, wd) in [(bound[2], bound[3]), (33, 17), (8, 8), (5, 9), (1, 1), (2, 7)] {
                let xs = [1, c, h.min(bound[2]), wd.min(bound[3])];
                let x: Vec<f32> = (0..xs.iter().product()).map(|_| rng.val()).collect();
                let (want, ys) = direct(&x, xs, &w, m, &vec![0f32; m], pads);
                let mut y = vec![f32::NAN; want.len()];
                conv_winograd(&x, &xs, &u, &ws, None, &p, &mut y, &ys, &mut scratch).unwrap();
                let tolerance = 1e-5 * (9 * c) as f64 * 0.2 * 10.0;
                for (i, (&got, &want)) in y.iter().zip(&want).enumerate() {
                    assert!(
                        (f64::from(got) - want).abs() <= tolerance,
                        "F({tile}, 3) on {xs:?}: output {i} is {got}, want {want}"
                    );
                }
            }
        }
    }

    /// The largest error of `y` against the f64 result `want`, relative to `want`'s largest
    /// magnitude (an element's own relative error is unbounded where its sum cancels to near 0).
    fn deviation(y: &[f32], want: &[f64]) -> f64 {
        let scale = want.iter().fold(0f64, |m, v| m.max(v.abs()));
        y.iter().zip(want).fold(0f64, |m, (&g, &w)| m.max((f64::from(g) - w).abs())) / scale
    }

    /// Accuracy against an f64 direct convolution, on inputs in [-1, 1] and weights scaled so
    /// every output is of the order of 1, for 16 to 256 input channels: each variant's largest
    /// error stays below a bound, and within a factor of the direct convolution's error on the
    /// same data (the prepacked path the compiler takes otherwise). Measured (max error / max
    /// |y|, AVX-512): F(4, 3) 1.3e-6, 2.2e-6, 4.3e-6 at 16, 64, 256 channels, 2 to 4 times the
    /// direct convolution's (with the points 0, ±1, ±2: 2.6e-6, 5.1e-6, 1.3e-5, 6 to 7 times);
    /// F(2, 3) 2.7e-7 and 6.2e-7, half the direct convolution's.
    #[test]
    fn accuracy_against_f64() {
        use crate::kernels::conv::{conv_prepacked, conv_scratch_len, prepack_weights};
        // (input channels, map side, tile, bound on the error, bound on its ratio to direct)
        let cases = [
            (16, 24, 4, 2.0e-6, 5.0),
            (64, 24, 4, 3.2e-6, 5.0),
            (256, 24, 4, 6.0e-6, 5.0),
            (64, 12, 2, 6.0e-7, 1.0),
            (256, 8, 2, 1.0e-6, 1.0),
        ];
        for (c, hw, tile, bound, ratio) in cases {
            let (xs, m, pads) = ([1, c, hw, hw], 32, [1; 4]);
            let mut rng = Rng(c as u64 * 31 + hw as u64);
            let x: Vec<f32> = (0..xs.iter().product()).map(|_| rng.val()).collect();
            let ws = [m, c, 3, 3];
            let scale = 1.0 / (9.0 * c as f32).sqrt();
            let w: Vec<f32> = (0..ws.iter().product()).map(|_| rng.val() * scale).collect();
            let (want, ys) = direct(&x, xs, &w, m, &vec![0f32; m], pads);
            let p = ConvParams { group: 1, strides: &[1, 1], dilations: &[], pads: &pads };
            assert_eq!(tile_for(&xs, &ws, &p, &ys), Some(tile), "{c} channels on {hw}x{hw}");
            let u = transform_weights(&w, &ws, tile).unwrap();
            let mut scratch = vec![0f32; scratch_len(&xs, &ws, &p, &ys).max(conv_scratch_len(&xs, &ws, &ys, &p))];
            let mut y = vec![f32::NAN; want.len()];
            conv_winograd(&x, &xs, &u, &ws, None, &p, &mut y, &ys, &mut scratch).unwrap();
            let wino = deviation(&y, &want);
            let packed = prepack_weights(&w, &ws, 1).unwrap();
            conv_prepacked(&x, &xs, &packed, &ws, None, &p, &mut y, &ys, &mut scratch).unwrap();
            let direct = deviation(&y, &want);
            let line = format!("F({tile}, 3), {c} channels: max error {wino:.2e}, direct {direct:.2e}");
            eprintln!("{line}");
            assert!(wino <= bound, "{line}: above {bound:.1e}");
            assert!(wino <= ratio * direct, "{line}: above {ratio} times the direct convolution's");
        }
    }

    #[test]
    fn blocks_and_threads_match_direct_convolution() {
        // Enough channels that a block holds fewer tile rows than the map: several blocks.
        let _threads = crate::threads::limit_threads(2);
        let s = Shape::new(
            &[1, 256, 40, 40],
            &[256, 256, 3, 3],
            &ConvParams { group: 1, strides: &[], dilations: &[], pads: &[1; 4] },
            &[1, 256, 40, 40],
        )
        .unwrap();
        assert!(s.block_rows < s.th, "several blocks: {s:?}");
        check([1, 64, 30, 30], 48, [1, 1, 1, 1], 4);
        check([1, 256, 40, 16], 32, [1, 1, 1, 1], 4);
    }

    #[test]
    fn fused_epilogue_matches_a_pass_afterwards() {
        // A residual Add and Relu run on each row of tiles as it is written, and a per-channel
        // scale (a broadcast operand): bit-equal to the same function over the plain output.
        let (xs, m) = ([2, 16, 14, 18], 24);
        let (ys, ws) = ([2, m, 14, 18], [m, 16, 3, 3]);
        let mut rng = Rng(7);
        let x: Vec<f32> = (0..xs.iter().product()).map(|_| rng.val()).collect();
        let w: Vec<f32> = (0..ws.iter().product()).map(|_| rng.val() * 0.2).collect();
        let res: Vec<f32> = (0..ys.iter().product()).map(|_| rng.val()).collect();
        let scale: Vec<f32> = (0..m).map(|_| rng.val()).collect();
        let p = ConvParams { group: 1, strides: &[], dilations: &[], pads: &[1; 4] };
        let u = transform_weights(&w, &ws, 4).unwrap();
        let mut scratch = vec![0f32; scratch_len(&xs, &ws, &p, &ys)];
        let f = |y: f32, [r, s]: [f32; 2]| (y + r).max(0.0) * s;
        let mut fused = vec![f32::NAN; res.len()];
        let leaves: [(&[f32], &[usize]); 2] = [(&res, &ys), (&scale, &[1, m, 1, 1])];
        conv_winograd_fused(&x, &xs, &u, &ws, None, &p, &mut fused, &ys, &mut scratch, leaves, f).unwrap();
        let mut plain = vec![f32::NAN; res.len()];
        conv_winograd(&x, &xs, &u, &ws, None, &p, &mut plain, &ys, &mut scratch).unwrap();
        let plane = 14 * 18;
        for (i, (&got, &y)) in fused.iter().zip(&plain).enumerate() {
            let want = f(y, [res[i], scale[(i / plane) % m]]);
            assert_eq!(got.to_bits(), want.to_bits(), "output {i}: {got} vs {want}");
        }
    }

    #[test]
    fn declines_what_it_does_not_take() {
        let p = |strides: &'static [usize], group| ConvParams { group, strides, dilations: &[], pads: &[1; 4] };
        let same = [1, 32, 16, 16];
        let applies = |x: &[usize], w: &[usize], p: &ConvParams, y: &[usize]| tile_for(x, w, p, y).is_some();
        let wide = [1, 32, 24, 24];
        assert_eq!(tile_for(&wide, &[32, 32, 3, 3], &p(&[1, 1], 1), &wide), Some(4), "36 tiles of 4x4");
        assert_eq!(tile_for(&same, &[32, 32, 3, 3], &p(&[1, 1], 1), &same), Some(2), "16 tiles of 4x4, 64 of 2x2");
        assert_eq!(
            tile_for(&[1, 16, 16, 16], &[16, 16, 3, 3], &p(&[1, 1], 1), &[1, 16, 16, 16]),
            Some(4),
            "too few channels for 2x2 tiles"
        );
        assert_eq!(
            tile_for(&[1, 32, 8, 8], &[32, 32, 3, 3], &p(&[1, 1], 1), &[1, 32, 8, 8]),
            Some(2),
            "4 tiles of 4x4, 16 of 2x2"
        );
        assert!(!applies(&same, &[32, 16, 3, 3], &p(&[1, 1], 2), &same), "grouped");
        assert!(!applies(&same, &[32, 32, 3, 3], &p(&[2, 2], 1), &[1, 32, 8, 8]), "strided");
        assert!(!applies(&[1, 8, 16, 16], &[8, 8, 3, 3], &p(&[1, 1], 1), &[1, 8, 16, 16]), "too few channels");
        assert!(
            !applies(&[1, 16, 8, 8], &[16, 16, 3, 3], &p(&[1, 1], 1), &[1, 16, 8, 8]),
            "too few channels for 2x2 tiles"
        );
        assert!(!applies(&[1, 32, 4, 4], &[32, 32, 3, 3], &p(&[1, 1], 1), &[1, 32, 4, 4]), "too few tiles");
        assert!(!applies(&same, &[32, 32, 5, 5], &p(&[1, 1], 1), &[1, 32, 14, 14]), "5x5");
        assert_eq!(weights_len(&[32, 32, 3, 3], 3), None, "tiles of 2 or 4 only");
        let x = vec![0f32; 32 * 256];
        let mut y = vec![0f32; 32 * 256];
        let err = conv_winograd(&x, &same, &[], &[32, 32, 3, 3], None, &p(&[1, 1], 1), &mut y, &same, &mut []);
        assert!(err.is_err(), "weights of the wrong length are refused");
    }
}
