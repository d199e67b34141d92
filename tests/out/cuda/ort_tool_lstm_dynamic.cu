
// node `gather_embedded` (Gather)
// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    const long long inner = i % 16LL;
    const long long j = (i / 16LL) % 14LL;
    const long long outer = i / (16LL * 14LL);
    long long idx = (long long)((long long*)(arena + 0))[j];
    if (idx < 0) idx += 40;
    ((float*)(arena + 128))[i] = (idx < 0 || idx >= 40) ? (float)0 : ((const float*)(weights + 0))[(outer * 40LL + idx) * 16LL + inner];
}

// node `lstm_y_quant/quantized171/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 128)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 224; ++r) {
        long long u_ = r;
        const long long r2 = u_ % 16LL; u_ /= 16LL;
        const long long r1 = u_ % 2LL; u_ /= 2LL;
        const long long r0 = u_ % 7LL; u_ /= 7LL;
        const float v = x[r0 * 32LL + r1 * 16LL + r2];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `lstm_y_quant/quantized171/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 64))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized171/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k3_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 128)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 224; ++r) {
        long long u_ = r;
        const long long r2 = u_ % 16LL; u_ /= 16LL;
        const long long r1 = u_ % 2LL; u_ /= 2LL;
        const long long r0 = u_ % 7LL; u_ /= 7LL;
        const float v = x[r0 * 32LL + r1 * 16LL + r2];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `lstm_y_quant/quantized171/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k4_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 64))[i];
    ((float*)(arena + 1024))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized171/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k5_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized171/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k6_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 1088))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized171/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k7_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 1088))[i];
    ((float*)(arena + 1024))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized171/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k8_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 0))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized171/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k9_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized171/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k10_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized171/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k11_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 64))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm172/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k12_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm14/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k13_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2752))[i];
    ((float*)(arena + 64))[i] = (x0 * x1);
}

// node `lstm_y_quant/qmm172/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k14_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2816))[i];
    ((float*)(arena + 1088))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized171/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k15_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    long long t_ = i;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    ((float*)(arena + 1152))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized171/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k16_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    long long t_ = i;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[i];
    ((float*)(arena + 128))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized171/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k17_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    long long t_ = i;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((float*)(arena + 0))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 1152))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized171` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k18_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    long long t_ = i;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[i];
    ((unsigned char*)(arena + 128))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm172/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k19_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    long long t_ = i;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 128))[i];
    ((float*)(arena + 1152))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm172/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k20_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    long long t_ = i;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[i];
    const float x1 = ((float*)(arena + 0))[0];
    ((float*)(arena + 128))[i] = (x0 - x1);
}

// node `lstm_y_quant/t20` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k21_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(672);
    long long t_ = i;
    const long long c2 = t_ % 48LL; t_ /= 48LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 128)) + c0 * 32LL + c1 * 16LL;
    const float* b = ((const float*)(weights + 2880)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 16; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 64))[0];
    const float x2 = ((const float*)(weights + 5952))[c2];
    ((float*)(arena + 1152))[i] = ((x0 * x1) + x2);
}

// node `lstm_y_quant/cols31` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k36_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 0))[i] = x0;
}

// node `lstm_y_quant/cols30` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k37_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3840))[i] = x0;
}

// node `lstm_y_quant/cols29` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k38_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3968))[i] = x0;
}

// node `lstm_y_quant/cols28` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k39_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 4096))[i] = x0;
}

// node `lstm_y_quant/t37` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k40_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((const float*)(weights + 6144))[i];
    const float x2 = ((float*)(arena + 4096))[i];
    const float x3 = ((float*)(arena + 0))[i];
    ((float*)(arena + 4224))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t40` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k41_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    const float x1 = ((float*)(arena + 4224))[i];
    ((float*)(arena + 0))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized44/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k42_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 0)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized44/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k43_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 3840))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized44/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k44_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 0)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized44/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k45_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 3904))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized44/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k46_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 1024))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized44/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k47_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized44/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k48_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 3904))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized44/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k49_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((float*)(arena + 3904))[i];
    ((float*)(arena + 1024))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized44/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k50_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 3840))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized44/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k51_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 1024))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized44/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k52_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((unsigned char*)(arena + 3840))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm45/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k53_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 3840))[i];
    ((float*)(arena + 1024))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm45/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k54_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 6272))[i];
    ((float*)(arena + 3840))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized44/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k55_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 3904))[0];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized44/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k56_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 4096))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized44/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k57_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 3904))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized44` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k58_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    ((unsigned char*)(arena + 4032))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm45/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k59_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 4032))[i];
    ((float*)(arena + 3904))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm45/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k60_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    ((float*)(arena + 4032))[i] = (x0 - x1);
}

// node `lstm_y_quant/t46` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k61_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4032)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 6336)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 1536))[i];
    const float x2 = ((float*)(arena + 3840))[0];
    ((float*)(arena + 4352))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols50` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k62_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4352))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3840))[i] = x0;
}

