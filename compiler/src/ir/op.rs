//! The core ops: the small set every back-end implements. ONNX ops are imported as one core op
//! or as an expansion into several (Gemm, BatchNormalization, HardSwish, Sum, ...).
//!
//! What each op means (types, reference evaluation, scratch) lives in `ir/ops/<family>.rs`; the
//! per-op properties below are exhaustive matches. Adding a core op: add a variant here, then
//! follow the compiler errors: every match on `Op` names every op (tests/op_matches.rs), so
//! they list each place that must learn it. See docs/ARCHITECTURE.md, "Adding an op".

use super::types::{DType, Dim};

pub use ronn_runtime::kernels::grid_sample::{GridMode, GridPadding};
pub use ronn_runtime::kernels::math::MathFn;
pub use ronn_runtime::kernels::recurrent::Cell as RecurrentCell;
pub use ronn_runtime::kernels::scatter::Reduction;

/// Elementwise functions of one input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UnaryOp {
    /// `x` unchanged.
    Identity,
    /// `-x` (wrapping for integers).
    Neg,
    /// `|x|` (wrapping for signed integers).
    Abs,
    /// `max(x, 0)`.
    Relu,
    /// -1, 0 or 1.
    Sign,
    /// Bounds are optional: Clip without min or max leaves that side open.
    Clip {
        /// The lower bound, if any.
        min: Option<f32>,
        /// The upper bound, if any.
        max: Option<f32>,
    },
    /// Logical not of a bool.
    Not,
    /// Bitwise not of an integer.
    BitNot,
    /// Float to bool.
    IsNaN,
    /// Float to bool, counting the infinities of the signs asked for.
    IsInf {
        /// Count `+inf`.
        positive: bool,
        /// Count `-inf`.
        negative: bool,
    },
    /// A float function: math, trigonometry, activations (one runtime kernel for all).
    Math(MathFn),
}

impl UnaryOp {
    /// Float-only ops (math on reals). The rest also apply to integers (Neg, Abs, Relu, Sign,
    /// Clip, Identity) or to bools (Not, Identity).
    pub fn float_only(self) -> bool {
        matches!(self, UnaryOp::Math(_) | UnaryOp::IsNaN | UnaryOp::IsInf { .. })
    }

    /// Ops whose output is bool whatever the input.
    pub fn yields_bool(self) -> bool {
        matches!(self, UnaryOp::IsNaN | UnaryOp::IsInf { .. })
    }
}

/// Elementwise functions of two inputs, with numpy broadcasting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `a + b` (wrapping for integers).
    Add,
    /// `a - b` (wrapping for integers).
    Sub,
    /// `a * b` (wrapping for integers).
    Mul,
    /// `a / b` (integer division truncates; by zero gives 0).
    Div,
    /// `a` to the power `b`.
    Pow,
    /// The larger of the two; NaN if either is NaN.
    Max,
    /// The smaller of the two; NaN if either is NaN.
    Min,
    /// `a == b`, as a bool.
    Equal,
    /// `a < b`, as a bool.
    Less,
    /// `a <= b`, as a bool.
    LessOrEqual,
    /// `a > b`, as a bool.
    Greater,
    /// `a >= b`, as a bool.
    GreaterOrEqual,
    /// Logical and of bools.
    And,
    /// Logical or of bools.
    Or,
    /// Logical exclusive or of bools.
    Xor,
    /// Remainder with the divisor's sign (`fmod=false`) or the dividend's (`fmod=true`).
    Mod {
        /// Take the dividend's sign (C `fmod`) instead of the divisor's (Python `%`).
        fmod: bool,
    },
    /// Bitwise and of integers.
    BitAnd,
    /// Bitwise or of integers.
    BitOr,
    /// Bitwise exclusive or of integers.
    BitXor,
    /// `a << b` of integers (0 once every bit is shifted out).
    ShiftLeft,
    /// `a >> b` of integers (arithmetic for signed types: once every bit is shifted out, the
    /// sign fills).
    ShiftRight,
}

impl BinaryOp {
    /// Comparisons and logic ops produce bools.
    pub fn yields_bool(self) -> bool {
        use BinaryOp::*;
        matches!(self, Equal | Less | LessOrEqual | Greater | GreaterOrEqual | And | Or | Xor)
    }

