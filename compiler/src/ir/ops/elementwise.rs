//! Elementwise ops: unary and binary functions (numpy broadcasting), Where, Cast, BitCast, and
//! fused groups of them (with a Conv or MatMul head).
//!
//! Per op: `infer_*` (output types from input types) and `eval_*` (reference evaluation on
//! constants through the runtime's kernels); `super` dispatches to them.

use super::*;

pub(super) fn infer_unary(u: &UnaryOp, inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    let t = inputs[0];
    if u.float_only() && !t.dtype.is_float() {
        return Err(format!("{u:?} needs a float input, got {}", t.dtype));
    }
    if matches!(u, UnaryOp::Not) && t.dtype != DType::Bool {
        return Err(format!("Not needs a bool input, got {}", t.dtype));
    }
    if matches!(u, UnaryOp::BitNot) && !t.dtype.is_int() {
        return Err(format!("BitNot needs an integer input, got {}", t.dtype));
    }
    let dtype = if u.yields_bool() { DType::Bool } else { t.dtype };
    Ok(vec![TensorType::new(dtype, t.shape.clone())])
}

pub(super) fn infer_binary(b: &BinaryOp, inputs: &[&TensorType]) -> Types {
    arity(inputs, 2, 2)?;
    let (a, c) = (inputs[0], inputs[1]);
    if a.dtype != c.dtype {
        return Err(format!("input dtypes differ: {} and {}", a.dtype, c.dtype));
    }
    let is_bool = a.dtype == DType::Bool;
    if (is_bool && !b.accepts_bool()) || (b.takes_bool() && !is_bool) || (b.takes_int() && !a.dtype.is_int()) {
        return Err(format!("{b:?} does not take {}", a.dtype));
    }
    let shape = broadcast_shapes(&a.shape, &c.shape).ok_or_else(|| format!("shapes {a} and {c} do not broadcast"))?;
    Ok(vec![TensorType::new(if b.yields_bool() { DType::Bool } else { a.dtype }, shape)])
}

pub(super) fn infer_where(inputs: &[&TensorType]) -> Types {
    arity(inputs, 3, 3)?;
    let (c, a, b) = (inputs[0], inputs[1], inputs[2]);
    if c.dtype != DType::Bool || a.dtype != b.dtype {
        return Err(format!("expects (bool, T, T), got ({}, {}, {})", c.dtype, a.dtype, b.dtype));
    }
    let s = broadcast_shapes(&a.shape, &b.shape).ok_or("value shapes do not broadcast")?;
    let s = broadcast_shapes(&c.shape, &s).ok_or("condition does not broadcast")?;
    Ok(vec![TensorType::new(a.dtype, s)])
}

pub(super) fn infer_bit_cast(to: &DType, inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    if inputs[0].dtype.size() != to.size() || *to == DType::Bool {
        return Err(format!("cannot bitcast {} to {to}", inputs[0].dtype));
    }
    Ok(vec![TensorType::new(*to, inputs[0].shape.clone())])
}

pub(super) fn infer_cast(to: &DType, inputs: &[&TensorType]) -> Types {
    arity(inputs, 1, 1)?;
    Ok(vec![TensorType::new(*to, inputs[0].shape.clone())])
}

pub(super) fn infer_fused_head(head: &FusedHead, expr: &FusedExpr, inputs: &[&TensorType]) -> Types {
    let (head_in, rest) = inputs.split_at(head.inputs.min(inputs.len()));
    let head_out = infer(&head.op, head_in)?.into_iter().next().ok_or("the fused head has no output")?;
    let mut leaves = vec![&head_out];
    leaves.extend(rest);
    let out = infer(&Op::Fused { head: None, expr: expr.clone() }, &leaves)?;
    if out[0] != head_out {
        return Err(format!("a fused epilogue must keep its head's type {head_out}, got {}", out[0]));
    }
    Ok(out)
}

