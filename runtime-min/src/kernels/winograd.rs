//! Winograd F(4x4, 3x3) convolution: 3x3, stride 1, ungrouped, 2-D, f32.
//!
//! A 4x4 block of outputs ("tile") depends on a 6x6 block of input. Transformed into the
//! Winograd domain (`V = Bᵀ d B` per input channel, `U = G g Gᵀ` per weight), the convolution
//! of a tile becomes 36 independent element-wise products summed over input channels, that is
//! 36 matrix products `M[ξ] = U[ξ] · V[ξ]` (output channels x input channels, times input
//! channels x tiles), and the outputs are `Aᵀ M A`. That is 36 multiply-adds per tile and
//! channel pair instead of 144: the GEMMs do a quarter of the direct convolution's work.
//!
//! The compiler transforms and packs the weights at build time ([`transform_weights`]: 36
//! [`prepacked::pack`]ed matrices), so `run` only transforms the input and the output. Work
//! goes in blocks of whole rows of tiles sized so that the transformed input and the products
//! of one block stay near the core ([`BLOCK_SCRATCH`]); per block:
//! 1. the input transform, in parallel over input channels, vectorised along a row of tiles
//!    (each input row is first split into its four column phases, so that the six values a
//!    tile reads from a row are six contiguous runs across the tiles);
//! 2. the 36 products, in parallel over the points `ξ`, each a prepacked GEMM on one thread;
//! 3. the output transform, in parallel over output channels, adding the bias and running the
//!    fused epilogue on each finished row of tiles while it is in cache.
//!
//! Only the compiler decides to use it ([`applies`]: enough channels and tiles for the
//! transforms to pay, a row of tiles short enough for the stack buffers); the transform's
//! rounding differs from the direct sum by a few units in the last place of the inputs'
//! magnitude, well inside the tolerance models are checked at.

use super::epilogue::Post;
use super::prepacked;
use crate::threads::for_each_chunk;
use crate::Error;

/// Outputs per tile side.
const TILE: usize = 4;
/// Input tile side: `TILE + 3 - 1`.
const ALPHA: usize = 6;
/// Points of the transform, one GEMM each.
const POINTS: usize = ALPHA * ALPHA;
/// Most tiles in a row (outputs up to 256 wide), bounding the row buffers on the stack.
const MAX_ROW_TILES: usize = 64;
/// Target floats of scratch per block of tiles (2 MiB: the core's L2 and a share of L3).
const BLOCK_SCRATCH: usize = 1 << 19;
/// Fewest tiles per block (see [`Shape::new`]).
const MIN_BLOCK_TILES: usize = 64;
/// Fewest input and output channels: below, the GEMMs are too thin to pay for the transforms.
const MIN_CHANNELS: usize = 16;
/// Fewest tiles per image: below, the weights (four times the direct convolution's) are
/// read for too little work.
const MIN_TILES: usize = 16;

/// `G` of F(4, 3): the weight transform (rows: points, columns: taps).
const G: [[f64; 3]; ALPHA] = [
    [1.0 / 4.0, 0.0, 0.0],
    [-1.0 / 6.0, -1.0 / 6.0, -1.0 / 6.0],
    [-1.0 / 6.0, 1.0 / 6.0, -1.0 / 6.0],
    [1.0 / 24.0, 1.0 / 12.0, 1.0 / 6.0],
    [1.0 / 24.0, -1.0 / 12.0, 1.0 / 6.0],
    [0.0, 0.0, 1.0],
];

/// `Bᵀ d` for six inputs `d` along one axis.
#[inline(always)]
fn input_1d(d: [f32; ALPHA]) -> [f32; ALPHA] {
    [
        4.0 * d[0] - 5.0 * d[2] + d[4],
        -4.0 * (d[1] + d[2]) + d[3] + d[4],
        4.0 * (d[1] - d[2]) - d[3] + d[4],
        2.0 * (d[3] - d[1]) - d[2] + d[4],
        2.0 * (d[1] - d[3]) - d[2] + d[4],
        4.0 * d[1] - 5.0 * d[3] + d[5],
    ]
}

