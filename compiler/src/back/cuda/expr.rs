//! Core elementwise ops as C expressions over the prelude's scalar functions
//! (`kernels/prelude.cuh`), for every kernel that applies an expression per element.

use crate::back::LowerError;
use crate::ir::{BinaryOp, DType, FusedExpr, MathFn, UnaryOp};

/// The C type that holds one element of `d`. Half floats are moved as raw 16-bit words; only
/// data movement accepts them.
pub fn c_type(d: DType) -> &'static str {
    match d {
        DType::F32 => "float",
        DType::F64 => "double",
        DType::I64 => "long long",
        DType::I32 => "int",
        DType::I16 => "short",
        DType::I8 => "signed char",
        DType::U8 | DType::Bool => "unsigned char",
        DType::U16 | DType::F16 | DType::BF16 => "unsigned short",
        DType::U32 => "unsigned int",
        DType::U64 => "unsigned long long",
    }
}

/// An f32 literal (non-finite values through the prelude's constants).
pub fn float(v: f32) -> String {
    if v.is_nan() {
        "RONN_NAN".into()
    } else if v == f32::INFINITY {
        "RONN_INF".into()
    } else if v == f32::NEG_INFINITY {
        "(-RONN_INF)".into()
    } else {
        format!("{v:?}f")
    }
}

fn is_int(d: DType) -> bool {
    matches!(d, DType::I8 | DType::I16 | DType::I32 | DType::I64 | DType::U8 | DType::U16 | DType::U32 | DType::U64)
}

/// `op(x)` for an element of `dtype` (the input's type).
pub fn unary(op: UnaryOp, x: &str, dtype: DType) -> Result<String, LowerError> {
    let f32_only = |e: String| {
        if dtype == DType::F32 {
            Ok(e)
        } else {
            Err(LowerError::Unsupported(format!("{op:?} on {dtype} is not supported on the CUDA target")))
        }
    };
    let numeric = dtype == DType::F32 || is_int(dtype);
    Ok(match op {
        UnaryOp::Identity => x.to_string(),
        UnaryOp::Neg if numeric => format!("(-{x})"),
        UnaryOp::Abs if dtype == DType::F32 => format!("fabsf({x})"),
        UnaryOp::Abs if is_int(dtype) => format!("({x} < 0 ? -{x} : {x})"),
        UnaryOp::Relu if dtype == DType::F32 => format!("ronn_relu({x})"),
        UnaryOp::Relu if is_int(dtype) => format!("({x} < 0 ? 0 : {x})"),
        UnaryOp::Sign => f32_only(format!("ronn_sign({x})"))?,
        UnaryOp::Clip { min, max } => f32_only(format!(
            "ronn_clip({x}, {}, {})",
            float(min.unwrap_or(f32::NEG_INFINITY)),
            float(max.unwrap_or(f32::INFINITY))
        ))?,
        UnaryOp::Not if dtype == DType::Bool => format!("(unsigned char)!{x}"),
        UnaryOp::BitNot if is_int(dtype) => format!("({})(~{x})", c_type(dtype)),
        UnaryOp::IsNaN => f32_only(format!("(unsigned char)({x} != {x})"))?,
        UnaryOp::IsInf { positive, negative } => f32_only(format!(
            "(unsigned char)(({p} && {x} == RONN_INF) || ({n} && {x} == -RONN_INF))",
            p = positive as u8,
            n = negative as u8
        ))?,
        UnaryOp::Math(f) => f32_only(math(f, x)?)?,
        _ => return Err(LowerError::Unsupported(format!("{op:?} on {dtype} is not supported on the CUDA target"))),
    })
}

