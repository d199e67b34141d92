
// node `RotaryEmbedding_1/sin_at` (Gather)
// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    const long long inner = i % 8LL;
    const long long j = (i / 8LL) % 8LL;
    const long long outer = i / (8LL * 8LL);
    long long idx = (long long)((long long*)(arena + 192))[j];
    if (idx < 0) idx += 16;
    ((float*)(arena + 1792))[i] = (idx < 0 || idx >= 16) ? (float)0 : ((const float*)(weights + 0))[(outer * 16LL + idx) * 8LL + inner];
}

// node `RotaryEmbedding_1/cos_at` (Gather)
// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    const long long inner = i % 8LL;
    const long long j = (i / 8LL) % 8LL;
    const long long outer = i / (8LL * 8LL);
    long long idx = (long long)((long long*)(arena + 192))[j];
    if (idx < 0) idx += 16;
    ((float*)(arena + 2048))[i] = (idx < 0 || idx >= 16) ? (float)0 : ((const float*)(weights + 512))[(outer * 16LL + idx) * 8LL + inner];
}

// node `Expand_mask.expanded` (Expand)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k5_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(56);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const long long x0 = ((long long*)(arena + 64))[c0 * 7LL + c3];
    ((long long*)(arena + 2304))[i] = x0;
}

// node `Cast_mask.float` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k6_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(56);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const long long x0 = ((long long*)(arena + 2304))[i];
    ((float*)(arena + 2752))[i] = (float)(x0);
}

// node `Sub_mask.inverted` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k7_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(56);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((const float*)(weights + 1024))[0];
    const float x1 = ((float*)(arena + 2752))[i];
    ((float*)(arena + 2304))[i] = (x0 - x1);
}

// node `Cast_mask.is_pad` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k8_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(56);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2304))[i];
    ((unsigned char*)(arena + 64))[i] = (unsigned char)(x0 != 0);
}

// node `Where_mask.padding` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k9_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(56);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 1088))[0];
    const float x2 = ((float*)(arena + 2304))[i];
    ((float*)(arena + 2560))[i] = (x0 ? x1 : x2);
}

// node `Add_mask.4d` (Add)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k10_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(56);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2560))[i];
    const float x1 = ((const float*)(weights + 1152))[c2 * 7LL + c3];
    ((float*)(arena + 2304))[i] = (x0 + x1);
}

// node `Concat_0` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k11_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(56);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2304))[i];
    ((float*)(arena + 2560))[c0 * 56LL + (c1 + 0LL) * 28LL + c2 * 7LL + c3] = x0;
}

// node `Concat_0` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k11_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(56);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2304))[i];
    ((float*)(arena + 2560))[c0 * 56LL + (c1 + 1LL) * 28LL + c2 * 7LL + c3] = x0;
}

// node `MultiHeadAttention_0/attention/bias_row_max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k12_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 2560)) + c0 * 56LL + c1 * 28LL + c2 * 7LL;
    float acc = -RONN_INF;
    for (long long r = 0; r < 7; ++r) {
        long long u_ = r;
        const long long r0 = u_ % 7LL; u_ /= 7LL;
        const float v = x[r0];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 64))[i] = acc;
}

// node `MultiHeadAttention_0/attention/row_masked` (IsInf)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k13_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c3 = t_ % 1LL; t_ /= 1LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 64))[i];
    ((unsigned char*)(arena + 128))[i] = (unsigned char)((0 && x0 == RONN_INF) || (1 && x0 == -RONN_INF));
}

// node `Gather_embed` (Gather)
// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL k14_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    const long long inner = i % 32LL;
    const long long j = (i / 32LL) % 8LL;
    const long long outer = i / (32LL * 8LL);
    long long idx = (long long)((long long*)(arena + 0))[j];
    if (idx < 0) idx += 50;
    ((float*)(arena + 3008))[i] = (idx < 0 || idx >= 50) ? (float)0 : ((const float*)(weights + 1280))[(outer * 50LL + idx) * 32LL + inner];
}

// node `LayerNormalization_input_layernorm.out` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k15_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const float* x = ((float*)(arena + 3008)) + i * 32LL;
    const float* scale = ((const float*)(weights + 7680));
    const float* bias = ((const float*)(weights + 7808));
    float* y = ((float*)(arena + 4032)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-6f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `MatMul_v_proj.out` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k16_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4032)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 7936)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    ((float*)(arena + 5056))[i] = x0;
}

// node `MultiHeadAttention_0/v_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k18_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 5056))[c0 * 128LL + c1 * 16LL + c2 * 32LL + c3];
    ((float*)(arena + 6080))[i] = x0;
}

// node `MultiHeadAttention_0/attention/present_value` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k19_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(192);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 3LL; t_ /= 3LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 7104))[c0 * 224LL + c1 * 112LL + (c2 + 0LL) * 16LL + c3] = x0;
}

// node `MultiHeadAttention_0/attention/present_value` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k19_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6080))[i];
    ((float*)(arena + 7104))[c0 * 224LL + c1 * 112LL + (c2 + 3LL) * 16LL + c3] = x0;
}

