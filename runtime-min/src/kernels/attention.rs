//! Scaled-dot-product attention on packed rows, the core op behind exporters' spelled-out
//! `MatMul(Q, K^T) -> scale/mask -> Softmax -> MatMul(., V)` (`passes/attention.rs`).
//!
//! Queries, keys and values are read where the projections wrote them: rows of `[B, S, W]`
//! tensors, head `h` in columns `offset + h*D .. offset + (h+1)*D` (so one fused QKV projection
//! serves all three through offsets). The output is `[B, Sq, H*D]`, heads side by side, which is
//! the memory order the exporters' final Transpose + Reshape produce. Nothing is transposed or
//! copied except one head of `K` at a time, packed as `K^T` so both products run on the
//! register-blocked row-major GEMM. Per `(b, h)` the scores live in scratch, where the score
//! epilogue (scale, mask: any elementwise expression, its extra inputs broadcast to
//! `[B, H, Sq, Sk]`) and the softmax run in place before the product with `V`.

use super::matmul::{MatLayout, MatMulElem};
use super::nd::check_len;
use crate::scalar::Float;
use crate::Error;

/// Where a head's queries, keys and values start in their rows, and the head layout.
#[derive(Clone, Copy, Debug)]
pub struct Heads {
    /// Number of attention heads.
    pub heads: usize,
    /// Columns per head in q, k and v.
    pub head_dim: usize,
    /// Column offsets of head 0 in the rows of q, k and v.
    pub offsets: [usize; 3],
}

/// Scratch elements [`attention`] needs: `K^T` of one head and one head's scores.
pub fn scratch_len(sq: usize, sk: usize, head_dim: usize) -> usize {
    sk * head_dim + sq * sk
}

/// `y[b, i, h*D + d] = sum_j softmax_j(score(q_bh[i] . k_bh[j], leaves at [b, h, i, j])) v_bh[j, d]`.
#[allow(clippy::too_many_arguments)]
pub fn attention<T: MatMulElem + Float, const K: usize>(
    (q, q_shape): (&[T], &[usize]),
    (k, k_shape): (&[T], &[usize]),
    (v, v_shape): (&[T], &[usize]),
    layout: Heads,
    y: &mut [T],
    scratch: &mut [T],
    leaves: [(&[T], &[usize]); K],
    score: impl Fn(T, [T; K]) -> T,
) -> Result<(), Error> {
    let Heads { heads, head_dim: d, offsets } = layout;
    let width = heads * d;
    let shape3 = |s: &[usize], what: &'static str| -> Result<[usize; 3], Error> {
        match *s {
            [b, n, w] => Ok([b, n, w]),
            _ => Err(Error::Layout(what)),
        }
    };
    let [b, sq, wq] = shape3(q_shape, "attention: queries must be [B, S, W]")?;
    let [bk, sk, wk] = shape3(k_shape, "attention: keys must be [B, S, W]")?;
    let [bv, sv, wv] = shape3(v_shape, "attention: values must be [B, S, W]")?;
    check_len(q.len(), q_shape, "attention: queries length does not match their shape")?;
    check_len(k.len(), k_shape, "attention: keys length does not match their shape")?;
    check_len(v.len(), v_shape, "attention: values length does not match their shape")?;
    if bk != b || bv != b || sv != sk {
        return Err(Error::Layout("attention: batch or key length of q, k and v disagree"));
    }
    if offsets[0] + width > wq || offsets[1] + width > wk || offsets[2] + width > wv {
        return Err(Error::Layout("attention: heads reach past the rows of q, k or v"));
    }
    if y.len() != b * sq * width {
        return Err(Error::Layout("attention: output length is not B * Sq * H * D"));
    }
    if scratch.len() < scratch_len(sq, sk, d) {
        return Err(Error::Layout("attention: scratch too small"));
    }
    let full = [b, heads, sq, sk];
    let mut strides = [[0usize; 4]; K];
    for (st, (leaf, shape)) in strides.iter_mut().zip(&leaves) {
        check_len(leaf.len(), shape, "attention: a score input's length does not match its shape")?;
        *st = broadcast_strides(shape, &full)?;
    }
    if y.is_empty() {
        return Ok(());
    }
    let (kt, scores) = scratch.split_at_mut(sk * d);
    let scores = &mut scores[..sq * sk];
    for bi in 0..b {
        for h in 0..heads {
            // K^T of this head: kt[c, j] = k[bi, j, off + h*D + c].
            let k0 = bi * sk * wk + offsets[1] + h * d;
            for j in 0..sk {
                for (c, &x) in k[k0 + j * wk..k0 + j * wk + d].iter().enumerate() {
                    kt[c * sk + j] = x;
                }
            }
            let q0 = bi * sq * wq + offsets[0] + h * d;
            let rows = |rows, cols, rs| MatLayout { rows, cols, rs, cs: 1 };
            T::gemm(T::ONE, &q[q0..], rows(sq, d, wq), kt, rows(d, sk, sk), T::ZERO, scores, rows(sq, sk, sk))?;
            for (i, srow) in scores.chunks_exact_mut(sk).enumerate() {
                let base: [usize; K] =
                    core::array::from_fn(|l| bi * strides[l][0] + h * strides[l][1] + i * strides[l][2]);
                for (j, s) in srow.iter_mut().enumerate() {
                    *s = score(*s, core::array::from_fn(|l| leaves[l].0[base[l] + j * strides[l][3]]));
                }
                super::norm::softmax_in_place(srow);
            }
            let v0 = bi * sk * wv + offsets[2] + h * d;
            let y0 = bi * sq * width + h * d;
            T::gemm(
                T::ONE,
                scores,
                rows(sq, sk, sk),
                &v[v0..],
                rows(sk, d, wv),
                T::ZERO,
                &mut y[y0..],
                rows(sq, d, width),
            )?;
        }
    }
    Ok(())
}

