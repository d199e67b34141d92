
// node `Cast_2` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const long long x0 = ((long long*)(arena + 128))[i];
    ((int*)(arena + 384))[i] = (int)(x0);
}

// node `EmbedLayerNormalization_0/segments_i64` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const int x0 = ((int*)(arena + 384))[i];
    ((long long*)(arena + 128))[i] = (long long)(x0);
}

// node `EmbedLayerNormalization_0/segments` (Gather)
// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    const long long inner = i % 32LL;
    const long long j = (i / 32LL) % 16LL;
    const long long outer = i / (32LL * 16LL);
    long long idx = (long long)((long long*)(arena + 128))[j];
    if (idx < 0) idx += 2;
    ((float*)(arena + 384))[i] = (idx < 0 || idx >= 2) ? (float)0 : ((const float*)(weights + 0))[(outer * 2LL + idx) * 32LL + inner];
}

// node `Cast_1` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k3_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const long long x0 = ((long long*)(arena + 0))[i];
    ((int*)(arena + 128))[i] = (int)(x0);
}

// node `EmbedLayerNormalization_0/words_i64` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k4_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const int x0 = ((int*)(arena + 128))[i];
    ((long long*)(arena + 0))[i] = (long long)(x0);
}

// node `EmbedLayerNormalization_0/words` (Gather)
// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL k5_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    const long long inner = i % 32LL;
    const long long j = (i / 32LL) % 16LL;
    const long long outer = i / (32LL * 16LL);
    long long idx = (long long)((long long*)(arena + 0))[j];
    if (idx < 0) idx += 50;
    ((float*)(arena + 2432))[i] = (idx < 0 || idx >= 50) ? (float)0 : ((const float*)(weights + 256))[(outer * 50LL + idx) * 32LL + inner];
}

// node `EmbedLayerNormalization_0/sum_segments` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k6_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2432))[i];
    const float x1 = ((const float*)(weights + 6656))[c1 * 32LL + c2];
    const float x2 = ((float*)(arena + 384))[i];
    ((float*)(arena + 4480))[i] = ((x0 + x1) + x2);
}

// node `EmbedLayerNormalization_0` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k7_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    const float* x = ((float*)(arena + 4480)) + i * 32LL;
    const float* scale = ((const float*)(weights + 7680));
    const float* bias = ((const float*)(weights + 7808));
    float* y = ((float*)(arena + 384)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-12f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k8_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 384)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 512; ++r) {
        long long u_ = r;
        const long long r2 = u_ % 32LL; u_ /= 32LL;
        const long long r1 = u_ % 8LL; u_ /= 8LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 256LL + r1 * 32LL + r2];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k9_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 7936))[i];
    ((float*)(arena + 64))[i] = ronn_min(x0, x1);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k10_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 384)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 512; ++r) {
        long long u_ = r;
        const long long r2 = u_ % 32LL; u_ /= 32LL;
        const long long r1 = u_ % 8LL; u_ /= 8LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 256LL + r1 * 32LL + r2];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k11_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 7936))[i];
    const float x2 = ((float*)(arena + 64))[i];
    ((float*)(arena + 128))[i] = (ronn_max(x0, x1) - x2);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k12_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 7936))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0 == x1);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k13_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 8000))[i];
    ((float*)(arena + 192))[i] = (x0 / x1);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k14_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 8064))[i];
    const float x2 = ((float*)(arena + 192))[i];
    ((float*)(arena + 128))[i] = (x0 ? x1 : x2);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k15_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((float*)(arena + 128))[i];
    ((float*)(arena + 0))[i] = ((-x0) / x1);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k16_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = ronn_round(x0);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k17_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 7936))[i];
    const float x2 = ((const float*)(weights + 8000))[i];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k18_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 64))[i] = (unsigned char)(x0);
}

// node `Attention_0_quant/projection/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k19_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `Attention_0_quant/projection/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k20_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 128))[i];
    const float x1 = ((const float*)(weights + 8128))[i];
    ((float*)(arena + 64))[i] = (x0 * x1);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k21_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 384))[i];
    const float x1 = ((float*)(arena + 128))[0];
    ((float*)(arena + 2432))[i] = (x0 / x1);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k22_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2432))[i];
    ((float*)(arena + 4480))[i] = ronn_round(x0);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k23_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4480))[i];
    const float x1 = ((float*)(arena + 0))[0];
    const float x2 = ((const float*)(weights + 7936))[0];
    const float x3 = ((const float*)(weights + 8000))[0];
    ((float*)(arena + 2432))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `EmbedLayerNormalization_0_output_QuantizeLinear` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k24_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2432))[i];
    ((unsigned char*)(arena + 4480))[i] = (unsigned char)(x0);
}