// node `lstm_y_quant/cols49` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k63_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4352))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3968))[i] = x0;
}

// node `lstm_y_quant/cols48` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k64_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4352))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 4096))[i] = x0;
}

// node `lstm_y_quant/cols47` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k65_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4352))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 4736))[i] = x0;
}

// node `lstm_y_quant/t56` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k66_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    const float x1 = ((float*)(arena + 4224))[i];
    const float x2 = ((float*)(arena + 4736))[i];
    const float x3 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 4352))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t59` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k67_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 4352))[i];
    ((float*)(arena + 4224))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized63/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k68_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 4224)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized63/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k69_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 3840))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized63/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k70_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 4224)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized63/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k71_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 3904))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized63/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k72_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 1024))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized63/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k73_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized63/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k74_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 3904))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized63/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k75_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((float*)(arena + 3904))[i];
    ((float*)(arena + 1024))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized63/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k76_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 3840))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized63/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k77_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 1024))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized63/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k78_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((unsigned char*)(arena + 3840))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm64/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k79_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 3840))[i];
    ((float*)(arena + 1024))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm64/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k80_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 6272))[i];
    ((float*)(arena + 3840))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized63/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k81_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4224))[i];
    const float x1 = ((float*)(arena + 3904))[0];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized63/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k82_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 4096))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized63/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k83_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 3904))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized63` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k84_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    ((unsigned char*)(arena + 4032))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm64/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k85_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 4032))[i];
    ((float*)(arena + 3904))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm64/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k86_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    ((float*)(arena + 4032))[i] = (x0 - x1);
}

// node `lstm_y_quant/t65` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k87_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4032)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 6336)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 1920))[i];
    const float x2 = ((float*)(arena + 3840))[0];
    ((float*)(arena + 4480))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols69` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k88_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4480))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3840))[i] = x0;
}

// node `lstm_y_quant/cols68` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k89_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4480))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3968))[i] = x0;
}

// node `lstm_y_quant/cols67` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k90_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4480))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 4096))[i] = x0;
}

// node `lstm_y_quant/cols66` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k91_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4480))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 4864))[i] = x0;
}

// node `lstm_y_quant/t75` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k92_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    const float x1 = ((float*)(arena + 4352))[i];
    const float x2 = ((float*)(arena + 4864))[i];
    const float x3 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 4480))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t78` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k93_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 4480))[i];
    ((float*)(arena + 4352))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized82/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k94_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 4352)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized82/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k95_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 3840))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized82/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k96_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 4352)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized82/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k97_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 3904))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized82/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k98_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 1024))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized82/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k99_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized82/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k100_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 3904))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized82/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k101_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((float*)(arena + 3904))[i];
    ((float*)(arena + 1024))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized82/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k102_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 3840))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized82/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k103_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 1024))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized82/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k104_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((unsigned char*)(arena + 3840))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm83/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k105_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 3840))[i];
    ((float*)(arena + 1024))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm83/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k106_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 6272))[i];
    ((float*)(arena + 3840))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized82/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k107_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4352))[i];
    const float x1 = ((float*)(arena + 3904))[0];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized82/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k108_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 4096))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized82/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k109_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 3904))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized82` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k110_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    ((unsigned char*)(arena + 4032))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm83/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k111_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 4032))[i];
    ((float*)(arena + 3904))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm83/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k112_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    ((float*)(arena + 4032))[i] = (x0 - x1);
}

// node `lstm_y_quant/t84` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k113_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4032)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 6336)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 2304))[i];
    const float x2 = ((float*)(arena + 3840))[0];
    ((float*)(arena + 4608))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols88` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k114_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4608))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3840))[i] = x0;
}

// node `lstm_y_quant/cols87` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k115_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4608))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3968))[i] = x0;
}

// node `lstm_y_quant/cols86` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k116_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4608))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 4096))[i] = x0;
}

// node `lstm_y_quant/cols85` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k117_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4608))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 4992))[i] = x0;
}

// node `lstm_y_quant/t94` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k118_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    const float x1 = ((float*)(arena + 4480))[i];
    const float x2 = ((float*)(arena + 4992))[i];
    const float x3 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 4608))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t97` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k119_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 4608))[i];
    ((float*)(arena + 4480))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized101/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k120_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 4480)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized101/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k121_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 3840))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized101/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k122_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 4480)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized101/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k123_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 3904))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized101/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k124_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 1024))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized101/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k125_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized101/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k126_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 3904))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized101/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k127_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((float*)(arena + 3904))[i];
    ((float*)(arena + 1024))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized101/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k128_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 3840))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized101/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k129_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 1024))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized101/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k130_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((unsigned char*)(arena + 3840))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm102/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k131_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 3840))[i];
    ((float*)(arena + 1024))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm102/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k132_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 6272))[i];
    ((float*)(arena + 3840))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized101/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k133_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4480))[i];
    const float x1 = ((float*)(arena + 3904))[0];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized101/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k134_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 4096))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized101/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k135_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 3904))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized101` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k136_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    ((unsigned char*)(arena + 4032))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm102/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k137_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 4032))[i];
    ((float*)(arena + 3904))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm102/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k138_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    ((float*)(arena + 4032))[i] = (x0 - x1);
}