/// Strides of `shape` read as `full` under numpy broadcasting (0 along broadcast axes).
fn broadcast_strides(shape: &[usize], full: &[usize; 4]) -> Result<[usize; 4], Error> {
    if shape.len() > 4 {
        return Err(Error::Layout("attention: a score input has more than 4 axes"));
    }
    let mut out = [0usize; 4];
    let mut stride = 1;
    for (k, &n) in shape.iter().enumerate().rev() {
        let axis = 4 - shape.len() + k;
        if n != 1 && n != full[axis] {
            return Err(Error::Layout("attention: a score input does not broadcast to [B, H, Sq, Sk]"));
        }
        out[axis] = if n == 1 { 0 } else { stride };
        stride *= n;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spelled-out form: per head, scores = q k^T * scale + mask, softmax, times v.
    #[allow(clippy::too_many_arguments)]
    fn reference(
        q: &[f64],
        k: &[f64],
        v: &[f64],
        b: usize,
        sq: usize,
        sk: usize,
        h: usize,
        d: usize,
        scale: f64,
        mask: &[f64],
    ) -> Vec<f64> {
        let w = h * d;
        let mut y = vec![0.0; b * sq * w];
        for bi in 0..b {
            for hi in 0..h {
                for i in 0..sq {
                    let s: Vec<f64> = (0..sk)
                        .map(|j| {
                            (0..d)
                                .map(|c| q[(bi * sq + i) * w + hi * d + c] * k[(bi * sk + j) * w + hi * d + c])
                                .sum::<f64>()
                                * scale
                                + mask[i * sk + j]
                        })
                        .collect();
                    let m = s.iter().cloned().fold(f64::MIN, f64::max);
                    let e: Vec<f64> = s.iter().map(|x| (x - m).exp()).collect();
                    let z: f64 = e.iter().sum();
                    for c in 0..d {
                        y[(bi * sq + i) * w + hi * d + c] =
                            (0..sk).map(|j| e[j] / z * v[(bi * sk + j) * w + hi * d + c]).sum();
                    }
                }
            }
        }
        y
    }

    fn values(n: usize, seed: usize) -> Vec<f64> {
        (0..n).map(|i| ((i * 7919 + seed * 104729) % 97) as f64 / 48.0 - 1.0).collect()
    }

    #[test]
    fn matches_the_spelled_out_form_with_scale_and_mask() {
        let (b, sq, sk, h, d) = (2, 5, 7, 3, 4);
        let w = h * d;
        let (q, k, v) = (values(b * sq * w, 1), values(b * sk * w, 2), values(b * sk * w, 3));
        // A causal-style additive mask [Sq, Sk], broadcast over batch and heads.
        let mask: Vec<f64> = (0..sq * sk).map(|x| if x % sk > x / sk + 2 { -1e9 } else { 0.0 }).collect();
        let want = reference(&q, &k, &v, b, sq, sk, h, d, 0.5, &mask);
        let mut y = vec![f64::NAN; b * sq * w];
        let mut scratch = vec![0.0; scratch_len(sq, sk, d)];
        let layout = Heads { heads: h, head_dim: d, offsets: [0; 3] };
        let scale = [0.5];
        attention(
            (&q, &[b, sq, w]),
            (&k, &[b, sk, w]),
            (&v, &[b, sk, w]),
            layout,
            &mut y,
            &mut scratch,
            [(&scale[..], &[][..]), (&mask, &[sq, sk])],
            |s, [a, m]| s * a + m,
        )
        .unwrap();
        for (x, y) in y.iter().zip(&want) {
            assert!((x - y).abs() < 1e-12, "{x} vs {y}");
        }
    }

    #[test]
    fn reads_heads_at_offsets_of_a_packed_qkv_tensor() {
        let (b, s, h, d) = (1, 6, 2, 3);
        let w = h * d;
        let qkv = values(b * s * 3 * w, 4);
        let split = |part: usize| -> Vec<f64> {
            qkv.chunks(3 * w).flat_map(|r| r[part * w..(part + 1) * w].to_vec()).collect()
        };
        let want = reference(&split(0), &split(1), &split(2), b, s, s, h, d, 1.0, &vec![0.0; s * s]);
        let mut y = vec![0.0; b * s * w];
        let mut scratch = vec![0.0; scratch_len(s, s, d)];
        let shape = [b, s, 3 * w];
        let layout = Heads { heads: h, head_dim: d, offsets: [0, w, 2 * w] };
        attention((&qkv, &shape), (&qkv, &shape), (&qkv, &shape), layout, &mut y, &mut scratch, [], |s, []| s).unwrap();
        for (x, y) in y.iter().zip(&want) {
            assert!((x - y).abs() < 1e-12, "{x} vs {y}");
        }
    }

    #[test]
    fn refuses_heads_past_the_rows_and_masks_that_do_not_broadcast() {
        let x = vec![0.0f32; 2 * 4];
        let mut y = vec![0.0f32; 2 * 4];
        let mut scratch = vec![0.0f32; 64];
        let shape = [1, 2, 4];
        let wide = Heads { heads: 2, head_dim: 4, offsets: [0; 3] };
        assert!(attention((&x, &shape), (&x, &shape), (&x, &shape), wide, &mut y, &mut scratch, [], |s, []| s).is_err());
        let ok = Heads { heads: 2, head_dim: 2, offsets: [0; 3] };
        let mask = [0.0f32; 3];
        assert!(attention(
            (&x, &shape),
            (&x, &shape),
            (&x, &shape),
            ok,
            &mut y,
            &mut scratch,
            [(&mask[..], &[3][..])],
            |s, [m]| s + m
        )
        .is_err());
    }
}