// node `Attention_0_quant/projection/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k25_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 4480))[i];
    ((float*)(arena + 2432))[i] = (float)(x0);
}

// node `Attention_0_quant/projection/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k26_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2432))[i];
    const float x1 = ((float*)(arena + 0))[0];
    ((float*)(arena + 4480))[i] = (x0 - x1);
}

// node `Attention_0_quant/projection` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k27_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1536);
    long long t_ = i;
    const long long c2 = t_ % 96LL; t_ /= 96LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4480)) + c0 * 256LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 8192)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 96LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 64))[0];
    const float x2 = ((const float*)(weights + 20480))[c2];
    ((float*)(arena + 6528))[i] = ((x0 * x1) + x2);
}

// node `Attention_0_quant/v` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k28_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6528))[(0LL + c0 * 1LL) * 768LL + (0LL + c1 * 1LL) * 96LL + (64LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 2432))[i] = x0;
}

// node `Attention_0_quant/v_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k30_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2432))[c0 * 256LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 4480))[i] = x0;
}

// node `Attention_0_quant/k` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k31_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6528))[(0LL + c0 * 1LL) * 768LL + (0LL + c1 * 1LL) * 96LL + (32LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 2432))[i] = x0;
}

// node `Attention_0_quant/k_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k33_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2432))[c0 * 256LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 12672))[i] = x0;
}

// node `Attention_0_quant/attention/k_scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k34_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 12672))[i];
    const float x1 = ((const float*)(weights + 20864))[0];
    ((float*)(arena + 2432))[i] = (x0 * x1);
}

// node `Attention_0_quant/attention/k_t` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k35_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2432))[c0 * 256LL + c1 * 64LL + c2 + c3 * 8LL];
    ((float*)(arena + 12672))[i] = x0;
}

// node `Attention_0_quant/q` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k36_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6528))[(0LL + c0 * 1LL) * 768LL + (0LL + c1 * 1LL) * 96LL + (0LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 2432))[i] = x0;
}

// node `Attention_0_quant/q_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k38_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2432))[c0 * 256LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 6528))[i] = x0;
}

// node `Attention_0_quant/attention/q_scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k39_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6528))[i];
    const float x1 = ((const float*)(weights + 20864))[0];
    ((float*)(arena + 2432))[i] = (x0 * x1);
}

// node `Cast_0` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k40_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const long long x0 = ((long long*)(arena + 256))[i];
    ((int*)(arena + 0))[i] = (int)(x0);
}

// node `EmbedLayerNormalization_0/mask_ones` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k41_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const int x0 = ((int*)(arena + 0))[i];
    const int x1 = ((const int*)(weights + 20928))[0];
    ((unsigned char*)(arena + 64))[i] = (unsigned char)(x0 == x1);
}

// node `EmbedLayerNormalization_0/mask_ones_f32` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k42_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `EmbedLayerNormalization_0/mask_count` (ReduceSum)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k43_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2);
    long long t_ = i;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 0)) + c0 * 8LL;
    float acc = 0.0f;
    for (long long r = 0; r < 8; ++r) {
        long long u_ = r;
        const long long r0 = u_ % 8LL; u_ /= 8LL;
        const float v = x[r0];
        acc = acc + v;
    }
    ((float*)(arena + 64))[i] = acc;
}

// node `EmbedLayerNormalization_0/mask_index` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k44_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2);
    long long t_ = i;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 64))[i];
    ((int*)(arena + 0))[i] = (int)(x0);
}

// node `Attention_1_quant/mask_lengths` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k45_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2);
    long long t_ = i;
    const long long c0 = t_;
    const int x0 = ((int*)(arena + 0))[i];
    ((long long*)(arena + 64))[i] = (long long)(x0);
}

// node `Attention_1_quant/mask_keep` (Less)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k47_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const long long x0 = ((const long long*)(weights + 20992))[c1];
    const long long x1 = ((long long*)(arena + 64))[c0];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0 < x1);
}

// node `Attention_1_quant/mask_bias` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k48_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 7936))[0];
    const float x2 = ((const float*)(weights + 21056))[0];
    ((float*)(arena + 64))[i] = (x0 ? x1 : x2);
}

// node `Attention_0_quant/attention/scores` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k50_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 2432)) + c0 * 256LL + c1 * 64LL + c2 * 8LL;
    const float* b = ((float*)(arena + 12672)) + c0 * 256LL + c1 * 64LL + c3;
    float acc = 0.0f;
    for (long long k = 0; k < 8; ++k) acc += (a[k]) * (b[k * 8LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 64))[c0 * 8LL + c3];
    ((float*)(arena + 6528))[i] = (x0 + x1);
}