// node `lstm_y_quant/t103` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k139_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4032)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 6336)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 2688))[i];
    const float x2 = ((float*)(arena + 3840))[0];
    ((float*)(arena + 4736))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols107` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k140_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4736))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3840))[i] = x0;
}

// node `lstm_y_quant/cols106` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k141_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4736))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3968))[i] = x0;
}

// node `lstm_y_quant/cols105` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k142_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4736))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 4096))[i] = x0;
}

// node `lstm_y_quant/cols104` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k143_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4736))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 5120))[i] = x0;
}

// node `lstm_y_quant/t113` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k144_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    const float x1 = ((float*)(arena + 4608))[i];
    const float x2 = ((float*)(arena + 5120))[i];
    const float x3 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 4736))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t116` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k145_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 4736))[i];
    ((float*)(arena + 4608))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized120/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k146_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 4608)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized120/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k147_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 3840))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized120/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k148_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 4608)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized120/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k149_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 3904))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized120/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k150_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 1024))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized120/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k151_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized120/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k152_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 3904))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized120/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k153_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((float*)(arena + 3904))[i];
    ((float*)(arena + 1024))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized120/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k154_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 3840))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized120/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k155_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 1024))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized120/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k156_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((unsigned char*)(arena + 3840))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm121/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k157_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 3840))[i];
    ((float*)(arena + 1024))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm121/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k158_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 6272))[i];
    ((float*)(arena + 3840))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized120/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k159_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4608))[i];
    const float x1 = ((float*)(arena + 3904))[0];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized120/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k160_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 4096))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized120/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k161_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 3904))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized120` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k162_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    ((unsigned char*)(arena + 4032))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm121/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k163_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 4032))[i];
    ((float*)(arena + 3904))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm121/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k164_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    ((float*)(arena + 4032))[i] = (x0 - x1);
}

// node `lstm_y_quant/t122` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k165_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4032)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 6336)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 3072))[i];
    const float x2 = ((float*)(arena + 3840))[0];
    ((float*)(arena + 4864))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols126` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k166_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4864))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3840))[i] = x0;
}

// node `lstm_y_quant/cols125` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k167_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4864))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 3968))[i] = x0;
}

// node `lstm_y_quant/cols124` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k168_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4864))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 4096))[i] = x0;
}

// node `lstm_y_quant/cols123` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k169_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4864))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 5248))[i] = x0;
}

// node `lstm_y_quant/t132` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k170_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    const float x1 = ((float*)(arena + 4736))[i];
    const float x2 = ((float*)(arena + 5248))[i];
    const float x3 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 4864))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t135` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k171_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 4864))[i];
    ((float*)(arena + 4736))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized139/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k172_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 4736)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized139/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k173_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 3840))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized139/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k174_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 4736)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 1024))[i] = acc;
}

// node `lstm_y_quant/quantized139/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k175_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 3840))[i];
    ((float*)(arena + 3904))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized139/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k176_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 1024))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized139/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k177_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized139/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k178_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 3904))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized139/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k179_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((float*)(arena + 3904))[i];
    ((float*)(arena + 1024))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized139/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k180_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 3840))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized139/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k181_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3840))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 1024))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized139/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k182_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1024))[i];
    ((unsigned char*)(arena + 3840))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm140/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k183_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 3840))[i];
    ((float*)(arena + 1024))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm140/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k184_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((const float*)(weights + 6272))[i];
    ((float*)(arena + 3840))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized139/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k185_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4736))[i];
    const float x1 = ((float*)(arena + 3904))[0];
    ((float*)(arena + 3968))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized139/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k186_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3968))[i];
    ((float*)(arena + 4096))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized139/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k187_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 3904))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized139` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k188_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    ((unsigned char*)(arena + 4032))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm140/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k189_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 4032))[i];
    ((float*)(arena + 3904))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm140/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k190_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3904))[i];
    const float x1 = ((float*)(arena + 1024))[0];
    ((float*)(arena + 4032))[i] = (x0 - x1);
}

// node `lstm_y_quant/t141` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k191_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4032)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 6336)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 3456))[i];
    const float x2 = ((float*)(arena + 3840))[0];
    ((float*)(arena + 4992))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols145` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k192_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4992))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1152))[i] = x0;
}

// node `lstm_y_quant/cols144` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k193_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4992))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1280))[i] = x0;
}