    /// Logic ops take bools (and only bools).
    pub fn takes_bool(self) -> bool {
        matches!(self, BinaryOp::And | BinaryOp::Or | BinaryOp::Xor)
    }

    /// Ops that accept bools: the logic ops, and Equal (ONNX allows bools from opset 11).
    pub fn accepts_bool(self) -> bool {
        self.takes_bool() || self == BinaryOp::Equal
    }

    /// Bit ops take integers.
    pub fn takes_int(self) -> bool {
        use BinaryOp::*;
        matches!(self, BitAnd | BitOr | BitXor | ShiftLeft | ShiftRight)
    }
}

/// Reductions over a set of axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReduceKind {
    /// The sum.
    Sum,
    /// The arithmetic mean.
    Mean,
    /// The largest element.
    Max,
    /// The smallest element.
    Min,
    /// The product.
    Prod,
    /// The sum of squares.
    SumSquare,
    /// The sum of absolute values.
    L1,
    /// The square root of the sum of squares.
    L2,
    /// `ln(sum(e^x))`, computed stably.
    LogSumExp,
}

/// Sliding-window geometry shared by convolution and pooling.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Window {
    /// Kernel size per spatial axis (for conv: taken from the weights' shape).
    pub kernel: Vec<usize>,
    /// Step between windows, per spatial axis.
    pub strides: Vec<usize>,
    /// Spacing between taps of the window, per spatial axis.
    pub dilations: Vec<usize>,
    /// Begins for each spatial axis, then ends (ONNX order). Already resolved from `auto_pad`.
    pub pads: Vec<usize>,
}

/// Pooling kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PoolKind {
    /// The largest element of each window.
    Max,
    /// The mean of each window.
    Avg {
        /// Divide by the whole window's size, padding included, instead of by the number of
        /// input elements it covers.
        count_include_pad: bool,
    },
}

/// Pad modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PadMode {
    /// A constant value.
    Constant,
    /// The input mirrored at its edges, the edge itself not repeated.
    Reflect,
    /// The edge element repeated.
    Edge,
    /// The input repeated cyclically.
    Wrap,
}

/// The per-element expression of a fused group of elementwise ops (`passes/fuse.rs`), over the
/// group's inputs `Input(k)`, all of one float type, broadcast to the output's shape.
#[derive(Debug, Clone, PartialEq)]
pub enum FusedExpr {
    /// The group's `k`-th input.
    Input(usize),
    /// A unary op applied to an expression.
    Unary(UnaryOp, Box<FusedExpr>),
    /// A binary op applied to two expressions.
    Binary(BinaryOp, Box<FusedExpr>, Box<FusedExpr>),
}

impl FusedExpr {
    /// The number of ops the expression holds.
    pub fn ops(&self) -> usize {
        match self {
            FusedExpr::Input(_) => 0,
            FusedExpr::Unary(_, a) => 1 + a.ops(),
            FusedExpr::Binary(_, a, b) => 1 + a.ops() + b.ops(),
        }
    }
}

impl std::fmt::Display for FusedExpr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FusedExpr::Input(k) => write!(f, "x{k}"),
            FusedExpr::Unary(UnaryOp::Math(m), a) => {
                write!(f, "{}({a})", format!("{m:?}").split([' ', '{']).next().unwrap_or("Math"))
            }
            FusedExpr::Unary(u, a) => write!(f, "{u:?}({a})"),
            FusedExpr::Binary(b, x, y) => write!(f, "{b:?}({x}, {y})"),
        }
    }
}

/// The op a fused group starts with (its output is the expression's first input).
#[derive(Debug, Clone, PartialEq)]
pub struct FusedHead {
    /// The head op (a Conv or MatMul).
    pub op: Box<Op>,
    /// How many of the node's inputs are the head's.
    pub inputs: usize,
}