// node `Attention_0_quant/attention/softmax` (Softmax)
// Softmax (or log-softmax) along one axis; one thread per row. The input is viewed as
// [outer, axis, inner]; thread i handles (i / inner, ., i % inner).
RONN_KERNEL k51_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    const long long base = (i / 1LL) * 8LL * 1LL + i % 1LL;
    const float* x = ((float*)(arena + 6528)) + base;
    float* y = ((float*)(arena + 2432)) + base;
    float m = -RONN_INF;
    for (long long j = 0; j < 8; ++j) m = ronn_max(m, x[j * 1LL]);
    float s = 0.0f;
    for (long long j = 0; j < 8; ++j) s += expf(x[j * 1LL] - m);
    for (long long j = 0; j < 8; ++j) y[j * 1LL] = expf(x[j * 1LL] - m) / s;
}

// node `Attention_1_quant/attention/bias_row_max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k52_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2);
    long long t_ = i;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 64)) + c0 * 8LL + c1 * 8LL + c2 * 8LL;
    float acc = -RONN_INF;
    for (long long r = 0; r < 8; ++r) {
        long long u_ = r;
        const long long r0 = u_ % 8LL; u_ /= 8LL;
        const float v = x[r0];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `Attention_1_quant/attention/row_masked` (IsInf)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k53_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2);
    long long t_ = i;
    const long long c3 = t_ % 1LL; t_ /= 1LL;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 128))[i] = (unsigned char)((0 && x0 == RONN_INF) || (1 && x0 == -RONN_INF));
}

// node `Attention_0_quant/attention/probs_guarded` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k54_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 128))[c0];
    const float x1 = ((const float*)(weights + 7936))[0];
    const float x2 = ((float*)(arena + 2432))[i];
    ((float*)(arena + 6528))[i] = (x0 ? x1 : x2);
}

// node `Attention_0_quant/attention/y` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k55_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 6528)) + c0 * 256LL + c1 * 64LL + c2 * 8LL;
    const float* b = ((float*)(arena + 4480)) + c0 * 256LL + c1 * 64LL + c3;
    float acc = 0.0f;
    for (long long k = 0; k < 8; ++k) acc += (a[k]) * (b[k * 8LL]);
    const float x0 = acc;
    ((float*)(arena + 2432))[i] = x0;
}

// node `Attention_0_quant/y_bshd` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k56_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2432))[c0 * 256LL + c1 * 8LL + c2 * 64LL + c3];
    ((float*)(arena + 4480))[i] = x0;
}

// node `SkipLayerNorm_AddBias_0/residual/sum1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k58_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4480)) + c0 * 256LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 21120)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 384))[i];
    const float x2 = ((const float*)(weights + 25216))[c2];
    ((float*)(arena + 2432))[i] = ((x0 + x1) + x2);
}

// node `SkipLayerNorm_AddBias_0` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k59_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    const float* x = ((float*)(arena + 2432)) + i * 32LL;
    const float* scale = ((const float*)(weights + 25344));
    const float* bias = ((const float*)(weights + 25472));
    float* y = ((float*)(arena + 192)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-12f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `Gelu_AddBias_0` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k60_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c2 = t_ % 64LL; t_ /= 64LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 192)) + c0 * 256LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 25600)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 64LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 33792))[c2];
    ((float*)(arena + 2240))[i] = ronn_gelu((x0 + x1));
}

// node `SkipLayerNorm_AddBias_1/residual/sum1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k61_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 2240)) + c0 * 512LL + c1 * 64LL;
    const float* b = ((const float*)(weights + 34048)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 64; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 192))[i];
    const float x2 = ((const float*)(weights + 42240))[c2];
    ((float*)(arena + 6336))[i] = ((x0 + x1) + x2);
}