pub(super) fn infer_fused_plain(inputs: &[&TensorType]) -> Types {
    let first = inputs.first().ok_or("a fused op needs inputs")?;
    if !matches!(first.dtype, DType::F32 | DType::F64) || inputs.iter().any(|t| t.dtype != first.dtype) {
        return Err("a fused op takes f32 or f64 inputs of one type".into());
    }
    let mut shape = first.shape.clone();
    for t in &inputs[1..] {
        shape = broadcast_shapes(&shape, &t.shape)
            .ok_or_else(|| format!("fused inputs {first} and {t} do not broadcast"))?;
    }
    Ok(vec![TensorType::new(first.dtype, shape)])
}

pub(super) fn eval_fused(head: &Option<FusedHead>, expr: &FusedExpr, cx: &Eval) -> R<Data> {
    let inputs = cx.inputs;
    let out = cx.out;
    Ok(match head {
        None => eval_expr(expr, inputs)?,
        Some(head) => {
            let (head_in, rest) = inputs.split_at(head.inputs.min(inputs.len()));
            let head_out = eval(&head.op, head_in, out)?.pop().ok_or("the fused head has no output")?;
            let mut leaves = vec![&head_out];
            leaves.extend(rest);
            eval_expr(expr, &leaves)?
        }
    }
    .data)
}

pub(super) fn eval_unary(u: &UnaryOp, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    unary_op(*u, &x.data, &mut y)?;
    Ok(y)
}

pub(super) fn eval_binary(b: &BinaryOp, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    binary_op(*b, x, cx.input(1)?, &mut y, dims)?;
    Ok(y)
}