/// A core op. Inputs are listed per variant; attributes are resolved to static values.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// `[x] -> [y]`.
    Unary(UnaryOp),
    /// `[a, b] -> [y]`, broadcasting.
    Binary(BinaryOp),
    /// `[cond, a, b] -> [y]`, broadcasting.
    Where,
    /// `[x] -> [y]` converting the element type.
    Cast {
        /// The output element type.
        to: DType,
    },
    /// `[x] -> [y]` reinterpreting the bytes as another type of the same size.
    BitCast {
        /// The output element type (same size as the input's).
        to: DType,
    },
    /// `[a, b] -> [y]` with numpy matmul semantics (batch broadcasting, 1-D promotion).
    MatMul,
    /// `[x, w] or [x, w, bias] -> [y]`: N-d convolution, NC... layout.
    Conv {
        /// Number of groups: input and output channels split into `group` independent parts.
        group: usize,
        /// The window: kernel size, strides, dilations and resolved pads.
        window: Window,
    },
    /// `[x, w, offset, bias] or [x, w, offset, bias, mask] -> [y]`: 2-D deformable convolution
    /// (ONNX DeformConv), NCHW: each tap reads `x` at its regular position plus its learned
    /// offset, bilinearly interpolated, times the mask where there is one. `offset` is
    /// `[N, offset_group*kH*kW*2, oH, oW]`, `mask` `[N, offset_group*kH*kW, oH, oW]`.
    DeformConv {
        /// Number of groups: input and output channels split into `group` independent parts.
        group: usize,
        /// Groups of input channels that share one set of offsets (and mask).
        offset_group: usize,
        /// The window: kernel size, strides, dilations and resolved pads.
        window: Window,
        /// Whether a mask input is present.
        mask: bool,
    },
    /// `[x, w] or [x, w, bias] -> [y]`: N-d transposed convolution; `output` spatial dims.
    ConvTranspose {
        /// Number of groups: input and output channels split into `group` independent parts.
        group: usize,
        /// Step between input positions in the output, per spatial axis.
        strides: Vec<usize>,
        /// Spacing between kernel taps, per spatial axis.
        dilations: Vec<usize>,
        /// Output positions cropped at the start of each spatial axis.
        pads_begin: Vec<usize>,
        /// The output's spatial dims (symbolic where the input's are).
        output: Vec<Dim>,
    },
    /// `[x] -> [y]`: N-d pooling, NC... layout; `output` spatial dims resolve `ceil_mode`.
    Pool {
        /// Max or average.
        kind: PoolKind,
        /// The window: kernel size, strides, dilations and resolved pads.
        window: Window,
        /// The output's spatial dims (symbolic where the input's are).
        output: Vec<Dim>,
    },
    /// `[x] -> [indices]` (i64): MaxPool's second output, flat positions of the maxima.
    MaxPoolIndices {
        /// The window: kernel size, strides, dilations and resolved pads.
        window: Window,
        /// The output's spatial dims.
        output: Vec<usize>,
        /// Positions count in column-major order (ONNX `storage_order = 1`).
        column_major: bool,
    },
    /// `[x] -> [y]`: local response normalisation across channels.
    Lrn {
        /// Channels per window.
        size: usize,
        /// The scale of the sum of squares.
        alpha: f32,
        /// The exponent.
        beta: f32,
        /// The additive constant.
        bias: f32,
    },
    /// `[x] -> [y]` along one axis.
    Softmax {
        /// The axis normalised over.
        axis: usize,
        /// LogSoftmax: the logarithm of the softmax.
        log: bool,
    },
    /// `[x] -> [y]` with the given axes reduced (sorted, unique); `keepdims` keeps them as 1.
    Reduce {
        /// What each reduction computes.
        kind: ReduceKind,
        /// The reduced axes, sorted and unique.
        axes: Vec<usize>,
        /// Keep reduced axes as size 1 instead of dropping them.
        keepdims: bool,
    },
    /// `[x] -> [y]` index of the max/min along `axis` (i64).
    ArgReduce {
        /// The index of the largest element (ArgMax) instead of the smallest (ArgMin).
        max: bool,
        /// The axis searched.
        axis: usize,
        /// Keep the axis as size 1 instead of dropping it.
        keepdims: bool,
        /// On ties, the last index instead of the first.
        select_last: bool,
    },
    /// `[x] -> [y]` same data, new shape (same element count).
    Reshape {
        /// The output shape.
        shape: Vec<Dim>,
    },
    /// `[x] -> [y]`.
    Transpose {
        /// Output axis `i` is input axis `perm[i]`.
        perm: Vec<usize>,
    },
    /// `[x0, x1, ...] -> [y]`.
    Concat {
        /// The axis the inputs are joined along.
        axis: usize,
    },
    /// `[data, indices] -> [y]`.
    Gather {
        /// The axis indexed.
        axis: usize,
    },
    /// `[data, indices] -> [y]`: ONNX GatherElements (y has the indices' shape; i64 indices).
    GatherElements {
        /// The axis indexed.
        axis: usize,
    },
    /// `[x] -> [y]`: per-axis start (normalised, in range) and step; output dims are `ty`'s.
    Slice {
        /// The first index read, per axis.
        starts: Vec<i64>,
        /// The step, per axis (negative steps walk backwards).
        steps: Vec<i64>,
        /// The output's dims.
        dims: Vec<Dim>,
    },
    /// `[x] -> [y]` broadcast to a shape.
    Expand {
        /// The output shape.
        shape: Vec<Dim>,
    },
    /// `[x] -> [y]` repeated along each axis.
    Tile {
        /// Copies per axis.
        repeats: Vec<usize>,
    },
    /// `[x] -> [y]` padded (negative pads crop); `value` for constant mode, as f64.
    Pad {
        /// Elements added (negative: removed) at the start of each axis, then at the end of each.
        pads: Vec<i64>,
        /// What the new elements hold.
        mode: PadMode,
        /// The value of `PadMode::Constant`.
        value: f64,
    },
    /// `[x, idx, coeffs] -> [y]`: resampling along `axis` with tap tables `[out, taps]`
    /// (i64 indices, coefficients of x's float type): `y[o] = sum_k coeffs[o,k] * x[idx[o,k]]`.
    Resample {
        /// The axis resampled.
        axis: usize,
    },
    /// `[x] -> [y]`: running sum or product along `axis` (CumSum, CumProd).
    Cumulative {
        /// The axis accumulated along.
        axis: usize,
        /// Each output leaves out its own element.
        exclusive: bool,
        /// Accumulate from the end of the axis.
        reverse: bool,
        /// A running product (CumProd) instead of a sum.
        product: bool,
    },
    /// `[x] -> [values]` or `[x] -> [indices]` (i64) of the `k` largest/smallest along `axis`,
    /// sorted, ties to the lower index.
    TopK {
        /// The axis searched.
        axis: usize,
        /// How many elements are kept.
        k: usize,
        /// The largest elements instead of the smallest.
        largest: bool,
        /// Output the indices instead of the values.
        indices: bool,
    },
    /// `[data, indices, updates] -> [y]` (i64 indices).
    ScatterElements {
        /// The axis indexed.
        axis: usize,
        /// How an update combines with the element it lands on.
        reduction: Reduction,
    },
    /// `[data, indices, updates] -> [y]` (i64 index tuples on the last axis).
    ScatterNd {
        /// How an update combines with the element it lands on.
        reduction: Reduction,
    },
    /// `[data, indices] -> [y]` (i64 index tuples on the last axis).
    GatherNd {
        /// Leading axes shared by `data` and `indices`.
        batch_dims: usize,
    },
    /// `[x, grid] -> [y]`: sampling at normalised grid coordinates (GridSample).
    GridSample {
        /// The interpolation.
        mode: GridMode,
        /// What is read outside the input.
        padding: GridPadding,
        /// -1 and 1 address the centres of the corner pixels instead of their outer edges.
        align_corners: bool,
    },
    /// `[x, rois, batch_indices] -> [y]`: RoiAlign on NCHW (i64 batch indices).
    RoiAlign {
        /// Pool each bin by its largest sample instead of the average.
        max_mode: bool,
        /// Shift the regions' corners by half a pixel (`coordinate_transformation_mode = "half_pixel"`).
        half_pixel: bool,
        /// The factor from the regions' coordinates to the input's pixels.
        spatial_scale: f32,
        /// Samples per bin and axis; 0 picks `ceil(roi size / bins)`.
        sampling_ratio: usize,
        /// Output height in bins.
        out_h: usize,
        /// Output width in bins.
        out_w: usize,
    },
    /// `[x] -> [y]`: determinants of the trailing `[M, M]` matrices.
    Det,
    /// `[x] -> [y]` the shape of x as an i64 vector (folded when x's shape is static).
    Shape {
        /// The first axis reported.
        start: usize,
        /// One past the last axis reported.
        end: usize,
    },
    /// `[x, scale, bias] -> [y]`: normalisation over the last axis,
    /// `(x - mean) / sqrt(mean((x - mean)^2) + epsilon) * scale + bias` (scale and bias `[H]`),
    /// recognised from exporters' decomposed spelling (`passes/layer_norm.rs`).
    LayerNorm {
        /// Added to the variance before the square root.
        epsilon: f64,
    },
    /// `[x, w1, b1, w2, b2] -> [y]`: squeeze-and-excitation (f32/f64), per image and channel
    /// `y = x * gate(w2 . act(w1 . mean(x) + b1) + b2)`, the mean over the spatial axes of `x`
    /// `[N, C, spatial...]`; `w1` is `[R, C, 1...]` and `w2` `[C, R, 1...]` (1x1 convolution
    /// weights), `b1` `[R]`, `b2` `[C]`. `act` and `gate` are elementwise expressions of
    /// `Input(0)`. With `project`, two more inputs `[wp, bp]` (`[M, C, 1...]`, `[M]`) and
    /// `y = conv1x1(x * gates, wp) + bp`, `[N, M, spatial...]`: the 1x1 convolution that reads
    /// the block (the MBConv projection) takes the gates in its weights. Recognised from the
    /// exporters' global mean, two 1x1 convolutions and Mul (`passes/excite.rs`).
    SqueezeExcite {
        /// The activation after the first product.
        act: FusedExpr,
        /// The gate after the second product.
        gate: FusedExpr,
        /// Whether the projection inputs `[wp, bp]` follow.
        project: bool,
    },
    /// `[q, k, v, x1, ...] -> [y]`: scaled-dot-product attention on packed rows (f32/f64). `q`
    /// is `[B, Sq, Wq]`, `k` and `v` are `[B, Sk, W]`; head `h` reads columns
    /// `offsets[i] + h * head_dim ..` of its operand's rows. Each raw score `q . k` is the
    /// `score` expression's `Input(0)`, its other inputs are `x1...` broadcast to
    /// `[B, heads, Sq, Sk]`; a softmax over the keys follows, then the product with `v`.
    /// `y` is `[B, Sq, heads * head_dim]`. Recognised from the exporters' spelled-out form
    /// (`passes/attention.rs`).
    Attention {
        /// Number of heads.
        heads: usize,
        /// Columns per head.
        head_dim: usize,
        /// Column offsets of head 0 in the rows of `q`, `k` and `v`.
        offsets: [usize; 3],
        /// The score expression; `Input(0)` is the raw score `q . k`.
        score: FusedExpr,
    },
    /// `[xw, rt, h0, extra] -> [y]`: one recurrent layer over a whole sequence (f32/f64):
    /// `xw` `[seq, batch, gates*hidden]` is the input projection with its biases, `rt`
    /// `[hidden, gates*hidden]` the recurrence weights transposed, `h0` `[batch, hidden]`;
    /// `extra` is the initial cell state (LSTM, `[batch, hidden]`) or the `h` gate's recurrence
    /// bias (GRU with linear_before_reset, `[hidden]`). `y` `[seq, batch, hidden]` holds every
    /// step's hidden state, or its cell state with `cell_output`. Default activations only;
    /// other configurations are unrolled by the importer (`front/onnx/ops/recurrent.rs`).
    Recurrence {
        /// LSTM or GRU.
        cell: RecurrentCell,
        /// Run the sequence from its end.
        reverse: bool,
        /// Output the cell state instead of the hidden state.
        cell_output: bool,
    },
    /// `[x0, x1, ...] -> [y]`: a group of elementwise ops computed in one pass (f32/f64).
    /// With a `head` (a Conv or MatMul), the node's first `head.inputs` inputs feed the head,
    /// whose output is the expression's `Input(0)`; the remaining inputs are `Input(1)...`:
    /// the expression is the head's epilogue, applied to its output in place.
    Fused {
        /// The Conv or MatMul whose output the expression consumes, if any.
        head: Option<FusedHead>,
        /// The per-element expression.
        expr: FusedExpr,
    },
}

