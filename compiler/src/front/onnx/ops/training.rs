//! Optimiser update rules of `ai.onnx.preview.training` (opset 1), as elementwise expansions
//! of the ONNX reference formulas; inputs R (learning rate), T (step), then for each of the n
//! tensors X..., G... and the state(s). The step-dependent factors are computed at run time.
//! - Adagrad: `r' = r / (1 + t*decay)`, `g' = c*x + g`, `h += g'^2`, `x -= r' g' / (sqrt(h)+eps)`.
//! - Momentum (standard | nesterov): `v = alpha v + beta' g'` (beta' = 1 at t = 0).
//! - Adam: moments v, h with bias correction `r sqrt(1-beta^t) / (1-alpha^t)` for t > 0, then
//!   `x = (1 - c_post) (x - r' v / (sqrt(h)+eps))`.

use super::{Ctx, NodeError, NodeIn};
use crate::ir::{BinaryOp, DType, MathFn, Op, UnaryOp, ValueId};

struct Ex<'a, 'g> {
    ctx: &'a mut Ctx<'g>,
    name: String,
    k: usize,
    dt: DType,
}

impl Ex<'_, '_> {
    fn n(&mut self) -> String {
        self.k += 1;
        format!("{}/e{}", self.name, self.k)
    }
    fn b(&mut self, op: BinaryOp, a: ValueId, c: ValueId) -> Result<ValueId, NodeError> {
        let name = self.n();
        self.ctx.binary(&name, op, a, c)
    }
    fn s(&mut self, v: f64) -> ValueId {
        self.ctx.scalar(self.dt, v)
    }
    fn scaled(&mut self, v: ValueId, c: f64) -> Result<ValueId, NodeError> {
        let c = self.s(c);
        self.b(BinaryOp::Mul, v, c)
    }
    fn sqrt(&mut self, v: ValueId) -> Result<ValueId, NodeError> {
        let name = self.n();
        self.ctx.unary(&name, UnaryOp::Math(MathFn::Sqrt), v)
    }
    /// `c*x + g`.
    fn regularized(&mut self, x: ValueId, g: ValueId, c: f64) -> Result<ValueId, NodeError> {
        let cx = self.scaled(x, c)?;
        self.b(BinaryOp::Add, cx, g)
    }
    /// `when_positive` where `t > 0`, else `otherwise`.
    fn if_started(&mut self, t: ValueId, when_positive: ValueId, otherwise: ValueId) -> Result<ValueId, NodeError> {
        let zero = self.s(0.0);
        let started = self.b(BinaryOp::Greater, t, zero)?;
        let name = self.n();
        self.ctx.node(&name, Op::Where, vec![started, when_positive, otherwise])
    }
}