pub(super) fn eval_where(cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let dims = &cx.dims[..];
    let mut y = cx.zeros();
    let Data::Bool(c) = &x.data else { return Err("condition must be bool".into()) };
    let (a, b) = (cx.input(1)?, cx.input(2)?);
    macro_rules! select {
                ($($v:ident),*) => {
                    match (&a.data, &b.data, &mut y) {
                        $((Data::$v(p), Data::$v(q), Data::$v(r)) => elementwise_k::select(c, &x.shape, p, &a.shape, q, &b.shape, r, &dims),)*
                        _ => return Err(format!("Where of {} and {}", a.dtype(), b.dtype())),
                    }
                };
            }
    select!(F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64, Bool).map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_cast(cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    let mut y = cx.zeros();
    with_data!(&x.data, a => with_data!(&mut y, b => unary::cast(a, b))).map_err(kerr)?;
    Ok(y)
}

pub(super) fn eval_bit_cast(to: &DType, cx: &Eval) -> R<Data> {
    let x = cx.input(0)?;
    Ok(Data::from_le_bytes(*to, &x.data.to_le_bytes()).ok_or("bitcast: byte lengths differ")?)
}

fn unary_op(u: UnaryOp, x: &Data, y: &mut Data) -> R<()> {
    use UnaryOp::*;
    match u {
        Identity => all!((x, y), |a, b| unary::identity(a, b)),
        Neg => numeric!((x, y), |a, b| unary::neg(a, b)),
        Abs => numeric!((x, y), |a, b| unary::abs(a, b)),
        Relu => numeric!((x, y), |a, b| unary::relu(a, b)),
        Sign => numeric!((x, y), |a, b| unary::sign(a, b)),
        BitNot => integer!((x, y), |a, b| unary::bit_not(a, b)),
        Clip { min, max } => match (x, y) {
            (Data::F32(a), Data::F32(b)) => unary::clip(a, b, min, max).map_err(kerr),
            (Data::F64(a), Data::F64(b)) => unary::clip(a, b, min.map(f64::from), max.map(f64::from)).map_err(kerr),
            (x, _) => Err(format!("Clip of {} is not supported", x.dtype())),
        },
        Not => match (x, y) {
            (Data::Bool(a), Data::Bool(b)) => unary::not(a, b).map_err(kerr),
            _ => Err("Not needs bools".into()),
        },
        IsNaN | IsInf { .. } => {
            let Data::Bool(out) = y else { return Err("IsNaN/IsInf yield bools".into()) };
            let r = match (x, u) {
                (Data::F32(a), IsNaN) => unary::is_nan(a, out),
                (Data::F64(a), IsNaN) => unary::is_nan(a, out),
                (Data::F16(a), IsNaN) => unary::is_nan(a, out),
                (Data::BF16(a), IsNaN) => unary::is_nan(a, out),
                (Data::F32(a), IsInf { positive, negative }) => unary::is_inf(a, out, positive, negative),
                (Data::F64(a), IsInf { positive, negative }) => unary::is_inf(a, out, positive, negative),
                (Data::F16(a), IsInf { positive, negative }) => unary::is_inf(a, out, positive, negative),
                (Data::BF16(a), IsInf { positive, negative }) => unary::is_inf(a, out, positive, negative),
                (x, _) => return Err(format!("{u:?} of {} is not supported", x.dtype())),
            };
            r.map_err(kerr)
        }
        Math(f) => real!((x, y), |a, b| math::apply(f, a, b)),
    }
}

fn binary_op(op: BinaryOp, a: &Tensor, b: &Tensor, y: &mut Data, dims: &[usize]) -> R<()> {
    use BinaryOp::*;
    let (sa, sb) = (&a.shape, &b.shape);
    // `$f(a, b) -> y` for the listed dtypes, all three of one type.
    macro_rules! same {
        ($f:path, [$($v:ident),*]) => {{
            match (&a.data, &b.data, y) {
                $((Data::$v(p), Data::$v(q), Data::$v(r)) => $f(p, sa, q, sb, r, dims).map_err(kerr),)*
                _ => Err(format!("{op:?} of {} is not supported", a.dtype())),
            }
        }};
    }
    macro_rules! arith {
        ($f:path) => {
            same!($f, [F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64])
        };
    }
    macro_rules! bits {
        ($f:path) => {
            same!($f, [I8, I16, I32, I64, U8, U16, U32, U64])
        };
    }
    macro_rules! logic {
        ($f:path) => {
            same!($f, [Bool])
        };
    }
    // Comparisons: operands of one type, bool output.
    macro_rules! compare_in {
        ($f:path, [$($v:ident),*]) => {{
            let Data::Bool(r) = y else { return Err("comparison yields bool".into()) };
            match (&a.data, &b.data) {
                $((Data::$v(p), Data::$v(q)) => $f(p, sa, q, sb, r, dims).map_err(kerr),)*
                _ => Err(format!("{op:?} of {} is not supported", a.dtype())),
            }
        }};
    }
    macro_rules! compare {
        ($f:path) => {
            compare_in!($f, [F32, F64, F16, BF16, I8, I16, I32, I64, U8, U16, U32, U64, Bool])
        };
    }
    match op {
        Add => arith!(binary::add),
        Sub => arith!(binary::sub),
        Mul => arith!(binary::mul),
        Div => arith!(binary::div),
        Pow => arith!(binary::pow),
        Max => arith!(binary::max),
        Min => arith!(binary::min),
        Equal => compare!(binary::equal),
        Less => compare!(binary::less),
        LessOrEqual => compare!(binary::less_or_equal),
        Greater => compare!(binary::greater),
        GreaterOrEqual => compare!(binary::greater_or_equal),
        And => logic!(binary::and),
        Or => logic!(binary::or),
        Xor => logic!(binary::xor),
        Mod { fmod: false } => arith!(binary::rem),
        Mod { fmod: true } => arith!(binary::fmod),
        BitAnd => bits!(binary::bit_and),
        BitOr => bits!(binary::bit_or),
        BitXor => bits!(binary::bit_xor),
        ShiftLeft => bits!(binary::shift_left),
        ShiftRight => bits!(binary::shift_right),
    }
}