/// `Aᵀ m` for six points `m` along one axis: four outputs.
#[inline(always)]
fn output_1d(m: [f32; ALPHA]) -> [f32; TILE] {
    let (s12, d12, s34, d34) = (m[1] + m[2], m[1] - m[2], m[3] + m[4], m[3] - m[4]);
    [m[0] + s12 + s34, d12 + 2.0 * d34, s12 + 4.0 * s34, d12 + 8.0 * d34 + m[5]]
}

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
    /// Tile rows and columns.
    th: usize,
    tw: usize,
    /// Tile rows per block.
    block_rows: usize,
}

impl Shape {
    fn new(x_shape: &[usize], w_shape: &[usize], p: &super::conv::ConvParams, y_shape: &[usize]) -> Option<Shape> {
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
        if (ih + pad_top + pad_bottom).checked_sub(2) != Some(oh) || (iw + pad_left + pad_right).checked_sub(2) != Some(ow) {
            return None;
        }
        let (th, tw) = (oh.div_ceil(TILE), ow.div_ceil(TILE));
        if c < MIN_CHANNELS || m < MIN_CHANNELS || th * tw < MIN_TILES || tw > MAX_ROW_TILES {
            return None;
        }
        // At least `MIN_BLOCK_TILES` tiles per block even past the scratch target: the GEMMs'
        // columns are tiles, and a narrow block leaves most of each 32-column sliver empty.
        // At most what the transforms' buffers hold: `rows + 1` rows of `tw + 1` slots.
        let block_rows = (BLOCK_SCRATCH / (POINTS * (c + m) * tw)).max(MIN_BLOCK_TILES.div_ceil(tw)).min(SLOTS / (tw + 1) - 1).clamp(1, th);
        Some(Shape { n, c, m, ih, iw, oh, ow, pad_top, pad_left, th, tw, block_rows })
    }

    /// Tiles of one block: the stride between the rows of a block's matrices.
    fn block_tiles(&self) -> usize {
        self.block_rows * self.tw
    }
}

/// Whether a convolution with these shapes runs the Winograd way (then its weights are
/// [`transform_weights`]' and it is called through [`conv_winograd`]).
pub fn applies(x_shape: &[usize], w_shape: &[usize], p: &super::conv::ConvParams, y_shape: &[usize]) -> bool {
    Shape::new(x_shape, w_shape, p, y_shape).is_some()
}

/// Elements of scratch [`conv_winograd`] needs: a block's transformed input and products.
pub fn scratch_len(x_shape: &[usize], w_shape: &[usize], p: &super::conv::ConvParams, y_shape: &[usize]) -> usize {
    Shape::new(x_shape, w_shape, p, y_shape).map_or(0, |s| POINTS * (s.c + s.m) * s.block_tiles())
}

/// Floats of the transformed weights of `[M, C, 3, 3]` weights.
pub fn weights_len(w_shape: &[usize]) -> Option<usize> {
    let &[m, c, 3, 3] = w_shape else { return None };
    Some(POINTS * prepacked::packed_len(m, c))
}

