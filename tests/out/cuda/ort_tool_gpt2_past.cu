
// node `Cast_2` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k8_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const long long x0 = ((long long*)(arena + 64))[i];
    ((int*)(arena + 3264))[i] = (int)(x0);
}

// node `EmbedLayerNormalization_0/positions_i64` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k9_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const int x0 = ((int*)(arena + 3264))[i];
    ((long long*)(arena + 64))[i] = (long long)(x0);
}

// node `EmbedLayerNormalization_0/positions` (Gather)
// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL k10_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    const long long inner = i % 32LL;
    const long long j = (i / 32LL) % 8LL;
    const long long outer = i / (32LL * 8LL);
    long long idx = (long long)((long long*)(arena + 64))[j];
    if (idx < 0) idx += 16;
    ((float*)(arena + 3264))[i] = (idx < 0 || idx >= 16) ? (float)0 : ((const float*)(weights + 0))[(outer * 16LL + idx) * 32LL + inner];
}

// node `Cast_1` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k11_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const long long x0 = ((long long*)(arena + 0))[i];
    ((int*)(arena + 64))[i] = (int)(x0);
}

// node `EmbedLayerNormalization_0/words_i64` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k12_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const int x0 = ((int*)(arena + 64))[i];
    ((long long*)(arena + 0))[i] = (long long)(x0);
}

// node `EmbedLayerNormalization_0/words` (Gather)
// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL k13_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    const long long inner = i % 32LL;
    const long long j = (i / 32LL) % 8LL;
    const long long outer = i / (32LL * 8LL);
    long long idx = (long long)((long long*)(arena + 0))[j];
    if (idx < 0) idx += 50;
    ((float*)(arena + 4288))[i] = (idx < 0 || idx >= 50) ? (float)0 : ((const float*)(weights + 2048))[(outer * 50LL + idx) * 32LL + inner];
}

// node `EmbedLayerNormalization_0/sum_positions` (Add)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k14_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4288))[i];
    const float x1 = ((float*)(arena + 3264))[i];
    ((float*)(arena + 5312))[i] = (x0 + x1);
}

// node `EmbedLayerNormalization_0` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k15_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const float* x = ((float*)(arena + 5312)) + i * 32LL;
    const float* scale = ((const float*)(weights + 8448));
    const float* bias = ((const float*)(weights + 8576));
    float* y = ((float*)(arena + 3264)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-5f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `GptAttention_0/projection_bias` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k16_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(768);
    long long t_ = i;
    const long long c2 = t_ % 96LL; t_ /= 96LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 3264)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 8704)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 96LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 20992))[c2];
    ((float*)(arena + 6336))[i] = (x0 + x1);
}

// node `GptAttention_0/v` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k17_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6336))[(0LL + c0 * 1LL) * 384LL + (0LL + c1 * 1LL) * 96LL + (64LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 3264))[i] = x0;
}

// node `GptAttention_0/v_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k19_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3264))[c0 * 128LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 4288))[i] = x0;
}

// node `GptAttention_0/attention/present_value` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k20_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(192);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 3LL; t_ /= 3LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 960))[i];
    ((float*)(arena + 9408))[c0 * 224LL + c1 * 56LL + (c2 + 0LL) * 8LL + c3] = x0;
}

// node `GptAttention_0/attention/present_value` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k20_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4288))[i];
    ((float*)(arena + 9408))[c0 * 224LL + c1 * 56LL + (c2 + 3LL) * 8LL + c3] = x0;
}

// node `GptAttention_0/k` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k22_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6336))[(0LL + c0 * 1LL) * 384LL + (0LL + c1 * 1LL) * 96LL + (32LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 3264))[i] = x0;
}

// node `GptAttention_0/k_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k24_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3264))[c0 * 128LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 4288))[i] = x0;
}

// node `GptAttention_0/attention/present_key` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k25_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(192);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 3LL; t_ /= 3LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 192))[i];
    ((float*)(arena + 11200))[c0 * 224LL + c1 * 56LL + (c2 + 0LL) * 8LL + c3] = x0;
}

