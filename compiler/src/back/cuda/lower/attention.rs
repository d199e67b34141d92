//! Attention as CUDA C.

use super::*;

/// The kernel templates this family renders.
pub(super) const TEMPLATES: &[(&str, &str)] = &[("attention.cu", include_str!("../../../../../kernels/attention.cu"))];

impl Cx<'_> {
    pub(super) fn attention(
        &self,
        heads: usize,
        d: usize,
        offsets: [usize; 3],
        score: &FusedExpr,
        out: &[usize],
    ) -> Result<Vec<Kernel>, LowerError> {
        self.f32_only("Attention")?;
        let (q, k, v, y) = (self.input(0)?, self.input(1)?, self.input(2)?, self.output()?);
        let (qd, kd, vd) = (self.dims(q)?, self.dims(k)?, self.dims(v)?);
        let (b, sq, sk) = (qd[0], qd[1], kd[1]);
        let Some(Loc::Arena { offset: scratch, .. }) = self.plan.scratch.get(&self.n).copied() else {
            return Err(LowerError::Unsupported("attention has no scratch memory".into()));
        };
        // The score expression's leaves are broadcast to [B, heads, Sq, Sk]; the key index is
        // the loop variable c3.
        let score_dims = [b, heads, sq, sk];
        let leaves = &self.g.node(self.n).inputs[3..];
        let loads = leaves
            .iter()
            .map(|&x| self.load(x, broadcast_terms(&self.dims(x)?, &score_dims)))
            .collect::<Result<Vec<_>, _>>()?;
        let threads = (b * heads * sq) as u64;
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &threads);
        ctx.insert("coords", &coords(&[b, heads, sq]));
        ctx.insert("q", &self.ptr(q)?);
        ctx.insert("k", &self.ptr(k)?);
        ctx.insert("v", &self.ptr(v)?);
        ctx.insert("sq", &sq);
        ctx.insert("sk", &sk);
        ctx.insert("wq", &qd[2]);
        ctx.insert("wk", &kd[2]);
        ctx.insert("wv", &vd[2]);
        ctx.insert("q_off", &offsets[0]);
        ctx.insert("k_off", &offsets[1]);
        ctx.insert("v_off", &offsets[2]);
        ctx.insert("d", &d);
        ctx.insert("width", &out[2]);
        ctx.insert("scratch", &format!("((float*)(arena + {scratch}))"));
        ctx.insert("loads", &loads);
        ctx.insert("expr", &expr::fused(score, DType::F32, &|k| format!("x{k}"))?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("attention.cu", &ctx)?, threads)])
    }
}
