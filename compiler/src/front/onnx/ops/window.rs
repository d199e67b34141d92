//! Sliding-window attributes shared by Conv and the pools: kernel_shape, strides, dilations,
//! pads and auto_pad (NOTSET, VALID, SAME_UPPER, SAME_LOWER).

use super::{NodeError, NodeIn};
use crate::ir::{Dim, Window};

/// Reads the window of a node over `spatial` input extents (symbolic ones too) with the given
/// kernel.
pub fn read(n: &NodeIn, spatial: &[Dim], kernel: Vec<usize>) -> Result<Window, NodeError> {
    let r = spatial.len();
    let strides = n.attrs.usizes("strides")?.unwrap_or_else(|| vec![1; r]);
    let dilations = n.attrs.usizes("dilations")?.unwrap_or_else(|| vec![1; r]);
    if kernel.len() != r || strides.len() != r || dilations.len() != r {
        return Err(NodeError::Invalid(format!("kernel, strides and dilations must have {r} entries")));
    }
    if strides.iter().chain(&dilations).chain(&kernel).any(|&s| s == 0) {
        return Err(NodeError::Invalid("kernel, strides and dilations must be positive".into()));
    }
    let auto_pad = n.attrs.string("auto_pad").unwrap_or_else(|| "NOTSET".into());
    let pads = match auto_pad.as_str() {
        "NOTSET" => n.attrs.usizes("pads")?.unwrap_or_else(|| vec![0; 2 * r]),
        "VALID" => vec![0; 2 * r],
        "SAME_UPPER" | "SAME_LOWER" => {
            let mut pads = vec![0; 2 * r];
            for i in 0..r {
                let span = (kernel[i] - 1) * dilations[i] + 1;
                // At stride 1 the output keeps the input's size whatever it is: `span - 1`.
                let total = match spatial[i].as_fixed() {
                    Some(size) => ((size.div_ceil(strides[i]) - 1) * strides[i] + span).saturating_sub(size),
                    None if strides[i] == 1 => span - 1,
                    None => {
                        return Err(NodeError::Unsupported(format!(
                            "auto_pad {auto_pad} at stride {} on the symbolic size {} (the pads depend on it): fix it with --dim",
                            strides[i], spatial[i]
                        )))
                    }
                };
                let (small, big) = (total / 2, total - total / 2);
                if auto_pad == "SAME_UPPER" {
                    (pads[i], pads[i + r]) = (small, big);
                } else {
                    (pads[i], pads[i + r]) = (big, small);
                }
            }
            pads
        }
        other => return Err(NodeError::Invalid(format!("unknown auto_pad `{other}`"))),
    };
    if pads.len() != 2 * r {
        return Err(NodeError::Invalid(format!("pads must have {} entries", 2 * r)));
    }
    Ok(Window { kernel, strides, dilations, pads })
}