impl Op {
    /// A short name for histograms and diagnostics (`ir_ops` in `ronnc inspect --json`).
    pub fn kind(&self) -> String {
        match self {
            Op::Unary(UnaryOp::Math(f)) => format!("{f:?}").split([' ', '{']).next().unwrap_or("Math").to_string(),
            Op::Unary(u) => format!("{u:?}").split([' ', '{']).next().unwrap_or("Unary").to_string(),
            Op::Binary(b) => format!("{b:?}").split([' ', '{']).next().unwrap_or("Binary").to_string(),
            Op::Where => "Where".into(),
            Op::Cast { .. } => "Cast".into(),
            Op::BitCast { .. } => "BitCast".into(),
            Op::MatMul => "MatMul".into(),
            Op::Conv { .. } => "Conv".into(),
            Op::ConvTranspose { .. } => "ConvTranspose".into(),
            Op::DeformConv { .. } => "DeformConv".into(),
            Op::Pool { kind: PoolKind::Max, .. } => "MaxPool".into(),
            Op::Pool { kind: PoolKind::Avg { .. }, .. } => "AvgPool".into(),
            Op::Lrn { .. } => "Lrn".into(),
            Op::MaxPoolIndices { .. } => "MaxPoolIndices".into(),
            Op::Softmax { log: false, .. } => "Softmax".into(),
            Op::Softmax { log: true, .. } => "LogSoftmax".into(),
            Op::Reduce { kind, .. } => format!("Reduce{kind:?}"),
            Op::ArgReduce { max: true, .. } => "ArgMax".into(),
            Op::ArgReduce { max: false, .. } => "ArgMin".into(),
            Op::Reshape { .. } => "Reshape".into(),
            Op::Transpose { .. } => "Transpose".into(),
            Op::Concat { .. } => "Concat".into(),
            Op::Gather { .. } => "Gather".into(),
            Op::GatherElements { .. } => "GatherElements".into(),
            Op::Slice { .. } => "Slice".into(),
            Op::Expand { .. } => "Expand".into(),
            Op::Tile { .. } => "Tile".into(),
            Op::Pad { .. } => "Pad".into(),
            Op::Shape { .. } => "Shape".into(),
            Op::Resample { .. } => "Resample".into(),
            Op::Cumulative { product: false, .. } => "CumSum".into(),
            Op::Cumulative { product: true, .. } => "CumProd".into(),
            Op::TopK { .. } => "TopK".into(),
            Op::Det => "Det".into(),
            Op::RoiAlign { .. } => "RoiAlign".into(),
            Op::GridSample { .. } => "GridSample".into(),
            Op::ScatterElements { .. } => "ScatterElements".into(),
            Op::ScatterNd { .. } => "ScatterND".into(),
            Op::GatherNd { .. } => "GatherND".into(),
            Op::Fused { .. } => "Fused".into(),
            Op::LayerNorm { .. } => "LayerNorm".into(),
            Op::SqueezeExcite { .. } => "SqueezeExcite".into(),
            Op::Attention { .. } => "Attention".into(),
            Op::Recurrence { cell: RecurrentCell::Lstm, .. } => "LSTM".into(),
            Op::Recurrence { cell: RecurrentCell::Gru, .. } => "GRU".into(),
        }
    }