// node `lstm_y_quant/cols143` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k194_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4992))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1408))[i] = x0;
}

// node `lstm_y_quant/cols142` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k195_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4992))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1536))[i] = x0;
}

// node `lstm_y_quant/t151` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k196_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1280))[i];
    const float x1 = ((float*)(arena + 4864))[i];
    const float x2 = ((float*)(arena + 1536))[i];
    const float x3 = ((float*)(arena + 1152))[i];
    ((float*)(arena + 1664))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t154` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k197_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1408))[i];
    const float x1 = ((float*)(arena + 1664))[i];
    ((float*)(arena + 1536))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/y_dir156` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k207_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 1792))[(c0 + 0LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir156` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k207_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4224))[i];
    ((float*)(arena + 1792))[(c0 + 1LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir156` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k207_2(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4352))[i];
    ((float*)(arena + 1792))[(c0 + 2LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir156` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k207_3(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4480))[i];
    ((float*)(arena + 1792))[(c0 + 3LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir156` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k207_4(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4608))[i];
    ((float*)(arena + 1792))[(c0 + 4LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir156` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k207_5(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4736))[i];
    ((float*)(arena + 1792))[(c0 + 5LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir156` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k207_6(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1536))[i];
    ((float*)(arena + 1792))[(c0 + 6LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/t178` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k208_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(672);
    long long t_ = i;
    const long long c2 = t_ % 48LL; t_ /= 48LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 128)) + c0 * 32LL + c1 * 16LL;
    const float* b = ((const float*)(weights + 8640)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 16; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 1088))[0];
    const float x2 = ((const float*)(weights + 11712))[c2];
    ((float*)(arena + 2496))[i] = ((x0 * x1) + x2);
}

// node `lstm_y_quant/cols189` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k223_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4800))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 0))[i] = x0;
}

// node `lstm_y_quant/cols188` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k224_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4800))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 128))[i] = x0;
}

// node `lstm_y_quant/cols187` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k225_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4800))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 256))[i] = x0;
}

// node `lstm_y_quant/cols186` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k226_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4800))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 384))[i] = x0;
}

// node `lstm_y_quant/t195` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k227_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 6144))[i];
    const float x2 = ((float*)(arena + 384))[i];
    const float x3 = ((float*)(arena + 0))[i];
    ((float*)(arena + 512))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t198` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k228_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[i];
    const float x1 = ((float*)(arena + 512))[i];
    ((float*)(arena + 384))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized202/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k229_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 384)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `lstm_y_quant/quantized202/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k230_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 64))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized202/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k231_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 384)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `lstm_y_quant/quantized202/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k232_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 64))[i];
    ((float*)(arena + 128))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized202/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k233_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized202/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k234_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 192))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized202/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k235_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 192))[i];
    ((float*)(arena + 128))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized202/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k236_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((float*)(arena + 128))[i];
    ((float*)(arena + 0))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized202/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k237_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized202/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k238_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized202/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k239_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 64))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm203/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k240_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm203/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k241_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 11904))[i];
    ((float*)(arena + 64))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized202/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k242_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 384))[i];
    const float x1 = ((float*)(arena + 128))[0];
    ((float*)(arena + 192))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized202/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k243_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 192))[i];
    ((float*)(arena + 640))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized202/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k244_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((float*)(arena + 0))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 128))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized202` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k245_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    ((unsigned char*)(arena + 256))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm203/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k246_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 256))[i];
    ((float*)(arena + 128))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm203/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k247_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((float*)(arena + 0))[0];
    ((float*)(arena + 256))[i] = (x0 - x1);
}

// node `lstm_y_quant/t204` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k248_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 256)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 11968)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 4416))[i];
    const float x2 = ((float*)(arena + 64))[0];
    ((float*)(arena + 640))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols208` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k249_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 0))[i] = x0;
}

// node `lstm_y_quant/cols207` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k250_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 128))[i] = x0;
}

// node `lstm_y_quant/cols206` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k251_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 256))[i] = x0;
}

// node `lstm_y_quant/cols205` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k252_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1024))[i] = x0;
}