// node `MatMul_k_proj.out` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k20_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4032)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 12032)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    ((float*)(arena + 5056))[i] = x0;
}

// node `RotaryEmbedding_1/x2` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k22_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 5056))[(0LL + c0 * 1LL) * 128LL + (0LL + c1 * 1LL) * 32LL + (0LL + c2 * 1LL) * 16LL + (8LL + c3 * 1LL) * 1LL];
    ((float*)(arena + 1024))[i] = x0;
}

// node `RotaryEmbedding_1/x1` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k23_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 5056))[(0LL + c0 * 1LL) * 128LL + (0LL + c1 * 1LL) * 32LL + (0LL + c2 * 1LL) * 16LL + (0LL + c3 * 1LL) * 1LL];
    ((float*)(arena + 6080))[i] = x0;
}

// node `RotaryEmbedding_1/imag` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k24_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1792))[c0 * 32LL + c1 * 8LL + c3];
    const float x1 = ((float*)(arena + 6080))[i];
    const float x2 = ((float*)(arena + 2048))[c0 * 32LL + c1 * 8LL + c3];
    const float x3 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 6592))[i] = ((x0 * x1) + (x2 * x3));
}

// node `RotaryEmbedding_1/real` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k25_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2048))[c0 * 32LL + c1 * 8LL + c3];
    const float x1 = ((float*)(arena + 6080))[i];
    const float x2 = ((float*)(arena + 1792))[c0 * 32LL + c1 * 8LL + c3];
    const float x3 = ((float*)(arena + 1024))[i];
    ((float*)(arena + 5056))[i] = ((x0 * x1) - (x2 * x3));
}

// node `RotaryEmbedding_1/rotated` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k26_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 5056))[i];
    ((float*)(arena + 5568))[c0 * 128LL + c1 * 32LL + c2 * 16LL + (c3 + 0LL)] = x0;
}

// node `RotaryEmbedding_1/rotated` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k26_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6592))[i];
    ((float*)(arena + 5568))[c0 * 128LL + c1 * 32LL + c2 * 16LL + (c3 + 8LL)] = x0;
}

// node `MultiHeadAttention_0/k_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k27_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 5568))[c0 * 128LL + c1 * 16LL + c2 * 32LL + c3];
    ((float*)(arena + 8896))[i] = x0;
}

// node `MultiHeadAttention_0/attention/present_key` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k28_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(192);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 3LL; t_ /= 3LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[i];
    ((float*)(arena + 5056))[c0 * 224LL + c1 * 112LL + (c2 + 0LL) * 16LL + c3] = x0;
}

// node `MultiHeadAttention_0/attention/present_key` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k28_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 8896))[i];
    ((float*)(arena + 5056))[c0 * 224LL + c1 * 112LL + (c2 + 3LL) * 16LL + c3] = x0;
}

// node `MultiHeadAttention_0/attention/k_scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k29_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(448);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 7LL; t_ /= 7LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 5056))[i];
    const float x1 = ((const float*)(weights + 16128))[0];
    ((float*)(arena + 8896))[i] = (x0 * x1);
}

// node `MultiHeadAttention_0/attention/k_t` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k30_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(448);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 8896))[c0 * 224LL + c1 * 112LL + c2 + c3 * 16LL];
    ((float*)(arena + 10688))[i] = x0;
}

// node `MatMul_q_proj.out` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k31_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4032)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 16192)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    ((float*)(arena + 192))[i] = x0;
}

// node `RotaryEmbedding_0/x2` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k33_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 192))[(0LL + c0 * 1LL) * 128LL + (0LL + c1 * 1LL) * 32LL + (0LL + c2 * 1LL) * 16LL + (8LL + c3 * 1LL) * 1LL];
    ((float*)(arena + 1216))[i] = x0;
}

// node `RotaryEmbedding_0/x1` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k34_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 192))[(0LL + c0 * 1LL) * 128LL + (0LL + c1 * 1LL) * 32LL + (0LL + c2 * 1LL) * 16LL + (0LL + c3 * 1LL) * 1LL];
    ((float*)(arena + 4032))[i] = x0;
}

// node `RotaryEmbedding_0/imag` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k35_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1792))[c0 * 32LL + c1 * 8LL + c3];
    const float x1 = ((float*)(arena + 4032))[i];
    const float x2 = ((float*)(arena + 2048))[c0 * 32LL + c1 * 8LL + c3];
    const float x3 = ((float*)(arena + 1216))[i];
    ((float*)(arena + 4544))[i] = ((x0 * x1) + (x2 * x3));
}

// node `RotaryEmbedding_0/real` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k36_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2048))[c0 * 32LL + c1 * 8LL + c3];
    const float x1 = ((float*)(arena + 4032))[i];
    const float x2 = ((float*)(arena + 1792))[c0 * 32LL + c1 * 8LL + c3];
    const float x3 = ((float*)(arena + 1216))[i];
    ((float*)(arena + 192))[i] = ((x0 * x1) - (x2 * x3));
}