fn math(f: MathFn, x: &str) -> Result<String, LowerError> {
    let call = |name: &str| format!("{name}({x})");
    Ok(match f {
        MathFn::Exp => call("expf"),
        MathFn::Log => call("logf"),
        MathFn::Sqrt => call("sqrtf"),
        MathFn::Reciprocal => format!("(1.0f / {x})"),
        MathFn::Floor => call("floorf"),
        MathFn::Ceil => call("ceilf"),
        MathFn::Round => call("ronn_round"),
        MathFn::Erf => call("erff"),
        MathFn::Sigmoid => call("ronn_sigmoid"),
        MathFn::Tanh => call("tanhf"),
        MathFn::Sin => call("sinf"),
        MathFn::Cos => call("cosf"),
        MathFn::Tan => call("tanf"),
        MathFn::Asin => call("asinf"),
        MathFn::Acos => call("acosf"),
        MathFn::Atan => call("atanf"),
        MathFn::Sinh => call("sinhf"),
        MathFn::Cosh => call("coshf"),
        MathFn::Asinh => call("asinhf"),
        MathFn::Acosh => call("acoshf"),
        MathFn::Atanh => call("atanhf"),
        MathFn::Softplus => call("ronn_softplus"),
        MathFn::Softsign => format!("({x} / (1.0f + fabsf({x})))"),
        MathFn::Mish => format!("({x} * tanhf(ronn_softplus({x})))"),
        MathFn::Gelu => call("ronn_gelu"),
        MathFn::GeluTanh => call("ronn_gelu_tanh"),
        MathFn::HardSwish => call("ronn_hard_swish"),
        MathFn::LeakyRelu { alpha } => format!("ronn_leaky_relu({x}, {})", float(alpha)),
        MathFn::HardSigmoid { alpha, beta } => {
            format!("ronn_hard_sigmoid({x}, {}, {})", float(alpha), float(beta))
        }
        MathFn::Elu { alpha } => format!("ronn_elu({x}, {})", float(alpha)),
        MathFn::Swish { alpha } => format!("({x} * ronn_sigmoid({} * {x}))", float(alpha)),
        MathFn::ThresholdedRelu { alpha } => format!("({x} > {a} ? {x} : 0.0f)", a = float(alpha)),
        MathFn::Selu { alpha, gamma } => {
            format!("({g} * ({x} > 0.0f ? {x} : {a} * expm1f({x})))", g = float(gamma), a = float(alpha))
        }
        MathFn::Celu { alpha } => {
            format!("(ronn_relu({x}) + ronn_min(0.0f, {a} * expm1f({x} / {a})))", a = float(alpha))
        }
        MathFn::Shrink { bias, lambd } => format!("ronn_shrink({x}, {}, {})", float(bias), float(lambd)),
    })
}