// node `GptAttention_0/attention/present_key` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k25_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4288))[i];
    ((float*)(arena + 11200))[c0 * 224LL + c1 * 56LL + (c2 + 3LL) * 8LL + c3] = x0;
}

// node `GptAttention_0/present` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k27_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(448);
    long long t_ = i;
    const long long c4 = t_ % 8LL; t_ /= 8LL;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 11200))[i];
    ((float*)(arena + 12992))[(c0 + 0LL) * 448LL + c1 * 224LL + c2 * 56LL + c3 * 8LL + c4] = x0;
}

// node `GptAttention_0/present` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k27_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(448);
    long long t_ = i;
    const long long c4 = t_ % 8LL; t_ /= 8LL;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 9408))[i];
    ((float*)(arena + 12992))[(c0 + 1LL) * 448LL + c1 * 224LL + c2 * 56LL + c3 * 8LL + c4] = x0;
}

// node `GptAttention_0/attention/k_scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k28_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(448);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 7LL; t_ /= 7LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 11200))[i];
    const float x1 = ((const float*)(weights + 21376))[0];
    ((float*)(arena + 3264))[i] = (x0 * x1);
}

// node `GptAttention_0/attention/k_t` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k29_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(448);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3264))[c0 * 224LL + c1 * 56LL + c2 + c3 * 8LL];
    ((float*)(arena + 11200))[i] = x0;
}

// node `GptAttention_0/q` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k30_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6336))[(0LL + c0 * 1LL) * 384LL + (0LL + c1 * 1LL) * 96LL + (0LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 192))[i] = x0;
}

// node `GptAttention_0/q_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k32_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 192))[c0 * 128LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 3264))[i] = x0;
}

// node `GptAttention_0/attention/q_scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k33_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3264))[i];
    const float x1 = ((const float*)(weights + 21376))[0];
    ((float*)(arena + 4288))[i] = (x0 * x1);
}

// node `Cast_0` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k34_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(14);
    long long t_ = i;
    const long long c1 = t_ % 7LL; t_ /= 7LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    ((int*)(arena + 0))[i] = (int)(x0);
}

// node `GptAttention_1/mask_keep` (Greater)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k35_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(14);
    long long t_ = i;
    const long long c1 = t_ % 7LL; t_ /= 7LL;
    const long long c0 = t_;
    const int x0 = ((int*)(arena + 0))[i];
    const int x1 = ((const int*)(weights + 21440))[0];
    ((unsigned char*)(arena + 3264))[i] = (unsigned char)(x0 > x1);
}

// node `GptAttention_1/mask_bias` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k36_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(14);
    long long t_ = i;
    const long long c1 = t_ % 7LL; t_ /= 7LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 3264))[i];
    const float x1 = ((const float*)(weights + 21504))[0];
    const float x2 = ((const float*)(weights + 21568))[0];
    ((float*)(arena + 3328))[i] = (x0 ? x1 : x2);
}

// node `GptAttention_1/attention/bias_causal` (Add)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k38_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(56);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3328))[c0 * 7LL + c3];
    const float x1 = ((const float*)(weights + 21632))[c2 * 7LL + c3];
    ((float*)(arena + 3392))[i] = (x0 + x1);
}

// node `GptAttention_0/attention/scores` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k39_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4288)) + c0 * 128LL + c1 * 32LL + c2 * 8LL;
    const float* b = ((float*)(arena + 11200)) + c0 * 224LL + c1 * 56LL + c3;
    float acc = 0.0f;
    for (long long k = 0; k < 8; ++k) acc += (a[k]) * (b[k * 7LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 3392))[c0 * 28LL + c2 * 7LL + c3];
    ((float*)(arena + 0))[i] = (x0 + x1);
}

