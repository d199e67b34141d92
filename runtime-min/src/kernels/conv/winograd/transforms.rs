//! The Winograd variants and their input and output transforms.
//!
//! Both variants read `ALPHA = TILE + 2` inputs per tile and axis: the first `TILE` from the
//! tile's own phase (column phase, or row phase within a row of tiles) at one position, the
//! last two from the first two phases one step on (the next tile's). So each transform is one
//! function over runs of slots, `input` and `output`, written out per variant so that the
//! loops vectorise; everything around them (the buffers, the phase split, the packing into
//! the GEMMs' operand) is shared.

use super::Shape;
use crate::kernels::epilogue::Post;

/// Most tiles in a row (outputs up to 256 wide at 4 per tile), bounding the row buffers.
pub(super) const MAX_ROW_TILES: usize = 64;
/// Largest tile side and input tile side of the variants.
const MAX_TILE: usize = 4;
const MAX_ALPHA: usize = 6;
/// Slots of each row of the transforms' buffers: a block's rows of tiles (plus one, and one
/// slot per row for the tile past the edge) laid end to end, so every stage of a transform is
/// one long loop over the block's tiles rather than a short one per row of 4-14 tiles.
pub(super) const SLOTS: usize = 512;

/// One Winograd variant F(m x m, 3 x 3).
pub(super) trait Variant {
    /// Outputs per tile side (`m`).
    const TILE: usize;
    /// Input tile side (`m + 2`); its square is the number of points (GEMMs).
    const ALPHA: usize;
    /// The weight transform `G` (`ALPHA` rows of 3 taps).
    const G: &'static [[f64; 3]];

    /// `Bᵀ d` over slots `0..n`, where input `r < TILE` of a slot is `src[r][i]` and input
    /// `TILE + r` is `src[r][i + step]`; point `k` goes to `out[k][i]`.
    fn input(src: &[&[f32]], step: usize, n: usize, out: &mut [&mut [f32]]);

    /// `Aᵀ m + add` over slots `0..n`: the `ALPHA` points `m[k][i]` to the `TILE` outputs
    /// `out[j][i]`.
    fn output(m: &[&[f32]], n: usize, add: f32, out: &mut [&mut [f32]]);

    /// Points of the transform.
    fn points() -> usize {
        Self::ALPHA * Self::ALPHA
    }
}

/// F(4x4, 3x3): 36 points, a quarter of the direct convolution's multiply-adds. Its
/// interpolation points are 0, 1, -1, 1/2, -2 and infinity rather than the customary 0, ±1, ±2
/// (Lavin and Gray's). The rounding errors of the transforms and of the products reach the
/// outputs multiplied by the transforms' coefficients, and with 1/2 in place of 2 the largest
/// of them (the outputs' 8 = 2³, the weights' 1/24) are balanced better: against an f64
/// reference the largest error is 2 to 3 times smaller and the RMS error 1.5 times
/// (`tests::accuracy_against_f64`; of the sets of simple fractions tried, symmetric ones
/// included, this one and its mirror image were best, as in Barabasz, Anderson, Soodhalter
/// and Gregg's experiments, arXiv:1803.10986). That is still 2 to 4 times the direct
/// convolution's error; F(2, 3)'s is half of it. The transforms cost the same: with `d3 - d1`
/// and `d4 - d2` shared, 16 operations a column.
pub(super) struct F4;
/// F(2x2, 3x3): 16 points, 4/9 of them; for maps too small for 4x4 tiles (7x7 to 13x13).
pub(super) struct F2;