// node `lstm_y_quant/t214` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k253_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((float*)(arena + 512))[i];
    const float x2 = ((float*)(arena + 1024))[i];
    const float x3 = ((float*)(arena + 0))[i];
    ((float*)(arena + 640))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t217` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k254_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[i];
    const float x1 = ((float*)(arena + 640))[i];
    ((float*)(arena + 512))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized221/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k255_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 512)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `lstm_y_quant/quantized221/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k256_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 64))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized221/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k257_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 512)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `lstm_y_quant/quantized221/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k258_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 64))[i];
    ((float*)(arena + 128))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized221/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k259_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized221/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k260_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 192))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized221/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k261_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 192))[i];
    ((float*)(arena + 128))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized221/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k262_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((float*)(arena + 128))[i];
    ((float*)(arena + 0))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized221/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k263_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized221/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k264_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized221/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k265_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 64))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm222/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k266_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm222/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k267_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 11904))[i];
    ((float*)(arena + 64))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized221/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k268_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 512))[i];
    const float x1 = ((float*)(arena + 128))[0];
    ((float*)(arena + 192))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized221/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k269_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 192))[i];
    ((float*)(arena + 768))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized221/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k270_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[i];
    const float x1 = ((float*)(arena + 0))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 128))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized221` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k271_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    ((unsigned char*)(arena + 256))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm222/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k272_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 256))[i];
    ((float*)(arena + 128))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm222/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k273_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((float*)(arena + 0))[0];
    ((float*)(arena + 256))[i] = (x0 - x1);
}

// node `lstm_y_quant/t223` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k274_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 256)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 11968)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 4032))[i];
    const float x2 = ((float*)(arena + 64))[0];
    ((float*)(arena + 768))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols227` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k275_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 0))[i] = x0;
}

// node `lstm_y_quant/cols226` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k276_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 128))[i] = x0;
}

// node `lstm_y_quant/cols225` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k277_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 256))[i] = x0;
}

// node `lstm_y_quant/cols224` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k278_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1152))[i] = x0;
}

// node `lstm_y_quant/t233` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k279_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((float*)(arena + 640))[i];
    const float x2 = ((float*)(arena + 1152))[i];
    const float x3 = ((float*)(arena + 0))[i];
    ((float*)(arena + 1280))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t236` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k280_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[i];
    const float x1 = ((float*)(arena + 1280))[i];
    ((float*)(arena + 1408))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized240/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k281_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 1408)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `lstm_y_quant/quantized240/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k282_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 64))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized240/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k283_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 1408)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `lstm_y_quant/quantized240/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k284_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 64))[i];
    ((float*)(arena + 128))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized240/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k285_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized240/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k286_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 192))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized240/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k287_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 192))[i];
    ((float*)(arena + 128))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized240/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k288_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((float*)(arena + 128))[i];
    ((float*)(arena + 0))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized240/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k289_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized240/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k290_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized240/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k291_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 64))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm241/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k292_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm241/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k293_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 11904))[i];
    ((float*)(arena + 64))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized240/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k294_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1408))[i];
    const float x1 = ((float*)(arena + 128))[0];
    ((float*)(arena + 192))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized240/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k295_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 192))[i];
    ((float*)(arena + 640))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized240/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k296_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((float*)(arena + 0))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 128))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized240` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k297_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    ((unsigned char*)(arena + 256))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm241/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k298_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 256))[i];
    ((float*)(arena + 128))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm241/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k299_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((float*)(arena + 0))[0];
    ((float*)(arena + 256))[i] = (x0 - x1);
}

// node `lstm_y_quant/t242` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k300_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 256)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 11968)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 3648))[i];
    const float x2 = ((float*)(arena + 64))[0];
    ((float*)(arena + 640))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols246` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k301_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1024))[i] = x0;
}

// node `lstm_y_quant/cols245` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k302_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1152))[i] = x0;
}

// node `lstm_y_quant/cols244` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k303_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 0))[i] = x0;
}

// node `lstm_y_quant/cols243` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k304_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 128))[i] = x0;
}

// node `lstm_y_quant/t252` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k305_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[i];
    const float x1 = ((float*)(arena + 1280))[i];
    const float x2 = ((float*)(arena + 128))[i];
    const float x3 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 256))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t255` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k306_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 256))[i];
    ((float*)(arena + 128))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized259/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k307_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 128)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `lstm_y_quant/quantized259/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k308_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 64))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized259/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k309_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 128)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `lstm_y_quant/quantized259/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k310_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 64))[i];
    ((float*)(arena + 640))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized259/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k311_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized259/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k312_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 704))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized259/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k313_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 704))[i];
    ((float*)(arena + 640))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized259/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k314_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((float*)(arena + 640))[i];
    ((float*)(arena + 0))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized259/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k315_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized259/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k316_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized259/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k317_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 64))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm260/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k318_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm260/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k319_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((const float*)(weights + 11904))[i];
    ((float*)(arena + 64))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized259/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k320_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((float*)(arena + 640))[0];
    ((float*)(arena + 704))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized259/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k321_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 704))[i];
    ((float*)(arena + 832))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized259/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k322_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 832))[i];
    const float x1 = ((float*)(arena + 0))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 640))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized259` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k323_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    ((unsigned char*)(arena + 768))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm260/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k324_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 768))[i];
    ((float*)(arena + 640))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm260/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k325_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((float*)(arena + 0))[0];
    ((float*)(arena + 768))[i] = (x0 - x1);
}

