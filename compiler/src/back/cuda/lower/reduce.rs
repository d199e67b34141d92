//! Reductions, ArgMax/ArgMin and cumulative sums/products as CUDA C.

use super::*;

/// The kernel templates this family renders.
pub(super) const TEMPLATES: &[(&str, &str)] = &[
    ("reduce.cu", include_str!("../../../../../kernels/reduce.cu")),
    ("arg_reduce.cu", include_str!("../../../../../kernels/arg_reduce.cu")),
    ("scan.cu", include_str!("../../../../../kernels/scan.cu")),
];

impl Cx<'_> {
    pub(super) fn reduce(&self, kind: ReduceKind, axes: &[usize]) -> Result<Vec<Kernel>, LowerError> {
        self.f32_only("Reduce")?;
        let (x, y) = (self.input(0)?, self.output()?);
        if self.dtype(x) != DType::F32 {
            return Err(LowerError::Unsupported(format!(
                "Reduce on {} is not supported on the CUDA target",
                self.dtype(x)
            )));
        }
        let xd = self.dims(x)?;
        let st = strides(&xd);
        // Iterate over the kept axes (as the output, keepdims or not) and the reduced ones.
        let kept: Vec<usize> = (0..xd.len()).filter(|d| !axes.contains(d)).collect();
        let kept_dims: Vec<usize> = kept.iter().map(|&d| xd[d]).collect();
        let red_dims: Vec<usize> = axes.iter().map(|&d| xd[d]).collect();
        let count: usize = red_dims.iter().product();
        let base = linear(kept.iter().enumerate().map(|(j, &d)| (format!("c{j}"), st[d])));
        let mut rc = String::new();
        if !red_dims.is_empty() {
            rc.push_str("        long long u_ = r;\n");
            for j in (0..red_dims.len()).rev() {
                let _ = writeln!(rc, "        const long long r{j} = u_ % {n}LL; u_ /= {n}LL;", n = red_dims[j]);
            }
        }
        let offset = linear(axes.iter().enumerate().map(|(j, &d)| (format!("r{j}"), st[d])));
        let (init, step, result): (&str, String, String) = match kind {
            ReduceKind::Sum => ("0.0f", "acc + v".into(), "acc".to_string()),
            ReduceKind::Mean => ("0.0f", "acc + v".into(), format!("acc / (float){count}")),
            ReduceKind::Max => ("-RONN_INF", "ronn_max(acc, v)".into(), "acc".into()),
            ReduceKind::Min => ("RONN_INF", "ronn_min(acc, v)".into(), "acc".into()),
            ReduceKind::Prod => ("1.0f", "acc * v".into(), "acc".into()),
            ReduceKind::SumSquare => ("0.0f", "acc + v * v".into(), "acc".into()),
            ReduceKind::L1 => ("0.0f", "acc + fabsf(v)".into(), "acc".into()),
            ReduceKind::L2 => ("0.0f", "acc + v * v".into(), "sqrtf(acc)".into()),
            ReduceKind::LogSumExp => {
                return Err(LowerError::Unsupported("ReduceLogSumExp is not supported on the CUDA target yet".into()))
            }
        };
        let n = Self::numel(&kept_dims);
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &n);
        ctx.insert("coords", &coords(&kept_dims));
        ctx.insert("ty", "float");
        ctx.insert("acc_ty", "float");
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("base", &base);
        ctx.insert("init", init);
        ctx.insert("count", &count);
        ctx.insert("reduced_coords", &rc);
        ctx.insert("offset", &offset);
        ctx.insert("step", &step);
        ctx.insert("out", &self.ptr(y)?);
        ctx.insert("result", &result);
        Ok(vec![self.kernel(0, self.render("reduce.cu", &ctx)?, n)])
    }

    pub(super) fn arg_reduce(
        &self,
        max: bool,
        axis: usize,
        select_last: bool,
        out: &[usize],
    ) -> Result<Vec<Kernel>, LowerError> {
        let (x, y) = (self.input(0)?, self.output()?);
        let xd = self.dims(x)?;
        if xd[axis] == 0 {
            return Err(LowerError::Unsupported("ArgMax/ArgMin over an empty axis".into()));
        }
        let better = match (max, select_last) {
            (true, false) => ">",
            (true, true) => ">=",
            (false, false) => "<",
            (false, true) => "<=",
        };
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("inner", &xd[axis + 1..].iter().product::<usize>().max(1));
        ctx.insert("len", &xd[axis]);
        ctx.insert("ty", c_type(self.dtype(x)));
        ctx.insert("better", better);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("arg_reduce.cu", &ctx)?, Self::numel(out))])
    }

    pub(super) fn cumulative(
        &self,
        axis: usize,
        exclusive: bool,
        reverse: bool,
        product: bool,
        out: &[usize],
    ) -> Result<Vec<Kernel>, LowerError> {
        let (x, y) = (self.input(0)?, self.output()?);
        let dtype = self.dtype(x);
        if !matches!(dtype, DType::F32 | DType::F64 | DType::I32 | DType::I64 | DType::U32 | DType::U64) {
            return Err(LowerError::Unsupported(format!(
                "CumSum/CumProd on {dtype} is not supported on the CUDA target"
            )));
        }
        let len = out[axis];
        let inner: usize = out[axis + 1..].iter().product();
        let lines = if len == 0 { 0 } else { Self::numel(out) / len as u64 };
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("lines", &lines);
        ctx.insert("inner", &inner.max(1));
        ctx.insert("len", &len);
        ctx.insert("ty", c_type(dtype));
        ctx.insert("identity", if product { "1" } else { "0" });
        ctx.insert("op", if product { "*" } else { "+" });
        ctx.insert("exclusive", &exclusive);
        ctx.insert("reverse", &reverse);
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("out", &self.ptr(y)?);
        Ok(vec![self.kernel(0, self.render("scan.cu", &ctx)?, lines)])
    }
}