    /// Elementwise ops the fusion pass may merge into an [`Op::Fused`] (every back-end writes
    /// each of them as a scalar expression).
    pub fn fusable(&self) -> bool {
        match self {
            Op::Binary(b) => match b {
                BinaryOp::Add
                | BinaryOp::Sub
                | BinaryOp::Mul
                | BinaryOp::Div
                | BinaryOp::Pow
                | BinaryOp::Max
                | BinaryOp::Min => true,
                BinaryOp::Equal
                | BinaryOp::Less
                | BinaryOp::LessOrEqual
                | BinaryOp::Greater
                | BinaryOp::GreaterOrEqual
                | BinaryOp::And
                | BinaryOp::Or
                | BinaryOp::Xor
                | BinaryOp::Mod { .. }
                | BinaryOp::BitAnd
                | BinaryOp::BitOr
                | BinaryOp::BitXor
                | BinaryOp::ShiftLeft
                | BinaryOp::ShiftRight => false,
            },
            Op::Unary(u) => match u {
                UnaryOp::Identity | UnaryOp::Neg | UnaryOp::Abs | UnaryOp::Relu | UnaryOp::Clip { .. } => true,
                // The functions both back-ends' fused loops spell out.
                UnaryOp::Math(f) => matches!(
                    f,
                    MathFn::Exp
                        | MathFn::Log
                        | MathFn::Sqrt
                        | MathFn::Tanh
                        | MathFn::Erf
                        | MathFn::Sigmoid
                        | MathFn::Gelu
                        | MathFn::GeluTanh
                        | MathFn::HardSwish
                        | MathFn::HardSigmoid { .. }
                        | MathFn::LeakyRelu { .. }
                        | MathFn::Softplus
                ),
                UnaryOp::Sign | UnaryOp::Not | UnaryOp::BitNot | UnaryOp::IsNaN | UnaryOp::IsInf { .. } => false,
            },
            Op::Where
            | Op::Cast { .. }
            | Op::BitCast { .. }
            | Op::MatMul
            | Op::Conv { .. }
            | Op::ConvTranspose { .. }
            | Op::DeformConv { .. }
            | Op::Pool { .. }
            | Op::MaxPoolIndices { .. }
            | Op::Lrn { .. }
            | Op::Softmax { .. }
            | Op::Reduce { .. }
            | Op::ArgReduce { .. }
            | Op::Reshape { .. }
            | Op::Transpose { .. }
            | Op::Concat { .. }
            | Op::Gather { .. }
            | Op::GatherElements { .. }
            | Op::Slice { .. }
            | Op::Expand { .. }
            | Op::Tile { .. }
            | Op::Pad { .. }
            | Op::Resample { .. }
            | Op::Cumulative { .. }
            | Op::TopK { .. }
            | Op::ScatterElements { .. }
            | Op::ScatterNd { .. }
            | Op::GatherNd { .. }
            | Op::GridSample { .. }
            | Op::RoiAlign { .. }
            | Op::Det
            | Op::Shape { .. }
            | Op::LayerNorm { .. }
            | Op::SqueezeExcite { .. }
            | Op::Attention { .. }
            | Op::Recurrence { .. }
            | Op::Fused { .. } => false,
        }
    }