// node `lstm_y_quant/t261` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k326_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 768)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 11968)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 3264))[i];
    const float x2 = ((float*)(arena + 64))[0];
    ((float*)(arena + 896))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols265` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k327_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 896))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 0))[i] = x0;
}

// node `lstm_y_quant/cols264` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k328_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 896))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1280))[i] = x0;
}

// node `lstm_y_quant/cols263` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k329_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 896))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 640))[i] = x0;
}

// node `lstm_y_quant/cols262` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k330_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 896))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 768))[i] = x0;
}

// node `lstm_y_quant/t271` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k331_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1280))[i];
    const float x1 = ((float*)(arena + 256))[i];
    const float x2 = ((float*)(arena + 768))[i];
    const float x3 = ((float*)(arena + 0))[i];
    ((float*)(arena + 896))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t274` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k332_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((float*)(arena + 896))[i];
    ((float*)(arena + 0))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized278/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k333_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 0)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 256))[i] = acc;
}

// node `lstm_y_quant/quantized278/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k334_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 256))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 320))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized278/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k335_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 0)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 256))[i] = acc;
}

// node `lstm_y_quant/quantized278/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k336_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 256))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 320))[i];
    ((float*)(arena + 640))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized278/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k337_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 256))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized278/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k338_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 704))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized278/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k339_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 256))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 704))[i];
    ((float*)(arena + 640))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized278/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k340_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 320))[i];
    const float x1 = ((float*)(arena + 640))[i];
    ((float*)(arena + 256))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized278/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k341_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 256))[i];
    ((float*)(arena + 320))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized278/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k342_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 320))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 256))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized278/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k343_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 256))[i];
    ((unsigned char*)(arena + 320))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm279/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k344_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 320))[i];
    ((float*)(arena + 256))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm279/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k345_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((const float*)(weights + 11904))[i];
    ((float*)(arena + 320))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized278/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k346_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 640))[0];
    ((float*)(arena + 704))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized278/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k347_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 704))[i];
    ((float*)(arena + 1024))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized278/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k348_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((float*)(arena + 256))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 640))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized278` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k349_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    ((unsigned char*)(arena + 768))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm279/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k350_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 768))[i];
    ((float*)(arena + 640))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm279/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k351_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((float*)(arena + 256))[0];
    ((float*)(arena + 768))[i] = (x0 - x1);
}

// node `lstm_y_quant/t280` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k352_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 768)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 11968)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 2880))[i];
    const float x2 = ((float*)(arena + 320))[0];
    ((float*)(arena + 1024))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols284` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k353_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1024))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 256))[i] = x0;
}

// node `lstm_y_quant/cols283` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k354_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1024))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 640))[i] = x0;
}

// node `lstm_y_quant/cols282` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k355_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1024))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 768))[i] = x0;
}

// node `lstm_y_quant/cols281` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k356_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1024))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 5184))[i] = x0;
}

// node `lstm_y_quant/t290` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k357_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((float*)(arena + 896))[i];
    const float x2 = ((float*)(arena + 5184))[i];
    const float x3 = ((float*)(arena + 256))[i];
    ((float*)(arena + 1024))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t293` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k358_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[i];
    const float x1 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 256))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/quantized297/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k359_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 256)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 1152))[i] = acc;
}

// node `lstm_y_quant/quantized297/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k360_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1152))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 1216))[i] = ronn_min(x0, x1);
}

// node `lstm_y_quant/quantized297/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k361_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 256)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 24; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 12LL; u_ /= 12LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 12LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 1152))[i] = acc;
}

// node `lstm_y_quant/quantized297/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k362_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1152))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 1216))[i];
    ((float*)(arena + 1280))[i] = (ronn_max(x0, x1) - x2);
}

// node `lstm_y_quant/quantized297/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k363_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1280))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 1152))[i] = (unsigned char)(x0 == x1);
}

// node `lstm_y_quant/quantized297/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k364_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1280))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 1344))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized297/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k365_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 1152))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 1344))[i];
    ((float*)(arena + 1280))[i] = (x0 ? x1 : x2);
}

// node `lstm_y_quant/quantized297/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k366_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1216))[i];
    const float x1 = ((float*)(arena + 1280))[i];
    ((float*)(arena + 1152))[i] = ((-x0) / x1);
}

// node `lstm_y_quant/quantized297/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k367_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1152))[i];
    ((float*)(arena + 1216))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized297/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k368_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1216))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 1152))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `lstm_y_quant/quantized297/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k369_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1152))[i];
    ((unsigned char*)(arena + 1216))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm298/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k370_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 1216))[i];
    ((float*)(arena + 1152))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm298/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k371_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 1280))[i];
    const float x1 = ((const float*)(weights + 11904))[i];
    ((float*)(arena + 1216))[i] = (x0 * x1);
}

// node `lstm_y_quant/quantized297/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k372_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[i];
    const float x1 = ((float*)(arena + 1280))[0];
    ((float*)(arena + 640))[i] = (x0 / x1);
}