impl Variant for F4 {
    const TILE: usize = 4;
    const ALPHA: usize = 6;
    /// Row `k` is `(1, p, p²) / Π(p - q)` over the other finite points `q`, for point `p`
    /// (the last, infinity, takes the last tap).
    const G: &'static [[f64; 3]] = &[
        [1.0, 0.0, 0.0],
        [1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0],
        [-1.0 / 3.0, 1.0 / 3.0, -1.0 / 3.0],
        [-16.0 / 15.0, -8.0 / 15.0, -4.0 / 15.0],
        [1.0 / 15.0, -2.0 / 15.0, 4.0 / 15.0],
        [0.0, 0.0, 1.0],
    ];

    fn input(src: &[&[f32]], step: usize, n: usize, out: &mut [&mut [f32]]) {
        let ([s0, s1, s2, s3], [o0, o1, o2, o3, o4, o5]) = (src, out) else { return };
        let (s0, s1, s2, s3) = (&s0[..n + step], &s1[..n + step], &s2[..n], &s3[..n]);
        let (o0, o1, o2, o3, o4, o5) =
            (&mut o0[..n], &mut o1[..n], &mut o2[..n], &mut o3[..n], &mut o4[..n], &mut o5[..n]);
        for i in 0..n {
            let d = [s0[i], s1[i], s2[i], s3[i], s0[i + step], s1[i + step]];
            // Bᵀ = [1 -3/2 -2 3/2 1 0; 0 -1 1/2 5/2 1 0; 0 1 -5/2 1/2 1 0;
            //       0 -2 -1 2 1 0; 0 1/2 -1 -1/2 1 0; 0 1 -3/2 -2 3/2 1].
            let (d31, d42) = (d[3] - d[1], d[4] - d[2]);
            o0[i] = (d[0] + d[4]) - 2.0 * d[2] + 1.5 * d31;
            o1[i] = (d[4] - d[1]) + 0.5 * d[2] + 2.5 * d[3];
            o2[i] = (d[4] + d[1]) - 2.5 * d[2] + 0.5 * d[3];
            o3[i] = d42 + 2.0 * d31;
            o4[i] = d42 - 0.5 * d31;
            o5[i] = (d[1] + d[5]) - 2.0 * d[3] + 1.5 * d42;
        }
    }

    fn output(m: &[&[f32]], n: usize, add: f32, out: &mut [&mut [f32]]) {
        let ([m0, m1, m2, m3, m4, m5], [o0, o1, o2, o3]) = (m, out) else { return };
        let (m0, m1, m2, m3, m4, m5) = (&m0[..n], &m1[..n], &m2[..n], &m3[..n], &m4[..n], &m5[..n]);
        let (o0, o1, o2, o3) = (&mut o0[..n], &mut o1[..n], &mut o2[..n], &mut o3[..n]);
        for i in 0..n {
            // Aᵀ = [1 1 1 1 1 0; 0 1 -1 1/2 -2 0; 0 1 1 1/4 4 0; 0 1 -1 1/8 -8 1].
            let (s12, d12) = (m1[i] + m2[i], m1[i] - m2[i]);
            o0[i] = m0[i] + s12 + (m3[i] + m4[i]) + add;
            o1[i] = d12 + 0.5 * m3[i] - 2.0 * m4[i] + add;
            o2[i] = s12 + 0.25 * m3[i] + 4.0 * m4[i] + add;
            o3[i] = (d12 + m5[i]) + 0.125 * m3[i] - 8.0 * m4[i] + add;
        }
    }
}

impl Variant for F2 {
    const TILE: usize = 2;
    const ALPHA: usize = 4;
    const G: &'static [[f64; 3]] = &[[1.0, 0.0, 0.0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0.0, 0.0, 1.0]];

    fn input(src: &[&[f32]], step: usize, n: usize, out: &mut [&mut [f32]]) {
        let ([s0, s1], [o0, o1, o2, o3]) = (src, out) else { return };
        let (s0, s1) = (&s0[..n + step], &s1[..n + step]);
        let (o0, o1, o2, o3) = (&mut o0[..n], &mut o1[..n], &mut o2[..n], &mut o3[..n]);
        for i in 0..n {
            let d = [s0[i], s1[i], s0[i + step], s1[i + step]];
            o0[i] = d[0] - d[2];
            o1[i] = d[1] + d[2];
            o2[i] = d[2] - d[1];
            o3[i] = d[1] - d[3];
        }
    }

    fn output(m: &[&[f32]], n: usize, add: f32, out: &mut [&mut [f32]]) {
        let ([m0, m1, m2, m3], [o0, o1]) = (m, out) else { return };
        let (m0, m1, m2, m3) = (&m0[..n], &m1[..n], &m2[..n], &m3[..n]);
        let (o0, o1) = (&mut o0[..n], &mut o1[..n]);
        for i in 0..n {
            o0[i] = m0[i] + m1[i] + m2[i] + add;
            o1[i] = m1[i] - m2[i] - m3[i] + add;
        }
    }
}

