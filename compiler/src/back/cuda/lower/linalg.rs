//! MatMul (with its fused epilogue) as CUDA C.

use super::*;

/// The kernel templates this family renders.
pub(super) const TEMPLATES: &[(&str, &str)] = &[("matmul.cu", include_str!("../../../../../kernels/matmul.cu"))];

impl Cx<'_> {
    pub(super) fn matmul(&self, epilogue: &FusedExpr, head_inputs: usize) -> Result<Vec<Kernel>, LowerError> {
        let (a, b, y) = (self.input(0)?, self.input(1)?, self.output()?);
        let half = [a, b, y].iter().all(|&v| self.dtype(v) == DType::F16)
            || [a, b, y].iter().all(|&v| self.dtype(v) == DType::BF16);
        if !half {
            self.f32_only("MatMul")?;
        }
        let (ad, bd, out) = (self.dims(a)?, self.dims(b)?, self.dims(y)?);
        // 1-D operands are promoted (numpy rules): [K] -> [1, K] for a, [K] -> [K, 1] for b.
        // The output then has a unit axis fewer, which leaves its flat order unchanged, so the
        // kernel runs over the promoted output.
        let (a_vec, b_vec) = (ad.len() == 1, bd.len() == 1);
        let ad = if a_vec { vec![1, ad[0]] } else { ad };
        let bd = if b_vec { vec![bd[0], 1] } else { bd };
        let mut out = out;
        if a_vec {
            out.insert(out.len() - usize::from(!b_vec), 1);
        }
        if b_vec {
            out.push(1);
        }
        if (a_vec || b_vec) && self.g.node(self.n).inputs.len() > head_inputs {
            return Err(LowerError::Unsupported(
                "a fused MatMul with a 1-D operand is not supported on the CUDA target".into(),
            ));
        }
        let r = out.len();
        let (m, k, n) = (ad[ad.len() - 2], ad[ad.len() - 1], bd[bd.len() - 1]);
        // Batch offsets: each operand's batch dims aligned right against the output's.
        let base = |dims: &[usize], mat: usize| {
            let batch = &dims[..dims.len() - 2];
            let lead = (r - 2) - batch.len();
            let st = strides(batch);
            linear(
                batch
                    .iter()
                    .enumerate()
                    .map(|(j, &d)| (format!("c{}", j + lead), if d == 1 { 0 } else { st[j] * mat })),
            )
        };
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(&out));
        ctx.insert("coords", &coords(&out));
        ctx.insert("a", &self.ptr(a)?);
        ctx.insert("b", &self.ptr(b)?);
        ctx.insert("a_ty", c_type(self.dtype(a)));
        ctx.insert("b_ty", c_type(self.dtype(b)));
        ctx.insert("a_elem", &widened(self.dtype(a), "a[k]".into()));
        ctx.insert("b_elem", &widened(self.dtype(b), format!("b[k * {n}LL]")));
        ctx.insert("a_base", &base(&ad, m * k));
        ctx.insert("b_base", &base(&bd, k * n));
        ctx.insert("row_axis", &(r - 2));
        ctx.insert("col_axis", &(r - 1));
        ctx.insert("k", &k);
        ctx.insert("cols", &n);
        ctx.insert("loads", &self.epilogue_loads(head_inputs, &out)?);
        ctx.insert("out", &self.ptr(y)?);
        let value = expr::fused(epilogue, DType::F32, &|k| format!("x{k}"))?;
        ctx.insert("store", &narrowed(self.dtype(y), value));
        Ok(vec![self.kernel(0, self.render("matmul.cu", &ctx)?, Self::numel(&out))])
    }
}