// node `GptAttention_0/attention/softmax` (Softmax)
// Softmax (or log-softmax) along one axis; one thread per row. The input is viewed as
// [outer, axis, inner]; thread i handles (i / inner, ., i % inner).
RONN_KERNEL k40_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(32);
    const long long base = (i / 1LL) * 7LL * 1LL + i % 1LL;
    const float* x = ((float*)(arena + 0)) + base;
    float* y = ((float*)(arena + 3648)) + base;
    float m = -RONN_INF;
    for (long long j = 0; j < 7; ++j) m = ronn_max(m, x[j * 1LL]);
    float s = 0.0f;
    for (long long j = 0; j < 7; ++j) s += expf(x[j * 1LL] - m);
    for (long long j = 0; j < 7; ++j) y[j * 1LL] = expf(x[j * 1LL] - m) / s;
}

// node `GptAttention_1/attention/bias_row_max` (ReduceMax)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k41_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 3392)) + c0 * 28LL + c1 * 28LL + c2 * 7LL;
    float acc = -RONN_INF;
    for (long long r = 0; r < 7; ++r) {
        long long u_ = r;
        const long long r0 = u_ % 7LL; u_ /= 7LL;
        const float v = x[r0];
        acc = ronn_max(acc, v);
    }
    ((float*)(arena + 3264))[i] = acc;
}

// node `GptAttention_1/attention/row_masked` (IsInf)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k42_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c3 = t_ % 1LL; t_ /= 1LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 1LL; t_ /= 1LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3264))[i];
    ((unsigned char*)(arena + 3328))[i] = (unsigned char)((0 && x0 == RONN_INF) || (1 && x0 == -RONN_INF));
}

// node `GptAttention_0/attention/probs_guarded` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k43_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 3328))[c0 * 4LL + c2];
    const float x1 = ((const float*)(weights + 21504))[0];
    const float x2 = ((float*)(arena + 3648))[i];
    ((float*)(arena + 0))[i] = (x0 ? x1 : x2);
}

// node `GptAttention_0/attention/y` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k44_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + c0 * 112LL + c1 * 28LL + c2 * 7LL;
    const float* b = ((float*)(arena + 9408)) + c0 * 224LL + c1 * 56LL + c3;
    float acc = 0.0f;
    for (long long k = 0; k < 7; ++k) acc += (a[k]) * (b[k * 8LL]);
    const float x0 = acc;
    ((float*)(arena + 3648))[i] = x0;
}

// node `GptAttention_0/y_bshd` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k45_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3648))[c0 * 128LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 0))[i] = x0;
}

// node `SkipLayerNorm_AddBias_0/residual/sum1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k47_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 21760)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 5312))[i];
    const float x2 = ((const float*)(weights + 25856))[c2];
    ((float*)(arena + 3648))[i] = ((x0 + x1) + x2);
}

// node `SkipLayerNorm_AddBias_0` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k48_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const float* x = ((float*)(arena + 3648)) + i * 32LL;
    const float* scale = ((const float*)(weights + 25984));
    const float* bias = ((const float*)(weights + 26112));
    float* y = ((float*)(arena + 0)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-5f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `FastGelu_AddBias_0` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k49_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c2 = t_ % 128LL; t_ /= 128LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 26240)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 128LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 42624))[c2];
    ((float*)(arena + 4672))[i] = ronn_gelu_tanh((x0 + x1));
}

// node `SkipLayerNorm_AddBias_1/residual/sum1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k50_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 4672)) + c0 * 512LL + c1 * 128LL;
    const float* b = ((const float*)(weights + 43136)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 128; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 3648))[i];
    const float x2 = ((const float*)(weights + 59520))[c2];
    ((float*)(arena + 0))[i] = ((x0 + x1) + x2);
}

// node `SkipLayerNorm_AddBias_1` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k51_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const float* x = ((float*)(arena + 0)) + i * 32LL;
    const float* scale = ((const float*)(weights + 59648));
    const float* bias = ((const float*)(weights + 59776));
    float* y = ((float*)(arena + 3648)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-5f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `GptAttention_1/projection_bias` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k52_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(768);
    long long t_ = i;
    const long long c2 = t_ % 96LL; t_ /= 96LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 3648)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 59904)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 96LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 72192))[c2];
    ((float*)(arena + 4672))[i] = (x0 + x1);
}