    /// Ops whose kernels exist for f32/f64 only: on f16/bf16 inputs the importer runs them
    /// through f32 (cast in, cast out). Every other op takes half precision as it is, or
    /// refuses it in type inference.
    pub fn computes_half_in_f32(&self) -> bool {
        match self {
            Op::Conv { .. }
            | Op::ConvTranspose { .. }
            | Op::DeformConv { .. }
            | Op::GridSample { .. }
            | Op::Pool { .. }
            | Op::Lrn { .. }
            | Op::Softmax { .. } => true,
            Op::Unary(_)
            | Op::Binary(_)
            | Op::Where
            | Op::Cast { .. }
            | Op::BitCast { .. }
            | Op::MatMul
            | Op::MaxPoolIndices { .. }
            | Op::Reduce { .. }
            | Op::ArgReduce { .. }
            | Op::Reshape { .. }
            | Op::Transpose { .. }
            | Op::Concat { .. }
            | Op::Gather { .. }
            | Op::GatherElements { .. }
            | Op::Slice { .. }
            | Op::Expand { .. }
            | Op::Tile { .. }
            | Op::Pad { .. }
            | Op::Resample { .. }
            | Op::Cumulative { .. }
            | Op::TopK { .. }
            | Op::ScatterElements { .. }
            | Op::ScatterNd { .. }
            | Op::GatherNd { .. }
            | Op::RoiAlign { .. }
            | Op::Det
            | Op::Shape { .. }
            | Op::LayerNorm { .. }
            | Op::SqueezeExcite { .. }
            | Op::Attention { .. }
            | Op::Recurrence { .. }
            | Op::Fused { .. } => false,
        }
    }

    /// The op whose kernel runs: a fused node's head, or the op itself.
    pub fn kernel_op(&self) -> &Op {
        if let Op::Fused { head: Some(head), .. } = self {
            return &head.op;
        }
        self
    }

    /// Ops whose output is the input's bytes unchanged (generated code copies or aliases).
    pub fn is_copy(&self) -> bool {
        matches!(self, Op::Reshape { .. } | Op::Unary(UnaryOp::Identity))
    }
}
