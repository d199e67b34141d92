//! Unit tests of the Rust lowering of each op family.

use super::*;
use crate::ir::fixed_dims;

// ---- helpers -------------------------------------------------------------------------------

/// An operand named `name` of fixed dims, stored plain.
fn opnd(name: &str, dtype: DType, dims: &[usize]) -> Operand {
    Operand { ident: format_ident!("{name}"), dims: fixed_dims(dims), dtype, packing: None }
}

fn f32o(name: &str, dims: &[usize]) -> Operand {
    opnd(name, DType::F32, dims)
}

fn packed(mut o: Operand, p: Packing) -> Operand {
    o.packing = Some(p);
    o
}

/// The lowering as a token string, with no symbols and no scratch.
fn lowered(op: &Op, xs: &[Operand], y: &Operand) -> String {
    lower(op, xs, y, None, &DimIdents::default()).unwrap_or_else(|e| panic!("{op:?}: {e}")).to_string()
}

/// The lowering with a scratch slice named `scratch`.
fn lowered_with_scratch(op: &Op, xs: &[Operand], y: &Operand) -> Result<String, String> {
    let s = format_ident!("scratch");
    lower(op, xs, y, Some(&s), &DimIdents::default()).map(|t| t.to_string()).map_err(|e| e.to_string())
}

fn lower_err(op: &Op, xs: &[Operand], y: &Operand) -> String {
    match lower(op, xs, y, None, &DimIdents::default()) {
        Ok(t) => panic!("{op:?} lowered to {t}, expected an error"),
        Err(e) => e.to_string(),
    }
}

fn s(t: TokenStream) -> String {
    t.to_string()
}

fn conv_window(kernel: &[usize], strides: &[usize], dilations: &[usize], pads: &[usize]) -> Window {
    Window { kernel: kernel.to_vec(), strides: strides.to_vec(), dilations: dilations.to_vec(), pads: pads.to_vec() }
}

fn relu_of_head() -> FusedExpr {
    FusedExpr::Unary(UnaryOp::Relu, Box::new(FusedExpr::Input(0)))
}

fn add(a: FusedExpr, b: FusedExpr) -> FusedExpr {
    FusedExpr::Binary(BinaryOp::Add, Box::new(a), Box::new(b))
}

fn fused_conv(expr: FusedExpr, head_inputs: usize) -> Op {
    let conv = Op::Conv { group: 1, window: conv_window(&[1, 1], &[1, 1], &[1, 1], &[0, 0, 0, 0]) };
    Op::Fused { head: Some(FusedHead { op: Box::new(conv), inputs: head_inputs }), expr }
}

fn conv_1x1_params() -> TokenStream {
    quote!(&rt::kernels::conv::ConvParams { group: 1, strides: &[1, 1], dilations: &[1, 1], pads: &[0, 0, 0, 0] })
}

mod attention;
mod conv;
mod elementwise;
mod linalg;
mod literals;
mod movement;
mod norm;
mod pool;
mod recurrence;
mod reduce;
mod sample;
