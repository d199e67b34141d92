
// node `MatMulIntegerToFloat_2/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[0];
    const float x1 = ((const float*)(weights + 0))[i];
    ((float*)(arena + 384))[i] = (x0 * x1);
}

// node `MatMulIntegerToFloat_2/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    long long t_ = i;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 320))[i];
    ((float*)(arena + 256))[i] = (float)(x0);
}

// node `MatMulIntegerToFloat_2/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(48);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 192))[i];
    ((float*)(arena + 448))[i] = (float)(x0);
}

// node `MatMulIntegerToFloat_2/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k3_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(48);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 448))[i];
    const float x1 = ((float*)(arena + 256))[0];
    ((float*)(arena + 640))[i] = (x0 - x1);
}

// node `MatMulIntegerToFloat_2` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k4_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 640)) + 0 + c0 * 16LL;
    const float* b = ((const float*)(weights + 64)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 16; ++k) acc += (a[k]) * (b[k * 8LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 384))[c1];
    const float x2 = ((const float*)(weights + 576))[c1];
    ((float*)(arena + 192))[i] = ((x0 * x1) + x2);
}

// node `DynamicQuantizeMatMul_1/quantize_a/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k5_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 0)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 48; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 16LL; u_ /= 16LL;
        const long long r0 = u_ % 3LL; u_ /= 3LL;
        const float v = x[r0 * 16LL + r1];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 320))[i] = acc;
}

// node `DynamicQuantizeMatMul_1/quantize_a/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k6_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 320))[i];
    const float x1 = ((const float*)(weights + 640))[i];
    ((float*)(arena + 384))[i] = ronn_min(x0, x1);
}

// node `DynamicQuantizeMatMul_1/quantize_a/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k7_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 0)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 48; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 16LL; u_ /= 16LL;
        const long long r0 = u_ % 3LL; u_ /= 3LL;
        const float v = x[r0 * 16LL + r1];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 320))[i] = acc;
}

// node `DynamicQuantizeMatMul_1/quantize_a/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k8_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 320))[i];
    const float x1 = ((const float*)(weights + 640))[i];
    const float x2 = ((float*)(arena + 384))[i];
    ((float*)(arena + 448))[i] = (ronn_max(x0, x1) - x2);
}

// node `DynamicQuantizeMatMul_1/quantize_a/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k9_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 448))[i];
    const float x1 = ((const float*)(weights + 640))[i];
    ((unsigned char*)(arena + 320))[i] = (unsigned char)(x0 == x1);
}

// node `DynamicQuantizeMatMul_1/quantize_a/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k10_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 448))[i];
    const float x1 = ((const float*)(weights + 704))[i];
    ((float*)(arena + 512))[i] = (x0 / x1);
}

// node `DynamicQuantizeMatMul_1/quantize_a/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k11_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 320))[i];
    const float x1 = ((const float*)(weights + 768))[i];
    const float x2 = ((float*)(arena + 512))[i];
    ((float*)(arena + 448))[i] = (x0 ? x1 : x2);
}

// node `DynamicQuantizeMatMul_1/quantize_a/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k12_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 384))[i];
    const float x1 = ((float*)(arena + 448))[i];
    ((float*)(arena + 320))[i] = ((-x0) / x1);
}

// node `DynamicQuantizeMatMul_1/quantize_a/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k13_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 320))[i];
    ((float*)(arena + 384))[i] = ronn_round(x0);
}

// node `DynamicQuantizeMatMul_1/quantize_a/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k14_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 384))[i];
    const float x1 = ((const float*)(weights + 640))[i];
    const float x2 = ((const float*)(weights + 704))[i];
    ((float*)(arena + 320))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `DynamicQuantizeMatMul_1/quantize_a/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k15_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 320))[i];
    ((unsigned char*)(arena + 384))[i] = (unsigned char)(x0);
}

// node `DynamicQuantizeMatMul_1/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k16_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 384))[i];
    ((float*)(arena + 320))[i] = (float)(x0);
}

// node `DynamicQuantizeMatMul_1/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k17_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 448))[0];
    const float x1 = ((const float*)(weights + 0))[i];
    ((float*)(arena + 384))[i] = (x0 * x1);
}

// node `DynamicQuantizeMatMul_1/quantize_a/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k18_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(48);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 448))[0];
    ((float*)(arena + 512))[i] = (x0 / x1);
}

// node `DynamicQuantizeMatMul_1/quantize_a/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k19_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(48);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 512))[i];
    ((float*)(arena + 0))[i] = ronn_round(x0);
}

// node `DynamicQuantizeMatMul_1/quantize_a/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k20_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(48);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 320))[0];
    const float x2 = ((const float*)(weights + 640))[0];
    const float x3 = ((const float*)(weights + 704))[0];
    ((float*)(arena + 512))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `DynamicQuantizeMatMul_1/quantize_a` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k21_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(48);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 512))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0);
}

// node `DynamicQuantizeMatMul_1/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k22_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(48);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    ((float*)(arena + 512))[i] = (float)(x0);
}

// node `DynamicQuantizeMatMul_1/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k23_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(48);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 512))[i];
    const float x1 = ((float*)(arena + 320))[0];
    ((float*)(arena + 0))[i] = (x0 - x1);
}

// node `DynamicQuantizeMatMul_0/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k24_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 448))[i];
    const float x1 = ((const float*)(weights + 832))[i];
    ((float*)(arena + 320))[i] = (x0 * x1);
}

// node `DynamicQuantizeMatMul_1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k25_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + 0 + c0 * 16LL;
    const float* b = ((const float*)(weights + 896)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 16; ++k) acc += (a[k]) * (b[k * 8LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 384))[c1];
    ((float*)(arena + 448))[i] = (x0 * x1);
}

// node `DynamicQuantizeMatMul_0` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k26_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + 0 + c0 * 16LL;
    const float* b = ((const float*)(weights + 64)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 16; ++k) acc += (a[k]) * (b[k * 8LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 320))[0];
    const float x2 = ((const float*)(weights + 576))[c1];
    ((float*)(arena + 576))[i] = ((x0 * x1) + x2);
}