// node `SkipLayerNorm_AddBias_1` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k62_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    const float* x = ((float*)(arena + 6336)) + i * 32LL;
    const float* scale = ((const float*)(weights + 42368));
    const float* bias = ((const float*)(weights + 42496));
    float* y = ((float*)(arena + 192)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-12f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/min` (ReduceMin)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k63_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 192)) + 0;
    float acc = RONN_INF;
    for (long long r = 0; r < 512; ++r) {
        long long u_ = r;
        const long long r2 = u_ % 32LL; u_ /= 32LL;
        const long long r1 = u_ % 8LL; u_ /= 8LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 256LL + r1 * 32LL + r2];
        acc = ronn_min(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/min0` (Min)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k64_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 7936))[i];
    ((float*)(arena + 2240))[i] = ronn_min(x0, x1);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k65_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float* x = ((float*)(arena + 192)) + 0;
    float acc = -RONN_INF;
    for (long long r = 0; r < 512; ++r) {
        long long u_ = r;
        const long long r2 = u_ % 32LL; u_ /= 32LL;
        const long long r1 = u_ % 8LL; u_ /= 8LL;
        const long long r0 = u_ % 2LL; u_ /= 2LL;
        const float v = x[r0 * 256LL + r1 * 32LL + r2];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/range` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k66_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 7936))[i];
    const float x2 = ((float*)(arena + 2240))[i];
    ((float*)(arena + 2304))[i] = (ronn_max(x0, x1) - x2);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/zero_range` (Equal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k67_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 2304))[i];
    const float x1 = ((const float*)(weights + 7936))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0 == x1);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/range_scale` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k68_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 2304))[i];
    const float x1 = ((const float*)(weights + 8000))[i];
    ((float*)(arena + 2368))[i] = (x0 / x1);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/scale` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k69_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 8064))[i];
    const float x2 = ((float*)(arena + 2368))[i];
    ((float*)(arena + 2304))[i] = (x0 ? x1 : x2);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/zero_point/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k70_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 2240))[i];
    const float x1 = ((float*)(arena + 2304))[i];
    ((float*)(arena + 0))[i] = ((-x0) / x1);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/zero_point/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k71_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 2240))[i] = ronn_round(x0);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/zero_point/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k72_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 2240))[i];
    const float x1 = ((const float*)(weights + 7936))[i];
    const float x2 = ((const float*)(weights + 8000))[i];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/zero_point` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k73_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 2240))[i] = (unsigned char)(x0);
}

// node `Attention_1_quant/projection/a_zero_point_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k74_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const unsigned char x0 = ((unsigned char*)(arena + 2240))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `Attention_1_quant/projection/multiplier` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k75_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const float x0 = ((float*)(arena + 2304))[i];
    const float x1 = ((const float*)(weights + 42624))[i];
    ((float*)(arena + 2240))[i] = (x0 * x1);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k76_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 192))[i];
    const float x1 = ((float*)(arena + 2304))[0];
    ((float*)(arena + 2368))[i] = (x0 / x1);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k77_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2368))[i];
    ((float*)(arena + 4416))[i] = ronn_round(x0);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k78_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4416))[i];
    const float x1 = ((float*)(arena + 0))[0];
    const float x2 = ((const float*)(weights + 7936))[0];
    const float x3 = ((const float*)(weights + 8000))[0];
    ((float*)(arena + 2304))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `layer0.output.LayerNorm.out_QuantizeLinear` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k79_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2304))[i];
    ((unsigned char*)(arena + 4352))[i] = (unsigned char)(x0);
}

// node `Attention_1_quant/projection/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k80_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 4352))[i];
    ((float*)(arena + 2304))[i] = (float)(x0);
}

// node `Attention_1_quant/projection/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k81_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2304))[i];
    const float x1 = ((float*)(arena + 0))[0];
    ((float*)(arena + 4352))[i] = (x0 - x1);
}

// node `Attention_1_quant/projection` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k82_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1536);
    long long t_ = i;
    const long long c2 = t_ % 96LL; t_ /= 96LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4352)) + c0 * 256LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 42688)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 96LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 2240))[0];
    const float x2 = ((const float*)(weights + 54976))[c2];
    ((float*)(arena + 6400))[i] = ((x0 * x1) + x2);
}

// node `Attention_1_quant/v` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k83_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6400))[(0LL + c0 * 1LL) * 768LL + (0LL + c1 * 1LL) * 96LL + (64LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 2240))[i] = x0;
}

// node `Attention_1_quant/v_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k85_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2240))[c0 * 256LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 4288))[i] = x0;
}

// node `Attention_1_quant/k` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k86_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6400))[(0LL + c0 * 1LL) * 768LL + (0LL + c1 * 1LL) * 96LL + (32LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 2240))[i] = x0;
}

// node `Attention_1_quant/k_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k88_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2240))[c0 * 256LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 12544))[i] = x0;
}

// node `Attention_1_quant/attention/k_scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k89_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 12544))[i];
    const float x1 = ((const float*)(weights + 20864))[0];
    ((float*)(arena + 2240))[i] = (x0 * x1);
}