/// The weights in the Winograd domain, `U[ξ] = (G g Gᵀ)[ξ]` for every pair of channels, as 36
/// packed `M x C` matrices one after another. The compiler calls this at build time.
pub fn transform_weights(w: &[f32], w_shape: &[usize]) -> Result<Vec<f32>, Error> {
    let len = weights_len(w_shape).ok_or(Error::Layout("winograd: weights are not [M, C, 3, 3]"))?;
    let (m, c) = (w_shape[0], w_shape[1]);
    if w.len() != m * c * 9 {
        return Err(Error::Layout("winograd: weight length does not match its shape"));
    }
    let mut u = vec![0f32; POINTS * m * c];
    for (pair, g) in w.chunks_exact(9).enumerate() {
        // (G g) is 6x3; (G g) Gᵀ is 6x6. In f64, so the only rounding is the final one.
        let mut gg = [[0f64; 3]; ALPHA];
        for (row, grow) in gg.iter_mut().zip(&G) {
            for (j, v) in row.iter_mut().enumerate() {
                *v = (0..3).map(|t| grow[t] * f64::from(g[t * 3 + j])).sum();
            }
        }
        for (i, row) in gg.iter().enumerate() {
            for (j, grow) in G.iter().enumerate() {
                let v: f64 = (0..3).map(|t| row[t] * grow[t]).sum();
                u[(i * ALPHA + j) * m * c + pair] = v as f32;
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
    p: &super::conv::ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
) -> Result<(), Error> {
    run(x, x_shape, u, w_shape, bias, p, y, y_shape, scratch, None)
}

/// [`conv_winograd`] followed by the epilogue `y = f(y, [x0, ...])` of a fused node, run on
/// each row of tiles as the output transform writes it (where the operands broadcast as
/// [`super::epilogue::Leaf`] can express; otherwise a pass afterwards).
#[allow(clippy::too_many_arguments)]
pub fn conv_winograd_fused<const K: usize, F: Fn(f32, [f32; K]) -> f32 + Sync>(
    x: &[f32],
    x_shape: &[usize],
    u: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &super::conv::ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
    leaves: [(&[f32], &[usize]); K],
    f: F,
) -> Result<(), Error> {
    super::epilogue::fused(y, y_shape, leaves, f, true, |y, post| run(x, x_shape, u, w_shape, bias, p, y, y_shape, scratch, post))
}

#[allow(clippy::too_many_arguments)]
fn run(
    x: &[f32],
    x_shape: &[usize],
    u: &[f32],
    w_shape: &[usize],
    bias: Option<&[f32]>,
    p: &super::conv::ConvParams,
    y: &mut [f32],
    y_shape: &[usize],
    scratch: &mut [f32],
    post: Option<&dyn Post>,
) -> Result<(), Error> {
    let s = Shape::new(x_shape, w_shape, p, y_shape).ok_or(Error::Layout("winograd: the convolution is not one the Winograd path takes"))?;
    let (in_plane, out_plane) = (s.ih * s.iw, s.oh * s.ow);
    if x.len() != s.n * s.c * in_plane || y.len() != s.n * s.m * out_plane {
        return Err(Error::Layout("winograd: input or output length does not match its shape"));
    }
    if weights_len(w_shape) != Some(u.len()) {
        return Err(Error::Layout("winograd: transformed weights do not match the weight shape"));
    }
    if bias.is_some_and(|b| b.len() != s.m) {
        return Err(Error::Layout("conv: bias length differs from the output channels"));
    }
    let nbs = s.block_tiles();
    if scratch.len() < POINTS * (s.c + s.m) * nbs {
        return Err(Error::Layout("winograd: scratch smaller than scratch_len"));
    }
    let (v, rest) = scratch.split_at_mut(POINTS * s.c * nbs);
    let products = &mut rest[..POINTS * s.m * nbs];
    let per_point = prepacked::packed_len(s.m, s.c);
    for (nn, (xb, yb)) in x.chunks_exact(s.c * in_plane).zip(y.chunks_exact_mut(s.m * out_plane)).enumerate() {
        for ty0 in (0..s.th).step_by(s.block_rows) {
            let rows = s.block_rows.min(s.th - ty0);
            // 1. V[ci][ξ][t]: each channel's points, a run of `nbs` tiles per point.
            for_each_chunk(v, s.c, POINTS * nbs, 1, &|c0, part| {
                let mut buf = InputBuffers::new();
                for (ci, vc) in part.chunks_exact_mut(POINTS * nbs).enumerate() {
                    input_tiles(&s, &xb[(c0 + ci) * in_plane..][..in_plane], ty0, rows, vc, nbs, &mut buf);
                }
            });
            // 2. M[ξ] = U[ξ] V[ξ]: V[ξ]'s rows (input channels) are `POINTS * nbs` apart.
            let (v, tiles) = (&*v, rows * s.tw);
            let status = std::sync::Mutex::new(Ok(()));
            for_each_chunk(products, POINTS, s.m * nbs, 1, &|p0, part| {
                for (pi, mp) in part.chunks_exact_mut(s.m * nbs).enumerate() {
                    let point = p0 + pi;
                    let r = prepacked::gemm_here(&u[point * per_point..][..per_point], s.m, s.c, tiles, &v[point * nbs..], POINTS * nbs, mp, nbs);
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
                    let out = Output { bias: bias.map_or(0.0, |b| b[co]), post, at: nn * s.m * out_plane + co * out_plane, channel: co };
                    output_tiles(&s, products, co, ty0, rows, nbs, yc, out, &mut buf);
                }
            });
        }
    }
    Ok(())
}

/// Slots of each row of the transforms' buffers: a block's rows of tiles (plus one, and one
/// slot per row for the tile past the edge) laid end to end, so every stage of a transform is
/// one long loop over the block's tiles rather than a short one per row of 4-14 tiles.
const SLOTS: usize = 512;

/// [`input_tiles`]' buffers, made once per thread and part and reused for its channels.
/// With `w1 = tw + 1` slots per row of tiles, slot `g * w1 + t` is tile `t` of row group `g`
/// (slot `tw` of a group holds the columns right of the last tile).
struct InputBuffers {
    /// One padded input row, whole tiles.
    line: [f32; TILE * (MAX_ROW_TILES + 1)],
    /// `phases[a][j][g * w1 + t]`: padded input row `4 (ty0 + g) + a`, column `4t + j`.
    phases: [[[f32; SLOTS]; TILE]; TILE],
    /// `across[a][k][slot]`: the same rows transformed along the columns: point `k`.
    across: [[[f32; SLOTS]; ALPHA]; TILE],
    /// `points[ξ][ty * w1 + t]`: the block's tiles in the Winograd domain, before they are
    /// packed (without the slot past each row) into `v`.
    points: [[f32; SLOTS]; POINTS],
}

impl InputBuffers {
    fn new() -> Self {
        InputBuffers { line: [0.0; TILE * (MAX_ROW_TILES + 1)], phases: [[[0.0; SLOTS]; TILE]; TILE], across: [[[0.0; SLOTS]; ALPHA]; TILE], points: [[0.0; SLOTS]; POINTS] }
    }
}

/// Transforms one input channel's tiles in rows `ty0 .. ty0 + rows` into `v` (`POINTS` runs
/// of `nbs` tiles). Each padded input row is split into its four column phases, so the six
/// values tile `t` reads from a row are phases `0..4` at `t` and phases `0..2` at `t + 1`;
/// and rows are stored by their phase `a` within a row of tiles, so the six rows tile row `g`
/// reads are phases `0..4` of group `g` and phases `0..2` of group `g + 1`, one `w1` further.
/// Both transforms are then one flat loop over slots. Slots past a row's last tile compute
/// values from neighbouring rows that are never stored.
// The loops index several parallel buffers with one counter (zips six deep read worse).
#[allow(clippy::needless_range_loop)]
fn input_tiles(s: &Shape, x: &[f32], ty0: usize, rows: usize, v: &mut [f32], nbs: usize, buf: &mut InputBuffers) {
    let (tw, w1) = (s.tw, s.tw + 1);
    let InputBuffers { line, phases, across, points } = buf;
    let groups = rows + 1;
    for g in 0..groups {
        // The last group only supplies the bottom two rows of the block's last tiles.
        let phases_used = if g == rows { ALPHA - TILE } else { TILE };
        for (a, ph) in phases.iter_mut().enumerate().take(phases_used) {
            let line = &mut line[..TILE * w1];
            line.fill(0.0);
            let iy = (TILE * (ty0 + g) + a).checked_sub(s.pad_top).filter(|&iy| iy < s.ih);
            if let Some(iy) = iy {
                let width = s.iw.min(line.len().saturating_sub(s.pad_left));
                line[s.pad_left..s.pad_left + width].copy_from_slice(&x[iy * s.iw..][..width]);
            }
            let [p0, p1, p2, p3] = ph;
            let (p0, p1, p2, p3) = (&mut p0[g * w1..][..w1], &mut p1[g * w1..][..w1], &mut p2[g * w1..][..w1], &mut p3[g * w1..][..w1]);
            for (t, quad) in line.chunks_exact(TILE).enumerate() {
                (p0[t], p1[t], p2[t], p3[t]) = (quad[0], quad[1], quad[2], quad[3]);
            }
        }
    }
    // Along the columns, every row phase over every slot.
    let len = groups * w1 - 1;
    for (ph, ac) in phases.iter().zip(across.iter_mut()) {
        let (p0, p1, p2, p3) = (&ph[0][..=len], &ph[1][..=len], &ph[2][..len], &ph[3][..len]);
        let [a0, a1, a2, a3, a4, a5] = ac;
        let (a0, a1, a2, a3, a4, a5) = (&mut a0[..len], &mut a1[..len], &mut a2[..len], &mut a3[..len], &mut a4[..len], &mut a5[..len]);
        for i in 0..len {
            [a0[i], a1[i], a2[i], a3[i], a4[i], a5[i]] = input_1d([p0[i], p1[i], p2[i], p3[i], p0[i + 1], p1[i + 1]]);
        }
    }
    // Down the rows, over the block's tiles.
    let n = rows * w1;
    for k2 in 0..ALPHA {
        let (r0, r1, r2, r3) = (&across[0][k2][..n + w1], &across[1][k2][..n + w1], &across[2][k2][..n], &across[3][k2][..n]);
        let mut out: [&mut [f32]; ALPHA] = [&mut [], &mut [], &mut [], &mut [], &mut [], &mut []];
        for (k1, row) in points.iter_mut().skip(k2).step_by(ALPHA).enumerate() {
            out[k1] = &mut row[..n];
        }
        let [o0, o1, o2, o3, o4, o5] = out;
        for i in 0..n {
            [o0[i], o1[i], o2[i], o3[i], o4[i], o5[i]] = input_1d([r0[i], r1[i], r2[i], r3[i], r0[i + w1], r1[i + w1]]);
        }
    }
    for (point, dst) in points.iter().zip(v.chunks_exact_mut(nbs)) {
        for (ty, run) in dst[..rows * tw].chunks_exact_mut(tw).enumerate() {
            run.copy_from_slice(&point[ty * w1..ty * w1 + tw]);
        }
    }
}

/// Where one output channel's values go besides `y`.
#[derive(Clone, Copy)]
struct Output<'a> {
    bias: f32,
    post: Option<&'a dyn Post>,
    /// Index of the channel's first output in the whole output, and the channel.
    at: usize,
    channel: usize,
}

/// [`output_tiles`]' buffers, like [`InputBuffers`] (slots here are the block's tiles).
struct OutputBuffers {
    /// `down[i][k2][tile]`: output row `i` of each tile, still in the points along columns.
    down: [[[f32; SLOTS]; ALPHA]; TILE],
    /// `outs[i][j][tile]`: output `(i, j)` of each tile, bias added.
    outs: [[[f32; SLOTS]; TILE]; TILE],
    /// One output row, whole tiles.
    line: [f32; TILE * MAX_ROW_TILES],
}

impl OutputBuffers {
    fn new() -> Self {
        OutputBuffers { down: [[[0.0; SLOTS]; ALPHA]; TILE], outs: [[[0.0; SLOTS]; TILE]; TILE], line: [0.0; TILE * MAX_ROW_TILES] }
    }
}

/// Writes output channel `co`'s rows of tiles `ty0 .. ty0 + rows` into its plane `y` from the
/// products (`POINTS` matrices of `M x nbs`): `Aᵀ M A` per tile in two flat loops over the
/// block's tiles, plus the bias, then each output row interleaved from its tiles, and the
/// epilogue on each finished row of tiles.
#[allow(clippy::too_many_arguments)]
fn output_tiles(s: &Shape, products: &[f32], co: usize, ty0: usize, rows: usize, nbs: usize, y: &mut [f32], out: Output, buf: &mut OutputBuffers) {
    let (tw, n) = (s.tw, rows * s.tw);
    let OutputBuffers { down, outs, line } = buf;
    for k2 in 0..ALPHA {
        let m = |k1: usize| &products[((k1 * ALPHA + k2) * s.m + co) * nbs..][..n];
        let (m0, m1, m2, m3, m4, m5) = (m(0), m(1), m(2), m(3), m(4), m(5));
        let [d0, d1, d2, d3] = &mut *down;
        let (d0, d1, d2, d3) = (&mut d0[k2][..n], &mut d1[k2][..n], &mut d2[k2][..n], &mut d3[k2][..n]);
        for t in 0..n {
            [d0[t], d1[t], d2[t], d3[t]] = output_1d([m0[t], m1[t], m2[t], m3[t], m4[t], m5[t]]);
        }
    }
    for (dn, oi) in down.iter().zip(outs.iter_mut()) {
        let (m0, m1, m2, m3, m4, m5) = (&dn[0][..n], &dn[1][..n], &dn[2][..n], &dn[3][..n], &dn[4][..n], &dn[5][..n]);
        let [o0, o1, o2, o3] = oi;
        let (o0, o1, o2, o3) = (&mut o0[..n], &mut o1[..n], &mut o2[..n], &mut o3[..n]);
        for t in 0..n {
            let [a, b, c, d] = output_1d([m0[t], m1[t], m2[t], m3[t], m4[t], m5[t]]);
            [o0[t], o1[t], o2[t], o3[t]] = [a + out.bias, b + out.bias, c + out.bias, d + out.bias];
        }
    }
    for ty in 0..rows {
        let oy0 = TILE * (ty0 + ty);
        let last = (oy0 + TILE).min(s.oh);
        for (i, oi) in outs.iter().enumerate().take(last - oy0) {
            let (o0, o1, o2, o3) = (&oi[0][ty * tw..][..tw], &oi[1][ty * tw..][..tw], &oi[2][ty * tw..][..tw], &oi[3][ty * tw..][..tw]);
            for (t, quad) in line.chunks_exact_mut(TILE).take(tw).enumerate() {
                quad.copy_from_slice(&[o0[t], o1[t], o2[t], o3[t]]);
            }
            let oy = oy0 + i;
            y[oy * s.ow..(oy + 1) * s.ow].copy_from_slice(&line[..s.ow]);
        }
        if let Some(post) = out.post {
            post.apply(&mut y[oy0 * s.ow..last * s.ow], out.channel, out.at + oy0 * s.ow);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernels::conv::ConvParams;

    /// The F(4, 3) matrices compute a 1-D correlation: `Aᵀ [(G g) ⊙ (Bᵀ d)]`.
    #[test]
    fn one_dimensional_transform_is_a_correlation() {
        let d = [0.5f32, -1.25, 2.0, 0.75, -0.5, 1.5];
        let g = [0.25f32, -0.75, 1.5];
        let gg: [f32; ALPHA] = core::array::from_fn(|i| (0..3).map(|t| G[i][t] * f64::from(g[t])).sum::<f64>() as f32);
        let bd = input_1d(d);
        let y = output_1d(core::array::from_fn(|i| gg[i] * bd[i]));
        for (i, &yi) in y.iter().enumerate() {
            let direct: f32 = (0..3).map(|t| g[t] * d[i + t]).sum();
            assert!((yi - direct).abs() < 1e-5, "output {i}: {yi} vs {direct}");
        }
    }

    struct Rng(u64);
    impl Rng {
        fn val(&mut self) -> f32 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
        }
    }

    /// Direct 3x3 stride-1 convolution, in f64.
    fn direct(x: &[f32], xs: [usize; 4], w: &[f32], m: usize, bias: &[f32], pads: [usize; 4]) -> (Vec<f64>, [usize; 4]) {
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
                                        sum += f64::from(x[((b * c + ci) * ih + iy) * iw + ix]) * f64::from(w[((o * c + ci) * 3 + ky) * 3 + kx]);
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

    fn check(xs: [usize; 4], m: usize, pads: [usize; 4]) {
        let mut rng = Rng(xs.iter().product::<usize>() as u64 + m as u64);
        let x: Vec<f32> = (0..xs.iter().product()).map(|_| rng.val()).collect();
        let w_shape = [m, xs[1], 3, 3];
        let w: Vec<f32> = (0..w_shape.iter().product()).map(|_| rng.val() * 0.2).collect();
        let bias: Vec<f32> = (0..m).map(|_| rng.val()).collect();
        let (want, ys) = direct(&x, xs, &w, m, &bias, pads);
        let p = ConvParams { group: 1, strides: &[1, 1], dilations: &[], pads: &pads };
        assert!(applies(&xs, &w_shape, &p, &ys), "{xs:?} x {m} takes the Winograd path");
        let u = transform_weights(&w, &w_shape).unwrap();
        let mut scratch = vec![0f32; scratch_len(&xs, &w_shape, &p, &ys)];
        let mut y = vec![f32::NAN; want.len()];
        conv_winograd(&x, &xs, &u, &w_shape, Some(&bias), &p, &mut y, &ys, &mut scratch).unwrap();
        // Inputs in [-1, 1], weights in [-0.2, 0.2]: sums of 9C products. F(4, 3)'s transforms
        // scale intermediate values by up to ~100, so allow 1e-5 of the sums' magnitude.
        let tolerance = 1e-5 * (9 * xs[1]) as f64 * 0.2 * 10.0;
        for (i, (&got, &want)) in y.iter().zip(&want).enumerate() {
            assert!((f64::from(got) - want).abs() <= tolerance, "{xs:?} x {m}, pads {pads:?}: output {i} is {got}, want {want}");
        }
    }

    #[test]
    fn matches_direct_convolution() {
        // Same padding on a map that is a whole number of tiles, ragged maps, no padding,
        // asymmetric padding, a batch, and more output than input channels.
        check([1, 16, 16, 16], 16, [1, 1, 1, 1]);
        check([1, 16, 17, 14], 24, [1, 1, 1, 1]);
        check([2, 20, 18, 17], 16, [0, 0, 0, 0]);
        check([1, 17, 11, 21], 33, [2, 0, 1, 2]);
    }

    #[test]
    fn blocks_and_threads_match_direct_convolution() {
        // Enough channels that a block holds fewer tile rows than the map: several blocks.
        crate::threads::set_threads(2);
        let s = Shape::new(&[1, 256, 40, 40], &[256, 256, 3, 3], &ConvParams { group: 1, strides: &[], dilations: &[], pads: &[1; 4] }, &[1, 256, 40, 40]).unwrap();
        assert!(s.block_rows < s.th, "several blocks: {s:?}");
        check([1, 64, 30, 30], 48, [1, 1, 1, 1]);
        check([1, 256, 40, 16], 32, [1, 1, 1, 1]);
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
        let u = transform_weights(&w, &ws).unwrap();
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
        assert!(applies(&same, &[32, 32, 3, 3], &p(&[1, 1], 1), &same));
        assert!(!applies(&same, &[32, 16, 3, 3], &p(&[1, 1], 2), &same), "grouped");
        assert!(!applies(&same, &[32, 32, 3, 3], &p(&[2, 2], 1), &[1, 32, 8, 8]), "strided");
        assert!(!applies(&[1, 8, 16, 16], &[8, 8, 3, 3], &p(&[1, 1], 1), &[1, 8, 16, 16]), "too few channels");
        assert!(!applies(&[1, 32, 4, 4], &[32, 32, 3, 3], &p(&[1, 1], 1), &[1, 32, 4, 4]), "too few tiles");
        assert!(!applies(&same, &[32, 32, 5, 5], &p(&[1, 1], 1), &[1, 32, 14, 14]), "5x5");
        let x = vec![0f32; 32 * 256];
        let mut y = vec![0f32; 32 * 256];
        let err = conv_winograd(&x, &same, &[], &[32, 32, 3, 3], None, &p(&[1, 1], 1), &mut y, &same, &mut []);
        assert!(err.is_err(), "weights of the wrong length are refused");
    }
}
