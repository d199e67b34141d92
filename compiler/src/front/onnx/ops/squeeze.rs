//! Squeeze and Unsqueeze (axes attribute before opset 13, constant input from 13):
//! <https://onnx.ai/onnx/operators/onnx__Unsqueeze.html>. Both become a Reshape.

use super::{axis, Ctx, NodeError, NodeIn};
use crate::ir::{Dim, Op, ValueId};

pub fn import(ctx: &mut Ctx, n: &NodeIn) -> Result<Vec<ValueId>, NodeError> {
    let x = n.input(0)?;
    let dims = ctx.shape(x);
    let axes =
        if n.opset >= 13 { n.opt(1).map(|v| ctx.const_i64s(v, "axes")).transpose()? } else { n.attrs.ints("axes") };
    let shape = if n.op_type == "Unsqueeze" {
        let axes = axes.ok_or("axes are required")?;
        let r = dims.len() + axes.len();
        let mut ax: Vec<usize> = axes.iter().map(|&a| axis(a, r)).collect::<Result<_, _>>()?;
        ax.sort_unstable();
        if ax.windows(2).any(|w| w[0] == w[1]) {
            return Err(NodeError::Invalid("repeated axis".into()));
        }
        let mut it = dims.iter();
        (0..r)
            .map(|i| if ax.contains(&i) { Dim::int(1) } else { it.next().cloned().unwrap_or(Dim::int(1)) })
            .collect::<Vec<_>>()
    } else {
        match axes {
            Some(axes) => {
                let ax: Vec<usize> = axes.iter().map(|&a| axis(a, dims.len())).collect::<Result<_, _>>()?;
                if let Some(&bad) = ax.iter().find(|&&a| dims[a].is_fixed() && dims[a].as_int() != Some(1)) {
                    return Err(NodeError::Invalid(format!("cannot squeeze axis {bad} of size {}", dims[bad])));
                }
                // A symbolic axis squeezed must be 1 at run time (a text line's height after
                // its convolutions): `run` checks it.
                for &a in ax.iter().filter(|&&a| !dims[a].is_fixed()) {
                    ctx.graph.equal_sizes.push((dims[a].clone(), Dim::int(1)));
                }
                dims.iter().enumerate().filter(|(i, _)| !ax.contains(i)).map(|(_, d)| d.clone()).collect()
            }
            // Without axes every 1 goes; a symbolic dim might be 1 at run time.
            None if dims.iter().any(|d| !d.is_fixed()) => {
                return Err(NodeError::Unsupported("Squeeze without axes on a symbolic shape".into()))
            }
            None => dims.iter().filter(|d| d.as_int() != Some(1)).cloned().collect(),
        }
    };
    Ok(vec![ctx.node(n.name, Op::Reshape { shape }, vec![x])?])
}