// node `lstm_y_quant/quantized297/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k373_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    ((float*)(arena + 1280))[i] = ronn_round(x0);
}

// node `lstm_y_quant/quantized297/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k374_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1280))[i];
    const float x1 = ((float*)(arena + 1152))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 640))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `lstm_y_quant/quantized297` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k375_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    ((unsigned char*)(arena + 1280))[i] = (unsigned char)(x0);
}

// node `lstm_y_quant/qmm298/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k376_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 1280))[i];
    ((float*)(arena + 640))[i] = (float)(x0);
}

// node `lstm_y_quant/qmm298/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k377_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    const float x1 = ((float*)(arena + 1152))[0];
    ((float*)(arena + 1280))[i] = (x0 - x1);
}

// node `lstm_y_quant/t299` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k378_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c1 = t_ % 48LL; t_ /= 48LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 1280)) + 0 + c0 * 12LL;
    const float* b = ((const float*)(weights + 11968)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 12; ++k) acc += (a[k]) * (b[k * 48LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 2496))[i];
    const float x2 = ((float*)(arena + 1216))[0];
    ((float*)(arena + 640))[i] = (x1 + (x0 * x2));
}

// node `lstm_y_quant/cols303` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k379_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (36LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1152))[i] = x0;
}

// node `lstm_y_quant/cols302` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k380_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (24LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 1280))[i] = x0;
}

// node `lstm_y_quant/cols301` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k381_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (12LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 2496))[i] = x0;
}

// node `lstm_y_quant/cols300` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k382_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[(0LL + c0 * 1LL) * 48LL + (0LL + c1 * 1LL) * 1LL];
    ((float*)(arena + 2624))[i] = x0;
}

// node `lstm_y_quant/t309` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k383_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1280))[i];
    const float x1 = ((float*)(arena + 1024))[i];
    const float x2 = ((float*)(arena + 2624))[i];
    const float x3 = ((float*)(arena + 1152))[i];
    ((float*)(arena + 640))[i] = ((ronn_sigmoid(x0) * x1) + (ronn_sigmoid(x2) * tanhf(x3)));
}

// node `lstm_y_quant/t312` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k384_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2496))[i];
    const float x1 = ((float*)(arena + 640))[i];
    ((float*)(arena + 768))[i] = (ronn_sigmoid(x0) * tanhf(x1));
}

// node `lstm_y_quant/join318` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k386_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c2 = t_ % 12LL; t_ /= 12LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1536))[i];
    ((float*)(arena + 896))[(c0 + 0LL) * 24LL + c1 * 12LL + c2] = x0;
}

// node `lstm_y_quant/join318` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k386_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c2 = t_ % 12LL; t_ /= 12LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[i];
    ((float*)(arena + 896))[(c0 + 1LL) * 24LL + c1 * 12LL + c2] = x0;
}

// node `lstm_y_quant/join319` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k389_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c2 = t_ % 12LL; t_ /= 12LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1664))[i];
    ((float*)(arena + 1088))[(c0 + 0LL) * 24LL + c1 * 12LL + c2] = x0;
}

// node `lstm_y_quant/join319` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k389_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c2 = t_ % 12LL; t_ /= 12LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 640))[i];
    ((float*)(arena + 1088))[(c0 + 1LL) * 24LL + c1 * 12LL + c2] = x0;
}

// node `lstm_y_quant/y_dir314` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k396_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[i];
    ((float*)(arena + 2496))[(c0 + 0LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir314` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k396_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[i];
    ((float*)(arena + 2496))[(c0 + 1LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir314` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k396_2(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 2496))[(c0 + 2LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir314` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k396_3(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    ((float*)(arena + 2496))[(c0 + 3LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir314` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k396_4(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1408))[i];
    ((float*)(arena + 2496))[(c0 + 4LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir314` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k396_5(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 512))[i];
    ((float*)(arena + 2496))[(c0 + 5LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/y_dir314` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k396_6(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 384))[i];
    ((float*)(arena + 2496))[(c0 + 6LL) * 24LL + c1 * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/join317` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k397_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(168);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1792))[i];
    ((float*)(arena + 3200))[c0 * 48LL + (c1 + 0LL) * 24LL + c2 * 12LL + c3] = x0;
}

// node `lstm_y_quant/join317` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k397_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(168);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2496))[i];
    ((float*)(arena + 3200))[c0 * 48LL + (c1 + 1LL) * 24LL + c2 * 12LL + c3] = x0;
}

// node `transpose_y_sbdh` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k398_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(336);
    long long t_ = i;
    const long long c3 = t_ % 12LL; t_ /= 12LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3200))[c0 * 48LL + c1 * 12LL + c2 * 24LL + c3];
    ((float*)(arena + 1280))[i] = x0;
}

// node `features_QuantizeLinear/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k400_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 1280)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 336; ++r) {
        long long u_ = r;
        const long long r2 = u_ % 24LL; u_ /= 24LL;
        const long long r1 = u_ % 2LL; u_ /= 2LL;
        const long long r0 = u_ % 7LL; u_ /= 7LL;
        const float v = x[r0 * 48LL + r1 * 24LL + r2];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `features_QuantizeLinear/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k401_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((float*)(arena + 64))[i] = ronn_min(x0, x1);
}

// node `features_QuantizeLinear/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k402_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 1280)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 336; ++r) {
        long long u_ = r;
        const long long r2 = u_ % 24LL; u_ /= 24LL;
        const long long r1 = u_ % 2LL; u_ /= 2LL;
        const long long r0 = u_ % 7LL; u_ /= 7LL;
        const float v = x[r0 * 48LL + r1 * 24LL + r2];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `features_QuantizeLinear/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k403_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((float*)(arena + 64))[i];
    ((float*)(arena + 128))[i] = (ronn_max(x0, x1) - x2);
}

// node `features_QuantizeLinear/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k404_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0 == x1);
}