/// [`input_tiles`]' buffers, made once per thread and part and reused for its channels.
/// With `w1 = tw + 1` slots per row of tiles, slot `g * w1 + t` is tile `t` of row group `g`
/// (slot `tw` of a group holds the columns right of the last tile).
pub(super) struct InputBuffers {
    /// One padded input row, whole tiles.
    line: [f32; MAX_TILE * (MAX_ROW_TILES + 1)],
    /// `phases[a][j][g * w1 + t]`: padded input row `TILE (ty0 + g) + a`, column `TILE t + j`.
    phases: [[[f32; SLOTS]; MAX_TILE]; MAX_TILE],
    /// `across[a][k][slot]`: the same rows transformed along the columns: point `k`.
    across: [[[f32; SLOTS]; MAX_ALPHA]; MAX_TILE],
    /// `points[ξ][ty * w1 + t]`: the block's tiles in the Winograd domain, before they are
    /// packed (without the slot past each row) into `v`.
    points: [[f32; SLOTS]; MAX_ALPHA * MAX_ALPHA],
}

impl InputBuffers {
    pub(super) fn new() -> Self {
        InputBuffers {
            line: [0.0; MAX_TILE * (MAX_ROW_TILES + 1)],
            phases: [[[0.0; SLOTS]; MAX_TILE]; MAX_TILE],
            across: [[[0.0; SLOTS]; MAX_ALPHA]; MAX_TILE],
            points: [[0.0; SLOTS]; MAX_ALPHA * MAX_ALPHA],
        }
    }
}

/// `rows[..n]` of each row of `rows`, as many as `out` has (the rest of `out` empty).
fn heads<const R: usize>(rows: &[[f32; SLOTS]], n: usize) -> [&[f32]; R] {
    core::array::from_fn(|r| rows.get(r).map_or(&[][..], |row| &row[..n]))
}

/// Transforms one input channel's tiles in rows `ty0 .. ty0 + rows` into `v` (`points` runs
/// of `nbs` tiles). Each padded input row is split into its `TILE` column phases, so the
/// `ALPHA` values tile `t` reads from a row are every phase at `t` and the first two at
/// `t + 1`; and rows are stored by their phase `a` within a row of tiles, so the rows tile row
/// `g` reads are every phase of group `g` and the first two of group `g + 1`, one `w1` on.
/// Both transforms are then one flat loop over slots. Slots past a row's last tile compute
/// values from neighbouring rows that are never stored.
// `k2` picks one point column out of every row phase's buffers.
#[allow(clippy::needless_range_loop)]
pub(super) fn input_tiles<V: Variant>(
    s: &Shape,
    x: &[f32],
    ty0: usize,
    rows: usize,
    v: &mut [f32],
    nbs: usize,
    buf: &mut InputBuffers,
) {
    let (tile, alpha, tw, w1) = (V::TILE, V::ALPHA, s.tw, s.tw + 1);
    let InputBuffers { line, phases, across, points } = buf;
    let groups = rows + 1;
    for g in 0..groups {
        // The last group only supplies the bottom two rows of the block's last tiles.
        let phases_used = if g == rows { alpha - tile } else { tile };
        for (a, ph) in phases.iter_mut().enumerate().take(phases_used) {
            let line = &mut line[..tile * w1];
            line.fill(0.0);
            let iy = (tile * (ty0 + g) + a).checked_sub(s.pad_top).filter(|&iy| iy < s.ih);
            if let Some(iy) = iy {
                let width = s.iw.min(line.len().saturating_sub(s.pad_left));
                line[s.pad_left..s.pad_left + width].copy_from_slice(&x[iy * s.iw..][..width]);
            }
            for (j, phase) in ph.iter_mut().enumerate().take(tile) {
                for (d, chunk) in phase[g * w1..][..w1].iter_mut().zip(line.chunks_exact(tile)) {
                    *d = chunk[j];
                }
            }
        }
    }
    // Along the columns, every row phase over every slot.
    let len = groups * w1 - 1;
    for (ph, ac) in phases.iter().zip(across.iter_mut()).take(tile) {
        let src: [&[f32]; MAX_TILE] = heads(&ph[..tile], len + 1);
        let mut out: [&mut [f32]; MAX_ALPHA] = ac.each_mut().map(|row| &mut row[..len]);
        V::input(&src[..tile], 1, len, &mut out[..alpha]);
    }
    // Down the rows, over the block's tiles.
    let n = rows * w1;
    for k2 in 0..alpha {
        let src: [&[f32]; MAX_TILE] =
            core::array::from_fn(|r| if r < tile { &across[r][k2][..n + w1] } else { &[][..] });
        let mut out: [&mut [f32]; MAX_ALPHA] = [&mut [], &mut [], &mut [], &mut [], &mut [], &mut []];
        for (k1, row) in points.iter_mut().skip(k2).step_by(alpha).take(alpha).enumerate() {
            out[k1] = &mut row[..n];
        }
        V::input(&src[..tile], w1, n, &mut out[..alpha]);
    }
    for (point, dst) in points.iter().take(V::points()).zip(v.chunks_exact_mut(nbs)) {
        for (ty, run) in dst[..rows * tw].chunks_exact_mut(tw).enumerate() {
            run.copy_from_slice(&point[ty * w1..ty * w1 + tw]);
        }
    }
}