// node `Attention_1_quant/attention/k_t` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k90_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2240))[c0 * 256LL + c1 * 64LL + c2 + c3 * 8LL];
    ((float*)(arena + 12544))[i] = x0;
}

// node `Attention_1_quant/q` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k91_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6400))[(0LL + c0 * 1LL) * 768LL + (0LL + c1 * 1LL) * 96LL + (0LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 2240))[i] = x0;
}

// node `Attention_1_quant/q_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k93_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2240))[c0 * 256LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 6336))[i] = x0;
}

// node `Attention_1_quant/attention/q_scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k94_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6336))[i];
    const float x1 = ((const float*)(weights + 20864))[0];
    ((float*)(arena + 2240))[i] = (x0 * x1);
}

// node `Attention_1_quant/attention/scores` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k95_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 2240)) + c0 * 256LL + c1 * 64LL + c2 * 8LL;
    const float* b = ((float*)(arena + 12544)) + c0 * 256LL + c1 * 64LL + c3;
    float acc = 0.0f;
    for (long long k = 0; k < 8; ++k) acc += (a[k]) * (b[k * 8LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 64))[c0 * 8LL + c3];
    ((float*)(arena + 6336))[i] = (x0 + x1);
}

// node `Attention_1_quant/attention/softmax` (Softmax)
// Softmax (or log-softmax) along one axis; one thread per row. The input is viewed as
// [outer, axis, inner]; thread i handles (i / inner, ., i % inner).
RONN_KERNEL k96_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    const long long base = (i / 1LL) * 8LL * 1LL + i % 1LL;
    const float* x = ((float*)(arena + 6336)) + base;
    float* y = ((float*)(arena + 2240)) + base;
    float m = -RONN_INF;
    for (long long j = 0; j < 8; ++j) m = ronn_max(m, x[j * 1LL]);
    float s = 0.0f;
    for (long long j = 0; j < 8; ++j) s += expf(x[j * 1LL] - m);
    for (long long j = 0; j < 8; ++j) y[j * 1LL] = expf(x[j * 1LL] - m) / s;
}

// node `Attention_1_quant/attention/probs_guarded` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k97_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 128))[c0];
    const float x1 = ((const float*)(weights + 7936))[0];
    const float x2 = ((float*)(arena + 2240))[i];
    ((float*)(arena + 6336))[i] = (x0 ? x1 : x2);
}

// node `Attention_1_quant/attention/y` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k98_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 6336)) + c0 * 256LL + c1 * 64LL + c2 * 8LL;
    const float* b = ((float*)(arena + 4288)) + c0 * 256LL + c1 * 64LL + c3;
    float acc = 0.0f;
    for (long long k = 0; k < 8; ++k) acc += (a[k]) * (b[k * 8LL]);
    const float x0 = acc;
    ((float*)(arena + 2240))[i] = x0;
}

// node `Attention_1_quant/y_bshd` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k99_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2240))[c0 * 256LL + c1 * 8LL + c2 * 64LL + c3];
    ((float*)(arena + 4288))[i] = x0;
}

// node `SkipLayerNorm_AddBias_2/residual/sum1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k101_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4288)) + c0 * 256LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 55360)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 192))[i];
    const float x2 = ((const float*)(weights + 59456))[c2];
    ((float*)(arena + 2240))[i] = ((x0 + x1) + x2);
}

// node `SkipLayerNorm_AddBias_2` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k102_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    const float* x = ((float*)(arena + 2240)) + i * 32LL;
    const float* scale = ((const float*)(weights + 59584));
    const float* bias = ((const float*)(weights + 59712));
    float* y = ((float*)(arena + 0)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-12f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `Gelu_AddBias_1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k103_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c2 = t_ % 64LL; t_ /= 64LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + c0 * 256LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 59840)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 64LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 68032))[c2];
    ((float*)(arena + 2048))[i] = ronn_gelu((x0 + x1));
}

// node `SkipLayerNorm_AddBias_3/residual/sum1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k104_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 2048)) + c0 * 512LL + c1 * 64LL;
    const float* b = ((const float*)(weights + 68288)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 64; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 0))[i];
    const float x2 = ((const float*)(weights + 76480))[c2];
    ((float*)(arena + 6144))[i] = ((x0 + x1) + x2);
}

// node `SkipLayerNorm_AddBias_3` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k105_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    const float* x = ((float*)(arena + 6144)) + i * 32LL;
    const float* scale = ((const float*)(weights + 76608));
    const float* bias = ((const float*)(weights + 76736));
    float* y = ((float*)(arena + 0)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-12f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `Identity_last_hidden_state` (Identity)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k106_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 2048))[i] = x0;
}