// node `RotaryEmbedding_0/rotated` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k37_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 192))[i];
    ((float*)(arena + 8896))[c0 * 128LL + c1 * 32LL + c2 * 16LL + (c3 + 0LL)] = x0;
}

// node `RotaryEmbedding_0/rotated` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k37_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4544))[i];
    ((float*)(arena + 8896))[c0 * 128LL + c1 * 32LL + c2 * 16LL + (c3 + 8LL)] = x0;
}

// node `MultiHeadAttention_0/q_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k38_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 8896))[c0 * 128LL + c1 * 16LL + c2 * 32LL + c3];
    ((float*)(arena + 4032))[i] = x0;
}

// node `MultiHeadAttention_0/attention/q_scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k39_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4032))[i];
    const float x1 = ((const float*)(weights + 16128))[0];
    ((float*)(arena + 8896))[i] = (x0 * x1);
}

// node `MultiHeadAttention_0/attention/scores` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k40_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(112);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 8896)) + c0 * 128LL + c1 * 64LL + c2 * 16LL;
    const float* b = ((float*)(arena + 10688)) + c0 * 224LL + c1 * 112LL + c3;
    float acc = 0.0f;
    for (long long k = 0; k < 16; ++k) acc += (a[k]) * (b[k * 7LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 2560))[i];
    ((float*)(arena + 9920))[i] = (x0 + x1);
}

// node `MultiHeadAttention_0/attention/softmax` (Softmax)
// Softmax (or log-softmax) along one axis; one thread per row. The input is viewed as
// [outer, axis, inner]; thread i handles (i / inner, ., i % inner).
RONN_KERNEL k41_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    const long long base = (i / 1LL) * 7LL * 1LL + i % 1LL;
    const float* x = ((float*)(arena + 9920)) + base;
    float* y = ((float*)(arena + 4032)) + base;
    float m = -RONN_INF;
    for (long long j = 0; j < 7; ++j) m = ronn_max(m, x[j * 1LL]);
    float s = 0.0f;
    for (long long j = 0; j < 7; ++j) s += expf(x[j * 1LL] - m);
    for (long long j = 0; j < 7; ++j) y[j * 1LL] = expf(x[j * 1LL] - m) / s;
}

// node `MultiHeadAttention_0/attention/probs_guarded` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k42_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(112);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 128))[c0 * 8LL + c1 * 4LL + c2];
    const float x1 = ((const float*)(weights + 20288))[0];
    const float x2 = ((float*)(arena + 4032))[i];
    ((float*)(arena + 4480))[i] = (x0 ? x1 : x2);
}

// node `MultiHeadAttention_0/attention/y` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k43_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4480)) + c0 * 56LL + c1 * 28LL + c2 * 7LL;
    const float* b = ((float*)(arena + 7104)) + c0 * 224LL + c1 * 112LL + c3;
    float acc = 0.0f;
    for (long long k = 0; k < 7; ++k) acc += (a[k]) * (b[k * 16LL]);
    const float x0 = acc;
    ((float*)(arena + 0))[i] = x0;
}

// node `MultiHeadAttention_0/y_bshd` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k44_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[c0 * 128LL + c1 * 16LL + c2 * 64LL + c3];
    ((float*)(arena + 4032))[i] = x0;
}

// node `SkipLayerNorm_0/residual/sum0` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k46_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4032)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 20352)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 3008))[i];
    ((float*)(arena + 0))[i] = (x1 + x0);
}

// node `SkipLayerNorm_0` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k47_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const float* x = ((float*)(arena + 0)) + i * 32LL;
    const float* scale = ((const float*)(weights + 24448));
    const float* bias = ((const float*)(weights + 24576));
    float* y = ((float*)(arena + 1024)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-6f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `MatMul_up` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k48_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 64LL; t_ /= 64LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 1024)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 24704)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 64LL]);
    const float x0 = acc;
    ((float*)(arena + 2048))[i] = x0;
}

// node `Mul_mlp.act` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k49_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(512);
    long long t_ = i;
    const long long c2 = t_ % 64LL; t_ /= 64LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 1024)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 32896)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 64LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 2048))[i];
    ((float*)(arena + 8896))[i] = ((x0 * ronn_sigmoid(x0)) * x1);
}

// node `SkipLayerNorm_1/residual/sum0` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k50_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 8896)) + c0 * 256LL + c1 * 64LL;
    const float* b = ((const float*)(weights + 41088)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 64; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 0))[i];
    ((float*)(arena + 1024))[i] = (x1 + x0);
}

// node `SkipLayerNorm_1` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k51_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const float* x = ((float*)(arena + 1024)) + i * 32LL;
    const float* scale = ((const float*)(weights + 49280));
    const float* bias = ((const float*)(weights + 49408));
    float* y = ((float*)(arena + 0)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-6f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `MatMul_logits` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k52_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(400);
    long long t_ = i;
    const long long c2 = t_ % 50LL; t_ /= 50LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 49536)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 50LL]);
    const float x0 = acc;
    ((float*)(arena + 1024))[i] = x0;
}