/// Where one output channel's values go besides `y`.
#[derive(Clone, Copy)]
pub(super) struct Output<'a> {
    pub bias: f32,
    pub post: Option<&'a dyn Post>,
    /// Index of the channel's first output in the whole output, and the channel.
    pub at: usize,
    pub channel: usize,
}

/// [`output_tiles`]' buffers, like [`InputBuffers`] (slots here are the block's tiles).
pub(super) struct OutputBuffers {
    /// `down[i][k2][tile]`: output row `i` of each tile, still in the points along columns.
    down: [[[f32; SLOTS]; MAX_ALPHA]; MAX_TILE],
    /// `outs[i][j][tile]`: output `(i, j)` of each tile, bias added.
    outs: [[[f32; SLOTS]; MAX_TILE]; MAX_TILE],
    /// One output row, whole tiles.
    line: [f32; MAX_TILE * MAX_ROW_TILES],
}

impl OutputBuffers {
    pub(super) fn new() -> Self {
        OutputBuffers {
            down: [[[0.0; SLOTS]; MAX_ALPHA]; MAX_TILE],
            outs: [[[0.0; SLOTS]; MAX_TILE]; MAX_TILE],
            line: [0.0; MAX_TILE * MAX_ROW_TILES],
        }
    }
}

/// Writes output channel `co`'s rows of tiles `ty0 .. ty0 + rows` into its plane `y` from the
/// products (`points` matrices of `M x nbs`): `Aᵀ M A` per tile in two flat loops over the
/// block's tiles, plus the bias, then each output row interleaved from its tiles, and the
/// epilogue on each finished row of tiles.
#[allow(clippy::too_many_arguments)]
pub(super) fn output_tiles<V: Variant>(
    s: &Shape,
    products: &[f32],
    co: usize,
    ty0: usize,
    rows: usize,
    nbs: usize,
    y: &mut [f32],
    out: Output,
    buf: &mut OutputBuffers,
) {
    let (tile, alpha, tw, n) = (V::TILE, V::ALPHA, s.tw, rows * s.tw);
    let OutputBuffers { down, outs, line } = buf;
    for k2 in 0..alpha {
        let m: [&[f32]; MAX_ALPHA] = core::array::from_fn(|k1| {
            if k1 < alpha {
                &products[((k1 * alpha + k2) * s.m + co) * nbs..][..n]
            } else {
                &[][..]
            }
        });
        let mut dst: [&mut [f32]; MAX_TILE] = down.each_mut().map(|d| &mut d[k2][..n]);
        V::output(&m[..alpha], n, 0.0, &mut dst[..tile]);
    }
    for (dn, oi) in down.iter().zip(outs.iter_mut()).take(tile) {
        let src: [&[f32]; MAX_ALPHA] = heads(&dn[..alpha], n);
        let mut dst: [&mut [f32]; MAX_TILE] = oi.each_mut().map(|o| &mut o[..n]);
        V::output(&src[..alpha], n, out.bias, &mut dst[..tile]);
    }
    for ty in 0..rows {
        let oy0 = tile * (ty0 + ty);
        let last = (oy0 + tile).min(s.oh);
        for (i, oi) in outs.iter().enumerate().take(last - oy0) {
            for (j, o) in oi.iter().enumerate().take(tile) {
                for (d, &v) in line.chunks_exact_mut(tile).zip(&o[ty * tw..ty * tw + tw]) {
                    d[j] = v;
                }
            }
            let oy = oy0 + i;
            y[oy * s.ow..(oy + 1) * s.ow].copy_from_slice(&line[..s.ow]);
        }
        if let Some(post) = out.post {
            post.apply(&mut y[oy0 * s.ow..last * s.ow], out.channel, out.at + oy0 * s.ow);
        }
    }
}