fn groups(n: &NodeIn, per: usize) -> Result<(ValueId, ValueId, Vec<Vec<ValueId>>), NodeError> {
    let all: Vec<ValueId> =
        n.inputs.iter().map(|v| v.ok_or("an optimiser input is missing")).collect::<Result<_, _>>()?;
    if all.len() < 2 + per || !(all.len() - 2).is_multiple_of(per) {
        return Err(NodeError::Invalid(format!("{} inputs do not form R, T and groups of {per}", all.len())));
    }
    let count = (all.len() - 2) / per;
    let cols = (0..count).map(|i| (0..per).map(|j| all[2 + j * count + i]).collect()).collect();
    Ok((all[0], all[1], cols))
}

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let per = match n.op_type {
        "Adagrad" | "Momentum" => 3,
        _ => 4,
    };
    let (r, t, sets) = groups(n, per)?;
    let dt = ctx.dtype(sets[0][0]);
    let t = ctx.cast(&ctx.sub(n.name, "t"), t, dt)?;
    let r = ctx.cast(&ctx.sub(n.name, "r"), r, dt)?;
    let f = |a: &str, d: f32| n.attrs.float_or(a, d) as f64;
    let mut e = Ex { ctx, name: n.name.to_string(), k: 0, dt };
    let mut outs: Vec<Vec<ValueId>> = vec![Vec::new(); per - 1];
    for set in sets {
        let (x, g) = (set[0], set[1]);
        let results = match n.op_type {
            "Adagrad" => {
                let h = set[2];
                let decay = e.scaled(t, f("decay_factor", 0.0))?;
                let one = e.s(1.0);
                let denom = e.b(BinaryOp::Add, one, decay)?;
                let rate = e.b(BinaryOp::Div, r, denom)?;
                let gr = e.regularized(x, g, f("norm_coefficient", 0.0))?;
                let g2 = e.b(BinaryOp::Mul, gr, gr)?;
                let h_new = e.b(BinaryOp::Add, h, g2)?;
                let root = e.sqrt(h_new)?;
                let eps = e.s(f("epsilon", 0.0));
                let root = e.b(BinaryOp::Add, root, eps)?;
                let step = e.b(BinaryOp::Mul, rate, gr)?;
                let step = e.b(BinaryOp::Div, step, root)?;
                vec![e.b(BinaryOp::Sub, x, step)?, h_new]
            }
            "Momentum" => {
                let v = set[2];
                let gr = e.regularized(x, g, f("norm_coefficient", 0.0))?;
                let (beta, one) = (e.s(f("beta", 0.0)), e.s(1.0));
                let beta_t = e.if_started(t, beta, one)?;
                let av = e.scaled(v, f("alpha", 0.0))?;
                let bg = e.b(BinaryOp::Mul, beta_t, gr)?;
                let v_new = e.b(BinaryOp::Add, av, bg)?;
                let dir = match n.attrs.string("mode").as_deref().unwrap_or("standard") {
                    "standard" => v_new,
                    "nesterov" => {
                        let av_new = e.scaled(v_new, f("alpha", 0.0))?;
                        e.b(BinaryOp::Add, gr, av_new)?
                    }
                    other => return Err(NodeError::Invalid(format!("mode \"{other}\""))),
                };
                let step = e.b(BinaryOp::Mul, r, dir)?;
                vec![e.b(BinaryOp::Sub, x, step)?, v_new]
            }
            _ => {
                let (v, h) = (set[2], set[3]);
                let (alpha, beta) = (f("alpha", 0.9), f("beta", 0.999));
                let gr = e.regularized(x, g, f("norm_coefficient", 0.0))?;
                let av = e.scaled(v, alpha)?;
                let ag = e.scaled(gr, 1.0 - alpha)?;
                let v_new = e.b(BinaryOp::Add, av, ag)?;
                let bh = e.scaled(h, beta)?;
                let g2 = e.b(BinaryOp::Mul, gr, gr)?;
                let bg2 = e.scaled(g2, 1.0 - beta)?;
                let h_new = e.b(BinaryOp::Add, bh, bg2)?;
                let root = e.sqrt(h_new)?;
                let eps = e.s(f("epsilon", 1e-6));
                let root = e.b(BinaryOp::Add, root, eps)?;
                // r * sqrt(1 - beta^t) / (1 - alpha^t) once training has started.
                let (one, bs, as_) = (e.s(1.0), e.s(beta), e.s(alpha));
                let bt = e.b(BinaryOp::Pow, bs, t)?;
                let at = e.b(BinaryOp::Pow, as_, t)?;
                let nb = e.b(BinaryOp::Sub, one, bt)?;
                let na = e.b(BinaryOp::Sub, one, at)?;
                let nb = e.sqrt(nb)?;
                let corr = e.b(BinaryOp::Div, nb, na)?;
                let rc = e.b(BinaryOp::Mul, r, corr)?;
                let rate = e.if_started(t, rc, r)?;
                let ratio = e.b(BinaryOp::Div, v_new, root)?;
                let step = e.b(BinaryOp::Mul, rate, ratio)?;
                let x_new = e.b(BinaryOp::Sub, x, step)?;
                let x_final = e.scaled(x_new, 1.0 - f("norm_coefficient_post", 0.0))?;
                vec![x_final, v_new, h_new]
            }
        };
        for (k, v) in results.into_iter().enumerate() {
            outs[k].push(v);
        }
    }
    Ok(outs.into_iter().flatten().collect())
}
