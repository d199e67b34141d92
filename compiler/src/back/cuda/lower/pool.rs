//! Max and average pooling as CUDA C.

use super::*;

/// The kernel templates this family renders.
pub(super) const TEMPLATES: &[(&str, &str)] = &[("pool.cu", include_str!("../../../../../kernels/pool.cu"))];

impl Cx<'_> {
    pub(super) fn pool(&self, kind: PoolKind, window: &Window, out: &[usize]) -> Result<Vec<Kernel>, LowerError> {
        self.f32_only("Pool")?;
        let (x, y) = (self.input(0)?, self.output()?);
        let xd = self.dims(x)?;
        let spatial = &xd[2..];
        let (init, body, result, count_pads) = match kind {
            PoolKind::Max => ("-RONN_INF", "acc = ronn_max(acc, x[pos]);", "acc".to_string(), false),
            PoolKind::Avg { count_include_pad } => {
                let divisor = if count_include_pad { "padded" } else { "count" };
                ("0.0f", "acc += x[pos]; count++;", format!("acc / (float){divisor}"), count_include_pad)
            }
        };
        let mut loops = String::new();
        if count_pads {
            loops.push_str("    long long padded = 0;\n");
        }
        loops.push_str(&Self::taps_loop(window, &window.kernel, spatial, "    ", body, count_pads));
        let mut ctx = Context::new();
        ctx.insert("name", &self.name(0));
        ctx.insert("n", &Self::numel(out));
        ctx.insert("coords", &coords(out));
        ctx.insert("x", &self.ptr(x)?);
        ctx.insert("channels", &xd[1]);
        ctx.insert("in_plane", &spatial.iter().product::<usize>());
        ctx.insert("init", init);
        ctx.insert("taps_loop", &loops);
        ctx.insert("out", &self.ptr(y)?);
        ctx.insert("result", &result);
        Ok(vec![self.kernel(0, self.render("pool.cu", &ctx)?, Self::numel(out))])
    }
}