// node `GptAttention_1/v` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k53_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4672))[(0LL + c0 * 1LL) * 384LL + (0LL + c1 * 1LL) * 96LL + (64LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 3648))[i] = x0;
}

// node `GptAttention_1/v_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k55_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3648))[c0 * 128LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 7744))[i] = x0;
}

// node `GptAttention_1/attention/present_value` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k56_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(192);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 3LL; t_ /= 3LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2496))[i];
    ((float*)(arena + 8768))[c0 * 224LL + c1 * 56LL + (c2 + 0LL) * 8LL + c3] = x0;
}

// node `GptAttention_1/attention/present_value` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k56_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 7744))[i];
    ((float*)(arena + 8768))[c0 * 224LL + c1 * 56LL + (c2 + 3LL) * 8LL + c3] = x0;
}

// node `GptAttention_1/k` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k58_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4672))[(0LL + c0 * 1LL) * 384LL + (0LL + c1 * 1LL) * 96LL + (32LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 3648))[i] = x0;
}

// node `GptAttention_1/k_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k60_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3648))[c0 * 128LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 7744))[i] = x0;
}

// node `GptAttention_1/attention/present_key` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k61_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(192);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 3LL; t_ /= 3LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1728))[i];
    ((float*)(arena + 10560))[c0 * 224LL + c1 * 56LL + (c2 + 0LL) * 8LL + c3] = x0;
}

// node `GptAttention_1/attention/present_key` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k61_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 7744))[i];
    ((float*)(arena + 10560))[c0 * 224LL + c1 * 56LL + (c2 + 3LL) * 8LL + c3] = x0;
}

// node `GptAttention_1/present` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k63_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(448);
    long long t_ = i;
    const long long c4 = t_ % 8LL; t_ /= 8LL;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 10560))[i];
    ((float*)(arena + 16576))[(c0 + 0LL) * 448LL + c1 * 224LL + c2 * 56LL + c3 * 8LL + c4] = x0;
}

// node `GptAttention_1/present` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k63_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(448);
    long long t_ = i;
    const long long c4 = t_ % 8LL; t_ /= 8LL;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 8768))[i];
    ((float*)(arena + 16576))[(c0 + 1LL) * 448LL + c1 * 224LL + c2 * 56LL + c3 * 8LL + c4] = x0;
}

// node `GptAttention_1/attention/k_scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k64_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(448);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 7LL; t_ /= 7LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 10560))[i];
    const float x1 = ((const float*)(weights + 21376))[0];
    ((float*)(arena + 1024))[i] = (x0 * x1);
}

// node `GptAttention_1/attention/k_t` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k65_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(448);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1024))[c0 * 224LL + c1 * 56LL + c2 + c3 * 8LL];
    ((float*)(arena + 10560))[i] = x0;
}

// node `GptAttention_1/q` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k66_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4672))[(0LL + c0 * 1LL) * 384LL + (0LL + c1 * 1LL) * 96LL + (0LL + c2 * 1LL) * 1LL];
    ((float*)(arena + 3648))[i] = x0;
}

// node `GptAttention_1/q_bhld` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k68_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3648))[c0 * 128LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 1024))[i] = x0;
}

// node `GptAttention_1/attention/q_scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k69_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 21376))[0];
    ((float*)(arena + 2048))[i] = (x0 * x1);
}

// node `GptAttention_1/attention/scores` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k70_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 2048)) + c0 * 128LL + c1 * 32LL + c2 * 8LL;
    const float* b = ((float*)(arena + 10560)) + c0 * 224LL + c1 * 56LL + c3;
    float acc = 0.0f;
    for (long long k = 0; k < 8; ++k) acc += (a[k]) * (b[k * 7LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 3392))[c0 * 28LL + c2 * 7LL + c3];
    ((float*)(arena + 1024))[i] = (x0 + x1);
}