/// `op(x, y)` for elements of `dtype` (the inputs' type).
pub fn binary(op: BinaryOp, x: &str, y: &str, dtype: DType) -> Result<String, LowerError> {
    let float = dtype == DType::F32;
    let numeric = float || is_int(dtype);
    let unsupported = || Err(LowerError::Unsupported(format!("{op:?} on {dtype} is not supported on the CUDA target")));
    Ok(match op {
        BinaryOp::Add if numeric => format!("({x} + {y})"),
        BinaryOp::Sub if numeric => format!("({x} - {y})"),
        BinaryOp::Mul if numeric => format!("({x} * {y})"),
        BinaryOp::Div if float => format!("({x} / {y})"),
        // Integer division by zero gives 0, like the CPU kernels.
        BinaryOp::Div if is_int(dtype) => format!("({y} == 0 ? 0 : {x} / {y})"),
        BinaryOp::Pow if float => format!("ronn_pow({x}, {y})"),
        BinaryOp::Max if float => format!("ronn_max({x}, {y})"),
        BinaryOp::Min if float => format!("ronn_min({x}, {y})"),
        BinaryOp::Max if is_int(dtype) => format!("({y} > {x} ? {y} : {x})"),
        BinaryOp::Min if is_int(dtype) => format!("({y} < {x} ? {y} : {x})"),
        BinaryOp::Equal if numeric || dtype == DType::Bool => {
            format!("(unsigned char)({x} == {y})")
        }
        BinaryOp::Less if numeric => format!("(unsigned char)({x} < {y})"),
        BinaryOp::LessOrEqual if numeric => format!("(unsigned char)({x} <= {y})"),
        BinaryOp::Greater if numeric => format!("(unsigned char)({x} > {y})"),
        BinaryOp::GreaterOrEqual if numeric => format!("(unsigned char)({x} >= {y})"),
        BinaryOp::And if dtype == DType::Bool => format!("(unsigned char)({x} && {y})"),
        BinaryOp::Or if dtype == DType::Bool => format!("(unsigned char)({x} || {y})"),
        BinaryOp::Xor if dtype == DType::Bool => format!("(unsigned char)(!{x} != !{y})"),
        BinaryOp::Mod { fmod: true } if float => format!("fmodf({x}, {y})"),
        BinaryOp::Mod { fmod: false } if float => format!("ronn_rem({x}, {y})"),
        BinaryOp::Mod { fmod: true } if is_int(dtype) => format!("({y} == 0 ? 0 : {x} % {y})"),
        BinaryOp::Mod { fmod: false } if is_int(dtype) => format!("({})ronn_rem_i({x}, {y})", c_type(dtype)),
        BinaryOp::ShiftLeft if is_int(dtype) => {
            let bits = dtype.size() * 8;
            format!("(({y}) < 0 || ({y}) >= {bits} ? 0 : ({})((unsigned long long){x} << {y}))", c_type(dtype))
        }
        BinaryOp::ShiftRight if is_int(dtype) => {
            let bits = dtype.size() * 8;
            format!("(({y}) < 0 || ({y}) >= {bits} ? ({x} < 0 ? -1 : 0) : ({})({x} >> {y}))", c_type(dtype))
        }
        BinaryOp::BitAnd if is_int(dtype) => format!("({x} & {y})"),
        BinaryOp::BitOr if is_int(dtype) => format!("({x} | {y})"),
        BinaryOp::BitXor if is_int(dtype) => format!("({x} ^ {y})"),
        _ => return unsupported(),
    })
}

/// A fused group's expression, its inputs named by `leaf`.
pub fn fused(e: &FusedExpr, dtype: DType, leaf: &dyn Fn(usize) -> String) -> Result<String, LowerError> {
    Ok(match e {
        FusedExpr::Input(k) => leaf(*k),
        FusedExpr::Unary(u, a) => unary(*u, &fused(a, dtype, leaf)?, dtype)?,
        FusedExpr::Binary(b, x, y) => binary(*b, &fused(x, dtype, leaf)?, &fused(y, dtype, leaf)?, dtype)?,
    })
}

/// `Cast` of `x` from `from` to `to`, following the CPU kernels (Rust `as`: float to integer
/// truncates toward zero; anything to bool is `!= 0`).
pub fn cast(x: &str, from: DType, to: DType) -> Result<String, LowerError> {
    let supported = |d: DType| d == DType::F32 || d == DType::F64 || d == DType::Bool || is_int(d);
    if !supported(from) || !supported(to) {
        return Err(LowerError::Unsupported(format!("Cast from {from} to {to} is not supported on the CUDA target")));
    }
    Ok(match to {
        DType::Bool => format!("(unsigned char)({x} != 0)"),
        _ => format!("({})({x})", c_type(to)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_c_literals() {
        assert_eq!(float(1.0), "1.0f");
        assert_eq!(float(1e-7), "1e-7f");
        assert_eq!(float(f32::NEG_INFINITY), "(-RONN_INF)");
    }

    #[test]
    fn a_fused_expression_nests_calls() {
        let e = FusedExpr::Binary(
            BinaryOp::Mul,
            Box::new(FusedExpr::Input(0)),
            Box::new(FusedExpr::Unary(UnaryOp::Math(MathFn::Sigmoid), Box::new(FusedExpr::Input(1)))),
        );
        assert_eq!(fused(&e, DType::F32, &|k| format!("x{k}")).as_deref(), Ok("(x0 * ronn_sigmoid(x1))"));
        assert!(fused(&e, DType::F64, &|k| format!("x{k}")).is_err());
    }
}