// node `features_QuantizeLinear/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k405_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 192))[i] = (x0 / x1);
}

// node `features_QuantizeLinear/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k406_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 2688))[i];
    const float x2 = ((float*)(arena + 192))[i];
    ((float*)(arena + 128))[i] = (x0 ? x1 : x2);
}

// node `features_QuantizeLinear/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k407_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((float*)(arena + 128))[i];
    ((float*)(arena + 0))[i] = ((-x0) / x1);
}

// node `features_QuantizeLinear/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k408_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = ronn_round(x0);
}

// node `features_QuantizeLinear/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k409_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 2560))[i];
    const float x2 = ((const float*)(weights + 2624))[i];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `features_QuantizeLinear/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k410_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 64))[i] = (unsigned char)(x0);
}

// node `matmul_scores_quant/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k411_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `matmul_scores_quant_scales_mul` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k412_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 14272))[i];
    ((float*)(arena + 64))[i] = (x0 * x1);
}

// node `features_QuantizeLinear/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k413_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(336);
    long long t_ = i;
    const long long c2 = t_ % 24LL; t_ /= 24LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1280))[i];
    const float x1 = ((float*)(arena + 128))[0];
    ((float*)(arena + 2624))[i] = (x0 / x1);
}

// node `features_QuantizeLinear/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k414_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(336);
    long long t_ = i;
    const long long c2 = t_ % 24LL; t_ /= 24LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2624))[i];
    ((float*)(arena + 1280))[i] = ronn_round(x0);
}

// node `features_QuantizeLinear/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k415_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(336);
    long long t_ = i;
    const long long c2 = t_ % 24LL; t_ /= 24LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1280))[i];
    const float x1 = ((float*)(arena + 0))[0];
    const float x2 = ((const float*)(weights + 2560))[0];
    const float x3 = ((const float*)(weights + 2624))[0];
    ((float*)(arena + 2624))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `features_QuantizeLinear` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k416_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(336);
    long long t_ = i;
    const long long c2 = t_ % 24LL; t_ /= 24LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2624))[i];
    ((unsigned char*)(arena + 128))[i] = (unsigned char)(x0);
}

// node `matmul_scores_quant/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k417_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(336);
    long long t_ = i;
    const long long c2 = t_ % 24LL; t_ /= 24LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 128))[i];
    ((float*)(arena + 1280))[i] = (float)(x0);
}

// node `matmul_scores_quant/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k418_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(336);
    long long t_ = i;
    const long long c2 = t_ % 24LL; t_ /= 24LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1280))[i];
    const float x1 = ((float*)(arena + 0))[0];
    ((float*)(arena + 2624))[i] = (x0 - x1);
}

// node `matmul_scores_quant/matmul` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k419_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(70);
    long long t_ = i;
    const long long c2 = t_ % 5LL; t_ /= 5LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 2624)) + c0 * 48LL + c1 * 24LL;
    const float* b = ((const float*)(weights + 14336)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 24; ++k) acc += (a[k]) * (b[k * 5LL]);
    const float x0 = acc;
    ((float*)(arena + 128))[i] = x0;
}

// node `matmul_scores_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k420_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(70);
    long long t_ = i;
    const long long c2 = t_ % 5LL; t_ /= 5LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    ((int*)(arena + 448))[i] = (int)(x0);
}

// node `scores_output_quantized_cast` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k421_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(70);
    long long t_ = i;
    const long long c2 = t_ % 5LL; t_ /= 5LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const int x0 = ((int*)(arena + 448))[i];
    ((float*)(arena + 128))[i] = (float)(x0);
}

// node `add_logits` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k422_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(70);
    long long t_ = i;
    const long long c2 = t_ % 5LL; t_ /= 5LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((float*)(arena + 64))[0];
    const float x2 = ((const float*)(weights + 14848))[c2];
    ((float*)(arena + 448))[i] = ((x0 * x1) + x2);
}