// node `GptAttention_1/attention/softmax` (Softmax)
// Softmax (or log-softmax) along one axis; one thread per row. The input is viewed as
// [outer, axis, inner]; thread i handles (i / inner, ., i % inner).
RONN_KERNEL k71_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(32);
    const long long base = (i / 1LL) * 7LL * 1LL + i % 1LL;
    const float* x = ((float*)(arena + 1024)) + base;
    float* y = ((float*)(arena + 1920)) + base;
    float m = -RONN_INF;
    for (long long j = 0; j < 7; ++j) m = ronn_max(m, x[j * 1LL]);
    float s = 0.0f;
    for (long long j = 0; j < 7; ++j) s += expf(x[j * 1LL] - m);
    for (long long j = 0; j < 7; ++j) y[j * 1LL] = expf(x[j * 1LL] - m) / s;
}

// node `GptAttention_1/attention/probs_guarded` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k72_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(224);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 3328))[c0 * 4LL + c2];
    const float x1 = ((const float*)(weights + 21504))[0];
    const float x2 = ((float*)(arena + 1920))[i];
    ((float*)(arena + 1024))[i] = (x0 ? x1 : x2);
}

// node `GptAttention_1/attention/y` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k73_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 1024)) + c0 * 112LL + c1 * 28LL + c2 * 7LL;
    const float* b = ((float*)(arena + 8768)) + c0 * 224LL + c1 * 56LL + c3;
    float acc = 0.0f;
    for (long long k = 0; k < 7; ++k) acc += (a[k]) * (b[k * 8LL]);
    const float x0 = acc;
    ((float*)(arena + 10560))[i] = x0;
}

// node `GptAttention_1/y_bshd` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k74_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 10560))[c0 * 128LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 11584))[i] = x0;
}

// node `SkipLayerNorm_AddBias_2/residual/sum1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k76_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 11584)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 72576)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 0))[i];
    const float x2 = ((const float*)(weights + 76672))[c2];
    ((float*)(arena + 1024))[i] = ((x0 + x1) + x2);
}

// node `SkipLayerNorm_AddBias_2` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k77_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const float* x = ((float*)(arena + 1024)) + i * 32LL;
    const float* scale = ((const float*)(weights + 76800));
    const float* bias = ((const float*)(weights + 76928));
    float* y = ((float*)(arena + 0)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-5f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `FastGelu_AddBias_1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k78_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c2 = t_ % 128LL; t_ /= 128LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 77056)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 128LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 93440))[c2];
    ((float*)(arena + 2048))[i] = ronn_gelu_tanh((x0 + x1));
}

// node `SkipLayerNorm_AddBias_3/residual/sum1` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k79_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(256);
    long long t_ = i;
    const long long c2 = t_ % 32LL; t_ /= 32LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 2048)) + c0 * 512LL + c1 * 128LL;
    const float* b = ((const float*)(weights + 93952)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 128; ++k) acc += (a[k]) * (b[k * 32LL]);
    const float x0 = acc;
    const float x1 = ((float*)(arena + 1024))[i];
    const float x2 = ((const float*)(weights + 110336))[c2];
    ((float*)(arena + 0))[i] = ((x0 + x1) + x2);
}

// node `SkipLayerNorm_AddBias_3` (LayerNorm)
// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL k80_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const float* x = ((float*)(arena + 0)) + i * 32LL;
    const float* scale = ((const float*)(weights + 110464));
    const float* bias = ((const float*)(weights + 110592));
    float* y = ((float*)(arena + 1024)) + i * 32LL;
    float mean = 0.0f;
    for (long long j = 0; j < 32; ++j) mean += x[j];
    mean /= (float)32;
    float var = 0.0f;
    for (long long j = 0; j < 32; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float)32;
    const float inv = 1.0f / sqrtf(var + 1e-5f);
    for (long long j = 0; j < 32; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}

// node `MatMul_logits` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k81_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(400);
    long long t_ = i;
    const long long c2 = t_ % 50LL; t_ /= 50LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 1024)) + c0 * 128LL + c1 * 32LL;
    const float* b = ((const float*)(weights + 110720)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 32; ++k) acc += (a[k]) * (b[k * 50LL]);
    const float x0 = acc;
    ((float*)(arena + 2048))[i] = x0;
}
